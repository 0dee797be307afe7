"""Who the caller is (from the persons read model) and Zou's production access rules.

The caller dict comes from the RPC context; the service adds `refresh_persons` (the
persons follower's catch-up), called once when the caller is not in the read model yet:
a person created a moment ago may be ahead of the follower.
"""
import sqlalchemy as sa

from slate_common import errors, person_model

from slate_catalog.models import Person, Project, project_person_links

STAFF = ("admin", "manager")


def with_refresh(caller, refresh):
    """The caller dict the domain functions take: identity plus the read model's refresh."""
    return None if caller is None else {**caller, "refresh_persons": refresh}


def find_person(uow, person_id, refresh=None):
    """The read model's row for an id (None if unknown), refreshed once on a miss."""
    person = uow.session.get(Person, person_id)
    if person is None and refresh is not None:
        refresh()
        person = uow.session.get(Person, person_id)
    return person


def current_person(uow, caller):
    """The calling person (looked up once per unit of work); 401 when unknown or
    inactive, as Zou answers for a token whose person is gone."""
    return person_model.calling_person(uow, caller, lambda person_id: find_person(
        uow, person_id, caller.get("refresh_persons")))


def require_admin(uow, caller, *args):
    """The calling person if an admin, else 403 (Zou's default for CRUD writes)."""
    return person_model.require_role(current_person(uow, caller), "admin")


def read_any(uow, caller, *args):
    current_person(uow, caller)


def in_team(uow, project_id, person_id):
    return membership(uow, project_id, person_id)[0]


def membership(uow, project_id, person_id):
    """(is this person in the production's team, their role there or None)."""
    found = uow.session.execute(
        sa.select(Project.team_roles)
        .join(project_person_links, project_person_links.c.project_id == Project.id)
        .where(Project.id == project_id, project_person_links.c.person_id == person_id)
    ).first()
    if found is None:
        return False, None
    return True, (found[0] or {}).get(str(person_id))


def _as_member(uow, me, project_id):
    """The caller with their role in this production, or None if not in its team.
    Admins keep their global role everywhere."""
    if me.role == "admin":
        return me
    belongs, role = membership(uow, project_id, me.id)
    return person_model.in_production(me, role) if belongs else None


def check_project_access(uow, caller, project_id):
    """Admins see every production; anyone else only those whose team they are in, with
    their role in that production."""
    me = _as_member(uow, current_person(uow, caller), project_id)
    if me is None:
        raise errors.Forbidden()
    return me


def check_manager_project_access(uow, caller, project_id):
    """Admins, and managers (globally or in this production) of its team, may change it."""
    me = _as_member(uow, current_person(uow, caller), project_id)
    if me is None or me.role not in STAFF:
        raise errors.Forbidden()
    return me


# -- role gates (Zou's permissions.check_manager_permissions, block_access_to_*) --------

def require_manager(uow, caller, *args):
    """Admins and managers (Zou's check_manager_permissions), else 403."""
    me = current_person(uow, caller)
    if me.role not in STAFF:
        raise errors.Forbidden()
    return me


def block_roles(uow, caller, roles):
    """403 for a caller holding one of these roles (Zou's block_access_to_vendor...)."""
    me = current_person(uow, caller)
    if me.role in roles:
        raise errors.Forbidden()
    return me


def departments_of(person):
    return [str(item) for item in (person.profile or {}).get("departments") or []]


def check_all_departments_access(uow, caller, project_id, departments):
    """Zou's check_all_departments_access: admins; team managers; team supervisors when
    the departments are given and every one of theirs is among them."""
    me = _as_member(uow, current_person(uow, caller), project_id)
    if me is not None and me.role in STAFF:
        return me
    mine = departments_of(me) if me is not None else []
    if me is not None and me.role == "supervisor" and departments and (
            not mine or all(item in departments for item in mine)):
        return me
    raise errors.Forbidden()
