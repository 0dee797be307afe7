"""Persons, departments, studios and the organisation as generic CRUD models, with Zou's
rules: who may read and write them, and what each role sees of other people."""
import re
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_auth import access, events, passwords, productions
from slate_auth.models import Department, LoginLog, Organisation, Person, Studio

PERSON_HIDDEN = frozenset({"password", "login_failed_attemps", "last_login_failed"})
MINIMAL_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar",
                  "active", "departments", "studio_id", "role", "desktop_login", "is_bot")
CLIENT_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar",
                 "active", "role", "is_bot")
NON_ADMIN_FILTERS = frozenset({"id", "first_name", "last_name", "full_name", "has_avatar",
                               "active", "departments", "studio_id", "role",
                               "desktop_login", "email", "is_bot", "is_guest"})
PERSON_PROTECTED = frozenset({"id", "totp_enabled", "email_otp_enabled",
                              "fido_enabled", "preferred_two_factor_authentication",
                              "preview_project_id", "preview_opened_at",
                              "preview_open_until", "login_failed_attemps",
                              "last_login_failed"})
SELF_EDIT_DROPPED = frozenset({"role", "departments", "active", "is_bot", "archived",
                               "is_generated_from_ldap", "ldap_uid", "last_presence",
                               "studio_id"})
ORGANISATION_SECRETS = ("chat_token_slack", "chat_webhook_mattermost", "chat_token_discord")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# -- rendering -------------------------------------------------------------------------

def render_person(person, relations=True):
    """Everything but secrets (Zou's serialize_safe); departments as ids with relations.
    `person` is a Person or a Record of one."""
    out = schemas.render(person, PERSON_HIDDEN, relations=relations)
    out["full_name"] = ("%s %s" % (out["first_name"] or "", out["last_name"] or "")).strip()
    return out


def minimal_person(person, relations=False):
    full = render_person(person, relations=True)
    out = {key: full[key] for key in MINIMAL_FIELDS}
    if not relations:
        out["departments"] = []
    return out


def client_person(person):
    full = render_person(person)
    return {key: full[key] for key in CLIENT_FIELDS}


def person_view(viewer, person, relations):
    """What `viewer` sees of `person` (Zou: admins all, clients little, others minimal)."""
    if viewer.role == "admin":
        return render_person(person, relations)
    if viewer.role == "client":
        return client_person(person)
    return minimal_person(person, relations)


# -- validation ------------------------------------------------------------------------

def _check_email(uow, values, row):
    if "email" not in values or values["email"] is None:
        return
    email = values["email"].strip().lower()
    if "@" not in email:
        raise errors.Invalid("An email address must have an @-sign.")
    if not EMAIL.match(email):
        raise errors.Invalid("The email address is not valid.")
    query = sa.select(Person.id).where(sa.func.lower(Person.email) == email,
                                       Person.is_bot.is_(False))
    if row is not None:
        query = query.where(Person.id != row.id)
    if uow.session.scalar(query) is not None:
        raise errors.Invalid("Email already in use.")
    values["email"] = email


def prepare_person(uow, values, row):
    _check_email(uow, values, row)
    if values.get("password"):
        values["password"] = passwords.hash_password(values["password"])
    else:
        values.pop("password", None)
    return values


def check_create_person(uow, caller, body):
    access.require_admin(uow, caller)


def check_update_person(uow, caller, row, body):
    me = access.current_person(uow, caller)
    if me.role != "admin" and me.id != row.id:
        raise errors.Forbidden()


def update_person(uow, caller, person_id, body):
    """PUT a person: admins change anything but secrets; people edit their own profile
    (role, departments, activity… are silently dropped, as Zou does)."""
    me = access.current_person(uow, caller)
    ignore = {"password"} | (SELF_EDIT_DROPPED if me.role != "admin" else set())
    return crud.update_row(uow, PERSONS, caller, person_id, body, ignore=ignore)


def check_delete_person(uow, caller, row):
    me = access.require_admin(uow, caller)
    if me.id == row.id:
        raise errors.Forbidden()


def delete_person(uow, caller, person_id, force):
    """DELETE a person; refused while login logs point at them unless `force`."""
    person = crud.fetch(uow, PERSONS, person_id)
    check_delete_person(uow, caller, person)
    logs = sa.select(LoginLog.id).where(LoginLog.person_id == person.id).limit(1)
    if uow.session.scalar(logs) is not None:
        if not force:
            raise errors.Invalid("Some data are still linked to given person.")
        uow.session.execute(sa.delete(LoginLog).where(LoginLog.person_id == person.id))
    crud.delete_row(uow, PERSONS, caller, person_id)


def _read_any(uow, caller, row):
    access.current_person(uow, caller)


def _admin_write(uow, caller, *args):
    access.require_admin(uow, caller)


def _full_name(values):
    full = sa.func.concat(Person.first_name, " ", Person.last_name)
    return sa.or_(*[sa.func.lower(full) == str(v).lower() for v in values])


def _visible_persons(uow, caller, query):
    """Preview accounts are never listed; a client lists only the people of the teams of
    the open productions they are in (Zou's get_client_team_person_ids)."""
    query = query.where(Person.preview_project_id.is_(None))
    me = access.current_person(uow, caller)
    if me.role == "client":
        query = query.where(Person.id.in_(productions.team_person_ids(uow.session, me.id)))
    return query


PERSONS = crud.CrudModel(
    name="persons", model=Person, event=events.PERSON, hidden=PERSON_HIDDEN,
    order_by=("first_name", "last_name"), protected=PERSON_PROTECTED,
    check_read=_read_any, check_create=check_create_person,
    check_update=check_update_person, check_delete=check_delete_person,
    prepare=prepare_person, render=render_person, filters={"full_name": _full_name},
    list_filter=lambda uow, caller, query: _visible_persons(uow, caller, query))

DEPARTMENTS = crud.CrudModel(
    name="departments", model=Department, event=events.DEPARTMENT, order_by=("name",),
    check_read=_read_any, check_create=_admin_write, check_update=_admin_write,
    check_delete=_admin_write)

STUDIOS = crud.CrudModel(
    name="studios", model=Studio, event=events.STUDIO, order_by=("name",),
    check_read=_read_any, check_create=_admin_write, check_update=_admin_write,
    check_delete=_admin_write)


ORGANISATIONS = crud.CrudModel(
    name="organisations", model=Organisation, event=events.ORGANISATION,
    check_read=_read_any, check_create=_admin_write, check_update=_admin_write,
    check_delete=_admin_write)

MODELS = {spec.name: spec for spec in (PERSONS, DEPARTMENTS, STUDIOS, ORGANISATIONS)}


def spec_for(route):
    """The CrudModel a route row names, or 404 for an unknown one."""
    spec = MODELS.get((route or {}).get("model"))
    if spec is None:
        raise errors.NotFound()
    return spec


# -- reading with each role's view -----------------------------------------------------

def list_persons(uow, caller, query_args):
    """GET /data/persons as the caller may see it (and filter it)."""
    me = access.current_person(uow, caller)
    allowed = None if me.role == "admin" else NON_ADMIN_FILTERS
    return crud.list_rows(uow, PERSONS, caller, query_args, allowed,
                          view=lambda person, relations: person_view(me, person, relations))


def get_person(uow, caller, person_id, query_args):
    me = access.current_person(uow, caller)
    person = crud.read_record(uow, PERSONS, person_id)
    if me.role == "client" and person.id not in productions.team_person_ids(uow.session,
                                                                            me.id):
        raise errors.Forbidden()
    relations = str((query_args or {}).get("relations", "true")).lower() == "true"
    if me.role in access.STAFF:
        return render_person(person, relations)
    return person_view(me, person, relations)


def organisation(uow):
    """The studio's organisation, created with Zou's defaults the first time it is needed."""
    row = uow.session.scalars(sa.select(Organisation).order_by(Organisation.created_at)).first()
    if row is None:
        row = Organisation(id=uuid.uuid4(), name="Kitsu", hours_by_day=8.0)
        uow.session.add(row)
        uow.session.flush()
        uow.emit(events.ORGANISATION_NEW, {"organisation_id": str(row.id)},
                 {"new": crud.snapshot(row)})
    return row


def public_config(uow, settings):
    """Zou's /config body for this deployment: no SSO, no 2FA enforcement, no indexer."""
    return {"is_self_hosted": True, "crisp_token": "",
            "dark_theme_by_default": bool(organisation(uow).dark_theme_by_default),
            "indexer_configured": False, "saml_enabled": False, "saml_idp_name": "",
            "oidc_enabled": False, "oidc_idp_name": "", "default_locale": "en_US",
            "default_timezone": "Europe/Paris", "enforce_2fa": False,
            "preview_accounts_enabled": False}


def organisation_json(row, sensitive):
    out = schemas.render(row)
    if not sensitive:
        for secret in ORGANISATION_SECRETS:
            out.pop(secret, None)
    return out


def visible_organisations(uow, caller, rows):
    """Non-admins never see the chat tokens."""
    if access.current_person(uow, caller).role == "admin":
        return rows
    strip = lambda row: {k: v for k, v in row.items() if k not in ORGANISATION_SECRETS}
    return [strip(row) for row in rows] if isinstance(rows, list) else strip(rows)


# -- departments of a person -----------------------------------------------------------

def _department(uow, department_id):
    department = uow.session.get(Department, _department_uuid(department_id))
    if department is None:
        raise errors.Invalid("Department ID matches no department")
    return department


def _department_uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "department_id", "message": "Input should be a valid UUID"}]})


def add_department(uow, caller, person_id, department_id):
    """Put a person in a department (admin); emits person:update. Returns the person."""
    access.require_admin(uow, caller)
    person = crud.fetch(uow, PERSONS, person_id)
    department = _department(uow, department_id)
    if department not in person.departments:
        crud.record_update(uow, PERSONS, person,
                           lambda: person.departments.append(department))
    return render_person(person)


def remove_department(uow, caller, person_id, department_id):
    access.require_admin(uow, caller)
    person = crud.fetch(uow, PERSONS, person_id)
    department = _department(uow, department_id)
    if department in person.departments:
        crud.record_update(uow, PERSONS, person,
                           lambda: person.departments.remove(department))


def department_persons(uow, caller, department_id):
    me = access.current_person(uow, caller)
    department = crud.fetch(uow, DEPARTMENTS, department_id)
    query = (sa.select(Person).join(Person.departments).where(Department.id == department.id)
             .order_by(Person.first_name, Person.last_name))
    return [person_view(me, person, True) for person in uow.session.scalars(query)]
