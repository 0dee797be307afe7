"""Several comments in one request, as Zou posts them.

- POST /actions/projects/{id}/tasks/comment-many [{object_id, task_status_id, comment,
  links}]: the caller's comments; managers of the production on any of its tasks,
  others on the tasks they are assigned to or supervise (the rest is skipped, as are
  entries missing a field and tasks of another production). 201, the comments.
- POST /actions/tasks/batch-comment {comments: [{task_id, task_status_id, text,
  checklist, links, person_id, created_at}]}, and /actions/tasks/{id}/batch-comment
  (every entry on that task): each needs task action access. Preview and attachment
  files are the media service's: JSON bodies only.
"""
from slate_common import errors

from slate_tasks import access, comment_access, comments, tasks


def _entries(body, key=None):
    items = body.get(key) if key and isinstance(body, dict) else body
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise errors.Invalid("Request body must be a JSON array." if key is None else
                             "comments: a list of comments is required.")
    return items


def _may_comment_many(uow, me, task):
    """`me` as `access.member` gives them in the production (None: not in its team)."""
    if me is not None and me.role == "supervisor" \
            and tasks.in_departments(uow, me, task.task_type_id):
        return True
    return me is not None and me in task.assignees


def comment_many(uow, caller, project_id, body):
    """POST /actions/projects/{project_id}/tasks/comment-many."""
    items = _entries(body)
    for item in items:
        for key in ("object_id", "task_status_id"):
            if item.get(key) is not None and access.as_uuid(item[key], None) is None:
                raise comments.validation_error("%d.%s" % (items.index(item), key),
                                                "Input should be a valid UUID")
    project = access.project_or_404(uow, caller, project_id)
    me = access.member(uow, caller, access.current_person(uow, caller), project.id)
    manager = me is not None and me.role in comment_access.MANAGERS
    posted = []
    for item in items:
        if any(item.get(key) is None for key in ("object_id", "task_status_id", "comment")):
            continue
        task = tasks.task_or_none(uow, item["object_id"])
        if task is None or task.project_id != project.id or not (
                manager or _may_comment_many(uow, me, task)):
            continue
        values = comments.comment_input({"task_status_id": item["task_status_id"],
                                         "comment": item["comment"],
                                         "links": item.get("links") or []})
        posted.append(comments.post_as(uow, caller, me, task, values))
    return posted


def batch_comment(uow, caller, body, task_id=None):
    """POST /actions/tasks/batch-comment or /actions/tasks/{task_id}/batch-comment."""
    items = _entries(body, "comments")
    if task_id is not None:
        comment_access.check_task_action(uow, caller, comments.task_or_404(uow, task_id))
    posted = []
    for item in items:
        task = comments.task_or_404(uow, task_id or item.get("task_id"))
        me = comment_access.check_task_action(uow, caller, task)
        values = comments.comment_input({**item, "comment": item.get("text") or ""})
        posted.append({**comments.post_as(uow, caller, me, task, values),
                       "preview_files": []})
    return posted
