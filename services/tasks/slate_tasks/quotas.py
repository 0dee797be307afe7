"""Quotas: how many shots, frames, seconds and drawings people delivered per day, ISO
week, month and year (GET /data/projects/{id}/quotas/...), computed as Zou does from
the tasks, their time spents and the shots' `nb_frames` (entities read model).

A shot task counts once it reached a feedback request (`end_date`; `count_mode` ending
in "done": its approval, `done_date`). Weighted modes split a shot over the minutes
logged on it (the share of each time spent in the task's duration), or, without time
spents, over the business days from its WIP date (`real_start_date`) to its end. Raw
modes count it whole on its end day. Datetimes count on the local day of the caller's
timezone (profile; Zou's default "Europe/Paris").
"""
import datetime
import zoneinfo

import sqlalchemy as sa

from slate_common import errors

from slate_tasks import access, periods
from slate_tasks.models import Entity, EntityType, Person, Task, TimeSpent, \
    task_person_links

COUNT_MODES = ("weighted", "weighteddone", "feedback", "done")
DEFAULT_TIMEZONE = "Europe/Paris"
COUNTERS = ("frames", "seconds", "count", "drawings")


def count_mode(query_args, message):
    """(feedback, weighted) of `?count_mode=` (default weighted), or Zou's 400."""
    mode = periods.arg(query_args, "count_mode") or "weighted"
    if mode not in COUNT_MODES:
        raise errors.Invalid(message)
    return "done" not in mode, "weighted" in mode


def timezone_of(person):
    try:
        return zoneinfo.ZoneInfo(person.profile.get("timezone") or DEFAULT_TIMEZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(DEFAULT_TIMEZONE)


def local_day(value, timezone):
    """A day as is; a (naive UTC) datetime as the day it is in `timezone`."""
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=datetime.timezone.utc).astimezone(timezone).date()
    return value


def business_days(start, end):
    """Zou's count: week days after `start`, up to `end` included."""
    return sum(1 for offset in range((end - start).days)
               if (start + datetime.timedelta(offset + 1)).weekday() < 5)


def fps_of(project):
    return float(project.row.get("fps") or "25.00")


# -- the tallies ----------------------------------------------------------------------

def _new_entry():
    entry = {level: {counter: {} for counter in COUNTERS + ("entries",)}
             for level in ("day", "week", "month")}
    entry["year"] = {counter: {} for counter in COUNTERS}
    return entry


def add(quotas, entry_id, day, frames, drawings, fps, count=1):
    """Count a shot (or `count` of it) for an entry on its day, week, month and year."""
    date_str = day.isoformat()
    iso_year, iso_week, _ = day.isocalendar()
    week, month, year = "%s-%s" % (iso_year, iso_week), date_str[:7], date_str[:4]
    entry = quotas.setdefault(entry_id, _new_entry())
    for level, key, group in (("day", date_str, month), ("week", week, week[:4]),
                              ("month", month, year), ("year", year, None)):
        bucket = entry[level]
        if key not in bucket["frames"]:
            for counter in COUNTERS:
                bucket[counter][key] = 0
            if group is not None:
                bucket["entries"][group] = bucket["entries"].get(group, 0) + 1
        for counter, value in (("frames", frames), ("seconds", frames / fps),
                               ("drawings", drawings), ("count", count)):
            bucket[counter][key] += value


def _round_counts(quotas):
    for entry in quotas.values():
        for level in entry.values():
            level["count"] = {key: round(value, 2) for key, value in level["count"].items()}
    return quotas


# -- the queries ------------------------------------------------------------------------

def shot_tasks(project_id, task_type_id, feedback, studio_id, *columns):
    """Shot tasks of a production that reached their end (feedback or approval)."""
    query = (sa.select(Task, Entity.row, *columns)
             .join(Entity, Entity.id == Task.entity_id)
             .join(EntityType, EntityType.id == Entity.entity_type_id)
             .where(Task.project_id == project_id, EntityType.name == "Shot",
                    (Task.end_date if feedback else Task.done_date).is_not(None)))
    if task_type_id is not None:
        query = query.where(Task.task_type_id == task_type_id)
    if studio_id:
        query = query.where(Task.assignees.any(
            Person.profile["studio_id"].astext == str(studio_id)))
    return query


def _logged(uow, scope, quotas, fps, person_id):
    query = shot_tasks(*scope, TimeSpent.date, TimeSpent.duration, TimeSpent.person_id) \
        .join(TimeSpent, TimeSpent.task_id == Task.id)
    if person_id is not None:
        query = query.where(TimeSpent.person_id == person_id)
    for task, entity, date, duration, logger in uow.session.execute(query):
        if not task.duration or task.duration <= 0:
            continue
        share = duration / task.duration
        entry = str(task.task_type_id) if person_id is not None else str(logger)
        for entry_id in (entry, "total"):
            add(quotas, entry_id, date, round((entity.get("nb_frames") or 0) * share),
                round((task.nb_drawings or 0) * share), fps, count=share)


def _spread(uow, scope, quotas, fps, person_id, timezone, feedback):
    query = shot_tasks(*scope, task_person_links.c.person_id) \
        .join(task_person_links, task_person_links.c.task_id == Task.id) \
        .where(Task.real_start_date.is_not(None),
               ~sa.exists().where(TimeSpent.task_id == Task.id))
    if person_id is not None:
        query = query.where(task_person_links.c.person_id == person_id)
    for task, entity, assignee in uow.session.execute(query):
        end = task.end_date if feedback else task.done_date
        days = business_days(task.real_start_date, end) + 1
        frames = round((entity.get("nb_frames") or 0) / days) or 0
        entry = str(task.task_type_id) if person_id is not None else str(assignee)
        for offset in range((end - task.real_start_date).days + 1):
            day = task.real_start_date + datetime.timedelta(offset)
            if day.weekday() < 5:
                for entry_id in (entry, "total"):
                    add(quotas, entry_id, local_day(day, timezone), frames,
                        task.nb_drawings or 0, fps, count=1 / days)


def _raw(uow, scope, quotas, fps, person_id, timezone, feedback):
    query = shot_tasks(*scope, task_person_links.c.person_id) \
        .join(task_person_links, task_person_links.c.task_id == Task.id)
    if person_id is not None:
        query = query.where(task_person_links.c.person_id == person_id)
    for task, entity, assignee in uow.session.execute(query):
        day = local_day(task.end_date if feedback else task.done_date, timezone)
        entry = str(task.task_type_id) if person_id is not None else str(assignee)
        for entry_id in (entry, "total"):
            add(quotas, entry_id, day, entity.get("nb_frames") or 0,
                task.nb_drawings or 0, fps)


def compute(uow, me, project, query_args, message, task_type_id=None, person_id=None):
    """The quotas of a production, per person (or, for one person, per task type)."""
    feedback, weighted = count_mode(query_args, message)
    scope = (project.id, task_type_id, feedback, periods.arg(query_args, "studio_id"))
    fps, timezone, quotas = fps_of(project), timezone_of(me), {}
    if weighted:
        _logged(uow, scope, quotas, fps, person_id)
        _spread(uow, scope, quotas, fps, person_id, timezone, feedback)
        return _round_counts(quotas)
    _raw(uow, scope, quotas, fps, person_id, timezone, feedback)
    return quotas


# -- the routes -------------------------------------------------------------------------

PROJECT_MESSAGE = ("count_mode must be equal to weighted, weigtheddone, feedback, "
                   "or done")


def project_quotas(uow, caller, project_id, task_type_id, query_args):
    """GET /data/projects/{id}/quotas/{task_type_id}: the team, clients excepted."""
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    if me.role == "client":
        raise errors.Forbidden()
    task_type = access.as_uuid(task_type_id, lambda: errors.Invalid("Wrong UUID format."))
    return compute(uow, me, project, query_args, PROJECT_MESSAGE, task_type_id=task_type)


def project_person_quotas(uow, caller, project_id, person_id, query_args):
    """GET /data/projects/{id}/quotas/persons/{person_id}: per task type; managers and
    supervisors of the team, or the person."""
    project = access.project_or_404(uow, caller, project_id)
    person = access.current_person(uow, caller)
    me = access.member(uow, caller, person, project.id) or person
    if me.role == "client":
        raise errors.Forbidden()
    if me.role in ("admin", "manager", "supervisor"):
        access.check_project_access(uow, caller, project.id)
    elif str(me.id) != str(person_id):
        raise errors.Forbidden()
    person = access.as_uuid(person_id, errors.NotFound)
    return compute(uow, me, project, query_args, PROJECT_MESSAGE, person_id=person)

