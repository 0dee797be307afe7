"""tasks: task types and statuses, tasks, read models

Revision ID: 0001_tasks
Revises:
Create Date: 2026-11-28 18:26:46.667047
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001_tasks'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():

    op.create_table('entities',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('entity_type_id', sa.UUID(), nullable=False),
    sa.Column('parent_id', sa.UUID(), nullable=True),
    sa.Column('source_id', sa.UUID(), nullable=True),
    sa.Column('canceled', sa.Boolean(), nullable=False),
    sa.Column('row', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_entities_parent_id'), 'entities', ['parent_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_entities_project_id'), 'entities', ['project_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_entities_source_id'), 'entities', ['source_id'], unique=False, schema='tasks')
    op.create_table('entity_types',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('row', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_table('persons',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('profile', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_table('project_statuses',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_table('projects',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('project_status_id', sa.UUID(), nullable=True),
    sa.Column('row', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_table('task_statuses',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('archived', sa.Boolean(), nullable=True),
    sa.Column('short_name', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('color', sa.String(length=7), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('is_done', sa.Boolean(), nullable=True),
    sa.Column('is_artist_allowed', sa.Boolean(), nullable=True),
    sa.Column('is_client_allowed', sa.Boolean(), nullable=True),
    sa.Column('is_retake', sa.Boolean(), nullable=True),
    sa.Column('is_feedback_request', sa.Boolean(), nullable=True),
    sa.Column('is_default', sa.Boolean(), nullable=True),
    sa.Column('is_wip', sa.Boolean(), nullable=True),
    sa.Column('shotgun_id', sa.Integer(), nullable=True),
    sa.Column('for_concept', sa.Boolean(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_task_statuses_is_default'), 'task_statuses', ['is_default'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_task_statuses_is_done'), 'task_statuses', ['is_done'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_task_statuses_is_feedback_request'), 'task_statuses', ['is_feedback_request'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_task_statuses_is_wip'), 'task_statuses', ['is_wip'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_task_statuses_short_name'), 'task_statuses', ['short_name'], unique=True, schema='tasks')
    op.create_table('task_types',
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('short_name', sa.String(length=20), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('color', sa.String(length=7), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('for_entity', sa.String(length=30), nullable=True),
    sa.Column('allow_timelog', sa.Boolean(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=True),
    sa.Column('shotgun_id', sa.Integer(), nullable=True),
    sa.Column('department_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name', 'for_entity', 'department_id', name='task_type_uc'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_task_types_department_id'), 'task_types', ['department_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_task_types_shotgun_id'), 'task_types', ['shotgun_id'], unique=False, schema='tasks')
    op.create_table('project_task_status_links',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('task_status_id', sa.UUID(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('roles_for_board', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('is_client_allowed', sa.Boolean(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['task_status_id'], ['tasks.task_statuses.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id', 'task_status_id', name='project_taskstatus_uc'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_project_task_status_links_project_id'), 'project_task_status_links', ['project_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_project_task_status_links_task_status_id'), 'project_task_status_links', ['task_status_id'], unique=False, schema='tasks')
    op.create_table('project_task_type_links',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('task_type_id', sa.UUID(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('hd_bitrate_compression', sa.Integer(), nullable=True),
    sa.Column('ld_bitrate_compression', sa.Integer(), nullable=True),
    sa.Column('is_client_visible', sa.Boolean(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['task_type_id'], ['tasks.task_types.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('project_id', 'task_type_id', name='project_tasktype_uc'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_project_task_type_links_project_id'), 'project_task_type_links', ['project_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_project_task_type_links_task_type_id'), 'project_task_type_links', ['task_type_id'], unique=False, schema='tasks')
    op.create_table('tasks',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('difficulty', sa.Integer(), nullable=False),
    sa.Column('duration', sa.Float(), nullable=True),
    sa.Column('estimation', sa.Float(), nullable=True),
    sa.Column('completion_rate', sa.Integer(), nullable=True),
    sa.Column('retake_count', sa.Integer(), nullable=True),
    sa.Column('sort_order', sa.Integer(), nullable=True),
    sa.Column('start_date', sa.DateTime(), nullable=True),
    sa.Column('due_date', sa.DateTime(), nullable=True),
    sa.Column('real_start_date', sa.DateTime(), nullable=True),
    sa.Column('end_date', sa.DateTime(), nullable=True),
    sa.Column('done_date', sa.DateTime(), nullable=True),
    sa.Column('last_comment_date', sa.DateTime(), nullable=True),
    sa.Column('nb_assets_ready', sa.Integer(), nullable=True),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('nb_drawings', sa.Integer(), nullable=True),
    sa.Column('shotgun_id', sa.Integer(), nullable=True),
    sa.Column('last_preview_file_id', sa.UUID(), nullable=True),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('task_type_id', sa.UUID(), nullable=False),
    sa.Column('task_status_id', sa.UUID(), nullable=False),
    sa.Column('entity_id', sa.UUID(), nullable=False),
    sa.Column('assigner_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('difficulty > 0 AND difficulty < 6', name='check_difficulty'),
    sa.ForeignKeyConstraint(['task_status_id'], ['tasks.task_statuses.id'], ),
    sa.ForeignKeyConstraint(['task_type_id'], ['tasks.task_types.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name', 'project_id', 'task_type_id', 'entity_id', name='task_uc'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_tasks_assigner_id'), 'tasks', ['assigner_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_tasks_entity_id'), 'tasks', ['entity_id'], unique=False, schema='tasks')
    op.create_index('ix_tasks_tasks_entity_project', 'tasks', ['entity_id', 'project_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_tasks_project_id'), 'tasks', ['project_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_tasks_task_status_id'), 'tasks', ['task_status_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_tasks_task_type_id'), 'tasks', ['task_type_id'], unique=False, schema='tasks')
    op.create_table('team_links',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['tasks.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'person_id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_team_links_person_id'), 'team_links', ['person_id'], unique=False, schema='tasks')
    op.create_table('task_person_links',
    sa.Column('task_id', sa.UUID(), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['tasks.tasks.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('task_id', 'person_id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_task_person_links_person_id'), 'task_person_links', ['person_id'], unique=False, schema='tasks')


def downgrade():

    op.drop_index(op.f('ix_tasks_task_person_links_person_id'), table_name='task_person_links', schema='tasks')
    op.drop_table('task_person_links', schema='tasks')
    op.drop_index(op.f('ix_tasks_team_links_person_id'), table_name='team_links', schema='tasks')
    op.drop_table('team_links', schema='tasks')
    op.drop_index(op.f('ix_tasks_tasks_task_type_id'), table_name='tasks', schema='tasks')
    op.drop_index(op.f('ix_tasks_tasks_task_status_id'), table_name='tasks', schema='tasks')
    op.drop_index(op.f('ix_tasks_tasks_project_id'), table_name='tasks', schema='tasks')
    op.drop_index('ix_tasks_tasks_entity_project', table_name='tasks', schema='tasks')
    op.drop_index(op.f('ix_tasks_tasks_entity_id'), table_name='tasks', schema='tasks')
    op.drop_index(op.f('ix_tasks_tasks_assigner_id'), table_name='tasks', schema='tasks')
    op.drop_table('tasks', schema='tasks')
    op.drop_index(op.f('ix_tasks_project_task_type_links_task_type_id'), table_name='project_task_type_links', schema='tasks')
    op.drop_index(op.f('ix_tasks_project_task_type_links_project_id'), table_name='project_task_type_links', schema='tasks')
    op.drop_table('project_task_type_links', schema='tasks')
    op.drop_index(op.f('ix_tasks_project_task_status_links_task_status_id'), table_name='project_task_status_links', schema='tasks')
    op.drop_index(op.f('ix_tasks_project_task_status_links_project_id'), table_name='project_task_status_links', schema='tasks')
    op.drop_table('project_task_status_links', schema='tasks')
    op.drop_index(op.f('ix_tasks_task_types_shotgun_id'), table_name='task_types', schema='tasks')
    op.drop_index(op.f('ix_tasks_task_types_department_id'), table_name='task_types', schema='tasks')
    op.drop_table('task_types', schema='tasks')
    op.drop_index(op.f('ix_tasks_task_statuses_short_name'), table_name='task_statuses', schema='tasks')
    op.drop_index(op.f('ix_tasks_task_statuses_is_wip'), table_name='task_statuses', schema='tasks')
    op.drop_index(op.f('ix_tasks_task_statuses_is_feedback_request'), table_name='task_statuses', schema='tasks')
    op.drop_index(op.f('ix_tasks_task_statuses_is_done'), table_name='task_statuses', schema='tasks')
    op.drop_index(op.f('ix_tasks_task_statuses_is_default'), table_name='task_statuses', schema='tasks')
    op.drop_table('task_statuses', schema='tasks')
    op.drop_table('projects', schema='tasks')
    op.drop_table('project_statuses', schema='tasks')
    op.drop_table('persons', schema='tasks')
    op.drop_table('entity_types', schema='tasks')
    op.drop_index(op.f('ix_tasks_entities_source_id'), table_name='entities', schema='tasks')
    op.drop_index(op.f('ix_tasks_entities_project_id'), table_name='entities', schema='tasks')
    op.drop_index(op.f('ix_tasks_entities_parent_id'), table_name='entities', schema='tasks')
    op.drop_table('entities', schema='tasks')
