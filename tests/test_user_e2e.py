"""An artist's own context end to end with unmodified gazu: their open productions, the
sequences, shots, asset types, assets, tasks and task types their assignments reach,
the context the UI loads, saved filters and groups, and an entity's chat joined, talked
in and left."""
import uuid

import gazu
import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def _production(client):
    """A production with a shot task and an asset task assigned to a new artist."""
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    modeling = client.task.get_task_type_by_name("Modeling", for_entity="Asset")
    project = client.project.new_project(unique("Film"), production_type="short")
    for task_type in (animation, modeling):
        client.project.add_task_type(project, task_type, 1)
    sequence = client.shot.new_sequence(project, "SQ01")
    shot = client.shot.new_shot(project, sequence, "SH010")
    client.shot.new_shot(project, sequence, "SH020")
    character = client.asset.get_asset_type_by_name("Character")
    asset = client.asset.new_asset(project, character, "Ada")
    password = "artist-password"
    artist = client.person.new_person("Ann", "Artist", unique("ann") + "@studio.example",
                                      role="user", password=password)
    client.project.add_person_to_team(project, artist)
    shot_task = client.task.create_shot_tasks(shot, [animation])[0]
    asset_task = client.task.new_task(asset, modeling)
    for task in (shot_task, asset_task):
        client.task.assign_task(task, artist)
    return {"project": project, "sequence": sequence, "shot": shot, "asset": asset,
            "character": character, "animation": animation, "shot_task": shot_task,
            "asset_task": asset_task, "artist": artist, "password": password}


def test_an_artists_own_context_with_gazu(client, suite):
    made = _production(client)
    me = gazu.client.create_client(suite.url + "/api")
    gazu.log_in(made["artist"]["email"], made["password"], client=me)
    user, project = client.user, made["project"]
    assert [p["id"] for p in user.all_open_projects(client=me)] == [project["id"]]
    assert {t["id"] for t in user.all_tasks_to_do(client=me)} == {
        made["shot_task"]["id"], made["asset_task"]["id"]}
    assert [s["id"] for s in user.all_sequences_for_project(project, client=me)] == [
        made["sequence"]["id"]]
    assert [s["name"] for s in user.all_shots_for_sequence(made["sequence"], client=me)] \
        == ["SH010"]
    assert [t["id"] for t in user.all_asset_types_for_project(project, client=me)] == [
        made["character"]["id"]]
    assert [a["id"] for a in user.all_assets_for_asset_type_and_project(
        project, made["character"], client=me)] == [made["asset"]["id"]]
    assert [t["id"] for t in user.all_tasks_for_shot(made["shot"], client=me)] == [
        made["shot_task"]["id"]]
    assert [t["id"] for t in user.all_task_types_for_shot(made["shot"], client=me)] == [
        made["animation"]["id"]]
    context = user.get_context(client=me)
    assert [p["id"] for p in context["projects"]] == [project["id"]]
    assert made["artist"]["id"] in {p["id"] for p in context["persons"]}

    saved = user.new_filter("Props", "props", "asset", project=project, client=me)
    assert saved["search_query"] == "props"
    assert [f["id"] for f in user.all_filters(client=me)["asset"][project["id"]]] == [
        saved["id"]]
    saved["name"] = "Props!"
    assert user.update_filter(saved, client=me)["name"] == "Props!"
    user.remove_filter(saved, client=me)
    assert user.all_filters(client=me) == {}
    group = user.new_filter_group("Mine", project=project, client=me)
    assert user.get_filter_group(group, client=me)["name"] == "Mine"
    group["color"] = "#00ff00"
    assert user.update_filter_group(group, client=me)["color"] == "#00ff00"
    user.remove_filter_group(group, client=me)
    assert user.all_filter_groups(client=me) == {}

    shot = made["shot"]
    user.join_chat(shot, client=me)
    chat_path = suite.url + "/data/entities/%s/chat" % shot["id"]
    artist_headers = {"Authorization": "Bearer " + me.tokens["access_token"]}
    reply = requests.post(chat_path + "/messages", json={"message": "hello"},
                          headers=artist_headers)
    assert reply.status_code == 201, reply.text
    (chat,) = user.all_chats(client=me)
    assert chat["object_id"] == shot["id"] and chat["entity_name"] == "SQ01 / SH010"
    messages = requests.get(chat_path + "/messages", headers=artist_headers).json()
    assert [m["text"] for m in messages] == ["hello"]
    user.leave_chat(shot, client=me)
    assert user.all_chats(client=me) == []
