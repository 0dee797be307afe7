"""create catalog schema

Revision ID: 0001_catalog
Revises: 
Create Date: 2026-11-29
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001_catalog'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('entity_types',
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('short_name', sa.String(length=20), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_entity_types_name'), 'entity_types', ['name'], unique=True, schema='catalog')
    op.create_table('persons',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('role', sa.String(length=30), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('profile', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_table('project_statuses',
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.Column('color', sa.String(length=7), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_project_statuses_name'), 'project_statuses', ['name'], unique=True, schema='catalog')
    op.create_table('projects',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('code', sa.String(length=80), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('shotgun_id', sa.Integer(), nullable=True),
    sa.Column('file_tree', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('has_avatar', sa.Boolean(), nullable=True),
    sa.Column('fps', sa.String(length=10), nullable=True),
    sa.Column('ratio', sa.String(length=10), nullable=True),
    sa.Column('resolution', sa.String(length=12), nullable=True),
    sa.Column('production_type', sa.String(length=20), nullable=True),
    sa.Column('production_style', sa.String(length=20), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=True),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('man_days', sa.Integer(), nullable=True),
    sa.Column('nb_episodes', sa.Integer(), nullable=True),
    sa.Column('episode_span', sa.Integer(), nullable=True),
    sa.Column('max_retakes', sa.Integer(), nullable=True),
    sa.Column('is_clients_isolated', sa.Boolean(), nullable=True),
    sa.Column('is_client_stats_visible', sa.Boolean(), nullable=True),
    sa.Column('is_client_task_list_visible', sa.Boolean(), nullable=True),
    sa.Column('is_client_task_panel_visible', sa.Boolean(), nullable=True),
    sa.Column('is_preview_download_allowed', sa.Boolean(), nullable=True),
    sa.Column('is_set_preview_automated', sa.Boolean(), nullable=True),
    sa.Column('homepage', sa.String(length=80), nullable=True),
    sa.Column('is_publish_default_for_artists', sa.Boolean(), nullable=True),
    sa.Column('is_bot_collaboration_enabled', sa.Boolean(), nullable=True),
    sa.Column('is_single_preview_per_revision', sa.Boolean(), nullable=True),
    sa.Column('is_frame_in_numbering', sa.Boolean(), nullable=True),
    sa.Column('revision_padding', sa.Integer(), nullable=False),
    sa.Column('hd_bitrate_compression', sa.Integer(), nullable=True),
    sa.Column('ld_bitrate_compression', sa.Integer(), nullable=True),
    sa.Column('project_status_id', sa.UUID(), nullable=True),
    sa.Column('default_preview_background_file_id', sa.UUID(), nullable=True),
    sa.Column('from_schedule_version_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_status_id'], ['catalog.project_statuses.id'], ),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_projects_from_schedule_version_id'), 'projects', ['from_schedule_version_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_projects_name'), 'projects', ['name'], unique=True, schema='catalog')
    op.create_index(op.f('ix_catalog_projects_project_status_id'), 'projects', ['project_status_id'], unique=False, schema='catalog')
    op.create_table('project_asset_type_links',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('asset_type_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['asset_type_id'], ['catalog.entity_types.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['project_id'], ['catalog.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'asset_type_id'),
    schema='catalog'
    )
    op.create_table('project_person_links',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['catalog.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'person_id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_project_person_links_person_id'), 'project_person_links', ['person_id'], unique=False, schema='catalog')


def downgrade():
    op.drop_index(op.f('ix_catalog_project_person_links_person_id'), table_name='project_person_links', schema='catalog')
    op.drop_table('project_person_links', schema='catalog')
    op.drop_table('project_asset_type_links', schema='catalog')
    op.drop_index(op.f('ix_catalog_projects_project_status_id'), table_name='projects', schema='catalog')
    op.drop_index(op.f('ix_catalog_projects_name'), table_name='projects', schema='catalog')
    op.drop_index(op.f('ix_catalog_projects_from_schedule_version_id'), table_name='projects', schema='catalog')
    op.drop_table('projects', schema='catalog')
    op.drop_index(op.f('ix_catalog_project_statuses_name'), table_name='project_statuses', schema='catalog')
    op.drop_table('project_statuses', schema='catalog')
    op.drop_table('persons', schema='catalog')
    op.drop_index(op.f('ix_catalog_entity_types_name'), table_name='entity_types', schema='catalog')
    op.drop_table('entity_types', schema='catalog')
