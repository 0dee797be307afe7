"""The auth service's tables are projections of its events: replaying the log rebuilds
them exactly (DESIGN.md, "The event log")."""
import time
import uuid

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import db, eventstore, projections

from slate_auth import admin, productions, replay
from slate_auth.models import Base


def dump(engine):
    """Every auth table's rows, in primary-key order."""
    with engine.connect() as connection:
        return {table.name: [dict(row._mapping) for row in connection.execute(
            sa.select(table).order_by(*table.primary_key.columns))]
            for table in Base.metadata.sorted_tables}


def make_admin(engine):
    uow = db.unit_of_work(engine)
    admin.create_admin(uow, "boss@example.com", "boss-password")
    uow.commit()
    uow.close()


def test_replaying_the_log_rebuilds_every_auth_table(auth, clean_db):
    make_admin(clean_db)
    anonymous = auth()
    login = anonymous.login({"body": {"email": "boss@example.com", "password": "boss-password"}})
    boss_id = login["body"]["user"]["id"]
    boss = auth(type("Boss", (), {"id": boss_id}), jti="j" * 36, refresh_jti="r" * 36)
    departments, persons = {"model": "departments"}, {"model": "persons"}
    anim = boss.crud_create({"route": departments, "body": {"name": "Anim", "color": "#f00"}})
    boss.crud_create({"route": {"model": "studios"}, "body": {"name": "North", "color": "#000"}})
    person = boss.crud_create({"route": persons, "body": {
        "first_name": "Ann", "email": "ann@example.com", "password": "ann-password",
        "departments": [anim["body"]["id"]]}})["body"]
    boss.crud_update({"route": persons, "params": {"instance_id": person["id"]},
                      "body": {"last_name": "Lee", "data": {"seat": 4}}})
    anonymous.login({"body": {"email": "ann@example.com", "password": "wrong"}})
    anonymous.login({"body": {"email": "ann@example.com", "password": "ann-password"}})
    boss.person_change_password({"params": {"person_id": person["id"]}, "body": {
        "password": "new-password", "password_2": "new-password"}})
    boss.person_remove_department({"params": {"person_id": person["id"],
                                              "department_id": anim["body"]["id"]}})
    anonymous.reset_password_request({"body": {"email": "ann@example.com"}})
    gone = boss.crud_create({"route": departments, "body": {"name": "Gone", "color": "#0f0"}})
    boss.crud_delete({"route": departments, "params": {"instance_id": gone["body"]["id"]}})
    boss.logout({})
    before = dump(clean_db)
    assert before["login_logs"] and before["revoked_tokens"] and before["reset_tokens"]

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(Base.metadata.sorted_tables):
            session.execute(table.delete())
        assert projections.replay(session, replay.event_models) > 10
    assert dump(clean_db) == before


def _productions(engine):
    """The read model of the catalog's productions, rows in primary-key order."""
    with engine.connect() as connection:
        return {table.name: [dict(row._mapping) for row in connection.execute(
            sa.select(table).order_by(*table.primary_key.columns))]
            for table in replay.READ_MODEL}


def _links(engine):
    return {str(row["person_id"]): row["role"]
            for row in _productions(engine)["project_person_links"]}


def _announce(engine, name, payload, project_id=None):
    uow = db.unit_of_work(engine)
    uow.emit(name, {}, payload, project_id=project_id)
    uow.commit()
    uow.close()


def test_the_catalog_events_rebuild_productions_with_team_roles(auth, clean_db):
    """Not `slate rebuild auth`'s tables (its follower keeps them), but the log rebuilds
    them too, team roles included: a team change alone keeps the roles."""
    status_id, project_id = str(uuid.uuid4()), str(uuid.uuid4())
    lead, artist, gone = (str(uuid.uuid4()) for _ in range(3))
    _announce(clean_db, "project-status:new", {"new": {"id": status_id, "name": "Open"}})
    _announce(clean_db, "project:new", {"new": {
        "id": project_id, "project_status_id": status_id, "team": [lead, artist, gone],
        "team_roles": {lead: "manager"}}}, project_id)
    _announce(clean_db, "project:update", {"id": project_id, "changes": {
        "team_roles": [{lead: "manager"}, {lead: "manager", artist: "client"}]}}, project_id)
    _announce(clean_db, "project:update", {"id": project_id, "changes": {
        "team": [[lead, artist, gone], [lead, artist]]}}, project_id)
    deadline = time.time() + 10
    while _links(clean_db) != {lead: "manager", artist: "client"}:
        assert time.time() < deadline, "the follower did not apply the events"
        time.sleep(0.05)
    before = _productions(clean_db)

    with orm.Session(clean_db) as session, session.begin():
        for table in reversed(replay.READ_MODEL):
            session.execute(table.delete())
        for event in eventstore.read(session.connection(), 0, 1000, productions.NAMES):
            productions.apply_event(session, event)
    assert _productions(clean_db) == before
