"""The "with tasks" boards the Kitsu UI loads, over HTTP through the running suite (plain,
compact and streamed as NDJSON), and what the catalog takes from the tasks: a production
lists its task types, an assignee joins its team, an asset page lists its tasks."""
import json
import time
import uuid

import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def eventually(read, check, timeout=10.0):
    """`read()` once `check` holds of it (read models follow the log)."""
    deadline = time.time() + timeout
    while True:
        value = read()
        if check(value) or time.time() > deadline:
            return value
        time.sleep(0.1)


def test_boards_over_http(client, suite):
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    modeling = client.task.get_task_type_by_name("Modeling", for_entity="Asset")
    project = client.project.new_project(unique("Film"), production_type="short")
    for priority, task_type in enumerate((animation, modeling), start=1):
        client.project.add_task_type(project, task_type, priority)
    sequence = client.shot.new_sequence(project, "SQ01")
    shots = [client.shot.new_shot(project, sequence, name) for name in ("SH010", "SH020")]
    for shot in shots:
        client.task.create_shot_tasks(shot, [animation])
    asset = client.asset.new_asset(project, client.asset.get_asset_type_by_name("Character"),
                                   "Ada")
    asset_task = client.task.new_task(asset, modeling)
    assert [s["name"] for s in client.shot.all_shots_for_project(project)] == [
        "SH010", "SH020"]

    def board(kind, **params):
        return requests.get(suite.url + "/data/%s/with-tasks" % kind, headers=suite.headers(),
                            params={"project_id": project["id"], **params})
    plain = eventually(lambda: board("shots").json(),
                       lambda rows: len(rows) == 2 and all(row["tasks"] for row in rows))
    assert [(row["name"], row["sequence_name"]) for row in plain] == [
        ("SH010", "SQ01"), ("SH020", "SQ01")]
    assert plain[0]["tasks"][0]["task_type_id"] == animation["id"]

    streamed = board("shots", stream="true", compact="true")
    assert streamed.headers["content-type"] == "application/x-ndjson"
    header, *rows = [json.loads(line) for line in streamed.text.splitlines()]
    assert header["compact"] is True and "tasks" in header["shot_fields"]
    as_dicts = [dict(zip(header["shot_fields"], row)) for row in rows]
    assert [row["id"] for row in as_dicts] == [row["id"] for row in plain]
    first_task = dict(zip(header["task_fields"], as_dicts[0]["tasks"][0]))
    assert first_task["id"] == plain[0]["tasks"][0]["id"]
    compact = board("shots", compact="true").json()
    assert compact["rows"] == rows

    assets = board("assets").json()
    assert [(row["name"], [task["id"] for task in row["tasks"]]) for row in assets] == [
        ("Ada", [asset_task["id"]])]
    assert board("sequences").json()[0]["name"] == "SQ01"
    assert board("shots", project_id="nope").status_code == 400

    # what the catalog follows: task types of the production, the asset page's tasks,
    # and an assignee joining the team
    got = eventually(lambda: client.project.get_project(project["id"]),
                     lambda value: len(value["task_types"]) == 2)
    assert set(got["task_types"]) == {animation["id"], modeling["id"]}
    assert eventually(lambda: client.asset.get_asset(asset["id"])["tasks"], bool)[0]["id"] \
        == asset_task["id"]
    freelancer = client.person.new_person("Fay", "Lance", unique("fay") + "@studio.example")
    client.task.assign_task(asset_task, freelancer)
    team = eventually(lambda: client.project.get_project(project["id"])["team"],
                      lambda ids: freelancer["id"] in ids)
    assert freelancer["id"] in team
