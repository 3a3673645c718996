"""The method complete: the workshop's objectives, step 2's interview forms (VOC rows name
their interview), step 3's As-Is answers and step 5's CS check-points per map, step 4's
Q/C/D/S benchmark grid and step 1's discussion aspects.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
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
    _move_old_ticks()
    op.execute("PRAGMA user_version = 5")


def _move_old_ticks() -> None:
    """Earlier versions kept step 5's ticks as a "cs-checked: 1,3" line in the step's notes; they
    become check-points of the step's process's first To-Be map."""
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, process_id, notes FROM step_progress WHERE step_no = 5")).all()
    for row_id, process_id, notes in rows:
        lines = notes.splitlines()
        ticked = set()
        for line in lines:
            if line.strip().startswith("cs-checked:"):
                ticked |= {int(n) for n in line.split(":", 1)[1].split(",") if n.strip().isdigit() and 1 <= int(n) <= 8}
        if not ticked:
            continue
        map_id = bind.execute(sa.text("SELECT id FROM process_map WHERE process_id = :p AND kind = 'to-be' "
                                      "ORDER BY id LIMIT 1"), {"p": process_id}).scalar()
        if map_id is None:
            continue
        for point in sorted(ticked):
            bind.execute(sa.text("INSERT INTO cs_check (map_id, point, ticked, note) VALUES (:m, :p, 1, '')"),
                         {"m": map_id, "p": point})
        kept = "\n".join(line for line in lines if not line.strip().startswith("cs-checked:")).rstrip()
        bind.execute(sa.text("UPDATE step_progress SET notes = :n WHERE id = :i"), {"n": kept, "i": row_id})


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
    op.execute("PRAGMA user_version = 4")
