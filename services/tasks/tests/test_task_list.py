"""GET /data/tasks built by PostgreSQL (`tasks.list_tasks`) answers exactly what the
generic Python shaping answers (`crud.list_rows` rendering each row, then
`tasks.for_viewer`): same keys in the same order, same value types and formats, same
rows in the same order and the same errors, for every query form and every role.

The production is seeded straight into the service's tables (no broker needed): tasks
with and without dates, data, priorities and assignees, one assignee unknown to the read
model, tasks in a closed production and in an episode."""
import datetime
import json
import uuid

import pytest
import sqlalchemy as sa

from slate_common import crud, errors

from slate_tasks import tasks
from slate_tasks.models import Entity, EntityType, Person, Project, ProjectStatus, Task, \
    TaskStatus, TaskType, task_person_links, team_links

ROLES = ("admin", "manager", "artist", "client", "vendor", "outsider")
START = datetime.datetime(2026, 3, 4, 5, 6, 7, 891011)


def _add(session, model, **values):
    row = model(id=uuid.uuid4(), **values)
    session.add(row)
    session.flush()
    return row


def _production(session, status, name, kind):
    """A production with an episode, a sequence in it and two shots in that."""
    project = _add(session, Project, name=name, project_status_id=status.id, row={})
    episode = _add(session, Entity, name="E01", project_id=project.id,
                   entity_type_id=kind["Episode"].id, row={})
    sequence = _add(session, Entity, name="SQ01", project_id=project.id,
                    entity_type_id=kind["Sequence"].id, parent_id=episode.id, row={})
    shots = [_add(session, Entity, name="SH%02d" % i, project_id=project.id,
                  entity_type_id=kind["Shot"].id, parent_id=sequence.id, row={})
             for i in range(2)]
    return project, episode, shots


def _task(session, number, project, shot, task_type, status):
    """Task `number`'s id: its dates, data, figures and nulls vary with the number."""
    day, task_id = datetime.timedelta(days=number), uuid.uuid4()
    session.execute(sa.insert(Task).values(  # Core: an explicit None is a NULL here
        id=task_id, name="Lighting pass" if number == 3 else "main %d" % number,
        project_id=project.id, entity_id=shot.id, task_type_id=task_type.id,
        task_status_id=status.id, priority=None if number % 4 == 0 else number,
        duration=float(number), estimation=number * 0.25 if number % 2 else None,
        start_date=START + day if number % 2 else None, due_date=START + 2 * day,
        data=None if number % 3 == 0 else {"b": [1.0, number], "a": {"x": None}},
        description="écrit \"quoted\"\n" if number == 1 else None,
        created_at=START + datetime.timedelta(seconds=number % 5)))
    return task_id


@pytest.fixture
def production(uow):
    session = uow.session
    people = {role: _add(session, Person, role={"artist": "user", "outsider": "user"}.get(
        role, role), profile={}) for role in ROLES}
    opened, closed = (_add(session, ProjectStatus, name=name) for name in ("Open", "Closed"))
    kind = {name: _add(session, EntityType, name=name, row={})
            for name in ("Episode", "Sequence", "Shot")}
    project, episode, shots = _production(session, opened, "Open one", kind)
    old_project, _, old_shots = _production(session, closed, "Closed one", kind)
    session.execute(sa.insert(team_links), [
        {"project_id": team_project.id, "person_id": people[role].id}
        for team_project in (project, old_project)
        for role in ("manager", "artist", "client", "vendor")])
    todo, done = (_add(session, TaskStatus, name=name, short_name=name, color="#000000")
                  for name in ("todo", "done"))
    types = [_add(session, TaskType, name=name, for_entity="Shot")
             for name in ("Animation", "Layout")]
    made = [_task(session, number, project, shots[number % 2], types[number % 2],
                  (todo, done)[number % 2]) for number in range(8)]
    made.append(_task(session, 8, old_project, old_shots[0], types[0], todo))
    team = sorted(people.values(), key=lambda person: str(person.id), reverse=True)
    links = [(task_id, person.id) for number, task_id in enumerate(made)  # not in person id order
             for person in team[:number % 4]]
    links += [(made[1], uuid.uuid4()),   # no one the service knows
              (made[4], people["vendor"].id), (made[8], people["vendor"].id)]
    session.execute(sa.insert(task_person_links), [
        {"task_id": task_id, "person_id": person_id} for task_id, person_id in links])
    uow.commit()
    return {"people": people, "project": project, "episode": episode, "shot": shots[0],
            "types": types, "statuses": (todo, done), "tasks": made, "links": links}


def python_list(uow, caller, query_args):
    """The list as Python shaped it: Records rendered one by one, then the viewer's blanks
    (by their role in each row's production)."""
    me = tasks.access.current_person(uow, caller)
    roles = {} if me.role == "admin" else tasks.access.production_roles(uow, me)
    rows = crud.list_rows(uow, tasks.TASKS, caller, query_args)
    page = rows["data"] if isinstance(rows, dict) else rows
    shown = [tasks.for_viewer(_role_in(roles, me, row), row) for row in page]
    return {**rows, "data": shown} if isinstance(rows, dict) else shown


def _role_in(roles, me, row):
    """The viewer's role in the row's production (global when `fields` left it out)."""
    project_id = row.get("project_id")
    return roles.get(uuid.UUID(project_id), me.role) if project_id else me.role


def typed(value):
    """A JSON value with its key order and each scalar's type made comparable: 2.0 and
    2 are then different, as they are on the wire."""
    if isinstance(value, dict):
        return [(key, typed(item)) for key, item in value.items()]
    if isinstance(value, list):
        return [typed(item) for item in value]
    return type(value).__name__, value


def query_forms(found):
    project, first = found["project"], found["tasks"][0]
    todo, done = found["statuses"]
    where = {"project_id": str(project.id)}
    return [
        {}, where, {**where, "relations": "true"}, {"relations": "TRUE"},
        {"task_type_id": str(found["types"][1].id)}, {"entity_id": str(found["shot"].id)},
        {"name": "lighting PASS"}, {"task_status_id": json.dumps([str(todo.id), str(done.id)])},
        {"episode_id": str(found["episode"].id)}, {"priority": "5"},
        {"assignees": str(found["people"]["vendor"].id), "relations": "true"},
        {"id": str(first), "unknown_key": "ignored"},
        {**where, "page": "1"}, {**where, "page": "2", "limit": "3"},
        {**where, "page": "9", "limit": "3"}, {**where, "page": "0"},
        {**where, "page": "1", "limit": "3", "relations": "true"},
        {**where, "fields": "name,priority,due_date"},
        {**where, "fields": "assignees,duration", "relations": "true"},
    ]


@pytest.mark.parametrize("role", ROLES)
def test_sql_list_is_the_python_list(uow, production, role):
    caller = {"person_id": str(production["people"][role].id)}
    for query_args in query_forms(production):
        expected = python_list(uow, caller, query_args)
        reply = tasks.list_tasks(uow, caller, query_args)
        assert typed(json.loads(reply)) == typed(json.loads(json.dumps(expected))), \
            (role, query_args)


def test_the_list_is_what_each_role_may_see(uow, production):
    people, made = production["people"], production["tasks"]

    def listed(role, **query_args):
        caller = {"person_id": str(people[role].id)}
        uow.memo.clear()   # a unit of work remembers its caller
        return {task["id"]: task for task in json.loads(
            tasks.list_tasks(uow, caller, query_args))}

    assert len(listed("admin")) == 9
    assert set(listed("artist")) == {str(task_id) for task_id in made[:8]}
    assert listed("outsider") == {}
    assert set(listed("vendor")) == {str(task_id) for task_id, person_id in production["links"]
                                     if person_id == people["vendor"].id}
    seen = listed("client", relations="true")[str(made[3])]
    assert seen["assignees"] == [] and seen["duration"] == 0 and seen["priority"] == 0
    three = listed("admin", relations="true")[str(made[3])]["assignees"]
    assert three == sorted(three) and len(three) == 3   # linked in the other order
    first = listed("admin", relations="true")[str(made[1])]
    assert len(first["assignees"]) == 1 and first["duration"] == 1.0
    assert first["start_date"] == "2026-03-05T05:06:07"   # to the second
    assert first["description"] == "écrit \"quoted\"\n" and first["type"] == "Task"


@pytest.mark.parametrize("query_args", [
    {"task_type_id": "not-a-uuid"}, {"page": "x"}, {"page": "1", "limit": "-1"},
    {"priority": "high"}, {"episode_id": "nope"}, {"task_status_id": "[oops"}])
def test_refusals_are_the_same(uow, production, query_args):
    caller = {"person_id": str(production["people"]["artist"].id)}
    with pytest.raises(errors.SlateError) as old:
        python_list(uow, caller, query_args)
    with pytest.raises(errors.SlateError) as new:
        tasks.list_tasks(uow, caller, query_args)
    assert (type(new.value), new.value.args) == (type(old.value), old.value.args)

