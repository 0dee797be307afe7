"""How long the heaviest Kitsu reads take in the tasks service: the "with tasks" boards
of a production of 500 shots (10 sequences) and 100 assets, 5 task types each (3,000
tasks, one assignee each), measured in-process (SQL, row shaping and JSON encoding: the
service's share of a request, without RabbitMQ and the gateway).

    .venv/bin/python bench/boards_timing.py [--runs 20]

It makes a scratch database (dropped at the end) on the local PostgreSQL.
"""
import uuid

import sqlalchemy as sa

from slate_common import db

import timing
from slate_tasks import boards, entity_boards
from slate_tasks.models import Entity, EntityType, Person, Project, ProjectStatus, Task, \
    TaskStatus, TaskType, task_person_links, team_links

SHOTS, SEQUENCES, ASSETS, TYPES = 500, 10, 100, 5


def _ids(count):
    return [uuid.uuid4() for _ in range(count)]


def populate(session):
    """One open production; its people, entities, task types and tasks."""
    status, project, admin, vendor = _ids(4)
    artists = _ids(9)
    session.add(ProjectStatus(id=status, name="Open"))
    session.add(Project(id=project, name="Bench", project_status_id=status, row={}))
    session.add_all([Person(id=admin, role="admin", profile={})]
                    + [Person(id=person, role="user", profile={}) for person in artists]
                    + [Person(id=vendor, role="vendor", profile={})])
    session.flush()
    session.execute(sa.insert(team_links), [{"project_id": project, "person_id": person}
                                            for person in artists + [vendor]])
    kinds = {name: uuid.uuid4() for name in ("Shot", "Sequence", "Character")}
    session.add_all([EntityType(id=type_id, name=name, row={}) for name, type_id in kinds.items()])
    sequences = _ids(SEQUENCES)
    entities = [dict(id=seq, name="SQ%02d" % i, entity_type_id=kinds["Sequence"])
                for i, seq in enumerate(sequences)]
    entities += [dict(id=uuid.uuid4(), name="SH%04d" % i, parent_id=sequences[i % SEQUENCES],
                      entity_type_id=kinds["Shot"]) for i in range(SHOTS)]
    entities += [dict(id=uuid.uuid4(), name="Asset%03d" % i, entity_type_id=kinds["Character"])
                 for i in range(ASSETS)]
    session.execute(sa.insert(Entity), [{**row, "project_id": project, "canceled": False,
                                         "row": {"id": str(row["id"]), "data": {"fps": 25},
                                                 "description": "bench"}}
                                        for row in entities])
    todo = TaskStatus(id=uuid.uuid4(), name="Todo", short_name="todo", color="#000000")
    types = [TaskType(id=uuid.uuid4(), name="Type%d" % i, for_entity="Shot")
             for i in range(TYPES)]
    session.add_all([todo, *types])
    session.flush()
    tasks = [dict(id=uuid.uuid4(), name="main", project_id=project, task_type_id=task_type.id,
                  task_status_id=todo.id, entity_id=row["id"], data={})
             for row in entities[SEQUENCES:] for task_type in types]
    session.execute(sa.insert(Task), tasks)
    session.execute(sa.insert(task_person_links), [
        {"task_id": task["id"], "person_id": (artists + [vendor])[i % 10]}
        for i, task in enumerate(tasks)])
    session.commit()
    return {"project": str(project), "admin": admin, "artist": artists[0], "vendor": vendor}


def main():
    runs = timing.runs_argument(20)
    with timing.scratch_engine() as engine:
        found = populate(db.unit_of_work(engine).session)
        where = {"project_id": found["project"]}

        def as_(who):
            return {"person_id": str(found[who])}
        cases = [
            ("shots, admin", lambda u: boards.shots_with_tasks(u, as_("admin"), where)),
            ("shots, artist", lambda u: boards.shots_with_tasks(u, as_("artist"), where)),
            ("shots, vendor (assigned only)",
             lambda u: boards.shots_with_tasks(u, as_("vendor"), where)),
            ("shots, compact=true", lambda u: boards.shots_with_tasks(
                u, as_("admin"), {**where, "compact": "true"})),
            ("shots, stream=true&compact=true", lambda u: boards.shots_with_tasks(
                u, as_("admin"), {**where, "stream": "true", "compact": "true"})),
            ("assets, admin", lambda u: boards.assets_with_tasks(u, as_("admin"), where)),
            ("sequences, admin", lambda u: entity_boards.entities_with_tasks(
                u, as_("admin"), "Sequence", where)),
        ]
        for label, call in cases:
            timing.measure(engine, label, call, runs)


if __name__ == "__main__":
    main()
