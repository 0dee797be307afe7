"""Metadata descriptors over real RPC: Zou's field names, JSON, events, the values they
rewrite in entities' data, the all-projects routes and who may do what."""
import uuid

import pytest

from slate_common.testing import logged_events as events, refused

DESCRIPTORS = {"model": "metadata-descriptors"}


def where(project, **more):
    return {"project_id": project["id"], **more}


@pytest.fixture
def film(production):
    """(admin, project, character, a manager of its team, an artist of its team)."""
    return tuple(production[key] for key in ("admin", "project", "character", "manager",
                                             "artist"))


def new_descriptor(service, project, **body):
    return service.new_project_descriptor({"params": where(project), "body": body})


def test_a_descriptor_is_created_with_zou_field_name_json_and_event(catalog, film, clean_db):
    admin, project, _, manager, _ = film
    reply = new_descriptor(catalog(manager), project, name="Été Difficulty!",
                           data_type="list", choices=["easy", "hard"], entity_type="Shot")
    assert reply["status"] == 201
    made = reply["body"]
    assert made["field_name"] == "ete_difficulty" and made["type"] == "MetadataDescriptor"
    assert made["choices"] == ["easy", "hard"] and made["for_client"] is False
    assert made["departments"] == [] and made["task_type_id"] is None
    assert made["project_id"] == project["id"] and made["position"] is None
    new = events(clean_db, "metadata-descriptor:new")[-1]
    assert new["data"] == {"metadata_descriptor_id": made["id"]}
    assert str(new["project_id"]) == project["id"]
    listed = catalog(admin).project_descriptors({"params": where(project)})["body"]
    assert [item["id"] for item in listed] == [made["id"]]
    assert refused(new_descriptor, catalog(manager), project, name="Ete difficulty",
                   entity_type="Shot") == ("Invalid", "Metadata descriptor already exists.")


def test_bad_descriptor_bodies_are_refused_as_zou_does(catalog, film):
    _, project, _, manager, _ = film
    me = catalog(manager)
    assert refused(new_descriptor, me, project, name="X", entity_type="Person") == (
        "Invalid", "Wrong entity type. Please select Asset, Shot, Sequence, Episode, "
                   "Edit, Project, or Task.")
    assert refused(new_descriptor, me, project, name="X", data_type="blob") == (
        "Invalid", "Invalid data_type")
    assert refused(new_descriptor, me, project, name="X", entity_type="Task") == (
        "Invalid", "Task metadata descriptors require a task_type_id.")
    assert refused(new_descriptor, me, project, data_type="list") == (
        "Invalid", "Validation error.")


def test_artists_read_but_cannot_write_and_clients_see_published_columns(
        catalog, film, create_person):
    admin, project, _, _, artist = film
    client = create_person(role="client")
    catalog(admin).add_team_member({"params": where(project),
                                    "body": {"person_id": str(client.id)}})
    hidden = new_descriptor(catalog(admin), project, name="Cost")["body"]
    shown = new_descriptor(catalog(admin), project, name="Look", for_client=True)["body"]
    assert refused(new_descriptor, catalog(artist), project, name="Y")[0] == "Forbidden"
    seen = catalog(artist).project_descriptors({"params": where(project)})["body"]
    assert {item["id"] for item in seen} == {hidden["id"], shown["id"]}
    seen = catalog(client).project_descriptors({"params": where(project)})["body"]
    assert [item["id"] for item in seen] == [shown["id"]]
    one = {"params": where(project, metadata_descriptor_id=hidden["id"])}
    assert refused(catalog(client).project_descriptor, one)[0] == "Forbidden"
    opened = catalog(client).open_projects({"query": {}})["body"]
    assert [item["id"] for item in opened[0]["descriptors"]] == [shown["id"]]
    got = catalog(artist).crud_get({"route": {"model": "projects"},
                                    "params": {"instance_id": project["id"]}})["body"]
    assert {item["field_name"] for item in got["descriptors"]} == {"cost", "look"}
    assert set(got["descriptors"][0]) == {
        "id", "name", "field_name", "data_type", "choices", "for_client", "entity_type",
        "task_type_id", "position", "departments"}
    outsider = create_person(role="manager")
    assert refused(catalog(outsider).project_descriptors,
                   {"params": where(project)})[0] == "Forbidden"
    assert refused(catalog(artist).crud_create, {"route": DESCRIPTORS, "body": {
        "project_id": project["id"], "name": "Z", "field_name": "z",
        "entity_type": "Asset"}})[0] == "Forbidden"


def test_renaming_and_deleting_a_descriptor_rewrite_the_entities_data(
        catalog, film, clean_db):
    admin, project, character, manager, _ = film
    me = catalog(manager)
    made = new_descriptor(me, project, name="Rig", entity_type="Asset")["body"]
    asset = catalog(admin).new_asset({"params": where(project, asset_type_id=character["id"]),
                                      "body": {"name": "Ada", "data": {"rig": "v1",
                                                                       "keep": 1}}})["body"]
    one = where(project, metadata_descriptor_id=made["id"])
    renamed = me.update_project_descriptor({"params": one, "body": {
        "name": "Rig Version", "data_type": "string"}})["body"]
    assert renamed["field_name"] == "rig_version"
    got = catalog(admin).asset({"params": {"asset_id": asset["id"]}})["body"]
    assert got["data"] == {"rig_version": "v1", "keep": 1}
    update = events(clean_db, "asset:update")[-1]
    assert update["data"] == {"asset_id": asset["id"]}
    assert update["payload"]["changes"]["data"][1] == {"rig_version": "v1", "keep": 1}
    assert events(clean_db, "metadata-descriptor:update")[-1]["data"] == {
        "metadata_descriptor_id": made["id"]}

    assert me.delete_project_descriptor({"params": one})["status"] == 204
    got = catalog(admin).asset({"params": {"asset_id": asset["id"]}})["body"]
    assert got["data"] == {"keep": 1}
    assert events(clean_db, "metadata-descriptor:delete")[-1]["data"] == {
        "metadata_descriptor_id": made["id"]}
    assert refused(me.project_descriptor, {"params": one})[0] == "NotFound"


def test_reorder_sets_positions_then_the_others_by_name(catalog, film):
    _, project, _, manager, _ = film
    me = catalog(manager)
    first, second, third = (new_descriptor(me, project, name=name)["body"]
                            for name in ("B", "C", "A"))
    ordered = me.reorder_project_descriptors({"params": where(project), "body": {
        "entity_type": "Asset", "descriptor_ids": [second["id"]]}})["body"]
    assert [(item["name"], item["position"]) for item in ordered] == [
        ("C", 1), ("A", 2), ("B", 3)]
    assert first and third


def test_all_projects_routes_reach_every_open_production_a_manager_runs(
        catalog, film, create_person):
    admin, project, _, manager, _ = film
    other = catalog(admin).crud_create({"route": {"model": "projects"}, "body": {
        "name": "Other-%s" % uuid.uuid4().hex[:6], "team": [str(manager.id)]}})["body"]
    elsewhere = catalog(admin).crud_create({"route": {"model": "projects"}, "body": {
        "name": "Elsewhere-%s" % uuid.uuid4().hex[:6]}})["body"]
    me = catalog(manager)
    created = me.new_descriptor_on_all({"body": {"name": "Budget Code",
                                                 "entity_type": "Project"}})
    assert created["status"] == 201
    assert {item["project_id"] for item in created["body"]} == {project["id"], other["id"]}
    listed = {item["id"]: item for item in catalog(admin).all_projects({"query": {}})["body"]}
    assert [item["field_name"] for item in listed[other["id"]]["descriptors"]] == [
        "budget_code"]
    changed = me.update_descriptor_on_all({"params": {"field_name": "budget_code"}, "body": {
        "entity_type": "Project", "for_client": True}})["body"]
    assert len(changed) == 2 and all(item["for_client"] for item in changed)
    removed = me.delete_descriptor_on_all({"params": {"field_name": "budget_code"},
                                           "query": {"entity_type": "Project"}})["body"]
    assert len(removed) == 2
    assert catalog(admin).project_descriptors({"params": where(elsewhere)})["body"] == []
    artist = create_person(role="user")
    assert refused(catalog(artist).new_descriptor_on_all, {"body": {
        "name": "X", "entity_type": "Asset"}})[0] == "Forbidden"
