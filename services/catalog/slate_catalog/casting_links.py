"""Writing casting links, with what hangs from them as Zou keeps it: the entity's
`nb_entities_out` (assets cast that are not canceled), the `<kind>:casting-update`
event carrying the added/removed diff, and the episode casting mirrored from its shots
(an asset cast in a shot is cast in the shot's episode, flagged `{"auto": true}`, and
leaves it with its last shot).

Zou drops links without an event; every change here is logged (`entity-link:delete`
with the old row) so replaying the log rebuilds the links.
"""
import dataclasses
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, entities, events
from slate_catalog.models import Entity, EntityLink


def _link_data(row):
    return {"entity_link_id": str(row.id), "nb_occurences": row.nb_occurences}


# The generic `entity-links` routes: admins only, as Zou's CRUD defaults.
ENTITY_LINKS = crud.CrudModel(name="entity-links", model=EntityLink,
                              event=events.ENTITY_LINK, order_by=("created_at",),
                              check_read=access.require_admin,
                              check_create=access.require_admin,
                              check_update=access.require_admin,
                              check_delete=access.require_admin)
# Breakdown's own link events say how many occurrences the link now holds.
CAST = dataclasses.replace(ENTITY_LINKS, event_data=_link_data)


def row_or_404(uow, model, row_id):
    """The row (ORM) of this id; a malformed or unknown id is Zou's 404."""
    try:
        row = uow.session.get(model, uuid.UUID(str(row_id)))
    except ValueError:
        row = None
    if row is None:
        raise errors.NotFound()
    return row


def entity_or_404(uow, entity_id):
    return row_or_404(uow, Entity, entity_id)


def find_link(uow, entity_in_id, entity_out_id):
    return uow.session.scalars(sa.select(EntityLink).where(
        EntityLink.entity_in_id == entity_in_id,
        EntityLink.entity_out_id == entity_out_id)).first()


def kind_of(uow, entity):
    return entities.base_type_name(uow, entity.entity_type_id)


def create_link(uow, entity, asset_id, nb_occurences=1, label="", data=None):
    """Insert a link and emit Zou's `entity-link:new` (with the row, for replay)."""
    link = EntityLink(id=uuid.uuid4(), entity_in_id=entity.id, entity_out_id=asset_id,
                      nb_occurences=nb_occurences, label=label, data=data)
    uow.session.add(link)
    uow.session.flush()
    uow.session.refresh(link)
    uow.emit(events.ENTITY_LINK + ":new", {
        "entity_link_id": str(link.id), "entity_in_id": str(entity.id),
        "entity_out_id": str(asset_id), "nb_occurences": nb_occurences},
        {"new": crud.snapshot(link)}, project_id=entity.project_id)
    return link


def update_link(uow, entity, link, nb_occurences, label):
    def change():
        link.nb_occurences, link.label = nb_occurences, label
    crud.record_update(uow, CAST, link, change, project_id=entity.project_id)


def drop_link(uow, link, project_id):
    old = crud.snapshot(link)
    uow.session.delete(link)
    uow.session.flush()
    uow.emit(events.ENTITY_LINK + ":delete", {"entity_link_id": old["id"]}, {"old": old},
             project_id=project_id)


def live_count(uow, entity_id):
    """Assets cast in the entity that are not canceled: what its casting lists."""
    return uow.session.scalar(
        sa.select(sa.func.count()).select_from(EntityLink)
        .join(Entity, Entity.id == EntityLink.entity_out_id)
        .where(EntityLink.entity_in_id == entity_id, Entity.canceled.isnot(True)))


def _set_count(uow, entity, count):
    """Store `nb_entities_out`; the replayable change (empty when unchanged)."""
    before = entity.nb_entities_out
    if before == count:
        return {}
    entity.nb_entities_out = count
    uow.session.flush()
    uow.session.refresh(entity)
    return {"id": str(entity.id), "changes": {"nb_entities_out": [before, count]},
            "updated_at": schemas.to_json(entity.updated_at)}


def announce(uow, entity, added, removed, count=None):
    """Recount the entity's casting and emit `<kind>:casting-update` with the diff;
    a shot losing assets may free them from its episode."""
    kind = kind_of(uow, entity)
    family = {"Shot": events.SHOT, "Episode": events.EPISODE}.get(kind, events.ASSET)
    payload = _set_count(uow, entity, live_count(uow, entity.id) if count is None
                         else count)
    uow.emit(family + events.CASTING_UPDATE, {
        family + "_id": str(entity.id), "nb_entities_out": entity.nb_entities_out,
        "added_asset_ids": sorted(added), "removed_asset_ids": sorted(removed)},
        payload, project_id=entity.project_id)
    if kind == entities.SHOT:
        episode = episode_of_shot(uow, entity)
        for asset_id in removed if episode is not None else ():
            _detach_from_episode(uow, asset_id, episode)


def asset_updated(uow, asset_id, project_id):
    """Zou's `asset:update` telling clients an episode's asset list changed."""
    uow.emit(events.ASSET + ":update", {"asset_id": str(asset_id)}, None,
             project_id=project_id)


def episode_of_shot(uow, shot):
    if shot.parent_id is None:
        return None
    sequence = uow.session.get(Entity, shot.parent_id)
    return uow.session.get(Entity, sequence.parent_id) if sequence.parent_id else None


def _episode_shot_ids(uow, episode):
    sequences = sa.select(Entity.id).where(Entity.parent_id == episode.id)
    return sa.select(Entity.id).where(Entity.parent_id.in_(sequences),
                                      Entity.entity_type_id == entities.type_id_of(
                                          uow, entities.SHOT))


def mirror_in_episode(uow, shot, asset_id, label):
    """Cast in a shot, an asset is cast in its episode too (once, flagged auto)."""
    episode = episode_of_shot(uow, shot)
    if episode is None or find_link(uow, episode.id, asset_id) is not None:
        return
    create_link(uow, episode, asset_id, 1, label, {"auto": True})
    announce(uow, episode, [str(asset_id)], [], (episode.nb_entities_out or 0) + 1)
    asset_updated(uow, asset_id, shot.project_id)


def _detach_from_episode(uow, asset_id, episode):
    """The mirror of mirror_in_episode: the auto link goes with the asset's last shot."""
    still_cast = uow.session.scalar(sa.select(EntityLink.id).where(
        EntityLink.entity_in_id.in_(_episode_shot_ids(uow, episode)),
        EntityLink.entity_out_id == uuid.UUID(str(asset_id))).limit(1))
    link = find_link(uow, episode.id, uuid.UUID(str(asset_id)))
    if still_cast is not None or link is None or not (link.data or {}).get("auto"):
        return
    drop_link(uow, link, episode.project_id)
    announce(uow, episode, [], [str(asset_id)], max((episode.nb_entities_out or 0) - 1, 0))
    asset_updated(uow, asset_id, episode.project_id)


def remove_from_episode_shots(uow, episode, asset_id):
    """An asset leaving an episode's casting leaves the casting of its shots."""
    links = uow.session.scalars(sa.select(EntityLink).where(
        EntityLink.entity_in_id.in_(_episode_shot_ids(uow, episode)),
        EntityLink.entity_out_id == uuid.UUID(str(asset_id)))).all()
    for link in links:
        shot = uow.session.get(Entity, link.entity_in_id)
        drop_link(uow, link, shot.project_id)
        kind_payload = _set_count(uow, shot, live_count(uow, shot.id))
        uow.emit(events.SHOT + events.CASTING_UPDATE, {
            "shot_id": str(shot.id), "nb_entities_out": shot.nb_entities_out,
            "added_asset_ids": [], "removed_asset_ids": [str(asset_id)]},
            kind_payload, project_id=shot.project_id)
