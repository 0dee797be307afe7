"""A task's working files (Zou's files blueprint): listing them, the last revision of
each name, a new revision (its path from the file tree, the caller assigned to the
task as Zou does), and the comment / modified actions."""
import itertools

import sqlalchemy as sa

from slate_common import crud, errors
from slate_common.db import utcnow

from slate_tasks import access, assignments, comment_access, events, file_crud, \
    file_paths, file_trees
from slate_tasks.file_models import Software, WorkingFile

BLENDER = {"name": "Blender", "short_name": "blender", "file_extension": ".blend"}


def _rows(uow, query):
    return [crud.snapshot(row) for row in uow.session.scalars(query)]


def task_working_files(uow, caller, task_id):
    """GET /data/tasks/{id}/working-files: newest revision first."""
    task = file_paths.task_for_files(uow, caller, task_id)
    return _rows(uow, sa.select(WorkingFile).where(
        WorkingFile.task_id == task.id, WorkingFile.revision >= 0)
        .order_by(WorkingFile.revision.desc()))


def last_working_files(uow, caller, task_id):
    """GET /data/tasks/{id}/working-files/last-revisions: {name: last revision}."""
    task = file_paths.task_for_files(uow, caller, task_id)
    rows = _rows(uow, sa.select(WorkingFile).where(WorkingFile.task_id == task.id)
                 .order_by(WorkingFile.name, WorkingFile.revision.desc()))
    return {name: next(group) for name, group in
            itertools.groupby(rows, key=lambda row: row["name"])}


def entity_working_files(uow, caller, entity_id, query):
    """GET /data/entities/{id}/working-files?task_id=&name=: newest revision first."""
    entity = access.entity_or_404(uow, caller, entity_id)
    access.check_project_access(uow, caller, entity.project_id)
    select = sa.select(WorkingFile).where(WorkingFile.entity_id == entity.id,
                                          WorkingFile.revision >= 0)
    if query.get("task_id"):
        select = select.where(WorkingFile.task_id == crud.parse_id(query["task_id"]))
    if query.get("name"):
        select = select.where(WorkingFile.name == query["name"])
    return _rows(uow, select.order_by(WorkingFile.revision.desc()))


def _software(uow, software_id):
    if software_id:
        found = uow.session.get(Software, access.as_uuid(software_id, errors.NotFound))
        if found is None:
            raise errors.NotFound()
        return crud.snapshot(found)
    found = uow.session.scalar(sa.select(Software).where(Software.name == BLENDER["name"]))
    return crud.snapshot(found or crud.insert_row(uow, file_crud.SOFTWARES, Software(
        id=file_paths.new_id(), **BLENDER)))


def new_working_file(uow, caller, task_id, body):
    """POST /data/tasks/{id}/working-files/new {name, ...}: the new revision (201)."""
    values = file_paths.body_values(body, {"description": "", "mode": "working",
                                           "comment": "", "sep": "/"})
    if not isinstance(values.get("name"), str) or not values["name"]:
        raise errors.Invalid("name is required")
    task = file_paths.task_for_files(uow, caller, task_id)
    software = _software(uow, values.get("software_id"))
    me = access.current_person(uow, caller)
    assignments.assign_person(uow, caller, task, me)
    revision = values["revision"] or file_paths.next_working_revision(
        uow, task.id, values["name"])
    ctx = file_paths.task_ctx(uow, task, software, values["name"], revision)
    try:
        path = "%s%s%s" % (file_trees.folder_path(ctx, values["mode"], "/"), values["sep"],
                           file_trees.file_name(ctx, values["mode"]))
    except file_trees.MalformedTree as exc:
        raise errors.Invalid(str(exc) or "Malformed file tree.")
    return _insert(uow, task, values, software, me, revision, path)


def _insert(uow, task, values, software, me, revision, path):
    person_id = access.as_uuid(values["person_id"], errors.Invalid) \
        if values.get("person_id") else me.id
    if uow.session.scalar(sa.select(WorkingFile.id).where(
            WorkingFile.task_id == task.id, WorkingFile.name == values["name"],
            WorkingFile.revision == revision, WorkingFile.entity_id == task.entity_id)):
        raise errors.Invalid("The given working file already exists.")
    row = crud.insert_row(uow, file_crud.WORKING_FILES, WorkingFile(
        id=file_paths.new_id(), name=values["name"], comment=values["comment"],
        revision=revision, path=path, task_id=task.id, entity_id=task.entity_id,
        software_id=software["id"], person_id=person_id), project_id=task.project_id)
    return crud.snapshot(row)


def _acted_on(uow, caller, working_file_id):
    row = crud.fetch(uow, file_crud.WORKING_FILES, working_file_id)
    comment_access.check_task_action(uow, caller, file_crud.task_of(uow, row))
    return row


def comment_working_file(uow, caller, working_file_id, body):
    """PUT /actions/working-files/{id}/comment {comment}: the working file."""
    comment = (body or {}).get("comment")
    if not isinstance(comment, str) or not comment:
        raise errors.Invalid("Comment field expected.")
    row = _acted_on(uow, caller, working_file_id)
    crud.record_update(uow, file_crud.WORKING_FILES, row,
                       lambda: setattr(row, "comment", comment))
    return crud.snapshot(row)


def modified_working_file(uow, caller, working_file_id):
    """PUT /actions/working-files/{id}/modified: `updated_at` set to now."""
    row = _acted_on(uow, caller, working_file_id)
    before = crud.snapshot(row)["updated_at"]
    row.updated_at = utcnow()
    after = crud.snapshot(row)
    uow.session.flush()
    uow.emit(events.WORKING_FILE + ":update", file_crud.WORKING_FILES.public_data(row), {
        "id": after["id"], "changes": {"updated_at": [before, after["updated_at"]]},
        "updated_at": after["updated_at"]}, project_id=file_crud.task_of(uow, row).project_id)
    return after
