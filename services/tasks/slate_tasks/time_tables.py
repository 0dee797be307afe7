"""The studio's time tables (GET /data/persons/time-spents/...): minutes per person
per year, month, ISO week or day, as {unit: {person id: minutes}}.

Admins see everyone (filters `?project_id`, `?department_id`, `?studio_id`); managers
and supervisors the open productions whose team they are in (supervisors: their
departments' task types); anyone else only their own minutes.
"""
import sqlalchemy as sa

from slate_common import errors

from slate_tasks import access, periods, people_access
from slate_tasks.models import Person, Task, TaskType, TimeSpent, team_links

UNITS = {"year": lambda day: day.year, "month": lambda day: day.month,
         "week": lambda day: day.isocalendar()[1], "day": lambda day: day.day}


def _uuid_arg(query_args, key):
    value = periods.arg(query_args, key)
    return access.as_uuid(value, lambda: errors.Invalid("Wrong UUID format.")) \
        if value else None


def _reader_conditions(uow, caller, me, project_id, department_id):
    """What a non-admin reads: leads the open productions they lead (where they are a
    supervisor, their departments'), anyone else their own minutes."""
    scope = people_access.lead_scope(uow, caller, me)
    if scope is None:
        return [TimeSpent.person_id == me.id]
    if project_id is not None and uow.session.scalar(
            scope.projects.where(team_links.c.project_id == project_id)) is None:
        raise errors.Forbidden()
    roles = access.production_roles(uow, me)
    managing = roles.get(project_id) == "manager" if project_id is not None \
        else "manager" in roles.values()
    if department_id is not None and not managing \
            and department_id not in people_access.departments(me):
        raise errors.Invalid("Supervisor not allowed to access this department")
    return [Task.project_id.in_(scope.projects), scope.condition]


def _filters(uow, caller, query_args):
    """Conditions on time spents (joined to tasks) for this caller and these args."""
    me = access.current_person(uow, caller)
    project_id = _uuid_arg(query_args, "project_id")
    department_id = periods.arg(query_args, "department_id") or None
    conditions = [] if me.role == "admin" else _reader_conditions(
        uow, caller, me, project_id, department_id)
    if project_id is not None:
        conditions.append(Task.project_id == project_id)
    if department_id is not None:
        conditions.append(_in_departments([department_id]))
    studio_id = periods.arg(query_args, "studio_id")
    if studio_id:
        conditions.append(TimeSpent.person_id.in_(sa.select(Person.id).where(
            Person.profile["studio_id"].astext == str(studio_id))))
    return conditions


def _in_departments(department_ids):
    ids = [access.as_uuid(value, lambda: errors.Invalid("Wrong UUID format."))
           for value in department_ids]
    return Task.task_type_id.in_(sa.select(TaskType.id).where(
        TaskType.department_id.in_(ids)))


def _table(uow, caller, query_args, unit, start=None, end=None):
    query = (sa.select(TimeSpent.person_id, TimeSpent.date, TimeSpent.duration)
             .join(Task, Task.id == TimeSpent.task_id)
             .where(*_filters(uow, caller, query_args)))
    if start is not None:
        query = query.where(TimeSpent.date >= start, TimeSpent.date < end)
    table = {}
    for person_id, date, duration in uow.session.execute(query.order_by(TimeSpent.date)):
        cell = table.setdefault(str(UNITS[unit](date)), {})
        cell[str(person_id)] = cell.get(str(person_id), 0) + duration
    return table


def year_table(uow, caller, query_args):
    """GET /data/persons/time-spents/year-table."""
    return _table(uow, caller, query_args, "year")


def month_table(uow, caller, year, query_args):
    """GET /data/persons/time-spents/month-table/{year}."""
    return _table(uow, caller, query_args, "month",
                  *periods.year(year, periods.INVALID_MONTH))


def week_table(uow, caller, year, query_args):
    """GET /data/persons/time-spents/week-table/{year}."""
    return _table(uow, caller, query_args, "week",
                  *periods.year(year, periods.INVALID_MONTH))


def day_table(uow, caller, year, month, query_args):
    """GET /data/persons/time-spents/day-table/{year}/{month}."""
    return _table(uow, caller, query_args, "day",
                  *periods.month(year, month, periods.INVALID_MONTH))
