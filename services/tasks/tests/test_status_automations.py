"""A production's status automations (the catalog's, followed by the tasks service) run
after a comment: "Modeling set to Done" moves the asset's Rigging task to Ready with a
comment of its own, in the same unit of work; a rollback automation does nothing."""
import uuid

import sqlalchemy as sa

from slate_tasks.models import project_status_automation_links

AUTOMATIONS = {"model": "status-automations"}


def _linked(engine, project_id):
    with engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).where(
            project_status_automation_links.c.project_id == uuid.UUID(project_id))).scalar()


def _automation(catalog, project_id, in_type, in_status, out_type, out_status):
    automation = catalog.crud_create({"route": AUTOMATIONS, "body": {
        "entity_type": "asset", "in_task_type_id": in_type["id"],
        "in_task_status_id": in_status["id"], "out_field_type": "status",
        "out_task_type_id": out_type["id"], "out_task_status_id": out_status["id"]}})["body"]
    catalog.add_status_automation_setting({"params": {"project_id": project_id},
                                           "body": {"status_automation_id": automation["id"]}})
    return automation


def test_modeling_done_sets_rigging_ready(services, studio, clean_db, events, wait_until):
    people, project = studio["people"], studio["project"]
    catalog, admin = services(people["admin"])
    _, artist = services(people["user"])
    where = {"project_id": project["id"]}
    modeling = studio["task_types"][("Modeling", "Asset")]
    rigging = studio["task_types"][("Rigging", "Asset")]
    for priority, task_type in enumerate((modeling, rigging), 1):
        admin.add_task_type_setting({"params": where, "body": {
            "task_type_id": task_type["id"], "priority": priority}})
    created = admin.create_entity_tasks({"params": {"entity_id": studio["asset"]["id"]},
                                         "body": {"task_type_ids": [modeling["id"],
                                                                    rigging["id"]]}})["body"]
    model, rig = sorted(created, key=lambda task: task["task_type_id"] != modeling["id"])
    admin.assign_task({"params": {"task_id": model["id"]},
                       "body": {"person_id": str(people["user"].id)}})
    statuses = studio["statuses"]
    forward = _automation(catalog, project["id"], modeling, statuses["done"], rigging,
                          statuses["ready"])
    _automation(catalog, project["id"], rigging, statuses["done"], modeling,
                           statuses["retake"])
    wait_until(lambda: _linked(clean_db, project["id"]) == 2)

    artist.post_comment({"params": {"task_id": model["id"]}, "body": {
        "task_status_id": statuses["done"]["id"], "comment": "Model ok"}})
    rig_now = admin.full_task({"params": {"task_id": rig["id"]}})["body"]
    assert rig_now["task_status_id"] == statuses["ready"]["id"]
    posted = admin.task_comments({"params": {"task_id": rig["id"]}})["body"]
    assert [(c["text"], c["person_id"]) for c in posted] == [
        ("Change triggered by Modeling set to Done", str(people["user"].id))]
    changed = [event["data"] for event in events("task:status-changed")]
    assert changed[-1] == {
        "task_id": rig["id"], "new_task_status_id": statuses["ready"]["id"],
        "previous_task_status_id": rig["task_status_id"],
        "person_id": str(people["user"].id)}
    assert [event["data"]["task_id"] for event in events("comment:new")] == [
        model["id"], rig["id"]]

    # Rigging done does not send Modeling back (its priority is lower): no rollback.
    admin.post_comment({"params": {"task_id": rig["id"]}, "body": {
        "task_status_id": statuses["done"]["id"]}})
    assert admin.full_task({"params": {"task_id": model["id"]}})["body"][
        "task_status_id"] == statuses["done"]["id"]
    # As Zou, any comment leaving Modeling done applies it again...
    admin.post_comment({"params": {"task_id": rig["id"]}, "body": {
        "task_status_id": statuses["wip"]["id"]}})
    admin.post_comment({"params": {"task_id": model["id"]}, "body": {
        "task_status_id": statuses["done"]["id"], "comment": "Again"}})
    assert admin.full_task({"params": {"task_id": rig["id"]}})["body"][
        "task_status_id"] == statuses["ready"]["id"]
    # ...but not once the production no longer applies it.
    catalog.remove_status_automation_setting({"params": {
        **where, "status_automation_id": forward["id"]}})
    wait_until(lambda: _linked(clean_db, project["id"]) == 1)
    admin.post_comment({"params": {"task_id": rig["id"]}, "body": {
        "task_status_id": statuses["wip"]["id"]}})
    admin.post_comment({"params": {"task_id": model["id"]}, "body": {
        "task_status_id": statuses["done"]["id"], "comment": "Once more"}})
    assert admin.full_task({"params": {"task_id": rig["id"]}})["body"][
        "task_status_id"] == statuses["wip"]["id"]
