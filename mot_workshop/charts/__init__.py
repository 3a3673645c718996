"""Chart builders shared by the UI and the PDF: each function takes plain data (analysis
results, domain objects) and returns a ``matplotlib.figure.Figure`` drawn by Agg. No pyplot
state: the UI puts the figure in a ``FigureCanvasQTAgg``, the PDF replays it as vectors.

matplotlib is imported inside the functions, so importing this package costs nothing.
"""
