"""The tables of the files a studio's pipeline tracks, with Zou's columns: softwares,
output types and file statuses (studio settings), working files (an artist's scene for a
task, by revision) and output files (what a working file published for an entity).
Entities, persons and asset instances are other services' (plain ids); the file bytes
are the media service's."""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB, UUID

from slate_common.db import TimestampedMixin
from slate_common.schemas import Choice

from slate_tasks.models import Base

VALIDATION_STATUSES = ("validated", "rejected", "neutral")
QUALITIES = ("low", "mid", "high")


class Software(TimestampedMixin, Base):
    """A software used in the studio, with the extension of its scenes."""
    __tablename__ = "softwares"
    name = sa.Column(sa.String(40), unique=True, nullable=False)
    short_name = sa.Column(sa.String(20), nullable=False)
    archived = sa.Column(sa.Boolean, default=False)
    version = sa.Column(sa.String(20))
    file_extension = sa.Column(sa.String(20), nullable=False)
    secondary_extensions = sa.Column(JSONB)
    monthly_cost = sa.Column(sa.Integer, default=0)
    inventory_amount = sa.Column(sa.Integer, default=0)


class OutputType(TimestampedMixin, Base):
    """A kind of output file (geometry, cache...)."""
    __tablename__ = "output_types"
    name = sa.Column(sa.String(40), unique=True, nullable=False, index=True)
    short_name = sa.Column(sa.String(20), nullable=False)


class FileStatus(TimestampedMixin, Base):
    """The state of an output file."""
    __tablename__ = "file_status"
    name = sa.Column(sa.String(40), unique=True, nullable=False)
    color = sa.Column(sa.String(7), nullable=False)


class WorkingFile(TimestampedMixin, Base):
    """One revision of the file an artist works in for a task."""
    __tablename__ = "working_files"
    __table_args__ = (sa.UniqueConstraint("name", "task_id", "entity_id", "revision",
                                          name="working_file_uc"),)
    shotgun_id = sa.Column(sa.Integer, index=True)
    name = sa.Column(sa.String(250))
    description = sa.Column(sa.Text)
    comment = sa.Column(sa.Text)
    revision = sa.Column(sa.Integer)
    size = sa.Column(sa.Integer)
    checksum = sa.Column(sa.Integer)
    path = sa.Column(sa.String(400))
    data = sa.Column(JSONB)
    validation_status = sa.Column(Choice(VALIDATION_STATUSES), default="neutral",
                                  nullable=False)
    task_id = sa.Column(UUID(as_uuid=True),
                        sa.ForeignKey("tasks.tasks.id", ondelete="CASCADE"), index=True)
    entity_id = sa.Column(UUID(as_uuid=True), index=True)
    person_id = sa.Column(UUID(as_uuid=True), index=True)
    software_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("tasks.softwares.id"),
                            index=True)


class OutputFile(TimestampedMixin, Base):
    """A file published from a working file for an entity (or an asset instance)."""
    __tablename__ = "output_files"
    __table_args__ = (sa.UniqueConstraint(
        "name", "entity_id", "asset_instance_id", "output_type_id", "task_type_id",
        "temporal_entity_id", "representation", "revision", name="output_file_uc"),)
    shotgun_id = sa.Column(sa.Integer)
    name = sa.Column(sa.String(250), nullable=False)
    canceled = sa.Column(sa.Boolean, default=False, nullable=False)
    size = sa.Column(sa.Integer)
    checksum = sa.Column(sa.String(32))
    description = sa.Column(sa.Text)
    comment = sa.Column(sa.Text)
    extension = sa.Column(sa.String(10))
    revision = sa.Column(sa.Integer, nullable=False)
    representation = sa.Column(sa.String(20), index=True)
    nb_elements = sa.Column(sa.Integer, default=1)
    source = sa.Column(sa.String(40))
    path = sa.Column(sa.String(400))
    data = sa.Column(JSONB)
    quality = sa.Column(Choice(QUALITIES))
    file_status_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("tasks.file_status.id"),
                               nullable=False, index=True)
    entity_id = sa.Column(UUID(as_uuid=True), index=True)
    asset_instance_id = sa.Column(UUID(as_uuid=True), index=True)
    output_type_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("tasks.output_types.id"),
                               index=True)
    task_type_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("tasks.task_types.id"),
                             index=True)
    person_id = sa.Column(UUID(as_uuid=True), index=True)
    source_file_id = sa.Column(UUID(as_uuid=True),
                               sa.ForeignKey("tasks.working_files.id", ondelete="SET NULL"),
                               index=True)
    temporal_entity_id = sa.Column(UUID(as_uuid=True), index=True)
