"""Consumers of the event log (read models, notifications, webhooks).

A consumer applies events in position order and records its position in the same
transaction as its effect, so a crash loses nothing and applies nothing twice; after
downtime it catches up from the table. RabbitMQ messages only wake it up.
"""
from sqlalchemy import orm

from slate_common import eventstore

PENDING = "slate.pending_events"


def applied_event(consumer):
    """The internal event a read model appends once it has applied new events: gateway
    caches of the replies built from that read model listen for it."""
    return eventstore.INTERNAL_PREFIX + "read-model:" + consumer


def emit(session, events):
    """Store events a handler raises: inside `catch_up` they are appended once, after the
    whole batch (the log's lock is then held only from that append to the commit, not
    while the rest of the batch is applied); elsewhere (a rebuild) at once."""
    pending = session.info.get(PENDING)
    if pending is None:
        eventstore.append(session.connection(), events)
    else:
        pending.extend(events)


def catch_up(engine, consumer, handle, names=None, batch=500, announce=False):
    """Apply every event after the consumer's position; return how many were read.

    `handle(session, event)` changes rows through the session (and raises events with
    `emit`); each batch commits with the consumer's new position. Replicas of the same
    consumer serialise on its tracking row, so an event is applied once. With `announce`,
    a batch that applied something also appends `applied_event(consumer)`.
    """
    applied = 0
    while True:
        with orm.Session(engine) as session, session.begin():
            connection = session.connection()
            position = eventstore.tracked_position(connection, consumer, lock=True)
            events = eventstore.read(connection, position, batch)
            handled = [event for event in events if names is None or event["name"] in names]
            pending = session.info[PENDING] = []
            for event in handled:
                handle(session, event)
            del session.info[PENDING]
            if events:
                eventstore.track(connection, consumer, events[-1]["position"])
            if announce and handled:
                pending.append(eventstore.new_event(
                    applied_event(consumer), {}, {"through": events[-1]["position"]}))
            session.flush()
            eventstore.append(connection, pending)
        applied += len(events)
        if len(events) < batch:
            return applied
