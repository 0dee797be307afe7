"""Time spents: minutes someone logged on a task on a day, as Zou keeps them.

- POST /actions/tasks/{task_id}/time-spents/{date}/persons/{person_id} sets the day's
  minutes (`.../add` adds to them); DELETE removes them. Allowed when the person is
  assigned to the task and the caller is that person, an admin, or a manager of the
  production's team. 201 with the row (the old row on DELETE, as Zou).
- The generic `/data/time-spents` CRUD: admins (deleting: as above).
- Every change recomputes the task's `duration` (the sum of its time spents), with its
  `task:update`; `time-spent:new|update|delete` carry {time_spent_id}. A time spent the
  routes create moves the person's last presence, as Zou (presence.py).
- A person logs at most 24 hours (1440 minutes) a day over all tasks: more is a 400
  and nothing is written (Zou has no such guard; the issue asks for it).
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_tasks import access, events, periods, people_access, presence, tasks
from slate_tasks.models import Task, TimeSpent

MINUTES_A_DAY = 24 * 60
TOO_LONG = "A person cannot log more than 24 hours (1440 minutes) on one day."


def _check_row_access(uow, caller, row):
    task = uow.session.get(Task, row.task_id)
    check_time_spent_access(uow, caller, task, row.person_id)


TIME_SPENTS = crud.CrudModel(
    name="time-spents", model=TimeSpent, event=events.TIME_SPENT, order_by=("date",),
    check_read=access.require_admin, check_create=access.require_admin,
    check_update=access.require_admin,
    check_delete=_check_row_access,
    filters={"start_date": lambda values: TimeSpent.date >= periods.day(values[0]),
             "end_date": lambda values: TimeSpent.date <= periods.day(values[0])})


def check_time_spent_access(uow, caller, task, person_id):
    """The person must be assigned; the caller is them, an admin or a team manager."""
    me = access.current_person(uow, caller)
    assigned = any(str(person.id) == str(person_id) for person in task.assignees)
    allowed = str(me.id) == str(person_id) or getattr(access.member(
        uow, caller, me, task.project_id), "role", None) in access.STAFF
    if not (assigned and allowed):
        raise errors.Forbidden()
    return me


def task_or_404(uow, task_id):
    found = tasks.task_or_none(uow, task_id)
    if found is None:
        raise errors.NotFound()
    return found


def duration_of(body):
    """The `duration` of a body: a number of minutes above 0 (Zou's 400 otherwise)."""
    value = body.get("duration") if isinstance(body, dict) else None
    problem = None
    if value is None:
        problem = "Field required"
    elif isinstance(value, bool) or not isinstance(value, (int, float, str)):
        problem = "Input should be a valid number"
    else:
        try:
            value = float(value)
        except ValueError:
            problem = "Input should be a valid number, unable to parse string as a number"
    if problem is None and not value > 0:
        problem = "Input should be greater than 0"
    if problem:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "duration", "message": problem}]})
    return value


def check_day_total(uow, person_id, date, duration, row_id=None):
    """400 when the person's minutes of that day would pass 24 hours."""
    others = sa.select(sa.func.coalesce(sa.func.sum(TimeSpent.duration), 0)).where(
        TimeSpent.person_id == person_id, TimeSpent.date == date)
    if row_id is not None:
        others = others.where(TimeSpent.id != row_id)
    if uow.session.scalar(others) + duration > MINUTES_A_DAY:
        raise errors.Invalid(TOO_LONG)


def update_task_duration(uow, task):
    """The task's duration becomes the sum of its time spents (task:update)."""
    total = uow.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(
        TimeSpent.duration), 0)).where(TimeSpent.task_id == task.id))
    crud.record_update(uow, tasks.TASKS, task, lambda: setattr(task, "duration", total))


# -- the actions routes ----------------------------------------------------------------

def log_time(uow, caller, task_id, date, person_id, body, add=False):
    """Set (or add to) the minutes a person spent on a task on a day."""
    task = task_or_404(uow, task_id)
    person = people_access.person_or_404(uow, caller, person_id)
    people_access.check_not_bot(uow, person, task.project_id)
    duration = duration_of(body)
    check_time_spent_access(uow, caller, task, person.id)
    day = periods.day(date, periods.INVALID_DATE)
    row = uow.session.scalars(sa.select(TimeSpent).where(
        TimeSpent.task_id == task.id, TimeSpent.person_id == person.id,
        TimeSpent.date == day)).first()
    if row is not None and add:
        duration += row.duration
    check_day_total(uow, person.id, day, duration, row and row.id)
    if row is None:
        row = crud.insert_row(uow, TIME_SPENTS, TimeSpent(
            id=uuid.uuid4(), task_id=task.id, person_id=person.id, date=day,
            duration=duration), project_id=task.project_id,
            extra=presence.payload(uow, person.id, day))
    else:
        crud.record_update(uow, TIME_SPENTS, row,
                           lambda: setattr(row, "duration", duration),
                           project_id=task.project_id)
    update_task_duration(uow, task)
    return schemas.render(row)


def remove_time(uow, caller, task_id, date, person_id):
    """DELETE the minutes of a person on a task on a day: 201 with the old row."""
    person = people_access.person_or_404(uow, caller, person_id)
    people_access.check_not_bot(uow, person)
    task = task_or_404(uow, task_id)
    check_time_spent_access(uow, caller, task, person.id)
    day = periods.day(date, periods.INVALID_DATE)
    row = uow.session.scalars(sa.select(TimeSpent).where(
        TimeSpent.task_id == task.id, TimeSpent.person_id == person.id,
        TimeSpent.date == day)).first()
    if row is None:
        raise errors.NotFound()
    old = crud.remove_row(uow, TIME_SPENTS, row, project_id=task.project_id)
    update_task_duration(uow, task)
    return old


def remove_rows(uow, rows):
    """Delete time spents (a day off covers them), each with its event, and update
    the durations of their tasks."""
    touched = {}
    for row in rows:
        task = uow.session.get(Task, row.task_id)
        touched[task.id] = task
        crud.remove_row(uow, TIME_SPENTS, row, project_id=task.project_id)
    for task in touched.values():
        update_task_duration(uow, task)


def task_time_spents(uow, caller, task_id, date=None):
    """GET /actions/tasks/{id}/time-spents[/{date}]: {person id: [rows], "total"}."""
    task = task_or_404(uow, task_id)
    me = access.check_project_access(uow, caller, task.project_id)
    access.check_entity_access(uow, me, task.entity_id)
    query = sa.select(TimeSpent).where(TimeSpent.task_id == task.id)
    if date is not None:
        query = query.where(TimeSpent.date == periods.day(date))
    result = {"total": 0}
    for row in uow.session.scalars(query.order_by(TimeSpent.date, TimeSpent.id)):
        result.setdefault(str(row.person_id), []).append(schemas.render(row))
        result["total"] += row.duration
    return result


# -- the generic CRUD, with the task's duration kept -----------------------------------

def list_time_spents(uow, caller, query_args):
    """GET /data/time-spents (admins): `start_date` and `end_date` go together."""
    periods.range_of(query_args)
    return crud.list_rows(uow, TIME_SPENTS, caller, query_args)


def create_time_spent(uow, caller, body):
    access.require_admin(uow, caller)
    values = schemas.load(TimeSpent, body, ignore={"id"})
    task = uow.session.get(Task, values.get("task_id")) if values.get("task_id") else None
    if task is None:
        raise errors.Invalid("Task not found.")
    check_day_total(uow, values.get("person_id"), values["date"], values["duration"])
    row = crud.insert_row(uow, TIME_SPENTS, TimeSpent(id=uuid.uuid4(), **values),
                          project_id=task.project_id)
    update_task_duration(uow, task)
    return schemas.render(row)


def update_time_spent(uow, caller, row_id, body):
    row = crud.fetch(uow, TIME_SPENTS, row_id)
    access.require_admin(uow, caller)
    values = schemas.load(TimeSpent, body or {}, partial=True, ignore={"id"})
    check_day_total(uow, values.get("person_id", row.person_id),
                    values.get("date", row.date), values.get("duration", row.duration),
                    row.id)
    before = uow.session.get(Task, row.task_id)
    result = crud.update_row(uow, TIME_SPENTS, caller, row_id, body)
    for task in {before, uow.session.get(Task, row.task_id)}:
        update_task_duration(uow, task)
    return result


def delete_time_spent(uow, caller, row_id, query_args=None):
    row = crud.fetch(uow, TIME_SPENTS, row_id)
    _check_row_access(uow, caller, row)
    remove_rows(uow, [row])
