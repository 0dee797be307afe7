"""settings and planning: metadata descriptors, milestones, schedule versions, status
automations (and a production's), budgets, custom actions, project templates

Revision ID: 0005_catalog_settings
Revises: 0004_catalog_entities
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0005_catalog_settings'
down_revision = '0004_catalog_entities'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('custom_actions',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('url', sa.String(length=400), nullable=True),
    sa.Column('entity_type', sa.String(length=40), nullable=True),
    sa.Column('is_ajax', sa.Boolean(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_table('project_templates',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('fps', sa.String(length=10), nullable=True),
    sa.Column('ratio', sa.String(length=10), nullable=True),
    sa.Column('resolution', sa.String(length=12), nullable=True),
    sa.Column('production_type', sa.String(length=20), nullable=True),
    sa.Column('production_style', sa.String(length=20), nullable=False),
    sa.Column('max_retakes', sa.Integer(), nullable=True),
    sa.Column('is_clients_isolated', sa.Boolean(), nullable=True),
    sa.Column('is_client_stats_visible', sa.Boolean(), nullable=True),
    sa.Column('is_client_task_list_visible', sa.Boolean(), nullable=True),
    sa.Column('is_client_task_panel_visible', sa.Boolean(), nullable=True),
    sa.Column('is_preview_download_allowed', sa.Boolean(), nullable=True),
    sa.Column('is_set_preview_automated', sa.Boolean(), nullable=True),
    sa.Column('is_publish_default_for_artists', sa.Boolean(), nullable=True),
    sa.Column('is_single_preview_per_revision', sa.Boolean(), nullable=True),
    sa.Column('is_frame_in_numbering', sa.Boolean(), nullable=True),
    sa.Column('revision_padding', sa.Integer(), nullable=False),
    sa.Column('homepage', sa.String(length=80), nullable=True),
    sa.Column('hd_bitrate_compression', sa.Integer(), nullable=True),
    sa.Column('ld_bitrate_compression', sa.Integer(), nullable=True),
    sa.Column('file_tree', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('metadata_descriptors', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('default_preview_background_file_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_project_templates_default_preview_background_file_id'), 'project_templates', ['default_preview_background_file_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_project_templates_name'), 'project_templates', ['name'], unique=True, schema='catalog')
    op.create_table('status_automations',
    sa.Column('entity_type', sa.String(length=40), nullable=True),
    sa.Column('in_task_type_id', sa.UUID(), nullable=True),
    sa.Column('in_task_status_id', sa.UUID(), nullable=True),
    sa.Column('out_field_type', sa.String(length=20), nullable=False),
    sa.Column('out_task_type_id', sa.UUID(), nullable=True),
    sa.Column('out_task_status_id', sa.UUID(), nullable=True),
    sa.Column('import_last_revision', sa.Boolean(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_status_automations_in_task_status_id'), 'status_automations', ['in_task_status_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_status_automations_in_task_type_id'), 'status_automations', ['in_task_type_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_status_automations_out_task_status_id'), 'status_automations', ['out_task_status_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_status_automations_out_task_type_id'), 'status_automations', ['out_task_type_id'], unique=False, schema='catalog')
    op.create_table('project_template_asset_type_links',
    sa.Column('project_template_id', sa.UUID(), nullable=False),
    sa.Column('asset_type_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['asset_type_id'], ['catalog.entity_types.id'], ),
    sa.ForeignKeyConstraint(['project_template_id'], ['catalog.project_templates.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_template_id', 'asset_type_id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_project_template_asset_type_links_asset_type_id'), 'project_template_asset_type_links', ['asset_type_id'], unique=False, schema='catalog')
    op.create_table('project_template_status_automation_links',
    sa.Column('project_template_id', sa.UUID(), nullable=False),
    sa.Column('status_automation_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['project_template_id'], ['catalog.project_templates.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['status_automation_id'], ['catalog.status_automations.id'], ),
    sa.PrimaryKeyConstraint('project_template_id', 'status_automation_id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_project_template_status_automation_links_status_automation_id'), 'project_template_status_automation_links', ['status_automation_id'], unique=False, schema='catalog')
    op.create_table('budgets',
    sa.Column('project_id', sa.UUID(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=255), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['catalog.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_budgets_project_id'), 'budgets', ['project_id'], unique=False, schema='catalog')
    op.create_table('metadata_descriptors',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('entity_type', sa.String(length=60), nullable=False),
    sa.Column('task_type_id', sa.UUID(), nullable=True),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('data_type', sa.String(length=20), nullable=True),
    sa.Column('field_name', sa.String(length=120), nullable=False),
    sa.Column('choices', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('for_client', sa.Boolean(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=True),
    sa.Column('departments', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['catalog.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_metadata_descriptors_entity_type'), 'metadata_descriptors', ['entity_type'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_metadata_descriptors_for_client'), 'metadata_descriptors', ['for_client'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_metadata_descriptors_project_id'), 'metadata_descriptors', ['project_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_metadata_descriptors_task_type_id'), 'metadata_descriptors', ['task_type_id'], unique=False, schema='catalog')
    op.create_index('metadata_descriptor_task_type_uc', 'metadata_descriptors', ['project_id', 'entity_type', 'task_type_id', 'name'], unique=True, schema='catalog', postgresql_where=sa.text('task_type_id IS NOT NULL'))
    op.create_index('metadata_descriptor_task_type_uc2', 'metadata_descriptors', ['project_id', 'entity_type', 'task_type_id', 'field_name'], unique=True, schema='catalog', postgresql_where=sa.text('task_type_id IS NOT NULL'))
    op.create_index('metadata_descriptor_uc', 'metadata_descriptors', ['project_id', 'entity_type', 'name'], unique=True, schema='catalog', postgresql_where=sa.text('task_type_id IS NULL'))
    op.create_index('metadata_descriptor_uc2', 'metadata_descriptors', ['project_id', 'entity_type', 'field_name'], unique=True, schema='catalog', postgresql_where=sa.text('task_type_id IS NULL'))
    op.create_table('milestones',
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=True),
    sa.Column('task_type_id', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['catalog.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_milestones_project_id'), 'milestones', ['project_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_milestones_task_type_id'), 'milestones', ['task_type_id'], unique=False, schema='catalog')
    op.create_table('production_schedule_versions',
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('production_schedule_from', sa.UUID(), nullable=True),
    sa.Column('locked', sa.Boolean(), nullable=True),
    sa.Column('canceled', sa.Boolean(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['production_schedule_from'], ['catalog.production_schedule_versions.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['project_id'], ['catalog.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name', 'project_id', name='production_schedule_version_uc'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_production_schedule_versions_production_schedule_from'), 'production_schedule_versions', ['production_schedule_from'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_production_schedule_versions_project_id'), 'production_schedule_versions', ['project_id'], unique=False, schema='catalog')
    op.create_table('project_status_automation_links',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('status_automation_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['catalog.projects.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['status_automation_id'], ['catalog.status_automations.id'], ),
    sa.PrimaryKeyConstraint('project_id', 'status_automation_id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_project_status_automation_links_status_automation_id'), 'project_status_automation_links', ['status_automation_id'], unique=False, schema='catalog')
    op.create_table('budget_entries',
    sa.Column('budget_id', sa.UUID(), nullable=False),
    sa.Column('department_id', sa.UUID(), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=True),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('months_duration', sa.Integer(), nullable=False),
    sa.Column('daily_salary', sa.Float(), nullable=False),
    sa.Column('position', sa.String(length=20), nullable=True),
    sa.Column('seniority', sa.String(length=20), nullable=True),
    sa.Column('exceptions', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['budget_id'], ['catalog.budgets.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_budget_entries_budget_id'), 'budget_entries', ['budget_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_budget_entries_department_id'), 'budget_entries', ['department_id'], unique=False, schema='catalog')
    op.create_index(op.f('ix_catalog_budget_entries_person_id'), 'budget_entries', ['person_id'], unique=False, schema='catalog')


def downgrade():
    op.drop_index(op.f('ix_catalog_budget_entries_person_id'), table_name='budget_entries', schema='catalog')
    op.drop_index(op.f('ix_catalog_budget_entries_department_id'), table_name='budget_entries', schema='catalog')
    op.drop_index(op.f('ix_catalog_budget_entries_budget_id'), table_name='budget_entries', schema='catalog')
    op.drop_table('budget_entries', schema='catalog')
    op.drop_index(op.f('ix_catalog_project_status_automation_links_status_automation_id'), table_name='project_status_automation_links', schema='catalog')
    op.drop_table('project_status_automation_links', schema='catalog')
    op.drop_index(op.f('ix_catalog_production_schedule_versions_project_id'), table_name='production_schedule_versions', schema='catalog')
    op.drop_index(op.f('ix_catalog_production_schedule_versions_production_schedule_from'), table_name='production_schedule_versions', schema='catalog')
    op.drop_table('production_schedule_versions', schema='catalog')
    op.drop_index(op.f('ix_catalog_milestones_task_type_id'), table_name='milestones', schema='catalog')
    op.drop_index(op.f('ix_catalog_milestones_project_id'), table_name='milestones', schema='catalog')
    op.drop_table('milestones', schema='catalog')
    op.drop_index('metadata_descriptor_uc2', table_name='metadata_descriptors', schema='catalog', postgresql_where=sa.text('task_type_id IS NULL'))
    op.drop_index('metadata_descriptor_uc', table_name='metadata_descriptors', schema='catalog', postgresql_where=sa.text('task_type_id IS NULL'))
    op.drop_index('metadata_descriptor_task_type_uc2', table_name='metadata_descriptors', schema='catalog', postgresql_where=sa.text('task_type_id IS NOT NULL'))
    op.drop_index('metadata_descriptor_task_type_uc', table_name='metadata_descriptors', schema='catalog', postgresql_where=sa.text('task_type_id IS NOT NULL'))
    op.drop_index(op.f('ix_catalog_metadata_descriptors_task_type_id'), table_name='metadata_descriptors', schema='catalog')
    op.drop_index(op.f('ix_catalog_metadata_descriptors_project_id'), table_name='metadata_descriptors', schema='catalog')
    op.drop_index(op.f('ix_catalog_metadata_descriptors_for_client'), table_name='metadata_descriptors', schema='catalog')
    op.drop_index(op.f('ix_catalog_metadata_descriptors_entity_type'), table_name='metadata_descriptors', schema='catalog')
    op.drop_table('metadata_descriptors', schema='catalog')
    op.drop_index(op.f('ix_catalog_budgets_project_id'), table_name='budgets', schema='catalog')
    op.drop_table('budgets', schema='catalog')
    op.drop_index(op.f('ix_catalog_project_template_status_automation_links_status_automation_id'), table_name='project_template_status_automation_links', schema='catalog')
    op.drop_table('project_template_status_automation_links', schema='catalog')
    op.drop_index(op.f('ix_catalog_project_template_asset_type_links_asset_type_id'), table_name='project_template_asset_type_links', schema='catalog')
    op.drop_table('project_template_asset_type_links', schema='catalog')
    op.drop_index(op.f('ix_catalog_status_automations_out_task_type_id'), table_name='status_automations', schema='catalog')
    op.drop_index(op.f('ix_catalog_status_automations_out_task_status_id'), table_name='status_automations', schema='catalog')
    op.drop_index(op.f('ix_catalog_status_automations_in_task_type_id'), table_name='status_automations', schema='catalog')
    op.drop_index(op.f('ix_catalog_status_automations_in_task_status_id'), table_name='status_automations', schema='catalog')
    op.drop_table('status_automations', schema='catalog')
    op.drop_index(op.f('ix_catalog_project_templates_name'), table_name='project_templates', schema='catalog')
    op.drop_index(op.f('ix_catalog_project_templates_default_preview_background_file_id'), table_name='project_templates', schema='catalog')
    op.drop_table('project_templates', schema='catalog')
    op.drop_table('custom_actions', schema='catalog')
