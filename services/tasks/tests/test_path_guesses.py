"""POST /data/entities/guess-from-path over real RPC: the templates a path matches in the
production's file tree, with the ids its folders name, from the read models."""
import uuid

import sqlalchemy as sa

TREE = {"working": {"mountpoint": "/prod", "root": "films", "folder_path": {
    "shot": "<Project>/<Sequence>/<Shot>/<TaskType>",
    "asset": "<Project>/<AssetType>/<Asset>/v<Version>", "style": "lowercase"},
    "file_name": {"shot": "<Shot>", "asset": "<Asset>", "style": "lowercase"}},
    "output": {"mountpoint": "/prod", "root": "exports", "folder_path": {
        "shot": "<Project>/<Shot>"}, "file_name": {"shot": "<Shot>"}}}


def named_without_separators(services, studio, clean_db, wait_until):
    """A production name a path keeps as it is (Zou reads `_` in folders as spaces)."""
    catalog, _ = services(studio["people"]["admin"])
    name = "Film%s" % uuid.uuid4().hex[:6]
    catalog.crud_update({"route": {"model": "projects"}, "params": {
        "instance_id": studio["project"]["id"]}, "body": {"name": name}})
    wait_until(lambda: project_name(clean_db, studio["project"]["id"]) == name)
    return name.lower()


def project_name(engine, project_id):
    with engine.connect() as connection:
        return connection.execute(sa.text("SELECT name FROM tasks.projects WHERE id = :id"),
                                  {"id": project_id}).scalar()


def test_a_path_names_its_entities(services, studio, with_tree, clean_db, wait_until,
                                   shot_task):
    with_tree(TREE)
    folder = named_without_separators(services, studio, clean_db, wait_until)
    _, artist = services(studio["people"]["user"])
    project_id, shot = studio["project"]["id"], studio["shots"][0]

    def guess(path, **body):
        return artist.guess_from_path({"body": {
            "project_id": project_id, "file_path": path, **body}})["body"]

    assert guess("/prod/films/%s/sq01/sh010/animation/take.ma" % folder) == [
        {"Template": "shot", "Project": project_id, "Sequence": studio["sequence"]["id"],
         "Shot": shot["id"], "TaskType": shot_task["task_type_id"]},
        {"Template": "asset", "Project": project_id}]
    character = studio["asset"]["entity_type_id"]
    assert guess("/PROD/FILMS/%s/Character/ADA/v003" % folder.upper()) == [
        {"Template": "shot", "Project": project_id},
        {"Template": "asset", "Project": project_id, "AssetType": character,
         "Asset": studio["asset"]["id"], "Version": "3"}]
    assert guess("/prod/films/other/sq01") == [{"Template": "shot"}, {"Template": "asset"}]
    assert guess("/prod/exports/%s/sh010" % folder) == [
        {"Template": "shot", "Project": project_id}]
    assert guess("/elsewhere/sq01/sh010") == []


def test_bad_input_and_access(services, studio, with_tree, refused):
    people, project_id = studio["people"], studio["project"]["id"]
    _, artist = services(people["user"])
    _, admin = services(people["admin"])
    body = {"project_id": project_id, "file_path": "/prod/films/x"}
    assert artist.guess_from_path({"body": body})["body"] == []  # no tree yet
    assert refused(artist.guess_from_path, {"body": {"file_path": "/x"}}) == (
        "Invalid", "Validation error.")
    assert refused(artist.guess_from_path, {"body": {**body, "file_path": ""}})[0] == \
        "Invalid"
    _, outsider = services(people["outsider"])
    assert refused(outsider.guess_from_path, {"body": body})[0] == "Forbidden"
    assert refused(outsider.guess_from_path, {"body": {
        **body, "project_id": "nope"}})[0] == "Forbidden"
    assert refused(admin.guess_from_path, {"body": {
        **body, "project_id": str(uuid.uuid4())}})[0] == "NotFound"
    with_tree({"working": {"root": "films"}})
    assert refused(artist.guess_from_path, {"body": body}) == (
        "Invalid", "Malformed file tree.")
