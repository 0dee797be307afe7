"""Productions end to end through the running suite, with unmodified gazu: statuses from
`slate init-data`, a production created, listed, updated, closed and removed, asset
types, and the team — whose members the catalog knows from the auth service's events."""
import subprocess
import sys
import uuid

import gazu
import pytest
import requests

from slate_common.testing import child_env


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


@pytest.fixture
def client(suite, slate_settings):
    """gazu logged in as the admin, after `slate init-data` (idempotent) has run."""
    subprocess.run([sys.executable, "-m", "slate_common.cli", "init-data"],
                   env=child_env(slate_settings), check=True, capture_output=True)
    gazu.set_host(suite.url + "/api")
    gazu.log_in(suite.admin_email, suite.admin_password)
    yield gazu
    try:
        gazu.log_out()
    except Exception:
        pass


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
