"""What people do with a posted comment (Zou's comments and tasks blueprints).

- Delete (DELETE /data/tasks/{id}/comments/{comment_id}, /data/comments/{id}): managers
  of the production, or the author; the task is recomputed from its other comments
  (`task:status-changed` when its status moves back). `comment:delete`.
- Acknowledge (POST .../ack): toggles the caller in the acknowledgements
  (`comment:acknowledge` / `comment:unacknowledge`).
- Reply (POST .../reply {text}) and delete a reply (DELETE .../reply/{reply_id}: its
  author or an admin): `comment:reply` / `comment:delete-reply`. Only managers (and
  clients) answer in a client's thread.
- Move (POST /actions/tasks/{id}/comments/{comment_id}/move {target_task_id}):
  managers, to another task of the same entity: `comment:delete` then `comment:new`.
Every change's payload is {"id", "changes": {field: [old, new]}, "updated_at"} (the
whole row on delete and new), so the log rebuilds the comments.
"""
import uuid

from slate_common import errors, schemas
from slate_common.db import utcnow

from slate_tasks import access, comment_access, comment_mentions, comment_reads, \
    comments, events, task_progress
from slate_tasks.models import Task


def comment_data(comment):
    """Zou's data of comment events: the comment, its task, author, client flag."""
    return {"comment_id": str(comment.id), "task_id": str(comment.object_id),
            "person_id": str(comment.person_id), "for_client": comment.for_client}


def record_change(uow, comment, change, name, data, project_id):
    """Apply `change()` to a comment and emit `name` with the changed fields."""
    before = schemas.render(comment)
    change()
    uow.session.flush()
    after = schemas.render(comment)
    changes = {key: [before.get(key), value] for key, value in after.items()
               if before.get(key) != value and key != "updated_at"}
    uow.emit(name, data, {"id": after["id"], "changes": changes,
                          "updated_at": after["updated_at"]}, project_id=project_id)
    return changes


def _comment_of_task(uow, task_id, comment_id):
    comment = comment_reads.comment_or_404(uow, comment_id)
    if task_id is not None and str(comment.object_id) != str(task_id):
        raise errors.NotFound()
    return comment, uow.session.get(Task, comment.object_id)


def delete_comment(uow, caller, comment_id, task_id=None):
    """Remove a comment; its task goes back to what its other comments make it."""
    comment, task = _comment_of_task(uow, task_id, comment_id)
    me = access.current_person(uow, caller)
    if comment.person_id != me.id and access.check_project_access(
            uow, caller, task.project_id).role not in comment_access.MANAGERS:
        raise errors.Forbidden()
    previous, old = task.task_status_id, schemas.render(comment)
    uow.session.delete(comment)
    uow.emit(events.COMMENT_DELETE, {"comment_id": old["id"], "task_id": str(task.id)},
             {"old": old}, project_id=task.project_id)
    task_progress.reset_task_data(uow, task)
    if task.task_status_id != previous:
        task_progress.announce_status_change(uow, task, previous, comment.person_id)


def acknowledge(uow, caller, task_id, comment_id):
    """POST /data/tasks/{task_id}/comments/{comment_id}/ack: the comment."""
    comment, task = _comment_of_task(uow, task_id, comment_id)
    access.check_entity_access(uow, access.check_project_access(uow, caller, task.project_id),
                               task.entity_id)
    me = access.current_person(uow, caller)  # the row itself: it joins a relation
    people = comment.acknowledgements
    name = events.COMMENT_UNACKNOWLEDGE if me in people else events.COMMENT_ACKNOWLEDGE
    record_change(uow, comment, lambda: people.remove(me) if me in people
                  else people.append(me), name,
                  {"comment_id": str(comment.id), "person_id": str(me.id)}, task.project_id)
    return comments.comment_json(comment)


def _check_reply(uow, caller, comment, task):
    """Zou's rule for answering a comment, with the roles held in the task's production
    (the caller's global one when they left its team but answer their own comment)."""
    me = comment_access.member_for(uow, caller, task)
    if comment.person_id != access.current_person(uow, caller).id:
        if not comment_access.may_act_on_task(uow, me, task) \
                and not comment_access.pulled_in(uow, me, task):
            raise errors.Forbidden()
        if me.role == "client":
            author = access.person_or_none(uow, caller, comment.person_id)
            if author is not None and author.profile.get("studio_id") != \
                    me.profile.get("studio_id") and comment_access.role_of(
                    uow, author.id, task.project_id) == "client":
                raise errors.Forbidden()
    client_thread = comment.for_client or comment_access.role_of(
        uow, comment.person_id, task.project_id) == "client"
    role = (me or access.current_person(uow, caller)).role
    if role not in ("admin", "manager", "client") and client_thread:
        raise errors.Forbidden()


def reply(uow, caller, task_id, comment_id, body):
    """POST /data/tasks/{task_id}/comments/{comment_id}/reply {text}: the reply."""
    comment, task = _comment_of_task(uow, task_id, comment_id)
    _check_reply(uow, caller, comment, task)
    me = access.current_person(uow, caller)
    text = body.get("text") if isinstance(body, dict) else None
    if text is not None and not isinstance(text, str):
        raise comments.validation_error("text", "Input should be a valid string")
    text, now = text or "", schemas.to_json(utcnow())
    answer = {"id": str(uuid.uuid4()), "date": now, "person_id": str(me.id), "text": text,
              "mentions": [str(person.id) for person in comment_mentions.mentioned_people(
                  uow, task.project_id, text)],
              "department_mentions": [str(department.id) for department in
                                      comment_mentions.mentioned_departments(uow, text)],
              "created_at": now}
    _set_replies(uow, comment, task, list(comment.replies or []) + [answer],
                 events.COMMENT_REPLY, answer["id"])
    return {**answer, "person": comment_reads.short_person(me.id, me.profile, me.role)}


def _set_replies(uow, comment, task, replies, name, reply_id):
    def change():
        comment.replies = replies
        comment.updated_at = utcnow()
    record_change(uow, comment, change, name, {
        "task_id": str(task.id), "comment_id": str(comment.id), "reply_id": reply_id},
        task.project_id)


def delete_reply(uow, caller, task_id, comment_id, reply_id):
    """DELETE /data/tasks/{task_id}/comments/{comment_id}/reply/{reply_id}: the comment."""
    comment, task = _comment_of_task(uow, task_id, comment_id)
    found = [item for item in comment.replies or [] if item.get("id") == reply_id]
    if not found:
        raise errors.NotFound()
    me = access.current_person(uow, caller)
    if found[0].get("person_id") != str(me.id) and me.role != "admin":
        raise errors.Forbidden()
    _set_replies(uow, comment, task, [item for item in comment.replies
                                      if item.get("id") != reply_id],
                 events.COMMENT_DELETE_REPLY, reply_id)
    return schemas.render(comment, relations=False)


def _check_move(uow, caller, comment, source, target):
    for task in (source, target):
        me = access.check_project_access(uow, caller, task.project_id)
        access.check_entity_access(uow, me, task.entity_id)
    if comment.object_id != source.id:
        raise errors.Invalid("Comment does not belong to the given task.")
    if source.id == target.id:
        raise errors.Invalid("Source and target tasks must be different.")
    if source.entity_id != target.entity_id:
        raise errors.Invalid("A comment can only be moved between tasks of the same entity.")
    if comment.preview_file_id is not None:
        raise errors.Invalid("A comment attached to a preview revision cannot be moved.")


def move(uow, caller, task_id, comment_id, body):
    """POST /actions/tasks/{task_id}/comments/{comment_id}/move {target_task_id}:
    managers (in the task's production)."""
    source = comments.task_or_404(uow, task_id)
    access.check_manager_project_access(uow, caller, source.project_id)
    target_id = body.get("target_task_id") if isinstance(body, dict) else None
    if not isinstance(target_id, str):
        raise comments.validation_error("target_task_id", "Field required")
    target = comments.task_or_404(uow, target_id)
    comment = comment_reads.comment_or_404(uow, comment_id)
    _check_move(uow, caller, comment, source, target)
    old = schemas.render(comment)
    comment.object_id, comment.updated_at = target.id, utcnow()
    for task in (source, target):
        task_progress.reset_task_data(uow, task)
    uow.emit(events.COMMENT_DELETE, {"comment_id": old["id"], "task_id": str(source.id)},
             {"old": old}, project_id=source.project_id)
    uow.emit(events.COMMENT_NEW, {**comment_data(comment),
                                  "task_status_id": str(comment.task_status_id)},
             {"new": schemas.render(comment), "change": False}, project_id=target.project_id)
    return comments.comment_json(comment)
