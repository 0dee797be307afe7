"""Which of the catalog's tables each event rebuilds (`slate rebuild catalog`).

The persons read model is not rebuilt here: it follows the auth service's events with
its own tracked position (`persons.py`), and the team links replay against it.
"""
import types

from slate_catalog import events
from slate_catalog.models import Base, Entity, EntityType, Person, Project, \
    ProjectStatus
from slate_catalog.settings_models import Budget, BudgetEntry, CustomAction, \
    MetadataDescriptor, Milestone, ProductionScheduleVersion, ProjectTemplate, \
    StatusAutomation

BY_FAMILY = {events.PROJECT: Project, events.PROJECT_STATUS: ProjectStatus,
             events.ASSET_TYPE: EntityType, events.ENTITY_TYPE: EntityType,
             **{family: Entity for family in events.ENTITY_FAMILIES},
             events.METADATA_DESCRIPTOR: MetadataDescriptor, events.MILESTONE: Milestone,
             events.PRODUCTION_SCHEDULE_VERSION: ProductionScheduleVersion,
             events.STATUS_AUTOMATION: StatusAutomation, events.BUDGET: Budget,
             events.BUDGET_ENTRY: BudgetEntry, events.CUSTOM_ACTION: CustomAction,
             events.PROJECT_TEMPLATE: ProjectTemplate}
TABLES = types.SimpleNamespace(sorted_tables=[
    table for table in Base.metadata.sorted_tables if table is not Person.__table__])


def event_models(name):
    """The model an event of this name changes, or None if it is not the catalog's."""
    return BY_FAMILY.get(name.split(":", 1)[0])
