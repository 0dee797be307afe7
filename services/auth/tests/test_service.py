"""The auth service over real RabbitMQ RPC and PostgreSQL."""
import pytest
from nameko.exceptions import RemoteError

from slate_common import eventstore


def events(engine):
    with engine.connect() as connection:
        return eventstore.read(connection, 0)


def test_login_returns_tokens_user_and_organisation(auth, create_person):
    create_person(email="artist@example.com", password="pass1234")
    reply = auth().login({"body": {"email": "Artist@Example.com", "password": "pass1234"}})
    assert reply["status"] == 200
    body = reply["body"]
    assert body["login"] is True and body["access_token"] and body["refresh_token"]
    assert body["user"]["email"] == "artist@example.com"
    assert "password" not in body["user"]
    assert body["organisation"]["name"] == "Kitsu"
    assert "cookies" not in reply  # a script client gets no cookies


def test_browser_login_sets_cookies(auth, create_person):
    create_person(email="web@example.com")
    reply = auth(user_agent="Mozilla/5.0 (X11) Firefox/130").login(
        {"body": {"email": "web@example.com", "password": "secret123"}})
    assert set(reply["cookies"]["set"]) == {"access_token_cookie", "refresh_token_cookie"}
    headless = auth(user_agent="Mozilla/5.0 HeadlessChrome/120").login(
        {"body": {"email": "web@example.com", "password": "secret123"}})
    assert "cookies" not in headless


def test_wrong_password_is_zous_400_and_repeated_failures_lock(auth, create_person, clean_db):
    create_person(email="lock@example.com")
    wrong = {"body": {"email": "lock@example.com", "password": "nope"}}
    for _ in range(5):
        reply = auth().login(wrong)
        assert (reply["status"], reply["body"]) == (400, {
            "login": False, "message": "Wrong email or password."})
    locked = auth().login({"body": {"email": "lock@example.com", "password": "secret123"}})
    assert locked["status"] == 400 and locked["body"]["too_many_failed_login_attemps"]


def test_inactive_person_cannot_log_in(auth, create_person):
    create_person(email="gone@example.com", active=False)
    reply = auth().login({"body": {"email": "gone@example.com", "password": "secret123"}})
    assert reply["status"] == 401 and reply["body"]["unactive"] is True
    wrong = auth().login({"body": {"email": "gone@example.com", "password": "bad"}})
    assert wrong["status"] == 400


def test_admin_creates_person_and_the_event_is_in_the_log(auth, create_person, clean_db):
    admin = create_person(role="admin")
    reply = auth(admin).crud_create({"route": {"model": "persons"}, "body": {
        "first_name": "John", "last_name": "Doe", "email": "john@example.com",
        "role": "supervisor", "password": "longenough"}})
    assert reply["status"] == 201
    person = reply["body"]
    assert person["full_name"] == "John Doe" and person["type"] == "Person"
    assert "password" not in person
    new = [e for e in events(clean_db) if e["name"] == "person:new"]
    assert new[-1]["data"] == {"person_id": person["id"]}
    assert new[-1]["payload"]["new"]["email"] == "john@example.com"
    assert str(new[-1]["actor_id"]) == str(admin.id)
    login = auth().login({"body": {"email": "john@example.com", "password": "longenough"}})
    assert login["status"] == 200
    auth(admin).crud_update({"route": {"model": "persons"},
                             "params": {"instance_id": person["id"]},
                             "body": {"password": "changed-by-put"}})
    login = auth().login({"body": {"email": "john@example.com", "password": "longenough"}})
    assert login["status"] == 200  # PUT never changes a password, as in Zou


def test_artist_may_not_create_people(auth, create_person, clean_db):
    artist = create_person(role="user")
    with pytest.raises(RemoteError) as error:
        auth(artist).crud_create({"route": {"model": "persons"},
                                  "body": {"first_name": "X", "email": "x@example.com"}})
    assert error.value.exc_type == "Forbidden"
    assert not [e for e in events(clean_db) if e["name"] == "person:new"]


def test_update_records_old_and_new_values(auth, create_person, clean_db):
    admin = create_person(role="admin")
    artist = create_person(first_name="Ann")
    auth(admin).crud_update({"route": {"model": "persons"},
                             "params": {"instance_id": str(artist.id)},
                             "body": {"first_name": "Anna", "active": False}})
    update = [e for e in events(clean_db) if e["name"] == "person:update"][-1]
    assert update["payload"]["changes"]["first_name"] == ["Ann", "Anna"]
    assert update["payload"]["changes"]["active"] == [True, False]


def test_list_filters_and_hidden_column(auth, create_person):
    admin = create_person(role="admin", first_name="Zed")
    create_person(first_name="Bob", desktop_login="bob")
    listed = auth(admin).crud_list({"route": {"model": "persons"},
                                    "query": {"desktop_login": "bob"}})["body"]
    assert [p["first_name"] for p in listed] == ["Bob"]
    with pytest.raises(RemoteError) as error:
        auth(admin).crud_list({"route": {"model": "persons"}, "query": {"password": "x"}})
    assert error.value.exc_type == "Invalid"


def test_artist_sees_only_public_fields_of_others(auth, create_person):
    artist = create_person(role="user", first_name="Art")
    create_person(first_name="Other", daily_salary=300)
    listed = auth(artist).crud_list({"route": {"model": "persons"}, "query": {}})["body"]
    other = [p for p in listed if p["first_name"] == "Other"][0]
    assert "email" not in other and "daily_salary" not in other
    assert set(other) == {"id", "type", "first_name", "last_name", "full_name", "has_avatar",
                          "active", "departments", "studio_id", "role", "desktop_login",
                          "is_bot"}


def test_logout_revokes_both_tokens(auth, create_person):
    person = create_person()
    reply = auth(person, jti="a" * 36, refresh_jti="b" * 36).logout({})
    assert reply["body"] == {"logout": True}
    revoked = {row["jti"] for row in auth().revoked_tokens({})["body"]}
    assert revoked == {"a" * 36, "b" * 36}


def test_bad_input_is_refused_without_writing(auth, create_person, clean_db):
    admin = create_person(role="admin")
    call = auth(admin)
    for body, exc_type in [({"first_name": "X", "nope": 1}, "Rejected"),
                           ({"first_name": "X", "daily_salary": "lots"}, "Rejected"),
                           ({"first_name": "X", "role": "wizard"}, "Rejected"),
                           ({"first_name": "X", "email": "no-at-sign"}, "Invalid"),
                           ({"last_name": "no first name"}, "Rejected"),
                           (["not", "an", "object"], "BadRequest")]:
        with pytest.raises(RemoteError) as error:
            call.crud_create({"route": {"model": "persons"}, "body": body})
        assert error.value.exc_type == exc_type
    with pytest.raises(RemoteError) as error:
        call.crud_get({"route": {"model": "persons"}, "params": {"instance_id": "nope"}})
    assert error.value.exc_type == "MalformedId"
    assert [e["name"] for e in events(clean_db)] == []
