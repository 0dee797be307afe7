"""The values a metadata descriptor describes, kept in step with it: removing a
descriptor removes its key from the `data` of its production (Project descriptors) or of
the entities of its type; renaming one moves the value to the new key.

Zou rewrites those rows without an event; here each rewritten row emits its usual
`project:update` or `<asset|shot|...>:update` with the change, so the log still rebuilds
the data (DESIGN.md). Task descriptors' values live in the tasks service's tasks.
"""
import dataclasses

import sqlalchemy as sa

from slate_common import crud

from slate_catalog import entities, projects
from slate_catalog.models import Entity, Project

TEMPORAL = ("Shot", "Scene", "Sequence", "Episode", "Edit")


def _entities_holding(uow, descriptor):
    """Entities of the descriptor's production and kind whose data has its key."""
    query = sa.select(Entity).where(Entity.project_id == descriptor.project_id,
                                    Entity.data.has_key(descriptor.field_name))
    if descriptor.entity_type == "Asset":
        query = query.where(entities.is_asset())
    elif descriptor.entity_type in TEMPORAL:
        query = query.where(Entity.entity_type_id == entities.type_id_of(
            uow, descriptor.entity_type))
    else:
        return []
    return uow.session.scalars(query.order_by(Entity.id)).all()


def _spec_for(uow, entity):
    type_name = entities.base_type_name(uow, entity.entity_type_id)
    return entities.SPECS.get(type_name) or dataclasses.replace(
        entities.ENTITIES, event=type_name.lower())


def _rewrite(uow, descriptor, edit):
    """Apply `edit(data) -> new data or None (unchanged)` to every holder's data."""
    if descriptor.entity_type == "Project":
        project = uow.session.get(Project, descriptor.project_id)
        holders = [(projects.PROJECTS, project)] if project is not None else []
    else:
        holders = [(_spec_for(uow, row), row)
                   for row in _entities_holding(uow, descriptor)]
    for spec, row in holders:
        data = edit(dict(row.data or {}))
        if data is not None:
            crud.record_update(uow, spec, row, lambda row=row, data=data:
                               setattr(row, "data", data))


def remove_values(uow, descriptor):
    """Drop the descriptor's key from the data that holds it."""
    def edit(data):
        if descriptor.field_name not in data:
            return None
        data.pop(descriptor.field_name)
        return data
    _rewrite(uow, descriptor, edit)


def move_values(uow, descriptor, new_field_name):
    """Move the descriptor's values to `new_field_name` (Zou skips null values)."""
    def edit(data):
        value = data.pop(descriptor.field_name, None)
        if value is None:
            return None
        data[new_field_name] = value
        return data
    _rewrite(uow, descriptor, edit)
