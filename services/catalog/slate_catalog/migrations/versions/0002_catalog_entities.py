"""entities: assets, episodes, sequences, shots

Revision ID: 0002_catalog
Revises: 0001_catalog
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0002_catalog'
down_revision = '0001_catalog'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('entities',
    sa.Column('name', sa.String(length=160), nullable=False),
    sa.Column('code', sa.String(length=160), nullable=True),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('shotgun_id', sa.Integer(), nullable=True),
    sa.Column('canceled', sa.Boolean(), nullable=True),
    sa.Column('nb_frames', sa.Integer(), nullable=True),
    sa.Column('nb_entities_out', sa.Integer(), nullable=True),
    sa.Column('is_casting_standby', sa.Boolean(), nullable=True),
    sa.Column('is_shared', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('entity_type_id', sa.UUID(), nullable=False),
    sa.Column('parent_id', sa.UUID(), nullable=True),
    sa.Column('source_id', sa.UUID(), nullable=True),
    sa.Column('preview_file_id', sa.UUID(), nullable=True),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
    sa.Column('ready_for', sa.UUID(), nullable=True),
    sa.Column('created_by', sa.UUID(), nullable=True),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['entity_type_id'], ['catalog.entity_types.id'], ),
    sa.ForeignKeyConstraint(['parent_id'], ['catalog.entities.id'], ),
    sa.ForeignKeyConstraint(['project_id'], ['catalog.projects.id'], ),
    sa.ForeignKeyConstraint(['source_id'], ['catalog.entities.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name', 'project_id', 'entity_type_id', 'parent_id', name='entity_uc'),
    schema='catalog'
    )
    for column in ('created_by', 'entity_type_id', 'parent_id', 'project_id', 'source_id',
                   'status'):
        op.create_index(op.f('ix_catalog_entities_%s' % column), 'entities', [column],
                        unique=False, schema='catalog')
    op.create_index('ix_catalog_entities_project_type_status', 'entities',
                    ['project_id', 'entity_type_id', 'status'], unique=False, schema='catalog')
    op.create_index('ix_catalog_entities_type_parent', 'entities',
                    ['entity_type_id', 'parent_id'], unique=False, schema='catalog')


def downgrade():
    op.drop_table('entities', schema='catalog')
