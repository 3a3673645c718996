"""MOT Workshop: customer Moment-of-Truth and process-redesign workshops."""

__version__ = "0.1.0"
