"""Generic lists encoded by PostgreSQL: the same reply as `crud.list_rows` with the
model's default JSON (`schemas.render`), but each row is built by `row_to_json` and the
service hands the gateway the text (`replies.JsonText`), so no row becomes a Python
object and nothing is decoded and encoded again on the way.

Values as `schemas.render` gives them: ids as text, datetimes `YYYY-MM-DDTHH:MM:SS`,
dates ISO, floats with their `.0` when whole (Python's JSON), `data` as stored, m2m
relations (with `relations=true`) as the id lists `crud.read_records` reads, `type` last.
For models without binary columns.
"""
import json

import sqlalchemy as sa

from slate_common import crud, schemas
from slate_common.replies import JsonText

DATETIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS'
WHOLE_FLOAT_LIMIT = 1e16   # Python writes whole floats below this as "N.0", above as "Ne+N"


def list_json(uow, spec, caller, query_args, blanks=None, blank_where=None):
    """Zou's list of `spec`'s rows as JSON text: a bare array, or the page envelope when
    `page` is given. `blanks` ({key: value}) replaces those keys' values (a client's
    view of a task) in every row, or in the rows where the SQL condition `blank_where`
    holds."""
    relations = str(query_args.get("relations", False)).lower() == "true"
    keys = _rendered_keys(spec, relations, crud.fields_filter(query_args))
    values = _values(spec.model, keys, blanks or {}, blank_where)
    listing = crud.paged(uow, crud.listing_query(uow, spec, caller, query_args), query_args,
                         lambda query: _rows_json(uow, spec.model, query, values))
    return JsonText(listing if isinstance(listing, str) else _envelope(listing))


def _rendered_keys(spec, relations, wanted):
    """The keys of each row, in `schemas.render`'s order, after Zou's `fields` filter."""
    keys = [column.key for column in sa.inspect(spec.model).columns
            if column.key not in spec.hidden]
    if relations:
        keys += schemas.relation_names(spec.model)
    keys.append("type")
    if wanted:
        keep = (set(wanted) - spec.hidden) | {"id", "type"}
        keys = [key for key in keys if key in keep]
    return keys


def _values(model, keys, blanks, blank_where=None):
    """The labelled SQL expression of each key."""
    mapper = sa.inspect(model)
    found = []
    for key in keys:
        if key == "type":
            value = sa.literal(model.__name__)
        elif key in mapper.relationships:
            value = _related_ids(mapper.relationships[key])
        else:
            value = _column_json(mapper.columns[key])
        if key in blanks:
            blank = sa.cast(sa.literal(json.dumps(blanks[key])), sa.JSON)
            value = blank if blank_where is None else sa.case(
                (blank_where, blank), else_=sa.cast(sa.func.to_json(value), sa.JSON))
        found.append(value.label(key))
    return found


def _column_json(column):
    kind = column.type
    if isinstance(kind, sa.DateTime):
        return sa.func.to_char(column, DATETIME_FORMAT)
    if isinstance(kind, sa.Date):
        return sa.func.to_char(column, "YYYY-MM-DD")
    if isinstance(kind, sa.Float):
        return _float_json(column)
    return column   # uuid (a JSON string), text, numbers, booleans and JSON as they are


def _float_json(column):
    """A float as Python's JSON writes it: PostgreSQL writes 2.0 as 2, Python as 2.0."""
    whole = sa.and_(column == sa.func.trunc(column), sa.func.abs(column) < WHOLE_FLOAT_LIMIT)
    return sa.case((whole, sa.cast(sa.cast(sa.cast(column, sa.BigInteger), sa.Text) + ".0",
                                   sa.JSON)),
                   else_=sa.func.to_json(column))


def _related_ids(relationship):
    """A row's m2m ids as `crud.read_records` reads them: linked rows that exist, in the
    relationship's order."""
    (local_key, local), = relationship.synchronize_pairs
    (remote, far), = relationship.secondary_synchronize_pairs
    ids = sa.cast(far, sa.Text)
    order = relationship.order_by or ()
    aggregate = sa.func.json_agg(sa.dialects.postgresql.aggregate_order_by(ids, *order)) \
        if order else sa.func.json_agg(ids)
    return (sa.select(sa.func.coalesce(aggregate, sa.literal_column("'[]'::json")))
            .select_from(far.table.join(remote.table, remote == far))
            .where(local == local_key).correlate(local_key.table).scalar_subquery())


def _rows_json(uow, model, query, values):
    """The JSON array of the rows `query` selects (a select of `model`'s table)."""
    projection = sa.select(*values).correlate(model.__table__).lateral("row")
    texts = uow.session.connection().execute(
        query.with_only_columns(sa.cast(sa.func.row_to_json(projection.table_valued()),
                                        sa.Text))
        .join_from(model.__table__, projection, sa.true())).scalars()
    return "[" + ",".join(texts) + "]"


def _envelope(page):
    """Zou's page envelope as text, its `data` already JSON."""
    rest = json.dumps({key: value for key, value in page.items() if key != "data"},
                      separators=(",", ":"))
    return '{"data":' + page["data"] + "," + rest[1:]
