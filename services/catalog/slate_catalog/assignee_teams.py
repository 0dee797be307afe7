"""Zou adds a person assigned to a task to the production's team. The team is the
catalog's, the assignment the tasks service's: this follower of `task:assign` adds the
assignee to the team with Zou's `project:update` (the team change as [old, new]), in
the same transaction as its position, so an assignment joins the team exactly once.

The link is written directly (team links carry person ids, no foreign key), so a person
the persons read model has not seen yet still joins.
"""
import uuid

import sqlalchemy as sa

from slate_common import consumers, eventstore, schemas
from slate_common.db import utcnow

from slate_catalog import events
from slate_catalog.models import Project, project_person_links as links

NAMES = (events.TASK_ASSIGN,)


def apply_event(session, event):
    """Add the assignee to the task's production team, if not in it yet."""
    person_id = (event.get("data") or {}).get("person_id")
    project = event.get("project_id") and session.get(Project, event["project_id"])
    if project is None or not person_id:
        return
    team = list(session.scalars(sa.select(links.c.person_id).where(
        links.c.project_id == project.id)))
    person = uuid.UUID(person_id)
    if person in team:
        return
    session.execute(sa.insert(links).values(project_id=project.id, person_id=person))
    project.updated_at = utcnow()
    session.flush()
    old = [str(member) for member in team]
    consumers.emit(session, [eventstore.new_event(
        events.PROJECT + ":update", {"project_id": str(project.id)},
        {"id": str(project.id), "changes": {"team": [old, old + [person_id]]},
         "updated_at": schemas.to_json(project.updated_at)},
        actor_id=event.get("actor_id"), project_id=project.id)])
