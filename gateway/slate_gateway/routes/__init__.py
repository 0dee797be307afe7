"""The gateway's route table, as data: one row per public Zou route.

A row maps an HTTP method and Zou path template (`{name}` parameters) onto one RPC method of
one service. `policy` says what the gateway checks: `public` (no token), `refresh` (a refresh
token) or anything else (a valid access token). A role policy (`admin`, `manager`...) is only
passed on: the owning service enforces it, since it knows the data. `extra` is passed to the
service with the policy as `request["route"]`.

The rows live in one module per service (`auth.py`, `catalog.py`, `tasks.py`); the row
itself, its policies and the table check in `core.py`. Serving another service is a
matter of adding its module's tuples to `ROUTES`.
"""
from slate_gateway.routes.core import ADMIN, AUTHENTICATED, MANAGER, METHODS, PARAM, PUBLIC, \
    REFRESH, REVOKES_CALLER, SERVICES, Route, check_table, crud, path_params
from slate_gateway.routes.auth import AUTH_ROUTES
from slate_gateway.routes.catalog import BREAKDOWN_ROUTES, CATALOG_ROUTES, ENTITY_ROUTES, \
    PRODUCTION_SETTINGS_ROUTES
from slate_gateway.routes.tasks import COMMENT_ROUTES, FILE_ROUTES, INSTANCE_FILE_ROUTES, \
    NOTIFICATION_ROUTES, TASK_STATS_ROUTES, TASKS_ROUTES, TIME_ROUTES, USER_ROUTES, \
    WITH_TASKS_ROUTES

ROUTES = (AUTH_ROUTES + CATALOG_ROUTES + ENTITY_ROUTES + BREAKDOWN_ROUTES
          + PRODUCTION_SETTINGS_ROUTES + TASKS_ROUTES + NOTIFICATION_ROUTES + TIME_ROUTES
          + COMMENT_ROUTES + USER_ROUTES + WITH_TASKS_ROUTES + TASK_STATS_ROUTES
          + FILE_ROUTES + INSTANCE_FILE_ROUTES)

__all__ = ["ADMIN", "AUTHENTICATED", "MANAGER", "METHODS", "PARAM", "PUBLIC", "REFRESH",
           "REVOKES_CALLER", "SERVICES", "Route", "check_table", "crud", "path_params",
           "ROUTES", "AUTH_ROUTES", "CATALOG_ROUTES", "ENTITY_ROUTES", "BREAKDOWN_ROUTES",
           "PRODUCTION_SETTINGS_ROUTES", "TASKS_ROUTES", "NOTIFICATION_ROUTES", "TIME_ROUTES",
           "COMMENT_ROUTES", "USER_ROUTES", "WITH_TASKS_ROUTES", "TASK_STATS_ROUTES",
           "FILE_ROUTES", "INSTANCE_FILE_ROUTES"]
