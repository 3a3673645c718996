"""The workshop file: SQLite through SQLAlchemy (the only package that imports it)."""
