"""Status automations after a comment (Zou's comments_service._run_status_automation).

After every comment, each automation its production applies (the catalog's, kept in the
read model) whose trigger is the task's type and current status, not archived, for the
task's kind of entity (`entity_type`: "asset", "shot"...), moves the entity's task of
the target type (the first by name) to the target status: `comments.py` posts there, as
the comment's author, "Change triggered by <type> set to <status>", a comment like any
other (its `comment:new`, `task:update`, `task:status-changed`..., and in turn its own
automations), in the same unit of work.

As Zou, an automation going back in the pipeline (its trigger's task type has a higher
priority in the production than its target's) does nothing, to avoid cycles; and one
automation applies at most once in a chain (Zou recurses without end on a cycle of equal
priorities). Not applied here: `ready_for` automations (they set the catalog's asset
`ready_for`) and `import_last_revision` (the previews are not this service's).
"""
import uuid

import sqlalchemy as sa

from slate_tasks import tasks
from slate_tasks.models import Entity, ProjectTaskTypeLink, StatusAutomation, Task, \
    TaskStatus, TaskType, project_status_automation_links as links

TRIGGER_TEXT = "Change triggered by %s set to %s"


def triggered(uow, task, applied=frozenset()):
    """The comments the production's automations post after a comment moved (or left)
    the task in its status: (target task, status, text, automations applied so far)."""
    posts = []
    for automation in _matching(uow, task):
        if automation.id in applied or not _applies(uow, automation, task):
            continue
        target = uow.session.scalars(sa.select(Task).where(
            Task.entity_id == task.entity_id,
            Task.task_type_id == _uuid(automation.row.get("out_task_type_id")))
            .order_by(Task.name)).first()
        status = _row(uow, TaskStatus, automation.row.get("out_task_status_id"))
        if target is None or status is None:
            continue
        text = TRIGGER_TEXT % (uow.session.get(TaskType, task.task_type_id).name,
                               uow.session.get(TaskStatus, task.task_status_id).name)
        posts.append((target, status, text, applied | {automation.id}))
    return posts


def _matching(uow, task):
    """The production's live automations whose trigger is the task's type and status."""
    return uow.session.scalars(
        sa.select(StatusAutomation)
        .join(links, links.c.status_automation_id == StatusAutomation.id)
        .where(links.c.project_id == task.project_id, StatusAutomation.archived.is_(False),
               StatusAutomation.in_task_type_id == task.task_type_id,
               StatusAutomation.in_task_status_id == task.task_status_id)
        .order_by(StatusAutomation.row["created_at"].astext, StatusAutomation.id)).all()


def _applies(uow, automation, task):
    """A status change, for the task's kind of entity, not a rollback."""
    row = automation.row
    wanted = (row.get("entity_type") or "").lower()
    entity = uow.session.get(Entity, task.entity_id)
    if row.get("out_field_type") != "status" or entity is None \
            or tasks.entity_kind(uow, entity).lower() != wanted:
        return False
    priorities = dict(uow.session.execute(
        sa.select(ProjectTaskTypeLink.task_type_id, ProjectTaskTypeLink.priority)
        .join(TaskType, TaskType.id == ProjectTaskTypeLink.task_type_id)
        .where(ProjectTaskTypeLink.project_id == task.project_id,
               TaskType.for_entity == wanted.capitalize())).all())
    return (priorities.get(automation.in_task_type_id) or 0) <= (
        priorities.get(_uuid(row.get("out_task_type_id"))) or 0)


def _uuid(value):
    return uuid.UUID(value) if value else None


def _row(uow, model, row_id):
    return uow.session.get(model, _uuid(row_id)) if row_id else None
