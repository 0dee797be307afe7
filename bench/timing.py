"""What the in-process timings (`boards_timing.py`, `task_list_timing.py`) share: a
scratch database on the local PostgreSQL, migrated and dropped at the end, and the
median of N calls of a domain function with its reply encoded as it leaves the service."""
import argparse
import contextlib
import json
import statistics
import time
import uuid

from slate_common import db, migrate
from slate_common.testing import drop_database, scratch_settings


def runs_argument(default):
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=default)
    return parser.parse_args().runs


@contextlib.contextmanager
def scratch_engine():
    """An engine on a new migrated database, dropped on the way out."""
    settings = scratch_settings("slate_bench_" + uuid.uuid4().hex[:8])
    migrate.upgrade(settings)
    engine = db.create_engine(settings, pool_size=2)
    try:
        yield engine
    finally:
        engine.dispose()
        drop_database(settings.database_url)


def encoded(reply):
    """The reply's JSON text: what the service encoded itself (a `body_json` envelope or
    a `JsonText`), else the body as the RPC encodes it."""
    if isinstance(reply, dict) and "body_json" in reply:
        return reply["body_json"]
    if isinstance(reply, str):
        return reply
    return json.dumps(reply, separators=(",", ":"))


def measure(engine, label, call, runs):
    """Print and return the median milliseconds of `call(uow)` and encoding its reply,
    each run in a fresh unit of work."""
    times, size = [], 0
    for _ in range(runs):
        uow = db.unit_of_work(engine)
        start = time.perf_counter()
        size = len(encoded(call(uow)))
        times.append((time.perf_counter() - start) * 1000)
        uow.close()
    times.sort()
    print("%-44s median %6.1f ms  p95 %6.1f ms  %7.0f kB" % (
        label, statistics.median(times), times[int(len(times) * 0.95) - 1], size / 1024))
    return statistics.median(times)
