"""Zou's rules for reading and writing someone's time sheet and day offs, from the
persons read model (departments, bots) and the production teams.

- Someone's time spents: admins and the person see all of them; the team's managers
  and supervisors see those of the open productions they are in (supervisors: of
  their departments' task types); anyone else nothing (403).

Every role here is the one held in the production at hand (`access.member`'s rule): a
supervisor there reads as a supervisor, whatever their global role.
- Someone's day offs: admins, the person, and managers in a team with them read them
  whole; supervisors in a team with them, supervising a department of theirs (any,
  without departments), read the dates only; anyone else nothing (403).
- Writing a day off: admins and the person.
"""
import dataclasses

import sqlalchemy as sa

from slate_common import errors

from slate_tasks import access
from slate_tasks.models import Person, Project, Task, TaskType, team_links

LEADS = ("manager", "supervisor")


def person_or_404(uow, caller, person_id):
    """The person from the read model, or 404 (a malformed id too)."""
    person = access.person_or_none(uow, caller, person_id)
    if person is None:
        raise errors.NotFound()
    return person


def check_not_bot(uow, person, project_id=None):
    """Bots keep no time sheet, unless the production welcomes bots (Zou's rule)."""
    if not person.profile.get("is_bot"):
        return
    project = project_id and uow.session.get(Project, project_id)
    if project is None or not project.row.get("is_bot_collaboration_enabled"):
        raise errors.Forbidden()


def departments(person):
    return person.profile.get("departments") or []


@dataclasses.dataclass
class Scope:
    """What a reader may see of time spents: all (`projects` None), or the tasks of
    these productions (a select of ids) that meet `condition` (SQL on `Task`)."""
    projects: object = None
    condition: object = None


def time_sheet_scope(uow, caller, person_id):
    """The scope of someone's time spents this caller reads, or 403."""
    me = access.current_person(uow, caller)
    person = person_or_404(uow, caller, person_id)
    check_not_bot(uow, person)
    if me.role == "admin" or me.id == person.id:
        return Scope()
    scope = lead_scope(uow, caller, me)
    if scope is None:
        raise errors.Forbidden()
    return scope


def lead_scope(uow, caller, me):
    """What a non-admin leads, None if nothing: the open productions where they are a
    manager, and where they are a supervisor, the task types of their departments (any,
    without departments)."""
    if not access.holds_somewhere(uow, caller, me, LEADS):
        return None
    mine = [access.as_uuid(department, None) for department in departments(me)]
    supervised = Task.project_id.in_(access.open_team_projects(me.id, ("supervisor",)))
    if any(mine):
        supervised = sa.and_(supervised, Task.task_type_id.in_(sa.select(TaskType.id).where(
            TaskType.department_id.in_([department for department in mine if department]))))
    return Scope(access.open_team_projects(me.id, LEADS), sa.or_(
        Task.project_id.in_(access.open_team_projects(me.id, ("manager",))), supervised))


def shared_projects(me_id, person_id):
    """Ids of the productions whose team holds both persons."""
    mine = sa.select(team_links.c.project_id).where(team_links.c.person_id == me_id)
    return sa.select(team_links.c.project_id).where(
        team_links.c.person_id == person_id, team_links.c.project_id.in_(mine))


def supervises(uow, me, person):
    """A supervisor without departments supervises everybody; else those sharing one."""
    mine = set(departments(me))
    return not mine or bool(mine & set(departments(person)))


def day_off_reading(uow, caller, person_id):
    """True: the caller reads this person's day offs whole; False: the dates only."""
    me = access.current_person(uow, caller)
    person = person_or_404(uow, caller, person_id)
    check_not_bot(uow, person)
    if me.role == "admin" or me.id == person.id:
        return True
    shared = access.refreshed(uow, caller, lambda: uow.session.scalars(
        shared_projects(me.id, person.id)).all())
    roles = access.production_roles(uow, me)
    held = {roles.get(project_id) for project_id in shared}
    if "manager" in held:
        return True
    if "supervisor" in held and supervises(uow, me, person):
        return False
    raise errors.Forbidden()


def readable_day_off_persons(uow, caller):
    """{person id: whole?} of everyone whose day offs the caller reads; None: all."""
    me = access.current_person(uow, caller)
    if me.role == "admin":
        return None
    readable = {me.id: True}
    leads = {project_id: role for project_id, role in
             access.production_roles(uow, me).items() if role in LEADS}
    if not leads:
        return readable
    mates = uow.session.execute(sa.select(team_links.c.project_id, Person).join(
        team_links, team_links.c.person_id == Person.id).where(
        team_links.c.project_id.in_(leads))).all()
    for project_id, mate in mates:
        if leads[project_id] == "manager":
            readable[mate.id] = True
        elif supervises(uow, me, mate):
            readable.setdefault(mate.id, False)
    return readable


def check_day_off_write(uow, caller, person_id):
    """Admins and the person themself write a day off."""
    me = access.current_person(uow, caller)
    if me.role != "admin" and str(me.id) != str(person_id):
        raise errors.Forbidden()
    return me
