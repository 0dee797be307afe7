"""The catalog's JSON contracts as marshmallow schemas, built from its models (the
gateway's /openapi.json names them, e.g. "slate_catalog.contracts:Project")."""
from marshmallow import fields

from slate_common import schemas

from slate_catalog import entities, entity_types, projects
from slate_catalog.models import Entity as EntityModel
from slate_catalog.models import EntityType as EntityTypeModel
from slate_catalog.models import Project as ProjectModel
from slate_catalog.models import ProjectStatus as ProjectStatusModel
from slate_catalog import settings_models

_ID_LISTS = tuple((name, fields.List(fields.UUID())) for name in projects.UNOWNED_RELATIONS)

ProjectInput = schemas.input_schema(ProjectModel)
Project = schemas.output_schema(ProjectModel, extra=_ID_LISTS + (
    ("project_status_name", fields.String()), ("descriptors", fields.List(fields.Dict())),
    ("task_type_links", fields.Dict()), ("task_types_priority", fields.Dict()),
    ("task_statuses_link", fields.Dict())))
ProjectStatusInput = schemas.input_schema(ProjectStatusModel)
ProjectStatus = schemas.output_schema(ProjectStatusModel)
EntityTypeInput = schemas.input_schema(EntityTypeModel)
EntityType = schemas.output_schema(EntityTypeModel, extra=tuple(
    (name, fields.List(fields.UUID())) for name in entity_types.UNOWNED_RELATIONS))

# Entities: one model, rendered per kind with Zou's computed fields.
_CASTING = tuple((name, fields.List(fields.Raw())) for name in entities.UNOWNED_RELATIONS)
_NAMES = (("project_name", fields.String()),)
EntityInput = schemas.input_schema(EntityModel)
Entity = schemas.output_schema(EntityModel, extra=_CASTING)
Asset = schemas.output_schema(EntityModel, extra=_CASTING + _NAMES + (
    ("asset_type_id", fields.UUID()), ("asset_type_name", fields.String()),
    ("casting_episode_ids", fields.List(fields.UUID())), ("tasks", fields.List(fields.Dict()))))
Episode = schemas.output_schema(EntityModel, extra=_NAMES)
Sequence = schemas.output_schema(EntityModel, extra=_NAMES + (
    ("episode_id", fields.UUID()), ("episode_name", fields.String())))
Shot = schemas.output_schema(EntityModel, extra=_CASTING + _NAMES + (
    ("sequence_id", fields.UUID()), ("sequence_name", fields.String()),
    ("episode_id", fields.UUID()), ("episode_name", fields.String()),
    ("frame_in", fields.Raw()), ("frame_out", fields.Raw()),
    ("tasks", fields.List(fields.Dict()))))

def _contracts(model, extra=None):
    return schemas.output_schema(model, extra=extra), schemas.input_schema(model)


# Settings and planning (descriptors.py, planning.py, budgets.py, templates.py).
MetadataDescriptor, MetadataDescriptorInput = _contracts(settings_models.MetadataDescriptor)
Milestone, MilestoneInput = _contracts(settings_models.Milestone)
ProductionScheduleVersion, ProductionScheduleVersionInput = _contracts(
    settings_models.ProductionScheduleVersion)
StatusAutomation, StatusAutomationInput = _contracts(settings_models.StatusAutomation)
Budget, BudgetInput = _contracts(settings_models.Budget)
BudgetEntry, BudgetEntryInput = _contracts(settings_models.BudgetEntry)
CustomAction, CustomActionInput = _contracts(settings_models.CustomAction)
ProjectTemplate, ProjectTemplateInput = _contracts(
    settings_models.ProjectTemplate, extra=tuple(
        (name, fields.List(fields.UUID())) for name in ("task_types", "task_statuses",
                                                       "preview_background_files")))
