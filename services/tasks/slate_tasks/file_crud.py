"""The file models as generic CRUD models (`/data/softwares`, `/data/output-types`,
`/data/file-status`, `/data/working-files`, `/data/output-files`), with Zou's rules:

- softwares, output types, file statuses: anyone logged in reads them, admins write them;
- working files: listing is refused to vendors, non-admins list those of the productions
  whose team they are in; reading one needs access to its task, changing it the right
  to act on the task (Zou's check_task_action_access); admins create and delete;
- output files: the same listing; reading one needs access to its entity's production
  (vendors: an entity they work on); managers of the team, or people working on the
  entity, change it; admins create and delete.
"""
import sqlalchemy as sa

from slate_common import crud, errors

from slate_tasks import access, comment_access, events, tasks
from slate_tasks.file_models import FileStatus, OutputFile, OutputType, Software, WorkingFile
from slate_tasks.models import Entity, Task, task_person_links


def _settings_model(name, model, event, order_by=("name",)):
    return crud.CrudModel(name=name, model=model, event=event, order_by=order_by,
                          check_read=access.read_any, check_create=access.require_admin,
                          check_update=access.require_admin,
                          check_delete=access.require_admin)


SOFTWARES = _settings_model("softwares", Software, events.SOFTWARE)
OUTPUT_TYPES = _settings_model("output-types", OutputType, events.OUTPUT_TYPE)
FILE_STATUSES = _settings_model("file-status", FileStatus, events.FILE_STATUS)


def _block_vendor(person):
    if person.role == "vendor":
        raise errors.Forbidden()
    return person


def _team_files(model):
    """Files of the productions whose team the caller is in, but where they are a vendor
    (no vendor lists files: Zou's block_access_to_vendor, per production here)."""
    def list_filter(uow, caller, query):
        me = _block_vendor(access.current_person(uow, caller))
        if me.role == "admin":
            return query
        mine = [project_id for project_id, role in access.production_roles(uow, me).items()
                if role != "vendor"]
        return query.where(model.entity_id.in_(sa.select(Entity.id).where(
            Entity.project_id.in_(mine))))
    return list_filter


def task_of(uow, working_file):
    task = uow.session.get(Task, working_file.task_id) if working_file.task_id else None
    if task is None:
        raise errors.NotFound()
    return task


def _read_working_file(uow, caller, row):
    if row is None:
        _block_vendor(access.current_person(uow, caller))
        return
    task = task_of(uow, row)
    me = access.check_project_access(uow, caller, task.project_id)
    access.check_entity_access(uow, me, task.entity_id)


def _update_working_file(uow, caller, row, values):
    comment_access.check_task_action(uow, caller, task_of(uow, row))


WORKING_FILES = crud.CrudModel(
    name="working-files", model=WorkingFile, event=events.WORKING_FILE,
    check_read=_read_working_file, list_filter=_team_files(WorkingFile),
    check_create=access.require_admin, check_update=_update_working_file,
    check_delete=access.require_admin)


def entity_of(uow, caller, output_file):
    return access.entity_or_404(uow, caller, output_file.entity_id
                                or output_file.temporal_entity_id)


def _read_output_file(uow, caller, row):
    if row is None:
        _block_vendor(access.current_person(uow, caller))
        return
    entity = entity_of(uow, caller, row)
    me = access.check_project_access(uow, caller, entity.project_id)
    access.check_entity_access(uow, me, entity.id)


def works_on(uow, person_id, entity_id):
    """Whether a person is assigned to a task of this entity (Zou's check_working_on_entity)."""
    query = sa.select(Task.id).join(task_person_links, task_person_links.c.task_id == Task.id) \
        .where(Task.entity_id == entity_id, task_person_links.c.person_id == person_id)
    return uow.session.scalar(query.limit(1)) is not None


def _update_output_file(uow, caller, row, values):
    entity = entity_of(uow, caller, row)
    me = access.current_person(uow, caller)
    staff = access.member(uow, caller, me, entity.project_id)
    if staff is not None and staff.role in access.STAFF:
        return
    if not works_on(uow, me.id, entity.id):
        raise errors.Forbidden()


OUTPUT_FILES = crud.CrudModel(
    name="output-files", model=OutputFile, event=events.OUTPUT_FILE,
    check_read=_read_output_file, list_filter=_team_files(OutputFile),
    check_create=access.require_admin, check_update=_update_output_file,
    check_delete=access.require_admin)

CRUD_MODELS = {spec.name: spec for spec in (SOFTWARES, OUTPUT_TYPES, FILE_STATUSES,
                                            WORKING_FILES, OUTPUT_FILES)}
