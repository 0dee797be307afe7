"""The relay: publishes committed events to RabbitMQ, in position order, at least once.

Woken by PostgreSQL NOTIFY (delivered only on commit) and by a short poll. It publishes a
batch, waits for the broker's confirms of the whole batch, then records its position in
`events.tracking` in the transaction that read the batch. A crash after commit and before publish loses nothing (the
table is the truth); a crash after publish and before tracking republishes the batch, in the
same order: consumers drop positions they have already applied. One relay is active per
database (a PostgreSQL advisory lock); other replicas wait as standbys.
"""
import json
import logging
import select
import threading

import amqp
import kombu
import kombu.exceptions
import psycopg2
from sqlalchemy import exc as sa_exc

from slate_common import db, eventstore

log = logging.getLogger(__name__)
CONSUMER = "relay"
EXCHANGE = kombu.Exchange("slate.events", type="topic", durable=True)
ADVISORY_KEY = 0x51A7E  # any constant shared by every relay replica


class Publisher:
    """Publishes events to the exchange on one channel in confirm mode, and waits for the
    broker's acknowledgements once per batch rather than once per message."""

    def __init__(self, connection, confirm_timeout=30.0):
        self.connection, self.confirm_timeout = connection, confirm_timeout
        self.channel = connection.channel()
        EXCHANGE(self.channel).declare()
        self.channel.confirm_select()
        self.channel.events["basic_ack"].add(self._acked)
        self.channel.events["basic_nack"].add(self._refused)
        self.sent, self.unconfirmed, self.refused = 0, set(), []

    def publish(self, event):
        self.channel.basic_publish(
            amqp.Message(json.dumps(eventstore.to_wire(event)),
                         content_type="application/json", content_encoding="utf-8",
                         delivery_mode=2),
            exchange=EXCHANGE.name, routing_key=event["name"])
        self.sent += 1   # the broker numbers a channel's confirmed messages from 1
        self.unconfirmed.add(self.sent)

    def confirm(self):
        """Return once the broker took every message published; raise if it refused one."""
        while self.unconfirmed and not self.refused:
            self.connection.drain_events(timeout=self.confirm_timeout)
        if self.refused:
            raise kombu.exceptions.OperationalError(
                "the broker refused event messages %s" % self.refused)

    def _acked(self, tag, multiple):
        self.unconfirmed -= {t for t in self.unconfirmed if t <= tag} if multiple else {tag}

    def _refused(self, tag, multiple):
        self.refused.append(tag)


def publish_batch(engine, publisher, limit=500):
    """Publish events after the relay's position; return how many were published."""
    with engine.begin() as connection:
        position = eventstore.tracked_position(connection, CONSUMER, lock=True)
        batch = eventstore.read(connection, position, limit)
        for event in batch:
            publisher.publish(event)
        if batch:
            publisher.confirm()
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
    engine = db.create_engine(settings, pool_size=1, pre_ping=False)  # errors retry
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
        with kombu.Connection(settings.amqp_uri) as connection:
            publisher = Publisher(connection)
            while not stop.is_set():
                if publish_batch(engine, publisher) == 0:
                    _wait(listener, poll_seconds)
    finally:
        listener.close()
