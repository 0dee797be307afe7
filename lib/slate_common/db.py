"""Database engine, declarative bases per service schema, and the unit of work.

A unit of work wraps one SQLAlchemy session for one entrypoint call. Domain code changes
rows and calls `uow.emit(...)`; only the entrypoint's provider calls `commit()`, which
appends the pending events in the same transaction, last, then commits.
"""
import datetime

import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.dialects.postgresql import UUID

from slate_common import eventstore


def create_engine(settings, pool_size=5, pre_ping=True, **options):
    """An engine on the Slate database; one per process or container. `pre_ping=False`
    saves a round trip per checkout where a failed statement is simply retried (the
    followers and the relay retry their whole step after an error)."""
    return sa.create_engine(
        settings.sqlalchemy_url, pool_size=pool_size, max_overflow=0,
        pool_pre_ping=pre_ping, **options)


def utcnow():
    """Naive UTC now, to the second (Zou serialises datetimes without fraction)."""
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)


def base_for(schema):
    """A declarative base whose tables live in `schema`."""
    class Base(orm.DeclarativeBase):
        metadata = sa.MetaData(schema=schema)
    return Base


class TimestampedMixin:
    """Zou's `id`, `created_at`, `updated_at` columns."""
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    created_at = sa.Column(sa.DateTime, default=utcnow, nullable=False)
    updated_at = sa.Column(sa.DateTime, default=utcnow, onupdate=utcnow, nullable=False)


class UnitOfWork:
    """One session and the events its changes emit."""

    def __init__(self, session, actor_id=None):
        self.session = session
        self.actor_id = actor_id
        self.pending = []
        self.memo = {}  # per-call lookups (e.g. the caller's row)

    def emit(self, name, data, payload=None, project_id=None):
        """Queue an event; it is stored only if this unit of work commits."""
        self.pending.append(eventstore.new_event(
            name, data, payload, actor_id=self.actor_id, project_id=project_id))

    def commit(self):
        """Flush, append pending events last (holding the log lock briefly), commit."""
        self.session.flush()
        positions = eventstore.append(self.session.connection(), self.pending)
        self.session.commit()
        self.pending = []
        return positions

    def rollback(self):
        self.pending = []
        self.session.rollback()

    def close(self):
        self.session.close()


def unit_of_work(engine, actor_id=None):
    """A fresh unit of work on its own session (for CLIs and tests)."""
    return UnitOfWork(orm.Session(engine, expire_on_commit=False), actor_id)
