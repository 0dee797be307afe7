"""Budgets of a production and their salary entries, with Zou's routes and events.

The generic CRUD routes are admins' and emit `budget:new` / `budget-entry:new`...; the
production routes are its team managers' and emit Zou's `budget:create`,
`budget-entry:create` (with the budget id). Departments and persons are the auth
service's: plain ids. A budget or entry reached through another production is a 404.
"""
import dataclasses
import uuid

import sqlalchemy as sa

from slate_common import crud, errors, schemas

from slate_catalog import access, events, teams
from slate_catalog.entity_bodies import REQUIRED, validate
from slate_catalog.planning import keeping
from slate_catalog.settings_models import Budget, BudgetEntry

NEW_BUDGET = (("name", "name", REQUIRED), ("currency", "str", "USD"))
BUDGET_CHANGE = (("name", "str", None), ("currency", "str", None))
ENTRY_FIELDS = (("person_id", "uuid", None), ("start_date", "str", None),
                ("months_duration", "int", None), ("daily_salary", "float", None),
                ("position", "str", None), ("seniority", "str", None))
NEW_ENTRY = (("department_id", "uuid", REQUIRED),) + ENTRY_FIELDS
ENTRY_CHANGE = (("department_id", "uuid", None),) + ENTRY_FIELDS + (
    ("exceptions", "dict", None),)
BUDGET_SUMMARY = ("id", "project_id", "revision", "name", "currency")
ENTRY_SUMMARY = ("id", "budget_id", "department_id", "person_id", "start_date",
                 "months_duration", "daily_salary", "position", "seniority", "exceptions")


def _no_entries(uow, caller, row):
    access.require_admin(uow, caller)
    if uow.session.scalar(sa.select(BudgetEntry.id).where(
            BudgetEntry.budget_id == row.id).limit(1)) is not None:
        raise errors.Rejected("The change conflicts with records referencing this one.")


BUDGETS = crud.CrudModel(
    name="budgets", model=Budget, event=events.BUDGET, order_by=("revision",),
    check_read=access.require_admin, check_create=access.require_admin,
    check_update=access.require_admin, check_delete=_no_entries,
    prepare=keeping("project_id", "revision"))
BUDGET_ENTRIES = crud.CrudModel(
    name="budget-entries", model=BudgetEntry, event=events.BUDGET_ENTRY,
    order_by=("start_date",), check_read=access.require_admin,
    check_create=access.require_admin, check_update=access.require_admin,
    check_delete=access.require_admin, prepare=keeping("budget_id"))
# What the production routes emit for an entry: its budget's id too.
ENTRY_OF_BUDGET = dataclasses.replace(BUDGET_ENTRIES, event_data=lambda row: {
    "budget_id": str(row.budget_id), "budget_entry_id": str(row.id)})


def _summary(spec, row, keys):
    out = spec.to_json(row)
    return {key: out[key] for key in keys}


def _managed_project(uow, caller, project_id):
    project = teams.project_or_404(uow, project_id)
    access.check_manager_project_access(uow, caller, project.id)
    return project


def _budget(uow, project, budget_id):
    return crud.owned_or_404(uow, Budget, budget_id, "Budget not found.",
                             project_id=project.id)


def _entry(uow, budget, entry_id):
    return crud.owned_or_404(uow, BudgetEntry, entry_id, "Budget entry not found.",
                             budget_id=budget.id)


# -- budgets ---------------------------------------------------------------------------

def project_budgets(uow, caller, project_id):
    project = _managed_project(uow, caller, project_id)
    rows = uow.session.scalars(sa.select(Budget).where(Budget.project_id == project.id)
                               .order_by(Budget.revision)).all()
    return [_summary(BUDGETS, row, BUDGET_SUMMARY) for row in rows]


def create_budget(uow, caller, project_id, body):
    """POST /data/projects/{id}/budgets {name, currency}: the next revision; 200 as in
    Zou; emits budget:create."""
    project = _managed_project(uow, caller, project_id)
    values = validate(body, NEW_BUDGET)
    last = uow.session.scalar(sa.select(sa.func.max(Budget.revision)).where(
        Budget.project_id == project.id))
    row = Budget(id=uuid.uuid4(), project_id=project.id, name=values["name"],
                 currency=values["currency"], revision=(last or 0) + 1)
    crud.insert_row(uow, BUDGETS, row, name=events.BUDGET_CREATE)
    return BUDGETS.to_json(row)


def get_budget(uow, caller, project_id, budget_id):
    project = _managed_project(uow, caller, project_id)
    return BUDGETS.to_json(_budget(uow, project, budget_id))


def update_budget(uow, caller, project_id, budget_id, body):
    """PUT .../budgets/{id} {name, currency}: null fields are left alone."""
    project = _managed_project(uow, caller, project_id)
    values = validate(body, BUDGET_CHANGE)
    row = _budget(uow, project, budget_id)
    changes = {key: value for key, value in values.items() if value is not None}
    crud.record_update(uow, BUDGETS, row, lambda: _set(row, changes))
    return BUDGETS.to_json(row)


def delete_budget(uow, caller, project_id, budget_id):
    """DELETE .../budgets/{id}: its entries go with it (budget-entry:delete each)."""
    project = _managed_project(uow, caller, project_id)
    row = _budget(uow, project, budget_id)
    for entry in uow.session.scalars(sa.select(BudgetEntry).where(
            BudgetEntry.budget_id == row.id)).all():
        crud.remove_row(uow, ENTRY_OF_BUDGET, entry, project_id=project.id)
    crud.remove_row(uow, BUDGETS, row)


def _set(row, changes):
    for key, value in changes.items():
        setattr(row, key, value)


# -- entries ---------------------------------------------------------------------------

def budget_entries(uow, caller, project_id, budget_id):
    budget = _budget(uow, _managed_project(uow, caller, project_id), budget_id)
    rows = uow.session.scalars(sa.select(BudgetEntry).where(
        BudgetEntry.budget_id == budget.id).order_by(BudgetEntry.start_date,
                                                     BudgetEntry.created_at)).all()
    return [_summary(BUDGET_ENTRIES, row, ENTRY_SUMMARY) for row in rows]


def _entry_values(values):
    """Body values as the columns take them: a bad date or choice is Zou's 400."""
    clean = schemas.load(BudgetEntry, {key: value for key, value in values.items()
                                            if value is not None}, partial=True)
    if "exceptions" in values:
        clean["exceptions"] = _clean_exceptions(values["exceptions"])
    return clean


def _clean_exceptions(exceptions):
    """Zou's exception map: months set to zero or null are dropped."""
    try:
        return {key: int(value) for key, value in (exceptions or {}).items()
                if value is not None and int(value) > 0}
    except (TypeError, ValueError):
        raise errors.Invalid("Invalid exceptions.")


def create_entry(uow, caller, project_id, budget_id, body):
    """POST .../budgets/{id}/entries: 200 with the entry; emits budget-entry:create."""
    budget = _budget(uow, _managed_project(uow, caller, project_id), budget_id)
    values = _entry_values(validate(body, NEW_ENTRY))
    row = BudgetEntry(id=uuid.uuid4(), budget_id=budget.id, exceptions={},
                      **{key: values.get(key) for key, _, _ in NEW_ENTRY})
    crud.insert_row(uow, ENTRY_OF_BUDGET, row, name=events.BUDGET_ENTRY_CREATE,
                    project_id=budget.project_id)
    return BUDGET_ENTRIES.to_json(row)


def get_entry(uow, caller, project_id, budget_id, entry_id):
    budget = _budget(uow, _managed_project(uow, caller, project_id), budget_id)
    return BUDGET_ENTRIES.to_json(_entry(uow, budget, entry_id))


def update_entry(uow, caller, project_id, budget_id, entry_id, body):
    """PUT .../entries/{id}: the given fields; emits budget-entry:update."""
    budget = _budget(uow, _managed_project(uow, caller, project_id), budget_id)
    values = validate(body, ENTRY_CHANGE)
    row = _entry(uow, budget, entry_id)
    given = {key: value for key, value in values.items() if key in (body or {})}
    changes = _entry_values(given)
    crud.record_update(uow, ENTRY_OF_BUDGET, row, lambda: _set(row, changes),
                       project_id=budget.project_id)
    return BUDGET_ENTRIES.to_json(row)


def delete_entry(uow, caller, project_id, budget_id, entry_id):
    budget = _budget(uow, _managed_project(uow, caller, project_id), budget_id)
    crud.remove_row(uow, ENTRY_OF_BUDGET, _entry(uow, budget, entry_id),
                    project_id=budget.project_id)
