"""The open tasks pool, its stats and burndown (/data/tasks/open-tasks*) over real RPC
and PostgreSQL: Zou's JSON, filters, access rules and error shapes."""


def _assign(tasks, entity, task_type, person):
    task = tasks.create_entity_tasks({"params": {"entity_id": entity["id"]}, "body": {
        "task_type_ids": [task_type["id"]]}})["body"][0]
    tasks.assign_task({"params": {"task_id": task["id"]},
                       "body": {"person_id": str(person.id)}})
    return task


def _shot_tasks(services, studio):
    people, project = studio["people"], studio["project"]
    _, manager = services(people["manager"])
    animation = studio["task_types"][("Animation", "Shot")]
    manager.add_task_type_setting({"params": {"project_id": project["id"]},
                                   "body": {"task_type_id": animation["id"]}})
    first, second = [_assign(manager, shot, animation, people["user"])
                     for shot in studio["shots"]]
    manager.clear_assignations({"body": {"task_ids": [second["id"]]}})
    done = studio["statuses"]["done"]
    for task, body in ((first, {"estimation": 2, "start_date": "2026-01-05T00:00:00",
                                "due_date": "2026-01-20T00:00:00"}),
                       (second, {"estimation": 3, "task_status_id": done["id"]}),
                       (second, {"done_date": "2026-01-02T10:00:00"})):
        manager.crud_update({"route": {"model": "tasks"},
                             "params": {"instance_id": task["id"]}, "body": body})
    return manager, first, second


def test_open_tasks(services, studio, refused):
    manager, first, second = _shot_tasks(services, studio)
    people, project = studio["people"], studio["project"]
    listed = manager.open_tasks({"query": {}})["body"]
    assert [t["id"] for t in listed["data"]] == [first["id"], second["id"]]
    row = listed["data"][0]
    assert (row["entity_name"], row["sequence_name"], row["type_name"],
            row["status_short_name"]) == ("SH010", "SQ01", "Animation", "todo")
    assert row["assignees"] == [str(people["user"].id)]
    assert row["project_name"] == project["name"]
    assert listed["stats"]["total"] == 2 and listed["stats"]["total_estimation"] == 5
    assert sorted(s["amount"] for s in listed["stats"]["status"]) == [1, 1]
    assert (listed["limit"], listed["page"], listed["is_more"]) == (100, 1, False)
    paged = manager.open_tasks({"query": {"limit": "1", "page": "2"}})["body"]
    assert [t["id"] for t in paged["data"]] == [second["id"]] and not paged["is_more"]
    first_page = manager.open_tasks({"query": {"limit": "1"}})["body"]
    assert first_page["is_more"] is True
    for args, expected in (({"person_id": "unassigned"}, [second["id"]]),
                           ({"person_id": str(people["user"].id)}, [first["id"]]),
                           ({"task_status_id": studio["statuses"]["done"]["id"]},
                            [second["id"]]),
                           ({"start_date": "2026-01-01"}, [first["id"]]),
                           ({"due_date": "2025-12-31"}, []),
                           ({"project_id": project["id"]}, [first["id"], second["id"]])):
        found = manager.open_tasks({"query": args})["body"]
        assert [t["id"] for t in found["data"]] == expected, args
    empty = manager.open_tasks({"query": {"due_date": "2025-12-31"}})["body"]
    assert empty["stats"] == {"total_duration": 0, "total_estimation": 0, "total": 0,
                              "status": []}
    assert refused(manager.open_tasks, {"query": {"project_id": "x"}}) == (
        "Invalid", "Wrong UUID format.")
    assert refused(manager.open_tasks, {"query": {"start_date": "soon"}})[0] == "Invalid"


def test_open_tasks_roles(services, studio, refused):
    _shot_tasks(services, studio)
    people, project = studio["people"], studio["project"]
    _, outsider = services(people["outsider"])
    assert outsider.open_tasks({"query": {}})["body"]["data"] == []
    assert refused(outsider.open_tasks, {"query": {"project_id": project["id"]}})[0] == \
        "Forbidden"
    assert outsider.open_tasks_stats({})["body"] == {}
    _, artist = services(people["user"])
    assert len(artist.open_tasks({"query": {}})["body"]["data"]) == 2
    _, admin = services(people["admin"])
    assert len(admin.open_tasks({"query": {}})["body"]["data"]) == 2


def test_open_tasks_stats_and_burndown(services, studio):
    manager, first, second = _shot_tasks(services, studio)
    project = studio["project"]
    stats = manager.open_tasks_stats({})["body"]
    assert list(stats) == [project["id"]]
    production = stats[project["id"]]
    assert (production["amount"], production["amount_done"],
            production["total_estimation"]) == (2, 1, 5)
    assert {d["task_status_id"] for d in production["task_types"]} == {
        first["task_status_id"], studio["statuses"]["done"]["id"]}
    burndown = manager.open_tasks_burndown({"query": {}})["body"]
    assert (burndown["total"], burndown["total_estimation"]) == (2, 5)
    assert burndown["start_date"] == "2026-01-05"
    assert burndown["end_date"] == "2026-01-20"
    # done before the schedule starts: folded onto its first day
    assert burndown["done_by_day"] == [{"date": "2026-01-05", "done": 1,
                                        "done_estimation": 3}]
