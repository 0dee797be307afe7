"""A production's episode stats and retake stats (/data/projects/{id}/episodes/*stats)
over real RPC and PostgreSQL: Zou's nested counts, frames, drawings and access rules."""


def _episode_tasks(services, studio, every_role):
    catalog, admin = services(every_role["admin"])
    where = {"project_id": studio["project"]["id"]}
    episode = catalog.new_episode({"params": where, "body": {"name": "E01"}})["body"]
    sequence = catalog.new_sequence({"params": where, "body": {
        "name": "SQ02", "episode_id": episode["id"]}})["body"]
    animation = studio["task_types"][("Animation", "Shot")]
    admin.add_task_type_setting({"params": where, "body": {"task_type_id": animation["id"]}})
    statuses = studio["statuses"]
    found = []
    for name, frames, status, retakes in (("SH030", 24, "retake", 2), ("SH040", 48, "done", 1)):
        shot = catalog.new_shot({"params": where, "body": {
            "name": name, "sequence_id": sequence["id"], "nb_frames": frames}})["body"]
        task = admin.create_entity_tasks({"params": {"entity_id": shot["id"]}, "body": {
            "task_type_ids": [animation["id"]]}})["body"][0]
        admin.crud_update({"route": {"model": "tasks"}, "params": {"instance_id": task["id"]},
                           "body": {"task_status_id": statuses[status]["id"],
                                    "retake_count": retakes, "nb_drawings": 5}})
        found.append(task)
    admin.assign_task({"params": {"task_id": found[1]["id"]},
                       "body": {"person_id": str(every_role["vendor"].id)}})
    return episode, animation, found


def test_episode_stats(services, studio, every_role, refused):
    episode, animation, _ = _episode_tasks(services, studio, every_role)
    project_id, statuses = studio["project"]["id"], studio["statuses"]
    _, manager = services(every_role["manager"])
    stats = manager.episodes_stats({"params": {"project_id": project_id}})["body"]
    retake, done = statuses["retake"]["id"], statuses["done"]["id"]
    assert set(stats) == {episode["id"], "all"}
    assert stats[episode["id"]][animation["id"]][retake] == {
        "name": "retake", "color": statuses["retake"]["color"], "count": 1, "frames": 24,
        "drawings": 5}
    assert stats["all"]["all"][done]["frames"] == 48
    assert stats["all"][animation["id"]][done]["count"] == 1
    _, vendor = services(every_role["vendor"])
    mine = vendor.episodes_stats({"params": {"project_id": project_id}})["body"]
    assert list(mine[episode["id"]][animation["id"]]) == [done]
    _, client = services(every_role["client"])
    assert client.episodes_stats({"params": {"project_id": project_id}})["body"] == stats
    _, outsider = services(studio["people"]["outsider"])
    assert refused(outsider.episodes_stats, {"params": {"project_id": project_id}})[0] == \
        "Forbidden"
    assert refused(manager.episodes_stats, {"params": {"project_id": "nope"}})[0] == \
        "NotFound"


def test_episode_retake_stats(services, studio, every_role, refused):
    episode, animation, _ = _episode_tasks(services, studio, every_role)
    project_id = studio["project"]["id"]
    _, manager = services(every_role["manager"])
    stats = manager.episodes_retake_stats({"params": {"project_id": project_id}})["body"]
    entry = stats[episode["id"]][animation["id"]]
    assert entry["max_retake_count"] == 2
    assert entry["done"] == {"count": 1, "frames": 48, "drawings": 5}
    assert entry["retake"] == {"count": 1, "frames": 24, "drawings": 5}
    assert entry["evolution"]["1"]["retake"]["count"] == 2
    assert entry["evolution"]["2"]["retake"]["count"] == 1
    assert entry["evolution"]["2"]["done"]["count"] == 1
    assert stats["all"]["all"]["max_retake_count"] == 2
    assert stats["all"]["all"]["evolution"] == {}
    _, client = services(every_role["client"])
    assert refused(client.episodes_retake_stats,
                   {"params": {"project_id": project_id}})[0] == "Forbidden"
