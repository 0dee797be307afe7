"""The gateway's Falcon app: the route table served by one generic resource.

Zou's conventions: optional `/api` prefix and trailing slash, `GET /` answers the API name
and version, every error has Zou's status and body (`slate_common.errors`), and bad input is
never a 500.
"""
import logging

import falcon

from slate_common import errors

from slate_gateway.auth import Authenticator
from slate_gateway.cache import LogFollower, ReplyCache
from slate_gateway.openapi import build_openapi
from slate_gateway.resource import JSON, BadReply, Dispatcher, add_routes, dumps
from slate_gateway.revocations import RevocationListener, Revocations
from slate_gateway.routes import ROUTES, check_table
from slate_gateway.rpc import RemoteError, RpcClient, RpcFailure

ZOU_VERSION = "1.0.97"
log = logging.getLogger(__name__)


def create_app(settings, rpc_client=None, revocations=None, routes=ROUTES):
    """Build the WSGI app for these settings and route rows.

    Without `rpc_client` one is built and started (so call this after fork). Without
    `revocations` a set is built and kept current by a started RevocationListener.
    """
    check_table(routes)
    if rpc_client is None:
        rpc_client = RpcClient(settings.amqp_uri, settings.rpc_timeout).start()
    cache = follower = None
    if revocations is None:
        revocations, follower = Revocations(), LogFollower()
        cache = ReplyCache(ttl=settings.cache_seconds) if settings.cache_seconds > 0 else None
        RevocationListener(revocations, settings.amqp_uri, rpc_client, cache=cache,
                           follower=follower).start()
    app = falcon.App(middleware=[StripApiPrefix()])
    app.req_options.strip_url_path_trailing_slash = True
    app.req_options.keep_blank_qs_values = True
    app.resp_options.secure_cookies_by_default = False
    authenticator = Authenticator(settings.secret_key, revocations)
    dispatcher = Dispatcher(settings, rpc_client, authenticator, revocations, cache, follower)
    add_routes(app, routes, dispatcher.serve)
    app.add_route("/", Static({"api": "Zou", "version": ZOU_VERSION}))
    app.add_route("/openapi.json", Static(build_openapi(routes, ZOU_VERSION)))
    add_error_handlers(app)
    return app


class StripApiPrefix:
    """Serve `/api/...` as `/...`: a proxy may or may not strip Kitsu's `/api`.

    The stripped prefix is kept as `req.context.path_prefix` (for cookie paths).
    """

    def process_request(self, req, resp):
        path = req.path
        if path == "/api" or path.startswith("/api/"):
            req.path = path[4:] or "/"
            req.context.path_prefix = "/api"


class Static:
    """A constant JSON document, for GET and HEAD, without authentication."""

    def __init__(self, document):
        self.data = dumps(document)

    def on_get(self, req, resp):
        resp.data, resp.content_type = self.data, JSON

    on_head = on_get


def add_error_handlers(app):
    """Map every exception to Zou's status and body; log what is our fault."""
    app.add_error_handler(Exception, _unexpected)
    app.add_error_handler(falcon.HTTPError, _falcon_error)
    app.add_error_handler(errors.SlateError, _answer(errors.http_error_of))
    app.add_error_handler(RpcFailure, _answer(lambda ex: ex.http()))
    app.add_error_handler(RemoteError, _answer(_remote))


def _answer(mapping):
    def handler(req, resp, ex, params):
        status, body = mapping(ex)
        _write(resp, status, body)
    return handler


def _remote(ex):
    status, body = ex.http()
    if status >= 500:
        log.error("service error %s%r", ex.exc_type, tuple(ex.exc_args))
    return status, body


def _falcon_error(req, resp, ex, params):
    if ex.status_code == 404:
        body = {"error": True, "message": errors.NOT_FOUND}
    elif ex.status_code == 405:
        body = {"error": True, "message": errors.NOT_ALLOWED}
    elif ex.status_code == 400:
        body = {"error": True, "message": errors.BAD_REQUEST}
    else:
        body = {"error": True, "message": ex.title}
    for name, value in (ex.headers or {}).items():
        resp.set_header(name, value)
    _write(resp, ex.status_code, body)


def _unexpected(req, resp, ex, params):
    if isinstance(ex, BadReply):
        log.error("bad reply for %s %s: %s", req.method, req.path, ex)
    else:
        log.exception("unexpected error on %s %s", req.method, req.path)
    _write(resp, 500, {"error": True, "message": errors.SlateError.default_message})


def _write(resp, status, body):
    resp.status = status
    resp.data = dumps(body)
    resp.content_type = JSON
