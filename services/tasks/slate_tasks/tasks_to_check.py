"""GET /data/user/tasks-to-check and .../filter-values: the tasks waiting for feedback
(status `is_feedback_request`) a person reviews, as Zou's todos_service scopes them —
admins every open production's, managers their open teams', supervisors their open
teams' in their departments (all, when they have none), anyone else none. Rows are the
to-do list's (task_views.todo_json), filtered by production, type, status, assignees
(`unassigned`, or ids comma separated), episode and due dates; with `page`, an envelope
with the count and sums of duration and estimation.
"""
import datetime

import sqlalchemy as sa

from slate_common import crud, errors

from slate_tasks import access, task_lists, task_views
from slate_tasks.models import Entity, EntityType, Project, ProjectStatus, Task, \
    TaskStatus, TaskType, task_person_links
from slate_tasks.task_views import Episode, Sequence

NAME_ORDER = (Project.name, Episode.name, Sequence.name, EntityType.name, Entity.name,
              TaskType.name)
ORDERS = {
    "priority": (Task.priority.desc().nullslast(), Task.due_date.asc().nullslast())
    + NAME_ORDER,
    "due_date": (Task.due_date.asc().nullslast(),) + NAME_ORDER,
    "estimation": (Task.estimation.desc().nullslast(),) + NAME_ORDER,
    "entity_name": (Project.name, TaskType.name, Episode.name, Sequence.name, Entity.name),
}
ID_ARGS = ("project_id", "task_type_id", "task_status_id", "episode_id")
BAD_DATE = ("Wrong date format for before argument.Expected format: 2020-01-05T13:23:10 "
            "or 2020-01-05")
NO_VALUES = ("project_ids", "task_type_ids", "task_status_ids", "episode_ids", "person_ids")


def _scope(uow, caller):
    """The condition on tasks (joined with their production and type) the caller
    reviews: the open productions where they are a manager, and those where they are a
    supervisor (their departments' tasks only); roles held in each production. None
    when they review none."""
    me = access.current_person(uow, caller)
    if me.role == "admin":
        return sa.and_(ProjectStatus.name.in_(access.OPEN_NAMES))
    if not {"manager", "supervisor"} & set(access.production_roles(uow, me).values()):
        return None
    supervised = Project.id.in_(access.open_team_projects(me.id, ("supervisor",)))
    departments = me.profile.get("departments") or []
    if departments:
        supervised = sa.and_(supervised, TaskType.department_id.in_(departments))
    return sa.or_(Project.id.in_(access.open_team_projects(me.id, ("manager",))), supervised)


def _scoped(query, scope):
    query = (query.join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
             .where(TaskStatus.is_feedback_request.is_(True)))
    return query.where(scope if scope is not None else sa.false())


def check_ids(args, keys):
    """Malformed ids among `keys` and `person_id` (`unassigned` or ids comma separated)
    are 400s."""
    for key in keys:
        if args.get(key) is not None:
            access.as_uuid(args[key], lambda: errors.Invalid("Wrong UUID format."))
    if args.get("person_id") not in (None, "unassigned"):
        for person_id in args["person_id"].split(","):
            access.as_uuid(person_id, lambda: errors.Invalid("Wrong UUID format."))


def _checked_args(args):
    check_ids(args, ID_ARGS)
    for key in ("due_date_since", "due_date_until"):
        if args.get(key) is not None:
            try:
                datetime.datetime.fromisoformat(args[key])
            except ValueError:
                raise errors.Invalid(BAD_DATE)


def _filtered(query, args):
    if args.get("project_id"):
        query = query.where(Project.id == access.as_uuid(args["project_id"]))
    if args.get("task_type_id"):
        query = query.where(TaskType.id == access.as_uuid(args["task_type_id"]))
    if args.get("task_status_id"):
        query = query.where(TaskStatus.id == access.as_uuid(args["task_status_id"]))
    if args.get("person_id") is not None:
        query = query.where(assigned_to(args["person_id"]))
    if args.get("episode_id"):
        episode_id = access.as_uuid(args["episode_id"])
        query = query.where(sa.or_(Episode.id == episode_id, Entity.source_id == episode_id,
                                   Entity.parent_id == episode_id))
    if args.get("due_date_since"):
        query = query.where(Task.due_date >= datetime.datetime.fromisoformat(
            args["due_date_since"]))
    if args.get("due_date_until"):
        query = query.where(Task.due_date <= datetime.datetime.fromisoformat(
            args["due_date_until"]))
    return query


def assigned_to(person_arg):
    links = sa.select(task_person_links.c.task_id)
    if person_arg == "unassigned":
        return Task.id.notin_(links)
    ids = [access.as_uuid(person_id) for person_id in person_arg.split(",")]
    return Task.id.in_(links.where(task_person_links.c.person_id.in_(ids)))


def tasks_to_check(uow, caller, args):
    """GET /data/user/tasks-to-check."""
    _checked_args(args)
    query = _filtered(_scoped(task_views.todo_select(), _scope(uow, caller)), args)
    page = crud.int_arg(args, "page", None)
    limit = max(crud.int_arg(args, "limit", 100), 1)
    if page is not None or args.get("order_by") is not None:
        query = query.order_by(*ORDERS.get(args.get("order_by"), NAME_ORDER), Task.id)
    stats = None
    if page is not None:
        page = max(page, 1)
        stats = _stats(uow, query)
        query = query.offset((page - 1) * limit).limit(limit)
    found = [task_views.todo_json(uow, row) for row in uow.session.execute(query).mappings()]
    found = task_lists.attach_assignees(uow, found)
    if page is None:
        return found
    return {"data": found, "stats": stats, "page": page, "limit": limit,
            "is_more": page * limit < stats["total"]}


def _stats(uow, query):
    rows = query.order_by(None).subquery()
    total, duration, estimation = uow.session.execute(sa.select(
        sa.func.count(), sa.func.sum(rows.c.duration), sa.func.sum(rows.c.estimation))).one()
    return {"total": total, "total_duration": duration or 0,
            "total_estimation": estimation or 0}


def filter_values(uow, caller):
    """GET /data/user/tasks-to-check/filter-values: the distinct ids the rows hold."""
    scope = _scope(uow, caller)
    if scope is None:
        return {key: [] for key in NO_VALUES}
    rows = uow.session.execute(_scoped(task_views.todo_select(), scope)).mappings().all()
    found = task_lists.attach_assignees(uow, [task_views.todo_json(uow, row)
                                              for row in rows])
    return {"project_ids": _distinct(task["project_id"] for task in found),
            "task_type_ids": _distinct(task["task_type_id"] for task in found),
            "task_status_ids": _distinct(task["task_status_id"] for task in found),
            "episode_ids": _distinct(task["episode_id"] for task in found),
            "person_ids": _distinct(person for task in found
                                    for person in task["assignees"])}


def _distinct(values):
    return sorted({value for value in values if value})
