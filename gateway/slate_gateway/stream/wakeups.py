"""What wakes the feed: relay messages from RabbitMQ, and a poll of the table.

The consumer binds an exclusive, auto-deleted queue to the topic exchange `slate.events`
with `#`, then catches up from the table (what was committed while it was not bound), then
offers every message to the feed. Messages are wake-ups: losing one (broker down, queue
gone) only delays delivery until the next message or poll, which read the table.
Both loops survive broker and database failures and run until `stopping()` is true.
"""
import json
import logging
import socket
import time
import uuid

import amqp
import kombu
import psycopg2
import sqlalchemy as sa

log = logging.getLogger(__name__)
EXCHANGE = kombu.Exchange("slate.events", type="topic", durable=True)
BROKER_ERRORS = (OSError, kombu.exceptions.KombuError, amqp.exceptions.AMQPError)
DATABASE_ERRORS = (sa.exc.SQLAlchemyError, psycopg2.Error)
WIRE_KEYS = {"position", "id", "name", "actor_id", "project_id", "created_at", "data"}


def consume(amqp_uri, feed, stopping, retry_seconds=1.0):
    """Offer relay messages to `feed` until stopping(); reconnect after failures."""
    while not stopping():
        try:
            _consume_connected(amqp_uri, feed, stopping)
        except BROKER_ERRORS as exc:
            log.warning("stream: RabbitMQ: %s; reconnecting", exc)
        except Exception:  # a bug must not silently end the live stream: log, go on
            log.exception("stream: consumer failed; restarting")
        time.sleep(retry_seconds)


def poll(feed, stopping, every_seconds):
    """Catch the feed up from the table every `every_seconds` until stopping()."""
    while not stopping():
        catch_up(feed)
        time.sleep(every_seconds)


def catch_up(feed):
    """Catch the feed up from the table; a database failure is logged and retried later."""
    try:
        feed.catch_up()
    except DATABASE_ERRORS as exc:
        log.warning("stream: cannot read the event log: %s", exc)
    except Exception:  # the poll is the safety net: it must outlive any bug
        log.exception("stream: catching up failed")


def offer(feed, body):
    """Offer one relay message body (JSON text or decoded dict) to the feed."""
    try:
        wire = json.loads(body) if isinstance(body, (str, bytes)) else body
        wire["position"] = int(wire["position"])
        missing = WIRE_KEYS - wire.keys()
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        missing = exc
    if missing:  # the table's version of the event will come with the next gap or poll
        log.warning("stream: malformed relay message ignored: %s", missing)
        return
    try:
        feed.offer(wire)
    except DATABASE_ERRORS as exc:
        log.warning("stream: cannot fill a gap before %s: %s", wire["position"], exc)


def _consume_connected(amqp_uri, feed, stopping):
    with kombu.Connection(amqp_uri, heartbeat=30) as connection:
        connection.ensure_connection(max_retries=1)
        queue = kombu.Queue("slate.stream.%s" % uuid.uuid4().hex, EXCHANGE, routing_key="#",
                            exclusive=True, auto_delete=True, durable=False)
        callback = lambda body, message: offer(feed, body)  # noqa: E731
        with connection.Consumer(queue, callbacks=[callback], accept=["json"], no_ack=True):
            log.info("stream: consuming %s", EXCHANGE.name)
            catch_up(feed)
            while not stopping():
                _drain(connection)


def _drain(connection):
    try:
        connection.drain_events(timeout=1.0)
    except socket.timeout:
        connection.heartbeat_check()
