"""catalog: read models of the tasks service's tasks and production task settings

Revision ID: 0007_catalog_task_links
Revises: 0006_catalog_team_roles
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0007_catalog_task_links'
down_revision = '0006_catalog_team_roles'
branch_labels = None
depends_on = None

TASK_COLUMNS = (
    ('task_type_id', sa.UUID()), ('task_status_id', sa.UUID()), ('priority', sa.Integer()),
    ('difficulty', sa.Integer()), ('duration', sa.Float()), ('estimation', sa.Float()),
    ('retake_count', sa.Integer()), ('nb_assets_ready', sa.Integer()),
    ('nb_drawings', sa.Integer()), ('real_start_date', sa.DateTime()),
    ('start_date', sa.DateTime()), ('due_date', sa.DateTime()), ('end_date', sa.DateTime()),
    ('done_date', sa.DateTime()), ('last_comment_date', sa.DateTime()),
    ('last_preview_file_id', sa.UUID()),
    ('data', postgresql.JSONB(astext_type=sa.Text())),
    ('assignees', postgresql.JSONB(astext_type=sa.Text())), ('created_at', sa.DateTime()))


def upgrade():
    for name, kind in TASK_COLUMNS:
        op.add_column('entity_tasks', sa.Column(name, kind, nullable=True), schema='catalog')
    op.create_table('task_type_settings',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('task_type_id', sa.UUID(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('hd_bitrate_compression', sa.Integer(), nullable=True),
    sa.Column('ld_bitrate_compression', sa.Integer(), nullable=True),
    sa.Column('is_client_visible', sa.Boolean(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_task_type_settings_project_id'), 'task_type_settings', ['project_id'], unique=False, schema='catalog')
    op.create_table('task_status_settings',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('task_status_id', sa.UUID(), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=True),
    sa.Column('roles_for_board', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('is_client_allowed', sa.Boolean(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_task_status_settings_project_id'), 'task_status_settings', ['project_id'], unique=False, schema='catalog')


def downgrade():
    op.drop_index(op.f('ix_catalog_task_status_settings_project_id'), table_name='task_status_settings', schema='catalog')
    op.drop_table('task_status_settings', schema='catalog')
    op.drop_index(op.f('ix_catalog_task_type_settings_project_id'), table_name='task_type_settings', schema='catalog')
    op.drop_table('task_type_settings', schema='catalog')
    for name, _ in reversed(TASK_COLUMNS):
        op.drop_column('entity_tasks', name, schema='catalog')
