"""Day offs, schedule items and desktop login logs over real RPC and PostgreSQL: Zou's
JSON, its overlap rule, the time spents a day off wipes, schedule items created on
read, who reads what, and the events."""
DAY_OFFS, SCHEDULE_ITEMS = {"model": "day-offs"}, {"model": "schedule-items"}


def shot_task(manager, studio, shot=0):
    """An Animation task on a shot (the task type attached to the production)."""
    animation = studio["task_types"][("Animation", "Shot")]
    manager.add_task_type_setting({"params": {"project_id": studio["project"]["id"]},
                                   "body": {"task_type_id": animation["id"]}})
    return manager.create_entity_tasks({"params": {"entity_id": studio["shots"][shot]["id"]},
                                        "body": {"task_type_ids": [animation["id"]]}})[
        "body"][0]


def day_off(person, start, end, description="Holidays"):
    return {"route": DAY_OFFS, "body": {"person_id": str(person.id), "date": start,
                                        "end_date": end, "description": description}}


def test_day_offs(services, studio, create_person, events, refused):
    people = studio["people"]
    artist, manager = people["user"], people["manager"]
    _, tasks = services(artist)
    created = tasks.crud_create(day_off(artist, "2026-07-06", "2026-07-10"))
    assert created["status"] == 201 and created["body"]["type"] == "DayOff"
    row = created["body"]
    assert events("day-off:new")[-1]["data"] == {"day_off_id": row["id"]}
    assert refused(tasks.crud_create, day_off(artist, "2026-07-10", "2026-07-12")) == (
        "Invalid", "Day off already exists for this period")
    assert refused(tasks.crud_create, day_off(manager, "2026-07-10", "2026-07-12"))[0] \
        == "Forbidden"
    me = {"person_id": str(artist.id)}
    assert [d["id"] for d in tasks.person_day_offs({"params": me})["body"]] == [row["id"]]
    assert tasks.person_day_off({"params": {**me, "date": "2026-07-08"}})["body"]["id"] \
        == row["id"]
    assert tasks.person_day_off({"params": {**me, "date": "2026-07-11"}})["body"] == {}
    assert tasks.user_day_off({"params": {"date": "2026-07-06"}})["body"]["id"] == row["id"]
    week = tasks.person_period_day_offs({"params": {**me, "year": "2026", "week": "28"},
                                         "route": {"period": "week"}})["body"]
    assert len(week) == 1
    june = tasks.person_period_day_offs({"params": {**me, "year": "2026", "month": "6"},
                                         "route": {"period": "month"}})["body"]
    assert june == []
    _, as_manager = services(manager)
    assert as_manager.crud_get({"route": DAY_OFFS, "params": {"instance_id": row["id"]}})[
        "body"]["description"] == "Holidays"
    project = {"project_id": studio["project"]["id"]}
    assert list(as_manager.project_day_offs({"params": project})["body"]) == [str(artist.id)]
    supervisor = create_person(role="supervisor")
    catalog, _ = services(people["admin"])
    catalog.add_team_member({"params": project, "body": {"person_id": str(supervisor.id)}})
    _, as_supervisor = services(supervisor)
    dates_only = as_supervisor.person_day_offs({"params": me})["body"]
    assert "description" not in dates_only[0] and dates_only[0]["date"] == "2026-07-06"
    assert "description" not in as_supervisor.period_day_offs({
        "params": {"year": "2026"}, "route": {"period": "year"}})["body"][0]
    _, outsider = services(people["outsider"])
    assert refused(outsider.person_day_offs, {"params": me})[0] == "Forbidden"
    assert outsider.period_day_offs({"params": {"year": "2026", "month": "7"},
                                     "route": {"period": "month"}})["body"] == []
    moved = tasks.crud_update({"route": DAY_OFFS, "params": {"instance_id": row["id"]},
                               "body": {"end_date": "2026-07-07"}})["body"]
    assert moved["end_date"] == "2026-07-07"
    assert events("day-off:update")[-1]["payload"]["changes"]["end_date"] == [
        "2026-07-10", "2026-07-07"]
    assert tasks.crud_delete({"route": DAY_OFFS, "params": {"instance_id": row["id"]}})[
        "status"] == 204
    assert events("day-off:delete")[-1]["data"] == {"day_off_id": row["id"]}


def test_a_day_off_wipes_the_time_spents_it_covers(services, studio, events):
    artist = studio["people"]["user"]
    _, manager = services(studio["people"]["manager"])
    task = shot_task(manager, studio)
    manager.assign_task({"params": {"task_id": task["id"]},
                         "body": {"person_id": str(artist.id)}})
    _, tasks = services(artist)
    for date in ("2026-08-03", "2026-08-10"):
        tasks.set_time_spent({"params": {"task_id": task["id"], "date": date,
                                         "person_id": str(artist.id)},
                              "body": {"duration": 60}})
    tasks.crud_create(day_off(artist, "2026-08-01", "2026-08-05"))
    left = tasks.task_time_spents({"params": {"task_id": task["id"]}})["body"]
    assert left["total"] == 60.0 and left[str(artist.id)][0]["date"] == "2026-08-10"
    assert len(events("time-spent:delete")) == 1
    assert tasks.crud_get({"route": {"model": "tasks"}, "params": {
        "instance_id": task["id"]}})["body"]["duration"] == 60.0


def test_schedule_items(services, studio, events, refused):
    people = studio["people"]
    _, manager = services(people["manager"])
    project = {"project_id": studio["project"]["id"]}
    animation = studio["task_types"][("Animation", "Shot")]
    shot_task(manager, studio)
    items = manager.task_types_schedule_items({"params": project})["body"]
    assert [item["task_type_id"] for item in items] == [animation["id"]]
    assert set(items[0]) == {"id", "start_date", "end_date", "man_days", "project_id",
                             "task_type_id", "object_id"}
    assert events("schedule-item:new")[-1]["data"] == {"schedule_item_id": items[0]["id"]}
    assert manager.task_types_schedule_items({"params": project})["body"] == items
    assert len(events("schedule-item:new")) == 1
    by_type = {**project, "task_type_id": animation["id"]}
    sequences = manager.objects_schedule_items({"params": by_type,
                                                "route": {"objects": "sequences"}})["body"]
    assert [(item["name"], item["object_id"]) for item in sequences] == [
        ("SQ01", studio["sequence"]["id"])]
    asset_types = manager.objects_schedule_items({"params": by_type,
                                                  "route": {"objects": "asset-types"}})["body"]
    assert [item["name"] for item in asset_types] == ["Character"]
    assert manager.objects_schedule_items({"params": by_type,
                                           "route": {"objects": "episodes"}})["body"] == []
    assert len(manager.project_schedule_items({"params": project})["body"]) == 3
    updated = manager.crud_update({"route": SCHEDULE_ITEMS, "params": {
        "instance_id": items[0]["id"]}, "body": {"man_days": 12, "end_date": "2026-12-01"}})
    assert updated["body"]["man_days"] == 12
    assert refused(manager.crud_create, {"route": SCHEDULE_ITEMS, "body": {
        **project, "task_type_id": animation["id"]}}) == (
        "Invalid", "A similar schedule item already exists")
    _, artist = services(people["user"])
    assert refused(artist.crud_update, {"route": SCHEDULE_ITEMS, "params": {
        "instance_id": items[0]["id"]}, "body": {"man_days": 1}})[0] == "Forbidden"
    assert refused(artist.crud_list, {"route": SCHEDULE_ITEMS})[0] == "Forbidden"
    assert manager.crud_delete({"route": SCHEDULE_ITEMS, "params": {
        "instance_id": items[0]["id"]}})["status"] == 204


def test_desktop_login_logs(services, studio, events, refused):
    people = studio["people"]
    _, artist = services(people["user"])
    me = {"person_id": str(people["user"].id)}
    logged = artist.log_person_desktop_login({"params": me, "body": {
        "date": "2026-03-02T09:15:00"}})
    assert logged["status"] == 201 and logged["body"]["date"] == "2026-03-02T09:15:00"
    assert logged["body"]["type"] == "DesktopLoginLog"
    assert artist.log_user_desktop_login({"body": {}})["status"] == 201
    assert [log["id"] for log in artist.user_desktop_login_logs({})["body"]][1] \
        == logged["body"]["id"]
    _, manager = services(people["manager"])
    assert len(manager.person_desktop_login_logs({"params": me})["body"]) == 2
    assert refused(manager.log_person_desktop_login, {"params": me, "body": {}})[0] \
        == "Forbidden"
    _, outsider = services(people["outsider"])
    assert refused(outsider.person_desktop_login_logs, {"params": me})[0] == "Forbidden"
    assert refused(artist.log_user_desktop_login, {"body": {"date": "soon"}})[0] \
        == "Invalid"
    assert len(events("internal:desktop-login-log:new")) == 2
