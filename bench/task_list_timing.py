"""How long `GET /data/tasks?project_id=` takes in the tasks service for a production of
500 tasks (varied dates, data, estimations, one to three assignees), measured in-process
(SQL, row shaping and JSON encoding: the service's share of a request, without RabbitMQ
and the gateway), built by PostgreSQL (`tasks.list_tasks`, today's) and shaped in Python
the way it was before (`crud.list_rows` and `tasks.for_viewer`, then JSON-encoded as the
RPC reply was).

    .venv/bin/python bench/task_list_timing.py [--runs 30]

It makes a scratch database (dropped at the end) on the local PostgreSQL.
"""
import datetime
import uuid

import sqlalchemy as sa

from slate_common import crud, db

import timing
from slate_tasks import tasks
from slate_tasks.models import Entity, EntityType, Person, Project, ProjectStatus, Task, \
    TaskStatus, TaskType, task_person_links, team_links

TASKS, TYPES = 500, 5


def populate(session):
    """One open production of 100 shots with 5 tasks each, its team and a vendor."""
    status, project, shot_type, todo = (uuid.uuid4() for _ in range(4))
    people = {role: uuid.uuid4() for role in ("admin", "artist", "client", "vendor")}
    session.add(ProjectStatus(id=status, name="Open"))
    session.add(Project(id=project, name="Bench", project_status_id=status, row={}))
    session.add_all([Person(id=person, role="user" if role == "artist" else role, profile={})
                     for role, person in people.items()])
    session.add(EntityType(id=shot_type, name="Shot", row={}))
    session.add(TaskStatus(id=todo, name="Todo", short_name="todo", color="#000000"))
    types = [TaskType(id=uuid.uuid4(), name="Type%d" % i, for_entity="Shot")
             for i in range(TYPES)]
    session.add_all(types)
    session.flush()
    session.execute(sa.insert(team_links), [{"project_id": project, "person_id": person}
                                            for person in people.values()])
    shots = [dict(id=uuid.uuid4(), name="SH%04d" % i, project_id=project, canceled=False,
                  entity_type_id=shot_type, row={}) for i in range(TASKS // TYPES)]
    session.execute(sa.insert(Entity), shots)
    start = datetime.datetime(2026, 11, 2, 9, 30, 15)
    rows = [dict(id=uuid.uuid4(), name="main", project_id=project, task_type_id=task_type.id,
                 task_status_id=todo, entity_id=shot["id"], estimation=i % 7 * 0.5,
                 duration=float(i % 3), start_date=start + datetime.timedelta(days=i % 20),
                 due_date=None if i % 4 else start + datetime.timedelta(days=30),
                 data={"frames": i, "note": "take %d" % i} if i % 2 else None,
                 created_at=start + datetime.timedelta(seconds=i))
            for i, (shot, task_type) in enumerate(
                (shot, task_type) for shot in shots for task_type in types)]
    session.execute(sa.insert(Task), rows)
    team = list(people.values())
    session.execute(sa.insert(task_person_links), [
        {"task_id": row["id"], "person_id": team[(i + k) % len(team)]}
        for i, row in enumerate(rows) for k in range(1 + i % 3)])
    session.commit()
    return {"project": str(project), **people}


def python_list(uow, caller, query_args):
    """The list as it was shaped before: Records rendered one by one, then the viewer's
    blanks (only the admin's pages are timed: their rows need none)."""
    me = tasks.access.current_person(uow, caller)
    rows = crud.list_rows(uow, tasks.TASKS, caller, query_args)
    return rows if isinstance(rows, dict) else [tasks.for_viewer(me, row) for row in rows]


def main():
    runs = timing.runs_argument(30)
    with timing.scratch_engine() as engine:
        found = populate(db.unit_of_work(engine).session)
        where = {"project_id": found["project"]}
        cases = [("admin", where), ("artist", where), ("client", where), ("vendor", where),
                 ("admin", {**where, "relations": "true"}),
                 ("admin", {**where, "page": "2", "limit": "100"})]
        for who, query_args in cases:
            caller = {"person_id": str(found[who])}
            label = "%s, %s" % (who, "&".join("%s=%s" % item for item in query_args.items()
                                              if item[0] != "project_id") or "project_id")
            old = timing.measure(engine, label + " (python)",
                                 lambda u: python_list(u, caller, query_args), runs)
            new = timing.measure(engine, label + " (sql)",
                                 lambda u: tasks.list_tasks(u, caller, query_args), runs)
            print("%-44s %.1fx" % ("", old / new))


if __name__ == "__main__":
    main()
