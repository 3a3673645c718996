"""Entities and rules of the method (METHOD.md), in plain Python: no Qt, no SQL."""
