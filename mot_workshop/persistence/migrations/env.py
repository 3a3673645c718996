"""Alembic environment: always run in-process on a connection given by migrate.py."""

from alembic import context

from mot_workshop.persistence.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
