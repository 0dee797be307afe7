"""The news feed of productions: a projection of the comment events (Zou creates a news
on each comment posted on a task).

The `tasks.news` consumer follows `comment:new` (a comment posted or moved onto a task:
the news says whether it changed the task's status), `comment:delete` and `task:delete`
(their news go), and records each effect as Zou's `news:new` / `news:delete` events,
with the row, in the same transaction as its position. So `slate rebuild tasks` rebuilds
the news table from the log like any other, and `rebuild(session)` replays the comment
events through the projection itself. Concepts have no news; comments created through
the generic CRUD (no "change" in their payload) neither, as in Zou.
"""
import datetime
import uuid

import sqlalchemy as sa

from slate_common import consumers, eventstore, schemas

from slate_tasks import events
from slate_tasks.models import Entity, EntityType, News, Task

NEWS_CONSUMER = "tasks.news"
NEWS_SOURCES = events.NEWS_SOURCES
NEWS_IDS = uuid.UUID("5a7e1e55-0000-4000-8000-6e6577730000")  # news id = f(event id)


def _date(text):
    return datetime.datetime.strptime(text, schemas.DATETIME_FORMAT)


def _is_concept(session, entity_id):
    name = session.scalar(sa.select(EntityType.name).join(
        Entity, Entity.entity_type_id == EntityType.id).where(Entity.id == entity_id))
    return name == "Concept"


def _announce(session, announce, source, name, news, data):
    if announce:
        payload = {"new": schemas.render(news)} if name == events.NEWS_NEW \
            else {"old": schemas.render(news)}
        consumers.emit(session, [eventstore.new_event(
            name, data, payload, actor_id=source.get("actor_id"),
            project_id=source.get("project_id"))])


def _add_news(session, event, announce):
    payload = event["payload"] or {}
    comment = payload["new"]
    task = session.get(Task, uuid.UUID(comment["object_id"]))
    if task is None or _is_concept(session, task.entity_id):
        return
    created = _date(comment["created_at"])
    news = News(id=uuid.uuid5(NEWS_IDS, str(event["id"])), change=bool(payload["change"]),
                author_id=uuid.UUID(comment["person_id"]),
                comment_id=uuid.UUID(comment["id"]), task_id=task.id,
                preview_file_id=comment.get("preview_file_id") and uuid.UUID(
                    comment["preview_file_id"]), created_at=created,
                updated_at=event["created_at"].replace(microsecond=0))
    session.add(news)
    session.flush()
    _announce(session, announce, event, events.NEWS_NEW, news, {
        "news_id": str(news.id), "task_status_id": comment.get("task_status_id"),
        "task_type_id": str(task.task_type_id)})


def _remove_news(session, event, announce, condition):
    for news in session.scalars(sa.select(News).where(condition)).all():
        session.delete(news)
        _announce(session, announce, event, events.NEWS_DELETE, news,
                  {"news_id": str(news.id)})
    session.flush()


def apply_event(session, event, announce=True):
    """Apply one followed event to the news table (announcing each change)."""
    payload = event["payload"] or {}
    if event["name"] == events.COMMENT_NEW and "change" in payload and "new" in payload:
        _add_news(session, event, announce)
    elif event["name"] == events.COMMENT_DELETE and "old" in payload:
        _remove_news(session, event, announce,
                     News.comment_id == uuid.UUID(payload["old"]["id"]))
    elif event["name"] == events.TASK_DELETE and "old" in payload:
        _remove_news(session, event, announce,
                     News.task_id == uuid.UUID(payload["old"]["id"]))


def rebuild(session, batch=1000):
    """Empty the news and apply every comment event again, without announcing: the
    projection's own replay (its position is set to the log's head)."""
    session.execute(sa.delete(News))
    position = 0
    while True:
        found = eventstore.read(session.connection(), position, batch, NEWS_SOURCES)
        if not found:
            break
        for event in found:
            apply_event(session, event, announce=False)
        position = found[-1]["position"]
    eventstore.track(session.connection(), NEWS_CONSUMER,
                     eventstore.head(session.connection()))
