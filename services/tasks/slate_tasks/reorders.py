"""Reordering task types, and a production's task type and task status links, as Zou does
(priority = position in the given list, from 1; unknown ids skipped, nothing created):

- POST /actions/task-types/reorder {task_type_ids}: admins; each changed task type emits
  `task-type:update`. The reply lists the task types.
- POST /actions/projects/{id}/task-type-links/reorder {task_type_ids} and
  .../task-status-links/reorder {task_status_ids}: managers of the production; each changed
  link emits `task-type-link:update` / `task-status-link:update`, then one
  `project:update`. The reply lists the links.
"""
from slate_common import crud, errors

from slate_tasks import access, project_settings, task_types
from slate_tasks.models import TaskType


def _ordered_ids(body, key):
    """Zou's body: {key: [ids]}; ids that are not UUIDs match nothing."""
    if not isinstance(body, dict) or not isinstance(body.get(key), list):
        raise errors.Invalid("Request body must be a JSON object with a '%s' list." % key)
    return [access.as_uuid(value, None) if isinstance(value, str) else None
            for value in body[key]]


def _prioritize(uow, spec, row, priority):
    if row.priority != priority:
        crud.record_update(uow, spec, row, lambda: setattr(row, "priority", priority))


def reorder_task_types(uow, caller, body):
    access.require_admin(uow, caller)
    updated = []
    for priority, task_type_id in enumerate(_ordered_ids(body, "task_type_ids"), start=1):
        task_type = task_type_id and uow.session.get(TaskType, task_type_id)
        if task_type is not None:
            _prioritize(uow, task_types.TASK_TYPES, task_type, priority)
            updated.append(task_types.TASK_TYPES.to_json(task_type, relations=False))
    return updated


def _reorder_links(uow, caller, project_id, body, spec, key):
    project = access.project_or_404(uow, caller, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    ids = _ordered_ids(body, key + "s")
    links = []
    for priority, target_id in enumerate(ids, start=1):
        link = target_id and project_settings.link_of(uow, spec, project.id, key, target_id)
        if link is not None:
            _prioritize(uow, spec, link, priority)
            links.append(spec.to_json(link, relations=False))
    project_settings.notify(uow, project.id)
    return links


def reorder_task_type_links(uow, caller, project_id, body):
    return _reorder_links(uow, caller, project_id, body, project_settings.TYPE_LINKS,
                          "task_type_id")


def reorder_task_status_links(uow, caller, project_id, body):
    return _reorder_links(uow, caller, project_id, body, project_settings.STATUS_LINKS,
                          "task_status_id")
