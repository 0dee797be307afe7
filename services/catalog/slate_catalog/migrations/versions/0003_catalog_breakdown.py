"""breakdown: casting links, asset instances and shots' instance casting

Revision ID: 0003_catalog_breakdown
Revises: 0002_catalog
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0003_catalog_breakdown'
down_revision = '0002_catalog'
branch_labels = None
depends_on = None

SCHEMA = 'catalog'


def _entity_fk(name, nullable=True):
    return sa.Column(name, sa.UUID(), sa.ForeignKey('catalog.entities.id', ondelete='CASCADE'),
                     nullable=nullable)


def _timestamps():
    return (sa.Column('id', sa.UUID(), nullable=False, primary_key=True),
            sa.Column('created_at', sa.DateTime(), nullable=False),
            sa.Column('updated_at', sa.DateTime(), nullable=False))


def _indexes(table, columns):
    for column in columns:
        op.create_index(op.f('ix_catalog_%s_%s' % (table, column)), table, [column],
                        unique=False, schema=SCHEMA)


def upgrade():
    op.create_table(
        'entity_links',
        _entity_fk('entity_in_id', nullable=False), _entity_fk('entity_out_id', nullable=False),
        sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column('nb_occurences', sa.Integer(), nullable=True),
        sa.Column('label', sa.String(length=80), nullable=True),
        *_timestamps(),
        sa.UniqueConstraint('entity_in_id', 'entity_out_id', name='entity_link_uc'),
        schema=SCHEMA)
    _indexes('entity_links', ('entity_in_id', 'entity_out_id'))
    op.create_table(
        'asset_instances',
        _entity_fk('asset_id', nullable=False),
        sa.Column('name', sa.String(length=80), nullable=True),
        sa.Column('number', sa.Integer(), nullable=True),
        sa.Column('description', sa.String(length=200), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=True),
        sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        _entity_fk('scene_id'), _entity_fk('target_asset_id'), _entity_fk('entity_id'),
        sa.Column('entity_type_id', sa.UUID(), sa.ForeignKey('catalog.entity_types.id'),
                  nullable=True),
        *_timestamps(),
        sa.UniqueConstraint('asset_id', 'target_asset_id', 'scene_id', 'number',
                            name='asset_instance_uc'),
        schema=SCHEMA)
    _indexes('asset_instances', ('asset_id', 'scene_id', 'target_asset_id', 'entity_id',
                                 'entity_type_id'))
    op.create_table(
        'asset_instance_links',
        sa.Column('entity_id', sa.UUID(),
                  sa.ForeignKey('catalog.entities.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('asset_instance_id', sa.UUID(),
                  sa.ForeignKey('catalog.asset_instances.id', ondelete='CASCADE'),
                  primary_key=True),
        schema=SCHEMA)
    _indexes('asset_instance_links', ('asset_instance_id',))


def downgrade():
    for table in ('asset_instance_links', 'asset_instances', 'entity_links'):
        op.drop_table(table, schema=SCHEMA)
