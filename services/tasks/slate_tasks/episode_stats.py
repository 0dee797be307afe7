"""A production's episodes in figures, as Zou's stats_service counts them (Kitsu's
episode stats page), over the shots' tasks (entity -> sequence -> episode):

- GET /data/projects/{id}/episodes/stats: {episode_id: {task_type_id: {task_status_id:
  {name, color, count, frames, drawings}}}}, with "all" aggregates per episode, per task
  type and overall. Clients are refused when the production hides its stats from them.
- GET /data/projects/{id}/episodes/retake-stats: per episode and task type (and "all"),
  tasks done / in retake / other now, the highest retake count and the evolution: for
  each take up to it, how many tasks were in retake, done or other. Clients refused.
Vendors count only the tasks assigned to them. Frames are the shots' `nb_frames`.
"""
import copy

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import errors

from slate_tasks import access
from slate_tasks.models import Entity, Task, TaskStatus, task_person_links

Sequence = orm.aliased(Entity, name="sequence")
Episode = orm.aliased(Entity, name="episode")
BUCKET = {"count": 0, "frames": 0, "drawings": 0}
# Spelled out: a deep copy keeps shared buckets shared.
EVOLUTION = {"done": dict(BUCKET), "retake": dict(BUCKET), "other": dict(BUCKET)}
RETAKES = {"max_retake_count": 0, "evolution": {}, **copy.deepcopy(EVOLUTION)}
FRAMES = sa.cast(sa.func.nullif(Entity.row["nb_frames"].astext, ""), sa.Integer)


def _checked(uow, caller, project_id, hidden_from_clients):
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    if me.role == "client" and hidden_from_clients(project):
        raise errors.Forbidden()
    return project, me


def _episode_tasks(query, project, me):
    query = (query.join(Entity, Entity.id == Task.entity_id)
             .join(Sequence, Sequence.id == Entity.parent_id)
             .join(Episode, Episode.id == Sequence.parent_id)
             .join(TaskStatus, TaskStatus.id == Task.task_status_id)
             .where(Task.project_id == project.id))
    if me.role == "vendor":
        query = query.where(Task.id.in_(sa.select(task_person_links.c.task_id).where(
            task_person_links.c.person_id == me.id)))
    return query


def _add(bucket, count, frames, drawings):
    bucket["count"] += count or 0
    bucket["frames"] += frames or 0
    bucket["drawings"] += drawings or 0


def episode_stats(uow, caller, project_id):
    project, me = _checked(uow, caller, project_id,
                           lambda project: project.row.get("is_client_stats_visible") is False)
    query = _episode_tasks(
        sa.select(Episode.id, Task.task_type_id, Task.task_status_id, TaskStatus.short_name,
                  TaskStatus.color, sa.func.count(Task.id), sa.func.sum(Task.nb_drawings),
                  sa.func.sum(FRAMES)), project, me)
    query = query.group_by(Episode.id, Task.task_type_id, Task.task_status_id,
                           TaskStatus.short_name, TaskStatus.color)
    results = {}
    for episode_id, type_id, status_id, name, color, count, drawings, frames in \
            uow.session.execute(query):
        episode, type_id, status_id = str(episode_id), str(type_id), str(status_id)
        empty = {"name": name, "color": color, **BUCKET}
        results.setdefault(episode, {}).setdefault(type_id, {})[status_id] = {
            **empty, "count": count, "frames": frames or 0, "drawings": drawings or 0}
        places = ((episode, "all"), ("all", type_id), ("all", "all"))
        for key1, key2 in places:
            bucket = results.setdefault(key1, {}).setdefault(key2, {}).setdefault(
                status_id, dict(empty))
            _add(bucket, count, frames, drawings)
    return results


def retake_stats(uow, caller, project_id):
    project, me = _checked(uow, caller, project_id, lambda project: True)
    query = _episode_tasks(
        sa.select(Episode.id, Task.nb_drawings, FRAMES, Task.task_type_id,
                  Task.retake_count, TaskStatus.is_done, TaskStatus.is_retake), project, me)
    rows = [(str(episode), drawings, frames, str(type_id), retakes or 0, done, retake)
            for episode, drawings, frames, type_id, retakes, done, retake
            in uow.session.execute(query)]
    results = {"all": {"all": copy.deepcopy(RETAKES)}}
    for episode, drawings, frames, type_id, retakes, done, retake in rows:
        for key1, key2 in (("all", "all"), ("all", type_id), (episode, "all"),
                           (episode, type_id)):
            entry = results.setdefault(key1, {}).setdefault(key2, copy.deepcopy(RETAKES))
            entry["max_retake_count"] = max(entry["max_retake_count"], retakes)
            now = "done" if done else "retake" if retake else "other"
            _add(entry[now], 1, frames, drawings)
    for episode, drawings, frames, type_id, retakes, done, _ in rows:
        for key2 in ("all", type_id):
            _add_evolution(results[episode][key2], retakes, done, frames, drawings)
    return results


def _add_evolution(entry, retakes, done, frames, drawings):
    """Counts the task at each take up to the entry's highest: in retake until its own
    retake count, then done or other."""
    for take in range(1, entry["max_retake_count"] + 1):
        evolution = entry["evolution"].setdefault(str(take), copy.deepcopy(EVOLUTION))
        key = "retake" if retakes > 0 and take <= retakes else "done" if done else "other"
        _add(evolution[key], 1, frames, drawings)
