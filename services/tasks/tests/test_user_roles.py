"""Zou's access rules on representative routes of a person's own context, for each role
in the production's team and for someone outside it: everyone keeps their own filters,
only admins touch another's; an entity's chat is for its production's team (vendors:
entities they have a task on)."""
import pytest

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor", "outsider")
ALLOWED = {
    "load the context": set(ROLES),
    "save a filter": set(ROLES),
    "rename another's filter": {"admin"},
    "delete another's filter group": {"admin"},
    "read a shot's chat": set(ROLES) - {"outsider", "vendor"},
    "join a shot's chat": set(ROLES) - {"outsider", "vendor"},
    "list filters (crud)": {"admin"},
    "list chats (crud)": {"admin"},
}
REFUSALS = {"rename another's filter": "NotFound", "delete another's filter group": "NotFound"}


@pytest.fixture
def team(services, studio, create_person):
    people = {role: studio["people"][role] for role in ("admin", "manager", "user",
                                                        "outsider")}
    catalog, _ = services(people["admin"])
    for role in ("supervisor", "client", "vendor"):
        people[role] = create_person(role=role)
        catalog.add_team_member({"params": {"project_id": studio["project"]["id"]},
                                 "body": {"person_id": str(people[role].id)}})
    return people


def _attempts(studio, owned):
    shot = {"params": {"entity_id": studio["shots"][0]["id"]}}
    return {
        "load the context": lambda t: t.user_context({}),
        "save a filter": lambda t: t.create_user_filter({"body": {"name": "n", "query": "q"}}),
        "rename another's filter": lambda t: t.update_user_filter({
            "params": {"filter_id": owned["filter"]["id"]}, "body": {"name": "x"}}),
        "delete another's filter group": lambda t: t.delete_user_filter_group({
            "params": {"filter_group_id": owned["group"]["id"]}}),
        "read a shot's chat": lambda t: t.entity_chat(shot),
        "join a shot's chat": lambda t: t.join_chat(shot),
        "list filters (crud)": lambda t: t.crud_list({"route": {"model": "search-filters"}}),
        "list chats (crud)": lambda t: t.crud_list({"route": {"model": "chats"}}),
    }


@pytest.mark.parametrize("role", ROLES)
def test_role_matrix(services, studio, team, refused, create_person, role):
    _, owner = services(create_person(role="user"))
    owned = {"filter": owner.create_user_filter({"body": {"name": "o", "query": "o"}})[
        "body"], "group": owner.create_user_filter_group({"body": {"name": "g"}})["body"]}
    _, tasks = services(team[role])
    for action, attempt in _attempts(studio, owned).items():
        if role in ALLOWED[action]:
            assert attempt(tasks)["status"] in (200, 201, 204), action
        else:
            assert refused(attempt, tasks)[0] == REFUSALS.get(action, "Forbidden"), action
