"""An asset instance's output files (Zou's files blueprint, /data/asset-instances/{id}):
what one instance of an asset publishes in a shot or scene, its "temporal entity".
They are output files of the instance's asset that carry `asset_instance_id` and
`temporal_entity_id`, numbered apart from the asset's own; their paths come from the
file tree's `instance` template (`instance_asset` for an instance inside an asset),
the asset's tokens from the asset and the others from the shot or scene. Access as
Zou: the asset's production team; the path also keeps vendors to their entities."""
import dataclasses

import sqlalchemy as sa

from slate_common import crud, errors, validation
from slate_common.validation import REQUIRED

from slate_tasks import access, file_crud, file_paths, file_trees, output_publication
from slate_tasks.file_models import OutputFile, OutputType
from slate_tasks.models import AssetInstance, TaskType
from slate_tasks.output_files import Refused, filtered, last_of_each, required, rows

KINDS = (("output_type_id", "name", REQUIRED), ("task_type_id", "name", REQUIRED))
PATH_BODY = (("name", "str", "main"), ("mode", "str", "output"), *KINDS,
             ("revision", "int", 0), ("representation", "str", ""),
             ("separator", "str", "/"))
NEW_BODY = (("name", "str", "main"), *KINDS, ("person_id", "str", None),
            ("working_file_id", "str", None), ("comment", "str", ""), ("revision", "int", 0),
            ("extension", "str", ""), ("representation", "str", ""),
            ("nb_elements", "int", 1), ("sep", "str", "/"), ("file_status_id", "str", None))
NEXT_BODY = (("name", "str", "main"), *KINDS)


def _validated(body, fields):
    """Zou's schema check; a null counts as absent (its default)."""
    if isinstance(body, dict):
        body = {key: value for key, value in body.items() if value is not None}
    return validation.validate(body, fields)


def _instance(uow, caller, instance_id):
    """The asset instance (read model) and its asset; 404 when either is unknown."""
    row_id = access.as_uuid(instance_id, errors.NotFound)
    instance = access.refreshed(uow, caller, lambda: uow.session.get(AssetInstance, row_id))
    if instance is None:
        raise errors.NotFound()
    return instance, access.entity_or_404(uow, caller, instance.asset_id)


def _readable(uow, caller, instance_id):
    instance, asset = _instance(uow, caller, instance_id)
    access.check_project_access(uow, caller, asset.project_id)
    return instance


def _in(instance, temporal_entity_id):
    """The output files of an instance in one shot or scene (a path id, not looked up,
    as Zou)."""
    return (OutputFile.asset_instance_id == instance.id,
            OutputFile.temporal_entity_id == _temporal_id(temporal_entity_id))


def _temporal_id(temporal_entity_id):
    return access.as_uuid(temporal_entity_id, errors.NotFound)


def _ctx(uow, instance, asset, temporal, output_type, task_type, values, revision):
    return output_publication.output_ctx(
        uow, temporal.id, output_type, task_type, values, revision,
        instance={**instance.row, "id": str(instance.id)},
        asset=file_trees.entity_dict(uow.session, asset.id))


# -- paths and publication -------------------------------------------------------------

def output_file_path(uow, caller, instance_id, temporal_entity_id, body):
    """POST .../output-file-path: {folder_path, file_name} for the revision given (0
    when none, as Zou), or a malformed tree's 400."""
    values = _validated(body, PATH_BODY)
    instance, asset = _instance(uow, caller, instance_id)
    temporal = access.entity_or_404(uow, caller, temporal_entity_id)
    output_type = required(uow, OutputType, values["output_type_id"])
    task_type = required(uow, TaskType, values["task_type_id"])
    me = access.check_project_access(uow, caller, asset.project_id)
    access.check_entity_access(uow, me, asset.id)
    ctx = _ctx(uow, instance, asset, temporal, output_type, task_type, values,
               values["revision"])
    return file_paths.path_reply(body, lambda: {
        "folder_path": file_trees.folder_path(ctx, values["mode"], values["separator"]),
        "file_name": file_trees.file_name(dataclasses.replace(ctx, representation=""),
                                          values["mode"])})


def new_output_file(uow, caller, instance_id, temporal_entity_id, body):
    """POST .../output-files/new: the output file with its paths (201), or Zou's 400
    `{"message"}` (an unknown output type or person, an existing revision, a malformed
    tree)."""
    try:
        return _publish(uow, caller, instance_id, temporal_entity_id, body), 201
    except Refused as exc:
        return {"message": str(exc)}, 400


def _publish(uow, caller, instance_id, temporal_entity_id, body):
    values = _validated(body, NEW_BODY)
    instance, asset = _instance(uow, caller, instance_id)
    temporal = access.entity_or_404(uow, caller, temporal_entity_id)
    access.check_project_access(uow, caller, asset.project_id)
    output_type, task_type, person = output_publication.kinds_and_author(uow, caller, values)
    revision = values["revision"] if values["revision"] >= 1 else \
        file_paths.next_output_revision(uow, asset.id, output_type.id, task_type.id,
                                        values["name"], instance.id, temporal.id)
    paths = output_publication.rendered(_ctx(
        uow, instance, asset, temporal, output_type, task_type, values, revision), values)
    return output_publication.store(
        uow, values, paths, asset.project_id, entity_id=asset.id,
        asset_instance_id=instance.id, temporal_entity_id=temporal.id, person_id=person.id,
        output_type_id=output_type.id, task_type_id=task_type.id, revision=revision)


def next_revision(uow, caller, instance_id, temporal_entity_id, body):
    """POST .../output-files/next-revision {output_type_id, task_type_id, name}."""
    values = _validated(body, NEXT_BODY)
    instance, asset = _instance(uow, caller, instance_id)
    output_type = required(uow, OutputType, values["output_type_id"])
    task_type = required(uow, TaskType, values["task_type_id"])
    access.check_project_access(uow, caller, asset.project_id)
    return {"next_revision": file_paths.next_output_revision(
        uow, asset.id, output_type.id, task_type.id, values["name"], instance.id,
        _temporal_id(temporal_entity_id))}


# -- listings --------------------------------------------------------------------------

def last_output_files(uow, caller, instance_id, temporal_entity_id, query):
    """GET .../output-files/last-revisions: the last revision of each kind of output."""
    instance = _readable(uow, caller, instance_id)
    return last_of_each(uow, _in(instance, temporal_entity_id), query)


def output_types(uow, caller, instance_id, temporal_entity_id):
    """GET .../output-types: those the instance's outputs there have, by name."""
    instance = _readable(uow, caller, instance_id)
    return rows(uow, sa.select(OutputType).where(OutputType.id.in_(
        sa.select(OutputFile.output_type_id).where(*_in(instance, temporal_entity_id))))
        .order_by(OutputType.name))


def output_type_files(uow, caller, instance_id, temporal_entity_id, output_type_id, query):
    """GET .../output-types/{id}/output-files[?representation=]: newest first."""
    instance = _readable(uow, caller, instance_id)
    output_type = crud.fetch(uow, file_crud.OUTPUT_TYPES, output_type_id)
    select = sa.select(OutputFile).where(*_in(instance, temporal_entity_id),
                                         OutputFile.output_type_id == output_type.id)
    if query.get("representation") is not None:
        select = select.where(OutputFile.representation == query["representation"])
    return rows(uow, select.order_by(OutputFile.revision.desc()))


def instance_output_files(uow, caller, instance_id, query):
    """GET /data/asset-instances/{id}/output-files[?temporal_entity_id=&...]: newest
    revision first."""
    instance = _readable(uow, caller, instance_id)
    select = sa.select(OutputFile).where(OutputFile.asset_instance_id == instance.id,
                                         OutputFile.revision >= 0)
    if query.get("temporal_entity_id"):
        select = select.where(
            OutputFile.temporal_entity_id == crud.parse_id(query["temporal_entity_id"]))
    return rows(uow, filtered(select, query).order_by(OutputFile.revision.desc()))
