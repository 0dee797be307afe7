"""Deleting entities the way Zou's cascade deletion does.

An asset, shot, edit or concept that has tasks is only canceled (`canceled` set, a
`<type>:update`) unless forced; otherwise, or when forced, it is deleted for real with a
`<type>:delete` carrying the full old row: the tasks service deletes that entity's tasks
on that event, and entity links vanish with their entity (ON DELETE CASCADE). A scene
with tasks is canceled, its event still named `scene:delete`. A sequence or an episode is
deleted only without children and tasks (Zou's 400 "Some data are still linked to this
sequence."); forced, its children go first: the sequence's shots and scenes, the
episode's sequences, edits and assets. Whether an entity has tasks is read from the
`entity_tasks` read model. The author of an entity may delete it (Zou's
check_belong_to_project only resolves a role); anyone else needs manager access to its
production.
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors

from slate_catalog import access, entities, entity_tasks, events, teams
from slate_catalog.entities import CONCEPT, EDIT, EPISODE, SCENE, SEQUENCE, SHOT
from slate_catalog.models import Entity

STILL_LINKED = "Some data are still linked to this %s."


def _fetch(uow, entity_id, type_name):
    """The entity of this kind as a row to change, or Zou's not-found."""
    return uow.session.get(Entity, entities.read_one(uow, entity_id, type_name).id)


def check_delete(uow, caller, row):
    me = access.current_person(uow, caller)
    if row.created_by == me.id:
        return me
    return access.check_manager_project_access(uow, caller, row.project_id)


def _cancel(uow, type_name, row, event=None):
    def change():
        row.canceled = True
    crud.record_update(uow, entities.SPECS[type_name], row, change, event=event)


def _children(uow, type_name, **where):
    type_id = entities.type_id_of(uow, type_name) if type_name != "Asset" else None
    query = sa.select(Entity).filter_by(**where).order_by(Entity.name)
    query = query.where(entities.is_asset()) if type_name == "Asset" else \
        query.where(Entity.entity_type_id == type_id)
    return uow.session.scalars(query).all()


def remove_leaf(uow, type_name, row, force=False):
    """An asset, shot, edit or concept: canceled when it has tasks, unless forced."""
    if not force and entity_tasks.has_tasks(uow, row.id):
        _cancel(uow, type_name, row)
        return
    if type_name == "Asset":
        for child in uow.session.scalars(sa.select(Entity).where(Entity.parent_id == row.id)):
            crud.record_update(uow, entities.SPECS[entities.base_type_name(
                uow, child.entity_type_id)], child, lambda child=child: setattr(
                    child, "parent_id", None))
    crud.remove_row(uow, entities.SPECS[type_name], row)


def remove_scene(uow, row):
    """Zou deletes a scene, or cancels it when tasks hold it; `scene:delete` either way."""
    if entity_tasks.has_tasks(uow, row.id):
        _cancel(uow, SCENE, row, event=events.SCENE + ":delete")
    else:
        crud.remove_row(uow, entities.SPECS[SCENE], row)


def _remove_parent(uow, type_name, row, force):
    """A sequence or episode: refused while tasks (unless forced) or children hold it."""
    if not force and entity_tasks.has_tasks(uow, row.id):
        raise errors.Invalid(STILL_LINKED % type_name.lower())
    try:
        crud.remove_row(uow, entities.SPECS[type_name], row)
    except errors.Rejected:
        raise errors.Invalid(STILL_LINKED % type_name.lower())


def remove_sequence(uow, row, force=False):
    if force:
        for shot in _children(uow, SHOT, parent_id=row.id):
            remove_leaf(uow, SHOT, shot, force=True)
        for scene in _children(uow, SCENE, parent_id=row.id):
            remove_scene(uow, scene)
    _remove_parent(uow, SEQUENCE, row, force)


def remove_episode(uow, row, force=False):
    if force:
        for sequence in _children(uow, SEQUENCE, parent_id=row.id):
            remove_sequence(uow, sequence, force=True)
        for edit in _children(uow, EDIT, parent_id=row.id):
            remove_leaf(uow, EDIT, edit, force=True)
        for asset in _children(uow, "Asset", source_id=row.id):
            remove_leaf(uow, "Asset", asset, force=True)
    _remove_parent(uow, EPISODE, row, force)


REMOVALS = {
    "Asset": remove_leaf, SHOT: remove_leaf, EDIT: remove_leaf, CONCEPT: remove_leaf,
    SCENE: lambda uow, type_name, row, force: remove_scene(uow, row),
    SEQUENCE: lambda uow, type_name, row, force: remove_sequence(uow, row, force),
    EPISODE: lambda uow, type_name, row, force: remove_episode(uow, row, force)}


def delete_entity(uow, caller, type_name, entity_id, force=False):
    """DELETE /data/<kind>s/{id}[?force=true]: 204 (404 for another kind)."""
    row = _fetch(uow, entity_id, type_name)
    check_delete(uow, caller, row)
    REMOVALS[type_name](uow, type_name, row, force)


def _id_list(body):
    """Zou's validate_id_list: a JSON array of UUID strings."""
    if not isinstance(body, list):
        raise errors.Invalid("Request body must be a JSON array.")
    for value in body:
        try:
            if not isinstance(value, str):
                raise ValueError(value)
            uuid.UUID(value)
        except ValueError:
            raise errors.Invalid("Request body must only contain valid UUIDs.")
    return body


def _batch_removal(uow, project_id, entity_id, force):
    """(kind, row, force) for an entity of the production that the batch deletes, or
    None: gone, elsewhere, or neither an asset, shot, edit nor concept."""
    row = uow.session.get(Entity, uuid.UUID(entity_id))
    if row is None or row.project_id != project_id:
        return None
    type_name = entities.base_type_name(uow, row.entity_type_id)
    if type_name not in ("Asset", SHOT, EDIT, CONCEPT):
        return None
    return type_name, row, force or row.canceled or type_name == CONCEPT


def delete_entities(uow, caller, project_id, body, force=False):
    """POST /actions/projects/{id}/delete-entities [ids]: each asset, shot or edit is
    canceled when it has tasks (deleted when already canceled or forced), each concept
    deleted; unknown ids and other kinds are skipped. 200, the ids handled."""
    project = teams.project_or_404(uow, project_id)
    ids = _id_list(body)
    me = access.current_person(uow, caller)
    for entity_id in ids:
        row = uow.session.get(Entity, uuid.UUID(entity_id))
        if row is not None and row.created_by != me.id:
            access.check_manager_project_access(uow, caller, project.id)
    removals = [(entity_id, _batch_removal(uow, project.id, entity_id, force))
                for entity_id in dict.fromkeys(ids)]
    removals = [(entity_id, found) for entity_id, found in removals if found]
    for _, (type_name, row, entity_force) in removals:
        remove_leaf(uow, type_name, row, entity_force)
    return [entity_id for entity_id, _ in removals]
