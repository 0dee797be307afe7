"""Who may listen: Zou's event-stream authentication, with Slate's tokens.

A request is authenticated as flask-jwt-extended does with Zou's
`JWT_TOKEN_LOCATION = ["cookies", "headers"]`: the `access_token_cookie` cookie if present,
else the `Authorization: Bearer` header; the first token found decides. A socket.io client
may instead send `{"token": "<access token>"}` in its auth payload (zou/event_stream.py
connected(); zou/app/utils/socket_auth.py). Refusals carry Zou's socket messages.

Revocation is an event (`internal:token-revoked`, payload `{"jtis", "expires_at"}`), kept in
the gateway's `Revocations` set: loaded from the log at start, then fed by the feed.
"""
import dataclasses
import time

from slate_common import errors, eventstore, tokens
from slate_gateway.revocations import REVOKED_EVENT, Revocations

COOKIE = "access_token_cookie"

# zou/app/utils/socket_auth.py:32-35, 67-86
SOCKET_MESSAGES = {
    "missing": ("Missing access token: send the Kitsu cookie, an Authorization header, "
                'or {"token": "<access token>"} in the socket.io auth payload.'),
    "expired": "Access token expired.",
    "revoked": "Access token revoked.",
    "refresh": "A refresh token was given: send the access token.",
    "invalid": "Invalid access token.",
}


class Refused(Exception):
    """Authentication failed: `reason` keys SOCKET_MESSAGES, `http_message` is for HTTP."""

    def __init__(self, reason, http_message):
        super().__init__(reason, http_message)
        self.reason = reason
        self.http_message = http_message

    @property
    def socket_message(self):
        return SOCKET_MESSAGES[self.reason]


@dataclasses.dataclass(frozen=True)
class Identity:
    """An authenticated listener: the person, and the token that let them in."""
    person_id: str
    jti: str
    refresh_jti: str
    expires_at: int
    token: str


class Authenticator:
    """Verifies access tokens with the shared secret and the revoked jtis it has seen."""

    def __init__(self, secret_key, revocations=None):
        self.secret_key = secret_key
        self.revocations = revocations if revocations is not None else Revocations()

    def handshake(self, environ, auth=None):
        """Zou's socket.io connect: the request's token, else the auth payload's token."""
        try:
            return self.request(environ)
        except Refused:
            token = payload_token(auth)
            if token is None:
                raise
            return self.check(token)

    def request(self, environ):
        """The identity of a WSGI request (cookie first, then Bearer header)."""
        token = request_token(environ)
        if token is None:
            raise Refused("missing", errors.Unauthorized.default_message)
        return self.check(token)

    def check(self, token):
        """Verify an access token; raise Refused with the reason."""
        try:
            claims = tokens.verify(self.secret_key, token)
        except errors.Expired as exc:
            raise Refused("expired", exc.message)
        except errors.SlateError as exc:
            raise Refused(self._reason_of_bad(token), exc.message)
        identity = Identity(claims["sub"], claims["jti"], claims.get("refresh_jti"),
                            claims["exp"], token)
        if self.is_revoked(identity):
            raise Refused("revoked", "Token has been revoked")
        return identity

    def is_revoked(self, identity):
        """True when the token, or the refresh token it came with, is revoked."""
        return self.revocations.is_revoked(identity.jti, identity.refresh_jti)

    def still_valid(self, identity):
        """False once the identity's token has expired or been revoked."""
        return not self.is_revoked(identity) and identity.expires_at > time.time()

    def observe(self, wire):
        """Feed listener: apply a revocation event."""
        if wire["name"] == REVOKED_EVENT:
            self.revocations.apply_event(wire)

    def _reason_of_bad(self, token):
        try:
            tokens.verify(self.secret_key, token, kind="refresh")
        except errors.SlateError:
            return "invalid"
        return "refresh"


def request_token(environ):
    """The first token found, in Zou's order: the cookie, then `Authorization: Bearer`."""
    return cookie_token(environ) or bearer_token(environ)


def cookie_token(environ):
    for part in environ.get("HTTP_COOKIE", "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE and value:
            return value.strip('"')
    return None


def bearer_token(environ):
    parts = environ.get("HTTP_AUTHORIZATION", "").split()
    if len(parts) == 2 and parts[0] == "Bearer":
        return parts[1]
    return None


def payload_token(auth):
    """The token of a socket.io auth payload `{"token": ...}`, or None."""
    token = auth.get("token") if isinstance(auth, dict) else None
    return token if isinstance(token, str) and token else None


def revoked_jtis(wire):
    """The jtis a revocation event revokes (payload `{"jtis": [...], "expires_at"}`)."""
    if wire["name"] != REVOKED_EVENT:
        return []
    return [jti for jti in (wire.get("payload") or {}).get("jtis") or [] if jti]


def load_revocations(engine, upto, batch=1000):
    """Revocations of every token revoked in the log up to `upto` and not yet expired."""
    revocations, after = Revocations(), 0
    while True:
        with engine.connect() as connection:
            rows = eventstore.read(connection, after, batch, names=[REVOKED_EVENT])
        rows = [row for row in rows if row["position"] <= upto]
        for row in rows:
            revocations.apply_event({"payload": row["payload"], "data": row["data"]})
        if len(rows) < batch:
            revocations.purge()
            return revocations
        after = rows[-1]["position"]
