"""Metadata descriptors: a production's custom columns, with Zou's rules. The field name
is the slug of the name; values live in the `data` of the production's entities (or of
the project, or of tasks of one task type: Task descriptors).

Reads: the team (clients see the columns published to clients, vendors those of their
departments or of none). Writes: admins and team managers; team supervisors for columns
of their departments. The generic `/data/metadata-descriptors` routes are admins'.
"""
import re
import unicodedata
import uuid

import sqlalchemy as sa

from slate_common import crud, errors

from slate_catalog import access, descriptor_values, events, teams
from slate_catalog.descriptor_reads import narrowing
from slate_catalog.entity_bodies import REQUIRED, validate
from slate_catalog.models import project_person_links
from slate_catalog.settings_models import DESCRIPTOR_TYPES, MetadataDescriptor

ENTITY_TYPES = ("Asset", "Shot", "Edit", "Episode", "Sequence", "Project", "Task")
WRONG_TYPE = ("Wrong entity type. Please select Asset, Shot, Sequence, Episode, Edit, "
              "Project, or Task.")
NEW = (("entity_type", "str", "Asset"), ("task_type_id", "str", None),
       ("name", "name", REQUIRED), ("data_type", "name", "string"),
       ("for_client", "bool", False), ("choices", "strlist", list),
       ("departments", "strlist", list))
CHANGE = (("name", "str", None), ("for_client", "bool", False),
          ("data_type", "name", "string"), ("choices", "strlist", list),
          ("departments", "strlist", list))
ORDER = (("entity_type", "name", REQUIRED), ("descriptor_ids", "strlist", REQUIRED))


def slug(name):
    """python-slugify's `slugify(name, separator="_")` for the names studios type."""
    text = unicodedata.normalize("NFKD", name.replace("'", "")).encode("ascii", "ignore")
    return re.sub(r"[^a-z0-9]+", "_", text.decode().lower()).strip("_")


def check_data_type(data_type):
    if data_type not in DESCRIPTOR_TYPES:
        raise errors.Invalid("Invalid data_type")


def department_ids(values):
    """Department ids as strings (they are the auth service's); a malformed one is Zou's
    DepartmentNotFound."""
    try:
        return [str(uuid.UUID(str(item))) for item in values or [] if item is not None]
    except ValueError:
        raise errors.NotFound("Department not found.")


# -- the generic CRUD model (admins write) ---------------------------------------------

def _check_write(uow, caller, *args):
    values = args[-1]
    access.require_admin(uow, caller)
    if "data_type" in values:
        check_data_type(values["data_type"])


def _prepare(uow, values, row):
    if "departments" in values:
        values["departments"] = department_ids(values["departments"])
    return values


def _read(uow, caller, row):
    if row is None:
        access.current_person(uow, caller)
    else:
        access.require_admin(uow, caller)


def visible_to(person):
    """The descriptors this person may list: admins all; others those of their teams'
    productions, narrowed for their role."""
    if person.role == "admin":
        return sa.true()
    teams_of = sa.select(project_person_links.c.project_id).where(
        project_person_links.c.person_id == person.id)
    return sa.and_(MetadataDescriptor.project_id.in_(teams_of), narrowing(person))


DESCRIPTORS = crud.CrudModel(
    name="metadata-descriptors", model=MetadataDescriptor, event=events.METADATA_DESCRIPTOR,
    order_by=("position", "name"), check_read=_read, check_create=_check_write,
    check_update=_check_write, check_delete=access.require_admin, prepare=_prepare,
    list_filter=lambda uow, caller, query: query.where(
        visible_to(access.current_person(uow, caller))))


# -- writing ---------------------------------------------------------------------------

def _check_free(uow, row, name, field_name):
    """Zou's uniqueness (per production, entity type and task type) as its 400."""
    columns = MetadataDescriptor.__table__.c
    if len(name) > columns.name.type.length or \
            len(field_name) > columns.field_name.type.length:
        raise errors.Invalid("Metadata descriptor name is too long.")
    query = sa.select(MetadataDescriptor.id).where(
        MetadataDescriptor.project_id == row.project_id,
        MetadataDescriptor.entity_type == row.entity_type,
        MetadataDescriptor.task_type_id.is_(None) if row.task_type_id is None else
        MetadataDescriptor.task_type_id == row.task_type_id,
        sa.or_(MetadataDescriptor.name == name, MetadataDescriptor.field_name == field_name))
    if row.id is not None:
        query = query.where(MetadataDescriptor.id != row.id)
    if uow.session.scalar(query.limit(1)) is not None:
        raise errors.Invalid("Metadata descriptor already exists.")


def add_descriptor(uow, project_id, values):
    """Insert a descriptor from checked values; emits metadata-descriptor:new."""
    row = MetadataDescriptor(
        project_id=project_id, entity_type=values["entity_type"],
        task_type_id=values.get("task_type_id"), name=values["name"],
        data_type=values.get("data_type"), choices=values.get("choices"),
        for_client=bool(values.get("for_client")), field_name=slug(values["name"]),
        departments=department_ids(values.get("departments")))
    _check_free(uow, row, row.name, row.field_name)
    row.id = uuid.uuid4()
    crud.insert_row(uow, DESCRIPTORS, row)
    return DESCRIPTORS.to_json(row)


def update_descriptor(uow, row, changes):
    """Zou's update: no name keeps the name; a new name renames the field and moves its
    values; emits metadata-descriptor:update with the changes."""
    changes = dict(changes)
    if not changes.get("name"):
        changes.pop("name", None)
    if "departments" in changes:
        changes["departments"] = department_ids(changes["departments"])
    if "name" in changes:
        changes["field_name"] = slug(changes["name"])
        _check_free(uow, row, changes["name"], changes["field_name"])
        if changes["field_name"] != row.field_name:
            descriptor_values.move_values(uow, row, changes["field_name"])

    def change():
        for key, value in changes.items():
            setattr(row, key, value)
    crud.record_update(uow, DESCRIPTORS, row, change)
    return DESCRIPTORS.to_json(row)


def remove_descriptor(uow, row):
    """Delete a descriptor after removing its values; emits metadata-descriptor:delete."""
    descriptor_values.remove_values(uow, row)
    crud.remove_row(uow, DESCRIPTORS, row)


def reorder(uow, project_id, entity_type, descriptor_ids):
    """Positions 1.. in the given order, then the others by name; each moved column
    emits metadata-descriptor:update."""
    rows = uow.session.scalars(sa.select(MetadataDescriptor).where(
        MetadataDescriptor.project_id == project_id,
        MetadataDescriptor.entity_type == entity_type)).all()
    by_id = {str(row.id): row for row in rows}
    for descriptor_id in descriptor_ids:
        if descriptor_id not in by_id:
            raise errors.Invalid("Descriptor %s not found for project %s and entity type "
                                 "%s" % (descriptor_id, project_id, entity_type))
    listed = [by_id[item] for item in dict.fromkeys(descriptor_ids)]
    others = sorted((row for row in rows if str(row.id) not in descriptor_ids),
                    key=lambda row: row.name)
    for position, row in enumerate(listed + others, start=1):
        crud.record_update(uow, DESCRIPTORS, row,
                           lambda row=row, position=position:
                           setattr(row, "position", position))
    return [DESCRIPTORS.to_json(row) for row in sorted(
        listed + others, key=lambda row: (row.position, row.name))]


# -- a production's descriptors --------------------------------------------------------

def _of_project(uow, project, descriptor_id):
    """The descriptor if it belongs to this production, else 404."""
    return crud.owned_or_404(uow, MetadataDescriptor, descriptor_id,
                             "Metadata descriptor not found.", project_id=project.id)


def project_descriptors(uow, caller, project_id):
    """GET /data/projects/{id}/metadata-descriptors: by position then name."""
    project = teams.project_or_404(uow, project_id)
    me = access.check_project_access(uow, caller, project.id)
    query = sa.select(MetadataDescriptor.__table__).where(
        MetadataDescriptor.project_id == project.id, narrowing(me)).order_by(
        MetadataDescriptor.position, MetadataDescriptor.name)
    return [DESCRIPTORS.to_json(row)
            for row in crud.read_records(uow, MetadataDescriptor, query)]


def get_project_descriptor(uow, caller, project_id, descriptor_id):
    project = teams.project_or_404(uow, project_id)
    me = access.check_project_access(uow, caller, project.id)
    row = _of_project(uow, project, descriptor_id)
    visible = sa.select(MetadataDescriptor.id).where(MetadataDescriptor.id == row.id,
                                                     narrowing(me))
    if uow.session.scalar(visible) is None:
        raise errors.Forbidden()
    return DESCRIPTORS.to_json(row)


def create_project_descriptor(uow, caller, project_id, body):
    """POST /data/projects/{id}/metadata-descriptors: 201, the descriptor."""
    values = validate(body, NEW)
    project = teams.project_or_404(uow, project_id)
    access.check_all_departments_access(uow, caller, project.id, values["departments"])
    if values["entity_type"] not in ENTITY_TYPES:
        raise errors.Invalid(WRONG_TYPE)
    if values["entity_type"] == "Task":
        if values["task_type_id"] is None:
            raise errors.Invalid("Task metadata descriptors require a task_type_id.")
        values["task_type_id"] = _task_type_id(values["task_type_id"])
    elif values["task_type_id"] is not None:
        raise errors.Invalid("task_type_id only applies to Task metadata descriptors.")
    check_data_type(values["data_type"])
    return add_descriptor(uow, project.id, values)


def _task_type_id(value):
    """A task type id (the tasks service's: only its form is checked here)."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise errors.Invalid("Task type not found.")


def update_project_descriptor(uow, caller, project_id, descriptor_id, body):
    values = validate(body, CHANGE)
    project = teams.project_or_404(uow, project_id)
    row = _of_project(uow, project, descriptor_id)
    access.check_all_departments_access(uow, caller, project.id,
                                        list(row.departments) + values["departments"])
    if values["name"] is not None and not values["name"]:
        raise errors.Invalid("Name cannot be empty.")
    check_data_type(values["data_type"])
    return update_descriptor(uow, row, values)


def delete_project_descriptor(uow, caller, project_id, descriptor_id):
    project = teams.project_or_404(uow, project_id)
    row = _of_project(uow, project, descriptor_id)
    access.check_all_departments_access(uow, caller, project.id, list(row.departments))
    remove_descriptor(uow, row)


def reorder_project_descriptors(uow, caller, project_id, body):
    """POST /data/projects/{id}/metadata-descriptors/reorder (team managers)."""
    values = validate(body, ORDER)
    if not values["descriptor_ids"]:
        raise errors.Invalid("Validation error.", {"errors": [{
            "field": "descriptor_ids", "message": "List should have at least 1 item"}]})
    project = teams.project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    if values["entity_type"] not in ENTITY_TYPES:
        raise errors.Invalid(WRONG_TYPE)
    return reorder(uow, project.id, values["entity_type"], values["descriptor_ids"])
