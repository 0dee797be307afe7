"""What notifications need of comments: the reply a `comment:reply` event is about, and
the text, status, mentions, replies and first preview of commented comments.

Comments are the comments module's (`models.Comment`, Zou's columns); this module only
reads them, as rendered rows, and tolerates their absence (a comment deleted since, or a
build without comments): a notification then shows no comment text.
"""
import uuid

import sqlalchemy as sa

from slate_common import schemas

from slate_tasks import models


def comment_rows(session, comment_ids):
    """{comment id: rendered comment row} of the comments that exist."""
    model = getattr(models, "Comment", None)
    ids = [uuid.UUID(str(item)) for item in comment_ids if item]
    if model is None or not ids:
        return {}
    return {str(row.id): schemas.render(row)
            for row in session.scalars(sa.select(model).where(model.id.in_(ids)))}


def _find_reply(value, reply_id):
    """The dict with this id inside an event payload (the reply itself, or a comment
    row or changes holding it among `replies`)."""
    if isinstance(value, dict):
        if value.get("id") == reply_id and "text" in value:
            return value
        value = list(value.values())
    if isinstance(value, list):
        for item in value:
            found = _find_reply(item, reply_id)
            if found is not None:
                return found
    return None


def reply_of(session, data, payload):
    """(comment row, reply) a `comment:reply` event is about: from its payload, else
    from the comments table."""
    reply_id = data.get("reply_id")
    comment = payload.get("new") if isinstance(payload.get("new"), dict) else None
    if comment is None or "replies" not in comment:
        comment = comment_rows(session, [data.get("comment_id")]).get(
            str(data.get("comment_id")), {})
    reply = _find_reply(payload, reply_id) or _find_reply(comment.get("replies"), reply_id)
    return comment, reply


def context(row):
    """The fields of a notification taken from its comment row (Zou's listing)."""
    previews = row.get("previews") or []
    return {"task_status_id": row.get("task_status_id"), "comment_text": row.get("text"),
            "mentions": row.get("mentions") or [],
            "department_mentions": row.get("department_mentions") or [],
            "preview_file_id": previews[0] if previews else None,
            "replies": row.get("replies") or []}
