"""The one generic resource: every route row becomes one RPC call.

Request sent to the service (its single positional argument):
    {"params": {path params}, "query": {key: str | [str]}, "body": json | None,
     "route": {**row.extra, "policy": row.policy}}
Reply expected: {"status": int, "body": json, "cookies"?: {"set": {...}, "clear": [...]},
"content_type"?: "application/x-ndjson"}; with that content type the body is a list
written one JSON document per line (NDJSON), e.g. Zou's streamed boards. A service may
answer `"body_json": text` instead of `body`: JSON (or NDJSON) it encoded itself, written
as is (large replies are then never decoded and re-encoded on the way).
"""
import functools
import itertools
import json
import logging
import time
import urllib.parse

from slate_common import errors

from slate_gateway import floor
from slate_gateway.routes import PARAM, REVOKES_CALLER

JSON = "application/json"
NDJSON = "application/x-ndjson"
BROADCAST_WAIT_SECONDS = 2.0
log = logging.getLogger(__name__)
BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def dumps(value):
    """Compact JSON bytes, UTF-8."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()


class BadReply(Exception):
    """A service answered something that is not a reply envelope: a 500."""


def canonical_template(path):
    """The falcon template of a Zou path: params renamed p0, p1... by position.

    Falcon refuses two different names at the same place (`/data/departments/{instance_id}`
    beside `/data/departments/{department_id}/persons`); Zou's table has many such pairs.
    Rows sharing a prefix share their params' positions, so positional names never clash.
    """
    positions = itertools.count()
    return PARAM.sub(lambda _: "{p%d}" % next(positions), path)


class RouteResource:
    """All rows of one path template; one `on_<method>` responder per row."""

    def __init__(self, rows, serve):
        for row in rows:
            setattr(self, "on_" + row.method.lower(), functools.partial(serve, row))
        methods = {row.method for row in rows}
        if "GET" in methods:
            self.on_head = self.on_get


class Dispatcher:
    """Serves one row: identify the caller, build the request, call, write the reply."""

    def __init__(self, settings, rpc_client, authenticator, revocations, cache=None,
                 follower=None):
        self.settings = settings
        self.rpc = rpc_client
        self.authenticator = authenticator
        self.revocations = revocations
        self.cache, self.follower = cache, follower
        self.floor = floor.SHARED

    def serve(self, row, req, resp, **params):
        self._wait_for_floor()
        context, claims = self.authenticator.identify(req, row.policy)
        cached = self._cached(row, req, context)
        if cached and cached[2] is not None:
            resp.status, resp.data, resp.content_type = 200, cached[2], JSON
            return
        request = {
            "params": {name: params["p%d" % i] for i, name in enumerate(row.params)},
            "query": dict(req.params),
            "body": read_body(req, self.settings.max_body_bytes)
            if req.method in BODY_METHODS else None,
            "route": row.route_info(),
        }
        reply = self.rpc.call(row.service, row.rpc, request, context=context)
        status = write_reply(resp, reply, req.context.get("path_prefix", ""))
        if cached and status == 200 and resp.content_type == JSON \
                and not reply.get("cookies"):
            self.cache.put(cached[0], cached[1], resp.data)
        if (row.service, row.rpc) in REVOKES_CALLER and status < 300 and claims:
            self._revoke_caller(claims)
        if status < 300 and reply.get("position") and self.follower is not None:
            self._wait_until_seen(reply["position"])

    def _cached(self, row, req, context):
        """(key, snapshot, hit bytes or None) for a cacheable GET, else None."""
        if self.cache is None or not row.cache or req.method != "GET" or not self.cache.usable:
            return None
        key = (row.path, req.path, req.query_string, context.get("person_id"))
        hit = self.cache.get(key, row.cache)
        return key, (None if hit else self.cache.snapshot(row.cache)), hit

    def _wait_until_seen(self, position):
        """Answer a write once this worker saw its events: every worker has them then
        (the listener applies a revocation before it records the event's position, so
        this also holds a logout until every gateway refuses the token)."""
        if self.follower.wait_for(position, BROADCAST_WAIT_SECONDS):
            self.floor.raise_to(position)  # not when events stall: no one would reach it
        else:
            log.warning("event %s not seen on the broker within %ss", position,
                        BROADCAST_WAIT_SECONDS)

    def _wait_for_floor(self):
        """Before anything else (revocations included), catch up with the writes the
        other workers of this host answered (floor.py)."""
        if self.follower is not None and self.floor.value > self.follower.position:
            self.follower.wait_for(self.floor.value, BROADCAST_WAIT_SECONDS)

    def _revoke_caller(self, claims):
        """Refuse the caller's tokens on this worker at once, before the event is back."""
        self.revocations.add([claims["jti"]], claims.get("exp"))
        refresh_until = time.time() + self.settings.refresh_token_days * 86400
        self.revocations.add([claims.get("refresh_jti")], refresh_until)


def read_body(req, limit):
    """The parsed body: JSON, or a form as a dict; None when empty.

    Raises PayloadTooLarge past `limit` bytes, BadRequest (Zou's 400) when unparseable.
    """
    if req.content_length is not None and req.content_length > limit:
        raise errors.PayloadTooLarge()
    chunked = "chunked" in (req.get_header("Transfer-Encoding") or "").lower()
    stream = req.stream if chunked and req.content_length is None else req.bounded_stream
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise errors.PayloadTooLarge()
    if not data.strip():
        return None
    if (req.content_type or "").startswith("application/x-www-form-urlencoded"):
        return _form(data)
    try:
        return json.loads(data)
    except (ValueError, RecursionError):
        raise errors.BadRequest() from None


def _form(data):
    try:
        pairs = urllib.parse.parse_qs(data.decode(), keep_blank_values=True)
    except UnicodeDecodeError:
        raise errors.BadRequest() from None
    return {k: v[0] if len(v) == 1 else v for k, v in pairs.items()}


def write_reply(resp, reply, path_prefix=""):
    """Write a service reply envelope to the response; return its status.

    Cookie paths other than `/` get the prefix the request came with (`/api`), or the
    browser would never send them back.
    """
    if not isinstance(reply, dict) or not isinstance(reply.get("status", 200), int):
        raise BadReply(repr(reply)[:200])
    status = reply.get("status", 200)
    resp.status = status
    if status != 204 and isinstance(reply.get("body_json"), str):
        resp.data = reply["body_json"].encode()
        resp.content_type = NDJSON if reply.get("content_type") == NDJSON else JSON
    elif status != 204 and reply.get("content_type") == NDJSON \
            and isinstance(reply.get("body"), list):
        resp.data = b"".join(dumps(line) + b"\n" for line in reply["body"])
        resp.content_type = NDJSON
    elif status != 204:
        resp.data = dumps(reply.get("body"))
        resp.content_type = JSON
    set_cookies(resp, reply.get("cookies") or {}, path_prefix)
    return status


def set_cookies(resp, cookies, path_prefix=""):
    """Apply `{"set": {name: {value, path, max_age}}, "clear": [{name, path}]}`, httponly."""
    def path(cookie):
        value = cookie.get("path") or "/"
        return value if value == "/" else path_prefix + value

    for name, cookie in (cookies.get("set") or {}).items():
        resp.set_cookie(name, cookie["value"], path=path(cookie),
                        max_age=cookie.get("max_age"), secure=False, http_only=True)
    for cookie in cookies.get("clear") or ():
        resp.unset_cookie(cookie["name"], path=path(cookie))


def add_routes(app, routes, serve):
    """Register every row with falcon, grouped by canonical path template."""
    groups = {}
    for row in routes:
        groups.setdefault(canonical_template(row.path), []).append(row)
    for template, rows in groups.items():
        app.add_route(template, RouteResource(rows, serve))

