"""Which of the auth service's tables each event rebuilds (`slate rebuild auth`).

The read model of the catalog's productions is not rebuilt here: it follows the
catalog's events with its own tracked position (`productions.py`).
"""
import types

from slate_auth import resets, sessions
from slate_auth.models import (Base, Department, LoginLog, Organisation, Person,
                               Project, ProjectStatus, ResetToken, RevokedToken, Studio,
                               project_person_links)

BY_FAMILY = {"person": Person, "department": Department, "studio": Studio,
             "organisation": Organisation}
BY_NAME = {
    sessions.LOGIN_EVENT: Person,
    resets.PASSWORD_EVENT: Person,
    sessions.LOGIN_LOG_EVENT: LoginLog,
    sessions.REVOKED_EVENT: RevokedToken,
    resets.TOKEN_EVENT: ResetToken,
    resets.TOKEN_USED_EVENT: ResetToken,
}
READ_MODEL = (Project.__table__, ProjectStatus.__table__, project_person_links)
TABLES = types.SimpleNamespace(sorted_tables=[
    table for table in Base.metadata.sorted_tables if table not in READ_MODEL])


def event_models(name):
    """The model an event of this name changes, or None if it is not the auth service's."""
    if name in BY_NAME:
        return BY_NAME[name]
    return BY_FAMILY.get(name.split(":", 1)[0])
