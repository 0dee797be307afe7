"""Desktop login logs: when someone opened a desktop session (presence reports), as
Zou keeps them. The person reads theirs, managers and admins anyone's; the person
writes theirs, admins anyone's. Zou emits no event for them: ours is internal
(`internal:desktop-login-log:new`), kept for the log to rebuild the table.
Zou also moves the person's `last_presence`: that field is the auth service's, which
follows the value in the event's payload (presence.py).
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas
from slate_common.db import utcnow

from slate_tasks import access, events, people_access, presence
from slate_tasks.models import DesktopLoginLog

DESKTOP_LOGIN_LOGS = crud.CrudModel(
    name="desktop-login-logs", model=DesktopLoginLog, event=events.DESKTOP_LOGIN_LOG,
    event_data=lambda row: {"desktop_login_log_id": str(row.id)})


def _logs(uow, person_id):
    query = sa.select(DesktopLoginLog).where(DesktopLoginLog.person_id == person_id)
    return [schemas.render(row) for row in uow.session.scalars(
        query.order_by(DesktopLoginLog.date.desc(), DesktopLoginLog.id))]


def _date(body):
    """The body's `date` (a datetime or a day), or now."""
    value = body.get("date") if isinstance(body, dict) else None
    if not value:
        return utcnow()
    try:  # stored to the second, as the log renders it
        return schemas.LenientDateTime().deserialize(value).replace(microsecond=0)
    except Exception:
        raise errors.Invalid("Validation error.", {"errors": [{
            "field": "date", "message": "Value error, Wrong date format. Expected: "
                                        "2020-01-05T13:23:10 or 2020-01-05"}]})


def _log(uow, person_id, date):
    row = crud.insert_row(uow, DESKTOP_LOGIN_LOGS, DesktopLoginLog(
        id=uuid.uuid4(), person_id=person_id, date=date),
        extra=presence.payload(uow, person_id, date.date()))
    return schemas.render(row)


def person_logs(uow, caller, person_id):
    """GET /data/persons/{id}/desktop-login-logs: last first."""
    me = access.current_person(uow, caller)
    if str(me.id) != str(person_id) and me.role not in ("admin", "manager"):
        raise errors.Forbidden()
    return _logs(uow, people_access.person_or_404(uow, caller, person_id).id)


def log_person(uow, caller, person_id, body):
    """POST /data/persons/{id}/desktop-login-logs: 201 with the log."""
    date = _date(body)
    me = access.current_person(uow, caller)
    if str(me.id) != str(person_id) and me.role != "admin":
        raise errors.Forbidden()
    person = people_access.person_or_404(uow, caller, person_id)
    return _log(uow, person.id, date)


def user_logs(uow, caller):
    """GET /data/user/desktop-login-logs."""
    return _logs(uow, access.current_person(uow, caller).id)


def log_user(uow, caller, body):
    """POST /data/user/desktop-login-logs."""
    return _log(uow, access.current_person(uow, caller).id, _date(body))
