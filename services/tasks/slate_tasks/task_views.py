"""A person's to-do list and a task's full page, as Zou serves them.

- GET /data/user/tasks: the caller's unfinished tasks in the open productions whose team
  they are in (/data/user/done-tasks: the finished ones, last ended first);
  GET /data/persons/{id}/tasks and .../done-tasks: someone's (vendors only their own,
  clients none; admins see every open production). Each row is the task with its production,
  entity, sequence, episode, type and status fields, its assignees, and `last_comment`
  (text, date and author of its last comment not written by a client, or {}).
- GET /data/tasks/{id}/full: the task with its entity, entity type, production, type,
  status, assignees' and assigner's profiles, and the shot's sequence and episode.
"""
import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import crud, errors, person_model, schemas

from slate_tasks import access, comment_reads, subscriptions, task_lists, tasks
from slate_tasks.models import Entity, EntityType, Person, Project, ProjectStatus, Task, \
    TaskStatus, TaskType, task_person_links
from slate_tasks.read_models import PROJECT_RELATIONS

Sequence = orm.aliased(Entity, name="sequence")
Episode = orm.aliased(Entity, name="episode")


def todo_select():
    """A task with its production, entity, sequence, episode, type and status columns
    (the labels `todo_json` reads)."""
    return (sa.select(Task.__table__, Project.name.label("project_name"),
                      Project.row["has_avatar"].label("project_has_avatar"),
                      Entity.row.label("entity"), EntityType.name.label("entity_type_name"),
                      Sequence.name.label("sequence_name"), Episode.id.label("episode_id"),
                      Episode.name.label("episode_name"),
                      TaskType.name.label("task_type_name"),
                      TaskType.for_entity.label("task_type_for_entity"),
                      TaskType.color.label("task_type_color"),
                      TaskStatus.name.label("task_status_name"),
                      TaskStatus.color.label("task_status_color"),
                      TaskStatus.short_name.label("task_status_short_name"))
            .join(Project, Project.id == Task.project_id)
            .join(TaskType, TaskType.id == Task.task_type_id)
            .join(TaskStatus, TaskStatus.id == Task.task_status_id)
            .join(Entity, Entity.id == Task.entity_id)
            .join(EntityType, EntityType.id == Entity.entity_type_id)
            .outerjoin(Sequence, Sequence.id == Entity.parent_id)
            .outerjoin(Episode, Episode.id == Sequence.parent_id))


def _todo_query(person_id, done):
    return (todo_select()
            .join(task_person_links, task_person_links.c.task_id == Task.id)
            .where(task_person_links.c.person_id == person_id,
                   TaskStatus.is_done.is_(done))
            .order_by(*((Task.end_date.desc(),) if done else ()), TaskType.name, Entity.name))


def _episode(uow, row, entity):
    """(id, name) of the task's episode: its sequence's, its source's, or a sequence's
    parent; Zou's "MP" (main pack) for an asset of no known episode."""
    if entity.get("parent_id") and row["entity_type_name"] == "Sequence":
        episode = uow.session.get(Entity, access.as_uuid(entity["parent_id"]))
        return entity["parent_id"], episode.name if episode else None
    if row["episode_id"] is not None:
        return str(row["episode_id"]), row["episode_name"]
    source_id = entity.get("source_id") or ""
    if not source_id:
        return "", row["episode_name"]
    episode = uow.session.get(Entity, access.as_uuid(source_id))
    return source_id, episode.name if episode else "MP"


def todo_json(uow, row):
    task = task_row_json(uow, row)
    return {**task, "task_estimation": task["estimation"], "task_duration": task["duration"],
            "task_start_date": task["start_date"], "task_due_date": task["due_date"],
            **{key: row[key] for key in ("task_type_name", "task_status_name",
                                         "task_type_color", "task_status_color",
                                         "task_status_short_name")},
            "last_comment": {}}


def task_row_json(uow, row):
    """A `todo_select` row: the task with its production, entity, sequence and episode
    fields (Zou's resolve_episode_and_build_task_dict)."""
    entity = row["entity"]
    episode_id, episode_name = _episode(uow, row, entity)
    task = task_lists.task_json(row)
    return {**task, "project_name": row["project_name"],
            "project_has_avatar": row["project_has_avatar"],
            "entity_id": entity["id"], "entity_name": entity["name"],
            "entity_description": entity.get("description"),
            "entity_data": entity.get("data"),
            "entity_preview_file_id": entity.get("preview_file_id") or "",
            "entity_source_id": entity.get("source_id") or "",
            "entity_type_name": row["entity_type_name"],
            "entity_canceled": entity.get("canceled"),
            "sequence_name": row["sequence_name"], "episode_id": episode_id,
            "episode_name": episode_name,
            "task_type_for_entity": row["task_type_for_entity"]}


def _todos(uow, person_id, projects, done):
    query = _todo_query(person_id, done).where(Task.project_id.in_(projects))
    found = [todo_json(uow, row) for row in uow.session.execute(query).mappings()]
    last = comment_reads.last_comments(uow, [access.as_uuid(task["id"]) for task in found])
    for task in found:
        task["last_comment"] = last.get(task["id"], {})
    return task_lists.attach_assignees(uow, found)


def user_tasks(uow, caller, done=False):
    """GET /data/user/tasks (unfinished) or /data/user/done-tasks."""
    me = access.current_person(uow, caller)
    return _todos(uow, me.id, access.open_team_projects(me.id), done)


def person_tasks(uow, caller, person_id, done=False):
    """GET /data/persons/{id}/tasks (unfinished) or .../done-tasks."""
    me = access.current_person(uow, caller)
    person = access.person_or_none(uow, caller, person_id)
    if person is None:
        raise errors.NotFound()
    if me.role == "vendor" and person.id != me.id:
        raise errors.Forbidden()
    if me.role == "client" or (me.role == "vendor" and person.role == "vendor"):
        return []
    if me.role == "admin":
        projects = sa.select(Project.id).join(
            ProjectStatus, ProjectStatus.id == Project.project_status_id).where(
            ProjectStatus.name.in_(access.OPEN_NAMES))
    else:
        projects = access.open_team_projects(me.id)
    return _todos(uow, person.id, projects, done)


# -- the full task ---------------------------------------------------------------------

def person_json(person):
    return {**person.profile, "full_name": person_model.full_name(person.profile),
            "type": "Person"}


def _entity_json(entity):
    return dict(entity.row) if entity is not None else None


def full_task(uow, caller, task_id):
    """GET /data/tasks/{id}/full."""
    row = crud.fetch(uow, tasks.TASKS, task_id)
    me = access.check_project_access(uow, caller, row.project_id)
    access.check_entity_access(uow, me, row.entity_id)
    entity = uow.session.get(Entity, row.entity_id)
    entity_type = entity and uow.session.get(EntityType, entity.entity_type_id)
    project = uow.session.get(Project, row.project_id)
    task = {**schemas.render(row), "type": "Task",
            "entity": _entity_json(entity),
            "entity_type": dict(entity_type.row) if entity_type else None,
            "is_subscribed": subscriptions.is_subscribed(uow, me.id, row.id),
            "persons": [person_json(person) for person in row.assignees],
            "project": {key: value for key, value in project.row.items()
                        if key not in PROJECT_RELATIONS},
            "task_status": schemas.render(uow.session.get(TaskStatus, row.task_status_id)),
            "task_type": schemas.render(uow.session.get(TaskType, row.task_type_id))}
    assigner = row.assigner_id and uow.session.get(Person, row.assigner_id)
    if assigner is not None and me.role != "client":
        task["assigner"] = person_json(assigner)
    task.update(_sequence_and_episode(uow, entity, entity_type))
    return tasks.for_viewer(me.role, task)


def _sequence_and_episode(uow, entity, entity_type):
    if entity is None or entity.parent_id is None or entity_type is None:
        return {}
    if entity_type.name == "Sequence":
        sequence = entity
    elif entity_type.name in ("Shot", "Scene"):
        sequence = uow.session.get(Entity, entity.parent_id)
    else:
        return {}
    found = {"sequence": _entity_json(sequence)}
    if sequence is not None and sequence.parent_id is not None:
        found["episode"] = _entity_json(uow.session.get(Entity, sequence.parent_id))
    return found
