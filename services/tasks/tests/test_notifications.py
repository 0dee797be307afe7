"""Subscriptions and the notifications projection over real RPC and PostgreSQL.

Comments are another module's: their events are appended here by hand with the agreed
shapes (`comment:new` {comment_id, task_id...} with the comment row as payload,
`comment:reply` {task_id, comment_id, reply_id}), as the comments module commits them.
"""
import uuid

import pytest
import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import db, eventstore, projections

from slate_auth.models import Department
from slate_tasks import notification_feed, replay
from slate_tasks.models import Notification, Person, team_links

NOTIFICATIONS, SUBSCRIPTIONS = {"model": "notifications"}, {"model": "subscriptions"}


@pytest.fixture
def board(services, studio, create_person, clean_db, wait_until):
    """The studio's shot tasks of Animation, the artist assigned to the first; a supervisor
    and a rigger of the Rigging department in the team."""
    people, project = studio["people"], studio["project"]
    department = _department(clean_db)
    for role in ("supervisor", "rigger"):
        people[role] = create_person(role="supervisor" if role == "supervisor" else "user",
                                     first_name=role, departments=[department])
    catalog, admin = services(people["admin"])
    for role in ("supervisor", "rigger"):
        catalog.add_team_member({"params": {"project_id": project["id"]},
                                 "body": {"person_id": str(people[role].id)}})
    _, manager = services(people["manager"])
    animation = studio["task_types"][("Animation", "Shot")]
    manager.add_task_type_setting({"params": {"project_id": project["id"]},
                                   "body": {"task_type_id": animation["id"]}})
    created = [manager.create_entity_tasks({"params": {"entity_id": shot["id"]}, "body": {
        "task_type_ids": [animation["id"]]}})["body"][0] for shot in studio["shots"]]
    manager.assign_task({"params": {"task_id": created[0]["id"]},
                         "body": {"person_id": str(people["user"].id)}})
    wait_until(lambda: _in_team(clean_db, project["id"], people["rigger"].id)
               and _known(clean_db, people["supervisor"].id))
    return {"tasks": created, "department": department, "animation": animation}


def _department(engine):
    uow = db.unit_of_work(engine)
    department = Department(id=uuid.uuid4(), name="Rigging", color="#000000")
    uow.session.add(department)
    uow.commit()
    uow.close()
    return department


def _in_team(engine, project_id, person_id):
    with engine.connect() as connection:
        return connection.execute(sa.select(team_links).where(
            team_links.c.project_id == uuid.UUID(project_id),
            team_links.c.person_id == person_id)).first() is not None


def _known(engine, person_id):
    with engine.connect() as connection:
        return connection.execute(sa.select(Person.id).where(
            Person.id == person_id)).first() is not None


def append(engine, name, data, payload, actor, project_id=None):
    """Commit one event as its owner would."""
    with engine.begin() as connection:
        eventstore.append(connection, [eventstore.new_event(
            name, data, payload, actor_id=actor.id, project_id=project_id)])


def comment_row(task, author, text="Looks good", **extra):
    return {"id": str(uuid.uuid4()), "object_id": task["id"], "object_type": "Task",
            "person_id": str(author.id), "task_status_id": task["task_status_id"],
            "text": text, "mentions": [], "department_mentions": [], "replies": [],
            **extra}


def post_comment(engine, task, author, status_changed=False, **extra):
    comment = comment_row(task, author, **extra)
    if status_changed:
        append(engine, "task:status-changed", {"task_id": task["id"]}, {}, author)
    append(engine, "comment:new", {"comment_id": comment["id"], "task_id": task["id"],
                                   "task_status_id": comment["task_status_id"]},
           {"new": comment}, author, task["project_id"])
    return comment


def inbox(services, person, **query):
    return services(person)[1].user_notifications({"query": query})["body"]


def kinds(services, person):
    return sorted(n["notification_type"] for n in inbox(services, person))


def test_assignation_notifies_the_assignee(services, studio, board, events, wait_until):
    artist, manager = studio["people"]["user"], studio["people"]["manager"]
    wait_until(lambda: inbox(services, artist))
    found, = inbox(services, artist)
    task = board["tasks"][0]
    assert found["notification_type"] == "assignation" and found["type"] == "Notification"
    assert (found["author_id"], found["task_id"]) == (str(manager.id), task["id"])
    assert found["full_entity_name"] == "SQ01 / SH010" and found["read"] is False
    assert found["project_id"] == studio["project"]["id"] and found["comment_text"] is None
    assert events("notification:new")[-1]["data"] == {
        "notification_id": found["id"], "person_id": str(artist.id)}
    _, tasks = services(manager)
    tasks.assign_task({"params": {"task_id": task["id"]}, "body": {"person_id": str(manager.id)}})
    assert inbox(services, manager) == []  # assigning oneself notifies no one


def test_subscriptions(services, studio, board, events, refused):
    people, task = studio["people"], board["tasks"][0]
    _, manager = services(people["manager"])
    where = {"task_id": task["id"]}
    reply = manager.subscribe_to_task({"params": where})
    assert reply["status"] == 201 and reply["body"]["type"] == "Subscription"
    assert manager.subscribe_to_task({"params": where})["body"]["id"] == reply["body"]["id"]
    assert events("subscription:new")[-1]["data"] == {"subscription_id": reply["body"]["id"]}
    assert manager.task_subscribed({"params": where})["body"] is True
    assert manager.full_task({"params": where})["body"]["is_subscribed"] is True
    sequence = {"sequence_id": studio["sequence"]["id"],
                "task_type_id": board["animation"]["id"]}
    assert manager.subscribe_to_sequence({"params": sequence})["status"] == 201
    assert manager.sequence_subscribed({"params": sequence})["body"] is True
    assert manager.unsubscribe_from_sequence({"params": sequence})["status"] == 204
    assert manager.sequence_subscribed({"params": sequence})["body"] is False
    assert manager.unsubscribe_from_tasks({"body": {"task_ids": [task["id"]]}})["body"] == [
        task["id"]]
    assert manager.task_subscribed({"params": where})["body"] is False
    assert events("subscription:delete")[-1]["payload"]["old"]["task_id"] == task["id"]
    _, outsider = services(people["outsider"])
    assert refused(outsider.subscribe_to_task, {"params": where})[0] == "Forbidden"
    assert refused(manager.subscribe_to_tasks, {"body": {"task_ids": []}})[0] == "Invalid"
    assert refused(manager.crud_list, {"route": SUBSCRIPTIONS})[0] == "Forbidden"
    _, admin = services(people["admin"])
    admin_view = admin.project_subscriptions({"params": {"project_id": task["project_id"]}})
    assert admin_view["body"] == []


def test_comment_notifies_assignees_and_followers_not_the_author(
        services, studio, board, clean_db, events, wait_until):
    people, task = studio["people"], board["tasks"][0]
    services(people["manager"])[1].subscribe_to_task({"params": {"task_id": task["id"]}})
    services(people["admin"])[1].subscribe_to_sequence({"params": {
        "sequence_id": studio["sequence"]["id"], "task_type_id": board["animation"]["id"]}})
    comment = post_comment(clean_db, task, people["supervisor"], status_changed=True,
                           mentions=[str(people["outsider"].id)],
                           department_mentions=[str(board["department"].id)])
    wait_until(lambda: inbox(services, people["rigger"]))
    assert kinds(services, people["user"]) == ["assignation", "comment"]
    assert kinds(services, people["manager"]) == ["comment"]
    assert kinds(services, people["admin"]) == ["comment"]
    assert kinds(services, people["outsider"]) == ["mention"]
    assert kinds(services, people["rigger"]) == ["mention"]
    assert inbox(services, people["supervisor"]) == []
    latest = inbox(services, people["user"], type="comment")[0]
    assert latest["comment_id"] == comment["id"] and latest["change"] is True
    assert inbox(services, people["manager"], watching="true")[0]["subscription_id"]
    assert inbox(services, people["admin"], watching="true") == []
    assert len(events("notification:new")) == 6

    reply = {"id": str(uuid.uuid4()), "person_id": str(people["user"].id), "text": "Done",
             "mentions": [], "department_mentions": []}
    append(clean_db, "comment:reply", {"task_id": task["id"], "comment_id": comment["id"],
                                       "reply_id": reply["id"]},
           {"new": {**comment, "replies": [reply]}}, people["user"])
    wait_until(lambda: inbox(services, people["supervisor"]))
    to_author, = inbox(services, people["supervisor"])
    assert (to_author["notification_type"], to_author["comment_id"]) == ("reply", comment["id"])
    assert kinds(services, people["manager"]) == ["comment", "reply"]
    assert "reply" not in kinds(services, people["user"])
    append(clean_db, "comment:delete-reply", {"task_id": task["id"],
                                              "comment_id": comment["id"],
                                              "reply_id": reply["id"]}, {}, people["user"])
    wait_until(lambda: inbox(services, people["supervisor"]) == [])
    assert len(events("notification:delete")) == 3


def test_read_marks_and_who_sees_what(services, studio, board, events, refused, wait_until):
    people = studio["people"]
    artist, manager = services(people["user"])[1], services(people["manager"])[1]
    wait_until(lambda: inbox(services, people["user"]))
    mine = inbox(services, people["user"])[0]
    where = {"notification_id": mine["id"]}
    assert artist.user_notification({"params": where})["body"]["id"] == mine["id"]
    assert refused(manager.user_notification, {"params": where})[0] == "NotFound"
    assert refused(manager.update_user_notification, {"params": where,
                                                      "body": {"read": True}})[0] == "NotFound"
    assert refused(artist.update_user_notification, {"params": where, "body": {}})[0] \
        == "Invalid"
    read = artist.update_user_notification({"params": where, "body": {"read": True}})["body"]
    assert read["read"] is True and read["notification_type"] == "assignation"
    assert events("notification:read")[-1]["data"] == {
        "notification_id": mine["id"], "person_id": str(people["user"].id)}
    assert inbox(services, people["user"], read="false") == []
    artist.update_user_notification({"params": where, "body": {"read": False}})
    assert artist.mark_all_notifications_as_read({})["body"] == {"success": True}
    assert inbox(services, people["user"], read="true")[0]["id"] == mine["id"]
    assert events("notification:all-read")[-1]["data"] == {"person_id": str(people["user"].id)}
    assert refused(artist.crud_list, {"route": NOTIFICATIONS})[0] == "Forbidden"
    assert refused(artist.project_notifications, {"params": {
        "project_id": studio["project"]["id"]}})[0] == "Forbidden"
    admin = services(people["admin"])[1]
    assert [n["id"] for n in admin.crud_list({"route": NOTIFICATIONS})["body"]] == [mine["id"]]
    paged = admin.project_notifications({"params": {"project_id": studio["project"]["id"]},
                                         "query": {"page": "1"}})["body"]
    assert paged["total"] == 1 and paged["data"][0]["person_id"] == str(people["user"].id)
    assert refused(artist.user_notifications, {"query": {"after": "yesterday"}})[0] \
        == "Invalid"
    assert inbox(services, people["user"], after="2000-01-01") != []


def _dump(engine, tables):
    with engine.connect() as connection:
        return {table.name: [dict(row._mapping) for row in connection.execute(
            sa.select(table).order_by(*table.primary_key.columns))] for table in tables}


def test_the_projection_and_the_log_rebuild_the_notifications(
        services, studio, board, clean_db, events, wait_until, projected):
    people, task = studio["people"], board["tasks"][0]
    services(people["manager"])[1].subscribe_to_task({"params": {"task_id": task["id"]}})
    # Real comments here (the log must rebuild the comments table too): the first moves
    # the task to wip, the second keeps it there.
    admin = services(people["admin"])[1]
    first, second = (admin.post_comment({"params": {"task_id": task["id"]}, "body": {
        "task_status_id": studio["statuses"]["wip"]["id"], "comment": text}})["body"]
        for text in ("Looks good", "Still good"))
    wait_until(lambda: len(inbox(services, people["manager"])) == 2)
    changes = {n["comment_id"]: n["change"] for n in inbox(services, people["manager"])}
    assert changes == {first["id"]: True, second["id"]: False}
    services(people["user"])[1].mark_all_notifications_as_read({})
    projected()
    before, logged = _dump(clean_db, replay.TABLES.sorted_tables), len(events())
    assert len(before["notifications"]) == 5 and len(before["subscriptions"]) == 1

    assert notification_feed.rebuild(clean_db) >= logged
    assert _dump(clean_db, replay.TABLES.sorted_tables) == before
    assert len(events()) == logged  # rebuilding announces nothing

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        projections.replay(session, replay.event_models)
    assert _dump(clean_db, replay.TABLES.sorted_tables) == before


def test_the_projection_skips_what_it_cannot_place(clean_db, create_person):
    """Unknown tasks and missing keys are ignored, not fatal to the consumer."""
    someone = create_person()
    for name, data, payload in (
            ("comment:new", {"task_id": str(uuid.uuid4())}, {}),
            ("comment:new", {"task_id": "not-an-id"}, {"new": "not a row"}),
            ("comment:reply", {"task_id": str(uuid.uuid4())}, {}),
            ("task:assign", {}, {}), ("comment:delete", {"comment_id": "bad"}, {}),
            ("comment:delete-reply", {}, {})):
        append(clean_db, name, data, payload, someone)
    assert notification_feed.rebuild(clean_db) > 0
    with clean_db.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(
            Notification.__table__)).scalar() == 0


ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor", "outsider")
ALLOWED = {
    "subscribe to a task": set(ROLES) - {"outsider"},
    "subscribe to a sequence": set(ROLES) - {"outsider"},
    "list their notifications": set(ROLES),
    "list every notification (crud)": {"admin"},
    "list a production's subscriptions": {"admin"},
}


def test_role_matrix(services, studio, board, create_person, refused):
    people, task, project = studio["people"], board["tasks"][0], studio["project"]
    catalog = services(people["admin"])[0]
    for role in ("client", "vendor"):
        people[role] = create_person(role=role)
        catalog.add_team_member({"params": {"project_id": project["id"]},
                                 "body": {"person_id": str(people[role].id)}})
    attempts = {
        "subscribe to a task": lambda t: t.subscribe_to_task({"params": {
            "task_id": task["id"]}}),
        "subscribe to a sequence": lambda t: t.subscribe_to_sequence({"params": {
            "sequence_id": studio["sequence"]["id"],
            "task_type_id": board["animation"]["id"]}}),
        "list their notifications": lambda t: t.user_notifications({}),
        "list every notification (crud)": lambda t: t.crud_list({"route": NOTIFICATIONS}),
        "list a production's subscriptions": lambda t: t.project_subscriptions({
            "params": {"project_id": project["id"]}}),
    }
    for role in ROLES:
        tasks = services(people[role])[1]
        for name, attempt in attempts.items():
            if role in ALLOWED[name]:
                assert attempt(tasks)["status"] in (200, 201), (role, name)
            else:
                assert refused(attempt, tasks)[0] == "Forbidden", (role, name)
