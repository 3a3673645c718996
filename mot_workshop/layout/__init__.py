"""Geometry shared by the screen and the PDF: plain Python, no Qt, no database.

``cycle_ring`` places touchpoints on the MOT ring (IN → clockwise → OUT); ``journey`` lays
the same touchpoints out left to right under an experience curve. Units are "points"
(1/72 inch); the Qt scenes draw them as pixels at 100 % zoom, the PDF as points.
"""
