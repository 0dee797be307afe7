"""Milestones, schedule versions, status automations, custom actions, budgets and
project templates over real RPC: Zou's JSON, events and who may do what."""
import pytest

from slate_common.testing import logged_events as events, refused

MILESTONES = {"model": "milestones"}
VERSIONS = {"model": "production-schedule-versions"}
AUTOMATIONS = {"model": "status-automations"}
ACTIONS = {"model": "custom-actions"}
BUDGETS = {"model": "budgets"}
TEMPLATES = {"model": "project-templates"}
TASK_TYPE = "9a7d6b4e-0000-4000-8000-000000000001"  # the tasks service's id: plain


def where(production, **more):
    return {"project_id": production["project"]["id"], **more}


@pytest.fixture
def people(catalog, production):
    return {role: catalog(production[role]) for role in ("admin", "manager", "artist")}


def test_milestones_are_managed_by_the_production_team_managers(
        catalog, production, people, clean_db, create_person):
    body = {"project_id": production["project"]["id"], "name": "Delivery",
            "date": "2027-03-01", "task_type_id": TASK_TYPE}
    made = people["manager"].crud_create({"route": MILESTONES, "body": body})
    assert made["status"] == 201 and made["body"]["type"] == "Milestone"
    assert made["body"]["date"] == "2027-03-01" and made["body"]["task_type_id"] == TASK_TYPE
    new = events(clean_db, "milestone:new")[-1]
    assert new["data"] == {"milestone_id": made["body"]["id"]}
    listed = people["artist"].project_milestones({"params": where(production)})["body"]
    assert [item["id"] for item in listed] == [made["body"]["id"]]
    assert refused(people["artist"].crud_create, {"route": MILESTONES,
                                                  "body": body})[0] == "Forbidden"
    outsider = catalog(create_person(role="manager"))
    assert refused(outsider.project_milestones, {"params": where(production)})[0] == \
        "Forbidden"
    one = {"route": MILESTONES, "params": {"instance_id": made["body"]["id"]}}
    moved = people["manager"].crud_update({**one, "body": {
        "name": "Final", "project_id": "00000000-0000-4000-8000-000000000000"}})["body"]
    assert moved["name"] == "Final" and moved["project_id"] == production["project"]["id"]
    assert people["manager"].crud_delete(one)["status"] == 204
    assert events(clean_db, "milestone:delete")[-1]["data"] == {
        "milestone_id": made["body"]["id"]}


def test_schedule_versions_are_listed_per_production_and_unique_by_name(
        production, people):
    body = {"project_id": production["project"]["id"], "name": "v1"}
    made = people["manager"].crud_create({"route": VERSIONS, "body": body})["body"]
    assert made["locked"] is False and made["type"] == "ProductionScheduleVersion"
    listed = people["artist"].crud_list({"route": VERSIONS, "query": {
        "project_id": production["project"]["id"]}})["body"]
    assert [item["id"] for item in listed] == [made["id"]]
    assert refused(people["artist"].crud_list, {"route": VERSIONS})[0] == "Forbidden"
    assert refused(people["manager"].crud_create, {"route": VERSIONS, "body": body}) == (
        "Rejected", "A production schedule version with this name already exists.")


def test_a_production_chooses_its_status_automations(production, people, clean_db):
    automation = people["admin"].crud_create({"route": AUTOMATIONS, "body": {
        "entity_type": "shot", "in_task_type_id": TASK_TYPE,
        "out_field_type": "ready_for"}})["body"]
    assert automation["out_field_type"] == "ready_for" and automation["archived"] is False
    assert refused(people["manager"].crud_create, {"route": AUTOMATIONS, "body": {
        "entity_type": "asset"}})[0] == "Forbidden"
    reply = people["manager"].add_status_automation_setting({
        "params": where(production), "body": {"status_automation_id": automation["id"]}})
    assert reply["status"] == 201
    update = events(clean_db, "project:update")[-1]
    assert update["payload"]["changes"]["status_automations"] == [[], [automation["id"]]]
    chosen = people["manager"].project_status_automations({"params": where(production)})
    assert [item["id"] for item in chosen["body"]] == [automation["id"]]
    assert refused(people["artist"].project_status_automations,
                   {"params": where(production)})[0] == "Forbidden"
    one = {"route": AUTOMATIONS, "params": {"instance_id": automation["id"]}}
    assert refused(people["admin"].crud_delete, one) == (
        "Rejected", "This automation is used in a project.")
    people["manager"].remove_status_automation_setting({"params": where(
        production, status_automation_id=automation["id"])})
    assert people["admin"].crud_delete(one)["status"] == 204


def test_custom_actions_need_a_name_and_are_hidden_from_vendors(
        catalog, people, create_person):
    assert refused(people["admin"].crud_create, {"route": ACTIONS, "body": {
        "url": "https://x"}}) == ("Invalid", "The 'name' field is required and cannot be "
                                             "None.")
    made = people["admin"].crud_create({"route": ACTIONS, "body": {
        "name": "Open", "url": "https://studio/open"}})["body"]
    assert made["entity_type"] == "all" and made["is_ajax"] is False
    assert people["artist"].crud_list({"route": ACTIONS})["body"][0]["id"] == made["id"]
    vendor = catalog(create_person(role="vendor"))
    assert refused(vendor.crud_list, {"route": ACTIONS})[0] == "Forbidden"


def test_budgets_and_entries_through_the_production_routes(production, people, clean_db):
    me = people["manager"]
    first = me.new_budget({"params": where(production), "body": {"name": "Quote"}})["body"]
    second = me.new_budget({"params": where(production), "body": {"name": "Quote 2",
                                                                  "currency": "EUR"}})["body"]
    assert (first["revision"], first["currency"]) == (1, "USD")
    assert (second["revision"], second["currency"]) == (2, "EUR")
    assert events(clean_db, "budget:create")[-1]["data"] == {"budget_id": second["id"]}
    listed = me.project_budgets({"params": where(production)})["body"]
    assert [item["revision"] for item in listed] == [1, 2] and "type" not in listed[0]
    budget = where(production, budget_id=first["id"])
    renamed = me.update_budget({"params": budget, "body": {"name": "Bid"}})["body"]
    assert renamed["name"] == "Bid" and renamed["currency"] == "USD"
    department = "5f0c1a64-0000-4000-8000-000000000002"
    entry = me.new_budget_entry({"params": budget, "body": {
        "department_id": department, "start_date": "2027-01-01", "months_duration": 3,
        "daily_salary": 300, "position": "lead", "seniority": "senior"}})["body"]
    assert entry["exceptions"] == {} and entry["daily_salary"] == 300.0
    created = events(clean_db, "budget-entry:create")[-1]
    assert created["data"] == {"budget_id": first["id"], "budget_entry_id": entry["id"]}
    assert str(created["project_id"]) == production["project"]["id"]
    one = dict(budget, entry_id=entry["id"])
    changed = me.update_budget_entry({"params": one, "body": {
        "months_duration": 4, "exceptions": {"2027-02": 10, "2027-03": 0}}})["body"]
    assert changed["months_duration"] == 4 and changed["exceptions"] == {"2027-02": 10}
    assert refused(people["artist"].project_budgets, {"params": where(production)})[0] \
        == "Forbidden"
    other = where(production, budget_id=second["id"], entry_id=entry["id"])
    assert refused(me.budget_entry, {"params": other})[0] == "NotFound"
    assert me.delete_budget({"params": budget})["status"] == 204
    assert events(clean_db, "budget-entry:delete")[-1]["data"]["budget_entry_id"] == \
        entry["id"]
    assert refused(people["manager"].crud_list, {"route": BUDGETS})[0] == "Forbidden"


def test_templates_snapshot_a_production_and_apply_to_another(
        production, people, clean_db):
    admin = people["admin"]
    project = production["project"]
    admin.add_asset_type_setting({"params": where(production), "body": {
        "asset_type_id": production["character"]["id"]}})
    admin.new_project_descriptor({"params": where(production), "body": {
        "name": "Difficulty", "data_type": "list", "choices": ["easy"]}})
    admin.crud_update({"route": {"model": "projects"}, "params": {
        "instance_id": project["id"]}, "body": {"fps": "24"}})
    reply = admin.template_from_project({"params": where(production), "body": {
        "name": "Feature"}})
    assert reply["status"] == 201
    template = reply["body"]
    assert template["fps"] == "24" and template["type"] == "ProjectTemplate"
    assert template["metadata_descriptors"][0]["field_name"] == "difficulty"
    assert events(clean_db, "project-template:new")[-1]["data"] == {
        "project_template_id": template["id"]}
    linked = {"params": {"project_template_id": template["id"]}}
    assert admin.template_asset_types(linked)["body"] == [
        {"id": production["character"]["id"], "name": "Character"}]
    assert refused(people["manager"].add_template_asset_type, {**linked, "body": {
        "asset_type_id": production["character"]["id"]}})[0] == "Forbidden"
    assert people["manager"].crud_list({"route": TEMPLATES})["body"][0]["id"] == \
        template["id"]
    assert refused(people["artist"].crud_list, {"route": TEMPLATES})[0] == "Forbidden"

    target = admin.crud_create({"route": {"model": "projects"}, "body": {
        "name": "Sequel"}})["body"]
    applied = admin.apply_template({"params": {"project_id": target["id"],
                                               "project_template_id": template["id"]}})
    assert applied["body"]["fps"] == "24"
    assert admin.project_descriptors({"params": {"project_id": target["id"]}})["body"][0][
        "choices"] == ["easy"]
    got = admin.crud_get({"route": {"model": "projects"}, "params": {
        "instance_id": target["id"]}})["body"]
    assert got["asset_types"] == [production["character"]["id"]]


ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor", "outsider")
# Which callers each representative route lets through (Zou's rules); the production's
# team holds one person of every role but the outsider (a manager of another team).
MATRIX = {
    "project_descriptors": {"admin", "manager", "supervisor", "user", "client", "vendor"},
    "new_project_descriptor": {"admin", "manager"},
    "project_milestones": {"admin", "manager", "supervisor", "user"},
    "project_budgets": {"admin", "manager"},
    "project_templates": {"admin", "manager", "outsider"},
    "new_status_automation": {"admin"},
    "custom_actions": {"admin", "manager", "supervisor", "user", "client", "outsider"},
}


def call(service, route, production):
    params = {"params": where(production)}
    return {
        "project_descriptors": lambda: service.project_descriptors(params),
        "new_project_descriptor": lambda: service.new_project_descriptor(
            {**params, "body": {"name": "Col-%s" % id(service)}}),
        "project_milestones": lambda: service.project_milestones(params),
        "project_budgets": lambda: service.project_budgets(params),
        "project_templates": lambda: service.crud_list({"route": TEMPLATES}),
        "new_status_automation": lambda: service.crud_create({"route": AUTOMATIONS,
                                                              "body": {}}),
        "custom_actions": lambda: service.crud_list({"route": ACTIONS}),
    }[route]()


def test_role_matrix_of_representative_routes(catalog, production, create_person):
    admin = catalog(production["admin"])
    callers = {"admin": admin}
    for role in ROLES[1:]:
        person = create_person(role="manager" if role == "outsider" else role)
        if role != "outsider":
            admin.add_team_member({"params": where(production),
                                   "body": {"person_id": str(person.id)}})
        callers[role] = catalog(person)
    for route, allowed in MATRIX.items():
        for role, service in callers.items():
            if role in allowed:
                assert call(service, route, production)["status"] in (200, 201), (route, role)
            else:
                assert refused(call, service, route, production)[0] == "Forbidden", \
                    (route, role)
