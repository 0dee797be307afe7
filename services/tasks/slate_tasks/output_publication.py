"""Publishing an output file (POST /data/entities/{id}/output-files/new, and the asset
instance's in instance_outputs.py), as Zou: the next revision unless one is given, the
default file status ("To review") made when missing, the path from the production's
file tree in its `output` mode. Zou refuses with 400 an unknown output type or person,
an existing revision, a malformed tree; unlike Zou, the path is rendered before
anything is written, so a malformed tree leaves no output file behind."""
import dataclasses

import sqlalchemy as sa

from slate_common import crud

from slate_tasks import access, file_crud, file_paths, file_trees
from slate_tasks.file_models import FileStatus, OutputFile, OutputType, WorkingFile
from slate_tasks.models import TaskType
from slate_tasks.output_files import Refused, required

DEFAULT_STATUS = {"name": "To review", "color": "#FFFFFF"}
DEFAULTS = {"name": "main", "mode": "output", "comment": "", "extension": "",
            "representation": "", "nb_elements": 1, "sep": "/"}
MODE = "output"  # Zou renders a publication's path in this mode, whatever the body says


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
    output_type, task_type, person = kinds_and_author(uow, caller, values)
    revision = values["revision"] if values["revision"] >= 1 else \
        file_paths.next_output_revision(uow, entity.id, output_type.id, task_type.id,
                                        values["name"])
    ctx = output_ctx(uow, entity.id, output_type, task_type, values, revision)
    paths = rendered(ctx, values, _count_suffix(values))
    return store(uow, values, paths, entity.project_id, entity_id=entity.id,
                 person_id=person.id, output_type_id=output_type.id,
                 task_type_id=task_type.id, revision=revision)


def kinds_and_author(uow, caller, values):
    """The output type, task type and author a publication names (the caller when
    none): Zou's 400 for an unknown output type or person, 404 for a task type."""
    output_type = required(uow, OutputType, values.get("output_type_id"),
                           "Cannot find given output type.")
    task_type = required(uow, TaskType, values.get("task_type_id"))
    person = access.current_person(uow, caller) if not values.get("person_id") else \
        access.person_or_none(uow, caller, values["person_id"])
    if person is None:
        raise Refused("Cannot find given person.")
    return output_type, task_type, person


def output_ctx(uow, entity_id, output_type, task_type, values, revision, **instance):
    """What an output path is rendered from (`instance`: an asset instance's `instance`
    and `asset` dicts)."""
    return file_trees.Ctx(
        uow.session, file_trees.entity_dict(uow.session, entity_id),
        task_type=crud.snapshot(task_type), output_type=crud.snapshot(output_type),
        name=values["name"], representation=values["representation"], revision=revision,
        make_default=lambda kind: file_paths.row_named(uow, kind), **instance)


def _count_suffix(values):
    count = int(values["nb_elements"] or 1)
    return "_[1-%d]" % count if count > 1 else ""


def rendered(ctx, values, suffix=""):
    """{folder_path, file_name}; Zou's file names know no representation."""
    try:
        folder = file_trees.folder_path(ctx, MODE, values["sep"])
        name = file_trees.file_name(dataclasses.replace(ctx, representation=""), MODE)
    except file_trees.MalformedTree as exc:
        raise Refused(str(exc))
    return {"folder_path": folder, "file_name": name + suffix}


def store(uow, values, paths, project_id, **columns):
    """Insert the output file (`columns`: its entity, instance, kinds, author and
    revision) with the body's fields and its path; Zou's 400 when it exists."""
    row = OutputFile(
        id=file_paths.new_id(), name=values["name"], comment=values["comment"],
        extension=values["extension"], representation=values["representation"],
        source_file_id=_working_file_id(uow, values.get("working_file_id")),
        nb_elements=int(values["nb_elements"] or 1),
        file_status_id=_file_status_id(uow, values.get("file_status_id")),
        path="%s%s%s%s" % (paths["folder_path"], values["sep"], paths["file_name"],
                           values["extension"]), **columns)
    _check_new(uow, row)
    crud.insert_row(uow, file_crud.OUTPUT_FILES, row, project_id=project_id)
    return {**crud.snapshot(row), **paths}


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
