"""Read-your-writes across the gateway workers of one host.

A write is answered once its events reached the answering worker's listener, but another
worker's listener may still be behind (its queue holds the event; its thread has not run
yet, as on a loaded machine). So every write also raises a floor shared by the workers —
the highest event position a write they answered carried — and every request first waits
until its own worker's listener has reached that floor (`BROADCAST_WAIT_SECONDS` at
most). A read that follows a write, or a request with a token logged out a moment ago,
then never sees the state from before, whichever worker takes it.

The shared memory is made when this module is first imported: gunicorn_conf imports it
in the master, so the forked workers share one floor. Imported only in a worker (tests,
another server) it is that process's own floor, which is still correct for it. The floor
is per host: across gateway hosts only the broker's delivery orders reads after writes.
"""
import multiprocessing


class PositionFloor:
    """A shared, monotonically raised event position: lock-free reads."""

    def __init__(self):
        self._value = multiprocessing.RawValue("q", 0)
        self._lock = multiprocessing.Lock()

    @property
    def value(self):
        return self._value.value

    def raise_to(self, position):
        with self._lock:
            if position > self._value.value:
                self._value.value = position


SHARED = PositionFloor()
