"""Unit tests of the stream process's parts: no broker, no database, no server."""
import copy
import json
import time
import uuid

import pytest

from slate_common import tokens
from slate_gateway.stream import auth, ndjson, rooms, sockets, wakeups
from slate_gateway.stream.feed import Feed

SECRET = "unit-test-secret-long-enough-for-hs256"


def wire(position, name="task:new", project_id=None, data=None):
    return {"position": position, "id": str(uuid.uuid4()), "name": name, "actor_id": None,
            "project_id": project_id, "created_at": "2026-01-01T00:00:00",
            "data": data or {"n": position}, "payload": {}}


class Table:
    """A fake events table: reads wires after a position."""

    def __init__(self, wires):
        self.wires, self.reads = list(wires), 0

    def read(self, after, limit):
        self.reads += 1
        return [w for w in self.wires if w["position"] > after][:limit]


def feed_with(table, start=0, **options):
    feed = Feed(table.read, start, **options)
    seen = []
    feed.subscribe(lambda w: seen.append(w["position"]))
    return feed, seen


def test_feed_applies_the_next_message_without_reading_the_table():
    table = Table([])
    feed, seen = feed_with(table)
    feed.offer(wire(1))
    assert seen == [1] and table.reads == 0


def test_feed_fills_a_gap_from_the_table_in_order():
    table = Table([wire(1), wire(2), wire(3)])
    feed, seen = feed_with(table)
    feed.offer(table.wires[2])
    assert seen == [1, 2, 3] and feed.last_position == 3


def test_feed_drops_duplicates_and_old_messages():
    feed, seen = feed_with(Table([]))
    for position in (1, 1, 2, 1, 2):
        feed.offer(wire(position))
    assert seen == [1, 2]


def test_feed_gap_fill_reads_batches_until_the_message():
    table = Table([wire(n) for n in range(1, 8)])
    feed, seen = feed_with(table, batch=3)
    feed.offer(table.wires[5])
    assert seen == [1, 2, 3, 4, 5, 6]


def test_feed_keeps_the_gap_when_the_table_lacks_the_events():
    feed, seen = feed_with(Table([]))
    feed.offer(wire(3))
    assert seen == [] and feed.last_position == 0


def test_feed_catch_up_reads_everything_after_last_position():
    feed, seen = feed_with(Table([wire(n) for n in range(1, 6)]), start=2, batch=2)
    feed.catch_up()
    assert seen == [3, 4, 5]


def test_feed_serves_recent_public_events_from_memory_and_skips_internal_ones():
    table = Table([])
    feed, _ = feed_with(table, start=10)
    for event in (wire(11), wire(12, "internal:token-revoked"), wire(13)):
        feed.offer(event)
    events, seen = feed.events_after(10)
    assert [w["position"] for w in events] == [11, 13] and seen == 13 and table.reads == 0


def test_feed_serves_old_cursors_from_the_table():
    table = Table([wire(1), wire(2, "internal:x"), wire(3)])
    feed, _ = feed_with(table, start=3)
    events, seen = feed.events_after(0)
    assert [w["position"] for w in events] == [1, 3] and seen == 3


def test_feed_window_evicts_old_events_to_the_table():
    table = Table([wire(n) for n in range(1, 5)])
    feed, _ = feed_with(table, window=2)
    feed.catch_up()
    reads = table.reads
    assert [w["position"] for w in feed.events_after(2)[0]] == [3, 4]
    assert table.reads == reads
    assert [w["position"] for w in feed.events_after(1)[0]] == [2, 3, 4]
    assert table.reads == reads + 1


def test_feed_events_after_respects_the_limit():
    feed, _ = feed_with(Table([]))
    for position in range(1, 6):
        feed.offer(wire(position))
    events, seen = feed.events_after(0, limit=2)
    assert [w["position"] for w in events] == [1, 2] and seen == 2


def test_feed_wait_after_times_out_then_wakes():
    feed, _ = feed_with(Table([]))
    assert feed.wait_after(0, 0.01) is False
    feed.offer(wire(1))
    assert feed.wait_after(0, 0.01) is True


def test_a_failing_listener_does_not_stop_the_feed():
    feed, seen = feed_with(Table([]))
    feed.subscribe(lambda w: 1 / 0)
    feed.offer(wire(1))
    feed.offer(wire(2))
    assert seen == [1, 2] and feed.last_position == 2


def test_zou_payload_is_data_with_project_id():
    project_id = str(uuid.uuid4())
    assert sockets.zou_payload(wire(1, project_id=project_id, data={"task_id": "t"})) == {
        "task_id": "t", "project_id": project_id}
    assert sockets.zou_payload(wire(1, data={"person_id": "p"})) == {"person_id": "p"}


def environ(cookie=None, bearer=None):
    env = {}
    if cookie:
        env["HTTP_COOKIE"] = "other=1; access_token_cookie=%s; x=2" % cookie
    if bearer:
        env["HTTP_AUTHORIZATION"] = "Bearer " + bearer
    return env


def access_token(person_id=None):
    return tokens.issue_pair(SECRET, person_id or uuid.uuid4())[0]


def test_the_cookie_comes_before_the_header():
    assert auth.request_token(environ(cookie="c", bearer="h")) == "c"
    assert auth.request_token(environ(bearer="h")) == "h"
    assert auth.request_token({"HTTP_AUTHORIZATION": "Basic abc"}) is None


def test_handshake_falls_back_to_the_auth_payload():
    authenticator = auth.Authenticator(SECRET)
    person_id = uuid.uuid4()
    identity = authenticator.handshake(environ(cookie="garbage"),
                                       {"token": access_token(person_id)})
    assert identity.person_id == str(person_id)


@pytest.mark.parametrize("token, reason", [
    (None, "missing"),
    ("garbage", "invalid"),
    (tokens.issue_pair(SECRET, uuid.uuid4())[2], "refresh"),
    (tokens.issue(SECRET, uuid.uuid4(), "access", -1)[0], "expired"),
    (tokens.issue_pair("another-secret-long-enough-for-hs256", uuid.uuid4())[0], "invalid"),
])
def test_refusal_reasons(token, reason):
    with pytest.raises(auth.Refused) as refused:
        auth.Authenticator(SECRET).handshake(environ(bearer=token))
    assert refused.value.reason == reason
    assert refused.value.socket_message == auth.SOCKET_MESSAGES[reason]


def revocation(*jtis, expires_at=None):
    """An `internal:token-revoked` event as the auth service emits it at logout."""
    return {**wire(1, auth.REVOKED_EVENT, data={"person_id": "p"}),
            "payload": {"jtis": list(jtis), "expires_at": expires_at or time.time() + 60}}


@pytest.mark.parametrize("revoked", ["jti", "refresh_jti"])
def test_a_revoked_token_is_refused_and_no_longer_valid(revoked):
    authenticator = auth.Authenticator(SECRET)
    identity = authenticator.check(access_token())
    authenticator.observe(revocation(getattr(identity, revoked)))
    assert not authenticator.still_valid(identity)
    with pytest.raises(auth.Refused) as refused:
        authenticator.check(identity.token)
    assert refused.value.socket_message == "Access token revoked."


def test_other_revocations_do_not_matter():
    authenticator = auth.Authenticator(SECRET)
    identity = authenticator.check(access_token())
    authenticator.observe(revocation("someone-else"))
    authenticator.observe(revocation(identity.jti, expires_at=time.time() - 1))
    assert authenticator.still_valid(identity)
    assert auth.revoked_jtis(revocation("a", None)) == ["a"]
    assert auth.revoked_jtis(wire(1)) == []


def test_event_line_is_the_zou_view_with_position():
    event = wire(7, project_id="p", data={"a": 1})
    line = ndjson.event_line(event)
    assert line.endswith(b"\n")
    assert ndjson.json.loads(line) == {
        "position": 7, "id": event["id"], "name": "task:new", "user_id": None,
        "created_at": "2026-01-01T00:00:00", "project_id": "p", "data": {"a": 1}}


@pytest.mark.parametrize("query, expected", [("", 42), ("after=3", 3), ("after=0", 0)])
def test_parse_cursor(query, expected):
    assert ndjson.parse_cursor({"QUERY_STRING": query}, 42) == expected


@pytest.mark.parametrize("query", ["after=x", "after=-1"])
def test_parse_cursor_rejects_non_positions(query):
    with pytest.raises(ndjson.errors.Invalid):
        ndjson.parse_cursor({"QUERY_STRING": query}, 42)


def test_event_lines_heartbeat_when_silent_and_stop_when_invalid():
    feed, _ = feed_with(Table([]))
    feed.offer(wire(1))
    checks = iter([True, True, False])
    lines = list(ndjson.event_lines(feed, 0, lambda: next(checks), 0.01))
    assert lines[0].startswith(b'{"position": 1') and lines[1] == b"\n" and len(lines) == 2


class FakeServer:
    def __init__(self):
        self.handlers, self.entered, self.left, self.disconnected = {}, [], [], []

    def on(self, event, handler, namespace=None):
        self.handlers[event] = handler

    def enter_room(self, sid, room, namespace=None):
        self.entered.append((sid, room))

    def leave_room(self, sid, room, namespace=None):
        self.left.append((sid, room))


class FakeSockets:
    """What PreviewRooms needs of EventSockets, recording emissions."""

    def __init__(self, identities):
        self.server, self.identities, self.emitted = FakeServer(), identities, []

    def authenticated(self, sid):
        return self.identities.get(sid)

    def emit(self, event, data, room):
        self.emitted.append((event, room, copy.deepcopy(data)))  # sent as JSON at once


class Allow(rooms.RoomPolicy):
    def may_enter(self, identity, playlist_id):
        return True


def review(policy=None):
    people = {"s1": auth.Identity("p1", "j1", None, 0, "t"),
              "s2": auth.Identity("p2", "j2", None, 0, "t")}
    fake = FakeSockets(people)
    return fake, rooms.PreviewRooms(fake, policy or Allow())


def send(fake, sid, event, *args):
    fake.server.handlers["preview-room:" + event](sid, *args)


def test_joining_a_room_announces_people_and_state():
    fake, review_rooms = review()
    send(fake, "s1", "open-playlist", {"playlist_id": "pl"})
    send(fake, "s1", "join", {"playlist_id": "pl", "is_playing": True, "current_frame": 5})
    send(fake, "s2", "join", {"playlist_id": "pl", "is_playing": False})
    assert fake.server.entered == [("s1", "pl")]
    people = [d["people"] for e, r, d in fake.emitted if e.endswith("room-people-updated")]
    assert people == [[], ["p1"], ["p1", "p2"]]
    state = review_rooms.rooms["pl"]
    assert state["is_playing"] is True and state["current_frame"] == 5


def test_leaving_and_disconnecting_update_the_people():
    fake, review_rooms = review()
    send(fake, "s1", "join", {"playlist_id": "pl"})
    send(fake, "s2", "join", {"playlist_id": "pl"})
    send(fake, "s2", "leave", {"playlist_id": "pl"})
    review_rooms.person_left("p1")
    people = [d["people"] for e, r, d in fake.emitted if e.endswith("room-people-updated")]
    assert people[-2:] == [["p1"], []] and "pl" not in review_rooms.rooms


def test_room_updates_and_annotations_are_relayed_to_the_room():
    fake, _ = review()
    send(fake, "s1", "room-updated", {"playlist_id": "pl", "speed": 2,
                                      "comparing": {"enable": True, "evil": 1}}, True)
    send(fake, "s1", "add-annotation", {"playlist_id": "pl", "shape": 1})
    (event, room, data), relayed = fake.emitted
    assert event == "preview-room:room-updated" and room == "pl"
    assert data["only_newcomer"] is True and data["speed"] == 2
    assert data["comparing"] == {"enable": True}
    assert relayed == ("preview-room:add-annotation", "pl", {"playlist_id": "pl", "shape": 1})


def test_the_default_policy_lets_nobody_in():
    fake, review_rooms = review(rooms.RoomPolicy())
    send(fake, "s1", "open-playlist", {"playlist_id": "pl"})
    send(fake, "s1", "join", {"playlist_id": "pl"})
    assert fake.server.entered == [] and fake.emitted == [] and review_rooms.rooms == {}


def test_unauthenticated_room_events_are_ignored():
    fake, review_rooms = review()
    send(fake, "unknown-sid", "join", {"playlist_id": "pl"})
    send(fake, "s1", "join", "not a dict")
    assert fake.emitted == [] and review_rooms.rooms == {}


def test_token_expiry_ends_validity():
    authenticator = auth.Authenticator(SECRET)
    token = tokens.issue(SECRET, uuid.uuid4(), "access", 1)[0]
    identity = authenticator.check(token)
    assert authenticator.still_valid(identity)
    expired = auth.Identity(identity.person_id, identity.jti, None, int(time.time()) - 1,
                            token)
    assert not authenticator.still_valid(expired)


class Recorder:
    def __init__(self):
        self.offered = []

    def offer(self, wire):
        self.offered.append(wire)


@pytest.mark.parametrize("body", ["not json", {"name": "x"}, {"position": 1, "name": "x"},
                                  '{"position": "one"}', "[1]"])
def test_malformed_relay_messages_are_ignored(body):
    recorder = Recorder()
    wakeups.offer(recorder, body)
    assert recorder.offered == []


def test_relay_messages_are_offered_decoded():
    recorder = Recorder()
    wakeups.offer(recorder, json.dumps({**wire(3), "position": "3"}))
    assert recorder.offered[0]["position"] == 3
