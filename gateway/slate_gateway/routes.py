"""The gateway's route table, as data: one row per public Zou route.

A row maps an HTTP method and Zou path template (`{name}` parameters) onto one RPC method of
one service. `policy` says what the gateway checks: `public` (no token), `refresh` (a refresh
token) or anything else (a valid access token). A role policy (`admin`, `manager`...) is only
passed on: the owning service enforces it, since it knows the data. `extra` is passed to the
service with the policy as `request["route"]`.

Serving another service is a matter of adding its rows to `ROUTES`.
"""
import functools
import re
import types
from typing import Any, Mapping, NamedTuple

PUBLIC = "public"
REFRESH = "refresh"
AUTHENTICATED = "authenticated"
ADMIN = "admin"
MANAGER = "manager"

SERVICES = frozenset({"auth", "catalog", "tasks", "media", "importer"})
METHODS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE"})
PARAM = re.compile(r"{([A-Za-z_][A-Za-z0-9_]*)}")
_NO_EXTRA = types.MappingProxyType({})


class Route(NamedTuple):
    """One public route. Schemas (a marshmallow Schema, or "module:Name") only feed OpenAPI."""
    method: str
    path: str
    service: str
    rpc: str
    policy: str = AUTHENTICATED
    extra: Mapping[str, Any] = _NO_EXTRA
    request_schema: Any = None
    response_schema: Any = None
    cache: tuple = ()   # event families whose events invalidate cached replies (GET only)

    @property
    def params(self):
        """The path parameter names, in order."""
        return path_params(self.path)

    def route_info(self):
        """What the service receives as `request["route"]`."""
        return {**self.extra, "policy": self.policy}


@functools.lru_cache(maxsize=None)
def path_params(path):
    """The `{name}` parameters of a path template, in order."""
    return tuple(PARAM.findall(path))


def crud(service, model, read=AUTHENTICATED, write=ADMIN, cache=(), contract=None):
    """The five generic CRUD rows of a model: `/data/<model>` and `/data/<model>/{instance_id}`.
    `cache`: the event families a cached read depends on (none: reads are not cached).
    `contract`: "module:Name" of the marshmallow reply schema; "<Name>Input" beside it
    holds what create and update accept (both feed /openapi.json)."""
    extra = types.MappingProxyType({"model": model})
    many, one = "/data/%s" % model, "/data/%s/{instance_id}" % model
    body = contract and contract + "Input"
    return (
        Route("GET", many, service, "crud_list", read, extra, cache=cache),
        Route("POST", many, service, "crud_create", write, extra, body, contract),
        Route("GET", one, service, "crud_get", read, extra, response_schema=contract,
              cache=cache),
        Route("PUT", one, service, "crud_update", write, extra, body, contract),
        Route("DELETE", one, service, "crud_delete", write, extra),
    )


# What the auth service's reads depend on: the caller's own person row (role, activity),
# the people data itself, and its read model of production teams (who a client meets),
# which announces each update it applies.
PEOPLE = ("person", "department", "studio", "organisation",
          "internal:read-model:auth.projects")

AUTH_ROUTES = (
    Route("GET", "/config", "auth", "config", PUBLIC, cache=("organisation",)),
    Route("POST", "/auth/login", "auth", "login", PUBLIC),
    Route("GET", "/auth/logout", "auth", "logout"),
    Route("GET", "/auth/authenticated", "auth", "authenticated"),
    Route("GET", "/auth/refresh-token", "auth", "refresh_token", REFRESH),
    Route("POST", "/auth/change-password", "auth", "change_password"),
    Route("POST", "/auth/reset-password", "auth", "reset_password_request", PUBLIC),
    Route("PUT", "/auth/reset-password", "auth", "reset_password", PUBLIC),
    *crud("auth", "persons", cache=PEOPLE, contract="slate_auth.contracts:Person"),
    *crud("auth", "departments", cache=PEOPLE, contract="slate_auth.contracts:Department"),
    *crud("auth", "studios", cache=PEOPLE, contract="slate_auth.contracts:Studio"),
    *crud("auth", "organisations", cache=PEOPLE, contract="slate_auth.contracts:Organisation"),
    Route("POST", "/actions/persons/{person_id}/change-password", "auth",
          "person_change_password", ADMIN),
    Route("POST", "/actions/persons/{person_id}/departments/add", "auth",
          "person_add_department", ADMIN),
    Route("DELETE", "/actions/persons/{person_id}/departments/{department_id}", "auth",
          "person_remove_department", ADMIN),
    Route("POST", "/actions/persons/{person_id}/reset-password-link", "auth",
          "person_reset_password_link", ADMIN),
    Route("GET", "/data/departments/{department_id}/persons", "auth", "department_persons",
          cache=PEOPLE),
    Route("GET", "/data/events/last", "auth", "events_last", MANAGER),
    Route("GET", "/data/events/names", "auth", "event_names", MANAGER),
    Route("GET", "/data/events/login-logs/last", "auth", "login_logs_last", ADMIN),
    Route("GET", "/data/events", "auth", "events_list", ADMIN),
    Route("GET", "/data/events/{instance_id}", "auth", "events_get", ADMIN),
)

# What the catalog's reads depend on: its own data, and its read model of persons (the
# caller's role, teams' members), which announces each update it applies: `person:*`
# alone would come before the read model has caught up.
CATALOG = ("project", "project-status", "asset-type", "entity-type", "asset", "episode",
           "sequence", "shot", "person", "internal:read-model:catalog.persons",
           # GET /data/entities/{id} of any kind
           "scene", "edit", "concept", "concept-folder",
           # an entity's JSON carries its casting links and instance casting
           "entity-link", "asset_instance", "asset-instance",
           "metadata-descriptor")  # productions carry their descriptors
# Replies that also carry the catalog's read model of the tasks service's data (an
# asset's or shot's tasks, a production's task types and statuses): it announces each
# batch it applies, so a comment moving a task drops these and no other catalog reply.
WITH_TASKS = CATALOG + ("internal:read-model:catalog.tasks",)
PROJECT = "/data/projects/{project_id}"

CATALOG_ROUTES = (
    Route("GET", "/data/projects/open", "catalog", "open_projects", cache=WITH_TASKS),
    Route("GET", "/data/projects/all", "catalog", "all_projects", cache=WITH_TASKS),
    *crud("catalog", "projects", cache=WITH_TASKS, contract="slate_catalog.contracts:Project"),
    *crud("catalog", "project-status", cache=CATALOG,
          contract="slate_catalog.contracts:ProjectStatus"),
    *crud("catalog", "entity-types", cache=CATALOG,
          contract="slate_catalog.contracts:EntityType"),
    Route("GET", "/data/asset-types", "catalog", "asset_types", cache=CATALOG),
    Route("GET", "/data/asset-types/{asset_type_id}", "catalog", "asset_type",
          cache=CATALOG),
    Route("GET", PROJECT + "/team", "catalog", "team", cache=CATALOG),
    Route("POST", PROJECT + "/team", "catalog", "add_team_member", MANAGER),
    Route("DELETE", PROJECT + "/team/{person_id}", "catalog", "remove_team_member", MANAGER),
    Route("PUT", PROJECT + "/team/{person_id}", "catalog", "set_team_member_role", MANAGER),
    Route("POST", PROJECT + "/settings/asset-types", "catalog", "add_asset_type_setting",
          MANAGER),
    Route("DELETE", PROJECT + "/settings/asset-types/{asset_type_id}", "catalog",
          "remove_asset_type_setting", MANAGER),
    # Entities: assets, episodes, sequences, shots (services/catalog/slate_catalog/entities.py)
    Route("POST", PROJECT + "/asset-types/{asset_type_id}/assets/new", "catalog",
          "new_asset", MANAGER),
    Route("GET", PROJECT + "/assets", "catalog", "project_assets", cache=CATALOG),
    Route("GET", "/data/assets", "catalog", "assets", cache=CATALOG),
    Route("GET", "/data/assets/all", "catalog", "assets", cache=CATALOG),
    Route("GET", "/data/assets/{asset_id}", "catalog", "asset", cache=WITH_TASKS,
          response_schema="slate_catalog.contracts:Asset"),
    Route("POST", PROJECT + "/episodes", "catalog", "new_episode", MANAGER),
    Route("POST", PROJECT + "/sequences", "catalog", "new_sequence", MANAGER),
    Route("POST", PROJECT + "/shots", "catalog", "new_shot", MANAGER),
    Route("GET", PROJECT + "/episodes", "catalog", "project_episodes", cache=CATALOG),
    Route("GET", PROJECT + "/sequences", "catalog", "project_sequences", cache=CATALOG),
    Route("GET", PROJECT + "/shots", "catalog", "project_shots", cache=CATALOG),
    Route("GET", "/data/episodes", "catalog", "episodes", cache=CATALOG),
    Route("GET", "/data/episodes/{episode_id}", "catalog", "episode", cache=CATALOG,
          response_schema="slate_catalog.contracts:Episode"),
    Route("GET", "/data/sequences", "catalog", "sequences", cache=CATALOG),
    Route("GET", "/data/sequences/{sequence_id}", "catalog", "sequence", cache=CATALOG,
          response_schema="slate_catalog.contracts:Sequence"),
    Route("GET", "/data/shots", "catalog", "shots", cache=CATALOG),
    Route("GET", "/data/shots/all", "catalog", "shots", cache=CATALOG),
    Route("GET", "/data/shots/{shot_id}", "catalog", "shot", cache=WITH_TASKS,
          response_schema="slate_catalog.contracts:Shot"),
    Route("GET", "/data/entities/{instance_id}", "catalog", "entity", cache=CATALOG,
          response_schema="slate_catalog.contracts:Entity"),
    Route("PUT", "/data/entities/{instance_id}", "catalog", "update_entity",
          request_schema="slate_catalog.contracts:EntityInput", response_schema="slate_catalog.contracts:Entity"),
)

# Deleting entities, scenes, edits, concepts and their folders, child lists, shot updates
# and shared assets (services/catalog/slate_catalog/{deletions,scenes,edits,concepts,...}.py).
ENTITIES = CATALOG
EPISODE, SEQUENCE = "/data/episodes/{episode_id}", "/data/sequences/{sequence_id}"


def _delete_kind(path, kind):
    return Route("DELETE", path, "catalog", "delete_entity_of_kind", extra={"kind": kind})


ENTITY_ROUTES = (
    _delete_kind("/data/assets/{asset_id}", "Asset"),
    _delete_kind("/data/shots/{shot_id}", "Shot"),
    _delete_kind(SEQUENCE, "Sequence"),
    _delete_kind(EPISODE, "Episode"),
    _delete_kind("/data/scenes/{scene_id}", "Scene"),
    _delete_kind("/data/edits/{edit_id}", "Edit"),
    _delete_kind("/data/concepts/{concept_id}", "Concept"),
    Route("POST", "/actions/projects/{project_id}/delete-entities", "catalog",
          "delete_entities"),
    Route("GET", "/data/entities", "catalog", "entities", cache=ENTITIES),
    Route("POST", "/data/entities", "catalog", "new_entity", MANAGER),
    Route("DELETE", "/data/entities/{instance_id}", "catalog", "delete_any_entity"),
    Route("POST", PROJECT + "/scenes", "catalog", "new_scene", MANAGER),
    Route("GET", PROJECT + "/scenes", "catalog", "project_scenes", cache=ENTITIES),
    Route("GET", "/data/scenes/all", "catalog", "scenes", cache=ENTITIES),
    Route("GET", "/data/scenes/{scene_id}", "catalog", "scene", cache=ENTITIES),
    Route("GET", SEQUENCE + "/scenes", "catalog", "sequence_scenes", cache=ENTITIES),
    Route("POST", PROJECT + "/edits", "catalog", "new_edit", MANAGER),
    Route("GET", PROJECT + "/edits", "catalog", "project_edits", cache=ENTITIES),
    Route("GET", "/data/edits", "catalog", "edits", cache=ENTITIES),
    Route("GET", "/data/edits/all", "catalog", "edits", cache=ENTITIES),
    Route("GET", "/data/edits/{edit_id}", "catalog", "edit", cache=ENTITIES),
    Route("GET", EPISODE + "/edits", "catalog", "episode_edits", cache=ENTITIES),
    Route("POST", PROJECT + "/concepts", "catalog", "new_concept"),
    Route("GET", PROJECT + "/concepts", "catalog", "project_concepts", cache=ENTITIES),
    Route("GET", "/data/concepts", "catalog", "concepts", cache=ENTITIES),
    Route("GET", "/data/concepts/{concept_id}", "catalog", "concept", cache=ENTITIES),
    Route("GET", PROJECT + "/concept-folders", "catalog", "project_concept_folders",
          cache=ENTITIES),
    Route("POST", PROJECT + "/concept-folders", "catalog", "new_concept_folder"),
    Route("PUT", "/data/concept-folders/{concept_folder_id}", "catalog",
          "rename_concept_folder"),
    Route("DELETE", "/data/concept-folders/{concept_folder_id}", "catalog",
          "delete_concept_folder"),
    Route("POST", "/actions/projects/{project_id}/move-concepts", "catalog",
          "move_concepts"),
    Route("GET", EPISODE + "/sequences", "catalog", "episode_sequences", cache=ENTITIES),
    Route("GET", EPISODE + "/shots", "catalog", "episode_shots", cache=ENTITIES),
    Route("GET", SEQUENCE + "/shots", "catalog", "sequence_shots", cache=ENTITIES),
    Route("PUT", "/data/shots/{shot_id}", "catalog", "update_shot", MANAGER),
    Route("GET", PROJECT + "/asset-types", "catalog", "project_asset_types",
          cache=ENTITIES),
    Route("GET", PROJECT + "/asset-types/{asset_type_id}/assets", "catalog",
          "project_type_assets", cache=ENTITIES),
    Route("POST", "/actions/assets/share", "catalog", "share_assets"),
    Route("POST", "/actions/projects/{project_id}/assets/share", "catalog",
          "share_project_assets", MANAGER),
    Route("POST", "/actions/projects/{project_id}/asset-types/{asset_type_id}/assets/share",
          "catalog", "share_project_assets", MANAGER),
)

# The breakdown: casting, entity links, asset instances, scenes' shots
# (services/catalog/slate_catalog/casting*.py, asset_instances.py, scene_shots.py).
# Its reads depend on what the catalog's do: entities' JSON carries the breakdown.
BREAKDOWN = CATALOG
ASSET, SHOT, SCENE = "/data/assets/{asset_id}", "/data/shots/{shot_id}", "/data/scenes/{scene_id}"

BREAKDOWN_ROUTES = (
    Route("GET", PROJECT + "/entities/{entity_id}/casting", "catalog", "entity_casting",
          cache=BREAKDOWN),
    Route("PUT", PROJECT + "/entities/{entity_id}/casting", "catalog",
          "update_entity_casting", MANAGER),
    Route("PUT", PROJECT + "/entities/casting", "catalog", "update_entities_casting",
          MANAGER),
    Route("PUT", PROJECT + "/entities/casting/assets/{asset_id}", "catalog",
          "cast_asset_in_entities", MANAGER),
    Route("GET", PROJECT + "/asset-types/{asset_type_id}/casting", "catalog",
          "asset_type_casting", cache=BREAKDOWN),
    Route("GET", PROJECT + "/episodes/casting", "catalog", "episodes_casting",
          cache=BREAKDOWN),
    Route("GET", PROJECT + "/sequences/{sequence_id}/casting", "catalog",
          "sequence_casting", cache=BREAKDOWN),
    Route("GET", PROJECT + "/episodes/{episode_id}/sequences/all/casting", "catalog",
          "all_sequences_casting", cache=BREAKDOWN),
    Route("GET", PROJECT + "/sequences/all/casting", "catalog", "all_sequences_casting",
          cache=BREAKDOWN),
    Route("GET", PROJECT + "/entity-links", "catalog", "project_entity_links", MANAGER,
          cache=BREAKDOWN),
    Route("DELETE", PROJECT + "/entity-links/{entity_link_id}", "catalog",
          "remove_entity_link", MANAGER),
    Route("GET", SCENE + "/asset-instances", "catalog", "scene_asset_instances",
          cache=BREAKDOWN),
    Route("POST", SCENE + "/asset-instances", "catalog", "add_scene_asset_instance"),
    Route("GET", SCENE + "/camera-instances", "catalog", "scene_camera_instances",
          cache=BREAKDOWN),
    Route("GET", SHOT + "/asset-instances", "catalog", "shot_asset_instances",
          cache=BREAKDOWN),
    Route("POST", SHOT + "/asset-instances", "catalog", "add_shot_asset_instance"),
    Route("DELETE", SHOT + "/asset-instances/{asset_instance_id}", "catalog",
          "remove_shot_asset_instance"),
    Route("GET", ASSET + "/casting", "catalog", "asset_casting", cache=BREAKDOWN),
    Route("PUT", ASSET + "/casting", "catalog", "update_asset_casting", MANAGER),
    Route("GET", ASSET + "/cast-in", "catalog", "asset_cast_in", cache=BREAKDOWN),
    Route("GET", ASSET + "/assets", "catalog", "asset_assets", cache=BREAKDOWN),
    Route("GET", SHOT + "/assets", "catalog", "shot_assets", cache=BREAKDOWN),
    Route("GET", SHOT + "/asset-types", "catalog", "shot_asset_types", cache=BREAKDOWN),
    Route("GET", ASSET + "/asset-asset-instances", "catalog", "asset_asset_instances",
          cache=BREAKDOWN),
    Route("POST", ASSET + "/asset-asset-instances", "catalog", "add_asset_asset_instance"),
    Route("GET", ASSET + "/scene-asset-instances", "catalog", "asset_scene_asset_instances",
          cache=BREAKDOWN),
    Route("GET", ASSET + "/shot-asset-instances", "catalog", "asset_shot_asset_instances",
          cache=BREAKDOWN),
    Route("GET", PROJECT + "/assets/shared-used", "catalog", "shared_assets_used",
          cache=BREAKDOWN),
    Route("GET", PROJECT + "/episodes/{episode_id}/assets/shared-used", "catalog",
          "shared_assets_used", cache=BREAKDOWN),
    Route("GET", SCENE + "/shots", "catalog", "scene_shots", cache=BREAKDOWN),
    Route("POST", SCENE + "/shots", "catalog", "add_scene_shot"),
    Route("DELETE", SCENE + "/shots/{shot_id}", "catalog", "remove_scene_shot"),
    *crud("catalog", "entity-links", cache=BREAKDOWN),
    *crud("catalog", "asset-instances", cache=BREAKDOWN),
)


# A production's settings and planning (services/catalog/slate_catalog/descriptors.py,
# planning.py, budgets.py, templates.py). Task types and statuses of templates, schedule
# versions' task links and budget time spents need the tasks service: not served here.
SETTINGS = CATALOG + ("milestone", "production-schedule-version",
                      "status-automation", "budget", "budget-entry", "custom-action",
                      "project-template")
SETTINGS_CONTRACTS = "slate_catalog.contracts:"
DESCRIPTORS = PROJECT + "/metadata-descriptors"
ALL_DESCRIPTORS = "/data/metadata-descriptors/all-projects"
BUDGET = PROJECT + "/budgets/{budget_id}"
TEMPLATE = "/data/project-templates/{project_template_id}"

PRODUCTION_SETTINGS_ROUTES = (
    *crud("catalog", "metadata-descriptors", cache=SETTINGS,
          contract=SETTINGS_CONTRACTS + "MetadataDescriptor"),
    *crud("catalog", "milestones", write=MANAGER, cache=SETTINGS,
          contract=SETTINGS_CONTRACTS + "Milestone"),
    *crud("catalog", "production-schedule-versions", write=MANAGER, cache=SETTINGS,
          contract=SETTINGS_CONTRACTS + "ProductionScheduleVersion"),
    *crud("catalog", "status-automations", cache=SETTINGS,
          contract=SETTINGS_CONTRACTS + "StatusAutomation"),
    *crud("catalog", "budgets", cache=SETTINGS,
          contract=SETTINGS_CONTRACTS + "Budget"),
    *crud("catalog", "budget-entries", cache=SETTINGS,
          contract=SETTINGS_CONTRACTS + "BudgetEntry"),
    *crud("catalog", "custom-actions", cache=SETTINGS,
          contract=SETTINGS_CONTRACTS + "CustomAction"),
    *crud("catalog", "project-templates", cache=SETTINGS,
          contract=SETTINGS_CONTRACTS + "ProjectTemplate"),
    Route("GET", DESCRIPTORS, "catalog", "project_descriptors", cache=SETTINGS),
    Route("POST", DESCRIPTORS, "catalog", "new_project_descriptor"),
    Route("POST", DESCRIPTORS + "/reorder", "catalog", "reorder_project_descriptors",
          MANAGER),
    Route("GET", DESCRIPTORS + "/{metadata_descriptor_id}", "catalog",
          "project_descriptor", cache=SETTINGS),
    Route("PUT", DESCRIPTORS + "/{metadata_descriptor_id}", "catalog",
          "update_project_descriptor"),
    Route("DELETE", DESCRIPTORS + "/{metadata_descriptor_id}", "catalog",
          "delete_project_descriptor"),
    Route("POST", ALL_DESCRIPTORS, "catalog", "new_descriptor_on_all", MANAGER),
    Route("PUT", ALL_DESCRIPTORS + "/{field_name}", "catalog", "update_descriptor_on_all",
          MANAGER),
    Route("DELETE", ALL_DESCRIPTORS + "/{field_name}", "catalog",
          "delete_descriptor_on_all", MANAGER),
    Route("POST", "/actions/metadata-descriptors/all-projects/reorder", "catalog",
          "reorder_descriptors_on_all", MANAGER),
    Route("GET", PROJECT + "/milestones", "catalog", "project_milestones", cache=SETTINGS),
    Route("GET", PROJECT + "/settings/status-automations", "catalog",
          "project_status_automations", MANAGER, cache=SETTINGS),
    Route("POST", PROJECT + "/settings/status-automations", "catalog",
          "add_status_automation_setting", MANAGER),
    Route("DELETE", PROJECT + "/settings/status-automations/{status_automation_id}",
          "catalog", "remove_status_automation_setting", MANAGER),
    Route("GET", PROJECT + "/budgets", "catalog", "project_budgets", MANAGER,
          cache=SETTINGS),
    Route("POST", PROJECT + "/budgets", "catalog", "new_budget", MANAGER),
    Route("GET", BUDGET, "catalog", "budget", MANAGER, cache=SETTINGS),
    Route("PUT", BUDGET, "catalog", "update_budget", MANAGER),
    Route("DELETE", BUDGET, "catalog", "delete_budget", MANAGER),
    Route("GET", BUDGET + "/entries", "catalog", "budget_entries", MANAGER, cache=SETTINGS),
    Route("POST", BUDGET + "/entries", "catalog", "new_budget_entry", MANAGER),
    Route("GET", BUDGET + "/entries/{entry_id}", "catalog", "budget_entry", MANAGER,
          cache=SETTINGS),
    Route("PUT", BUDGET + "/entries/{entry_id}", "catalog", "update_budget_entry", MANAGER),
    Route("DELETE", BUDGET + "/entries/{entry_id}", "catalog", "delete_budget_entry",
          MANAGER),
    Route("POST", "/data/project-templates/from-project/{project_id}", "catalog",
          "template_from_project", ADMIN),
    Route("POST", PROJECT + "/apply-template/{project_template_id}", "catalog",
          "apply_template", ADMIN),
    Route("GET", TEMPLATE + "/asset-types", "catalog", "template_asset_types", MANAGER,
          cache=SETTINGS),
    Route("POST", TEMPLATE + "/asset-types", "catalog", "add_template_asset_type", ADMIN),
    Route("DELETE", TEMPLATE + "/asset-types/{asset_type_id}", "catalog",
          "remove_template_asset_type", ADMIN),
    Route("GET", TEMPLATE + "/status-automations", "catalog",
          "template_status_automations", MANAGER, cache=SETTINGS),
    Route("POST", TEMPLATE + "/status-automations", "catalog",
          "add_template_status_automation", ADMIN),
    Route("DELETE", TEMPLATE + "/status-automations/{status_automation_id}", "catalog",
          "remove_template_status_automation", ADMIN),
    Route("PUT", TEMPLATE + "/metadata-descriptors", "catalog", "set_template_descriptors",
          ADMIN),
)

# What the tasks service's reads depend on: its own data, and its read models (persons;
# productions, teams and entities), which announce each batch they apply.
TASKS = ("task", "task-type", "task-status", "task-type-link", "task-status-link",
         "comment", "person", "internal:read-model:tasks.persons", "internal:read-model:tasks.catalog")
PROJECT_ACTIONS = "/actions/projects/{project_id}"
ENTITY_KINDS = ("shots", "assets", "sequences", "episodes", "edits", "scenes", "concepts")


def _entity_task_rows(kind):
    extra = types.MappingProxyType({"kind": kind})
    return (Route("GET", "/data/%s/{entity_id}/tasks" % kind, "tasks", "entity_tasks",
                  extra=extra, cache=TASKS),
            Route("GET", "/data/%s/{entity_id}/task-types" % kind, "tasks",
                  "entity_task_types", extra=extra, cache=TASKS))


def _create_tasks_row(kind):
    return Route("POST", PROJECT_ACTIONS + "/task-types/{task_type_id}/%s/create-tasks" % kind,
                 "tasks", "create_tasks_for_type", MANAGER,
                 types.MappingProxyType({"kind": kind}))


TASKS_ROUTES = (
    *crud("tasks", "task-types", cache=TASKS),
    *crud("tasks", "task-status", cache=TASKS),
    *crud("tasks", "tasks", cache=TASKS),
    Route("POST", "/data/task-type-links", "tasks", "create_task_type_link", MANAGER),
    Route("POST", "/data/task-status-links", "tasks", "create_task_status_link", MANAGER),
    Route("GET", PROJECT + "/task-types", "tasks", "project_task_types", cache=TASKS),
    Route("POST", PROJECT + "/settings/task-types", "tasks", "add_task_type_setting",
          MANAGER),
    Route("DELETE", PROJECT + "/settings/task-types/{task_type_id}", "tasks",
          "remove_task_type_setting", MANAGER),
    Route("GET", PROJECT + "/settings/task-status", "tasks", "project_task_statuses",
          cache=TASKS),
    Route("POST", PROJECT + "/settings/task-status", "tasks", "add_task_status_setting",
          MANAGER),
    Route("PUT", PROJECT + "/settings/task-status/{task_status_id}", "tasks",
          "update_task_status_setting", MANAGER),
    Route("DELETE", PROJECT + "/settings/task-status/{task_status_id}", "tasks",
          "remove_task_status_setting", MANAGER),
    Route("POST", "/data/entities/{entity_id}/tasks", "tasks", "create_entity_tasks"),
    _create_tasks_row("shots"),
    _create_tasks_row("assets"),
    _create_tasks_row("edits"),
    *(row for kind in ENTITY_KINDS for row in _entity_task_rows(kind)),
    Route("GET", "/data/sequences/{sequence_id}/shot-tasks", "tasks",
          "sequence_shot_tasks", cache=TASKS),
    Route("GET", "/data/episodes/{episode_id}/shot-tasks", "tasks", "episode_shot_tasks",
          cache=TASKS),
    Route("GET", "/data/episodes/{episode_id}/asset-tasks", "tasks",
          "episode_asset_tasks", cache=TASKS),
    Route("GET", "/data/entities/{entity_id}/task-types/{task_type_id}/tasks", "tasks",
          "entity_tasks_of_type", cache=TASKS),
    Route("GET", PROJECT + "/tasks", "tasks", "project_tasks", cache=TASKS),
    Route("GET", "/data/tasks/{task_id}/full", "tasks", "full_task", cache=TASKS),
    Route("GET", "/data/user/tasks", "tasks", "user_tasks", cache=TASKS),
    Route("GET", "/data/user/done-tasks", "tasks", "user_done_tasks", cache=TASKS),
    Route("GET", "/data/persons/{person_id}/tasks", "tasks", "person_tasks", cache=TASKS),
    Route("GET", "/data/persons/{person_id}/done-tasks", "tasks", "person_done_tasks",
          cache=TASKS),
    Route("PUT", "/actions/persons/{person_id}/assign", "tasks", "assign_tasks_to_person"),
    Route("PUT", "/actions/tasks/{task_id}/assign", "tasks", "assign_task"),
    Route("PUT", "/actions/tasks/clear-assignation", "tasks", "clear_assignations"),
    Route("PUT", "/actions/tasks/set-priority", "tasks", "set_tasks_priority"),
    Route("POST", PROJECT_ACTIONS + "/delete-tasks", "tasks", "delete_tasks", MANAGER),
    Route("DELETE", PROJECT_ACTIONS + "/task-types/{task_type_id}/delete-tasks", "tasks",
          "delete_tasks_of_type", ADMIN),
)

# Subscriptions and notifications (the tasks service; notifications are its projection of
# the log, announced by `notification:*`). Comments change what a notification shows.
NOTIFYING = ("notification", "subscription", "comment") + TASKS
USER_SEQUENCE = "/sequences/{sequence_id}/task-types/{task_type_id}"

NOTIFICATION_ROUTES = (
    *crud("tasks", "notifications", read=ADMIN, cache=NOTIFYING),
    *crud("tasks", "subscriptions", read=ADMIN, cache=NOTIFYING),
    Route("GET", "/data/user/notifications", "tasks", "user_notifications", cache=NOTIFYING),
    Route("GET", "/data/user/notifications/{notification_id}", "tasks", "user_notification",
          cache=NOTIFYING),
    Route("PUT", "/data/user/notifications/{notification_id}", "tasks",
          "update_user_notification"),
    Route("POST", "/actions/user/notifications/mark-all-as-read", "tasks",
          "mark_all_notifications_as_read"),
    Route("GET", "/data/user/tasks/{task_id}/subscribed", "tasks", "task_subscribed",
          cache=NOTIFYING),
    Route("POST", "/actions/user/tasks/subscribe", "tasks", "subscribe_to_tasks"),
    Route("POST", "/actions/user/tasks/unsubscribe", "tasks", "unsubscribe_from_tasks"),
    Route("POST", "/actions/user/tasks/{task_id}/subscribe", "tasks", "subscribe_to_task"),
    Route("DELETE", "/actions/user/tasks/{task_id}/unsubscribe", "tasks",
          "unsubscribe_from_task"),
    Route("GET", "/data/user" + USER_SEQUENCE + "/subscribed", "tasks",
          "sequence_subscribed", cache=NOTIFYING),
    Route("GET", "/data/user/entities/{sequence_id}/task-types/{task_type_id}/subscribed",
          "tasks", "sequence_subscribed", cache=NOTIFYING),
    Route("POST", "/actions/user" + USER_SEQUENCE + "/subscribe", "tasks",
          "subscribe_to_sequence"),
    Route("DELETE", "/actions/user" + USER_SEQUENCE + "/unsubscribe", "tasks",
          "unsubscribe_from_sequence"),
    Route("GET", PROJECT + "/notifications", "tasks", "project_notifications", ADMIN,
          cache=NOTIFYING),
    Route("GET", PROJECT + "/subscriptions", "tasks", "project_subscriptions", ADMIN,
          cache=NOTIFYING),
)

# What each person's day reads depend on: time spents, day offs, schedule items (and the
# tasks, task types and read models they are read with). Desktop login logs are not cached.
TIME = TASKS + ("time-spent", "day-off", "schedule-item")
PERSON_TIME = "/data/persons/{person_id}/time-spents"
PERSON_DAY_OFFS = "/data/persons/{person_id}/day-offs"
TIME_SPENT_ACTION = "/actions/tasks/{task_id}/time-spents/{date}/persons/{person_id}"


def _time_row(path, rpc, policy=AUTHENTICATED, **extra):
    return Route("GET", path, "tasks", rpc, policy, types.MappingProxyType(extra),
                 cache=TIME)


TIME_ROUTES = (
    *crud("tasks", "time-spents", cache=TIME),
    *crud("tasks", "day-offs", write=AUTHENTICATED, cache=TIME),
    *crud("tasks", "schedule-items", write=AUTHENTICATED, cache=TIME),
    Route("POST", TIME_SPENT_ACTION, "tasks", "set_time_spent"),
    Route("DELETE", TIME_SPENT_ACTION, "tasks", "remove_time_spent"),
    Route("POST", TIME_SPENT_ACTION + "/add", "tasks", "add_time_spent"),
    _time_row("/actions/tasks/{task_id}/time-spents", "task_time_spents"),
    _time_row("/actions/tasks/{task_id}/time-spents/{date}", "task_time_spents"),
    _time_row(PERSON_TIME, "person_time_spents"),
    _time_row(PERSON_TIME + "/{date}", "person_day_time_spents"),
    _time_row(PERSON_TIME + "/year/{year}", "person_period_time_spents", period="year"),
    _time_row(PERSON_TIME + "/month/{year}/{month}", "person_period_time_spents",
              period="month"),
    _time_row(PERSON_TIME + "/week/{year}/{week}", "person_period_time_spents",
              period="week"),
    _time_row(PERSON_TIME + "/day/{year}/{month}/{day}", "person_period_time_spents",
              period="day"),
    _time_row(PERSON_TIME + "/month/all/{year}/{month}", "person_month_all_time_spents"),
    _time_row("/data/persons/time-spents/year-table", "time_spents_year_table"),
    _time_row("/data/persons/time-spents/month-table/{year}", "time_spents_month_table"),
    _time_row("/data/persons/time-spents/week-table/{year}", "time_spents_week_table"),
    _time_row("/data/persons/time-spents/day-table/{year}/{month}",
              "time_spents_day_table"),
    _time_row("/data/user/time-spents", "user_time_spents"),
    _time_row("/data/user/time-spents/{date}", "user_day_time_spents"),
    _time_row("/data/user/tasks/{task_id}/time-spents/{date}", "user_task_time_spent"),
    _time_row("/data/entities/{entity_id}/time-spents", "entity_time_spents"),
    _time_row(PROJECT + "/time-spents", "project_time_spents"),
    _time_row(PROJECT + "/task-types/{task_type_id}/time-spents",
              "project_task_type_time_spents", MANAGER),
    _time_row(PROJECT + "/budgets/time-spents", "project_month_time_spents", ADMIN),
    _time_row(PERSON_DAY_OFFS, "person_day_offs"),
    _time_row(PERSON_DAY_OFFS + "/{date}", "person_day_off"),
    _time_row(PERSON_DAY_OFFS + "/week/{year}/{week}", "person_period_day_offs",
              period="week"),
    _time_row(PERSON_DAY_OFFS + "/month/{year}/{month}", "person_period_day_offs",
              period="month"),
    _time_row(PERSON_DAY_OFFS + "/year/{year}", "person_period_day_offs", period="year"),
    _time_row("/data/persons/day-offs/{year}", "period_day_offs", period="year"),
    _time_row("/data/persons/day-offs/{year}/{month}", "period_day_offs", period="month"),
    _time_row(PROJECT + "/day-offs", "project_day_offs"),
    _time_row("/data/user/day-offs/{date}", "user_day_off"),
    _time_row(PROJECT + "/schedule-items", "project_schedule_items"),
    _time_row(PROJECT + "/schedule-items/task-types", "task_types_schedule_items"),
    *(_time_row(PROJECT + "/schedule-items/{task_type_id}/%s" % objects,
                "objects_schedule_items", objects=objects)
      for objects in ("asset-types", "episodes", "sequences", "edits")),
    _time_row(PROJECT + "/quotas/{task_type_id}", "project_quotas"),
    _time_row(PROJECT + "/quotas/persons/{person_id}", "project_person_quotas"),
    _time_row("/data/persons/{person_id}/quota-shots/month/{year}/{month}",
              "person_quota_shots", period="month"),
    _time_row("/data/persons/{person_id}/quota-shots/week/{year}/{week}",
              "person_quota_shots", period="week"),
    _time_row("/data/persons/{person_id}/quota-shots/day/{year}/{month}/{day}",
              "person_quota_shots", period="day"),
    Route("GET", "/data/persons/{person_id}/desktop-login-logs", "tasks",
          "person_desktop_login_logs"),
    Route("POST", "/data/persons/{person_id}/desktop-login-logs", "tasks",
          "log_person_desktop_login"),
    Route("GET", "/data/user/desktop-login-logs", "tasks", "user_desktop_login_logs"),
    Route("POST", "/data/user/desktop-login-logs", "tasks", "log_user_desktop_login"),
)

# Comments and the news feed (tasks service): conversations depend on their tasks and
# people (TASKS names comments), the feed on its projection's news events.
COMMENTS = TASKS
NEWS = TASKS + ("news",)
TASK_COMMENT = "/data/tasks/{task_id}/comments/{comment_id}"

COMMENT_ROUTES = (
    *crud("tasks", "comments", cache=COMMENTS),
    *crud("tasks", "news", cache=NEWS),
    Route("POST", "/actions/tasks/{task_id}/comment", "tasks", "post_comment"),
    Route("POST", PROJECT_ACTIONS + "/tasks/comment-many", "tasks", "comment_many"),
    Route("POST", PROJECT_ACTIONS + "/tasks/copy-client-comments", "tasks",
          "copy_client_comments", MANAGER),
    Route("POST", "/actions/tasks/batch-comment", "tasks", "batch_comment"),
    Route("POST", "/actions/tasks/{task_id}/batch-comment", "tasks", "batch_comment"),
    Route("POST", "/actions/tasks/{task_id}/comments/{comment_id}/move", "tasks",
          "move_comment", MANAGER),
    Route("GET", "/data/tasks/{task_id}/comments", "tasks", "task_comments", cache=COMMENTS),
    Route("GET", TASK_COMMENT, "tasks", "task_comment", cache=COMMENTS),
    Route("DELETE", TASK_COMMENT, "tasks", "delete_task_comment"),
    Route("POST", TASK_COMMENT + "/ack", "tasks", "acknowledge_comment"),
    Route("POST", TASK_COMMENT + "/reply", "tasks", "reply_comment"),
    Route("DELETE", TASK_COMMENT + "/reply/{reply_id}", "tasks", "delete_comment_reply"),
    Route("GET", PROJECT + "/comments", "tasks", "project_comments", cache=COMMENTS),
    Route("GET", "/data/projects/news", "tasks", "open_projects_news", cache=NEWS),
    Route("GET", PROJECT + "/news", "tasks", "project_news", cache=NEWS),
    Route("GET", PROJECT + "/news/{news_id}", "tasks", "one_news", cache=NEWS),
    Route("GET", "/data/entities/{entity_id}/news", "tasks", "entity_news", cache=NEWS),
)

# What an artist's own context, saved filters and chats depend on: the tasks service's
# data and read models, and its filter and chat events.
USER = TASKS + ("search-filter", "search-filter-group", "chat", "chat-message")
USER_DATA = "/data/user"
CHAT = "/data/entities/{entity_id}/chat"


def _user_entity_rows(kind, entity_kind):
    extra = types.MappingProxyType({"entity_kind": entity_kind})
    path = "%s/%s/{entity_id}" % (USER_DATA, kind)
    return (Route("GET", path + "/tasks", "tasks", "user_entity_tasks", extra=extra,
                  cache=USER),
            Route("GET", path + "/task-types", "tasks", "user_entity_task_types",
                  extra=extra, cache=USER))


def _user_sequence_row(kind, entity_kind):
    return Route("GET", USER_DATA + "/sequences/{sequence_id}/" + kind, "tasks",
                 "user_sequence_children",
                 extra=types.MappingProxyType({"entity_kind": entity_kind}), cache=USER)


USER_ROUTES = (
    *crud("tasks", "search-filters", read=ADMIN, cache=USER),
    *crud("tasks", "search-filter-groups", read=ADMIN, cache=USER),
    *crud("tasks", "chats", read=ADMIN, cache=USER),
    *crud("tasks", "chat-messages", read=ADMIN, cache=USER),
    Route("GET", USER_DATA + "/context", "tasks", "user_context", cache=USER),
    # Zou serves the same list on both paths (user_service.get_open_projects).
    Route("GET", USER_DATA + "/projects/open", "catalog", "open_projects",
          cache=WITH_TASKS),
    *_user_entity_rows("assets", "Asset"),
    *_user_entity_rows("shots", "Shot"),
    *_user_entity_rows("scenes", "Scene"),
    *_user_entity_rows("sequences", "Sequence"),
    _user_sequence_row("shots", "Shot"),
    _user_sequence_row("scenes", "Scene"),
    Route("GET", USER_DATA + "/projects/{project_id}/asset-types", "tasks",
          "user_project_asset_types", cache=USER),
    Route("GET", USER_DATA + "/projects/{project_id}/asset-types/{asset_type_id}/assets",
          "tasks", "user_asset_type_assets", cache=USER),
    Route("GET", USER_DATA + "/projects/{project_id}/sequences", "tasks",
          "user_project_sequences", cache=USER),
    Route("GET", USER_DATA + "/projects/{project_id}/episodes", "tasks",
          "user_project_episodes", cache=USER),
    Route("GET", USER_DATA + "/tasks-to-check", "tasks", "user_tasks_to_check", cache=USER),
    Route("GET", USER_DATA + "/tasks-to-check/filter-values", "tasks",
          "user_tasks_to_check_filter_values", cache=USER),
    Route("POST", "/data/search", "tasks", "search"),
    Route("GET", USER_DATA + "/filters", "tasks", "user_filters", cache=USER),
    Route("POST", USER_DATA + "/filters", "tasks", "create_user_filter"),
    Route("PUT", USER_DATA + "/filters/{filter_id}", "tasks", "update_user_filter"),
    Route("DELETE", USER_DATA + "/filters/{filter_id}", "tasks", "delete_user_filter"),
    Route("GET", USER_DATA + "/filter-groups", "tasks", "user_filter_groups", cache=USER),
    Route("POST", USER_DATA + "/filter-groups", "tasks", "create_user_filter_group"),
    Route("GET", USER_DATA + "/filter-groups/{filter_group_id}", "tasks",
          "user_filter_group", cache=USER),
    Route("PUT", USER_DATA + "/filter-groups/{filter_group_id}", "tasks",
          "update_user_filter_group"),
    Route("DELETE", USER_DATA + "/filter-groups/{filter_group_id}", "tasks",
          "delete_user_filter_group"),
    # Reading a chat makes it the first time (chat:new): not cached.
    Route("GET", CHAT, "tasks", "entity_chat"),
    Route("GET", CHAT + "/messages", "tasks", "entity_chat_messages"),
    Route("POST", CHAT + "/messages", "tasks", "post_chat_message"),
    Route("GET", CHAT + "/messages/{chat_message_id}", "tasks", "chat_message"),
    Route("DELETE", CHAT + "/messages/{chat_message_id}", "tasks", "delete_chat_message"),
    Route("GET", USER_DATA + "/chats", "tasks", "user_chats", cache=USER),
    Route("POST", "/actions/user/chats/{entity_id}/join", "tasks", "join_chat"),
    Route("DELETE", "/actions/user/chats/{entity_id}/join", "tasks", "leave_chat"),
)

def _board_row(kind, rpc, extra=_NO_EXTRA):
    """A "with tasks" board: its read models (casting links too) announce their batches
    with internal:read-model:tasks.catalog, in TASKS."""
    return Route("GET", "/data/%s/with-tasks" % kind, "tasks", rpc, extra=extra,
                 cache=TASKS)


WITH_TASKS_ROUTES = (
    _board_row("assets", "assets_with_tasks"),
    _board_row("shots", "shots_with_tasks"),
    *(_board_row(kind, "entities_with_tasks", types.MappingProxyType({"kind": kind}))
      for kind in ("sequences", "episodes", "scenes")),
    _board_row("edits", "edits_with_tasks"),
    _board_row("concepts", "concepts_with_tasks"),
)

TASK_STATS_ROUTES = (
    Route("GET", "/data/tasks/open-tasks", "tasks", "open_tasks", cache=TASKS),
    Route("GET", "/data/tasks/open-tasks/stats", "tasks", "open_tasks_stats", cache=TASKS),
    Route("GET", "/data/tasks/open-tasks/burndown", "tasks", "open_tasks_burndown",
          cache=TASKS),
    Route("GET", "/data/projects/{project_id}/episodes/stats", "tasks", "episodes_stats",
          cache=TASKS),
    Route("GET", "/data/projects/{project_id}/episodes/retake-stats", "tasks",
          "episodes_retake_stats", cache=TASKS),
    Route("GET", "/data/persons/task-dates", "tasks", "persons_task_dates", cache=TASKS),
    Route("GET", "/data/persons/{person_id}/related-tasks/{task_type_id}", "tasks",
          "person_related_tasks", cache=TASKS),
    Route("POST", PROJECT_ACTIONS + "/task-types/{task_type_id}/create-tasks/{entity_type}",
          "tasks", "create_entity_type_tasks", MANAGER),
    Route("POST", PROJECT_ACTIONS + "/task-types/{task_type_id}/concepts/create-tasks",
          "tasks", "create_concept_tasks"),
    Route("POST", "/actions/task-types/reorder", "tasks", "reorder_task_types", ADMIN),
    Route("POST", PROJECT_ACTIONS + "/task-type-links/reorder", "tasks",
          "reorder_task_type_links", MANAGER),
    Route("POST", PROJECT_ACTIONS + "/task-status-links/reorder", "tasks",
          "reorder_task_status_links", MANAGER),
)

# The files a pipeline tracks (slate_tasks.file_crud, file_entrypoints): studio settings
# (admins write), working and output files (the service checks who acts on their task).
FILES = TASKS + ("software", "output-type", "file-status", "working-file", "output-file")
TASK_FILES = "/data/tasks/{task_id}/working-files"
WORKING_FILE_ACTIONS = "/actions/working-files/{working_file_id}"
ENTITY_OUTPUTS = "/data/entities/{entity_id}/output-files"

FILE_ROUTES = (
    *crud("tasks", "softwares", cache=FILES),
    *crud("tasks", "output-types", cache=FILES),
    *crud("tasks", "file-status", cache=FILES),
    *crud("tasks", "working-files", write=AUTHENTICATED, cache=FILES),
    *crud("tasks", "output-files", write=AUTHENTICATED, cache=FILES),
    Route("POST", "/data/tasks/{task_id}/working-file-path", "tasks", "working_file_path"),
    Route("POST", "/data/entities/{entity_id}/output-file-path", "tasks",
          "output_file_path"),
    Route("GET", TASK_FILES, "tasks", "task_working_files", cache=FILES),
    Route("GET", TASK_FILES + "/last-revisions", "tasks", "last_working_files",
          cache=FILES),
    Route("POST", TASK_FILES + "/new", "tasks", "new_working_file"),
    Route("GET", "/data/entities/{entity_id}/working-files", "tasks",
          "entity_working_files", cache=FILES),
    Route("PUT", WORKING_FILE_ACTIONS + "/comment", "tasks", "comment_working_file"),
    Route("PUT", WORKING_FILE_ACTIONS + "/modified", "tasks", "modified_working_file"),
    Route("POST", ENTITY_OUTPUTS + "/new", "tasks", "new_output_file"),
    Route("POST", ENTITY_OUTPUTS + "/next-revision", "tasks", "next_output_revision"),
    Route("GET", ENTITY_OUTPUTS, "tasks", "entity_output_files", cache=FILES),
    Route("GET", ENTITY_OUTPUTS + "/last-revisions", "tasks", "last_output_files",
          cache=FILES),
    Route("GET", "/data/entities/{entity_id}/output-types", "tasks", "entity_output_types",
          cache=FILES),
    Route("GET", "/data/entities/{entity_id}/output-types/{output_type_id}/output-files",
          "tasks", "output_type_files", cache=FILES),
    Route("GET", PROJECT + "/output-files", "tasks", "project_output_files", cache=FILES),
    Route("GET", "/data/files/{file_id}", "tasks", "get_file", cache=FILES),
)

# An asset instance's output files in a shot or scene (the temporal entity), and the
# entities a path names (services/tasks/slate_tasks/instance_outputs.py, path_guesses.py).
# The tasks service's catalog read model keeps the asset instances: `FILES` holds its
# `internal:read-model:tasks.catalog`.
INSTANCE = "/data/asset-instances/{asset_instance_id}"
INSTANCE_OUTPUTS = INSTANCE + "/entities/{temporal_entity_id}"

INSTANCE_FILE_ROUTES = (
    Route("POST", INSTANCE_OUTPUTS + "/output-file-path", "tasks",
          "instance_output_file_path"),
    Route("GET", INSTANCE_OUTPUTS + "/output-files/last-revisions", "tasks",
          "last_instance_output_files", cache=FILES),
    Route("POST", INSTANCE_OUTPUTS + "/output-files/new", "tasks", "new_instance_output_file"),
    Route("POST", INSTANCE_OUTPUTS + "/output-files/next-revision", "tasks",
          "next_instance_output_revision"),
    Route("GET", INSTANCE_OUTPUTS + "/output-types", "tasks", "instance_output_types",
          cache=FILES),
    Route("GET", INSTANCE_OUTPUTS + "/output-types/{output_type_id}/output-files", "tasks",
          "instance_output_type_files", cache=FILES),
    Route("GET", INSTANCE + "/output-files", "tasks", "instance_output_files", cache=FILES),
    Route("POST", "/data/entities/guess-from-path", "tasks", "guess_from_path"),
    Route("POST", "/data/entities/guess_from_path", "tasks", "guess_from_path"),
)

ROUTES = (AUTH_ROUTES + CATALOG_ROUTES + ENTITY_ROUTES + BREAKDOWN_ROUTES
          + PRODUCTION_SETTINGS_ROUTES + TASKS_ROUTES + NOTIFICATION_ROUTES + TIME_ROUTES
          + COMMENT_ROUTES + USER_ROUTES + WITH_TASKS_ROUTES + TASK_STATS_ROUTES
          + FILE_ROUTES + INSTANCE_FILE_ROUTES)

# Rows after whose success the gateway revokes the caller's own tokens at once, before the
# `internal:token-revoked` event reaches it: this replica never accepts them again.
REVOKES_CALLER = frozenset({("auth", "logout")})


def check_table(routes):
    """Raise ValueError on a malformed table: bad method or path, or a duplicate row."""
    seen = set()
    for row in routes:
        key = (row.method, PARAM.sub("{}", row.path))
        problem = (
            "unknown method" if row.method not in METHODS else
            "path must start with /" if not row.path.startswith("/") else
            "duplicate route" if key in seen else None)
        if problem:
            raise ValueError("%s: %s %s" % (problem, row.method, row.path))
        seen.add(key)
