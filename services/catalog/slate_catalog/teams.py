"""A production's team and its linked settings (asset types, status automations): Zou's
project settings routes.

Each change emits `project:update` with the changed list as [old, new], like any
project update, so the log rebuilds the links.
"""
import uuid

from slate_common import crud, errors

from slate_catalog import access, persons, projects
from slate_catalog.models import EntityType, Person

PROJECT_ROLES = ("user", "supervisor", "manager", "client", "vendor")


def project_or_404(uow, project_id):
    """The production, or 404 (a malformed id is a 404 here too, as in Zou)."""
    try:
        return crud.fetch(uow, projects.PROJECTS, project_id)
    except errors.MalformedId:
        raise errors.NotFound()


def required_id(body, key):
    """A required non-empty string field of a settings body, or Zou's validation 400."""
    value = body.get(key) if isinstance(body, dict) else None
    if value is None:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": key, "message": "Field required"}]})
    if not isinstance(value, str) or not value:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": key, "message": "String should have at least 1 character"}]})
    return value


def uuid_or_none(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def get_or_none(uow, model, raw_id):
    """The row with this id, or None for a missing or malformed id."""
    row_id = uuid_or_none(raw_id)
    return uow.session.get(model, row_id) if row_id else None


def change_project(uow, project, change):
    crud.record_update(uow, projects.PROJECTS, project, change, project_id=project.id)


def project_json(project):
    return projects.render_project(project, relations=False)


# -- team ------------------------------------------------------------------------------

def get_team(uow, caller, project_id):
    """GET /data/projects/{id}/team: each member as the caller's role may see them."""
    project = project_or_404(uow, project_id)
    me = access.check_project_access(uow, caller, project.id)
    members = sorted(project.team, key=lambda person: (
        person.profile.get("first_name") or "", person.profile.get("last_name") or ""))
    roles = project.team_roles or {}
    return [{**persons.view_for(me.role, member), "project_role": roles.get(str(member.id))}
            for member in members]


def _check_role(role):
    if role is None:
        return
    if role == "admin":
        raise errors.Invalid("admin is a global role and cannot be set per project")
    if role not in PROJECT_ROLES:
        raise errors.Invalid("%s is not a role" % role)


def add_team_member(uow, caller, project_id, body):
    """POST /data/projects/{id}/team {person_id}: 201 with the project (no relations)."""
    person_id = required_id(body, "person_id")
    project = project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    _check_role(body.get("role"))
    person_uuid = uuid_or_none(person_id)
    person = person_uuid and access.find_person(uow, person_uuid,
                                                (caller or {}).get("refresh_persons"))
    if person is None:
        raise errors.Invalid("Person with id %s not found" % person_id)
    role = body.get("role")

    def join():
        if person not in project.team:
            project.team.append(person)
        if role is not None:
            project.team_roles = {**(project.team_roles or {}), str(person.id): role}
    change_project(uow, project, join)
    return project_json(project)


def set_team_member_role(uow, caller, project_id, person_id, body):
    """PUT /data/projects/{id}/team/{person_id} {role}: the member's role in this
    production (null: back to their global role); emits project:update."""
    project = project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    if not isinstance(body, dict) or (body.get("role") is not None
                                      and not isinstance(body.get("role"), str)):
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "role", "message": "Input should be a valid string"}]})
    role = body.get("role")
    _check_role(role)
    person = get_or_none(uow, Person, person_id)
    if person is None or person not in project.team:
        raise errors.Invalid("Person is not a member of the project team")
    roles = {key: value for key, value in (project.team_roles or {}).items()
             if key != str(person.id)}
    if role is not None:
        roles[str(person.id)] = role
    change_project(uow, project, lambda: setattr(project, "team_roles", roles))
    return {"project_id": str(project.id), "person_id": str(person.id), "role": role}


def remove_team_member(uow, caller, project_id, person_id):
    """DELETE /data/projects/{id}/team/{person_id}: a no-op when not a member."""
    project = project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    person = get_or_none(uow, Person, person_id)
    if person is not None and person in project.team:
        def leave():
            project.team.remove(person)
            project.team_roles = {key: value for key, value in
                                  (project.team_roles or {}).items() if key != str(person.id)}
        change_project(uow, project, leave)


# -- asset types -----------------------------------------------------------------------

def add_setting(uow, caller, project_id, body, key, relation, model):
    """POST /data/projects/{id}/settings/<relation> {key}: link a row to the production
    (a no-op when linked); 201 with the project."""
    item_id = required_id(body, key)
    project = project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    item = get_or_none(uow, model, item_id)
    if item is None:
        raise errors.Invalid("%s with id %s not found" % (model.__name__, item_id))
    crud.set_link(uow, projects.PROJECTS, project, relation, item, project_id=project.id)
    return project_json(project)


def remove_setting(uow, caller, project_id, relation, model, item_id):
    """DELETE /data/projects/{id}/settings/<relation>/{id}: a no-op when not linked."""
    project = project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    item = get_or_none(uow, model, item_id)
    if item is not None:
        crud.set_link(uow, projects.PROJECTS, project, relation, item, linked=False,
                      project_id=project.id)


def add_asset_type(uow, caller, project_id, body):
    """POST /data/projects/{id}/settings/asset-types {asset_type_id}."""
    return add_setting(uow, caller, project_id, body, "asset_type_id", "asset_types",
                       EntityType)


def remove_asset_type(uow, caller, project_id, asset_type_id):
    """DELETE /data/projects/{id}/settings/asset-types/{asset_type_id}."""
    remove_setting(uow, caller, project_id, "asset_types", EntityType, asset_type_id)
