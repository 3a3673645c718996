"""Origins: a derived map's lanes and steps remember what they were copied from, so the
As-Is / To-Be compare view can tell added, removed, changed and moved steps apart.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("lane", "step"):
        with op.batch_alter_table(table, schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.add_column(sa.Column('origin_id', sa.Integer(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_{table}_origin_id'), ['origin_id'], unique=False)
            batch_op.create_foreign_key(f'fk_{table}_origin_id_{table}', table, ['origin_id'], ['id'],
                                        ondelete='SET NULL')
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    for table in ("step", "lane"):
        with op.batch_alter_table(table, schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
            batch_op.drop_constraint(f'fk_{table}_origin_id_{table}', type_='foreignkey')
            batch_op.drop_index(batch_op.f(f'ix_{table}_origin_id'))
            batch_op.drop_column('origin_id')
    op.execute("PRAGMA user_version = 2")
