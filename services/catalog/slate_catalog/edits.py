"""Edits: entities of type "Edit", optionally under an episode, with Zou's routes, JSON
and events (`edit:new` {edit_id, parent_id}). Managers of the production create; its team
reads; vendors reach edits through their tasks only (none here)."""
import sqlalchemy as sa

from slate_catalog import entities, entity_lists
from slate_catalog.entities import EDIT, EPISODE
from slate_catalog.entity_bodies import NEW_EDIT, validate
from slate_catalog.models import Entity

# The fields of Zou's edit-with-tasks view (GET /data/edits/{id}).
FULL_FIELDS = ("canceled", "data", "description", "entity_type_id", "id", "name",
               "parent_id", "preview_file_id", "project_id", "source_id",
               "nb_entities_out", "type")


def create_edit(uow, caller, project_id, body):
    """POST /data/projects/{id}/edits {name, description?, data?, episode_id?}: 201, the
    edit (the existing one of that name under that episode, without event)."""
    values = validate(body, NEW_EDIT)

    def event_data(edit_id, episode_id):
        return {"edit_id": str(edit_id), "parent_id": str(episode_id) if episode_id else None}
    return entities.create_under(uow, caller, project_id, EDIT,
                                 (EPISODE, values["episode_id"]), event_data,
                                 name=values["name"], data=values["data"] or {},
                                 description=values["description"])


def get_edit(uow, caller, edit_id):
    """GET /data/edits/{id}: Zou's edit view, with project and episode names."""
    row = entities.read_one(uow, edit_id, EDIT)
    entities.check_read(uow, caller, row)
    rendered = entities.render(row, EDIT)
    episode = entities.read_one(uow, row.parent_id) if row.parent_id else None
    return {**{key: rendered[key] for key in FULL_FIELDS},
            "episode_id": str(episode.id) if episode else None,
            "episode_name": episode.name if episode else "",
            "project_name": entities.project_name(uow, row.project_id), "tasks": []}


def all_edits(uow, caller, query_args):
    """GET /data/edits and /data/edits/all: Zou's filters, with project names; non-admins
    name a production of theirs; vendors see the edits they have tasks on (none here)."""
    me = entity_lists.check_criterion_project(uow, caller,
                                              entity_lists.project_arg(query_args))
    if me.role == "vendor":
        return []
    return entity_lists.with_names(uow, query_args, EDIT)


def project_edits(uow, caller, project_id):
    """GET /data/projects/{id}/edits."""
    return entity_lists.project_entities(uow, caller, project_id, EDIT)


def episode_edits(uow, caller, episode_id, query_args):
    """GET /data/episodes/{id}/edits (`relations=true` adds the link lists)."""
    episode = entities.read_one(uow, episode_id, EPISODE)
    entities.check_read(uow, caller, episode)
    query = sa.select(Entity.__table__).where(
        Entity.entity_type_id == entities.type_id_of(uow, EDIT),
        Entity.parent_id == episode.id)
    render = (lambda row, kind: entities.render_with_relations(row, kind, uow)) \
        if str(query_args.get("relations")).lower() == "true" else entities.render
    return [render(row, EDIT) for row in entities.read_rows(uow, query.order_by(Entity.name))]
