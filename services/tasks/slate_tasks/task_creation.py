"""Creating tasks in bulk, as gazu and the Kitsu UI do:

- POST /data/entities/{id}/tasks {task_type_ids}: tasks of several types for one entity
  (gazu's create_shot_tasks / create_asset_tasks). Each type must be for this kind of
  entity and used by the production; none given means every such type. The team (not
  vendors or clients) may do it.
- POST /actions/projects/{id}/task-types/{id}/shots|assets/create-tasks [ids]: tasks of
  one type for the given entities of the production, or all of them (managers).

Existing "main" tasks are skipped. Every task created emits `task:new`; the reply lists
them with their status and type names, as Zou answers.
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_tasks import access, tasks, task_types
from slate_tasks.models import Entity, EntityType, ProjectTaskTypeLink, Task, TaskType

MAIN = "main"


def _created_json(task, task_type, status):
    return {**schemas.render(task), "assignees": [],
            "task_status_id": str(status.id), "task_status_name": status.name,
            "task_status_short_name": status.short_name, "task_status_color": status.color,
            "task_type_id": str(task_type.id), "task_type_name": task_type.name,
            "task_type_color": task_type.color, "task_type_priority": task_type.priority}


def _create(uow, me, entities, task_type):
    """A main task of this type for each entity lacking one; their JSON."""
    existing = set(uow.session.scalars(sa.select(Task.entity_id).where(
        Task.entity_id.in_([entity.id for entity in entities]),
        Task.task_type_id == task_type.id, Task.name == MAIN)))
    created = []
    for entity in entities:
        if entity.id in existing:
            continue
        status = task_types.default_status(uow, tasks.entity_kind(uow, entity) == "Concept")
        task = crud.insert_row(uow, tasks.TASKS, Task(
            id=uuid.uuid4(), name=MAIN, duration=0, estimation=0, completion_rate=0,
            project_id=entity.project_id, task_type_id=task_type.id,
            task_status_id=status.id, entity_id=entity.id, assigner_id=me.id))
        created.append(_created_json(task, task_type, status))
    return created


def _enabled_type_ids(uow, project_id):
    return set(uow.session.scalars(sa.select(ProjectTaskTypeLink.task_type_id).where(
        ProjectTaskTypeLink.project_id == project_id)))


def _types_for_entity(uow, entity, kind, task_type_ids):
    """The task types to create for an entity, checked as Zou checks them."""
    enabled = _enabled_type_ids(uow, entity.project_id)
    if not task_type_ids:
        candidates = uow.session.scalars(sa.select(TaskType).where(
            TaskType.id.in_(enabled)).order_by(TaskType.priority, TaskType.name)).all()
        return [task_type for task_type in candidates
                if not task_type.for_entity or task_type.for_entity == kind]
    chosen = []
    for task_type_id in task_type_ids:
        task_type = task_types.task_type_or_404(uow, task_type_id)
        if task_type.for_entity and task_type.for_entity != kind:
            raise errors.Invalid("Task type %s is for %s entities, got %s."
                                 % (task_type.id, task_type.for_entity, kind))
        if task_type.id not in enabled:
            raise errors.Invalid("Task type %s is not enabled in project %s."
                                 % (task_type.id, entity.project_id))
        chosen.append(task_type)
    return chosen


def create_tasks_for_entity(uow, caller, entity_id, body):
    """POST /data/entities/{id}/tasks: 201, the tasks created."""
    entity = access.entity_or_404(uow, caller, entity_id)
    me = access.check_project_access(uow, caller, entity.project_id)
    access.block_vendors_and_clients(me)
    ids = (body or {}).get("task_type_ids", []) if isinstance(body, dict) else None
    if not isinstance(ids, list):
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "task_type_ids", "message": "Input should be a valid list"}]})
    kind = tasks.entity_kind(uow, entity)
    created = []
    for task_type in _types_for_entity(uow, entity, kind, ids):
        created += _create(uow, me, [entity], task_type)
    return created


def id_list(body):
    """Zou's bulk body: a JSON array of ids, or nothing (every entity of the scope)."""
    if body in (None, {}, []):
        return None
    if not isinstance(body, list):
        raise errors.Invalid("Request body must be a JSON array.")
    ids = [access.as_uuid(item, None) if isinstance(item, str) else None for item in body]
    if None in ids:
        raise errors.Invalid("Request body must only contain valid UUIDs.")
    return ids


def create_tasks_for_type(uow, caller, project_id, task_type_id, kind, body):
    """POST /actions/projects/{id}/task-types/{id}/shots|assets/create-tasks: 201."""
    ids = id_list(body)
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_manager_project_access(uow, caller, project.id)
    task_type = task_types.task_type_or_404(uow, task_type_id)
    query = sa.select(Entity).join(EntityType, EntityType.id == Entity.entity_type_id).where(
        Entity.project_id == project.id)
    if kind == "Asset":
        query = query.where(EntityType.name.notin_(tasks.TEMPORAL_TYPES))
    else:
        query = query.where(EntityType.name == kind)
    return create_in_scope(uow, caller, me, query, ids, task_type)


def create_in_scope(uow, caller, me, query, ids, task_type):
    """Tasks of `task_type` for the entities `query` selects: those among `ids`, or all
    of them when no ids are given."""
    if ids is not None:
        entities = _chosen(uow, caller, query, ids)
    else:
        entities = uow.session.scalars(query.order_by(Entity.name)).all()
    return _create(uow, me, entities, task_type)


def _chosen(uow, caller, query, ids):
    """The entities of the scope among these ids; ids of others are skipped, as Zou
    skips shots of another production (after one refresh of the read model)."""
    def lookup():
        return uow.session.scalars(query.where(Entity.id.in_(ids)).order_by(Entity.name)).all()

    def complete():
        found = lookup()
        return found if len(found) == len(set(ids)) else None
    return access.refreshed(uow, caller, complete) or lookup()
