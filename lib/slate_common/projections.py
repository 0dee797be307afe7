"""Rebuilding a service's tables from the event log (DESIGN.md: tables are projections).

Payloads follow one shape (`crud` writes them): `{"new": row | [rows]}` inserts (or
replaces), `{"id", "changes": {field: [old, new]}, "updated_at"}` updates, `{"old": row}`
deletes. A service maps each event name it owns to a model (`EventModels`), and
`replay` applies the whole log to an empty schema.
"""
import datetime
import uuid

import sqlalchemy as sa
from sqlalchemy.orm import attributes as orm_attributes

from slate_common import eventstore, schemas


def _from_json(column, value):
    """A rendered value back to what the column stores."""
    kind = column.type
    if value is None:
        return None
    if isinstance(kind, sa.Uuid):
        return uuid.UUID(value)
    if isinstance(kind, sa.DateTime):
        return datetime.datetime.strptime(value, schemas.DATETIME_FORMAT)
    if isinstance(kind, sa.Date):
        return datetime.date.fromisoformat(value)
    if isinstance(kind, sa.LargeBinary):
        return value.encode("ascii")
    return value


def _values(model, rendered):
    """(column values, m2m id lists) of a rendered row."""
    mapper = sa.inspect(model)
    columns = {key: _from_json(mapper.columns[key], value)
               for key, value in rendered.items() if key in mapper.columns}
    relations = {key: [uuid.UUID(item) for item in value]
                 for key, value in rendered.items() if key in mapper.relationships}
    return columns, relations


def _set_relations(session, row, relations):
    mapper = sa.inspect(type(row))
    for key, ids in relations.items():
        target = mapper.relationships[key].mapper.class_
        found = {item.id: item for item in session.scalars(
            sa.select(target).where(target.id.in_(ids)))} if ids else {}
        setattr(row, key, [found[item_id] for item_id in ids if item_id in found])


def _insert(session, model, rendered):
    columns, relations = _values(model, rendered)
    row = session.merge(model(**columns))
    _set_relations(session, row, relations)


def _update(session, model, payload):
    row = session.get(model, uuid.UUID(payload["id"]))
    new = {key: pair[1] for key, pair in payload["changes"].items()}
    if "updated_at" in payload and "updated_at" in sa.inspect(model).columns:
        new["updated_at"] = payload["updated_at"]
    columns, relations = _values(model, new)
    for key, value in columns.items():
        setattr(row, key, value)
    if "updated_at" in columns:
        # Even when equal to the stored value: else the column's onupdate would stamp now.
        orm_attributes.flag_modified(row, "updated_at")
    _set_relations(session, row, relations)


def _delete(session, model, rendered):
    key = [_from_json(column, rendered[column.key])
           for column in sa.inspect(model).primary_key]
    row = session.get(model, key[0] if len(key) == 1 else tuple(key))
    if row is not None:
        session.delete(row)


def apply(session, event_models, event):
    """Apply one stored event to the tables, if one of this service's models owns it."""
    model = event_models(event["name"])
    if model is None:
        return False
    payload = event["payload"] or {}
    if "new" in payload:
        for rendered in payload["new"] if isinstance(payload["new"], list) else [payload["new"]]:
            _insert(session, model, rendered)
    elif "changes" in payload:
        _update(session, model, payload)
    elif "old" in payload:
        _delete(session, model, payload["old"])
    session.flush()
    return True


def replay(session, event_models, batch=1000):
    """Apply the whole log, in order, to empty tables; return how many events applied."""
    position, applied = 0, 0
    while True:
        events = eventstore.read(session.connection(), position, batch)
        if not events:
            return applied
        for event in events:
            applied += apply(session, event_models, event)
        position = events[-1]["position"]
