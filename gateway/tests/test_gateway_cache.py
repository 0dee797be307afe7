"""The reply cache: served only while the event families it depends on are unchanged."""
import threading

from slate_gateway.cache import LogFollower, ReplyCache


def usable_cache(**options):
    cache = ReplyCache(**options)
    cache.reset(usable=True)
    return cache


def test_an_entry_is_served_until_an_event_of_its_family():
    cache = usable_cache()
    snapshot = cache.snapshot(("person",))
    cache.put("k", snapshot, b"[]")
    assert cache.get("k", ("person",)) == b"[]"
    cache.invalidate("project:update")          # another family: still valid
    assert cache.get("k", ("person",)) == b"[]"
    cache.invalidate("person:update")
    assert cache.get("k", ("person",)) is None


def test_a_change_during_the_rpc_is_never_cached_as_current():
    cache = usable_cache()
    snapshot = cache.snapshot(("person",))      # taken before the RPC
    cache.invalidate("person:new")              # commits while the reply is computed
    cache.put("k", snapshot, b"stale")
    assert cache.get("k", ("person",)) is None


def test_entries_expire_and_the_cache_is_off_while_disconnected():
    now = [0.0]
    cache = usable_cache(ttl=5, clock=lambda: now[0])
    cache.put("k", cache.snapshot(("person",)), b"x")
    now[0] = 6
    assert cache.get("k", ("person",)) is None
    cache.put("k", cache.snapshot(("person",)), b"x")
    cache.reset(usable=False)
    assert cache.get("k", ("person",)) is None
    cache.put("k", cache.snapshot(("person",)), b"x")
    assert len(cache) == 0


def test_lru_bound():
    cache = usable_cache(max_entries=2)
    for key in "abc":
        cache.put(key, cache.snapshot(()), key.encode())
    assert cache.get("a", ()) is None and cache.get("c", ()) == b"c"


def test_follower_waits_for_a_position():
    follower = LogFollower()
    assert follower.wait_for(3, 0.01) is False
    threading.Timer(0.05, follower.saw, [3]).start()
    assert follower.wait_for(3, 5) is True
    follower.saw(2)
    assert follower.position == 3


def test_a_row_may_depend_on_one_internal_event():
    cache = usable_cache()
    families = ("project", "internal:read-model:catalog.persons")
    cache.put("k", cache.snapshot(families), b"x")
    cache.invalidate("internal:token-revoked")
    assert cache.get("k", families) == b"x"
    cache.invalidate("internal:read-model:catalog.persons")
    assert cache.get("k", families) is None
