"""team roles: per-production roles of team members

Revision ID: 0006_catalog_team_roles
Revises: 0005_catalog_settings
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0006_catalog_team_roles'
down_revision = '0005_catalog_settings'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('projects', sa.Column('team_roles', postgresql.JSONB(astext_type=sa.Text()),
                                        server_default='{}', nullable=False),
                  schema='catalog')


def downgrade():
    op.drop_column('projects', 'team_roles', schema='catalog')
