"""Asset instances: each occurrence of an asset in a layout scene or inside another
asset (a prop dressing a set), numbered per holder and named `<asset>_<0001>`; a shot's
instance casting lists the instances it holds. Zou's routes, JSON (grouped by asset, or
by shot/scene) and events (`asset_instance:*`, and `asset-instance:*` from the generic
CRUD). Zou lets anyone of the production's team add instances."""
import re
import unicodedata
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, casting_links, entities, events
from slate_catalog.casting_reads import readable_entity
from slate_catalog.entity_bodies import REQUIRED, validate
from slate_catalog.models import AssetInstance, Entity, EntityType, asset_instance_links

SCENE = "Scene"
NEW_IN_SCENE = (("asset_id", "uuid", REQUIRED), ("description", "str", None))
NEW_IN_ASSET = (("asset_to_instantiate_id", "uuid", REQUIRED), ("description", "str", None))
ADD_TO_SHOT = (("asset_instance_id", "uuid", REQUIRED),)


def _project_of_instance(uow, row):
    return uow.session.scalar(sa.select(Entity.project_id).where(Entity.id == row.asset_id))


def _check_instance(uow, caller, row, *args):
    """Zou's asset-instance CRUD: admins; for one instance, its asset's team."""
    me = access.current_person(uow, caller)
    if me.role == "admin":
        return
    if row is None:
        raise errors.Forbidden()
    access.check_project_access(uow, caller, _project_of_instance(uow, row))
    if me.role == "vendor":
        raise errors.Forbidden()


def _keep_number(uow, values, row):
    if row is not None:
        values.pop("number", None)  # Zou protects it on update
    return values


ASSET_INSTANCES = crud.CrudModel(
    name="asset-instances", model=AssetInstance, event=events.ASSET_INSTANCE,
    order_by=("asset_id", "number"), check_read=_check_instance,
    check_create=access.require_admin, check_update=_check_instance,
    check_delete=access.require_admin, prepare=_keep_number)


def render(row):
    return schemas.render(row, relations=False)


def _grouped(pairs):
    grouped = {}
    for key, row in pairs:
        grouped.setdefault(str(key), []).append(render(row))
    return grouped


def _instances(uow, *conditions):
    return uow.session.scalars(sa.select(AssetInstance).where(*conditions).order_by(
        AssetInstance.asset_id, AssetInstance.number)).all()


def instance_name(asset_name, number):
    """Zou's default name: the asset's name slugified (case kept, `_`), then the
    number on four digits."""
    ascii_name = unicodedata.normalize("NFKD", asset_name).encode("ascii", "ignore")
    slug = re.sub(r"[^A-Za-z0-9]+", "_", ascii_name.decode()).strip("_")
    return "%s_%s" % (slug, str(number).zfill(4))


def _new_instance(uow, asset_id, holder, description, data):
    """Insert the next instance of an asset in a scene or asset; emits
    `asset_instance:new` with `data`."""
    asset = entities.read_one(uow, asset_id, "Asset")
    number = 1 + (uow.session.scalar(sa.select(sa.func.max(AssetInstance.number)).where(
        AssetInstance.asset_id == asset.id,
        *(getattr(AssetInstance, key) == value for key, value in holder.items()))) or 0)
    row = AssetInstance(id=uuid.uuid4(), asset_id=asset.id, number=number,
                        name=instance_name(asset.name, number), description=description,
                        **holder)
    uow.session.add(row)
    uow.session.flush()
    uow.session.refresh(row)
    uow.emit(events.INSTANCE_NEW, {**data, "asset_instance_id": str(row.id)},
             {"new": crud.snapshot(row)}, project_id=asset.project_id)
    return render(row)


# -- scenes ----------------------------------------------------------------------------

def scene_instances(uow, caller, scene_id, asset_type_name=None):
    """GET /data/scenes/{id}/asset-instances (and camera-instances): {asset_id:
    instances}, by asset and number."""
    scene = readable_entity(uow, caller, scene_id, SCENE)
    conditions = [AssetInstance.scene_id == scene.id]
    if asset_type_name is not None:
        conditions.append(AssetInstance.asset_id.in_(
            sa.select(Entity.id).join(EntityType, EntityType.id == Entity.entity_type_id)
            .where(EntityType.name == asset_type_name)))
    return _grouped((row.asset_id, row) for row in _instances(uow, *conditions))


def add_to_scene(uow, caller, scene_id, body):
    """POST /data/scenes/{id}/asset-instances {asset_id, description?}: 201."""
    values = validate(body, NEW_IN_SCENE)
    scene = entities.read_one(uow, scene_id, SCENE)
    access.check_project_access(uow, caller, scene.project_id)
    return _new_instance(uow, values["asset_id"], {"scene_id": scene.id},
                         values["description"] or "",
                         {"scene_id": str(scene.id), "asset_id": values["asset_id"]})


# -- assets ----------------------------------------------------------------------------

def _asset(uow, caller, asset_id):
    asset = entities.read_one(uow, asset_id, "Asset")
    access.check_project_access(uow, caller, asset.project_id)
    return asset


def asset_instances(uow, caller, asset_id):
    """GET /data/assets/{id}/asset-asset-instances: instances inside the asset."""
    asset = _asset(uow, caller, asset_id)
    return _grouped((row.asset_id, row)
                    for row in _instances(uow, AssetInstance.target_asset_id == asset.id))


def add_to_asset(uow, caller, asset_id, body):
    """POST /data/assets/{id}/asset-asset-instances {asset_to_instantiate_id}: 201."""
    values = validate(body, NEW_IN_ASSET)
    asset = _asset(uow, caller, asset_id)
    instantiated = values["asset_to_instantiate_id"]
    return _new_instance(uow, instantiated, {"target_asset_id": asset.id},
                         values["description"] or "",
                         {"asset_id": str(asset.id), "asset_instantiated": instantiated})


def shot_instances_of_asset(uow, caller, asset_id):
    """GET /data/assets/{id}/shot-asset-instances: {shot_id: instances of the asset}."""
    asset = _asset(uow, caller, asset_id)
    rows = _instances(uow, AssetInstance.asset_id == asset.id)
    return _grouped((shot.id, row) for row in rows for shot in row.shots)


def scene_instances_of_asset(uow, caller, asset_id):
    """GET /data/assets/{id}/scene-asset-instances: {scene_id: instances}."""
    asset = _asset(uow, caller, asset_id)
    return _grouped((row.scene_id, row)
                    for row in _instances(uow, AssetInstance.asset_id == asset.id))


# -- shots -----------------------------------------------------------------------------

def shot_instances(uow, caller, shot_id):
    """GET /data/shots/{id}/asset-instances: the shot's instance casting by asset."""
    shot = readable_entity(uow, caller, shot_id, entities.SHOT)
    rows = _instances(uow, AssetInstance.id.in_(
        sa.select(asset_instance_links.c.asset_instance_id).where(
            asset_instance_links.c.entity_id == shot.id)))
    return _grouped((row.asset_id, row) for row in rows)


def _shot_and_instance(uow, caller, shot_id, instance_id):
    shot = entities.read_one(uow, shot_id, entities.SHOT)
    access.check_project_access(uow, caller, shot.project_id)
    instance = casting_links.row_or_404(uow, AssetInstance, instance_id)
    return uow.session.get(Entity, shot.id), instance


def _change_shots(uow, shot, instance, name, change):
    """Apply `change(list of shots)`; emit `name` with the replayable [old, new]."""
    before = [str(row.id) for row in instance.shots]
    change(instance.shots)
    uow.session.flush()
    after = [str(row.id) for row in instance.shots]
    uow.emit(name, {"shot_id": str(shot.id), "asset_instance_id": str(instance.id)},
             {"id": str(instance.id), "changes": {"shots": [before, after]}},
             project_id=shot.project_id)
    return entities.render(shot, "Entity")


def add_to_shot(uow, caller, shot_id, body):
    """POST /data/shots/{id}/asset-instances {asset_instance_id}: 201, the shot."""
    values = validate(body, ADD_TO_SHOT)
    shot, instance = _shot_and_instance(uow, caller, shot_id, values["asset_instance_id"])
    if shot in instance.shots:
        return entities.render(shot, "Entity")
    return _change_shots(uow, shot, instance, events.INSTANCE_ADDED_TO_SHOT,
                         lambda shots: shots.append(shot))


def remove_from_shot(uow, caller, shot_id, instance_id):
    """DELETE /data/shots/{id}/asset-instances/{id}: 204; an instance the shot does
    not hold is a 404."""
    shot, instance = _shot_and_instance(uow, caller, shot_id, instance_id)
    if shot not in instance.shots:
        raise errors.NotFound()
    _change_shots(uow, shot, instance, events.INSTANCE_REMOVED_FROM_SHOT,
                  lambda shots: shots.remove(shot))
