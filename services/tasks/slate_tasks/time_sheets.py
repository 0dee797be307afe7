"""Reading time spents, as Zou serves them: someone's (per day, week, month, year, or a
range), the caller's own (/data/user/...), a task's, an entity's, a production's, and
the studio tables (per day, week, month or year: {unit: {person id: minutes}}).
Who reads whose: people_access.time_sheet_scope.

Unlike Zou, someone's time spents without a date range are all of them (Zou compares
the day with NULL and always answers an empty list)."""
import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import errors, schemas

from slate_tasks import access, periods, people_access
from slate_tasks.models import Entity, EntityType, Project, Task, TaskType, TimeSpent, \
    team_links

Sequence = orm.aliased(Entity, name="sequence")
Episode = orm.aliased(Entity, name="episode")


def _scoped(query, scope):
    """Restrict a select of time spents to a reader's scope (productions, departments)."""
    if scope.projects is None:
        return query
    return _scoped_joined(query.join(Task, Task.id == TimeSpent.task_id), scope)


def _rows(uow, query):
    return [schemas.render(row) for row in uow.session.scalars(
        query.order_by(TimeSpent.date, TimeSpent.id))]


def _ranged(uow, person_id, query_args, scope=people_access.Scope()):
    """A person's time spents, all or within `?start_date=&end_date=` (with the
    project and task type of their task)."""
    start, end = periods.range_of(query_args)
    query = sa.select(TimeSpent).where(TimeSpent.person_id == person_id)
    if start is None:
        return _rows(uow, _scoped(query, scope))
    query = (sa.select(TimeSpent, Task.project_id, Task.task_type_id)
             .join(Task, Task.id == TimeSpent.task_id)
             .where(TimeSpent.person_id == person_id, TimeSpent.date.between(start, end)))
    query = _scoped_joined(query, scope)
    return [{**schemas.render(row), "project_id": str(project_id),
             "task_type_id": str(task_type_id)}
            for row, project_id, task_type_id in uow.session.execute(
                query.order_by(TimeSpent.date, TimeSpent.id))]


def _scoped_joined(query, scope):
    """`_scoped` for a select already joined to the tasks."""
    if scope.projects is None:
        return query
    return query.where(Task.project_id.in_(scope.projects), scope.condition)


# -- someone's ------------------------------------------------------------------------

def person_time_spents(uow, caller, person_id, query_args):
    """GET /data/persons/{id}/time-spents[?start_date=&end_date=]."""
    scope = people_access.time_sheet_scope(uow, caller, person_id)
    return _ranged(uow, access.as_uuid(person_id), query_args, scope)


def person_day_time_spents(uow, caller, person_id, date):
    """GET /data/persons/{id}/time-spents/{date}."""
    scope = people_access.time_sheet_scope(uow, caller, person_id)
    day = periods.day(date, periods.INVALID_MONTH)
    return _rows(uow, _scoped(sa.select(TimeSpent).where(
        TimeSpent.person_id == access.as_uuid(person_id), TimeSpent.date == day), scope))


def _project_arg(query_args):
    value = periods.arg(query_args, "project_id")
    if not value:
        return None
    return access.as_uuid(value, lambda: errors.Invalid("Wrong UUID format."))


def _entries_query(person_id, start, end):
    return (sa.select(Task.id, Task.task_type_id, Project.id, Project.name, Entity.name,
                      EntityType.name, Sequence.name, Episode.name,
                      sa.func.sum(TimeSpent.duration))
            .join(TimeSpent, TimeSpent.task_id == Task.id)
            .join(Project, Project.id == Task.project_id)
            .join(Entity, Entity.id == Task.entity_id)
            .join(EntityType, EntityType.id == Entity.entity_type_id)
            .outerjoin(Sequence, Sequence.id == Entity.parent_id)
            .outerjoin(Episode, Episode.id == Sequence.parent_id)
            .where(TimeSpent.person_id == person_id, TimeSpent.date >= start,
                   TimeSpent.date < end)
            .group_by(Task.id, Task.task_type_id, Project.id, Project.name, Entity.name,
                      EntityType.name, Sequence.name, Episode.name))


ENTRY_KEYS = ("task_id", "task_type_id", "project_id", "project_name", "entity_name",
              "entity_type_name", "sequence_name", "episode_name", "duration")


def person_period_time_spents(uow, caller, person_id, interval, query_args):
    """GET /data/persons/{id}/time-spents/{year|month|week|day}/...: minutes per task
    over the period, with the task's production, entity, sequence and episode."""
    scope = people_access.time_sheet_scope(uow, caller, person_id)
    project_id = _project_arg(query_args)
    query = _entries_query(access.as_uuid(person_id), *interval)
    if project_id is not None:
        if scope.projects is not None and uow.session.scalar(
                scope.projects.where(team_links.c.project_id == project_id)) is None:
            raise errors.Forbidden()
        query = query.where(Task.project_id == project_id)
    query = _scoped_joined(query, scope)
    return [{key: schemas.to_json(value) for key, value in zip(ENTRY_KEYS, row)}
            for row in uow.session.execute(query)]


def person_month_all(uow, caller, person_id, year, month):
    """GET /data/persons/{id}/time-spents/month/all/{year}/{month}: admins and the person."""
    me = access.current_person(uow, caller)
    person = people_access.person_or_404(uow, caller, person_id)
    people_access.check_not_bot(uow, person)
    if me.role != "admin" and me.id != person.id:
        raise errors.Forbidden()
    start, end = periods.month(year, month, periods.INVALID_MONTH)
    return _rows(uow, sa.select(TimeSpent).where(
        TimeSpent.person_id == person.id, TimeSpent.date >= start, TimeSpent.date < end))


# -- the caller's own -----------------------------------------------------------------

def user_time_spents(uow, caller, query_args):
    """GET /data/user/time-spents[?start_date=&end_date=]."""
    return _ranged(uow, access.current_person(uow, caller).id, query_args)


def user_day_time_spents(uow, caller, date):
    """GET /data/user/time-spents/{date}."""
    me = access.current_person(uow, caller)
    return _rows(uow, sa.select(TimeSpent).where(TimeSpent.person_id == me.id,
                                                 TimeSpent.date == periods.day(date)))


def user_task_time_spent(uow, caller, task_id, date):
    """GET /data/user/tasks/{task_id}/time-spents/{date}: the row, or null."""
    me = access.current_person(uow, caller)
    day = periods.day(date)
    task = access.as_uuid(task_id, None)
    row = task and uow.session.scalars(sa.select(TimeSpent).where(
        TimeSpent.person_id == me.id, TimeSpent.task_id == task,
        TimeSpent.date == day)).first()
    return schemas.render(row) if row else None


# -- an entity's, a production's --------------------------------------------------------

def entity_time_spents(uow, caller, entity_id):
    """GET /data/entities/{id}/time-spents: the entity's tasks' time spents, last first."""
    entity = access.entity_or_404(uow, caller, entity_id)
    me = access.check_project_access(uow, caller, entity.project_id)
    access.check_entity_access(uow, me, entity.id)
    query = sa.select(TimeSpent).join(Task, Task.id == TimeSpent.task_id).where(
        Task.entity_id == entity.id).order_by(TimeSpent.date.desc(), TimeSpent.id)
    return [schemas.render(row) for row in uow.session.scalars(query)]


def project_time_spents(uow, caller, project_id):
    """GET /data/projects/{id}/time-spents: the team, clients excepted."""
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    if me.role == "client":
        raise errors.Forbidden()
    return _rows(uow, sa.select(TimeSpent).join(Task, Task.id == TimeSpent.task_id).where(
        Task.project_id == project.id))


def project_task_type_time_spents(uow, caller, project_id, task_type_id, query_args):
    """GET /data/projects/{id}/task-types/{id}/time-spents: {person id: [rows]}, last
    first, within `?start_date` / `?end_date` (each optional); managers of the team."""
    project = access.project_or_404(uow, caller, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    task_type = access.as_uuid(task_type_id, lambda: errors.Invalid("Wrong UUID format."))
    start, end = periods.optional_range(query_args)
    query = sa.select(TimeSpent).join(Task, Task.id == TimeSpent.task_id).where(
        Task.project_id == project.id, Task.task_type_id == task_type)
    if start is not None:
        query = query.where(TimeSpent.date >= start)
    if end is not None:
        query = query.where(TimeSpent.date <= end)
    result = {}
    for row in uow.session.scalars(query.order_by(TimeSpent.date.desc(), TimeSpent.id)):
        result.setdefault(str(row.person_id), []).append(schemas.render(row))
    return result


def project_month_time_spents(uow, caller, project_id):
    """GET /data/projects/{id}/budgets/time-spents (admins): minutes per department,
    person and month ("YYYY-MM"), with totals; task types without department left out."""
    access.require_admin(uow, caller)
    project = access.as_uuid(project_id, lambda: errors.Invalid("Wrong UUID format."))
    query = (sa.select(TimeSpent, TaskType.department_id)
             .join(Task, Task.id == TimeSpent.task_id)
             .join(TaskType, TaskType.id == Task.task_type_id)
             .where(Task.project_id == project, TaskType.department_id.is_not(None))
             .order_by(TimeSpent.date))
    data = {}
    for row, department_id in uow.session.execute(query):
        department = data.setdefault(str(department_id), {"total": 0})
        person = department.setdefault(str(row.person_id), {"total": 0})
        month = row.date.strftime("%Y-%m")
        person[month] = person.get(month, 0) + row.duration
        person["total"] += row.duration
        department["total"] += row.duration
    return data
