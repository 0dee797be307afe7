"""Entities' full names as Zou writes them in notifications and news: "SQ01 / SH010"
(with the episode first when there is one), "E01 / SQ01", "Character / Ada"."""
import uuid

import sqlalchemy as sa

from slate_tasks.models import Entity, EntityType

TEMPORAL = ("Shot", "Sequence", "Episode")


def _load(session, ids):
    if not ids:
        return {}
    query = sa.select(Entity, EntityType.name).join(
        EntityType, EntityType.id == Entity.entity_type_id).where(Entity.id.in_(ids))
    return {entity.id: (entity, type_name) for entity, type_name in session.execute(query)}


def _name(entity, type_name, known):
    """(full name, episode id) of one entity, its parents found in `known`."""
    parent = known.get(entity.parent_id, (None,))[0] if entity.parent_id else None
    if type_name == "Shot" and parent is not None:
        grandparent = known.get(parent.parent_id, (None,))[0] if parent.parent_id else None
        if grandparent is not None:
            return ("%s / %s / %s" % (grandparent.name, parent.name, entity.name),
                    grandparent.id)
        return "%s / %s" % (parent.name, entity.name), None
    if type_name == "Sequence" and parent is not None:
        return "%s / %s" % (parent.name, entity.name), parent.id
    if type_name in TEMPORAL:
        return entity.name, None
    return "%s / %s" % (type_name, entity.name), entity.source_id


def full_names(session, entity_ids):
    """{entity id: (full name, episode id, preview file id)} of the entities known."""
    wanted = _ids(entity_ids)
    known = _load(session, wanted)
    for _ in range(2):  # parents, then grandparents (a shot's episode)
        missing = {entity.parent_id for entity, _ in known.values()} - set(known) - {None}
        known.update(_load(session, missing))
    return {str(entity.id): (*_name(entity, type_name, known),
                             entity.row.get("preview_file_id"))
            for entity, type_name in known.values() if entity.id in wanted}


def _ids(entity_ids):
    return {uuid.UUID(str(item)) for item in entity_ids if item}
