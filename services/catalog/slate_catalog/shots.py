"""The shot routes beyond creation and reading (entities.py): an episode's sequences and
shots, a sequence's shots, and Zou's shot update (PUT /data/shots/{id})."""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, entities, entity_lists
from slate_catalog.entities import EPISODE, SEQUENCE, SHOT
from slate_catalog.entity_bodies import validate
from slate_catalog.models import Entity

# Zou's UpdateShotSchema: these are typed, any other column passes through.
UPDATE_SHOT = (("name", "name", None), ("description", "str", None),
               ("nb_frames", "int", None), ("data", "dict", None),
               ("parent_id", "uuid", None), ("canceled", "bool", None))


def episode_sequences(uow, caller, episode_id, query_args):
    """GET /data/episodes/{id}/sequences: [] for a malformed id, as in Zou."""
    try:
        uuid.UUID(str(episode_id))
    except ValueError:
        return []
    return entity_lists.all_sequences(uow, caller, {**query_args, "episode_id": episode_id})


def sequence_shots(uow, caller, sequence_id, query_args):
    """GET /data/sequences/{id}/shots: as /data/shots?sequence_id=."""
    entities.read_one(uow, sequence_id, SEQUENCE)
    return entity_lists.all_shots(uow, caller, {**query_args, "sequence_id": sequence_id})


def episode_shots(uow, caller, episode_id, query_args):
    """GET /data/episodes/{id}/shots: the shots of the episode's sequences."""
    episode = entities.read_one(uow, episode_id, EPISODE)
    entities.check_read(uow, caller, episode)
    sequences = sa.select(Entity.id).where(
        Entity.parent_id == episode.id,
        Entity.entity_type_id == entities.type_id_of(uow, SEQUENCE))
    query = sa.select(Entity.__table__).where(
        Entity.entity_type_id == entities.type_id_of(uow, SHOT),
        Entity.parent_id.in_(sequences))
    render = (lambda row, kind: entities.render_with_relations(row, kind, uow)) \
        if str(query_args.get("relations")).lower() == "true" else entities.render
    return [render(row, SHOT) for row in entities.read_rows(uow, query.order_by(Entity.name))]


def update_shot(uow, caller, shot_id, body):
    """PUT /data/shots/{id}: Zou's shot update; `data` replaces the stored one (unlike
    PUT /data/entities/{id}); read-only and relation fields are dropped. Emits
    shot:update; returns the shot as Zou's plain serialisation ("type": "Entity")."""
    row = uow.session.get(Entity, entities.read_one(uow, shot_id, SHOT).id)
    access.check_manager_project_access(uow, caller, row.project_id)
    if not isinstance(body, dict):
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "", "message": "Input should be a valid dictionary"}]})
    typed = tuple(field for field in UPDATE_SHOT if field[0] in body)
    body = {**body, **validate({key: body[key] for key, _, _ in typed}, typed)}
    values = schemas.load(Entity, body, partial=True, ignore=entities.PROTECTED)

    def change():
        for key, value in values.items():
            setattr(row, key, value)
    crud.record_update(uow, entities.SPECS[SHOT], row, change)
    return entities.render(row, "Entity")
