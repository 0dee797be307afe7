"""Zou's generic CRUD of `entities` besides GET/PUT one (entities.py): the list, creation
and deletion, each typed by its entity kind as Zou's EntitiesResource does.

Lists keep Zou's filters and pages and show only the entities of the caller's
productions (every one for admins; vendors reach entities through their tasks only:
none here). Creation needs manager access to the body's production; deletion is the
author's or a manager's, refused (400) while tasks or other entities hold the entity.
Events: `<kind>:new` / `<kind>:delete` with {<kind>_id}, e.g. `concept-folder:new`.
"""
import dataclasses
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, deletions, entities, entity_lists, entity_tasks
from slate_catalog.models import ENTITY_STATUSES, Entity, EntityType

LINKED = "The change conflicts with records referencing this one."
NEW_IGNORED = frozenset({"id", "created_at", "updated_at", "type", "created_by",
                         *entities.UNOWNED_RELATIONS})


def _type_names(uow):
    """{entity type id: Zou's kind name} for every entity type."""
    rows = uow.session.execute(sa.select(EntityType.id, EntityType.name)).all()
    return {type_id: (name if name in entities.SPECS else "Asset") for type_id, name in rows}


def _visible(uow, caller, query):
    me = access.current_person(uow, caller)
    if me.role == "vendor":
        return query.where(sa.false())
    return query.where(entity_lists.team_filter(me))


def list_entities(uow, caller, query_args):
    """GET /data/entities: Zou's CRUD list of entities, each typed by its kind."""
    names = _type_names(uow)

    def view(row, relations):
        out = entities.render(row, names.get(row.entity_type_id, "Asset"))
        if relations:
            out.update({name: [] for name in entities.UNOWNED_RELATIONS})
        return out
    spec = dataclasses.replace(entities.ENTITIES, list_filter=_visible)
    return crud.list_rows(uow, spec, caller, query_args, view=view)


def _project_id(body):
    try:
        return uuid.UUID(str(body["project_id"]))
    except (KeyError, ValueError):
        raise errors.Rejected(schemas.INVALID_FORMAT)


def create_entity(uow, caller, body):
    """POST /data/entities: 201, the entity with its relations typed "Entity" (as Zou's
    generic creation serialises it); emits `<kind>:new`."""
    if body is None:
        raise errors.Invalid(schemas.EMPTY_BODY)
    if not isinstance(body, dict):
        raise errors.BadRequest()
    me = access.check_manager_project_access(uow, caller, _project_id(body))
    if "status" in body and body["status"] not in ENTITY_STATUSES:
        raise errors.Invalid("Invalid status")
    values = schemas.load(Entity, body, ignore=NEW_IGNORED)
    row = Entity(id=uuid.uuid4(), **{**values, "created_by": me.id})
    type_name = _type_names(uow).get(row.entity_type_id)
    if type_name is None:
        raise errors.Rejected(LINKED)
    crud.insert_row(uow, entities.SPECS[type_name], row)
    return entities.render_with_relations(row, "Entity")


def delete_entity(uow, caller, entity_id):
    """DELETE /data/entities/{id}: 204; 400 while tasks or other entities hold it."""
    row = crud.fetch(uow, entities.ENTITIES, entity_id)
    deletions.check_delete(uow, caller, row)
    if entity_tasks.has_tasks(uow, row.id):
        raise errors.Rejected(LINKED)
    crud.remove_row(uow, entities.SPECS[entities.base_type_name(uow, row.entity_type_id)],
                    row)
