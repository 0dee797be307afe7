"""The catalog service's tables (schema `catalog`), with Zou's columns.

`Person` is not the catalog's own data: it is the local read model of the auth service's
persons (role, activity and the safe profile), fed by their events (`persons.py`). Team
links point at person ids without a foreign key: persons live in another service's schema.
"""
import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.dialects.postgresql import JSONB, UUID

from slate_common.db import TimestampedMixin, base_for
from slate_common.schemas import Choice

SCHEMA = "catalog"
Base = base_for(SCHEMA)

PROJECT_STYLES = ("2d", "2dpaper", "3d", "2d3d", "ar", "vfx", "stop-motion",
                  "motion-design", "archviz", "commercial", "catalog", "immersive", "nft",
                  "video-game", "vr")


class Person(Base):
    """A person as the catalog knows them: enough to check access and show a team."""
    __tablename__ = "persons"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    role = sa.Column(sa.String(30), nullable=False, default="user")
    active = sa.Column(sa.Boolean, nullable=False, default=True)
    profile = sa.Column(JSONB, nullable=False, default=dict)


project_person_links = sa.Table(
    "project_person_links", Base.metadata,
    sa.Column("project_id", UUID(as_uuid=True),
              sa.ForeignKey("catalog.projects.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person_id", UUID(as_uuid=True), primary_key=True, index=True),
)

project_asset_type_links = sa.Table(
    "project_asset_type_links", Base.metadata,
    sa.Column("project_id", UUID(as_uuid=True),
              sa.ForeignKey("catalog.projects.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("asset_type_id", UUID(as_uuid=True),
              sa.ForeignKey("catalog.entity_types.id", ondelete="CASCADE"),
              primary_key=True),
)


class ProjectStatus(TimestampedMixin, Base):
    __tablename__ = "project_statuses"
    name = sa.Column(sa.String(20), nullable=False, unique=True, index=True)
    color = sa.Column(sa.String(7), nullable=False)


class EntityType(TimestampedMixin, Base):
    """An asset type, or one of the temporal types (Shot, Sequence, Episode...)."""
    __tablename__ = "entity_types"
    name = sa.Column(sa.String(30), nullable=False, unique=True, index=True)
    short_name = sa.Column(sa.String(20))
    description = sa.Column(sa.Text)
    archived = sa.Column(sa.Boolean, default=False)


class Project(TimestampedMixin, Base):
    __tablename__ = "projects"
    name = sa.Column(sa.String(80), nullable=False, unique=True, index=True)
    code = sa.Column(sa.String(80))
    description = sa.Column(sa.Text)
    shotgun_id = sa.Column(sa.Integer)
    file_tree = sa.Column(JSONB)
    data = sa.Column(JSONB)
    has_avatar = sa.Column(sa.Boolean, default=False)
    fps = sa.Column(sa.String(10), default="25")
    ratio = sa.Column(sa.String(10), default="16:9")
    resolution = sa.Column(sa.String(12), default="1920x1080")
    production_type = sa.Column(sa.String(20), default="short")
    production_style = sa.Column(Choice(PROJECT_STYLES, length=20), nullable=False,
                                 default="2d3d")
    start_date = sa.Column(sa.Date)
    end_date = sa.Column(sa.Date)
    man_days = sa.Column(sa.Integer)
    nb_episodes = sa.Column(sa.Integer, default=0)
    episode_span = sa.Column(sa.Integer, default=0)
    max_retakes = sa.Column(sa.Integer, default=0)
    is_clients_isolated = sa.Column(sa.Boolean, default=False)
    is_client_stats_visible = sa.Column(sa.Boolean, default=True)
    is_client_task_list_visible = sa.Column(sa.Boolean, default=True)
    is_client_task_panel_visible = sa.Column(sa.Boolean, default=True)
    is_preview_download_allowed = sa.Column(sa.Boolean, default=False)
    is_set_preview_automated = sa.Column(sa.Boolean, default=False)
    homepage = sa.Column(sa.String(80), default="assets")
    is_publish_default_for_artists = sa.Column(sa.Boolean, default=False)
    is_bot_collaboration_enabled = sa.Column(sa.Boolean, default=False)
    is_single_preview_per_revision = sa.Column(sa.Boolean, default=False)
    is_frame_in_numbering = sa.Column(sa.Boolean, default=False)
    revision_padding = sa.Column(sa.Integer, default=0, nullable=False)
    hd_bitrate_compression = sa.Column(sa.Integer)
    ld_bitrate_compression = sa.Column(sa.Integer)
    project_status_id = sa.Column(UUID(as_uuid=True),
                                  sa.ForeignKey("catalog.project_statuses.id"), index=True)
    # Owned by the media and schedule areas, not built yet: plain ids for now.
    default_preview_background_file_id = sa.Column(UUID(as_uuid=True))
    from_schedule_version_id = sa.Column(UUID(as_uuid=True), index=True)
    # Per-production roles of team members ({person id: role}; absent: the global role).
    # Kept on the production so its events carry them; never in its public JSON.
    team_roles = sa.Column(JSONB, nullable=False, default=dict, server_default="{}")
    team = orm.relationship(
        Person, secondary=project_person_links,
        primaryjoin=lambda: Project.id == project_person_links.c.project_id,
        secondaryjoin=lambda: orm.foreign(project_person_links.c.person_id) == Person.id)
    asset_types = orm.relationship(EntityType, secondary=project_asset_type_links,
                                   order_by=EntityType.name)


ENTITY_STATUSES = ("standby", "running", "complete", "canceled")


class Entity(TimestampedMixin, Base):
    """Zou's polymorphic entity: assets, episodes, sequences, shots (and later scenes,
    edits, concepts) are rows of one table told apart by their entity type. `parent_id`
    is the sequence of a shot, the episode of a sequence; `source_id` the main episode
    of an asset. Preview files, task types (`ready_for`) and persons (`created_by`) are
    owned by other areas or services: plain ids, no foreign key."""
    __tablename__ = "entities"
    __table_args__ = (
        sa.UniqueConstraint("name", "project_id", "entity_type_id", "parent_id",
                            name="entity_uc"),
        sa.Index("ix_catalog_entities_project_type_status", "project_id",
                 "entity_type_id", "status"),
        sa.Index("ix_catalog_entities_type_parent", "entity_type_id", "parent_id"),
    )
    name = sa.Column(sa.String(160), nullable=False)
    code = sa.Column(sa.String(160))
    description = sa.Column(sa.Text)
    shotgun_id = sa.Column(sa.Integer)
    canceled = sa.Column(sa.Boolean, default=False)
    nb_frames = sa.Column(sa.Integer)
    nb_entities_out = sa.Column(sa.Integer, default=0)
    is_casting_standby = sa.Column(sa.Boolean, default=False)
    is_shared = sa.Column(sa.Boolean, nullable=False, default=False)
    status = sa.Column(Choice(ENTITY_STATUSES, length=30), nullable=False, default="running",
                       index=True)
    project_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("catalog.projects.id"),
                           nullable=False, index=True)
    entity_type_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("catalog.entity_types.id"),
                               nullable=False, index=True)
    parent_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("catalog.entities.id"),
                          index=True)
    source_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("catalog.entities.id"),
                          index=True)
    preview_file_id = sa.Column(UUID(as_uuid=True))
    data = sa.Column(JSONB)
    ready_for = sa.Column(UUID(as_uuid=True))
    created_by = sa.Column(UUID(as_uuid=True), index=True)


class EntityTask(Base):
    """The tasks of each entity: the catalog's read model of the tasks service's
    `task:new` / `task:update` / `task:delete` events (`entity_tasks.py`), with the
    task's columns an asset or shot page shows (Zou's names, so a task row of those
    events applies as is). No foreign keys: both ends may be deleted before the other's
    event arrives."""
    __tablename__ = "entity_tasks"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    entity_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    task_type_id = sa.Column(UUID(as_uuid=True))
    task_status_id = sa.Column(UUID(as_uuid=True))
    priority = sa.Column(sa.Integer)
    difficulty = sa.Column(sa.Integer)
    duration = sa.Column(sa.Float)
    estimation = sa.Column(sa.Float)
    retake_count = sa.Column(sa.Integer)
    nb_assets_ready = sa.Column(sa.Integer)
    nb_drawings = sa.Column(sa.Integer)
    real_start_date = sa.Column(sa.DateTime)
    start_date = sa.Column(sa.DateTime)
    due_date = sa.Column(sa.DateTime)
    end_date = sa.Column(sa.DateTime)
    done_date = sa.Column(sa.DateTime)
    last_comment_date = sa.Column(sa.DateTime)
    last_preview_file_id = sa.Column(UUID(as_uuid=True))
    data = sa.Column(JSONB)
    assignees = sa.Column(JSONB)   # person ids, as the task row lists them
    created_at = sa.Column(sa.DateTime)


class TaskTypeSetting(Base):
    """A task type a production uses: the tasks service's `task-type-link:*` rows
    (`task_settings.py`), for the production's `task_types` and `task_type_links`."""
    __tablename__ = "task_type_settings"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    project_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    task_type_id = sa.Column(UUID(as_uuid=True), nullable=False)
    priority = sa.Column(sa.Integer)
    hd_bitrate_compression = sa.Column(sa.Integer)
    ld_bitrate_compression = sa.Column(sa.Integer)
    is_client_visible = sa.Column(sa.Boolean)
    created_at = sa.Column(sa.DateTime)


class TaskStatusSetting(Base):
    """A task status a production uses: the tasks service's `task-status-link:*` rows,
    for the production's `task_statuses` and `task_statuses_link`."""
    __tablename__ = "task_status_settings"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    project_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    task_status_id = sa.Column(UUID(as_uuid=True), nullable=False)
    priority = sa.Column(sa.Integer)
    roles_for_board = sa.Column(JSONB)
    is_client_allowed = sa.Column(sa.Boolean)
    created_at = sa.Column(sa.DateTime)


# -- breakdown: casting links and asset instances (casting.py, asset_instances.py) ------

def _entity_fk(nullable=True, **options):
    """A reference to an entity that vanishes with it (entity deletion relies on it)."""
    return sa.Column(UUID(as_uuid=True),
                     sa.ForeignKey("catalog.entities.id", ondelete="CASCADE"),
                     nullable=nullable, index=True, **options)


class EntityLink(TimestampedMixin, Base):
    """Zou's casting link: `entity_out_id` (an asset) is cast `nb_occurences` times in
    `entity_in_id` (a shot, an episode, or an asset for set dressing)."""
    __tablename__ = "entity_links"
    __table_args__ = (sa.UniqueConstraint("entity_in_id", "entity_out_id",
                                          name="entity_link_uc"),)
    entity_in_id = _entity_fk(nullable=False)
    entity_out_id = _entity_fk(nullable=False)
    data = sa.Column(JSONB)
    nb_occurences = sa.Column(sa.Integer, default=1)
    label = sa.Column(sa.String(80), default="")


asset_instance_links = sa.Table(
    "asset_instance_links", Base.metadata,
    sa.Column("entity_id", UUID(as_uuid=True),
              sa.ForeignKey("catalog.entities.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("asset_instance_id", UUID(as_uuid=True),
              sa.ForeignKey("catalog.asset_instances.id", ondelete="CASCADE"),
              primary_key=True, index=True),
)


class AssetInstance(TimestampedMixin, Base):
    """One occurrence of an asset in a layout scene (`scene_id`) or inside another asset
    (`target_asset_id`); `shots` are the shots whose instance casting holds it."""
    __tablename__ = "asset_instances"
    __table_args__ = (sa.UniqueConstraint("asset_id", "target_asset_id", "scene_id",
                                          "number", name="asset_instance_uc"),)
    asset_id = _entity_fk(nullable=False)
    name = sa.Column(sa.String(80))
    number = sa.Column(sa.Integer)
    description = sa.Column(sa.String(200))
    active = sa.Column(sa.Boolean, default=True)
    data = sa.Column(JSONB)
    scene_id = _entity_fk()
    target_asset_id = _entity_fk()
    # Deprecated in Zou, kept for its JSON and imports.
    entity_id = _entity_fk()
    entity_type_id = sa.Column(UUID(as_uuid=True),
                               sa.ForeignKey("catalog.entity_types.id"), index=True)
    shots = orm.relationship(Entity, secondary=asset_instance_links,
                             order_by=lambda: Entity.name)


# The settings and planning tables extend Project (its status automations): loading the
# models loads them too, so every mapper and migration sees one complete schema.
from slate_catalog import settings_models  # noqa: E402,F401  pylint: disable=wrong-import-position
