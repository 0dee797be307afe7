"""Factories and fixtures for the catalog service's tests.

Persons are made the way the auth service makes them — a row in `auth.persons` and its
`person:new` event with the full row — so the catalog learns of them only through its
read model, as in production.
"""
import time
import uuid

import pytest

from slate_common import crud, db

from slate_catalog import defaults

from slate_auth.models import Person
from slate_catalog import defaults


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


def emit_task(engine, entity_id, deleted=None):
    """The tasks service's side of a task: `task:new` with a full task row on `entity_id`
    (or, given a task row as `deleted`, its `task:delete`). Returns the task row."""
    uow = db.unit_of_work(engine)
    if deleted is None:
        task = {"id": str(uuid.uuid4()), "entity_id": str(entity_id), "name": "main",
                "task_type_id": str(uuid.uuid4()), "task_status_id": str(uuid.uuid4()),
                "project_id": None, "assignees": []}
        uow.emit("task:new", {"task_id": task["id"]}, {"new": task})
    else:
        task = deleted
        uow.emit("task:delete", {"task_id": task["id"]}, {"old": task})
    uow.commit()
    uow.close()
    return task


def change_person(engine, person, **changes):
    """Update an auth person and emit `person:update` with [old, new] per field."""
    uow = db.unit_of_work(engine)
    row = uow.session.get(Person, person.id)
    before = crud.snapshot(row)
    for key, value in changes.items():
        setattr(row, key, value)
    uow.session.flush()
    uow.session.refresh(row)
    after = crud.snapshot(row)
    uow.emit("person:update", {"person_id": str(row.id)}, {
        "id": str(row.id), "updated_at": after["updated_at"],
        "changes": {key: [before[key], after[key]] for key in changes}})
    uow.commit()
    uow.close()


def wait_until(predicate, timeout=10.0):
    deadline = time.time() + timeout
    while not predicate():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


@pytest.fixture
def create_person(clean_db):
    """`create_person(**overrides)` -> an auth Person announced by its person:new event."""
    return lambda **overrides: emit_person(clean_db, **overrides)


@pytest.fixture
def catalog(service_processes, rpc_as, clean_db):
    """`catalog(person)` -> the running catalog service called as that person."""
    service_processes("catalog")

    def as_person(person=None):
        return rpc_as(person.id if person else None).catalog
    return as_person


@pytest.fixture
def update_person(clean_db):
    """`update_person(person, **changes)`: the auth side of a person update."""
    return lambda person, **changes: change_person(clean_db, person, **changes)


@pytest.fixture(name="wait_until")
def wait_until_fixture():
    return wait_until


def init_defaults(engine):
    """What `slate init-data` makes: Zou's project statuses and entity types."""
    uow = db.unit_of_work(engine)
    defaults.init_data(uow)
    uow.commit()
    uow.close()


@pytest.fixture
def create_task(clean_db):
    """`create_task(entity_id)` -> a task row announced by task:new;
    `create_task(None, deleted=row)` announces its task:delete."""
    return lambda entity_id, deleted=None: emit_task(clean_db, entity_id, deleted)


@pytest.fixture
def setup(catalog, create_person, clean_db):
    """Zou's defaults, an admin, a production and its Character asset type."""
    init_defaults(clean_db)
    admin = create_person(role="admin")
    me = catalog(admin)
    project = me.crud_create({"route": {"model": "projects"},
                              "body": {"name": "Film-%s" % uuid.uuid4().hex[:6]}})["body"]
    types = me.asset_types({})["body"]
    character = next(t for t in types if t["name"] == "Character")
    return admin, project, character


@pytest.fixture
def film(catalog, setup):
    """An admin's catalog client, a production, its episode E01, sequence SQ01 with the
    shots SH1 and SH2, and a Character asset Ada of the episode."""
    admin, project, character = setup
    me = catalog(admin)
    where = {"project_id": project["id"]}
    episode = me.new_episode({"params": where, "body": {"name": "E01"}})["body"]
    sequence = me.new_sequence({"params": where, "body": {
        "name": "SQ01", "episode_id": episode["id"]}})["body"]
    shots = [me.new_shot({"params": where, "body": {
        "name": name, "sequence_id": sequence["id"]}})["body"] for name in ("SH1", "SH2")]
    asset = me.new_asset({"params": {**where, "asset_type_id": character["id"]},
                          "body": {"name": "Ada", "episode_id": episode["id"]}})["body"]
    return me, project, episode, sequence, shots, asset


@pytest.fixture
def production(catalog, create_person, clean_db):
    """Zou's defaults and a production with its team: a dict of the admin, the project
    (JSON), its Character asset type (JSON), a team manager and a team artist."""
    init_defaults(clean_db)
    admin, manager, artist = (create_person(role=role)
                              for role in ("admin", "manager", "user"))
    project = catalog(admin).crud_create({"route": {"model": "projects"}, "body": {
        "name": "Film-%s" % uuid.uuid4().hex[:6],
        "team": [str(manager.id), str(artist.id)]}})["body"]
    character = next(item for item in catalog(admin).asset_types({})["body"]
                     if item["name"] == "Character")
    return {"admin": admin, "project": project, "character": character,
            "manager": manager, "artist": artist}
