"""Marshmallow contracts built from the SQLAlchemy models, plus Zou's JSON rendering.

`input_schema(model)` validates create/update bodies (types, lengths, choices, unknown
keys); `render(row)` gives Zou's JSON for a row: every column except hidden ones, ids and
dates as strings (datetimes `YYYY-MM-DDTHH:MM:SS`), m2m relations as lists of ids, `type`.
"""
import datetime
import functools
import uuid

import marshmallow
import sqlalchemy as sa
from marshmallow import fields, validate
from sqlalchemy.dialects.postgresql import JSONB, UUID

from slate_common import errors

DATETIME_FORMAT = "%Y-%m-%dT%H:%M:%S"
READ_ONLY = ("created_at", "updated_at", "type")


class Choice(sa.types.TypeDecorator):
    """A String column restricted to a set of values (Zou's ChoiceType)."""
    impl = sa.String
    cache_ok = True

    def __init__(self, choices, length=30):
        super().__init__(length)
        self.choices = tuple(choices)


class LenientDateTime(fields.DateTime):
    """Accepts Zou's `YYYY-MM-DDTHH:MM:SS`, ISO with timezone, or a bare date."""

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and len(value) == 10:
            value += "T00:00:00"
        result = super()._deserialize(value, attr, data, **kwargs)
        if result.tzinfo is not None:
            result = result.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return result


def _field_for(column):
    kind = column.type
    has_default = column.default is not None or column.server_default is not None
    options = {"allow_none": bool(column.nullable),
               "required": not column.nullable and not has_default and not column.primary_key}
    if isinstance(kind, Choice):
        return fields.String(validate=validate.OneOf(kind.choices), **options)
    if isinstance(kind, UUID):
        return fields.UUID(**options)
    if isinstance(kind, JSONB):
        return fields.Raw(**options)
    if isinstance(kind, sa.Boolean):
        return fields.Boolean(**options)
    if isinstance(kind, sa.Integer):
        return fields.Integer(strict=False, **options)
    if isinstance(kind, sa.Float):
        return fields.Float(**options)
    if isinstance(kind, sa.DateTime):
        return LenientDateTime(**options)
    if isinstance(kind, sa.Date):
        return fields.Date(**options)
    if isinstance(kind, sa.String) and kind.length:
        return fields.String(validate=validate.Length(max=kind.length), **options)
    return fields.String(**options)


@functools.cache
def input_schema(model, extra=None):
    """A marshmallow Schema class for a model's writable columns and m2m id lists."""
    declared = {}
    for column in sa.inspect(model).columns:
        if column.key not in READ_ONLY:
            declared[column.key] = _field_for(column)
    for name in relation_names(model):
        declared[name] = fields.List(fields.UUID(), allow_none=True)
    for name, field in (extra or ()):
        declared[name] = field
    return marshmallow.Schema.from_dict(declared, name=model.__name__ + "Input")


@functools.cache
def output_schema(model, hidden=frozenset(), extra=None):
    """A marshmallow Schema class describing a model's rendered JSON (the contract of
    its replies; `extra` adds computed fields as (name, field) pairs)."""
    declared = {column.key: _field_for(column) for column in sa.inspect(model).columns
                if column.key not in hidden}
    for field in declared.values():
        field.required = False
    for name in relation_names(model):
        declared[name] = fields.List(fields.UUID())
    declared["type"] = fields.String()
    for name, field in (extra or ()):
        declared[name] = field
    return marshmallow.Schema.from_dict(declared, name=model.__name__)


INVALID_FORMAT = "One of the provided values has an invalid format."
MISSING_FIELD = "A required field is missing."
EMPTY_BODY = ("Data are empty. Please verify that you sent JSON data and that you set the "
              "right headers.")


def load(model, body, partial=False, extra=None, ignore=()):
    """Validate a CRUD body into python values, with Zou's CRUD errors: unknown keys are
    refused on create and ignored on update (gazu PUTs whole records back), `ignore`d keys
    are dropped, bad values and missing required columns are 400 `{message}`."""
    if body is None:
        raise errors.Invalid(EMPTY_BODY)
    if not isinstance(body, dict):
        raise errors.BadRequest()
    schema = input_schema(model, extra)()
    clean = {key: value for key, value in body.items()
             if key not in READ_ONLY and key not in ignore}
    unknown = [key for key in clean if key not in schema.fields]
    if unknown and not partial:
        raise errors.Rejected("'%s' is an invalid keyword argument for %s"
                              % (unknown[0], model.__name__))
    clean = {key: value for key, value in clean.items() if key in schema.fields}
    try:
        return schema.load(clean, partial=partial)
    except marshmallow.ValidationError as exc:
        raise errors.Rejected(_message(exc.messages), {"errors": _flatten(exc.messages)})


def _message(messages):
    texts = [str(problem) for problems in messages.values()
             for problem in (problems if isinstance(problems, list) else [problems])]
    if any("Missing data for required field" in text for text in texts):
        return MISSING_FIELD
    return INVALID_FORMAT


def _flatten(messages):
    return [{"field": field, "message": " ".join(map(str, problems))
             if isinstance(problems, list) else str(problems)}
            for field, problems in messages.items()]


def relation_names(model):
    """Names of a model's many-to-many relationships (serialised as id lists)."""
    return [rel.key for rel in sa.inspect(model).relationships if rel.secondary is not None]


def to_json(value):
    """One column value as Zou renders it."""
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.strftime(DATETIME_FORMAT)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).decode("ascii", "replace")
    return value


def _converter(column):
    """A fast renderer for one column's values, chosen once from its type."""
    kind = column.type
    if isinstance(kind, sa.Uuid):
        return lambda value: None if value is None else str(value)
    if isinstance(kind, sa.DateTime):
        return lambda value: None if value is None else value.strftime(DATETIME_FORMAT)
    if isinstance(kind, sa.Date):
        return lambda value: None if value is None else value.isoformat()
    if isinstance(kind, sa.LargeBinary):
        return to_json
    if isinstance(kind, (JSONB, sa.Float, sa.Boolean, sa.Integer, sa.String)):
        return None  # already JSON-ready
    return to_json


@functools.cache
def _layout(model, hidden):
    """(key, converter) for each rendered column, and the m2m names: computed once."""
    columns = [(column.key, _converter(column)) for column in sa.inspect(model).columns
               if column.key not in hidden]
    return tuple(columns), tuple(relation_names(model)), model.__name__


class Record:
    """A row read without the ORM (plain values, m2m relations as id lists): reads are
    2-3x cheaper this way, and it renders and answers attribute access like the model."""

    def __init__(self, model, values):
        self.__dict__.update(values)
        self.__dict__["__model__"] = model


def model_of(row):
    return row.__dict__.get("__model__") or type(row)


def render(row, hidden=(), relations=True):
    """Zou's JSON for a row or Record; m2m relations as id lists when `relations` is true."""
    columns, relationships, type_name = _layout(model_of(row), frozenset(hidden))
    values = row.__dict__
    out = {}
    for key, convert in columns:
        value = values[key] if key in values else getattr(row, key)
        out[key] = value if convert is None or value is None else convert(value)
    if relations:
        for name in relationships:
            out[name] = [str(getattr(item, "id", item)) for item in getattr(row, name)]
    out["type"] = type_name
    return out
