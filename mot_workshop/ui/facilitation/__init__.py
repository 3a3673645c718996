"""Tools for running the room: presentation mode, the timer, dot voting, the parking lot."""
