"""Zou's access rules on representative file routes, for each role in the production's
team and for someone outside it; the Animation task is the artist's."""
import pytest

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor", "outsider")
ALLOWED = {
    "add a software": {"admin"},
    "read the softwares": set(ROLES),
    "list working files": set(ROLES) - {"vendor"},
    "read the task's working files": {"admin", "manager", "supervisor", "user", "client"},
    "comment a working file": {"admin", "manager", "supervisor", "user", "client"},
    "read an output file": {"admin", "manager", "supervisor", "user", "client", "vendor"},
    "read the production's output files": {"admin", "manager"},
}


@pytest.fixture
def files(services, studio, every_role, shot_task):
    _, admin = services(every_role["admin"])
    working_file = admin.crud_create({"route": {"model": "working-files"}, "body": {
        "name": "main", "revision": 1, "task_id": shot_task["id"],
        "entity_id": shot_task["entity_id"]}})["body"]
    status = admin.crud_create({"route": {"model": "file-status"}, "body": {
        "name": "To review", "color": "#FFFFFF"}})["body"]
    output_file = admin.crud_create({"route": {"model": "output-files"}, "body": {
        "name": "main", "revision": 1, "entity_id": shot_task["entity_id"],
        "file_status_id": status["id"]}})["body"]
    return every_role, shot_task, working_file, output_file


def _attempts(studio, task, working_file, output_file, role):
    return {
        "add a software": lambda t: t.crud_create({"route": {"model": "softwares"}, "body": {
            "name": "Soft %s" % role, "short_name": role[:3], "file_extension": ".x"}}),
        "read the softwares": lambda t: t.crud_list({"route": {"model": "softwares"}}),
        "list working files": lambda t: t.crud_list({"route": {"model": "working-files"}}),
        "read the task's working files": lambda t: t.task_working_files({
            "params": {"task_id": task["id"]}}),
        "comment a working file": lambda t: t.comment_working_file({
            "params": {"working_file_id": working_file["id"]}, "body": {"comment": role}}),
        "read an output file": lambda t: t.get_file({"params": {"file_id": output_file["id"]}}),
        "read the production's output files": lambda t: t.project_output_files({
            "params": {"project_id": studio["project"]["id"]}}),
    }


@pytest.mark.parametrize("role", ROLES)
def test_file_role_matrix(services, studio, files, refused, role):
    people, task, working_file, output_file = files
    people = {**people, "outsider": studio["people"]["outsider"]}
    _, tasks = services(people[role])
    for action, attempt in _attempts(studio, task, working_file, output_file, role).items():
        if role in ALLOWED[action]:
            assert attempt(tasks)["status"] in (200, 201), action
        else:
            assert refused(attempt, tasks)[0] == "Forbidden", (action, role)
