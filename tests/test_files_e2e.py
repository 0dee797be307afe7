"""Working and output files end to end with unmodified gazu: a production's file tree,
softwares and output types, working file revisions of a shot task and output files
published for the shot, through gazu.files."""
import time
import uuid

TREE = {
    "working": {"mountpoint": "/prod", "root": "films", "folder_path": {
        "shot": "<Project>/<Sequence>/<Shot>/<TaskType>", "asset": "<Project>/<Asset>",
        "style": "lowercase"}, "file_name": {
        "shot": "<Shot>_<TaskType>_<Name>_v<Revision>", "asset": "<Asset>",
        "style": "lowercase"}},
    "output": {"mountpoint": "/prod", "root": "exports", "folder_path": {
        "shot": "<Shot>/<OutputType>", "asset": "<Asset>/<OutputType>",
        "style": "lowercase"}, "file_name": {
        "shot": "<Shot>_<OutputType>_<OutputFile>", "asset": "<Asset>_<OutputFile>",
        "style": "lowercase"}},
}


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def eventually(call, check, timeout=10.0):
    deadline = time.time() + timeout
    while True:
        try:
            result = call()
            if check(result):
                return result
        except Exception:
            if time.time() > deadline:
                raise
        assert time.time() < deadline, "timed out"
        time.sleep(0.1)


def test_working_and_output_files_with_gazu(client):
    files = client.files
    blender = files.new_software(unique("Blender"), "bl", ".blend")
    assert files.get_software(blender["id"])["name"] == blender["name"]
    cache = files.new_output_type(unique("Cache"), "cch")
    animation = client.task.new_task_type(unique("Animation"), for_entity="Shot")
    project = client.project.new_project(unique("Film"), production_type="short")
    client.project.add_task_type(project, animation, 1)
    files.update_project_file_tree(project, TREE)
    shot = client.shot.new_shot(project, client.shot.new_sequence(project, "SQ01"), "SH010")
    task = client.task.create_shot_tasks(shot, [animation])[0]
    slug = project["name"].lower().replace("-", "_")
    path = eventually(lambda: files.build_working_file_path(task, software=blender),
                      lambda found: found.startswith("/prod/films/"))
    assert path.startswith("/prod/films/%s/sq01/sh010/" % slug)

    first = files.new_working_file(task, software=blender, comment="blocking")
    second = files.new_working_file(task, software=blender)
    assert (first["revision"], second["revision"]) == (1, 2)
    assert second["path"].endswith("/sh010_%s_main_v002" % animation["name"].lower()
                                   .replace("-", "_"))
    assert [f["revision"] for f in files.get_working_files_for_task(task)] == [2, 1]
    assert files.get_last_working_files(task)["main"]["id"] == second["id"]
    assert files.update_comment(first, "done")["comment"] == "done"
    assert files.get_working_file(first["id"])["comment"] == "done"

    output = files.new_entity_output_file(shot, cache, animation, "v1", working_file=second)
    assert output["revision"] == 1 and output["source_file_id"] == second["id"]
    assert output["path"] == "/prod/exports/sh010/%s/sh010_%s_main" % ((
        cache["name"].lower().replace("-", "_"),) * 2)
    assert files.get_next_entity_output_revision(shot, cache, animation) == 2
    assert [o["id"] for o in files.all_output_files_for_entity(shot)] == [output["id"]]
    assert [t["id"] for t in files.all_output_types_for_entity(shot)] == [cache["id"]]
    assert files.get_output_file(output["id"])["id"] == output["id"]
    assert [o["id"] for o in files.all_output_files_for_project(project)] == [output["id"]]


INSTANCE_TREE = {"output": {"mountpoint": "/prod", "root": "exports", "folder_path": {
    "shot": "<Shot>/<OutputType>", "instance_asset": "<Asset>/<Instance>/<OutputType>",
    "style": "lowercase"}, "file_name": {
    "shot": "<Shot>", "instance_asset": "<Asset>_<Instance.number>_v<Revision>",
    "style": "lowercase"}},
    "working": {"mountpoint": "/prod", "root": "films", "folder_path": {
        "asset": "<Project>/<AssetType>/<Asset>", "style": "lowercase"},
        "file_name": {"asset": "<Asset>", "style": "lowercase"}}}


def test_asset_instance_output_files_and_guesses_with_gazu(client):
    files = client.files
    project = client.project.new_project("Film%s" % uuid.uuid4().hex[:8],
                                         production_type="short")
    files.update_project_file_tree(project, INSTANCE_TREE)
    prop = client.asset.get_asset_type_by_name("Prop")
    ada = client.asset.new_asset(project, client.asset.get_asset_type_by_name("Character"),
                                 "Ada")
    sword = client.asset.new_asset(project, prop, "Sword")
    instance = client.asset.new_asset_asset_instance(ada, sword)
    cache = files.new_output_type(unique("Cache"), "cch")
    modeling = client.task.new_task_type(unique("Modeling"))
    kind = cache["name"].lower().replace("-", "_")
    path = eventually(lambda: files.build_asset_instance_output_file_path(
        instance, ada, cache, modeling, revision=2), lambda found: True)
    assert path == "/prod/exports/sword/sword_0001/%s/sword_0001_v002" % kind

    first = files.new_asset_instance_output_file(instance, ada, cache, modeling, "first")
    assert (first["revision"], first["asset_instance_id"], first["temporal_entity_id"]) == (
        1, instance["id"], ada["id"])
    assert first["name"] == "master"  # gazu's default name for instance outputs
    assert files.get_next_asset_instance_output_revision(
        instance, ada, cache, modeling) == 2
    assert files.get_last_asset_instance_output_revision(
        instance, ada, cache, modeling) == 1
    assert [o["id"] for o in files.get_last_output_files_for_asset_instance(
        instance, ada)] == [first["id"]]
    assert [t["id"] for t in files.all_output_types_for_asset_instance(instance, ada)] == [
        cache["id"]]
    assert [o["id"] for o in files.all_output_files_for_asset_instance(
        instance, temporal_entity=ada)] == [first["id"]]

    slug = project["name"].lower()
    guesses = client.entity.guess_from_path(project["id"], "/prod/films/%s/prop/sword" % slug)
    assert guesses == [{"Template": "asset", "Project": project["id"],
                        "AssetType": prop["id"], "Asset": sword["id"]}]
