"""Comments over real RPC and PostgreSQL: posting with a status change (the task's
dates, retakes, Zou's events), mentions and checklists, the conversation's reads,
acknowledgements, replies, deletion and moves, the batch routes, and the news feed
projected from the comment events."""
import uuid

import pytest
import sqlalchemy as sa

COMMENTS, NEWS = {"model": "comments"}, {"model": "news"}


@pytest.fixture
def shot_task(services, studio):
    """The Animation task of SH010, assigned to the artist."""
    _, tasks = services(studio["people"]["admin"])
    animation = studio["task_types"][("Animation", "Shot")]
    layout = studio["task_types"][("Layout", "Shot")]
    for task_type in (animation, layout):
        tasks.add_task_type_setting({"params": {"project_id": studio["project"]["id"]},
                                     "body": {"task_type_id": task_type["id"]}})
    created = tasks.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                         "body": {"task_type_ids": [animation["id"],
                                                                    layout["id"]]}})["body"]
    task = next(t for t in created if t["task_type_id"] == animation["id"])
    tasks.assign_task({"params": {"task_id": task["id"]},
                       "body": {"person_id": str(studio["people"]["user"].id)}})
    return task


def post(tasks, task, status, text="", **extra):
    return tasks.post_comment({"params": {"task_id": task["id"]}, "body": {
        "task_status_id": status["id"], "comment": text, **extra}})


def test_a_comment_changes_the_status(services, studio, shot_task, events):
    _, artist = services(studio["people"]["user"])
    wip, wfa = studio["statuses"]["wip"], studio["statuses"]["wfa"]
    reply = post(artist, shot_task, wip, "Started", checklist=[
        {"text": "Blocking", "checked": False}])
    assert reply["status"] == 201
    comment = reply["body"]
    assert comment["type"] == "Comment" and comment["object_type"] == "Task"
    assert comment["task_status"]["short_name"] == "wip"
    assert comment["person"]["id"] == str(studio["people"]["user"].id)
    assert comment["checklist"] == [{"text": "Blocking", "checked": False}]
    assert comment["mentions"] == [] and comment["previews"] == []
    new = events("comment:new")[-1]
    assert new["data"] == {"comment_id": comment["id"], "task_id": shot_task["id"],
                           "task_status_id": wip["id"], "person_id": comment["person_id"],
                           "for_client": False}
    assert new["payload"]["change"] is True
    changed = events("task:status-changed")[-1]["data"]
    assert changed == {"task_id": shot_task["id"], "new_task_status_id": wip["id"],
                       "previous_task_status_id": shot_task["task_status_id"],
                       "person_id": comment["person_id"]}
    _, admin = services(studio["people"]["admin"])
    task = admin.crud_get({"route": {"model": "tasks"},
                           "params": {"instance_id": shot_task["id"]}})["body"]
    assert task["task_status_id"] == wip["id"] and task["real_start_date"]
    assert task["last_comment_date"] == comment["created_at"]
    post(artist, shot_task, wfa, "Please check")
    assert events("task:to-review")[-1]["data"]["new_task_status_id"] == wfa["id"]
    task = admin.crud_get({"route": {"model": "tasks"},
                           "params": {"instance_id": shot_task["id"]}})["body"]
    assert task["end_date"] and task["task_status_id"] == wfa["id"]
    todo = artist.user_tasks({})["body"]
    assert todo[0]["last_comment"]["text"] == "Please check"


def test_retakes_mentions_and_bad_input(services, studio, shot_task, refused, events):
    _, manager = services(studio["people"]["manager"])
    retake = studio["statuses"]["retake"]
    user = studio["people"]["user"]
    text = "@%s %s fix it" % (user.first_name, user.last_name)
    comment = post(manager, shot_task, retake, text)["body"]
    assert str(user.id) in comment["mentions"]  # every team member is a Jane Doe
    _, admin = services(studio["people"]["admin"])
    task = admin.crud_get({"route": {"model": "tasks"},
                           "params": {"instance_id": shot_task["id"]}})["body"]
    assert task["retake_count"] == 1
    approved = admin.crud_create({"route": {"model": "task-status"}, "body": {
        "name": "Approved", "short_name": "appr", "color": "#00ff00",
        "is_artist_allowed": False}})["body"]
    def written():  # (the news and read-model followers write on their own)
        return [e for e in events() if e["name"].split(":")[0] in ("comment", "task")]
    count = len(written())
    _, artist = services(user)
    assert refused(post, artist, shot_task, approved)[0] == "Forbidden"
    assert refused(artist.post_comment, {"params": {"task_id": shot_task["id"]},
                                         "body": {"comment": "x"}})[0] == "Invalid"
    assert refused(manager.post_comment, {"params": {"task_id": shot_task["id"]}, "body": {
        "task_status_id": "00000000-0000-0000-0000-000000000000"}})[0] == "NotFound"
    _, outsider = services(studio["people"]["outsider"])
    assert refused(post, outsider, shot_task, retake)[0] == "Forbidden"
    assert len(written()) == count


def test_conversation_ack_reply_and_delete(services, studio, shot_task, refused, events):
    _, artist = services(studio["people"]["user"])
    _, manager = services(studio["people"]["manager"])
    wip, wfa = studio["statuses"]["wip"], studio["statuses"]["wfa"]
    first = post(artist, shot_task, wip, "first")["body"]
    second = post(artist, shot_task, wfa, "second")["body"]
    listed = manager.task_comments({"params": {"task_id": shot_task["id"]}})["body"]
    assert [c["id"] for c in listed] == [second["id"], first["id"]]
    assert listed[0]["person"]["id"] == str(studio["people"]["user"].id)
    assert listed[0]["task_status"]["short_name"] == "wfa"
    where = {"task_id": shot_task["id"], "comment_id": second["id"]}
    acked = manager.acknowledge_comment({"params": where})["body"]
    assert acked["acknowledgements"] == [str(studio["people"]["manager"].id)]
    assert events("comment:acknowledge")[-1]["data"]["comment_id"] == second["id"]
    assert manager.acknowledge_comment({"params": where})["body"]["acknowledgements"] == []
    answer = manager.reply_comment({"params": where, "body": {"text": "ok"}})["body"]
    assert answer["text"] == "ok" and answer["person"]["id"] == str(
        studio["people"]["manager"].id)
    assert events("comment:reply")[-1]["data"]["reply_id"] == answer["id"]
    assert refused(artist.delete_comment_reply, {"params": {
        **where, "reply_id": answer["id"]}})[0] == "Forbidden"
    kept = manager.delete_comment_reply({"params": {**where, "reply_id": answer["id"]}})
    assert kept["body"]["replies"] == []
    one = artist.task_comment({"params": where})["body"]
    assert one["id"] == second["id"]
    manager.delete_task_comment({"params": where})
    assert events("comment:delete")[-1]["data"] == {"comment_id": second["id"],
                                                     "task_id": shot_task["id"]}
    assert events("task:status-changed")[-1]["data"]["new_task_status_id"] == wip["id"]
    _, admin = services(studio["people"]["admin"])
    task = admin.crud_get({"route": {"model": "tasks"},
                           "params": {"instance_id": shot_task["id"]}})["body"]
    assert task["task_status_id"] == wip["id"] and task["end_date"] is None


def test_news_feed_projects_comments(services, studio, shot_task, wait_until):
    _, artist = services(studio["people"]["user"])
    _, manager = services(studio["people"]["manager"])
    wip = studio["statuses"]["wip"]
    comment = post(artist, shot_task, wip, "go")["body"]
    where = {"project_id": studio["project"]["id"]}

    def feed():
        return manager.project_news({"params": where, "query": {}})["body"]
    wait_until(lambda: feed()["total"] == 1)
    news = feed()
    entry = news["data"][0]
    assert entry["comment_id"] == comment["id"] and entry["change"] is True
    assert entry["full_entity_name"] == "SQ01 / SH010"
    assert entry["person"]["id"] == str(studio["people"]["user"].id)
    assert news["stats"] == {wip["id"]: 1}
    one = manager.one_news({"params": {**where, "news_id": entry["id"]}})["body"]
    assert one["id"] == entry["id"]
    by_entity = manager.entity_news({"params": {"entity_id": studio["shots"][0]["id"]}})
    assert [n["id"] for n in by_entity["body"]["data"]] == [entry["id"]]
    manager.delete_task_comment({"params": {"task_id": shot_task["id"],
                                            "comment_id": comment["id"]}})
    wait_until(lambda: feed()["total"] == 0)


def test_batches_and_copies(services, studio, shot_task, refused, events):
    _, manager = services(studio["people"]["manager"])
    _, artist = services(studio["people"]["user"])
    wip, wfa = studio["statuses"]["wip"], studio["statuses"]["wfa"]
    where = {"project_id": studio["project"]["id"]}
    many = manager.comment_many({"params": where, "body": [
        {"object_id": shot_task["id"], "task_status_id": wip["id"], "comment": "a"},
        {"object_id": shot_task["id"], "task_status_id": wip["id"]},  # no text: skipped
    ]})
    assert many["status"] == 201 and [c["text"] for c in many["body"]] == ["a"]
    assert refused(manager.comment_many, {"params": where, "body": {}})[0] == "Invalid"
    batch = artist.batch_comment({"body": {"comments": [
        {"task_id": shot_task["id"], "task_status_id": wfa["id"], "text": "b",
         "person_id": str(studio["people"]["manager"].id)}]}})["body"]
    assert batch[0]["person_id"] == str(studio["people"]["user"].id)  # not a manager
    assert batch[0]["preview_files"] == []
    assert artist.batch_comment({"params": {"task_id": shot_task["id"]}, "body": {
        "comments": [{"task_status_id": wfa["id"], "text": "c"}]}})["body"][0]["text"] == "c"
    assert refused(artist.copy_client_comments, {"params": where, "body": {
        "task_ids": [shot_task["id"]]}})[0] == "Forbidden"
    assert manager.copy_client_comments({"params": where, "body": {
        "task_ids": [shot_task["id"]]}})["body"] == []  # no client spoke


def test_editing_a_comment(services, studio, shot_task, refused, events):
    _, artist = services(studio["people"]["user"])
    _, manager = services(studio["people"]["manager"])
    wip, wfa = studio["statuses"]["wip"], studio["statuses"]["wfa"]
    mine = post(artist, shot_task, wfa, "mine")["body"]
    theirs = post(manager, shot_task, wip, "theirs")["body"]
    route = {"route": COMMENTS}
    edited = artist.crud_update({**route, "params": {"instance_id": mine["id"]},
                                 "body": {"text": "mine, edited"}})["body"]
    assert edited["text"] == "mine, edited"
    assert edited["editor_id"] == str(studio["people"]["user"].id)
    assert events("comment:update")[-1]["data"]["comment_id"] == mine["id"]
    assert refused(artist.crud_update, {**route, "params": {"instance_id": theirs["id"]},
                                        "body": {"text": "no"}})[0] == "Forbidden"
    assert artist.crud_update({**route, "params": {"instance_id": theirs["id"]},
                               "body": {"checklist": [{"text": "x", "checked": True}]}})[
        "status"] == 200  # assignees tick checklists
    changed = manager.crud_update({**route, "params": {"instance_id": theirs["id"]},
                                   "body": {"task_status_id": wfa["id"]}})["body"]
    assert changed["task_status_id"] == wfa["id"]
    assert events("task:status-changed")[-1]["data"]["new_task_status_id"] == wfa["id"]
    fetched = artist.crud_get({**route, "params": {"instance_id": mine["id"]}})["body"]
    assert fetched["person"]["id"] == str(studio["people"]["user"].id)
    assert refused(artist.crud_list, {**route})[0] == "Forbidden"
    _, admin = services(studio["people"]["admin"])
    assert len(admin.crud_list({**route, "query": {"object_id": shot_task["id"]}})[
        "body"]) == 2
    imported = admin.crud_create({**route, "body": {
        "object_id": shot_task["id"], "object_type": "Task", "text": "imported",
        "task_status_id": wip["id"], "person_id": str(studio["people"]["user"].id)}})
    assert imported["status"] == 201 and imported["body"]["text"] == "imported"
    assert "change" not in events("comment:new")[-1]["payload"]  # no news for it
    admin.crud_delete({**route, "params": {"instance_id": imported["body"]["id"]}})
    assert refused(artist.crud_delete, {**route, "params": {"instance_id": theirs["id"]}})[
        0] == "Forbidden"
    assert artist.crud_delete({**route, "params": {"instance_id": mine["id"]}})[
        "status"] == 204


def test_closed_productions_and_retake_caps(services, studio, shot_task, refused,
                                            clean_db, wait_until):
    catalog, admin = services(studio["people"]["admin"])
    _, manager = services(studio["people"]["manager"])
    project = studio["project"]
    retake = studio["statuses"]["retake"]
    catalog.crud_update({"route": {"model": "projects"}, "params": {
        "instance_id": project["id"]}, "body": {"max_retakes": 1}})

    def read_model_has_cap():  # the tasks service follows the catalog's events
        with clean_db.connect() as connection:
            return connection.execute(sa.text(
                "SELECT row->>'max_retakes' FROM tasks.projects WHERE id = :id"),
                {"id": project["id"]}).scalar() == "1"
    wait_until(read_model_has_cap)
    post(manager, shot_task, retake, "one")
    post(manager, shot_task, studio["statuses"]["wip"], "back to work")
    assert refused(post, manager, shot_task, retake, "two") == (
        "Invalid", "No more retakes allowed on this task")
    closed = next(s for s in catalog.crud_list({"route": {"model": "project-status"}})[
        "body"] if s["name"] == "Closed")
    catalog.crud_update({"route": {"model": "projects"}, "params": {
        "instance_id": project["id"]}, "body": {"project_status_id": closed["id"]}})

    def read_model_is_closed():
        with clean_db.connect() as connection:
            return connection.execute(sa.text(
                "SELECT project_status_id FROM tasks.projects WHERE id = :id"),
                {"id": project["id"]}).scalar() == uuid.UUID(closed["id"])
    wait_until(read_model_is_closed)
    assert refused(post, manager, shot_task, studio["statuses"]["wip"]) == (
        "Forbidden", "The production is closed.")
    assert post(admin, shot_task, studio["statuses"]["wip"], "admins may")["status"] == 201


def test_a_hashtag_posts_on_the_entitys_other_tasks(services, studio, shot_task):
    _, manager = services(studio["people"]["manager"])
    wfa = studio["statuses"]["wfa"]
    post(manager, shot_task, wfa, "#Layout check the camera")
    layout = next(t for t in manager.entity_tasks({
        "params": {"entity_id": studio["shots"][0]["id"]}, "route": {"kind": "shots"},
        "query": {}})["body"] if t["id"] != shot_task["id"])
    copied = manager.task_comments({"params": {"task_id": layout["id"]}})["body"]
    assert [c["text"] for c in copied] == [
        "#Layout check the camera\n\n____\nFrom Animation task"]
    assert copied[0]["task_status_id"] == layout["task_status_id"]  # its status kept
