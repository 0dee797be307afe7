"""The socket.io namespace `/events`, as Zou's event stream serves it to gazu and Kitsu.

- connect: authenticated by the handshake request (cookie, then Bearer header), else by the
  auth payload's token; otherwise refused with Zou's reason in `connect_error`
  (zou/event_stream.py:238-259).
- events: every public event goes to every connected client of the namespace, no rooms
  (zou/app/stores/publisher_store.py:10-12), named by the event name, with Zou's payload
  (`zou_payload`).
- review rooms: `preview-room:*` (see rooms.py).
Beyond Zou: a connection whose token is revoked is disconnected when the revocation arrives.
"""
import logging

import socketio

from slate_common import eventstore
from slate_gateway.stream import auth, rooms

log = logging.getLogger(__name__)
NAMESPACE = "/events"


def zou_payload(wire):
    """What Zou emits for an event: its data with `project_id` set when the event has one
    (zou/app/utils/events.py:87-90); not the event id, which Zou adds after publishing."""
    data = dict(wire["data"] or {})
    if wire["project_id"] is not None:
        data["project_id"] = wire["project_id"]
    return data


class EventSockets:
    """The socket.io server: authenticates connections and broadcasts the feed."""

    def __init__(self, authenticator, room_policy=None):
        self.authenticator = authenticator
        self.server = socketio.Server(
            async_mode="eventlet", cors_allowed_origins="*", cors_credentials=False)
        self.identities = {}  # sid -> auth.Identity
        self.server.on("connect", self.on_connect, namespace=NAMESPACE)
        self.server.on("disconnect", self.on_disconnect, namespace=NAMESPACE)
        self.rooms = rooms.PreviewRooms(self, room_policy or rooms.RoomPolicy())

    def on_connect(self, sid, environ, auth_payload=None):
        """Accept an authenticated connection; refuse with Zou's message otherwise."""
        try:
            identity = self.authenticator.handshake(environ, auth_payload)
        except auth.Refused as refused:
            log.info("stream: websocket client refused: %s", refused.reason)
            raise socketio.exceptions.ConnectionRefusedError(refused.socket_message)
        self.identities[sid] = identity

    def on_disconnect(self, sid, reason=None):
        """Leave the review rooms of the person (as Zou does), forget the connection."""
        identity = self.identities.pop(sid, None)
        if identity is not None:
            self.rooms.person_left(identity.person_id)

    def authenticated(self, sid):
        """The identity of a connection, re-checked as Zou does for each client event;
        None (and the connection closed) when its token is no longer valid."""
        identity = self.identities.get(sid)
        if identity is not None:
            try:
                return self.authenticator.check(identity.token)
            except auth.Refused as refused:
                log.info("stream: websocket event refused: %s", refused.reason)
        self.server.disconnect(sid, namespace=NAMESPACE)
        return None

    def publish(self, wire):
        """Feed listener: broadcast a public event; close connections of a revoked token."""
        if eventstore.is_public(wire["name"]):
            self.server.emit(wire["name"], zou_payload(wire), namespace=NAMESPACE)
            return
        revoked = set(auth.revoked_jtis(wire))
        for sid in [sid for sid, identity in self.identities.items()
                    if {identity.jti, identity.refresh_jti} & revoked]:
            self.server.disconnect(sid, namespace=NAMESPACE)

    def emit(self, event, data, room):
        """Emit to one room of the namespace (used by the review rooms)."""
        self.server.emit(event, data, to=room, namespace=NAMESPACE)
