"""What the catalog takes from the tasks service's events: an assignee joins the
production's team (Zou), a production lists its task types and statuses, and an asset's
or shot's page lists its tasks. Both services run; the catalog only follows the log."""
import json

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import projections

from slate_catalog import replay
from slate_catalog.models import EntityTask, TaskStatusSetting, TaskTypeSetting

PROJECTS = {"model": "projects"}


def test_an_assignee_joins_the_team(services, studio, create_person, events, wait_until):
    catalog, tasks = services(studio["people"]["admin"])
    project = studio["project"]
    freelancer = create_person(role="user")
    animation = studio["task_types"][("Animation", "Shot")]
    tasks.add_task_type_setting({"params": {"project_id": project["id"]},
                                 "body": {"task_type_id": animation["id"]}})
    task = tasks.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                      "body": {"task_type_ids": [animation["id"]]}})["body"][0]
    tasks.assign_task({"params": {"task_id": task["id"]},
                       "body": {"person_id": str(freelancer.id)}})

    def team():
        return {member["id"] for member in catalog.team(
            {"params": {"project_id": project["id"]}})["body"]}
    wait_until(lambda: str(freelancer.id) in team())
    update = [event for event in events("project:update")
              if "team" in (event["payload"].get("changes") or {})][-1]
    old, new = update["payload"]["changes"]["team"]
    assert set(new) - set(old) == {str(freelancer.id)}
    assert update["data"] == {"project_id": project["id"]}
    # assigning again (another task) changes nothing
    other = tasks.create_entity_tasks({"params": {"entity_id": studio["shots"][1]["id"]},
                                       "body": {"task_type_ids": [animation["id"]]}})
    count = len(events("project:update"))
    tasks.assign_task({"params": {"task_id": other["body"][0]["id"]},
                       "body": {"person_id": str(freelancer.id)}})
    wait_until(lambda: tasks.full_task({"params": {"task_id": other["body"][0]["id"]}}))
    assert len(events("project:update")) == count


def test_a_production_lists_its_task_types_and_statuses(services, studio, wait_until):
    catalog, tasks = services(studio["people"]["admin"])
    where = {"project_id": studio["project"]["id"]}
    animation = studio["task_types"][("Animation", "Shot")]
    wip = studio["statuses"]["wip"]
    tasks.add_task_type_setting({"params": where, "body": {"task_type_id": animation["id"]}})
    tasks.add_task_status_setting({"params": where, "body": {"task_status_id": wip["id"]}})

    def project():
        return catalog.crud_get({"route": PROJECTS,
                                 "params": {"instance_id": where["project_id"]}})["body"]
    wait_until(lambda: project()["task_statuses"] == [wip["id"]])
    got = project()
    assert got["task_types"] == [animation["id"]]
    assert set(got["task_type_links"]) == {animation["id"]}
    assert set(got["task_type_links"][animation["id"]]) == {
        "priority", "hd_bitrate_compression", "ld_bitrate_compression", "is_client_visible"}
    assert list(got["task_types_priority"]) == [animation["id"]]
    assert got["task_statuses_link"][wip["id"]]["roles_for_board"]
    tasks.remove_task_status_setting({"params": {**where, "task_status_id": wip["id"]}})
    wait_until(lambda: project()["task_statuses"] == [])
    assert project()["task_statuses_link"] == {}


def test_asset_and_shot_pages_list_their_tasks(services, studio, create_person, wait_until):
    catalog, tasks = services(studio["people"]["admin"])
    where = {"project_id": studio["project"]["id"]}
    animation = studio["task_types"][("Animation", "Shot")]
    modeling = studio["task_types"][("Modeling", "Asset")]
    for task_type in (animation, modeling):
        tasks.add_task_type_setting({"params": where, "body": {"task_type_id": task_type["id"]}})
    asset, shot = studio["asset"], studio["shots"][0]
    modeling_task = tasks.create_entity_tasks({"params": {"entity_id": asset["id"]}, "body": {
        "task_type_ids": [modeling["id"]]}})["body"][0]
    tasks.create_entity_tasks({"params": {"entity_id": shot["id"]},
                               "body": {"task_type_ids": [animation["id"]]}})
    artist = studio["people"]["user"]
    tasks.assign_task({"params": {"task_id": modeling_task["id"]},
                       "body": {"person_id": str(artist.id)}})

    def asset_tasks(person=studio["people"]["admin"]):
        return services(person)[0].asset({"params": {"asset_id": asset["id"]}})["body"]["tasks"]
    wait_until(lambda: asset_tasks() and asset_tasks()[0]["assignees"])
    [task] = asset_tasks()
    assert task["id"] == modeling_task["id"] and task["assignees"] == [str(artist.id)]
    assert task["is_subscribed"] is False and task["task_type_id"] == modeling["id"]
    board = json.loads(tasks.assets_with_tasks({"query": where})["body_json"])
    assert next(row for row in board if row["id"] == asset["id"])["tasks"] == [task]

    def shot_tasks():
        return catalog.shot({"params": {"shot_id": shot["id"]}})["body"]["tasks"]
    wait_until(shot_tasks)
    assert set(shot_tasks()[0]) >= {"nb_drawings", "nb_assets_ready", "assignees"}

    client = create_person(role="client")
    catalog.add_team_member({"params": where, "body": {"person_id": str(client.id)}})
    wait_until(lambda: asset_tasks(client))
    assert asset_tasks(client)[0]["assignees"] == []


def test_the_catalogs_read_models_of_tasks_replay(services, studio, clean_db, wait_until):
    """`slate rebuild catalog` rebuilds the tasks and task settings it follows."""
    catalog, tasks = services(studio["people"]["admin"])
    where = {"project_id": studio["project"]["id"]}
    animation = studio["task_types"][("Animation", "Shot")]
    tasks.add_task_type_setting({"params": where, "body": {"task_type_id": animation["id"]}})
    tasks.add_task_status_setting({"params": where, "body": {
        "task_status_id": studio["statuses"]["wip"]["id"]}})
    task = tasks.create_entity_tasks({"params": {"entity_id": studio["shots"][0]["id"]},
                                      "body": {"task_type_ids": [animation["id"]]}})["body"][0]
    tasks.crud_update({"route": {"model": "tasks"}, "params": {"instance_id": task["id"]},
                       "body": {"estimation": 3, "due_date": "2027-01-04T10:00:00"}})
    tasks.assign_task({"params": {"task_id": task["id"]},
                       "body": {"person_id": str(studio["people"]["user"].id)}})
    tables = [EntityTask.__table__, TaskTypeSetting.__table__, TaskStatusSetting.__table__]

    def dump():
        with clean_db.connect() as connection:
            return [[dict(row._mapping) for row in connection.execute(
                sa.select(table).order_by(table.c.id))] for table in tables]
    wait_until(lambda: all(dump()) and dump()[0][0]["assignees"])
    before = dump()
    assert before[0][0]["estimation"] == 3
    with orm.Session(clean_db) as session, session.begin():
        for table in tables:
            session.execute(table.delete())
        projections.replay(session, lambda name: replay.event_models(name)
                           if replay.event_models(name) in (EntityTask, TaskTypeSetting,
                                                            TaskStatusSetting) else None)
    assert dump() == before
