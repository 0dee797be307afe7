"""The feed: the committed events this process has seen, gap-free and in position order.

Relay messages are wake-ups that usually carry the next event. `offer` applies a message only
when it is the next position: a duplicate (position <= last_position, the relay is
at-least-once) is dropped, a gap is filled from the table first. `catch_up` reads the table
after last_position (the poll, and after a broker reconnection). Listeners see every event,
internal ones included, exactly once and in order. Readers with a cursor (the NDJSON stream)
pull public events from a window of recent ones, or from the table when their cursor is older.

Events are "wire" dicts: the relay's JSON (`eventstore.to_wire`).
"""
import collections
import logging
import threading

from slate_common import eventstore

log = logging.getLogger(__name__)


def table_reader(engine):
    """A reader `(after, limit) -> [wire]` on the events table."""
    def read(after, limit):
        with engine.connect() as connection:
            return [eventstore.to_wire(row)
                    for row in eventstore.read(connection, after, limit)]
    return read


class Feed:
    """Ordered delivery of the log from `start` on; `read(after, limit)` reads the table."""

    def __init__(self, read, start, window=1000, batch=500):
        self.last_position = start
        self._read = read
        self._batch = batch
        self._window = window
        self._recent = collections.deque()  # public wires with position in (_floor, last]
        self._floor = start
        self._listeners = []
        self._applying = threading.Lock()
        self._changed = threading.Condition()

    def subscribe(self, listener):
        """Call `listener(wire)` with each new event, in position order."""
        self._listeners.append(listener)

    def offer(self, wire):
        """Apply a relay message: drop duplicates, fill a gap from the table first."""
        with self._applying:
            position = wire["position"]
            if position > self.last_position + 1:
                self._fill(until=position)
            if position == self.last_position + 1:
                self._apply(wire)

    def catch_up(self):
        """Apply everything committed after last_position."""
        with self._applying:
            self._fill()

    def events_after(self, cursor, limit=500):
        """(public events with position > cursor, at most `limit`; the position now seen).

        Served from memory when the cursor is within the recent window, else from the table.
        """
        with self._changed:
            if cursor >= self._floor:
                return self._recent_after(cursor, limit)
        wires = self._read(cursor, limit)
        seen = wires[-1]["position"] if wires else cursor
        return [wire for wire in wires if eventstore.is_public(wire["name"])], seen

    def wait_after(self, cursor, timeout):
        """Block until an event after `cursor` is applied; False on timeout."""
        with self._changed:
            return self._changed.wait_for(lambda: self.last_position > cursor, timeout)

    def _fill(self, until=None):
        # A short batch means the table has nothing more; never spin on a missing position.
        while True:
            wires = self._read(self.last_position, self._batch)
            for wire in wires:
                self._apply(wire)
            if len(wires) < self._batch or (until is not None and self.last_position >= until):
                return

    def _apply(self, wire):
        with self._changed:
            self.last_position = wire["position"]
            if eventstore.is_public(wire["name"]):
                self._remember(wire)
            self._changed.notify_all()
        for listener in self._listeners:
            try:
                listener(wire)
            except Exception:  # one failing listener must not stop the others, nor the feed
                log.exception("stream: listener failed on event %s", wire["position"])

    def _remember(self, wire):
        self._recent.append(wire)
        if len(self._recent) > self._window:
            self._floor = self._recent.popleft()["position"]

    def _recent_after(self, cursor, limit):
        found = []
        for wire in reversed(self._recent):
            if wire["position"] <= cursor:
                break
            found.append(wire)
        found.reverse()
        if len(found) > limit:
            found = found[:limit]
            return found, found[-1]["position"]
        return found, max(cursor, self.last_position)
