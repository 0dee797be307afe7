"""The "with tasks" boards (assets, shots, sequences, episodes, edits, scenes, concepts)
over real RPC: Zou's rows and task dicts, filters, compact and streamed variants, and
who sees what."""
import json

import pytest

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor", "outsider")


@pytest.fixture
def board(services, studio, create_person, wait_until):
    """The studio with an episode E01 (sequence SQ02 and shot SH030 in it), an asset of
    E01 cast in it, an edit and a concept; Animation tasks on both SQ01 shots, Modeling
    on the asset; the vendor assigned to SH010's animation; every role in the team."""
    people = dict(studio["people"])
    catalog, tasks = services(people["admin"])
    project = studio["project"]
    where = {"project_id": project["id"]}
    for role in ("supervisor", "client", "vendor"):
        people[role] = create_person(role=role)
        catalog.add_team_member({"params": where, "body": {"person_id": str(people[role].id)}})
    episode = catalog.new_episode({"params": where, "body": {"name": "E01"}})["body"]
    sequence = catalog.new_sequence({"params": where, "body": {
        "name": "SQ02", "episode_id": episode["id"]}})["body"]
    shot = catalog.new_shot({"params": where, "body": {
        "name": "SH030", "sequence_id": sequence["id"],
        "data": {"frame_in": 1, "frame_out": 24}}})["body"]
    prop = next(t for t in catalog.asset_types({})["body"] if t["name"] == "Prop")
    chair = catalog.new_asset({"params": {**where, "asset_type_id": prop["id"]}, "body": {
        "name": "Chair", "episode_id": episode["id"]}})["body"]
    types = studio["task_types"]
    animation, modeling = types[("Animation", "Shot")], types[("Modeling", "Asset")]
    for task_type in (animation, modeling):
        tasks.add_task_type_setting({"params": where, "body": {"task_type_id": task_type["id"]}})
    shot_tasks = [tasks.create_entity_tasks({"params": {"entity_id": s["id"]}, "body": {
        "task_type_ids": [animation["id"]]}})["body"][0] for s in studio["shots"]]
    asset_task = tasks.create_entity_tasks({"params": {"entity_id": studio["asset"]["id"]},
                                            "body": {"task_type_ids": [modeling["id"]]}})
    for person in (people["vendor"], people["user"]):
        tasks.assign_task({"params": {"task_id": shot_tasks[0]["id"]},
                           "body": {"person_id": str(person.id)}})
    wait_until(lambda: len(parsed(tasks.shots_with_tasks({"query": where}))["body"]) == 3
               and len(parsed(tasks.assets_with_tasks({"query": where}))["body"]) == 2)
    return {**studio, "people": people, "episode": episode, "sequence2": sequence,
            "shot3": shot, "chair": chair, "shot_tasks": shot_tasks,
            "asset_task": asset_task["body"][0], "animation": animation}


def parsed(reply):
    """A board's reply as {"body": decoded, "content_type"}: boards encode themselves."""
    text = reply.get("body_json")
    if text is None:
        body = reply["body"]
    elif reply.get("content_type") == "application/x-ndjson":
        body = [json.loads(line) for line in text.splitlines()]
    else:
        body = json.loads(text)
    return {"body": body, "content_type": reply.get("content_type")}


def _get(services, person, rpc, **query):
    return parsed(getattr(services(person)[1], rpc)({"query": query}))


def test_assets_board(services, board):
    admin, project = board["people"]["admin"], board["project"]
    rows = _get(services, admin, "assets_with_tasks", project_id=project["id"])["body"]
    assert [row["name"] for row in rows] == ["Ada", "Chair"]   # by type name, then name
    ada, chair = rows
    assert ada["asset_type_name"] == "Character" and ada["episode_id"] == ""
    assert ada["ready_for"] == "None" and ada["preview_file_id"] == ""
    assert chair["episode_id"] == board["episode"]["id"]
    assert chair["casting_episode_ids"] == [] and chair["tasks"] == []
    [task] = ada["tasks"]
    assert task["id"] == board["asset_task"]["id"] and task["assignees"] == []
    assert task["is_subscribed"] is False and task["priority"] == 0
    assert set(task) == {"id", "due_date", "done_date", "duration", "entity_id",
                         "estimation", "end_date", "is_subscribed", "last_comment_date",
                         "last_preview_file_id", "priority", "real_start_date",
                         "retake_count", "start_date", "difficulty", "task_status_id",
                         "task_type_id", "assignees", "data"}
    by_episode = _get(services, admin, "assets_with_tasks", project_id=project["id"],
                      episode_id=board["episode"]["id"])["body"]
    assert [row["name"] for row in by_episode] == ["Chair"]
    main = _get(services, admin, "assets_with_tasks", project_id=project["id"],
                episode_id="main")["body"]
    assert [row["name"] for row in main] == ["Ada"]
    one = _get(services, admin, "assets_with_tasks", id=board["chair"]["id"])["body"]
    assert [row["name"] for row in one] == ["Chair"]


def test_assets_cast_in_an_episode(services, board, wait_until):
    catalog, _ = services(board["people"]["admin"])
    ada, episode, project = board["asset"], board["episode"], board["project"]
    catalog.update_entity_casting({"params": {"project_id": project["id"], "entity_id": episode["id"]},
                            "body": [{"asset_id": ada["id"], "nb_occurences": 1}]})

    def casting():   # the read model follows the catalog's entity-link:new
        rows = _get(services, board["people"]["admin"], "assets_with_tasks",
                    project_id=project["id"], episode_id=episode["id"])["body"]
        return {row["name"]: row["casting_episode_ids"] for row in rows}
    wait_until(lambda: len(casting()) == 2)
    assert casting() == {"Ada": [episode["id"]], "Chair": []}


def test_shots_board_and_its_variants(services, board):
    admin, project = board["people"]["admin"], board["project"]
    rows = _get(services, admin, "shots_with_tasks", project_id=project["id"])["body"]
    assert [row["name"] for row in rows] == ["SH010", "SH020", "SH030"]
    sh010, _, sh030 = rows
    assert sh010["sequence_name"] == "SQ01" and sh010["episode_id"] is None
    assert sh010["episode_name"] == "" and sh010["type"] == "Shot"
    assert sh030["episode_name"] == "E01" and sh030["frame_out"] == 24
    [task] = sh010["tasks"]
    assert sorted(task["assignees"]) == sorted(
        str(board["people"][role].id) for role in ("vendor", "user"))
    assert task["nb_drawings"] == 0 and task["task_type_id"] == board["animation"]["id"]
    in_episode = _get(services, admin, "shots_with_tasks", project_id=project["id"],
                      episode_id=board["episode"]["id"])["body"]
    assert [row["name"] for row in in_episode] == ["SH030"]

    compact = _get(services, admin, "shots_with_tasks", project_id=project["id"],
                   compact="true")
    body = compact["body"]
    assert compact["content_type"] is None and body["compact"] is True
    fields, task_fields = body["shot_fields"], body["task_fields"]
    first = dict(zip(fields, body["rows"][0]))
    assert first["name"] == "SH010"
    assert dict(zip(task_fields, first["tasks"][0]))["id"] == task["id"]

    streamed = _get(services, admin, "shots_with_tasks", project_id=project["id"],
                    stream="true")
    assert streamed["content_type"] == "application/x-ndjson"
    assert streamed["body"][0] == {"compact": False}
    assert streamed["body"][1:] == rows


def test_entities_edits_concepts_boards(services, board, wait_until):
    admin, project = board["people"]["admin"], board["project"]
    catalog, tasks = services(admin)
    where = {"project_id": project["id"]}
    sequences = tasks.entities_with_tasks({"route": {"kind": "sequences"}, "query": where})
    assert [row["name"] for row in sequences["body"]] == ["SQ01", "SQ02"]
    sq02 = sequences["body"][1]
    assert sq02["episode_id"] == board["episode"]["id"] and sq02["status"] == "running"
    assert sequences["body"][0]["episode_id"] == "None"   # Zou's str(None)
    episodes = tasks.entities_with_tasks({"route": {"kind": "episodes"}, "query": where})
    assert [row["name"] for row in episodes["body"]] == ["E01"]
    in_e01 = tasks.entities_with_tasks({"route": {"kind": "sequences"}, "query": {
        **where, "episode_id": board["episode"]["id"]}})["body"]
    assert [row["name"] for row in in_e01] == ["SQ02"]

    edit = catalog.new_edit({"params": where, "body": {"name": "Cut"}})["body"]
    concept = catalog.new_concept({"params": where, "body": {"name": "Mood"}})["body"]
    wait_until(lambda: tasks.concepts_with_tasks({"query": where})["body"])  # read model
    edits = tasks.edits_with_tasks({"query": where})["body"]
    assert [(row["id"], row["type"], row["episode_name"]) for row in edits] == [
        (edit["id"], "Edit", "")]
    concepts = tasks.concepts_with_tasks({"query": where})["body"]
    assert [(row["id"], row["type"], row["entity_concept_links"]) for row in concepts] == [
        (concept["id"], "Concept", [])]


def test_bad_ids_are_400(services, board, refused):
    _, tasks = services(board["people"]["admin"])
    assert refused(tasks.shots_with_tasks, {"query": {"project_id": "nope"}}) == (
        "Invalid", "Invalid UUID format for project_id: nope")
    unknown = {"query": {"project_id": "00000000-0000-0000-0000-000000000000"}}
    assert parsed(tasks.shots_with_tasks(unknown))["body"] == []     # admins: no lookup
    _, artist_tasks = services(board["people"]["user"])
    assert refused(artist_tasks.shots_with_tasks, unknown)[0] == "NotFound"


def _board_calls(project_id):
    where = {"project_id": project_id}
    return {
        "assets": lambda t: t.assets_with_tasks({"query": where}),
        "shots": lambda t: t.shots_with_tasks({"query": where}),
        "sequences": lambda t: t.entities_with_tasks({"route": {"kind": "sequences"},
                                                      "query": where}),
        "scenes": lambda t: t.entities_with_tasks({"route": {"kind": "scenes"},
                                                   "query": where}),
        "edits": lambda t: t.edits_with_tasks({"query": where}),
        "concepts": lambda t: t.concepts_with_tasks({"query": where}),
    }


ALLOWED = {"assets": set(ROLES) - {"outsider"}, "shots": set(ROLES) - {"outsider"},
           "sequences": set(ROLES) - {"outsider"}, "edits": set(ROLES) - {"outsider"},
           "scenes": set(ROLES) - {"outsider", "vendor"},
           "concepts": {"admin", "manager", "supervisor", "user"}}


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(services, board, refused, role):
    _, tasks = services(board["people"][role])
    for name, call in _board_calls(board["project"]["id"]).items():
        if role in ALLOWED[name]:
            assert call(tasks)["status"] == 200, name
        else:
            assert refused(call, tasks)[0] == "Forbidden", (name, role)


def test_vendor_sees_only_assigned_and_client_blanks(services, board):
    project_id = board["project"]["id"]
    vendor = board["people"]["vendor"]
    shots = _get(services, vendor, "shots_with_tasks", project_id=project_id)["body"]
    assert [row["name"] for row in shots] == ["SH010"]
    assert shots[0]["tasks"][0]["assignees"] == [str(vendor.id)]
    assert _get(services, vendor, "assets_with_tasks", project_id=project_id)["body"] == []
    _, tasks = services(vendor)
    sequences = tasks.entities_with_tasks({"route": {"kind": "sequences"},
                                           "query": {"project_id": project_id}})["body"]
    assert [row["name"] for row in sequences] == ["SQ01"] and sequences[0]["tasks"] == []

    client = board["people"]["client"]
    shots = _get(services, client, "shots_with_tasks", project_id=project_id)["body"]
    assert len(shots) == 3 and shots[0]["tasks"][0]["assignees"] == []
    assert shots[0]["tasks"][0]["difficulty"] is None
    outsider_assets = _get(services, board["people"]["outsider"], "assets_with_tasks")
    assert outsider_assets["body"] == []   # no production named: only their teams'


def test_vendors_do_not_see_metadata_of_other_departments(services, board, wait_until):
    catalog, tasks = services(board["people"]["admin"])
    where = {"project_id": board["project"]["id"]}
    department = "0b0e7a6e-6c59-4c0b-8f5a-3f1f4a8f0c11"   # a department the vendor is not in
    lens = [catalog.new_project_descriptor({"params": where, "body": {
        "name": name, "entity_type": "Shot", "departments": departments}})["body"]
        for name, departments in (("Lens", [department]), ("Notes", []))][0]
    catalog.update_shot({"params": {"shot_id": board["shots"][0]["id"]},
                         "body": {"data": {"lens": "35mm", "notes": "ok"}}})

    def shot_data(person):
        rows = _get(services, person, "shots_with_tasks", **where)["body"]
        return next(row for row in rows if row["name"] == "SH010")["data"]
    admin, vendor = board["people"]["admin"], board["people"]["vendor"]
    wait_until(lambda: shot_data(admin).get("lens") and "lens" not in shot_data(vendor))
    assert shot_data(vendor) == {"notes": "ok"}
    assert shot_data(admin) == {"lens": "35mm", "notes": "ok"}
    catalog.update_project_descriptor({"params": {**where, "metadata_descriptor_id": lens["id"]},
                                       "body": {"departments": []}})
    wait_until(lambda: "lens" in shot_data(vendor))   # no longer restricted
