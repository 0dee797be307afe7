"""Assets by type and shared assets: GET /data/projects/{id}/asset-types (the types of
the production's assets), GET .../asset-types/{id}/assets, and Zou's share actions,
which set `is_shared` on many assets at once (each changed asset emits asset:update, so
the log rebuilds them)."""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors

from slate_catalog import access, entities, entity_lists, entity_types
from slate_catalog.entity_bodies import validate
from slate_catalog.models import Entity, EntityType

SHARE = (("is_shared", "bool", True),)


def project_asset_types(uow, caller, project_id):
    """GET /data/projects/{id}/asset-types: the types of its assets, by name."""
    project_uuid = entity_lists.project_arg({"project_id": project_id})
    access.check_project_access(uow, caller, project_uuid)
    used = sa.select(Entity.entity_type_id).where(Entity.project_id == project_uuid,
                                                 entities.is_asset())
    query = sa.select(EntityType.__table__).where(EntityType.id.in_(used))
    rows = crud.read_records(uow, EntityType, query.order_by(EntityType.name),
                             relations=False)
    return [entity_types.render_asset_type(row, relations=False) for row in rows]


def project_type_assets(uow, caller, project_id, asset_type_id, query_args):
    """GET /data/projects/{id}/asset-types/{id}/assets."""
    return entity_lists.project_assets(uow, caller, project_id,
                                       {**query_args, "entity_type_id": asset_type_id})


def _asset_ids(body):
    ids = body.get("asset_ids") if isinstance(body, dict) else None
    if ids is None:
        return None
    try:
        if not isinstance(ids, list):
            raise ValueError(ids)
        return [uuid.UUID(str(value)) for value in ids]
    except ValueError:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "asset_ids", "message": "Input should be a valid list of UUIDs"}]})


def _share(uow, is_shared, *conditions):
    query = sa.select(Entity).where(entities.is_asset(), *conditions).order_by(Entity.name)
    assets = uow.session.scalars(query).all()
    for asset in assets:
        crud.record_update(uow, entities.SPECS["Asset"], asset,
                           lambda asset=asset: setattr(asset, "is_shared", is_shared))
    return [entities.render(asset, "Asset") for asset in assets]


def share_assets(uow, caller, body):
    """POST /actions/assets/share {is_shared?, asset_ids}: managers of every production
    concerned (404 for an id not an asset's); the assets."""
    is_shared = validate(body, SHARE)["is_shared"]
    ids = _asset_ids(body) or []
    access.current_person(uow, caller)
    for project_id in {entities.read_one(uow, asset_id, "Asset").project_id
                       for asset_id in ids}:
        access.check_manager_project_access(uow, caller, project_id)
    return _share(uow, is_shared, Entity.id.in_(ids))


def share_project_assets(uow, caller, project_id, body, asset_type_id=None):
    """POST /actions/projects/{id}/[asset-types/{id}/]assets/share {is_shared?,
    asset_ids?}: the production's assets (of that type; among those ids)."""
    is_shared = validate(body, SHARE)["is_shared"]
    ids = _asset_ids(body) if asset_type_id is None else None
    project_uuid = entity_lists.project_arg({"project_id": project_id})
    access.check_manager_project_access(uow, caller, project_uuid)
    conditions = [Entity.project_id == project_uuid]
    if asset_type_id is not None:
        conditions.append(Entity.entity_type_id == entity_lists.project_arg(
            {"project_id": asset_type_id}))
    if ids is not None:
        conditions.append(Entity.id.in_(ids))
    return _share(uow, bool(is_shared), *conditions)
