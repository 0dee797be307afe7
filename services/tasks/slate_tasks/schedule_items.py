"""Schedule items: the planned dates of a task type in a production (`object_id`:
none, or one of its asset types, episodes, sequences or edits), as Zou keeps them.

- CRUD `/data/schedule-items`: admins list and read; managers of the team create and
  delete; supervisors of the team update those of their departments' task types.
- The production's schedule reads create the items that are missing (today to
  tomorrow), each with its `schedule-item:new`, and leave out those whose object is
  gone, as Zou does.
"""
import datetime
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_tasks import access, events, periods, tasks
from slate_tasks.models import Entity, EntityType, ProjectTaskTypeLink, ScheduleItem, Task, \
    TaskType

SCHEDULED_KINDS = ("Asset", "Shot", "Sequence", "Episode", "Edit")
PRESENTED = ("id", "start_date", "end_date", "man_days", "project_id", "task_type_id",
             "object_id")


def _check_create(uow, caller, body):
    if access.current_person(uow, caller).role == "admin":
        return
    project_id = access.as_uuid(body.get("project_id"), None)
    if project_id is None:
        raise errors.Forbidden()
    access.check_manager_project_access(uow, caller, project_id)


def _check_update(uow, caller, row, body):
    check_task_type_planner(uow, caller, row.project_id, row.task_type_id)


def _check_delete(uow, caller, row):
    access.check_manager_project_access(uow, caller, row.project_id)


def _prepare(uow, values, row):
    if row is None:
        found = uow.session.scalar(sa.select(ScheduleItem.id).where(*(
            getattr(ScheduleItem, key).is_(None) if values.get(key) is None
            else getattr(ScheduleItem, key) == values[key]
            for key in ("project_id", "task_type_id", "object_id"))))
        if found is not None:
            raise errors.Invalid("A similar schedule item already exists")
    return values


SCHEDULE_ITEMS = crud.CrudModel(
    name="schedule-items", model=ScheduleItem, event=events.SCHEDULE_ITEM,
    check_read=access.require_admin, check_create=_check_create,
    check_update=_check_update, check_delete=_check_delete, prepare=_prepare)


def check_task_type_planner(uow, caller, project_id, task_type_id):
    """Admins, managers of the team, supervisors of the team for their departments'
    task types (any, without departments)."""
    me = access.member(uow, caller, access.current_person(uow, caller), project_id)
    if me is not None and (me.role in access.STAFF or (
            me.role == "supervisor" and tasks.in_departments(uow, me, task_type_id))):
        return me
    raise errors.Forbidden()


def update_schedule_item(uow, caller, row_id, body):
    """PUT /data/schedule-items/{id}: a `man_days` given as text is ignored (Zou)."""
    if isinstance(body, dict) and isinstance(body.get("man_days"), str):
        body = {key: value for key, value in body.items() if key != "man_days"}
    return crud.update_row(uow, SCHEDULE_ITEMS, caller, row_id, body)


# -- the production's schedule ------------------------------------------------------------

def present(row):
    rendered = schemas.render(row)
    return {key: rendered[key] for key in PRESENTED}


def _project_for_planning(uow, caller, project_id, clients=True):
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    if me.role == "vendor" or (me.role == "client" and not clients):
        raise errors.Forbidden()
    return project


def project_schedule_items(uow, caller, project_id):
    """GET /data/projects/{id}/schedule-items (not for clients and vendors)."""
    project = _project_for_planning(uow, caller, project_id, clients=False)
    query = sa.select(ScheduleItem).where(ScheduleItem.project_id == project.id)
    return [present(row) for row in uow.session.scalars(
        query.order_by(ScheduleItem.start_date, ScheduleItem.id))]


def _ensure(uow, project_id, task_type_id, object_id, existing):
    """The existing item, or a new one from today to tomorrow (schedule-item:new)."""
    if existing is not None:
        return existing
    today = datetime.date.today()
    row = ScheduleItem(id=uuid.uuid4(), project_id=project_id, task_type_id=task_type_id,
                       object_id=object_id, start_date=today,
                       end_date=today + datetime.timedelta(days=1))
    try:
        return crud.insert_row(uow, SCHEDULE_ITEMS, row)
    except errors.Rejected:  # created meanwhile by a concurrent read
        return uow.session.scalars(sa.select(ScheduleItem).where(
            ScheduleItem.project_id == project_id,
            ScheduleItem.task_type_id == task_type_id,
            ScheduleItem.object_id == object_id if object_id
            else ScheduleItem.object_id.is_(None))).one()


def task_types_schedule_items(uow, caller, project_id):
    """GET /data/projects/{id}/schedule-items/task-types: one item per task type the
    production has tasks of (those of its settings, when it lists some)."""
    project = _project_for_planning(uow, caller, project_id)
    query = sa.select(TaskType.id).where(
        TaskType.id.in_(sa.select(Task.task_type_id).where(Task.project_id == project.id)),
        TaskType.for_entity.in_(SCHEDULED_KINDS))
    settings = sa.select(ProjectTaskTypeLink.task_type_id).where(
        ProjectTaskTypeLink.project_id == project.id)
    if uow.session.scalar(settings.limit(1)) is not None:
        query = query.where(TaskType.id.in_(settings))
    existing = {row.task_type_id: row for row in uow.session.scalars(
        sa.select(ScheduleItem).where(ScheduleItem.project_id == project.id,
                                      ScheduleItem.object_id.is_(None)))}
    rows = [_ensure(uow, project.id, task_type_id, None, existing.get(task_type_id))
            for task_type_id in uow.session.scalars(query)]
    return sorted((present(row) for row in rows), key=lambda item: item["start_date"])


def _episode_arg(query_args):
    value = periods.arg(query_args, "episode_id")
    if not value:
        return None
    return access.as_uuid(value, lambda: errors.Invalid("Wrong UUID format."))


def objects_schedule_items(uow, caller, project_id, task_type_id, kind, query_args):
    """GET /data/projects/{id}/schedule-items/{task_type_id}/asset-types|episodes|
    sequences|edits[?episode_id=]: one item per object, with its name, by name."""
    project = _project_for_planning(uow, caller, project_id)
    task_type = access.as_uuid(task_type_id, lambda: errors.Invalid("Wrong UUID format."))
    objects = OBJECTS[kind](uow, project.id, _episode_arg(query_args))
    existing = {row.object_id: row for row in uow.session.scalars(sa.select(
        ScheduleItem).where(ScheduleItem.project_id == project.id,
                            ScheduleItem.task_type_id == task_type,
                            ScheduleItem.object_id.in_(list(objects))))}
    items = [{**present(_ensure(uow, project.id, task_type, object_id,
                                existing.get(object_id))), "name": name}
             for object_id, name in objects.items()]
    return sorted(items, key=lambda item: item["name"])


def _entities(uow, project_id, type_name, episode_id, canceled=True):
    query = sa.select(Entity.id, Entity.name).join(
        EntityType, EntityType.id == Entity.entity_type_id).where(
        Entity.project_id == project_id, EntityType.name == type_name)
    if episode_id is not None:
        query = query.where(Entity.id == episode_id if type_name == "Episode"
                            else Entity.parent_id == episode_id)
    if not canceled:
        query = query.where(Entity.canceled.is_(False))
    return dict(uow.session.execute(query).all())


def _asset_types(uow, project_id, episode_id):
    """Asset types of the production's assets (of an episode's own assets)."""
    assets = sa.select(Entity.entity_type_id).where(Entity.project_id == project_id)
    if episode_id is not None:
        assets = assets.where(Entity.source_id == episode_id)
    query = sa.select(EntityType.id, EntityType.name).where(
        EntityType.id.in_(assets), EntityType.name.not_in(tasks.TEMPORAL_TYPES))
    return dict(uow.session.execute(query).all())


OBJECTS = {
    "asset-types": _asset_types,
    "episodes": lambda uow, project_id, episode_id: _entities(
        uow, project_id, "Episode", episode_id),
    "sequences": lambda uow, project_id, episode_id: _entities(
        uow, project_id, "Sequence", episode_id),
    "edits": lambda uow, project_id, episode_id: _entities(
        uow, project_id, "Edit", episode_id, canceled=False),
}
