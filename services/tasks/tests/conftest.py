"""Factories and fixtures for the tasks service's tests.

Persons are made the way the auth service makes them (a row in `auth.persons` and its
`person:new` event); productions and entities are made by the running catalog service.
The tasks service learns of all of them only through its read models, as in production.
"""
import ast
import json
import time
import uuid

import pytest
import sqlalchemy as sa
from nameko.exceptions import RemoteError

from slate_common import crud, db, eventstore
from slate_common.testing import logged_events as events

from slate_auth.models import Person
from slate_catalog import defaults as catalog_defaults
from slate_tasks import defaults as tasks_defaults
from slate_tasks.models import Entity


def emit_person(engine, **overrides):
    """Insert an auth person and its `person:new` event; return the Person."""
    values = {"first_name": "Jane", "last_name": "Doe", "role": "user", "active": True,
              "email": "%s@example.com" % uuid.uuid4().hex[:8]}
    values.update(overrides)
    uow = db.unit_of_work(engine)
    person = Person(id=uuid.uuid4(), **values)
    uow.session.add(person)
    uow.session.flush()
    uow.session.refresh(person)
    uow.emit("person:new", {"person_id": str(person.id)}, {"new": crud.snapshot(person)})
    uow.commit()
    uow.close()
    return person




def refused(call, *args):
    """The nameko exc_type and message a call fails with."""
    with pytest.raises(RemoteError) as error:
        call(*args)
    return error.value.exc_type, ast.literal_eval(error.value.value)[0]


def wait_until(predicate, timeout=10.0):
    deadline = time.time() + timeout
    while not predicate():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def _known_entities(engine):
    with engine.connect() as connection:
        return set(connection.execute(sa.select(Entity.id)).scalars())


def settled(engine, consumer):
    """Whether a consumer of the log has applied every event (tests wait on it before
    comparing tables a projection writes to asynchronously)."""
    with engine.connect() as connection:
        return eventstore.tracked_position(connection, consumer) == eventstore.head(connection)


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:6])


@pytest.fixture
def create_person(clean_db):
    """`create_person(**overrides)` -> an auth Person announced by its person:new event."""
    return lambda **overrides: emit_person(clean_db, **overrides)


@pytest.fixture
def services(service_processes, rpc_as, clean_db):
    """`services(person)` -> (catalog, tasks) proxies of the running services, as that
    person. Both services' defaults (`slate init-data`) exist."""
    service_processes("catalog", "tasks")
    for init_data in (catalog_defaults.init_data, tasks_defaults.init_data):
        uow = db.unit_of_work(clean_db)
        init_data(uow)
        uow.commit()
        uow.close()

    def as_person(person=None):
        proxy = rpc_as(person.id if person else None)
        return proxy.catalog, proxy.tasks
    return as_person


@pytest.fixture
def studio(services, create_person, clean_db):
    """An admin, a manager and an artist in the team of a production holding a sequence
    SQ01 with shots SH010 / SH020 and a Character asset; an outsider artist. Ready once
    the tasks service's read model holds them all (it follows the catalog's events on
    its own: a route listing the production's shots must not run before that)."""
    people = {role: create_person(role=role) for role in ("admin", "manager", "user")}
    people["outsider"] = create_person(role="user")
    catalog, tasks = services(people["admin"])
    project = catalog.crud_create({"route": {"model": "projects"}, "body": {
        "name": unique("Film"),
        "team": [str(people["manager"].id), str(people["user"].id)]}})["body"]
    where = {"project_id": project["id"]}
    sequence = catalog.new_sequence({"params": where, "body": {"name": "SQ01"}})["body"]
    shots = [catalog.new_shot({"params": where, "body": {
        "name": name, "sequence_id": sequence["id"]}})["body"] for name in ("SH010", "SH020")]
    character = next(t for t in catalog.asset_types({})["body"] if t["name"] == "Character")
    asset = catalog.new_asset({"params": {**where, "asset_type_id": character["id"]},
                               "body": {"name": "Ada"}})["body"]
    task_types = {(t["name"], t["for_entity"]): t
                  for t in tasks.crud_list({"route": {"model": "task-types"}})["body"]}
    statuses = {s["short_name"]: s
                for s in tasks.crud_list({"route": {"model": "task-status"}})["body"]}
    wait_until(lambda: _known_entities(clean_db) >= {
        uuid.UUID(row["id"]) for row in [sequence, asset, *shots]})
    return {"people": people, "project": project, "sequence": sequence, "shots": shots,
            "asset": asset, "task_types": task_types, "statuses": statuses}


@pytest.fixture
def every_role(services, studio, create_person):
    """The studio's people plus a supervisor, a client and a vendor in the team."""
    people = dict(studio["people"])
    catalog, _ = services(people["admin"])
    for role in ("supervisor", "client", "vendor"):
        people[role] = create_person(role=role)
        catalog.add_team_member({"params": {"project_id": studio["project"]["id"]},
                                 "body": {"person_id": str(people[role].id)}})
    return people


@pytest.fixture(name="events")
def events_fixture(clean_db):
    """`events(name=None)` -> the stored events (of that name), in order."""
    return lambda name=None: events(clean_db, name)


@pytest.fixture(name="refused")
def refused_fixture():
    """`refused(call, *args)` -> (exc_type, message) the call fails with."""
    return refused


@pytest.fixture
def projected(clean_db):
    """`projected()` waits until the notifications projection has applied the whole log."""
    from slate_tasks import notification_feed
    return lambda: wait_until(lambda: settled(clean_db, notification_feed.CONSUMER))


@pytest.fixture
def task_list():
    """`task_list(service, query)` -> the rows of GET /data/tasks, which the service
    encodes itself (`body_json`)."""
    return lambda service, query: json.loads(service.crud_list(
        {"route": {"model": "tasks"}, "query": query})["body_json"])


@pytest.fixture(name="wait_until")
def wait_until_fixture():
    return wait_until


@pytest.fixture
def shot_task(services, studio):
    """An Animation task on SH010, assigned to the artist."""
    _, admin = services(studio["people"]["admin"])
    animation = studio["task_types"][("Animation", "Shot")]
    admin.add_task_type_setting({"params": {"project_id": studio["project"]["id"]},
                                 "body": {"task_type_id": animation["id"]}})
    task = admin.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                      "body": {"task_type_ids": [animation["id"]]}})["body"][0]
    admin.assign_task({"params": {"task_id": task["id"]},
                       "body": {"person_id": str(studio["people"]["user"].id)}})
    return task


def tree_in_read_model(engine, project_id):
    with engine.connect() as connection:
        return connection.execute(sa.text(
            "SELECT row->'file_tree' FROM tasks.projects WHERE id = :id"),
            {"id": project_id}).scalar()


@pytest.fixture
def with_tree(services, studio, clean_db, wait_until):
    """`with_tree(tree)` sets the production's file tree and waits for the read model."""
    catalog, _ = services(studio["people"]["admin"])

    def set_tree(tree):
        catalog.crud_update({"route": {"model": "projects"}, "params": {
            "instance_id": studio["project"]["id"]}, "body": {"file_tree": tree}})
        wait_until(lambda: tree_in_read_model(clean_db, studio["project"]["id"]) == tree)
    return set_tree


def instance_in_read_model(engine, instance_id):
    """Whether the tasks service's read model has this asset instance."""
    with engine.connect() as connection:
        return connection.execute(sa.text(
            "SELECT count(*) FROM tasks.asset_instances WHERE id = :id"),
            {"id": instance_id}).scalar() == 1


@pytest.fixture
def instance_followed(clean_db):
    """`instance_followed(id, present=True)` waits until the tasks read model has (or
    no longer has) that asset instance of the catalog."""
    return lambda instance_id, present=True: wait_until(
        lambda: instance_in_read_model(clean_db, instance_id) == present)


@pytest.fixture
def instance(services, studio, instance_followed):
    """An instance of the Ada asset (the tasks read model has it), output types Cache
    and Render, and what the routes take: path params and the kinds of output."""
    catalog, admin = services(studio["people"]["admin"])
    made = catalog.crud_create({"route": {"model": "asset-instances"}, "body": {
        "asset_id": studio["asset"]["id"], "name": "Ada_0001", "number": 1}})["body"]
    instance_followed(made["id"])
    cache, render = [admin.crud_create({"route": {"model": "output-types"}, "body": {
        "name": name, "short_name": name[:3]}})["body"] for name in ("Cache", "Render")]
    modeling = studio["task_types"][("Modeling", "Asset")]
    return {"row": made, "cache": cache, "render": render,
            "where": {"asset_instance_id": made["id"],
                      "temporal_entity_id": studio["shots"][0]["id"]},
            "kind": {"output_type_id": cache["id"], "task_type_id": modeling["id"]}}
