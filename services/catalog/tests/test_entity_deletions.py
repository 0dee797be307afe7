"""Deleting entities as Zou does, over real RPC: canceled while tasks hold them (tasks
known from synthetic `task:new` / `task:delete` events), deleted when forced or free,
sequences and episodes refused while children hold them, the batch action, the
generic entity CRUD, and who may delete."""
import uuid

from slate_common.testing import logged_events as events, refused

ROLES = ("admin", "manager", "supervisor", "user", "client")


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:6])


def where(project, **more):
    return {"project_id": project["id"], **more}


def kind(entity_id, name, force=False):
    request = {"params": {"%s_id" % name.lower(): entity_id},
               "route": {"kind": name}}
    if force:
        request["query"] = {"force": "true"}
    return request


def test_a_shot_with_tasks_is_canceled_unless_forced(film, create_task, clean_db):
    me, project, episode, sequence, (shot, free), asset = film
    task = create_task(shot["id"])
    assert me.delete_entity_of_kind(kind(shot["id"], "Shot"))["status"] == 204
    assert me.shot({"params": {"shot_id": shot["id"]}})["body"]["canceled"] is True
    update = events(clean_db, "shot:update")[-1]
    assert update["data"] == {"shot_id": shot["id"]}
    assert update["payload"]["changes"]["canceled"] == [False, True]

    me.delete_entity_of_kind(kind(free["id"], "Shot"))
    deleted = events(clean_db, "shot:delete")[-1]
    assert deleted["data"] == {"shot_id": free["id"]}
    assert deleted["payload"]["old"]["name"] == "SH2"
    assert str(deleted["project_id"]) == project["id"]
    assert refused(me.shot, {"params": {"shot_id": free["id"]}})[0] == "NotFound"

    create_task(None, deleted=task)  # the task gone, the shot is free again
    me.delete_entity_of_kind(kind(shot["id"], "Shot"))
    assert refused(me.shot, {"params": {"shot_id": shot["id"]}})[0] == "NotFound"


def test_forced_deletes_and_parents_with_children(film, create_task, clean_db):
    me, project, episode, sequence, (shot, other), asset = film
    create_task(asset["id"])
    me.delete_entity_of_kind(kind(asset["id"], "Asset", force=True))
    assert events(clean_db, "asset:delete")[-1]["payload"]["old"]["id"] == asset["id"]
    assert refused(me.delete_entity_of_kind, kind(sequence["id"], "Sequence")) == (
        "Invalid", "Some data are still linked to this sequence.")
    assert refused(me.delete_entity_of_kind, kind(episode["id"], "Episode")) == (
        "Invalid", "Some data are still linked to this episode.")
    scene = me.new_scene({"params": where(project), "body": {
        "name": "SC1", "sequence_id": sequence["id"]}})["body"]
    create_task(shot["id"])
    before = len(events(clean_db))
    me.delete_entity_of_kind(kind(episode["id"], "Episode", force=True))
    names = [event["name"] for event in events(clean_db)[before:]
             if not event["name"].startswith("internal:")]
    assert names == ["shot:delete", "shot:delete", "scene:delete", "sequence:delete",
                     "episode:delete"]
    for entity in (shot, other, scene, sequence, episode):
        assert refused(me.entity, {"params": {"instance_id": entity["id"]}})[0] == "NotFound"


def test_a_sequence_with_tasks_needs_force_and_a_scene_with_tasks_is_canceled(
        film, create_task, clean_db):
    me, project, episode, _, _, _ = film
    empty = me.new_sequence({"params": where(project), "body": {"name": "SQ09"}})["body"]
    create_task(empty["id"])
    assert refused(me.delete_entity_of_kind, kind(empty["id"], "Sequence"))[0] == "Invalid"
    scene = me.new_scene({"params": where(project), "body": {
        "name": "SC1", "sequence_id": empty["id"]}})["body"]
    create_task(scene["id"])
    me.delete_entity_of_kind(kind(scene["id"], "Scene"))
    assert me.scene({"params": {"scene_id": scene["id"]}})["body"]["canceled"] is True
    assert events(clean_db, "scene:delete")[-1]["payload"]["changes"]["canceled"] == [
        False, True]
    # the canceled scene still holds the sequence, forced or not, as in Zou
    assert refused(me.delete_entity_of_kind, kind(empty["id"], "Sequence", True))[0] == \
        "Invalid"
    assert refused(me.delete_entity_of_kind, kind(episode["id"], "Shot"))[0] == "NotFound"
    assert refused(me.delete_entity_of_kind, kind("nope", "Asset"))[0] == "NotFound"


def test_delete_entities_batch(film, catalog, setup, create_task, clean_db):
    me, project, episode, sequence, (shot, other), asset = film
    admin, _, character = setup
    create_task(shot["id"])
    create_task(asset["id"])
    concept = me.new_concept({"params": where(project), "body": {"name": "Look"}})["body"]
    create_task(concept["id"])
    gone = str(uuid.uuid4())
    ids = [shot["id"], other["id"], asset["id"], concept["id"], sequence["id"], gone]
    reply = me.delete_entities({"params": where(project), "body": ids})
    assert reply["status"] == 200
    assert reply["body"] == [shot["id"], other["id"], asset["id"], concept["id"]]
    assert me.entity({"params": {"instance_id": shot["id"]}})["body"]["canceled"] is True
    assert me.entity({"params": {"instance_id": asset["id"]}})["body"]["canceled"] is True
    for entity in (other, concept):
        assert refused(me.entity, {"params": {"instance_id": entity["id"]}})[0] == "NotFound"
    me.delete_entities({"params": where(project), "body": [shot["id"]]})  # canceled: gone
    assert refused(me.entity, {"params": {"instance_id": shot["id"]}})[0] == "NotFound"
    me.delete_entities({"params": where(project), "body": [asset["id"]],
                        "query": {"force": "true"}})
    assert refused(me.asset, {"params": {"asset_id": asset["id"]}})[0] == "NotFound"
    assert refused(me.delete_entities, {"params": where(project), "body": {"a": 1}}) == (
        "Invalid", "Request body must be a JSON array.")
    assert refused(me.delete_entities, {"params": where(project), "body": ["x"]}) == (
        "Invalid", "Request body must only contain valid UUIDs.")
    assert refused(me.delete_entities, {"params": {"project_id": gone}, "body": []})[0] \
        == "NotFound"


def test_generic_entity_crud(film, catalog, create_person, create_task, clean_db):
    me, project, episode, sequence, (shot, other), asset = film
    listed = me.entities({"query": {"project_id": project["id"]}})["body"]
    assert {e["type"] for e in listed} == {"Episode", "Sequence", "Shot", "Asset"}
    page = me.entities({"query": {"page": "1", "limit": "2"}})["body"]
    assert page["total"] >= 5 and len(page["data"]) == 2
    folder_type = me.new_concept_folder({"params": where(project), "body": {
        "name": "Boards"}})["body"]["entity_type_id"]
    made = me.new_entity({"body": {"name": "F2", "project_id": project["id"],
                                   "entity_type_id": folder_type}})
    assert made["status"] == 201 and made["body"]["type"] == "Entity"
    new = events(clean_db, "concept-folder:new")[-1]
    assert new["data"] == {"concept_folder_id": made["body"]["id"]}
    assert refused(me.new_entity, {"body": {"name": "F3", "project_id": project["id"],
                                            "entity_type_id": folder_type,
                                            "status": "lost"}}) == ("Invalid",
                                                                    "Invalid status")
    assert me.delete_any_entity({"params": {"instance_id": made["body"]["id"]}})[
        "status"] == 204
    assert events(clean_db, "concept-folder:delete")[-1]["data"] == {
        "concept_folder_id": made["body"]["id"]}
    create_task(other["id"])
    for held in (sequence, other):
        assert refused(me.delete_any_entity, {"params": {"instance_id": held["id"]}}) == (
            "Rejected", "The change conflicts with records referencing this one.")
    stranger = catalog(create_person(role="user"))
    assert stranger.entities({"query": {}})["body"] == []
    assert refused(stranger.new_entity, {"body": {
        "name": "X", "project_id": project["id"], "entity_type_id": folder_type}})[0] == \
        "Forbidden"


def test_who_may_delete(catalog, setup, create_person):
    admin, project, character = setup
    people = {role: create_person(role=role) for role in ROLES[1:]}
    boss = catalog(admin)
    for person in people.values():
        boss.add_team_member({"params": where(project), "body": {"person_id": str(person.id)}})
    for role, person in people.items():
        asset = boss.new_asset({"params": where(project, asset_type_id=character["id"]),
                                "body": {"name": unique("A")}})["body"]
        me = catalog(person)
        if role == "manager":
            assert me.delete_entity_of_kind(kind(asset["id"], "Asset"))["status"] == 204
        else:
            assert refused(me.delete_entity_of_kind, kind(asset["id"], "Asset"))[0] == \
                "Forbidden", role
            assert refused(me.delete_any_entity, {"params": {
                "instance_id": asset["id"]}})[0] == "Forbidden", role
    # the author of an entity may delete it whatever their role (Zou)
    author = people["manager"]
    mine = catalog(author).new_episode({"params": where(project),
                                        "body": {"name": "Mine"}})["body"]
    boss.remove_team_member({"params": {**where(project), "person_id": str(author.id)}})
    assert catalog(author).delete_entity_of_kind(kind(mine["id"], "Episode"))["status"] == 204
