"""POST /data/search: Zou's search of persons, assets and shots by name, answered with
SQL on the read models (Zou asks its indexer when one is configured; the documents it
indexes are the ones matched here): a person's full name; an asset's name with its
type's, its description and metadata values; a shot's name, description and metadata.
Queries under 3 characters find nothing. Entities come from the open productions the
caller may see (admins: all; `project_id` narrows), vendors only those they have a task
on, without metadata (Zou masks the descriptors a vendor's departments don't see; the
descriptors are the catalog's). Each hit lists the fields it matched (`matched_terms`).
Preview files are the media service's: `preview_file_extension` is null.
"""
import sqlalchemy as sa
from sqlalchemy import orm

from slate_common import errors, person_model
from slate_common.validation import REQUIRED, validate

from slate_tasks import access, tasks, user_home
from slate_tasks.models import Entity, EntityType, Person, Project, ProjectStatus, Task, \
    task_person_links

BODY = (("query", "str", REQUIRED), ("project_id", "uuid", None), ("limit", "int", 3),
        ("offset", "int", 0), ("index_names", "strlist",
                               lambda: ["assets", "shots", "persons"]))
Sequence = orm.aliased(Entity, name="sequence")
Episode = orm.aliased(Entity, name="episode")


def search(uow, caller, body):
    me = access.current_person(uow, caller)
    args = validate(body, BODY)
    _check_bounds(args)
    if len(args["query"]) < 3:
        return {}
    found = {}
    if "persons" in args["index_names"]:
        found["persons"] = _persons(uow, me, args)
    projects = _projects(me, args["project_id"])
    if "assets" in args["index_names"]:
        found["assets"] = [_asset_json(uow, hit) for hit in _entities(uow, me, args,
                                                                      projects, asset=True)]
    if "shots" in args["index_names"]:
        found["shots"] = [_shot_json(uow, row) for row in _entities(uow, me, args, projects,
                                                                    asset=False)]
    return found


def _check_bounds(args):
    problems = [{"field": name, "message": "Input should be greater than or equal to %d"
                 % least} for name, least in (("limit", 1), ("offset", 0))
                if args[name] is not None and args[name] < least]
    if problems:
        raise errors.Invalid("Validation error.", {"errors": problems})


def _projects(me, project_id):
    """Ids of the open productions searched."""
    query = (sa.select(Project.id).join(ProjectStatus,
                                        ProjectStatus.id == Project.project_status_id)
             .where(ProjectStatus.name.in_(access.OPEN_NAMES)))
    if me.role != "admin":
        query = query.where(Project.id.in_(access.open_team_projects(me.id)))
    if project_id is not None:
        query = query.where(Project.id == access.as_uuid(project_id))
    return query


def _persons(uow, me, args):
    needle = args["query"].casefold()
    people = [person for person in uow.session.scalars(
        sa.select(Person).where(Person.active.is_(True)))
        if needle in person_model.full_name(person.profile).casefold()
        and not person.profile.get("preview_project_id")]
    people.sort(key=lambda person: person_model.full_name(person.profile).casefold())
    window = people[args["offset"]:args["offset"] + args["limit"]]
    rendered = [{**person.profile, "type": "Person",
                 "full_name": person_model.full_name(person.profile)} for person in window]
    if me.role != "admin":
        rendered = [{key: person.get(key) for key in user_home.MINIMAL}
                    for person in rendered]
    return [{**person, "matched_terms": ["name"]} for person in rendered]


def _searched_name(asset):
    """The name the indexer holds: the asset type's (assets) or the episode's and
    sequence's (shots) names, the name, and the name with `_` and `-` as spaces."""
    name = Entity.name + " " + sa.func.replace(sa.func.replace(Entity.name, "_", " "), "-",
                                               " ")
    if asset:
        return EntityType.name + " " + name
    return (sa.func.coalesce(Episode.name + " ", "") + sa.func.coalesce(Sequence.name + " ", "")
            + name)


def _entities(uow, me, args, projects, asset):
    """(entity, type name, matched fields, masked) of the hits, sorted by name; in the
    productions where the caller is a vendor, only the entities they have a task on,
    their metadata masked."""
    needle = args["query"].casefold()
    pattern = "%%%s%%" % args["query"].replace("%", r"\%").replace("_", r"\_")
    searched = _searched_name(asset)
    fields = {"name": searched.ilike(pattern),
              "description": Entity.row["description"].astext.ilike(pattern),
              "metadatas": sa.cast(Entity.row["data"], sa.Text).ilike(pattern)}
    query = (sa.select(Entity, EntityType.name)
             .join(EntityType, EntityType.id == Entity.entity_type_id)
             .outerjoin(Sequence, Sequence.id == Entity.parent_id)
             .outerjoin(Episode, Episode.id == Sequence.parent_id)
             .where(EntityType.name.notin_(tasks.TEMPORAL_TYPES) if asset
                    else EntityType.name == "Shot",
                    Entity.project_id.in_(projects), sa.or_(*fields.values()))
             .order_by(searched, Entity.id).offset(args["offset"]).limit(args["limit"]))
    vendor_in = set() if me.role == "admin" else {
        project_id for project_id, role in access.production_roles(uow, me).items()
        if role == "vendor"}
    if vendor_in:
        query = query.where(sa.or_(Entity.project_id.notin_(vendor_in), Entity.id.in_(
            sa.select(Task.entity_id).join(
                task_person_links, task_person_links.c.task_id == Task.id).where(
                task_person_links.c.person_id == me.id))))
    return [(entity, type_name, _matched(entity, searched_name, needle),
             entity.project_id in vendor_in)
            for entity, type_name, searched_name in uow.session.execute(
                query.add_columns(searched))]


def _matched(entity, searched_name, needle):
    """The fields a hit matched: name, description, or its metadata's keys."""
    found = ["name"] if needle in searched_name.casefold() else []
    if needle in (entity.row.get("description") or "").casefold():
        found.append("description")
    data = entity.row.get("data") or {}
    return found + [key for key, value in data.items() if needle in str(value).casefold()]


def _entity_json(uow, hit, kind):
    """The entity's row as Zou serialises a hit, with its production's name."""
    entity, _, matched, masked = hit
    project = uow.session.get(Project, entity.project_id)
    found = {**entity.row, "type": kind, "matched_terms": matched,
             "preview_file_extension": None,
             "project_name": project.name if project else ""}
    if masked:
        found["data"] = {}
    return found, project


def _asset_json(uow, hit):
    found, _ = _entity_json(uow, hit, "Asset")
    return {**found, "asset_type_name": hit[1]}


def _shot_json(uow, hit):
    found, project = _entity_json(uow, hit, "Shot")
    entity = hit[0]
    sequence = entity.parent_id and uow.session.get(Entity, entity.parent_id)
    found["sequence_name"] = sequence.name if sequence else ""
    if project is not None and project.row.get("production_type") == "tvshow" \
            and sequence is not None and sequence.parent_id is not None:
        episode = uow.session.get(Entity, sequence.parent_id)
        if episode is not None:
            found.update(episode=episode.name, episode_id=str(episode.id))
    return found
