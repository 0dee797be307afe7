"""Productions and their statuses as generic CRUD models, with Zou's rules: admins
create and delete productions, managers of a production's team change it, everyone else
sees only the open productions whose team they are in."""
import re
import uuid

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import crud, errors, schemas

from slate_catalog import access, descriptor_reads, events, task_settings
from slate_catalog.models import PROJECT_STYLES, Person, Project, ProjectStatus, \
    project_person_links

OPEN, CLOSED = "Open", "Closed"
OPEN_NAMES = ("Active", "open", "Open")
DEFAULT_STATUS_COLOR = "#000000"
# Relations owned by other services: task types and statuses (the tasks service's, read
# from task_settings.py), preview backgrounds (media, not built yet: served empty).
# Bodies never change them here.
UNOWNED_RELATIONS = ("task_statuses", "task_types", "preview_background_files")
TASK_RELATIONS = ("task_statuses", "task_types")
RESOLUTION = re.compile(r"^(\d{3,4})?x\d{3,4}$")


# -- project statuses ------------------------------------------------------------------

PROJECT_STATUSES = crud.CrudModel(
    name="project-status", model=ProjectStatus, event=events.PROJECT_STATUS,
    check_read=access.read_any, check_create=access.require_admin,
    check_update=access.require_admin, check_delete=access.require_admin)


def status_named(uow, name, create=True):
    """The project status of this name (created, with its event, if missing)."""
    status = uow.session.scalars(
        sa.select(ProjectStatus).where(ProjectStatus.name == name)).first()
    if status is None and create:
        status = ProjectStatus(id=uuid.uuid4(), name=name, color=DEFAULT_STATUS_COLOR)
        uow.session.add(status)
        uow.session.flush()
        uow.emit(events.PROJECT_STATUS_NEW, PROJECT_STATUSES.public_data(status),
                 {"new": crud.snapshot(status)})
    return status


def is_open(uow, project):
    status = status_named(uow, OPEN, create=False)
    return status is not None and project.project_status_id == status.id


# -- rendering -------------------------------------------------------------------------

PRIVATE = ("team_roles",)  # served by the team routes (project_role), not in the JSON


def render_project(row, relations=True):
    """Zou's project JSON; with relations, its task types and statuses when the row is
    read in a session (Records: `with_extra_data` adds them), no preview backgrounds."""
    out = schemas.render(row, hidden=PRIVATE, relations=relations)
    if relations:
        out.update({name: [] for name in UNOWNED_RELATIONS})
        session = orm.object_session(row) if isinstance(row, Project) else None
        if session is not None:
            settings = task_settings.by_project(session, [row.id])[row.id]
            out.update({name: settings[name] for name in TASK_RELATIONS})
    return out


def with_extra_data(project_json, descriptors=(), settings=None):
    """What Zou adds to a production read by id or listed as open: its metadata
    descriptors and its task types and statuses with their links (`settings`: its
    entry of task_settings.by_project)."""
    settings = settings or task_settings.empty()
    return {**project_json, "descriptors": list(descriptors), **settings}


# -- checks ----------------------------------------------------------------------------

def _check_read(uow, caller, row):
    if row is None:
        access.current_person(uow, caller)
    else:
        access.check_project_access(uow, caller, row.id)


def _check_update(uow, caller, row, body):
    access.check_manager_project_access(uow, caller, row.id)


def _visible_projects(uow, caller, query):
    """Non-admins list only the open productions whose team they are in."""
    me = access.current_person(uow, caller)
    if me.role == "admin":
        return query
    return query.where(Project.id.in_(_team_projects(me.id)), _open_filter(uow))


def _team_projects(person_id):
    return sa.select(project_person_links.c.project_id).where(
        project_person_links.c.person_id == person_id)


def _open_filter(uow):
    status = status_named(uow, OPEN, create=False)
    return Project.project_status_id == (status.id if status else None)


def _prepare(uow, values, row):
    if row is None and "project_status_id" not in values:
        values["project_status_id"] = status_named(uow, OPEN).id
    return values


def normalise_body(body):
    """Zou's checks before the model sees a body: a null production_style means 2d3d,
    another unknown one is refused, a resolution must read WIDTHxHEIGHT or xHEIGHT."""
    if not isinstance(body, dict):
        return body
    body = dict(body)
    if "production_style" in body:
        if body["production_style"] is None:
            body["production_style"] = "2d3d"
        if body["production_style"] not in PROJECT_STYLES:
            raise errors.Invalid("Invalid production_style")
    resolution = body.get("resolution")
    if resolution not in (None, "") and not RESOLUTION.match(str(resolution)):
        raise errors.Invalid("Invalid resolution %s. Expected format: '1920x1080' or "
                             "'x1080'." % resolution)
    return body


PROJECTS = crud.CrudModel(
    name="projects", model=Project, event=events.PROJECT, order_by=("name",),
    check_read=_check_read, check_create=access.require_admin,
    check_update=_check_update, check_delete=access.require_admin,
    prepare=_prepare, render=render_project, list_filter=_visible_projects,
    protected=frozenset({"id", "project_template_id", "status_automations", *PRIVATE,
                         *UNOWNED_RELATIONS}))


# -- routes ----------------------------------------------------------------------------

def create_project(uow, caller, body):
    """POST /data/projects (admins): emits project:new; 201 with the project."""
    access.require_admin(uow, caller)
    body = normalise_body(body)
    if isinstance(body, dict):
        body = {key: value for key, value in body.items() if key not in PRIVATE}
    _know_team(uow, caller, body)
    return crud.create_row(uow, PROJECTS, caller, body)


def _know_team(uow, caller, body):
    """Team members just created in auth may be ahead of the read model: refresh it once
    before unknown ids are dropped (as Zou drops ids of no one)."""
    team = body.get("team") if isinstance(body, dict) else None
    refresh = (caller or {}).get("refresh_persons")
    if not team or refresh is None or not isinstance(team, list):
        return
    ids = {member for member in team if isinstance(member, str)}
    known = {str(row) for row in uow.session.scalars(
        sa.select(Person.id).where(sa.cast(Person.id, sa.String).in_(ids)))}
    if ids - known:
        refresh()


def update_project(uow, caller, project_id, body):
    """PUT /data/projects/{id}: the team is not changed here (Zou protects it)."""
    return crud.update_row(uow, PROJECTS, caller, project_id, normalise_body(body),
                           ignore={"team"})


def get_project(uow, caller, project_id, query_args):
    """GET /data/projects/{id}: with its status name and extra data, as Zou serves it."""
    project = crud.get_row(uow, PROJECTS, caller, project_id, query_args)
    status = uow.session.get(ProjectStatus, uuid.UUID(project["project_status_id"])) \
        if project.get("project_status_id") else None
    relations = str((query_args or {}).get("relations", "true")).lower() == "true"
    if relations:
        me = access.current_person(uow, caller)
        project_uuid = uuid.UUID(project["id"])
        project = with_extra_data(project, descriptor_reads.by_project(
            uow, me, [project_uuid]).get(project_uuid, ()),
            task_settings.by_project(uow.session, [project_uuid])[project_uuid])
    project["project_status_name"] = status.name if status else None
    return project


def delete_project(uow, caller, project_id):
    """DELETE /data/projects/{id}: open productions are refused before anything else."""
    project = crud.fetch(uow, PROJECTS, project_id)
    if is_open(uow, project):
        raise errors.BadRequest("Only closed projects can be deleted")
    crud.delete_row(uow, PROJECTS, caller, project_id)


def open_projects(uow, caller, query_args):
    """GET /data/projects/open: open productions by name (a non-admin's: their teams')."""
    query = _visible_projects(uow, caller, sa.select(Project.__table__)).where(
        Project.project_status_id.in_(
            sa.select(ProjectStatus.id).where(ProjectStatus.name.in_(OPEN_NAMES))))
    if query_args.get("name") is not None:
        query = query.where(Project.name == query_args["name"])
    rows = crud.read_records(uow, Project, query.order_by(Project.name))
    descriptors = descriptor_reads.by_project(uow, access.current_person(uow, caller),
                                              [row.id for row in rows])
    settings = task_settings.by_project(uow.session, [row.id for row in rows])
    return [with_extra_data(render_project(row), descriptors.get(row.id, ()), settings[row.id])
            for row in rows]


def all_projects(uow, caller, query_args):
    """GET /data/projects/all: every production (admins) or every one whose team the
    caller is in, open or not; `?name=` gives the one of that name or 404."""
    me = access.current_person(uow, caller)
    table = Project.__table__
    query = sa.select(table, ProjectStatus.name.label("project_status_name")).join(
        ProjectStatus, ProjectStatus.id == Project.project_status_id)
    if me.role != "admin":
        query = query.where(Project.id.in_(_team_projects(me.id)))
    name = query_args.get("name")
    if name is not None:
        query = query.where(sa.func.lower(Project.name) == str(name).lower())
    rows = uow.session.connection().execute(query.order_by(Project.name)).mappings().all()
    if name is not None and not rows:
        raise errors.NotFound()
    rows = rows[:1 if name else None]
    # Admins get each production's Project columns, for the productions view.
    descriptors = descriptor_reads.by_project(
        uow, me, [row["id"] for row in rows], "Project") if me.role == "admin" else None
    return [_listed(row, descriptors) for row in rows]


def _listed(row, descriptors):
    values = dict(row)
    status_name = values.pop("project_status_name")
    out = render_project(schemas.Record(Project, values), relations=False)
    if descriptors is not None:
        out.update({"project_status_name": status_name,
                    "descriptors": descriptors.get(row["id"], [])})
    return out
