"""Changing and deleting tasks in batches (Zou's bulk task routes), and the deletion an
entity's removal in the catalog cascades to.

- PUT /actions/tasks/set-priority {task_ids, priority}: each task the caller may plan
  gets the priority (`task:update`); the others are skipped. Answers the tasks changed.
- POST /actions/projects/{id}/delete-tasks [ids] (managers of the team): the
  production's tasks among the ids are deleted; answers the valid ids given.
- DELETE /actions/projects/{id}/task-types/{id}/delete-tasks (admins): every task of
  that type in the production. 204.
Each deleted task emits `task:delete` with its old row.
"""
import sqlalchemy as sa

from slate_common import crud, errors, eventstore, schemas

from slate_tasks import access, events, tasks
from slate_tasks.models import Task


def deletions(session, rows, actor_id=None):
    """Delete these tasks; return their `task:delete` events (to store in the same
    transaction)."""
    pending = []
    for task in rows:
        old = crud.snapshot(task)
        pending.append(eventstore.new_event(
            events.TASK_DELETE, {"task_id": old["id"]}, {"old": old},
            actor_id=actor_id, project_id=task.project_id))
        session.delete(task)
    session.flush()
    return pending


def _delete_where(uow, *conditions):
    rows = uow.session.scalars(sa.select(Task).where(*conditions)).all()
    uow.pending.extend(deletions(uow.session, rows, uow.actor_id))


def delete_tasks(uow, caller, project_id, body):
    project = access.project_or_404(uow, caller, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    if not isinstance(body, list):
        raise errors.Invalid("Request body must be a JSON array.")
    ids = [access.as_uuid(item, None) for item in body if isinstance(item, str)]
    ids = [item for item in ids if item is not None]
    _delete_where(uow, Task.project_id == project.id, Task.id.in_(ids))
    return [str(item) for item in ids]


def delete_tasks_of_type(uow, caller, project_id, task_type_id):
    access.require_admin(uow, caller)
    project = access.project_or_404(uow, caller, project_id)
    type_id = access.as_uuid(task_type_id, errors.NotFound)
    _delete_where(uow, Task.project_id == project.id, Task.task_type_id == type_id)


def set_priority(uow, caller, body):
    task_ids = body.get("task_ids") if isinstance(body, dict) else None
    priority = body.get("priority") if isinstance(body, dict) else None
    if not isinstance(task_ids, list) or not isinstance(priority, int) \
            or isinstance(priority, bool):
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "task_ids, priority", "message": "Field required"}]})
    changed = []
    for task_id in task_ids:
        task = tasks.task_or_none(uow, task_id)
        if task is None:
            continue
        try:
            tasks.check_supervisor_task_access(uow, caller, task, ("priority",))
        except errors.Forbidden:
            continue
        crud.record_update(uow, tasks.TASKS, task, lambda row=task: setattr(
            row, "priority", priority))
        changed.append(schemas.render(task, relations=False))
    return changed
