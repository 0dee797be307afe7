"""The relay: publishes committed events to RabbitMQ, in position order, at least once.

Woken by PostgreSQL NOTIFY (delivered only on commit) and by a short poll. It publishes a
batch with publisher confirms, then records its position in `events.tracking` in the
transaction that read the batch. A crash after commit and before publish loses nothing (the
table is the truth); a crash after publish and before tracking republishes the batch, in the
same order: consumers drop positions they have already applied. One relay is active per
database (a PostgreSQL advisory lock); other replicas wait as standbys.
"""
import json
import logging
import select
import threading

import kombu
import kombu.exceptions
import psycopg2
from sqlalchemy import exc as sa_exc

from slate_common import db, eventstore

log = logging.getLogger(__name__)
CONSUMER = "relay"
EXCHANGE = kombu.Exchange("slate.events", type="topic", durable=True)
ADVISORY_KEY = 0x51A7E  # any constant shared by every relay replica


def publish_batch(engine, producer, limit=500):
    """Publish events after the relay's position; return how many were published."""
    with engine.begin() as connection:
        position = eventstore.tracked_position(connection, CONSUMER, lock=True)
        batch = eventstore.read(connection, position, limit)
        for event in batch:
            producer.publish(
                json.dumps(eventstore.to_wire(event)), exchange=EXCHANGE,
                routing_key=event["name"], content_type="application/json",
                declare=[EXCHANGE], retry=True)
        if batch:
            eventstore.track(connection, CONSUMER, batch[-1]["position"])
    return len(batch)


def _listen(settings):
    connection = psycopg2.connect(settings.database_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("LISTEN %s" % eventstore.NOTIFY_CHANNEL)
    return connection


def _wait(listener, timeout):
    if select.select([listener], [], [], timeout)[0]:
        listener.poll()
        listener.notifies.clear()


def _acquire_leadership(listener, stop):
    with listener.cursor() as cursor:
        while not stop.is_set():
            cursor.execute("SELECT pg_try_advisory_lock(%s)", (ADVISORY_KEY,))
            if cursor.fetchone()[0]:
                return True
            stop.wait(2.0)
    return False


def run(settings, stop=None, poll_seconds=1.0):
    """Relay until `stop` is set. Blocking; reconnects after failures."""
    stop = stop or threading.Event()
    engine = db.create_engine(settings, pool_size=1)
    while not stop.is_set():
        try:
            _relay_loop(settings, engine, stop, poll_seconds)
        except (psycopg2.Error, sa_exc.SQLAlchemyError, OSError, kombu.exceptions.KombuError) as exc:
            log.warning("relay: %s; retrying", exc)
            stop.wait(1.0)
    engine.dispose()


def _relay_loop(settings, engine, stop, poll_seconds):
    listener = _listen(settings)
    try:
        if not _acquire_leadership(listener, stop):
            return
        log.info("relay: active")
        with kombu.Connection(settings.amqp_uri,
                              transport_options={"confirm_publish": True}) as connection:
            producer = connection.Producer()
            while not stop.is_set():
                if publish_batch(engine, producer) == 0:
                    _wait(listener, poll_seconds)
    finally:
        listener.close()
