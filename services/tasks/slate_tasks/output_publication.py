"""Publishing an output file of an entity (POST /data/entities/{id}/output-files/new),
as Zou: the next revision unless one is given, the default file status ("To review")
made when missing, the path from the production's file tree. Zou refuses with 400
`{"error": ...}` an unknown output type or person, an existing revision, a malformed
tree; unlike Zou, the path is rendered before anything is written, so a malformed tree
leaves no output file behind."""

import sqlalchemy as sa

from slate_common import crud

from slate_tasks import access, file_crud, file_paths, file_trees
from slate_tasks.file_models import FileStatus, OutputFile, OutputType, WorkingFile
from slate_tasks.models import TaskType
from slate_tasks.output_files import Refused, required

DEFAULT_STATUS = {"name": "To review", "color": "#FFFFFF"}
DEFAULTS = {"name": "main", "mode": "output", "comment": "", "extension": "",
            "representation": "", "nb_elements": 1, "sep": "/"}


def new_output_file(uow, caller, entity_id, body):
    """The new output file with its `folder_path` and `file_name` (201), or Zou's 400."""
    try:
        return _publish(uow, caller, entity_id, body), 201
    except Refused as exc:
        return {"error": str(exc)}, 400


def _publish(uow, caller, entity_id, body):
    values = file_paths.body_values(body, DEFAULTS)
    entity = access.entity_or_404(uow, caller, entity_id)
    access.check_project_access(uow, caller, entity.project_id)
    output_type = required(uow, OutputType, values.get("output_type_id"),
                           "Cannot find given output type.")
    task_type = required(uow, TaskType, values.get("task_type_id"))
    person = access.current_person(uow, caller) if not values.get("person_id") else \
        access.person_or_none(uow, caller, values["person_id"])
    if person is None:
        raise Refused("Cannot find given person.")
    revision = values["revision"] if values["revision"] >= 1 else \
        file_paths.next_output_revision(uow, entity.id, output_type.id, task_type.id,
                                        values["name"])
    paths = _paths(uow, entity, output_type, task_type, values, revision)
    row = OutputFile(
        id=file_paths.new_id(), name=values["name"], comment=values["comment"],
        extension=values["extension"], representation=values["representation"],
        revision=revision, entity_id=entity.id, person_id=person.id,
        source_file_id=_working_file_id(uow, values.get("working_file_id")),
        output_type_id=output_type.id, task_type_id=task_type.id,
        nb_elements=int(values["nb_elements"] or 1),
        file_status_id=_file_status_id(uow, values.get("file_status_id")),
        path="%s%s%s%s" % (paths["folder_path"], values["sep"], paths["file_name"],
                           values["extension"]))
    _check_new(uow, row)
    crud.insert_row(uow, file_crud.OUTPUT_FILES, row, project_id=entity.project_id)
    return {**crud.snapshot(row), **paths}


def _paths(uow, entity, output_type, task_type, values, revision):
    ctx = file_trees.Ctx(
        uow.session, file_trees.entity_dict(uow.session, entity.id),
        task_type=crud.snapshot(task_type), output_type=crud.snapshot(output_type),
        name=values["name"], representation=values["representation"], revision=revision,
        make_default=lambda kind: file_paths.row_named(uow, kind))
    try:
        folder = file_trees.folder_path(ctx, values["mode"], values["sep"])
        count = int(values["nb_elements"] or 1)
        return {"folder_path": folder, "file_name": file_trees.file_name(
            ctx, values["mode"]) + ("_[1-%d]" % count if count > 1 else "")}
    except file_trees.MalformedTree as exc:
        raise Refused(str(exc))


def _working_file_id(uow, working_file_id):
    row_id = access.as_uuid(working_file_id, None) if working_file_id else None
    return row_id if row_id and uow.session.get(WorkingFile, row_id) else None


def _file_status_id(uow, file_status_id):
    if file_status_id:
        return crud.fetch(uow, file_crud.FILE_STATUSES, file_status_id).id
    found = uow.session.scalar(sa.select(FileStatus).where(
        FileStatus.name == DEFAULT_STATUS["name"]))
    return (found or crud.insert_row(uow, file_crud.FILE_STATUSES, FileStatus(
        id=file_paths.new_id(), **DEFAULT_STATUS))).id


def _check_new(uow, row):
    keys = ("name", "entity_id", "asset_instance_id", "output_type_id", "task_type_id",
            "temporal_entity_id", "representation", "revision")
    conditions = [getattr(OutputFile, key).is_(None) if getattr(row, key) is None
                  else getattr(OutputFile, key) == getattr(row, key) for key in keys]
    if uow.session.scalar(sa.select(OutputFile.id).where(*conditions).limit(1)):
        raise Refused("The given output file already exists.")
