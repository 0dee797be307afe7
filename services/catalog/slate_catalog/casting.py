"""Casting: which assets appear in a shot, an episode or an asset (set dressing), and how
many times. Zou's breakdown writes: replacing an entity's casting, casting one asset in
several entities, removing a link.

Zou's rules kept: production managers (and admins) cast; every entity named must belong
to the production in the path (403). Slate adds what Zou leaves to database accidents:
an entry naming no asset (unknown, malformed, a shot...) is a 404, a canceled asset or
an unshared asset of another production is a 400, and a bad `nb_occurences` is Zou's
400 "Validation error." — in every case before anything is written.
"""
import uuid

import sqlalchemy as sa

from slate_common import errors

from slate_catalog import access, casting_links, casting_reads, entities, teams
from slate_catalog.casting_links import entity_or_404, find_link
from slate_catalog.entity_bodies import REQUIRED, validate
from slate_catalog.models import Entity, EntityLink

ENTRY = (("asset_id", "uuid", REQUIRED), ("nb_occurences", "int", 1), ("label", "str", ""))
CAST_ASSET = (("nb_occurences", "int", None), ("label", "str", None))
NOT_A_LIST = "Request body must be a JSON array"


# -- validating ------------------------------------------------------------------------

def _non_negative(values, field, prefix=""):
    if values[field] is not None and values[field] < 0:
        raise errors.Invalid("Validation error.", {"errors": [{
            "field": prefix + field, "message": "Input should be greater than or equal to 0"}]})


def entries_of(casting, keep_incomplete=True):
    """The casting entries as {asset_id, nb_occurences, label}. Zou's entity route skips
    entries without asset_id or nb_occurences (keep_incomplete=False); its asset route
    defaults the count to 1."""
    if not isinstance(casting, list):
        # Zou's two routes word it differently: a bare body, or a validation error.
        raise errors.BadRequest(NOT_A_LIST) if not keep_incomplete else \
            errors.Invalid(NOT_A_LIST + ".")
    found = []
    for index, entry in enumerate(casting):
        if not keep_incomplete and not (isinstance(entry, dict) and "asset_id" in entry
                                        and "nb_occurences" in entry):
            continue
        try:
            values = validate(entry, ENTRY)
        except errors.Invalid as exc:
            raise errors.Invalid(exc.message, {"errors": [
                {**problem, "field": "%d.%s" % (index, problem["field"])}
                for problem in exc.data["errors"]]})
        _non_negative(values, "nb_occurences", "%d." % index)
        values["label"] = values["label"] or ""
        found.append(values)
    return found


def check_castable(uow, entity, asset_ids):
    """Each id must be an asset (404), not canceled, of the entity's production or
    shared (400), and not the entity itself."""
    ids = list(dict.fromkeys(uuid.UUID(str(asset_id)) for asset_id in asset_ids))
    rows = {row.id: row for row in uow.session.scalars(
        sa.select(Entity).where(Entity.id.in_(ids), entities.is_asset()))} if ids else {}
    for asset_id in ids:
        asset = rows.get(asset_id)
        if asset is None:
            raise errors.NotFound()
        if asset.canceled or asset.id == entity.id:
            raise errors.Invalid("Asset %s cannot be cast: it is %s." % (
                asset_id, "canceled" if asset.canceled else "the entity itself"))
        if asset.project_id != entity.project_id and not asset.is_shared:
            raise errors.Invalid("Asset %s belongs to another production and is not "
                                 "shared." % asset_id)


def _entity_ids(body):
    """The body's `entity_ids`: a non-empty list of UUIDs (pydantic's messages)."""
    ids = body.get("entity_ids")
    problem = None
    if ids is None:
        problem = ("entity_ids", "Field required")
    elif not isinstance(ids, list):
        problem = ("entity_ids", "Input should be a valid list")
    elif not ids:
        problem = ("entity_ids", "List should have at least 1 item after validation, "
                                 "not 0")
    else:
        for index, value in enumerate(ids):
            try:
                uuid.UUID(str(value))
            except ValueError:
                problem = ("entity_ids.%d" % index, "Input should be a valid UUID")
    if problem:
        raise errors.Invalid("Validation error.", {"errors": [
            {"field": problem[0], "message": problem[1]}]})
    return [str(uuid.UUID(str(value))) for value in ids]


def _managed_project(uow, caller, project_id):
    """Zou's check_manager_project_access on the path's production."""
    project = teams.project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    return project


def _entities_in_project(uow, caller, project_id, entity_ids):
    """Zou's check_entities_belong_to_project, after the manager check."""
    project = _managed_project(uow, caller, project_id)
    found = [entity_or_404(uow, entity_id) for entity_id in entity_ids]
    if any(entity.project_id != project.id for entity in found):
        raise errors.Forbidden()
    return found


# -- writing ---------------------------------------------------------------------------

def replace_casting(uow, entity, entries):
    """The entity's casting becomes `entries`: links of assets not named go (on an
    episode, from its shots too), the others are created or updated."""
    wanted = {uuid.UUID(entry["asset_id"]): entry for entry in entries}
    check_castable(uow, entity, wanted)
    is_episode = casting_links.kind_of(uow, entity) == entities.EPISODE
    current = {link.entity_out_id: link for link in uow.session.scalars(
        sa.select(EntityLink).where(EntityLink.entity_in_id == entity.id))}
    removed = [asset_id for asset_id in current if asset_id not in wanted]
    for asset_id in removed:
        if is_episode:
            casting_links.remove_from_episode_shots(uow, entity, asset_id)
        casting_links.drop_link(uow, current[asset_id], entity.project_id)
    for asset_id, entry in wanted.items():
        _cast(uow, entity, asset_id, current.get(asset_id), entry["nb_occurences"],
              entry["label"])
        if is_episode:
            casting_links.asset_updated(uow, asset_id, entity.project_id)
    casting_links.announce(uow, entity, [str(i) for i in wanted if i not in current],
                           [str(i) for i in removed])


def _cast(uow, entity, asset_id, link, nb_occurences, label):
    if link is None:
        if casting_links.kind_of(uow, entity) == entities.SHOT:
            casting_links.mirror_in_episode(uow, entity, asset_id, label)
        casting_links.create_link(uow, entity, asset_id, nb_occurences, label)
    else:
        casting_links.update_link(uow, entity, link, nb_occurences, label)


def update_entity_casting(uow, caller, project_id, entity_id, casting):
    """PUT /data/projects/{id}/entities/{id}/casting: the casting list as given."""
    entries = entries_of(casting, keep_incomplete=False)
    entity, = _entities_in_project(uow, caller, project_id, [entity_id])
    replace_casting(uow, entity, entries)
    return casting


def update_entities_casting(uow, caller, project_id, castings):
    """PUT /data/projects/{id}/entities/casting {entity_id: [entries]}."""
    if not isinstance(castings, dict) or not all(
            isinstance(casting, list) for casting in castings.values()):
        raise errors.BadRequest("Request body must be a JSON object mapping entity ids "
                                "to casting arrays")
    entries = {key: entries_of(value, keep_incomplete=False)
               for key, value in castings.items()}
    found = _entities_in_project(uow, caller, project_id, list(castings))
    pairs = list(zip(found, castings))
    for entity, key in pairs:  # every casting checked before any is written
        check_castable(uow, entity, [entry["asset_id"] for entry in entries[key]])
    for entity, key in pairs:
        replace_casting(uow, entity, entries[key])
    return castings


def update_asset_casting(uow, caller, asset_id, casting):
    """PUT /data/assets/{id}/casting: entries default to one occurrence, no label."""
    entries = entries_of(casting)
    asset = entities.read_one(uow, asset_id, "Asset")
    access.check_manager_project_access(uow, caller, asset.project_id)
    replace_casting(uow, entity_or_404(uow, asset.id), entries)
    return [{**entry} for entry in entries]


def cast_asset_in_entities(uow, caller, project_id, asset_id, body):
    """PUT /data/projects/{id}/entities/casting/assets/{id} {entity_ids, nb_occurences?,
    label?}: cast (or, with 0 occurrences, uncast) one asset in each entity, leaving
    their other assets alone; {entity_id: its casting}."""
    values = validate(body, CAST_ASSET)
    _non_negative(values, "nb_occurences")
    entity_ids = _entity_ids(body or {})
    _managed_project(uow, caller, project_id)
    asset = entities.read_one(uow, asset_id, "Asset")
    found = _entities_in_project(uow, caller, project_id, entity_ids)
    for entity in found:
        if values["nb_occurences"] == 0:
            uncast(uow, entity, asset.id)
        else:
            check_castable(uow, entity, [asset.id])
            _cast_one(uow, entity, asset.id, values["nb_occurences"], values["label"])
    return {str(entity.id): casting_reads.casting_of(uow, entity.id) for entity in found}


def _cast_one(uow, entity, asset_id, nb_occurences, label):
    """Zou's cast_asset: a count or label of None keeps the link's (1 and "" if new)."""
    link = find_link(uow, entity.id, asset_id)
    if nb_occurences is None:
        nb_occurences = link.nb_occurences if link else 1
    if label is None:
        label = link.label if link else ""
    _cast(uow, entity, asset_id, link, nb_occurences, label)
    if casting_links.kind_of(uow, entity) == entities.EPISODE:
        casting_links.asset_updated(uow, asset_id, entity.project_id)
    casting_links.announce(uow, entity, [] if link else [str(asset_id)], [])


def uncast(uow, entity, asset_id, cascade_to_shots=True):
    """Zou's uncast_asset: nothing happens when the asset is not cast."""
    link = find_link(uow, entity.id, asset_id)
    if link is None:
        return
    if cascade_to_shots and casting_links.kind_of(uow, entity) == entities.EPISODE:
        casting_links.remove_from_episode_shots(uow, entity, asset_id)
    casting_links.drop_link(uow, link, entity.project_id)
    casting_links.announce(uow, entity, [], [str(asset_id)])


def remove_entity_link(uow, caller, project_id, link_id):
    """DELETE /data/projects/{id}/entity-links/{id}: uncast without touching an
    episode's shots; answers the removed link."""
    project = _managed_project(uow, caller, project_id)
    link = casting_links.row_or_404(uow, EntityLink, link_id)
    entity = entity_or_404(uow, link.entity_in_id)
    if entity.project_id != project.id:
        raise errors.Forbidden()
    out = casting_links.ENTITY_LINKS.to_json(link)
    uncast(uow, entity, link.entity_out_id, cascade_to_shots=False)
    return out
