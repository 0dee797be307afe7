"""The tasks service's read models follow the catalog and auth: team changes, entity
renames, and an entity's deletion, which takes its tasks with it (each `task:delete`)."""
import uuid

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import db

from slate_tasks.models import Entity, Task

TASKS = {"model": "tasks"}


def _tasks_of(engine, entity_id):
    with engine.connect() as connection:
        return connection.execute(sa.select(Task.id).where(
            Task.entity_id == uuid.UUID(entity_id))).scalars().all()


def _make_task(services, studio, kind, entity):
    _, tasks = services(studio["people"]["admin"])
    task_type = studio["task_types"][("Modeling", "Asset") if kind == "assets"
                                     else ("Animation", "Shot")]
    tasks.add_task_type_setting({"params": {"project_id": studio["project"]["id"]},
                                 "body": {"task_type_id": task_type["id"]}})
    return tasks.create_entity_tasks({"params": {"entity_id": entity["id"]}, "body": {
        "task_type_ids": [task_type["id"]]}})["body"][0]


def test_an_entity_deleted_in_the_catalog_takes_its_tasks(services, studio, clean_db,
                                                          events, wait_until, task_list):
    asset = studio["asset"]
    task = _make_task(services, studio, "assets", asset)
    with clean_db.connect() as connection:
        row = connection.execute(sa.text(
            "SELECT payload FROM events.events WHERE name = 'asset:new'")).scalar_one()
    # The catalog's hard delete is not built yet: its event, as it will emit it.
    uow = db.unit_of_work(clean_db)
    uow.emit("asset:delete", {"asset_id": asset["id"]}, {"old": row["new"]},
             project_id=uuid.UUID(asset["project_id"]))
    uow.commit()
    uow.close()
    wait_until(lambda: not _tasks_of(clean_db, asset["id"]))
    deleted = events("task:delete")
    assert [event["data"] for event in deleted] == [{"task_id": task["id"]}]
    assert deleted[0]["payload"]["old"]["entity_id"] == asset["id"]
    assert str(deleted[0]["project_id"]) == asset["project_id"]
    with orm.Session(clean_db) as session:
        assert session.get(Entity, uuid.UUID(asset["id"])) is None
    _, tasks = services(studio["people"]["admin"])
    assert task_list(tasks, {"entity_id": asset["id"]}) == []


def test_team_changes_and_renames_reach_the_tasks_service(services, studio, refused,
                                                          wait_until, task_list):
    shot = studio["shots"][0]
    task = _make_task(services, studio, "shots", shot)
    catalog, _ = services(studio["people"]["admin"])
    catalog.update_entity({"params": {"instance_id": shot["id"]}, "body": {"name": "SH011"}})
    _, artist = services(studio["people"]["user"])

    def renamed():
        listed = artist.entity_tasks({"params": {"entity_id": shot["id"]},
                                      "route": {"kind": "shots"}})["body"]
        return listed and listed[0]["entity_name"] == "SH011"
    wait_until(renamed)

    catalog.remove_team_member({"params": {"project_id": studio["project"]["id"],
                                           "person_id": str(studio["people"]["user"].id)}})
    wait_until(lambda: task_list(artist, {}) == [])
    assert refused(artist.crud_get, {"route": TASKS, "params": {
        "instance_id": task["id"]}})[0] == "Forbidden"
