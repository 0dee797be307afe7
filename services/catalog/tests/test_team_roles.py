"""Per-production roles of team members (Zou's project_person_link.role): set and read
through the team routes, logged with the production, and applied by access checks in
that production only."""
import uuid

from slate_common import db, projections
from slate_common.testing import logged_events, refused

from slate_catalog import replay
from slate_catalog.models import Project

PROJECTS = {"model": "projects"}


def team_of(me, project):
    return {row["id"]: row["project_role"] for row in
            me.team({"params": {"project_id": project["id"]}})["body"]}


def new_film(admin_rpc, team):
    return admin_rpc.crud_create({"route": PROJECTS, "body": {
        "name": "Film-%s" % uuid.uuid4().hex[:6],
        "team": [str(person.id) for person in team]}})["body"]


def test_a_team_role_is_set_read_logged_and_cleared(catalog, setup, create_person,
                                                      clean_db):
    admin, project, _ = setup
    artist = create_person(role="user")
    me = catalog(admin)
    where = {"project_id": project["id"]}
    me.add_team_member({"params": where, "body": {"person_id": str(artist.id),
                                                  "role": "supervisor"}})
    assert team_of(me, project) == {str(artist.id): "supervisor"}
    reply = me.set_team_member_role({"params": {**where, "person_id": str(artist.id)},
                                     "body": {"role": "manager"}})
    assert reply["body"] == {"project_id": project["id"], "person_id": str(artist.id),
                             "role": "manager"}
    last = logged_events(clean_db, "project:update")[-1]
    assert last["payload"]["changes"]["team_roles"] == [
        {str(artist.id): "supervisor"}, {str(artist.id): "manager"}]
    assert "team_roles" not in me.crud_get({"route": PROJECTS, "params": {
        "instance_id": project["id"]}})["body"]
    me.set_team_member_role({"params": {**where, "person_id": str(artist.id)},
                             "body": {"role": None}})
    assert team_of(me, project) == {str(artist.id): None}


def test_bad_roles_and_strangers_are_refused(catalog, setup, create_person):
    admin, project, _ = setup
    stranger = create_person(role="user")
    me = catalog(admin)
    where = {"project_id": project["id"], "person_id": str(stranger.id)}
    assert refused(me.set_team_member_role, {"params": where, "body": {"role": "user"}}) \
        == ("Invalid", "Person is not a member of the project team")
    me.add_team_member({"params": {"project_id": project["id"]},
                        "body": {"person_id": str(stranger.id)}})
    for role, message in (("admin", "admin is a global role and cannot be set per project"),
                          ("wizard", "wizard is not a role")):
        assert refused(me.set_team_member_role, {"params": where, "body": {"role": role}}) \
            == ("Invalid", message)
    assert team_of(me, project) == {str(stranger.id): None}


def test_a_production_role_applies_in_that_production_only(catalog, setup, create_person):
    admin, _, _ = setup
    lead, boss = create_person(role="user"), create_person(role="manager")
    me = catalog(admin)
    film, other = new_film(me, [lead, boss]), new_film(me, [lead, boss])
    for person, role in ((lead, "manager"), (boss, "user")):
        me.set_team_member_role({"params": {"project_id": film["id"],
                                            "person_id": str(person.id)},
                                 "body": {"role": role}})
    rename = {"route": PROJECTS, "body": {"description": "changed"}}
    # The artist manages `film` only; the global manager is an artist there.
    catalog(lead).crud_update({**rename, "params": {"instance_id": film["id"]}})
    assert refused(catalog(lead).crud_update,
                   {**rename, "params": {"instance_id": other["id"]}})[0] == "Forbidden"
    assert refused(catalog(boss).crud_update,
                   {**rename, "params": {"instance_id": film["id"]}})[0] == "Forbidden"
    catalog(boss).crud_update({**rename, "params": {"instance_id": other["id"]}})


def test_removing_a_member_drops_their_role_and_replay_rebuilds_roles(
        catalog, setup, create_person, clean_db):
    admin, project, _ = setup
    kept, gone = create_person(role="user"), create_person(role="user")
    me = catalog(admin)
    where = {"project_id": project["id"]}
    for person in (kept, gone):
        me.add_team_member({"params": where, "body": {"person_id": str(person.id),
                                                      "role": "supervisor"}})
    me.remove_team_member({"params": {**where, "person_id": str(gone.id)}})
    assert team_of(me, project) == {str(kept.id): "supervisor"}
    uow = db.unit_of_work(clean_db)
    for table in reversed(replay.TABLES.sorted_tables):
        uow.session.execute(table.delete())
    projections.replay(uow.session, replay.event_models)
    assert uow.session.get(Project, uuid.UUID(project["id"])).team_roles == {
        str(kept.id): "supervisor"}
    uow.session.rollback()
    uow.close()
