"""Tasks created per entity type and for concepts
(/actions/projects/{id}/task-types/{id}/create-tasks/{entity_type}, .../concepts/
create-tasks) over real RPC: Zou's replies, events and access rules."""


def _where(studio, task_type, **extra):
    return {"project_id": studio["project"]["id"], "task_type_id": task_type["id"], **extra}


def test_create_tasks_per_entity_type(services, studio, events, refused):
    people = studio["people"]
    _, manager = services(people["manager"])
    animation = studio["task_types"][("Animation", "Shot")]
    modeling = studio["task_types"][("Modeling", "Asset")]
    created = manager.create_entity_type_tasks({"params": _where(
        studio, animation, entity_type="shot")})["body"]
    assert sorted(t["entity_id"] for t in created) == sorted(s["id"] for s in studio["shots"])
    assert created[0]["task_type_name"] == "Animation" and created[0]["assignees"] == []
    assert len(events("task:new")) == 2
    again = manager.create_entity_type_tasks({"params": _where(
        studio, animation, entity_type="shot")})
    assert (again["status"], again["body"]) == (201, [])
    chosen = manager.create_entity_type_tasks({"params": _where(
        studio, modeling, entity_type="character"), "body": [studio["asset"]["id"]]})["body"]
    assert [t["entity_id"] for t in chosen] == [studio["asset"]["id"]]
    assert refused(manager.create_entity_type_tasks, {"params": _where(
        studio, modeling, entity_type="nope")})[0] == "NotFound"
    _, artist = services(people["user"])
    assert refused(artist.create_entity_type_tasks, {"params": _where(
        studio, modeling, entity_type="character")})[0] == "Forbidden"
    assert len(events("task:new")) == 3


def test_create_concept_tasks(services, studio, every_role, events, refused):
    catalog, _ = services(every_role["admin"])
    where = {"project_id": studio["project"]["id"]}
    concept = catalog.new_concept({"params": where, "body": {"name": "Look"}})["body"]
    concept_type = studio["task_types"][("Concept", "Concept")]
    _, artist = services(every_role["user"])
    created = artist.create_concept_tasks({"params": _where(studio, concept_type)})
    assert created["status"] == 201
    assert [t["entity_id"] for t in created["body"]] == [concept["id"]]
    assert len(events("task:new")) == 1
    for role in ("vendor", "client"):
        _, someone = services(every_role[role])
        assert refused(someone.create_concept_tasks, {"params": _where(
            studio, concept_type)})[0] == "Forbidden"
    _, outsider = services(studio["people"]["outsider"])
    assert refused(outsider.create_concept_tasks, {"params": _where(
        studio, concept_type)})[0] == "Forbidden"
