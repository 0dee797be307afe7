"""Project templates: a production's configuration kept for reuse (settings, asset
types, status automations, metadata descriptors as a JSON snapshot), with Zou's rules:
managers read, admins write. Each change emits `project-template:new/update/delete`.

Templates' task types and task statuses are the tasks service's links, and preview
backgrounds the media service's: those routes are not served here, and applying a
template sets the parts the catalog owns.
"""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, descriptors, events, projects, teams
from slate_catalog.entity_bodies import REQUIRED, validate
from slate_catalog.models import EntityType
from slate_catalog.planning import STATUS_AUTOMATIONS
from slate_catalog.settings_models import MetadataDescriptor, ProjectTemplate, \
    StatusAutomation

SETTINGS = ("fps", "ratio", "resolution", "production_type", "production_style",
            "max_retakes", "is_clients_isolated", "is_preview_download_allowed",
            "is_set_preview_automated", "is_publish_default_for_artists", "homepage",
            "hd_bitrate_compression", "ld_bitrate_compression", "is_client_stats_visible",
            "is_client_task_list_visible", "is_client_task_panel_visible")
UNOWNED_RELATIONS = ("task_types", "task_statuses", "preview_background_files")
SNAPSHOT_KEYS = ("name", "field_name", "entity_type", "task_type_id", "data_type",
                 "choices", "for_client", "departments", "position")
FROM_PROJECT = (("name", "name", REQUIRED), ("description", "str", None))


def _render(row, relations=True):
    out = schemas.render(row, relations=relations)
    if relations:
        out.update({name: [] for name in UNOWNED_RELATIONS})
    return out


def _check_create(uow, caller, values):
    access.require_admin(uow, caller)
    if not values.get("name"):
        raise errors.Rejected("name is required")


PROJECT_TEMPLATES = crud.CrudModel(
    name="project-templates", model=ProjectTemplate, event=events.PROJECT_TEMPLATE,
    order_by=("name",), unique_message="A project template with this name already exists",
    check_read=access.require_manager, check_create=_check_create,
    check_update=access.require_admin, check_delete=access.require_admin, render=_render,
    protected=frozenset({"id", "asset_types", "status_automations", *UNOWNED_RELATIONS}))


def _template(uow, template_id):
    try:
        row = uow.session.get(ProjectTemplate, crud.parse_id(template_id))
    except errors.MalformedId:
        row = None
    if row is None:
        raise errors.NotFound("Project template not found")
    return row


def _linked(uow, model, body, key, label):
    """The row a link body names, or Zou's 400 for a missing, malformed or unknown id."""
    value = body.get(key) if isinstance(body, dict) else None
    row = teams.get_or_none(uow, model, value) if value else None
    if not value or (row is None and teams.uuid_or_none(value) is None):
        raise errors.Rejected("%s is required and must be a valid UUID" % key)
    if row is None:
        raise errors.Rejected("%s %s does not exist" % (label, value))
    return row


def _change(uow, template, change):
    crud.record_update(uow, PROJECT_TEMPLATES, template, change)


def _link(uow, caller, template_id, body, relation, key):
    """Link the row a body names to a template (a no-op when linked); the row."""
    model, label = LINKS[relation]
    access.require_admin(uow, caller)
    item = _linked(uow, model, body, key, label)
    crud.set_link(uow, PROJECT_TEMPLATES, _template(uow, template_id), relation, item)
    return item


def _unlink(uow, caller, template_id, relation, item_id):
    access.require_admin(uow, caller)
    template = _template(uow, template_id)
    item = teams.get_or_none(uow, LINKS[relation][0], item_id)
    if item is not None:
        crud.set_link(uow, PROJECT_TEMPLATES, template, relation, item, linked=False)


# -- asset types and status automations of a template ----------------------------------

LINKS = {"asset_types": (EntityType, "Asset type"),
         "status_automations": (StatusAutomation, "Status automation")}


def template_asset_types(uow, caller, template_id):
    access.require_manager(uow, caller)
    return [{"id": str(row.id), "name": row.name}
            for row in _template(uow, template_id).asset_types]


def add_template_asset_type(uow, caller, template_id, body):
    asset_type = _link(uow, caller, template_id, body, "asset_types", "asset_type_id")
    return {"id": str(asset_type.id), "name": asset_type.name}


def remove_template_asset_type(uow, caller, template_id, asset_type_id):
    _unlink(uow, caller, template_id, "asset_types", asset_type_id)


def template_status_automations(uow, caller, template_id):
    access.require_manager(uow, caller)
    return [STATUS_AUTOMATIONS.to_json(row, relations=False)
            for row in _template(uow, template_id).status_automations]


def add_template_status_automation(uow, caller, template_id, body):
    automation = _link(uow, caller, template_id, body, "status_automations",
                       "status_automation_id")
    return STATUS_AUTOMATIONS.to_json(automation, relations=False)


def remove_template_status_automation(uow, caller, template_id, automation_id):
    _unlink(uow, caller, template_id, "status_automations", automation_id)


# -- metadata descriptor snapshot ------------------------------------------------------

def _snapshot_entry(entry):
    """Zou's normalised shape of one descriptor in a template."""
    name = entry.get("name") or ""
    task_type_id = entry.get("task_type_id")
    return {"name": name, "field_name": entry.get("field_name") or descriptors.slug(name),
            "entity_type": entry.get("entity_type"),
            "task_type_id": str(task_type_id) if task_type_id else None,
            "data_type": entry.get("data_type"), "choices": entry.get("choices") or [],
            "for_client": bool(entry.get("for_client", False)),
            "departments": [str(item) for item in entry.get("departments") or []
                            if item is not None],
            "position": entry.get("position")}


def set_template_descriptors(uow, caller, template_id, body):
    """PUT /data/project-templates/{id}/metadata-descriptors: a list, or
    {metadata_descriptors: list}; replaces the snapshot."""
    access.require_admin(uow, caller)
    entries = body if isinstance(body, list) else (body or {}).get("metadata_descriptors")
    entries = [] if entries is None else entries
    if not isinstance(entries, list):
        raise errors.Rejected("metadata_descriptors must be a list")
    if not all(isinstance(entry, dict) for entry in entries):
        raise errors.Rejected("Each metadata descriptor must be an object")
    template = _template(uow, template_id)
    snapshot = [_snapshot_entry(entry) for entry in entries]
    _change(uow, template, lambda: setattr(template, "metadata_descriptors", snapshot))
    return _render(template, relations=False)


# -- from a production, onto a production ----------------------------------------------

def template_from_project(uow, caller, project_id, body):
    """POST /data/project-templates/from-project/{id} {name, description}: 201."""
    access.require_admin(uow, caller)
    values = validate(body, FROM_PROJECT)
    project = teams.project_or_404(uow, project_id)
    rows = uow.session.scalars(sa.select(MetadataDescriptor).where(
        MetadataDescriptor.project_id == project.id).order_by(
        MetadataDescriptor.created_at)).all()
    template = ProjectTemplate(
        id=uuid.uuid4(), name=values["name"], description=values["description"],
        file_tree=project.file_tree, data=project.data,
        default_preview_background_file_id=project.default_preview_background_file_id,
        metadata_descriptors=[_snapshot_entry(descriptors.DESCRIPTORS.to_json(row))
                              for row in rows],
        asset_types=list(project.asset_types),
        status_automations=list(project.status_automations),
        **{name: getattr(project, name) for name in SETTINGS})
    crud.insert_row(uow, PROJECT_TEMPLATES, template)
    return _render(template, relations=False)


def apply_template(uow, caller, project_id, template_id):
    """POST /data/projects/{id}/apply-template/{template_id} (admins): the template's
    settings, asset types, status automations and descriptors are added to the
    production (what it has is kept); emits project:update and metadata-descriptor:new."""
    access.require_admin(uow, caller)
    project = teams.project_or_404(uow, project_id)
    template = _template(uow, template_id)
    settings = {name: getattr(template, name) for name in SETTINGS + ("file_tree", "data")
                if getattr(template, name) is not None}

    def change():
        for name, value in settings.items():
            setattr(project, name, value)
        project.asset_types.extend(item for item in template.asset_types
                                   if item not in project.asset_types)
        project.status_automations.extend(item for item in template.status_automations
                                          if item not in project.status_automations)
        if project.default_preview_background_file_id is None:
            project.default_preview_background_file_id = \
                template.default_preview_background_file_id
    teams.change_project(uow, project, change)
    for entry in template.metadata_descriptors or []:
        _add_snapshot_descriptor(uow, project, entry)
    return projects.render_project(project, relations=False)


def _add_snapshot_descriptor(uow, project, entry):
    """A descriptor of the snapshot, unless the production has one of that name (Zou
    skips incomplete and refused entries)."""
    name, entity_type = entry.get("name"), entry.get("entity_type")
    task_type_id = teams.uuid_or_none(entry.get("task_type_id")) \
        if entry.get("task_type_id") else None
    if not name or not entity_type or (entity_type == "Task" and task_type_id is None):
        return
    same = sa.select(MetadataDescriptor.id).where(
        MetadataDescriptor.project_id == project.id,
        MetadataDescriptor.entity_type == entity_type, MetadataDescriptor.name == name,
        MetadataDescriptor.task_type_id.is_(None) if task_type_id is None else
        MetadataDescriptor.task_type_id == task_type_id)
    if uow.session.scalar(same) is not None:
        return
    try:
        if entry.get("data_type") is not None:
            descriptors.check_data_type(entry["data_type"])
        with uow.session.begin_nested():
            descriptors.add_descriptor(uow, project.id, {**entry,
                                                         "task_type_id": task_type_id})
    except (errors.Invalid, errors.NotFound, errors.Rejected):
        return
