"""The first schema: workshop, teams, processes and maps, MOT cycles, worksheets, votes.

Revision ID: 0001
Revises: None
"""

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('team',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('colour', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_table('workshop',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('organisation', sa.Text(), nullable=False),
    sa.Column('facilitator', sa.Text(), nullable=False),
    sa.Column('held_on', sa.Text(), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('language', sa.Text(), nullable=False),
    sa.Column('benchmark_a', sa.Text(), nullable=False),
    sa.Column('benchmark_b', sa.Text(), nullable=False),
    sa.Column('dots_per_voter', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_table('participant',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_participant_team_id'), ['team_id'], unique=False)

    op.create_table('process',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('mission', sa.Text(), nullable=False),
    sa.Column('start_point', sa.Text(), nullable=False),
    sa.Column('end_point', sa.Text(), nullable=False),
    sa.Column('major', sa.Text(), nullable=False),
    sa.Column('medium', sa.Text(), nullable=False),
    sa.Column('role', sa.Text(), nullable=False),
    sa.Column('viewpoint', sa.Text(), nullable=True),
    sa.Column('aspects', sa.Text(), nullable=False),
    sa.Column('innovation', sa.Integer(), nullable=True),
    sa.Column('feasibility', sa.Integer(), nullable=True),
    sa.Column('selected', sa.Boolean(), nullable=False),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('process', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_team_id'), ['team_id'], unique=False)

    op.create_table('action',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('owner', sa.Text(), nullable=False),
    sa.Column('due', sa.Text(), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_process_id'), ['process_id'], unique=False)

    op.create_table('benchmark',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('problem', sa.Text(), nullable=False),
    sa.Column('major_process', sa.Text(), nullable=False),
    sa.Column('medium_process', sa.Text(), nullable=False),
    sa.Column('page_no', sa.Text(), nullable=False),
    sa.Column('characteristic', sa.Text(), nullable=False),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('us', sa.Float(), nullable=True),
    sa.Column('company_a', sa.Float(), nullable=True),
    sa.Column('company_b', sa.Float(), nullable=True),
    sa.Column('top', sa.Float(), nullable=True),
    sa.Column('size_class', sa.Text(), nullable=False),
    sa.Column('design_or_execution', sa.Text(), nullable=False),
    sa.Column('nature', sa.Text(), nullable=False),
    sa.Column('gap_cause', sa.Text(), nullable=False),
    sa.Column('ideas', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('benchmark', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_benchmark_process_id'), ['process_id'], unique=False)

    op.create_table('cycle',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=True),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['cycle.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('cycle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cycle_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cycle_process_id'), ['process_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_cycle_team_id'), ['team_id'], unique=False)

    op.create_table('key_indicator',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('owner', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('key_indicator', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_key_indicator_process_id'), ['process_id'], unique=False)

    op.create_table('output_analysis',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('output', sa.Text(), nullable=False),
    sa.Column('characteristic', sa.Text(), nullable=False),
    sa.Column('importance', sa.Integer(), nullable=True),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('current_level', sa.Text(), nullable=False),
    sa.Column('expected_level', sa.Text(), nullable=False),
    sa.Column('target_level', sa.Text(), nullable=False),
    sa.Column('priority', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('output_analysis', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_output_analysis_process_id'), ['process_id'], unique=False)

    op.create_table('process_map',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('derived_from_id', sa.Integer(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['derived_from_id'], ['process_map.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('process_map', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_process_map_derived_from_id'), ['derived_from_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_process_map_process_id'), ['process_id'], unique=False)

    op.create_table('target',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('unit', sa.Text(), nullable=False),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('current', sa.Text(), nullable=False),
    sa.Column('competitor', sa.Text(), nullable=False),
    sa.Column('required_level', sa.Text(), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_target_process_id'), ['process_id'], unique=False)

    op.create_table('voc',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=True),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('target_customer', sa.Text(), nullable=False),
    sa.Column('interviewee', sa.Text(), nullable=False),
    sa.Column('interviewer', sa.Text(), nullable=False),
    sa.Column('held_at', sa.Text(), nullable=False),
    sa.Column('place', sa.Text(), nullable=False),
    sa.Column('method', sa.Text(), nullable=True),
    sa.Column('voc_type', sa.Text(), nullable=True),
    sa.Column('direction', sa.Text(), nullable=True),
    sa.Column('requirement', sa.Text(), nullable=False),
    sa.Column('characteristic', sa.Text(), nullable=True),
    sa.Column('indicator', sa.Text(), nullable=False),
    sa.Column('expected_level', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('voc', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_voc_process_id'), ['process_id'], unique=False)

    op.create_table('vote',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('participant_id', sa.Integer(), nullable=True),
    sa.Column('team_id', sa.Integer(), nullable=True),
    sa.Column('target_kind', sa.Text(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('dots', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['participant_id'], ['participant.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['team_id'], ['team.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_vote_participant_id'), ['participant_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_vote_team_id'), ['team_id'], unique=False)

    op.create_table('lane',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('map_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['process_map.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('lane', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_lane_map_id'), ['map_id'], unique=False)

    op.create_table('phase',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('map_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('width', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['process_map.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_phase_map_id'), ['map_id'], unique=False)

    op.create_table('touchpoint',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('cycle_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('element', sa.Text(), nullable=False),
    sa.Column('expectation', sa.Text(), nullable=False),
    sa.Column('level', sa.Integer(), nullable=True),
    sa.Column('importance', sa.Integer(), nullable=True),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('improvement', sa.Text(), nullable=False),
    sa.Column('owner', sa.Text(), nullable=False),
    sa.Column('critical', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['cycle_id'], ['cycle.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('touchpoint', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_touchpoint_cycle_id'), ['cycle_id'], unique=False)

    op.create_table('step',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('map_id', sa.Integer(), nullable=False),
    sa.Column('lane_id', sa.Integer(), nullable=False),
    sa.Column('phase_id', sa.Integer(), nullable=True),
    sa.Column('shape', sa.Text(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('x', sa.Float(), nullable=False),
    sa.Column('y', sa.Float(), nullable=False),
    sa.Column('duration', sa.Float(), nullable=False),
    sa.Column('wait', sa.Float(), nullable=False),
    sa.Column('value_class', sa.Text(), nullable=True),
    sa.Column('output', sa.Text(), nullable=False),
    sa.Column('measure', sa.Text(), nullable=False),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('is_mot', sa.Boolean(), nullable=False),
    sa.Column('touchpoint_id', sa.Integer(), nullable=True),
    sa.Column('linked_process_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['lane_id'], ['lane.id'], ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['linked_process_id'], ['process.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['map_id'], ['process_map.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['phase_id'], ['phase.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['touchpoint_id'], ['touchpoint.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('step', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_step_lane_id'), ['lane_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_step_linked_process_id'), ['linked_process_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_step_map_id'), ['map_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_step_phase_id'), ['phase_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_step_touchpoint_id'), ['touchpoint_id'], unique=False)

    op.create_table('flow',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('map_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=False),
    sa.Column('label', sa.Text(), nullable=False),
    sa.Column('condition', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['map_id'], ['process_map.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_id'], ['step.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['target_id'], ['step.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('flow', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_flow_map_id'), ['map_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_flow_source_id'), ['source_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_flow_target_id'), ['target_id'], unique=False)

    op.create_table('obstacle',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('process_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('current_features', sa.Text(), nullable=False),
    sa.Column('tobe_features', sa.Text(), nullable=False),
    sa.Column('obstacle', sa.Text(), nullable=False),
    sa.Column('solution', sa.Text(), nullable=False),
    sa.Column('source_step_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['process_id'], ['process.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['source_step_id'], ['step.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('obstacle', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_obstacle_process_id'), ['process_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_obstacle_source_step_id'), ['source_step_id'], unique=False)
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    with op.batch_alter_table('obstacle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_obstacle_source_step_id'))
        batch_op.drop_index(batch_op.f('ix_obstacle_process_id'))

    op.drop_table('obstacle')
    with op.batch_alter_table('flow', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_flow_target_id'))
        batch_op.drop_index(batch_op.f('ix_flow_source_id'))
        batch_op.drop_index(batch_op.f('ix_flow_map_id'))

    op.drop_table('flow')
    with op.batch_alter_table('step', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_step_touchpoint_id'))
        batch_op.drop_index(batch_op.f('ix_step_phase_id'))
        batch_op.drop_index(batch_op.f('ix_step_map_id'))
        batch_op.drop_index(batch_op.f('ix_step_linked_process_id'))
        batch_op.drop_index(batch_op.f('ix_step_lane_id'))

    op.drop_table('step')
    with op.batch_alter_table('touchpoint', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_touchpoint_cycle_id'))

    op.drop_table('touchpoint')
    with op.batch_alter_table('phase', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_phase_map_id'))

    op.drop_table('phase')
    with op.batch_alter_table('lane', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_lane_map_id'))

    op.drop_table('lane')
    with op.batch_alter_table('vote', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_vote_team_id'))
        batch_op.drop_index(batch_op.f('ix_vote_participant_id'))

    op.drop_table('vote')
    with op.batch_alter_table('voc', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_voc_process_id'))

    op.drop_table('voc')
    with op.batch_alter_table('target', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_target_process_id'))

    op.drop_table('target')
    with op.batch_alter_table('process_map', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_map_process_id'))
        batch_op.drop_index(batch_op.f('ix_process_map_derived_from_id'))

    op.drop_table('process_map')
    with op.batch_alter_table('output_analysis', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_output_analysis_process_id'))

    op.drop_table('output_analysis')
    with op.batch_alter_table('key_indicator', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_key_indicator_process_id'))

    op.drop_table('key_indicator')
    with op.batch_alter_table('cycle', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cycle_team_id'))
        batch_op.drop_index(batch_op.f('ix_cycle_process_id'))
        batch_op.drop_index(batch_op.f('ix_cycle_parent_id'))

    op.drop_table('cycle')
    with op.batch_alter_table('benchmark', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_benchmark_process_id'))

    op.drop_table('benchmark')
    with op.batch_alter_table('action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_process_id'))

    op.drop_table('action')
    with op.batch_alter_table('process', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_process_team_id'))

    op.drop_table('process')
    with op.batch_alter_table('participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_participant_team_id'))

    op.drop_table('participant')
    op.drop_table('workshop')
    op.drop_table('team')
    op.execute("PRAGMA user_version = 0")
