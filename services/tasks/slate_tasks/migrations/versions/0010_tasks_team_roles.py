"""tasks: each team member's role in the production (the catalog's team_roles)

Revision ID: 0010_tasks_team_roles
Revises: 0009_tasks_status_automations
Create Date: 2026-11-28 21:55:00.000000

Productions followed before this revision kept `team_roles` inside their JSON row: the
roles move onto the team links and leave the row (it is served as the project's JSON).
"""
from alembic import op
import sqlalchemy as sa

revision = '0010_tasks_team_roles'
down_revision = '0009_tasks_status_automations'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('team_links', sa.Column('role', sa.String(length=30), nullable=True),
                  schema='tasks')
    op.execute("""
        UPDATE tasks.team_links AS link SET role = project.row -> 'team_roles'
                                                   ->> link.person_id::text
        FROM tasks.projects AS project
        WHERE project.id = link.project_id AND project.row ? 'team_roles'
    """)
    op.execute("UPDATE tasks.projects SET row = row - 'team_roles' WHERE row ? 'team_roles'")
    # The read model's tables added since 0007 (asset instances, status automations and
    # their links) fill from catalog events the follower had already passed: it reads
    # the log again from the start (its handlers are idempotent, as for a rebuild).
    op.execute("""
        DO $$ BEGIN
            IF to_regclass('events.tracking') IS NOT NULL THEN
                UPDATE events.tracking SET position = 0 WHERE consumer = 'tasks.catalog';
            END IF;
        END $$
    """)


def downgrade():
    op.drop_column('team_links', 'role', schema='tasks')
