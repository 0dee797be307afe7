"""Scenes: entities of type "Scene" under a sequence, with Zou's routes, JSON and events
(`scene:new` {scene_id}). Managers of the production create; its team reads; vendors
reach scenes through their tasks only (none here)."""
import sqlalchemy as sa

from slate_common import errors

from slate_catalog import entities, entity_lists
from slate_catalog.entities import SCENE, SEQUENCE
from slate_catalog.entity_bodies import NEW_SCENE, validate
from slate_catalog.models import Entity


def create_scene(uow, caller, project_id, body):
    """POST /data/projects/{id}/scenes {name, sequence_id?}: 201, the scene (the existing
    one of that name under that sequence, without event); emits scene:new."""
    values = validate(body, NEW_SCENE)
    return entities.create_under(uow, caller, project_id, SCENE,
                                 (SEQUENCE, values["sequence_id"]),
                                 name=values["name"], data={})


def get_scene(uow, caller, scene_id):
    """GET /data/scenes/{id}: with project and sequence names, and its episode's; a
    scene without sequence is not found, as in Zou."""
    row = entities.read_one(uow, scene_id, SCENE)
    if row.parent_id is None:
        raise errors.NotFound()
    entities.check_read(uow, caller, row)
    sequence = entities.read_one(uow, row.parent_id)
    out = {**entities.render(row, SCENE),
           "project_name": entities.project_name(uow, row.project_id),
           "sequence_id": str(sequence.id), "sequence_name": sequence.name}
    if sequence.parent_id is not None:
        episode = entities.read_one(uow, sequence.parent_id)
        out.update(episode_id=str(episode.id), episode_name=episode.name)
    return out


def all_scenes(uow, caller, query_args):
    """GET /data/scenes/all: Zou's filters; non-admins name a production of theirs;
    vendors are refused."""
    me = entity_lists.check_criterion_project(uow, caller,
                                              entity_lists.project_arg(query_args))
    if me.role == "vendor":
        raise errors.Forbidden()
    return entity_lists.with_names(uow, query_args, SCENE, sequence=True)


def project_scenes(uow, caller, project_id):
    """GET /data/projects/{id}/scenes."""
    return entity_lists.project_entities(uow, caller, project_id, SCENE)


def sequence_scenes(uow, caller, sequence_id):
    """GET /data/sequences/{id}/scenes: the sequence's scenes by name."""
    sequence = entities.read_one(uow, sequence_id, SEQUENCE)
    entities.check_read(uow, caller, sequence)
    type_id = entities.type_id_of(uow, SCENE)
    query = sa.select(Entity.__table__).where(
        Entity.entity_type_id == type_id, Entity.parent_id == sequence.id)
    return [entities.render(row, SCENE)
            for row in entities.read_rows(uow, query.order_by(Entity.name))]
