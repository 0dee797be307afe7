"""Scenes, edits, concepts and concept folders, the child lists, the shot update and the
shared assets, over real RPC: Zou's JSON, events, errors and access rules."""
import uuid

from slate_common.testing import logged_events as events, refused


def where(project, **more):
    return {"project_id": project["id"], **more}


def test_scenes(film, clean_db):
    me, project, episode, sequence, (shot, second), asset = film
    reply = me.new_scene({"params": where(project), "body": {
        "name": "SC1", "sequence_id": sequence["id"]}})
    assert reply["status"] == 201
    scene = reply["body"]
    assert scene["type"] == "Scene" and scene["parent_id"] == sequence["id"]
    assert scene["data"] == {}
    assert events(clean_db, "scene:new")[-1]["data"] == {"scene_id": scene["id"]}
    again = me.new_scene({"params": where(project), "body": {
        "name": "SC1", "sequence_id": sequence["id"]}})["body"]
    assert again["id"] == scene["id"] and len(events(clean_db, "scene:new")) == 1
    got = me.scene({"params": {"scene_id": scene["id"]}})["body"]
    assert got["sequence_name"] == "SQ01" and got["episode_name"] == "E01"
    assert got["project_name"] == project["name"]
    listed = me.scenes({"query": {"project_id": project["id"]}})["body"]
    assert [(s["id"], s["sequence_name"]) for s in listed] == [(scene["id"], "SQ01")]
    assert [s["id"] for s in me.project_scenes({"params": where(project)})["body"]] == \
        [scene["id"]]
    assert [s["id"] for s in me.sequence_scenes({"params": {
        "sequence_id": sequence["id"]}})["body"]] == [scene["id"]]
    assert refused(me.new_scene, {"params": where(project), "body": {
        "name": "SC2", "sequence_id": str(uuid.uuid4())}})[0] == "NotFound"
    assert refused(me.new_scene, {"params": where(project), "body": {}}) == (
        "Invalid", "Validation error.")
    assert refused(me.scene, {"params": {"scene_id": shot["id"]}})[0] == "NotFound"


def test_edits(film, clean_db):
    me, project, episode, sequence, (shot, second), asset = film
    edit = me.new_edit({"params": where(project), "body": {
        "name": "Cut", "episode_id": episode["id"], "data": {"v": 1}}})["body"]
    assert edit["type"] == "Edit" and edit["parent_id"] == episode["id"]
    assert edit["description"] == "" and edit["data"] == {"v": 1}
    assert events(clean_db, "edit:new")[-1]["data"] == {
        "edit_id": edit["id"], "parent_id": episode["id"]}
    loose = me.new_edit({"params": where(project), "body": {"name": "Trailer"}})["body"]
    assert events(clean_db, "edit:new")[-1]["data"]["parent_id"] is None
    got = me.edit({"params": {"edit_id": edit["id"]}})["body"]
    assert got["episode_name"] == "E01" and got["episode_id"] == episode["id"]
    assert got["project_name"] == project["name"] and got["tasks"] == []
    assert me.edit({"params": {"edit_id": loose["id"]}})["body"]["episode_name"] == ""
    listed = me.edits({"query": {"project_id": project["id"]}})["body"]
    assert [e["name"] for e in listed] == ["Cut", "Trailer"]
    assert all(e["project_name"] == project["name"] for e in listed)
    assert [e["id"] for e in me.project_edits({"params": where(project)})["body"]] == \
        [edit["id"], loose["id"]]
    by_episode = me.episode_edits({"params": {"episode_id": episode["id"]},
                                   "query": {"relations": "true"}})["body"]
    assert [e["id"] for e in by_episode] == [edit["id"]] and "entities_out" in by_episode[0]
    assert refused(me.edit, {"params": {"edit_id": shot["id"]}})[0] == "NotFound"


def test_concepts_and_folders(film, catalog, create_person, clean_db):
    me, project, episode, sequence, (shot, second), asset = film
    folder = me.new_concept_folder({"params": where(project),
                                    "body": {"name": "Boards"}})["body"]
    assert folder["type"] == "ConceptFolder"
    assert events(clean_db, "concept-folder:new")[-1]["data"] == {
        "concept_folder_id": folder["id"]}
    concept = me.new_concept({"params": where(project), "body": {
        "name": "Hero", "parent_id": folder["id"], "description": "x"}})["body"]
    assert concept["type"] == "Concept" and concept["parent_id"] == folder["id"]
    assert events(clean_db, "concept:new")[-1]["data"] == {"concept_id": concept["id"]}
    loose = me.new_concept({"params": where(project), "body": {"name": "Sky"}})["body"]
    got = me.concept({"params": {"concept_id": concept["id"]}})["body"]
    assert got["project_name"] == project["name"] and got["entity_concept_links"] == []
    assert [c["name"] for c in me.concepts({"query": {
        "project_id": project["id"]}})["body"]] == ["Hero", "Sky"]
    assert [c["id"] for c in me.project_concepts({"params": where(project)})["body"]] == \
        [concept["id"], loose["id"]]
    moved = me.move_concepts({"params": where(project), "body": {
        "concept_ids": [loose["id"], shot["id"]], "concept_folder_id": folder["id"]}})
    assert moved["body"] == [loose["id"]]
    assert events(clean_db, "concept:update")[-1]["data"] == {"concept_id": loose["id"]}
    renamed = me.rename_concept_folder({"params": {"concept_folder_id": folder["id"]},
                                        "body": {"name": "Art"}})["body"]
    assert renamed["name"] == "Art"
    other = me.new_concept_folder({"params": where(project), "body": {"name": "X"}})["body"]
    assert refused(me.rename_concept_folder, {"params": {"concept_folder_id": other["id"]},
                                              "body": {"name": "Art"}}) == (
        "Invalid", "A concept folder with this name already exists.")
    me.delete_concept_folder({"params": {"concept_folder_id": folder["id"]}})
    assert [c["parent_id"] for c in me.project_concepts({"params": where(project)})[
        "body"]] == [None, None]
    assert [f["id"] for f in me.project_concept_folders({"params": where(project)})[
        "body"]] == [other["id"]]
    client = create_person(role="client")
    me.add_team_member({"params": where(project), "body": {"person_id": str(client.id)}})
    assert refused(catalog(client).project_concepts, {"params": where(project)})[0] == \
        "Forbidden"
    assert refused(catalog(client).new_concept_folder, {
        "params": where(project), "body": {"name": "N"}})[0] == "Forbidden"
    assert refused(me.move_concepts, {"params": where(project), "body": {
        "concept_ids": ["bad"]}})[0] == "Invalid"


def test_child_lists_and_shot_update(film, clean_db):
    me, project, episode, sequence, (shot, second), asset = film
    alone = me.new_sequence({"params": where(project), "body": {"name": "SQ02"}})["body"]
    assert [s["id"] for s in me.episode_sequences({"params": {
        "episode_id": episode["id"]}})["body"]] == [sequence["id"]]
    assert me.episode_sequences({"params": {"episode_id": "nope"}})["body"] == []
    assert [s["id"] for s in me.episode_shots({"params": {
        "episode_id": episode["id"]}})["body"]] == [shot["id"], second["id"]]
    shots = me.sequence_shots({"params": {"sequence_id": sequence["id"]}})["body"]
    assert [(s["id"], s["sequence_name"]) for s in shots] == [(shot["id"], "SQ01"),
                                                             (second["id"], "SQ01")]
    assert me.sequence_shots({"params": {"sequence_id": alone["id"]}})["body"] == []
    updated = me.update_shot({"params": {"shot_id": shot["id"]}, "body": {
        "nb_frames": 48, "data": {"frame_in": 1}, "canceled": True, "type": "x"}})["body"]
    assert updated["nb_frames"] == 48 and updated["canceled"] is True
    assert updated["type"] == "Entity" and updated["data"] == {"frame_in": 1}
    change = events(clean_db, "shot:update")[-1]
    assert change["data"] == {"shot_id": shot["id"]}
    assert change["payload"]["changes"]["nb_frames"] == [None, 48]
    assert refused(me.update_shot, {"params": {"shot_id": shot["id"]},
                                    "body": {"nb_frames": "many"}})[0] == "Invalid"
    assert refused(me.update_shot, {"params": {"shot_id": sequence["id"]},
                                    "body": {}})[0] == "NotFound"


def test_asset_types_of_a_production_and_sharing(film, setup, catalog, create_person,
                                                 clean_db):
    me, project, episode, sequence, (shot, second), asset = film
    character = setup[2]
    types = me.project_asset_types({"params": where(project)})["body"]
    assert [(t["id"], t["type"]) for t in types] == [(character["id"], "AssetType")]
    assert [a["id"] for a in me.project_type_assets({"params": where(
        project, asset_type_id=character["id"])})["body"]] == [asset["id"]]
    shared = me.share_project_assets({"params": where(project), "body": {}})["body"]
    assert [(a["id"], a["is_shared"]) for a in shared] == [(asset["id"], True)]
    assert events(clean_db, "asset:update")[-1]["payload"]["changes"]["is_shared"] == [
        False, True]
    unshared = me.share_assets({"body": {"is_shared": False, "asset_ids": [asset["id"]]}})
    assert unshared["body"][0]["is_shared"] is False
    typed = me.share_project_assets({"params": where(project, asset_type_id=character[
        "id"]), "body": {"is_shared": True}})["body"]
    assert [a["id"] for a in typed] == [asset["id"]]
    user = catalog(create_person(role="user"))
    assert refused(user.share_assets, {"body": {"asset_ids": [asset["id"]]}})[0] == \
        "Forbidden"
    assert refused(user.project_asset_types, {"params": where(project)})[0] == "Forbidden"
    assert refused(me.share_assets, {"body": {"asset_ids": [shot["id"]]}})[0] == "NotFound"


ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor")


def test_role_matrix(film, catalog, create_person):
    me, project, episode, sequence, (shot, second), asset = film
    for role in ROLES[1:]:
        person = create_person(role=role)
        me.add_team_member({"params": where(project), "body": {"person_id": str(person.id)}})
        them = catalog(person)
        scene = {"params": where(project), "body": {"name": role, "sequence_id": sequence[
            "id"]}}
        folder = {"params": where(project), "body": {"name": role}}
        if role == "manager":
            assert them.new_scene(scene)["status"] == 201
            assert them.new_edit({"params": where(project), "body": {"name": role}})[
                "status"] == 201
        else:
            assert refused(them.new_scene, scene)[0] == "Forbidden", role
        if role in ("manager", "supervisor"):
            assert them.new_concept_folder(folder)["status"] == 201
        else:
            assert refused(them.new_concept_folder, folder)[0] == "Forbidden", role
        if role in ("client", "vendor"):
            assert refused(them.new_concept, folder)[0] == "Forbidden", role
        else:
            assert them.new_concept(folder)["status"] == 201, role
        if role == "vendor":
            assert refused(them.scenes, {"query": {"project_id": project["id"]}})[0] == \
                "Forbidden"
            assert them.edits({"query": {"project_id": project["id"]}})["body"] == []
        else:
            assert them.scenes({"query": {"project_id": project["id"]}})["status"] == 200
        assert refused(them.scenes, {"query": {}})[0] == "Forbidden", role
