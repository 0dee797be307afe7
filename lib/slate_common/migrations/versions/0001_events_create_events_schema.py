"""create events schema

Revision ID: 0001_events
Revises: 
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001_events'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    
    op.create_table('events',
    sa.Column('position', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('actor_id', sa.UUID(), nullable=True),
    sa.Column('project_id', sa.UUID(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('data', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('payload', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('position'),
    sa.UniqueConstraint('id'),
    schema='events'
    )
    op.create_index(op.f('ix_events_events_created_at'), 'events', ['created_at'], unique=False, schema='events')
    op.create_index(op.f('ix_events_events_name'), 'events', ['name'], unique=False, schema='events')
    op.create_index(op.f('ix_events_events_project_id'), 'events', ['project_id'], unique=False, schema='events')
    op.create_table('tracking',
    sa.Column('consumer', sa.String(length=120), nullable=False),
    sa.Column('position', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('consumer'),
    schema='events'
    )
    


def downgrade():
    
    op.drop_table('tracking', schema='events')
    op.drop_index(op.f('ix_events_events_project_id'), table_name='events', schema='events')
    op.drop_index(op.f('ix_events_events_name'), table_name='events', schema='events')
    op.drop_index(op.f('ix_events_events_created_at'), table_name='events', schema='events')
    op.drop_table('events', schema='events')
    
