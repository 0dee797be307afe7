"""The catalog's read model of persons, fed by the auth service's `person:*` events.

It keeps each person's role, activity and safe profile (what a team listing shows), so
access checks and team views never call auth. `apply_event` is the consumer's handler
(`consumers.catch_up(engine, CONSUMER, apply_event, NAMES)`); it is idempotent.
"""
from slate_common import person_model

from slate_catalog import events
from slate_catalog.models import Person

CONSUMER = "catalog.persons"
NAMES = events.PERSON_EVENTS
MINIMAL_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar",
                  "active", "departments", "studio_id", "role", "desktop_login", "is_bot")
CLIENT_FIELDS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar",
                 "active", "role", "is_bot")


def apply_event(session, event):
    """Apply one `person:new|update|delete` event to catalog.persons."""
    person_model.apply_person_event(session, Person, event)


# -- what each viewer sees of a person (Zou's serialize_safe / present_minimal / client) --

def full_view(person):
    out = dict(person.profile)
    out["full_name"] = person_model.full_name(out)
    out["type"] = "Person"
    return out


def view_for(viewer_role, person):
    """What a viewer of this role sees of a team member."""
    full = full_view(person)
    if viewer_role in ("admin", "manager"):
        return full
    fields = CLIENT_FIELDS if viewer_role == "client" else MINIMAL_FIELDS
    return {key: full.get(key) for key in fields}
