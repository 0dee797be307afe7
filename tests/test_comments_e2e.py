"""Comments end to end with unmodified gazu: an artist starts a task and asks for a
review, a supervisor's retake mentions them, the conversation is read, acknowledged,
answered, edited, moved and pruned, and the production's news feed (a projection of
the comment events) follows."""
import time
import uuid

import gazu
import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def wait_for(fetch, predicate, timeout=10.0):
    deadline = time.time() + timeout
    while True:
        value = fetch()
        if predicate(value) or time.time() > deadline:
            return value
        time.sleep(0.1)


def test_comments_and_news_with_gazu(client, suite):
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    layout = client.task.new_task_type(unique("Layout"), for_entity="Shot")
    project = client.project.new_project(unique("Film"), production_type="short")
    for task_type in (animation, layout):
        client.project.add_task_type(project, task_type, 1)
    shot = client.shot.new_shot(project, client.shot.new_sequence(project, "SQ01"), "SH010")
    task, other = client.task.create_shot_tasks(shot, [animation, layout])
    password = "artist-password"
    artist = client.person.new_person("Ann", unique("Artist"), unique("ann") + "@studio.ex",
                                      role="user", password=password)
    client.project.add_person_to_team(project, artist)
    client.task.assign_task(task, artist)
    as_artist = gazu.client.create_client(suite.url + "/api")
    gazu.log_in(artist["email"], password, client=as_artist)

    started = client.task.start_task(task, client=as_artist)
    wip = client.task.get_task_status_by_short_name("wip")
    assert started["task_status_id"] == wip["id"] and started["person_id"] == artist["id"]
    assert client.task.get_task(task["id"])["real_start_date"]
    wfa = client.task.get_task_status_by_short_name("wfa")
    review = client.task.add_comment(task, wfa, "Ready for review", checklist=[
        {"text": "Lipsync", "checked": True}], client=as_artist)
    assert client.task.get_task(task["id"])["task_status_id"] == wfa["id"]
    retake = client.task.get_task_status_by_short_name("retake")
    note = client.task.add_comment(task, retake, "@Ann %s the arm pops" % artist["last_name"])
    assert note["mentions"] == [artist["id"]]
    assert client.task.get_task(task["id"])["retake_count"] == 1

    last = client.task.get_last_comment_for_task(task, client=as_artist)
    assert last["id"] == note["id"] and last["task_status"]["short_name"] == "retake"
    assert [c["id"] for c in client.task.all_comments_for_task(task)] == [
        note["id"], review["id"], started["id"]]
    assert {c["id"] for c in client.task.all_comments_for_project(project)} == {
        note["id"], review["id"], started["id"]}
    acked = client.task.acknowledge_comment(task, note, client=as_artist)
    assert acked["acknowledgements"] == [artist["id"]]
    reply = client.task.reply_to_comment(task, note, "On it", client=as_artist)
    assert client.task.get_comment(note["id"])["replies"][0]["id"] == reply["id"]
    client.task.delete_comment_reply(task, note, reply)
    fetched = client.task.get_comment(note["id"])
    assert fetched["replies"] == [] and fetched["person"]["id"]
    edited = client.task.update_comment({"id": note["id"], "text": "The arm pops"})
    assert edited["text"] == "The arm pops" and edited["mentions"] == []
    todo = client.user.all_tasks_to_do(client=as_artist)
    assert todo[0]["last_comment"]["text"] == "The arm pops"

    moved = client.task.move_comment_to_task(task, started, other)
    assert moved["object_id"] == other["id"]
    client.task.remove_comment(note)
    assert client.task.get_task(task["id"])["task_status_id"] == wfa["id"]

    url = suite.url + "/data/projects/%s/news" % project["id"]
    feed = wait_for(lambda: requests.get(url, headers=suite.headers()).json(),
                    lambda body: body["total"] == 2)
    assert {n["comment_id"] for n in feed["data"]} == {review["id"], started["id"]}
    assert feed["stats"] == {wfa["id"]: 1}  # a moved comment is news of no change
    assert {n["full_entity_name"] for n in feed["data"]} == {"SQ01 / SH010"}
    events = requests.get(suite.url + "/data/events/last", params={"limit": 300},
                          headers=suite.headers()).json()
    names = {e["name"] for e in events}
    assert {"comment:new", "task:status-changed", "comment:acknowledge", "comment:reply",
            "comment:delete", "news:new", "news:delete"} <= names
