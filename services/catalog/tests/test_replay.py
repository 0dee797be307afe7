"""The catalog's own tables are projections of its events: replaying the log rebuilds
them exactly (DESIGN.md, "The event log"); the persons read model is left alone."""
import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import db, projections

from slate_catalog import defaults, replay


def dump(engine):
    """Every table the catalog rebuilds, rows in primary-key order."""
    with engine.connect() as connection:
        return {table.name: [dict(row._mapping) for row in connection.execute(
            sa.select(table).order_by(*table.primary_key.columns))]
            for table in replay.TABLES.sorted_tables}


def rebuild_more_entities(me, film, episode, sequence, shot, create_task):
    """Scenes, edits, concepts in folders, task events, cancels, deletions and shares."""
    where = {"project_id": film["id"]}
    scene = me.new_scene({"params": where, "body": {
        "name": "SC1", "sequence_id": sequence["id"]}})["body"]
    me.new_edit({"params": where, "body": {"name": "Cut", "episode_id": episode["id"]}})
    folder = me.new_concept_folder({"params": where, "body": {"name": "Boards"}})["body"]
    concept = me.new_concept({"params": where, "body": {"name": "Hero"}})["body"]
    me.move_concepts({"params": where, "body": {"concept_ids": [concept["id"]],
                                                "concept_folder_id": folder["id"]}})
    create_task(shot["id"])
    create_task(scene["id"])
    gone = create_task(concept["id"])
    create_task(None, deleted=gone)
    me.delete_entity_of_kind({"params": {"shot_id": shot["id"]}, "route": {"kind": "Shot"}})
    me.delete_entity_of_kind({"params": {"scene_id": scene["id"]},
                              "route": {"kind": "Scene"}})
    spare = me.new_shot({"params": where, "body": {"name": "SH020",
                                                   "sequence_id": sequence["id"]}})["body"]
    me.update_shot({"params": {"shot_id": spare["id"]}, "body": {"nb_frames": 12}})
    me.delete_entity_of_kind({"params": {"shot_id": spare["id"]}, "route": {"kind": "Shot"}})
    me.share_project_assets({"params": where, "body": {"is_shared": True}})


def test_replaying_the_log_rebuilds_every_catalog_table(catalog, create_person, clean_db,
                                                        create_task):
    uow = db.unit_of_work(clean_db)
    defaults.init_data(uow)
    uow.commit()
    uow.close()
    boss, artist = create_person(role="admin"), create_person(role="user")
    me = catalog(boss)
    projects, types = {"model": "projects"}, {"model": "entity-types"}
    film = me.crud_create({"route": projects, "body": {
        "name": "Film", "fps": "24", "start_date": "2027-01-04", "data": {"k": 1},
        "team": [str(artist.id)]}})["body"]
    vehicle = me.crud_create({"route": types, "body": {"name": "Vehicle"}})["body"]
    where = {"project_id": film["id"]}
    me.add_asset_type_setting({"params": where, "body": {"asset_type_id": vehicle["id"]}})
    me.crud_update({"route": types, "params": {"instance_id": vehicle["id"]},
                    "body": {"name": "Vehicles", "short_name": "veh"}})
    me.crud_update({"route": projects, "params": {"instance_id": film["id"]},
                    "body": {"description": "A film", "data": {"k": 2}}})
    me.remove_team_member({"params": {**where, "person_id": str(artist.id)}})
    gone = me.crud_create({"route": types, "body": {"name": "Gone"}})["body"]
    me.crud_delete({"route": types, "params": {"instance_id": gone["id"]}})
    me.crud_create({"route": {"model": "project-status"},
                    "body": {"name": "On hold", "color": "#ff0000"}})
    episode = me.new_episode({"params": where, "body": {"name": "E01"}})["body"]
    sequence = me.new_sequence({"params": where, "body": {
        "name": "SQ01", "episode_id": episode["id"]}})["body"]
    shot = me.new_shot({"params": where, "body": {
        "name": "SH010", "sequence_id": sequence["id"], "nb_frames": 24,
        "data": {"frame_in": 1}}})["body"]
    me.update_entity({"params": {"instance_id": shot["id"]},
                      "body": {"description": "Wide", "data": {"frame_out": 24}}})
    me.new_asset({"params": {**where, "asset_type_id": vehicle["id"]},
                  "body": {"name": "Car", "episode_id": episode["id"], "data": {"a": 1}}})
    _breakdown(me, film, vehicle, episode, shot)
    rebuild_more_entities(me, film, episode, sequence, shot, create_task)
    before = dump(clean_db)
    assert before["project_asset_type_links"] and len(before["projects"]) == 1
    assert len(before["entity_tasks"]) == 2
    assert len(before["entity_links"]) == 3 and before["asset_instance_links"]

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        assert projections.replay(session, replay.event_models) > 10
    assert dump(clean_db) == before


def _breakdown(me, film, vehicle, episode, shot):
    """Casting in a shot (mirrored in its episode), set dressing, a removed link and
    asset instances held by a shot."""
    where = {"project_id": film["id"]}
    new = lambda name: me.new_asset({"params": {**where, "asset_type_id": vehicle["id"]},  # noqa
                                     "body": {"name": name}})["body"]
    truck, wheel = new("Truck"), new("Wheel")
    me.update_entity_casting({"params": {**where, "entity_id": shot["id"]}, "body": [
        {"asset_id": truck["id"], "nb_occurences": 2}, {"asset_id": wheel["id"],
                                                        "nb_occurences": 1}]})
    me.cast_asset_in_entities({"params": {**where, "asset_id": truck["id"]},
                               "body": {"entity_ids": [shot["id"]], "nb_occurences": 3}})
    me.update_entity_casting({"params": {**where, "entity_id": shot["id"]}, "body": [
        {"asset_id": truck["id"], "nb_occurences": 3}]})
    me.update_asset_casting({"params": {"asset_id": truck["id"]},
                             "body": [{"asset_id": wheel["id"], "nb_occurences": 4}]})
    instance = me.add_asset_asset_instance({"params": {"asset_id": truck["id"]}, "body": {
        "asset_to_instantiate_id": wheel["id"]}})["body"]
    me.add_shot_asset_instance({"params": {"shot_id": shot["id"]},
                                "body": {"asset_instance_id": instance["id"]}})
    me.crud_update({"route": {"model": "asset-instances"},
                    "params": {"instance_id": instance["id"]}, "body": {"active": False}})


def test_replaying_the_log_rebuilds_the_settings_and_planning_tables(
        catalog, production, clean_db):
    me, project = catalog(production["admin"]), production["project"]
    where = {"project_id": project["id"]}
    asset = me.new_asset({"params": {**where, "asset_type_id": production["character"]["id"]},
                          "body": {"name": "Ada", "data": {"rig": "v1"}}})["body"]
    rig = me.new_project_descriptor({"params": where, "body": {"name": "Rig"}})["body"]
    me.new_project_descriptor({"params": where, "body": {"name": "Cost",
                                                         "entity_type": "Project"}})
    me.update_project_descriptor({"params": {**where, "metadata_descriptor_id": rig["id"]},
                                  "body": {"name": "Rig Version", "choices": ["a"]}})
    me.reorder_project_descriptors({"params": where, "body": {
        "entity_type": "Asset", "descriptor_ids": [rig["id"]]}})
    me.crud_create({"route": {"model": "milestones"}, "body": {
        **where, "name": "Delivery", "date": "2027-03-01"}})
    me.crud_create({"route": {"model": "production-schedule-versions"},
                    "body": {**where, "name": "v1"}})
    automation = me.crud_create({"route": {"model": "status-automations"},
                                 "body": {"entity_type": "shot"}})["body"]
    me.add_status_automation_setting({"params": where, "body": {
        "status_automation_id": automation["id"]}})
    budget = me.new_budget({"params": where, "body": {"name": "Quote"}})["body"]
    entry_where = {**where, "budget_id": budget["id"]}
    entry = me.new_budget_entry({"params": entry_where, "body": {
        "department_id": str(production["artist"].id), "start_date": "2027-01-01",
        "months_duration": 2, "daily_salary": 100}})["body"]
    me.update_budget_entry({"params": {**entry_where, "entry_id": entry["id"]},
                            "body": {"exceptions": {"2027-01": 5}}})
    me.crud_create({"route": {"model": "custom-actions"}, "body": {"name": "Open"}})
    template = me.template_from_project({"params": where, "body": {"name": "T"}})["body"]
    me.set_template_descriptors({"params": {"project_template_id": template["id"]},
                                 "body": [{"name": "Extra", "entity_type": "Shot"}]})
    me.delete_project_descriptor({"params": {**where, "metadata_descriptor_id": rig["id"]}})
    before = dump(clean_db)
    assert me.entity({"params": {"instance_id": asset["id"]}})["body"]["data"] == {}
    assert len(before["metadata_descriptors"]) == 1 and before["budget_entries"]
    assert before["project_status_automation_links"] and before["project_templates"]

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.TABLES.sorted_tables):
            session.execute(table.delete())
        projections.replay(session, replay.event_models)
    assert dump(clean_db) == before
