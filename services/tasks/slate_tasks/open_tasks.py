"""The open tasks pool, as Zou's todos_service reads it (Kitsu's "production tasks" and
"tasks stats" pages):

- GET /data/tasks/open-tasks: the tasks of one production (when the caller may read it)
  or of every open production the caller reaches (admins all, anyone else their teams'),
  concepts' aside unless a task type is asked for; filtered by type, status, assignees
  (`unassigned` or ids comma separated), assignees' studio or department, start and due
  dates, task type priority; paged (`limit` 100, `page`) with the pool's count, sums and
  amount per status.
- GET /data/tasks/open-tasks/stats: per production, amounts, done amounts and sums, with
  the detail per task type and status.
- GET /data/tasks/open-tasks/burndown: the pool's total, schedule window and tasks done
  per day.
"""
import dataclasses
import datetime

import sqlalchemy as sa

from slate_common import crud, errors

from slate_tasks import access, task_lists, task_views, tasks_to_check
from slate_tasks.models import Entity, EntityType, Person, Project, ProjectStatus, Task, \
    TaskStatus, TaskType, task_person_links
from slate_tasks.task_views import Episode, Sequence

ID_ARGS = ("project_id", "task_type_id", "task_status_id", "studio_id", "department_id")
ORDER = (Project.name, Episode.name, Sequence.name, EntityType.name, Entity.name,
         TaskType.name)
LABELS = {"type_name": "task_type_name", "status_name": "task_status_name",
          "type_color": "task_type_color", "status_color": "task_status_color",
          "status_short_name": "task_status_short_name"}


@dataclasses.dataclass
class Filters:
    """The checked query arguments the three reads share."""
    args: dict
    start_date: datetime.datetime = None
    due_date: datetime.datetime = None
    priority: int = None


def _date(value):
    if value is None:
        return None
    try:
        return datetime.datetime.fromisoformat(value)
    except ValueError:
        raise errors.Invalid(tasks_to_check.BAD_DATE)


def checked_filters(args):
    """Zou's check_open_tasks_filter_args: malformed ids and dates are 400s."""
    tasks_to_check.check_ids(args, ID_ARGS)
    return Filters(args, _date(args.get("start_date")), _date(args.get("due_date")),
                   crud.int_arg(args, "priority", None))


def _reached(uow, caller):
    """The productions the caller's pool covers when no production is named."""
    me = access.current_person(uow, caller)
    if me.role == "admin":
        return ProjectStatus.name.in_(access.OPEN_NAMES)
    return Project.id.in_(access.open_team_projects(me.id))


def _assignee(condition):
    return Task.id.in_(sa.select(task_person_links.c.task_id)
                       .join(Person, Person.id == task_person_links.c.person_id)
                       .where(condition))


def pooled(uow, caller, query, filters):
    """`query` (joined with the production, its status, the type and the status) limited
    to the pool the filters describe."""
    args = filters.args
    if args.get("project_id") is not None:
        access.check_project_access(uow, caller, access.as_uuid(args["project_id"]))
        query = query.where(Project.id == access.as_uuid(args["project_id"]))
    else:
        query = query.where(_reached(uow, caller))
    if args.get("task_type_id") is not None:
        query = query.where(TaskType.id == access.as_uuid(args["task_type_id"]))
    else:
        query = query.where(TaskType.for_entity != "Concept")
    if args.get("task_status_id") is not None:
        query = query.where(TaskStatus.id == access.as_uuid(args["task_status_id"]))
    if args.get("person_id") is not None:
        query = query.where(tasks_to_check.assigned_to(args["person_id"]))
    if args.get("studio_id") is not None:
        query = query.where(_assignee(Person.profile["studio_id"].astext == args["studio_id"]))
    if args.get("department_id") is not None:
        query = query.where(_assignee(
            Person.profile["departments"].contains([args["department_id"]])))
    if filters.start_date is not None:
        query = query.where(Task.start_date >= filters.start_date)
    if filters.due_date is not None:
        query = query.where(Task.due_date <= filters.due_date)
    if filters.priority is not None:
        query = query.where(TaskType.priority == filters.priority)
    return query


def with_status(query):
    return query.join(ProjectStatus, ProjectStatus.id == Project.project_status_id)


def open_tasks(uow, caller, args):
    """GET /data/tasks/open-tasks."""
    filters = checked_filters(args)
    query = pooled(uow, caller, with_status(task_views.todo_select()), filters)
    page = crud.int_arg(args, "page", None)
    limit = max(crud.int_arg(args, "limit", 100), 1)
    paged = query.order_by(*ORDER, Task.id).limit(limit)
    if page is not None and page > 0:
        paged = paged.offset((page - 1) * limit)
    rows = uow.session.execute(paged).mappings().all()
    found = task_lists.attach_assignees(uow, [_open_task_json(uow, row) for row in rows])
    result = {"data": found, "stats": {"total_duration": 0, "total_estimation": 0,
                                       "total": 0, "status": []},
              "limit": limit, "is_more": False, "page": page or 1}
    if found:
        result["stats"] = _stats(uow, query)
        result["is_more"] = (page or 1) * limit < result["stats"]["total"]
    return result


def _open_task_json(uow, row):
    task = task_views.task_row_json(uow, row)
    return {**task, **{key: row[label] for key, label in LABELS.items()}}


def _stats(uow, query):
    pool = query.subquery()
    total, duration, estimation = uow.session.execute(sa.select(
        sa.func.count(), sa.func.sum(pool.c.duration), sa.func.sum(pool.c.estimation))).one()
    per_status = uow.session.execute(
        sa.select(pool.c.task_status_id, sa.func.count())
        .group_by(pool.c.task_status_id)).all()
    return {"total_duration": duration, "total_estimation": estimation, "total": total,
            "status": [{"task_status_id": str(status_id), "amount": amount}
                       for status_id, amount in per_status]}


def open_tasks_stats(uow, caller):
    """GET /data/tasks/open-tasks/stats."""
    query = with_status(
        sa.select(Project.id, TaskType.id, TaskStatus.id, sa.func.count(),
                  sa.func.count(sa.case((TaskStatus.is_done.is_(True), Task.id))),
                  sa.func.coalesce(sa.func.sum(Task.duration), 0),
                  sa.func.coalesce(sa.func.sum(Task.estimation), 0))
        .join(Project, Project.id == Task.project_id)
        .join(TaskType, TaskType.id == Task.task_type_id)
        .join(TaskStatus, TaskStatus.id == Task.task_status_id)
        .join(Entity, Entity.id == Task.entity_id))
    query = (query.where(TaskType.for_entity != "Concept", _reached(uow, caller))
             .group_by(Project.id, TaskType.id, TaskStatus.id))
    stats = {}
    for project_id, type_id, status_id, amount, done, duration, estimation in \
            uow.session.execute(query):
        project = stats.setdefault(str(project_id), {
            "amount": 0, "amount_done": 0, "total_duration": 0, "total_estimation": 0,
            "task_types": []})
        detail = {"task_status_id": str(status_id), "task_type_id": str(type_id),
                  "project_id": str(project_id), "amount": amount, "amount_done": done,
                  "total_duration": duration, "total_estimation": estimation}
        for key in ("amount", "amount_done", "total_duration", "total_estimation"):
            project[key] += detail[key]
        project["task_types"].append(detail)
    return stats
