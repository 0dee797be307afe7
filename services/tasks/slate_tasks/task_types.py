"""Task types and task statuses as generic CRUD models, with Zou's rules: anyone logged
in reads them, admins write them; a task type's name is unique regardless of case; a
task type used by productions is deleted only with `force=true`
(project_settings.delete_task_type)."""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors

from slate_tasks import access, events
from slate_tasks.models import TaskStatus, TaskType

TODO = {"name": "Todo", "short_name": "todo", "color": "#f5f5f5", "is_default": True}
NEUTRAL = {"name": "Neutral", "short_name": "neutral", "color": "#CCCCCC",
           "is_default": True, "for_concept": True}


def _unique_task_type_name(uow, values, row):
    name = values.get("name")
    if name is None or (row is not None and name == row.name):
        return values
    query = sa.select(TaskType.id).where(sa.func.lower(TaskType.name) == name.lower())
    if row is not None:
        query = query.where(TaskType.id != row.id)
    if uow.session.scalar(query) is not None:
        raise errors.Invalid("A task type with similar name already exists")
    return values


TASK_TYPES = crud.CrudModel(
    name="task-types", model=TaskType, event=events.TASK_TYPE, order_by=("name",),
    check_read=access.read_any, check_create=access.require_admin,
    check_update=access.require_admin, check_delete=access.require_admin,
    prepare=_unique_task_type_name)

def _one_default(uow, values, row):
    """A status created as the default takes the flag from the previous default (of the
    same kind: concepts have their own), with its task-status:update."""
    if row is None and values.get("is_default"):
        concept = bool(values.get("for_concept"))
        for previous in uow.session.scalars(sa.select(TaskStatus).where(
                TaskStatus.is_default.is_(True), TaskStatus.for_concept.is_(concept))):
            crud.record_update(uow, TASK_STATUSES, previous,
                               lambda status=previous: setattr(status, "is_default", False))
    return values


# Listed studio statuses first, so that gazu's first `is_default` status is Todo.
TASK_STATUSES = crud.CrudModel(
    name="task-status", model=TaskStatus, event=events.TASK_STATUS,
    order_by=("for_concept", "priority", "name"), prepare=_one_default,
    unique_message="A task status with this short name already exists.",
    check_read=access.read_any, check_create=access.require_admin,
    check_update=access.require_admin, check_delete=access.require_admin)


def task_type_or_404(uow, task_type_id):
    """A task type named in a path, or 404 (a malformed id too)."""
    found = uow.session.get(TaskType, access.as_uuid(task_type_id, errors.NotFound))
    if found is None:
        raise errors.NotFound()
    return found


def default_status(uow, for_concept=False):
    """The status new tasks start on (Todo, or Neutral for concepts), created with its
    event when missing, as Zou does."""
    wanted = NEUTRAL if for_concept else TODO
    status = uow.session.scalars(sa.select(TaskStatus).where(
        TaskStatus.is_default.is_(True),
        TaskStatus.for_concept.is_(bool(for_concept))).order_by(TaskStatus.created_at)).first()
    return status or status_named(uow, **wanted)


def status_named(uow, name, short_name, color, **flags):
    """The status of this name or short name, created (with task-status:new) if missing."""
    status = uow.session.scalars(sa.select(TaskStatus).where(
        sa.or_(TaskStatus.name == name, TaskStatus.short_name == short_name),
        TaskStatus.for_concept.is_(bool(flags.get("for_concept"))))).first()
    if status is None:
        status = crud.insert_row(uow, TASK_STATUSES, TaskStatus(
            id=uuid.uuid4(), name=name, short_name=short_name, color=color, **flags))
    return status


def task_type_named(uow, name, for_entity, **values):
    """The task type of this name (any case) for this kind of entity, created (with
    task-type:new) if missing."""
    task_type = uow.session.scalars(sa.select(TaskType).where(
        sa.func.lower(TaskType.name) == name.lower(),
        TaskType.for_entity == for_entity)).first()
    if task_type is None:
        task_type = crud.insert_row(uow, TASK_TYPES, TaskType(
            id=uuid.uuid4(), name=name, for_entity=for_entity, **values))
    return task_type
