"""tasks: read models of the catalog's casting links (the boards' episode filter) and
metadata descriptors (the boards hide restricted metadata from vendors)

Revision ID: 0006_tasks_with_tasks
Revises: 0005_tasks_user
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0006_tasks_with_tasks'
down_revision = '0005_tasks_user'
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

    op.create_table('metadata_descriptors',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('entity_type', sa.String(length=60), nullable=False),
    sa.Column('field_name', sa.String(length=120), nullable=False),
    sa.Column('departments', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.Column('row', postgresql.JSONB(astext_type=sa.Text()), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='tasks'
    )
    op.create_index(op.f('ix_tasks_metadata_descriptors_project_id'), 'metadata_descriptors', ['project_id'], unique=False, schema='tasks')


def downgrade():
    op.drop_index(op.f('ix_tasks_metadata_descriptors_project_id'), table_name='metadata_descriptors', schema='tasks')
    op.drop_table('metadata_descriptors', schema='tasks')
    op.drop_index(op.f('ix_tasks_casting_links_entity_out_id'), table_name='casting_links', schema='tasks')
    op.drop_index(op.f('ix_tasks_casting_links_entity_in_id'), table_name='casting_links', schema='tasks')
    op.drop_table('casting_links', schema='tasks')
