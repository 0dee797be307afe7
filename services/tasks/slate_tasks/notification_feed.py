"""The notifications projection: a consumer of the event log (`tasks.notifications`)
that turns what happens to tasks into notification rows, as Zou's notifications_service
does from its request handlers (which never write them here).

- `task:assign` -> an `assignation` for the assignee (not when they assigned themself);
- `comment:new` -> a `comment` for the task's assignees, its subscribers and the
  subscribers of its shot's sequence for its task type; a `mention` for each person
  mentioned and each member of a mentioned department in the production's team; never
  for the author. `change` is true when the same commit changed the task's status;
- `comment:reply` -> a `reply` for the same people, the comment's author and the
  comment's other repliers; `reply-mention` for the reply's mentions;
- `comment:delete` / `comment:delete-reply` -> their notifications deleted.
Each row created emits `notification:new` {notification_id, person_id} (payload: the row)
in the consumer's transaction, for socket.io listeners; each row deleted,
`notification:delete`. Notification ids derive from the source event's id, the person
and the type, so applying an event twice changes nothing, and `rebuild` (which applies
the read marks too, without announcing) gives back the same rows.
"""
import datetime
import logging
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from slate_common import consumers, eventstore, schemas

from slate_tasks import comment_context, events, subscriptions
from slate_tasks.models import Entity, Notification, Person, Task, team_links

log = logging.getLogger(__name__)
CONSUMER = "tasks.notifications"
NAMES = events.NOTIFYING_EVENTS
READ_MARKS = (events.NOTIFICATION_READ, events.NOTIFICATION_UNREAD,
              events.NOTIFICATION_ALL_READ)
NAMESPACE = uuid.UUID("5b0f4a36-53a4-4bb0-9a53-0f3b5c1f7a11")
SAME_COMMIT = 10  # positions around a comment searched for its status change


class Feed:
    """Writes the notifications one source event raises."""

    def __init__(self, session, event, announce):
        self.session, self.event, self.announce = session, event, announce

    def notify(self, person_ids, kind, author_id, task, **fields):
        """One notification of `kind` per known person (the author excepted)."""
        known = set(self.session.scalars(sa.select(Person.id).where(
            Person.id.in_([_uuid(p) for p in person_ids if _uuid(p)]))))
        for person_id in sorted(known - {_uuid(author_id)}, key=str):
            self._insert(person_id, kind, _uuid(author_id), task, fields)

    def _insert(self, person_id, kind, author_id, task, fields):
        created_at = self.event["created_at"].replace(microsecond=0)
        values = {"id": uuid.uuid5(NAMESPACE, "%s:%s:%s" % (self.event["id"], person_id, kind)),
                  "person_id": person_id, "author_id": author_id, "task_id": task.id,
                  "notification_type": kind, "read": False, "change": False,
                  "comment_id": None, "reply_id": None, "playlist_id": None,
                  "created_at": created_at, "updated_at": created_at,
                  **{key: _uuid(value) if key.endswith("_id") else value
                     for key, value in fields.items()}}
        inserted = self.session.execute(
            postgresql.insert(Notification).values(values).on_conflict_do_nothing()
            .returning(Notification.id)).scalar()
        if inserted is not None and self.announce:
            self._emit(events.NOTIFICATION_NEW, _row(values), "new", task.project_id)

    def delete(self, condition):
        rows = self.session.scalars(sa.select(Notification).where(condition)).all()
        for row in rows:
            old = schemas.render(row)
            self.session.delete(row)
            if self.announce:
                self._emit(events.NOTIFICATION_DELETE, old, "old", None)
        self.session.flush()

    def _emit(self, name, row, key, project_id):
        """Append `name` for a notification row ({"new": row} or {"old": row})."""
        data = {"notification_id": row["id"], "person_id": row["person_id"]}
        consumers.emit(self.session, [eventstore.new_event(
            name, data, {key: row}, actor_id=self.event.get("actor_id"),
            project_id=project_id)])


def _uuid(value):
    """A UUID, or None for a missing or malformed id (an event the feed cannot place)."""
    if value is None or isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _task(session, task_id):
    task_id = _uuid(task_id)
    return None if task_id is None else session.get(Task, task_id)


def _row(values):
    return schemas.render(schemas.Record(Notification, values))


# -- what each event raises ------------------------------------------------------------

def on_assign(feed, data, payload):
    task = _task(feed.session, data.get("task_id"))
    if task is None or not data.get("person_id"):
        return
    author_id = feed.event.get("actor_id") or task.assigner_id
    if author_id is not None:
        feed.notify([data["person_id"]], "assignation", author_id, task)


def _recipients(session, task):
    """The task's assignees and followers (Zou's get_notification_recipients)."""
    entity = session.get(Entity, task.entity_id)
    assignees = {person.id for person in task.assignees}
    return assignees | subscriptions.followers(session, task, entity and entity.parent_id)


def mentioned(session, project_id, message):
    """The persons a comment or reply mentions, by name or through their department
    (members of the production's team)."""
    found = set(message.get("mentions") or [])
    departments = {str(item) for item in message.get("department_mentions") or []}
    if departments:
        team = session.scalars(sa.select(Person).join(
            team_links, team_links.c.person_id == Person.id).where(
            team_links.c.project_id == project_id))
        found |= {str(person.id) for person in team
                  if departments & set(person.profile.get("departments") or [])}
    return found


def on_comment(feed, data, payload):
    comment = payload.get("new") or {}
    task = _task(feed.session, data.get("task_id") or comment.get("object_id"))
    comment_id = data.get("comment_id") or comment.get("id")
    author_id = comment.get("person_id") or data.get("person_id") or feed.event["actor_id"]
    if task is None or comment_id is None or author_id is None:
        return
    # The comments service says whether the comment changed the status; other writers
    # (imports, the generic CRUD) leave it out: then the log around the comment tells.
    change = payload["change"] if "change" in payload else _status_changed(feed, task)
    feed.notify(_recipients(feed.session, task), "comment", author_id, task,
                comment_id=comment_id, change=bool(change))
    feed.notify(mentioned(feed.session, task.project_id, comment), "mention", author_id,
                task, comment_id=comment_id)


def _status_changed(feed, task):
    """Whether the commit of this comment also logged `task:status-changed` for its task:
    events of one commit are adjacent in the log, so a status change of the task by the
    same person near this comment, with no other comment on the task in between."""
    position, task_id = feed.event.get("position") or 0, str(task.id)
    change, other = eventstore.events.alias("change"), eventstore.events.alias("other")
    between = sa.and_(
        other.c.name == events.COMMENT_NEW, other.c.data["task_id"].astext == task_id,
        other.c.position > sa.func.least(change.c.position, position),
        other.c.position < sa.func.greatest(change.c.position, position))
    query = sa.select(change.c.position).where(
        change.c.name == events.TASK_STATUS_CHANGED,
        change.c.position.between(position - SAME_COMMIT, position + SAME_COMMIT),
        change.c.data["task_id"].astext == task_id,
        change.c.actor_id.is_not_distinct_from(feed.event.get("actor_id")),
        ~sa.exists().where(between))
    return feed.session.connection().execute(query.limit(1)).first() is not None


def on_reply(feed, data, payload):
    task = _task(feed.session, data.get("task_id"))
    comment, reply = comment_context.reply_of(feed.session, data, payload)
    if task is None or reply is None or not reply.get("person_id"):
        return
    author_id, comment_id = reply["person_id"], data.get("comment_id") or comment.get("id")
    recipients = {str(person_id) for person_id in _recipients(feed.session, task)}
    recipients |= {item.get("person_id") for item in comment.get("replies") or []}
    recipients.add(comment.get("person_id"))
    fields = {"comment_id": comment_id, "reply_id": reply["id"]}
    feed.notify(recipients, "reply", author_id, task, **fields)
    feed.notify(mentioned(feed.session, task.project_id, reply), "reply-mention",
                author_id, task, **fields)


def on_comment_deleted(feed, data, payload):
    comment_id = _uuid(data.get("comment_id") or (payload.get("old") or {}).get("id"))
    if comment_id is not None:
        feed.delete(Notification.comment_id == comment_id)


def on_reply_deleted(feed, data, payload):
    reply_id = _uuid(data.get("reply_id"))
    if reply_id is not None:
        feed.delete(Notification.reply_id == reply_id)


def on_read_mark(feed, data, payload):
    """Only when rebuilding: the read flags the person set, in log order."""
    if feed.event["name"] == events.NOTIFICATION_ALL_READ:
        marks = [(row["id"], True, row.get("updated_at")) for row in payload.get("new") or []]
    else:
        marks = [(data.get("notification_id"), feed.event["name"] == events.NOTIFICATION_READ,
                  payload.get("updated_at"))]
    for notification_id, read, updated_at in marks:
        values = {"read": read}
        if updated_at:
            values["updated_at"] = datetime.datetime.strptime(updated_at,
                                                              schemas.DATETIME_FORMAT)
        feed.session.execute(sa.update(Notification).where(
            Notification.id == _uuid(notification_id)).values(values))


HANDLERS = {events.TASK_ASSIGN: on_assign, events.COMMENT_NEW: on_comment,
            events.COMMENT_REPLY: on_reply, events.COMMENT_DELETE: on_comment_deleted,
            events.COMMENT_DELETE_REPLY: on_reply_deleted,
            **{name: on_read_mark for name in READ_MARKS}}


def apply_event(session, event, announce=True):
    """Apply one followed event (the EventFollower's handler). An event whose data the
    feed cannot read is logged and skipped rather than blocking the consumer."""
    try:
        with session.begin_nested():
            HANDLERS[event["name"]](Feed(session, event, announce), event["data"] or {},
                                    event["payload"] or {})
            session.flush()
    except (AttributeError, KeyError, TypeError, ValueError):
        log.exception("%s: skipped event %s (%s)", CONSUMER, event["position"], event["name"])


def rebuild(engine):
    """Empty the notifications and apply the whole log again, quietly (no event is
    appended); the consumer's position ends at the log's head."""
    with engine.begin() as connection:
        connection.execute(sa.delete(Notification))
        eventstore.track(connection, CONSUMER, 0)
    return consumers.catch_up(engine, CONSUMER,
                              lambda session, event: apply_event(session, event, False),
                              NAMES + READ_MARKS)
