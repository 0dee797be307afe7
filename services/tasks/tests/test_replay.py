"""The tasks service's own tables are projections of its events: replaying the log
rebuilds them exactly (DESIGN.md, "The event log"); the read models are left alone by
`slate rebuild`, but the catalog's events rebuild the productions' teams and roles.
A production deleted in the catalog takes with it everything the tasks service keeps of
it (Zou's remove_project), each row with its `:delete` event: the log still rebuilds the
tables, and a second delivery of `project:delete` changes nothing."""
import uuid

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import db, eventstore, projections

from slate_catalog.models import EntityTask
from slate_tasks import read_models, replay
from slate_tasks.models import Entity, Project, team_links

TASK_TYPES, STATUSES, TASKS = ({"model": "task-types"}, {"model": "task-status"},
                               {"model": "tasks"})


def dump(engine):
    """Every table the service rebuilds, rows in primary-key order."""
    with engine.connect() as connection:
        return {table.name: [dict(row._mapping) for row in connection.execute(
            sa.select(table).order_by(*table.primary_key.columns))]
            for table in replay.TABLES.sorted_tables}


def test_replaying_the_log_rebuilds_every_tasks_table(services, studio, clean_db, projected):
    people, project = studio["people"], studio["project"]
    _, me = services(people["manager"])
    _, admin = services(people["admin"])
    where = {"project_id": project["id"]}
    groom = admin.crud_create({"route": TASK_TYPES, "body": {
        "name": "Grooming", "for_entity": "Shot", "color": "#123456"}})["body"]
    admin.crud_update({"route": TASK_TYPES, "params": {"instance_id": groom["id"]},
                       "body": {"short_name": "grm", "priority": 3}})
    gone = admin.crud_create({"route": STATUSES, "body": {
        "name": "Gone", "short_name": "gone", "color": "#000000"}})["body"]
    admin.crud_delete({"route": STATUSES, "params": {"instance_id": gone["id"]}})
    animation = studio["task_types"][("Animation", "Shot")]
    for task_type in (animation, groom):
        me.add_task_type_setting({"params": where, "body": {"task_type_id": task_type["id"]}})
    me.remove_task_type_setting({"params": {**where, "task_type_id": groom["id"]}})
    wip = studio["statuses"]["wip"]
    me.add_task_status_setting({"params": where, "body": {"task_status_id": wip["id"]}})
    me.update_task_status_setting({"params": {**where, "task_status_id": wip["id"]},
                                   "body": {"is_client_allowed": False}})
    created = [me.create_entity_tasks({"params": {"entity_id": shot["id"]}, "body": {
        "task_type_ids": [animation["id"]]}})["body"][0] for shot in studio["shots"]]
    artist, manager = str(people["user"].id), str(people["manager"].id)
    me.assign_tasks_to_person({"params": {"person_id": artist},
                               "body": {"task_ids": [t["id"] for t in created]}})
    me.assign_task({"params": {"task_id": created[0]["id"]}, "body": {"person_id": manager}})
    me.clear_assignations({"body": {"task_ids": [created[1]["id"]], "person_id": artist}})
    me.crud_update({"route": TASKS, "params": {"instance_id": created[0]["id"]}, "body": {
        "task_status_id": wip["id"], "estimation": 3, "data": {"k": 1},
        "due_date": "2027-02-01T00:00:00"}})
    admin.crud_create({"route": TASKS, "body": {
        "entity_id": studio["shots"][0]["id"], "task_type_id": animation["id"],
        "name": "extra", "assignees": [manager]}})
    doomed = admin.crud_create({"route": TASKS, "body": {
        "entity_id": studio["shots"][1]["id"], "task_type_id": animation["id"],
        "name": "doomed"}})["body"]
    me.crud_delete({"route": TASKS, "params": {"instance_id": doomed["id"]}})
    _saved_filters_and_chats(services, people, project, studio["shots"][0])
    projected()
    before = dump(clean_db)
    assert len(before["tasks"]) == 3 and len(before["task_person_links"]) == 3
    assert len(before["project_task_type_links"]) == 1
    assert len(before["project_task_status_links"]) == 1
    assert len(before["search_filters"]) == 1 and len(before["search_filter_groups"]) == 1
    assert len(before["chat_messages"]) == 1 and len(before["chat_participants"]) == 1

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        assert projections.replay(session, replay.event_models) > 20
    assert dump(clean_db) == before


def test_replaying_the_log_rebuilds_time_sheets_and_schedules(services, studio, clean_db,
                                                              projected):
    people, project = studio["people"], studio["project"]
    _, manager = services(people["manager"])
    _, admin = services(people["admin"])
    _, artist = services(people["user"])
    where, me = {"project_id": project["id"]}, str(people["user"].id)
    animation = studio["task_types"][("Animation", "Shot")]
    manager.add_task_type_setting({"params": where, "body": {"task_type_id": animation["id"]}})
    task = manager.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                        "body": {"task_type_ids": [animation["id"]]}})[
        "body"][0]
    manager.assign_task({"params": {"task_id": task["id"]}, "body": {"person_id": me}})
    for date, minutes in (("2026-03-02", 60), ("2026-03-03", 30), ("2026-03-09", 20)):
        artist.set_time_spent({"params": {"task_id": task["id"], "date": date,
                                          "person_id": me}, "body": {"duration": minutes}})
    artist.add_time_spent({"params": {"task_id": task["id"], "date": "2026-03-02",
                                      "person_id": me}, "body": {"duration": 15}})
    artist.remove_time_spent({"params": {"task_id": task["id"], "date": "2026-03-09",
                                         "person_id": me}})
    off = artist.crud_create({"route": {"model": "day-offs"}, "body": {
        "person_id": me, "date": "2026-03-03", "end_date": "2026-03-04"}})["body"]
    artist.crud_update({"route": {"model": "day-offs"}, "params": {"instance_id": off["id"]},
                        "body": {"description": "Dentist"}})
    items = manager.task_types_schedule_items({"params": where})["body"]
    manager.objects_schedule_items({"params": {**where, "task_type_id": animation["id"]},
                                    "route": {"objects": "sequences"}})
    manager.crud_update({"route": {"model": "schedule-items"}, "params": {
        "instance_id": items[0]["id"]}, "body": {"man_days": 4}})
    artist.log_user_desktop_login({"body": {"date": "2026-03-02T09:00:00"}})
    admin.crud_create({"route": {"model": "time-spents"}, "body": {
        "task_id": task["id"], "person_id": me, "date": "2026-03-05", "duration": 5}})
    projected()  # the assignation notification is in the log and in its table
    before = dump(clean_db)
    assert len(before["time_spents"]) == 2 and len(before["day_offs"]) == 1
    assert len(before["schedule_items"]) == 2 and len(before["desktop_login_logs"]) == 1
    assert [t["duration"] for t in before["tasks"]] == [80.0]

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        assert projections.replay(session, replay.event_models) > 20
    assert dump(clean_db) == before


def test_replaying_rebuilds_comments_and_the_news_feed(services, studio, clean_db,
                                                         wait_until):
    """Comments posted, acknowledged, answered, edited, moved and deleted, and the news
    their projection recorded: the log rebuilds them all; the projection's own replay
    makes the same news."""
    from slate_tasks import news_feed
    people, project = studio["people"], studio["project"]
    _, admin = services(people["admin"])
    _, manager = services(people["manager"])
    animation = studio["task_types"][("Animation", "Shot")]
    layout = studio["task_types"][("Layout", "Shot")]
    for task_type in (animation, layout):
        admin.add_task_type_setting({"params": {"project_id": project["id"]},
                                     "body": {"task_type_id": task_type["id"]}})
    anim, lay = admin.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                           "body": {"task_type_ids": [
                                               animation["id"], layout["id"]]}})["body"]
    statuses = studio["statuses"]
    user = people["user"]
    posted = [manager.post_comment({"params": {"task_id": anim["id"]}, "body": {
        "task_status_id": statuses[name]["id"], "comment": "@%s %s %s" % (
            user.first_name, user.last_name, name)}})["body"]
        for name in ("wip", "wfa", "retake", "wip")]
    where = {"task_id": anim["id"], "comment_id": posted[1]["id"]}
    manager.acknowledge_comment({"params": where})
    answer = manager.reply_comment({"params": where, "body": {"text": "noted"}})["body"]
    manager.reply_comment({"params": where, "body": {"text": "again"}})
    manager.delete_comment_reply({"params": {**where, "reply_id": answer["id"]}})
    admin.crud_update({"route": {"model": "comments"},
                       "params": {"instance_id": posted[2]["id"]},
                       "body": {"text": "edited", "pinned": True}})
    manager.move_comment({"params": {"task_id": anim["id"], "comment_id": posted[3]["id"]},
                          "body": {"target_task_id": lay["id"]}})
    manager.delete_task_comment({"params": {"task_id": anim["id"],
                                            "comment_id": posted[0]["id"]}})

    def news_count():
        with clean_db.connect() as connection:
            return connection.execute(sa.text("SELECT count(*) FROM tasks.news")).scalar()
    wait_until(lambda: news_count() == 3 and not _behind(clean_db))
    before = dump(clean_db)
    assert len(before["comments"]) == 3 and len(before["comment_acknowledgements"]) == 1
    assert len(before["comment_mentions"]) >= 3

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        projections.replay(session, replay.event_models)
    assert dump(clean_db) == before
    with orm.Session(clean_db) as session, session.begin():
        news_feed.rebuild(session)
    assert dump(clean_db)["news"] == before["news"]


def _behind(engine):
    """The news projection has not applied the whole log yet."""
    from slate_common import eventstore
    from slate_tasks import news_feed
    with engine.connect() as connection:
        return eventstore.tracked_position(connection, news_feed.NEWS_CONSUMER) \
            < eventstore.head(connection) - 1


def _saved_filters_and_chats(services, people, project, shot):
    """Filters and groups made, changed and deleted; a chat joined and left, messages
    posted and deleted."""
    _, artist = services(people["user"])
    _, manager = services(people["manager"])
    group = artist.create_user_filter_group({"body": {
        "name": "G", "list_type": "asset", "project_id": project["id"]}})["body"]
    kept = artist.create_user_filter({"body": {
        "name": "F", "query": "q", "search_filter_group_id": group["id"]}})["body"]
    artist.update_user_filter({"params": {"filter_id": kept["id"]},
                               "body": {"name": "F2", "search_filter_group_id": None}})
    artist.update_user_filter_group({"params": {"filter_group_id": group["id"]},
                                     "body": {"color": "#00ff00"}})
    gone = artist.create_user_filter_group({"body": {"name": "H"}})["body"]
    artist.create_user_filter({"body": {"name": "in H", "query": "x",
                                        "search_filter_group_id": gone["id"]}})
    artist.delete_user_filter_group({"params": {"filter_group_id": gone["id"]}})
    where = {"params": {"entity_id": shot["id"]}}
    for person in (artist, manager):
        person.join_chat(where)
    first = artist.post_chat_message({**where, "body": {"message": "one"}})["body"]
    manager.post_chat_message({**where, "body": {"message": "two"}})
    artist.delete_chat_message({"params": {"entity_id": shot["id"],
                                           "chat_message_id": first["id"]}})
    artist.leave_chat(where)


def test_replaying_rebuilds_softwares_and_working_and_output_files(services, studio,
                                                                   clean_db):
    """Studio file settings and working / output files made, changed and deleted."""
    people, project = studio["people"], studio["project"]
    _, admin = services(people["admin"])
    animation = studio["task_types"][("Animation", "Shot")]
    admin.add_task_type_setting({"params": {"project_id": project["id"]},
                                 "body": {"task_type_id": animation["id"]}})
    task = admin.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                      "body": {"task_type_ids": [animation["id"]]}})[
        "body"][0]
    _working_and_output_files(admin, task, *_file_settings(admin))
    before = dump(clean_db)
    assert len(before["working_files"]) == 1 and len(before["output_files"]) == 1

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        projections.replay(session, replay.event_models)
    assert dump(clean_db) == before


def _file_settings(admin):
    """A software, a file status and an output type."""
    return (admin.crud_create({"route": {"model": "softwares"}, "body": {
        "name": "Blender", "short_name": "bl", "file_extension": ".blend",
        "secondary_extensions": [".py"]}})["body"],
        admin.crud_create({"route": {"model": "file-status"}, "body": {
            "name": "To review", "color": "#999999"}})["body"],
        admin.crud_create({"route": {"model": "output-types"}, "body": {
            "name": "Cache", "short_name": "cch"}})["body"])


def _working_and_output_files(admin, task, software, status, output_type):
    files = {"model": "working-files"}
    made = [admin.crud_create({"route": files, "body": {
        "name": "main", "task_id": task["id"], "entity_id": task["entity_id"],
        "revision": revision, "software_id": software["id"]}})["body"]
        for revision in (1, 2)]
    admin.crud_update({"route": files, "params": {"instance_id": made[0]["id"]},
                       "body": {"comment": "first", "data": {"k": 1}}})
    admin.crud_delete({"route": files, "params": {"instance_id": made[1]["id"]}})
    kept = {"params": {"working_file_id": made[0]["id"]}}
    admin.comment_working_file({**kept, "body": {"comment": "second"}})
    admin.modified_working_file(kept)
    output = admin.crud_create({"route": {"model": "output-files"}, "body": {
        "name": "main", "revision": 1, "entity_id": task["entity_id"],
        "source_file_id": made[0]["id"], "output_type_id": output_type["id"],
        "task_type_id": task["task_type_id"], "file_status_id": status["id"]}})["body"]
    admin.crud_update({"route": {"model": "output-files"},
                       "params": {"instance_id": output["id"]}, "body": {"size": 12}})


def test_replaying_rebuilds_asset_instance_output_files(services, studio, clean_db,
                                                        instance, with_tree):
    """Output files published for an asset instance in two shots (and the default file
    status made on the way): the asset instances themselves are a read model."""
    with_tree({"output": {"mountpoint": "/out", "root": "", "folder_path": {
        "instance": "<Shot>/<Instance>"}, "file_name": {"instance": "<Asset>"}}})
    _, artist = services(studio["people"]["user"])
    for shot in studio["shots"]:
        where = {**instance["where"], "temporal_entity_id": shot["id"]}
        for _ in range(2):
            assert artist.new_instance_output_file({"params": where, "body": {
                **instance["kind"], "extension": ".abc"}})["status"] == 201
    before = dump(clean_db)
    assert sorted((row["temporal_entity_id"], row["revision"])
                  for row in before["output_files"]) == sorted(
        (uuid.UUID(shot["id"]), revision) for shot in studio["shots"] for revision in (1, 2))

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        projections.replay(session, replay.event_models)
    assert dump(clean_db) == before
    assert "asset_instances" not in before


# -- a deleted production (project_removal.py) -----------------------------------------

PROJECTS = {"model": "projects"}


def _busy_production(services, studio, projected):
    """Settings, a task commented on, logged, followed and worked on (working and output
    files), schedule items, a filter."""
    people, project = studio["people"], studio["project"]
    where = {"project_id": project["id"]}
    _, manager = services(people["manager"])
    _, artist = services(people["user"])
    animation, wip = studio["task_types"][("Animation", "Shot")], studio["statuses"]["wip"]
    manager.add_task_type_setting({"params": where, "body": {"task_type_id": animation["id"]}})
    manager.add_task_status_setting({"params": where, "body": {"task_status_id": wip["id"]}})
    task = manager.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                        "body": {"task_type_ids": [animation["id"]]}})[
        "body"][0]
    manager.assign_task({"params": {"task_id": task["id"]},
                         "body": {"person_id": str(people["user"].id)}})
    manager.subscribe_to_sequence({"params": {"sequence_id": studio["sequence"]["id"],
                                              "task_type_id": animation["id"]}})
    artist.post_comment({"params": {"task_id": task["id"]}, "body": {
        "task_status_id": wip["id"], "comment": "Blocking done"}})
    artist.set_time_spent({"params": {"task_id": task["id"], "date": "2026-03-02",
                                      "person_id": str(people["user"].id)},
                           "body": {"duration": 60}})
    manager.task_types_schedule_items({"params": where})
    _, admin = services(people["admin"])
    _working_and_output_files(admin, task, *_file_settings(admin))
    artist.create_user_filter({"body": {"name": "F", "query": "q", "list_type": "shot",
                                        "project_id": project["id"]}})
    projected()
    return task


def _rows_of(engine, project_id):
    """How many rows of the service's own tables still belong to the production."""
    tables = dump(engine)
    return {name: len(rows) for name, rows in tables.items() if rows and any(
        str(row.get("project_id")) == project_id for row in rows)}


def _announce_deletion(engine, project_id):
    """The catalog's forced deletion (Zou's remove_project) is not built yet: the
    `project:delete` it will emit, with the old row."""
    with engine.connect() as connection:
        row = connection.execute(sa.text(
            "SELECT payload FROM events.events WHERE name = 'project:new' "
            "AND data->>'project_id' = :id"), {"id": project_id}).scalar_one()
    uow = db.unit_of_work(engine)
    uow.emit("project:delete", {"project_id": project_id}, {"old": row["new"]})
    uow.commit()
    uow.close()


def test_a_deleted_production_takes_its_tasks_data(services, studio, clean_db, events,
                                                    projected, wait_until):
    project_id = studio["project"]["id"]
    task = _busy_production(services, studio, projected)
    assert set(_rows_of(clean_db, project_id)) >= {
        "tasks", "project_task_type_links", "project_task_status_links", "schedule_items",
        "search_filters"}
    wait_until(lambda: not _catalog_task_gone(clean_db, task["id"]))
    _announce_deletion(clean_db, project_id)
    wait_until(lambda: not _rows_of(clean_db, project_id))
    projected()
    left = dump(clean_db)
    for table in ("comments", "time_spents", "subscriptions", "notifications", "news",
                  "working_files", "output_files"):
        assert left[table] == [], table
    assert [event["data"] for event in events("task:delete")] == [{"task_id": task["id"]}]
    for name in ("task-type-link:delete", "task-status-link:delete", "schedule-item:delete",
                 "subscription:delete", "search-filter:delete", "news:delete",
                 "output-file:delete"):
        assert events(name), name
    with orm.Session(clean_db) as session:
        assert session.get(Project, uuid.UUID(project_id)) is None
        assert session.scalars(sa.select(Entity).where(
            Entity.project_id == uuid.UUID(project_id))).all() == []
    # the catalog's read model of the tasks follows their task:delete
    wait_until(lambda: _catalog_task_gone(clean_db, task["id"]))

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        projections.replay(session, replay.event_models)
    assert dump(clean_db) == left

    # Other services' followers may still append (auth's last presence): count ours.
    ours = lambda: [e for e in events() if replay.event_models(e["name"])]  # noqa: E731
    count = len(ours())
    with orm.Session(clean_db) as session, session.begin():
        read_models.apply_catalog_event(session, events("project:delete")[-1])
    assert len(ours()) == count and dump(clean_db) == left


def test_a_closed_production_deleted_in_the_catalog_loses_its_settings(
        services, studio, clean_db, events, wait_until):
    admin = studio["people"]["admin"]
    catalog, tasks = services(admin)
    project = catalog.crud_create({"route": PROJECTS, "body": {"name": "Gone"}})["body"]
    where = {"project_id": project["id"]}
    wait_until(lambda: _known(clean_db, project["id"]))
    layout = studio["task_types"][("Layout", "Shot")]
    tasks.add_task_type_setting({"params": where, "body": {"task_type_id": layout["id"]}})
    closed = next(status for status in catalog.crud_list({
        "route": {"model": "project-status"}})["body"] if status["name"] == "Closed")
    catalog.crud_update({"route": PROJECTS, "params": {"instance_id": project["id"]},
                         "body": {"project_status_id": closed["id"]}})
    assert catalog.crud_delete({"route": PROJECTS, "params": {
        "instance_id": project["id"]}})["status"] == 204
    wait_until(lambda: not _rows_of(clean_db, project["id"]))
    assert [event["data"] for event in events("task-type-link:delete")] == [
        {"project_id": project["id"], "task_type_id": layout["id"]}]


def _known(engine, project_id):
    with orm.Session(engine) as session:
        return session.get(Project, uuid.UUID(project_id)) is not None


def _catalog_task_gone(engine, task_id):
    with orm.Session(engine) as session:
        return session.get(EntityTask, uuid.UUID(task_id)) is None


PROJECT_EVENTS = ("project:new", "project:update", "project:delete")


def _teams(engine):
    """The read model's productions and team links (with each member's role there)."""
    with engine.connect() as connection:
        return {table.name: [dict(row._mapping) for row in connection.execute(
            sa.select(table).order_by(*table.primary_key.columns))]
            for table in (Project.__table__, team_links)}


def test_the_catalog_events_rebuild_teams_with_their_roles(services, studio, clean_db,
                                                          create_person, wait_until):
    """The read model is not the service's own data, but the log rebuilds it too: a
    change of the team alone keeps the roles, a change of a role alone keeps the team."""
    people, project = studio["people"], studio["project"]
    catalog, _ = services(people["admin"])
    lead = create_person(role="user")
    where = {"project_id": project["id"]}
    catalog.add_team_member({"params": where, "body": {"person_id": str(lead.id),
                                                       "role": "supervisor"}})
    catalog.set_team_member_role({"params": {**where, "person_id": str(people["user"].id)},
                                  "body": {"role": "client"}})
    catalog.remove_team_member({"params": {**where,
                                           "person_id": str(people["manager"].id)}})
    expected = {lead.id: "supervisor", people["user"].id: "client"}
    wait_until(lambda: {row["person_id"]: row["role"]
                        for row in _teams(clean_db)["team_links"]} == expected)
    before = _teams(clean_db)

    with orm.Session(clean_db) as session, session.begin():
        session.execute(team_links.delete())
        session.execute(Project.__table__.delete())
        for event in eventstore.read(session.connection(), 0, 100000, PROJECT_EVENTS):
            read_models.apply_catalog_event(session, event)
    assert _teams(clean_db) == before
