"""Numbers that show what a redesign gains: process-map metrics, structure checks, As-Is vs
To-Be comparison and MOT cycle scores. Plain Python over domain objects (networkx loads
only when a map is analysed)."""
