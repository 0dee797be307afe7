"""A task's working files over real RPC: new revisions with their paths, listings, the
last revision per name, and the comment / modified actions."""
TREE = {"working": {"mountpoint": "/prod", "root": "", "folder_path": {
    "shot": "<Project>/<Sequence>/<Shot>/<TaskType>/<Software>", "style": "lowercase"},
    "file_name": {"shot": "<Shot>_<TaskType>_<Name>_v<Revision>", "style": "lowercase"}}}


def test_new_revisions_listed_by_task_and_entity(services, studio, shot_task, with_tree,
                                                 events, refused):
    people = studio["people"]
    with_tree(TREE)
    _, manager = services(people["manager"])
    _, artist = services(people["user"])
    task = {"task_id": shot_task["id"]}

    def new(name, **body):
        return artist.new_working_file({"params": task, "body": {"name": name, **body}})

    assert new("main")["status"] == 201
    second = new("main", comment="blocking")["body"]
    new("fx", revision=5)
    project = studio["project"]["name"].lower().replace("-", "_")
    assert second["revision"] == 2 and second["comment"] == "blocking"
    assert second["path"] == "/prod/%s/sq01/sh010/animation/blender/sh010_animation_main_v002" \
        % project
    assert second["person_id"] == str(people["user"].id)
    listed = manager.task_working_files({"params": task})["body"]
    assert [(row["name"], row["revision"]) for row in listed] == [
        ("fx", 5), ("main", 2), ("main", 1)]
    last = artist.last_working_files({"params": task})["body"]
    assert {name: row["revision"] for name, row in last.items()} == {"fx": 5, "main": 2}
    entity = {"entity_id": shot_task["entity_id"]}
    assert [row["revision"] for row in manager.entity_working_files({
        "params": entity, "query": {"name": "main"}})["body"]] == [2, 1]
    assert refused(artist.new_working_file, {"params": task, "body": {
        "name": "main", "revision": 2}})[0] == "Invalid"
    assert refused(artist.new_working_file, {"params": task, "body": {}})[0] == "Invalid"
    assert [e["payload"]["new"]["name"] for e in events("software:new")] == ["Blender"]


def test_comment_and_modified_need_the_right_to_act_on_the_task(services, studio,
                                                                shot_task, events, refused):
    people = studio["people"]
    _, admin = services(people["admin"])
    _, artist = services(people["user"])
    _, outsider = services(people["outsider"])
    made = admin.crud_create({"route": {"model": "working-files"}, "body": {
        "name": "main", "revision": 1, "task_id": shot_task["id"],
        "entity_id": shot_task["entity_id"]}})["body"]
    where = {"params": {"working_file_id": made["id"]}}
    assert artist.comment_working_file({**where, "body": {"comment": "done"}})[
        "body"]["comment"] == "done"
    assert refused(artist.comment_working_file, {**where, "body": {}})[0] == "Invalid"
    touched = artist.modified_working_file(where)["body"]
    assert touched["updated_at"] >= made["updated_at"]
    assert refused(outsider.modified_working_file, where)[0] == "Forbidden"
    assert refused(outsider.task_working_files, {"params": {
        "task_id": shot_task["id"]}})[0] == "Forbidden"
    changes = [e["payload"]["changes"] for e in events("working-file:update")]
    assert changes[0] == {"comment": [None, "done"]} and "updated_at" in changes[1]
