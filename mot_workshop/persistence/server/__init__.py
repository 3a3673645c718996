"""The team server: workshops kept on a PostgreSQL server, shared by every laptop in the room."""
