"""Zou's access rules on the production follow-up routes (open tasks, episode stats, task
dates, tasks per entity type, reorders), for each role in the team and an outsider."""
import pytest

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor", "outsider")
TEAM = set(ROLES) - {"outsider"}
ALLOWED = {
    "open tasks of the production": TEAM,
    "episode stats": TEAM,
    "episode retake stats": TEAM - {"client"},
    "people's task dates": {"admin", "manager", "supervisor"},
    "tasks per entity type": {"admin", "manager"},
    "concept tasks": {"admin", "manager", "supervisor", "user"},
    "reorder task types": {"admin"},
    "reorder type links": {"admin", "manager"},
}


def _attempts(studio):
    where = {"project_id": studio["project"]["id"]}
    layout = studio["task_types"][("Layout", "Shot")]
    concept = studio["task_types"][("Concept", "Concept")]
    typed = {**where, "task_type_id": layout["id"]}
    return {
        "open tasks of the production": ("open_tasks", {"query": where}),
        "episode stats": ("episodes_stats", {"params": where}),
        "episode retake stats": ("episodes_retake_stats", {"params": where}),
        "people's task dates": ("persons_task_dates", {"query": where}),
        "tasks per entity type": ("create_entity_type_tasks", {
            "params": {**typed, "entity_type": "shot"}}),
        "concept tasks": ("create_concept_tasks", {
            "params": {**where, "task_type_id": concept["id"]}}),
        "reorder task types": ("reorder_task_types", {"body": {"task_type_ids": []}}),
        "reorder type links": ("reorder_task_type_links", {
            "params": where, "body": {"task_type_ids": [layout["id"]]}}),
    }


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(services, studio, every_role, refused, role):
    person = every_role[role] if role != "outsider" else studio["people"]["outsider"]
    _, tasks = services(person)
    for action, (method, request) in _attempts(studio).items():
        if role in ALLOWED[action]:
            assert getattr(tasks, method)(request)["status"] in (200, 201), action
        else:
            assert refused(getattr(tasks, method), request)[0] == "Forbidden", (action, role)
