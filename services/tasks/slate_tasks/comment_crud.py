"""The generic `/data/comments` routes with Zou's rules for comments.

- List and create: admins (a created comment makes no news, as in Zou: only comments
  posted on a task do). Reading one: its task's readers (comment_access), with its
  author and replies' authors embedded.
- Update: admins and the production's managers; the author their own comment; others
  only `pinned` (supervisors of the task's department) and `checklist` (assignees,
  supervisors of the department). Mentions are read again from the text; a new status
  recomputes the task (`task:status-changed`). The editor is the caller.
- Delete: comment_actions.delete_comment.
- POST /actions/projects/{id}/tasks/copy-client-comments {task_ids, prefix}: managers
  copy each task's last client comment into a comment of theirs (status kept).
"""
import sqlalchemy as sa

from slate_common import crud, errors, schemas
from slate_common.db import utcnow

from slate_tasks import access, comment_access, comment_actions, comment_mentions, \
    comment_reads, comments, events, task_progress, tasks
from slate_tasks.models import Comment, Person, Task, TaskStatus

PROTECTED = frozenset({"id", "mentions", "department_mentions"})


def _check_read(uow, caller, row):
    if row is None:
        access.require_admin(uow, caller)
    else:
        comment_access.check_comment_read(uow, caller, row, uow.session.get(
            Task, row.object_id))


COMMENTS = crud.CrudModel(
    name="comments", model=Comment, event=events.COMMENT, check_read=_check_read,
    check_create=access.require_admin, protected=PROTECTED,
    render=lambda row, relations: {**schemas.render(row, relations=relations),
                                   **(comments.RELATED_MEDIA if relations else {})},
    event_data=comment_actions.comment_data)


def get_comment(uow, caller, comment_id, query_args):
    """GET /data/comments/{id}: with its author and its replies' authors."""
    comment = crud.get_row(uow, COMMENTS, caller, comment_id, query_args)
    author = uow.session.get(Person, access.as_uuid(comment["person_id"]))
    if author is not None:
        comment["person"] = comment_reads.short_person(author.id, author.profile,
                                                       author.role)
    return comment_reads.embed_reply_authors(uow, [comment])[0]


def delete_comment(uow, caller, comment_id, query_args=None):
    comment_actions.delete_comment(uow, caller, comment_id)


def check_update(uow, caller, comment, task, body):
    """Zou's check_update_permissions of comments, with the caller's role in the task's
    production."""
    me = access.check_project_access(uow, caller, task.project_id)
    if me.role in comment_access.MANAGERS:
        return
    comment_access.check_comment_read(uow, caller, comment, task)

    def differs(key, current):
        return key in body and body[key] != current
    supervising = me.role == "supervisor" and tasks.in_departments(uow, me,
                                                                   task.task_type_id)
    own, assigned = comment.person_id == me.id, me in task.assignees
    if differs("for_client", bool(comment.for_client)) or (
            differs("pinned", comment.pinned) and not supervising) or (
            differs("checklist", comment.checklist) and not own
            and not (assigned or supervising)) or (
            not own and set(body) - {"pinned", "checklist"}) or (
            differs("person_id", str(me.id))) or differs("object_id", str(comment.object_id)):
        raise errors.Forbidden()
    if "task_status_id" in body:
        if str(body["task_status_id"]).lower() != str(comment.task_status_id):
            comment_access.check_task_action(uow, caller, task)
        status = comments.status_or_404(uow, body["task_status_id"])
        comment_access.check_status_allowed(uow, me, status, task.project_id)


def update_comment(uow, caller, comment_id, body):
    """PUT /data/comments/{id}: the comment."""
    if not isinstance(body, dict):
        raise errors.Invalid(schemas.EMPTY_BODY)
    comment = crud.fetch(uow, COMMENTS, comment_id)
    task = uow.session.get(Task, comment.object_id)
    check_update(uow, caller, comment, task, body)
    me = access.current_person(uow, caller)
    values = schemas.load(Comment, body, partial=True, ignore=PROTECTED)
    previous_status = comment.task_status_id

    acknowledgements = values.pop("acknowledgements", None)

    def change():
        for key, value in values.items():
            setattr(comment, key, value)
        if acknowledgements is not None:
            comment.acknowledgements = tasks.known_people(uow, caller, acknowledgements)
        comment.editor_id, comment.updated_at = me.id, utcnow()
        comment.mentions = comment_mentions.mentioned_people(uow, task.project_id,
                                                             comment.text)
        comment.department_mentions = comment_mentions.mentioned_departments(
            uow, comment.text)
    comment_actions.record_change(uow, comment, change, events.COMMENT + ":update",
                                  comment_actions.comment_data(comment), task.project_id)
    if comment.task_status_id != previous_status:
        task_progress.reset_task_data(uow, task)
        task_progress.announce_status_change(uow, task, previous_status, comment.person_id)
    return comments.comment_json(comment)


def copy_client_comments(uow, caller, project_id, body):
    """POST /actions/projects/{project_id}/tasks/copy-client-comments."""
    task_ids = body.get("task_ids") if isinstance(body, dict) else None
    if not isinstance(task_ids, list) or not task_ids:
        raise comments.validation_error("task_ids", "Field required")
    ids = [access.as_uuid(task_id, None) for task_id in task_ids]
    if None in ids:
        raise comments.validation_error("task_ids", "Input should be a valid UUID")
    prefix = body.get("prefix") or ""
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_manager_project_access(uow, caller, project.id)
    query = (sa.select(Comment.object_id, Comment.text)
             .join(Task, Task.id == Comment.object_id)
             .join(Person, Person.id == Comment.person_id)
             .where(Task.project_id == project.id, Comment.object_id.in_(ids),
                    access.role_in(Person, Task.project_id) == "client")
             .order_by(Comment.object_id, Comment.created_at.desc(), Comment.id.desc())
             .distinct(Comment.object_id))
    copied = []
    for task_id, text in uow.session.execute(query).all():
        task = uow.session.get(Task, task_id)
        status = uow.session.get(TaskStatus, task.task_status_id)
        copied.append(comments.create_comment(uow, task, status, me, {
            **comments.DEFAULTS, "comment": "%s\n\n%s" % (prefix, text) if prefix
            else text}))
    return copied
