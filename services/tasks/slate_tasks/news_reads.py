"""Reading the news feed (Zou's news blueprint and news_service).

- GET /data/projects/{id}/news: the production's feed (not for clients), newest first,
  `page` (1) and `limit` (50), filtered by `task_type_id`, `task_status_id`,
  `person_id` (author), `episode_id`, `only_preview`, `after`, `before`; with `stats`:
  the number of status changes per status. GET /data/projects/news: the same over the
  caller's open productions (`project_id` narrows it).
- GET /data/projects/{id}/news/{news_id}: one entry (not for vendors).
- GET /data/entities/{id}/news: an entity's (up to 2,000, no stats).
Each entry names its task, type, status, entity (full name and episode) and author.
"""
import datetime
import math

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import crud, errors, schemas

from slate_tasks import access, comment_reads, events
from slate_tasks.models import Comment, Entity, EntityType, News, Person, Project, \
    ProjectStatus, Task, team_links

Parent = orm.aliased(Entity, name="parent")
Grandparent = orm.aliased(Entity, name="grandparent")
FILTERS = {"task_type_id": Task.task_type_id, "task_status_id": Comment.task_status_id,
           "person_id": News.author_id}

NEWS = crud.CrudModel(name="news", model=News, event=events.NEWS,
                      check_read=access.require_admin, check_create=access.require_admin,
                      check_update=access.require_admin, check_delete=access.require_admin)


def _date_arg(value):
    if value in (None, ""):
        return None
    for parse in (datetime.datetime.fromisoformat, datetime.date.fromisoformat):
        try:
            return parse(value)
        except ValueError:
            continue
    raise errors.Invalid("Wrong date format for before argument.Expected format: "
                         "2020-01-05T13:23:10 or 2020-01-05")


def _filtered(query, me, args, project_ids):
    if project_ids is not None:
        query = query.where(Task.project_id.in_(project_ids))
    elif me is not None and me.role != "admin":
        query = query.where(Task.project_id.in_(sa.select(team_links.c.project_id).where(
            team_links.c.person_id == me.id)))
    if args.get("episode_id"):
        query = query.where(Parent.parent_id == access.as_uuid(args["episode_id"]))
    for key, column in FILTERS.items():
        if args.get(key):
            query = query.where(column == access.as_uuid(args[key], errors.Invalid))
    if str(args.get("only_preview", "")).lower() == "true":
        query = query.where(News.preview_file_id.is_not(None))
    for key, compare in (("after", News.created_at.__gt__), ("before", News.created_at.__lt__)):
        if _date_arg(args.get(key)) is not None:
            query = query.where(compare(_date_arg(args[key])))
    return query


def _joined(query):
    return (query.join(Task, Task.id == News.task_id)
            .join(Entity, Entity.id == Task.entity_id)
            .outerjoin(Comment, Comment.id == News.comment_id)
            .outerjoin(Parent, Parent.id == Entity.parent_id)
            .outerjoin(Grandparent, Grandparent.id == Parent.parent_id))


def _full_name(row):
    """(full entity name, episode id) as Zou's get_full_entity_names makes them."""
    kind, name = row["entity_type_name"], row["entity_name"]
    parent, grandparent = row["parent_name"], row["grandparent_name"]
    if kind == "Shot":
        names = [n for n in (grandparent, parent) if n] if parent else []
        return " / ".join(names + [name]), row["grandparent_id"] if parent else None
    if kind == "Episode":
        return name, None
    if kind == "Sequence":
        return (" / ".join([parent, name]), row["parent_id"]) if parent else (name, None)
    return "%s / %s" % (kind, name), row["entity_source_id"]


def _entry(row, authors):
    full_name, episode_id = _full_name(row)
    entry = {"id": row["id"], "type": "News", "author_id": row["author_id"],
             "comment_id": row["comment_id"], "task_id": row["task_id"],
             "task_type_id": row["task_type_id"], "task_status_id": row["task_status_id"],
             "task_entity_id": row["task_entity_id"],
             "preview_file_id": row["preview_file_id"], "preview_file_extension": None,
             "preview_file_revision": None, "project_id": row["project_id"],
             "project_name": row["project_name"], "created_at": row["created_at"],
             "change": row["change"], "full_entity_name": full_name,
             "episode_id": episode_id,
             "entity_preview_file_id": row["entity_preview_file_id"]}
    entry = {key: schemas.to_json(value) for key, value in entry.items()}
    entry["person"] = authors.get(entry["author_id"])
    return entry


def _select():
    return sa.select(
        News.id, News.author_id, News.comment_id, News.task_id, News.preview_file_id,
        News.created_at, News.change, Task.task_type_id, Comment.task_status_id,
        Task.entity_id.label("task_entity_id"), Task.project_id,
        Project.name.label("project_name"), Entity.name.label("entity_name"),
        EntityType.name.label("entity_type_name"),
        Entity.source_id.label("entity_source_id"),
        Entity.row["preview_file_id"].astext.label("entity_preview_file_id"),
        Parent.id.label("parent_id"), Parent.name.label("parent_name"),
        Grandparent.id.label("grandparent_id"), Grandparent.name.label("grandparent_name"))


def feed(uow, me, args, project_ids=None, news_id=None, entity_id=None, limit=None):
    """Zou's get_last_news_for_project: the page envelope of entries."""
    page = crud.int_arg(args, "page", 1)
    limit = limit or crud.int_arg(args, "limit", 50)
    query = _filtered(_joined(_select().select_from(News)), me, args, project_ids)
    query = query.join(Project, Project.id == Task.project_id) \
        .join(EntityType, EntityType.id == Entity.entity_type_id)
    if news_id is not None:
        query = query.where(News.id == news_id)
    if entity_id is not None:
        query = query.where(Entity.id == entity_id)
    total = uow.session.scalar(sa.select(sa.func.count()).select_from(query.subquery()))
    offset = (page - 1) * limit
    rows = uow.session.execute(query.order_by(News.created_at.desc(), News.id.desc())
                               .limit(limit).offset(max(offset, 0))).mappings().all()
    authors = {str(person.id): comment_reads.short_person(person.id, person.profile,
                                                          person.role)
               for person in uow.session.scalars(sa.select(Person).where(
                   Person.id.in_({row["author_id"] for row in rows})))} if rows else {}
    return {"data": [_entry(row, authors) for row in rows], "total": total,
            "nb_pages": math.ceil(total / limit) if limit else 0, "limit": limit,
            "offset": offset, "page": page}


def stats(uow, me, args, project_ids):
    """{status id: number of news changing a task to it}."""
    query = _filtered(_joined(sa.select(Comment.task_status_id, sa.func.count(News.id))
                              .select_from(News)), me, args, project_ids)
    query = query.where(News.change.is_(True)).group_by(Comment.task_status_id)
    return {str(status_id): count for status_id, count in uow.session.execute(query)
            if status_id is not None}


def project_news(uow, caller, project_id, args):
    """GET /data/projects/{project_id}/news."""
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    if me.role == "client":
        raise errors.Forbidden()
    return {**feed(uow, me, args, [project.id]), "stats": stats(uow, me, args, [project.id])}


def open_projects_news(uow, caller, args):
    """GET /data/projects/news."""
    me = access.current_person(uow, caller)
    if me.role == "admin":
        ids = list(uow.session.scalars(sa.select(Project.id).join(
            ProjectStatus, ProjectStatus.id == Project.project_status_id).where(
            ProjectStatus.name.in_(access.OPEN_NAMES))))
    else:
        ids = list(uow.session.scalars(access.open_team_projects(me.id)))
    wanted = access.as_uuid(args.get("project_id"), None)
    if wanted in ids:
        ids = [wanted]
    return {**feed(uow, me, args, ids), "stats": stats(uow, me, args, ids)}


def one_news(uow, caller, project_id, news_id):
    """GET /data/projects/{project_id}/news/{news_id}."""
    project = access.project_or_404(uow, caller, project_id)
    me = access.check_project_access(uow, caller, project.id)
    if me.role == "vendor":
        raise errors.Forbidden()
    found = feed(uow, None, {}, [project.id], news_id=access.as_uuid(news_id,
                                                                    errors.NotFound))
    if not found["data"]:
        raise errors.NotFound()
    return found["data"][0]


def entity_news(uow, caller, entity_id):
    """GET /data/entities/{entity_id}/news."""
    entity = access.entity_or_404(uow, caller, entity_id)
    me = access.check_project_access(uow, caller, entity.project_id)
    access.check_entity_access(uow, me, entity.id)
    return feed(uow, None, {}, None, entity_id=entity.id, limit=2000)
