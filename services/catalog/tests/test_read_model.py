"""The persons read model: its handler, and the EventFollower that feeds it — catching up
after downtime at container start, woken by relay messages, stopped with the container."""
import contextlib
import os
import subprocess
import sys
import time
import uuid

import kombu
import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import consumers, eventstore
from slate_common.testing import child_env, wait_for_service

from slate_catalog import persons
from slate_catalog.models import Person


def tracked(engine, consumer):
    with engine.connect() as connection:
        return eventstore.tracked_position(connection, consumer)


def head(engine):
    """The last position that is not a read model's own announcement (those come after
    what it applied, and a follower has nothing to do with them)."""
    with engine.connect() as connection:
        return connection.execute(sa.select(sa.func.coalesce(
            sa.func.max(eventstore.events.c.position), 0)).where(
                ~eventstore.events.c.name.startswith("internal:read-model:"))).scalar_one()


def read_model(engine, person):
    with orm.Session(engine) as session:
        row = session.get(Person, person.id)
        return None if row is None else (row.role, row.active, row.profile["first_name"])


def test_the_handler_applies_new_update_and_delete(clean_db, create_person, update_person):
    person = create_person(role="supervisor", first_name="Sue", password=b"x" * 60)
    consumers.catch_up(clean_db, "test.persons", persons.apply_event, persons.NAMES)
    assert read_model(clean_db, person) == ("supervisor", True, "Sue")
    with orm.Session(clean_db) as session:
        assert "password" not in session.get(Person, person.id).profile
    update_person(person, role="manager", first_name="Susan", active=False)
    consumers.catch_up(clean_db, "test.persons", persons.apply_event, persons.NAMES)
    assert read_model(clean_db, person) == ("manager", False, "Susan")
    with orm.Session(clean_db) as session, session.begin():
        persons.apply_event(session, {"name": "person:delete", "payload": {
            "old": {"id": str(person.id)}}})
    assert read_model(clean_db, person) is None


FOLLOWER = os.path.join(os.path.dirname(__file__), "follower_process.py")


@contextlib.contextmanager
def follower(settings, consumer, poll_seconds):
    """A follower process for `consumer`; on exit it must stop cleanly on SIGTERM."""
    process = subprocess.Popen([sys.executable, FOLLOWER, consumer, str(poll_seconds)],
                               env=child_env(settings))
    try:
        wait_for_service(settings, consumer.replace(".", "_"))
        yield process
    finally:
        process.terminate()
        assert process.wait(timeout=15) == 0


def wake(settings):
    with kombu.Connection(settings.amqp_uri) as connection:
        exchange = kombu.Exchange("slate.events", type="topic", durable=True)
        connection.Producer().publish({"position": 0}, exchange=exchange,
                                      routing_key="person:new", declare=[exchange],
                                      serializer="json")


def wait_for(predicate, timeout):
    deadline = time.time() + timeout
    while not predicate():
        if time.time() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_follower_catches_up_after_downtime_and_wakes_on_messages(
        clean_db, slate_settings, create_person):
    consumer = "test.follower.%s" % uuid.uuid4().hex[:6]
    create_person(first_name="Before")   # committed while no follower runs
    caught_up = lambda: tracked(clean_db, consumer) >= head(clean_db)  # noqa: E731
    with follower(slate_settings, consumer, poll_seconds=60):
        assert wait_for(caught_up, 5)
        late = create_person(first_name="Late")
        time.sleep(0.5)
        assert not caught_up()  # it polls only every 60 s here
        wake(slate_settings)
        assert wait_for(caught_up, 5)
        assert read_model(clean_db, late)[2] == "Late"
    create_person(first_name="WhileDown")
    assert not caught_up()
    with follower(slate_settings, consumer, poll_seconds=60):
        assert wait_for(caught_up, 5)
