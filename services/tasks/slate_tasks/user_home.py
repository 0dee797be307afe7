"""GET /data/user/context: what the Kitsu UI loads at start, as Zou's
user_service.get_context builds it, from what the tasks service holds:

- `projects`: the open productions (admins: all; others: their teams'), each the
  production's row with its `team` and its task type and status settings
  (`task_types`, `task_statuses`, `task_type_links`, `task_types_priority`,
  `task_statuses_link`);
- `persons`: everyone (guests excepted) — in full for managers and admins, minimal for
  artists and supervisors, only the caller's teammates' names for clients;
- `project_roles`: {production id: role} where a role is set for the caller in the
  team (Zou's get_project_roles; elsewhere their global role holds);
- `asset_types`, `task_types`, `task_status`, and the caller's `search_filters` and
  `search_filter_groups`.
Not held here, hence absent: metadata descriptors, asset types and status automations
per production, `project_status`, `departments`, `studios`,
`custom_actions`, `status_automations`, `preview_background_files`, `plugins`,
`notification_count`, `user_limit` (the catalog's, auth's and notifications' data).
"""
import sqlalchemy as sa

from slate_common import person_model, schemas

from slate_tasks import access, search_filters, tasks
from slate_tasks.models import EntityType, Person, Project, ProjectStatus, \
    ProjectTaskStatusLink, ProjectTaskTypeLink, TaskStatus, TaskType, team_links
from slate_tasks.read_models import PROJECT_RELATIONS

MINIMAL = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
           "departments", "studio_id", "role", "desktop_login", "is_bot")
CLIENT = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
          "role", "is_bot")


def context(uow, caller):
    me = access.current_person(uow, caller)
    projects = open_projects(uow, me)
    return {
        "asset_types": [{**row.row, "type": "AssetType"} for row in uow.session.scalars(
            sa.select(EntityType).where(EntityType.name.notin_(tasks.TEMPORAL_TYPES))
            .order_by(EntityType.name))],
        "persons": _persons(uow, me, projects),
        "project_roles": _set_roles(uow, me),
        "projects": projects,
        "task_types": _all(uow, TaskType),
        "task_status": _all(uow, TaskStatus),
        "search_filters": search_filters.user_filters(uow, caller),
        "search_filter_groups": search_filters.user_filter_groups(uow, caller),
    }


def _set_roles(uow, me):
    """The roles set for this person in the teams they are in, by production."""
    return {str(project_id): role for project_id, role in uow.session.execute(
        sa.select(team_links.c.project_id, team_links.c.role).where(
            team_links.c.person_id == me.id, team_links.c.role.is_not(None)))}


def _all(uow, model):
    return [schemas.render(row) for row in uow.session.scalars(
        sa.select(model).order_by(model.name, model.id))]


def _persons(uow, me, projects):
    people = uow.session.scalars(sa.select(Person)).all()
    rendered = [{**person.profile, "type": "Person",
                 "full_name": person_model.full_name(person.profile)}
                for person in people if not person.profile.get("is_guest")]
    if me.role in access.STAFF:
        return rendered
    if me.role != "client":
        return [{key: person.get(key) for key in MINIMAL} for person in rendered]
    team = {person_id for project in projects for person_id in project["team"]}
    return sorted(({key: person.get(key) for key in CLIENT} for person in rendered
                   if person["id"] in team), key=lambda person: person["full_name"])


def open_projects(uow, me):
    """The open productions the person sees, with their team and task settings."""
    query = (sa.select(Project).join(ProjectStatus,
                                     ProjectStatus.id == Project.project_status_id)
             .where(ProjectStatus.name.in_(access.OPEN_NAMES)).order_by(Project.name))
    if me.role != "admin":
        query = query.where(Project.id.in_(sa.select(team_links.c.project_id).where(
            team_links.c.person_id == me.id)))
    found = uow.session.scalars(query).all()
    ids = [project.id for project in found]
    teams = _by_project(uow, sa.select(team_links.c.project_id, team_links.c.person_id)
                        .where(team_links.c.project_id.in_(ids)))
    type_links = _by_project(uow, sa.select(ProjectTaskTypeLink.project_id,
                                            ProjectTaskTypeLink).where(
        ProjectTaskTypeLink.project_id.in_(ids)))
    status_links = _by_project(uow, sa.select(ProjectTaskStatusLink.project_id,
                                              ProjectTaskStatusLink).where(
        ProjectTaskStatusLink.project_id.in_(ids)))
    return [_project_json(project, teams.get(project.id, []), type_links.get(project.id, []),
                          status_links.get(project.id, [])) for project in found]


def _by_project(uow, query):
    found = {}
    for project_id, item in uow.session.execute(query):
        found.setdefault(project_id, []).append(item)
    return found


def _project_json(project, team, type_links, status_links):
    row = {key: value for key, value in project.row.items() if key not in PROJECT_RELATIONS}
    task_type_links = {str(link.task_type_id): {
        "priority": link.priority, "hd_bitrate_compression": link.hd_bitrate_compression,
        "ld_bitrate_compression": link.ld_bitrate_compression,
        "is_client_visible": link.is_client_visible} for link in type_links}
    return {**row, "team": sorted(str(person_id) for person_id in team),
            "task_types": [str(link.task_type_id) for link in type_links],
            "task_statuses": [str(link.task_status_id) for link in status_links],
            "task_type_links": task_type_links,
            "task_types_priority": {key: link["priority"]
                                    for key, link in task_type_links.items()},
            "task_statuses_link": {str(link.task_status_id): {
                "priority": link.priority, "roles_for_board": link.roles_for_board,
                "is_client_allowed": link.is_client_allowed} for link in status_links}}
