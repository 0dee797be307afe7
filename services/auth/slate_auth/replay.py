"""Which of the auth service's tables each event rebuilds (`slate rebuild auth`)."""
from slate_auth import resets, sessions
from slate_auth.models import (Base, Department, LoginLog, Organisation, Person,
                               ResetToken, RevokedToken, Studio)

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
TABLES = Base.metadata


def event_models(name):
    """The model an event of this name changes, or None if it is not the auth service's."""
    if name in BY_NAME:
        return BY_NAME[name]
    return BY_FAMILY.get(name.split(":", 1)[0])
