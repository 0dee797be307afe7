"""Password changes and resets, as Zou does them (reset links by mail, 2-hour tokens)."""
import datetime
import hashlib
import secrets
import urllib.parse

import sqlalchemy as sa

from slate_common import crud, db, errors, mail, schemas

from slate_auth import access, events, passwords, people
from slate_auth.models import Person, ResetToken

TOKEN_HOURS = 2
PASSWORD_EVENT = events.PASSWORD_CHANGED
TOKEN_EVENT = events.RESET_TOKEN
TOKEN_USED_EVENT = events.RESET_TOKEN_USED
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


def _hash(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token(uow, email):
    """A fresh 64-character reset token for `email` (replacing any older one)."""
    token = "".join(secrets.choice(ALPHABET) for _ in range(64))
    row = uow.session.merge(ResetToken(
        email=email.lower(), token_hash=_hash(token),
        expires_at=db.utcnow() + datetime.timedelta(hours=TOKEN_HOURS)))
    uow.emit(TOKEN_EVENT, {}, {"new": schemas.render(row)})
    return token


def reset_link(settings, email, token):
    query = urllib.parse.urlencode({"email": email, "token": token})
    return "%s/reset-change-password?%s" % (settings.public_url.rstrip("/"), query)


def _required(body, *names):
    body = body if isinstance(body, dict) else {}
    missing = [{"field": name, "message": "Field required"}
               for name in names if not isinstance(body.get(name), str) or not body[name]]
    if missing:
        raise errors.Invalid("Validation error.", {"errors": missing})
    return body


def _set_password(uow, person, password):
    hashed = passwords.hash_password(password)

    def change():
        person.password = hashed
        person.login_failed_attemps = 0
    crud.record_update(uow, people.PERSONS, person, change, PASSWORD_EVENT)


def request_reset(uow, settings, body):
    """POST /auth/reset-password: always the same answer, known email or not."""
    body = _required(body, "email")
    email = body["email"].strip().lower()
    person = uow.session.scalars(sa.select(Person).where(
        sa.func.lower(Person.email) == email, Person.active.is_(True))).first()
    if person is not None:
        token = new_token(uow, email)
        mail.send(settings, email, "Reset your password",
                  "Follow this link to choose a new password (valid %d hours):\n%s\n"
                  % (TOKEN_HOURS, reset_link(settings, email, token)))
    return {"success": "Reset token sent"}


def reset(uow, body):
    """PUT /auth/reset-password with the mailed token."""
    body = _required(body, "email", "token", "password", "password2")
    email = body["email"].strip().lower()
    stored = uow.session.get(ResetToken, email)
    if stored is None or stored.expires_at < db.utcnow() or \
            not secrets.compare_digest(stored.token_hash, _hash(body["token"])):
        raise errors.Invalid("Wrong or expired token.")
    passwords.validate_new_password(body["password"], body["password2"])
    person = uow.session.scalars(sa.select(Person).where(
        sa.func.lower(Person.email) == email)).first()
    if person is None:
        raise errors.Invalid("Wrong or expired token.")
    _set_password(uow, person, body["password"])
    uow.emit(TOKEN_USED_EVENT, {}, {"old": schemas.render(stored)})
    uow.session.delete(stored)
    return {"success": True}


def change_own_password(uow, settings, caller, body):
    """POST /auth/change-password. A wrong old password counts as a failed login, so
    this returns error replies (they must commit) rather than raising."""
    from slate_auth import sessions
    person = access.current_person_row(uow, caller)
    body = _required(body, "old_password", "password", "password_2")
    now = db.utcnow()
    if sessions.locked(person, settings, now):
        return {"status": 400, "body": {"error": True, "too_many_failed_login_attemps": True,
                                        "message": "Too many failed login attempts."}}
    if not passwords.check_password(person.password, body["old_password"]):
        sessions.record_failure(uow, settings, person, now)
        return {"status": 400, "body": {"error": True, "message": "Old password is wrong."}}
    passwords.validate_new_password(body["password"], body["password_2"])
    _set_password(uow, person, body["password"])
    return {"status": 200, "body": {"success": True}}


def change_person_password(uow, caller, person_id, body):
    """POST /actions/persons/{id}/change-password (admins)."""
    try:
        person = crud.fetch_or_404(uow, Person, person_id)
    except errors.MalformedId:
        raise errors.NotFound()
    if person.is_bot:
        raise errors.Forbidden()
    me = access.require_admin(uow, caller)
    body = _required(body, "password", "password_2")
    if body["password"] != body["password_2"]:
        raise errors.Invalid("Validation error.", {"errors": [{
            "field": "", "message": "Value error, Confirmation password doesn't match."}]})
    if person.id != me.id and person.role == "admin" and person.password:
        raise errors.Invalid("An admin can't change another admin's password.")
    passwords.validate_new_password(body["password"])
    _set_password(uow, person, body["password"])
    return {"success": True}


def reset_password_link(uow, settings, caller, person_id):
    """POST /actions/persons/{id}/reset-password-link (admins): a link to hand over."""
    access.require_admin(uow, caller)
    person = crud.fetch_or_404(uow, Person, person_id)
    if not person.email:
        raise errors.Invalid("This person has no email.")
    return {"reset_password_link": reset_link(settings, person.email,
                                              new_token(uow, person.email))}
