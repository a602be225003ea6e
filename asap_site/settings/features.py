"""Settings of the site's features: search, the public forms and the outbox, courses, accessibility
reports, cookie consent and statistics. A plain module: base.py takes over its settings and asks
`search_backends` for the search backend, which depends on the database."""

from django.core.exceptions import ImproperlyConfigured

from .environment import env, env_bool, env_int, env_list

# --- Site search (search app) -------------------------------------------------------------------
# The database backend by default (search/backends.py: Italian handling on PostgreSQL and SQLite);
# SEARCH_BACKEND_URL moves search to Elasticsearch or OpenSearch (run `manage.py update_index` after).
SEARCH_BACKEND_URL = env("SEARCH_BACKEND_URL")
SEARCH_ENGINES = {
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}


def search_backends(database_engine):
    """WAGTAILSEARCH_BACKENDS: the search engine at SEARCH_BACKEND_URL, else the database's own."""
    if SEARCH_BACKEND_URL:
        engine = env("SEARCH_BACKEND", "elasticsearch8")
        if engine not in SEARCH_ENGINES:
            raise ImproperlyConfigured(f"SEARCH_BACKEND must be one of {', '.join(SEARCH_ENGINES)}, not {engine!r}")
        return {
            "default": {
                "BACKEND": SEARCH_ENGINES[engine],
                "URLS": env_list("SEARCH_BACKEND_URL"),
                "INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", "asap_"),
                "TIMEOUT": env_int("SEARCH_BACKEND_TIMEOUT", 5),
            }
        }
    if "postgresql" in database_engine:
        # Italian stemming with accents ignored: created by search/migrations/0002_italian_text_search.
        return {"default": {"BACKEND": "search.backends", "SEARCH_CONFIG": "asap_italian"}}
    return {"default": {"BACKEND": "search.backends"}}


WAGTAILSEARCH_HITS_MAX_AGE = 365

# Accepted posts per client and window (seconds) on the public forms (serving/ratelimit.py).
FORM_RATE_LIMIT = env_int("FORM_RATE_LIMIT", 5)
FORM_RATE_WINDOW = env_int("FORM_RATE_WINDOW", 600)
# An e-mail left "in invio" this many minutes (its process died, or the database dropped before the
# result was recorded) is marked "esito incerto" for staff to check: it is never resent by itself.
OUTBOX_STALE_MINUTES = env_int("OUTBOX_STALE_MINUTES", 30)
# A send_pending_mail run starts no new e-mail after this many seconds (the rest waits for the next run).
OUTBOX_SEND_BUDGET_SECONDS = env_int("OUTBOX_SEND_BUDGET_SECONDS", 120)
# Newsletter sending (newsletter/sending.py): e-mails per second (0: as fast as the server takes them),
# rows read per batch, and the longest one background task run sends before queueing the next one.
NEWSLETTER_RATE_PER_SECOND = env_int("NEWSLETTER_RATE_PER_SECOND", 10)
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 200)
NEWSLETTER_RUN_SECONDS = env_int("NEWSLETTER_RUN_SECONDS", 240)
# Searches logged per client and window (seconds); beyond it the client still gets its results.
SEARCH_LOG_RATE_LIMIT = env_int("SEARCH_LOG_RATE_LIMIT", 30)
SEARCH_LOG_RATE_WINDOW = env_int("SEARCH_LOG_RATE_WINDOW", 600)
# Days the search log is kept (purge_search_log, run daily by the scheduler).
SEARCH_LOG_RETENTION_DAYS = env_int("SEARCH_LOG_RETENTION_DAYS", 365)
# Seconds a query string's results (counts, results page) are shared by every visitor who sends it;
# an editor's change ends them sooner. Short, because the index may catch up after a publish.
SEARCH_RESULTS_SECONDS = env_int("SEARCH_RESULTS_SECONDS", 60)

# --- Training courses and enquiries (courses app) ---
# Who receives course enquiries when a course names no contact (comma-separated; empty: the
# organisation's e-mail from the site settings).
COURSES_ENQUIRY_RECIPIENTS = env_list("COURSES_ENQUIRY_RECIPIENTS")
# Confirmations sent to one address per day: beyond it the enquiry is stored and staff notified, but
# the form cannot be used to send our mail to someone else's address again and again.
COURSES_CONFIRMATIONS_PER_ADDRESS_PER_DAY = env_int("COURSES_CONFIRMATIONS_PER_ADDRESS_PER_DAY", 3)
# `manage.py purge_course_enquiries` anonymises enquiries older than this.
COURSES_ENQUIRY_RETENTION_MONTHS = env_int("COURSES_ENQUIRY_RETENTION_MONTHS", 24)
# Domain in calendar UIDs (default: the host of WAGTAILADMIN_BASE_URL); never change it once published.
COURSES_CALENDAR_DOMAIN = env("COURSES_CALENDAR_DOMAIN", "")

# --- Event registrations (events app) --------------------------------------------------------------
# Days a registration is kept after it arrived (purge_event_registrations, daily), with its e-mails.
EVENTS_REGISTRATION_RETENTION_DAYS = env_int("EVENTS_REGISTRATION_RETENTION_DAYS", 730)

# --- Accessibility reports (accessibility app) -----------------------------------------------------
# Days an answered report is kept after the reply (purge_accessibility_feedback, daily): two statement
# renewals and any escalation to AgID (docs/retention.md). Unanswered reports are never purged.
ACCESSIBILITY_FEEDBACK_RETENTION_DAYS = env_int("ACCESSIBILITY_FEEDBACK_RETENTION_DAYS", 730)

# --- Cookie consent and statistics (consent app) ---------------------------------------------------
# django-cookie-consent keeps the decision in this cookie: 183 days (at least 6 months), SameSite=Lax,
# HttpOnly (consent.js reads the state from the uncached status endpoint), Secure on every HTTPS
# request (production redirects to HTTPS) or always with COOKIE_CONSENT_SECURE=true.
COOKIE_CONSENT_NAME = "cookie_consent"
COOKIE_CONSENT_MAX_AGE = 60 * 60 * 24 * 183
COOKIE_CONSENT_SAMESITE = "Lax"
COOKIE_CONSENT_HTTPONLY = True
COOKIE_CONSENT_SECURE = env_bool("COOKIE_CONSENT_SECURE", False)
# Our ConsentRecord (consent id, choice per group, policy version) replaces the package's LogItem.
COOKIE_CONSENT_LOG_ENABLED = False
# At least the cookie's life (a system check says so): the record proves the consent the cookie carries.
CONSENT_RECORD_RETENTION_DAYS = env_int("CONSENT_RECORD_RETENTION_DAYS", 730)
# Beacons accepted per client and window (seconds); new rows of statistics per day (beyond it, only
# existing rows still count: invented referrers cannot grow the table without bound).
ANALYTICS_BEACON_RATE_LIMIT = env_int("ANALYTICS_BEACON_RATE_LIMIT", 60)
ANALYTICS_BEACON_RATE_WINDOW = env_int("ANALYTICS_BEACON_RATE_WINDOW", 60)
ANALYTICS_MAX_NEW_ROWS_PER_DAY = env_int("ANALYTICS_MAX_NEW_ROWS_PER_DAY", 500)
# Consent decisions accepted per client and window (seconds): each one stores a consent record.
CONSENT_DECISION_RATE_LIMIT = env_int("CONSENT_DECISION_RATE_LIMIT", 20)
CONSENT_DECISION_RATE_WINDOW = env_int("CONSENT_DECISION_RATE_WINDOW", 600)

# --- Newsletter subscribers (subscriptions app) ----------------------------------------------------
# Days the link in the confirmation e-mail works; unconfirmed sign-ups older than
# SUBSCRIPTIONS_UNCONFIRMED_RETENTION_DAYS are deleted (purge_unconfirmed_subscribers, daily).
SUBSCRIPTIONS_CONFIRMATION_DAYS = env_int("SUBSCRIPTIONS_CONFIRMATION_DAYS", 7)
SUBSCRIPTIONS_UNCONFIRMED_RETENTION_DAYS = env_int("SUBSCRIPTIONS_UNCONFIRMED_RETENTION_DAYS", 14)
# Signing up again with the same address sends the confirmation again at most once per this many hours.
SUBSCRIPTIONS_RESEND_HOURS = env_int("SUBSCRIPTIONS_RESEND_HOURS", 24)
# The open data API (/api/v3/, docs/api.md): calls per client and window (seconds) that reach the
# site; answers the page cache already keeps are not counted.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)
API_RATE_WINDOW = env_int("API_RATE_WINDOW", 60)
