"""Where a working or output file goes (POST /data/tasks/{id}/working-file-path, POST
/data/entities/{id}/output-file-path), as Zou: the next revision unless one is given,
the folder and file name from the production's file tree (file_trees.py). Zou makes the
`3ds Max` software (and the `Geometry` output type a template may need) when missing,
each with its `:new` event, even when the tree then proves malformed (a 400 carrying
`received_data`)."""
import dataclasses
import uuid

import sqlalchemy as sa

from slate_common import crud, errors

from slate_tasks import access, file_crud, file_trees
from slate_tasks.file_models import OutputFile, OutputType, Software, WorkingFile
from slate_tasks.models import Task, TaskType

DEFAULTS = {"Software": (file_crud.SOFTWARES, Software, {
                "name": "3ds Max", "short_name": "max", "file_extension": ".max"}),
            "OutputType": (file_crud.OUTPUT_TYPES, OutputType, {
                "name": "Geometry", "short_name": ""})}


def new_id():
    return uuid.uuid4()


def row_named(uow, kind):
    """Zou's get_or_create of a default software or output type, as a dict."""
    spec, model, values = DEFAULTS[kind]
    found = uow.session.scalar(sa.select(model).where(model.name == values["name"]))
    if found is None:
        found = crud.insert_row(uow, spec, model(id=new_id(), **values))
    return crud.snapshot(found)


def body_values(body, defaults):
    """A path body with Zou's defaults; `revision` an int (0: the next one)."""
    values = {**defaults, **{key: value for key, value in (body or {}).items()
                             if value is not None}}
    try:
        values["revision"] = int(values.get("revision") or 0)
    except (TypeError, ValueError):
        raise errors.Invalid("revision must be an integer")
    return values


def _row_or_404(uow, model, row_id):
    found = uow.session.get(model, access.as_uuid(row_id, errors.NotFound))
    if found is None:
        raise errors.NotFound()
    return crud.snapshot(found)


def task_for_files(uow, caller, task_id):
    """The task of a path, readable by the caller (project and entity access)."""
    task = uow.session.get(Task, access.as_uuid(task_id, errors.NotFound))
    if task is None:
        raise errors.NotFound()
    me = access.check_project_access(uow, caller, task.project_id)
    access.check_entity_access(uow, me, task.entity_id)
    return task


def next_working_revision(uow, task_id, name):
    last = uow.session.scalar(sa.select(sa.func.max(WorkingFile.revision)).where(
        WorkingFile.task_id == task_id, WorkingFile.name == name))
    return (last or 0) + 1


def working_file_path(uow, caller, task_id, body):
    """{"path", "name"} of a task's working file, or the 400 of a malformed tree."""
    values = body_values(body, {"name": "main", "mode": "working", "sep": "/"})
    task = task_for_files(uow, caller, task_id)
    default = row_named(uow, "Software")
    software = _row_or_404(uow, Software, values["software_id"]) \
        if values.get("software_id") else default
    revision = values["revision"] or next_working_revision(uow, task.id, values["name"])
    ctx = task_ctx(uow, task, software, values["name"], revision)
    return path_reply(body, lambda: {
        "path": file_trees.folder_path(ctx, values["mode"], values["sep"]),
        "name": file_trees.file_name(ctx, values["mode"])})


def task_ctx(uow, task, software, name, revision):
    """What a task's working file path is rendered from."""
    return file_trees.Ctx(uow.session, file_trees.entity_dict(uow.session, task.entity_id),
                          task=crud.snapshot(task), software=software, name=name,
                          revision=revision, make_default=lambda kind: row_named(uow, kind))


def path_reply(body, render):
    """`render()` with 200, or a malformed tree's 400 carrying the body (Zou's)."""
    try:
        return render(), 200
    except file_trees.MalformedTree as exc:
        return {"message": str(exc), "received_data": body}, 400


def next_output_revision(uow, entity_id, output_type_id, task_type_id, name,
                         instance_id=None, temporal_entity_id=None):
    """1 + the last positive revision of this kind of output: of the entity (its asset
    instances' outputs count too, as in Zou), or of an asset instance in one shot or
    scene."""
    where = [OutputFile.entity_id == entity_id] if instance_id is None else [
        OutputFile.asset_instance_id == instance_id,
        OutputFile.temporal_entity_id == temporal_entity_id]
    last = uow.session.scalar(sa.select(sa.func.max(OutputFile.revision)).where(
        OutputFile.output_type_id == output_type_id, OutputFile.task_type_id == task_type_id,
        OutputFile.name == name, OutputFile.revision > 0, *where))
    return (last or 0) + 1


def output_file_path(uow, caller, entity_id, body):
    """{"folder_path", "file_name"} of an entity's output file, or a malformed tree's 400.
    As Zou, the folder uses the revision given (0 if none), the name the next one."""
    values = body_values(body, {"name": "main", "mode": "output", "separator": "/",
                          "representation": ""})
    for key in ("output_type_id", "task_type_id"):
        if not values.get(key):
            raise errors.Invalid("%s is required" % key)
    entity = access.entity_or_404(uow, caller, entity_id)
    me = access.check_project_access(uow, caller, entity.project_id)
    access.check_entity_access(uow, me, entity.id)
    output_type = _row_or_404(uow, OutputType, values["output_type_id"])
    task_type = _row_or_404(uow, TaskType, values["task_type_id"])
    revision = values["revision"] or next_output_revision(
        uow, entity.id, output_type["id"], task_type["id"], values["name"])
    ctx = file_trees.Ctx(uow.session, file_trees.entity_dict(uow.session, entity.id),
                         task_type=task_type, output_type=output_type, name=values["name"],
                         representation=values["representation"],
                         revision=values["revision"],
                         make_default=lambda kind: row_named(uow, kind))
    return path_reply(body, lambda: {
        "folder_path": file_trees.folder_path(ctx, values["mode"], values["separator"]),
        "file_name": file_trees.file_name(_with_revision(ctx, revision), values["mode"])})


def _with_revision(ctx, revision):
    """The file name's context: Zou renders it with the next revision, no representation."""
    return dataclasses.replace(ctx, revision=revision, representation="")
