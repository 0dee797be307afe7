"""Notifications and subscriptions end to end with unmodified gazu: an artist assigned to
a task finds the assignation in their notifications (written by the tasks service's
projection of the event log), reads it, marks all as read, and follows a task."""
import time
import uuid

import gazu


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def eventually(fetch, timeout=10.0):
    deadline = time.time() + timeout
    while True:
        found = fetch()
        if found or time.time() > deadline:
            return found
        time.sleep(0.1)


def test_an_artist_is_notified_of_an_assignation(client, suite):
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    project = client.project.new_project(unique("Film"), production_type="short")
    client.project.add_task_type(project, animation, 1)
    shot = client.shot.new_shot(project, client.shot.new_sequence(project, "SQ01"), "SH010")
    task, = client.task.create_shot_tasks(shot, [animation])
    password = "artist-password"
    artist = client.person.new_person("Ann", "Artist", unique("ann") + "@studio.example",
                                      role="user", password=password)
    client.project.add_person_to_team(project, artist)
    client.task.assign_task(task, artist)

    artist_client = gazu.client.create_client(suite.url + "/api")
    gazu.log_in(artist["email"], password, client=artist_client)
    found = eventually(lambda: client.user.all_notifications(client=artist_client))
    assert [(n["notification_type"], n["task_id"]) for n in found] == [
        ("assignation", task["id"])]
    notification = client.user.get_notification(found[0], client=artist_client)
    assert notification["full_entity_name"] == "SQ01 / SH010"
    assert client.user.update_notification({**notification, "read": True},
                                           client=artist_client)["read"] is True
    assert client.user.mark_all_notifications_as_read(client=artist_client) == {
        "success": True}
    assert [n["id"] for n in client.task.all_notifications_for_project(project)] == [
        notification["id"]]

    client.user.subscribe_to_task(task, client=artist_client)
    assert client.user.check_task_subscription(task, client=artist_client) is True
    assert [s["task_id"] for s in client.task.all_subscriptions_for_project(project)] == [
        task["id"]]
    client.user.unsubscribe_from_task(task, client=artist_client)
    assert client.user.check_task_subscription(task, client=artist_client) is False
