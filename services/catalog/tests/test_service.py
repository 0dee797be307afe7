"""The catalog service over real RabbitMQ RPC and PostgreSQL: productions, their
statuses, team and asset types, with Zou's access rules and error shapes."""
import ast
import uuid

import pytest
from nameko.exceptions import RemoteError

from slate_common.testing import logged_events as events

PROJECTS = {"model": "projects"}
ENTITY_TYPES = {"model": "entity-types"}
ROLES = ("admin", "manager", "supervisor", "user", "client")




def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:6])


def refused(call, *args):
    """The nameko exc_type and message a call fails with (nameko sends the error's
    args as the text of a tuple: message, data as JSON)."""
    with pytest.raises(RemoteError) as error:
        call(*args)
    return error.value.exc_type, ast.literal_eval(error.value.value)[0]


@pytest.fixture
def admin(create_person):
    return create_person(role="admin", first_name="Ada")


@pytest.fixture
def new_project(catalog, admin):
    """`new_project(**body)` -> a production created by the admin."""
    def create(**body):
        reply = catalog(admin).crud_create({"route": PROJECTS, "body": {
            "name": unique("Film"), **body}})
        assert reply["status"] == 201
        return reply["body"]
    return create


def statuses(catalog, person):
    listed = catalog(person).crud_list({"route": {"model": "project-status"}})["body"]
    return {status["name"]: status["id"] for status in listed}


def test_admin_creates_a_production_with_zou_fields_and_events(catalog, admin, clean_db):
    reply = catalog(admin).crud_create({"route": PROJECTS, "body": {
        "name": "Big Buck", "production_type": "short", "fps": "24", "ratio": "2.35",
        "resolution": "2048x858", "data": {"client": "ACME"}, "task_types": []}})
    assert reply["status"] == 201
    project = reply["body"]
    assert project["type"] == "Project" and project["fps"] == "24"
    assert project["production_style"] == "2d3d" and project["homepage"] == "assets"
    assert project["team"] == [] and project["asset_types"] == [] == project["task_types"]
    assert project["project_status_id"] == statuses(catalog, admin)["Open"]
    new = events(clean_db, "project:new")[-1]
    assert new["data"] == {"project_id": project["id"]}
    assert new["payload"]["new"]["data"] == {"client": "ACME"}
    assert str(new["actor_id"]) == str(admin.id)
    assert [e["data"] for e in events(clean_db, "project-status:new")] == [
        {"project_status_id": project["project_status_id"]}]
    got = catalog(admin).crud_get({"route": PROJECTS, "params": {"instance_id": project["id"]}})
    assert got["body"]["project_status_name"] == "Open"
    assert got["body"]["descriptors"] == [] and got["body"]["task_type_links"] == {}


@pytest.fixture
def cast(create_person, new_project, catalog, admin):
    """One person per role, a production whose team holds them all but the admin, and
    a production with nobody in its team."""
    people = {role: create_person(role=role) for role in ROLES}
    people["admin"] = admin
    ours, foreign = new_project(), new_project()
    for role in ROLES[1:]:
        catalog(admin).add_team_member({"params": {"project_id": ours["id"]},
                                        "body": {"person_id": str(people[role].id)}})
    return people, ours, foreign


def test_role_matrix_on_productions(catalog, cast):
    people, ours, foreign = cast
    for role, person in people.items():
        listed = {p["id"] for p in catalog(person).crud_list({"route": PROJECTS})["body"]}
        expected = {ours["id"], foreign["id"]} if role == "admin" else {ours["id"]}
        assert expected <= listed and (role == "admin" or foreign["id"] not in listed), role
        get = {"route": PROJECTS, "params": {"instance_id": foreign["id"]}}
        if role == "admin":
            assert catalog(person).crud_get(get)["status"] == 200
        else:
            assert refused(catalog(person).crud_get, get)[0] == "Forbidden", role
            mine = {"route": PROJECTS, "params": {"instance_id": ours["id"]}}
            assert catalog(person).crud_get(mine)["body"]["id"] == ours["id"]
        create = {"route": PROJECTS, "body": {"name": unique("By-" + role)}}
        if role == "admin":
            assert catalog(person).crud_create(create)["status"] == 201
        else:
            assert refused(catalog(person).crud_create, create)[0] == "Forbidden", role


def test_managers_of_the_team_update_others_may_not(catalog, cast):
    people, ours, foreign = cast
    body = {"description": "Edited"}
    put = lambda who, project: catalog(people[who]).crud_update(  # noqa: E731
        {"route": PROJECTS, "params": {"instance_id": project["id"]}, "body": body})
    assert put("manager", ours)["body"]["description"] == "Edited"
    assert refused(put, "manager", foreign)[0] == "Forbidden"
    for role in ("supervisor", "user", "client"):
        assert refused(put, role, ours)[0] == "Forbidden"


def test_only_closed_productions_are_deleted_and_only_by_admins(catalog, cast, clean_db):
    people, ours, foreign = cast
    delete = {"route": PROJECTS, "params": {"instance_id": ours["id"]}}
    assert refused(catalog(people["manager"]).crud_delete, delete) == (
        "BadRequest", "Only closed projects can be deleted")
    closed = statuses(catalog, people["admin"])
    closed = closed.get("Closed") or catalog(people["admin"]).crud_create({
        "route": {"model": "project-status"},
        "body": {"name": "Closed", "color": "#000000"}})["body"]["id"]
    catalog(people["admin"]).crud_update({"route": PROJECTS, "params": delete["params"],
                                          "body": {"project_status_id": closed}})
    assert refused(catalog(people["manager"]).crud_delete, delete)[0] == "Forbidden"
    assert catalog(people["admin"]).crud_delete(delete)["status"] == 204
    assert events(clean_db, "project:delete")[-1]["data"] == {"project_id": ours["id"]}
    assert refused(catalog(people["admin"]).crud_get, delete)[0] == "NotFound"


def test_bad_input_is_refused_the_zou_way_and_emits_nothing(catalog, admin, new_project,
                                                           clean_db):
    project = new_project(name="Taken")
    before = len(events(clean_db))
    me = catalog(admin)
    assert refused(me.crud_get, {"route": PROJECTS, "params": {"instance_id": "nope"}}) == (
        "MalformedId", "Malformed ID.")
    assert refused(me.crud_create, {"route": PROJECTS, "body": {"name": "X", "nope": 1}}) \
        == ("Rejected", "'nope' is an invalid keyword argument for Project")
    assert refused(me.crud_create, {"route": PROJECTS, "body": {"name": "Taken"}}) == (
        "Rejected", "A record with the same unique values already exists.")
    assert refused(me.crud_create, {"route": PROJECTS, "body": {
        "name": "Y", "production_style": "oil"}}) == ("Invalid", "Invalid production_style")
    assert refused(me.crud_create, {"route": PROJECTS, "body": None})[0] == "Invalid"
    assert refused(me.crud_delete, {"route": PROJECTS,
                                    "params": {"instance_id": project["id"]}})[0] \
        == "BadRequest"
    assert refused(me.crud_get, {"route": PROJECTS, "params": {
        "instance_id": str(uuid.uuid4())}})[0] == "NotFound"
    assert len(events(clean_db)) == before
