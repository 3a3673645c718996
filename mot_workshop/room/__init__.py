"""The room: participants join from their phones on the room's own network.

Nothing here listens until the facilitator opens the room. The web server library is
imported only by ``room.server`` (loaded when a room opens), so starting the app never pays
for it. The store is touched only by ``room.host`` on the thread that owns the workshop
file; the server thread sees plain data.
"""
