"""Tasks as a generic CRUD model (`/data/tasks`), with Zou's rules.

- Listing: anyone logged in; admins see every task, vendors the tasks they are assigned
  to, everyone else the tasks of the open productions whose team they are in; clients
  get the studio fields blanked. The role is the one held in each task's production.
  `?episode_id=` filters shots' tasks by episode.
- Reading one: the production's team (admins: any).
- Creating (POST /data/tasks): admins; the task type must fit the entity.
- Updating: admins and managers of the team; supervisors of the team only planning
  fields (priority, dates, estimation, difficulty, data) of their departments' types.
  `data` is merged; a status change sets `end_date` / `done_date` as Zou; assignees
  changed here emit `task:assign` / `task:unassign` as the assignment routes do.
- Deleting: admins and managers of the team.
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, crud_json, errors, schemas, task_fields
from slate_common.db import utcnow

from slate_tasks import access, events, task_types
from slate_tasks.models import Entity, EntityType, Task, TaskStatus, TaskType, \
    task_person_links

TEMPORAL_TYPES = ("Episode", "Sequence", "Shot", "Edit", "Scene", "Concept")
SUPERVISOR_FIELDS = frozenset({"priority", "start_date", "due_date", "estimation",
                               "difficulty", "data"})
CLIENT_BLANKS = task_fields.CLIENT_BLANKS


def for_viewer(role, task):
    """A task dict as a viewer holding this role in its production may see it: clients
    get the studio fields blanked."""
    if role != "client":
        return task
    return {key: (list(CLIENT_BLANKS[key]) if key == "assignees" else CLIENT_BLANKS[key])
            if key in CLIENT_BLANKS else value for key, value in task.items()}


# -- checks ----------------------------------------------------------------------------

def _check_read(uow, caller, row):
    if row is None:
        access.current_person(uow, caller)
    else:
        me = access.check_project_access(uow, caller, row.project_id)
        access.check_entity_access(uow, me, row.entity_id)


def _visible_tasks(uow, caller, query):
    return visible_to(uow, access.current_person(uow, caller), query)


def visible_to(uow, person, query):
    """Tasks a person (their row: global role) may list: admins all; anyone else those
    of the open productions whose team they are in, but those assigned to them only
    where they are a vendor (their role in the production; everywhere for a vendor)."""
    if person.role == "admin":
        return query
    teams = Task.project_id.in_(access.open_team_projects(person.id))
    vendor_in = [project_id for project_id, role in
                 access.production_roles(uow, person).items() if role == "vendor"]
    if person.role != "vendor" and not vendor_in:
        return query.where(teams)  # the common case: one plain condition
    assigned = Task.id.in_(sa.select(task_person_links.c.task_id).where(
        task_person_links.c.person_id == person.id))
    if person.role != "vendor":
        assigned = sa.and_(assigned, Task.project_id.in_(vendor_in))
    return query.where(sa.or_(sa.and_(teams, Task.project_id.notin_(vendor_in)), assigned))


def check_supervisor_task_access(uow, caller, task, fields=()):
    """Admins and the team's managers; the team's supervisors for planning fields of
    tasks of their departments (any, when they have none); roles held in the task's
    production."""
    me = access.member(uow, caller, access.current_person(uow, caller), task.project_id)
    if me is not None and me.role in access.STAFF:
        return me
    if me is not None and me.role == "supervisor" and set(fields) <= SUPERVISOR_FIELDS \
            and in_departments(uow, me, task.task_type_id):
        return me
    raise errors.Forbidden()


def in_departments(uow, me, task_type_id):
    departments = me.profile.get("departments") or []
    if not departments:
        return True
    task_type = uow.session.get(TaskType, task_type_id)
    return str(task_type.department_id) in departments


def _check_update(uow, caller, row, body):
    check_supervisor_task_access(uow, caller, row, body.keys())


def _check_delete(uow, caller, row):
    access.check_manager_project_access(uow, caller, row.project_id)


def in_episodes(values):
    """Tasks whose entity's parent (a sequence) is in one of these episodes."""
    ids = [access.as_uuid(value, lambda: errors.Invalid(
        "Invalid UUID format for episode_id: %s" % value)) for value in values]
    sequences = sa.select(Entity.id).where(Entity.parent_id.in_(ids))
    return Task.entity_id.in_(sa.select(Entity.id).where(Entity.parent_id.in_(sequences)))


def _prepare(uow, values, row):
    """Zou's update rules: `data` merges; a new status sets the end and done dates."""
    if row is None:
        return values
    if values.get("data") and isinstance(values["data"], dict):
        values["data"] = {**(row.data or {}), **values["data"]}
    status_id = values.get("task_status_id")
    if status_id is not None and status_id != row.task_status_id:
        status = uow.session.get(TaskStatus, status_id)
        if status is None:
            raise errors.Invalid("Task status with id %s not found" % status_id)
        now = utcnow()
        if status.is_feedback_request:
            values["end_date"] = now
        elif not status.is_done:
            values["end_date"] = None
        values["done_date"] = now if status.is_done else None
    return values


TASKS = crud.CrudModel(
    name="tasks", model=Task, event=events.TASK, order_by=("created_at",),
    unique_message="Task already exists.",
    check_read=_check_read, check_create=access.require_admin, check_update=_check_update,
    check_delete=_check_delete, prepare=_prepare, list_filter=_visible_tasks,
    filters={"episode_id": in_episodes})


# -- routes ----------------------------------------------------------------------------

def list_tasks(uow, caller, query_args):
    """GET /data/tasks: Zou's list encoded by PostgreSQL (assignees only with relations),
    the studio fields blanked in the productions where the viewer is a client."""
    me = access.current_person(uow, caller)
    roles = {} if me.role == "admin" else access.production_roles(uow, me)
    as_client = _seen_as_client(me.role, roles)
    return crud_json.list_json(uow, TASKS, caller, query_args,
                               None if as_client is None else CLIENT_BLANKS, as_client)


def _seen_as_client(role, roles):
    """The SQL condition on task rows this viewer sees as a client (`for_viewer`: their
    role in the row's production, else their global role); None when there are none."""
    if role == "client":
        studio = [project_id for project_id, held in roles.items() if held != "client"]
        return Task.project_id.notin_(studio) if studio else sa.true()
    clients = [project_id for project_id, held in roles.items() if held == "client"]
    return Task.project_id.in_(clients) if clients else None


def get_task(uow, caller, task_id, query_args):
    """GET /data/tasks/{id}: with its assignees."""
    task = crud.get_row(uow, TASKS, caller, task_id, query_args)
    return for_viewer(access.check_project_access(
        uow, caller, access.as_uuid(task["project_id"])).role, task)


def task_or_none(uow, task_id):
    """The task of this id, or None (for a malformed id too)."""
    row_id = access.as_uuid(task_id, None)
    return uow.session.get(Task, row_id) if row_id else None


def entity_kind(uow, entity):
    """"Asset" for an asset, else its entity type's name (Shot, Sequence...)."""
    type_name = uow.session.scalar(sa.select(EntityType.name).where(
        EntityType.id == entity.entity_type_id))
    return type_name if type_name in TEMPORAL_TYPES else "Asset"


def check_type_fits(uow, task_type, entity):
    """Zou's 400 when a task type is for another kind of entity."""
    if (task_type.for_entity or "Asset") != entity_kind(uow, entity):
        raise errors.Invalid("Task type of the task does not match entity type.")


def create_task(uow, caller, body):
    """POST /data/tasks (admins): 201, the task with its assignees; emits task:new."""
    access.require_admin(uow, caller)
    if not isinstance(body, dict):
        raise errors.Invalid("A JSON object is expected.")
    for key in ("task_type_id", "entity_id"):
        if access.as_uuid(body.get(key), None) is None:
            raise errors.Invalid("A valid %s is required." % key)
    assignees = body.get("assignees")
    if assignees is not None and not isinstance(assignees, list):
        raise errors.Invalid("assignees must be a list.")
    task_type = task_types.task_type_or_404(uow, body["task_type_id"])
    entity = access.entity_or_404(uow, caller, body["entity_id"])
    check_type_fits(uow, task_type, entity)
    values = dict(body, name=body.get("name") or "main", project_id=str(entity.project_id))
    values.setdefault("task_status_id", str(task_types.default_status(uow).id))
    values = schemas.load(Task, values, ignore={"id"})
    row = Task(id=uuid.uuid4())
    people = known_people(uow, caller, values.pop("assignees", None) or [])
    for key, value in values.items():
        setattr(row, key, value)
    row.assignees = people
    crud.insert_row(uow, TASKS, row)
    return schemas.render(row)


def known_people(uow, caller, person_ids):
    """The read model's persons among these ids, in order (unknown ids are dropped, as
    Zou drops ids of no one)."""
    found = [access.person_or_none(uow, caller, person_id) for person_id in person_ids]
    return list(dict.fromkeys(person for person in found if person is not None))


def update_task(uow, caller, task_id, body):
    """PUT /data/tasks/{id}: emits task:update, and task:assign / task:unassign for
    assignees changed."""
    task = crud.fetch(uow, TASKS, task_id)
    before = {person.id for person in task.assignees}
    if isinstance(body, dict) and isinstance(body.get("assignees"), list):
        known_people(uow, caller, body["assignees"])  # the read model may lag
    result = crud.update_row(uow, TASKS, caller, task_id, body)
    announce_assignments(uow, task, before)
    return result


def announce_assignments(uow, task, before):
    """task:assign / task:unassign for each person added to / removed from a task."""
    after = {person.id for person in task.assignees}
    for name, people in ((events.TASK_ASSIGN, after - before),
                         (events.TASK_UNASSIGN, before - after)):
        for person_id in sorted(people, key=str):
            uow.emit(name, {"task_id": str(task.id), "person_id": str(person_id)},
                     {"id": str(task.id), "changes": {"assignees": [
                         sorted(map(str, before)), sorted(map(str, after))]}},
                     project_id=task.project_id)


def task_ids_of(body):
    """The non-empty `task_ids` list of a batch body, or Zou's validation 400."""
    ids = body.get("task_ids") if isinstance(body, dict) else None
    if not isinstance(ids, list) or not ids:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "task_ids", "message": "Field required"}]})
    return ids
