"""Posting comments on tasks (Zou's comments_service.create_comment).

POST /actions/tasks/{id}/comment {task_status_id, comment, checklist, links, for_client,
person_id, created_at}: 201, the comment with its status and author. Only managers
may post for someone else, at another date, or for clients. The comment's mentions are
read from its text (comment_mentions.py); it moves the task (task_progress.py); a
`#tasktype` tag posts it on the entity's tasks of that type too; the production's
status automations may post on the entity's other tasks (status_automations.py).
Events: `comment:new` (payload {"new": row, "change": the status changed}), then the
task's. News and notifications are projections of these events, not written here.
"""
import datetime
import json
import time
import uuid

import sqlalchemy as sa

from slate_common import errors, schemas
from slate_common.db import utcnow

from slate_tasks import access, comment_access, comment_mentions, events, \
    status_automations, task_progress, task_views
from slate_tasks.models import Comment, Entity, Project, Task, TaskStatus, TaskType

FIELDS = {"task_status_id": str, "comment": str, "person_id": str, "created_at": str,
          "checklist": list, "links": list, "for_client": bool}
DEFAULTS = {"comment": "", "person_id": "", "created_at": "", "checklist": [], "links": [],
            "for_client": False}
RELATED_MEDIA = {"previews": [], "attachment_files": []}  # the media service's


def validation_error(field, message):
    return errors.Invalid("Validation error.", {"errors": [
        {"field": field, "message": message}]})


def comment_input(body, required=("task_status_id",)):
    """Zou's CommentCreateSchema: typed fields with defaults (null lists are empty,
    JSON-encoded lists are decoded)."""
    if not isinstance(body, dict):
        body = {}
    values = dict(DEFAULTS)
    for key, kind in FIELDS.items():
        value = body.get(key)
        if kind is list and isinstance(value, str):
            try:
                value = json.loads(value) if value else []
            except ValueError:
                raise validation_error(key, "Input should be a valid list")
        if value is None:
            if key in required:
                raise validation_error(key, "Field required")
            continue
        if not isinstance(value, kind):
            raise validation_error(key, "Input should be a valid %s" % kind.__name__)
        values[key] = value
    return values


def row_or_404(uow, model, row_id):
    """The row of this id, or Zou's 404 (for a malformed id too)."""
    row = uow.session.get(model, access.as_uuid(row_id, errors.NotFound))
    if row is None:
        raise errors.NotFound()
    return row


def task_or_404(uow, task_id):
    return row_or_404(uow, Task, task_id)


def status_or_404(uow, status_id):
    return row_or_404(uow, TaskStatus, status_id)


def post_comment(uow, caller, task_id, body):
    """POST /actions/tasks/{task_id}/comment."""
    values = comment_input(body)
    task = task_or_404(uow, task_id)
    me = comment_access.check_comment_on_task(uow, caller, task, values["task_status_id"])
    return post_as(uow, caller, me, task, values)


def post_as(uow, caller, me, task, values):
    """Status rules, then the comment, for someone who may comment on the task."""
    status = status_or_404(uow, values["task_status_id"])
    comment_access.check_status_allowed(uow, me, status, task.project_id)
    comment_access.check_open_production(uow, me, task.project_id)
    if me.role not in comment_access.MANAGERS:
        values = {**values, "person_id": "", "created_at": "", "for_client": False}
    author = me
    if values["person_id"]:
        author = access.person_or_none(uow, caller, values["person_id"])
        if author is None:
            raise errors.NotFound()
    return create_comment(uow, task, status, author, values)


def create_comment(uow, task, status, author, values, with_hashtags=True,
                   automations=frozenset()):
    """Insert the comment, emit `comment:new`, move the task, follow the hashtags, then
    the production's status automations (`automations`: those applied in this chain)."""
    check_retake_capping(uow, task, status)
    comment = _insert(uow, task, status, author, values)
    changed = task_progress.is_latest(task, comment) and status.id != task.task_status_id
    row = schemas.render(comment)
    uow.emit(events.COMMENT_NEW, {
        "comment_id": row["id"], "task_id": str(task.id), "task_status_id": str(status.id),
        "person_id": str(author.id), "for_client": comment.for_client},
        {"new": row, "change": changed}, project_id=task.project_id)
    task_progress.follow_comment(uow, task, status, comment, changed)
    if with_hashtags:
        _post_on_tagged_tasks(uow, task, author, values["comment"])
    for target, target_status, text, applied in status_automations.triggered(
            uow, task, automations):
        create_comment(uow, target, target_status, author, {**DEFAULTS, "comment": text},
                       automations=applied)
    return {**row, **RELATED_MEDIA, "task_status": schemas.render(status),
            "person": task_views.person_json(author)}


def comment_json(comment):
    """Zou's serialisation of a comment with its relations."""
    return {**schemas.render(comment), **RELATED_MEDIA}


def parse_date(text):
    """A manager's `created_at` ("YYYY-MM-DD HH:MM:SS" or ISO), None when unreadable."""
    if not text:
        return None
    for parse in (lambda: datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S"),
                  lambda: datetime.datetime.fromisoformat(text)):
        try:
            date = parse()
        except ValueError:
            continue
        if date.tzinfo is not None:
            date = date.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        return date.replace(microsecond=0)
    return None


def time_ordered_id():
    """A UUID starting with the milliseconds of now (as UUIDv7): comments posted in the
    same second (dates are kept to the second, as Zou's) still sort in posting order."""
    value = (time.time_ns() // 1_000_000) << 80 | uuid.uuid4().int & ((1 << 80) - 1)
    value = value & ~(0xF << 76) | 7 << 76  # version 7
    return uuid.UUID(int=value & ~(0x3 << 62) | 0x2 << 62)  # RFC 4122 variant


def _insert(uow, task, status, author, values):
    now = utcnow()
    text = values["comment"]
    comment = Comment(
        id=time_ordered_id(), created_at=parse_date(values["created_at"]) or now, updated_at=now,
        shotgun_id=None, object_id=task.id, object_type="Task", text=text, data=None,
        replies=[], checklist=values["checklist"], pinned=None,
        for_client=values["for_client"], links=values["links"], task_status_id=status.id,
        person_id=author.id, editor_id=None, preview_file_id=None, acknowledgements=[],
        mentions=comment_mentions.mentioned_people(uow, task.project_id, text),
        department_mentions=comment_mentions.mentioned_departments(uow, text))
    uow.session.add(comment)
    return comment


def check_retake_capping(uow, task, status):
    """Zou's cap on retakes: the entity's `data.max_retakes`, else the production's."""
    if not status.is_retake:
        return
    project = uow.session.get(Project, task.project_id)
    project_max = (project.row.get("max_retakes") if project else 0) or 0
    if project_max <= 0:
        return
    entity = uow.session.get(Entity, task.entity_id)
    entity_max = ((entity.row.get("data") if entity else None) or {}).get("max_retakes")
    max_retakes = int(entity_max or project_max)
    if (task.retake_count or 0) >= max_retakes > 0:
        raise errors.Invalid("No more retakes allowed on this task")


def _post_on_tagged_tasks(uow, task, author, text):
    """`#modeling` (or `#all`): the same comment on the entity's tasks of that type."""
    tags = comment_mentions.hashtags(text)
    if not tags:
        return
    own_type = uow.session.get(TaskType, task.task_type_id).name
    rows = uow.session.execute(
        sa.select(Task, TaskType.name, TaskStatus)
        .join(TaskType, TaskType.id == Task.task_type_id)
        .join(TaskStatus, TaskStatus.id == Task.task_status_id)
        .where(Task.entity_id == task.entity_id).order_by(TaskType.name)).all()
    for sibling, type_name, status in rows:
        name = type_name.lower()
        if name != own_type.lower() and ("all" in tags or name in tags):
            create_comment(uow, sibling, status, author, {
                **DEFAULTS, "comment": text + "\n\n____\nFrom %s task" % own_type},
                with_hashtags=False)
