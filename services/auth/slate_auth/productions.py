"""The auth service's read model of productions and their teams, fed by the catalog's
`project:*` and `project-status:*` events, so Zou's team-scoped rules (a manager's view of
the event log, the people a client meets) need no RPC to the catalog. Each team link keeps
the member's role in that production (`team_roles`), which replaces their global role in
those rules, as in every production access check (`person_model.in_production`).

`apply_event` is the consumer's handler; it is idempotent (upserts, replace-all teams).
"""
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from slate_common import person_model, production_teams

from slate_auth.models import Person, Project, ProjectStatus, project_person_links

CONSUMER = "auth.projects"
NAMES = ("project:new", "project:update", "project:delete",
         "project-status:new", "project-status:update", "project-status:delete")
OPEN_STATUS_NAMES = ("Active", "open", "Open")  # Zou's build_open_project_filter


def apply_event(session, event):
    """Apply one production or production-status event."""
    family, kind = event["name"].split(":", 1)
    payload = event["payload"] or {}
    if not {"new", "changes", "old"} & set(payload):
        return  # e.g. the tasks service's project:update after a settings change: no row
    model = Project if family == "project" else ProjectStatus
    if kind == "delete":
        session.execute(sa.delete(model).where(model.id == uuid.UUID(payload["old"]["id"])))
        return
    row = payload["new"] if kind == "new" else {
        "id": payload["id"], **{key: pair[1] for key, pair in payload["changes"].items()}}
    if family == "project":
        _project(session, row, new=kind == "new")
    elif kind == "new" or "name" in row:
        _upsert(session, ProjectStatus, {"id": uuid.UUID(row["id"]), "name": row["name"]})


def _project(session, row, new):
    project_id = uuid.UUID(row["id"])
    if new or "project_status_id" in row:
        _upsert(session, Project, {"id": project_id,
                                   "project_status_id": _uuid(row.get("project_status_id"))})
    if session.get(Project, project_id) is not None:
        production_teams.apply_team(session, project_person_links, project_id, row)


def _upsert(session, model, values):
    insert = postgresql.insert(model).values(values)
    session.execute(insert.on_conflict_do_update(
        index_elements=[model.id],
        set_={key: insert.excluded[key] for key in values if key != "id"}))
    session.flush()


def _uuid(value):
    return uuid.UUID(str(value)) if value else None


# -- what the rules ask ----------------------------------------------------------------

def project_ids_of(session, person_id, open_only=False, roles=None):
    """The productions whose team this person is in (open ones only if asked; with
    `roles`, those where the role they hold there is one of them)."""
    query = sa.select(project_person_links.c.project_id).where(
        project_person_links.c.person_id == person_id)
    if roles is not None:
        query = query.join(Person, Person.id == project_person_links.c.person_id).where(
            person_model.production_role(Person.role, project_person_links.c.role).in_(roles))
    if open_only:
        query = query.join(Project, Project.id == project_person_links.c.project_id).join(
            ProjectStatus, ProjectStatus.id == Project.project_status_id).where(
            ProjectStatus.name.in_(OPEN_STATUS_NAMES))
    return set(session.scalars(query))


def team_person_ids(session, person_id):
    """Zou's get_client_team_person_ids: everyone in the teams of the open productions
    this person is in."""
    projects = project_ids_of(session, person_id, open_only=True)
    return set(session.scalars(sa.select(project_person_links.c.person_id).where(
        project_person_links.c.project_id.in_(projects)))) if projects else set()
