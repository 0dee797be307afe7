"""The breakdown end to end with unmodified gazu: casting shots, an episode and an asset,
reading castings by shot, sequence, episode, asset type and asset, the production's
entity links, and asset instances."""
import uuid

import gazu
import pytest
import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


@pytest.fixture
def production(client):
    project = client.project.new_project(unique("Breakdown"), production_type="tvshow")
    character = client.asset.get_asset_type_by_name("Character")
    prop = client.asset.get_asset_type_by_name("Prop")
    ada = client.asset.new_asset(project, character, "Ada")
    sword = client.asset.new_asset(project, prop, "Sword")
    episode = client.shot.new_episode(project, "E01")
    sequence = client.shot.new_sequence(project, "SQ01", episode=episode)
    shots = [client.shot.new_shot(project, sequence, name) for name in ("SH010", "SH020")]
    return project, ada, sword, episode, sequence, shots, character


def test_casting_with_gazu(client, suite, production):
    project, ada, sword, episode, sequence, shots, character = production
    casting = [{"asset_id": ada["id"], "nb_occurences": 2},
               {"asset_id": sword["id"], "nb_occurences": 1, "label": "fixed"}]
    assert client.casting.update_shot_casting(project, shots[0], casting) == casting
    got = client.casting.get_shot_casting(shots[0])
    assert [(c["asset_name"], c["nb_occurences"]) for c in got] == [("Ada", 2), ("Sword", 1)]
    assert client.casting.get_sequence_casting(sequence)[shots[0]["id"]][1]["label"] == "fixed"
    assert list(client.casting.get_episode_shots_casting(project, episode)) == [shots[0]["id"]]
    assert list(client.casting.get_project_shots_casting(project)) == [shots[0]["id"]]
    assert {c["asset_id"] for c in client.casting.get_episode_casting(episode)} == {
        ada["id"], sword["id"]}
    assert list(client.casting.get_episodes_casting(project)) == [episode["id"]]
    cast_in = client.casting.get_asset_cast_in(ada)
    assert [(c["shot_name"], c["episode_name"]) for c in cast_in] == [("SH010", "E01")]
    assert [a["name"] for a in client.asset.all_assets_for_shot(shots[0])] == ["Ada", "Sword"]
    assert client.asset.get_asset(ada["id"])["casting_episode_ids"] == [episode["id"]]

    client.casting.cast_asset(project, [shots[1]], ada, nb_occurences=3)
    assert client.casting.get_shot_casting(shots[1])[0]["nb_occurences"] == 3
    client.casting.cast_asset(project, shots[0], ada, nb_occurences=4)
    assert client.casting.get_shot_casting(shots[0])[0]["nb_occurences"] == 4
    client.casting.update_asset_casting(project, ada, [{"asset_id": sword["id"],
                                                        "nb_occurences": 1}])
    assert [c["asset_name"] for c in client.casting.get_asset_casting(ada)] == ["Sword"]
    by_asset = client.casting.get_asset_type_casting(project, character)
    assert list(by_asset) == [ada["id"]]

    links = client.casting.all_entity_links_for_project(project)
    assert len(links) == 6 and {link["type"] for link in links} == {"EntityLink"}
    client.casting.uncast_asset(project, [shots[1]], ada)
    assert client.casting.get_shot_casting(shots[1]) == []
    with pytest.raises(gazu.exception.ParameterException):
        client.casting.update_shot_casting(project, shots[0], [
            {"asset_id": ada["id"], "nb_occurences": -1}])
    names = {e["name"] for e in requests.get(
        suite.url + "/data/events/last", params={"limit": 300, "project_id": project["id"]},
        headers=suite.headers()).json()}
    assert {"entity-link:new", "entity-link:update", "entity-link:delete",
            "shot:casting-update", "asset:casting-update"} <= names


def test_asset_instances_with_gazu(client, production):
    project, ada, sword, episode, sequence, shots, character = production
    instance = client.asset.new_asset_asset_instance(ada, sword, description="in hand")
    assert instance["name"] == "Sword_0001" and instance["target_asset_id"] == ada["id"]
    assert list(client.asset.all_asset_instances_for_asset(ada)) == [sword["id"]]
    shot = client.shot.add_asset_instance_to_shot(shots[0], instance)
    assert shot["id"] == shots[0]["id"]
    assert client.shot.get_asset_instances_for_shot(shots[0])[sword["id"]][0]["id"] == \
        instance["id"]
    assert list(client.asset.all_shot_asset_instances_for_asset(sword)) == [shots[0]["id"]]
    assert client.asset.disable_asset_instance(instance)["active"] is False
    assert client.asset.get_asset_instance(instance["id"])["active"] is False
    client.shot.remove_asset_instance_from_shot(shots[0], instance)
    assert client.shot.get_asset_instances_for_shot(shots[0]) == {}
