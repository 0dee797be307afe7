"""Consumers of the event log (read models, notifications, webhooks).

A consumer applies events in position order and records its position in the same
transaction as its effect, so a crash loses nothing and applies nothing twice; after
downtime it catches up from the table. RabbitMQ messages only wake it up.
"""
from sqlalchemy import orm

from slate_common import eventstore


def catch_up(engine, consumer, handle, names=None, batch=500):
    """Apply every event after the consumer's position; return how many were applied.

    `handle(session, event)` changes rows through the session; each batch commits with
    the consumer's new position. Replicas of the same consumer serialise on its tracking
    row, so an event is applied once.
    """
    applied = 0
    while True:
        with orm.Session(engine) as session, session.begin():
            connection = session.connection()
            position = eventstore.tracked_position(connection, consumer, lock=True)
            events = eventstore.read(connection, position, batch)
            for event in events:
                if names is None or event["name"] in names:
                    handle(session, event)
            if events:
                eventstore.track(connection, consumer, events[-1]["position"])
        applied += len(events)
        if len(events) < batch:
            return applied
