"""The tasks embedded in the "with tasks" boards (`boards.py`), built by PostgreSQL.

One aggregate per board: the tasks of the selected entities grouped by entity, each task
a JSON object (or, compact, a JSON array in the order of the board's `fields`) with its
assignees, so a board of thousands of shots is one query and no per-row Python work.
Zou's shapes: ids as text, `priority` never null, dates ISO 8601, and for a client the
studio fields blank (tasks.CLIENT_BLANKS). `is_subscribed` is false: subscriptions are
not served yet, so no one is subscribed to anything.
"""
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import aggregate_order_by

from slate_common import task_fields

from slate_tasks import tasks
from slate_tasks.models import Task, task_person_links

BASE_FIELDS = ("id", "estimation", "entity_id", "end_date", "due_date", "done_date",
               "duration", "last_comment_date", "last_preview_file_id", "priority",
               "real_start_date", "retake_count", "start_date", "difficulty",
               "task_status_id", "task_type_id", "data")
ASSET_FIELDS, SHOT_FIELDS = task_fields.ASSET_TASK_FIELDS, task_fields.SHOT_TASK_FIELDS
EDIT_FIELDS = ("id", "duration", "due_date", "entity_id", "end_date", "estimation",
               "last_comment_date", "last_preview_file_id", "nb_assets_ready", "priority",
               "real_start_date", "retake_count", "start_date", "task_status_id",
               "task_type_id", "data")
CONCEPT_FIELDS = ("id", "duration", "due_date", "end_date", "entity_id", "estimation",
                  "last_comment_date", "nb_assets_ready", "priority", "real_start_date",
                  "retake_count", "start_date", "task_status_id", "task_type_id", "data")
# Zou adds these two to every non-compact task dict that lacks them.
ALWAYS = ("is_subscribed", "assignees")
EMPTY_JSON_LIST = sa.literal_column("'[]'::json")
DATETIME_FORMAT = 'YYYY-MM-DD"T"HH24:MI:SS'


def _assignees(mine=None):
    links = task_person_links.c
    query = sa.select(sa.func.coalesce(sa.func.json_agg(sa.cast(links.person_id, sa.Text)),
                                       EMPTY_JSON_LIST)).where(links.task_id == Task.id)
    if mine is not None:
        query = query.where(links.person_id == mine)
    return query.scalar_subquery()


def _column(name, assigned_to):
    """The SQL expression of one task field."""
    if name == "is_subscribed":
        return sa.false()
    if name == "assignees":
        return _assignees(assigned_to)
    column = getattr(Task, name)
    if name == "priority":
        return sa.func.coalesce(column, 0)
    if name.endswith("_id") or name == "id":
        return sa.cast(column, sa.Text)
    if isinstance(column.type, sa.DateTime):   # Zou's dates: to the second
        return sa.func.to_char(column, DATETIME_FORMAT)
    return column


def _blank(name):
    value = tasks.CLIENT_BLANKS[name]
    if value == []:
        return EMPTY_JSON_LIST
    return sa.null() if value is None else sa.literal(value)


def task_json(fields, client=False, compact=False, assigned_to=None):
    """The JSON expression of one task: an object of `fields` (plus ALWAYS), or an array
    when compact. `assigned_to`: only that person among the assignees (vendors)."""
    names = list(fields) if compact else list(fields) + [n for n in ALWAYS if n not in fields]
    values = [_blank(name) if client and name in tasks.CLIENT_BLANKS
              else _column(name, assigned_to) for name in names]
    if compact:
        return sa.func.json_build_array(*values)
    pairs = [part for name, value in zip(names, values) for part in (sa.literal(name), value)]
    return sa.func.json_build_object(*pairs)


def tasks_of(entity_id, fields, client=False, compact=False, assigned_to=None,
             only_mine=True):
    """A scalar subquery: the JSON list of the tasks of the entity `entity_id` (a column
    of the outer query); with `assigned_to`, only the tasks assigned to that person, and
    with `only_mine` too, their assignees lists hold only that person."""
    mine = assigned_to if only_mine else None
    query = (sa.select(sa.func.coalesce(
        sa.func.json_agg(aggregate_order_by(
            task_json(fields, client, compact, mine), Task.created_at)),
        EMPTY_JSON_LIST)).where(Task.entity_id == entity_id))
    if assigned_to is not None:
        query = query.where(assigned_task(assigned_to))
    return query.scalar_subquery()


def assigned_task(person_id, task=Task):
    """The task has this person among its assignees."""
    links = task_person_links.c
    return sa.exists().where(links.task_id == task.id, links.person_id == person_id)
