"""People's task dates for the team schedule and a person's related tasks
(/data/persons/task-dates, /data/persons/{id}/related-tasks/{type}) over real RPC."""
import uuid


def _dated_task(tasks, entity, task_type, person, start, due):
    task = tasks.create_entity_tasks({"params": {"entity_id": entity["id"]}, "body": {
        "task_type_ids": [task_type["id"]]}})["body"][0]
    tasks.assign_task({"params": {"task_id": task["id"]},
                       "body": {"person_id": str(person.id)}})
    tasks.crud_update({"route": {"model": "tasks"}, "params": {"instance_id": task["id"]},
                       "body": {"start_date": start, "due_date": due}})
    return task


def _schedule(services, studio):
    people, project = studio["people"], studio["project"]
    catalog, admin = services(people["admin"])
    animation = studio["task_types"][("Animation", "Shot")]
    admin.add_task_type_setting({"params": {"project_id": project["id"]},
                                 "body": {"task_type_id": animation["id"]}})
    first = _dated_task(admin, studio["shots"][0], animation, people["user"],
                        "2026-02-01T00:00:00", "2026-02-10T00:00:00")
    _dated_task(admin, studio["shots"][1], animation, people["user"],
                "2026-02-05T00:00:00", "2026-02-20T00:00:00")
    other = catalog.crud_create({"route": {"model": "projects"}, "body": {
        "name": "Other-%s" % uuid.uuid4().hex[:6], "team": [str(people["outsider"].id)]}})["body"]
    where = {"project_id": other["id"]}
    sequence = catalog.new_sequence({"params": where, "body": {"name": "SQ01"}})["body"]
    hidden = [catalog.new_shot({"params": where, "body": {
        "name": name, "sequence_id": sequence["id"]}})["body"] for name in ("SH1", "SH2")]
    admin.add_task_type_setting({"params": where, "body": {"task_type_id": animation["id"]}})
    _dated_task(admin, hidden[0], animation, people["outsider"],
                "2026-03-01T00:00:00", "2026-03-10T00:00:00")
    _dated_task(admin, hidden[1], animation, people["outsider"],
                "2026-03-05T00:00:00", "2026-03-12T00:00:00")
    return animation, first


def test_task_dates(services, studio, refused):
    _schedule(services, studio)
    people = studio["people"]
    user_id, outsider_id = str(people["user"].id), str(people["outsider"].id)
    _, admin = services(people["admin"])
    every = {e["person_id"]: e for e in admin.persons_task_dates({"query": {}})["body"]}
    assert every[user_id] == {"person_id": user_id, "min_date": "2026-02-01T00:00:00",
                              "max_date": "2026-02-20T00:00:00", "busy_periods": []}
    assert every[outsider_id]["min_date"] == "2026-03-01T00:00:00"
    _, manager = services(people["manager"])
    seen = {e["person_id"]: e for e in manager.persons_task_dates({"query": {}})["body"]}
    assert seen[user_id]["max_date"] == "2026-02-20T00:00:00"
    assert seen[outsider_id] == {"person_id": outsider_id, "min_date": None,
                                 "max_date": None, "busy_periods": [
                                     {"start_date": "2026-03-01 00:00:00",
                                      "end_date": "2026-03-12 00:00:00"}]}
    scoped = manager.persons_task_dates({"query": {"project_id": studio["project"]["id"]}})
    assert [e["person_id"] for e in scoped["body"]] == [user_id]
    _, artist = services(people["user"])
    assert refused(artist.persons_task_dates, {"query": {}})[0] == "Forbidden"
    assert refused(manager.persons_task_dates, {"query": {"project_id": "x"}}) == (
        "Invalid", "Invalid project_id.")


def test_related_tasks(services, studio, every_role, refused):
    animation, first = _schedule(services, studio)
    people = studio["people"]
    _, manager = services(people["manager"])
    where = {"person_id": str(people["user"].id), "task_type_id": animation["id"]}
    related = manager.person_related_tasks({"params": where})["body"]
    assert first["id"] in {t["id"] for t in related} and len(related) == 2
    assert related[0]["task_type_id"] == animation["id"] and "assignees" not in related[0]
    _, vendor = services(every_role["vendor"])
    assert refused(vendor.person_related_tasks, {"params": where})[0] == "Forbidden"
    mine = {**where, "person_id": str(every_role["vendor"].id)}
    assert vendor.person_related_tasks({"params": mine})["body"] == []
    assert refused(manager.person_related_tasks, {"params": {
        **where, "person_id": "nope"}})[0] == "NotFound"
