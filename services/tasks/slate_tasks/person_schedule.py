"""People's tasks as the team schedule reads them (Zou's schedule_service and
todos_service):

- GET /data/persons/task-dates: per active person assigned to tasks, the first start and
  last due date of their tasks — in one production (`project_id`), or in the open
  productions the caller's teams hold (admins: every open production). Managers and
  supervisors also see, as anonymous merged `busy_periods`, the dated tasks people have in
  the other open productions; artists and below are refused (roles held in each
  production: a supervisor of one production sees its dates in detail).
- GET /data/persons/{id}/related-tasks/{task_type_id}: the tasks of that type on the
  entities of open productions the person has a task assigned on (vendors: their own
  only).
"""
import sqlalchemy as sa

from slate_common import errors

from slate_tasks import access, people_access, task_lists
from slate_tasks.models import Person, Project, ProjectStatus, Task, task_person_links

SUPERVISORS = ("admin", "manager", "supervisor")


def _open_projects():
    return (sa.select(Project.id)
            .join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
            .where(ProjectStatus.name.in_(access.OPEN_NAMES)))


def _assigned(*columns):
    return (sa.select(Person.id, *columns)
            .join(task_person_links, task_person_links.c.person_id == Person.id)
            .join(Task, Task.id == task_person_links.c.task_id)
            .where(Person.active.is_(True)))


def _scope(uow, caller, project_id):
    """(productions shown in detail, productions shown as busy periods or None)."""
    project_id = (project_id or "").strip() or None
    project_uuid = None
    if project_id is not None:
        project_uuid = access.as_uuid(project_id, lambda: errors.Invalid("Invalid project_id."))
    me = access.current_person(uow, caller)
    if me.role == "admin":
        return ([project_uuid] if project_uuid else _open_projects()), None
    if project_uuid is not None:
        access.project_or_404(uow, caller, project_id)
        lead = access.member(uow, caller, me, project_uuid)
        if lead is None or lead.role not in SUPERVISORS:
            raise errors.Forbidden()
        return [project_uuid], None
    if not access.holds_somewhere(uow, caller, me, SUPERVISORS):
        raise errors.Forbidden()
    mine = access.open_team_projects(me.id, SUPERVISORS)
    return mine, _open_projects().where(Project.id.notin_(mine))


def task_dates(uow, caller, args):
    detailed, busy = _scope(uow, caller, args.get("project_id"))
    query = (_assigned(sa.func.min(Task.start_date), sa.func.max(Task.due_date))
             .where(Task.project_id.in_(detailed)).group_by(Person.id))
    entries = {str(person_id): {"person_id": str(person_id), "min_date": _iso(first),
                                "max_date": _iso(last), "busy_periods": []}
               for person_id, first, last in uow.session.execute(query)}
    if busy is not None:
        _add_busy_periods(uow, entries, busy)
    return list(entries.values())


def _iso(value):
    return value.isoformat() if value is not None else None


def _add_busy_periods(uow, entries, projects):
    query = _assigned(Task.start_date, Task.due_date).where(
        Task.project_id.in_(projects), Task.start_date.isnot(None), Task.due_date.isnot(None))
    intervals = {}
    for person_id, start, end in uow.session.execute(query):
        intervals.setdefault(str(person_id), []).append((start, end))
    for person_id, periods in intervals.items():
        entry = entries.setdefault(person_id, {"person_id": person_id, "min_date": None,
                                               "max_date": None, "busy_periods": []})
        entry["busy_periods"] = [{"start_date": str(start), "end_date": str(end)}
                                 for start, end in _merged(periods)]


def _merged(intervals):
    """Overlapping periods as one: the count and split of the work stay hidden."""
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def related_tasks(uow, caller, person_id, task_type_id):
    person = people_access.person_or_404(uow, caller, person_id)
    people_access.check_not_bot(uow, person)
    me = access.current_person(uow, caller)
    if person.id != me.id and me.role == "vendor":
        raise errors.Forbidden()
    task_type = access.as_uuid(task_type_id, errors.NotFound)
    entities = (sa.select(Task.entity_id)
                .join(task_person_links, task_person_links.c.task_id == Task.id)
                .where(task_person_links.c.person_id == person.id,
                       Task.project_id.in_(_open_projects())))
    query = (sa.select(Task.__table__).where(Task.entity_id.in_(entities),
                                             Task.task_type_id == task_type)
             .order_by(Task.created_at))
    return [task_lists.task_json(row) for row in uow.session.execute(query).mappings()]
