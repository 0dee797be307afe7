"""Slate's error hierarchy and its one mapping to Zou's HTTP statuses and bodies.

Services raise these; nameko carries them as `exc_type` + `exc_args`; the gateway calls
`http_error` to answer the way Zou does.
"""
import json

NOT_FOUND = ("404 Not Found: The requested URL was not found on the server. If you entered "
             "the URL manually please check your spelling and try again.")
FORBIDDEN = ("You don't have the permission to access the requested resource. It is either "
             "read-protected or not readable by the server.")
BAD_REQUEST = "The browser (or proxy) sent a request that this server could not understand."
NOT_ALLOWED = "The method is not allowed for the requested URL."


class SlateError(Exception):
    """Base of every error a caller may see. args = (message, data as JSON text): nameko
    stringifies exception args on the wire, so `data` travels already encoded."""
    status = 500
    default_message = "Internal error."

    def __init__(self, message=None, data=None):
        super().__init__(message or self.default_message, json.dumps(data))

    @property
    def message(self):
        return self.args[0]

    @property
    def data(self):
        return _decode(self.args[1])


def _decode(text):
    try:
        return json.loads(text) if isinstance(text, str) else text
    except ValueError:
        return None


class Invalid(SlateError):
    """Bad input: 400 `{error, message, data}`."""
    status = 400
    default_message = "Validation error."


class MalformedId(Invalid):
    default_message = "Malformed ID."


class BadRequest(SlateError):
    """Unparseable request: 400 `{error, message}`."""
    status = 400
    default_message = BAD_REQUEST


class Rejected(SlateError):
    """Zou's bare `{message}` 400 (unknown fields, duplicates)."""
    status = 400


class Conflict(Rejected):
    default_message = "A record with the same unique values already exists."


class WrongCredentials(SlateError):
    """Login failure: 400 `{login: false, message}` plus optional data keys."""
    status = 400
    default_message = "Wrong email or password."


class Unauthorized(SlateError):
    """No, bad, expired or revoked token: 401 `{msg}`."""
    status = 401
    default_message = "Missing JWT in cookies or headers"


class UnprocessableToken(SlateError):
    """A token that cannot be decoded or verified: 422 `{msg}` as Zou does."""
    status = 422
    default_message = "Signature verification failed"


class Expired(SlateError):
    """An expired token: 401 `{error, message}`."""
    status = 401
    default_message = "Signature has expired"


class InactiveUser(SlateError):
    """A valid token whose person is inactive or gone: Zou's 401 `{error, message}`."""
    status = 401
    default_message = ("The server could not verify that you are authorized to access the "
                       "URL requested. You either supplied the wrong credentials (e.g. a bad "
                       "password), or your browser doesn't understand how to supply the "
                       "credentials required.")


class Forbidden(SlateError):
    status = 403
    default_message = FORBIDDEN


class NotFound(SlateError):
    status = 404
    default_message = NOT_FOUND


class MethodNotAllowed(SlateError):
    status = 405
    default_message = NOT_ALLOWED


class PayloadTooLarge(SlateError):
    status = 413
    default_message = "The data value transmitted exceeds the capacity limit."


ERRORS = {cls.__name__: cls for cls in (
    SlateError, Invalid, MalformedId, BadRequest, Rejected, Conflict, WrongCredentials,
    Unauthorized, UnprocessableToken, Expired, InactiveUser, Forbidden, NotFound, MethodNotAllowed,
    PayloadTooLarge)}


def _body(cls, message, data):
    if issubclass(cls, (Unauthorized, UnprocessableToken)):
        return {"msg": message}
    if issubclass(cls, WrongCredentials):
        return {"login": False, "message": message, **(data or {})}
    if issubclass(cls, Rejected):
        return {"message": message}
    if issubclass(cls, Invalid):
        return {"error": True, "message": message, "data": data}
    return {"error": True, "message": message}


def http_error(exc_type, exc_args=()):
    """Map a (remote) error's type name and args to (status, Zou body)."""
    cls = ERRORS.get(exc_type)
    if cls is None:
        return 500, {"error": True, "message": SlateError.default_message}
    args = list(exc_args or ()) + [None, None]
    message, data = args[0] or cls.default_message, _decode(args[1])
    return cls.status, _body(cls, message, data)


def http_error_of(exc):
    """Map a local SlateError instance to (status, Zou body)."""
    return http_error(type(exc).__name__, exc.args)
