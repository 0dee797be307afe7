"""Per-production roles (the catalog's `team_roles`) in the tasks service: the role set
for a member in a production replaces their global role in that production's access
checks, and only there; admins stay admins.

Two productions: the studio's (A) and a second one (B). `lead` is an artist (global
"user") made supervisor in A; `demoted` is a supervisor made artist in A. Both are in
B's team with no role set there, so their global role holds in B.
"""
import uuid

import pytest
import sqlalchemy as sa

from slate_tasks.models import Project, team_links

TASKS = {"model": "tasks"}
SUPERVISOR_ACTIONS = ("plan a task", "assign a task", "comment with a status change")


def role_in_read_model(engine, project_id, person_id):
    with engine.connect() as connection:
        return connection.execute(sa.select(team_links.c.role).where(
            team_links.c.project_id == uuid.UUID(project_id),
            team_links.c.person_id == person_id)).scalar()


def set_role(catalog, project, person, role):
    catalog.set_team_member_role({"params": {"project_id": project["id"],
                                             "person_id": str(person.id)},
                                  "body": {"role": role}})


def second_production(services, studio, team):
    """Production B with these people in its team and an Animation task on its shot."""
    admin = studio["people"]["admin"]
    catalog, tasks = services(admin)
    project = catalog.crud_create({"route": {"model": "projects"}, "body": {
        "name": "Film-%s" % uuid.uuid4().hex[:6], "team": [str(person.id) for person in team]}})["body"]
    where = {"project_id": project["id"]}
    sequence = catalog.new_sequence({"params": where, "body": {"name": "SQ01"}})["body"]
    shot = catalog.new_shot({"params": where, "body": {
        "name": "SH010", "sequence_id": sequence["id"]}})["body"]
    return project, _animation_task(tasks, studio, project, shot)


def _animation_task(tasks, studio, project, shot):
    animation = studio["task_types"][("Animation", "Shot")]
    tasks.add_task_type_setting({"params": {"project_id": project["id"]},
                                 "body": {"task_type_id": animation["id"]}})
    return tasks.create_entity_tasks({"params": {"entity_id": shot["id"]}, "body": {
        "task_type_ids": [animation["id"]]}})["body"][0]


@pytest.fixture
def productions(services, studio, create_person, clean_db, wait_until):
    """{"A": (project, task), "B": (project, task)}, `lead` and `demoted` in both teams
    with their roles set in A only."""
    people = dict(studio["people"])
    people["lead"] = create_person(role="user")
    people["demoted"] = create_person(role="supervisor")
    catalog, tasks = services(people["admin"])
    film_a = studio["project"]
    for name, role in (("lead", "supervisor"), ("demoted", "user")):
        catalog.add_team_member({"params": {"project_id": film_a["id"]}, "body": {
            "person_id": str(people[name].id), "role": role}})
    task_a = _animation_task(tasks, studio, film_a, studio["shots"][0])
    film_b, task_b = second_production(services, studio, [people["lead"], people["demoted"],
                                                           people["user"]])
    wait_until(lambda: role_in_read_model(clean_db, film_a["id"], people["demoted"].id)
               == "user")
    return people, {"A": (film_a, task_a), "B": (film_b, task_b)}


@pytest.fixture
def lead_as(services, productions, clean_db, wait_until):
    """`lead_as(role)`: the lead made `role` in production A, once the read model has it;
    their tasks proxy."""
    people, films = productions

    def make(role):
        catalog, _ = services(people["admin"])
        set_role(catalog, films["A"][0], people["lead"], role)
        wait_until(lambda: role_in_read_model(clean_db, films["A"][0]["id"],
                                              people["lead"].id) == role)
        return services(people["lead"])[1]
    return make


def _attempt(action, tasks, task, studio, assignee):
    if action == "plan a task":
        return tasks.crud_update({"route": TASKS, "params": {"instance_id": task["id"]},
                                  "body": {"priority": 2}})
    if action == "assign a task":
        return tasks.assign_task({"params": {"task_id": task["id"]},
                                  "body": {"person_id": str(assignee.id)}})
    return tasks.post_comment({"params": {"task_id": task["id"]}, "body": {
        "task_status_id": studio["statuses"]["wip"]["id"], "comment": "on it"}})


@pytest.mark.parametrize("name, production, allowed", [
    ("lead", "A", True), ("lead", "B", False),
    ("demoted", "A", False), ("demoted", "B", True),
    ("admin", "A", True), ("admin", "B", True)])
def test_the_role_held_in_the_production_decides(services, studio, productions, refused,
                                                 name, production, allowed):
    people, films = productions
    if name == "admin":  # a role set for an admin changes nothing: admins stay admins
        catalog, _ = services(people["admin"])
        catalog.add_team_member({"params": {"project_id": films["A"][0]["id"]}, "body": {
            "person_id": str(people["admin"].id), "role": "user"}})
    _, tasks = services(people[name])
    task = films[production][1]
    for action in SUPERVISOR_ACTIONS:
        if allowed:
            assert _attempt(action, tasks, task, studio, people["user"])["status"] in (
                200, 201), action
        else:
            assert refused(_attempt, action, tasks, task, studio, people["user"])[0] \
                == "Forbidden", action


def test_clearing_the_role_brings_the_global_role_back(services, studio, productions,
                                                       refused, clean_db, wait_until):
    people, films = productions
    catalog, _ = services(people["admin"])
    film_a, task_a = films["A"]
    set_role(catalog, film_a, people["lead"], None)
    set_role(catalog, film_a, people["demoted"], None)
    wait_until(lambda: role_in_read_model(clean_db, film_a["id"], people["demoted"].id)
               is None)
    _, lead = services(people["lead"])
    _, demoted = services(people["demoted"])
    assert refused(_attempt, "plan a task", lead, task_a, studio, people["user"])[0] \
        == "Forbidden"
    assert _attempt("plan a task", demoted, task_a, studio, people["user"])["status"] == 200


def test_a_client_in_one_production_gets_its_tasks_blanked(services, productions,
                                                           lead_as, task_list):
    """/data/tasks lists tasks of several productions: each row is shown with the role
    held in its own production."""
    people, films = productions
    _, admin = services(people["admin"])
    task_a = films["A"][1]
    for _, task in films.values():
        admin.crud_update({"route": TASKS, "params": {"instance_id": task["id"]},
                           "body": {"estimation": 3}})
    lead = lead_as("client")
    listed = {task["id"]: task["estimation"] for task in task_list(lead, {})}
    assert listed == {task_a["id"]: 0, films["B"][1]["id"]: 3}
    assert lead.crud_get({"route": TASKS, "params": {"instance_id": task_a["id"]}})[
        "body"]["estimation"] == 0


def test_a_vendor_in_one_production_lists_only_their_tasks_there(productions, lead_as,
                                                                 task_list):
    _, films = productions
    lead = lead_as("vendor")
    listed = {task["id"] for task in task_list(lead, {})}
    assert listed == {films["B"][1]["id"]}


def test_a_clients_comment_is_hidden_from_the_artists_of_that_production(
        services, studio, productions, lead_as):
    """Comment authors count as clients where their role in the production is client."""
    people, films = productions
    _, admin = services(people["admin"])
    task_a = films["A"][1]
    lead = lead_as("client")
    lead.post_comment({"params": {"task_id": task_a["id"]}, "body": {
        "task_status_id": studio["statuses"]["wip"]["id"], "comment": "client note"}})
    _, artist = services(people["user"])
    assert artist.task_comments({"params": {"task_id": task_a["id"]}})["body"] == []
    seen = admin.task_comments({"params": {"task_id": task_a["id"]}})["body"]
    assert [item["text"] for item in seen] == ["client note"]
    assert seen[0]["person"]["role"] == "user"  # the person's own role, as Zou shows it


def test_day_offs_are_read_with_the_role_held_in_the_shared_production(
        services, studio, productions, refused, clean_db, wait_until):
    """A manager of production A only (an artist elsewhere) reads the day offs of A's
    team; a manager made artist there no longer does."""
    people, films = productions
    catalog, _ = services(people["admin"])
    film_a, _ = films["A"]
    set_role(catalog, film_a, people["lead"], "manager")
    set_role(catalog, film_a, people["manager"], "user")
    wait_until(lambda: role_in_read_model(clean_db, film_a["id"], people["manager"].id)
               == "user")
    _, admin = services(people["admin"])
    admin.crud_create({"route": {"model": "day-offs"}, "body": {
        "person_id": str(people["user"].id), "date": "2027-03-01",
        "end_date": "2027-03-02", "description": "away"}})
    where = {"params": {"person_id": str(people["user"].id)}}
    _, lead = services(people["lead"])
    _, manager = services(people["manager"])
    assert [row["description"] for row in lead.person_day_offs(where)["body"]] == ["away"]
    assert refused(manager.person_day_offs, where)[0] == "Forbidden"


def test_team_roles_stay_out_of_the_production_json(services, studio, productions,
                                                    clean_db):
    people, films = productions
    with clean_db.connect() as connection:
        row = connection.execute(sa.select(Project.row).where(
            Project.id == uuid.UUID(films["A"][0]["id"]))).scalar()
    assert "team_roles" not in row and "team" not in row
    _, admin = services(people["admin"])
    full = admin.full_task({"params": {"task_id": films["A"][1]["id"]}})["body"]
    assert "team_roles" not in full["project"]
    _, lead = services(people["lead"])
    context = lead.user_context({})["body"]
    assert context["project_roles"] == {films["A"][0]["id"]: "supervisor"}
