"""Facilitation state: the parking lot and the wizard's progress per step.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('note',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('wizard_step', sa.Integer(), nullable=True),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_table('step_progress',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('step_no', sa.Integer(), nullable=False),
    sa.Column('status', sa.Text(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=True),
    sa.Column('seconds_spent', sa.Float(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('step_progress', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_progress_process_id'), ['process_id'], unique=False)
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    with op.batch_alter_table('step_progress', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_progress_process_id'))

    op.drop_table('step_progress')
    op.drop_table('note')
    op.execute("PRAGMA user_version = 1")
