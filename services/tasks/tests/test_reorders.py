"""Reordering task types and a production's task type / task status links over real RPC:
priorities, events (task-type:update, task-*-link:update, project:update), access."""


def test_reorder_task_types(services, studio, events, refused):
    people, types = studio["people"], studio["task_types"]
    _, admin = services(people["admin"])
    first, second = types[("Animation", "Shot")], types[("Modeling", "Asset")]
    ordered = admin.reorder_task_types({"body": {"task_type_ids": [
        second["id"], "not-an-id", first["id"]]}})["body"]
    assert [(t["id"], t["priority"]) for t in ordered] == [(second["id"], 1), (first["id"], 3)]
    updated = {e["payload"]["id"] for e in events("task-type:update")}
    assert second["id"] in updated  # Animation already had priority 3: no event for it
    _, manager = services(people["manager"])
    assert refused(manager.reorder_task_types, {"body": {"task_type_ids": []}})[0] == \
        "Forbidden"
    assert refused(admin.reorder_task_types, {"body": [first["id"]]}) == (
        "Invalid", "Request body must be a JSON object with a 'task_type_ids' list.")


def test_reorder_links(services, studio, events, refused):
    people, project = studio["people"], studio["project"]
    _, manager = services(people["manager"])
    where = {"project_id": project["id"]}
    animation, layout = (studio["task_types"][(name, "Shot")] for name in ("Animation",
                                                                           "Layout"))
    for task_type in (animation, layout):
        manager.add_task_type_setting({"params": where,
                                       "body": {"task_type_id": task_type["id"]}})
    before = len(events("project:update"))
    links = manager.reorder_task_type_links({"params": where, "body": {"task_type_ids": [
        layout["id"], animation["id"], studio["task_types"][("Modeling", "Asset")]["id"]]}})
    assert [(l["task_type_id"], l["priority"]) for l in links["body"]] == [
        (layout["id"], 1), (animation["id"], 2)]
    assert len(events("project:update")) == before + 1
    assert events("task-type-link:update")[-1]["payload"]["changes"]["priority"][1] in (1, 2)
    statuses = studio["statuses"]
    for short_name in ("wip", "done"):
        manager.add_task_status_setting({"params": where, "body": {
            "task_status_id": statuses[short_name]["id"]}})
    reordered = manager.reorder_task_status_links({"params": where, "body": {
        "task_status_ids": [statuses["done"]["id"], statuses["wip"]["id"]]}})["body"]
    assert [l["priority"] for l in reordered] == [1, 2]
    _, artist = services(people["user"])
    assert refused(artist.reorder_task_type_links, {"params": where, "body": {
        "task_type_ids": []}})[0] == "Forbidden"
