"""Zou's access rules on representative time-sheet, day-off, schedule and desktop-login
routes, for each role in the production's team and for someone outside it. The
artist's own time sheet is the one everybody tries to reach."""
import pytest

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor", "outsider")
ALLOWED = {
    "log the artist's time": {"admin", "manager", "user"},
    "read the artist's time sheet": {"admin", "manager", "supervisor", "user"},
    "read the artist's day offs": {"admin", "manager", "supervisor", "user"},
    "give the artist a day off": {"admin", "user"},
    "read the production's time spents": {"admin", "manager", "supervisor", "user",
                                          "vendor"},
    "read a task type's time spents": {"admin", "manager"},
    "read the production's schedule items": {"admin", "manager", "supervisor", "user"},
    "read the artist's desktop logins": {"admin", "manager", "user"},
}


@pytest.fixture
def team(services, studio, every_role):
    """Every role (the outsider aside) in the team; an Animation task assigned to the
    artist."""
    people = every_role
    _, tasks = services(people["admin"])
    project = studio["project"]
    animation = studio["task_types"][("Animation", "Shot")]
    tasks.add_task_type_setting({"params": {"project_id": project["id"]},
                                 "body": {"task_type_id": animation["id"]}})
    task = tasks.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                      "body": {"task_type_ids": [animation["id"]]}})[
        "body"][0]
    tasks.assign_task({"params": {"task_id": task["id"]},
                       "body": {"person_id": str(people["user"].id)}})
    return people, task


def _attempts(studio, task, artist, role):
    project = {"project_id": studio["project"]["id"]}
    me = {"person_id": str(artist.id)}
    day = "2026-09-%02d" % (ROLES.index(role) + 1)
    return {
        "log the artist's time": lambda t: t.set_time_spent({"params": {
            "task_id": task["id"], "date": day, **me}, "body": {"duration": 10}}),
        "read the artist's time sheet": lambda t: t.person_time_spents({"params": me}),
        "read the artist's day offs": lambda t: t.person_day_offs({"params": me}),
        "give the artist a day off": lambda t: t.crud_create({
            "route": {"model": "day-offs"}, "body": {**me, "date": day, "end_date": day}}),
        "read the production's time spents": lambda t: t.project_time_spents({
            "params": project}),
        "read a task type's time spents": lambda t: t.project_task_type_time_spents({
            "params": {**project, "task_type_id": task["task_type_id"]}}),
        "read the production's schedule items": lambda t: t.project_schedule_items({
            "params": project}),
        "read the artist's desktop logins": lambda t: t.person_desktop_login_logs({
            "params": me}),
    }


@pytest.mark.parametrize("role", ROLES)
def test_time_role_matrix(services, studio, team, refused, role):
    people, task = team
    _, tasks = services(people[role])
    for action, attempt in _attempts(studio, task, people["user"], role).items():
        if role in ALLOWED[action]:
            assert attempt(tasks)["status"] in (200, 201), action
        else:
            assert refused(attempt, tasks)[0] == "Forbidden", action
