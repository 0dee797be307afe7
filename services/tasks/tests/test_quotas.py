"""Quotas computed as Zou does from shot tasks, their time spents and the shots' frame
counts (catalog events): weighted by minutes logged, spread over business days without
time spents, raw on the end day; and the shots behind a person's month."""
import pytest


@pytest.fixture
def delivered(services, studio):
    """Two Animation tasks of the artist on 48-frame shots of a new sequence: one with
    60 minutes logged on 2026-03-02, one without, worked Monday 2 to Friday 6 March;
    both sent for feedback."""
    people, project = studio["people"], studio["project"]
    catalog, manager = services(people["manager"])
    where = {"project_id": project["id"]}
    sequence = catalog.new_sequence({"params": where, "body": {"name": "SQ02"}})["body"]
    shots = [catalog.new_shot({"params": where, "body": {
        "name": name, "sequence_id": sequence["id"], "nb_frames": 48}})["body"]
        for name in ("SH100", "SH200")]
    animation = studio["task_types"][("Animation", "Shot")]
    manager.add_task_type_setting({"params": where, "body": {"task_type_id": animation["id"]}})
    artist = str(people["user"].id)
    made = [manager.create_entity_tasks({"params": {"entity_id": shot["id"]}, "body": {
        "task_type_ids": [animation["id"]]}})["body"][0] for shot in shots]
    manager.assign_tasks_to_person({"params": {"person_id": artist},
                                    "body": {"task_ids": [task["id"] for task in made]}})
    _, tasks = services(people["user"])
    tasks.set_time_spent({"params": {"task_id": made[0]["id"], "date": "2026-03-02",
                                     "person_id": artist}, "body": {"duration": 60}})
    wfa = studio["statuses"]["wfa"]
    manager.crud_update({"route": {"model": "tasks"}, "params": {
        "instance_id": made[0]["id"]}, "body": {"task_status_id": wfa["id"]}})
    manager.crud_update({"route": {"model": "tasks"}, "params": {
        "instance_id": made[1]["id"]}, "body": {
        "real_start_date": "2026-03-02T09:00:00", "end_date": "2026-03-06T15:00:00"}})
    return made, animation


def test_weighted_and_raw_quotas(services, studio, delivered, refused):
    made, animation = delivered
    artist = str(studio["people"]["user"].id)
    _, manager = services(studio["people"]["manager"])
    where = {"project_id": studio["project"]["id"], "task_type_id": animation["id"]}
    quotas = manager.project_quotas({"params": where})["body"]
    assert set(quotas) == {artist, "total"}
    days = quotas[artist]["day"]
    assert days["frames"]["2026-03-02"] == 48 + 10  # the logged shot, a fifth of the other
    assert days["count"] == {"2026-03-02": 1.2, "2026-03-03": 0.2, "2026-03-04": 0.2,
                             "2026-03-05": 0.2, "2026-03-06": 0.2}
    assert quotas[artist]["month"]["count"] == {"2026-03": 2.0}
    assert quotas[artist]["week"]["entries"] == {"2026": 1}
    assert quotas[artist]["month"]["seconds"]["2026-03"] == pytest.approx((48 + 50) / 25)
    raw = manager.project_quotas({"params": where, "query": {"count_mode": "feedback"}})[
        "body"]
    assert raw["total"]["year"]["count"] == {"2026": 2}
    per_type = manager.project_person_quotas({"params": {
        "project_id": where["project_id"], "person_id": artist}})["body"]
    assert set(per_type) == {animation["id"], "total"}
    assert refused(manager.project_quotas, {"params": where, "query": {
        "count_mode": "many"}})[0] == "Invalid"
    _, outsider = services(studio["people"]["outsider"])
    assert refused(outsider.project_quotas, {"params": where})[0] == "Forbidden"


def test_the_shots_behind_a_persons_month(services, studio, delivered, refused):
    artist = studio["people"]["user"]
    _, tasks = services(artist)
    month = {"person_id": str(artist.id), "year": "2026", "month": "3"}
    shots = tasks.person_quota_shots({"params": month, "route": {"period": "month"}})[
        "body"]
    assert [(shot["full_name"], shot["weight"]) for shot in shots] == [
        ("SQ02 / SH100", 1.0), ("SQ02 / SH200", 1.0)]
    week = tasks.person_quota_shots({"params": {
        "person_id": str(artist.id), "year": "2026", "week": "10"},
        "route": {"period": "week"}})["body"]
    assert len(week) == 2
    day = tasks.person_quota_shots({"params": {**month, "day": "4"},
                                    "route": {"period": "day"}})["body"]
    assert [(shot["name"], shot["weight"]) for shot in day] == [("SH200", 0.2)]
    raw = tasks.person_quota_shots({"params": month, "route": {"period": "month"},
                                    "query": {"count_mode": "feedback"}})["body"]
    assert [shot["name"] for shot in raw] == ["SH200"]
    assert refused(tasks.person_quota_shots, {"params": {**month, "month": "13"},
                                              "route": {"period": "month"}}) == (
        "Invalid", "Invalid month or year.")
    _, outsider = services(studio["people"]["outsider"])
    assert refused(outsider.person_quota_shots, {"params": month,
                                                 "route": {"period": "month"}})[0] \
        == "Forbidden"
