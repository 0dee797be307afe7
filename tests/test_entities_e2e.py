"""Scenes, edits, concepts and deleting entities end to end with unmodified gazu: an
entity with tasks (announced by a synthetic `task:new`, as the tasks service will) is
canceled, forced away, or deleted at once when free; sequences and episodes go with
their children only when forced."""
import uuid

import gazu
import pytest

from slate_common import db


def announce_task(engine, entity):
    """What the tasks service emits when a task is made on an entity."""
    uow = db.unit_of_work(engine)
    task_id = str(uuid.uuid4())
    uow.emit("task:new", {"task_id": task_id},
             {"new": {"id": task_id, "entity_id": entity["id"], "name": "main"}})
    uow.commit()
    uow.close()


def test_scenes_edits_and_deletions_with_gazu(client, engine):
    project = client.project.new_project("Show-%s" % uuid.uuid4().hex[:6])
    episode = client.shot.new_episode(project, "E01")
    sequence = client.shot.new_sequence(project, "SQ01", episode=episode)
    shots = [client.shot.new_shot(project, sequence, name) for name in ("SH1", "SH2")]
    assert [s["id"] for s in client.shot.all_shots_for_sequence(sequence)] == \
        [s["id"] for s in shots]
    assert [s["id"] for s in client.shot.all_shots_for_episode(episode)] == \
        [s["id"] for s in shots]
    assert [s["id"] for s in client.shot.all_sequences_for_episode(episode)] == \
        [sequence["id"]]

    scene = client.scene.new_scene(project, sequence, "SC1")
    assert scene["type"] == "Scene"
    assert [s["id"] for s in client.scene.all_scenes(project)] == [scene["id"]]
    assert [s["id"] for s in client.scene.all_scenes_for_sequence(sequence)] == [scene["id"]]
    assert client.scene.get_scene(scene["id"])["sequence_name"] == "SQ01"
    assert scene["id"] in [s["id"] for s in client.scene.all_scenes()]

    concept = client.client.post("data/projects/%s/concepts" % project["id"],
                                 {"name": "Hero"})
    assert [c["id"] for c in client.concept.all_concepts_for_project(project)] == \
        [concept["id"]]
    assert client.concept.get_concept(concept["id"])["project_name"] == project["name"]
    client.concept.remove_concept(concept)
    assert client.concept.all_concepts_for_project(project) == []

    edit = client.edit.new_edit(project, "Cut", description="First cut")
    assert client.edit.new_edit(project, "Cut")["id"] == edit["id"]
    assert [e["id"] for e in client.edit.all_edits_for_project(project)] == [edit["id"]]
    assert client.edit.get_edit(edit["id"])["project_name"] == project["name"]
    client.edit.remove_edit(edit)
    assert client.edit.all_edits_for_project(project) == []

    held, free = shots
    announce_task(engine, held)
    client.shot.remove_shot(held)
    assert client.shot.get_shot(held["id"])["canceled"] is True
    client.shot.restore_shot(held)
    assert client.shot.get_shot(held["id"])["canceled"] is False
    client.shot.remove_shot(free)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        client.shot.get_shot(free["id"])
    with pytest.raises(gazu.exception.ParameterException):
        client.shot.remove_sequence(sequence)
    client.shot.remove_episode(episode, force=True)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        client.shot.get_sequence(sequence["id"])
    assert client.shot.all_shots_for_project(project) == []

    character = client.asset.get_asset_type_by_name("Character")
    asset = client.asset.new_asset(project, character, "Ada")
    announce_task(engine, asset)
    client.asset.remove_asset(asset)
    assert client.asset.get_asset(asset["id"])["canceled"] is True
    client.asset.remove_asset(asset, force=True)
    assert client.asset.all_assets_for_project(project) == []
