"""A production's settings end to end with unmodified gazu: custom columns (metadata
descriptors) and the entity data they describe, milestones, status automations and
budgets, through the gateway's routes and the catalog service."""
import uuid

import requests


def test_a_production_settings_with_gazu(client, suite):
    project = client.project.new_project("Settings-%s" % uuid.uuid4().hex[:8])
    character = client.asset.get_asset_type_by_name("Character")
    level = client.project.add_metadata_descriptor(
        project, "Difficulty Level", "Asset", data_type="list", choices=["easy", "hard"])
    assert level["field_name"] == "difficulty_level" and level["choices"] == ["easy", "hard"]
    notes = client.project.add_metadata_descriptor(project, "Notes", "Asset")
    assert client.project.get_metadata_descriptor(project, level["id"])["id"] == level["id"]
    assert client.project.get_metadata_descriptor_by_field_name(
        project, "notes")["id"] == notes["id"]
    assert [d["id"] for d in client.project.all_metadata_descriptors(
        project, entity_type="Asset")] == [level["id"], notes["id"]]
    ordered = client.project.reorder_metadata_descriptors(project, "Asset", [notes, level])
    assert [(d["name"], d["position"]) for d in ordered] == [
        ("Notes", 1), ("Difficulty Level", 2)]

    asset = client.asset.new_asset(project, character, "Ada",
                                   extra_data={"difficulty_level": "hard"})
    level["name"] = "Level"
    assert client.project.update_metadata_descriptor(project, level)["field_name"] == "level"
    assert client.asset.get_asset(asset["id"])["data"] == {"level": "hard"}
    client.project.remove_metadata_descriptor(project, level)
    assert client.asset.get_asset(asset["id"])["data"] == {}
    assert [d["id"] for d in client.project.all_metadata_descriptors(project)] == [
        notes["id"]]

    client.client.post("data/milestones", {"project_id": project["id"], "name": "Lock",
                                           "date": "2027-05-01"})
    assert [m["name"] for m in client.project.get_milestones(project)] == ["Lock"]

    automation = client.client.post("data/status-automations", {"entity_type": "asset"})
    client.project.add_status_automation(project, {"status_automation_id": automation["id"]})
    assert [a["id"] for a in client.project.all_status_automations(project)] == [
        automation["id"]]
    client.project.remove_status_automation(project, automation)
    assert client.project.all_status_automations(project) == []

    budget = client.project.create_budget(project, "Quote", currency="EUR")
    assert budget["revision"] == 1 and budget["currency"] == "EUR"
    client.project.update_budget(project, budget, {"name": "Bid"})
    assert client.project.get_budget(project, budget)["name"] == "Bid"
    assert [b["id"] for b in client.project.get_budgets(project)] == [budget["id"]]
    assert client.project.get_budget_entries(project, budget) == []
    client.project.remove_budget(project, budget)
    assert client.project.get_budgets(project) == []

    events = requests.get(suite.url + "/data/events/last", params={"limit": 300},
                          headers=suite.headers()).json()
    seen = {(e["name"], e.get("project_id")) for e in events}
    assert {("metadata-descriptor:new", project["id"]), ("budget:create", project["id"]),
            ("metadata-descriptor:delete", project["id"]), ("asset:update", project["id"]),
            ("milestone:new", project["id"])} <= seen
