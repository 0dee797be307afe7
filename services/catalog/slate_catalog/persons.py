"""The catalog's read model of persons, fed by the auth service's `person:*` events.

It keeps each person's role, activity and safe profile (what a team listing shows), so
access checks and team views never call auth. `apply_event` is the consumer's handler
(`consumers.catch_up(engine, CONSUMER, apply_event, NAMES)`); it is idempotent.
"""
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from slate_catalog import events
from slate_catalog.models import Person

CONSUMER = "catalog.persons"
NAMES = events.PERSON_EVENTS
SECRETS = frozenset({"password", "login_failed_attemps", "last_login_failed"})
MINIMAL_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar",
                  "active", "departments", "studio_id", "role", "desktop_login", "is_bot")
CLIENT_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar",
                 "active", "role", "is_bot")


def apply_event(session, event):
    """Apply one `person:new|update|delete` event to catalog.persons."""
    payload = event["payload"] or {}
    kind = event["name"].split(":", 1)[1]
    if kind == "new":
        _upsert(session, payload["new"])
    elif kind == "update":
        _update(session, payload)
    elif kind == "delete":
        session.execute(sa.delete(Person).where(Person.id == uuid.UUID(payload["old"]["id"])))


def _safe(row):
    return {key: value for key, value in row.items() if key not in SECRETS}


def _upsert(session, row):
    values = {"id": uuid.UUID(row["id"]), "role": row.get("role") or "user",
              "active": row.get("active") is not False, "profile": _safe(row)}
    insert = postgresql.insert(Person).values(values)
    session.execute(insert.on_conflict_do_update(
        index_elements=[Person.id], set_={key: insert.excluded[key]
                                          for key in ("role", "active", "profile")}))


def _update(session, payload):
    """Changes of a person we never saw (made before the log existed) are skipped."""
    person = session.get(Person, uuid.UUID(payload["id"]))
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


# -- what each viewer sees of a person (Zou's serialize_safe / present_minimal / client) --

def full_view(person):
    out = dict(person.profile)
    out["full_name"] = ("%s %s" % (out.get("first_name") or "",
                                   out.get("last_name") or "")).strip()
    out["type"] = "Person"
    return out


def view_for(viewer_role, person):
    """What a viewer of this role sees of a team member."""
    full = full_view(person)
    if viewer_role in ("admin", "manager"):
        return full
    fields = CLIENT_FIELDS if viewer_role == "client" else MINIMAL_FIELDS
    return {key: full.get(key) for key in fields}
