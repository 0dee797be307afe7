"""Who and what a comment's text names, as Zou reads it.

- `@First Last` mentions a person of the production's team (followed by a space or the
  end of the text); `@Name` a department; `#tasktype` (or `#all`) asks to post the
  same comment on the entity's other tasks of that type.
- Departments are auth's: the `tasks.departments` read model follows their events.
"""
import re
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from slate_common import person_model

from slate_tasks import events
from slate_tasks.models import Department, Person, team_links

DEPARTMENTS_CONSUMER = "tasks.departments"
DEPARTMENT_NAMES = events.DEPARTMENT_EVENTS


def apply_department_event(session, event):
    """Keep the departments read model (id, name) in step with auth's events."""
    kind, payload = event["name"].split(":", 1)[1], event["payload"] or {}
    if kind == "new" and "new" in payload:
        row = payload["new"]
        insert = postgresql.insert(Department).values(id=uuid.UUID(row["id"]),
                                                      name=row["name"])
        session.execute(insert.on_conflict_do_update(
            index_elements=[Department.id], set_={"name": insert.excluded.name}))
    elif kind == "update" and "name" in payload.get("changes", {}):
        session.execute(sa.update(Department).where(
            Department.id == uuid.UUID(payload["id"])).values(
            name=payload["changes"]["name"][1]))
    elif kind == "delete" and "old" in payload:
        session.execute(sa.delete(Department).where(
            Department.id == uuid.UUID(payload["old"]["id"])))


def _named(text, name):
    return bool(name) and re.search("@%s( |$)" % re.escape(name), text) is not None


def mentioned_people(uow, project_id, text):
    """The team members the text mentions (guests of a preview share are not)."""
    if "@" not in (text or ""):
        return []
    team = uow.session.scalars(sa.select(Person).join(
        team_links, team_links.c.person_id == Person.id).where(
        team_links.c.project_id == project_id)).all()
    return [person for person in team
            if not person.profile.get("preview_project_id")
            and _named(text, person_model.full_name(person.profile))]


def mentioned_departments(uow, text):
    if "@" not in (text or ""):
        return []
    return [department for department in uow.session.scalars(sa.select(Department))
            if _named(text, department.name)]


def hashtags(text):
    """The task type names the text tags (lower case); just "all" when it tags all."""
    tags = {tag[1:].lower() for tag in re.findall("#[a-zA-Z]*", text or "")}
    return ["all"] if "all" in tags else sorted(tags)
