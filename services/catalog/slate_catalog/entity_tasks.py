"""The tasks of each entity, known without asking the tasks service: a read model fed by
its `task:new` ({"new": task row}), `task:update` ({"id", "changes"}) and `task:delete`
({"old": task row}) events, applied as `slate rebuild` applies the log.

Zou cancels instead of deleting an asset, shot, edit or concept that has tasks; the
catalog reads that here. An asset's or shot's page lists its tasks as Zou's boards do
(`tasks_json`). `apply_event` is the follower's handler; it is idempotent.
"""
import uuid

import sqlalchemy as sa

from slate_common import projections, schemas, task_fields

from slate_catalog import events
from slate_catalog.models import EntityTask

NAMES = events.TASK_EVENTS


def apply_event(session, event):
    """Record a new task, change it, or forget a deleted one (updates of tasks older
    than the read model are skipped)."""
    payload = event["payload"] or {}
    if "changes" in payload and session.get(EntityTask, uuid.UUID(payload["id"])) is None:
        return
    projections.apply(session, lambda name: EntityTask, event)


def has_tasks(uow, entity_id):
    return uow.session.scalar(sa.select(EntityTask.id).where(
        EntityTask.entity_id == entity_id).limit(1)) is not None


def _field(row, name):
    if name == "is_subscribed":
        return False   # subscriptions are not served yet: no one is subscribed
    if name == "assignees":
        return list(row.assignees or [])
    if name == "priority":
        return row.priority or 0
    return schemas.to_json(getattr(row, name))


def tasks_json(uow, entity_id, fields, client=False):
    """The entity's tasks as Zou's boards render them (`fields`, a client's blank)."""
    rows = uow.session.scalars(sa.select(EntityTask).where(
        EntityTask.entity_id == entity_id).order_by(EntityTask.created_at))
    blanks = task_fields.CLIENT_BLANKS if client else {}
    return [{name: (list(blanks[name]) if name == "assignees" else blanks[name])
             if name in blanks else _field(row, name) for name in fields} for row in rows]
