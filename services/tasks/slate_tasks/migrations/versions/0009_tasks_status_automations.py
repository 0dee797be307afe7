"""tasks: read model of the catalog's status automations and of the ones each production
applies (a comment applies them)

Revision ID: 0009_tasks_status_automations
Revises: 0008_tasks_asset_instances
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0009_tasks_status_automations'
down_revision = '0008_tasks_asset_instances'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('status_automations',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('in_task_type_id', sa.UUID(), nullable=True),
    sa.Column('in_task_status_id', sa.UUID(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('row', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_table('project_status_automation_links',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('status_automation_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['tasks.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'status_automation_id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_project_status_automation_links_status_automation_id'), 'project_status_automation_links', ['status_automation_id'], unique=False, schema='tasks')


def downgrade():
    op.drop_index(op.f('ix_tasks_project_status_automation_links_status_automation_id'), table_name='project_status_automation_links', schema='tasks')
    op.drop_table('project_status_automation_links', schema='tasks')
    op.drop_table('status_automations', schema='tasks')
