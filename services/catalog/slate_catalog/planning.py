"""A production's planning settings as generic CRUD models with Zou's hooks: milestones,
production schedule versions, status automations (and a production's chosen ones) and
custom actions.

Task types and statuses are the tasks service's: their ids are stored as given. The
schedule versions' task links and their apply / copy actions need tasks: not served.
"""
import sqlalchemy as sa

from slate_common import crud, errors

from slate_catalog import access, events, teams
from slate_catalog.settings_models import CustomAction, Milestone, \
    ProductionScheduleVersion, StatusAutomation, project_status_automation_links

OUTSIDERS = ("vendor", "client")


def _body_project(body):
    """The production a create body names (Zou reads `project_id` from it)."""
    project_id = body.get("project_id") if isinstance(body, dict) else None
    if project_id is None:
        raise errors.Rejected("A required field is missing.")
    return crud.parse_id(project_id)


def _manage_body_project(uow, caller, values):
    access.check_manager_project_access(uow, caller, _body_project(values))


def _manage_row_project(uow, caller, row, *args):
    access.check_manager_project_access(uow, caller, row.project_id)


def keeping(*names):
    """A `prepare` hook: on update, these fields keep their stored value (Zou protects
    a row's project, so a body cannot move it into another production)."""
    def prepare(uow, values, row):
        if row is not None:
            for name in names:
                values.pop(name, None)
        return values
    return prepare


# -- milestones ------------------------------------------------------------------------

def _read_milestone(uow, caller, row):
    if row is None:
        access.require_admin(uow, caller)
        return
    access.check_project_access(uow, caller, row.project_id)
    access.block_roles(uow, caller, ("vendor",))


MILESTONES = crud.CrudModel(
    name="milestones", model=Milestone, event=events.MILESTONE, order_by=("date",),
    check_read=_read_milestone, check_create=_manage_body_project,
    check_update=_manage_row_project, check_delete=_manage_row_project,
    prepare=keeping("project_id"))


def project_milestones(uow, caller, project_id):
    """GET /data/projects/{id}/milestones: the team (not clients, not vendors)."""
    project = teams.project_or_404(uow, project_id)
    access.check_project_access(uow, caller, project.id)
    access.block_roles(uow, caller, OUTSIDERS)
    query = sa.select(Milestone.__table__).where(Milestone.project_id == project.id)
    rows = crud.read_records(uow, Milestone, query.order_by(Milestone.date, Milestone.name))
    return [MILESTONES.to_json(row) for row in rows]


# -- production schedule versions ------------------------------------------------------

def _read_schedule_version(uow, caller, row):
    access.check_project_access(uow, caller, row.project_id)
    access.block_roles(uow, caller, OUTSIDERS)


def _list_schedule_versions(uow, caller, query_args):
    """Zou's list check: one production's versions for its team, all of them for
    admins; never for vendors and clients."""
    project_id = query_args.get("project_id")
    if project_id is None:
        access.require_admin(uow, caller)
    else:
        access.check_project_access(uow, caller, crud.parse_id(project_id))
    access.block_roles(uow, caller, OUTSIDERS)


SCHEDULE_VERSIONS = crud.CrudModel(
    name="production-schedule-versions", model=ProductionScheduleVersion,
    event=events.PRODUCTION_SCHEDULE_VERSION, unique_message=(
        "A production schedule version with this name already exists."),
    check_read=_read_schedule_version, check_list=_list_schedule_versions,
    check_create=_manage_body_project, check_update=_manage_row_project,
    check_delete=_manage_row_project, prepare=keeping("project_id"))


# -- status automations ----------------------------------------------------------------

def _read_status_automation(uow, caller, row):
    if row is None:
        access.block_roles(uow, caller, ("vendor",))
    else:
        access.require_admin(uow, caller)


def _delete_status_automation(uow, caller, row):
    access.require_admin(uow, caller)
    used = sa.select(project_status_automation_links.c.project_id).where(
        project_status_automation_links.c.status_automation_id == row.id)
    if uow.session.scalar(used.limit(1)) is not None:
        raise errors.Rejected("This automation is used in a project.")


STATUS_AUTOMATIONS = crud.CrudModel(
    name="status-automations", model=StatusAutomation, event=events.STATUS_AUTOMATION,
    check_read=_read_status_automation, check_create=access.require_admin,
    check_update=access.require_admin, check_delete=_delete_status_automation)


def project_status_automations(uow, caller, project_id):
    """GET /data/projects/{id}/settings/status-automations (team managers)."""
    project = teams.project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    return [STATUS_AUTOMATIONS.to_json(row) for row in project.status_automations]


def add_status_automation(uow, caller, project_id, body):
    """POST .../settings/status-automations {status_automation_id}: 201, the project."""
    return teams.add_setting(uow, caller, project_id, body, "status_automation_id",
                             "status_automations", StatusAutomation)


def remove_status_automation(uow, caller, project_id, status_automation_id):
    """DELETE .../settings/status-automations/{id}: a no-op when not linked."""
    teams.remove_setting(uow, caller, project_id, "status_automations", StatusAutomation,
                         status_automation_id)


# -- custom actions --------------------------------------------------------------------

def _create_custom_action(uow, caller, values):
    access.require_admin(uow, caller)
    if values.get("name") is None:
        raise errors.Invalid("The 'name' field is required and cannot be None.")


def _update_custom_action(uow, caller, row, values):
    access.require_admin(uow, caller)
    if "name" in values and values["name"] is None:
        raise errors.Invalid("The 'name' field cannot be set to None.")


def _read_custom_action(uow, caller, row):
    if row is None:
        access.block_roles(uow, caller, ("vendor",))
    else:
        access.require_admin(uow, caller)


CUSTOM_ACTIONS = crud.CrudModel(
    name="custom-actions", model=CustomAction, event=events.CUSTOM_ACTION,
    check_read=_read_custom_action, check_create=_create_custom_action,
    check_update=_update_custom_action, check_delete=access.require_admin)
