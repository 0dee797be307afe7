"""The tasks service's tables (schema `tasks`), with Zou's columns.

Two kinds of tables live here:
- the service's own data (task types and statuses, their links to productions, tasks
  and their assignees), rebuilt from the log by `replay.py`;
- local read models of other services' data, fed by their events (`read_models.py`):
  persons (auth), productions with their status and team, entity types, entities and
  asset instances (catalog). They keep what task reads and access checks need, plus
  each row's full JSON (`row`) for the views that embed it (`/data/tasks/{id}/full`)
  and the file tree's tokens (`file_trees.py`). They have no
  foreign keys into the service's own tables, and ids pointing at them (a task's
  entity, project, assignees) have none either: the rows live in other schemas.
"""
import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.dialects.postgresql import JSONB, UUID

from slate_common.db import TimestampedMixin, base_for
from slate_common.schemas import Choice

SCHEMA = "tasks"
Base = base_for(SCHEMA)


# -- read models -----------------------------------------------------------------------

class Person(Base):
    """A person as the tasks service knows them: role, activity, safe profile."""
    __tablename__ = "persons"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    role = sa.Column(sa.String(30), nullable=False, default="user")
    active = sa.Column(sa.Boolean, nullable=False, default=True)
    profile = sa.Column(JSONB, nullable=False, default=dict)


class ProjectStatus(Base):
    __tablename__ = "project_statuses"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    name = sa.Column(sa.String(20), nullable=False)


class Project(Base):
    """A production: its name and status, and its full JSON (relations left out)."""
    __tablename__ = "projects"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    name = sa.Column(sa.String(80), nullable=False)
    project_status_id = sa.Column(UUID(as_uuid=True))
    row = sa.Column(JSONB, nullable=False, default=dict)


# The production's many-to-many relations: kept apart from its `row` in the read model.
PROJECT_RELATIONS = ("team", "asset_types", "task_types", "task_statuses",
                     "status_automations", "preview_background_files")

# A production's team, each member with the role set for them there (the catalog's
# `team_roles`; NULL: their global role), as Zou's project_person_link.
team_links = sa.Table(
    "team_links", Base.metadata,
    sa.Column("project_id", UUID(as_uuid=True),
              sa.ForeignKey("tasks.projects.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person_id", UUID(as_uuid=True), primary_key=True, index=True),
    sa.Column("role", sa.String(30)),
)


class EntityType(Base):
    __tablename__ = "entity_types"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    name = sa.Column(sa.String(30), nullable=False)
    row = sa.Column(JSONB, nullable=False, default=dict)


class Entity(Base):
    """An asset, episode, sequence, shot, edit, scene or concept of a production."""
    __tablename__ = "entities"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    name = sa.Column(sa.String(160), nullable=False)
    project_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    entity_type_id = sa.Column(UUID(as_uuid=True), nullable=False)
    parent_id = sa.Column(UUID(as_uuid=True), index=True)
    source_id = sa.Column(UUID(as_uuid=True), index=True)
    canceled = sa.Column(sa.Boolean, nullable=False, default=False)
    row = sa.Column(JSONB, nullable=False, default=dict)


class CastingLink(Base):
    """A casting link of the catalog (`entity_out_id`, an asset, cast in `entity_in_id`):
    the boards filter assets by the episodes they are cast in (`boards.py`)."""
    __tablename__ = "casting_links"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    entity_in_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    entity_out_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)


class MetadataDescriptor(Base):
    """A production's custom column (the catalog's): vendors do not see the `data` keys
    of descriptors restricted to departments they are not in (`boards.py`)."""
    __tablename__ = "metadata_descriptors"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    project_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    entity_type = sa.Column(sa.String(60), nullable=False)
    field_name = sa.Column(sa.String(120), nullable=False)
    departments = sa.Column(JSONB, nullable=False, default=list)
    row = sa.Column(JSONB, nullable=False, default=dict)


class AssetInstance(Base):
    """An asset instance of the catalog: an asset placed in a layout scene (`scene_id`) or
    inside another asset (`target_asset_id`). Output files are published for it in a
    shot or scene (`instance_outputs.py`); its file tree templates are `instance` and
    `instance_asset`."""
    __tablename__ = "asset_instances"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    asset_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    name = sa.Column(sa.String(80))
    number = sa.Column(sa.Integer)
    scene_id = sa.Column(UUID(as_uuid=True), index=True)
    target_asset_id = sa.Column(UUID(as_uuid=True), index=True)
    row = sa.Column(JSONB, nullable=False, default=dict)


class StatusAutomation(Base):
    """A status automation of the catalog: when a task of `in_task_type_id` reaches
    `in_task_status_id`, the entity's task of `out_task_type_id` moves too
    (`status_automations.py`); the rest of its fields are in `row`."""
    __tablename__ = "status_automations"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    in_task_type_id = sa.Column(UUID(as_uuid=True))
    in_task_status_id = sa.Column(UUID(as_uuid=True))
    archived = sa.Column(sa.Boolean, nullable=False, default=False)
    row = sa.Column(JSONB, nullable=False, default=dict)


# The automations a production applies (its `status_automations`); no key on the
# automation: a link may name one older than the read model.
project_status_automation_links = sa.Table(
    "project_status_automation_links", Base.metadata,
    sa.Column("project_id", UUID(as_uuid=True),
              sa.ForeignKey("tasks.projects.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("status_automation_id", UUID(as_uuid=True), primary_key=True, index=True),
)


READ_MODELS = (Person, ProjectStatus, Project, EntityType, Entity, CastingLink,
               MetadataDescriptor, AssetInstance, StatusAutomation)


# -- the service's own data ------------------------------------------------------------

class TaskType(TimestampedMixin, Base):
    """A kind of work (modeling, animation...) for one kind of entity."""
    __tablename__ = "task_types"
    __table_args__ = (sa.UniqueConstraint("name", "for_entity", "department_id",
                                          name="task_type_uc"),)
    name = sa.Column(sa.String(40), nullable=False)
    short_name = sa.Column(sa.String(20))
    description = sa.Column(sa.Text)
    color = sa.Column(sa.String(7), default="#FFFFFF")
    priority = sa.Column(sa.Integer, default=1)
    for_entity = sa.Column(sa.String(30), default="Asset")
    allow_timelog = sa.Column(sa.Boolean, default=True)
    archived = sa.Column(sa.Boolean, default=False)
    shotgun_id = sa.Column(sa.Integer, index=True)
    # Departments are the auth service's: a plain id.
    department_id = sa.Column(UUID(as_uuid=True), index=True)


class TaskStatus(TimestampedMixin, Base):
    """A state of a task, with the flags the workflow reads (done, retake...)."""
    __tablename__ = "task_statuses"
    name = sa.Column(sa.String(40), nullable=False)
    archived = sa.Column(sa.Boolean, default=False)
    short_name = sa.Column(sa.String(10), unique=True, nullable=False, index=True)
    description = sa.Column(sa.Text)
    color = sa.Column(sa.String(7), nullable=False)
    priority = sa.Column(sa.Integer, default=1)
    is_done = sa.Column(sa.Boolean, default=False, index=True)
    is_artist_allowed = sa.Column(sa.Boolean, default=True)
    is_client_allowed = sa.Column(sa.Boolean, default=True)
    is_retake = sa.Column(sa.Boolean, default=False)
    is_feedback_request = sa.Column(sa.Boolean, default=False, index=True)
    is_default = sa.Column(sa.Boolean, default=False, index=True)
    is_wip = sa.Column(sa.Boolean, default=False, index=True)
    shotgun_id = sa.Column(sa.Integer)
    for_concept = sa.Column(sa.Boolean, default=False)


class ProjectTaskTypeLink(TimestampedMixin, Base):
    """A task type used by a production (its settings), with its priority there."""
    __tablename__ = "project_task_type_links"
    __table_args__ = (sa.UniqueConstraint("project_id", "task_type_id",
                                          name="project_tasktype_uc"),)
    project_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    task_type_id = sa.Column(UUID(as_uuid=True),
                             sa.ForeignKey("tasks.task_types.id", ondelete="CASCADE"),
                             nullable=False, index=True)
    priority = sa.Column(sa.Integer)
    hd_bitrate_compression = sa.Column(sa.Integer)
    ld_bitrate_compression = sa.Column(sa.Integer)
    is_client_visible = sa.Column(sa.Boolean, default=True)


BOARD_ROLES = ["user", "admin", "supervisor", "manager", "vendor"]


class ProjectTaskStatusLink(TimestampedMixin, Base):
    """A task status used by a production (its settings)."""
    __tablename__ = "project_task_status_links"
    __table_args__ = (sa.UniqueConstraint("project_id", "task_status_id",
                                          name="project_taskstatus_uc"),)
    project_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    task_status_id = sa.Column(UUID(as_uuid=True),
                               sa.ForeignKey("tasks.task_statuses.id", ondelete="CASCADE"),
                               nullable=False, index=True)
    priority = sa.Column(sa.Integer)
    roles_for_board = sa.Column(JSONB, default=lambda: list(BOARD_ROLES))
    is_client_allowed = sa.Column(sa.Boolean)


task_person_links = sa.Table(
    "task_person_links", Base.metadata,
    sa.Column("task_id", UUID(as_uuid=True),
              sa.ForeignKey("tasks.tasks.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person_id", UUID(as_uuid=True), primary_key=True, index=True),
)


class Task(TimestampedMixin, Base):
    """Work of one task type on one entity, assigned to people, moving through statuses."""
    __tablename__ = "tasks"
    __table_args__ = (
        sa.UniqueConstraint("name", "project_id", "task_type_id", "entity_id",
                            name="task_uc"),
        sa.CheckConstraint("difficulty > 0 AND difficulty < 6", name="check_difficulty"),
        sa.Index("ix_tasks_tasks_entity_project", "entity_id", "project_id"),
    )
    name = sa.Column(sa.String(80), nullable=False)
    description = sa.Column(sa.Text)
    priority = sa.Column(sa.Integer, default=0)
    difficulty = sa.Column(sa.Integer, default=3, nullable=False)
    duration = sa.Column(sa.Float, default=0)
    estimation = sa.Column(sa.Float, default=0)
    completion_rate = sa.Column(sa.Integer, default=0)
    retake_count = sa.Column(sa.Integer, default=0)
    sort_order = sa.Column(sa.Integer, default=0)
    start_date = sa.Column(sa.DateTime)
    due_date = sa.Column(sa.DateTime)
    real_start_date = sa.Column(sa.DateTime)
    end_date = sa.Column(sa.DateTime)
    done_date = sa.Column(sa.DateTime)
    last_comment_date = sa.Column(sa.DateTime)
    nb_assets_ready = sa.Column(sa.Integer, default=0)
    data = sa.Column(JSONB)
    nb_drawings = sa.Column(sa.Integer, default=0)
    shotgun_id = sa.Column(sa.Integer)
    last_preview_file_id = sa.Column(UUID(as_uuid=True))
    project_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    task_type_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("tasks.task_types.id"),
                             nullable=False, index=True)
    task_status_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("tasks.task_statuses.id"),
                               nullable=False, index=True)
    entity_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    assigner_id = sa.Column(UUID(as_uuid=True), index=True)
    assignees = orm.relationship(
        Person, secondary=task_person_links,
        primaryjoin=lambda: Task.id == task_person_links.c.task_id,
        secondaryjoin=lambda: orm.foreign(task_person_links.c.person_id) == Person.id,
        order_by=lambda: task_person_links.c.person_id)   # a stable order in every reply


# -- subscriptions and notifications (subscriptions.py, notification_feed.py) -----------

class Subscription(TimestampedMixin, Base):
    """A person following a task, or a sequence's tasks of one task type (Zou's
    `entity_id` + `task_type_id`)."""
    __tablename__ = "subscriptions"
    __table_args__ = (
        sa.UniqueConstraint("person_id", "task_id", name="subscription_task_uc"),
        sa.UniqueConstraint("person_id", "task_type_id", "entity_id",
                            name="subscription_entity_uc"),
    )
    person_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    task_id = sa.Column(UUID(as_uuid=True),
                        sa.ForeignKey("tasks.tasks.id", ondelete="CASCADE"), index=True)
    entity_id = sa.Column(UUID(as_uuid=True), index=True)
    task_type_id = sa.Column(UUID(as_uuid=True),
                             sa.ForeignKey("tasks.task_types.id", ondelete="CASCADE"),
                             index=True)


NOTIFICATION_TYPES = ("comment", "mention", "assignation", "reply", "reply-mention",
                      "playlist-ready")


class Notification(TimestampedMixin, Base):
    """Something a person should see: a comment, a mention, a reply, an assignation.
    Written by the notifications projection only. Zou's `type` column is named
    `notification_type`, as Zou renders it (the JSON `type` is the model's name)."""
    __tablename__ = "notifications"
    __table_args__ = (sa.UniqueConstraint("person_id", "author_id", "comment_id", "reply_id",
                                          "playlist_id", "notification_type",
                                          name="notification_uc"),)
    read = sa.Column(sa.Boolean, nullable=False, default=False)
    change = sa.Column(sa.Boolean, nullable=False, default=False)
    notification_type = sa.Column(Choice(NOTIFICATION_TYPES), nullable=False)
    person_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    author_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    comment_id = sa.Column(UUID(as_uuid=True), index=True)
    task_id = sa.Column(UUID(as_uuid=True),
                        sa.ForeignKey("tasks.tasks.id", ondelete="CASCADE"), index=True)
    playlist_id = sa.Column(UUID(as_uuid=True), index=True)
    reply_id = sa.Column(UUID(as_uuid=True), index=True)


# -- each person's day: time sheets, day offs, the production schedule, desktop logins --

class TimeSpent(TimestampedMixin, Base):
    """Minutes someone spent on a task on a day (one row per person, task and day)."""
    __tablename__ = "time_spents"
    __table_args__ = (
        sa.UniqueConstraint("person_id", "task_id", "date", name="time_spent_uc"),
        sa.CheckConstraint("duration > 0", name="check_duration_positive"),
    )
    duration = sa.Column(sa.Float, nullable=False)
    date = sa.Column(sa.Date, nullable=False)
    task_id = sa.Column(UUID(as_uuid=True),
                        sa.ForeignKey("tasks.tasks.id", ondelete="CASCADE"), index=True)
    person_id = sa.Column(UUID(as_uuid=True), index=True)


class DayOff(TimestampedMixin, Base):
    """Someone away from `date` to `end_date` (both included)."""
    __tablename__ = "day_offs"
    __table_args__ = (
        sa.UniqueConstraint("person_id", "date", name="day_off_uc"),
        sa.CheckConstraint("date <= end_date", name="day_off_date_check"),
    )
    date = sa.Column(sa.Date, nullable=False)
    end_date = sa.Column(sa.Date, nullable=False)
    description = sa.Column(sa.Text)
    person_id = sa.Column(UUID(as_uuid=True), index=True)


class ScheduleItem(TimestampedMixin, Base):
    """The planned dates of a task type in a production, optionally for one of its
    sequences, episodes, edits or asset types (`object_id`)."""
    __tablename__ = "schedule_items"
    __table_args__ = (sa.UniqueConstraint("project_id", "task_type_id", "object_id",
                                          name="schedule_item_uc"),)
    start_date = sa.Column(sa.Date)
    end_date = sa.Column(sa.Date)
    man_days = sa.Column(sa.Integer)
    project_id = sa.Column(UUID(as_uuid=True), index=True)
    task_type_id = sa.Column(UUID(as_uuid=True),
                             sa.ForeignKey("tasks.task_types.id", ondelete="CASCADE"),
                             index=True)
    object_id = sa.Column(UUID(as_uuid=True), index=True)


class DesktopLoginLog(TimestampedMixin, Base):
    """A login on someone's desktop session (presence reports)."""
    __tablename__ = "desktop_login_logs"
    person_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    date = sa.Column(sa.DateTime, nullable=False)


# -- comments and the news feed (comments.py, news_feed.py) -----------------------------

class Department(Base):
    """A department as the tasks service knows it (read model of auth's departments):
    enough to find `@Department` mentions in a comment."""
    __tablename__ = "departments"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    name = sa.Column(sa.String(80), nullable=False)


def _comment_links(name, column):
    return sa.Table(
        name, Base.metadata,
        sa.Column("comment_id", UUID(as_uuid=True),
                  sa.ForeignKey("tasks.comments.id", ondelete="CASCADE"), primary_key=True),
        sa.Column(column, UUID(as_uuid=True), primary_key=True, index=True))


comment_mentions = _comment_links("comment_mentions", "person_id")
comment_department_mentions = _comment_links("comment_department_mentions", "department_id")
comment_acknowledgements = _comment_links("comment_acknowledgements", "person_id")


def _linked(model, table, column):
    return orm.relationship(
        model, secondary=table,
        primaryjoin=lambda: Comment.id == table.c.comment_id,
        secondaryjoin=lambda: orm.foreign(table.c[column]) == model.id)


class Comment(TimestampedMixin, Base):
    """A message on a task, usually setting its status (Zou's Comment). It goes with its
    task. Previews and attachments are the media service's (not linked here)."""
    __tablename__ = "comments"
    shotgun_id = sa.Column(sa.Integer)
    object_id = sa.Column(UUID(as_uuid=True),
                          sa.ForeignKey("tasks.tasks.id", ondelete="CASCADE"),
                          nullable=False, index=True)
    object_type = sa.Column(sa.String(80), nullable=False, default="Task")
    text = sa.Column(sa.Text)
    data = sa.Column(JSONB)
    replies = sa.Column(JSONB, default=list)
    checklist = sa.Column(JSONB, default=list)
    pinned = sa.Column(sa.Boolean)
    for_client = sa.Column(sa.Boolean, default=False)
    links = sa.Column(JSONB, default=list)  # Zou: ARRAY(String); same JSON
    task_status_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("tasks.task_statuses.id"),
                               index=True)
    person_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    editor_id = sa.Column(UUID(as_uuid=True), index=True)
    preview_file_id = sa.Column(UUID(as_uuid=True), index=True)
    mentions = _linked(Person, comment_mentions, "person_id")
    department_mentions = _linked(Department, comment_department_mentions, "department_id")
    acknowledgements = _linked(Person, comment_acknowledgements, "person_id")


class News(TimestampedMixin, Base):
    """An entry of a production's news feed: a projection of the comment events
    (news_feed.py), never written by a request handler."""
    __tablename__ = "news"
    __table_args__ = (sa.Index("ix_tasks_news_feed", "created_at", "id"),)
    change = sa.Column(sa.Boolean, nullable=False, default=False)
    author_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    comment_id = sa.Column(UUID(as_uuid=True), index=True)
    task_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    preview_file_id = sa.Column(UUID(as_uuid=True), index=True)


# The person's own context (filters, chats) lives in its own module, on this Base.
from slate_tasks import user_models  # noqa: E402,F401  (registers its tables)
from slate_tasks import file_models  # noqa: E402,F401  (files: softwares, working/output files)
