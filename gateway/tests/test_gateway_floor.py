"""Read-your-writes across workers: a write raises the host's shared floor, and a
request on another worker waits until that worker's listener reached it."""
import threading
import time
import types

import falcon
import falcon.testing

from slate_gateway import floor
from slate_gateway.cache import LogFollower
from slate_gateway.resource import Dispatcher
from slate_gateway.routes import Route


class Authenticator:
    def identify(self, req, policy):
        return {"person_id": "someone"}, None


class Rpc:
    """Answers writes with the position of their event; records when reads ran."""
    def __init__(self):
        self.read_at = None

    def call(self, service, method, request, context=None):
        if method == "write":
            return {"status": 201, "body": {}, "position": 10}
        self.read_at = time.monotonic()
        return {"status": 200, "body": []}


def worker(shared, rpc):
    """A gateway worker: its own listener position, the host's shared floor."""
    settings = types.SimpleNamespace(max_body_bytes=1 << 20)
    dispatcher = Dispatcher(settings, rpc, Authenticator(), None, follower=LogFollower())
    dispatcher.floor = shared
    return dispatcher


def call(dispatcher, method):
    row = Route(method, "/data/things", "svc", "write" if method == "POST" else "read")
    req = falcon.testing.create_req(method=method, path="/data/things", body="{}",
                                    headers={"Content-Type": "application/json"})
    dispatcher.serve(row, req, falcon.Response())


def test_a_read_on_another_worker_waits_for_the_write_it_follows(monkeypatch):
    monkeypatch.setattr("slate_gateway.resource.BROADCAST_WAIT_SECONDS", 5)
    shared, rpc = floor.PositionFloor(), Rpc()
    writer, reader = worker(shared, rpc), worker(shared, rpc)
    writer.follower.saw(10)             # the writer's listener has the event
    reader.follower.saw(9)              # the reader's is one event behind
    call(writer, "POST")
    assert shared.value == 10
    caught_up_at = []

    def listener_catches_up():
        caught_up_at.append(time.monotonic())
        reader.follower.saw(10)
    threading.Timer(0.2, listener_catches_up).start()
    call(reader, "GET")
    assert rpc.read_at >= caught_up_at[0]


def test_the_floor_is_not_raised_by_a_write_whose_events_stall(monkeypatch):
    monkeypatch.setattr("slate_gateway.resource.BROADCAST_WAIT_SECONDS", 0.05)
    shared, rpc = floor.PositionFloor(), Rpc()
    writer, reader = worker(shared, rpc), worker(shared, rpc)
    call(writer, "POST")                # its event never comes back (relay down)
    assert shared.value == 0
    started = time.monotonic()
    call(reader, "GET")                 # so reads elsewhere do not wait for it
    assert rpc.read_at - started < 0.05
