"""An entity's output files (Zou's files blueprint): the next revision number, the listings by entity, output type and production, the last revision of each
kind, and GET /data/files/{id} (a working or an output file).
Publishing one: output_publication.py."""
import sqlalchemy as sa

from slate_common import crud, errors

from slate_tasks import access, file_crud, file_paths
from slate_tasks.file_models import OutputFile, OutputType, WorkingFile
from slate_tasks.models import Entity, Task, TaskType

FILTERS = ("task_type_id", "output_type_id", "name", "representation", "file_status_id")


def _readable_entity(uow, caller, entity_id):
    entity = access.entity_or_404(uow, caller, entity_id)
    access.check_project_access(uow, caller, entity.project_id)
    return entity


def filtered(select, query):
    for key in FILTERS:
        if query.get(key):
            value = query[key] if key in ("name", "representation") else \
                crud.parse_id(query[key])
            select = select.where(getattr(OutputFile, key) == value)
    return select


def _of_entity(entity_id):
    return sa.select(OutputFile).where(OutputFile.entity_id == entity_id,
                                       OutputFile.asset_instance_id.is_(None))


def rows(uow, select):
    return [crud.snapshot(row) for row in uow.session.scalars(select)]


def entity_output_files(uow, caller, entity_id, query):
    """GET /data/entities/{id}/output-files: newest revision first."""
    entity = _readable_entity(uow, caller, entity_id)
    return rows(uow, filtered(_of_entity(entity.id), query).where(
        OutputFile.temporal_entity_id.is_(None), OutputFile.revision >= 0)
        .order_by(OutputFile.revision.desc()))


def last_output_files(uow, caller, entity_id, query):
    """GET /data/entities/{id}/output-files/last-revisions: the last revision of each
    (task type, output type, name, representation)."""
    entity = _readable_entity(uow, caller, entity_id)
    return last_of_each(uow, (OutputFile.entity_id == entity.id,
                              OutputFile.asset_instance_id.is_(None)), query)


def last_of_each(uow, conditions, query):
    """The last revision of each (task type, output type, name, representation) among
    the output files meeting `conditions` and the query's filters; grouped by file
    status too when the query names one."""
    keys = [OutputFile.task_type_id, OutputFile.output_type_id, OutputFile.name,
            OutputFile.representation]
    if query.get("file_status_id"):
        keys.append(OutputFile.file_status_id)
    last = filtered(sa.select(*keys, sa.func.max(OutputFile.revision).label("last"))
                    .where(*conditions), query).group_by(*keys).subquery()
    return rows(uow, sa.select(OutputFile).where(*conditions).join(last, sa.and_(
        *(key == last.c[key.key] for key in keys[:4]), OutputFile.revision == last.c.last)))


def entity_output_types(uow, caller, entity_id):
    """GET /data/entities/{id}/output-types: those its output files have, by name."""
    entity = _readable_entity(uow, caller, entity_id)
    return rows(uow, sa.select(OutputType).where(OutputType.id.in_(
        sa.select(OutputFile.output_type_id).where(OutputFile.entity_id == entity.id)))
        .order_by(OutputType.name))


def output_type_files(uow, caller, entity_id, output_type_id, query):
    """GET /data/entities/{id}/output-types/{id}/output-files[?representation=]."""
    entity = access.entity_or_404(uow, caller, entity_id)
    crud.fetch(uow, file_crud.OUTPUT_TYPES, output_type_id)
    access.check_project_access(uow, caller, entity.project_id)
    select = _of_entity(entity.id).where(
        OutputFile.output_type_id == crud.parse_id(output_type_id))
    if query.get("representation") is not None:
        select = select.where(OutputFile.representation == query["representation"])
    return rows(uow, select.order_by(OutputFile.revision.desc()))


def project_output_files(uow, caller, project_id, query):
    """GET /data/projects/{id}/output-files: managers of the production; newest first."""
    project = access.project_or_404(uow, caller, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    return rows(uow, filtered(sa.select(OutputFile).join(
        Entity, Entity.id == OutputFile.entity_id).where(
        Entity.project_id == project.id, OutputFile.asset_instance_id.is_(None),
        OutputFile.temporal_entity_id.is_(None), OutputFile.revision >= 0), query)
        .order_by(OutputFile.created_at.desc()))


def get_file(uow, caller, file_id):
    """GET /data/files/{id}: a working file, else an output file, of a production the
    caller reaches."""
    row_id = crud.parse_id(file_id)
    found = uow.session.get(WorkingFile, row_id)
    if found is not None:
        task = uow.session.get(Task, found.task_id) if found.task_id else None
        project_id = task.project_id if task else None
    else:
        found = crud.fetch(uow, file_crud.OUTPUT_FILES, file_id)
        project_id = access.entity_or_404(uow, caller, found.entity_id).project_id
    if project_id is None:
        raise errors.NotFound()
    access.check_project_access(uow, caller, project_id)
    return crud.snapshot(found)


def next_revision(uow, caller, entity_id, body):
    """POST /data/entities/{id}/output-files/next-revision {output_type_id,
    task_type_id, name}: {"next_revision"}."""
    body = body or {}
    entity = access.entity_or_404(uow, caller, entity_id)
    output_type = required(uow, OutputType, body.get("output_type_id"))
    task_type = required(uow, TaskType, body.get("task_type_id"))
    access.check_project_access(uow, caller, entity.project_id)
    return {"next_revision": file_paths.next_output_revision(
        uow, entity.id, output_type.id, task_type.id, body.get("name") or "main")}


class Refused(Exception):
    """A publication Zou refuses with 400 {"error": message}."""


def required(uow, model, row_id, refusal=None):
    """The row a body names (400 when not named; `refusal` or 404 when unknown)."""
    if not row_id:
        raise errors.Invalid("output_type_id and task_type_id are required")
    found = uow.session.get(model, access.as_uuid(row_id, errors.NotFound))
    if found is None:
        if refusal:
            raise Refused(refusal)
        raise errors.NotFound()
    return found
