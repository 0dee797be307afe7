"""The task queries gazu and Kitsu make, each one SQL query on the service's tables and
read models (plus one for assignees when asked), shaped as Zou shapes them:

- tasks of an entity (shot, asset, sequence, episode, edit, scene, concept), of a
  sequence's shots, of an episode's shots or assets: the task row plus project, task
  type, status, entity type and entity names, sorted as Zou sorts them;
- task types of an entity: the types of its tasks;
- tasks of an entity for one task type;
- tasks of a production (optionally of one task type or episode), last changed first,
  with their assignees, paginated when `page` is given.
"""
import math

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import crud, errors, schemas
from slate_common.replies import is_true

from slate_tasks import access, tasks
from slate_tasks.models import Entity, EntityType, Project, Task, TaskStatus, TaskType, \
    task_person_links

NAMES = ("project_name", "task_type_name", "task_status_name", "entity_type_name",
         "entity_name")
SORT_KEYS = ("name", "project_name", "task_type_name", "entity_type_name", "entity_name")


def _detailed_query():
    return (sa.select(Task.__table__, Project.name.label("project_name"),
                      TaskType.name.label("task_type_name"),
                      TaskStatus.name.label("task_status_name"),
                      EntityType.name.label("entity_type_name"),
                      Entity.name.label("entity_name"))
            .join(Project, Project.id == Task.project_id)
            .join(TaskType, TaskType.id == Task.task_type_id)
            .join(TaskStatus, TaskStatus.id == Task.task_status_id)
            .join(Entity, Entity.id == Task.entity_id)
            .join(EntityType, EntityType.id == Entity.entity_type_id))


def task_json(values):
    """A task row (a mapping of its columns, maybe more) as Zou renders it."""
    columns = {key: values[key] for key in Task.__table__.columns.keys()}
    return schemas.render(schemas.Record(Task, columns), relations=False)


def attach_assignees(uow, task_dicts):
    """Each task's assignee ids, in one query."""
    ids = [task["id"] for task in task_dicts]
    links = {}
    if ids:
        for task_id, person_id in uow.session.execute(sa.select(
                task_person_links.c.task_id, task_person_links.c.person_id).where(
                task_person_links.c.task_id.in_(ids))):
            links.setdefault(str(task_id), []).append(str(person_id))
    for task in task_dicts:
        task["assignees"] = links.get(task["id"], [])
    return task_dicts


def detailed_tasks(uow, me, query, relations=False):
    """Zou's detailed task dicts for a filtered `_detailed_query()`."""
    rows = uow.session.execute(query).mappings().all()
    found = [{**task_json(row), **{name: row[name] for name in NAMES}} for row in rows]
    found.sort(key=lambda task: tuple(task[name].casefold() for name in SORT_KEYS))
    if relations:
        attach_assignees(uow, found)
    return [tasks.for_viewer(me.role, task) for task in found]


def entity_of_kind(uow, caller, entity_id, kind):
    """The entity if it is of this kind ("Asset" for any asset type), else 404; the
    caller must be in its production's team."""
    entity = access.entity_or_404(uow, caller, entity_id)
    if tasks.entity_kind(uow, entity) != kind:
        raise errors.NotFound()
    me = access.check_project_access(uow, caller, entity.project_id)
    access.check_entity_access(uow, me, entity.id)
    return entity, me


def entity_tasks(uow, caller, entity_id, kind, query_args):
    """GET /data/{shots|assets|sequences|...}/{id}/tasks."""
    entity, me = entity_of_kind(uow, caller, entity_id, kind)
    query = _detailed_query().where(Task.entity_id == entity.id)
    return detailed_tasks(uow, me, query, is_true(query_args.get("relations")))


def sequence_shot_tasks(uow, caller, sequence_id, query_args):
    """GET /data/sequences/{id}/shot-tasks: tasks of the sequence's shots."""
    sequence, me = entity_of_kind(uow, caller, sequence_id, "Sequence")
    query = _detailed_query().where(Entity.parent_id == sequence.id)
    return detailed_tasks(uow, me, query, is_true(query_args.get("relations")))


def episode_shot_tasks(uow, caller, episode_id, query_args):
    """GET /data/episodes/{id}/shot-tasks: tasks of the shots of the episode's sequences."""
    episode, me = entity_of_kind(uow, caller, episode_id, "Episode")
    sequence = orm.aliased(Entity, name="sequence")
    query = (_detailed_query().join(sequence, sequence.id == Entity.parent_id)
             .where(sequence.parent_id == episode.id))
    return detailed_tasks(uow, me, query, is_true(query_args.get("relations")))


def episode_asset_tasks(uow, caller, episode_id, query_args):
    """GET /data/episodes/{id}/asset-tasks: tasks of the assets made for the episode."""
    episode, me = entity_of_kind(uow, caller, episode_id, "Episode")
    query = _detailed_query().where(Entity.source_id == episode.id,
                                    EntityType.name.notin_(tasks.TEMPORAL_TYPES))
    return detailed_tasks(uow, me, query, is_true(query_args.get("relations")))


def entity_task_types(uow, caller, entity_id, kind):
    """GET /data/{shots|assets|...}/{id}/task-types: the types of the entity's tasks."""
    entity, _ = entity_of_kind(uow, caller, entity_id, kind)
    query = (sa.select(TaskType).where(TaskType.id.in_(
        sa.select(Task.task_type_id).where(Task.entity_id == entity.id)))
        .order_by(TaskType.priority, TaskType.name))
    return [schemas.render(row) for row in uow.session.scalars(query)]


def entity_tasks_of_type(uow, caller, entity_id, task_type_id):
    """GET /data/entities/{id}/task-types/{id}/tasks: the entity's tasks of that type."""
    entity = access.entity_or_404(uow, caller, entity_id)
    me = access.check_project_access(uow, caller, entity.project_id)
    access.check_entity_access(uow, me, entity.id)
    type_id = access.as_uuid(task_type_id, errors.NotFound)
    query = (sa.select(Task.__table__).where(Task.entity_id == entity.id,
                                             Task.task_type_id == type_id)
             .order_by(Task.name))
    found = [task_json(row) for row in uow.session.execute(query).mappings()]
    return [tasks.for_viewer(me.role, task) for task in attach_assignees(uow, found)]


def project_tasks(uow, caller, project_id, query_args):
    """GET /data/projects/{id}/tasks."""
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    query = tasks.visible_to(uow, access.current_person(uow, caller), sa.select(
        Task.__table__).where(Task.project_id == project.id))
    if query_args.get("task_type_id"):
        query = query.where(Task.task_type_id == access.as_uuid(
            query_args["task_type_id"], errors.Invalid))
    if query_args.get("episode_id"):
        query = query.where(tasks.in_episodes([query_args["episode_id"]]))
    query = query.order_by(Task.updated_at.desc(), Task.id)
    page = crud.int_arg(query_args, "page", 0)
    if page < 1:
        return _rendered(uow, me, query)
    total = uow.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    offset = (page - 1) * crud.PAGE_SIZE
    return {"data": _rendered(uow, me, query.offset(offset).limit(crud.PAGE_SIZE)),
            "total": total, "nb_pages": math.ceil(total / crud.PAGE_SIZE),
            "limit": crud.PAGE_SIZE, "offset": offset, "page": page}


def _rendered(uow, me, query):
    return [tasks.for_viewer(me.role, schemas.render(row))
            for row in crud.read_records(uow, Task, query)]
