"""Productions end to end through the running suite, with unmodified gazu: statuses from
`slate init-data`, a production created, listed, updated, closed and removed, asset
types, and the team — whose members the catalog knows from the auth service's events."""
import uuid

import gazu
import pytest
import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def test_a_production_lifecycle_with_gazu(client, suite):
    name = unique("Film")
    project = client.project.new_project(name, production_type="short")
    assert project["name"] == name and project["production_type"] == "short"
    assert project["id"] in [p["id"] for p in client.project.all_open_projects()]
    assert client.project.get_project_by_name(name)["id"] == project["id"]
    project["fps"] = "24"
    project["data"] = {"studio": "north"}
    updated = client.project.update_project(project)
    assert updated["fps"] == "24" and updated["data"] == {"studio": "north"}
    events = requests.get(suite.url + "/data/events/last", params={"limit": 200},
                          headers=suite.headers()).json()
    assert {"name": "project:new", "project_id": project["id"]} in [
        {"name": e["name"], "project_id": e["data"].get("project_id")} for e in events]
    with pytest.raises(gazu.exception.ParameterException):
        client.project.remove_project(project)  # still open
    client.project.close_project(project)
    assert project["id"] not in [p["id"] for p in client.project.all_open_projects()]
    client.project.remove_project(project)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        client.project.get_project(project["id"])


def test_asset_types_and_team_with_gazu(client):
    defaults = {t["name"] for t in client.asset.all_asset_types()}
    assert {"Character", "Prop", "Environment", "FX"} <= defaults
    vehicle = client.asset.new_asset_type(unique("Vehicle"))
    assert vehicle["id"] in [t["id"] for t in client.asset.all_asset_types()]
    assert client.asset.get_asset_type(vehicle["id"])["type"] == "AssetType"
    project = client.project.new_project(unique("Show"), production_type="short")
    client.project.add_asset_type(project, vehicle)
    assert client.project.get_project(project["id"])["asset_types"] == [vehicle["id"]]
    person = client.person.new_person("Tim", "Eam", unique("tim") + "@studio.example",
                                      role="supervisor", password="tim-password")
    client.project.add_person_to_team(project, person)
    team = client.project.get_team(project)
    assert [member["id"] for member in team] == [person["id"]]
    assert team[0]["first_name"] == "Tim"
    client.project.remove_person_from_team(project, person)
    assert client.project.get_team(project) == []


def test_assets_episodes_sequences_and_shots_with_gazu(client, suite):
    project = client.project.new_project(unique("Series"), production_type="tvshow")
    character = client.asset.get_asset_type_by_name("Character")
    asset = client.asset.new_asset(project, character, "Ada", description="Hero",
                                   extra_data={"rig": "v1"})
    assert asset["type"] == "Asset" and asset["data"] == {"rig": "v1"}
    assert client.asset.new_asset(project, character, "Ada")["id"] == asset["id"]
    assets = client.asset.all_assets_for_project(project)
    assert [a["id"] for a in assets] == [asset["id"]]
    full = client.asset.get_asset(asset["id"])
    assert full["asset_type_name"] == "Character" and full["project_name"] == project["name"]

    episode = client.shot.new_episode(project, "E01")
    assert client.shot.new_episode(project, "E01")["id"] == episode["id"]
    sequence = client.shot.new_sequence(project, "SQ01", episode=episode)
    assert sequence["parent_id"] == episode["id"]
    shot = client.shot.new_shot(project, sequence, "SH010", nb_frames=48, frame_in=1001,
                                frame_out=1048)
    assert shot["nb_frames"] == 48 and shot["data"] == {"frame_in": 1001, "frame_out": 1048}
    assert client.shot.new_shot(project, sequence, "SH010")["id"] == shot["id"]
    assert [s["id"] for s in client.shot.all_shots_for_project(project)] == [shot["id"]]
    got = client.shot.get_shot(shot["id"])
    assert (got["sequence_name"], got["episode_name"]) == ("SQ01", "E01")
    assert (got["frame_in"], got["frame_out"]) == (1001, 1048)

    got["description"] = "Wide"
    assert client.shot.update_shot(got)["description"] == "Wide"
    listed = requests.get(suite.url + "/data/shots", params={"project_id": project["id"]},
                          headers=suite.headers()).json()
    assert [(s["name"], s["description"]) for s in listed] == [("SH010", "Wide")]
    names = [e["name"] for e in requests.get(
        suite.url + "/data/events/last", params={"limit": 200, "project_id": project["id"]},
        headers=suite.headers()).json()]
    assert {"asset:new", "episode:new", "sequence:new", "shot:new", "shot:update"} <= set(names)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        client.shot.get_shot(sequence["id"])
