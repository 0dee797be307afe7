"""The append-only event log: one table, written in the writer's own transaction.

Positions are gap-free and commit-ordered: `append` takes an EXCLUSIVE lock on the table
(readers are not blocked, other appenders wait) and numbers rows max+1, so a writer can only
commit positions above every committed one, and a reader that has seen N has seen all <= N.
The lock is held from append to commit, so units of work append last, just before commit.
Consumers record their position in `events.tracking` in the same transaction as their effect.
"""
import datetime
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB, UUID

SCHEMA = "events"
NOTIFY_CHANNEL = "slate_events"
INTERNAL_PREFIX = "internal:"

metadata = sa.MetaData(schema=SCHEMA)

events = sa.Table(
    "events", metadata,
    sa.Column("position", sa.BigInteger, primary_key=True, autoincrement=False),
    sa.Column("id", UUID(as_uuid=True), nullable=False, unique=True),
    sa.Column("name", sa.String(80), nullable=False, index=True),
    sa.Column("actor_id", UUID(as_uuid=True)),
    sa.Column("project_id", UUID(as_uuid=True), index=True),
    sa.Column("created_at", sa.DateTime, nullable=False, index=True),
    sa.Column("data", JSONB, nullable=False),
    sa.Column("payload", JSONB, nullable=False),
)

tracking = sa.Table(
    "tracking", metadata,
    sa.Column("consumer", sa.String(120), primary_key=True),
    sa.Column("position", sa.BigInteger, nullable=False),
)


def new_event(name, data, payload=None, actor_id=None, project_id=None):
    """An event not yet stored: Zou's public `data` and the full-state `payload`."""
    return {
        "id": uuid.uuid4(), "name": name, "actor_id": actor_id,
        "project_id": project_id, "data": data, "payload": payload or {},
        "created_at": datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None),
    }


def append(connection, pending):
    """Store pending events in the caller's transaction; return their positions."""
    if not pending:
        return []
    connection.execute(sa.text("LOCK TABLE events.events IN EXCLUSIVE MODE"))
    head = connection.execute(
        sa.select(sa.func.coalesce(sa.func.max(events.c.position), 0))).scalar_one()
    rows = [{**event, "position": head + index}
            for index, event in enumerate(pending, start=1)]
    connection.execute(events.insert(), rows)
    connection.execute(sa.text("SELECT pg_notify(:channel, :position)"),
                       {"channel": NOTIFY_CHANNEL, "position": str(rows[-1]["position"])})
    return [row["position"] for row in rows]


def read(connection, after, limit=500, names=None):
    """Committed events with position > after, in order."""
    query = (sa.select(events).where(events.c.position > after)
             .order_by(events.c.position).limit(limit))
    if names:
        query = query.where(events.c.name.in_(list(names)))
    return [dict(row._mapping) for row in connection.execute(query)]


def head(connection):
    """The highest committed position (0 for an empty log)."""
    return connection.execute(
        sa.select(sa.func.coalesce(sa.func.max(events.c.position), 0))).scalar_one()


def tracked_position(connection, consumer, lock=False):
    """A consumer's last applied position (0 if new); lock=True serialises its replicas."""
    query = sa.select(tracking.c.position).where(tracking.c.consumer == consumer)
    if not lock:
        return connection.execute(query).scalar() or 0
    position = connection.execute(query.with_for_update()).scalar()
    if position is None:  # a new consumer: make the row to lock, once
        connection.execute(
            sa.text("INSERT INTO events.tracking (consumer, position) VALUES (:c, 0) "
                    "ON CONFLICT (consumer) DO NOTHING"), {"c": consumer})
        position = connection.execute(query.with_for_update()).scalar()
    return position or 0


def track(connection, consumer, position):
    """Record a consumer's position, in the same transaction as its effect."""
    connection.execute(
        sa.text("INSERT INTO events.tracking (consumer, position) VALUES (:c, :p) "
                "ON CONFLICT (consumer) DO UPDATE SET position = EXCLUDED.position"),
        {"c": consumer, "p": position})


def to_wire(event):
    """An event row as the JSON the relay publishes."""
    return {
        "position": event["position"], "id": str(event["id"]), "name": event["name"],
        "actor_id": _str(event["actor_id"]), "project_id": _str(event["project_id"]),
        "created_at": event["created_at"].strftime("%Y-%m-%dT%H:%M:%S"),
        "data": event["data"], "payload": event["payload"],
    }


def to_zou(event):
    """The public, Zou-shaped view of an event (what /data/events/last serves)."""
    return {
        "id": str(event["id"]), "name": event["name"],
        "created_at": event["created_at"].strftime("%Y-%m-%dT%H:%M:%S"),
        "user_id": _str(event["actor_id"]), "project_id": _str(event["project_id"]),
        "data": event["data"],
    }


def is_public(name):
    return not name.startswith(INTERNAL_PREFIX)


def _str(value):
    return None if value is None else str(value)
