"""Who the caller is and Zou's access rules for tasks, from the local read models.

The caller dict comes from the RPC context; the service adds `refresh` (both read models'
catch-up), called once when something the request names is not in a read model yet: a
person, team member or entity created a moment ago may be ahead of the followers.

Roles are per production (Zou's project_person_link.role, the catalog's `team_roles`):
inside a production, the role set for a member there replaces their global one, and
admins stay admins. `member` gives the caller as seen in one production; listings over
many productions read `production_roles` once, and queries over other people `role_in`.
"""
import uuid

import sqlalchemy as sa

from slate_common import errors, person_model

from slate_tasks.models import Entity, Person, Project, ProjectStatus, Task, team_links, \
    task_person_links

STAFF = ("admin", "manager")
OPEN_NAMES = ("Active", "open", "Open")


def with_refresh(caller, refresh):
    """The caller dict the domain functions take: identity plus the read models' refresh."""
    return None if caller is None else {**caller, "refresh": refresh}


def refreshed(uow, caller, lookup):
    """`lookup()`, retried once after catching the read models up when it finds nothing."""
    found = lookup()
    if not found and (caller or {}).get("refresh") and not uow.memo.get("refreshed"):
        uow.memo["refreshed"] = True
        caller["refresh"]()
        uow.session.expire_all()
        uow.memo.pop("production_roles", None)
        found = lookup()
    return found


def current_person(uow, caller):
    """The calling person; 401 when unknown or inactive."""
    return person_model.calling_person(uow, caller, lambda person_id: refreshed(
        uow, caller, lambda: uow.session.get(Person, person_id)))


def require_admin(uow, caller, *args):
    return person_model.require_role(current_person(uow, caller), "admin")


def read_any(uow, caller, *args):
    current_person(uow, caller)


def member(uow, caller, me, project_id):
    """`me` as seen in this production, None when not in its team: the role set for them
    there replaces their global one (Zou's resolve_project_role); admins stay admins
    everywhere. Every role check inside a production reads the role of this."""
    if me.role == "admin":
        return me
    query = sa.select(team_links.c.role).where(
        team_links.c.project_id == project_id, team_links.c.person_id == me.id)
    found = refreshed(uow, caller, lambda: uow.session.execute(query).first())
    return None if found is None else person_model.in_production(me, found[0])


def check_project_access(uow, caller, project_id):
    """Admins see every production; anyone else only those whose team they are in, with
    their role there."""
    me = member(uow, caller, current_person(uow, caller), project_id)
    if me is None:
        raise errors.Forbidden()
    return me


def check_manager_project_access(uow, caller, project_id):
    """Admins, and managers (globally or in this production) of its team, may change it."""
    me = check_project_access(uow, caller, project_id)
    if me.role not in STAFF:
        raise errors.Forbidden()
    return me


def production_roles(uow, me):
    """{production id: the role this person (their row, not `member`'s view) holds
    there} for every production whose team they are in (`member`'s rule, one query per
    unit of work): for listings over many productions, which must not ask per row."""
    known = uow.memo.setdefault("production_roles", {})
    if me.id not in known:
        links = uow.session.execute(sa.select(team_links.c.project_id, team_links.c.role)
                                    .where(team_links.c.person_id == me.id))
        known[me.id] = {project_id: person_model.in_production(me, role).role
                        for project_id, role in links}
    return known[me.id]


def holds_somewhere(uow, caller, me, roles):
    """Whether the person holds one of `roles` in a production whose team they are in
    (the read models caught up once when not: they may have joined a moment ago)."""
    return refreshed(uow, caller, lambda: bool(
        set(roles) & set(production_roles(uow, me).values())))


def role_in(person, project_id_column):
    """SQL of the role a person (`Person` or an alias of it, in the query) holds in the
    production of each row (`member`'s rule; their global role outside its team): for
    queries reading other people's roles, such as the authors of comments."""
    link = sa.select(team_links.c.role).where(
        team_links.c.person_id == person.id,
        team_links.c.project_id == project_id_column).scalar_subquery()
    return person_model.production_role(person.role, link)


def check_entity_access(uow, person, entity_id):
    """Vendors reach only the entities they have a task assigned on (Zou's rule)."""
    if person.role != "vendor":
        return
    query = sa.select(Task.id).join(task_person_links, task_person_links.c.task_id == Task.id) \
        .where(Task.entity_id == entity_id, task_person_links.c.person_id == person.id)
    if uow.session.scalar(query.limit(1)) is None:
        raise errors.Forbidden()


def block_vendors_and_clients(person):
    if person.role in ("vendor", "client"):
        raise errors.Forbidden()


def open_team_projects(person_id, roles=None):
    """Ids of the open productions whose team this person is in (Zou's related projects);
    with `roles`, only those where the role they hold (`member`'s rule) is one of them."""
    query = (sa.select(team_links.c.project_id)
             .join(Project, Project.id == team_links.c.project_id)
             .join(ProjectStatus, ProjectStatus.id == Project.project_status_id)
             .where(team_links.c.person_id == person_id,
                    ProjectStatus.name.in_(OPEN_NAMES)))
    if roles is None:
        return query
    return query.join(Person, Person.id == team_links.c.person_id).where(
        person_model.production_role(Person.role, team_links.c.role).in_(roles))


def project_or_404(uow, caller, project_id):
    """The production from the read model, or 404 (a malformed id too, as Zou)."""
    row_id = as_uuid(project_id, errors.NotFound)
    project = refreshed(uow, caller, lambda: uow.session.get(Project, row_id))
    if project is None:
        raise errors.NotFound()
    return project


def entity_or_404(uow, caller, entity_id, exception=errors.NotFound):
    """The entity from the read model, or `exception`."""
    row_id = as_uuid(entity_id, exception)
    entity = refreshed(uow, caller, lambda: uow.session.get(Entity, row_id))
    if entity is None:
        raise exception()
    return entity


def person_or_none(uow, caller, person_id):
    row_id = as_uuid(person_id, None)
    if row_id is None:
        return None
    return refreshed(uow, caller, lambda: uow.session.get(Person, row_id))


def as_uuid(value, exception=errors.MalformedId):
    """A UUID, or `exception` raised (None returned when `exception` is None)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        if exception is None:
            return None
        raise exception()
