"""The generic CRUD engine: Zou's list semantics and lifecycle, once, with hooks per model.

A `CrudModel` names a SQLAlchemy model, its event prefix and its hooks. The functions here
take a unit of work and the caller and return Zou-shaped JSON; they emit `<event>:new`,
`<event>:update` (changed fields with old and new values) and `<event>:delete`.
"""
import dataclasses
import json
import math
import uuid
from typing import Callable, Optional

import sqlalchemy as sa
from sqlalchemy import exc as sa_exc

from slate_common import errors, schemas

RESERVED = {"page", "limit", "relations", "fields", "offset"}
PAGE_SIZE = 100


def _allow(*args):
    return None


@dataclasses.dataclass(frozen=True)
class CrudModel:
    """One model served by the generic routes. Hooks raise SlateErrors to refuse."""
    name: str                       # route name: "persons"
    model: type                     # SQLAlchemy class
    event: str                      # event prefix: "person"
    hidden: frozenset = frozenset()  # never rendered, never filtered on
    unique_message: str = errors.Conflict.default_message
    order_by: tuple = ("created_at",)
    check_read: Callable = _allow    # (uow, caller, row or None)
    check_list: Optional[Callable] = None  # (uow, caller, query_args); default: check_read
    check_create: Callable = _allow  # (uow, caller, values)
    check_update: Callable = _allow  # (uow, caller, row, values)
    check_delete: Callable = _allow  # (uow, caller, row)
    prepare: Callable = lambda uow, values, row: values  # normalise values before writing
    render: Optional[Callable] = None  # (row, relations) -> dict; default schemas.render
    event_data: Optional[Callable] = None  # (row) -> Zou's public data
    list_filter: Optional[Callable] = None  # (uow, caller, query) -> query
    filters: dict = dataclasses.field(default_factory=dict)  # name -> (values) -> condition
    protected: frozenset = frozenset({"id"})  # silently dropped from bodies

    def to_json(self, row, relations=True):
        if self.render:
            return self.render(row, relations)
        return schemas.render(row, self.hidden, relations)

    def public_data(self, row):
        if self.event_data:
            return self.event_data(row)
        return {"%s_id" % self.event.replace("-", "_"): str(row.id)}


def parse_id(value):
    """A path id as a UUID, or Zou's 400 'Malformed ID.'."""
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise errors.MalformedId()


def fetch(uow, spec, instance_id):
    """The row with this id, or 404 (400 'Malformed ID.' for a bad id)."""
    return fetch_or_404(uow, spec.model, instance_id)


def fetch_or_404(uow, model, instance_id):
    row = uow.session.get(model, parse_id(instance_id))
    if row is None:
        raise errors.NotFound()
    return row


# -- listing ---------------------------------------------------------------------------

TRUE_WORDS = ("y", "yes", "t", "true", "on", "1")
FALSE_WORDS = ("n", "no", "f", "false", "off", "0")


def _filter_values(key, raw):
    value = raw[0] if isinstance(raw, list) else raw
    if isinstance(value, str) and value.startswith("["):
        try:
            values = json.loads(value)
        except ValueError:
            raise errors.Invalid("Malformed list filter for field %s." % key)
        return values if isinstance(values, list) else [values]
    return [value]


def _cast(column, value):
    kind = column.type
    if isinstance(kind, sa.Uuid):
        try:
            return uuid.UUID(str(value))
        except ValueError:
            raise errors.Invalid("Invalid UUID value: %s" % value)
    if isinstance(kind, sa.Boolean):
        word = str(value).lower()
        if word not in TRUE_WORDS + FALSE_WORDS:
            raise errors.Invalid("Invalid boolean value: %s" % value)
        return word in TRUE_WORDS
    if isinstance(kind, (sa.Integer, sa.Float)):
        try:
            return kind.python_type(value)
        except (TypeError, ValueError):
            raise errors.BadRequest(schemas.INVALID_FORMAT)
    return value


def _condition(column, values):
    if len(values) != 1:
        return column.in_(values)
    value = values[0]
    if column.key == "name" and isinstance(value, str):
        return column.ilike(value)
    return column == value


def _relationship_condition(relationship, values):
    target = relationship.mapper.class_
    ids = [_cast(target.id, value) for value in values]
    return relationship.class_attribute.any(target.id.in_(ids))


def filtered(spec, query_args, allowed=None):
    """A select of the model filtered by Zou's `?col=value` syntax. `allowed` (a set)
    restricts which real columns this caller may filter on."""
    mapper = sa.inspect(spec.model)
    query = sa.select(spec.model.__table__)
    for key, raw in query_args.items():
        if key in RESERVED:
            continue
        known = key in mapper.columns or key in mapper.relationships or key in spec.filters
        if not known:
            continue  # Zou ignores keys that are not columns
        if key in spec.hidden or (allowed is not None and key not in allowed):
            raise errors.Invalid("Filtering on %s is not allowed." % key)
        values = _filter_values(key, raw)
        if key in spec.filters:
            query = query.where(spec.filters[key](values))
        elif key in mapper.relationships:
            query = query.where(_relationship_condition(mapper.relationships[key], values))
        else:
            column = mapper.columns[key]
            query = query.where(_condition(column, [_cast(column, v) for v in values]))
    return query


def int_arg(query_args, name, default):
    raw = query_args.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw[0] if isinstance(raw, list) else raw)
    except ValueError:
        raise errors.Invalid("%s must be an integer." % name)


def fields_filter(query_args):
    raw = query_args.get("fields")
    if not raw:
        return None
    return [name.strip() for name in str(raw).split(",") if name.strip()]


def _shape(spec, rows, query_args, relations_default=False, view=None):
    relations = str(query_args.get("relations", relations_default)).lower() == "true"
    wanted = fields_filter(query_args)
    items = [(view or spec.to_json)(row, relations) for row in rows]
    if wanted:
        keep = (set(wanted) - spec.hidden) | {"id", "type"}
        items = [{k: v for k, v in item.items() if k in keep} for item in items]
    return items


def _related_ids(uow, model, ids):
    """{relation name: {row id: [related ids in the relation's order]}}, one query each."""
    related = {}
    for relationship in sa.inspect(model).relationships:
        if relationship.secondary is None:
            continue
        (_, local), = relationship.synchronize_pairs
        (remote, far), = relationship.secondary_synchronize_pairs
        query = (sa.select(local, far).join(remote.table, remote == far)
                 .where(local.in_(ids)))
        order = relationship.order_by or ()
        query = query.order_by(*order) if order else query
        links = related.setdefault(relationship.key, {})
        for parent, child in uow.session.connection().execute(query) if ids else ():
            links.setdefault(parent, []).append(child)
    return related


def read_records(uow, model, query, relations=True):
    """Run a Core select of a model's table; Records with their m2m id lists (left out,
    and one query saved, when `relations` is false)."""
    rows = uow.session.connection().execute(query).mappings().all()
    related = _related_ids(uow, model, [row["id"] for row in rows]) if relations else {}
    return [schemas.Record(model, {**row, **{name: links.get(row["id"], [])
                                             for name, links in related.items()}})
            for row in rows]


def read_record(uow, spec, instance_id):
    """One row as a Record, or 404 (400 'Malformed ID.' for a bad id)."""
    table = spec.model.__table__
    found = read_records(uow, spec.model, sa.select(table).where(
        table.c.id == parse_id(instance_id)))
    if not found:
        raise errors.NotFound()
    return found[0]


def list_rows(uow, spec, caller, query_args, allowed=None, view=None):
    """Zou's list: a bare array, or the page envelope when `page` is given. `view(row,
    relations)` renders rows for this caller (default: the model's JSON)."""
    return paged(uow, listing_query(uow, spec, caller, query_args, allowed), query_args,
                 lambda query: _shape(spec, read_records(uow, spec.model, query),
                                      query_args, view=view))


def listing_query(uow, spec, caller, query_args, allowed=None):
    """The select of a list route: the caller checked, Zou's filters, the model's order."""
    if spec.check_list:
        spec.check_list(uow, caller, query_args)
    else:
        spec.check_read(uow, caller, None)
    query = filtered(spec, query_args, allowed)
    if spec.list_filter:
        query = spec.list_filter(uow, caller, query)
    order = [getattr(spec.model, name) for name in spec.order_by]
    return query.order_by(*order, spec.model.id)


def paged(uow, query, query_args, read):
    """`read(query)`, or with `page` Zou's envelope around `read` of that page's slice
    (an empty slice before page 1)."""
    if "page" not in query_args:
        return read(query)
    page = int_arg(query_args, "page", 1)
    limit = int_arg(query_args, "limit", 0)
    if limit < 0:
        raise errors.Invalid("limit must be a positive integer.")
    limit = limit or PAGE_SIZE
    total = uow.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    offset = max(page - 1, 0) * limit
    rows = read(query.offset(offset).limit(limit if page >= 1 else 0))
    return {"data": rows, "total": total, "nb_pages": math.ceil(total / limit),
            "limit": limit, "offset": offset, "page": page}


def get_row(uow, spec, caller, instance_id, query_args=None):
    """One row; `relations` defaults to true here, as in Zou."""
    row = read_record(uow, spec, instance_id)
    spec.check_read(uow, caller, row)
    return _shape(spec, [row], query_args or {}, relations_default="true")[0]


# -- writing ---------------------------------------------------------------------------

def _assign(uow, row, values):
    """Set columns and m2m relations (lists of ids; unknown ids are dropped, as Zou does)."""
    mapper = sa.inspect(type(row))
    for key, value in values.items():
        relationship = mapper.relationships.get(key)
        if relationship is None:
            setattr(row, key, value)
            continue
        target = relationship.mapper.class_
        ids = list(dict.fromkeys(value or []))
        found = uow.session.scalars(sa.select(target).where(target.id.in_(ids))).all() \
            if ids else []
        setattr(row, key, sorted(found, key=lambda item: ids.index(item.id)))


def _flush(uow, spec):
    try:
        with uow.session.begin_nested():
            uow.session.flush()
    except sa_exc.IntegrityError as exc:
        raise errors.Rejected(_integrity_message(exc, spec))


def _integrity_message(exc, spec):
    code = getattr(getattr(exc, "orig", None), "pgcode", None)
    return {"23505": spec.unique_message,
            "23503": "The change conflicts with records referencing this one.",
            "23502": schemas.MISSING_FIELD}.get(
                code, "The data conflicts with database integrity rules.")


def _project_of(row):
    return getattr(row, "project_id", None)


def create_row(uow, spec, caller, body):
    """Insert a row from a request body; emits `<event>:new` with the new row."""
    spec.check_create(uow, caller, body if isinstance(body, dict) else {})
    values = schemas.load(spec.model, body, ignore=spec.protected)
    values = spec.prepare(uow, values, None)
    row = spec.model(id=uuid.uuid4())
    _assign(uow, row, values)
    uow.session.add(row)
    _flush(uow, spec)
    uow.session.refresh(row)
    uow.emit(spec.event + ":new", spec.public_data(row), {"new": snapshot(row)},
             project_id=_project_of(row))
    return spec.to_json(row)


def insert_row(uow, spec, row, data=None, name=None, project_id=None, extra=None):
    """Insert a row built by a domain function; emits `<event>:new` (or `name`) with the
    new row and `data` (default: the spec's public data), for the row's project (or
    `project_id`); `extra` adds keys to the payload beside the row, for the log's
    followers. Returns the refreshed row."""
    uow.session.add(row)
    _flush(uow, spec)
    uow.session.refresh(row)
    uow.emit(name or spec.event + ":new", spec.public_data(row) if data is None else data,
             {"new": snapshot(row), **(extra or {})},
             project_id=project_id or _project_of(row))
    return row


def snapshot(row):
    """The full state of a row, hidden columns included: what the log keeps."""
    return schemas.render(row, relations=True)


def update_row(uow, spec, caller, instance_id, body, ignore=()):
    """Update a row; unknown and protected keys are ignored. Emits `<event>:update` with
    every changed field as [old, new] (no event when nothing changed)."""
    if body is None:
        raise errors.Invalid(schemas.EMPTY_BODY)
    row = fetch(uow, spec, instance_id)
    spec.check_update(uow, caller, row, body if isinstance(body, dict) else {})
    values = schemas.load(spec.model, body, partial=True,
                          ignore=spec.protected | set(ignore))
    values = spec.prepare(uow, values, row)
    record_update(uow, spec, row, lambda: _assign(uow, row, values))
    return spec.to_json(row)


def record_update(uow, spec, row, change, event=None, project_id=None):
    """Apply `change()` to a row, flush, and emit `<event>:update` (or `event`) with the
    row id, each changed field as [old, new] and the new `updated_at`. The event's
    project is the row's `project_id`, or `project_id` when given."""
    before = snapshot(row)
    change()
    _flush(uow, spec)
    uow.session.refresh(row)
    after = snapshot(row)
    changes = {key: [before.get(key), after[key]] for key in after
               if before.get(key) != after[key] and key != "updated_at"}
    if changes:
        uow.emit(event or spec.event + ":update", spec.public_data(row),
                 {"id": after["id"], "changes": changes, "updated_at": after["updated_at"]},
                 project_id=project_id or _project_of(row))
    return changes


def set_link(uow, spec, row, relation, item, linked=True, project_id=None):
    """Add (or remove) `item` in a row's many-to-many `relation`; emits `<event>:update`
    with the relation's ids as [old, new]. Nothing happens when it is already so."""
    items = getattr(row, relation)
    if (item in items) != linked:
        record_update(uow, spec, row, lambda: items.append(item) if linked
                      else items.remove(item), project_id=project_id)


def owned_or_404(uow, model, instance_id, message=None, **owner):
    """The row with this id if its `owner` columns hold these values, else 404."""
    row = uow.session.get(model, parse_id(instance_id))
    if row is None or any(getattr(row, key) != value for key, value in owner.items()):
        raise errors.NotFound(message)
    return row


def delete_row(uow, spec, caller, instance_id):
    """Delete a row; emits `<event>:delete` with the old row."""
    row = fetch(uow, spec, instance_id)
    spec.check_delete(uow, caller, row)
    remove_row(uow, spec, row)


def remove_row(uow, spec, row, project_id=None):
    """Delete a row a domain function checked; emits `<event>:delete` with the old row,
    for the row's project (or `project_id`)."""
    old, data = snapshot(row), spec.public_data(row)
    uow.session.delete(row)
    _flush(uow, spec)
    uow.emit(spec.event + ":delete", data, {"old": old},
             project_id=project_id or old.get("project_id"))
    return old
