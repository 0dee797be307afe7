"""Revoked token ids, process-wide, kept current from the `internal:token-revoked` events.

`Revocations` is the set (jti -> expiry, expired entries dropped). `RevocationListener` is
the daemon thread that keeps it current: on each (re)connect it binds its exclusive queue to
`slate.events` first and only then loads the full list with `auth.revoked_tokens({})`, so no
revocation falls between the two.
"""
import json
import logging
import socket
import threading
import time
import uuid

import kombu

EVENTS_EXCHANGE = "slate.events"
REVOKED_EVENT = "internal:token-revoked"
DEFAULT_KEEP_SECONDS = 15 * 86400     # when an event gives no expiry: the refresh lifetime
log = logging.getLogger(__name__)


class Revocations:
    """A thread-safe set of revoked jtis, each forgotten once its token would have expired."""

    def __init__(self, clock=time.time):
        self._clock = clock
        self._expiry = {}
        self._lock = threading.Lock()

    def add(self, jtis, expires_at=None):
        """Revoke these jtis until `expires_at` (unix time; default: the refresh lifetime)."""
        expires_at = expires_at or self._clock() + DEFAULT_KEEP_SECONDS
        with self._lock:
            for jti in jtis:
                if jti:
                    self._expiry[jti] = max(float(expires_at), self._expiry.get(jti, 0))

    def is_revoked(self, *jtis):
        """True when any of these jtis (None ignored) is revoked and not yet expired."""
        now = self._clock()
        return any(self._expiry.get(jti, 0) > now for jti in jtis if jti)

    def purge(self):
        """Drop the entries whose tokens have expired anyway."""
        now = self._clock()
        with self._lock:
            self._expiry = {j: t for j, t in self._expiry.items() if t > now}

    def __len__(self):
        return len(self._expiry)

    def apply_event(self, body):
        """Apply one event message body (JSON bytes or dict); ignore anything malformed."""
        try:
            event = json.loads(body) if isinstance(body, (bytes, str)) else body
            payload = event.get("payload") or event.get("data") or {}
            self.add(payload.get("jtis") or [], payload.get("expires_at"))
        except (ValueError, TypeError, AttributeError):
            log.warning("ignoring a malformed %s event: %.200r", REVOKED_EVENT, body)

    def load(self, rows):
        """Add rows `[{"jti", "expires_at"}, ...]` as `auth.revoked_tokens` returns them."""
        for row in rows:
            self.add([row.get("jti")], row.get("expires_at"))


class RevocationListener:
    """Daemon thread following the event log from the broker: it feeds a Revocations
    (and loads the full list from the auth service on each connect), and tells the
    reply cache and the log follower about every event."""

    def __init__(self, revocations, amqp_uri, rpc_client, retry_seconds=5.0,
                 cache=None, follower=None):
        self.revocations, self.amqp_uri, self.rpc = revocations, amqp_uri, rpc_client
        self.retry_seconds = retry_seconds
        self.cache, self.follower = cache, follower
        self.loaded = threading.Event()
        self._stopping = threading.Event()
        self._thread = None

    def start(self):
        self._thread = threading.Thread(target=self._run, name="slate-revocations",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self):
        self._stopping.set()
        if self._thread:
            self._thread.join(3)

    def _run(self):
        while not self._stopping.is_set():
            try:
                with kombu.Connection(self.amqp_uri, heartbeat=30, connect_timeout=5) as conn:
                    self._consume(conn)
            except Exception as exc:
                log.warning("revocation listener lost its broker connection: %r", exc)
            if self.cache is not None:
                self.cache.reset(usable=False)
            self._stopping.wait(self.retry_seconds)

    def _on_message(self, message):
        """One relayed event: revocations first, then the cache, then the position."""
        try:
            event = json.loads(message.body)
            name, position = event.get("name") or "", int(event.get("position") or 0)
        except (ValueError, TypeError, AttributeError):
            log.warning("ignoring a malformed event message: %.200r", message.body)
            return
        if name == REVOKED_EVENT:
            self.revocations.apply_event(event)
        if self.cache is not None:
            self.cache.invalidate(name)
        if self.follower is not None and position:
            self.follower.saw(position)

    def _consume(self, conn):
        exchange = kombu.Exchange(EVENTS_EXCHANGE, type="topic", durable=True)
        routing_key = "#" if self.cache is not None or self.follower else REVOKED_EVENT
        queue = kombu.Queue("slate_gateway.events-%s" % uuid.uuid4(), exchange,
                            routing_key=routing_key, exclusive=True, auto_delete=True)
        self.loaded.clear()
        with kombu.Consumer(conn.channel(), [queue], no_ack=True,
                            on_message=self._on_message):
            if self.cache is not None:
                self.cache.reset(usable=True)   # bound: from now on nothing is missed
            next_load = next_purge = 0.0
            while not self._stopping.is_set():
                now = time.monotonic()
                if not self.loaded.is_set() and now >= next_load:
                    next_load = now + self.retry_seconds
                    self._load()
                if now >= next_purge:
                    next_purge = now + 60
                    self.revocations.purge()
                try:
                    conn.drain_events(timeout=1.0)
                except socket.timeout:
                    conn.heartbeat_check()

    def _load(self):
        try:
            reply = self.rpc.call("auth", "revoked_tokens", {}, timeout=10)
            self.revocations.load(reply.get("body") or [])
            # Bound before this load: older events are in what was loaded (and the cache
            # was emptied), newer ones will arrive. This worker is current up to there.
            if self.follower is not None and reply.get("log_position"):
                self.follower.saw(int(reply["log_position"]))
            self.loaded.set()
        except Exception as exc:
            log.warning("could not load the revoked tokens yet: %r", exc)
