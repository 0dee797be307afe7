"""A production's settings and planning tables (schema `catalog`), with Zou's columns:
metadata descriptors, milestones, production schedule versions, status automations,
budgets and their entries, custom actions and project templates.

Task types, task statuses, departments and persons belong to other services: their
ids are plain columns here, without foreign keys. A descriptor's `departments` is a
JSON list of department ids for that reason (Zou's relation renders the same list).
"""
import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.dialects.postgresql import JSONB, UUID

from slate_common.db import TimestampedMixin
from slate_common.schemas import Choice

from slate_catalog.models import PROJECT_STYLES, Base, EntityType, Project

DESCRIPTOR_TYPES = ("string", "number", "list", "taglist", "boolean", "checklist", "date",
                    "url", "textarea", "person")
CHANGE_TYPES = ("status", "ready_for")
POSITION_TYPES = ("supervisor", "lead", "artist")
SENIORITY_TYPES = ("senior", "mid", "junior")


def _project_fk(ondelete=None, nullable=True):
    return sa.Column(UUID(as_uuid=True), sa.ForeignKey("catalog.projects.id",
                                                       ondelete=ondelete),
                     nullable=nullable, index=True)


def _unique_where(name, *columns, task_type=False):
    """Zou's partial unique indexes: a descriptor's name and field name are unique per
    project and entity type, and per task type for Task descriptors."""
    condition = "task_type_id IS %sNULL" % ("NOT " if task_type else "")
    return sa.Index(name, "project_id", "entity_type", *columns, unique=True,
                    postgresql_where=sa.text(condition))


class MetadataDescriptor(TimestampedMixin, Base):
    """A custom column of a production: values live in the `data` of its entities
    (or of the project, or of tasks of one task type)."""
    __tablename__ = "metadata_descriptors"
    __table_args__ = (
        _unique_where("metadata_descriptor_uc", "name"),
        _unique_where("metadata_descriptor_uc2", "field_name"),
        _unique_where("metadata_descriptor_task_type_uc", "task_type_id", "name",
                      task_type=True),
        _unique_where("metadata_descriptor_task_type_uc2", "task_type_id", "field_name",
                      task_type=True),
    )
    project_id = _project_fk(ondelete="CASCADE", nullable=False)
    entity_type = sa.Column(sa.String(60), nullable=False, index=True)
    task_type_id = sa.Column(UUID(as_uuid=True), index=True)
    name = sa.Column(sa.String(120), nullable=False)
    data_type = sa.Column(Choice(DESCRIPTOR_TYPES, length=20))
    field_name = sa.Column(sa.String(120), nullable=False)
    choices = sa.Column(JSONB)
    for_client = sa.Column(sa.Boolean, default=False, index=True)
    position = sa.Column(sa.Integer)
    departments = sa.Column(JSONB, nullable=False, default=list)


class Milestone(TimestampedMixin, Base):
    __tablename__ = "milestones"
    date = sa.Column(sa.Date)
    name = sa.Column(sa.String(40), nullable=False)
    project_id = _project_fk(ondelete="CASCADE")
    task_type_id = sa.Column(UUID(as_uuid=True), index=True)


class ProductionScheduleVersion(TimestampedMixin, Base):
    __tablename__ = "production_schedule_versions"
    __table_args__ = (sa.UniqueConstraint("name", "project_id",
                                          name="production_schedule_version_uc"),)
    name = sa.Column(sa.String(80), nullable=False)
    project_id = _project_fk(ondelete="CASCADE", nullable=False)
    production_schedule_from = sa.Column(
        UUID(as_uuid=True), sa.ForeignKey("catalog.production_schedule_versions.id",
                                          ondelete="SET NULL"), index=True)
    locked = sa.Column(sa.Boolean, default=False)
    canceled = sa.Column(sa.Boolean, default=False)


class StatusAutomation(TimestampedMixin, Base):
    """When a task of `in_task_type` reaches `in_task_status`, set the status (or the
    ready-for) of the entity's `out_task_type` task. Applied by the tasks service."""
    __tablename__ = "status_automations"
    entity_type = sa.Column(sa.String(40), default="asset")
    in_task_type_id = sa.Column(UUID(as_uuid=True), index=True)
    in_task_status_id = sa.Column(UUID(as_uuid=True), index=True)
    out_field_type = sa.Column(Choice(CHANGE_TYPES, length=20), nullable=False,
                               default="status")
    out_task_type_id = sa.Column(UUID(as_uuid=True), index=True)
    out_task_status_id = sa.Column(UUID(as_uuid=True), index=True)
    import_last_revision = sa.Column(sa.Boolean, default=False)
    archived = sa.Column(sa.Boolean, default=False)


def _link_table(name, left, right):
    return sa.Table(
        name, Base.metadata,
        sa.Column(left[0], UUID(as_uuid=True),
                  sa.ForeignKey(left[1], ondelete="CASCADE"), primary_key=True),
        sa.Column(right[0], UUID(as_uuid=True), sa.ForeignKey(right[1]),
                  primary_key=True, index=True))


project_status_automation_links = _link_table(
    "project_status_automation_links", ("project_id", "catalog.projects.id"),
    ("status_automation_id", "catalog.status_automations.id"))
# The production's automations are catalog data now: a real relation of Project,
# declared here beside its table (models.py stays free of this module).
Project.status_automations = orm.relationship(
    StatusAutomation, secondary=project_status_automation_links,
    order_by=StatusAutomation.created_at)


class Budget(TimestampedMixin, Base):
    __tablename__ = "budgets"
    project_id = _project_fk(ondelete="CASCADE")
    revision = sa.Column(sa.Integer, nullable=False, default=1)
    name = sa.Column(sa.String(255), nullable=False)
    currency = sa.Column(sa.String(3))


class BudgetEntry(TimestampedMixin, Base):
    """A salary line of a budget: a department (auth's), maybe a person (auth's)."""
    __tablename__ = "budget_entries"
    budget_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("catalog.budgets.id",
                                                            ondelete="CASCADE"),
                          nullable=False, index=True)
    department_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    person_id = sa.Column(UUID(as_uuid=True), index=True)
    start_date = sa.Column(sa.Date, nullable=False)
    months_duration = sa.Column(sa.Integer, nullable=False)
    daily_salary = sa.Column(sa.Float, nullable=False)
    position = sa.Column(Choice(POSITION_TYPES, length=20), default="artist")
    seniority = sa.Column(Choice(SENIORITY_TYPES, length=20), default="mid")
    exceptions = sa.Column(JSONB)


class CustomAction(TimestampedMixin, Base):
    __tablename__ = "custom_actions"
    name = sa.Column(sa.String(80), nullable=False)
    url = sa.Column(sa.String(400))
    entity_type = sa.Column(sa.String(40), default="all")
    is_ajax = sa.Column(sa.Boolean, default=False)


template_asset_type_links = _link_table(
    "project_template_asset_type_links", ("project_template_id",
                                          "catalog.project_templates.id"),
    ("asset_type_id", "catalog.entity_types.id"))
template_status_automation_links = _link_table(
    "project_template_status_automation_links", ("project_template_id",
                                                 "catalog.project_templates.id"),
    ("status_automation_id", "catalog.status_automations.id"))


class ProjectTemplate(TimestampedMixin, Base):
    """A reusable snapshot of a production's configuration (no production data). Its
    task types and statuses are the tasks service's links."""
    __tablename__ = "project_templates"
    name = sa.Column(sa.String(80), nullable=False, unique=True, index=True)
    description = sa.Column(sa.Text)
    fps = sa.Column(sa.String(10), default="25")
    ratio = sa.Column(sa.String(10), default="16:9")
    resolution = sa.Column(sa.String(12), default="1920x1080")
    production_type = sa.Column(sa.String(20), default="short")
    production_style = sa.Column(Choice(PROJECT_STYLES, length=20), nullable=False,
                                 default="2d3d")
    max_retakes = sa.Column(sa.Integer, default=0)
    is_clients_isolated = sa.Column(sa.Boolean, default=False)
    is_client_stats_visible = sa.Column(sa.Boolean, default=True)
    is_client_task_list_visible = sa.Column(sa.Boolean, default=True)
    is_client_task_panel_visible = sa.Column(sa.Boolean, default=True)
    is_preview_download_allowed = sa.Column(sa.Boolean, default=False)
    is_set_preview_automated = sa.Column(sa.Boolean, default=False)
    is_publish_default_for_artists = sa.Column(sa.Boolean, default=False)
    is_single_preview_per_revision = sa.Column(sa.Boolean, default=False)
    is_frame_in_numbering = sa.Column(sa.Boolean, default=False)
    revision_padding = sa.Column(sa.Integer, default=0, nullable=False)
    homepage = sa.Column(sa.String(80), default="assets")
    hd_bitrate_compression = sa.Column(sa.Integer)
    ld_bitrate_compression = sa.Column(sa.Integer)
    file_tree = sa.Column(JSONB)
    data = sa.Column(JSONB)
    metadata_descriptors = sa.Column(JSONB, default=list)
    default_preview_background_file_id = sa.Column(UUID(as_uuid=True), index=True)
    asset_types = orm.relationship(EntityType, secondary=template_asset_type_links,
                                   order_by=EntityType.name)
    status_automations = orm.relationship(StatusAutomation,
                                          secondary=template_status_automation_links,
                                          order_by=StatusAutomation.created_at)
