"""Tasks end to end through the running suite, with unmodified gazu: task types made and
attached to a production, shot and asset tasks created, queried and assigned, and the
artist's to-do list — the tasks service knowing productions, shots and people only
from the catalog's and auth's events."""
import uuid

import gazu
import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def test_shot_and_asset_tasks_with_gazu(client, suite):
    todo = client.task.get_task_status_by_short_name("todo")
    assert todo["is_default"] and client.task.get_default_task_status()["id"] == todo["id"]
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    layout = client.task.new_task_type(unique("Layout"), for_entity="Shot")
    modeling = client.task.get_task_type_by_name("Modeling", for_entity="Asset")
    project = client.project.new_project(unique("Film"), production_type="short")
    for priority, task_type in enumerate((animation, layout, modeling), start=1):
        client.project.add_task_type(project, task_type, priority)
    assert {t["id"] for t in client.task.all_task_types_for_project(project)} == {
        animation["id"], layout["id"], modeling["id"]}

    sequence = client.shot.new_sequence(project, "SQ01")
    shot = client.shot.new_shot(project, sequence, "SH010")
    created = client.task.create_shot_tasks(shot, [animation, layout])
    assert {t["task_type_id"] for t in created} == {animation["id"], layout["id"]}
    tasks = client.task.all_tasks_for_shot(shot)
    assert {t["id"] for t in tasks} == {t["id"] for t in created}
    assert {t["entity_name"] for t in tasks} == {"SH010"}
    assert {t["id"] for t in client.task.all_task_types_for_shot(shot)} == {
        animation["id"], layout["id"]}
    task = client.task.get_task_by_entity(shot, animation)
    assert task["task_status_id"] == todo["id"]
    assert client.task.get_task(task["id"])["sequence"]["id"] == sequence["id"]

    other = client.shot.new_shot(project, sequence, "SH020")
    reply = requests.post(suite.url + "/actions/projects/%s/task-types/%s/shots/create-tasks"
                          % (project["id"], layout["id"]), json=[other["id"]],
                          headers=suite.headers())
    assert reply.status_code == 201 and [t["entity_id"] for t in reply.json()] == [
        other["id"]]
    assert len(client.task.all_tasks_for_project(project, task_type=layout)) == 2

    character = client.asset.get_asset_type_by_name("Character")
    asset = client.asset.new_asset(project, character, "Ada")
    asset_task = client.task.new_task(asset, modeling)
    assert [t["id"] for t in client.task.all_tasks_for_asset(asset)] == [asset_task["id"]]
    assert client.task.new_task(asset, modeling)["id"] == asset_task["id"]

    password = "artist-password"
    artist = client.person.new_person("Ann", "Artist", unique("ann") + "@studio.example",
                                      role="user", password=password)
    client.project.add_person_to_team(project, artist)
    client.task.assign_task(task, artist)
    assert client.task.get_task(task["id"])["assignees"] == [artist["id"]]
    events = requests.get(suite.url + "/data/events/last", params={"limit": 300},
                          headers=suite.headers()).json()
    assert {"task_id": task["id"], "person_id": artist["id"]} in [
        e["data"] for e in events if e["name"] == "task:assign"]

    artist_client = gazu.client.create_client(suite.url + "/api")
    gazu.log_in(artist["email"], password, client=artist_client)
    to_do = client.user.all_tasks_to_do(client=artist_client)
    assert [t["id"] for t in to_do] == [task["id"]]
    assert to_do[0]["entity_name"] == "SH010" and to_do[0]["sequence_name"] == "SQ01"
    assert client.task.clear_assignations(task) == [task["id"]]
    assert client.user.all_tasks_to_do(client=artist_client) == []
