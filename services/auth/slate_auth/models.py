"""The auth service's tables (schema `auth`), with Zou's columns."""
import sqlalchemy as sa
from sqlalchemy import orm
from sqlalchemy.dialects.postgresql import JSONB, UUID

from slate_common.db import TimestampedMixin, base_for
from slate_common.schemas import Choice

SCHEMA = "auth"
Base = base_for(SCHEMA)

ROLES = ("user", "admin", "supervisor", "manager", "client", "vendor")
CONTRACT_TYPES = ("open-ended", "fixed-term", "short-term", "freelance", "apprentice",
                  "internship")

person_departments = sa.Table(
    "person_departments", Base.metadata,
    sa.Column("person_id", UUID(as_uuid=True),
              sa.ForeignKey("auth.persons.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("department_id", UUID(as_uuid=True),
              sa.ForeignKey("auth.departments.id", ondelete="CASCADE"), primary_key=True),
)


class Department(TimestampedMixin, Base):
    __tablename__ = "departments"
    name = sa.Column(sa.String(80), nullable=False, unique=True)
    color = sa.Column(sa.String(7), nullable=False)
    archived = sa.Column(sa.Boolean, nullable=False, default=False)


class Studio(TimestampedMixin, Base):
    __tablename__ = "studios"
    name = sa.Column(sa.String(80), nullable=False, unique=True)
    color = sa.Column(sa.String(7), nullable=False)
    archived = sa.Column(sa.Boolean, nullable=False, default=False)


class Organisation(TimestampedMixin, Base):
    __tablename__ = "organisations"
    name = sa.Column(sa.String(80), nullable=False)
    hours_by_day = sa.Column(sa.Float, nullable=False, default=8.0)
    has_avatar = sa.Column(sa.Boolean, default=False)
    use_original_file_name = sa.Column(sa.Boolean, default=False)
    timesheets_locked = sa.Column(sa.Boolean, default=False)
    format_duration_in_hours = sa.Column(sa.Boolean, default=False)
    hd_by_default = sa.Column(sa.Boolean, default=False)
    chat_token_slack = sa.Column(sa.String(80), default="")
    chat_webhook_mattermost = sa.Column(sa.String(80), default="")
    chat_token_discord = sa.Column(sa.String(80), default="")
    dark_theme_by_default = sa.Column(sa.Boolean, default=False)


class Person(TimestampedMixin, Base):
    __tablename__ = "persons"
    first_name = sa.Column(sa.String(80), nullable=False)
    last_name = sa.Column(sa.String(80), nullable=False, default="")
    email = sa.Column(sa.String(255), unique=True)
    phone = sa.Column(sa.String(30), default="")
    country = sa.Column(sa.String(2))
    contract_type = sa.Column(Choice(CONTRACT_TYPES), nullable=False, default="open-ended")
    active = sa.Column(sa.Boolean, default=True)
    archived = sa.Column(sa.Boolean, default=False)
    last_presence = sa.Column(sa.Date)
    desktop_login = sa.Column(sa.String(80), default="")
    login_failed_attemps = sa.Column(sa.Integer, default=0)
    last_login_failed = sa.Column(sa.DateTime)
    totp_enabled = sa.Column(sa.Boolean, default=False)
    email_otp_enabled = sa.Column(sa.Boolean, default=False)
    fido_enabled = sa.Column(sa.Boolean, default=False)
    preferred_two_factor_authentication = sa.Column(Choice(("totp", "email_otp", "fido")))
    shotgun_id = sa.Column(sa.Integer, unique=True)
    timezone = sa.Column(sa.String(50), default="Europe/Paris")
    locale = sa.Column(sa.String(10), default="en_US")
    use_12_hour_clock = sa.Column(sa.Boolean, default=False)
    display_date_format = sa.Column(sa.String(20), default="")
    data = sa.Column(JSONB)
    role = sa.Column(Choice(ROLES), nullable=False, default="user")
    position = sa.Column(Choice(("supervisor", "lead", "artist")), default="artist")
    seniority = sa.Column(Choice(("senior", "mid", "junior")), default="mid")
    daily_salary = sa.Column(sa.Integer, default=0)
    has_avatar = sa.Column(sa.Boolean, default=False)
    notifications_enabled = sa.Column(sa.Boolean, default=False)
    notifications_slack_enabled = sa.Column(sa.Boolean, default=False)
    notifications_slack_userid = sa.Column(sa.String(60), default="")
    notifications_mattermost_enabled = sa.Column(sa.Boolean, default=False)
    notifications_mattermost_userid = sa.Column(sa.String(60), default="")
    notifications_discord_enabled = sa.Column(sa.Boolean, default=False)
    notifications_discord_userid = sa.Column(sa.String(60), default="")
    is_bot = sa.Column(sa.Boolean, nullable=False, default=False)
    is_guest = sa.Column(sa.Boolean, nullable=False, default=False)
    preview_project_id = sa.Column(UUID(as_uuid=True))
    preview_opened_at = sa.Column(sa.DateTime)
    preview_open_until = sa.Column(sa.DateTime)
    expiration_date = sa.Column(sa.Date)
    is_generated_from_ldap = sa.Column(sa.Boolean, default=False)
    ldap_uid = sa.Column(sa.String(60), unique=True)
    studio_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("auth.studios.id"))
    password = sa.Column(sa.LargeBinary(60))
    departments = orm.relationship(Department, secondary=person_departments,
                                   order_by=Department.name)

    @property
    def full_name(self):
        return ("%s %s" % (self.first_name or "", self.last_name or "")).strip()


class RevokedToken(Base):
    """A revoked jti, kept until its token would have expired anyway."""
    __tablename__ = "revoked_tokens"
    jti = sa.Column(sa.String(36), primary_key=True)
    person_id = sa.Column(UUID(as_uuid=True), nullable=False)
    expires_at = sa.Column(sa.DateTime, nullable=False, index=True)


class LoginLog(Base):
    """One successful login: who, from where, with what (web or script)."""
    __tablename__ = "login_logs"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    person_id = sa.Column(UUID(as_uuid=True), sa.ForeignKey("auth.persons.id"),
                          nullable=False, index=True)
    ip_address = sa.Column(sa.String(45))
    origin = sa.Column(Choice(("web", "script")), nullable=False)
    created_at = sa.Column(sa.DateTime, nullable=False, index=True)
    updated_at = sa.Column(sa.DateTime, nullable=False)


class ResetToken(Base):
    """A password-reset token (stored hashed), valid until `expires_at`."""
    __tablename__ = "reset_tokens"
    email = sa.Column(sa.String(255), primary_key=True)
    token_hash = sa.Column(sa.String(64), nullable=False)
    expires_at = sa.Column(sa.DateTime, nullable=False)


# -- read model of the catalog's productions (fed by its events: productions.py) --------

class ProjectStatus(Base):
    """A production status as the catalog names it (Open, Closed...)."""
    __tablename__ = "project_statuses"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    name = sa.Column(sa.String(20), nullable=False)


class Project(Base):
    """A production as auth needs it: its status (open or not) and its team."""
    __tablename__ = "projects"
    id = sa.Column(UUID(as_uuid=True), primary_key=True)
    project_status_id = sa.Column(UUID(as_uuid=True))


# A production's team, each member with the role set for them there (the catalog's
# `team_roles`; NULL: their global role), as Zou's project_person_link.
project_person_links = sa.Table(
    "project_person_links", Base.metadata,
    sa.Column("project_id", UUID(as_uuid=True),
              sa.ForeignKey("auth.projects.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("person_id", UUID(as_uuid=True), primary_key=True, index=True),
    sa.Column("role", sa.String(30)),
)
