"""Subscriptions: a person following a task, or a sequence's tasks of one task type, to be
notified of their comments (Zou's subscriptions_service and /actions/user routes).

- POST /actions/user/tasks/{id}/subscribe (and the bulk `tasks/subscribe`): the
  production's team (admins: any); subscribing twice returns the same row.
- POST /actions/user/sequences/{id}/task-types/{id}/subscribe: the same, for a sequence.
- Unsubscribing is always allowed and answers the same whether a row existed or not.
- GET .../subscribed: true or false; GET /data/projects/{id}/subscriptions: admins.
- The generic CRUD (`/data/subscriptions`) is for admins, as Zou's.
Each change emits `subscription:new` / `:delete` ({subscription_id}, the row).
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, schemas

from slate_tasks import access, events, tasks
from slate_tasks.models import Entity, Subscription, Task, TaskType

SUBSCRIPTIONS = crud.CrudModel(
    name="subscriptions", model=Subscription, event=events.SUBSCRIPTION,
    check_read=access.require_admin, check_create=access.require_admin,
    check_update=access.require_admin, check_delete=access.require_admin)


def _task(uow, caller, task_id):
    """The task, in a production the caller may reach (404, then 403)."""
    task = crud.fetch(uow, tasks.TASKS, task_id)
    access.check_project_access(uow, caller, task.project_id)
    return task


def _find(uow, **where):
    return uow.session.scalars(sa.select(Subscription).filter_by(**where)).first()


def _subscribe(uow, project_id, **where):
    found = _find(uow, **where)
    if found is None:
        found = crud.insert_row(uow, SUBSCRIPTIONS, Subscription(id=uuid.uuid4(), **where),
                                project_id=project_id)
    return schemas.render(found)


def _unsubscribe(uow, project_id, **where):
    found = _find(uow, **where)
    if found is not None:
        crud.remove_row(uow, SUBSCRIPTIONS, found, project_id=project_id)


def _ids(uow, caller, task_id):
    """(caller id, task id) for lookups; None for an id that is not a UUID (Zou: no row)."""
    me = access.current_person(uow, caller)
    return me.id, access.as_uuid(task_id, None)


# -- tasks -----------------------------------------------------------------------------

def subscribe_to_task(uow, caller, task_id):
    """POST /actions/user/tasks/{task_id}/subscribe: the subscription."""
    task = _task(uow, caller, task_id)
    me = access.current_person(uow, caller)
    return _subscribe(uow, task.project_id, person_id=me.id, task_id=task.id)


def unsubscribe_from_task(uow, caller, task_id):
    """DELETE /actions/user/tasks/{task_id}/unsubscribe."""
    me, row_id = _ids(uow, caller, task_id)
    task = row_id and uow.session.get(Task, row_id)
    if task is not None:
        _unsubscribe(uow, task.project_id, person_id=me, task_id=task.id)



def subscribe_to_tasks(uow, caller, body):
    """POST /actions/user/tasks/subscribe {task_ids}: every task checked first."""
    found = [_task(uow, caller, task_id) for task_id in tasks.task_ids_of(body)]
    return [subscribe_to_task(uow, caller, task.id) for task in found]


def unsubscribe_from_tasks(uow, caller, body):
    """POST /actions/user/tasks/unsubscribe {task_ids}: the ids given."""
    task_ids = tasks.task_ids_of(body)
    for task_id in task_ids:
        unsubscribe_from_task(uow, caller, task_id)
    return task_ids


def has_task_subscription(uow, caller, task_id):
    """GET /data/user/tasks/{task_id}/subscribed."""
    me, row_id = _ids(uow, caller, task_id)
    return row_id is not None and _find(uow, person_id=me, task_id=row_id) is not None


def is_subscribed(uow, person_id, task_id):
    return _find(uow, person_id=person_id, task_id=task_id) is not None


# -- sequences and task types ----------------------------------------------------------

def subscribe_to_sequence(uow, caller, sequence_id, task_type_id):
    """POST /actions/user/sequences/{id}/task-types/{id}/subscribe: the subscription."""
    sequence = access.entity_or_404(uow, caller, sequence_id)
    me = access.check_project_access(uow, caller, sequence.project_id)
    task_type = crud.fetch_or_404(uow, TaskType, task_type_id)
    return _subscribe(uow, sequence.project_id, person_id=me.id, entity_id=sequence.id,
                      task_type_id=task_type.id)


def unsubscribe_from_sequence(uow, caller, sequence_id, task_type_id):
    """DELETE /actions/user/sequences/{id}/task-types/{id}/unsubscribe."""
    me, entity_id = _ids(uow, caller, sequence_id)
    type_id = access.as_uuid(task_type_id, None)
    found = entity_id and type_id and _find(uow, person_id=me, entity_id=entity_id,
                                            task_type_id=type_id)
    if found:
        sequence = uow.session.get(Entity, entity_id)
        crud.remove_row(uow, SUBSCRIPTIONS, found,
                        project_id=sequence.project_id if sequence else None)


def has_sequence_subscription(uow, caller, sequence_id, task_type_id):
    """GET /data/user/sequences/{id}/task-types/{id}/subscribed."""
    me, entity_id = _ids(uow, caller, sequence_id)
    type_id = access.as_uuid(task_type_id, None)
    return bool(entity_id and type_id and _find(
        uow, person_id=me, entity_id=entity_id, task_type_id=type_id) is not None)


def project_subscriptions(uow, caller, project_id):
    """GET /data/projects/{project_id}/subscriptions (admins): of the production's tasks."""
    access.require_admin(uow, caller)
    project = access.project_or_404(uow, caller, project_id)
    query = (sa.select(Subscription).join(Task, Task.id == Subscription.task_id)
             .where(Task.project_id == project.id).order_by(Subscription.created_at))
    return [schemas.render(row) for row in uow.session.scalars(query)]


# -- who follows a task (the notifications projection) ---------------------------------

def followers(session, task, entity_parent_id):
    """Ids of the persons subscribed to a task, or to its entity's parent (a shot's
    sequence) for its task type."""
    query = sa.select(Subscription.person_id).where(sa.or_(
        Subscription.task_id == task.id,
        sa.and_(Subscription.entity_id == entity_parent_id,
                Subscription.task_type_id == task.task_type_id)
        if entity_parent_id is not None else sa.false()))
    return set(session.scalars(query))
