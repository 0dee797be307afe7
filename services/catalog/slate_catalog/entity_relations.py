"""The relations Zou serialises with an entity, read from the breakdown's tables:
`entities_out` (assets cast in it), `entities_in` (what it is cast in),
`instance_casting` (asset instances of a shot) and the episodes an asset is cast in.

`entity_concept_links` stays empty: concepts and their links are not built yet."""
import sqlalchemy as sa

from slate_catalog.models import Entity, EntityLink, EntityType, asset_instance_links

LINK = EntityLink.__table__


def _ids(uow, query):
    return [str(value) for value in uow.session.scalars(query)]


def relations_of(uow, entity_id):
    """{relation name: [ids]} for one entity."""
    return {
        "entities_out": _ids(uow, sa.select(LINK.c.entity_out_id).where(
            LINK.c.entity_in_id == entity_id).order_by(LINK.c.created_at, LINK.c.id)),
        "entity_concept_links": [],
        "instance_casting": _ids(uow, sa.select(
            asset_instance_links.c.asset_instance_id).where(
            asset_instance_links.c.entity_id == entity_id)),
        "entities_in": _ids(uow, sa.select(LINK.c.entity_in_id).where(
            LINK.c.entity_out_id == entity_id).order_by(LINK.c.created_at, LINK.c.id)),
    }


def casting_episode_ids(uow, asset_id):
    """The episodes an asset is cast in, by episode name (Zou's casting_episode_ids)."""
    return _ids(uow, sa.select(Entity.id)
                .join(LINK, LINK.c.entity_in_id == Entity.id)
                .join(EntityType, EntityType.id == Entity.entity_type_id)
                .where(LINK.c.entity_out_id == asset_id, EntityType.name == "Episode")
                .order_by(Entity.name))
