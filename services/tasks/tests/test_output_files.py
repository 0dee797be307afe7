"""An entity's output files over real RPC: publishing revisions with their paths, the
next revision, the listings and the last revisions, GET /data/files/{id}."""
TREE = {"output": {"mountpoint": "/out", "root": "", "folder_path": {
    "shot": "<Shot>/<TaskType>/<OutputType>/<Revision>", "style": "lowercase"},
    "file_name": {"shot": "<Shot>_<OutputType>_<OutputFile>", "style": "lowercase"}}}


def test_publishing_and_listing_output_files(services, studio, shot_task, with_tree,
                                             events, refused):
    with_tree(TREE)
    people = studio["people"]
    _, admin = services(people["admin"])
    _, artist = services(people["user"])
    _, manager = services(people["manager"])
    cache, render = [admin.crud_create({"route": {"model": "output-types"}, "body": {
        "name": name, "short_name": name[:3]}})["body"] for name in ("Cache", "Render")]
    entity = {"entity_id": shot_task["entity_id"]}
    kind = {"output_type_id": cache["id"], "task_type_id": shot_task["task_type_id"]}

    def publish(**body):
        return artist.new_output_file({"params": entity, "body": {**kind, **body}})

    first = publish(extension=".abc")
    assert first["status"] == 201
    assert (first["body"]["folder_path"], first["body"]["file_name"]) == (
        "/out/sh010/animation/cache/001", "sh010_cache_main")
    assert first["body"]["path"] == "/out/sh010/animation/cache/001/sh010_cache_main.abc"
    assert first["body"]["person_id"] == str(people["user"].id)
    assert [e["payload"]["new"]["name"] for e in events("file-status:new")] == ["To review"]
    second = publish(nb_elements=3)["body"]
    assert second["revision"] == 2 and second["file_name"] == "sh010_cache_main_[1-3]"
    publish(output_type_id=render["id"], representation="exr")
    again = publish(revision=2)
    assert (again["status"], again["body"]) == (400, {
        "error": "The given output file already exists."})
    assert artist.next_output_revision({"params": entity, "body": kind})["body"] == {
        "next_revision": 3}
    listed = artist.entity_output_files({"params": entity, "query": {
        "output_type_id": cache["id"]}})["body"]
    assert [row["revision"] for row in listed] == [2, 1]
    last = artist.last_output_files({"params": entity, "query": {}})["body"]
    assert sorted((row["output_type_id"], row["revision"]) for row in last) == sorted(
        [(cache["id"], 2), (render["id"], 1)])
    assert [t["name"] for t in artist.entity_output_types({"params": entity})["body"]] == [
        "Cache", "Render"]
    assert [row["representation"] for row in artist.output_type_files({
        "params": {**entity, "output_type_id": render["id"]}})["body"]] == ["exr"]
    project = {"project_id": studio["project"]["id"]}
    assert len(manager.project_output_files({"params": project, "query": {}})["body"]) == 3
    assert refused(artist.project_output_files, {"params": project})[0] == "Forbidden"
    assert artist.get_file({"params": {"file_id": first["body"]["id"]}})["body"][
        "revision"] == 1
    _, outsider = services(people["outsider"])
    assert refused(outsider.get_file, {"params": {"file_id": first["body"]["id"]}})[0] == \
        "Forbidden"


def test_refused_publications(services, studio, shot_task, with_tree, events):
    _, artist = services(studio["people"]["user"])
    entity = {"entity_id": shot_task["entity_id"]}
    body = {"output_type_id": "9e3c7ab6-5c2f-4a4e-9c7e-4d6f1f0a0b1c",
            "task_type_id": shot_task["task_type_id"]}
    reply = artist.new_output_file({"params": entity, "body": body})
    assert (reply["status"], reply["body"]) == (400, {
        "error": "Cannot find given output type."})
    _, admin = services(studio["people"]["admin"])
    cache = admin.crud_create({"route": {"model": "output-types"}, "body": {
        "name": "Cache", "short_name": "cch"}})["body"]
    with_tree({"working": {}})
    reply = artist.new_output_file({"params": entity, "body": {
        **body, "output_type_id": cache["id"]}})
    assert (reply["status"], reply["body"]) == (400, {
        "error": "Mode output cannot be found on given tree."})
    assert events("output-file:new") == []
