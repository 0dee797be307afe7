"""Softwares, output types, file statuses, working and output files over real RPC:
their generic CRUD with Zou's rules and events."""

SOFTWARES, OUTPUT_TYPES, FILE_STATUSES = ({"model": "softwares"}, {"model": "output-types"},
                                          {"model": "file-status"})
WORKING_FILES, OUTPUT_FILES = {"model": "working-files"}, {"model": "output-files"}


def test_studio_file_settings_are_admin_written_and_read_by_all(services, studio, events,
                                                                 refused):
    people = studio["people"]
    _, admin = services(people["admin"])
    _, artist = services(people["user"])
    blender = admin.crud_create({"route": SOFTWARES, "body": {
        "name": "Blender", "short_name": "bl", "file_extension": ".blend"}})
    assert blender["status"] == 201 and blender["body"]["type"] == "Software"
    cache = admin.crud_create({"route": OUTPUT_TYPES, "body": {
        "name": "Cache", "short_name": "cch"}})["body"]
    status = admin.crud_create({"route": FILE_STATUSES, "body": {
        "name": "To review", "color": "#999999"}})["body"]
    assert [row["name"] for row in artist.crud_list({"route": SOFTWARES})["body"]] == [
        "Blender"]
    assert artist.crud_get({"route": OUTPUT_TYPES,
                            "params": {"instance_id": cache["id"]}})["body"]["name"] == "Cache"
    assert refused(artist.crud_create, {"route": FILE_STATUSES, "body": {
        "name": "Nope", "color": "#000000"}})[0] == "Forbidden"
    admin.crud_update({"route": FILE_STATUSES, "params": {"instance_id": status["id"]},
                       "body": {"color": "#111111"}})
    admin.crud_delete({"route": OUTPUT_TYPES, "params": {"instance_id": cache["id"]}})
    assert events("software:new")[0]["data"] == {"software_id": blender["body"]["id"]}
    update = events("file-status:update")[0]
    assert update["payload"]["changes"] == {"color": ["#999999", "#111111"]}
    assert events("output-type:delete")[0]["payload"]["old"]["name"] == "Cache"
    assert refused(admin.crud_create, {"route": SOFTWARES, "body": {
        "name": "Blender", "short_name": "b2", "file_extension": ".blend"}})[0] in (
        "Rejected", "Conflict")


def test_working_files_follow_their_task(services, studio, shot_task, create_person,
                                         events, refused):
    people = studio["people"]
    _, admin = services(people["admin"])
    _, artist = services(people["user"])
    _, outsider = services(people["outsider"])
    body = {"name": "main", "task_id": shot_task["id"], "revision": 1,
            "entity_id": shot_task["entity_id"], "person_id": str(people["user"].id)}
    assert refused(artist.crud_create, {"route": WORKING_FILES, "body": body})[0] == \
        "Forbidden"
    working_file = admin.crud_create({"route": WORKING_FILES, "body": body})["body"]
    assert working_file["validation_status"] == "neutral"
    where = {"instance_id": working_file["id"]}
    changed = artist.crud_update({"route": WORKING_FILES, "params": where,
                                  "body": {"comment": "blocking"}})["body"]
    assert changed["comment"] == "blocking"
    assert refused(artist.crud_update, {"route": WORKING_FILES, "params": where,
                                        "body": {"validation_status": "bad"}})[0] == "Rejected"
    assert refused(outsider.crud_get, {"route": WORKING_FILES, "params": where})[0] == \
        "Forbidden"
    assert outsider.crud_list({"route": WORKING_FILES})["body"] == []
    assert [row["id"] for row in artist.crud_list({"route": WORKING_FILES})["body"]] == [
        working_file["id"]]
    _, vendor = services(create_person(role="vendor"))
    assert refused(vendor.crud_list, {"route": WORKING_FILES})[0] == "Forbidden"
    assert events("working-file:update")[0]["payload"]["changes"]["comment"] == [
        None, "blocking"]


def test_output_files_are_changed_by_who_works_on_the_entity(services, studio, shot_task,
                                                             refused):
    people = studio["people"]
    _, admin = services(people["admin"])
    _, artist = services(people["user"])
    _, outsider = services(people["outsider"])
    status = admin.crud_create({"route": FILE_STATUSES, "body": {
        "name": "To review", "color": "#999999"}})["body"]
    output = admin.crud_create({"route": OUTPUT_FILES, "body": {
        "name": "main", "revision": 1, "entity_id": shot_task["entity_id"],
        "task_type_id": shot_task["task_type_id"], "file_status_id": status["id"]}})["body"]
    where = {"instance_id": output["id"]}
    assert artist.crud_update({"route": OUTPUT_FILES, "params": where,
                               "body": {"quality": "high"}})["body"]["quality"] == "high"
    assert refused(outsider.crud_update, {"route": OUTPUT_FILES, "params": where,
                                          "body": {"comment": "x"}})[0] == "Forbidden"
    assert refused(outsider.crud_get, {"route": OUTPUT_FILES, "params": where})[0] == \
        "Forbidden"
