"""A step keeps what another BPMN tool's gateway or event meant: the gateway kind or event
definition (``marker``) and, for an event on a connector, its role (throw, boundary).

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('step', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column('marker', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('event_role', sa.Text(), nullable=True))
    op.execute("PRAGMA user_version = 7")


def downgrade() -> None:
    with op.batch_alter_table('step', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('event_role')
        batch_op.drop_column('marker')
    op.execute("PRAGMA user_version = 6")
