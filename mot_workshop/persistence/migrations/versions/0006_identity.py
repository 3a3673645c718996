"""Workshop identity and merge records: each file gets a UUID of its own (a merge refuses a
file merged into itself however its path is spelled) and remembers which team file's
entities it brought in before (merging the same team file again brings only what is new).

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# a random version-4 UUID, written by SQLite itself
_UUID = ("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) "
         "|| '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' "
         "|| hex(randomblob(6)))")


def upgrade() -> None:
    with op.batch_alter_table('workshop', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column('identity', sa.Text(), nullable=True))
    # each engine makes the UUID itself: SQLite from random bytes, PostgreSQL with its own function
    uuid = "gen_random_uuid()::text" if op.get_bind().dialect.name == "postgresql" else _UUID
    op.execute(f"UPDATE workshop SET identity = {uuid}")
    with op.batch_alter_table('workshop', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.alter_column('identity', existing_type=sa.Text(), nullable=False)
    op.create_table('merge_link',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('digest', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.execute("PRAGMA user_version = 6")


def downgrade() -> None:
    op.drop_table('merge_link')
    with op.batch_alter_table('workshop', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('identity')
    op.execute("PRAGMA user_version = 5")
