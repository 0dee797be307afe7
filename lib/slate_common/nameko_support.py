"""nameko glue written once: the unit-of-work provider, the caller, and the entrypoints
that commit before they reply.

nameko sends an RPC reply *before* calling providers' `worker_result`, so committing there
could acknowledge a change that then fails to commit. Our `rpc` entrypoint finishes every
unit of work first and replies with the commit's outcome. `EventFollower` keeps a
service's read model of other services' data current from the event log.
"""
import logging
import socket
import sys
import weakref

import nameko.rpc
from nameko.extensions import DependencyProvider
from sqlalchemy import exc as sa_exc

from slate_common import consumers, db, errors
from slate_common.settings import settings_from_config

log = logging.getLogger(__name__)
EVENTS_EXCHANGE = "slate.events"


class Database(DependencyProvider):
    """Injects a `UnitOfWork`; one engine per container, one session per worker."""

    def setup(self):
        self.settings = settings_from_config(self.container.config)
        self.engine = db.create_engine(
            self.settings, pool_size=self.container.max_workers)
        self.active = weakref.WeakKeyDictionary()

    def stop(self):
        self.engine.dispose()

    def get_dependency(self, worker_ctx):
        uow = db.unit_of_work(self.engine, actor_id=worker_ctx.data.get("person_id"))
        self.active[worker_ctx] = uow
        return uow

    def finish(self, worker_ctx, exc_info):
        """Commit if the worker succeeded, else roll back; return the final exc_info."""
        uow = self.active.get(worker_ctx)
        if uow is None:
            return exc_info
        if exc_info is not None:
            uow.rollback()
            return exc_info
        try:
            positions = uow.commit()
        except sa_exc.IntegrityError:
            uow.rollback()
            return _exc_info(errors.Conflict())
        except Exception:
            uow.rollback()
            return sys.exc_info()
        if positions:
            uow.memo["position"] = positions[-1]
        return None

    def worker_teardown(self, worker_ctx):
        uow = self.active.pop(worker_ctx, None)
        if uow is not None:
            uow.close()


class Config(DependencyProvider):
    """Injects the Settings built at start-up."""

    def setup(self):
        self.settings = settings_from_config(self.container.config)

    def get_dependency(self, worker_ctx):
        return self.settings


class Caller(DependencyProvider):
    """Injects the caller's identity from the RPC context: a dict or None."""

    def get_dependency(self, worker_ctx):
        data = worker_ctx.data
        if not data.get("person_id"):
            return None
        return {key: data.get(key) for key in
                ("person_id", "jti", "refresh_jti", "user_agent")}


class RequestContext(DependencyProvider):
    """Injects what the gateway knows of the HTTP request: user agent and client address."""

    def get_dependency(self, worker_ctx):
        return {key: worker_ctx.data.get(key) for key in ("user_agent", "ip_address")}


def finish_units_of_work(worker_ctx, result, exc_info):
    """Commit (or roll back) every unit of work of this worker. A reply envelope of a
    call that stored events gets `position`: the log position of its last event, so the
    gateway can wait until that change has reached every replica's caches."""
    for provider in worker_ctx.container.dependencies:
        if isinstance(provider, Database):
            exc_info = provider.finish(worker_ctx, exc_info)
            uow = provider.active.get(worker_ctx)
            position = uow.memo.get("position") if uow is not None else None
            if position and isinstance(result, dict) and "status" in result:
                result = {**result, "position": position}
    return (None if exc_info else result), exc_info


class Rpc(nameko.rpc.Rpc):
    """nameko's RPC entrypoint, committing the unit of work before replying."""

    def __init__(self, expected_exceptions=errors.SlateError, **kwargs):
        super().__init__(expected_exceptions=expected_exceptions, **kwargs)

    def handle_result(self, message, worker_ctx, result, exc_info):
        result, exc_info = finish_units_of_work(worker_ctx, result, exc_info)
        return super().handle_result(message, worker_ctx, result, exc_info)


rpc = Rpc.decorator


def _exc_info(exc):
    try:
        raise exc
    except Exception:
        return sys.exc_info()


FOLLOWER_CONNECTIONS = 3
_FOLLOWER_ENGINES = {}  # (database, service) -> the engine its followers share


class EventFollower(DependencyProvider):
    """A consumer of the event log living in a service container (a read model fed by
    another service's events).

    At container start a managed green thread catches `consumer` up from the table
    (`consumers.catch_up`: `handle(session, event)` and the tracking row commit together),
    then follows `slate.events` (an auto-deleted queue bound to the names it follows, `#`
    without names, shared by the consumer's replicas): every message is only a wake-up
    for another catch-up, and it also catches up every `poll_seconds`, so a lost message
    or a broker outage only delays. It stops with the container. Workers get the follower's `catch_up` (to
    read their own writes at once).
    `announce=True`: each catch-up that applied something also appends
    `internal:read-model:<consumer>`, for the gateway's cached replies built from this read
    model (their route rows name it); without such a reader it would only cost a locked
    append, a relay batch and a wake-up of every listener.
    """

    def __init__(self, consumer, handle, names=None, poll_seconds=None, announce=False):
        self.consumer, self.handle, self.names = consumer, handle, names
        self.poll_seconds, self.announce = poll_seconds, announce
        self.stopping = False
        self.thread = None

    def setup(self):
        self.settings = settings_from_config(self.container.config)
        # The followers of a container share one small pool: each catch-up holds a
        # connection only while it runs (a service has several followers; PostgreSQL's
        # connections are few).
        key = (self.settings.sqlalchemy_url, self.container.service_name)
        self.engine = _FOLLOWER_ENGINES.get(key)
        if self.engine is None:
            self.engine = _FOLLOWER_ENGINES[key] = db.create_engine(
                self.settings, pool_size=FOLLOWER_CONNECTIONS, pre_ping=False)
        if self.poll_seconds is None:
            self.poll_seconds = self.settings.follow_poll_seconds

    def start(self):
        self.thread = self.container.spawn_managed_thread(self._follow)

    def stop(self):
        self.stopping = True
        if self.thread is not None:
            self.thread.kill()
        self.engine.dispose()

    def kill(self):
        self.stop()

    def get_dependency(self, worker_ctx):
        return self.catch_up

    def catch_up(self):
        """Apply every event not yet applied; return how many were read."""
        return consumers.catch_up(self.engine, self.consumer, self.handle, self.names,
                                  announce=self.announce)

    def _follow(self):
        import eventlet
        while not self.stopping:
            try:
                self._consume()
            except Exception:  # broker or database down, or a bug: log, retry
                log.exception("%s: following the event log failed; retrying",
                              self.consumer)
                eventlet.sleep(min(self.poll_seconds, 1.0))

    def _consume(self):
        import kombu
        exchange = kombu.Exchange(EVENTS_EXCHANGE, type="topic", durable=True)
        # Woken only by the events it follows (the relay's routing key is the name):
        # each commit would otherwise wake every follower of every service.
        # The replicas of a consumer share one queue: the broker hands each wake-up to one
        # of them (the others would only wait on the tracking row to find nothing to do).
        keys = sorted(set(self.names)) if self.names else ["#"]
        queue = kombu.Queue("slate.follow.%s" % self.consumer, exchange,
                            bindings=[kombu.binding(exchange, routing_key=key)
                                      for key in keys],
                            auto_delete=True, durable=False)
        with kombu.Connection(self.settings.amqp_uri, heartbeat=30) as connection:
            connection.ensure_connection(max_retries=1)
            with connection.Consumer(queue, callbacks=[self._wake], no_ack=True,
                                     accept=["json"]):
                self.catch_up()  # what was committed before the queue was bound
                while not self.stopping:
                    self._wait(connection)
                    self.catch_up()

    @staticmethod
    def _wake(body, message):
        """A message only says "the log grew": the catch-up after the wait reads it."""

    def _wait(self, connection):
        """Block until a message arrives or `poll_seconds` pass; drain queued wake-ups."""
        try:
            connection.drain_events(timeout=self.poll_seconds)
            while True:  # many messages make one catch-up
                connection.drain_events(timeout=0)
        except socket.timeout:
            connection.heartbeat_check()
