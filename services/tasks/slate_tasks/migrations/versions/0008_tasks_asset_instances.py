"""tasks: read model of the catalog's asset instances

Revision ID: 0008_tasks_asset_instances
Revises: 0007_tasks_files
Create Date: 2026-11-28 21:40:00.000000
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0008_tasks_asset_instances'
down_revision = '0007_tasks_files'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('asset_instances',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('asset_id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=True),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('scene_id', sa.UUID(), nullable=True),
    sa.Column('target_asset_id', sa.UUID(), nullable=True),
    sa.Column('row', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_asset_instances_asset_id'), 'asset_instances', ['asset_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_asset_instances_scene_id'), 'asset_instances', ['scene_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_asset_instances_target_asset_id'), 'asset_instances', ['target_asset_id'], unique=False, schema='tasks')


def downgrade():
    op.drop_index(op.f('ix_tasks_asset_instances_target_asset_id'), table_name='asset_instances', schema='tasks')
    op.drop_index(op.f('ix_tasks_asset_instances_scene_id'), table_name='asset_instances', schema='tasks')
    op.drop_index(op.f('ix_tasks_asset_instances_asset_id'), table_name='asset_instances', schema='tasks')
    op.drop_table('asset_instances', schema='tasks')
