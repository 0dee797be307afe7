"""A service's local read model of the auth service's persons, written once.

Any service keeping a `persons` table (columns `id`, `role`, `active`, `profile` JSONB)
fed by `person:new|update|delete` passes its model to `apply_person_event`; it is
idempotent. Secrets never reach the read model. `calling_person` finds the caller in it;
`in_production` and `production_role` apply a member's role in one production (Zou's
project_person_link.role), the same way in every service.
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


# -- roles per production (Zou's resolve_project_role) ---------------------------------

class InProduction:
    """A person as seen in one production: their role there replaces the global one,
    everything else is the person's (equal to the person, so `me in task.assignees`
    still holds)."""

    def __init__(self, person, role):
        self._person, self.role = person, role

    def __getattr__(self, name):
        return getattr(self._person, name)

    def __eq__(self, other):
        return self._person == getattr(other, "_person", other)

    def __hash__(self):
        return hash(self._person)


def in_production(person, role):
    """The person with `role`, the role on their team link of a production (None: none
    set). Admins keep admin everywhere, and a link cannot make anyone admin."""
    if person.role == "admin" or role in (None, "admin"):
        return person
    return InProduction(person, role)


def production_role(global_role, link_role):
    """SQL of the role a person holds in a production, from their global role column and
    their team link's role column (NULL without a link or a role set): `in_production`'s
    rule, for queries over many people or productions at once."""
    return sa.case((sa.or_(global_role == "admin", link_role.is_(None), link_role == "admin"),
                    global_role), else_=link_role)
