"""A person's notifications, as Zou's user_service serves them (the rows themselves are
written by the projection, notification_feed.py).

- GET /data/user/notifications: the caller's last 100, newest first, each with its
  production, task type, comment (text, status, mentions, first preview), reply, the
  entity's full name and the caller's subscription to the task; filters `after`,
  `before` (dates), `task_type_id`, `task_status_id`, `type`, `read`, `watching`.
  An artist does not see the text of a client's comment.
- GET /data/user/notifications/{id}: one of them (404 for anyone else's).
- PUT /data/user/notifications/{id} {read}: `notification:read` / `:unread`.
- POST /actions/user/notifications/mark-all-as-read: `notification:all-read`.
- GET /data/projects/{id}/notifications (admins; `page`), and the generic CRUD (admins).
"""
import datetime
import math

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import crud, errors, schemas
from slate_common.db import utcnow

from slate_tasks import access, comment_context, entity_names, events
from slate_tasks.models import Notification, Person, Project, Subscription, Task

LAST = 100
Author = orm.aliased(Person, name="author")
Reader = orm.aliased(Person, name="reader")


def _event_data(row):
    return {"notification_id": str(row.id), "person_id": str(row.person_id)}


NOTIFICATIONS = crud.CrudModel(
    name="notifications", model=Notification, event=events.NOTIFICATION,
    check_read=access.require_admin, check_create=access.require_admin,
    check_update=access.require_admin, check_delete=access.require_admin,
    event_data=_event_data)


def _listing(me):
    """The person's last notifications; the author's and the reader's roles are the
    ones they hold in the task's production."""
    return (sa.select(Notification.__table__, Project.id.label("project_id"),
                      Project.name.label("project_name"), Task.task_type_id,
                      Task.entity_id.label("task_entity_id"),
                      Subscription.id.label("subscription_id"),
                      access.role_in(Author, Task.project_id).label("author_role"),
                      access.role_in(Reader, Task.project_id).label("reader_role"))
            .join(Reader, Reader.id == Notification.person_id)
            .join(Author, Author.id == Notification.author_id)
            .outerjoin(Task, Task.id == Notification.task_id)
            .outerjoin(Project, Project.id == Task.project_id)
            .outerjoin(Subscription, sa.and_(Subscription.task_id == Task.id,
                                             Subscription.person_id == me.id))
            .where(Notification.person_id == me.id)
            .order_by(Notification.created_at.desc(), Notification.id).limit(LAST))


def _date(value):
    try:
        return datetime.datetime.fromisoformat(str(value).replace("Z", ""))
    except ValueError:
        raise errors.Invalid("Wrong date format for after or before.")


def _uuid_arg(name, value):
    if access.as_uuid(value, None) is None:
        raise errors.Invalid("Invalid UUID format for %s: %s" % (name, value))
    return access.as_uuid(value)


def _flag(value):
    word = str(value).lower()
    return word in crud.TRUE_WORDS


def _filtered(query, args):
    """Zou's filters of the listing (absent or empty: not applied)."""
    conditions = {
        "after": lambda v: Notification.created_at > _date(v),
        "before": lambda v: Notification.created_at < _date(v),
        "task_type_id": lambda v: Task.task_type_id == _uuid_arg("task_type_id", v),
        "task_status_id": lambda v: Task.task_status_id == _uuid_arg("task_status_id", v),
        "type": lambda v: Notification.notification_type == v,
        "read": lambda v: Notification.read.is_(_flag(v)),
        "watching": lambda v: (Subscription.id.is_not(None) if _flag(v)
                               else Subscription.id.is_(None)),
    }
    for name, condition in conditions.items():
        value = args.get(name)
        if value not in (None, ""):
            query = query.where(condition(value))
    return query


def _reply(row, replies):
    if row["notification_type"] not in ("reply", "reply-mention"):
        return {}
    return next((reply for reply in replies if reply.get("id") == str(row["reply_id"])), {})


def _serialize(row, comments, names, me):
    comment = comment_context.context(comments.get(str(row["comment_id"]), {}))
    reply = _reply(row, comment.pop("replies"))
    full_name, episode_id, preview_id = names.get(str(row["task_entity_id"]), ("", None, None))
    hidden = row["author_role"] == "client" and row["reader_role"] == "user"
    found = {key: schemas.to_json(row[key]) for key in (
        "id", "author_id", "comment_id", "task_id", "task_type_id", "project_id",
        "project_name", "created_at", "read", "change", "subscription_id", "playlist_id")}
    return {**found, "type": "Notification", "notification_type": row["notification_type"],
            **comment, "comment_text": "" if hidden else comment["comment_text"],
            "reply_text": "" if hidden else reply.get("text", ""),
            "reply_mentions": reply.get("mentions") or [],
            "reply_department_mentions": reply.get("department_mentions") or [],
            "full_entity_name": full_name, "episode_id": schemas.to_json(episode_id),
            "entity_preview_file_id": preview_id, "playlist_name": "",
            "playlist_for_entity": "", "playlist_is_for_all": False}


def last_notifications(uow, caller, args, notification_id=None):
    """GET /data/user/notifications (or one of them)."""
    me = access.current_person(uow, caller)
    query = _filtered(_listing(me), args)
    if notification_id is not None:
        query = query.where(Notification.id == notification_id)
    rows = uow.session.execute(query).mappings().all()
    comments = comment_context.comment_rows(uow.session, {row["comment_id"] for row in rows})
    names = entity_names.full_names(uow.session, {row["task_entity_id"] for row in rows})
    return [_serialize(row, comments, names, me) for row in rows]


def notification(uow, caller, notification_id):
    """GET /data/user/notifications/{notification_id}."""
    found = last_notifications(uow, caller, {}, access.as_uuid(notification_id, errors.NotFound))
    if not found:
        raise errors.NotFound()
    return found[0]


def set_read(uow, caller, notification_id, body):
    """PUT /data/user/notifications/{notification_id} {read}: the notification."""
    read = body.get("read") if isinstance(body, dict) else None
    if not isinstance(read, bool):
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "read", "message": "Input should be a valid boolean"}]})
    me = access.current_person(uow, caller)
    row = crud.owned_or_404(uow, Notification, notification_id, person_id=me.id)
    event = events.NOTIFICATION_READ if read else events.NOTIFICATION_UNREAD
    crud.record_update(uow, NOTIFICATIONS, row, lambda: setattr(row, "read", read),
                       event=event)
    return schemas.render(row)


def mark_all_as_read(uow, caller):
    """POST /actions/user/notifications/mark-all-as-read."""
    me = access.current_person(uow, caller)
    unread = uow.session.scalars(sa.select(Notification).where(
        Notification.person_id == me.id, Notification.read.is_(False))).all()
    for row in unread:
        row.read, row.updated_at = True, utcnow()
    uow.session.flush()
    uow.emit(events.NOTIFICATION_ALL_READ, {"person_id": str(me.id)},
             {"new": [crud.snapshot(row) for row in unread]})
    return {"success": True}


def project_notifications(uow, caller, project_id, args):
    """GET /data/projects/{project_id}/notifications (admins): all, or a `page`."""
    access.require_admin(uow, caller)
    project = access.project_or_404(uow, caller, project_id)
    query = (sa.select(Notification).join(Task, Task.id == Notification.task_id)
             .where(Task.project_id == project.id)
             .order_by(Notification.updated_at.desc(), Notification.id))
    page = crud.int_arg(args, "page", 0)
    if page < 1:
        return [schemas.render(row) for row in uow.session.scalars(query)]
    total = uow.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    offset = (page - 1) * crud.PAGE_SIZE
    rows = uow.session.scalars(query.offset(offset).limit(crud.PAGE_SIZE))
    return {"data": [schemas.render(row) for row in rows], "total": total,
            "nb_pages": math.ceil(total / crud.PAGE_SIZE), "limit": crud.PAGE_SIZE,
            "offset": offset, "page": page}
