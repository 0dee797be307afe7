"""Reading the event log the way Zou's /data/events routes do (public events only).

Admins see every event; managers see their productions' events only (project-less
events are hidden from them, as in Zou), their teams coming from the read model of the
catalog's productions (`productions.py`). A manager is one in the production: the role
set for them in its team replaces their global one, so a manager of one production
reads its events whatever their global role, and not those of a production where they
are something else.
"""
import datetime
import math
import re
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, eventstore

from slate_auth import access, productions
from slate_auth.models import LoginLog

events = eventstore.events
FILE_EVENTS = ("preview-file:add-file", "organisation:set-thumbnail", "person:set-thumbnail",
               "project:set-thumbnail")
MAX_LIMIT = 1000
NAME_PART = re.compile(r"[a-z0-9-]+")


def _many(query, key):
    value = query.get(key)
    if value in (None, ""):
        return []
    return value if isinstance(value, list) else [value]


def _date(query, name):
    raw = query.get(name)
    if not raw:
        return None
    for layout in ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(str(raw), layout)
        except ValueError:
            pass
    raise errors.Invalid("Wrong date format for %s argument.Expected format: "
                         "2020-01-05T13:23:10 or 2020-01-05" % name)


def _limit(query):
    try:
        return min(int(query.get("limit") or 100), MAX_LIMIT)
    except ValueError:
        raise errors.Invalid("Wrong value for parameter limit.")


def _uuid(value, message):
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise errors.Invalid(message)


def _public(select):
    return select.where(~events.c.name.startswith(eventstore.INTERNAL_PREFIX))


def _name_filters(select, query):
    for key, pattern in (("name_prefixes", "%s:%%"), ("name_suffixes", "%%:%s")):
        parts = _many(query, key)
        if any(not NAME_PART.fullmatch(str(p)) for p in parts):
            raise errors.Invalid("The %s parameter contains an invalid value" % key)
        if parts:
            select = select.where(sa.or_(*[events.c.name.like(pattern % p) for p in parts]))
    if query.get("name"):
        select = select.where(events.c.name == query["name"])
    if query.get("only_files") == "true":
        select = select.where(events.c.name.in_(FILE_EVENTS))
    return select


def _scope(uow, select, query, me):
    project_id = None
    if query.get("project_id"):
        project_id = _uuid(query["project_id"], "The project_id parameter is not a valid id")
        select = select.where(events.c.project_id == project_id)
    if me.role != "admin":
        mine = productions.project_ids_of(uow.session, me.id, roles=access.STAFF)
        if project_id is not None and project_id not in mine:
            raise errors.Forbidden()
        select = select.where(events.c.project_id.in_(mine))
    person_ids = [_uuid(p, "The person_ids parameter contains an invalid id")
                  for p in _many(query, "person_ids")]
    if person_ids:
        select = select.where(events.c.actor_id.in_(person_ids))
    return select


def _cursor(uow, select, query):
    if not query.get("cursor_event_id"):
        return select
    event_id = _uuid(query["cursor_event_id"], "The cursor_event_id parameter is not a valid id")
    position = uow.session.scalar(sa.select(events.c.position).where(events.c.id == event_id))
    if position is None:
        raise errors.Invalid("No event found with id: %s" % event_id)
    return select.where(events.c.position < position)


def last_events(uow, caller, query):
    """GET /data/events/last: newest first, Zou's filters, at most 1000."""
    me = _check_manager(uow, caller)
    select = _public(sa.select(events))
    if _date(query, "after"):
        select = select.where(events.c.created_at > _date(query, "after"))
    if _date(query, "before"):
        select = select.where(events.c.created_at < _date(query, "before"))
    select = _cursor(uow, _scope(uow, _name_filters(select, query), query, me), query)
    select = select.order_by(events.c.position.desc()).limit(_limit(query))
    return [eventstore.to_zou(dict(row._mapping)) for row in uow.session.execute(select)]


def _check_manager(uow, caller):
    """The caller if an admin, or a manager globally or in one production at least;
    else 403."""
    me = access.current_person(uow, caller)
    if me.role not in access.STAFF and not productions.project_ids_of(
            uow.session, me.id, roles=access.STAFF):
        raise errors.Forbidden()
    return me


def event_names(uow, caller):
    _check_manager(uow, caller)
    select = _public(sa.select(events.c.name).distinct()).order_by(events.c.name)
    return list(uow.session.scalars(select))


def _crud_json(row):
    out = eventstore.to_zou(row)
    return {**out, "updated_at": out["created_at"], "type": "ApiEvent"}


def list_events(uow, caller, query):
    """GET /data/events (admins): oldest first, Zou's column filters and pages."""
    access.require_admin(uow, caller)
    select = _public(sa.select(events))
    if query.get("name"):
        select = select.where(events.c.name == query["name"])
    for key, column in (("project_id", events.c.project_id), ("user_id", events.c.actor_id)):
        if query.get(key):
            select = select.where(column == _uuid(query[key], "Invalid UUID value: %s"
                                                  % query[key]))
    select = select.order_by(events.c.position)
    if "page" not in query:
        rows = uow.session.execute(select.limit(MAX_LIMIT))
        return [_crud_json(dict(r._mapping)) for r in rows]
    page, limit = crud.int_arg(query, "page", 1), crud.int_arg(query, "limit", 0) or 100
    total = uow.session.scalar(sa.select(sa.func.count()).select_from(select.subquery()))
    rows = [] if page < 1 else uow.session.execute(
        select.offset((page - 1) * limit).limit(limit))
    return {"data": [_crud_json(dict(r._mapping)) for r in rows], "total": total,
            "nb_pages": math.ceil(total / limit), "limit": limit,
            "offset": max(page - 1, 0) * limit, "page": page}


def get_event(uow, caller, event_id):
    access.require_admin(uow, caller)
    select = _public(sa.select(events).where(events.c.id == crud.parse_id(event_id)))
    row = uow.session.execute(select).first()
    if row is None:
        raise errors.NotFound()
    return _crud_json(dict(row._mapping))


def last_login_logs(uow, caller, query):
    """GET /data/events/login-logs/last (admins): newest first."""
    access.require_admin(uow, caller)
    select = sa.select(LoginLog)
    if _date(query, "after"):
        select = select.where(LoginLog.created_at > _date(query, "after"))
    if _date(query, "before"):
        select = select.where(LoginLog.created_at < _date(query, "before"))
    person_ids = [_uuid(p, "The person_ids parameter contains an invalid id")
                  for p in _many(query, "person_ids")]
    if person_ids:
        select = select.where(LoginLog.person_id.in_(person_ids))
    if query.get("cursor_login_log_id"):
        cursor = uow.session.get(LoginLog, _uuid(query["cursor_login_log_id"],
                                 "The cursor_login_log_id parameter is not a valid id"))
        if cursor is None:
            raise errors.Invalid("No login log found with id: %s" % query["cursor_login_log_id"])
        select = select.where(LoginLog.created_at < cursor.created_at)
    select = select.order_by(LoginLog.created_at.desc()).limit(_limit(query))
    return [{"id": str(log.id), "created_at": log.created_at.strftime("%Y-%m-%dT%H:%M:%S"),
             "ip_address": log.ip_address, "person_id": str(log.person_id),
             "origin": log.origin} for log in uow.session.scalars(select)]
