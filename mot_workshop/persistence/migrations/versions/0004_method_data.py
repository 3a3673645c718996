"""The method complete: the workshop's objectives, step 2's interview forms (VOC rows name
their interview), step 3's As-Is answers and step 5's CS check-points per map, step 4's
Q/C/D/S benchmark grid and step 1's discussion aspects.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def _id() -> sa.Column:
    return sa.Column('id', sa.Integer(), autoincrement=True, nullable=False)


def upgrade() -> None:
    with op.batch_alter_table('workshop', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column('objectives', sa.Text(), nullable=False, server_default=''))
    with op.batch_alter_table('workshop', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.alter_column('objectives', server_default=None)     # the default only filled the old row
    op.create_table('interview', _id(),
                    sa.Column('process_id', sa.Integer(), nullable=True),
                    sa.Column('seq', sa.Integer(), nullable=False),
                    sa.Column('target_customer', sa.Text(), nullable=False),
                    sa.Column('interviewee', sa.Text(), nullable=False),
                    sa.Column('interviewer', sa.Text(), nullable=False),
                    sa.Column('held_at', sa.Text(), nullable=False),
                    sa.Column('place', sa.Text(), nullable=False),
                    sa.Column('method', sa.Text(), nullable=True),
                    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='SET NULL'),
                    sa.PrimaryKeyConstraint('id'), sqlite_autoincrement=True)
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_process_id'), ['process_id'], unique=False)
    with op.batch_alter_table('voc', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.add_column(sa.Column('interview_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_voc_interview_id'), ['interview_id'], unique=False)
        batch_op.create_foreign_key('fk_voc_interview_id_interview', 'interview', ['interview_id'], ['id'],
                                    ondelete='SET NULL')
    op.create_table('cs_check', _id(),
                    sa.Column('map_id', sa.Integer(), nullable=False),
                    sa.Column('point', sa.Integer(), nullable=False),
                    sa.Column('ticked', sa.Boolean(), nullable=False),
                    sa.Column('note', sa.Text(), nullable=False),
                    sa.ForeignKeyConstraint(['map_id'], ['process_map.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id'), sqlite_autoincrement=True)
    op.create_table('asis_answer', _id(),
                    sa.Column('map_id', sa.Integer(), nullable=False),
                    sa.Column('question', sa.Integer(), nullable=False),
                    sa.Column('answer', sa.Text(), nullable=False),
                    sa.ForeignKeyConstraint(['map_id'], ['process_map.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id'), sqlite_autoincrement=True)
    op.create_table('qcds_score', _id(),
                    sa.Column('process_id', sa.Integer(), nullable=False),
                    sa.Column('characteristic', sa.Text(), nullable=False),
                    sa.Column('us', sa.Float(), nullable=True),
                    sa.Column('company_a', sa.Float(), nullable=True),
                    sa.Column('company_b', sa.Float(), nullable=True),
                    sa.Column('top', sa.Float(), nullable=True),
                    sa.Column('note', sa.Text(), nullable=False),
                    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='CASCADE'),
                    sa.PrimaryKeyConstraint('id'), sqlite_autoincrement=True)
    op.create_table('viewpoint_aspect', _id(),
                    sa.Column('viewpoint', sa.Text(), nullable=False),
                    sa.Column('seq', sa.Integer(), nullable=False),
                    sa.Column('aspect', sa.Text(), nullable=False),
                    sa.Column('discussion', sa.Text(), nullable=False),
                    sa.Column('core_processes', sa.Text(), nullable=False),
                    sa.PrimaryKeyConstraint('id'), sqlite_autoincrement=True)
    for table, column in (("cs_check", "map_id"), ("asis_answer", "map_id"), ("qcds_score", "process_id")):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f'ix_{table}_{column}'), [column], unique=False)
    op.execute("PRAGMA user_version = 4")


def downgrade() -> None:
    for table in ("viewpoint_aspect", "qcds_score", "asis_answer", "cs_check"):
        op.drop_table(table)
    with op.batch_alter_table('voc', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_constraint('fk_voc_interview_id_interview', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_voc_interview_id'))
        batch_op.drop_column('interview_id')
    op.drop_table('interview')
    with op.batch_alter_table('workshop', schema=None, table_kwargs={"sqlite_autoincrement": True}) as batch_op:
        batch_op.drop_column('objectives')
    op.execute("PRAGMA user_version = 3")
