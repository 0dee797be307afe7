"""Layout scenes and the shots made from them: a shot's `source_id` names its scene
(Zou's scenes_service). Linking emits `shot:update` (the changed source_id, replayable)
then `shot:add-to-scene` / `shot:remove-from-scene`; any member of the production's
team may link, as in Zou."""

from slate_common import crud

from slate_catalog import access, entities, entity_lists, events
from slate_catalog.casting_reads import readable_entity
from slate_catalog.entity_bodies import REQUIRED, validate
from slate_catalog.models import Entity

SCENE = "Scene"
ADD_SHOT = (("shot_id", "uuid", REQUIRED),)

def scene_shots(uow, caller, scene_id):
    """GET /data/scenes/{id}/shots: the shots whose source is the scene, as Zou's shot
    lists (project and sequence names)."""
    scene = readable_entity(uow, caller, scene_id, SCENE)
    return entity_lists.all_shots(uow, caller, {"source_id": str(scene.id),
                                                "project_id": str(scene.project_id)})

def _link(uow, caller, scene_id, shot_id, source_id, event):
    scene = entities.read_one(uow, scene_id, SCENE)
    access.check_project_access(uow, caller, scene.project_id)
    shot = entities.read_one(uow, shot_id, entities.SHOT)
    row = uow.session.get(Entity, shot.id)

    def change():
        row.source_id = source_id(scene)
    crud.record_update(uow, entities.SPECS[entities.SHOT], row, change)
    uow.emit(event, {"scene_id": str(scene.id), "shot_id": str(row.id)}, None,
             project_id=row.project_id)
    return entities.render(row, "Entity")

def add_shot(uow, caller, scene_id, body):
    """POST /data/scenes/{id}/shots {shot_id}: 201, the shot."""
    shot_id = validate(body, ADD_SHOT)["shot_id"]
    return _link(uow, caller, scene_id, shot_id, lambda scene: scene.id,
                 events.SHOT_ADDED_TO_SCENE)

def remove_shot(uow, caller, scene_id, shot_id):
    """DELETE /data/scenes/{id}/shots/{id}: 204."""
    _link(uow, caller, scene_id, shot_id, lambda scene: None, events.SHOT_REMOVED_FROM_SCENE)
