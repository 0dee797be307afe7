"""Every event the auth service emits, declared once. Payloads follow the log's shape
(docs/CONTRACTS.md): `new` row on `:new`, `{id, changes: {field: [old, new]},
updated_at}` on `:update`, `old` row on `:delete`. Public `data` holds Zou's id keys.

| name | data | payload / when |
|---|---|---|
| person:new / :update / :delete | {person_id} | CRUD, department membership, create-admin; :update also the last presence a time spent or desktop login moves (presence.py) |
| department:new / :update / :delete | {department_id} | CRUD |
| studio:new / :update / :delete | {studio_id} | CRUD |
| organisation:new / :update / :delete | {organisation_id} | CRUD; created on first use |
| internal:person-login | {person_id} | changes of login counters and last presence |
| internal:person-password-changed | {person_id} | changes: the new bcrypt hash |
| internal:login-log | {person_id} | new: the login log row |
| internal:token-revoked | {person_id} | jtis, expires_at, new: revoked token rows (logout) |
| internal:reset-token | {} | new: a password-reset token row (hashed) |
| internal:reset-token-used | {} | old: the token row a reset consumed |
"""
PERSON, DEPARTMENT, STUDIO, ORGANISATION = "person", "department", "studio", "organisation"
PERSON_NEW = "person:new"
ORGANISATION_NEW = "organisation:new"
LOGIN = "internal:person-login"
PASSWORD_CHANGED = "internal:person-password-changed"
LOGIN_LOG = "internal:login-log"
TOKEN_REVOKED = "internal:token-revoked"
RESET_TOKEN = "internal:reset-token"
RESET_TOKEN_USED = "internal:reset-token-used"
