"""The tables of a person's own working context, with Zou's columns: saved search
filters and their groups (per list, per production), and the chat of an entity with
its participants and messages. Persons, productions and entities are the read models'
(no foreign keys into them); chat attachments are the media service's (absent)."""
import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.dialects.postgresql import UUID

from slate_common.db import TimestampedMixin

from slate_tasks.models import Base, Person


class SavedSearchMixin:
    """The columns filters and their groups share: which list, whose, where."""
    list_type = sa.Column(sa.String(80), nullable=False, index=True)
    entity_type = sa.Column(sa.String(80))
    name = sa.Column(sa.String(200), nullable=False, default="")
    is_shared = sa.Column(sa.Boolean, nullable=False, default=False,
                          server_default=sa.false())
    person_id = sa.Column(UUID(as_uuid=True), index=True)
    project_id = sa.Column(UUID(as_uuid=True), index=True)
    department_id = sa.Column(UUID(as_uuid=True), index=True)


class SearchFilterGroup(SavedSearchMixin, TimestampedMixin, Base):
    """A section of saved filters of one list (asset list, todo list...)."""
    __tablename__ = "search_filter_groups"
    color = sa.Column(sa.String(8), nullable=False, default="")


class SearchFilter(SavedSearchMixin, TimestampedMixin, Base):
    """A saved search of a list, maybe in a group."""
    __tablename__ = "search_filters"
    search_query = sa.Column(sa.String(500), nullable=False, default="")
    search_filter_group_id = sa.Column(
        UUID(as_uuid=True), sa.ForeignKey("tasks.search_filter_groups.id"), index=True)


chat_participants = sa.Table(
    "chat_participants", Base.metadata,
    sa.Column("chat_id", UUID(as_uuid=True),
              sa.ForeignKey("tasks.chats.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person_id", UUID(as_uuid=True), primary_key=True, index=True),
)


class Chat(TimestampedMixin, Base):
    """The chat feed of one entity (made when first asked for)."""
    __tablename__ = "chats"
    object_id = sa.Column(UUID(as_uuid=True), nullable=False, unique=True, index=True)
    object_type = sa.Column(sa.String(80), nullable=False, default="entity", index=True)
    last_message = sa.Column(sa.DateTime)
    participants = orm.relationship(
        Person, secondary=chat_participants,
        primaryjoin=lambda: Chat.id == chat_participants.c.chat_id,
        secondaryjoin=lambda: orm.foreign(chat_participants.c.person_id) == Person.id)


class ChatMessage(TimestampedMixin, Base):
    """A message of an entity's chat."""
    __tablename__ = "chat_messages"
    chat_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("tasks.chats.id"),
                        nullable=False, index=True)
    person_id = sa.Column(UUID(as_uuid=True), nullable=False, index=True)
    text = sa.Column(sa.Text)
