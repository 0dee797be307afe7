"""Logging in and out: credentials, the failed-login lockout, tokens and their revocation.

Failed logins must be remembered even though the request fails, so `login` returns error
replies instead of raising (a raised error rolls the unit of work back).
"""
import datetime
import uuid

import sqlalchemy as sa

from slate_common import crud, db, errors, schemas, tokens

from slate_auth import access, events, passwords, people, resets
from slate_auth.models import LoginLog, Person, RevokedToken

BROWSERS = ("Brave", "Chrome", "Edge", "Firefox", "Safari", "Opera", "Vivaldi", "Mozilla")
NOT_BROWSERS = ("HeadlessChrome", "python-requests", "curl", "Gazu", "Wget")
COOKIE_MAX_AGE = 31540000
REVOKED_EVENT = events.TOKEN_REVOKED
LOGIN_EVENT = events.LOGIN
LOGIN_LOG_EVENT = events.LOGIN_LOG
WRONG = "Wrong email or password."


def is_browser(user_agent):
    """Zou sets cookies only for real browsers (not HeadlessChrome, scripts or gazu)."""
    agent = user_agent or ""
    return any(b in agent for b in BROWSERS) and not any(n in agent for n in NOT_BROWSERS)


def find_login(uow, login):
    """The non-bot person whose email (any case) or else desktop login is `login`."""
    by_email = sa.select(Person).where(sa.func.lower(Person.email) == login.lower(),
                                       Person.is_bot.is_(False))
    person = uow.session.scalars(by_email.limit(1)).first()
    if person is None:
        by_login = sa.select(Person).where(Person.desktop_login == login,
                                           Person.is_bot.is_(False))
        person = uow.session.scalars(by_login.order_by(Person.created_at).limit(1)).first()
    return person


def reply(body, status=200, cookies=None):
    out = {"status": status, "body": body}
    if cookies:
        out["cookies"] = cookies
    return out


def _login_body(body):
    if not isinstance(body, dict):
        raise errors.BadRequest()
    email = body.get("email")
    if not isinstance(email, str) or not email:
        message = "Field required" if email is None else "String should have at least 1 character"
        raise errors.Invalid("Validation error.",
                             {"errors": [{"field": "email", "message": message}]})
    password = body.get("password")
    return email.strip(), "default" if password is None else str(password)


def _lockout_over(person, settings, now):
    window = datetime.timedelta(seconds=settings.login_lockout_seconds)
    return not person.last_login_failed or now - person.last_login_failed >= window


def locked(person, settings, now):
    """True while a person is locked out (too many failures, the last one recent)."""
    return (person.login_failed_attemps or 0) >= settings.login_max_failures and \
        not _lockout_over(person, settings, now)


def record_failure(uow, settings, person, now):
    """Count a failed login (an elapsed lockout starts the count again), as an event."""
    count = person.login_failed_attemps or 0
    if count >= settings.login_max_failures and _lockout_over(person, settings, now):
        count = 0

    def fail():
        person.login_failed_attemps = count + 1
        person.last_login_failed = now
    crud.record_update(uow, people.PERSONS, person, fail, LOGIN_EVENT)


def login(uow, settings, body, context):
    """POST /auth/login: Zou's flow, step by step (see docs/CONTRACTS.md for replies)."""
    email, password = _login_body(body)
    person, now = find_login(uow, email), db.utcnow()
    if person is None:
        passwords.check_password(None, password)
        return reply({"login": False, "message": WRONG}, 400)
    if locked(person, settings, now):
        return reply({"error": True, "login": False, "too_many_failed_login_attemps": True,
                      "message": "Too many failed login attempts, retry in a minute."}, 400)
    if not passwords.check_password(person.password, password):
        record_failure(uow, settings, person, now)
        return reply({"login": False, "message": WRONG}, 400)
    if not person.active:
        return reply({"error": True, "login": False, "unactive": True,
                      "message": "User is unactive, he cannot log in."}, 401)
    if person.login_failed_attemps:
        crud.record_update(uow, people.PERSONS, person,
                           lambda: setattr(person, "login_failed_attemps", 0), LOGIN_EVENT)
    if password == "default":
        token = resets.new_token(uow, person.email or "")
        return reply({"login": False, "default_password": True, "token": token}, 400)
    return logged_in(uow, settings, person, context, now)


def logged_in(uow, settings, person, context, now):
    access_token, _, refresh_token, _ = tokens.issue_pair(
        settings.secret_key, person.id, settings.access_token_days,
        settings.refresh_token_days)
    browser = is_browser(context.get("user_agent"))
    log = LoginLog(id=uuid.uuid4(), person_id=person.id, created_at=now, updated_at=now,
                   ip_address=context.get("ip_address"), origin="web" if browser else "script")
    uow.session.add(log)
    uow.emit(LOGIN_LOG_EVENT, {"person_id": str(person.id)}, {"new": schemas.render(log)})
    if person.last_presence != now.date():
        crud.record_update(uow, people.PERSONS, person,
                           lambda: setattr(person, "last_presence", now.date()), LOGIN_EVENT)
    body = {"user": people.render_person(person),
            "organisation": people.organisation_json(people.organisation(uow),
                                                     person.role == "admin"),
            "login": True, "access_token": access_token, "refresh_token": refresh_token}
    cookies = {"set": {"access_token_cookie": _cookie(access_token, "/"),
                       "refresh_token_cookie": _cookie(refresh_token, "/auth/refresh-token")}}
    return reply(body, cookies=cookies if browser else None)


def _cookie(value, path):
    return {"value": value, "path": path, "max_age": COOKIE_MAX_AGE}


def authenticated(uow, caller):
    person = crud.read_record(uow, people.PERSONS, access.current_person(uow, caller).id)
    user = {**people.render_person(person), "fido_devices": []}
    return {"authenticated": True, "user": user,
            "organisation": people.organisation_json(people.organisation(uow),
                                                     person.role == "admin")}


def refresh(uow, settings, caller):
    """GET /auth/refresh-token: a new access token tied to the caller's refresh token."""
    person = access.current_person(uow, caller)
    token, _ = tokens.issue(settings.secret_key, person.id, "access",
                            settings.access_token_days, refresh_jti=caller["jti"])
    if not is_browser(caller.get("user_agent")):
        return reply({"access_token": token})
    return reply({"refresh": True}, cookies={
        "set": {"access_token_cookie": _cookie(token, "/")},
        "clear": [{"name": "refresh_token_cookie", "path": "/auth/refresh-token"}]})


def logout(uow, settings, caller):
    """Revoke the caller's access token and its refresh token, on every gateway."""
    person = access.current_person(uow, caller)
    jtis = [jti for jti in (caller.get("jti"), caller.get("refresh_jti")) if jti]
    expires_at = db.utcnow() + datetime.timedelta(days=settings.refresh_token_days)
    rows = [uow.session.merge(RevokedToken(jti=jti, person_id=person.id,
                                           expires_at=expires_at)) for jti in jtis]
    uow.emit(REVOKED_EVENT, {"person_id": str(person.id)},
             {"jtis": jtis, "expires_at": _unix(expires_at),
              "new": [schemas.render(row) for row in rows]})
    return reply({"logout": True}, cookies={"clear": [
        {"name": "access_token_cookie", "path": "/"},
        {"name": "refresh_token_cookie", "path": "/auth/refresh-token"}]})


def _unix(naive_utc):
    return int(naive_utc.replace(tzinfo=datetime.timezone.utc).timestamp())


def revoked_tokens(uow):
    """Every revoked jti that has not expired yet (what a starting gateway loads)."""
    query = sa.select(RevokedToken).where(RevokedToken.expires_at >= db.utcnow())
    return [{"jti": row.jti, "expires_at": _unix(row.expires_at)}
            for row in uow.session.scalars(query)]
