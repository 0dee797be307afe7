"""Zou's access rules on representative task routes, for each role in the production's
team and for someone outside it."""
import pytest

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor", "outsider")
TASKS = {"model": "tasks"}
ALLOWED = {
    "list tasks": set(ROLES),
    "read a task": set(ROLES) - {"outsider"},
    "create a task (crud)": {"admin"},
    "create an entity's tasks": {"admin", "manager", "supervisor", "user"},
    "create a type's shot tasks": {"admin", "manager"},
    "attach a task type": {"admin", "manager"},
    "plan a task": {"admin", "manager", "supervisor"},
    "assign a task": {"admin", "manager", "supervisor"},
    "delete a task": {"admin", "manager"},
    "create a task type": {"admin"},
}


@pytest.fixture
def matrix(services, studio, every_role):
    """Every role in the team (but the outsider); a task on each shot per role."""
    people = every_role
    _, tasks = services(people["admin"])
    project = studio["project"]
    animation = studio["task_types"][("Animation", "Shot")]
    layout = studio["task_types"][("Layout", "Shot")]
    for task_type in (animation, layout):
        tasks.add_task_type_setting({"params": {"project_id": project["id"]},
                                     "body": {"task_type_id": task_type["id"]}})
    task = tasks.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                      "body": {"task_type_ids": [animation["id"]]}})["body"][0]
    for role in ("vendor",):  # a vendor reads the tasks it is assigned to
        tasks.assign_task({"params": {"task_id": task["id"]},
                           "body": {"person_id": str(people[role].id)}})
    return people, task, animation, layout


def _attempts(studio, task, animation, layout, person):
    project_id = studio["project"]["id"]
    shot = studio["shots"][1]
    return {
        "list tasks": lambda t: t.crud_list({"route": TASKS, "query": {}}),
        "read a task": lambda t: t.crud_get({"route": TASKS, "params": {
            "instance_id": task["id"]}}),
        "create a task (crud)": lambda t: t.crud_create({"route": TASKS, "body": {
            "entity_id": shot["id"], "task_type_id": layout["id"],
            "name": "crud-%s" % person.id}}),
        "create an entity's tasks": lambda t: t.create_entity_tasks({
            "params": {"entity_id": shot["id"]}, "body": {"task_type_ids": [layout["id"]]}}),
        "create a type's shot tasks": lambda t: t.create_tasks_for_type({
            "params": {"project_id": project_id, "task_type_id": animation["id"]},
            "route": {"kind": "shots"}, "body": [shot["id"]]}),
        "attach a task type": lambda t: t.add_task_type_setting({
            "params": {"project_id": project_id}, "body": {"task_type_id": layout["id"]}}),
        "plan a task": lambda t: t.crud_update({"route": TASKS, "params": {
            "instance_id": task["id"]}, "body": {"priority": 2}}),
        "assign a task": lambda t: t.assign_task({"params": {"task_id": task["id"]},
                                                  "body": {"person_id": str(person.id)}}),
        "delete a task": lambda t: t.crud_delete({"route": TASKS, "params": {
            "instance_id": task["id"]}}),
        "create a task type": lambda t: t.crud_create({"route": {"model": "task-types"},
                                                       "body": {"name": "T-%s" % person.id}}),
    }


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(services, studio, matrix, refused, role, task_list):
    people, task, animation, layout = matrix
    person = people[role]
    _, tasks = services(person)
    for action, attempt in _attempts(studio, task, animation, layout, person).items():
        if action == "delete a task" and role in ALLOWED[action]:
            continue  # checked below, last: the other actions need the task
        if role in ALLOWED[action]:
            assert attempt(tasks)["status"] in (200, 201, 204), action
        else:
            assert refused(attempt, tasks)[0] == "Forbidden", action
    if role in ALLOWED["delete a task"]:
        assert _attempts(studio, task, animation, layout, person)["delete a task"](
            tasks)["status"] == 204
    listed = task_list(tasks, {})
    visible = {"outsider": 0, "vendor": 1}.get(role)
    if visible is not None:
        assert len(listed) == visible


# -- comments and the news feed ---------------------------------------------------------

TEAM = set(ROLES) - {"outsider"}
COMMENT_ALLOWED = {
    # the artist ("user") is neither assigned to the task nor supervising it
    "comment with a status change": {"admin", "manager", "supervisor", "client", "vendor"},
    "read the conversation": TEAM,
    "list the production's comments": {"admin", "manager", "supervisor", "user"},
    "read the news feed": TEAM - {"client"},
    "list every comment (crud)": {"admin"},
    "acknowledge a comment": TEAM,
    "move a comment": {"admin", "manager"},
}


def _comment_attempts(studio, task, other, comment):
    project = {"project_id": studio["project"]["id"]}
    where = {"task_id": task["id"], "comment_id": comment["id"]}
    wip = studio["statuses"]["wip"]
    return {
        "comment with a status change": lambda t: t.post_comment({
            "params": {"task_id": task["id"]},
            "body": {"task_status_id": wip["id"], "comment": "on it"}}),
        "read the conversation": lambda t: t.task_comments({"params": {
            "task_id": task["id"]}}),
        "list the production's comments": lambda t: t.project_comments({
            "params": project}),
        "read the news feed": lambda t: t.project_news({"params": project}),
        "list every comment (crud)": lambda t: t.crud_list({"route": {"model": "comments"}}),
        "acknowledge a comment": lambda t: t.acknowledge_comment({"params": where}),
        "move a comment": lambda t: t.move_comment({"params": where, "body": {
            "target_task_id": other["id"]}}),
    }


@pytest.mark.parametrize("role", ROLES)
def test_comment_role_matrix(services, studio, matrix, refused, role):
    people, task, animation, layout = matrix
    _, admin = services(people["admin"])
    other = admin.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                       "body": {"task_type_ids": [layout["id"]]}})["body"][0]
    comment = admin.post_comment({"params": {"task_id": task["id"]}, "body": {
        "task_status_id": studio["statuses"]["wfa"]["id"], "comment": "first"}})["body"]
    _, tasks = services(people[role])
    for action, attempt in _comment_attempts(studio, task, other, comment).items():
        if role in COMMENT_ALLOWED[action]:
            assert attempt(tasks)["status"] in (200, 201), action
        else:
            assert refused(attempt, tasks)[0] == "Forbidden", action
