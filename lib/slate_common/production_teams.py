"""A service's read model of the catalog's production teams, written once.

A service keeping team links (a table with `project_id`, `person_id` and `role`: the
member's role in that production, NULL for none set, as Zou's project_person_link)
passes each production row, or the changes of a `project:update`, to `apply_team`.
The catalog's rows carry `team` (member ids) and `team_roles` ({person id: role}).
"""
import uuid

import sqlalchemy as sa

KEYS = ("team", "team_roles")


def apply_team(session, links, project_id, row):
    """Replace a production's links with the row's `team` and `team_roles`; a change of
    the team alone keeps the members' roles, a change of the roles alone keeps the team.
    Idempotent; nothing happens when the row has neither."""
    if not set(KEYS) & set(row):
        return
    team, roles = _kept(session, links, project_id)
    team, roles = row.get("team", team), row.get("team_roles", roles) or {}
    session.execute(sa.delete(links).where(links.c.project_id == project_id))
    if team:
        session.execute(sa.insert(links), [
            {"project_id": project_id, "person_id": uuid.UUID(person_id),
             "role": roles.get(person_id)} for person_id in dict.fromkeys(team)])


def _kept(session, links, project_id):
    found = session.execute(sa.select(links.c.person_id, links.c.role).where(
        links.c.project_id == project_id)).all()
    return ([str(person_id) for person_id, _ in found],
            {str(person_id): role for person_id, role in found if role is not None})
