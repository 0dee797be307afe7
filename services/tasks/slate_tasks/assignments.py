"""Assigning people to tasks and clearing assignations (Zou's rules).

Who may assign a person to a task: admins; in the production's team, managers,
supervisors (without departments, or of the task type's department sharing one with the
person), and an artist assigning themself to a task of their department. Unassigning is
the same, except that an assignee may always remove themself. Tasks the caller may not
change are skipped in the bulk routes, as Zou skips them. Each change emits
`task:update` and, per person, `task:assign` / `task:unassign` (tasks.py).

Zou also adds the assignee to the production's team: the team is the catalog's, so that
part is not done here (it is left to the catalog, following `task:assign`).
"""
from slate_common import crud, errors, schemas

from slate_tasks import access, tasks
from slate_tasks.models import TaskType


def _departments(person):
    return person.profile.get("departments") or []


def _task_department(uow, task):
    task_type = uow.session.get(TaskType, task.task_type_id)
    return str(task_type.department_id) if task_type.department_id else None


def may_assign(uow, caller, task, person):
    """Zou's check_task_department_access, with the caller's role in the production."""
    me = access.member(uow, caller, access.current_person(uow, caller), task.project_id)
    if me is None:
        return False
    if me.role in access.STAFF:
        return True
    department, mine = _task_department(uow, task), _departments(me)
    if me.role == "supervisor" and (not mine or (
            department in mine and set(_departments(person)) & set(mine))):
        return True
    return department in mine and person.id == me.id


def may_unassign(uow, caller, task, person_id):
    """Zou's check_task_department_access_for_unassign, with the caller's role in the
    production."""
    me = access.member(uow, caller, access.current_person(uow, caller), task.project_id)
    if me is None:
        return False
    mine = _departments(me)
    if me.role in access.STAFF or (me.role == "supervisor" and (
            not mine or _task_department(uow, task) in mine)):
        return True
    return me in task.assignees and person_id == str(me.id)


def assign_person(uow, caller, task, person):
    """Assign a person to a task (checked by the caller), with its events; the task."""
    me = access.current_person(uow, caller)
    before = {member.id for member in task.assignees}

    def change():
        if person not in task.assignees:
            task.assignees.append(person)
        task.assigner_id = me.id
    crud.record_update(uow, tasks.TASKS, task, change)
    tasks.announce_assignments(uow, task, before)
    return schemas.render(task)


def _assignee(uow, caller, person_id):
    person = access.person_or_none(uow, caller, person_id)
    if person is None:
        raise errors.Invalid("Assignee doesn't exist in database.")
    return person


def assign_tasks_to_person(uow, caller, person_id, body):
    """PUT /actions/persons/{id}/assign {task_ids}: the tasks assigned."""
    task_ids = tasks.task_ids_of(body)
    person = _assignee(uow, caller, person_id)
    assigned = []
    for task_id in task_ids:
        task = tasks.task_or_none(uow, task_id)
        if task is not None and may_assign(uow, caller, task, person):
            assigned.append(assign_person(uow, caller, task, person))
    return assigned


def assign_task(uow, caller, task_id, body):
    """PUT /actions/tasks/{id}/assign {person_id}: the task."""
    task = crud.fetch(uow, tasks.TASKS, task_id)
    person_id = body.get("person_id") if isinstance(body, dict) else None
    if not person_id:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "person_id", "message": "Field required"}]})
    person = _assignee(uow, caller, person_id)
    if not may_assign(uow, caller, task, person):
        raise errors.Forbidden()
    return assign_person(uow, caller, task, person)


def clear_assignations(uow, caller, body):
    """PUT /actions/tasks/clear-assignation {task_ids, person_id?}: the ids of the tasks
    cleared (of that person, or of everyone)."""
    task_ids = tasks.task_ids_of(body)
    person_id = body.get("person_id")
    cleared = []
    for task_id in task_ids:
        task = tasks.task_or_none(uow, task_id)
        if task is None or not may_unassign(uow, caller, task, person_id):
            continue
        before = {member.id for member in task.assignees}
        kept = [member for member in task.assignees
                if person_id is not None and str(member.id) != str(person_id)]
        crud.record_update(uow, tasks.TASKS, task, lambda: setattr(task, "assignees", kept))
        tasks.announce_assignments(uow, task, before)
        cleared.append(str(task.id))
    return cleared

