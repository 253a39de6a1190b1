"""Settings for the YOS Improvement Tracker.

Everything that differs between machines comes from the environment (see README):
nothing here is edited per installation.
"""

from pathlib import Path

import dj_database_url

from .env import env_bool, env_int, env_list, env_str, oidc_issuer, require_together, secret_key
from .media import media_storage

BASE_DIR = Path(__file__).resolve().parent.parent

# Development is the default so that `make run` works on a fresh clone;
# production sets DEBUG=false and then must supply a real SECRET_KEY.
DEBUG = env_bool("DEBUG", True)

SECRET_KEY = secret_key(debug=DEBUG)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "simple_history",
    "axes",
    "django_celery_beat",
    "django_celery_results",
    "rest_framework",
    "drf_spectacular",
    "yos_tracker",
    "governance",
    "improvement",
    "performance",
    "onboarding",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "yos_tracker.middleware.security_headers",
    "yos_tracker.middleware.refuse_nul_characters",
    "yos_tracker.page_cache.request_scope",  # whose pages a request's writes change
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: compressed ahead, served from here
    # Pages and the API compressed (a dashboard of 100 KiB is a tenth of that); Django's pads each
    # response with random bytes against BREACH, which reads secrets from compressed sizes.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "yos_tracker.urls"
WSGI_APPLICATION = "yos_tracker.wsgi.application"
ASGI_APPLICATION = "yos_tracker.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "yos_tracker.context_processors.navigation",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# Unset DATABASE_URL means the embedded default: a SQLite file in the project folder.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The development server, the in-process Celery tasks and the browser tests write
    # from several threads: WAL and immediate transactions avoid "database is locked".
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Authentication -------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "yos_tracker.sign_in.UserNameOrEmailBackend",
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

# Sign-in throttling: five failures for one user name from one address locks that pair for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "yos_tracker.sign_in.attempted_account"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"

# --- Council sign-in (OpenID Connect, e.g. Microsoft Entra ID) ------------
# Off unless all three are set (README, "Signing in with a council account"). The names are
# mozilla-django-oidc's where it has one; the endpoints come from the issuer's discovery document.
require_together("OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET")
OIDC_OP_ISSUER = oidc_issuer("OIDC_ISSUER")
OIDC_RP_CLIENT_ID = env_str("OIDC_CLIENT_ID")
OIDC_RP_CLIENT_SECRET = env_str("OIDC_CLIENT_SECRET")
# An e-mail address matches an account only when the provider says it verified it
# (email_verified). Entra ID does not say either way for organisational accounts; true accepts
# the addresses of a provider that is silent (never one that says "not verified").
OIDC_TRUST_EMAIL = env_bool("OIDC_TRUST_EMAIL", False)
# The provider proves who a person is, nothing more: accounts, memberships and roles are given
# in the app (an invitation), never created or changed from its claims.
OIDC_CREATE_USER = False
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
# Seconds to wait for the provider, so that a slow one cannot hold a web worker for long.
OIDC_TIMEOUT = 10
if OIDC_OP_ISSUER:
    AUTHENTICATION_BACKENDS.append("yos_tracker.sso.CouncilAccountBackend")
# django-axes counts failed sign-ins by user name and address; one that came back from the
# provider has no user name, so its failures would lock a whole council office out together.
# The provider throttles its own sign-ins.
AXES_WHITELIST_CALLABLE = "yos_tracker.sso.is_council_sign_in"

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "Europe/London")
USE_I18N = True
USE_TZ = True
# Dates read as 31/03/2017, as in the councils' own reports.
FORMAT_MODULE_PATH = ["yos_tracker.formats"]

# --- Static and uploaded files --------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    # Files under MEDIA_ROOT, or a bucket that several web servers share (yos_tracker.media).
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Development serves files straight from static/ (also under the test runner, which turns DEBUG
# off at run time); production serves what `collectstatic` gathered, compressed and hashed.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "YOS Improvement Tracker <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Celery ---------------------------------------------------------------
# No broker configured means tasks run in-process (eager), so `make run` needs no Redis.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL") or env_str("REDIS_URL")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
# Tasks record their own failures on a model the UI shows; in-process runs must not turn those
# into server errors for the person who clicked.
CELERY_TASK_EAGER_PROPAGATES = env_bool("CELERY_TASK_EAGER_PROPAGATES", False)
CELERY_RESULT_BACKEND = "django-db"
CELERY_RESULT_EXTENDED = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# A task is acknowledged only when it has finished, and given back if its worker dies,
# so a crash mid-task means the task runs again rather than being lost.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = 5 * 60
CELERY_TASK_TIME_LIMIT = 6 * 60
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A task whose worker died without acknowledging it is delivered again after this many seconds.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": 2,
    "socket_timeout": 5,
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
}
# A page that queues work must not hang for long when the broker is down: try briefly, then
# keep the work queued in the database (see yos_tracker.jobs.send).
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
# A running import or render writes a heartbeat this often; one not heard from for
# JOB_LOST_AFTER_SECONDS has lost its worker, and beat offers it to be run again (yos_tracker.jobs).
JOB_HEARTBEAT_SECONDS = env_int("JOB_HEARTBEAT_SECONDS", 2)
JOB_LOST_AFTER_SECONDS = env_int("JOB_LOST_AFTER_SECONDS", 60)

# --- Cache ----------------------------------------------------------------
# Shared by every web server when Redis is there (the API's rate limits count across them);
# the embedded default keeps it in each process.
CACHE_URL = env_str("CACHE_URL") or env_str("REDIS_URL")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            "KEY_PREFIX": "yos",
            # A Redis that is down or stalled is given up on quickly (yos_tracker.shared_cache).
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
        if CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# New page parts one organisation may cache an hour (yos_tracker.page_cache): with a part of the
# dashboard at about 100 KB, at most about 30 MB an organisation.
PAGE_CACHE_PARTS_PER_ORGANISATION = env_int("PAGE_CACHE_PARTS_PER_ORGANISATION", 300)

# --- REST API ---------------------------------------------------------------
# Token authentication only: no session, so no page's cookie can be replayed against the API.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["yos_tracker.api_access.TokenAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["yos_tracker.api_access.OrganisationPermission"],
    "DEFAULT_THROTTLE_CLASSES": ["yos_tracker.api_access.TokenRateThrottle"],
    "DEFAULT_PAGINATION_CLASS": "yos_tracker.api_access.Pagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["yos_tracker.api_access.BoundedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "yos_tracker.api.exception_handler",
}
API_RATE_LIMIT = env_str("API_RATE_LIMIT", "600/min")
# Keys this service does not know that one address may send a minute before it is refused (429).
API_BAD_KEY_LIMIT = env_int("API_BAD_KEY_LIMIT", 20)
# The most items one bulk request may carry (a month's values for every service of a region).
API_BULK_MAX_ROWS = env_int("API_BULK_MAX_ROWS", 10000)
SPECTACULAR_SETTINGS = {
    "TITLE": "YOS Improvement Tracker API",
    "DESCRIPTION": (
        "One organisation's improvement plan, performance and governance records, under "
        "`/api/v1/{organisation}/`. Send a person's key as `Authorization: Token {key}` (or Bearer); "
        "the request has that person's roles there."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SCHEMA_PATH_PREFIX": "/api/v1/",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "yos_tracker.api.error_responses"],
    # Served from static/vendor (no CDN: councils run this on intranets).
    "SWAGGER_UI_DIST": STATIC_URL + "vendor/swagger-ui-5.35.0",
    "SWAGGER_UI_FAVICON_HREF": STATIC_URL + "favicon.svg",
}

# --- Forms ----------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security -------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # Only a load test on loopback (plain HTTP) turns these off.
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "axes": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The address people use to reach this instance, for links in e-mails sent by background tasks.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Largest evidence file or spreadsheet accepted, in bytes.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 10 * 1024 * 1024)

# Imports: the most rows of data one file may hold, and the size or rows above which a file is previewed
# and imported by a Celery task rather than within the request.
IMPORT_MAX_ROWS = env_int("IMPORT_MAX_ROWS", 5000)
IMPORT_BACKGROUND_BYTES = env_int("IMPORT_BACKGROUND_BYTES", 256 * 1024)
IMPORT_BACKGROUND_ROWS = env_int("IMPORT_BACKGROUND_ROWS", 500)
# How long an uploaded file waits for its preview to be confirmed before imports_clean removes it.
IMPORT_KEEP_HOURS = env_int("IMPORT_KEEP_HOURS", 24)
