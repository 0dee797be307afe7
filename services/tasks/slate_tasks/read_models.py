"""The tasks service's read models of other services' data, fed by their events.

- `tasks.persons` follows auth's `person:*` (roles and profiles for access and views);
- `tasks.catalog` follows the catalog's productions (status, team with each member's
  role there: `team_roles`, kept on the team links, never in the row; the status
  automations it applies), project statuses, entity types, entities (assets, shots...
  with name, type, parent, production), asset instances (`asset-instance:*`,
  `asset_instance:new`) and status automations.
  Payloads are full rows on `:new`, `{"id", "changes": {field: [old, new]}}` on
  `:update` (a team change is a `project:update` whose `team` changed), the old row on
  `:delete`. When an entity is deleted, its tasks go with it, each with `task:delete`,
  in the same transaction as the read model's position; when a production is deleted,
  all this service keeps of it (`project_removal.py`).

Handlers are idempotent; updates of rows never seen (older than the log) are skipped.
"""
import uuid

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from slate_common import consumers, eventstore, person_model, production_teams

from slate_tasks import events, project_removal, search_filters, task_batches
from slate_tasks.models import PROJECT_RELATIONS, AssetInstance, CastingLink, Entity, \
    EntityType, MetadataDescriptor, Person, Project, ProjectStatus, StatusAutomation, Task, \
    project_status_automation_links, team_links

PERSONS_CONSUMER = "tasks.persons"
CATALOG_CONSUMER = "tasks.catalog"
PERSON_NAMES = person_model.NAMES
CATALOG_NAMES = events.CATALOG_EVENTS


def apply_person_event(session, event):
    person_model.apply_person_event(session, Person, event)
    if event["name"] == "person:delete" and "old" in (event["payload"] or {}):
        consumers.emit(session, search_filters.removals(
            session, event.get("actor_id"), person_id=uuid.UUID(event["payload"]["old"]["id"])))


# -- how each family's rows are kept: model, and the columns taken out of the row --------

def _uuid(value):
    return None if value is None else uuid.UUID(value)


def _project_columns(row):
    return {"name": row["name"], "project_status_id": _uuid(row.get("project_status_id"))}


def _entity_columns(row):
    return {"name": row["name"], "project_id": _uuid(row["project_id"]),
            "entity_type_id": _uuid(row["entity_type_id"]),
            "parent_id": _uuid(row.get("parent_id")), "source_id": _uuid(row.get("source_id")),
            "canceled": bool(row.get("canceled"))}


def _instance_columns(row):
    return {"asset_id": _uuid(row["asset_id"]), "name": row.get("name"),
            "number": row.get("number"), "scene_id": _uuid(row.get("scene_id")),
            "target_asset_id": _uuid(row.get("target_asset_id"))}


KEPT = {
    "project": (Project, _project_columns),
    "project-status": (ProjectStatus, lambda row: {"name": row["name"]}),
    **{family: (EntityType, lambda row: {"name": row["name"]})
       for family in events.TYPE_FAMILIES},
    **{family: (Entity, _entity_columns) for family in events.ENTITY_FAMILIES},
    events.METADATA_DESCRIPTOR: (MetadataDescriptor, lambda row: {
        "project_id": _uuid(row["project_id"]), "entity_type": row["entity_type"],
        "field_name": row["field_name"], "departments": row.get("departments") or []}),
    events.ENTITY_LINK: (CastingLink, lambda row: {
        "entity_in_id": _uuid(row["entity_in_id"]),
        "entity_out_id": _uuid(row["entity_out_id"])}),
    **{family: (AssetInstance, _instance_columns)
       for family in (events.ASSET_INSTANCE, events.BREAKDOWN_INSTANCE)},
    events.STATUS_AUTOMATION: (StatusAutomation, lambda row: {
        "in_task_type_id": _uuid(row.get("in_task_type_id")),
        "in_task_status_id": _uuid(row.get("in_task_status_id")),
        "archived": bool(row.get("archived"))}),
}


def apply_catalog_event(session, event):
    """Apply one catalog event to the read model (and cascade an entity's deletion)."""
    family, kind = event["name"].split(":", 1)
    model, columns = KEPT[family]
    payload = event["payload"] or {}
    if kind == "new" and "new" in payload:
        _upsert(session, model, columns, payload["new"])
    elif kind in ("update", "casting-update") and "changes" in payload:
        _update(session, model, columns, payload)
    elif kind == "delete" and "old" in payload:
        row_id = uuid.UUID(payload["old"]["id"])
        if model is Entity:
            delete_tasks_of_entity(session, row_id, event.get("actor_id"))
            session.execute(sa.delete(CastingLink).where(sa.or_(
                CastingLink.entity_in_id == row_id, CastingLink.entity_out_id == row_id)))
            delete_instances_of_entity(session, row_id)
        if model is Project:
            project_removal.remove_project_data(session, row_id, event.get("actor_id"))
        session.execute(sa.delete(model).where(model.id == row_id))


def _without_relations(model, row):
    if model is Project:
        return {key: value for key, value in row.items()
                if key not in PROJECT_RELATIONS + production_teams.KEYS}
    return row


def _upsert(session, model, columns, row):
    values = {"id": uuid.UUID(row["id"]), **columns(row)}
    if hasattr(model, "row"):
        values["row"] = _without_relations(model, row)
    insert = postgresql.insert(model).values(values)
    session.execute(insert.on_conflict_do_update(
        index_elements=[model.id],
        set_={key: insert.excluded[key] for key in values if key != "id"}))
    if model is Project:
        production_teams.apply_team(session, team_links, values["id"], row)
        _set_automation_links(session, values["id"], row)


def _update(session, model, columns, payload):
    found = session.get(model, uuid.UUID(payload["id"]))
    if found is None:
        return
    new = {key: pair[1] for key, pair in payload["changes"].items()}
    if payload.get("updated_at"):
        new["updated_at"] = payload["updated_at"]
    known = found.row if hasattr(model, "row") else {"name": found.name}
    row = {**known, **_without_relations(model, new)}
    for key, value in columns(row).items():
        setattr(found, key, value)
    if hasattr(model, "row"):
        found.row = row
    if model is Project:
        production_teams.apply_team(session, team_links, found.id, new)
        _set_automation_links(session, found.id, new)


def _set_automation_links(session, project_id, row):
    """Replace the status automations the production applies, when the row names them."""
    if "status_automations" not in row:
        return
    table = project_status_automation_links
    session.execute(sa.delete(table).where(table.c.project_id == project_id))
    if row["status_automations"]:
        session.execute(sa.insert(table), [
            {"project_id": project_id, "status_automation_id": uuid.UUID(item_id)}
            for item_id in dict.fromkeys(row["status_automations"])])


def delete_instances_of_entity(session, entity_id):
    """The catalog's asset instances go with the entity they instantiate or sit in (its
    foreign keys cascade, without events of their own)."""
    session.execute(sa.delete(AssetInstance).where(sa.or_(
        AssetInstance.asset_id == entity_id, AssetInstance.scene_id == entity_id,
        AssetInstance.target_asset_id == entity_id,
        AssetInstance.row["entity_id"].astext == str(entity_id))))


def delete_tasks_of_entity(session, entity_id, actor_id=None):
    """Delete an entity's tasks, each with its `task:delete` (the old row), in the
    caller's transaction: the catalog deleted the entity."""
    rows = session.scalars(sa.select(Task).where(Task.entity_id == entity_id)).all()
    consumers.emit(session, task_batches.deletions(session, rows, actor_id))
