"""Which entities have tasks, known without asking the tasks service: a read model fed by
its `task:new` ({"new": task row}) and `task:delete` ({"old": task row}) events.

Zou cancels instead of deleting an asset, shot, edit or concept that has tasks; the
catalog reads that here. `apply_event` is the follower's handler; it is idempotent.
"""
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from slate_catalog import events
from slate_catalog.models import EntityTask

CONSUMER = "catalog.entity-tasks"
NAMES = events.TASK_EVENTS


def apply_event(session, event):
    """Record a new task's entity, or forget a deleted task."""
    payload = event["payload"] or {}
    if event["name"] == events.TASK_NEW:
        task = payload["new"]
        insert = postgresql.insert(EntityTask).values(
            id=uuid.UUID(task["id"]), entity_id=uuid.UUID(task["entity_id"]))
        session.execute(insert.on_conflict_do_nothing(index_elements=[EntityTask.id]))
    else:
        session.execute(sa.delete(EntityTask).where(
            EntityTask.id == uuid.UUID(payload["old"]["id"])))


def has_tasks(uow, entity_id):
    return uow.session.scalar(sa.select(EntityTask.id).where(
        EntityTask.entity_id == entity_id).limit(1)) is not None
