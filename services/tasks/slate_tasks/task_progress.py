"""How comments move a task along (Zou's _manage_status_change and reset_task_data).

A comment carries a status: the task takes it, with its last comment date; a new status
counts a retake, stamps the real start (first wip), the end (feedback request) and done
dates. A comment dated before the task's last one, a deleted or moved comment: the task
is recomputed from its whole comment history instead. Each change emits `task:update`
({"id", "changes", "updated_at"}); a status change `task:status-changed`, and
`task:to-review` for a feedback request, with Zou's data.
"""
import sqlalchemy as sa

from slate_common import schemas
from slate_common.db import utcnow

from slate_tasks import events, task_types
from slate_tasks.models import Comment, Entity, EntityType, TaskStatus


def change_task(uow, task, values):
    """Set fields of a task and emit `task:update` with what changed (nothing: no event)."""
    changes = {}
    for key, value in values.items():
        old = getattr(task, key)
        if old != value:
            changes[key] = [schemas.to_json(old), schemas.to_json(value)]
            setattr(task, key, value)
    if changes:
        task.updated_at = utcnow()
        uow.emit(events.TASK_UPDATE, {"task_id": str(task.id)},
                 {"id": str(task.id), "changes": changes,
                  "updated_at": schemas.to_json(task.updated_at)},
                 project_id=task.project_id)
    return changes


def status_dates(task, status, now):
    """What a new status sets on a task (Zou's update_task and comment rules)."""
    values = {"done_date": now if status.is_done else None}
    if status.is_feedback_request:
        values["end_date"] = now
    elif not status.is_done:
        values["end_date"] = None
    if status.is_retake:
        values["retake_count"] = (task.retake_count or 0) + 1
    if status.is_wip and task.real_start_date is None:
        values["real_start_date"] = now
    return values


def is_latest(task, comment):
    return task.last_comment_date is None or task.last_comment_date <= comment.created_at


def follow_comment(uow, task, status, comment, changed):
    """Apply a new comment's status to its task (`changed`: the status differs)."""
    if not is_latest(task, comment):
        return reset_task_data(uow, task)
    previous = task.task_status_id
    values = {"task_status_id": status.id, "last_comment_date": comment.created_at}
    if changed:
        values.update(status_dates(task, status, utcnow()))
    change_task(uow, task, values)
    if changed:
        announce_status_change(uow, task, previous, comment.person_id,
                               comment.id if status.is_feedback_request else None)


def announce_status_change(uow, task, previous, person_id, review_comment_id=None):
    data = {"task_id": str(task.id), "new_task_status_id": str(task.task_status_id),
            "previous_task_status_id": str(previous), "person_id": str(person_id)}
    uow.emit(events.TASK_STATUS_CHANGED, data, project_id=task.project_id)
    if review_comment_id is not None:
        uow.emit(events.TASK_TO_REVIEW, {**data, "comment_id": str(review_comment_id)},
                 project_id=task.project_id)


def default_status_id(uow, task):
    """The default status (the concepts' one for a concept's task)."""
    type_name = uow.session.scalar(sa.select(EntityType.name).join(
        Entity, Entity.entity_type_id == EntityType.id).where(Entity.id == task.entity_id))
    return task_types.default_status(uow, for_concept=type_name == "Concept").id


def reset_task_data(uow, task):
    """Recompute status, retakes, start, end, done and last comment dates from the
    task's comments, oldest first (Zou's reset_task_data; durations are the time
    sheets')."""
    uow.session.flush()
    rows = uow.session.execute(
        sa.select(Comment.task_status_id, Comment.created_at, TaskStatus.is_retake,
                  TaskStatus.is_feedback_request, TaskStatus.is_done, TaskStatus.is_wip)
        .join(TaskStatus, TaskStatus.id == Comment.task_status_id)
        .where(Comment.object_id == task.id).order_by(Comment.created_at, Comment.id)).all()
    values = {"retake_count": 0, "real_start_date": None, "last_comment_date": None,
              "end_date": None, "done_date": None,
              "task_status_id": default_status_id(uow, task)}
    previous_is_retake = False
    for status_id, date, is_retake, is_feedback, is_done, is_wip in rows:
        if is_retake and not previous_is_retake:
            values["retake_count"] += 1
        previous_is_retake = is_retake
        if is_wip and values["real_start_date"] is None:
            values["real_start_date"] = date
        if is_feedback and values["end_date"] is None:
            values["end_date"] = date
        if is_done:
            values["done_date"] = date
        values.update(task_status_id=status_id, last_comment_date=date)
    change_task(uow, task, values)
