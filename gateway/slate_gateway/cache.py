"""The gateway's reply cache, kept honest by the event log.

A GET row that names event families (`Route.cache`, e.g. `("person", "department")`)
has its 200 replies cached per (path, query, caller). Every committed event reaches every
gateway worker through the broker; an event of family `person` (`person:update`…) bumps
that family's generation, and an entry is served only while the generations it was filled
under are unchanged — the snapshot is taken *before* the RPC, so a change that commits
while a reply is computed can never be cached as current.

Read-your-writes across workers: a write's reply carries the log position of its events,
and the gateway answers the write only once its own listener has seen that position
(`LogFollower.wait_for`); the broker delivers each event to every worker's queue at once,
so by then every worker has dropped what the write changed. Entries also expire after
`ttl` seconds, which bounds staleness if events stop flowing (relay down); while the
listener is disconnected the cache is not used at all.
"""
import collections
import threading
import time

MAX_ENTRIES = 4096


class ReplyCache:
    """Thread-safe LRU of encoded replies, invalidated by event families."""

    def __init__(self, ttl=10.0, max_entries=MAX_ENTRIES, clock=time.monotonic):
        self.ttl, self.max_entries, self._clock = ttl, max_entries, clock
        self._entries = collections.OrderedDict()
        self._generations = collections.Counter()
        self._epoch = 0
        self._lock = threading.Lock()
        self.usable = False          # only while the event listener is connected

    def snapshot(self, families):
        """The generations an entry computed from now on would depend on."""
        with self._lock:
            return (self._epoch,) + tuple(self._generations[f] for f in families)

    def get(self, key, families):
        if not self.usable:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            snapshot, expires, data = entry
            current = (self._epoch,) + tuple(self._generations[f] for f in families)
            if snapshot != current or expires < self._clock():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return data

    def put(self, key, snapshot, data):
        if not self.usable:
            return
        with self._lock:
            self._entries[key] = (snapshot, self._clock() + self.ttl, data)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def invalidate(self, event_name):
        """An event committed: bump its family (`person` for `person:update`) and its full
        name (rows may depend on one internal event, e.g. a read model's update)."""
        family = event_name.split(":", 1)[0]
        with self._lock:
            self._generations[family] += 1
            self._generations[event_name] += 1

    def reset(self, usable):
        """The listener (re)connected or lost the broker: forget everything."""
        with self._lock:
            self._epoch += 1
            self._entries.clear()
            self.usable = usable

    def __len__(self):
        return len(self._entries)


class LogFollower:
    """The highest event position this worker has seen, and waiting for one."""

    def __init__(self):
        self.position = 0
        self._changed = threading.Condition()

    def saw(self, position):
        with self._changed:
            if position > self.position:
                self.position = position
                self._changed.notify_all()

    def wait_for(self, position, timeout):
        """True once this worker has seen `position` (False after `timeout` seconds)."""
        with self._changed:
            return self._changed.wait_for(lambda: self.position >= position, timeout)
