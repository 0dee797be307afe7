"""The revocation set: expiry, events in both shapes, the load from auth."""
import json

from slate_gateway.revocations import Revocations


class Clock:
    now = 1000.0

    def __call__(self):
        return self.now


def test_revoked_until_expiry_then_dropped():
    clock = Clock()
    revocations = Revocations(clock)
    revocations.add(["a", None], 1010)
    assert revocations.is_revoked("a") and revocations.is_revoked(None, "a")
    assert not revocations.is_revoked("b", None)
    clock.now = 1011
    assert not revocations.is_revoked("a")
    revocations.purge()
    assert len(revocations) == 0


def test_events_with_payload_or_data():
    revocations = Revocations()
    far = 2 ** 40
    revocations.apply_event(json.dumps({"name": "internal:token-revoked",
                                        "payload": {"jtis": ["a", "b"], "expires_at": far}}))
    revocations.apply_event({"data": {"jtis": ["c"], "expires_at": far}})
    assert all(revocations.is_revoked(j) for j in "abc")


def test_malformed_events_are_ignored():
    revocations = Revocations()
    for body in (b"not json", b"[]", b'{"payload": {"jtis": 5}}', b"null"):
        revocations.apply_event(body)
    assert len(revocations) == 0


def test_load_rows_from_auth():
    revocations = Revocations()
    revocations.load([{"jti": "x", "expires_at": 2 ** 40}, {"jti": None}])
    assert revocations.is_revoked("x") and len(revocations) == 1

