"""Review rooms: Kitsu's synchronised playlist sessions, as zou/event_stream.py keeps them.

State lives in this process's memory, as in Zou (run one stream process per studio if review
rooms are used). The handlers reproduce zou/event_stream.py:98-183 (room state) and
294-422 (handlers): open/close-playlist enter/leave the socket room, join/leave maintain the
room's people, room-updated replaces its playing state, and the annotation, version and
pan-zoom events are relayed to the room. Every handler re-checks the connection's token first.

Who may enter a playlist's room is a RoomPolicy: Zou asks its permissions service
(check_playlist_room_access). The default policy refuses every room until an RPC to the
owner of playlists is wired in.
"""
import copy

JOIN_HANDLERS = ("open-playlist", "close-playlist", "join", "leave", "room-updated")
RELAYED = ("add-annotation", "remove-annotation", "update-annotation", "change-version",
           "panzoom-changed", "comparison-panzoom-changed")
COMPARING_FIELDS = {"enable", "task_type", "revision", "mode", "comparison_preview_index"}
# Fields a room-updated message sets, with Zou's default when the message omits them.
PLAYING_DEFAULTS = {
    "playlist_id": "", "user_id": None, "local_id": None, "is_playing": False,
    "is_repeating": None, "is_laser_mode": None, "is_annotations_displayed": False,
    "is_zoom_enabled": False, "is_waveform_displayed": False, "current_entity_id": None,
    "current_entity_index": None, "current_preview_file_id": None,
    "current_preview_file_index": None, "handle_in": None, "handle_out": None,
}
EMPTY_ROOM = {
    **PLAYING_DEFAULTS, "playlist_id": None, "people": [], "current_frame": 0, "speed": None,
    "comparing": {"enable": False, "task_type": None, "revision": None, "mode": "sidebyside",
                  "comparison_preview_index": 0},
}


class RoomPolicy:
    """Review-room permissions. Replace with one that asks the owner of playlists."""

    def may_enter(self, identity, playlist_id):
        """Zou: members of the production; clients when shared with them; never vendors."""
        return False

    def is_preview_user(self, identity):
        """Preview accounts watch a room; they never drive it."""
        return False


def update_playing_status(data, room):
    """Copy the playing state of a room-updated message into `room` (Zou's rules)."""
    for field, default in PLAYING_DEFAULTS.items():
        room[field] = data.get(field, default)
    if "current_frame" in data:
        room["current_frame"] = data["current_frame"]
    if isinstance(data.get("comparing"), dict):
        comparing = data["comparing"]
        room["comparing"] = {k: v for k, v in comparing.items() if k in COMPARING_FIELDS}
    if isinstance(data.get("speed"), (int, float)):
        room["speed"] = data["speed"]
    return room


class PreviewRooms:
    """The review rooms of one socket.io namespace (`sockets`: an EventSockets)."""

    def __init__(self, sockets, policy):
        self.sockets = sockets
        self.policy = policy
        self.rooms = {}  # playlist id -> room state
        self.person_rooms = {}  # person id -> playlist ids whose people include them
        for name in JOIN_HANDLERS:
            self._on(name, getattr(self, name.replace("-", "_")))
        for name in RELAYED:
            self._on(name, self._relay(name))

    def open_playlist(self, sid, identity, data):
        """Enter the socket room to see who is in the review (not yet in sync)."""
        room, room_id = self._room_of(data)
        if not self.policy.may_enter(identity, room_id):
            return
        self.rooms[room_id] = room
        self.sockets.server.enter_room(sid, room_id, namespace="/events")
        self._people_updated(room_id, room["people"])

    def close_playlist(self, sid, identity, data):
        self.sockets.server.leave_room(sid, data.get("playlist_id", "0"), namespace="/events")

    def join(self, sid, identity, data):
        """Join the review: tell the room its new people and its state."""
        room, room_id = self._room_of(data)
        if not self.policy.may_enter(identity, room_id):
            return
        if not room["people"]:
            update_playing_status(data, room)
        if identity.person_id not in room["people"]:
            room["people"].append(identity.person_id)
        room["playlist_id"] = room_id
        self.rooms[room_id] = room
        self.person_rooms.setdefault(identity.person_id, set()).add(room_id)
        self._people_updated(room_id, room["people"])
        self.sockets.emit("preview-room:room-updated", room, room_id)

    def leave(self, sid, identity, data):
        self._leave(data.get("playlist_id", ""), identity.person_id)

    def room_updated(self, sid, identity, data, only_newcomer=False):
        """Replace the room's playing state and broadcast it (not for preview accounts)."""
        if self.policy.is_preview_user(identity):
            return
        room, room_id = self._room_of(data)
        self.rooms[room_id] = update_playing_status(data, room)
        self.sockets.emit("preview-room:room-updated",
                          {"only_newcomer": only_newcomer, **room}, room_id)

    def person_left(self, person_id):
        """On disconnect: leave every room the person had joined (Zou keys this by person)."""
        for room_id in list(self.person_rooms.get(person_id, ())):
            self._leave(room_id, person_id)

    def _relay(self, name):
        def relay(sid, identity, data):
            if not self.policy.is_preview_user(identity):
                self.sockets.emit("preview-room:" + name, data, data.get("playlist_id", ""))
        return relay

    def _on(self, name, handler):
        def checked(sid, data=None, *args):
            identity = self.sockets.authenticated(sid)
            if identity is not None and isinstance(data, dict):
                handler(sid, identity, data, *args)
        self.sockets.server.on("preview-room:" + name, checked, namespace="/events")

    def _room_of(self, data):
        room_id = data.get("playlist_id", "0")
        return self.rooms.get(room_id) or copy.deepcopy(EMPTY_ROOM), room_id

    def _leave(self, room_id, person_id):
        room = self.rooms.get(room_id) or copy.deepcopy(EMPTY_ROOM)
        room["people"] = [person for person in room["people"] if person != person_id]
        rooms = self.person_rooms.get(person_id, set())
        rooms.discard(room_id)
        if not rooms:
            self.person_rooms.pop(person_id, None)
        if room["people"]:
            self.rooms[room_id] = room
        else:
            self.rooms.pop(room_id, None)
        self._people_updated(room_id, room["people"])

    def _people_updated(self, room_id, people):
        self.sockets.emit("preview-room:room-people-updated",
                          {"people": people, "playlist_id": room_id, "id": room_id}, room_id)
