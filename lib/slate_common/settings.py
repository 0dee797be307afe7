"""Settings, built once at start-up from the environment and passed down."""
import dataclasses
import logging
import os

DEV_SECRET = "slate-development-secret-change-me-in-production"
log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class Settings:
    database_url: str = "postgresql://postgres@127.0.0.1:5432/slate"
    amqp_uri: str = "amqp://guest:guest@127.0.0.1:5672/"
    http_port: int = 8080
    stream_port: int = 8081
    secret_key: str = DEV_SECRET
    storage_dir: str = "./var/storage"
    rpc_timeout: float = 30.0
    access_token_days: int = 7
    refresh_token_days: int = 15
    max_body_bytes: int = 10 * 1024 * 1024
    login_max_failures: int = 5
    login_lockout_seconds: int = 60
    service_workers: int = 10
    service_replicas: int = 2
    cache_seconds: float = 10.0
    follow_poll_seconds: float = 10.0
    public_url: str = "http://localhost:8080"
    smtp_host: str = ""
    smtp_port: int = 25
    mail_from: str = "slate@localhost"

    @property
    def sqlalchemy_url(self):
        """The database URL with SQLAlchemy's psycopg2 driver name."""
        url = self.database_url
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg2://" + url[len("postgresql://"):]
        return url


_ENV = {
    "database_url": ("SLATE_DATABASE_URL", str),
    "amqp_uri": ("SLATE_AMQP_URI", str),
    "http_port": ("SLATE_HTTP_PORT", int),
    "stream_port": ("SLATE_STREAM_PORT", int),
    "secret_key": ("SLATE_SECRET_KEY", str),
    "storage_dir": ("SLATE_STORAGE_DIR", str),
    "rpc_timeout": ("SLATE_RPC_TIMEOUT", float),
    "service_workers": ("SLATE_SERVICE_WORKERS", int),
    "service_replicas": ("SLATE_SERVICE_REPLICAS", int),
    "cache_seconds": ("SLATE_CACHE_SECONDS", float),
    "follow_poll_seconds": ("SLATE_FOLLOW_POLL_SECONDS", float),
    "login_max_failures": ("SLATE_LOGIN_MAX_FAILURES", int),
    "login_lockout_seconds": ("SLATE_LOGIN_LOCKOUT_SECONDS", int),
    "public_url": ("SLATE_PUBLIC_URL", str),
    "smtp_host": ("SLATE_SMTP_HOST", str),
    "smtp_port": ("SLATE_SMTP_PORT", int),
    "mail_from": ("SLATE_MAIL_FROM", str),
}


def load_settings(environ=None):
    """Build Settings from an environment mapping (os.environ by default)."""
    environ = os.environ if environ is None else environ
    values = {}
    for field, (name, cast) in _ENV.items():
        if environ.get(name):
            values[field] = cast(environ[name])
    settings = Settings(**values)
    if settings.secret_key == DEV_SECRET:
        log.warning("SLATE_SECRET_KEY is not set: using the development secret")
    return settings


def nameko_config(settings):
    """The config dict a nameko container needs, with Settings carried inside."""
    return {
        "AMQP_URI": settings.amqp_uri,
        "max_workers": settings.service_workers,
        "parent_calls_tracked": 10,
        "SLATE_SETTINGS": dataclasses.asdict(settings),
    }


def settings_from_config(config):
    """Rebuild Settings inside a nameko container from its config."""
    return Settings(**config["SLATE_SETTINGS"])


def to_environ(settings):
    """The SLATE_* environment that rebuilds these settings in a child process."""
    return {name: str(getattr(settings, field)) for field, (name, _) in _ENV.items()}
