"""Listing assets, episodes, sequences and shots the way Zou's list routes do: by
production, or across productions with Zou's filters, only what the caller's teams allow."""
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, entities, teams
from slate_catalog.models import Entity, Project, project_person_links

def _filtered(query_args):
    return crud.filtered(entities.ENTITIES, {key: value for key, value in query_args.items()
                                    if key not in ("sequence_id", "episode_id")})


def _team_filter(me):
    if me.role == "admin":
        return sa.true()
    return Entity.project_id.in_(sa.select(project_person_links.c.project_id).where(
        project_person_links.c.person_id == me.id))


def _project_arg(query_args):
    value = query_args.get("project_id")
    value = value[0] if isinstance(value, list) else value
    if value is None:
        return None
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise errors.Invalid("Invalid UUID value: %s" % value)


def _check_criterion_project(uow, caller, project_id):
    """Zou's check_project_access on a list's project_id criterion: without one, only
    admins may list."""
    me = access.current_person(uow, caller)
    if me.role == "admin":
        return me
    if project_id is None:
        raise errors.Forbidden()
    return access.check_project_access(uow, caller, project_id)


def project_entities(uow, caller, project_id, type_name):
    """GET /data/projects/{id}/episodes|sequences|shots: by name; vendors get only those
    they have tasks on (none yet)."""
    project = teams.project_or_404(uow, project_id)
    me = access.check_project_access(uow, caller, project.id)
    type_id = entities.type_id_of(uow, type_name)
    if me.role == "vendor" or type_id is None:
        return []
    query = sa.select(Entity.__table__).where(
        Entity.entity_type_id == type_id, Entity.project_id == project.id)
    return [entities.render(row, type_name) for row in entities.read_rows(uow, query.order_by(Entity.name))]


def _assets_query(query_args):
    query = _filtered(query_args).where(entities.is_asset())
    episode_id = query_args.get("episode_id")
    if episode_id not in (None, "all"):
        try:
            query = query.where(Entity.source_id == uuid.UUID(str(episode_id)))
        except ValueError:
            raise errors.Invalid("Invalid UUID value: %s" % episode_id)
    return query


def project_assets(uow, caller, project_id, query_args):
    """GET /data/projects/{id}/assets: the production's assets, filtered as Zou's lists."""
    project = teams.project_or_404(uow, project_id)
    access.check_project_access(uow, caller, project.id)
    query = _assets_query(query_args).where(Entity.project_id == project.id)
    return [entities.render(row, "Asset") for row in entities.read_rows(uow, query.order_by(Entity.name))]


def all_assets(uow, caller, query_args):
    """GET /data/assets and /data/assets/all: assets of the caller's productions (every
    production for admins), filtered; a project_id or episode_id not theirs is a 403."""
    me = access.current_person(uow, caller)
    project_id = _project_arg(query_args)
    if project_id is None and query_args.get("episode_id") not in (None, "all", "main"):
        episode = entities.read_one(uow, query_args["episode_id"], entities.EPISODE)
        project_id = episode.project_id
    if project_id is not None:
        access.check_project_access(uow, caller, project_id)
    query = _assets_query(query_args).where(_team_filter(me))
    return [entities.render(row, "Asset") for row in entities.read_rows(uow, query.order_by(Entity.name))]


def all_episodes(uow, caller, query_args):
    """GET /data/episodes: filtered by Zou's criteria; non-admins must name a project."""
    me = _check_criterion_project(uow, caller, _project_arg(query_args))
    type_id = entities.type_id_of(uow, entities.EPISODE)
    if type_id is None or me.role == "vendor":
        return []
    query = _filtered(query_args).where(Entity.entity_type_id == type_id)
    return [entities.render(row, entities.EPISODE) for row in entities.read_rows(uow, query.order_by(Entity.name))]


def all_sequences(uow, caller, query_args):
    """GET /data/sequences: `episode_id` gives the episode's sequences."""
    args = dict(query_args)
    if args.get("episode_id") is not None:
        episode = entities.read_one(uow, args.pop("episode_id"), entities.EPISODE)
        args.update(project_id=str(episode.project_id), parent_id=str(episode.id))
    me = _check_criterion_project(uow, caller, _project_arg(args))
    type_id = entities.type_id_of(uow, entities.SEQUENCE)
    if type_id is None or me.role == "vendor":
        return []
    query = _filtered(args).where(Entity.entity_type_id == type_id)
    return [entities.render(row, entities.SEQUENCE) for row in entities.read_rows(uow, query.order_by(Entity.name))]


def all_shots(uow, caller, query_args):
    """GET /data/shots and /data/shots/all: `sequence_id` gives the sequence's shots;
    each with its project and sequence names (shots without sequence are left out, as
    Zou's join does), sorted by name whatever the case."""
    args = dict(query_args)
    if args.get("sequence_id") is not None:
        sequence = entities.read_one(uow, args.pop("sequence_id"), entities.SEQUENCE)
        args.update(project_id=str(sequence.project_id), parent_id=str(sequence.id))
    _check_criterion_project(uow, caller, _project_arg(args))
    return with_names(uow, args, entities.SHOT, sequence=True)


def with_names(uow, query_args, type_name, sequence=False):
    """The filtered entities of a kind, each with its project's name (and its sequence's:
    those without sequence are then left out, as Zou's join does), sorted by name
    whatever the case."""
    type_id = entities.type_id_of(uow, type_name)
    if type_id is None:
        return []
    inner = _filtered(query_args).where(Entity.entity_type_id == type_id).subquery()
    query = (sa.select(inner, Project.name.label("project_name"))
             .join(Project.__table__, Project.id == inner.c.project_id))
    if sequence:
        sequences = Entity.__table__.alias("sequence")
        query = query.add_columns(sequences.c.name.label("sequence_name")).join(
            sequences, sequences.c.id == inner.c.parent_id)
    found = []
    for row in uow.session.connection().execute(query).mappings():
        values = dict(row)
        names = {key: values.pop(key) for key in ("project_name", "sequence_name")
                 if key in values}
        found.append({**entities.render(schemas.Record(Entity, values), type_name), **names})
    found.sort(key=lambda item: item["name"].casefold())
    return found


# What the other entity kinds' modules (scenes, edits, concepts, sharing) build on.
filtered, team_filter, project_arg = _filtered, _team_filter, _project_arg
check_criterion_project = _check_criterion_project
