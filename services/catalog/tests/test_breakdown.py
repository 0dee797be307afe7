"""The breakdown over real RPC and PostgreSQL: casting (shots, episodes, assets), entity
links, asset instances and scenes' shots, with Zou's JSON, events, access and errors."""
import ast
import uuid

import pytest
import sqlalchemy as sa
from nameko.exceptions import RemoteError

from slate_common import db
from slate_common.testing import logged_events as events

from slate_catalog import defaults, entities
from slate_catalog.models import Entity, EntityLink

PROJECTS = {"model": "projects"}




def last_position(engine):
    found = events(engine)
    return found[-1]["position"] if found else 0


def refused(call, *args):
    with pytest.raises(RemoteError) as error:
        call(*args)
    return error.value.exc_type, ast.literal_eval(error.value.value)[0]


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:6])


def create_scene(engine, project_id, name="SC01"):
    """A layout scene: an entity of type Scene (scene creation is another area)."""
    uow = db.unit_of_work(engine)
    scene_type = entities.type_row(uow, "Scene", create=True)
    scene = Entity(id=uuid.uuid4(), name=name, project_id=uuid.UUID(project_id),
                   entity_type_id=scene_type.id)
    uow.session.add(scene)
    uow.commit()
    uow.close()
    return str(scene.id)


@pytest.fixture
def film(catalog, create_person, clean_db):
    """An admin, a production with an episode, a sequence, two shots and assets."""
    uow = db.unit_of_work(clean_db)
    defaults.init_data(uow)
    uow.commit()
    uow.close()
    admin = create_person(role="admin")
    me = catalog(admin)
    project = me.crud_create({"route": PROJECTS, "body": {"name": unique("Film")}})["body"]
    types = {t["name"]: t for t in me.asset_types({})["body"]}
    where = {"project_id": project["id"]}

    def asset(name, kind="Character", target=project, **body):
        return me.new_asset({"params": {"project_id": target["id"],
                                        "asset_type_id": types[kind]["id"]},
                             "body": {"name": name, **body}})["body"]
    episode = me.new_episode({"params": where, "body": {"name": "E01"}})["body"]
    sequence = me.new_sequence({"params": where, "body": {
        "name": "SQ01", "episode_id": episode["id"]}})["body"]
    shots = [me.new_shot({"params": where, "body": {
        "name": name, "sequence_id": sequence["id"]}})["body"] for name in ("SH010", "SH020")]
    return dict(admin=admin, me=me, project=project, types=types, episode=episode,
                sequence=sequence, shots=shots, asset=asset,
                ada=asset("Ada"), bob=asset("Bob"), sword=asset("Sword", "Prop"))


def on(project, **more):
    return {"params": {"project_id": project["id"], **more}}


def test_shot_casting_is_replaced_read_and_mirrored_in_its_episode(film, clean_db):
    me, project, shot = film["me"], film["project"], film["shots"][0]
    ada, bob, episode = film["ada"], film["bob"], film["episode"]
    since = last_position(clean_db)
    body = [{"asset_id": ada["id"], "nb_occurences": 2, "label": "main"},
            {"asset_id": bob["id"], "nb_occurences": 1}]
    reply = me.update_entity_casting({**on(project, entity_id=shot["id"]), "body": body})
    assert (reply["status"], reply["body"]) == (200, body)
    casting = me.entity_casting(on(project, entity_id=shot["id"]))["body"]
    assert [(c["asset_name"], c["nb_occurences"], c["label"]) for c in casting] == [
        ("Ada", 2, "main"), ("Bob", 1, "")]
    assert casting[0]["asset_type_name"] == "Character" and casting[0]["is_shared"] is False
    assert casting[0]["project_id"] == project["id"] and casting[0]["episode_id"] is None
    names = [event["name"] for event in events(clean_db, since=since)]
    assert names.count("entity-link:new") == 4  # two in the shot, two mirrored
    update = events(clean_db, "shot:casting-update", since)[-1]
    assert update["data"] == {"shot_id": shot["id"], "nb_entities_out": 2,
                              "added_asset_ids": sorted([ada["id"], bob["id"]]),
                              "removed_asset_ids": []}
    new = events(clean_db, "entity-link:new", since)[-1]
    assert set(new["data"]) == {"entity_link_id", "entity_in_id", "entity_out_id",
                                "nb_occurences"}
    episodes = me.episodes_casting(on(project))["body"]
    assert [c["asset_id"] for c in episodes[episode["id"]]] == [ada["id"], bob["id"]]
    got = me.shot({"params": {"shot_id": shot["id"]}})["body"]
    assert got["nb_entities_out"] == 2 and set(got["entities_out"]) == {ada["id"], bob["id"]}
    got = me.asset({"params": {"asset_id": ada["id"]}})["body"]
    assert got["casting_episode_ids"] == [episode["id"]]
    assert set(got["entities_in"]) == {shot["id"], episode["id"]}

    # Dropping Bob from the shot frees him from the episode (his last shot).
    me.update_entity_casting({**on(project, entity_id=shot["id"]), "body": body[:1]})
    episodes = me.episodes_casting(on(project))["body"]
    assert [c["asset_id"] for c in episodes[episode["id"]]] == [ada["id"]]
    update = events(clean_db, "shot:casting-update")[-1]["data"]
    assert update["removed_asset_ids"] == [bob["id"]] and update["nb_entities_out"] == 1


def test_casting_reads_by_sequence_episode_type_and_asset(film):
    me, project, shots = film["me"], film["project"], film["shots"]
    ada, sword, sequence = film["ada"], film["sword"], film["sequence"]
    castings = {shot["id"]: [{"asset_id": ada["id"], "nb_occurences": 1}] for shot in shots}
    assert me.update_entities_casting({**on(project), "body": castings})["body"] == castings
    by_shot = me.sequence_casting(on(project, sequence_id=sequence["id"]))["body"]
    assert list(by_shot) == [shots[0]["id"], shots[1]["id"]]
    assert by_shot[shots[0]["id"]][0]["sequence_name"] == "SQ01"
    assert me.all_sequences_casting(on(project))["body"] == by_shot
    assert me.all_sequences_casting(on(project, episode_id=film["episode"]["id"]))[
        "body"] == by_shot
    assert me.all_sequences_casting(on(project, episode_id="main"))["body"] == {}
    cast_in = me.asset_cast_in({"params": {"asset_id": ada["id"]}})["body"]
    assert [c["shot_name"] for c in cast_in] == ["SH010", "SH020"]
    assert cast_in[0]["episode_name"] == "E01" and cast_in[0]["sequence_name"] == "SQ01"
    assets = me.shot_assets({"params": {"shot_id": shots[0]["id"]}})["body"]
    assert [(a["name"], a["type"]) for a in assets] == [("Ada", "Asset")]
    types = me.shot_asset_types({"params": {"shot_id": shots[0]["id"]}})["body"]
    assert [t["name"] for t in types] == ["Character"] and types[0]["type"] == "AssetType"

    # Set dressing: an asset cast in an asset.
    put = me.update_asset_casting({"params": {"asset_id": ada["id"]},
                                   "body": [{"asset_id": sword["id"]}]})["body"]
    assert put == [{"asset_id": sword["id"], "nb_occurences": 1, "label": ""}]
    assert [c["asset_name"] for c in me.asset_casting(
        {"params": {"asset_id": ada["id"]}})["body"]] == ["Sword"]
    assert [a["name"] for a in me.asset_assets({"params": {"asset_id": ada["id"]}})[
        "body"]] == ["Sword"]
    by_asset = me.asset_type_casting(on(project, asset_type_id=film["types"][
        "Character"]["id"]))["body"]
    assert list(by_asset) == [ada["id"]] and "is_shared" not in by_asset[ada["id"]][0]
    assert me.asset_cast_in({"params": {"asset_id": sword["id"]}})["body"][0][
        "asset_name"] == "Ada"


def test_casting_one_asset_in_several_entities_and_removing_links(film, clean_db):
    me, project, shots, ada = film["me"], film["project"], film["shots"], film["ada"]
    ids = [shot["id"] for shot in shots]
    reply = me.cast_asset_in_entities({**on(project, asset_id=ada["id"]),
                                       "body": {"entity_ids": ids, "label": "bg"}})["body"]
    assert set(reply) == set(ids)
    assert reply[ids[0]][0]["nb_occurences"] == 1 and reply[ids[0]][0]["label"] == "bg"
    reply = me.cast_asset_in_entities({**on(project, asset_id=ada["id"]),
                                       "body": {"entity_ids": ids[:1], "nb_occurences": 3}})
    assert reply["body"][ids[0]][0]["nb_occurences"] == 3
    assert reply["body"][ids[0]][0]["label"] == "bg"  # kept
    assert events(clean_db, "entity-link:update")[-1]["data"]["nb_occurences"] == 3

    links = me.project_entity_links(on(project))["body"]
    assert len(links) == 3 and links[0]["type"] == "EntityLink"
    assert len(links[0]["created_at"]) == 26 and "updated_at" not in links[0]
    page = me.project_entity_links({**on(project), "query": {"page": "1", "limit": "2"}})
    assert page["body"]["total"] == 3 and len(page["body"]["data"]) == 2
    after = me.project_entity_links({**on(project), "query": {
        "cursor_created_at": "2000-01-01T00:00:00.000000", "limit": "2"}})["body"]
    assert (after["total"], after["limit"], len(after["data"])) == (3, 2, 2)
    assert refused(me.project_entity_links, {**on(project), "query": {
        "cursor_created_at": "yesterday"}})[0] == "Invalid"
    shot_link = next(link for link in links if link["entity_in_id"] == ids[1])
    removed = me.remove_entity_link(on(project, entity_link_id=shot_link["id"]))["body"]
    assert removed["id"] == shot_link["id"]
    assert events(clean_db, "entity-link:delete")[-1]["data"] == {
        "entity_link_id": shot_link["id"]}

    uncast = me.cast_asset_in_entities({**on(project, asset_id=ada["id"]),
                                        "body": {"entity_ids": ids[:1], "nb_occurences": 0}})
    assert uncast["body"] == {ids[0]: []}
    assert me.project_entity_links(on(project))["body"] == []  # episode's auto link gone


def test_episode_casting_cascades_to_its_shots(film, clean_db):
    me, project, episode, shot = film["me"], film["project"], film["episode"], film["shots"][0]
    ada = film["ada"]
    me.update_entity_casting({**on(project, entity_id=episode["id"]),
                              "body": [{"asset_id": ada["id"], "nb_occurences": 1}]})
    assert events(clean_db, "asset:update")[-1]["data"] == {"asset_id": ada["id"]}
    assert events(clean_db, "episode:casting-update")[-1]["data"]["added_asset_ids"] == [
        ada["id"]]
    me.update_entity_casting({**on(project, entity_id=shot["id"]),
                              "body": [{"asset_id": ada["id"], "nb_occurences": 1}]})
    me.update_entity_casting({**on(project, entity_id=episode["id"]), "body": []})
    assert me.entity_casting(on(project, entity_id=shot["id"]))["body"] == []
    assert me.shot({"params": {"shot_id": shot["id"]}})["body"]["nb_entities_out"] == 0


def test_bad_castings_are_refused_and_write_nothing(film, catalog, clean_db):
    me, project, shot, ada = film["me"], film["project"], film["shots"][0], film["ada"]
    other = me.crud_create({"route": PROJECTS, "body": {"name": unique("Other")}})["body"]
    foreign = film["asset"]("Alien", target=other)
    shared = film["asset"]("Tree", target=other, is_shared=True)
    gone = film["asset"]("Gone")
    me.update_entity({"params": {"instance_id": gone["id"]}, "body": {"canceled": True}})
    since = last_position(clean_db)
    put = lambda body: me.update_entity_casting(  # noqa: E731
        {**on(project, entity_id=shot["id"]), "body": body})
    ok = {"asset_id": ada["id"], "nb_occurences": 1}
    assert refused(put, [ok, {"asset_id": gone["id"], "nb_occurences": 1}])[0] == "Invalid"
    assert refused(put, [ok, {"asset_id": foreign["id"], "nb_occurences": 1}])[0] == "Invalid"
    assert refused(put, [ok, {"asset_id": str(uuid.uuid4()), "nb_occurences": 1}])[0] \
        == "NotFound"
    assert refused(put, [{"asset_id": film["sequence"]["id"], "nb_occurences": 1}])[0] \
        == "NotFound"
    assert refused(put, [ok, {"asset_id": ada["id"], "nb_occurences": -1}]) == (
        "Invalid", "Validation error.")
    assert refused(put, [{"asset_id": "nope", "nb_occurences": 1}])[0] == "Invalid"
    assert refused(put, {"asset_id": ada["id"]}) == (
        "BadRequest", "Request body must be a JSON array")
    assert refused(me.update_asset_casting, {"params": {"asset_id": ada["id"]},
                                             "body": {}}) == (
        "Invalid", "Request body must be a JSON array.")
    assert refused(me.update_asset_casting, {"params": {"asset_id": ada["id"]},
                                             "body": [{"asset_id": ada["id"]}]})[0] \
        == "Invalid"  # not in itself
    assert refused(me.update_entity_casting, {**on(other, entity_id=shot["id"]),
                                              "body": [ok]})[0] == "Forbidden"
    assert refused(me.cast_asset_in_entities, {**on(project, asset_id=ada["id"]),
                                               "body": {"entity_ids": []}})[0] == "Invalid"
    assert refused(me.update_entities_casting, {**on(project), "body": {
        shot["id"]: [ok], film["shots"][1]["id"]: [{"asset_id": gone["id"], "nb_occurences": 1}]}})[0] \
        == "Invalid"
    assert refused(me.remove_entity_link, on(project, entity_link_id="nope"))[0] \
        == "NotFound"
    assert events(clean_db, since=since) == []
    assert put([{"asset_id": shared["id"], "nb_occurences": 1}])["status"] == 200
    assert [a["name"] for a in me.shared_assets_used(on(project))["body"]] == ["Tree"]
    assert me.shared_assets_used(on(project, episode_id=film["episode"]["id"]))[
        "body"][0]["type"] == "Asset"


def test_links_vanish_with_their_entity(film, clean_db):
    me, project, shot, ada = film["me"], film["project"], film["shots"][0], film["ada"]
    me.update_entity_casting({**on(project, entity_id=shot["id"]),
                              "body": [{"asset_id": ada["id"], "nb_occurences": 1}]})
    with clean_db.begin() as connection:
        connection.execute(sa.delete(Entity.__table__).where(
            Entity.__table__.c.id == uuid.UUID(ada["id"])))
        assert connection.scalar(sa.select(sa.func.count()).select_from(
            EntityLink.__table__)) == 0


def test_asset_instances_in_scenes_assets_and_shots(film, clean_db):
    me, project, shot = film["me"], film["project"], film["shots"][0]
    ada, sword = film["ada"], film["sword"]
    scene = create_scene(clean_db, project["id"])
    first = me.add_scene_asset_instance({"params": {"scene_id": scene},
                                         "body": {"asset_id": sword["id"]}})
    assert first["status"] == 201 and first["body"]["name"] == "Sword_0001"
    second = me.add_scene_asset_instance({"params": {"scene_id": scene},
                                          "body": {"asset_id": sword["id"]}})["body"]
    assert second["number"] == 2 and second["type"] == "AssetInstance"
    assert events(clean_db, "asset_instance:new")[-1]["data"] == {
        "scene_id": scene, "asset_id": sword["id"], "asset_instance_id": second["id"]}
    grouped = me.scene_asset_instances({"params": {"scene_id": scene}})["body"]
    assert [i["number"] for i in grouped[sword["id"]]] == [1, 2]
    assert me.scene_camera_instances({"params": {"scene_id": scene}})["body"] == {}
    assert list(me.asset_scene_asset_instances({"params": {"asset_id": sword["id"]}})[
        "body"]) == [scene]

    inside = me.add_asset_asset_instance({"params": {"asset_id": ada["id"]}, "body": {
        "asset_to_instantiate_id": sword["id"], "description": "in hand"}})["body"]
    assert inside["target_asset_id"] == ada["id"] and inside["description"] == "in hand"
    assert list(me.asset_asset_instances({"params": {"asset_id": ada["id"]}})["body"]) == [
        sword["id"]]

    added = me.add_shot_asset_instance({"params": {"shot_id": shot["id"]},
                                        "body": {"asset_instance_id": first["body"]["id"]}})
    assert added["status"] == 201 and added["body"]["id"] == shot["id"]
    assert me.shot_asset_instances({"params": {"shot_id": shot["id"]}})["body"] == {
        sword["id"]: [first["body"]]}
    assert list(me.asset_shot_asset_instances({"params": {"asset_id": sword["id"]}})[
        "body"]) == [shot["id"]]
    assert me.shot({"params": {"shot_id": shot["id"]}})["body"]["instance_casting"] == [
        first["body"]["id"]]
    gone = me.remove_shot_asset_instance({"params": {
        "shot_id": shot["id"], "asset_instance_id": first["body"]["id"]}})
    assert gone["status"] == 204
    assert refused(me.remove_shot_asset_instance, {"params": {
        "shot_id": shot["id"], "asset_instance_id": first["body"]["id"]}})[0] == "NotFound"
    assert refused(me.add_scene_asset_instance, {"params": {"scene_id": scene},
                                                 "body": {}})[0] == "Invalid"

    crud = {"model": "asset-instances"}
    listed = me.crud_list({"route": crud})["body"]
    assert len(listed) == 3
    updated = me.crud_update({"route": crud, "params": {"instance_id": second["id"]},
                              "body": {"description": "broken", "number": 9}})["body"]
    assert updated["description"] == "broken" and updated["number"] == 2
    assert events(clean_db, "asset-instance:update")[-1]["data"] == {
        "asset_instance_id": second["id"]}


def test_scene_shots_are_linked_through_the_shot_source(film, clean_db):
    me, project, shot = film["me"], film["project"], film["shots"][0]
    scene = create_scene(clean_db, project["id"])
    added = me.add_scene_shot({"params": {"scene_id": scene},
                               "body": {"shot_id": shot["id"]}})
    assert added["status"] == 201 and added["body"]["source_id"] == scene
    assert events(clean_db, "shot:add-to-scene")[-1]["data"] == {
        "scene_id": scene, "shot_id": shot["id"]}
    assert events(clean_db, "shot:update")[-1]["payload"]["changes"]["source_id"] == [
        None, scene]
    listed = me.scene_shots({"params": {"scene_id": scene}})["body"]
    assert [s["name"] for s in listed] == ["SH010"] and listed[0]["sequence_name"] == "SQ01"
    assert me.remove_scene_shot({"params": {"scene_id": scene, "shot_id": shot["id"]}})[
        "status"] == 204
    assert me.scene_shots({"params": {"scene_id": scene}})["body"] == []
    assert refused(me.scene_shots, {"params": {"scene_id": shot["id"]}})[0] == "NotFound"


def test_role_matrix_on_casting(film, catalog, create_person, clean_db):
    me, project, shot, ada = film["me"], film["project"], film["shots"][0], film["ada"]
    scene = {"params": {"scene_id": create_scene(clean_db, project["id"])},
             "body": {"asset_id": film["sword"]["id"]}}
    people = {role: create_person(role=role)
              for role in ("manager", "supervisor", "user", "client", "vendor")}
    for person in people.values():
        me.add_team_member({"params": {"project_id": project["id"]},
                            "body": {"person_id": str(person.id)}})
    people["admin"], people["outsider"] = film["admin"], create_person(role="manager")
    body = [{"asset_id": ada["id"], "nb_occurences": 1}]
    for role, person in people.items():
        them = catalog(person)
        read = on(project, entity_id=shot["id"])
        if role in ("vendor", "outsider"):
            assert refused(them.entity_casting, read)[0] == "Forbidden", role
        else:
            assert them.entity_casting(read)["status"] == 200, role
        if role in ("admin", "manager"):
            assert them.update_entity_casting({**read, "body": body})["status"] == 200
            assert them.project_entity_links(on(project))["status"] == 200
        else:
            assert refused(them.update_entity_casting, {**read, "body": body})[0] \
                == "Forbidden", role
            assert refused(them.project_entity_links, on(project))[0] == "Forbidden"
        if role == "outsider":  # any team member may add instances, as in Zou
            assert refused(them.add_scene_asset_instance, scene)[0] == "Forbidden"
        else:
            assert them.add_scene_asset_instance(scene)["status"] == 201, role
        links = {"route": {"model": "entity-links"}}
        if role == "admin":
            assert them.crud_list(links)["status"] == 200
        else:
            assert refused(them.crud_list, links)[0] == "Forbidden", role


def test_entity_links_generic_crud(film, clean_db):
    me, shot, ada = film["me"], film["shots"][0], film["ada"]
    route = {"route": {"model": "entity-links"}}
    link = me.crud_create({**route, "body": {"entity_in_id": shot["id"],
                                             "entity_out_id": ada["id"],
                                             "nb_occurences": 2}})
    assert link["status"] == 201 and link["body"]["type"] == "EntityLink"
    link = link["body"]
    assert events(clean_db, "entity-link:new")[-1]["data"] == {"entity_link_id": link["id"]}
    got = me.crud_get({**route, "params": {"instance_id": link["id"]}})["body"]
    assert got["nb_occurences"] == 2 and got["label"] == ""
    me.crud_update({**route, "params": {"instance_id": link["id"]},
                    "body": {"label": "fg"}})
    assert me.entity_casting(on(film["project"], entity_id=shot["id"]))["body"][0][
        "label"] == "fg"
    assert me.crud_delete({**route, "params": {"instance_id": link["id"]}})["status"] == 204
    assert refused(me.crud_get, {**route, "params": {"instance_id": link["id"]}})[0] \
        == "NotFound"
