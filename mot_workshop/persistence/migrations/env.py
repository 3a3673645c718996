"""Alembic environment: always run in-process on a connection given by migrate.py."""

from alembic import context

from mot_workshop.persistence.schema import metadata

connection = context.config.attributes["connection"]
# A workshop on a team server keeps its tables and its version stamp in its own schema.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True,
                  version_table_schema=context.config.attributes.get("version_table_schema"))
with context.begin_transaction():
    context.run_migrations()
