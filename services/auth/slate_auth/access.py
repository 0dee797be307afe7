"""Who the caller is and what their role lets them do (Zou's rules for auth data)."""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors

from slate_auth.models import Person

STAFF = ("admin", "manager")


def current_person(uow, caller):
    """The calling person as a read-only Record (looked up once per unit of work, without
    the ORM); 401 when the token's person is gone or inactive, as Zou answers."""
    if not caller:
        raise errors.Unauthorized()
    person = uow.memo.get("caller")
    if person is None:
        table = Person.__table__
        found = crud.read_records(uow, Person, sa.select(table).where(
            table.c.id == _uuid(caller["person_id"])), relations=False)
        if not found or not found[0].active:
            raise errors.InactiveUser()
        person = uow.memo["caller"] = found[0]
    return person


def current_person_row(uow, caller):
    """The calling person as an ORM row, for the flows that change it."""
    return uow.session.get(Person, current_person(uow, caller).id)


def require_role(uow, caller, *roles):
    """The calling person if their role is one of `roles`, else 403."""
    person = current_person(uow, caller)
    if person.role not in roles:
        raise errors.Forbidden()
    return person


def require_admin(uow, caller):
    return require_role(uow, caller, "admin")


def _uuid(value):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise errors.Unauthorized()
