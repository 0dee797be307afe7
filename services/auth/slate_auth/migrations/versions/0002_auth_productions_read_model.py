"""productions read model: the catalog's productions, statuses and teams

Revision ID: 0002_auth
Revises: 0001_auth
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa

revision = '0002_auth'
down_revision = '0001_auth'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('project_statuses',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('name', sa.String(length=20), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    schema='auth'
    )
    op.create_table('projects',
    sa.Column('id', sa.UUID(), nullable=False),
    sa.Column('project_status_id', sa.UUID(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    schema='auth'
    )
    op.create_table('project_person_links',
    sa.Column('project_id', sa.UUID(), nullable=False),
    sa.Column('person_id', sa.UUID(), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['auth.projects.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('project_id', 'person_id'),
    schema='auth'
    )
    op.create_index(op.f('ix_auth_project_person_links_person_id'), 'project_person_links',
                    ['person_id'], unique=False, schema='auth')


def downgrade():
    op.drop_index(op.f('ix_auth_project_person_links_person_id'),
                  table_name='project_person_links', schema='auth')
    op.drop_table('project_person_links', schema='auth')
    op.drop_table('projects', schema='auth')
    op.drop_table('project_statuses', schema='auth')
