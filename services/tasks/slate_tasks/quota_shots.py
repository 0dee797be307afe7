"""The shots behind someone's quotas over a day, an ISO week or a month (GET
/data/persons/{id}/quota-shots/...), as Zou lists them: each shot with its
`full_name` and its `weight` in the period (quotas.py explains the weighting),
sorted by full name. `?project_id=`, `?task_type_id=` and `?count_mode=` narrow it.
"""
import datetime

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import errors

from slate_tasks import access, people_access, periods, quotas
from slate_tasks.models import Entity, EntityType, Task, TimeSpent, task_person_links

MESSAGE = "count_mode must be equal to weighted, weighteddone, feedback, or done"
Sequence = orm.aliased(Entity, name="sequence")
Episode = orm.aliased(Entity, name="episode")


def _shots(*columns):
    return (sa.select(Entity.row, Sequence.name, Episode.name, *columns)
            .join(EntityType, EntityType.id == Entity.entity_type_id)
            .join(Task, Task.entity_id == Entity.id)
            .outerjoin(Sequence, Sequence.id == Entity.parent_id)
            .outerjoin(Episode, Episode.id == Sequence.parent_id)
            .where(EntityType.name == "Shot"))


def _narrowed(query, query_args, feedback):
    for key, column in (("project_id", Task.project_id), ("task_type_id", Task.task_type_id)):
        value = periods.arg(query_args, key)
        if value:
            query = query.where(column == access.as_uuid(
                value, lambda: errors.Invalid("Wrong UUID format.")))
    return query.where((Task.end_date if feedback else Task.done_date).is_not(None))


def _shot(row, sequence, episode, weight):
    name = " / ".join(part for part in (episode, sequence, row["name"]) if part)
    return {**row, "full_name": name, "weight": weight}


def _utc(day, timezone):
    local = datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone)
    return local.astimezone(datetime.timezone.utc).replace(tzinfo=None)


def _weighted(uow, person_id, start, end, query_args, feedback, timezone):
    listed = {}
    logged = _narrowed(_shots(Task.duration, TimeSpent.duration).join(
        TimeSpent, TimeSpent.task_id == Task.id).where(
        TimeSpent.person_id == person_id, TimeSpent.date >= start, TimeSpent.date < end),
        query_args, feedback)
    for row, sequence, episode, task_duration, duration in uow.session.execute(logged):
        shot = listed.get(row["id"])
        weight = round(duration / task_duration, 2) if task_duration else 0
        if shot is None:
            listed[row["id"]] = _shot(row, sequence, episode, weight)
        else:
            shot["weight"] += weight
    ending = Task.end_date if feedback else Task.done_date
    utc_start, utc_end = _utc(start, timezone), _utc(end, timezone)
    spread = _narrowed(_shots(Task.real_start_date, ending).join(
        task_person_links, task_person_links.c.task_id == Task.id).where(
        task_person_links.c.person_id == person_id, Task.real_start_date.is_not(None),
        ~sa.exists().where(TimeSpent.task_id == Task.id),
        Task.real_start_date <= utc_end, ending >= utc_start), query_args, feedback)
    bounds = (datetime.datetime.combine(start, datetime.time.min),
              datetime.datetime.combine(end, datetime.time.min))
    for row, sequence, episode, task_start, task_end in uow.session.execute(spread):
        if row["id"] not in listed:
            listed[row["id"]] = _shot(row, sequence, episode,
                                      _share(task_start, task_end, *bounds))
    return list(listed.values())


def _share(task_start, task_end, start, end):
    """The part of a task's business days that falls in [start, end]."""
    days = quotas.business_days(task_start, task_end) + 1
    inside = days
    if task_start < start and task_end <= end:
        inside = quotas.business_days(start, task_end) + 1
    elif task_start >= start and task_end > end:
        inside = quotas.business_days(task_start, end) + 1
    elif task_start < start:
        inside = 1
    return round(inside / days, 2)


def _raw(uow, person_id, start, end, query_args, feedback, timezone):
    ending = Task.end_date if feedback else Task.done_date
    query = _narrowed(_shots().join(
        task_person_links, task_person_links.c.task_id == Task.id).where(
        task_person_links.c.person_id == person_id,
        ending.between(_utc(start, timezone), _utc(end, timezone))), query_args, feedback)
    return [_shot(row, sequence, episode, 1)
            for row, sequence, episode in uow.session.execute(query)]


def _check(uow, caller, person, query_args):
    """Managers and supervisors of the production named (their role there); else the
    person (or admins)."""
    me = access.current_person(uow, caller)
    project_id = periods.arg(query_args, "project_id")
    if project_id and me.role != "admin":
        lead = access.member(uow, caller, me, access.as_uuid(project_id, errors.Forbidden))
        if (lead or me).role in ("manager", "supervisor"):
            if lead is None:
                raise errors.Forbidden()
            return lead
    if me.role != "admin" and me.id != person.id:
        raise errors.Forbidden()
    return me


def person_quota_shots(uow, caller, person_id, interval, query_args):
    """GET /data/persons/{id}/quota-shots/day|week|month/...."""
    person = people_access.person_or_404(uow, caller, person_id)
    people_access.check_not_bot(uow, person)
    feedback, weighted = quotas.count_mode(query_args, MESSAGE)
    me = _check(uow, caller, person, query_args)
    list_shots = _weighted if weighted else _raw
    shots = list_shots(uow, person.id, *interval, query_args, feedback,
                       quotas.timezone_of(me))
    return sorted(shots, key=lambda shot: shot["full_name"])
