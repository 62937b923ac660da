"""Settings for Bright Spots, read from the environment (see the table in README.md).

Without any variable set the app runs in embedded mode: an SQLite file and Celery tasks executed
in-process, so a newcomer needs nothing installed. Production sets DATABASE_URL (PostgreSQL),
REDIS_URL (broker for real Celery workers and beat), SECRET_KEY, ALLOWED_HOSTS and the e-mail
variables.
"""

from datetime import timedelta
from pathlib import Path

from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from brightspots.env import (
    env_bool,
    env_choice,
    env_database,
    env_int,
    env_list,
    env_redis_url,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off (see README).")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"  # noqa: S105 - DEBUG only

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "csp",
    # Our apps, from the floor up: each imports only those above it in this list (ARCHITECTURE.md).
    "core",
    "organisation",
    "registry",
    "recognition",
    "reporting",
    "reminders",
]
# Demo and benchmark data (`load_demo`, `generate_dataset`); production may leave them out.
if env_bool("DEMO_DATA", True):
    INSTALLED_APPS.append("demo")


MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: a logged-in user's saved language counts (brightspots/language.py).
    "core.language.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "core.sessions.SessionTimeoutMiddleware",
    "core.security_log.RefusedAccessLogMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "brightspots.urls"
WSGI_APPLICATION = "brightspots.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "organisation.context_processors.site",
            ],
        },
    },
]

# --- Database ------------------------------------------------------------------------------------
DATABASES = {
    "default": env_database("DATABASE_URL", f"sqlite:///{VAR_DIR / 'brightspots.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # WAL and a busy timeout let the in-process demo survive a request and a task writing at once.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- People --------------------------------------------------------------------------------------
AUTH_USER_MODEL = "organisation.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: officials of one office share an address, so failures are counted per
# username *and* address together; the lock lifts by itself after the cool-off.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_VERBOSE = False

# --- Language and time (SPEC R6, R33) ------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
# Each app keeps its own catalogue; the project's templates use the top-level one (listed last so
# that `makemessages` files every string under the app that holds it).
LOCALE_PATHS = [
    BASE_DIR / app / "locale"
    for app in ("core", "organisation", "registry", "recognition", "reporting", "reminders", "demo")
] + [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["core.formats"]

# --- Static files and uploads (SPEC R32, R35) ----------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules/bootstrap/dist"),
    ("vendor/bootstrap-icons", BASE_DIR / "node_modules/bootstrap-icons/font"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Uploads are served by permission-checking views only; there is deliberately no MEDIA_URL route.
MEDIA_URL = "/media-not-served/"
UPLOAD_MAX_BYTES = 20 * 1024 * 1024
# What an Office file (a ZIP archive) may expand to once opened: more is a "zip bomb".
UPLOAD_MAX_EXPANDED_BYTES = 200 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Signed documents (R41, core/signing.py) ----------------------------------------------------
# A JSON file naming each issuing authority's key (a PKCS#12 file or a PKCS#11 token), the CA
# certificates uploaded files are checked against, and the timestamp authority. Keys and
# passphrases are never stored in the database. `load_demo` writes a demo one at the default path.
SIGNING_KEYS_FILE = Path(env_str("SIGNING_KEYS_FILE", str(VAR_DIR / "signing" / "keys.json")))
SIGNING_TSA_URL = env_str("SIGNING_TSA_URL", "")
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Forms ---------------------------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- E-mail --------------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20, minimum=1)
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "outbox"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Điểm sáng <no-reply@diemsang.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery (tasks, beat) ------------------------------------------------------------------------
REDIS_URL = env_redis_url("REDIS_URL")
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 270
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_QUEUE", "brightspots")
if REDIS_URL:
    CELERY_BROKER_URL = REDIS_URL
    # A publish must not hold a user's request when the broker is away: the job row is already
    # committed and the sweeper sends it later (core.jobs).
    CELERY_BROKER_CONNECTION_TIMEOUT = 2
    CELERY_TASK_PUBLISH_RETRY = False
    # How long Redis keeps a message delivered to a worker before handing it to another: longer
    # than any task time limit, job lease or retry delay, so a slow task is not delivered twice
    # while it runs. Celery reads it in both places; they must agree (checked by a test).
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
    # Exactly one beat: a second one finds the lock in Redis taken and stops (core.beat).
    CELERY_BEAT_SCHEDULER = "core.beat:SingleBeatScheduler"
    CELERY_BEAT_MAX_LOOP_INTERVAL = 30
else:
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
# The reminders of R25 go out every morning at 07:00 in Asia/Ho_Chi_Minh (CELERY_TIMEZONE).
# REMINDERS_BEAT_INTERVAL (seconds) replaces the daily crontab by a short interval: only for the
# test that runs beat and a worker as real processes; never set it in production.
REMINDERS_BEAT_INTERVAL = env_int("REMINDERS_BEAT_INTERVAL", 0)
CELERY_BEAT_SCHEDULE = {
    "sweep-pending-jobs": {
        "task": "core.sweep_pending_jobs",
        "schedule": 60.0,
    },
    "send-daily-reminders": {
        "task": "reminders.schedule_daily",
        "schedule": float(REMINDERS_BEAT_INTERVAL)
        if REMINDERS_BEAT_INTERVAL
        else crontab(hour=7, minute=0),
    },
    # R36: the day's digest to everyone who chose one e-mail a day, at 18:00.
    "send-daily-digests": {
        "task": "reminders.schedule_digests",
        "schedule": crontab(hour=18, minute=0),
    },
    "remove-old-downloads": {
        "task": "reporting.expire_exports",
        "schedule": crontab(hour=3, minute=0),
    },
}
# Days a produced download stays on the server before its file is removed (it can be asked again).
EXPORT_KEEP_DAYS = env_int("EXPORT_KEEP_DAYS", 7, minimum=1)
# How long a claimed job stays reserved before the sweeper may hand it to another worker.
JOB_LEASE_SECONDS = CELERY_TASK_TIME_LIMIT + 60
JOB_MAX_ATTEMPTS = env_int("JOB_MAX_ATTEMPTS", 12, minimum=1)
# A document a user asked for (core.renditions): a render that hangs is cut after this many
# seconds (soft: the render is interrupted; hard: its worker process is replaced) and tried again.
RENDER_SOFT_TIME_LIMIT = env_int("RENDER_SOFT_TIME_LIMIT", 120, minimum=1)
RENDER_TIME_LIMIT = env_int("RENDER_TIME_LIMIT", 150, minimum=2)
# Imports (R39): a file larger than this is previewed by a background job, and one with more
# rows than this is applied by one (with a progress page); smaller ones answer at once.
IMPORT_INLINE_BYTES = env_int("IMPORT_INLINE_BYTES", 400_000, minimum=1)
IMPORT_INLINE_ROWS = env_int("IMPORT_INLINE_ROWS", 2000, minimum=1)

# --- Cache (shared between web machines when Redis is present) ----------------------------------
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# --- Security --------------------------------------------------------------------------------------
# HTTPS defaults to on in production; an intranet without TLS turns it off explicitly.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# --- Accounts and security (issue 7, part 3) -------------------------------------------------------
# Sessions end after SESSION_IDLE_MINUTES without a request and SESSION_MAX_HOURS after logging in,
# whatever the activity (core.sessions). The cookie lives no longer than the longest session.
SESSION_IDLE_TIMEOUT = timedelta(minutes=env_int("SESSION_IDLE_MINUTES", 30, minimum=1))
SESSION_MAX_DURATION = timedelta(hours=env_int("SESSION_MAX_HOURS", 12, minimum=1))
SESSION_COOKIE_AGE = int(SESSION_MAX_DURATION.total_seconds())

# Content Security Policy (django-csp): only our own scripts, styles and fonts, no inline script or
# style attribute. Bootstrap's stylesheet draws some icons as data: SVG images, hence img-src data:.
# Bootstrap's JavaScript sets styles through the CSSOM, which style-src does not restrict.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Nothing in the app uses these devices; a script injected despite the CSP cannot either.
PERMISSIONS_POLICY = {"camera": [], "microphone": [], "geolocation": []}
# --- end of accounts and security --------------------------------------------------------------------

# --- Logging ---------------------------------------------------------------------------------------
LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", {"DEBUG", "INFO", "WARNING", "ERROR"})
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "brightspots": {"level": LOG_LEVEL},
        "core": {"level": LOG_LEVEL},
        "organisation": {"level": LOG_LEVEL},
        "registry": {"level": LOG_LEVEL},
        "recognition": {"level": LOG_LEVEL},
        "reporting": {"level": LOG_LEVEL},
        "reminders": {"level": LOG_LEVEL},
        "axes": {"level": "WARNING"},
    },
}

# --- The programme ---------------------------------------------------------------------------------
# Shown in the page title and e-mails; the province's own names live in the database.
PRODUCT_NAME = _("Bright Spots")
