"""Production follow-up end to end with unmodified gazu: tasks created per entity type,
the open tasks pool and its stats, people's task dates and related tasks, and a task
type links reorder, through the gateway."""
import uuid

import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def test_production_follow_up_with_gazu(client, suite):
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    layout = client.task.new_task_type(unique("Layout"), for_entity="Shot")
    project = client.project.new_project(unique("Film"), production_type="short")
    for priority, task_type in enumerate((animation, layout), start=1):
        client.project.add_task_type(project, task_type, priority)
    sequence = client.shot.new_sequence(project, "SQ01")
    shots = [client.shot.new_shot(project, sequence, name) for name in ("SH010", "SH020")]
    actions = suite.url + "/actions/projects/%s" % project["id"]
    reply = requests.post(actions + "/task-types/%s/create-tasks/shot" % animation["id"],
                          json=[], headers=suite.headers())
    assert reply.status_code == 201
    assert sorted(t["entity_id"] for t in reply.json()) == sorted(s["id"] for s in shots)
    task = client.task.get_task_by_entity(shots[0], animation)
    artist = client.person.new_person("Ann", "Artist", unique("ann") + "@studio.example",
                                      role="user")
    client.project.add_person_to_team(project, artist)
    client.task.assign_task(task, artist)
    client.task.update_task({"id": task["id"], "start_date": "2026-04-01T00:00:00",
                             "due_date": "2026-04-09T00:00:00", "estimation": 3})

    assert set(client.task.all_open_tasks()) >= {"data", "stats", "limit", "is_more"}
    pool = requests.get(suite.url + "/data/tasks/open-tasks", params={
        "project_id": project["id"]}, headers=suite.headers()).json()
    mine = pool["data"]
    assert pool["stats"]["total"] == 2
    assert {t["entity_name"] for t in mine} == {"SH010", "SH020"}
    assert next(t for t in mine if t["id"] == task["id"])["assignees"] == [artist["id"]]
    stats = client.task.get_open_tasks_stats()[project["id"]]
    assert (stats["amount"], stats["total_estimation"]) == (2, 3)
    dates = {e["person_id"]: e for e in client.task.get_persons_tasks_dates()}
    assert dates[artist["id"]]["min_date"] == "2026-04-01T00:00:00"
    related = client.task.all_tasks_for_person_and_type(artist, animation)
    assert {t["id"] for t in related} == {task["id"]}

    reply = requests.post(actions + "/task-type-links/reorder", json={
        "task_type_ids": [layout["id"], animation["id"]]}, headers=suite.headers())
    assert [(l["task_type_id"], l["priority"]) for l in reply.json()] == [
        (layout["id"], 1), (animation["id"], 2)]
