"""productions read model: each team member's role in the production

Revision ID: 0003_auth_team_roles
Revises: 0002_auth
Create Date: 2026-11-28 22:00:00.000000

The read model did not keep the catalog's `team_roles` before: its follower starts
again from the beginning of the log (its handlers are idempotent) to pick them up.
"""
from alembic import op
import sqlalchemy as sa

revision = '0003_auth_team_roles'
down_revision = '0002_auth'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('project_person_links', sa.Column('role', sa.String(length=30),
                                                    nullable=True), schema='auth')
    op.execute("""
        DO $$ BEGIN
            IF to_regclass('events.tracking') IS NOT NULL THEN
                UPDATE events.tracking SET position = 0 WHERE consumer = 'auth.projects';
            END IF;
        END $$
    """)


def downgrade():
    op.drop_column('project_person_links', 'role', schema='auth')
