"""A service's local read model of the auth service's persons, written once.

Any service keeping a `persons` table (columns `id`, `role`, `active`, `profile` JSONB)
fed by `person:new|update|delete` passes its model to `apply_person_event`; it is
idempotent. Secrets never reach the read model. `calling_person` finds the caller in it.
"""
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from slate_common import errors

NAMES = ("person:new", "person:update", "person:delete")
SECRETS = frozenset({"password", "login_failed_attemps", "last_login_failed"})


def apply_person_event(session, model, event):
    """Apply one `person:*` event to `model`'s table."""
    payload = event["payload"] or {}
    kind = event["name"].split(":", 1)[1]
    if kind == "new":
        _upsert(session, model, payload["new"])
    elif kind == "update":
        _update(session, model, payload)
    elif kind == "delete":
        session.execute(sa.delete(model).where(model.id == uuid.UUID(payload["old"]["id"])))


def _upsert(session, model, row):
    values = {"id": uuid.UUID(row["id"]), "role": row.get("role") or "user",
              "active": row.get("active") is not False,
              "profile": {key: value for key, value in row.items() if key not in SECRETS}}
    insert = postgresql.insert(model).values(values)
    session.execute(insert.on_conflict_do_update(
        index_elements=[model.id], set_={key: insert.excluded[key]
                                         for key in ("role", "active", "profile")}))


def _update(session, model, payload):
    """Changes of a person we never saw (made before the log existed) are skipped."""
    person = session.get(model, uuid.UUID(payload["id"]))
    if person is None:
        return
    new = {key: pair[1] for key, pair in payload["changes"].items() if key not in SECRETS}
    profile = {**person.profile, **new}
    if payload.get("updated_at"):
        profile["updated_at"] = payload["updated_at"]
    person.profile = profile
    if "role" in new:
        person.role = new["role"]
    if "active" in new:
        person.active = new["active"] is not False


def full_name(profile):
    return ("%s %s" % (profile.get("first_name") or "",
                       profile.get("last_name") or "")).strip()


def calling_person(uow, caller, find):
    """The calling person, looked up once per unit of work with `find(person_id)`; 401
    when unknown or inactive, as Zou answers for a token whose person is gone."""
    if not caller:
        raise errors.Unauthorized()
    person = uow.memo.get("caller")
    if person is None:
        try:
            person_id = uuid.UUID(str(caller["person_id"]))
        except ValueError:
            raise errors.Unauthorized()
        person = find(person_id)
        if person is None or not person.active:
            raise errors.InactiveUser()
        uow.memo["caller"] = person
    return person


def require_role(person, *roles):
    """The person if their role is one of these, else 403."""
    if person.role not in roles:
        raise errors.Forbidden()
    return person
