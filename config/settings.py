"""SketchDojo settings, read from the environment.

With no environment at all this is the embedded default: SQLite, local-memory cache, in-memory
channel layer, an in-process Celery worker, local media and the offline providers. Production is
configuration only (DATABASE_URL, REDIS_URL, STORAGE_TYPE=s3, provider keys); see README.md.
"""

import os
from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from accounts.secret_key import secret_key_from_file
from sketchdojo.storage import default_storage_backend

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
ENVIRONMENT = env("ENVIRONMENT", default="development")

# --- secrets -----------------------------------------------------------------------------------
SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY and ENVIRONMENT == "production":
    raise ImproperlyConfigured("SECRET_KEY must be set when ENVIRONMENT=production.")
# Without SECRET_KEY (the embedded default), a random key is made on first run and kept in a
# 0600 file beside the SQLite database (SECRET_KEY_FILE overrides); see the database section.
SECRET_KEY_FILE = env("SECRET_KEY_FILE", default="")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
CORS_ALLOWED_ORIGINS = env.list("CORS_ORIGINS", default=[])
# Absolute base for links handed out by the API (published_url, image urls); empty = from the request.
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="").rstrip("/")

# --- applications --------------------------------------------------------------------------------
INSTALLED_APPS = [
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_simplejwt",
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "channels",
    "django_celery_results",
    "django_prometheus",
    "sketchdojo",
    "accounts",
    "axes",
    "projects",
    "characters",
    "webtoons",
    "panels",
    "tasks",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "sketchdojo.api.middleware.RequestIdMiddleware",
    "sketchdojo.logging.LogContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "axes.middleware.AxesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "sketchdojo.api.middleware.ApiErrorEnvelopeMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"
APPEND_SLASH = False

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
            ],
        },
    },
]

# --- database ------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
_db = DATABASES["default"]
if _db["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + immediate transactions + a busy timeout: the in-process worker and concurrent
    # requests wait for the write lock instead of failing with "database is locked".
    _db["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Tests use an in-memory database (Django's default), said explicitly because the
    # django-prometheus engine below hides "sqlite" from pytest-xdist, which would otherwise
    # derive per-worker file names from the file path.
    _db["TEST"] = {"NAME": ":memory:"}
elif _db["ENGINE"] in ("django.db.backends.mysql",):
    _db.setdefault("OPTIONS", {}).update({"charset": "utf8mb4", "init_command": "SET sql_mode='STRICT_TRANS_TABLES'"})
    _db["TEST"] = {"CHARSET": "utf8mb4", "COLLATION": "utf8mb4_unicode_ci"}
if not SECRET_KEY:
    _sqlite_dir = Path(_db["NAME"]).parent if _db["ENGINE"] == "django.db.backends.sqlite3" else BASE_DIR
    SECRET_KEY = secret_key_from_file(Path(SECRET_KEY_FILE) if SECRET_KEY_FILE else _sqlite_dir / ".secret_key")
# Kept open between requests: the ASGI handler runs requests on pooled threads (sketchdojo/asgi.py), so
# connections stay few and are reused; Django closes one past its age or after an error.
_db["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=300)
_db["CONN_HEALTH_CHECKS"] = True
# django-prometheus's wrappers of the same backends export connection, query and error counts
# (django_db_new_connections_total, ...); the Grafana dashboard reads them.
_db["ENGINE"] = _db["ENGINE"].replace("django.db.backends.", "django_prometheus.db.backends.", 1)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache, channel layer, Celery ----------------------------------------------------------------
REDIS_URL = env("REDIS_URL", default="")
# Parallel test workers (pytest-xdist) share one Redis: each gets its own key space.
_KEY_SUFFIX = env("PYTEST_XDIST_WORKER", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="sketchdojo") + _KEY_SUFFIX,
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {
                # redis-py 8 reads with a 5 s socket timeout by default, which kills channels-redis's
                # blocking 5 s BZPOPMIN on idle sockets (django/channels_redis#422): allow longer.
                "hosts": [{"address": REDIS_URL, "socket_timeout": 15}],
                "prefix": env("CHANNELS_PREFIX", default="asgi") + _KEY_SUFFIX,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "sketchdojo.layers.FastInMemoryChannelLayer"}}

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = "django-db"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=600)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=660)
CELERY_TASK_DEFAULT_QUEUE = "ai"
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600)}
if env("CELERY_BROKER_KEY_PREFIX", default=""):
    # Several deployments (or test runs) can share one Redis: each gets its own queue keys.
    CELERY_BROKER_TRANSPORT_OPTIONS["global_keyprefix"] = env("CELERY_BROKER_KEY_PREFIX")
CELERY_TIMEZONE = "UTC"
# Workers answer remote control (`celery -A config inspect ping`, `celery status`, Flower) over the
# broker. The embedded worker cannot: its broker is the memory of the web process, which another
# process (the `celery` command) never sees; /health/readiness reports it instead.
CELERY_WORKER_ENABLE_REMOTE_CONTROL = True
# Generation tasks (tasks/): heartbeat while a step runs; the reconciler re-queues a running task whose
# heartbeat is older than TASK_STALE_AFTER_SECONDS (a killed worker), or a pending one nobody took.
TASK_HEARTBEAT_SECONDS = env.float("TASK_HEARTBEAT_SECONDS", default=20.0)
TASK_STALE_AFTER_SECONDS = env.float("TASK_STALE_AFTER_SECONDS", default=300.0)
TASK_PENDING_REQUEUE_AFTER_SECONDS = env.float("TASK_PENDING_REQUEUE_AFTER_SECONDS", default=900.0)
TASK_MAX_RECOVERIES = env.int("TASK_MAX_RECOVERIES", default=3)
TASK_RETRY_BACKOFF_SECONDS = env.float("TASK_RETRY_BACKOFF_SECONDS", default=2.0)
RECONCILE_INTERVAL_SECONDS = env.float("RECONCILE_INTERVAL_SECONDS", default=60.0)
ESTIMATED_PLAN_SECONDS = env.float("ESTIMATED_PLAN_SECONDS", default=10.0)
ESTIMATED_SECONDS_PER_PANEL = env.float("ESTIMATED_SECONDS_PER_PANEL", default=15.0)
CELERY_BEAT_SCHEDULE = {
    "reconcile-stale-tasks": {"task": "tasks.reconcile_stale_tasks", "schedule": RECONCILE_INTERVAL_SECONDS},
}
# Embedded mode: no broker of our own, so the web process runs a worker thread itself.
EMBEDDED_WORKER = env.bool("EMBEDDED_WORKER", default=not REDIS_URL)
EMBEDDED_WORKER_CONCURRENCY = env.int("EMBEDDED_WORKER_CONCURRENCY", default=4)
# ... and draws and letters offline panels in this many processes (sketchdojo.engine.pool), so the
# GIL the sockets need is not held by the artist; 0 = in the worker's threads.
EMBEDDED_DRAW_PROCESSES = env.int("EMBEDDED_DRAW_PROCESSES", default=min(os.cpu_count() or 1, 4))
# Realtime sockets: signed-in sockets one user may hold open (counted in the cache), then 4429.
WS_MAX_CONNECTIONS_PER_USER = env.int("WS_MAX_CONNECTIONS_PER_USER", default=20)

# --- auth ----------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "accounts.validators.VariedCharactersPasswordValidator"},
]
# Admin sign-in (/admin/login/) is guarded by django-axes with the API login's rule: after
# LOGIN_FAILURE_LIMIT failures for one (account, address) pair, that pair waits out the window;
# the owner signing in from another address is not affected, and a success resets the count.
AUTHENTICATION_BACKENDS = [
    "accounts.backends.AdminLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
MONTHLY_GENERATION_QUOTA = env.int("MONTHLY_GENERATION_QUOTA", default=200)

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("ACCESS_TOKEN_LIFETIME_MINUTES", default=30)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("REFRESH_TOKEN_LIFETIME_DAYS", default=7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    # Every token carries a digest of the password hash it was issued under: any password change
    # (API, admin, set_password, changepassword) ends every access and refresh token at once.
    "CHECK_REVOKE_TOKEN": True,
    "REVOKE_TOKEN_CLAIM": "pwd",
}

# --- DRF -----------------------------------------------------------------------------------------
# The socket (/api/v1/ws/connect) authenticates its JWT with the same class as the API (the core names no app).
WEBSOCKET_AUTHENTICATION = "accounts.authentication.RevocableJWTAuthentication"
WEBSOCKET_TOKEN_IS_CURRENT = "accounts.authentication.token_is_current"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.RevocableJWTAuthentication",
        "accounts.authentication.BrowsableAPISessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
    "DEFAULT_PARSER_CLASSES": [
        "sketchdojo.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_PAGINATION_CLASS": "sketchdojo.api.pagination.PagePagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "sketchdojo.api.schema.ApiAutoSchema",
    "EXCEPTION_HANDLER": "sketchdojo.api.exceptions.envelope_exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["sketchdojo.api.throttles.UserRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {
        "user": env("THROTTLE_USER", default="60/min"),
        "generation": env("THROTTLE_GENERATION", default="100/hour"),
        "panel_generation": env("THROTTLE_PANEL_GENERATION", default="50/hour"),
        "login": env("THROTTLE_LOGIN", default="10/min"),
        "register": env("THROTTLE_REGISTER", default="30/hour"),
    },
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=10)
LOGIN_FAILURE_WINDOW_SECONDS = env.int("LOGIN_FAILURE_WINDOW_SECONDS", default=15 * 60)
# One address, all accounts: a spraying address is locked out for the window.
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=50)
# Across all addresses: past this many failures for one account in the window, addresses that
# have themselves failed for it wait 2^(excess) seconds (capped) after the account's last failure.
LOGIN_ACCOUNT_FAILURE_SOFT_LIMIT = env.int("LOGIN_ACCOUNT_FAILURE_SOFT_LIMIT", default=20)
LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS = env.int("LOGIN_ACCOUNT_BACKOFF_MAX_SECONDS", default=15 * 60)
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_FAILURE_WINDOW_SECONDS)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_ONLY_ADMIN_SITE = True
AXES_CLIENT_IP_CALLABLE = "accounts.lockout.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.admin_lockout.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_VERBOSE = False

# The browsable API's "Log in" link (rest_framework.urls) comes back here when no `next` is given.
LOGIN_REDIRECT_URL = "/api/v1/"

SPECTACULAR_SETTINGS = {
    "TITLE": "SketchDojo API",
    "DESCRIPTION": "Stories in, webtoons out.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    # Tags come from the path below /api/v1 (one per resource), described here in the order shown.
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "PREPROCESSING_HOOKS": ["sketchdojo.api.schema.drop_optional_trailing_slash"],
    "TAGS": [
        {"name": "auth", "description": "Register, sign in (a bearer token pair), refresh, sign out."},
        {"name": "projects", "description": "A story's title, outline, art style and palette."},
        {"name": "characters", "description": "A project's cast, with appearance, personality and reference image."},
        {"name": "webtoons", "description": "Generate from a story (a 202 task), edit, publish, export."},
        {"name": "panels", "description": "Add, edit, reorder, redraw and delete a webtoon's panels."},
        {
            "name": "tasks",
            "description": "Generation tasks: progress, cancel, retry (live: /docs/websocket).",
        },
    ],
    "EXTERNAL_DOCS": {"description": "The WebSocket protocol (AsyncAPI)", "url": "/docs/websocket"},
    # Swagger UI's Authorize dialog signs in with the password flow (accounts.schema) and keeps the token.
    # The browsable API's session is not an authentication of the documented API.
    "AUTHENTICATION_WHITELIST": ["accounts.authentication.RevocableJWTAuthentication"],
    "SWAGGER_UI_SETTINGS": {"persistAuthorization": True, "displayOperationId": False},
    # ReDoc in the system's fonts: its page (templates/drf_spectacular/redoc.html) loads no web font.
    "REDOC_UI_SETTINGS": {
        "theme": {
            "typography": {
                "fontFamily": "system-ui, -apple-system, 'Segoe UI', sans-serif",
                "headings": {"fontFamily": "system-ui, -apple-system, 'Segoe UI', sans-serif"},
                "code": {"fontFamily": "ui-monospace, 'SFMono-Regular', Menlo, monospace"},
            }
        }
    },
    # Several fields share a name ("status", "style") with different choices: name each set once.
    "ENUM_NAME_OVERRIDES": {
        "ArtStyleEnum": "projects.models.ArtStyle",
        "ProjectStatusEnum": "projects.models.ProjectStatus",
        "WebtoonStatusEnum": "webtoons.models.WebtoonStatus",
        "TaskStatusEnum": "tasks.models.TaskStatus",
        "PanelStatusEnum": "panels.models.PanelStatus",
        "BubbleStyleEnum": "sketchdojo.engine.lettering.BUBBLE_STYLES",
    },
}

# --- files ---------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env("MEDIA_URL", default="/media/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# How long a signed link to private media (local mode) works; see sketchdojo/storage.py.
MEDIA_URL_EXPIRE_SECONDS = env.int("MEDIA_URL_EXPIRE_SECONDS", default=3600)
# How long a page of an API list is served from the cache until one of its user's rows changes (0:
# never); capped at a quarter of a signed media link's life. See sketchdojo/listcache.py.
LIST_CACHE_SECONDS = env.int("LIST_CACHE_SECONDS", default=30)
# Export build jobs a user may have pending or running at once (webtoons/exports.py); one more gets
# 429 with Retry-After.
EXPORT_BUILDS_PER_USER = env.int("EXPORT_BUILDS_PER_USER", default=2)
# How long the first GET of an export waits for its build job before answering 202 with the task:
# the embedded worker builds in this process within seconds, so `make run` sends the file itself;
# with a separate worker (production) the answer is 202 at once and no web thread waits on a build.
EXPORT_WAIT_SECONDS = env.float("EXPORT_WAIT_SECONDS", default=15.0 if EMBEDDED_WORKER else 0.0)
# Builds running at once in one worker process (a 100-panel build holds ~250 MB while it runs).
EXPORT_BUILDS_PER_PROCESS = env.int("EXPORT_BUILDS_PER_PROCESS", default=1)
DATA_UPLOAD_MAX_MEMORY_SIZE = env.int("DATA_UPLOAD_MAX_MEMORY_SIZE", default=2 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = DATA_UPLOAD_MAX_MEMORY_SIZE
CHARACTER_IMAGE_MAX_BYTES = env.int("CHARACTER_IMAGE_MAX_BYTES", default=5 * 1024 * 1024)
CHARACTER_IMAGE_MAX_PIXELS = env.int("CHARACTER_IMAGE_MAX_PIXELS", default=4096 * 4096)

STORAGE_TYPE = env("STORAGE_TYPE", default="local")
# Local media folder, or S3 / any S3-compatible store with STORAGE_TYPE=s3 (sketchdojo/storage.py).
STORAGES = {
    "default": default_storage_backend(env, storage_type=STORAGE_TYPE),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if DEBUG:
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# --- generation providers ------------------------------------------------------------------------
LLM_PROVIDER = env("LLM_PROVIDER", default="local")
IMAGE_PROVIDER = env("IMAGE_PROVIDER", default="local")
OPENAI_API_KEY = env("OPENAI_API_KEY", default="")
OPENAI_BASE_URL = env("OPENAI_BASE_URL", default="")
OPENAI_MODEL = env("OPENAI_MODEL", default="gpt-4o-mini")
OPENAI_IMAGE_MODEL = env("OPENAI_IMAGE_MODEL", default="gpt-image-1")
ANTHROPIC_API_KEY = env("ANTHROPIC_API_KEY", default="")
ANTHROPIC_BASE_URL = env("ANTHROPIC_BASE_URL", default="https://api.anthropic.com")
ANTHROPIC_MODEL = env("ANTHROPIC_MODEL", default="claude-sonnet-4-5")
STABILITY_API_KEY = env("STABILITY_API_KEY", default=env("STABILITY_AI_API_KEY", default=""))
STABILITY_API_BASE = env("STABILITY_API_BASE", default="https://api.stability.ai")
# core | ultra | sd3.5-large (any sd3* model) | stable-diffusion-xl-1024-v1-0 (the v1 SDXL endpoint)
STABILITY_MODEL = env("STABILITY_MODEL", default="core")
# With a reference image: SD3 image-to-image; how far the panel may move from the reference (0..1).
STABILITY_IMG2IMG_MODEL = env("STABILITY_IMG2IMG_MODEL", default="sd3.5-large")
STABILITY_IMAGE_STRENGTH = env.float("STABILITY_IMAGE_STRENGTH", default=0.65)
# Local GPU servers. ComfyUI: workflow template files in API format (placeholders: see comfyui.py).
COMFYUI_BASE_URL = env("COMFYUI_BASE_URL", default="http://127.0.0.1:8188")
COMFYUI_API_KEY = env("COMFYUI_API_KEY", default="")
COMFYUI_WORKFLOW = env(
    "COMFYUI_WORKFLOW", default=str(BASE_DIR / "sketchdojo/engine/providers/workflows/comfyui_txt2img.json")
)
COMFYUI_IMG2IMG_WORKFLOW = env(
    "COMFYUI_IMG2IMG_WORKFLOW", default=str(BASE_DIR / "sketchdojo/engine/providers/workflows/comfyui_img2img.json")
)
COMFYUI_CHECKPOINT = env("COMFYUI_CHECKPOINT", default="sd_xl_base_1.0.safetensors")
COMFYUI_DENOISE = env.float("COMFYUI_DENOISE", default=0.6)
COMFYUI_POLL_SECONDS = env.float("COMFYUI_POLL_SECONDS", default=1.0)
# AUTOMATIC1111 / Forge (started with --api).
A1111_BASE_URL = env("A1111_BASE_URL", default="http://127.0.0.1:7860")
A1111_API_KEY = env("A1111_API_KEY", default="")
A1111_MODEL = env("A1111_MODEL", default="")
A1111_STEPS = env.int("A1111_STEPS", default=28)
A1111_DENOISING_STRENGTH = env.float("A1111_DENOISING_STRENGTH", default=0.6)
PROVIDER_TIMEOUT_SECONDS = env.float("PROVIDER_TIMEOUT_SECONDS", default=120.0)
PROVIDER_MAX_RETRIES = env.int("PROVIDER_MAX_RETRIES", default=4)
IMAGE_CONCURRENCY = env.int("IMAGE_CONCURRENCY", default=8)
LLM_CONCURRENCY = env.int("LLM_CONCURRENCY", default=4)

# --- security ------------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG and ENVIRONMENT == "production")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Production sits behind a TLS-terminating proxy/ingress: HTTPS only, HSTS, trust X-Forwarded-Proto.
# Probes and Prometheus talk plain HTTP to the pod, so health and metrics are never redirected.
_IS_PRODUCTION = ENVIRONMENT == "production" and not DEBUG
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=_IS_PRODUCTION)
SECURE_REDIRECT_EXEMPT = [r"^health(/|$)", r"^metrics$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if _IS_PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=_IS_PRODUCTION)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
# Preloading is the domain owner's opt-in to browsers' built-in lists and is hard to undo, so it is
# not on by default (SECURE_HSTS_PRELOAD=true); its deploy-check reminder (W021) is silenced.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
_behind_tls_proxy = env.bool("BEHIND_TLS_PROXY", default=_IS_PRODUCTION)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if _behind_tls_proxy else None
# /metrics answers Prometheus, not the internet: only a direct request (no X-Forwarded-For or
# Forwarded header, i.e. not through a proxy) from these networks; others get 404. The default is
# loopback and the private ranges pods and compose networks use; METRICS_PUBLIC=true opens it to all.
METRICS_PUBLIC = env.bool("METRICS_PUBLIC", default=False)
try:
    METRICS_ALLOWED_NETWORKS = [
        ip_network(network, strict=False)
        for network in env.list(
            "METRICS_ALLOWED_NETWORKS",
            default=["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
        )
    ]
except ValueError as exc:
    raise ImproperlyConfigured(f"METRICS_ALLOWED_NETWORKS: {exc}") from exc

# --- i18n, logging -------------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

LOG_LEVEL = env("LOG_LEVEL", default="INFO")
LOG_FORMAT = env("LOG_FORMAT", default="json" if ENVIRONMENT == "production" else "text")
# JSON lines in production (LOG_FORMAT=json), text for humans; both carry request, user and task ids
# (sketchdojo/logging.py) and mask tokens and keys. Celery workers use this same config.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "context": {"()": "sketchdojo.logging.LogContextFilter"},
        "mask_secrets": {"()": "sketchdojo.logging.SecretMaskingFilter"},
    },
    "formatters": {
        "json": {"()": "sketchdojo.logging.JsonFormatter"},
        "text": {
            "format": "%(asctime)s %(levelname)s %(name)s [req=%(request_id)s user=%(user_id)s task=%(task_id)s] "
            "%(message)s"
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["context", "mask_secrets"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {"django.db.backends": {"level": "WARNING"}},
}
