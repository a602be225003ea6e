"""Error answers for every failure: branded pages in the address's language (Italian, English under
/en/), or JSON for clients that ask for JSON.

They are rendered from static templates without a request context: no database, no session, no
request.POST. That is what lets them work in the very situations that produce them (database down,
a body Django refuses to parse, a form posted in a foreign charset). The handlers are wired in
asap_site/urls.py (handler400...) and CSRF_FAILURE_VIEW."""

import errno
import sys

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.language import language_of_path

MESSAGES = {
    400: _("Richiesta non valida."),
    403: _("Accesso negato."),
    404: _("Pagina non trovata."),
    413: _("I dati inviati superano la dimensione massima accettata."),
    429: _("Troppe richieste in poco tempo."),
    500: _("Si è verificato un errore del server."),
    503: _("Servizio temporaneamente non disponibile."),
    507: _("Spazio di archiviazione esaurito: il file non è stato salvato."),
}
# A write refused by the disk (full, or over quota): the upload is lost, the rest of the site works.
STORAGE_FULL = {errno.ENOSPC, errno.EDQUOT}
# 429 for each kind of throttle: heading, what happened, what the visitor can do meanwhile.
TOO_MANY = {
    "requests": (
        _("Troppe richieste in poco tempo"),
        _("Da questa connessione sono arrivate molte richieste in pochi minuti."),
        "",
    ),
    "forms": (
        _("Troppi invii in poco tempo"),
        _("Da questa connessione sono arrivati molti moduli in pochi minuti."),
        _("Se hai bisogno di scriverci subito, usa l'indirizzo e-mail indicato in fondo alle pagine del sito."),
    ),
    "passwords": (
        _("Troppi tentativi"),
        _("Da questa connessione sono arrivate troppe password sbagliate in pochi minuti."),
        _("Se non conosci la password, chiedila a chi ti ha indicato la pagina."),
    ),
    "logins": (
        _("Troppi tentativi di accesso"),
        _("Dopo troppe password sbagliate, l'accesso con questo nome utente da questa connessione è sospeso."),
        _("Se non ricordi la password, chiedi a un amministratore del sito: può sbloccare subito l'accesso."),
    ),
    "login-address": (
        _("Troppi tentativi di accesso"),
        _(
            "Da questa connessione sono arrivate troppe password sbagliate, anche per nomi utente diversi: "
            "gli accessi da questa connessione sono sospesi."
        ),
        _("Se non ricordi la password, chiedi a un amministratore del sito: può sbloccare subito l'accesso."),
    ),
}


def wants_json(request):
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def wait_phrase(seconds):
    """ "2 minuti", "1 ora"...: how long Retry-After asks to wait, in words."""
    seconds = max(int(seconds), 0)
    if seconds < 60:
        return str(_("meno di un minuto"))
    if seconds < 3600:
        minutes = -(-seconds // 60)
        return ngettext("%(count)d minuto", "%(count)d minuti", minutes) % {"count": minutes}
    hours = -(-seconds // 3600)
    return ngettext("%(count)d ora", "%(count)d ore", hours) % {"count": hours}


def in_language_of(request):
    """The address's language for an error answer: an error raised before `PathLanguageMiddleware`
    ran (or after another request's language was left active in this thread) is still said in the
    language of the address it answers (English under /en/)."""
    return translation.override(language_of_path(request.path_info))


def render_error(request, status, *, template=None, context=None, message=None, retry_after=None, as_json=False):
    with in_language_of(request):
        if as_json or wants_json(request):
            response = JsonResponse({"error": str(message or MESSAGES[status])}, status=status)
        else:
            html = loader.render_to_string(template or f"{status}.html", context or {})
            response = HttpResponse(html, status=status)
    if not as_json:  # the same address answers JSON or HTML by the request's Accept: caches must know
        patch_vary_headers(response, ["Accept"])
    if retry_after is not None:
        response["Retry-After"] = str(max(int(retry_after), 1))
    if status in (429, 503, 507):
        response["Cache-Control"] = "no-store"
    return response


def too_many_requests(request, retry_after, kind="requests", as_json=False):
    with in_language_of(request):
        heading, text, advice = (str(each) for each in TOO_MANY[kind])
        context = {"heading": heading, "text": text, "advice": advice, "wait": wait_phrase(retry_after)}
        return render_error(
            request, 429, context=context, message=f"{heading}. {text}", retry_after=retry_after, as_json=as_json
        )


def database_unavailable(request):
    return render_error(request, 503, retry_after=settings.OUTAGE_RETRY_AFTER)


# --- handlers (asap_site/urls.py, CSRF_FAILURE_VIEW) ------------------------------------------------


def bad_request(request, exception=None):
    """400, or 413 when the body was over DATA_UPLOAD_MAX_MEMORY_SIZE (Django reports both as 400)."""
    if isinstance(exception, RequestDataTooBig):
        return render_error(request, 413)
    return render_error(request, 400)


def permission_denied(request, exception=None):
    return render_error(request, 403)


def csrf_failure(request, reason=""):
    return render_error(request, 403, template="403_csrf.html", message=_("Modulo scaduto: ricarica la pagina."))


def page_not_found(request, exception=None):
    return render_error(request, 404)


def server_error(request):
    """500; 503 with Retry-After when the database is unreachable; 507 when the disk refused an upload
    (full: `core.storage` has removed the partial file). Django calls this handler for
    every uncaught exception, from views and middleware alike, so one place sees them all. The
    connection is discarded at the end of the request and the next one reconnects by itself."""
    exception = sys.exc_info()[1]
    if isinstance(exception, OperationalError | InterfaceError):
        return database_unavailable(request)
    if isinstance(exception, OSError) and exception.errno in STORAGE_FULL:
        return render_error(request, 507)
    return render_error(request, 500)
