"""A person's `last_presence`, moved as Zou moves it when a time spent is created or a
desktop login logged (persons_service.update_person_last_presence). Both are the tasks
service's: their events carry the value Zou computes (`last_presence` in the payload:
the later of the person's last login day and last time spent day), and this follower
sets it with Zou's `person:update`, in the same transaction as its position. Replaying
the log rebuilds it from that `person:update`.
"""
import datetime
import uuid

from slate_common import consumers, crud, db

from slate_auth import people
from slate_auth.models import Person

CONSUMER = "auth.presence"
NAMES = ("time-spent:new", "internal:desktop-login-log:new")


def apply_event(session, event):
    """Set the person's last presence to the event's, if it moves."""
    payload = event["payload"] or {}
    day, row = payload.get("last_presence"), payload.get("new") or {}
    person = row.get("person_id") and session.get(Person, uuid.UUID(row["person_id"]))
    if not day or person is None:
        return
    uow = db.UnitOfWork(session, actor_id=event.get("actor_id"))
    crud.record_update(uow, people.PERSONS, person, lambda: setattr(
        person, "last_presence", datetime.date.fromisoformat(day)))
    consumers.emit(session, uow.pending)
