"""Consumers of the event log (read models, notifications, webhooks).

A consumer applies events in position order and records its position in the same
transaction as its effect, so a crash loses nothing and applies nothing twice; after
downtime it catches up from the table. RabbitMQ messages only wake it up.
"""
from sqlalchemy import orm

from slate_common import eventstore


def applied_event(consumer):
    """The internal event a read model appends once it has applied new events: gateway
    caches of the replies built from that read model listen for it."""
    return eventstore.INTERNAL_PREFIX + "read-model:" + consumer


def catch_up(engine, consumer, handle, names=None, batch=500, announce=False):
    """Apply every event after the consumer's position; return how many were read.

    `handle(session, event)` changes rows through the session; each batch commits with
    the consumer's new position. Replicas of the same consumer serialise on its tracking
    row, so an event is applied once. With `announce`, a batch that applied something
    also appends `applied_event(consumer)` in the same transaction.
    """
    applied = 0
    while True:
        with orm.Session(engine) as session, session.begin():
            connection = session.connection()
            position = eventstore.tracked_position(connection, consumer, lock=True)
            events = eventstore.read(connection, position, batch)
            handled = [event for event in events if names is None or event["name"] in names]
            for event in handled:
                handle(session, event)
            if events:
                eventstore.track(connection, consumer, events[-1]["position"])
            if announce and handled:
                eventstore.append(connection, [eventstore.new_event(
                    applied_event(consumer), {}, {"through": events[-1]["position"]})])
        applied += len(events)
        if len(events) < batch:
            return applied
