"""Concepts (entities of type "Concept") and the concept folders holding them (type
"ConceptFolder", a concept's `parent_id`), with Zou's routes, JSON and events
(`concept:new` / `:update` {concept_id}, `concept-folder:new` / `:update` / `:delete`
{concept_folder_id}).

Zou's rules: the production's team creates and reads concepts, clients and vendors
never; supervisors and managers of the team (and admins) handle folders. The links of
a concept to entities (`entity_concept_links`) belong to the entity links area: served
empty here, and a creation body's links are left to that area.
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors

from slate_catalog import access, entities, entity_lists, teams
from slate_catalog.entities import CONCEPT, CONCEPT_FOLDER
from slate_catalog.entity_bodies import CONCEPT_FOLDER as FOLDER_BODY, NEW_CONCEPT, validate
from slate_catalog.models import Entity

NAME_TAKEN = "A concept folder with this name already exists."


def _check_team_reader(uow, caller, project_id):
    me = access.check_project_access(uow, caller, project_id)
    if me.role in ("vendor", "client"):
        raise errors.Forbidden()
    return me


def _check_supervisor(uow, caller, project_id):
    """Zou's check_supervisor_project_access: admins, or managers and supervisors of
    the production's team."""
    me = access.current_person(uow, caller)
    if me.role == "admin" or (me.role in ("manager", "supervisor")
                              and access.in_team(uow, project_id, me.id)):
        return me
    raise errors.Forbidden()


def _folder(uow, folder_id, project_id=None):
    """The concept folder (of that production), or 404."""
    row = uow.session.get(Entity, entities.read_one(uow, folder_id, CONCEPT_FOLDER).id)
    if project_id is not None and row.project_id != project_id:
        raise errors.NotFound()
    return row


def create_concept(uow, caller, project_id, body):
    """POST /data/projects/{id}/concepts {name, data?, description?, parent_id?}: 201,
    the concept (the production's concept of that name, without event, if any)."""
    values = validate(body, NEW_CONCEPT)
    project = teams.project_or_404(uow, project_id)
    me = _check_team_reader(uow, caller, project.id)
    folder = _folder(uow, values["parent_id"], project.id) if values["parent_id"] else None
    type_id = entities.type_row(uow, CONCEPT, create=True).id
    row = entities.existing(uow, type_id, project.id, values["name"])
    if row is None:
        row = entities.insert(uow, entities.SPECS[CONCEPT], None, id=uuid.uuid4(),
                              entity_type_id=type_id, project_id=project.id,
                              name=values["name"], data=values["data"] or {},
                              description=values["description"], created_by=me.id,
                              parent_id=folder.id if folder else None)
    return entities.render(row, CONCEPT)


def get_concept(uow, caller, concept_id):
    """GET /data/concepts/{id}: with relations, project name and frame data."""
    row = entities.read_one(uow, concept_id, CONCEPT)
    _check_team_reader(uow, caller, row.project_id)
    data = row.data or {}
    return {**entities.render_with_relations(row, CONCEPT, uow),
            "project_name": entities.project_name(uow, row.project_id),
            "fps": data.get("fps"), "frame_in": data.get("frame_in"),
            "frame_out": data.get("frame_out"), "preview_file_status": None,
            "tasks": []}


def all_concepts(uow, caller, query_args):
    """GET /data/concepts: Zou's filters, with project names."""
    project_id = entity_lists.project_arg(query_args)
    me = entity_lists.check_criterion_project(uow, caller, project_id)
    if me.role in ("vendor", "client"):
        raise errors.Forbidden()
    return entity_lists.with_names(uow, query_args, CONCEPT)


def _of_project(uow, caller, project_id, type_name):
    project = teams.project_or_404(uow, project_id)
    _check_team_reader(uow, caller, project.id)
    query = sa.select(Entity.__table__).where(
        Entity.entity_type_id == entities.type_id_of(uow, type_name),
        Entity.project_id == project.id)
    return [entities.render(row, type_name)
            for row in entities.read_rows(uow, query.order_by(Entity.name))]


def project_concepts(uow, caller, project_id):
    """GET /data/projects/{id}/concepts, by name."""
    return _of_project(uow, caller, project_id, CONCEPT)


def project_concept_folders(uow, caller, project_id):
    """GET /data/projects/{id}/concept-folders, by name."""
    return _of_project(uow, caller, project_id, CONCEPT_FOLDER)


def _folder_name(body):
    name = validate(body, FOLDER_BODY)["name"]
    if len(name) > 160:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": "name", "message": "String should have at most 160 characters"}]})
    return name


def create_concept_folder(uow, caller, project_id, body):
    """POST /data/projects/{id}/concept-folders {name}: 201, the folder (the existing
    one of that name, without event)."""
    name = _folder_name(body)
    project = teams.project_or_404(uow, project_id)
    me = _check_supervisor(uow, caller, project.id)
    type_id = entities.type_row(uow, CONCEPT_FOLDER, create=True).id
    row = entities.existing(uow, type_id, project.id, name)
    if row is None:
        row = entities.insert(uow, entities.SPECS[CONCEPT_FOLDER], None, id=uuid.uuid4(),
                              entity_type_id=type_id, project_id=project.id, name=name,
                              created_by=me.id)
    return entities.render(row, CONCEPT_FOLDER)


def rename_concept_folder(uow, caller, folder_id, body):
    """PUT /data/concept-folders/{id} {name}: two folders of a production never share
    a name (400)."""
    name = _folder_name(body)
    row = _folder(uow, folder_id)
    _check_supervisor(uow, caller, row.project_id)
    namesake = entities.existing(uow, row.entity_type_id, row.project_id, name)
    if namesake is not None and namesake.id != row.id:
        raise errors.Invalid(NAME_TAKEN)
    crud.record_update(uow, entities.SPECS[CONCEPT_FOLDER], row,
                       lambda: setattr(row, "name", name))
    return entities.render(row, CONCEPT_FOLDER)


def _move(uow, project_id, concept_ids, folder_id):
    """Put the production's concepts among these ids in the folder (None: the root);
    emits concept:update for each; returns the ids moved."""
    if not concept_ids:
        return []
    query = sa.select(Entity).where(
        Entity.id.in_([uuid.UUID(value) for value in concept_ids]),
        Entity.project_id == project_id,
        Entity.entity_type_id == entities.type_id_of(uow, CONCEPT))
    moved = uow.session.scalars(query).all()
    for concept in moved:
        crud.record_update(uow, entities.SPECS[CONCEPT], concept,
                           lambda concept=concept: setattr(concept, "parent_id", folder_id))
    return [str(concept.id) for concept in moved]


def delete_concept_folder(uow, caller, folder_id):
    """DELETE /data/concept-folders/{id}: its concepts go back to the production's root."""
    row = _folder(uow, folder_id)
    _check_supervisor(uow, caller, row.project_id)
    children = uow.session.scalars(sa.select(Entity.id).where(Entity.parent_id == row.id))
    _move(uow, row.project_id, [str(child) for child in children], None)
    crud.remove_row(uow, entities.SPECS[CONCEPT_FOLDER], row)


def _is_uuid(value):
    try:
        uuid.UUID(str(value))
        return isinstance(value, str)
    except ValueError:
        return False


def _move_body(body):
    """(concept_ids, concept_folder_id) of a move body, or Zou's 400 "Validation error."."""
    body = body if isinstance(body, dict) else {}
    ids, folder_id, problems = body.get("concept_ids"), body.get("concept_folder_id"), []
    if ids is None:
        problems.append(("concept_ids", "Field required"))
    elif not isinstance(ids, list):
        problems.append(("concept_ids", "Input should be a valid list"))
    elif not all(_is_uuid(value) for value in ids):
        problems.append(("concept_ids", "Value error, must be a valid UUID"))
    if folder_id is not None and not _is_uuid(folder_id):
        problems.append(("concept_folder_id", "Value error, must be a valid UUID"))
    if problems:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": field, "message": message} for field, message in problems]})
    return ids, folder_id


def move_concepts(uow, caller, project_id, body):
    """POST /actions/projects/{id}/move-concepts {concept_ids, concept_folder_id?}: the
    ids of the production's concepts moved (others are skipped)."""
    concept_ids, folder_id = _move_body(body)
    project = teams.project_or_404(uow, project_id)
    _check_supervisor(uow, caller, project.id)
    folder = _folder(uow, folder_id, project.id) if folder_id else None
    return _move(uow, project.id, concept_ids, folder.id if folder else None)
