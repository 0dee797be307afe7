"""The gateway's reply cache across services: a catalog reply that carries data the
catalog learns from the tasks service's events (a shot's tasks and their statuses) is
dropped when that read model applies them, not served stale until it expires."""
import time
import uuid


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def test_a_shot_reply_follows_its_task_status_changes(client, suite):
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    project = client.project.new_project(unique("Film"), production_type="short")
    client.project.add_task_type(project, animation, 1)
    shot = client.shot.new_shot(project, client.shot.new_sequence(project, "SQ01"), "SH010")
    task = client.task.create_shot_tasks(shot, [animation])[0]

    def shot_task_status():
        return [t["task_status_id"] for t in client.shot.get_shot(shot["id"])["tasks"]]

    deadline = time.time() + 10
    while shot_task_status() != [task["task_status_id"]] and time.time() < deadline:
        time.sleep(0.1)  # the catalog learns of the new task from its event
    assert shot_task_status() == [task["task_status_id"]]   # cached from here on
    wip = client.task.get_task_status_by_short_name("wip")
    client.task.add_comment(task, wip, "Started")
    deadline = time.time() + 5   # well under the cache's 10 s expiry
    while shot_task_status() != [wip["id"]] and time.time() < deadline:
        time.sleep(0.1)
    assert shot_task_status() == [wip["id"]]
