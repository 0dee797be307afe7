"""The auth service's tables are projections of its events: replaying the log rebuilds
them exactly (DESIGN.md, "The event log")."""
import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import db, projections

from slate_auth import admin, replay
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
