"""A studio's people, end to end through the running suite, with unmodified gazu."""
import threading
import time
import uuid

import gazu
import pytest
import requests


def unique(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


def test_host_is_up_and_version(suite):
    gazu.set_host(suite.url + "/api")
    assert gazu.client.host_is_up()
    assert gazu.client.get_api_version() == "1.0.97"


def test_wrong_password_raises_auth_failed(suite):
    gazu.set_host(suite.url)
    with pytest.raises(gazu.exception.AuthFailedException):
        gazu.log_in("admin@studio.example", "not-the-password")


def test_manage_people_with_gazu(client):
    department = client.person.new_department(unique("Modeling"), color="#ff0000")
    assert client.person.get_department_by_name(department["name"])["id"] == department["id"]
    assert department["id"] in [d["id"] for d in client.person.all_departments()]
    email = unique("ann") + "@studio.example"
    person = client.person.new_person("Ann", "Lee", email, role="supervisor",
                                      desktop_login=unique("ann"),
                                      departments=[department["id"]], password="ann-password")
    assert person["role"] == "supervisor" and person["departments"] == [department["id"]]
    assert client.person.get_person_by_email(email)["id"] == person["id"]
    assert client.person.get_person_by_desktop_login(person["desktop_login"])["id"] == person["id"]
    full = client.person.get_person(person["id"], relations=True)
    assert full["departments"] == [department["id"]] and "password" not in full
    assert person["id"] in [p["id"] for p in client.person.all_persons()]
    me = client.client.get_current_user()
    assert me["role"] == "admin"
    person["first_name"] = "Anna"
    assert client.person.update_person(person)["first_name"] == "Anna"


def test_inactive_person_can_no_longer_log_in(client, suite):
    email = unique("leaver") + "@studio.example"
    person = client.person.new_person("Leo", "Ver", email, password="leaver-password")
    assert suite.login(email, "leaver-password")["login"] is True
    person["active"] = False
    client.person.update_person(person)
    reply = requests.post(suite.url + "/auth/login",
                          json={"email": email, "password": "leaver-password"})
    assert reply.status_code == 401 and reply.json()["unactive"] is True


def test_refresh_token(client):
    old = client.client.default_client.tokens["access_token"]
    client.refresh_access_token()
    assert client.client.default_client.tokens["access_token"] != old
    assert client.client.get_current_user()["email"] == "admin@studio.example"


def test_logout_revokes_the_token_on_every_gateway_worker(suite):
    headers = suite.headers()
    assert requests.get(suite.url + "/data/persons", headers=headers).status_code == 200
    assert requests.get(suite.url + "/auth/logout", headers=headers).json() == {"logout": True}
    # Two gunicorn workers: fresh connections land on both; none may accept the token.
    for _ in range(20):
        reply = requests.get(suite.url + "/data/persons", headers=headers)
        assert reply.status_code == 401, reply.text
        assert reply.json() == {"msg": "Token has been revoked"}


def test_person_event_in_the_log_and_over_socketio(client, suite):
    received = []
    event_client = gazu.events.init()
    gazu.events.add_listener(event_client, "person:new", received.append)
    listener = threading.Thread(target=gazu.events.run_client, args=(event_client,),
                                daemon=True)
    listener.start()
    email = unique("evt") + "@studio.example"
    person = client.person.new_person("Eve", "Ent", email)
    deadline = time.time() + 10
    while time.time() < deadline and not any(e.get("person_id") == person["id"]
                                             for e in received):
        time.sleep(0.05)
    event_client.disconnect()
    assert {"person_id": person["id"]} in [{k: e[k] for k in ("person_id",)}
                                          for e in received if "person_id" in e]
    last = requests.get(suite.url + "/data/events/last", params={"limit": 5},
                        headers=suite.headers()).json()
    assert any(e["name"] == "person:new" and e["data"]["person_id"] == person["id"]
               for e in last)


def test_filtered_and_paginated_lists(client, suite):
    headers = suite.headers()
    name = unique("Filter")
    for index in range(3):
        client.person.new_person(name, "P%d" % index, unique("f") + "@studio.example")
    rows = requests.get(suite.url + "/data/persons", params={"first_name": name},
                        headers=headers).json()
    assert len(rows) == 3
    page = requests.get(suite.url + "/data/persons",
                        params={"first_name": name, "page": 1, "limit": 2},
                        headers=headers).json()
    assert page["total"] == 3 and page["nb_pages"] == 2 and len(page["data"]) == 2
    picked = requests.get(suite.url + "/data/persons",
                          params={"first_name": name, "fields": "first_name"},
                          headers=headers).json()
    assert set(picked[0]) == {"id", "type", "first_name"}


@pytest.mark.parametrize("method, path, kwargs, status, body", [
    ("get", "/data/persons", {}, 401, {"msg": "Missing JWT in cookies or headers (Missing "
                                              "cookie \"access_token_cookie\"; Missing "
                                              "Authorization Header)"}),
    ("get", "/data/persons?password=x", "auth", 400, {
        "error": True, "message": "Filtering on password is not allowed.", "data": None}),
    ("get", "/data/persons/not-a-uuid", "auth", 400, {
        "error": True, "message": "Malformed ID.", "data": None}),
    ("post", "/data/persons", "auth+nope", 400, {
        "message": "'nope' is an invalid keyword argument for Person"}),
    ("post", "/data/persons", "auth+bad-json", 400, {
        "error": True, "message": "The browser (or proxy) sent a request that this server "
                                  "could not understand."}),
    ("delete", "/data/no-such-model", "auth", 404, None),
])
def test_bad_input_gets_zous_errors(suite, method, path, kwargs, status, body):
    options = {}
    if kwargs != {}:
        options["headers"] = suite.headers()
    if kwargs == "auth+nope":
        options["json"] = {"first_name": "X", "nope": 1}
    if kwargs == "auth+bad-json":
        options["data"] = "{not json"
        options["headers"]["Content-Type"] = "application/json"
    reply = getattr(requests, method)(suite.url + path, **options)
    assert reply.status_code == status, reply.text
    if body is not None:
        assert reply.json() == body


def test_missing_person_is_404_and_nothing_half_written(suite):
    headers = suite.headers()
    missing = str(uuid.uuid4())
    reply = requests.put(suite.url + "/data/persons/" + missing, json={"first_name": "X"},
                         headers=headers)
    assert reply.status_code == 404
    before = requests.get(suite.url + "/data/events/last", params={"limit": 1},
                          headers=headers).json()
    bad = requests.post(suite.url + "/data/persons", headers=headers,
                        json={"first_name": "X", "email": "x@studio.example",
                              "daily_salary": "lots"})
    assert bad.status_code == 400
    after = requests.get(suite.url + "/data/events/last", params={"limit": 1},
                         headers=headers).json()
    assert before == after


def test_reads_see_every_write_at_once_on_every_worker(suite):
    """Cached reads (two gunicorn workers) never show a value older than the last write."""
    headers = suite.headers()
    person = requests.post(suite.url + "/data/persons", headers=headers, json={
        "first_name": "Cache", "last_name": "Zero",
        "email": unique("cache") + "@studio.example"}).json()
    for index in range(10):
        for _ in range(3):   # warm both workers' caches
            requests.get(suite.url + "/data/persons/" + person["id"], headers=headers)
        name = "Name%d" % index
        assert requests.put(suite.url + "/data/persons/" + person["id"], headers=headers,
                            json={"last_name": name}).status_code == 200
        for _ in range(4):
            one = requests.get(suite.url + "/data/persons/" + person["id"], headers=headers)
            assert one.json()["last_name"] == name
            listed = requests.get(suite.url + "/data/persons", headers=headers,
                                  params={"id": person["id"]}).json()
            assert listed[0]["last_name"] == name


def test_config_is_public_and_zou_shaped(suite):
    config = requests.get(suite.url + "/api/config").json()
    assert config["is_self_hosted"] is True and config["oidc_enabled"] is False
    assert isinstance(config["dark_theme_by_default"], bool)
