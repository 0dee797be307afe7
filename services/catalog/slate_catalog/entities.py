"""Assets, episodes, sequences and shots: rows of Zou's one `entities` table, told apart
by their entity type, with Zou's routes, JSON, events and access rules.

Zou's rules kept here: managers of a production's team (and admins) create; its team
reads; a sequence or episode of another production is a 404, as Zou's
Sequence/EpisodeNotFound; episodes, sequences and shots of a name already taken are
answered with the existing row (201, no event), assets are not (Zou allows duplicates).
An asset's or shot's `tasks` come from the read model of the tasks service's tasks
(entity_tasks.py); `entity_concept_links` (concepts) is served empty; the casting
relations come from the breakdown's tables (entity_relations.py). Vendors see only
entities they have tasks on: none until the tasks service exists.
"""
import dataclasses
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas, task_fields

from slate_catalog import access, entity_relations, entity_tasks, entity_types, events, teams
from slate_catalog.entity_bodies import NEW_ASSET, NEW_EPISODE, NEW_SEQUENCE, NEW_SHOT, validate
from slate_catalog.models import ENTITY_STATUSES, Entity, EntityType, Project

EPISODE, SEQUENCE, SHOT = "Episode", "Sequence", "Shot"
SCENE, EDIT, CONCEPT, CONCEPT_FOLDER = "Scene", "Edit", "Concept", "ConceptFolder"
UNOWNED_RELATIONS = ("entities_out", "entity_concept_links", "instance_casting",
                     "entities_in")
# What PUT /data/entities/{id} never changes (Zou's protected fields).
PROTECTED = frozenset({"id", "created_at", "updated_at", "type", "project_id",
                       "shotgun_id", "created_by", *UNOWNED_RELATIONS})
UUID_COLUMNS = ("parent_id", "source_id", "preview_file_id", "ready_for",
                "entity_type_id")


ENTITIES = crud.CrudModel(name="entities", model=Entity, event=events.ASSET,
                          order_by=("name",), protected=PROTECTED,
                          unique_message="An entity with this name already exists.")
SPECS = {name: dataclasses.replace(ENTITIES, event=event) for name, event in (
    ("Asset", events.ASSET), (EPISODE, events.EPISODE), (SEQUENCE, events.SEQUENCE),
    (SHOT, events.SHOT), (SCENE, events.SCENE), (EDIT, events.EDIT),
    (CONCEPT, events.CONCEPT), (CONCEPT_FOLDER, events.CONCEPT_FOLDER))}


# -- types -----------------------------------------------------------------------------

def type_row(uow, name, create=False):
    """The temporal entity type of this name (created with its event when writing)."""
    key = "entity-type:" + name
    if key not in uow.memo:
        if create:
            row = entity_types.entity_type_named(uow, name, events.ENTITY_TYPE)
        else:
            row = uow.session.scalars(sa.select(EntityType).where(
                sa.func.lower(EntityType.name) == name.lower())).first()
        if row is None:
            return None
        uow.memo[key] = row
    return uow.memo[key]


def type_id_of(uow, name):
    row = type_row(uow, name)
    return row.id if row is not None else None


def base_type_name(uow, entity_type_id):
    """Zou's name for an entity's kind: Shot, Sequence, Episode... or Asset."""
    name = uow.session.scalar(sa.select(EntityType.name).where(
        EntityType.id == entity_type_id))
    return name if name in entity_types.TEMPORAL_TYPES else "Asset"


# -- reading ---------------------------------------------------------------------------

def read_rows(uow, query):
    return crud.read_records(uow, Entity, query, relations=False)


def read_one(uow, entity_id, type_name=None, exception=errors.NotFound):
    """The entity (of this temporal type, or an asset when type_name is "Asset"), or
    Zou's not-found; a malformed id is a not-found too."""
    try:
        entity_uuid = uuid.UUID(str(entity_id))
    except ValueError:
        raise exception()
    table = Entity.__table__
    query = sa.select(table).where(table.c.id == entity_uuid)
    if type_name == "Asset":
        query = query.where(is_asset())
    elif type_name:
        query = query.where(table.c.entity_type_id == type_id_of(uow, type_name))
    found = read_rows(uow, query)
    if not found:
        raise exception()
    return found[0]


def is_asset():
    """Entities whose type is not temporal: assets."""
    return Entity.entity_type_id.in_(
        sa.select(EntityType.id).where(entity_types.is_asset_type()))


def render(row, type_name):
    out = schemas.render(row, relations=False)
    out["type"] = type_name
    return out


def render_with_relations(row, type_name, uow=None):
    """The row as Zou serialises it with relations: its casting links, read through
    `uow` (empty without one)."""
    out = render(row, type_name)
    out.update(entity_relations.relations_of(uow, row.id) if uow is not None
               else {name: [] for name in UNOWNED_RELATIONS})
    return out


def _project_name(uow, project_id):
    return uow.session.scalar(sa.select(Project.name).where(Project.id == project_id))


def _check_read(uow, caller, row):
    """Zou's check_project_access and check_entity_access for one entity."""
    me = access.check_project_access(uow, caller, row.project_id)
    if me.role == "vendor":
        raise errors.Forbidden()  # vendors reach entities through their tasks only
    return me


check_read = _check_read  # shared with the breakdown's reads (casting_reads.py)


# -- creating --------------------------------------------------------------------------

def _existing(uow, type_id, project_id, name, parent_id=()):
    query = sa.select(Entity).where(Entity.entity_type_id == type_id,
                                    Entity.project_id == project_id, Entity.name == name)
    if parent_id != ():
        query = query.where(Entity.parent_id.is_(None) if parent_id is None
                            else Entity.parent_id == parent_id)
    return uow.session.scalars(query.order_by(Entity.created_at)).first()


def _new(uow, spec, event_data, **values):
    """Insert an entity; emits `<kind>:new` with `event_data` (None: {<kind>_id})."""
    return crud.insert_row(uow, spec, Entity(**values), event_data)


def _writable_project(uow, caller, project_id):
    project = teams.project_or_404(uow, project_id)
    me = access.check_manager_project_access(uow, caller, project.id)
    return project, me


def create_asset(uow, caller, project_id, asset_type_id, body):
    """POST /data/projects/{id}/asset-types/{id}/assets/new: 201, the asset; emits
    asset:new with asset_type."""
    values = validate(body, NEW_ASSET)
    project, me = _writable_project(uow, caller, project_id)
    try:
        asset_type = crud.read_record(uow, entity_types.ASSET_TYPES, asset_type_id)
    except errors.MalformedId:
        raise errors.NotFound()
    if asset_type.name in entity_types.TEMPORAL_TYPES:
        raise errors.NotFound()
    source_id, asset_id = values["episode_id"], uuid.uuid4()
    row = _new(uow, SPECS["Asset"], {"asset_id": str(asset_id),
                                     "asset_type": str(asset_type.id)},
               id=asset_id, project_id=project.id,
               entity_type_id=asset_type.id, name=values["name"],
               description=values["description"], data=values["data"],
               is_shared=bool(values["is_shared"]),
               source_id=uuid.UUID(source_id) if source_id else None, created_by=me.id)
    return render(row, "Asset")


def create_episode(uow, caller, project_id, body):
    """POST /data/projects/{id}/episodes: 201, the episode (the existing one of that
    name, without event); emits episode:new."""
    values = validate(body, NEW_EPISODE)
    project, me = _writable_project(uow, caller, project_id)
    type_id = type_row(uow, EPISODE, create=True).id
    row = _existing(uow, type_id, project.id, values["name"])
    if row is None:
        status = values["status"] if values["status"] in ENTITY_STATUSES else "running"
        row = _new(uow, SPECS[EPISODE], None, id=uuid.uuid4(), entity_type_id=type_id,
                   project_id=project.id, name=values["name"], status=status,
                   description=values["description"], data=values["data"] or {},
                   created_by=me.id)
    return render(row, EPISODE)


def _parent_in(uow, project, parent_id, type_name):
    """The episode or sequence a new row goes under (None without one); one of another
    production is a 404, as Zou's Episode/SequenceNotFound."""
    if parent_id is None:
        return None
    parent = read_one(uow, parent_id, type_name)
    if parent.project_id != project.id:
        raise errors.NotFound()
    return parent


def create_sequence(uow, caller, project_id, body):
    """POST /data/projects/{id}/sequences {name, episode_id?}: an episode of another
    production is a 404; emits sequence:new."""
    values = validate(body, NEW_SEQUENCE)
    project, me = _writable_project(uow, caller, project_id)
    episode = _parent_in(uow, project, values["episode_id"], EPISODE)
    episode_id = episode.id if episode is not None else None
    type_id = type_row(uow, SEQUENCE, create=True).id
    row = _existing(uow, type_id, project.id, values["name"], episode_id)
    if row is None:
        row = _new(uow, SPECS[SEQUENCE], None, id=uuid.uuid4(), entity_type_id=type_id,
                   project_id=project.id, parent_id=episode_id, name=values["name"],
                   description=values["description"], data=values["data"] or {},
                   created_by=me.id)
    return render(row, SEQUENCE)


def create_shot(uow, caller, project_id, body):
    """POST /data/projects/{id}/shots {name, sequence_id?, nb_frames?, data?}: a
    sequence of another production is a 404; emits shot:new with the episode of its
    sequence."""
    values = validate(body, NEW_SHOT)
    project, me = _writable_project(uow, caller, project_id)
    sequence = _parent_in(uow, project, values["sequence_id"], SEQUENCE)
    sequence_id = sequence.id if sequence is not None else None
    type_id = type_row(uow, SHOT, create=True).id
    row = _existing(uow, type_id, project.id, values["name"], sequence_id)
    if row is None:
        episode_id = sequence.parent_id if sequence is not None else None
        shot_id = uuid.uuid4()
        row = _new(uow, SPECS[SHOT], {
            "shot_id": str(shot_id), "episode_id": str(episode_id) if episode_id else None},
            id=shot_id, entity_type_id=type_id, project_id=project.id,
            parent_id=sequence_id, name=values["name"], data=values["data"] or {},
            nb_frames=values["nb_frames"], description=values["description"],
            created_by=me.id)
    return render(row, SHOT)


# -- reading one -----------------------------------------------------------------------

def get_asset(uow, caller, asset_id):
    """GET /data/assets/{id}: Zou's full asset (project and type names, main episode,
    the episodes it is cast in, its tasks from the tasks read model)."""
    row = read_one(uow, asset_id, "Asset")
    _check_read(uow, caller, row)
    out = render_with_relations(row, "Asset", uow)
    del out["source_id"], out["nb_frames"]
    asset_type_name = uow.session.scalar(sa.select(EntityType.name).where(
        EntityType.id == row.entity_type_id))
    out.update({
        "project_name": _project_name(uow, row.project_id),
        "asset_type_id": str(row.entity_type_id), "asset_type_name": asset_type_name,
        # Zou's asset-with-tasks view renders these two as strings, None included.
        "preview_file_id": str(row.preview_file_id or ""), "ready_for": str(row.ready_for),
        "episode_id": str(row.source_id) if row.source_id else "",
        "casting_episode_ids": entity_relations.casting_episode_ids(uow, row.id),
        "tasks": _tasks(uow, caller, row, task_fields.ASSET_TASK_FIELDS)})
    return out


def _tasks(uow, caller, row, fields):
    """The entity's tasks as Zou's boards show them (blank for a client)."""
    client = access.current_person(uow, caller).role == "client"
    return entity_tasks.tasks_json(uow, row.id, fields, client)


def get_episode(uow, caller, episode_id):
    """GET /data/episodes/{id}: the episode with its project's name."""
    row = read_one(uow, episode_id, EPISODE)
    _check_read(uow, caller, row)
    return {**render(row, EPISODE), "project_name": _project_name(uow, row.project_id)}


def get_sequence(uow, caller, sequence_id):
    """GET /data/sequences/{id}: with its project's name and its episode, if any."""
    row = read_one(uow, sequence_id, SEQUENCE)
    _check_read(uow, caller, row)
    out = {**render(row, SEQUENCE), "project_name": _project_name(uow, row.project_id)}
    if row.parent_id is not None:
        episode = read_one(uow, row.parent_id, EPISODE)
        out.update({"episode_id": str(episode.id), "episode_name": episode.name})
    return out


def get_shot(uow, caller, shot_id):
    """GET /data/shots/{id}: with project, sequence and episode names and frame data;
    a shot without sequence is not found, as in Zou (its view joins the sequence)."""
    row = read_one(uow, shot_id, SHOT)
    if row.parent_id is None:
        raise errors.NotFound()
    _check_read(uow, caller, row)
    sequence = read_one(uow, row.parent_id)
    episode = read_one(uow, sequence.parent_id) if sequence.parent_id else None
    data = row.data or {}
    return {**render_with_relations(row, SHOT, uow),
            "project_name": _project_name(uow, row.project_id),
            "sequence_id": str(sequence.id), "sequence_name": sequence.name,
            "episode_id": str(episode.id) if episode else None,
            "episode_name": episode.name if episode else "",
            "fps": data.get("fps"), "frame_in": data.get("frame_in"),
            "frame_out": data.get("frame_out"),
            "tasks": _tasks(uow, caller, row, task_fields.SHOT_TASK_FIELDS)}


# -- generic entity routes -------------------------------------------------------------

def get_entity(uow, caller, entity_id):
    """GET /data/entities/{id}: any entity, typed as Zou names its kind, with relations."""
    row = crud.read_record(uow, ENTITIES, entity_id)
    _check_read(uow, caller, row)
    return render_with_relations(row, base_type_name(uow, row.entity_type_id), uow)


def _check_update(uow, caller, row, body):
    """Zou's check_metadata_department_access: admins; team managers and the author;
    team supervisors for `data` alone."""
    me = access.current_person(uow, caller)
    if me.role == "admin":
        return me
    if not access.in_team(uow, row.project_id, me.id):
        raise errors.Forbidden()
    if me.role == "manager" or row.created_by == me.id:
        return me
    if me.role == "supervisor" and set(body) <= {"data"}:
        return me
    raise errors.Forbidden()


def _check_unique(uow, row, values):
    name = values.get("name", row.name)
    type_id = values.get("entity_type_id", row.entity_type_id)
    parent_id = values.get("parent_id", row.parent_id)
    if (name, type_id, parent_id) == (row.name, row.entity_type_id, row.parent_id):
        return
    query = sa.select(Entity.id).where(
        Entity.name == name, Entity.project_id == row.project_id,
        Entity.entity_type_id == type_id, Entity.id != row.id,
        Entity.parent_id.is_(None) if parent_id is None else Entity.parent_id == parent_id)
    if uow.session.scalar(query) is not None:
        raise errors.Invalid(
            "An entity with name '%s', project_id '%s', entity_type_id '%s', and "
            "parent_id '%s' already exists. The combination of these fields must be "
            "unique." % (name, row.project_id, type_id, parent_id))


def update_entity(uow, caller, entity_id, body):
    """PUT /data/entities/{id}: Zou's entity update. `data` is merged into the stored
    one; protected and unknown keys are ignored; emits `<kind>:update` ({<kind>_id})
    with each changed field."""
    if body is None:
        raise errors.Invalid(schemas.EMPTY_BODY)
    if not isinstance(body, dict):
        raise errors.BadRequest()
    row = crud.fetch(uow, ENTITIES, entity_id)
    _check_update(uow, caller, row, body)
    body = {key: value for key, value in body.items() if key not in PROTECTED}
    for key in UUID_COLUMNS:
        if body.get(key) in ("", "null", "None"):
            body[key] = None
    if "status" in body and body["status"] not in ENTITY_STATUSES:
        raise errors.Invalid("Invalid status")
    values = schemas.load(Entity, body, partial=True, ignore=PROTECTED)
    data = dict(row.data or {})
    data.update(values.get("data") or {})
    values["data"] = data
    _check_unique(uow, row, values)
    type_name = base_type_name(uow, row.entity_type_id)
    spec = SPECS[type_name]

    def change():
        for key, value in values.items():
            setattr(row, key, value)
    crud.record_update(uow, spec, row, change)
    return render_with_relations(row, type_name, uow)


# What the other entity kinds' modules (scenes, edits, concepts) build on.
existing, insert, check_read, project_name = _existing, _new, _check_read, _project_name


def create_under(uow, caller, project_id, kind, parent, event_data=None, **values):
    """Create an entity of `kind` in a production, under `parent` = (kind, id or None)
    when given (another production's parent is a 404); the existing one of that name
    under that parent is answered instead, without event. `event_data(new id, parent id)`
    gives the `:new` event's data (default {<kind>_id}). Returns the rendered row."""
    project, me = _writable_project(uow, caller, project_id)
    found = _parent_in(uow, project, parent[1], parent[0])
    parent_id = found.id if found is not None else None
    type_id = type_row(uow, kind, create=True).id
    row = _existing(uow, type_id, project.id, values["name"], parent_id)
    if row is None:
        row_id = uuid.uuid4()
        row = _new(uow, SPECS[kind], event_data(row_id, parent_id) if event_data else None,
                   id=row_id, entity_type_id=type_id, project_id=project.id,
                   parent_id=parent_id, created_by=me.id, **values)
    return render(row, kind)
