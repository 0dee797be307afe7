"""GET /data/tasks/open-tasks/burndown: the open tasks pool (open_tasks' filters) as a
burndown, as Zou's todos_service computes it — the amount of tasks and their estimation,
the schedule window (the tasks' first start and last due dates, each falling back to the
productions' dates) and the tasks done per day. Days of activity before the window fold
onto its first day (imported done dates would drag it back years); later ones extend it.
"""
import sqlalchemy as sa

from slate_tasks import open_tasks
from slate_tasks.models import Entity, Project, Task, TaskStatus, TaskType


def _day(column):
    return sa.cast(column, sa.Date)


def _project_day(key):
    return sa.cast(sa.func.nullif(Project.row[key].astext, ""), sa.Date)


def burndown(uow, caller, args):
    filters = open_tasks.checked_filters(args)
    query = open_tasks.with_status(
        sa.select(Task.estimation, Task.start_date, Task.due_date, Task.done_date,
                  _project_day("start_date").label("project_start"),
                  _project_day("end_date").label("project_end"))
        .join(TaskType, TaskType.id == Task.task_type_id)
        .join(TaskStatus, TaskStatus.id == Task.task_status_id)
        .join(Entity, Entity.id == Task.entity_id)
        .join(Project, Project.id == Task.project_id))
    pool = open_tasks.pooled(uow, caller, query, filters).subquery()
    total, estimation, first_start, last_due, project_start, project_end = \
        uow.session.execute(sa.select(
            sa.func.count(), sa.func.sum(pool.c.estimation),
            sa.func.min(_day(pool.c.start_date)), sa.func.max(_day(pool.c.due_date)),
            sa.func.min(pool.c.project_start), sa.func.max(pool.c.project_end))).one()
    done_day = _day(pool.c.done_date)
    done_rows = uow.session.execute(
        sa.select(done_day, sa.func.count(), sa.func.sum(pool.c.estimation))
        .where(pool.c.done_date.isnot(None)).group_by(done_day).order_by(done_day)).all()
    schedule_start = first_start or project_start
    planning = [day for day in (schedule_start, last_due or project_end) if day is not None]
    window_start = min(planning) if schedule_start is not None else None
    done_rows = _folded(done_rows, window_start)
    bounds = planning + ([done_rows[0][0], done_rows[-1][0]] if done_rows else [])
    return {"total": total, "total_estimation": estimation or 0,
            "start_date": min(bounds).isoformat() if bounds else None,
            "end_date": max(bounds).isoformat() if bounds else None,
            "done_by_day": [{"date": day.isoformat(), "done": done,
                             "done_estimation": done_estimation or 0}
                            for day, done, done_estimation in done_rows]}


def _folded(done_rows, window_start):
    """The days before `window_start` summed onto it."""
    if window_start is None:
        return done_rows
    early = [row for row in done_rows if row[0] <= window_start]
    if not any(row[0] < window_start for row in early):
        return done_rows
    first = (window_start, sum(row[1] for row in early), sum(row[2] or 0 for row in early))
    return [first] + [row for row in done_rows if row[0] > window_start]
