"""Reading castings the way Zou's breakdown, asset and shot routes serve them: an
entity's casting, castings keyed by episode, shot or asset, where an asset is cast, and
the shared assets of other productions a production uses. Canceled assets are left out,
as Zou does."""
import dataclasses
import datetime
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, casting_links, entities, entity_types, teams
from slate_catalog.casting_links import entity_or_404
from slate_catalog.models import Entity, EntityLink, EntityType

ASSET = Entity.__table__.alias("asset")
ASSET_TYPE = EntityType.__table__.alias("asset_type")
HOLDER = Entity.__table__.alias("holder")      # the entity the assets are cast in
SEQUENCE = Entity.__table__.alias("sequence")
LINK = EntityLink.__table__
MILLISECONDS = "%Y-%m-%dT%H:%M:%S.%f"


def _str(value):
    return None if value is None else str(value)


def _casting_query(*columns):
    """Links joined to their (not canceled) asset and its type, ordered as Zou's."""
    return (sa.select(LINK, ASSET.c.name.label("asset_name"),
                      ASSET_TYPE.c.name.label("asset_type_name"),
                      ASSET.c.preview_file_id.label("asset_preview_file_id"),
                      ASSET.c.is_shared.label("asset_is_shared"),
                      ASSET.c.project_id.label("asset_project_id"), *columns)
            .join(ASSET, ASSET.c.id == LINK.c.entity_out_id)
            .join(ASSET_TYPE, ASSET_TYPE.c.id == ASSET.c.entity_type_id)
            .where(ASSET.c.canceled.isnot(True)))


def _entry(row, shared=True):
    out = {"asset_id": str(row.entity_out_id), "name": row.asset_name,
           "asset_name": row.asset_name, "asset_type_name": row.asset_type_name,
           "preview_file_id": _str(row.asset_preview_file_id),
           "nb_occurences": row.nb_occurences, "label": row.label}
    if shared:
        out.update(is_shared=row.asset_is_shared, project_id=str(row.asset_project_id))
    return out


def _grouped(uow, query, key=lambda row: str(row.entity_in_id), **extra):
    castings = {}
    for row in uow.session.connection().execute(query):
        entry = _entry(row, **extra)
        if hasattr(row, "sequence_name"):
            entry["sequence_name"] = row.sequence_name
        castings.setdefault(key(row), []).append(entry)
    return castings


def casting_of(uow, entity_id):
    """Zou's get_casting: the assets cast in one entity."""
    query = _casting_query(ASSET.c.source_id, ASSET.c.ready_for).where(
        LINK.c.entity_in_id == entity_id).order_by(ASSET_TYPE.c.name, ASSET.c.name)
    casting = []
    for row in uow.session.connection().execute(query):
        entry = _entry(row)
        del entry["name"]
        entry.update(ready_for=_str(row.ready_for), episode_id=_str(row.source_id))
        casting.append(entry)
    return casting


# -- access ----------------------------------------------------------------------------

def _reader(uow, caller, project_id):
    """Zou's check_project_access, vendors refused (breakdown reads)."""
    project = teams.project_or_404(uow, project_id)
    me = access.check_project_access(uow, caller, project.id)
    if me.role == "vendor":
        raise errors.Forbidden()
    return project


def readable_entity(uow, caller, entity_id, type_name=None):
    """The entity (404 if not of that kind), if the caller may read it."""
    row = entities.read_one(uow, entity_id, type_name)
    entities.check_read(uow, caller, row)
    return row


# -- breakdown routes ------------------------------------------------------------------

def entity_casting(uow, caller, project_id, entity_id):
    """GET /data/projects/{id}/entities/{id}/casting."""
    project = _reader(uow, caller, project_id)
    entity = entity_or_404(uow, entity_id)
    if entity.project_id != project.id:
        raise errors.Forbidden()
    return casting_of(uow, entity.id)


def episodes_casting(uow, caller, project_id):
    """GET /data/projects/{id}/episodes/casting: {episode_id: casting}."""
    project = _reader(uow, caller, project_id)
    query = _casting_query().join(HOLDER, HOLDER.c.id == LINK.c.entity_in_id).where(
        HOLDER.c.project_id == project.id,
        HOLDER.c.entity_type_id == entities.type_id_of(uow, entities.EPISODE))
    return _grouped(uow, query.order_by(ASSET_TYPE.c.name, ASSET.c.name))


def _shots_casting(uow, condition, order):
    query = (_casting_query(SEQUENCE.c.name.label("sequence_name"))
             .join(HOLDER, HOLDER.c.id == LINK.c.entity_in_id)
             .join(SEQUENCE, SEQUENCE.c.id == HOLDER.c.parent_id)
             .where(condition, HOLDER.c.entity_type_id == entities.type_id_of(
                 uow, entities.SHOT)))
    return _grouped(uow, query.order_by(*order, HOLDER.c.name, ASSET_TYPE.c.name,
                                        ASSET.c.name))


def sequence_casting(uow, caller, project_id, sequence_id):
    """GET /data/projects/{id}/sequences/{id}/casting: {shot_id: casting}; a sequence
    of another production is a 403, as Zou answers."""
    project = _reader(uow, caller, project_id)
    sequence = entities.read_one(uow, sequence_id, entities.SEQUENCE)
    if sequence.project_id != project.id:
        raise errors.Forbidden()
    return _shots_casting(uow, HOLDER.c.parent_id == sequence.id, ())


def all_sequences_casting(uow, caller, project_id, episode_id=None):
    """GET /data/projects/{id}[/episodes/{id}]/sequences/all/casting: {shot_id:
    casting} of the production's (or the episode's) shots; "main" has none."""
    project = _reader(uow, caller, project_id)
    if episode_id == "main":
        return {}
    condition = HOLDER.c.project_id == project.id
    if episode_id not in (None, "all"):
        episode = entities.read_one(uow, episode_id)
        condition = sa.and_(condition, SEQUENCE.c.parent_id == episode.id)
    return _shots_casting(uow, condition, (SEQUENCE.c.name,))


def asset_type_casting(uow, caller, project_id, asset_type_id):
    """GET /data/projects/{id}/asset-types/{id}/casting: {asset_id: casting} of the
    production's assets of that type."""
    project = _reader(uow, caller, project_id)
    asset_type = entity_types.get_asset_type(uow, caller, asset_type_id)
    query = _casting_query().join(HOLDER, HOLDER.c.id == LINK.c.entity_in_id).where(
        HOLDER.c.project_id == project.id,
        HOLDER.c.entity_type_id == uuid.UUID(asset_type["id"]))
    return _grouped(uow, query.order_by(ASSET_TYPE.c.name, ASSET.c.name), shared=False)


# -- asset and shot routes -------------------------------------------------------------

def cast_in(uow, caller, asset_id):
    """GET /data/assets/{id}/cast-in: the shots, then the assets, the asset is cast in
    (canceled ones left out)."""
    asset = readable_entity(uow, caller, asset_id, "Asset")
    return _shots_holding(uow, asset.id) + _assets_holding(uow, asset.id)


def _shots_holding(uow, asset_id):
    episode = Entity.__table__.alias("episode")
    query = (sa.select(LINK, HOLDER.c.name, HOLDER.c.preview_file_id,
                       SEQUENCE.c.name.label("sequence_name"),
                       episode.c.id.label("episode_id"),
                       episode.c.name.label("episode_name"))
             .join(HOLDER, HOLDER.c.id == LINK.c.entity_in_id)
             .join(SEQUENCE, SEQUENCE.c.id == HOLDER.c.parent_id)
             .outerjoin(episode, episode.c.id == SEQUENCE.c.parent_id)
             .where(LINK.c.entity_out_id == asset_id, HOLDER.c.canceled.isnot(True))
             .order_by(episode.c.name, SEQUENCE.c.name, HOLDER.c.name))
    return [{"shot_id": str(row.entity_in_id), "shot_name": row.name,
             "sequence_name": row.sequence_name, "episode_id": str(row.episode_id),
             "episode_name": row.episode_name, "preview_file_id": _str(row.preview_file_id),
             "nb_occurences": row.nb_occurences}
            for row in uow.session.connection().execute(query)]


def _assets_holding(uow, asset_id):
    query = (sa.select(LINK, HOLDER.c.name, HOLDER.c.preview_file_id,
                       ASSET_TYPE.c.name.label("type_name"))
             .join(HOLDER, HOLDER.c.id == LINK.c.entity_in_id)
             .join(ASSET_TYPE, ASSET_TYPE.c.id == HOLDER.c.entity_type_id)
             .where(LINK.c.entity_out_id == asset_id, HOLDER.c.canceled.isnot(True),
                    ASSET_TYPE.c.name.notin_(entity_types.TEMPORAL_TYPES))
             .order_by(ASSET_TYPE.c.name, HOLDER.c.name))
    return [{"asset_id": str(row.entity_in_id), "asset_name": row.name,
             "asset_type_name": row.type_name, "preview_file_id": _str(row.preview_file_id),
             "nb_occurences": row.nb_occurences}
            for row in uow.session.connection().execute(query)]


def assets_cast_in(uow, entity_id):
    """Zou's get_entity_casting: the entities cast in this one, as assets."""
    query = (sa.select(Entity.__table__).join(LINK, LINK.c.entity_out_id == Entity.id)
             .where(LINK.c.entity_in_id == entity_id).order_by(LINK.c.created_at))
    return [entities.render(row, "Asset") for row in entities.read_rows(uow, query)]


def asset_assets(uow, caller, asset_id):
    """GET /data/assets/{id}/assets: the assets cast in an asset."""
    return assets_cast_in(uow, readable_entity(uow, caller, asset_id, "Asset").id)


def shot_assets(uow, caller, shot_id):
    """GET /data/shots/{id}/assets: the assets cast in a shot."""
    return assets_cast_in(uow, readable_entity(uow, caller, shot_id, entities.SHOT).id)


def shot_asset_types(uow, caller, shot_id):
    """GET /data/shots/{id}/asset-types: the types of the assets cast in a shot."""
    shot = entities.read_one(uow, shot_id, entities.SHOT)
    access.check_project_access(uow, caller, shot.project_id)
    type_ids = sa.select(Entity.entity_type_id).join(
        LINK, LINK.c.entity_out_id == Entity.id).where(LINK.c.entity_in_id == shot.id)
    return [entity_types.render_asset_type(row, relations=False) for row in
            uow.session.scalars(sa.select(EntityType).where(EntityType.id.in_(type_ids))
                                .order_by(EntityType.name))]


def shared_assets_used(uow, caller, project_id, episode_id=None):
    """GET /data/projects/{id}[/episodes/{id}]/assets/shared-used: shared assets of
    other productions cast in this production's shots."""
    project = teams.project_or_404(uow, project_id)
    access.check_project_access(uow, caller, project.id)
    shots = (sa.select(LINK.c.entity_out_id)
             .join(HOLDER, HOLDER.c.id == LINK.c.entity_in_id)
             .join(SEQUENCE, SEQUENCE.c.id == HOLDER.c.parent_id)
             .where(HOLDER.c.project_id == project.id))
    if episode_id not in (None, "main", "all"):
        shots = shots.where(SEQUENCE.c.parent_id == entities.read_one(uow, episode_id).id)
    query = sa.select(Entity.__table__).where(
        entities.is_asset(), Entity.is_shared.is_(True), Entity.canceled.isnot(True),
        Entity.project_id != project.id, Entity.id.in_(shots)).order_by(Entity.name)
    return [entities.render(row, "Asset") for row in entities.read_rows(uow, query)]


# -- the production's links ------------------------------------------------------------

def _link_json(row, milliseconds):
    out = schemas.render(row)
    if milliseconds:
        out.update(created_at=row.created_at.strftime(MILLISECONDS),
                   updated_at=row.updated_at.strftime(MILLISECONDS))
    return out


def _cursor(value):
    try:
        return datetime.datetime.strptime(str(value), MILLISECONDS)
    except ValueError:
        raise errors.Invalid("Wrong date format for cursor_created_at.")


def project_entity_links(uow, caller, project_id, query_args):
    """GET /data/projects/{id}/entity-links (managers): the links of the production's
    entities, oldest first; `page`/`limit` give Zou's page envelope, `cursor_created_at`
    the links created after it."""
    project = teams.project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    page = crud.int_arg(query_args, "page", -1)
    limit = crud.int_arg(query_args, "limit", 0)
    query = sa.select(LINK).join(HOLDER, HOLDER.c.id == LINK.c.entity_in_id).where(
        HOLDER.c.project_id == project.id)
    cursor = query_args.get("cursor_created_at")
    if page > 0:
        return crud.list_rows(uow, _links_of(query), caller,
                              {"page": page, "limit": max(limit, 0)})
    if cursor:
        total = uow.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
        query = query.where(LINK.c.created_at > _cursor(cursor))
        rows = _links(uow, query.order_by(LINK.c.created_at, LINK.c.updated_at, LINK.c.id)
                      .limit(limit if limit > 0 else crud.PAGE_SIZE))
        return {"data": [_link_json(row, True) for row in rows], "total": total,
                "limit": limit if limit > 0 else crud.PAGE_SIZE}
    query = query.order_by(LINK.c.created_at, LINK.c.id)
    rows = _links(uow, query.limit(limit) if limit > 0 else query)
    return [{key: value for key, value in _link_json(row, True).items() if key != "updated_at"}
            for row in rows]


def _links(uow, query):
    return crud.read_records(uow, EntityLink, query)


def _links_of(query):
    """The generic list engine restricted to these links (Zou's page envelope)."""
    ids = query.with_only_columns(LINK.c.id)
    return dataclasses.replace(casting_links.ENTITY_LINKS, check_read=access.read_any,
                               list_filter=lambda uow, caller, rows: rows.where(
                                   LINK.c.id.in_(ids)))
