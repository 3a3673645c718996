"""The marks of a workshop file, in a module that imports nothing: the schema (SQLAlchemy)
and the quick first-paint reader (plain sqlite3) read them from here."""

APPLICATION_ID = 0x4D4F5457        # "MOTW": PRAGMA application_id marks our files
SCHEMA_VERSION = 7                 # PRAGMA user_version; one per Alembic revision
HEAD_REVISION = "0007"
