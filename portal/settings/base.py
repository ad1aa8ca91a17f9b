"""Settings shared by every environment; everything that varies by place is read from
the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from portal.languages import LANGUAGES, RTL_LANGUAGES, register_language_info

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


def cache_settings(url, cache_dir):
    """CACHES from CACHE_URL: redis://, rediss:// or unix:// for Redis (django-redis),
    file:///path for files; empty for files under cache_dir."""
    scheme = url.partition("://")[0].lower() if url else "file"
    if scheme in {"redis", "rediss", "unix"}:
        return {
            alias: {
                "BACKEND": "django_redis.cache.RedisCache",
                "LOCATION": url,
                "KEY_PREFIX": f"hjelp-{alias}",
                # Wagtail keeps its site root paths in the default cache: a Redis
                # that cannot be reached must cost a visitor a second at most, and be
                # logged, not break every page (the page cache then renders pages).
                "OPTIONS": {
                    "CLIENT_CLASS": "django_redis.client.DefaultClient",
                    "SOCKET_CONNECT_TIMEOUT": 1,
                    "SOCKET_TIMEOUT": 1,
                    "IGNORE_EXCEPTIONS": True,
                },
            }
            for alias in ("default", "pages")
        }
    if scheme != "file":
        raise ImproperlyConfigured(
            f"CACHE_URL must start with redis://, rediss://, unix:// or file://, "
            f"not {url!r}"
        )
    root = Path(url.partition("://")[2]) if url else Path(cache_dir)
    return {
        alias: {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(root / alias),
            # 13 languages x every page x gzip or not; culled at random beyond this.
            "OPTIONS": {"MAX_ENTRIES": 20_000 if alias == "pages" else 5_000},
        }
        for alias in ("default", "pages")
    }


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "directory",
    "search",
    "accounts",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The security headers sit above WhiteNoise so that static files get them too.
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole public pages for visitors without cookies, from the shared cache (below the
    # header middleware, so every cached page still gets fresh headers), then gzip for
    # what is not cached yet; both documented in portal/page_cache.py.
    "portal.page_cache.PageCacheMiddleware",
    "portal.page_cache.PublicGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.RequireTwoFactorMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.site_shell",
            ],
        },
    },
]

# SQLite file under var/ unless DATABASE_URL says otherwise (e.g. postgres://...).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers and one writer work side by side (several server workers).
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault(
        "init_command", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    )
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches are shared by every worker (and, with Redis, every server), so that a purge
# reaches them all: Redis when CACHE_URL says so (redis://host:6379/1), else files
# under var/cache/. Never a per-process memory cache: a page purged in one worker
# would live on in the others. "pages" holds whole public pages (PAGE_CACHE, on unless
# PAGE_CACHE=off); "default" holds the rest (rate limits).
CACHES = cache_settings(os.environ.get("CACHE_URL", ""), VAR_DIR / "cache")
PAGE_CACHE = env_bool("PAGE_CACHE", True)
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Norwegian bokmål is the source; see portal/languages.py.
register_language_info()
LANGUAGE_CODE = "nb"
LANGUAGES = LANGUAGES
RTL_LANGUAGES = RTL_LANGUAGES
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Long and short dates per language where Django's own do not suit (see the module).
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Files browsers ask for at the site's root (favicon.ico): served by WhiteNoise, so a
# first visit does not render a "page not found" for the icon. The icon is a plain
# square that says nothing about what the site is (it shows in tabs and history).
WHITENOISE_ROOT = BASE_DIR / "public"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Sessions exist only for editors: anonymous visitors never get a cookie. Nothing on a
# public page may read the session, write a message or render a CSRF token; the tests
# in tests/security/test_no_cookies.py hold every public page to that.
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Response headers (tests/security/test_headers.py). A visitor may be watched by the
# person hurting them: no page may be framed, leak where the visitor came from, or load
# anything from another host.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Public pages: nothing inline, nothing from another host (django-csp 4 format).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
    }
}
# The admin (PORTAL_ADMIN_URL_PREFIXES) gets its own policy from
# portal.middleware.ContentSecurityPolicyMiddleware: Wagtail's admin renders inline
# <script> and style attributes and compiles some templates with new Function(), and
# frames its own live preview. It still may not load anything from another host, and
# only editors who passed two-factor sign-in see it.
PORTAL_ADMIN_URL_PREFIXES = ["/admin/", "/django-admin/"]
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
        "base-uri": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
    }
}
# Browser features the portal never uses are off; geolocation only for the portal
# itself, to sort services by distance when the visitor chooses to share a position.
PERMISSIONS_POLICY = {
    "geolocation": ["self"],
    "camera": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "serial": [],
    "hid": [],
    "bluetooth": [],
    "midi": [],
    "display-capture": [],
    "screen-wake-lock": [],
    "idle-detection": [],
    "accelerometer": [],
    "gyroscope": [],
    "magnetometer": [],
    "ambient-light-sensor": [],
    "xr-spatial-tracking": [],
    "publickey-credentials-get": [],
    "interest-cohort": [],
    "browsing-topics": [],
    "attribution-reporting": [],
}

# Editors: every editor signs in with a password and a one-time code (accounts/). On
# unless the environment says otherwise; dev settings default it off for the demo
# editor, production settings force it on.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", True)
LOGIN_URL = "wagtailadmin_login"
AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out account is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
OTP_TOTP_ISSUER = "Hjelp i Vestland"
# Login throttling (django-axes): 5 wrong passwords lock the account for 30 minutes.
# The lock is per user name, so it holds against guesses from many addresses and
# needs no address at all: axes stores no IP address (accounts/throttling.py), keeps
# no log of successful sign-ins, and deletes failures at the next good sign-in, or at
# any sign-in once they are older than 30 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "accounts.throttling.no_ip_address"
AXES_RESET_ON_SUCCESS = True
# The lock lasts 30 minutes from the fifth failure: an editor who tries again meanwhile
# does not start the 30 minutes over.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
# axes.W006 asks for the IP address among the lockout parameters. Failures are summed
# over every attempt on the user name, whatever its address or browser (a test says
# so), and behind a reverse proxy every editor would share the proxy's address and lock
# each other out.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# Search: the portal's own search layer (search/), database by default.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")
if SEARCH_BACKEND not in {"database", "elasticsearch"}:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND must be 'database' or 'elasticsearch', not {SEARCH_BACKEND!r}"
    )
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
# Indexes are <prefix>-<language>-v<N> behind the aliases <prefix>-<language>.
ELASTICSEARCH_INDEX_PREFIX = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "hjelp")
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}

WAGTAIL_SITE_NAME = "Hjelp i Vestland"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from gravatar.com: the admin loads nothing from another host either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_COMMENTS_ENABLED = True

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@example.org")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Never log query strings of public pages: they can hold what a person searched.
        "django.server": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # Lockouts only (warnings); not every sign-in and failure.
        "axes": {"level": "WARNING"},
        # Failures only, not a line per Elasticsearch request.
        "elastic_transport": {"level": "WARNING"},
    },
}
