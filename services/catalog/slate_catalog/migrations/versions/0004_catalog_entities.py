"""entity_tasks: the read model of which entities have tasks

Revision ID: 0004_catalog_entities
Revises: 0003_catalog_breakdown
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = '0004_catalog_entities'
down_revision = '0003_catalog_breakdown'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('entity_tasks',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('entity_id', sa.UUID(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='catalog'
    )
    op.create_index(op.f('ix_catalog_entity_tasks_entity_id'), 'entity_tasks',
                    ['entity_id'], unique=False, schema='catalog')


def downgrade():
    op.drop_table('entity_tasks', schema='catalog')
