"""A production's team and asset types, the open/all listings, entity and asset types,
and access following the persons read model."""
import uuid

import pytest
from nameko.exceptions import RemoteError

from slate_common import db, eventstore

from slate_catalog import defaults

PROJECTS = {"model": "projects"}
ENTITY_TYPES = {"model": "entity-types"}


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:6])


def last_event(engine, name):
    with engine.connect() as connection:
        return [e for e in eventstore.read(connection, 0, 10000) if e["name"] == name][-1]


def exc_type(call, *args):
    with pytest.raises(RemoteError) as error:
        call(*args)
    return error.value.exc_type


@pytest.fixture
def admin(create_person):
    return create_person(role="admin")


@pytest.fixture
def project(catalog, admin):
    return catalog(admin).crud_create({"route": PROJECTS, "body": {"name": unique("Show")}})[
        "body"]


def test_team_add_get_remove_with_events(catalog, admin, project, create_person, clean_db):
    artist = create_person(role="user", first_name="Art", daily_salary=300)
    where = {"project_id": project["id"]}
    added = catalog(admin).add_team_member({"params": where,
                                            "body": {"person_id": str(artist.id)}})
    assert added["status"] == 201 and added["body"]["id"] == project["id"]
    update = last_event(clean_db, "project:update")
    assert update["data"] == {"project_id": project["id"]}
    assert str(update["project_id"]) == project["id"]
    assert update["payload"]["changes"]["team"] == [[], [str(artist.id)]]
    team = catalog(admin).team({"params": where})["body"]
    assert [(m["id"], m["first_name"], m["project_role"]) for m in team] == [
        (str(artist.id), "Art", None)]
    assert team[0]["daily_salary"] == 300 and "password" not in team[0]
    seen_by_artist = catalog(artist).team({"params": where})["body"][0]
    assert "daily_salary" not in seen_by_artist and seen_by_artist["full_name"] == "Art Doe"
    catalog(admin).remove_team_member({"params": {**where, "person_id": str(artist.id)}})
    assert catalog(admin).team({"params": where})["body"] == []
    assert exc_type(catalog(artist).team, {"params": where}) == "Forbidden"


def test_team_bad_input(catalog, admin, project):
    where = {"project_id": project["id"]}
    assert exc_type(catalog(admin).add_team_member, {"params": where, "body": {}}) == "Invalid"
    assert exc_type(catalog(admin).add_team_member, {"params": where, "body": {
        "person_id": str(uuid.uuid4())}}) == "Invalid"
    assert exc_type(catalog(admin).add_team_member, {"params": {"project_id": "bad"},
                                                     "body": {"person_id": "x"}}) == "NotFound"


def test_open_and_all_projects(catalog, admin, project, create_person):
    supervisor = create_person(role="supervisor")
    other = catalog(admin).crud_create({"route": PROJECTS, "body": {"name": unique("B")}})
    catalog(admin).add_team_member({"params": {"project_id": project["id"]},
                                    "body": {"person_id": str(supervisor.id)}})
    opened = catalog(admin).open_projects({"query": {}})["body"]
    assert {project["id"], other["body"]["id"]} <= {p["id"] for p in opened}
    assert opened[0]["descriptors"] == [] and "team" in opened[0]
    mine = catalog(supervisor).open_projects({"query": {}})["body"]
    assert [p["id"] for p in mine] == [project["id"]]
    listed = catalog(admin).all_projects({"query": {"name": project["name"].upper()}})["body"]
    assert [p["id"] for p in listed] == [project["id"]]
    assert listed[0]["project_status_name"] == "Open" and "team" not in listed[0]
    assert [p["id"] for p in catalog(supervisor).all_projects({"query": {}})["body"]] == [
        project["id"]]
    assert exc_type(catalog(admin).all_projects, {"query": {"name": "nope"}}) == "NotFound"


def test_entity_and_asset_types(catalog, admin, project, clean_db):
    uow = db.unit_of_work(clean_db)
    assert "Character" in defaults.init_data(uow)
    uow.commit()
    assert defaults.init_data(uow) == []  # idempotent
    uow.close()
    created = catalog(admin).crud_create({"route": ENTITY_TYPES, "body": {"name": "Vehicle"}})
    vehicle = created["body"]
    assert created["status"] == 201 and vehicle["type"] == "EntityType"
    assert last_event(clean_db, "asset-type:new")["data"] == {"asset_type_id": vehicle["id"]}
    assert exc_type(catalog(admin).crud_create, {"route": ENTITY_TYPES,
                                                 "body": {"name": "vehicle"}}) == "Invalid"
    names = [t["name"] for t in catalog(admin).asset_types({"query": {}})["body"]]
    assert {"Character", "Prop", "Environment", "FX", "Vehicle"} <= set(names)
    assert "Shot" not in names and "Episode" not in names
    one = catalog(admin).asset_type({"params": {"asset_type_id": vehicle["id"]}})["body"]
    assert one["type"] == "AssetType" and one["task_types"] == []
    shot = catalog(admin).crud_list({"route": ENTITY_TYPES, "query": {"name": "shot"}})["body"]
    assert exc_type(catalog(admin).asset_type,
                    {"params": {"asset_type_id": shot[0]["id"]}}) == "NotFound"
    where = {"project_id": project["id"]}
    reply = catalog(admin).add_asset_type_setting(
        {"params": where, "body": {"asset_type_id": vehicle["id"]}})
    assert reply["status"] == 201
    got = catalog(admin).crud_get({"route": PROJECTS, "params": {"instance_id": project["id"]}})
    assert got["body"]["asset_types"] == [vehicle["id"]]
    catalog(admin).remove_asset_type_setting({"params": {**where,
                                                         "asset_type_id": vehicle["id"]}})
    got = catalog(admin).crud_get({"route": PROJECTS, "params": {"instance_id": project["id"]}})
    assert got["body"]["asset_types"] == []


def test_a_role_change_in_auth_reaches_the_catalog(catalog, admin, project, create_person,
                                                   update_person, wait_until):
    person = create_person(role="user")
    catalog(admin).add_team_member({"params": {"project_id": project["id"]},
                                    "body": {"person_id": str(person.id)}})
    put = {"route": PROJECTS, "params": {"instance_id": project["id"]},
           "body": {"description": "by a new manager"}}
    assert exc_type(catalog(person).crud_update, put) == "Forbidden"
    update_person(person, role="manager")

    def promoted():
        try:
            return catalog(person).crud_update(put)["status"] == 200
        except RemoteError:
            return False
    wait_until(promoted, timeout=10)
    update_person(person, active=False)
    wait_until(lambda: _refused(catalog(person).crud_list, {"route": PROJECTS}))


def _refused(call, *args):
    try:
        call(*args)
    except RemoteError as error:
        return error.exc_type == "InactiveUser"
    return False
