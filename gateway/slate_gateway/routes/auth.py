"""The auth service's rows: people, departments, studios, the organisation, logins and
tokens, the event log, `/config`."""
from slate_gateway.routes.core import ADMIN, MANAGER, PUBLIC, REFRESH, Route, crud

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
