"""Settings shared by every environment; everything that differs between machines comes from the
environment (see the README's configuration table). The features' and the security settings are
kept in `features.py` and `security.py`, plain modules this one takes over at the end; the environment
modules (dev, test, production, local) take over this one (`environment.settings_of`)."""

from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

from . import features, security
from .environment import BASE_DIR, env, env_bool, env_int, env_list, settings_of

SECRET_KEY = env("SECRET_KEY")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The project's apps, bottom layer first (README, "Architecture"; tests/site/test_architecture.py keeps
# the direction): core <- serving, catalogue; core <- outbox <- inbox (visitor forms) <- contact;
# core <- analytics, consent; core <- search <- standardpages, projects <- courses
# <- home (the composition root) <- demo; projects <- transparency; inbox <- courses, accessibility.
INSTALLED_APPS = [
    "core",
    "serving",
    "catalogue",
    "outbox",
    "inbox",
    "contact",
    "analytics",
    "search",
    "standardpages",
    "projects",
    "consent",
    "cookie_consent",
    "courses",
    "news",
    "events",
    "subscriptions",
    "transparency",
    "opendata",
    "accessibility",
    "api",
    "home",
    "editorial",
    "newsletter",
    "demo",
    # Translations (docs/translations.md): the translation editor, and its locales admin in place of
    # wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "core.apps.UsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",  # the API's docs page serves its scripts from here rather than a CDN
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # The anonymous full-page cache comes first: a page it keeps already carries every header the
    # middleware below wrote (security, CSP), so a hit is answered without running any of them.
    "serving.pagecache.middleware.PageCacheMiddleware",
    # Security (see the block at the end): headers and CSP on every response (static files too, as long
    # as whatever serves them comes below); foreign-charset forms refused before anything reads POST.
    "serving.middleware.SecurityHeadersMiddleware",
    "serving.csp.SiteCSPMiddleware",
    "serving.middleware.FormCharsetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language of the address (Italian at the root, English under /en/), with no `Vary` (serving/middleware.py).
    "serving.middleware.PathLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.compact_html.CompactPageFormsMiddleware",  # the admin's page forms without their indentation
    # django-axes must come last: it turns a locked-out login into the 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "asap_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "asap_site.wsgi.application"

# Database: a SQLite file in the project unless DATABASE_URL says otherwise (postgres://...).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
        # with persistent connections, check them at the start of each request: after a database
        # restart a dead connection is replaced instead of failing one request
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The editor saves while her browser pings the editing session: writers wait for each other
    # instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL is set. With Redis down, unreachable or full the site keeps
# working without cache (serving/cache.py); REDIS_TIMEOUT (seconds) bounds each connection attempt and
# command. Redis needs `maxmemory` with `maxmemory-policy allkeys-lru` (docs/redis.md). Rate-limit
# counts live apart from pages: REDIS_RATELIMIT_URL, by default the next database of the same server.
if env("REDIS_URL"):
    _redis, _redis_timeout = urlsplit(env("REDIS_URL")), float(env("REDIS_TIMEOUT", "1"))
    _counters = urlunsplit(_redis._replace(path=f"/{int(_redis.path.strip('/') or 0) + 1}"))
    CACHES = {
        alias: {
            "BACKEND": "serving.cache.TolerantRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": _redis_timeout, "socket_timeout": _redis_timeout},
        }
        for alias, location in (("default", env("REDIS_URL")), ("ratelimit", env("REDIS_RATELIMIT_URL") or _counters))
    }
    # Sessions (only signed-in editors have one) are written to the database and read through Redis:
    # every app server sees them, and a Redis outage costs a query per request, never a login.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Per process: pages, shared parts, routes and catalogue cards of a site this size fit in a few
    # thousand entries (Django's default of 300 would evict them while a visitor browses the catalogue),
    # and in PAGE_CACHE_LOCAL_MAX_BYTES, whichever is reached first (least recently used out first).
    # With PAGE_CACHE_SHARED_DIR (`make run`: var/page-cache) the page cache's entries are also kept in
    # files there that every process reads, so a page rebuilt after a publish serves every worker.
    _local_cache_options = {
        "MAX_ENTRIES": env_int("LOCAL_CACHE_MAX_ENTRIES", 3000),
        # With the shared folder a page missing here is one file read away, so memory holds less:
        # the pages' copies their own PAGE_CACHE_LOCAL_PAGE_BYTES, the shared parts and the rest this.
        "MAX_BYTES": env_int("PAGE_CACHE_LOCAL_MAX_BYTES", (12 if env("PAGE_CACHE_SHARED_DIR") else 48) * 2**20),
    }
    CACHES = {
        "default": (
            {
                "BACKEND": "serving.pagecache.local.LayeredCache",
                "OPTIONS": {
                    **_local_cache_options,
                    "SHARED_LOCATION": env("PAGE_CACHE_SHARED_DIR"),
                    "SHARED_MEMORY_BYTES": env_int("PAGE_CACHE_LOCAL_PAGE_BYTES", 2 * 2**20),
                },
            }
            if env("PAGE_CACHE_SHARED_DIR")
            else {"BACKEND": "serving.pagecache.local.BoundedLocMemCache", "OPTIONS": _local_cache_options}
        ),
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"},
    }

# --- Page cache (serving/pagecache) ---------------------------------------------------------------
# Anonymous GET/HEAD pages are kept whole in the cache above (and the parts every page shares, the
# menu, the boxes, the organisation details and the consent banner, for every visitor) until an
# editor changes something, and never longer than PAGE_CACHE_SECONDS: what depends on the clock
# (course status, "next open courses") is never staler than that, here or in a CDN or Varnish in
# front (`Cache-Control: s-maxage` is the same bound and cached answers carry their `Age`).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# The generation that purges change must be seen by every process (web workers, task worker,
# publish_scheduled): in Redis when REDIS_URL is set, otherwise as the modification time of this file.
PAGE_CACHE_GENERATION_FILE = (
    None if env("REDIS_URL") else env("PAGE_CACHE_GENERATION_FILE", BASE_DIR / "var" / "page-cache-generation")
)
# After a publish the task worker renders the purged pages visitors see most again (the page, the
# page listing it, the home), so that the first visitor gets a hit.
PAGE_CACHE_REBUILD = env_bool("PAGE_CACHE_REBUILD", True)
# Concurrent misses of one page wait at most this long (seconds) for the one request rendering it.
PAGE_CACHE_SINGLE_FLIGHT_SECONDS = float(env("PAGE_CACHE_SINGLE_FLIGHT_SECONDS", "2"))
# How long a browser may reuse a public page without asking again (`Cache-Control: max-age`): by
# default not at all, so a publish shows on the next load (the ETag makes asking again a cheap 304).
PAGE_BROWSER_CACHE_SECONDS = env_int("PAGE_BROWSER_CACHE_SECONDS", 0)
# A Varnish (or any cache that accepts PURGE and BAN) in front: its address, e.g. http://127.0.0.1:6081,
# or the addresses of several, comma-separated; publishing and editing then empty them all
# (deploy/varnish/default.vcl).
if env("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        f"varnish{n or ''}": {"BACKEND": "serving.pagecache.varnish.VarnishBackend", "LOCATION": url}
        for n, url in enumerate(env_list("FRONTEND_CACHE_URL"))
    }

# Background work (search index, reference index, e-mails) goes through django_tasks. The database
# backend keeps tasks until `manage.py db_worker` runs them; TASK_BACKEND=immediate runs them inline.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env("TASK_BACKEND", "immediate")]}}

# django-axes watches every login first (see the security block at the end).
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

LANGUAGE_CODE = "it"
# Italian at the root, English under /en/ (asap_site/urls.py, docs/translations.md).
LANGUAGES = [("it", "Italiano"), ("en", "English")]
# core's catalogue also for the admin's JavaScript strings (Wagtail's catalogue view reads only its own
# package and LOCALE_PATHS): core/locale/it/LC_MESSAGES/djangojs.po.
LOCALE_PATHS = [BASE_DIR / "core" / "locale"]
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = env("STATIC_URL", "/static/")
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = env("MEDIA_URL", "/media/")
# Where `make backup` (manage.py backup_site) writes its archives (docs/backups.md).
BACKUP_DIR = Path(env("BACKUP_DIR", BASE_DIR / "var" / "backups"))
# Documents, outside MEDIA_ROOT: only the document view serves them, after its privacy checks (core/storage.py).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
# Serve images and renditions from MEDIA_ROOT at MEDIA_URL: for one machine (dev and `make run`), not behind a CDN.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "core.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Uploaded media (images, their renditions, documents) in an S3-compatible bucket when
# AWS_STORAGE_BUCKET_NAME is set, so that every app server sees every upload (README "Deployment").
# Credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or the machine's role, read by boto3.
# Objects get plain public URLs (pages stay byte-identical in caches); MEDIA_URL follows the bucket,
# so the Content-Security-Policy allows its origin. Static files stay with WhiteNoise.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    _s3_endpoint = env("AWS_S3_ENDPOINT_URL")
    _s3_domain = env("AWS_S3_CUSTOM_DOMAIN")
    STORAGES["default"] = {
        "BACKEND": "core.bucket.BucketStorage",  # documents private, non-images as downloads
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": _s3_endpoint,
            "region_name": env("AWS_S3_REGION_NAME"),
            "custom_domain": _s3_domain,
            "addressing_style": env("AWS_S3_ADDRESSING_STYLE"),
            "location": env("AWS_LOCATION", ""),
            "default_acl": env("AWS_DEFAULT_ACL"),
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
            "file_overwrite": False,  # a replaced image or document gets a new name: caches never mix them up
        },
    }
    if _s3_domain:
        _media_origin = f"https://{_s3_domain}"
    elif _s3_endpoint and env("AWS_S3_ADDRESSING_STYLE") != "virtual":
        _media_origin = f"{_s3_endpoint.rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}"
    else:
        _media_origin = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"
    MEDIA_URL = env("MEDIA_URL", f"{_media_origin}/{env('AWS_LOCATION', '')}".rstrip("/") + "/")
# Documents are streamed by the app after its privacy checks, never handed out by a storage URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: SMTP settings from the environment; dev.py switches to the console backend.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "ASAP <noreply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Wagtail
WAGTAIL_SITE_NAME = "ASAP"
# `make run` and `make dev` listen on HOST:PORT; links in e-mails and the admin point there by default.
HOST = env("HOST", "127.0.0.1")
PORT = env_int("PORT", 8000)
PUBLIC_HOST = "127.0.0.1" if HOST in ("0.0.0.0", "::") else HOST  # listening everywhere is no address to visit
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"http://{PUBLIC_HOST}:{PORT}")
WAGTAILADMIN_PERMITTED_LANGUAGES = [("it", "Italiano")]
# Italian dates in the admin's date pickers (typed, pasted with dashes or chosen); core/forms.py adds
# the format to every date field's help text.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# Pages (and, later, snippets) in Italian and English: wagtail-localize's translation editor makes
# the English ones from the Italian (docs/translations.md). The admin stays Italian.
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Machine translation in the translation editor ("Traduci con DeepL"): off unless a DeepL key is set.
if env("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "editorial.machine_translation.BritishDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_AUTH_KEY"), "TIMEOUT": env_int("DEEPL_TIMEOUT", 10)},
    }
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# SVG for logos; templates that convert formats add `preserve-svg`, so an SVG never breaks a page.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "svg", "webp"]
# The image form says that "Descrizione" is the alt text (core/image_form.py), and refuses uploads Pillow
# cannot read and SVGs with scripts, events or external references (core/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_form.ImageForm"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
# No autosave: it filled the history with "Bozza salvata", left an abandoned new page behind as a
# draft whose address blocked a second try, and paused itself as soon as a row was left empty.
# Editors save with "Salva bozza" (Ctrl+S); leaving a changed form still asks for confirmation.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Django's own date formats in Italian style: "6 dicembre 2026" (core/formats/it/formats.py).
FORMAT_MODULE_PATH = ["core.formats"]

# Anonymous visitors must get the same HTML: no session, no per-visitor token in public pages.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# --- Features: search, forms, courses, accessibility, consent: asap_site/settings/features.py ------
globals().update(settings_of(features))
WAGTAILSEARCH_BACKENDS = features.search_backends(DATABASES["default"]["ENGINE"])

# --- Security: headers, throttles, error answers: asap_site/settings/security.py ---------------------
globals().update(settings_of(security))
CONTENT_SECURITY_POLICY, CSP_ADMIN_DIRECTIVES = security.content_security_policies(STATIC_URL, MEDIA_URL)
