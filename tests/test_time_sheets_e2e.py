"""Time sheets end to end through the running suite, with unmodified gazu: an artist
logs minutes on a shot task (set, add, read back per task, day, week, year and month),
the task sent for feedback shows in the quotas, the artist takes a day off that wipes
a logged day and logs a desktop session; the 24-hour guard answers Zou's 400 shape."""
import datetime
import uuid

import gazu
import pytest
import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


@pytest.fixture
def artist_task(client, suite):
    """(artist, their gazu client, their Animation task on SH010)."""
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    project = client.project.new_project(unique("Film"), production_type="short")
    client.project.add_task_type(project, animation, 1)
    shot = client.shot.new_shot(project, client.shot.new_sequence(project, "SQ01"), "SH010")
    task = client.task.create_shot_tasks(shot, [animation])[0]
    password = "artist-password"
    artist = client.person.new_person("Tim", "Sheet", unique("tim") + "@studio.example",
                                      role="user", password=password)
    client.project.add_person_to_team(project, artist)
    client.task.assign_task(task, artist)
    artist_client = gazu.client.create_client(suite.url + "/api")
    gazu.log_in(artist["email"], password, client=artist_client)
    return artist, artist_client, task


def test_an_artists_time_sheet_with_gazu(client, suite, artist_task):
    artist, mine, task = artist_task
    logged = client.task.set_time_spent(task, artist, "2026-03-02", 120, client=mine)
    assert (logged["duration"], logged["date"]) == (120.0, "2026-03-02")
    assert client.task.add_time_spent(task, artist, "2026-03-02", 30, client=mine)[
        "duration"] == 150.0
    client.task.set_time_spent(task, artist, "2026-03-04", 60, client=mine)
    spent = client.task.get_time_spent(task, client=mine)
    assert spent["total"] == 210.0 and len(spent[artist["id"]]) == 2
    assert client.task.get_time_spent(task, "2026-03-04", client=mine)["total"] == 60.0
    assert client.task.get_task(task["id"])["duration"] == 210.0
    assert len(client.person.get_time_spents_by_date(artist, "2026-03-02")) == 1
    assert len(client.person.get_time_spents_range(artist["id"], "2026-03-01",
                                                   "2026-03-31")) == 2
    week = client.person.get_week_time_spents(artist, 2026, 10)
    assert [entry["duration"] for entry in week] == [210.0]
    assert client.person.get_year_time_spents(artist, 2026)[0]["entity_name"] == "SH010"
    assert len(client.person.get_all_month_time_spents(artist["id"],
                                                       datetime.date(2026, 3, 1))) == 2
    assert client.user.get_task_time_spent(task, "2026-03-04", client=mine)[
        "duration"] == 60.0

    reply = requests.post(
        suite.url + "/actions/tasks/%s/time-spents/2026-03-04/persons/%s"
        % (task["id"], artist["id"]), json={"duration": 1441},
        headers=suite.headers())
    assert reply.status_code == 400 and reply.json()["error"] is True
    assert "24 hours" in reply.json()["message"]
    events = requests.get(suite.url + "/data/events/last", params={"limit": 300},
                          headers=suite.headers()).json()
    logged_ids = [e["data"]["time_spent_id"] for e in events
                  if e["name"] == "time-spent:new"]
    assert logged["id"] in logged_ids

    wfa = client.task.get_task_status_by_short_name("wfa")
    client.task.update_task({"id": task["id"], "task_status_id": wfa["id"]})
    quotas = client.project.get_project_quotas(task["project_id"], task["task_type_id"])
    assert quotas[artist["id"]]["day"]["count"] == {"2026-03-02": 0.71, "2026-03-04": 0.29}
    assert set(client.project.get_project_person_quotas(
        task["project_id"], artist, client=mine)) == {task["task_type_id"], "total"}

    day_off = client.person.new_day_off(artist, "2026-03-04", "2026-03-05", "Dentist",
                                        client=mine)
    assert client.task.get_time_spent(task, client=mine)["total"] == 150.0
    assert [d["id"] for d in client.person.get_day_offs(artist)] == [day_off["id"]]
    assert client.person.get_month_day_offs(artist, 2026, 3)[0]["description"] == "Dentist"
    assert client.user.get_day_off("2026-03-05", client=mine)["id"] == day_off["id"]
    with pytest.raises(gazu.exception.ParameterException):
        client.person.new_day_off(artist, "2026-03-05", "2026-03-06", client=mine)
    client.person.remove_day_off(day_off, client=mine)
    assert client.person.get_day_offs(artist) == []

    client.user.log_desktop_session_log_in(client=mine)
    assert len(client.user.all_desktop_login_logs(client=mine)) == 1
