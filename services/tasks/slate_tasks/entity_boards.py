"""The "with tasks" boards of sequences, episodes, scenes, edits and concepts (Zou's
`get_entities_and_tasks`, `get_edits_and_tasks`, `get_concepts_and_tasks`); the shared
rules are in `boards.py`.

- sequences / episodes / scenes: `project_id`, `episode_id` (the parent; `all`: any);
  vendors see the sequences (episodes) holding a shot (or an asset of the episode) with
  a task assigned to them, and only those tasks; scenes are refused to vendors;
- edits: `id`, `project_id`, `episode_id` (`main`: edits of no episode);
- concepts: `id`, `project_id`; refused to vendors and clients. `entity_concept_links`
  and `preview_file_status` stay empty: concept links and preview files are not served.
"""
import sqlalchemy as sa
from sqlalchemy import orm

from slate_tasks import access, board_tasks
from slate_tasks.board_tasks import assigned_task
from slate_tasks.boards import Board, Episode, Sequence, owned_columns, type_named, \
    text_or_none, present_or_none
from slate_tasks.models import Entity, Task

Asset = orm.aliased(Entity, name="asset")
Shot = orm.aliased(Entity, name="shot")


def _assigned_below(board, kind):
    """The sequences (episodes) holding something with a task assigned to the vendor."""
    mine = assigned_task(board.me.id)
    shot_tasks = sa.exists().where(Task.entity_id == Shot.id, mine)
    if kind == "Sequence":
        return sa.exists().where(Shot.parent_id == Entity.id, shot_tasks)
    in_sequences = sa.exists().where(Sequence.parent_id == Entity.id,
                                     Shot.parent_id == Sequence.id, shot_tasks)
    from_assets = sa.exists().where(Asset.source_id == Entity.id, sa.exists().where(
        Task.entity_id == Asset.id, mine))
    return sa.or_(in_sequences, from_assets)


def entities_with_tasks(uow, caller, kind, query_args):
    """GET /data/{sequences|episodes|scenes}/with-tasks."""
    board = Board(uow, caller, query_args, ("project_id", "episode_id"))
    board.check_project(board.get("project_id"))
    if kind == "Scene":
        board.refuse("vendor")
    mine = board.me.id if board.vendor else access.as_uuid(board.get("assigned_to"), None)
    tasks = board_tasks.tasks_of(Entity.id, board_tasks.BASE_FIELDS,
                                 board.me.role == "client", assigned_to=mine,
                                 only_mine=False)
    board.hide_restricted_metadata(kind)
    query = (sa.select(Entity.id, Entity.name, Entity.parent_id, Entity.canceled,
                       Entity.project_id, Entity.row, tasks.label("tasks"))
             .where(Entity.entity_type_id == type_named(kind)).order_by(Entity.name))
    if board.get("project_id") is not None:
        query = query.where(Entity.project_id == access.as_uuid(board.get("project_id")))
    if board.get("episode_id") not in (None, "all"):
        query = query.where(Entity.parent_id == access.as_uuid(board.get("episode_id")))
    if board.vendor:
        query = query.where(_assigned_below(board, kind))
    return [_entity_json(row, board.data(row)) for row in board.rows(query)]


def _entity_json(row, data):
    entity = row["row"]
    return {"id": str(row["id"]), "name": row["name"],
            "status": entity.get("status") or "running",
            "episode_id": str(row["parent_id"]), "description": entity.get("description"),
            "frame_in": data.get("frame_in"), "frame_out": data.get("frame_out"),
            "fps": data.get("fps"), "preview_file_id": entity.get("preview_file_id") or "",
            "canceled": row["canceled"], "data": data, "tasks": row["tasks"]}


def edits_with_tasks(uow, caller, query_args):
    """GET /data/edits/with-tasks."""
    board = Board(uow, caller, query_args)
    board.check_project(board.get("project_id"))
    board.hide_restricted_metadata("Edit")
    query = board.common_filters(
        owned_columns(Episode.name.label("episode_name"), board.tasks(board_tasks.EDIT_FIELDS))
        .outerjoin(Episode, Episode.id == Entity.parent_id)
        .where(Entity.entity_type_id == type_named("Edit")).order_by(Entity.name))
    episode_id = board.get("episode_id")
    if episode_id == "main":
        query = query.where(Entity.parent_id.is_(None))
    elif episode_id not in (None, "all"):
        query = query.where(Entity.parent_id == access.as_uuid(episode_id))
    return [_edit_json(row, board.data(row)) for row in board.rows(query)]


def _owned_json(row, data):
    """What edits and concepts share: the entity's own fields and production."""
    entity = row["row"]
    return {"canceled": row["canceled"], "data": data,
            "description": entity.get("description"),
            "entity_type_id": str(row["entity_type_id"]), "id": str(row["id"]),
            "name": row["name"], "parent_id": text_or_none(row["parent_id"]),
            "preview_file_id": present_or_none(entity.get("preview_file_id")),
            "project_id": str(row["project_id"]), "project_name": row["project_name"],
            "source_id": text_or_none(row["source_id"]),
            "nb_entities_out": entity.get("nb_entities_out"), "tasks": row["tasks"]}


def _edit_json(row, data):
    return {**_owned_json(row, data), "episode_id": text_or_none(row["parent_id"]),
            "episode_name": row["episode_name"] or "", "type": "Edit"}


def concepts_with_tasks(uow, caller, query_args):
    """GET /data/concepts/with-tasks."""
    board = Board(uow, caller, query_args, ("id", "project_id"))
    board.check_project(board.get("project_id"))
    board.refuse("vendor", "client")
    query = board.common_filters(
        owned_columns(board.tasks(board_tasks.CONCEPT_FIELDS))
        .where(Entity.entity_type_id == type_named("Concept")).order_by(Entity.name))
    return [_concept_json(row, board.data(row)) for row in board.rows(query)]


def _concept_json(row, data):
    out = _owned_json(row, data)
    entity = row["row"]
    data = out["data"]
    out.update({"fps": data.get("fps"), "frame_in": data.get("frame_in"),
                "frame_out": data.get("frame_out"), "nb_frames": entity.get("nb_frames"),
                "preview_file_status": None,
                "is_casting_standby": entity.get("is_casting_standby"),
                "entity_concept_links": [], "type": "Concept",
                **{key: entity.get(key) for key in ("updated_at", "created_at",
                                                    "created_by")}})
    return out
