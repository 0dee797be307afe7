"""Who the caller is and what their role lets them do (Zou's rules for auth data)."""
from slate_common import errors

from slate_auth.models import Person

STAFF = ("admin", "manager")


def current_person(uow, caller):
    """The calling person, or 401 when the token's person is gone or inactive."""
    if not caller:
        raise errors.Unauthorized()
    person = uow.session.get(Person, _uuid(caller["person_id"]))
    if person is None or not person.active:
        raise errors.Unauthorized("User not found or inactive")
    return person


def require_role(uow, caller, *roles):
    """The calling person if their role is one of `roles`, else 403."""
    person = current_person(uow, caller)
    if person.role not in roles:
        raise errors.Forbidden()
    return person


def require_admin(uow, caller):
    return require_role(uow, caller, "admin")


def is_self(caller, person_id):
    return caller is not None and str(caller["person_id"]) == str(person_id)


def _uuid(value):
    import uuid
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise errors.Unauthorized()
