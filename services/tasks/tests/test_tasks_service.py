"""Task types, production settings, tasks and assignments over real RPC and PostgreSQL,
with the catalog service making the productions and entities: Zou's JSON, its events,
its access rules and error shapes."""
TASK_TYPES, STATUSES, TASKS = ({"model": "task-types"}, {"model": "task-status"},
                               {"model": "tasks"})


def attach(tasks, project, *task_types):
    for task_type in task_types:
        reply = tasks.add_task_type_setting({"params": {"project_id": project["id"]},
                                             "body": {"task_type_id": task_type["id"]}})
        assert reply["status"] == 201


def test_defaults_and_task_type_crud(services, studio, events, refused):
    _, tasks = services(studio["people"]["admin"])
    statuses = studio["statuses"]
    assert {"todo", "wip", "wfa", "retake", "done", "ready"} <= set(statuses)
    assert statuses["todo"]["is_default"] and statuses["done"]["is_done"]
    assert statuses["wfa"]["is_feedback_request"] and statuses["retake"]["is_retake"]
    assert ("Animation", "Shot") in studio["task_types"]
    assert ("Modeling", "Asset") in studio["task_types"]
    created = tasks.crud_create({"route": TASK_TYPES, "body": {
        "name": "Grooming", "for_entity": "Asset", "color": "#112233"}})
    assert created["status"] == 201 and created["body"]["type"] == "TaskType"
    assert events("task-type:new")[-1]["data"] == {
        "task_type_id": created["body"]["id"]}
    assert refused(tasks.crud_create, {"route": TASK_TYPES, "body": {"name": "grooming"}}) \
        == ("Invalid", "A task type with similar name already exists")
    _, artist_tasks = services(studio["people"]["user"])
    assert refused(artist_tasks.crud_create, {"route": TASK_TYPES, "body": {"name": "X"}})[0] \
        == "Forbidden"
    assert any(t["name"] == "Grooming"
               for t in artist_tasks.crud_list({"route": TASK_TYPES})["body"])


def test_production_settings(services, studio, events, refused):
    _, tasks = services(studio["people"]["manager"])
    project, where = studio["project"], {"project_id": studio["project"]["id"]}
    animation = studio["task_types"][("Animation", "Shot")]
    reply = tasks.add_task_type_setting({"params": where,
                                         "body": {"task_type_id": animation["id"]}})
    assert reply["status"] == 201 and reply["body"]["id"] == project["id"]
    assert "team" not in reply["body"] and "task_types" not in reply["body"]
    assert events("task-type-link:new")[-1]["data"] == {
        "project_id": project["id"], "task_type_id": animation["id"]}
    assert events("project:update")[-1]["data"] == {"project_id": project["id"]}
    listed = tasks.project_task_types({"params": where})["body"]
    assert [t["id"] for t in listed] == [animation["id"]]
    assert refused(tasks.add_task_type_setting, {"params": where, "body": {}})[0] == "Invalid"

    wip = studio["statuses"]["wip"]
    tasks.add_task_status_setting({"params": where, "body": {"task_status_id": wip["id"]}})
    assert [s["id"] for s in tasks.project_task_statuses({"params": where})["body"]] == [
        wip["id"]]
    link = tasks.update_task_status_setting({"params": {**where, "task_status_id": wip["id"]},
                                             "body": {"is_client_allowed": False}})["body"]
    assert link["is_client_allowed"] is False and link["type"] == "ProjectTaskStatusLink"
    tasks.remove_task_status_setting({"params": {**where, "task_status_id": wip["id"]}})
    assert tasks.project_task_statuses({"params": where})["body"] == []

    layout = studio["task_types"][("Layout", "Shot")]
    link = tasks.create_task_type_link({"body": {**where, "task_type_id": layout["id"],
                                                 "priority": 4}})
    assert link["status"] == 201 and link["body"]["priority"] == 4
    assert link["body"]["type"] == "ProjectTaskTypeLink"
    again = tasks.create_task_type_link({"body": {**where, "task_type_id": layout["id"],
                                                  "priority": 2}})["body"]
    assert again["id"] == link["body"]["id"] and again["priority"] == 2
    assert events("task-type-link:update")[-1]["payload"]["changes"]["priority"] == [4, 2]
    board = tasks.create_task_status_link({"body": {
        **where, "task_status_id": wip["id"], "roles_for_board": ["admin"]}})["body"]
    assert board["roles_for_board"] == ["admin"] and board["priority"] == 1
    assert refused(tasks.create_task_status_link, {"body": {**where}}) == (
        "Invalid", "task_status_id is required and must be a valid UUID")
    tasks.remove_task_type_setting({"params": {**where, "task_type_id": layout["id"]}})

    _, artist = services(studio["people"]["user"])
    assert refused(artist.add_task_type_setting, {"params": where, "body": {
        "task_type_id": animation["id"]}})[0] == "Forbidden"
    _, admin = services(studio["people"]["admin"])
    assert refused(admin.crud_delete, {"route": TASK_TYPES, "params": {
        "instance_id": animation["id"]}})[0] == "Invalid"
    tasks.remove_task_type_setting({"params": {**where, "task_type_id": animation["id"]}})
    assert tasks.project_task_types({"params": where})["body"] == []


def test_creating_tasks_for_shots_and_assets(services, studio, events, refused):
    _, tasks = services(studio["people"]["manager"])
    project, shot = studio["project"], studio["shots"][0]
    animation = studio["task_types"][("Animation", "Shot")]
    layout = studio["task_types"][("Layout", "Shot")]
    modeling = studio["task_types"][("Modeling", "Asset")]
    body = {"task_type_ids": [animation["id"]]}
    assert refused(tasks.create_entity_tasks, {"params": {"entity_id": shot["id"]},
                                               "body": body})[0] == "Invalid"
    attach(tasks, project, animation, layout, modeling)
    assert refused(tasks.create_entity_tasks, {"params": {"entity_id": shot["id"]}, "body": {
        "task_type_ids": [modeling["id"]]}})[1].endswith("got Shot.")

    reply = tasks.create_entity_tasks({"params": {"entity_id": shot["id"]},
                                       "body": {"task_type_ids": [animation["id"], layout["id"]]}})
    assert reply["status"] == 201
    created = reply["body"]
    assert [t["task_type_name"] for t in created] == ["Animation", "Layout"]
    assert created[0]["task_status_short_name"] == "todo" and created[0]["assignees"] == []
    assert created[0]["name"] == "main" and created[0]["entity_id"] == shot["id"]
    new = events("task:new")[-1]
    assert new["data"] == {"task_id": created[1]["id"]}
    assert new["payload"]["new"]["entity_id"] == shot["id"]
    again = tasks.create_entity_tasks({"params": {"entity_id": shot["id"]}, "body": body})
    assert again["body"] == []

    made = tasks.create_tasks_for_type({"params": {"project_id": project["id"],
                                                   "task_type_id": animation["id"]},
                                        "route": {"kind": "shots"}, "body": None})["body"]
    assert [t["entity_id"] for t in made] == [studio["shots"][1]["id"]]
    assets = tasks.create_tasks_for_type({"params": {"project_id": project["id"],
                                                     "task_type_id": modeling["id"]},
                                          "route": {"kind": "assets"},
                                          "body": [studio["asset"]["id"]]})["body"]
    assert [t["entity_id"] for t in assets] == [studio["asset"]["id"]]


def test_task_queries(services, studio, events, refused, task_list):
    _, tasks = services(studio["people"]["admin"])
    project, shot = studio["project"], studio["shots"][0]
    animation = studio["task_types"][("Animation", "Shot")]
    attach(tasks, project, animation)
    task = tasks.create_entity_tasks({"params": {"entity_id": shot["id"]}, "body": {
        "task_type_ids": [animation["id"]]}})["body"][0]

    _, artist = services(studio["people"]["user"])
    shot_tasks = artist.entity_tasks({"params": {"entity_id": shot["id"]},
                                      "route": {"kind": "shots"}})["body"]
    assert [t["id"] for t in shot_tasks] == [task["id"]]
    assert shot_tasks[0]["entity_name"] == "SH010" and shot_tasks[0]["task_type_name"] \
        == "Animation" and shot_tasks[0]["project_name"] == project["name"]
    assert "assignees" not in shot_tasks[0]
    assert refused(artist.entity_tasks, {"params": {"entity_id": shot["id"]},
                                         "route": {"kind": "assets"}})[0] == "NotFound"
    types = artist.entity_task_types({"params": {"entity_id": shot["id"]},
                                      "route": {"kind": "shots"}})["body"]
    assert [t["id"] for t in types] == [animation["id"]]
    in_sequence = artist.sequence_shot_tasks({"params": {
        "sequence_id": studio["sequence"]["id"]}, "query": {"relations": "true"}})["body"]
    assert [t["assignees"] for t in in_sequence] == [[]]
    listed = task_list(artist, {"project_id": project["id"]})
    assert [t["id"] for t in listed] == [task["id"]]
    by_name = task_list(artist, {"name": "main", "task_type_id": animation["id"],
                                 "entity_id": shot["id"]})
    assert [t["id"] for t in by_name] == [task["id"]]
    got = artist.crud_get({"route": TASKS, "params": {"instance_id": task["id"]}})["body"]
    assert got["assignees"] == [] and got["type"] == "Task"
    full = artist.full_task({"params": {"task_id": task["id"]}})["body"]
    assert full["entity"]["name"] == "SH010" and full["sequence"]["name"] == "SQ01"
    assert full["task_type"]["name"] == "Animation" and full["project"]["id"] == project["id"]
    assert full["task_status"]["short_name"] == "todo" and full["entity_type"]["name"] == "Shot"

    _, outsider = services(studio["people"]["outsider"])
    assert task_list(outsider, {}) == []
    assert refused(outsider.crud_get, {"route": TASKS, "params": {
        "instance_id": task["id"]}})[0] == "Forbidden"


def test_assignments_updates_and_deletion(services, studio, events, refused):
    _, tasks = services(studio["people"]["manager"])
    artist = studio["people"]["user"]
    animation = studio["task_types"][("Animation", "Shot")]
    attach(tasks, studio["project"], animation)
    task = tasks.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                      "body": {"task_type_ids": [animation["id"]]}})["body"][0]
    assigned = tasks.assign_tasks_to_person({"params": {"person_id": str(artist.id)},
                                             "body": {"task_ids": [task["id"]]}})["body"]
    assert assigned[0]["assignees"] == [str(artist.id)]
    assert events("task:assign")[-1]["data"] == {
        "task_id": task["id"], "person_id": str(artist.id)}
    _, artist_tasks = services(artist)
    mine = artist_tasks.user_tasks({})["body"]
    assert [(t["id"], t["entity_name"], t["sequence_name"]) for t in mine] == [
        (task["id"], "SH010", "SQ01")]
    assert mine[0]["assignees"] == [str(artist.id)] and mine[0]["last_comment"] == {}

    done = studio["statuses"]["done"]
    updated = tasks.crud_update({"route": TASKS, "params": {"instance_id": task["id"]},
                                 "body": {"task_status_id": done["id"], "data": {"a": 1}}})
    assert updated["body"]["done_date"] is not None
    change = events("task:update")[-1]["payload"]["changes"]
    assert change["task_status_id"][1] == done["id"]
    assert artist_tasks.user_tasks({})["body"] == []
    assert refused(artist_tasks.crud_update, {"route": TASKS, "params": {
        "instance_id": task["id"]}, "body": {"priority": 2}})[0] == "Forbidden"

    cleared = tasks.clear_assignations({"body": {"task_ids": [task["id"]]}})["body"]
    assert cleared == [task["id"]]
    assert events("task:unassign")[-1]["data"] == {
        "task_id": task["id"], "person_id": str(artist.id)}
    assert tasks.crud_delete({"route": TASKS, "params": {"instance_id": task["id"]}})[
        "status"] == 204
    assert events("task:delete")[-1]["payload"]["old"]["id"] == task["id"]


def test_batches_and_done_tasks(services, studio, events, refused, task_list):
    people = studio["people"]
    _, tasks = services(people["manager"])
    project, where = studio["project"], {"project_id": studio["project"]["id"]}
    animation = studio["task_types"][("Animation", "Shot")]
    layout = studio["task_types"][("Layout", "Shot")]
    attach(tasks, project, animation, layout)
    made = [task for shot in studio["shots"] for task in tasks.create_entity_tasks({
        "params": {"entity_id": shot["id"]},
        "body": {"task_type_ids": [animation["id"], layout["id"]]}})["body"]]
    assert len(made) == 4
    prioritised = tasks.set_tasks_priority({"body": {
        "task_ids": [made[0]["id"], "not-an-id"], "priority": 3}})["body"]
    assert [(t["id"], t["priority"]) for t in prioritised] == [(made[0]["id"], 3)]

    artist = str(people["user"].id)
    tasks.assign_tasks_to_person({"params": {"person_id": artist},
                                  "body": {"task_ids": [made[0]["id"], made[1]["id"]]}})
    done = studio["statuses"]["done"]
    tasks.crud_update({"route": TASKS, "params": {"instance_id": made[1]["id"]},
                       "body": {"task_status_id": done["id"]}})
    _, artist_tasks = services(people["user"])
    assert [t["id"] for t in artist_tasks.user_done_tasks({})["body"]] == [made[1]["id"]]
    assert [t["id"] for t in tasks.person_tasks({"params": {"person_id": artist}})["body"]] \
        == [made[0]["id"]]
    assert [t["id"] for t in tasks.person_done_tasks({"params": {"person_id": artist}})[
        "body"]] == [made[1]["id"]]

    deleted = tasks.delete_tasks({"params": where, "body": [made[0]["id"]]})["body"]
    assert deleted == [made[0]["id"]]
    assert events("task:delete")[-1]["data"] == {"task_id": made[0]["id"]}
    assert refused(tasks.delete_tasks_of_type, {"params": {
        **where, "task_type_id": layout["id"]}})[0] == "Forbidden"
    _, admin = services(people["admin"])
    admin.delete_tasks_of_type({"params": {**where, "task_type_id": layout["id"]}})
    left = task_list(admin, {"project_id": project["id"]})
    assert [t["id"] for t in left] == [made[2]["id"]]
