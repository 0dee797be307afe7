"""tasks: the read model of the catalog's casting links (the boards' episode filter)

Revision ID: 0006_tasks_with_tasks
Revises: 0001_tasks
"""
from alembic import op
import sqlalchemy as sa

revision = '0006_tasks_with_tasks'
down_revision = '0001_tasks'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('casting_links',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('entity_in_id', sa.UUID(), nullable=False),
    sa.Column('entity_out_id', sa.UUID(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_casting_links_entity_in_id'), 'casting_links', ['entity_in_id'], unique=False, schema='tasks')
    op.create_index(op.f('ix_tasks_casting_links_entity_out_id'), 'casting_links', ['entity_out_id'], unique=False, schema='tasks')


def downgrade():
    op.drop_index(op.f('ix_tasks_casting_links_entity_out_id'), table_name='casting_links', schema='tasks')
    op.drop_index(op.f('ix_tasks_casting_links_entity_in_id'), table_name='casting_links', schema='tasks')
    op.drop_table('casting_links', schema='tasks')
