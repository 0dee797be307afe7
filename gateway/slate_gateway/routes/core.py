"""What every route table is made of: the row, its policies, the CRUD rows of a model,
and the check of a whole table."""
import functools
import re
import types
from typing import Any, Mapping, NamedTuple

PUBLIC = "public"
REFRESH = "refresh"
AUTHENTICATED = "authenticated"
ADMIN = "admin"
MANAGER = "manager"

SERVICES = frozenset({"auth", "catalog", "tasks", "media", "importer"})
METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
PARAM = re.compile(r"{([A-Za-z_][A-Za-z0-9_]*)}")
NO_EXTRA = types.MappingProxyType({})


class Route(NamedTuple):
    """One public route. Schemas (a marshmallow Schema, or "module:Name") only feed OpenAPI."""
    method: str
    path: str
    service: str
    rpc: str
    policy: str = AUTHENTICATED
    extra: Mapping[str, Any] = NO_EXTRA
    request_schema: Any = None
    response_schema: Any = None
    cache: tuple = ()   # event families whose events invalidate cached replies (GET only)

    @property
    def params(self):
        """The path parameter names, in order."""
        return path_params(self.path)

    def route_info(self):
        """What the service receives as `request["route"]`."""
        return {**self.extra, "policy": self.policy}


@functools.lru_cache(maxsize=None)
def path_params(path):
    """The `{name}` parameters of a path template, in order."""
    return tuple(PARAM.findall(path))


def crud(service, model, read=AUTHENTICATED, write=ADMIN, cache=(), contract=None):
    """The five generic CRUD rows of a model: `/data/<model>` and `/data/<model>/{instance_id}`.
    `cache`: the event families a cached read depends on (none: reads are not cached).
    `contract`: "module:Name" of the marshmallow reply schema; "<Name>Input" beside it
    holds what create and update accept (both feed /openapi.json)."""
    extra = types.MappingProxyType({"model": model})
    many, one = "/data/%s" % model, "/data/%s/{instance_id}" % model
    body = contract and contract + "Input"
    return (
        Route("GET", many, service, "crud_list", read, extra, cache=cache),
        Route("POST", many, service, "crud_create", write, extra, body, contract),
        Route("GET", one, service, "crud_get", read, extra, response_schema=contract,
              cache=cache),
        Route("PUT", one, service, "crud_update", write, extra, body, contract),
        Route("DELETE", one, service, "crud_delete", write, extra),
    )


# Rows after whose success the gateway revokes the caller's own tokens at once, before the
# `internal:token-revoked` event reaches it: this replica never accepts them again.
REVOKES_CALLER = frozenset({("auth", "logout")})


def check_table(routes):
    """Raise ValueError on a malformed table: bad method or path, or a duplicate row."""
    seen = set()
    for row in routes:
        key = (row.method, PARAM.sub("{}", row.path))
        problem = (
            "unknown method" if row.method not in METHODS else
            "path must start with /" if not row.path.startswith("/") else
            "duplicate route" if key in seen else None)
        if problem:
            raise ValueError("%s: %s %s" % (problem, row.method, row.path))
        seen.add(key)
