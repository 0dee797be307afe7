"""The "with tasks" boards the Kitsu UI loads: every asset, shot, sequence, episode,
edit, scene or concept of a production with its tasks (Zou's `get_*_and_tasks`).

Each board is one SQL query on the read models (entities, productions, casting links)
and the tasks: the tasks of each entity are aggregated by PostgreSQL (`board_tasks.py`),
so Python only shapes each row from its columns. Zou's filters: `id`, `project_id`,
`episode_id` (`main`: assets of no episode / edits of none; `all`: every episode),
`assigned_to` (only what the caller is assigned to). Zou's access: the production's
team (admins: any); vendors see only the entities they have tasks on and only their
tasks, without the metadata of descriptors restricted to other departments; clients get the studio fields of tasks blank; scenes are refused to vendors,
concepts to vendors and clients. The assets and shots boards also answer Zou's
`compact=true` (positional rows, field names in a header) and `stream=true` (NDJSON:
the header on the first line, then one row per line; `streamed()`).
"""
import itertools
import json

import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import errors
from slate_common.replies import is_true

from slate_tasks import access, board_tasks, tasks
from slate_tasks.board_tasks import assigned_task
from slate_tasks.models import CastingLink, Entity, EntityType, MetadataDescriptor, Project, \
    Task, team_links

NDJSON = "application/x-ndjson"
SENTINELS = ("main", "all")
NOT_ASSETS = tasks.TEMPORAL_TYPES + ("ConceptFolder",)
Sequence = orm.aliased(Entity, name="sequence")
Episode = orm.aliased(Entity, name="episode")


class Board:
    """What one request asks: its criterions, the caller and how to render tasks."""

    def __init__(self, uow, caller, query_args, id_fields=("id", "project_id", "episode_id")):
        self.args = {key: value for key, value in query_args.items()
                     if key not in ("page", "stream", "compact")}
        self.stream = is_true(query_args.get("stream"))
        self.compact = is_true(query_args.get("compact"))
        for name in id_fields:
            value = self.args.get(name)
            if value is not None and not (name == "episode_id" and value in SENTINELS):
                access.as_uuid(value, lambda name=name, value=value: errors.Invalid(
                    "Invalid UUID format for %s: %s" % (name, value)))
        self.uow, self.caller = uow, caller
        self.me = None
        self.hidden = {}

    def get(self, name):
        return self.args.get(name)

    def check_project(self, project_id):
        """Zou's check_project_access: admins, or the production's team (no production
        named: admins only; an unknown one: 404)."""
        self.me = access.current_person(self.uow, self.caller)
        if self.me.role == "admin":
            return
        if project_id is None:
            raise errors.Forbidden()
        project = access.project_or_404(self.uow, self.caller, project_id)
        self.me = access.check_project_access(self.uow, self.caller, project.id)

    def hide_restricted_metadata(self, kind):
        """For a vendor, the `data` keys of this kind's descriptors restricted to
        departments they are not in, per production (Zou's vendor metadata rule)."""
        if not self.vendor:
            return
        mine = set(self.me.profile.get("departments") or [])
        for descriptor in self.uow.session.scalars(sa.select(MetadataDescriptor).where(
                MetadataDescriptor.entity_type == kind)):
            if descriptor.departments and not mine & set(descriptor.departments):
                self.hidden.setdefault(descriptor.project_id, set()).add(descriptor.field_name)

    def data(self, row):
        """The row's entity `data`, without what the caller may not see."""
        data = row["row"].get("data") or {}
        hidden = self.hidden.get(row["project_id"])
        return {key: value for key, value in data.items() if key not in hidden} \
            if hidden else data

    def refuse(self, *roles):
        if self.me.role in roles:
            raise errors.Forbidden()

    @property
    def vendor(self):
        return self.me.role == "vendor"

    @property
    def assigned_to(self):
        """The person whose assigned entities and tasks alone are listed, if any."""
        return self.me.id if self.vendor or "assigned_to" in self.args else None

    def tasks(self, fields, compact=False, as_text=False):
        """The tasks column of the board's rows (JSON text with `as_text`); a vendor's
        assignees lists hold only them (Zou's assignee filter on the links)."""
        tasks = board_tasks.tasks_of(Entity.id, fields, self.me.role == "client", compact,
                                     self.assigned_to)
        return (sa.cast(tasks, sa.Text) if as_text else tasks).label("tasks")

    def common_filters(self, query):
        for name, column in (("id", Entity.id), ("project_id", Entity.project_id)):
            if self.get(name) is not None:
                query = query.where(column == access.as_uuid(self.get(name)))
        if self.assigned_to is not None:
            query = query.where(sa.exists().where(
                Task.entity_id == Entity.id, assigned_task(self.assigned_to)))
        return query

    def rows(self, query):
        return self.uow.session.execute(query).mappings()


def owned_columns(*more):
    """The columns of an entity and its production every board but the assets' reads
    (joined with Project), then `more`."""
    return sa.select(Entity.id, Entity.name, Entity.entity_type_id, Entity.parent_id,
                     Entity.source_id, Entity.project_id, Entity.canceled, Entity.row,
                     Project.name.label("project_name"), *more) \
        .join(Project, Project.id == Entity.project_id)


def type_named(name):
    return sa.select(EntityType.id).where(EntityType.name == name).scalar_subquery()


def present_or_none(value):
    return None if value in (None, "") else value


def _dumps(value):
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, default=str)


def _row_json(fields, values, compact):
    """One row's JSON text (a list when compact); its last value, the tasks, is JSON
    text already (PostgreSQL's), spliced in rather than decoded and encoded again."""
    *own, tasks_text = values
    if compact:
        return _dumps(own)[:-1] + "," + tasks_text + "]"
    return _dumps(dict(zip(fields, own)))[:-1] + ',"tasks":' + tasks_text + "}"


def reply(board, fields, header, rows):
    """Zou's answer to a board, encoded here (`body_json`, written as is by the gateway):
    a list of rows, or with `compact` / `stream`, the header (field names when compact)
    then the rows, as one object or as NDJSON lines."""
    lines = (_row_json(fields, values, board.compact) for values in rows)
    head = {"compact": board.compact, **(header if board.compact else {})}
    if board.stream:
        text = "".join(line + "\n" for line in itertools.chain([_dumps(head)], lines))
        return {"status": 200, "body_json": text, "content_type": NDJSON}
    listing = "[" + ",".join(lines) + "]"
    if board.compact:
        listing = _dumps(head)[:-1] + ',"rows":' + listing + "}"
    return {"status": 200, "body_json": listing}


# -- assets ----------------------------------------------------------------------------

ASSET_FIELDS = ("id", "name", "preview_file_id", "description", "asset_type_name",
                "asset_type_id", "canceled", "ready_for", "episode_id",
                "casting_episode_ids", "is_casting_standby", "is_shared", "data", "tasks")


def _casting_episodes(board):
    """The episodes each asset is cast in, by episode name (only when a production is
    named, as Zou)."""
    if board.get("project_id") is None:
        return sa.literal_column("'[]'::json")
    query = (sa.select(sa.func.coalesce(sa.func.json_agg(sa.cast(
        CastingLink.entity_in_id, sa.Text)), sa.literal_column("'[]'::json")))
        .join(Episode, Episode.id == CastingLink.entity_in_id)
        .where(CastingLink.entity_out_id == Entity.id,
               Episode.entity_type_id == type_named("Episode")))
    if board.get("episode_id") not in (None, *SENTINELS):
        query = query.where(CastingLink.entity_in_id == access.as_uuid(board.get("episode_id")))
    return query.scalar_subquery()


def _asset_filters(board, query):
    query = board.common_filters(query.where(EntityType.name.notin_(NOT_ASSETS)))
    episode_id = board.get("episode_id")
    if episode_id == "main":
        query = query.where(Entity.source_id.is_(None))
    elif episode_id not in (None, "all"):
        episode = access.as_uuid(episode_id)
        query = query.where(sa.or_(Entity.source_id == episode, sa.exists().where(
            CastingLink.entity_out_id == Entity.id, CastingLink.entity_in_id == episode)))
    if board.me.role != "admin":
        query = query.where(Entity.project_id.in_(sa.select(team_links.c.project_id).where(
            team_links.c.person_id == board.me.id)))
    return query


def _check_asset_access(board):
    """Zou's check_criterion_access: the production named, or the episode's."""
    board.me = access.current_person(board.uow, board.caller)
    project_id = board.get("project_id")
    if project_id is None and board.get("episode_id") not in (None, *SENTINELS):
        episode = access.entity_or_404(board.uow, board.caller, board.get("episode_id"))
        project_id = str(episode.project_id)
    if project_id is not None:
        board.check_project(project_id)


def assets_with_tasks(uow, caller, query_args):
    """GET /data/assets/with-tasks."""
    board = Board(uow, caller, query_args)
    _check_asset_access(board)
    board.hide_restricted_metadata("Asset")
    query = _asset_filters(board, sa.select(
        Entity.id, Entity.name, Entity.entity_type_id, Entity.source_id, Entity.canceled,
        Entity.project_id, Entity.row, EntityType.name.label("type_name"),
        _casting_episodes(board).label("episodes"),
        board.tasks(board_tasks.ASSET_FIELDS, board.compact, as_text=True))
        .join(EntityType, EntityType.id == Entity.entity_type_id)
        .order_by(EntityType.name, Entity.name))
    rows = (_asset_values(row, board.data(row)) for row in board.rows(query))
    return reply(board, ASSET_FIELDS, {"asset_fields": list(ASSET_FIELDS),
                         "task_fields": list(board_tasks.ASSET_FIELDS)}, rows)


def _asset_values(row, data):
    entity = row["row"]
    return [str(row["id"]), row["name"], str(entity.get("preview_file_id") or ""),
            entity.get("description"), row["type_name"], str(row["entity_type_id"]),
            row["canceled"], str(entity.get("ready_for")),
            str(row["source_id"]) if row["source_id"] else "", row["episodes"],
            entity.get("is_casting_standby"), entity.get("is_shared"), data, row["tasks"]]


# -- shots -----------------------------------------------------------------------------

SHOT_FIELDS = ("canceled", "data", "description", "entity_type_id", "episode_id",
               "episode_name", "fps", "frame_in", "frame_out", "id", "name", "nb_frames",
               "parent_id", "preview_file_id", "project_id", "project_name", "sequence_id",
               "sequence_name", "source_id", "nb_entities_out", "is_casting_standby",
               "type", "tasks")


def shots_with_tasks(uow, caller, query_args):
    """GET /data/shots/with-tasks."""
    board = Board(uow, caller, query_args)
    board.check_project(board.get("project_id"))
    board.hide_restricted_metadata("Shot")
    query = board.common_filters(
        owned_columns(Episode.id.label("episode_id"), Episode.name.label("episode_name"),
                      Sequence.name.label("sequence_name"),
                      board.tasks(board_tasks.SHOT_FIELDS, board.compact, as_text=True))
        .join(Sequence, Sequence.id == Entity.parent_id)
        .outerjoin(Episode, Episode.id == Sequence.parent_id)
        .where(Entity.entity_type_id == type_named("Shot"))
        .order_by(Sequence.name, Entity.name))
    episode_id = board.get("episode_id")
    if episode_id == "main":
        query = query.where(Sequence.parent_id.is_(None))
    elif episode_id not in (None, "all"):
        query = query.where(Sequence.parent_id == access.as_uuid(episode_id))
    rows = (_shot_values(row, board.data(row)) for row in board.rows(query))
    return reply(board, SHOT_FIELDS, {"shot_fields": list(SHOT_FIELDS),
                         "task_fields": list(board_tasks.SHOT_FIELDS)}, rows)


def text_or_none(value):
    return None if value is None else str(value)


def _shot_values(row, data):
    entity = row["row"]
    return [row["canceled"], data, entity.get("description"), str(row["entity_type_id"]),
            text_or_none(row["episode_id"]), row["episode_name"] or "", data.get("fps"),
            data.get("frame_in"), data.get("frame_out"), str(row["id"]), row["name"],
            entity.get("nb_frames"), text_or_none(row["parent_id"]),
            present_or_none(entity.get("preview_file_id")), str(row["project_id"]),
            row["project_name"], text_or_none(row["parent_id"]), row["sequence_name"],
            text_or_none(row["source_id"]), entity.get("nb_entities_out"),
            entity.get("is_casting_standby"), "Shot", row["tasks"]]
