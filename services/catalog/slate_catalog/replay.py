"""Which of the catalog's tables each event rebuilds (`slate rebuild catalog`).

The persons read model is not rebuilt here: it follows the auth service's events with
its own tracked position (`persons.py`), and the team links replay against it. The
entity-tasks and task-settings read models are: their rows are the task and link rows
of the tasks service's events, applied idempotently, so a replay ahead of their
followers does no harm. (`task:assign` adds nothing here: the team change it caused is
its own `project:update`.)
"""
import types

from slate_catalog import events, task_settings
from slate_catalog.models import AssetInstance, Base, Entity, EntityLink, EntityTask, \
    EntityType, Person, Project, ProjectStatus
from slate_catalog.settings_models import Budget, BudgetEntry, CustomAction, \
    MetadataDescriptor, Milestone, ProductionScheduleVersion, ProjectTemplate, \
    StatusAutomation

BY_FAMILY = {events.PROJECT: Project, events.PROJECT_STATUS: ProjectStatus,
             events.ASSET_TYPE: EntityType, events.ENTITY_TYPE: EntityType,
             **{family: Entity for family in events.ENTITY_FAMILIES},
             events.ENTITY_LINK: EntityLink, events.ASSET_INSTANCE: AssetInstance,
             events.BREAKDOWN_INSTANCE: AssetInstance,
             events.METADATA_DESCRIPTOR: MetadataDescriptor, events.MILESTONE: Milestone,
             events.PRODUCTION_SCHEDULE_VERSION: ProductionScheduleVersion,
             events.STATUS_AUTOMATION: StatusAutomation, events.BUDGET: Budget,
             events.BUDGET_ENTRY: BudgetEntry, events.CUSTOM_ACTION: CustomAction,
             events.PROJECT_TEMPLATE: ProjectTemplate}
TABLES = types.SimpleNamespace(sorted_tables=[
    table for table in Base.metadata.sorted_tables if table is not Person.__table__])


def event_models(name):
    """The model an event of this name changes, or None if it is not the catalog's."""
    if name in events.TASK_EVENTS:
        return EntityTask
    if name in events.TASK_SETTING_EVENTS:
        return task_settings.model_of(name)
    return BY_FAMILY.get(name.split(":", 1)[0])
