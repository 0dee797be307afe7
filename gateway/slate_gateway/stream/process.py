"""Wiring of the stream process: one eventlet WSGI server on `settings.stream_port` serving
socket.io at `/socket.io` and the NDJSON stream, fed by the RabbitMQ consumer and the poll.

Expects eventlet's monkey patching to be done (see `slate_gateway.stream.main`).
"""
import logging
import signal
import time

import eventlet
import eventlet.wsgi
import socketio

from slate_common import db, eventstore
from slate_gateway.stream import auth, feed as feeds, ndjson, sockets, wakeups

log = logging.getLogger(__name__)


def run(settings, heartbeat_seconds=15.0, poll_seconds=3.0, host="0.0.0.0"):
    """Serve until SIGTERM or SIGINT, then stop within a second or so."""
    stopping = _stop_on_signals()
    engine = db.create_engine(settings, pool_size=5)
    start = _log_head(engine, stopping)
    if start is None:
        return
    feed, event_sockets, app = _assemble(settings, engine, start, heartbeat_seconds)
    listener = eventlet.listen((host, settings.stream_port))
    threads = [
        eventlet.spawn(eventlet.wsgi.server, listener, app, log=log, log_output=False,
                       debug=False),
        eventlet.spawn(wakeups.consume, settings.amqp_uri, feed, stopping),
        eventlet.spawn(wakeups.poll, feed, stopping, poll_seconds),
    ]
    log.info("stream: serving on port %s from position %s", settings.stream_port, start)
    _wait(stopping)
    _shut_down(event_sockets, threads, listener, engine)


def _assemble(settings, engine, start, heartbeat_seconds):
    """The feed from `start`, the socket.io server and the WSGI app, wired together."""
    authenticator = auth.Authenticator(settings.secret_key,
                                       auth.load_revocations(engine, start))
    feed = feeds.Feed(feeds.table_reader(engine), start)
    event_sockets = sockets.EventSockets(authenticator)
    feed.subscribe(authenticator.observe)  # before publish: a revoked token is refused at once
    feed.subscribe(event_sockets.publish)
    app = socketio.WSGIApp(event_sockets.server,
                           ndjson.create_app(feed, authenticator, heartbeat_seconds),
                           socketio_path="socket.io")
    return feed, event_sockets, app


def _stop_on_signals():
    """Install SIGTERM/SIGINT handlers; return `stopping()`. The handlers only set a flag:
    a signal may interrupt any green thread, so they must not switch or raise."""
    flag = []
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: flag.append(True))
    return lambda: bool(flag)


def _log_head(engine, stopping):
    """The log's head position, waiting for the database; None if stopped first."""
    while not stopping():
        try:
            with engine.connect() as connection:
                return eventstore.head(connection)
        except wakeups.DATABASE_ERRORS as exc:
            log.warning("stream: waiting for the database: %s", exc)
            time.sleep(1.0)
    return None


def _wait(stopping):
    while not stopping():
        eventlet.sleep(0.2)


def _shut_down(event_sockets, threads, listener, engine):
    log.info("stream: shutting down")
    event_sockets.server.shutdown()
    for thread in threads:
        thread.kill()
    listener.close()
    engine.dispose()
