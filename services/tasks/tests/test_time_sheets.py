"""Time spents over real RPC and PostgreSQL: setting, adding and removing minutes,
the task's duration, the 24-hour guard, Zou's events, and the time sheets read back
per person, per period, per production and per entity."""
import uuid

import pytest
from sqlalchemy import orm

from slate_auth import presence as auth_presence, replay as auth_replay
from slate_auth.models import Department, Person
from slate_common import db, eventstore, projections

TIME_SPENTS = {"model": "time-spents"}


@pytest.fixture
def assigned(services, studio):
    """(task on SH010, task on SH020), both assigned to the artist."""
    _, tasks = services(studio["people"]["manager"])
    animation = studio["task_types"][("Animation", "Shot")]
    tasks.add_task_type_setting({"params": {"project_id": studio["project"]["id"]},
                                 "body": {"task_type_id": animation["id"]}})
    created = [tasks.create_entity_tasks({"params": {"entity_id": shot["id"]}, "body": {
        "task_type_ids": [animation["id"]]}})["body"][0] for shot in studio["shots"]]
    tasks.assign_tasks_to_person({"params": {"person_id": str(studio["people"]["user"].id)},
                                  "body": {"task_ids": [task["id"] for task in created]}})
    return created


def where(task, person, date="2026-03-02"):
    return {"task_id": task["id"], "date": date, "person_id": str(person.id)}


def test_set_add_and_remove_minutes(services, studio, assigned, events):
    artist = studio["people"]["user"]
    _, tasks = services(artist)
    task = assigned[0]
    reply = tasks.set_time_spent({"params": where(task, artist), "body": {"duration": 120}})
    assert reply["status"] == 201
    row = reply["body"]
    assert (row["type"], row["duration"], row["date"]) == ("TimeSpent", 120.0, "2026-03-02")
    assert events("time-spent:new")[-1]["data"] == {"time_spent_id": row["id"]}
    assert str(events("time-spent:new")[-1]["project_id"]) == studio["project"]["id"]
    assert events("task:update")[-1]["payload"]["changes"]["duration"] == [0, 120.0]
    added = tasks.add_time_spent({"params": where(task, artist), "body": {"duration": 30}})
    assert added["body"]["id"] == row["id"] and added["body"]["duration"] == 150.0
    assert events("time-spent:update")[-1]["payload"]["changes"]["duration"] == [120.0, 150.0]
    tasks.set_time_spent({"params": where(task, artist, "2026-03-03"),
                          "body": {"duration": 60}})
    read = tasks.task_time_spents({"params": {"task_id": task["id"]}})["body"]
    assert read["total"] == 210.0 and len(read[str(artist.id)]) == 2
    one_day = tasks.task_time_spents({"params": {"task_id": task["id"],
                                                 "date": "2026-03-03"}})["body"]
    assert one_day["total"] == 60.0
    assert tasks.crud_get({"route": {"model": "tasks"}, "params": {
        "instance_id": task["id"]}})["body"]["duration"] == 210.0
    removed = tasks.remove_time_spent({"params": where(task, artist)})
    assert removed["status"] == 201 and removed["body"]["id"] == row["id"]
    assert events("time-spent:delete")[-1]["data"] == {"time_spent_id": row["id"]}
    assert tasks.crud_get({"route": {"model": "tasks"}, "params": {
        "instance_id": task["id"]}})["body"]["duration"] == 60.0


def test_bad_time_spents_write_nothing(services, studio, assigned, events, refused):
    artist = studio["people"]["user"]
    _, tasks = services(artist)
    first, second = assigned
    tasks.set_time_spent({"params": where(first, artist), "body": {"duration": 1000}})
    # Only the events a time spent's write emits: projections and followers (notifications
    # of the assignment, the catalog's team, auth's last presence) may still be appending
    # their own events meanwhile.
    written = {"time-spent:new", "time-spent:update", "time-spent:delete", "task:update"}
    changes = lambda: [e for e in events() if e["name"] in written]  # noqa: E731
    before = len(changes())
    too_long = refused(tasks.set_time_spent, {"params": where(second, artist),
                                              "body": {"duration": 441}})
    assert too_long == ("Invalid", "A person cannot log more than 24 hours (1440 minutes) "
                                   "on one day.")
    assert refused(tasks.add_time_spent, {"params": where(first, artist),
                                          "body": {"duration": 441}})[0] == "Invalid"
    assert refused(tasks.set_time_spent, {"params": where(first, artist, "2026-13-01"),
                                          "body": {"duration": 1}}) == (
        "Invalid", "Invalid date format.")
    assert refused(tasks.set_time_spent, {"params": where(first, artist),
                                          "body": {"duration": 0}})[1] == "Validation error."
    assert refused(tasks.set_time_spent, {"params": where(first, artist), "body": {}})[0] \
        == "Invalid"
    unknown = {**where(first, artist), "task_id": "00000000-0000-0000-0000-000000000000"}
    assert refused(tasks.set_time_spent, {"params": unknown, "body": {"duration": 1}})[0] \
        == "NotFound"
    nobody = {**where(first, artist), "person_id": "00000000-0000-0000-0000-000000000000"}
    assert refused(tasks.set_time_spent, {"params": nobody, "body": {"duration": 1}})[0] \
        == "NotFound"
    manager = studio["people"]["manager"]  # not assigned: nobody logs time for them
    _, as_manager = services(manager)
    assert refused(as_manager.set_time_spent, {"params": where(first, manager),
                                               "body": {"duration": 1}})[0] == "Forbidden"
    _, outsider = services(studio["people"]["outsider"])
    assert refused(outsider.set_time_spent, {"params": where(first, artist),
                                             "body": {"duration": 1}})[0] == "Forbidden"
    assert refused(tasks.remove_time_spent, {"params": where(second, artist)})[0] \
        == "NotFound"
    assert len(changes()) == before


def test_time_sheets_read_back(services, studio, assigned):
    artist = studio["people"]["user"]
    _, tasks = services(artist)
    for task, date, minutes in ((assigned[0], "2026-03-02", 60),
                                (assigned[1], "2026-03-02", 30),
                                (assigned[0], "2026-04-10", 45)):
        tasks.set_time_spent({"params": where(task, artist, date),
                              "body": {"duration": minutes}})
    me = {"person_id": str(artist.id)}
    assert len(tasks.person_time_spents({"params": me})["body"]) == 3
    ranged = tasks.person_time_spents({"params": me, "query": {
        "start_date": "2026-03-01", "end_date": "2026-03-31"}})["body"]
    assert len(ranged) == 2 and ranged[0]["project_id"] == studio["project"]["id"]
    assert len(tasks.person_day_time_spents({"params": {**me, "date": "2026-03-02"}})[
        "body"]) == 2
    month = tasks.person_period_time_spents({"params": {**me, "year": "2026", "month": "3"},
                                             "route": {"period": "month"}})["body"]
    assert {entry["entity_name"]: entry["duration"] for entry in month} == {
        "SH010": 60.0, "SH020": 30.0}
    assert month[0]["sequence_name"] == "SQ01" and month[0]["project_name"]
    year = tasks.person_period_time_spents({"params": {**me, "year": "2026"},
                                            "route": {"period": "year"}})["body"]
    assert sum(entry["duration"] for entry in year) == 135.0
    week = tasks.person_period_time_spents({"params": {**me, "year": "2026", "week": "10"},
                                            "route": {"period": "week"}})["body"]
    assert sum(entry["duration"] for entry in week) == 90.0
    assert len(tasks.person_month_all_time_spents({"params": {
        **me, "year": "2026", "month": "4"}})["body"]) == 1
    assert tasks.time_spents_month_table({"params": {"year": "2026"}})["body"] == {
        "3": {str(artist.id): 90.0}, "4": {str(artist.id): 45.0}}
    assert tasks.time_spents_day_table({"params": {"year": "2026", "month": "3"}})[
        "body"] == {"2": {str(artist.id): 90.0}}
    assert tasks.time_spents_year_table({})["body"] == {"2026": {str(artist.id): 135.0}}
    assert tasks.time_spents_week_table({"params": {"year": "2026"}})["body"]["10"] == {
        str(artist.id): 90.0}
    assert len(tasks.user_time_spents({})["body"]) == 3
    assert len(tasks.user_day_time_spents({"params": {"date": "2026-03-02"}})["body"]) == 2
    assert tasks.user_task_time_spent({"params": {"task_id": assigned[0]["id"],
                                                  "date": "2026-04-10"}})["body"][
        "duration"] == 45.0
    assert len(tasks.entity_time_spents({"params": {
        "entity_id": studio["shots"][0]["id"]}})["body"]) == 2


def test_production_time_spents_and_who_reads_them(services, studio, assigned, refused):
    artist = studio["people"]["user"]
    _, tasks = services(artist)
    tasks.set_time_spent({"params": where(assigned[0], artist), "body": {"duration": 60}})
    project = {"project_id": studio["project"]["id"]}
    assert len(tasks.project_time_spents({"params": project})["body"]) == 1
    _, manager = services(studio["people"]["manager"])
    by_person = manager.project_task_type_time_spents({"params": {
        **project, "task_type_id": assigned[0]["task_type_id"]}})["body"]
    assert list(by_person) == [str(artist.id)]
    assert len(manager.person_time_spents({"params": {"person_id": str(artist.id)}})[
        "body"]) == 1
    assert refused(tasks.project_task_type_time_spents, {"params": {
        **project, "task_type_id": assigned[0]["task_type_id"]}})[0] == "Forbidden"
    _, outsider = services(studio["people"]["outsider"])
    assert refused(outsider.person_time_spents, {"params": {
        "person_id": str(artist.id)}})[0] == "Forbidden"
    assert outsider.time_spents_year_table({})["body"] == {}
    _, admin = services(studio["people"]["admin"])
    assert admin.project_month_time_spents({"params": project})["body"] == {}
    listed = admin.crud_list({"route": TIME_SPENTS, "query": {
        "start_date": "2026-03-01", "end_date": "2026-03-02"}})["body"]
    assert len(listed) == 1
    assert refused(admin.crud_list, {"route": TIME_SPENTS, "query": {
        "start_date": "2026-03-01"}})[0] == "Invalid"
    assert refused(tasks.crud_list, {"route": TIME_SPENTS})[0] == "Forbidden"


def test_time_spent_crud_keeps_the_duration(services, studio, assigned, refused):
    artist = studio["people"]["user"]
    _, admin = services(studio["people"]["admin"])
    task = assigned[0]
    created = admin.crud_create({"route": TIME_SPENTS, "body": {
        "task_id": task["id"], "person_id": str(artist.id), "date": "2026-05-04",
        "duration": 90}})
    assert created["status"] == 201
    row_id = {"instance_id": created["body"]["id"]}
    admin.crud_update({"route": TIME_SPENTS, "params": row_id, "body": {"duration": 100}})
    duration = lambda: admin.crud_get({"route": {"model": "tasks"}, "params": {  # noqa: E731
        "instance_id": task["id"]}})["body"]["duration"]
    assert duration() == 100.0
    assert refused(admin.crud_update, {"route": TIME_SPENTS, "params": row_id,
                                       "body": {"duration": 2000}})[0] == "Invalid"
    _, tasks = services(artist)  # gazu.task.remove_time_spent: the person deletes theirs
    assert tasks.crud_delete({"route": TIME_SPENTS, "params": row_id})["status"] == 204
    assert duration() == 0


def test_a_supervisor_reads_their_departments_time(services, studio, assigned, clean_db,
                                                   create_person, refused):
    uow = db.unit_of_work(clean_db)
    animation_department = Department(id=uuid.uuid4(), name="Anim-%s" % uuid.uuid4().hex[:4],
                                      color="#000000")
    uow.session.add(animation_department)
    uow.commit()
    uow.close()
    supervisor = create_person(role="supervisor", departments=[animation_department])
    people, project = studio["people"], studio["project"]
    catalog, admin = services(people["admin"])
    catalog.add_team_member({"params": {"project_id": project["id"]},
                             "body": {"person_id": str(supervisor.id)}})
    layout = studio["task_types"][("Layout", "Shot")]
    admin.add_task_type_setting({"params": {"project_id": project["id"]},
                                 "body": {"task_type_id": layout["id"]}})
    other = admin.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                       "body": {"task_type_ids": [layout["id"]]}})["body"][0]
    artist = people["user"]
    admin.assign_task({"params": {"task_id": other["id"]},
                       "body": {"person_id": str(artist.id)}})
    admin.crud_update({"route": {"model": "task-types"}, "params": {
        "instance_id": assigned[0]["task_type_id"]}, "body": {
        "department_id": str(animation_department.id)}})
    _, tasks = services(artist)
    for task in (assigned[0], other):
        tasks.set_time_spent({"params": where(task, artist), "body": {"duration": 30}})
    _, as_supervisor = services(supervisor)
    seen = as_supervisor.person_time_spents({"params": {"person_id": str(artist.id)}})[
        "body"]
    assert [row["task_id"] for row in seen] == [assigned[0]["id"]]
    assert as_supervisor.time_spents_year_table({})["body"] == {
        "2026": {str(artist.id): 30.0}}
    assert refused(as_supervisor.person_day_offs, {"params": {
        "person_id": str(artist.id)}})[0] == "Forbidden"  # not of their department


def test_a_new_time_spent_moves_the_persons_last_presence(
        services, service_processes, studio, assigned, clean_db, events, wait_until):
    """Auth follows the time spents and desktop logins: Zou's last presence is the later
    of the last login's day and the last time spent's day; replaying the log keeps it."""
    service_processes("auth")
    artist = studio["people"]["user"]
    _, tasks = services(artist)

    def presence():
        with orm.Session(clean_db) as session:
            return str(session.get(Person, artist.id).last_presence)
    tasks.set_time_spent({"params": where(assigned[0], artist, "2026-03-02"),
                          "body": {"duration": 60}})
    wait_until(lambda: presence() == "2026-03-02")
    update = [event for event in events("person:update")
              if event["data"] == {"person_id": str(artist.id)}][-1]
    assert update["payload"]["changes"]["last_presence"] == [None, "2026-03-02"]
    tasks.log_user_desktop_login({"body": {"date": "2026-03-05T09:00:00"}})
    wait_until(lambda: presence() == "2026-03-05")
    # an earlier day logged, or more minutes on a day already logged: it stays
    tasks.set_time_spent({"params": where(assigned[1], artist, "2026-03-01"),
                          "body": {"duration": 30}})
    tasks.add_time_spent({"params": where(assigned[0], artist, "2026-03-02"),
                          "body": {"duration": 5}})
    wait_until(lambda: _followed(clean_db, auth_presence.CONSUMER))
    assert presence() == "2026-03-05"

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(auth_replay.TABLES.sorted_tables):
            session.execute(table.delete())
        projections.replay(session, auth_replay.event_models)
    assert presence() == "2026-03-05"


def _followed(engine, consumer):
    with engine.connect() as connection:
        return eventstore.tracked_position(connection, consumer) == eventstore.head(connection)
