"""The event log: same-transaction appends, gap-free commit order, tracking, the relay."""
import json
import subprocess
import sys
import textwrap
import time

import kombu
import pytest
import sqlalchemy as sa

from slate_common import consumers, db, eventstore, relay


def append_one(engine, name="person:new", data=None):
    uow = db.unit_of_work(engine)
    uow.emit(name, data or {"person_id": "x"}, {"new": {"id": "x"}})
    positions = uow.commit()
    uow.close()
    return positions[0]


def all_events(engine):
    with engine.connect() as connection:
        return eventstore.read(connection, 0, 100000)


def test_events_are_stored_only_when_the_unit_of_work_commits(clean_db):
    uow = db.unit_of_work(clean_db)
    uow.emit("person:new", {"person_id": "a"})
    uow.rollback()
    uow.close()
    assert all_events(clean_db) == []
    assert append_one(clean_db) == 1
    assert append_one(clean_db) == 2


def test_wire_and_zou_views_carry_the_public_data(clean_db):
    append_one(clean_db, "person:update", {"person_id": "p1"})
    event = all_events(clean_db)[0]
    assert eventstore.to_zou(event)["data"] == {"person_id": "p1"}
    wire = eventstore.to_wire(event)
    assert wire["position"] == 1 and wire["payload"] == {"new": {"id": "x"}}
    assert json.loads(json.dumps(wire)) == wire


WRITER = textwrap.dedent("""
    import random, sys, time
    from slate_common import db
    from slate_common.settings import Settings
    engine = db.create_engine(Settings(database_url=sys.argv[1]), pool_size=1)
    for i in range(int(sys.argv[2])):
        uow = db.unit_of_work(engine)
        uow.emit("test:write", {"writer": sys.argv[3], "i": i})
        uow.session.connection()
        time.sleep(random.random() / 200)   # hold the transaction open a little
        uow.commit()
        uow.close()
""")


def test_parallel_writers_never_let_a_reader_skip_an_event(clean_db, slate_settings):
    writers, each = 4, 60
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, slate_settings.database_url,
                               str(each), str(n)]) for n in range(writers)]
    seen, deadline = [], time.time() + 60
    while len(seen) < writers * each and time.time() < deadline:
        with clean_db.connect() as connection:
            batch = eventstore.read(connection, seen[-1] if seen else 0)
        for event in batch:
            # A reader that has seen N must next see exactly N+1: no gap may fill later.
            assert event["position"] == (seen[-1] if seen else 0) + 1
            seen.append(event["position"])
    assert all(proc.wait(timeout=60) == 0 for proc in procs)
    assert seen == list(range(1, writers * each + 1))


def test_tracking_moves_only_with_the_consumers_transaction(clean_db):
    for _ in range(3):
        append_one(clean_db)
    applied = []

    def fail_on_third(session, event):
        if event["position"] == 3:
            raise RuntimeError("crash")
        applied.append(event["position"])

    with pytest.raises(RuntimeError):
        consumers.catch_up(clean_db, "test-consumer", fail_on_third)
    with clean_db.connect() as connection:
        assert eventstore.tracked_position(connection, "test-consumer") == 0
    applied.clear()
    assert consumers.catch_up(clean_db, "test-consumer",
                              lambda s, e: applied.append(e["position"])) == 3
    assert applied == [1, 2, 3]
    assert consumers.catch_up(clean_db, "test-consumer", lambda s, e: 1 / 0) == 0


@pytest.fixture
def event_queue(slate_settings):
    with kombu.Connection(slate_settings.amqp_uri) as connection:
        queue = kombu.Queue("relay-test", exchange=relay.EXCHANGE, routing_key="#",
                            exclusive=True)
        channel = connection.channel()
        queue = queue(channel)
        queue.declare()
        yield queue


def drain(queue, expected, timeout=10):
    got, deadline = [], time.time() + timeout
    while len({e["position"] for e in got}) < expected and time.time() < deadline:
        message = queue.get(no_ack=True)
        if message is None:
            time.sleep(0.05)
            continue
        got.append(json.loads(message.body))
    return got


class CrashingPublisher:
    """Publishes `survive` messages, then dies as a relay process would."""

    def __init__(self, publisher, survive):
        self.publisher, self.left = publisher, survive

    def publish(self, event):
        if self.left == 0:
            raise RuntimeError("relay crashed")
        self.left -= 1
        self.publisher.publish(event)

    def confirm(self):
        self.publisher.confirm()


def test_relay_crash_loses_nothing_and_keeps_order(clean_db, slate_settings, event_queue):
    for _ in range(5):
        append_one(clean_db)            # committed while no relay runs
    with kombu.Connection(slate_settings.amqp_uri) as connection:
        publisher = relay.Publisher(connection)
        with pytest.raises(RuntimeError):
            relay.publish_batch(clean_db, CrashingPublisher(publisher, 2))
        assert relay.publish_batch(clean_db, publisher) == 5
        assert relay.publish_batch(clean_db, publisher) == 0
    got = [event["position"] for event in drain(event_queue, 5)]
    assert got == [1, 2, 1, 2, 3, 4, 5]     # at least once, in order
    deduplicated = []
    for position in got:
        if not deduplicated or position > deduplicated[-1]:
            deduplicated.append(position)
    assert deduplicated == [1, 2, 3, 4, 5]


def test_running_relay_publishes_new_commits_promptly(clean_db, slate_settings, event_queue):
    import threading
    stop = threading.Event()
    worker = threading.Thread(target=relay.run, args=(slate_settings, stop, 0.2))
    worker.start()
    try:
        append_one(clean_db, "person:new", {"person_id": "n"})
        got = drain(event_queue, 1)
        assert [e["name"] for e in got] == ["person:new"]
        assert got[0]["data"] == {"person_id": "n"}
    finally:
        stop.set()
        worker.join(timeout=10)
    with clean_db.connect() as connection:
        assert connection.execute(sa.select(eventstore.tracking.c.position).where(
            eventstore.tracking.c.consumer == "relay")).scalar() == 1


def test_a_read_model_announces_what_it_applied_in_the_same_transaction(clean_db):
    append_one(clean_db, "person:new")
    append_one(clean_db, "project:new")
    applied = consumers.catch_up(clean_db, "rm", lambda s, e: None, names={"person:new"},
                                 announce=True)
    assert applied == 2
    names = [e["name"] for e in all_events(clean_db)]
    assert names == ["person:new", "project:new", "internal:read-model:rm"]
    # Its own announcement is not something it handles: no endless echo.
    assert consumers.catch_up(clean_db, "rm", lambda s, e: None, names={"person:new"},
                              announce=True) == 1
    assert len(all_events(clean_db)) == 3
