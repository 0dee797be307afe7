"""The same metadata descriptor across every open production a manager runs (Zou's
`all-projects` routes): create where missing, update, delete and reorder by field name.

Admins reach every open production, managers the open ones whose team they are in.
"""
import sqlalchemy as sa

from slate_common import errors

from slate_catalog import access, descriptors, projects
from slate_catalog.entity_bodies import REQUIRED, validate
from slate_catalog.models import Project, ProjectStatus, project_person_links
from slate_catalog.settings_models import MetadataDescriptor

ENTITY_TYPES = ("Asset", "Shot", "Edit", "Episode", "Sequence", "Project")
WRONG_TYPE = ("Wrong entity type. Please select Asset, Shot, Sequence, Episode, Edit, "
              "or Project.")
CHANGE = (("entity_type", "name", REQUIRED),) + descriptors.CHANGE
ORDER = (("entity_type", "name", REQUIRED), ("field_order", "strlist", REQUIRED))


def _check_type(entity_type, data_type=None):
    if entity_type not in ENTITY_TYPES:
        raise errors.Invalid(WRONG_TYPE)
    if data_type is not None:
        descriptors.check_data_type(data_type)


def _open_projects(uow, me):
    """Ids of the open productions this admin or manager may reshape, by name."""
    query = sa.select(Project.id).join(
        ProjectStatus, ProjectStatus.id == Project.project_status_id).where(
        ProjectStatus.name.in_(projects.OPEN_NAMES))
    if me.role != "admin":
        query = query.where(Project.id.in_(sa.select(
            project_person_links.c.project_id).where(
            project_person_links.c.person_id == me.id)))
    return uow.session.scalars(query.order_by(Project.name)).all()


def _sharing(uow, project_ids, entity_type, field_name):
    return uow.session.scalars(sa.select(MetadataDescriptor).where(
        MetadataDescriptor.project_id.in_(project_ids),
        MetadataDescriptor.entity_type == entity_type,
        MetadataDescriptor.field_name == field_name).order_by(
        MetadataDescriptor.created_at, MetadataDescriptor.id)).all()


def create_on_all(uow, caller, body):
    """POST /data/metadata-descriptors/all-projects: 201, the descriptors created (none
    where a production already has the field)."""
    me = access.require_manager(uow, caller)
    values = validate(body, descriptors.NEW)
    _check_type(values["entity_type"], values["data_type"])
    values["task_type_id"] = None
    field_name = descriptors.slug(values["name"])
    created = []
    for project_id in _open_projects(uow, me):
        if not _sharing(uow, [project_id], values["entity_type"], field_name):
            created.append(descriptors.add_descriptor(uow, project_id, values))
    return created


def update_on_all(uow, caller, field_name, body):
    """PUT /data/metadata-descriptors/all-projects/{field_name}: every production's
    column of that field; a new name is checked everywhere before anything changes."""
    me = access.require_manager(uow, caller)
    values = validate(body, CHANGE)
    _check_type(values["entity_type"], values["data_type"])
    changes = {key: values[key] for key in ("for_client", "data_type", "choices",
                                            "departments")}
    if values["name"]:
        changes["name"] = values["name"]
    rows = _sharing(uow, _open_projects(uow, me), values["entity_type"], field_name)
    return [descriptors.update_descriptor(uow, row, changes) for row in rows]


def delete_on_all(uow, caller, field_name, query_args):
    """DELETE /data/metadata-descriptors/all-projects/{field_name}?entity_type=: the ids
    removed (Zou answers 200 with them)."""
    me = access.require_manager(uow, caller)
    entity_type = query_args.get("entity_type")
    _check_type(entity_type)
    removed = []
    for row in _sharing(uow, _open_projects(uow, me), entity_type, field_name):
        removed.append(str(row.id))
        descriptors.remove_descriptor(uow, row)
    return removed


def reorder_on_all(uow, caller, body):
    """POST /actions/metadata-descriptors/all-projects/reorder {entity_type,
    field_order}: the same column order on every production."""
    me = access.require_manager(uow, caller)
    values = validate(body, ORDER)
    _check_type(values["entity_type"])
    updated = []
    for project_id in _open_projects(uow, me):
        rows = uow.session.scalars(sa.select(MetadataDescriptor).where(
            MetadataDescriptor.project_id == project_id,
            MetadataDescriptor.entity_type == values["entity_type"])).all()
        by_field = {row.field_name: str(row.id) for row in rows}
        ordered = [by_field[name] for name in values["field_order"] if name in by_field]
        if ordered:
            updated.extend(descriptors.reorder(uow, project_id, values["entity_type"],
                                               ordered))
    return updated
