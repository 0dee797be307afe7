"""Entity types: asset types (Characters, Props...) and the temporal types (Shot,
Sequence, Episode...). Zou serves them generically as `entity-types` and, asset types
only, read-only as `asset-types`; their events are named `asset-type:*`."""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, events
from slate_catalog.models import Entity, EntityType

TEMPORAL_TYPES = ("Shot", "Sequence", "Episode", "Edit", "Scene", "Concept",
                  "ConceptFolder")
# Task types belong to the tasks area, not built yet: served empty, dropped from bodies.
UNOWNED_RELATIONS = ("task_types",)


def render_entity_type(row, relations=True, type_name=None):
    out = schemas.render(row, relations=relations)
    if relations:
        out.update({name: [] for name in UNOWNED_RELATIONS})
    if type_name:
        out["type"] = type_name
    return out


def render_asset_type(row, relations=True):
    return render_entity_type(row, relations, "AssetType")


def _check_unique_name(uow, caller, body):
    """Zou refuses a name already taken, whatever its case, before creating."""
    access.require_admin(uow, caller)
    name = body.get("name") if isinstance(body, dict) else None
    if isinstance(name, str) and uow.session.scalar(
            sa.select(EntityType.id).where(EntityType.name.ilike(name))) is not None:
        raise errors.Invalid("Entity type with this name already exists")


ENTITY_TYPES = crud.CrudModel(
    name="entity-types", model=EntityType, event=events.ASSET_TYPE, order_by=("name",),
    check_read=access.read_any, check_create=_check_unique_name,
    check_update=access.require_admin, check_delete=access.require_admin,
    render=render_entity_type, protected=frozenset({"id", *UNOWNED_RELATIONS}))

def _held_by_projects(values):
    """An asset type belongs to no production: a production "holds" the types of its
    assets (Zou's membership test on `?project_id=`)."""
    try:
        ids = [uuid.UUID(str(value)) for value in values]
    except ValueError:
        raise errors.Invalid("Invalid UUID value: %s" % values[0])
    return EntityType.id.in_(sa.select(Entity.entity_type_id).where(
        Entity.project_id.in_(ids)))


ASSET_TYPES = crud.CrudModel(
    name="asset-types", model=EntityType, event=events.ASSET_TYPE, order_by=("name",),
    check_read=access.read_any, render=render_asset_type,
    filters={"project_id": _held_by_projects})


def is_asset_type():
    return EntityType.name.notin_(TEMPORAL_TYPES)


def list_asset_types(uow, caller, query_args):
    """GET /data/asset-types: entity types that are not temporal, with relations."""
    access.current_person(uow, caller)
    query = crud.filtered(ASSET_TYPES, query_args).where(is_asset_type())
    rows = crud.read_records(uow, EntityType, query.order_by(EntityType.name))
    return [render_asset_type(row) for row in rows]


def get_asset_type(uow, caller, asset_type_id):
    """GET /data/asset-types/{id}: 404 for a temporal type or a malformed id."""
    access.current_person(uow, caller)
    try:
        row = crud.read_record(uow, ASSET_TYPES, asset_type_id)
    except errors.MalformedId:
        raise errors.NotFound()
    if row.name in TEMPORAL_TYPES:
        raise errors.NotFound()
    return render_asset_type(row)


def entity_type_named(uow, name, event=events.ASSET_TYPE):
    """The entity type of this name (any case), created with its `<event>:new` if missing."""
    row = uow.session.scalars(
        sa.select(EntityType).where(sa.func.lower(EntityType.name) == name.lower())).first()
    if row is None:
        row = EntityType(id=uuid.uuid4(), name=name)
        uow.session.add(row)
        uow.session.flush()
        uow.session.refresh(row)
        data = {"%s_id" % event.replace("-", "_"): str(row.id)}
        uow.emit(event + ":new", data, {"new": crud.snapshot(row)})
    return row
