"""Working and output file paths from the production's file tree, over real RPC."""
import copy

import pytest


TREE = {
    "working": {"mountpoint": "/simple", "root": "productions", "folder_path": {
        "shot": "<Project>/shots/<Sequence>/<Shot>/<TaskType>",
        "asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>", "style": "lowercase"},
        "file_name": {"shot": "<Project>_<Shot>_<TaskType>_<Version>",
                      "asset": "<Project>_<AssetType>_<Asset>_<TaskType>",
                      "style": "uppercase"}},
    "output": {"mountpoint": "/simple", "root": "productions/export", "folder_path": {
        "shot": "<Project>/shots/<Sequence>/<Shot>/<OutputType>/<Episode>",
        "asset": "<Project>/assets/<AssetType>/<Asset>/<OutputType>",
        "style": "lowercase"},
        "file_name": {"shot": "<Project>_<Sequence>_<Shot>_<OutputType>_<OutputFile>",
                      "asset": "<Project>_<AssetType>_<Asset>_<OutputType>_<OutputFile>",
                      "style": "lowercase"}}}


def test_working_file_path_follows_the_tree(services, studio, shot_task, with_tree, events,
                                            refused):
    with_tree(TREE)
    people = studio["people"]
    _, artist = services(people["user"])
    reply = artist.working_file_path({"params": {"task_id": shot_task["id"]},
                                      "body": {"name": "main"}})
    project = studio["project"]["name"].lower().replace("-", "_")
    assert (reply["status"], reply["body"]) == (200, {
        "path": "/simple/productions/%s/shots/sq01/sh010/animation" % project,
        "name": "%s_SH010_ANIMATION_001" % project.upper()})
    assert [e["payload"]["new"]["name"] for e in events("software:new")] == ["3ds Max"]
    windows = artist.working_file_path({"params": {"task_id": shot_task["id"]},
                                        "body": {"revision": 4, "sep": "\\"}})["body"]
    assert windows["path"].startswith("/simple\\productions\\") and \
        windows["name"].endswith("_004")
    _, outsider = services(people["outsider"])
    assert refused(outsider.working_file_path, {"params": {"task_id": shot_task["id"]},
                                                "body": {}})[0] == "Forbidden"


def test_output_file_path_and_malformed_trees(services, studio, shot_task, with_tree):
    with_tree(TREE)
    _, admin = services(studio["people"]["admin"])
    cache = admin.crud_create({"route": {"model": "output-types"}, "body": {
        "name": "Cache", "short_name": "cch"}})["body"]
    body = {"output_type_id": cache["id"], "task_type_id": shot_task["task_type_id"],
            "name": "Main"}
    shot = {"params": {"entity_id": shot_task["entity_id"]}}
    reply = admin.output_file_path({**shot, "body": body})
    project = studio["project"]["name"].lower().replace("-", "_")
    assert reply["body"] == {
        "folder_path": "/simple/productions/export/%s/shots/sq01/sh010/cache/e001" % project,
        "file_name": "%s_sq01_sh010_cache_main" % project}
    broken = copy.deepcopy(TREE)
    broken["output"]["folder_path"]["shot"] = "<Project>/<Nope>"
    with_tree(broken)
    reply = admin.output_file_path({**shot, "body": body})
    assert (reply["status"], reply["body"]) == (400, {
        "message": "Unknown data type: Nope.", "received_data": body})
    del broken["working"]
    with_tree(broken)
    reply = admin.working_file_path({"params": {"task_id": shot_task["id"]}, "body": {}})
    assert reply["status"] == 400 and reply["body"]["message"] == \
        "Mode working cannot be found on given tree."
