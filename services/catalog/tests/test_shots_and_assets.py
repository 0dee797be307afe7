"""Assets, episodes, sequences and shots over real RPC and PostgreSQL: Zou's JSON for
creation and reads, its events, access rules and error shapes."""
import ast
import uuid

import pytest
from nameko.exceptions import RemoteError

from slate_common.testing import logged_events as events


ROLES = ("admin", "manager", "supervisor", "user", "client")




def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:6])


def refused(call, *args):
    """The nameko exc_type and message a call fails with."""
    with pytest.raises(RemoteError) as error:
        call(*args)
    return error.value.exc_type, ast.literal_eval(error.value.value)[0]

PROJECTS = {"model": "projects"}


def where(project, **more):
    return {"project_id": project["id"], **more}


def test_assets_are_created_read_and_listed_as_zou_serves_them(catalog, setup, clean_db):
    admin, project, character = setup
    me = catalog(admin)
    reply = me.new_asset({"params": where(project, asset_type_id=character["id"]),
                          "body": {"name": "Ada", "description": "Hero",
                                   "data": {"rig": "v1"}, "is_shared": False}})
    assert reply["status"] == 201
    asset = reply["body"]
    assert asset["type"] == "Asset" and asset["name"] == "Ada"
    assert asset["entity_type_id"] == character["id"] and asset["status"] == "running"
    assert asset["created_by"] == str(admin.id) and asset["data"] == {"rig": "v1"}
    assert asset["nb_entities_out"] == 0 and asset["canceled"] is False
    assert "project_name" not in asset and "entities_out" not in asset
    new = events(clean_db, "asset:new")[-1]
    assert new["data"] == {"asset_id": asset["id"], "asset_type": character["id"]}
    assert str(new["project_id"]) == project["id"]
    assert new["payload"]["new"]["name"] == "Ada"

    got = me.asset({"params": {"asset_id": asset["id"]}})["body"]
    assert got["project_name"] == project["name"]
    assert got["asset_type_name"] == "Character" and got["asset_type_id"] == character["id"]
    assert got["episode_id"] == "" and got["casting_episode_ids"] == [] == got["tasks"]
    assert got["entities_out"] == [] and "source_id" not in got and "nb_frames" not in got
    assert got["preview_file_id"] == "" and got["ready_for"] == "None"

    listed = me.project_assets({"params": where(project)})["body"]
    assert [a["id"] for a in listed] == [asset["id"]]
    assert set(listed[0]) == set(asset)
    by_name = me.assets({"query": {"project_id": project["id"], "name": "ada",
                                   "entity_type_id": character["id"]}})["body"]
    assert [a["id"] for a in by_name] == [asset["id"]]
    assert me.assets({"query": {"project_id": project["id"], "name": "Bob"}})["body"] == []
    held = me.asset_types({"query": {"project_id": project["id"]}})["body"]
    assert [t["id"] for t in held] == [character["id"]]


def test_episodes_sequences_and_shots(catalog, setup, clean_db):
    admin, project, _ = setup
    me = catalog(admin)
    episode = me.new_episode({"params": where(project), "body": {"name": "E01"}})["body"]
    assert episode["type"] == "Episode" and episode["description"] == ""
    assert events(clean_db, "episode:new")[-1]["data"] == {"episode_id": episode["id"]}
    sequence = me.new_sequence({"params": where(project), "body": {
        "name": "SQ01", "episode_id": episode["id"]}})["body"]
    assert sequence["type"] == "Sequence" and sequence["parent_id"] == episode["id"]
    assert events(clean_db, "sequence:new")[-1]["data"] == {"sequence_id": sequence["id"]}
    reply = me.new_shot({"params": where(project), "body": {
        "name": "SH010", "sequence_id": sequence["id"], "nb_frames": 48,
        "data": {"frame_in": 1001, "frame_out": 1048}}})
    assert reply["status"] == 201
    shot = reply["body"]
    assert shot["type"] == "Shot" and shot["nb_frames"] == 48
    assert shot["parent_id"] == sequence["id"] and shot["description"] is None
    assert events(clean_db, "shot:new")[-1]["data"] == {
        "shot_id": shot["id"], "episode_id": episode["id"]}

    # The same name again: the existing row, no second event.
    count = len(events(clean_db, "shot:new"))
    again = me.new_shot({"params": where(project), "body": {
        "name": "SH010", "sequence_id": sequence["id"]}})["body"]
    assert again["id"] == shot["id"] and len(events(clean_db, "shot:new")) == count

    got = me.shot({"params": {"shot_id": shot["id"]}})["body"]
    assert got["frame_in"] == 1001 and got["frame_out"] == 1048 and got["fps"] is None
    assert got["sequence_name"] == "SQ01" and got["sequence_id"] == sequence["id"]
    assert got["episode_name"] == "E01" and got["episode_id"] == episode["id"]
    assert got["project_name"] == project["name"] and got["tasks"] == []
    assert got["instance_casting"] == []
    seq = me.sequence({"params": {"sequence_id": sequence["id"]}})["body"]
    assert seq["episode_name"] == "E01" and seq["project_name"] == project["name"]
    ep = me.episode({"params": {"episode_id": episode["id"]}})["body"]
    assert ep["project_name"] == project["name"]

    assert [s["id"] for s in me.project_shots({"params": where(project)})["body"]] \
        == [shot["id"]]
    assert [s["id"] for s in me.project_sequences({"params": where(project)})["body"]] \
        == [sequence["id"]]
    assert [s["id"] for s in me.project_episodes({"params": where(project)})["body"]] \
        == [episode["id"]]
    listed = me.shots({"query": {"project_id": project["id"]}})["body"]
    assert [(s["id"], s["sequence_name"], s["project_name"]) for s in listed] == [
        (shot["id"], "SQ01", project["name"])]
    by_sequence = me.shots({"query": {"sequence_id": sequence["id"], "name": "SH010"}})
    assert [s["id"] for s in by_sequence["body"]] == [shot["id"]]
    assert [s["id"] for s in me.sequences({"query": {
        "project_id": project["id"], "name": "SQ01"}})["body"]] == [sequence["id"]]


def test_entity_update_merges_data_and_emits_the_kind_event(catalog, setup, clean_db):
    admin, project, _ = setup
    me = catalog(admin)
    sequence = me.new_sequence({"params": where(project), "body": {"name": "SQ"}})["body"]
    shot = me.new_shot({"params": where(project), "body": {
        "name": "SH1", "sequence_id": sequence["id"], "data": {"frame_in": 1}}})["body"]
    full = me.shot({"params": {"shot_id": shot["id"]}})["body"]
    full.update(description="Wide", data={"frame_out": 9})
    reply = me.update_entity({"params": {"instance_id": shot["id"]}, "body": full})
    assert reply["body"]["description"] == "Wide"
    assert reply["body"]["data"] == {"frame_in": 1, "frame_out": 9}
    update = events(clean_db, "shot:update")[-1]
    assert update["data"] == {"shot_id": shot["id"]}
    assert update["payload"]["changes"]["description"] == [None, "Wide"]
    got = me.entity({"params": {"instance_id": shot["id"]}})["body"]
    assert got["type"] == "Shot" and got["description"] == "Wide"
    other = me.new_shot({"params": where(project), "body": {
        "name": "SH2", "sequence_id": sequence["id"]}})["body"]
    assert refused(me.update_entity, {"params": {"instance_id": other["id"]},
                                      "body": {"name": "SH1"}})[0] == "Invalid"
    assert refused(me.update_entity, {"params": {"instance_id": other["id"]},
                                      "body": {"status": "lost"}}) == (
        "Invalid", "Invalid status")


@pytest.fixture
def cast(setup, catalog, create_person):
    admin, project, character = setup
    people = {role: create_person(role=role) for role in ROLES[1:]}
    people["admin"] = admin
    me = catalog(admin)
    for role in ROLES[1:]:
        me.add_team_member({"params": where(project),
                            "body": {"person_id": str(people[role].id)}})
    foreign = me.crud_create({"route": PROJECTS, "body": {"name": unique("Other")}})["body"]
    return people, project, foreign, character


def test_role_matrix_on_entities(catalog, cast):
    people, project, foreign, character = cast
    for role, person in people.items():
        me = catalog(person)
        body = {"name": unique("Ep")}
        if role in ("admin", "manager"):
            episode = me.new_episode({"params": where(project), "body": body})["body"]
            assert me.episode({"params": {"episode_id": episode["id"]}})["status"] == 200
        else:
            assert refused(me.new_episode, {"params": where(project), "body": body})[0] \
                == "Forbidden", role
            assert me.project_episodes({"params": where(project)})["status"] == 200
        asset = {"params": where(foreign, asset_type_id=character["id"]),
                 "body": {"name": "X"}}
        if role == "admin":
            assert me.new_asset(asset)["status"] == 201
        else:
            assert refused(me.new_asset, asset)[0] == "Forbidden", role
            assert refused(me.project_shots, {"params": where(foreign)})[0] == "Forbidden"
            assert refused(me.shots, {"query": {}})[0] == "Forbidden"
            listed = me.assets({"query": {}})["body"]
            assert all(a["project_id"] == project["id"] for a in listed), role


def test_bad_input_is_refused_the_zou_way_and_emits_nothing(catalog, setup, clean_db):
    admin, project, character = setup
    me = catalog(admin)
    other = me.crud_create({"route": PROJECTS, "body": {"name": unique("Other")}})["body"]
    foreign_sequence = me.new_sequence({"params": where(other), "body": {"name": "S"}})
    before = len(events(clean_db))
    error = refused(me.new_shot, {"params": where(project), "body": {"nb_frames": 3}})
    assert error == ("Invalid", "Validation error.")
    assert refused(me.new_shot, {"params": where(project), "body": {
        "name": "SH", "sequence_id": foreign_sequence["body"]["id"]}})[0] == "NotFound"
    assert refused(me.new_shot, {"params": where(project), "body": {
        "name": "SH", "sequence_id": "nope"}})[0] == "Invalid"
    assert refused(me.new_sequence, {"params": where(project), "body": {
        "name": "S", "episode_id": str(uuid.uuid4())}})[0] == "NotFound"
    assert refused(me.new_asset, {"params": where(project, asset_type_id=str(uuid.uuid4())),
                                  "body": {"name": "A"}})[0] == "NotFound"
    assert refused(me.new_asset, {"params": {"project_id": str(uuid.uuid4()),
                                             "asset_type_id": character["id"]},
                                  "body": {"name": "A"}})[0] == "NotFound"
    assert refused(me.new_episode, {"params": where(project), "body": {"name": ""}})[0] \
        == "Invalid"
    assert refused(me.shot, {"params": {"shot_id": "nope"}})[0] == "NotFound"
    assert refused(me.asset, {"params": {"asset_id": str(uuid.uuid4())}})[0] == "NotFound"
    assert refused(me.entity, {"params": {"instance_id": "nope"}})[0] == "MalformedId"
    assert refused(me.shots, {"query": {"project_id": "nope"}})[0] == "Invalid"
    assert len(events(clean_db)) == before


def test_who_may_update_an_entity(catalog, cast):
    people, project, foreign, character = cast
    asset = catalog(people["admin"]).new_asset({
        "params": where(project, asset_type_id=character["id"]),
        "body": {"name": unique("Prop")}})["body"]
    put = lambda role, body: catalog(people[role]).update_entity(  # noqa: E731
        {"params": {"instance_id": asset["id"]}, "body": body})
    assert put("manager", {"description": "By the manager"})["body"]["type"] == "Asset"
    assert put("supervisor", {"data": {"look": "red"}})["body"]["data"] == {"look": "red"}
    assert refused(put, "supervisor", {"description": "No"})[0] == "Forbidden"
    for role in ("user", "client"):
        assert refused(put, role, {"data": {"x": 1}})[0] == "Forbidden", role
    outsider = catalog(people["admin"]).new_asset({
        "params": where(foreign, asset_type_id=character["id"]), "body": {"name": "Y"}})
    assert refused(catalog(people["manager"]).update_entity, {
        "params": {"instance_id": outsider["body"]["id"]},
        "body": {"description": "No"}})[0] == "Forbidden"
