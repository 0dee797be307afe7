"""Reading comments as Zou serves them.

- GET /data/tasks/{id}/comments: the task's conversation, newest first, each comment
  with its author, editor and status (short), acknowledgements, mentions, replies'
  authors. Artists and vendors do not see clients' comments; clients see what is meant
  for them (for_client, clients', or only their own in a production isolating clients).
- GET /data/tasks/{id}/comments/{comment_id}: one comment (its task's readers).
- GET /data/projects/{id}/comments: the production's, last updated first (`page`,
  `limit`); not for vendors and clients.
- `last_comments(task_ids)`: {text, date, person_id} of each task's last comment not
  written by a client, for the to-do lists.
"""
import math

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import crud, errors, person_model, schemas

from slate_tasks import access, comment_access, comments
from slate_tasks.models import Comment, Person, Project, Task, TaskStatus, \
    comment_acknowledgements, comment_department_mentions, comment_mentions

Editor = orm.aliased(Person, name="editor")
LINKS = {"acknowledgements": (comment_acknowledgements, "person_id"),
         "mentions": (comment_mentions, "person_id"),
         "department_mentions": (comment_department_mentions, "department_id")}
PAGE_SIZE = 100


def short_person(person_id, profile, role):
    """Zou's minimal author: id, names, avatar, role."""
    return {"id": str(person_id), "first_name": profile.get("first_name"),
            "last_name": profile.get("last_name"),
            "full_name": person_model.full_name(profile),
            "has_avatar": profile.get("has_avatar"), "role": role}


def link_maps(uow, comment_ids):
    """{relation: {comment id: [ids]}} for the three link tables, one query each."""
    found = {}
    for name, (table, column) in LINKS.items():
        rows = uow.session.execute(sa.select(table.c.comment_id, table.c[column]).where(
            table.c.comment_id.in_(comment_ids))) if comment_ids else ()
        links = found[name] = {}
        for comment_id, item in rows:
            links.setdefault(str(comment_id), []).append(str(item))
    return found


def with_links(uow, items):
    maps = link_maps(uow, [item["id"] for item in items])
    for item in items:
        item.update({name: links.get(item["id"], []) for name, links in maps.items()},
                    **comments.RELATED_MEDIA)
    return items


def embed_reply_authors(uow, items):
    ids = {reply.get("person_id") for item in items for reply in item.get("replies") or []
           if reply.get("person_id")}
    people = {str(person.id): short_person(person.id, person.profile, person.role)
              for person in uow.session.scalars(sa.select(Person).where(
                  Person.id.in_([access.as_uuid(i) for i in ids])))} if ids else {}
    for item in items:
        for reply in item.get("replies") or []:
            reply["person"] = people.get(reply.get("person_id"))
    return items


def _conversation(uow, task, hide_clients):
    """A task's comments with their authors; `author_role` is the one the author holds
    in the task's production (clients there are what `hide_clients` hides)."""
    author_role = access.role_in(Person, task.project_id)
    query = (sa.select(Comment.__table__, Person.profile.label("author"),
                       Person.role.label("author_global_role"),
                       author_role.label("author_role"), Editor.profile.label("editor"),
                       Editor.role.label("editor_role"), TaskStatus.name.label("status_name"),
                       TaskStatus.short_name.label("status_short_name"),
                       TaskStatus.color.label("status_color"))
             .join(Person, Person.id == Comment.person_id)
             .join(TaskStatus, TaskStatus.id == Comment.task_status_id)
             .outerjoin(Editor, Editor.id == Comment.editor_id)
             .where(Comment.object_id == task.id)
             .order_by(Comment.created_at.desc(), Comment.id.desc()))
    if hide_clients:
        query = query.where(author_role != "client")
    return uow.session.execute(query).mappings().all()


def _conversation_item(row):
    item = schemas.render(schemas.Record(Comment, dict(row)), relations=False)
    item["person"] = short_person(row["person_id"], row["author"], row["author_global_role"])
    if row["editor_id"] is not None:
        item["editor"] = {key: value for key, value in short_person(
            row["editor_id"], row["editor"] or {}, row["editor_role"]).items()
            if key != "full_name"}
    item["task_status"] = {"name": row["status_name"], "short_name": row["status_short_name"],
                           "color": row["status_color"], "id": str(row["task_status_id"])}
    item["_author_role"] = row["author_role"]
    return item


def task_comments(uow, caller, task_id):
    """GET /data/tasks/{task_id}/comments."""
    task = comments.task_or_404(uow, task_id)
    me = access.check_project_access(uow, caller, task.project_id)
    access.check_entity_access(uow, me, task.entity_id)
    hide_clients = me.role not in ("admin", "manager", "supervisor", "client")
    items = [_conversation_item(row) for row in _conversation(uow, task, hide_clients)]
    if me.role == "client":
        items = _for_client(uow, me, task, items)
    for item in items:
        del item["_author_role"]
    return embed_reply_authors(uow, with_links(uow, items))


def _for_client(uow, me, task, items):
    project = uow.session.get(Project, task.project_id)
    isolated = bool(project.row.get("is_clients_isolated"))
    return [item for item in items if item.get("for_client")
            or (isolated and item["person_id"] == str(me.id))
            or (not isolated and item["_author_role"] == "client")]


def task_comment(uow, caller, task_id, comment_id):
    """GET /data/tasks/{task_id}/comments/{comment_id}."""
    comment = comment_or_404(uow, comment_id)
    if str(comment.object_id) != str(task_id):
        raise errors.NotFound()
    comment_access.check_comment_read(uow, caller, comment, uow.session.get(
        Task, comment.object_id))
    return schemas.render(comment, relations=False)


def comment_or_404(uow, comment_id):
    return comments.row_or_404(uow, Comment, comment_id)


def project_comments(uow, caller, project_id, query_args):
    """GET /data/projects/{project_id}/comments."""
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    access.block_vendors_and_clients(me)
    query = (sa.select(Comment.__table__).join(Task, Task.id == Comment.object_id)
             .where(Task.project_id == project.id).order_by(Comment.updated_at.desc()))
    page = crud.int_arg(query_args, "page", -1)
    if page < 1:
        return _rendered(uow, query)
    limit = crud.int_arg(query_args, "limit", 0) or PAGE_SIZE
    total = uow.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    offset = (page - 1) * limit
    data = _rendered(uow, query.limit(limit).offset(offset)) if offset <= total else []
    return {"data": data, "total": total, "nb_pages": math.ceil(total / limit),
            "limit": limit, "offset": offset, "page": page}


def _rendered(uow, query):
    return with_links(uow, [schemas.render(schemas.Record(Comment, dict(row)),
                                           relations=False)
                            for row in uow.session.execute(query).mappings()])


def last_comments(uow, task_ids):
    """{task id: {text, date, person_id}}: each task's last comment not by a client."""
    if not task_ids:
        return {}
    query = (sa.select(Comment.object_id, Comment.text, Comment.created_at,
                       Comment.person_id)
             .join(Person, Person.id == Comment.person_id)
             .join(Task, Task.id == Comment.object_id)
             .where(Comment.object_id.in_(task_ids),
                    access.role_in(Person, Task.project_id) != "client")
             .order_by(Comment.object_id, Comment.created_at.desc(), Comment.id.desc())
             .distinct(Comment.object_id))
    return {str(task_id): {"text": text, "date": schemas.to_json(date),
                           "person_id": str(person_id)}
            for task_id, text, date, person_id in uow.session.execute(query)}
