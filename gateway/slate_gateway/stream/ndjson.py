"""The resumable HTTP stream: `GET /events/stream?after=<position>` as NDJSON.

Authenticated like Zou's API (the `access_token_cookie` cookie, then the Bearer header);
401 `{"msg": ...}` otherwise. Answers `application/x-ndjson`: one line per public event
`{"position", "id", "name", "created_at", "user_id", "project_id", "data"}` after the cursor
(absent = from now), then new events as they commit, and a blank line after each
`heartbeat_seconds` of silence. A client that reconnects with the last position it saw
misses nothing. The stream ends when the token expires or is revoked, or the log cannot be
read: the client reconnects with its cursor.
"""
import json
import logging
import urllib.parse

import psycopg2
import sqlalchemy as sa

from slate_common import errors
from slate_gateway.stream import auth

log = logging.getLogger(__name__)
STREAM_PATH = "/events/stream"
NDJSON_HEADERS = [("Content-Type", "application/x-ndjson"), ("Cache-Control", "no-cache"),
                  ("X-Accel-Buffering", "no")]


def create_app(feed, authenticator, heartbeat_seconds=15.0):
    """The WSGI app of the stream port besides socket.io: the NDJSON stream and `/`."""
    def app(environ, start_response):
        path = environ.get("PATH_INFO", "").rstrip("/")
        if environ["REQUEST_METHOD"] not in ("GET", "HEAD"):
            return _json(start_response, 405, {"error": True, "message": errors.NOT_ALLOWED})
        if path == STREAM_PATH:
            return _stream(environ, start_response, feed, authenticator, heartbeat_seconds)
        if path == "":
            return _json(start_response, 200, {"name": "Slate Event stream"})
        return _json(start_response, 404, {"error": True, "message": errors.NOT_FOUND})
    return app


def event_line(wire):
    """One NDJSON line: the Zou view of the event (`/data/events/last`) with its position."""
    event = {"position": wire["position"], "id": wire["id"], "name": wire["name"],
             "created_at": wire["created_at"], "user_id": wire["actor_id"],
             "project_id": wire["project_id"], "data": wire["data"]}
    return (json.dumps(event) + "\n").encode()


def event_lines(feed, cursor, still_valid, heartbeat_seconds):
    """Lines of public events after `cursor`, then live ones, with heartbeats; see module."""
    try:
        while still_valid():
            batch, cursor = feed.events_after(cursor)
            for wire in batch:
                yield event_line(wire)
            if not batch and not feed.wait_after(cursor, heartbeat_seconds):
                yield b"\n"
    except (sa.exc.SQLAlchemyError, psycopg2.Error, OSError) as exc:
        log.warning("stream: NDJSON client cut at %s: %s", cursor, exc)


def parse_cursor(environ, now):
    """The `after` query parameter as a position (`now` when absent); raise Invalid."""
    values = urllib.parse.parse_qs(environ.get("QUERY_STRING", "")).get("after")
    if not values or values[-1] == "":
        return now
    try:
        cursor = int(values[-1])
    except ValueError:
        cursor = -1
    if cursor < 0:
        raise errors.Invalid("after must be an event position (a non-negative integer).")
    return cursor


def _stream(environ, start_response, feed, authenticator, heartbeat_seconds):
    try:
        identity = authenticator.request(environ)
    except auth.Refused as refused:
        return _json(start_response, 401, {"msg": refused.http_message})
    try:
        cursor = parse_cursor(environ, feed.last_position)
    except errors.SlateError as exc:
        return _json(start_response, *errors.http_error_of(exc))
    environ["eventlet.minimum_write_chunk_size"] = 0  # flush every line
    start_response("200 OK", NDJSON_HEADERS)
    if environ["REQUEST_METHOD"] == "HEAD":
        return []
    return event_lines(feed, cursor, lambda: authenticator.still_valid(identity),
                       heartbeat_seconds)


_REASONS = {200: "OK", 400: "BAD REQUEST", 401: "UNAUTHORIZED", 404: "NOT FOUND",
            405: "METHOD NOT ALLOWED"}


def _json(start_response, status, body):
    payload = json.dumps(body).encode()
    start_response("%d %s" % (status, _REASONS.get(status, "ERROR")),
                   [("Content-Type", "application/json"),
                    ("Content-Length", str(len(payload)))])
    return [payload]
