"""`/openapi.json`, generated from the route table.

Every row gives one operation (path params, security from its policy, `x-slate-rpc` and
`x-slate-policy`). A row's `request_schema` / `response_schema` (a marshmallow Schema class
or instance, or "module:Name") becomes the JSON body schema; without one the body is a
free JSON value.
"""
import importlib
import logging

from marshmallow import Schema, fields

from slate_gateway.routes import PUBLIC, REFRESH

log = logging.getLogger(__name__)

SECURITY_SCHEMES = {
    "bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
    "accessCookie": {"type": "apiKey", "in": "cookie", "name": "access_token_cookie"},
    "refreshCookie": {"type": "apiKey", "in": "cookie", "name": "refresh_token_cookie"},
}
ERROR = {"type": "object", "properties": {
    "error": {"type": "boolean"}, "message": {"type": "string"}, "msg": {"type": "string"},
    "data": {}}}
MAX_DEPTH = 4
# Most specific first: isinstance picks the first match (Email is a String...).
FIELD_TYPES = (
    (fields.UUID, {"type": "string", "format": "uuid"}),
    (fields.Email, {"type": "string", "format": "email"}),
    (fields.DateTime, {"type": "string", "format": "date-time"}),
    (fields.Date, {"type": "string", "format": "date"}),
    (fields.String, {"type": "string"}),
    (fields.Boolean, {"type": "boolean"}),
    (fields.Integer, {"type": "integer"}),
    (fields.Number, {"type": "number"}),
    (fields.Dict, {"type": "object"}),
)


def build_openapi(routes, version, title="Slate (Zou API)"):
    """The OpenAPI 3 document for these rows."""
    paths, op_ids = {}, set()
    for row in routes:
        paths.setdefault(row.path, {})[row.method.lower()] = _operation(row, op_ids)
    return {
        "openapi": "3.0.3",
        "info": {"title": title, "version": version},
        "paths": paths,
        "components": {"securitySchemes": SECURITY_SCHEMES,
                       "schemas": {"Error": ERROR}},
    }


def _operation(row, op_ids):
    op = {
        "operationId": _operation_id(row, op_ids),
        "tags": [row.service],
        "x-slate-rpc": "%s.%s" % (row.service, row.rpc),
        "x-slate-policy": row.policy,
        "security": _security(row.policy),
        "parameters": [{"name": name, "in": "path", "required": True,
                        "schema": {"type": "string"}} for name in row.params],
        "responses": {
            "2XX": _json_content("Success", row.response_schema),
            "default": {"description": "Error",
                        "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/Error"}}}},
        },
    }
    if row.method in ("POST", "PUT", "PATCH"):
        op["requestBody"] = _json_content(None, row.request_schema)
        del op["requestBody"]["description"]
    return op


def _operation_id(row, seen):
    base = ".".join([row.service, row.rpc, *map(str, row.extra.values())])
    op_id, n = base, 1
    while op_id in seen:
        n += 1
        op_id = "%s.%d" % (base, n)
    seen.add(op_id)
    return op_id


def _security(policy):
    if policy == PUBLIC:
        return []
    cookie = "refreshCookie" if policy == REFRESH else "accessCookie"
    return [{"bearer": []}, {cookie: []}]


def _json_content(description, schema):
    return {"description": description,
            "content": {"application/json": {"schema": schema_json(schema)}}}


def schema_json(schema, depth=0):
    """JSON schema of a marshmallow schema (class, instance or "module:Name"); {} if none."""
    schema = _resolve(schema)
    if schema is None:
        return {}
    if depth > MAX_DEPTH:   # a schema nesting itself
        return {"type": "object"}
    props = {name: field_json(field, depth) for name, field in schema.fields.items()
             if not field.load_only}
    required = sorted(name for name, field in schema.fields.items() if field.required)
    obj = {"type": "object", "properties": props, **({"required": required} if required else {})}
    return {"type": "array", "items": obj} if schema.many else obj


def field_json(field, depth=0):
    """JSON schema of one marshmallow field (unknown kinds: any value)."""
    if isinstance(field, fields.Nested):
        return schema_json(field.schema, depth + 1)
    if isinstance(field, fields.List):
        return {"type": "array", "items": field_json(field.inner, depth)}
    for kind, json_type in FIELD_TYPES:
        if isinstance(field, kind):
            return dict(json_type, **({"nullable": True} if field.allow_none else {}))
    return {}


def _resolve(schema):
    if isinstance(schema, str):
        module, _, name = schema.partition(":")
        try:
            schema = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            log.warning("OpenAPI: schema %s not importable here", schema)
            return None
    if isinstance(schema, type) and issubclass(schema, Schema):
        return schema()
    return schema if isinstance(schema, Schema) else None
