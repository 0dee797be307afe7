"""Day offs: someone away from `date` to `end_date`, as Zou keeps them.

- CRUD `/data/day-offs`: admins list them all; the person or an admin creates, updates
  and deletes one (only admins move one to someone else); reading one follows
  people_access.day_off_reading (supervisors get the dates without the description).
- Two day offs of a person never overlap (Zou's 400 "Day off already exists for this
  period"); a day off wipes the time spents of the days it covers, each with its
  `time-spent:delete` and its task's new duration.
- Lists per person (all, a week, a month, a year, the one covering a day), per month
  or year for everyone the caller may read, per production team, and the caller's own.
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_tasks import access, events, periods, people_access, time_spents
from slate_tasks.models import DayOff, TimeSpent, team_links

OVERLAP = "Day off already exists for this period"

DAY_OFFS = crud.CrudModel(
    name="day-offs", model=DayOff, event=events.DAY_OFF, order_by=("date",),
    check_read=access.require_admin)


def dates_only(day_off):
    return {key: value for key, value in day_off.items() if key != "description"}


def _check_free(uow, person_id, start, end, row_id=None):
    query = sa.select(DayOff.id).where(DayOff.person_id == person_id,
                                       DayOff.end_date >= start, DayOff.date <= end)
    if row_id is not None:
        query = query.where(DayOff.id != row_id)
    if uow.session.scalar(query.limit(1)) is not None:
        raise errors.Invalid(OVERLAP)


def _clear_time_spents(uow, row):
    time_spents.remove_rows(uow, uow.session.scalars(sa.select(TimeSpent).where(
        TimeSpent.person_id == row.person_id, TimeSpent.date >= row.date,
        TimeSpent.date <= row.end_date)).all())


def create_day_off(uow, caller, body):
    """POST /data/day-offs."""
    people_access.check_day_off_write(uow, caller, (body or {}).get("person_id")
                                      if isinstance(body, dict) else None)
    values = schemas.load(DayOff, body, ignore={"id"})
    _check_free(uow, values.get("person_id"), values["date"], values["end_date"])
    row = crud.insert_row(uow, DAY_OFFS, DayOff(id=uuid.uuid4(), **values))
    _clear_time_spents(uow, row)
    return schemas.render(row)


def get_day_off(uow, caller, row_id, query_args=None):
    """GET /data/day-offs/{id}."""
    row = crud.fetch(uow, DAY_OFFS, row_id)
    whole = people_access.day_off_reading(uow, caller, row.person_id)
    rendered = schemas.render(row)
    return rendered if whole else dates_only(rendered)


def update_day_off(uow, caller, row_id, body):
    """PUT /data/day-offs/{id}."""
    row = crud.fetch(uow, DAY_OFFS, row_id)
    me = people_access.check_day_off_write(uow, caller, row.person_id)
    values = schemas.load(DayOff, body, partial=True, ignore={"id"})
    person_id = values.get("person_id", row.person_id)
    if person_id != row.person_id and me.role != "admin":
        raise errors.Forbidden()
    _check_free(uow, person_id, values.get("date", row.date),
                values.get("end_date", row.end_date), row.id)
    result = crud.update_row(uow, DAY_OFFS, caller, row_id, body)
    _clear_time_spents(uow, row)
    return result


def delete_day_off(uow, caller, row_id, query_args=None):
    """DELETE /data/day-offs/{id}."""
    row = crud.fetch(uow, DAY_OFFS, row_id)
    people_access.check_day_off_write(uow, caller, row.person_id)
    crud.remove_row(uow, DAY_OFFS, row)


# -- lists --------------------------------------------------------------------------------

def _between(uow, start=None, end=None, *conditions):
    """Day offs touching [start, end] (days included)."""
    query = sa.select(DayOff).where(*conditions)
    if start is not None:
        query = query.where(DayOff.end_date >= start)
    if end is not None:
        query = query.where(DayOff.date <= end)
    return [schemas.render(row) for row in uow.session.scalars(
        query.order_by(DayOff.date, DayOff.id))]


def person_day_offs(uow, caller, person_id, interval=(None, None)):
    """GET /data/persons/{id}/day-offs[/week|month|year/...]."""
    whole = people_access.day_off_reading(uow, caller, person_id)
    found = _between(uow, *interval, DayOff.person_id == access.as_uuid(person_id))
    return found if whole else [dates_only(day_off) for day_off in found]


def person_day_off(uow, caller, person_id, date):
    """GET /data/persons/{id}/day-offs/{date}: the day off covering that day, or {}."""
    whole = people_access.day_off_reading(uow, caller, person_id)
    day = periods.day(date, periods.INVALID_DATE)
    found = _between(uow, day, day, DayOff.person_id == access.as_uuid(person_id))
    day_off = found[0] if found else {}
    return day_off if whole else dates_only(day_off)


def user_day_off(uow, caller, date):
    """GET /data/user/day-offs/{date}."""
    me = access.current_person(uow, caller)
    day = periods.day(date)
    found = _between(uow, day, day, DayOff.person_id == me.id)
    return found[0] if found else {}


def period_day_offs(uow, caller, interval):
    """GET /data/persons/day-offs/{year}[/{month}]: everyone's the caller may read."""
    readable = people_access.readable_day_off_persons(uow, caller)
    start, end = periods.last_day(interval)
    if readable is None:
        return _between(uow, start, end)
    found = _between(uow, start, end, DayOff.person_id.in_(list(readable)))
    return [day_off if readable[uuid.UUID(day_off["person_id"])] else dates_only(day_off)
            for day_off in found]


def project_day_offs(uow, caller, project_id, query_args):
    """GET /data/projects/{id}/day-offs: {person id: [day offs]} of the team (not for
    clients and vendors); only managers, and each person for their own, get the
    descriptions."""
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    access.block_vendors_and_clients(me)
    start, end = periods.optional_range(query_args)
    team = sa.select(team_links.c.person_id).where(team_links.c.project_id == project.id)
    result = {}
    for day_off in _between(uow, start, end, DayOff.person_id.in_(team)):
        whole = me.role in ("admin", "manager") or day_off["person_id"] == str(me.id)
        result.setdefault(day_off["person_id"], []).append(
            day_off if whole else dates_only(day_off))
    return result
