"""One thread-safe RPC client per process, speaking nameko 2.14's RPC protocol with kombu.

Requests go to the topic exchange `nameko-rpc` with routing key `service.method`, body
`{"args": [...], "kwargs": {}}`, `reply_to` = this process's exclusive reply queue (bound
with its own name as routing key) and a `correlation_id`; context data travels as headers
prefixed `nameko.`. Replies are `{"result": ..., "error": null | {exc_type, exc_args...}}`.

One connection: caller threads only write to it (publishing is serialised by a lock), one
consumer thread only reads it; py-amqp tolerates one reader beside serialised writers on a
plain TCP socket. That thread resolves per-call futures with replies, fails a call at once
when the broker returns it unroutable (mandatory publish: no queue bound, i.e. a service
that never ran on this broker) and reconnects after a connection loss, failing the calls
then in flight. A request expires on the broker with its call's timeout, so a stopped
service never runs stale requests when it comes back.
"""
import json
import logging
import socket
import threading
import time
import uuid
from concurrent.futures import Future, TimeoutError as FutureTimeout

import kombu
from amqp import spec

from slate_common.errors import http_error

RPC_EXCHANGE = "nameko-rpc"
POLL_SECONDS = 1.0       # how often the consumer thread wakes to beat and check for stop
log = logging.getLogger(__name__)


class RpcFailure(Exception):
    """A call that got no answer. `status` and `body` are the HTTP answer."""
    status = 503
    template = "Service %s is unavailable."

    def __init__(self, service):
        super().__init__(service)
        self.service = service

    def http(self):
        return self.status, {"error": True, "message": self.template % self.service}


class ServiceUnavailable(RpcFailure):
    """No broker connection, or no queue bound for the service: 503."""


class ServiceTimeout(RpcFailure):
    """No reply within the call's timeout: 504."""
    status = 504
    template = "Service %s did not answer in time."


class RemoteError(Exception):
    """An exception the remote service raised, by type name and args."""

    def __init__(self, exc_type, exc_args):
        super().__init__(exc_type, exc_args)
        self.exc_type, self.exc_args = exc_type, exc_args

    def http(self):
        return http_error(self.exc_type, self.exc_args)


def remote_args(error):
    """The remote exception's args (SlateErrors send their data as JSON text)."""
    return list(error.get("exc_args") or ())


class RpcClient:
    """Thread-safe nameko RPC client; `start()` it in the process that uses it (after fork)."""

    def __init__(self, amqp_uri, timeout=30.0, connect_wait=2.0, heartbeat=30):
        self.amqp_uri, self.timeout, self.connect_wait = amqp_uri, timeout, connect_wait
        self.heartbeat = heartbeat
        self._lock = threading.Lock()           # guards every write to the connection
        self._pending = {}                      # correlation_id -> (Future, service)
        self._ready = threading.Event()
        self._stopping = threading.Event()
        self._channel = self._reply_to = self._conn = self._thread = None

    def start(self):
        """Start the consumer thread; wait up to `connect_wait` for the first connection."""
        self._thread = threading.Thread(target=self._run, name="slate-rpc", daemon=True)
        self._thread.start()
        self._ready.wait(self.connect_wait)
        return self

    def stop(self):
        self._stopping.set()
        if self._thread:
            self._thread.join(POLL_SECONDS * 3)

    @property
    def connected(self):
        return self._ready.is_set()

    def call(self, service, method, *args, context=None, timeout=None):
        """Call `service.method(*args)`; return its result or raise RpcFailure/RemoteError."""
        timeout = self.timeout if timeout is None else timeout
        if not self._ready.wait(min(timeout, self.connect_wait)):
            raise ServiceUnavailable(service)
        cid, future = str(uuid.uuid4()), Future()
        self._pending[cid] = (future, service)
        try:
            self._publish(service, method, args, context, cid, timeout)
            raw = future.result(timeout)
        except FutureTimeout:
            raise ServiceTimeout(service) from None
        finally:
            self._pending.pop(cid, None)
        return _result(raw)

    def _publish(self, service, method, args, context, cid, timeout):
        body = json.dumps({"args": args, "kwargs": {}}, separators=(",", ":"))
        headers = {"nameko." + k: v for k, v in (context or {}).items() if v is not None}
        headers["nameko.call_id_stack"] = ["slate_gateway.%s.%s.%s" % (service, method, cid)]
        with self._lock:
            channel = self._channel
            if channel is None:
                raise ServiceUnavailable(service)
            properties = {"reply_to": self._reply_to, "correlation_id": cid,
                          "delivery_mode": 1, "expiration": str(int(timeout * 1000))}
            try:
                message = channel.prepare_message(
                    body.encode(), 0, "application/json", "utf-8", headers, properties)
                # basic.publish sent as is: amqp's basic_publish() may read the connection
                # (for connection.blocked), and only the consumer thread may read it.
                channel.send_method(spec.Basic.Publish, "Bssbb",
                                    (0, RPC_EXCHANGE, "%s.%s" % (service, method), True,
                                     False), message)
            except Exception:
                log.exception("publishing to %s.%s failed", service, method)
                raise ServiceUnavailable(service) from None

    def _run(self):
        backoff = 0.25
        while not self._stopping.is_set():
            try:
                self._connect()
                backoff = 0.25
                self._consume()
            except Exception as exc:
                log.warning("RPC connection to the broker lost: %r", exc)
            finally:
                self._disconnect()
            self._stopping.wait(backoff)
            backoff = min(backoff * 2, 5.0)

    def _connect(self):
        # read_timeout makes the socket's reads time out on their own, so drain_events never
        # toggles the socket's timeout under a concurrent publish.
        conn = kombu.Connection(self.amqp_uri, heartbeat=self.heartbeat, connect_timeout=5,
                                transport_options={"read_timeout": POLL_SECONDS,
                                                   "write_timeout": 10})
        self._conn = conn
        conn.connect()
        exchange = kombu.Exchange(RPC_EXCHANGE, type="topic", durable=True)
        name = "rpc.reply-slate_gateway-%s" % uuid.uuid4()
        queue = kombu.Queue(name, exchange, routing_key=name, exclusive=True, auto_delete=True)
        kombu.Consumer(conn.channel(), [queue], on_message=self._on_reply, no_ack=True).consume()
        channel = conn.channel()
        channel.events["basic_return"].add(self._on_return)
        with self._lock:
            self._channel, self._reply_to = channel, name
        self._ready.set()

    def _consume(self):
        next_beat = 0.0
        while not self._stopping.is_set():
            try:
                self._conn.drain_events()
            except socket.timeout:
                pass
            if time.monotonic() >= next_beat:
                with self._lock:
                    self._conn.heartbeat_check()
                next_beat = time.monotonic() + POLL_SECONDS

    def _disconnect(self):
        with self._lock:
            self._ready.clear()
            self._channel = None
        for cid in list(self._pending):
            entry = self._pending.pop(cid, None)
            if entry:
                entry[0].set_exception(ServiceUnavailable(entry[1]))
        if self._conn is not None:
            try:
                self._conn.release()
            except Exception:
                pass
            self._conn = None

    def _on_reply(self, message):
        entry = self._pending.pop(message.properties.get("correlation_id"), None)
        if entry:
            entry[0].set_result(message.body)

    def _on_return(self, exc, exchange, routing_key, message):
        entry = self._pending.pop(message.properties.get("correlation_id"), None)
        if entry:
            entry[0].set_exception(ServiceUnavailable(entry[1]))


def _result(raw):
    reply = json.loads(raw)
    error = reply.get("error")
    if error:
        raise RemoteError(error.get("exc_type"), remote_args(error))
    return reply.get("result")
