"""The task types and task statuses a production uses (Zou's project settings routes and
the `task-type-links` / `task-status-links` CRUD).

The links are this service's rows: each change emits `task-type-link:*` or
`task-status-link:*` with the row (what replay rebuilds from), then Zou's
`project:update` {project_id} that clients listen to (its payload is empty: the
production's own row did not change). Managers of the production's team and admins
change them; its team reads them.
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas
from slate_common.replies import is_true

from slate_tasks import access, events, task_types
from slate_tasks.models import PROJECT_RELATIONS, ProjectTaskStatusLink, ProjectTaskTypeLink, \
    TaskStatus, TaskType

TYPE_LINKS = crud.CrudModel(
    name="task-type-links", model=ProjectTaskTypeLink, event=events.TASK_TYPE_LINK,
    event_data=lambda row: {"project_id": str(row.project_id),
                            "task_type_id": str(row.task_type_id)})
STATUS_LINKS = crud.CrudModel(
    name="task-status-links", model=ProjectTaskStatusLink, event=events.TASK_STATUS_LINK,
    event_data=lambda row: {"project_id": str(row.project_id),
                            "task_status_id": str(row.task_status_id)})
BITRATES = ("hd_bitrate_compression", "ld_bitrate_compression")


# -- links -----------------------------------------------------------------------------

def link_of(uow, spec, project_id, key, target_id):
    column = getattr(spec.model, key)
    return uow.session.scalars(sa.select(spec.model).where(
        spec.model.project_id == project_id, column == target_id)).first()


def notify(uow, project_id):
    uow.emit(events.PROJECT_UPDATE, {"project_id": str(project_id)}, None,
             project_id=project_id)


def set_link(uow, spec, project_id, key, target_id, values):
    """Create the link (with `values`) or update it with `values`; emit its event and
    project:update. Returns the link."""
    link = link_of(uow, spec, project_id, key, target_id)
    if link is None:
        link = crud.insert_row(uow, spec, spec.model(
            id=uuid.uuid4(), project_id=project_id, **{key: target_id}, **values))
    elif values:
        crud.record_update(uow, spec, link, lambda: [
            setattr(link, name, value) for name, value in values.items()])
    notify(uow, project_id)
    return link


def delete_link(uow, spec, link):
    old, data = crud.snapshot(link), spec.public_data(link)
    uow.session.delete(link)
    uow.session.flush()
    uow.emit(spec.event + ":delete", data, {"old": old}, project_id=link.project_id)
    notify(uow, link.project_id)


def _required_id(body, key, message=None):
    """A required id field of a settings body, or Zou's 400."""
    value = body.get(key) if isinstance(body, dict) else None
    if value is None and message is None:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": key, "message": "Field required"}]})
    row_id = access.as_uuid(value, None) if value else None
    if row_id is None:
        raise errors.Invalid(message or "Validation error.", {} if message else {
            "errors": [{"field": key, "message": "Input should be a valid UUID"}]})
    return row_id


def _target(uow, model, row_id):
    if uow.session.get(model, row_id) is None:
        raise errors.Invalid("%s with id %s not found" % (model.__name__, row_id))


def project_json(project):
    """The production as Zou answers a settings change: no relation lists."""
    return {key: value for key, value in project.row.items() if key not in PROJECT_RELATIONS}


# -- production settings routes --------------------------------------------------------

def add_task_type(uow, caller, project_id, body):
    """POST /data/projects/{id}/settings/task-types {task_type_id, priority?, bitrates?,
    is_client_visible?}: 201, the production."""
    task_type_id = _required_id(body, "task_type_id")
    project = access.project_or_404(uow, caller, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    _target(uow, TaskType, task_type_id)
    values = {key: body[key] for key in BITRATES + ("is_client_visible",)
              if body.get(key) is not None}
    if link_of(uow, TYPE_LINKS, project.id, "task_type_id", task_type_id) is None:
        values["priority"] = body.get("priority")
    set_link(uow, TYPE_LINKS, project.id, "task_type_id", task_type_id, values)
    return project_json(project)


def remove_setting(uow, caller, project_id, spec, key, target_id):
    """DELETE .../settings/task-types/{id} or .../task-status/{id}: no-op if absent."""
    project = access.project_or_404(uow, caller, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    row_id = access.as_uuid(target_id, None)
    link = row_id and link_of(uow, spec, project.id, key, row_id)
    if link is not None:
        delete_link(uow, spec, link)


def add_task_status(uow, caller, project_id, body):
    """POST /data/projects/{id}/settings/task-status {task_status_id}: 201, the production."""
    task_status_id = _required_id(body, "task_status_id")
    project = access.project_or_404(uow, caller, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    _target(uow, TaskStatus, task_status_id)
    if link_of(uow, STATUS_LINKS, project.id, "task_status_id", task_status_id) is None:
        set_link(uow, STATUS_LINKS, project.id, "task_status_id", task_status_id, {})
    return project_json(project)


def set_status_client_allowed(uow, caller, project_id, task_status_id, body):
    """PUT /data/projects/{id}/settings/task-status/{id} {is_client_allowed}: the link;
    404 when the status is not linked to the production."""
    project = access.project_or_404(uow, caller, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    value = body.get("is_client_allowed") if isinstance(body, dict) else None
    if value is not None and not isinstance(value, bool):
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "is_client_allowed", "message": "Input should be a valid boolean"}]})
    row_id = access.as_uuid(task_status_id, errors.NotFound)
    link = link_of(uow, STATUS_LINKS, project.id, "task_status_id", row_id)
    if link is None:
        raise errors.NotFound()
    set_link(uow, STATUS_LINKS, project.id, "task_status_id", row_id,
             {"is_client_allowed": value})
    return schemas.render(link)


def _linked(uow, caller, project_id, model, link_model, key):
    project = access.project_or_404(uow, caller, project_id)
    access.check_project_access(uow, caller, project.id)
    query = (sa.select(model).join(link_model, getattr(link_model, key) == model.id)
             .where(link_model.project_id == project.id)
             .order_by(model.priority, model.name))
    return [schemas.render(row) for row in uow.session.scalars(query)]


def project_task_types(uow, caller, project_id):
    """GET /data/projects/{id}/task-types: the task types the production uses."""
    return _linked(uow, caller, project_id, TaskType, ProjectTaskTypeLink, "task_type_id")


def project_task_statuses(uow, caller, project_id):
    """GET /data/projects/{id}/settings/task-status: the statuses the production uses."""
    return _linked(uow, caller, project_id, TaskStatus, ProjectTaskStatusLink,
                   "task_status_id")


# -- /data/task-type-links, /data/task-status-links ------------------------------------

def _priority(body):
    raw = body.get("priority", 1)
    try:
        return None if raw is None else int(raw)
    except (TypeError, ValueError):
        raise errors.Invalid("priority must be an integer.")


def _create_link(uow, caller, body, spec, target, values):
    """A link from a crud body {project_id, <target>_id, ...}: created, or updated with
    `values(body)` when it exists."""
    body = body if isinstance(body, dict) else {}
    key = _TARGET_KEYS[target]
    project = access.project_or_404(uow, caller, body.get("project_id"))
    target_id = _required_id(body, key, "%s is required and must be a valid UUID" % key)
    access.check_manager_project_access(uow, caller, project.id)
    _target(uow, target, target_id)
    return schemas.render(set_link(uow, spec, project.id, key, target_id, values(body)))


_TARGET_KEYS = {TaskType: "task_type_id", TaskStatus: "task_status_id"}


def create_type_link(uow, caller, body):
    """POST /data/task-type-links {project_id, task_type_id, priority}: 201, the link
    (an existing one gets the priority)."""
    return _create_link(uow, caller, body, TYPE_LINKS, TaskType,
                        lambda body: {"priority": _priority(body)})


def _board_values(body):
    roles = body.get("roles_for_board") or []
    if not isinstance(roles, list) or not all(isinstance(role, str) for role in roles):
        raise errors.Invalid("roles_for_board must be a list of roles.")
    return {"priority": _priority(body), "roles_for_board": roles}


def create_status_link(uow, caller, body):
    """POST /data/task-status-links {project_id, task_status_id, priority,
    roles_for_board}: 201, the link (an existing one gets priority and roles)."""
    return _create_link(uow, caller, body, STATUS_LINKS, TaskStatus, _board_values)


def delete_task_type(uow, caller, task_type_id, query_args):
    """DELETE /data/task-types/{id}: refused while productions use it, unless `force`
    (then its production links go first, each with its event)."""
    task_type = crud.fetch(uow, task_types.TASK_TYPES, task_type_id)
    access.require_admin(uow, caller)
    links = uow.session.scalars(sa.select(ProjectTaskTypeLink).where(
        ProjectTaskTypeLink.task_type_id == task_type.id)).all()
    if links and not is_true(query_args.get("force")):
        raise errors.Invalid("Task type is attached to projects. "
                             "Re-issue the request with force=true to detach.")
    for link in links:
        delete_link(uow, TYPE_LINKS, link)
    crud.delete_row(uow, task_types.TASK_TYPES, caller, task_type_id)
