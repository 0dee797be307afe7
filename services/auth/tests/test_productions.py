"""The auth service's read model of the catalog's productions, and the team-scoped rules
it serves: a manager's view of the event log, the people a client meets.

Productions are announced the way the catalog announces them (`project:new` with the
full row, `project:update` with [old, new] changes), so auth learns of them only
through its follower, as in production."""
import time
import uuid

import pytest
from nameko.exceptions import RemoteError

from slate_common import db

from slate_auth import productions

PERSONS = {"model": "persons"}


def announce(engine, name, data, payload, project_id=None):
    uow = db.unit_of_work(engine)
    uow.emit(name, data, payload, project_id=project_id)
    positions = uow.commit()
    uow.close()
    return positions[-1]


def new_status(engine, name):
    status_id = str(uuid.uuid4())
    announce(engine, "project-status:new", {"project_status_id": status_id},
             {"new": {"id": status_id, "name": name, "color": "#000000"}})
    return status_id


def new_project(engine, status_id, team):
    project_id = str(uuid.uuid4())
    announce(engine, "project:new", {"project_id": project_id}, {"new": {
        "id": project_id, "name": "Film " + project_id[:6], "project_status_id": status_id,
        "team": [str(person.id) for person in team]}}, project_id=project_id)
    return project_id


def change_project(engine, project_id, **changes):
    announce(engine, "project:update", {"project_id": project_id}, {
        "id": project_id, "changes": {key: [None, value] for key, value in changes.items()}},
        project_id=project_id)


def wait_for(predicate, timeout=10.0):
    deadline = time.time() + timeout
    while not predicate():
        assert time.time() < deadline, "timed out"
        time.sleep(0.05)


def caught_up(engine):
    """Wait until the follower applied every event in the log."""
    with engine.connect() as connection:
        last = connection.exec_driver_sql("SELECT max(position) FROM events.events").scalar()
    def done():
        with engine.connect() as connection:
            seen = connection.exec_driver_sql(
                "SELECT position FROM events.tracking WHERE consumer = %s",
                (productions.CONSUMER,)).scalar()
        return seen is not None and seen >= last
    wait_for(done)


def ids(rows):
    return {row["id"] for row in rows}


@pytest.fixture
def studio(auth, create_person, clean_db):
    """Two productions (one open, one closed) and who is in which team."""
    people = {name: create_person(role=role, first_name=name) for name, role in (
        ("admin", "admin"), ("manager", "manager"), ("client", "client"),
        ("artist", "user"), ("outsider", "user"), ("closed_artist", "user"))}
    open_id, closed_id = new_status(clean_db, "Open"), new_status(clean_db, "Closed")
    film = new_project(clean_db, open_id, [people["manager"], people["client"],
                                           people["artist"]])
    old = new_project(clean_db, closed_id, [people["client"], people["closed_artist"]])
    caught_up(clean_db)
    people["closed_status_id"] = closed_id
    return people, film, old


def test_a_manager_reads_only_the_events_of_their_productions(auth, studio, clean_db):
    people, film, old = studio
    events = auth(people["manager"]).events_last({"query": {"limit": 100}})["body"]
    assert events and {event["project_id"] for event in events} == {film}
    admin_view = auth(people["admin"]).events_last({"query": {"limit": 100}})["body"]
    assert {film, old, None} <= {event["project_id"] for event in admin_view}
    with pytest.raises(RemoteError) as error:
        auth(people["manager"]).events_last({"query": {"project_id": old}})
    assert error.value.exc_type == "Forbidden"


def test_team_changes_and_deletions_reach_the_managers_view(auth, studio, clean_db):
    people, film, old = studio
    change_project(clean_db, old, team=[str(people["manager"].id)])
    caught_up(clean_db)
    seen = auth(people["manager"]).events_last({"query": {"project_id": old}})["body"]
    assert seen and {event["project_id"] for event in seen} == {old}
    announce(clean_db, "project:delete", {"project_id": old}, {"old": {"id": old}})
    caught_up(clean_db)
    with pytest.raises(RemoteError):
        auth(people["manager"]).events_last({"query": {"project_id": old}})


def test_a_client_meets_only_the_teams_of_their_open_productions(auth, studio):
    people, film, old = studio
    client = auth(people["client"])
    listed = client.crud_list({"route": PERSONS, "query": {}})["body"]
    assert ids(listed) == {str(people[name].id) for name in ("manager", "client", "artist")}
    assert set(listed[0]) <= {"id", "type", "first_name", "last_name", "full_name",
                              "has_avatar", "active", "role", "is_bot"}
    seen = client.crud_get({"route": PERSONS, "params": {"instance_id":
                                                         str(people["artist"].id)}})
    assert seen["body"]["id"] == str(people["artist"].id)
    for stranger in ("outsider", "closed_artist"):
        with pytest.raises(RemoteError) as error:
            client.crud_get({"route": PERSONS, "params": {"instance_id":
                                                          str(people[stranger].id)}})
        assert error.value.exc_type == "Forbidden"


def test_closing_a_production_hides_its_team_from_its_clients(auth, studio, clean_db):
    people, film, old = studio
    change_project(clean_db, film, project_status_id=people["closed_status_id"])
    caught_up(clean_db)
    listed = auth(people["client"]).crud_list({"route": PERSONS, "query": {}})["body"]
    assert listed == []


def test_events_without_a_row_change_are_skipped(auth, studio, clean_db):
    """The tasks service announces settings changes as project:update with no payload:
    the follower must go on past them."""
    people, film, old = studio
    announce(clean_db, "project:update", {"project_id": film}, {}, project_id=film)
    change_project(clean_db, old, team=[str(people["manager"].id)])
    caught_up(clean_db)
    assert auth(people["manager"]).events_last({"query": {"project_id": old}})["body"]


def test_the_role_held_in_a_production_decides_who_reads_its_events(auth, studio,
                                                                    clean_db):
    """An artist made manager of the film reads its events; the studio's manager made
    artist there no longer does. A change of the team alone keeps those roles."""
    people, film, old = studio
    change_project(clean_db, film, team_roles={str(people["artist"].id): "manager",
                                               str(people["manager"].id): "user"})
    caught_up(clean_db)
    artist, manager = auth(people["artist"]), auth(people["manager"])
    seen = artist.events_last({"query": {"project_id": film}})["body"]
    assert seen and {event["project_id"] for event in seen} == {film}
    assert artist.events_last({"query": {"limit": 100}})["body"]
    assert manager.events_last({"query": {"limit": 100}})["body"] == []
    with pytest.raises(RemoteError) as error:
        manager.events_last({"query": {"project_id": film}})
    assert error.value.exc_type == "Forbidden"
    with pytest.raises(RemoteError) as error:
        auth(people["outsider"]).events_last({"query": {}})
    assert error.value.exc_type == "Forbidden"
    change_project(clean_db, film, team=[str(people[name].id) for name in (
        "manager", "client", "artist", "outsider")])
    caught_up(clean_db)
    assert artist.events_last({"query": {"project_id": film}})["body"]
    with pytest.raises(RemoteError):
        manager.events_last({"query": {"project_id": film}})
