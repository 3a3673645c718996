"""The room: participants' own touchpoint scores (beside the team's) and their ideas.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('room_score',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('touchpoint_id', sa.Integer(), nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('voter', sa.Text(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('importance', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['touchpoint_id'], ['touchpoint.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_table('idea',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('touchpoint_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['touchpoint_id'], ['touchpoint.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('room_score', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_room_score_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_room_score_touchpoint_id'), ['touchpoint_id'], unique=False)
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_idea_touchpoint_id'), ['touchpoint_id'], unique=False)
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    with op.batch_alter_table('idea', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_idea_touchpoint_id'))
    with op.batch_alter_table('room_score', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_room_score_touchpoint_id'))
        batch_op.drop_index(batch_op.f('ix_room_score_participant_id'))
    op.drop_table('idea')
    op.drop_table('room_score')
    op.execute("PRAGMA user_version = 3")
