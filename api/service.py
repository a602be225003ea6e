"""The API itself: a django-ninja `NinjaAPI` set up the way Wagtail's v3 API is
(`wagtail.api.v3.api`): its RFC 7807 error answers (`register_exception_handlers`), its docs page and
OpenAPI schema beside the operations. It is a second instance rather than routers added to Wagtail's
own `api`: that one serves the admin's page editing (bearer tokens, writes, every page type), while
this one is read-only, public, and speaks the site's open data vocabulary. Wagtail's messages are
kept but for a refused query parameter, answered here in Italian."""

from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import ValidationError
from pydantic import ValidationError as OutputValidationError
from wagtail.api.v3.errors import problem_response, register_exception_handlers

from . import routers
from .http import LICENCE_URL

DESCRIPTION = """I dati che il sito di ASAP pubblica, in sola lettura: progetti (con tutti i filtri del
catalogo), corsi con edizioni e posti, enti con i totali dei loro progetti, fondi e programmi, il
registro dei contributi pubblici, notizie ed eventi.

**Lingua**: i contenuti sono in italiano, la lingua originale del sito; le versioni inglesi si leggono
sulle pagine (`url` sotto `/en/`), non attraverso l'API.

**Identificativi**: progetti, corsi, notizie ed eventi hanno l'id della loro pagina; enti, fondi,
programmi, territori e contributi il loro id; i temi il loro slug. Non cambiano nel tempo.

**Importi** in euro come stringhe decimali, **date** ISO 8601, orari con il fuso (Europe/Rome).

**Limiti**: le richieste di ogni client sono contate (429 con `Retry-After` oltre il limite); le
risposte hanno `ETag` e `Last-Modified` (richieste condizionali: 304) e sono condivise dalla cache
del sito finché la redazione non cambia qualcosa. CORS aperto in lettura a ogni origine.

**Licenza**: [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/): citare «ASAP»."""

api = NinjaAPI(
    title="API dei dati aperti di ASAP",
    version="1.0.0",
    description=DESCRIPTION,
    urls_namespace="asap_api",
    openapi_url="/openapi.json",
    docs_url="/docs/",
    openapi_extra={
        "info": {
            "license": {"name": "CC BY 4.0", "url": LICENCE_URL},
            "contact": {"name": "ASAP"},
        }
    },
)

register_exception_handlers(api)


@api.exception_handler(ValidationError)
def refused_parameter(request: HttpRequest, exc: ValidationError):
    """A query parameter the schema refuses (`page=abc`, `page_size=100000`): 422, naming each."""
    errors = [{"loc": list(error.get("loc", ())), "msg": error.get("msg", "")} for error in exc.errors]
    names = ", ".join(sorted({str(error["loc"][-1]) for error in errors if error["loc"]})) or "richiesta"
    return problem_response(status=422, detail=f"Parametri non validi: {names}.", errors=errors)


@api.exception_handler(OutputValidationError)
def answer_not_matching_its_schema(request: HttpRequest, exc: OutputValidationError):
    """Wagtail answers a pydantic error with a 422, but here only an answer that does not match its
    own schema raises one (refused parameters are django-ninja's `ValidationError`): the server's
    fault, so a 500 the logs and the schema fuzzing see, never a 4xx blaming the client."""
    raise exc


api.add_router("/progetti/", routers.projects)
api.add_router("/enti/", routers.organisations)
api.add_router("/fondi/", routers.funds)
api.add_router("/contributi/", routers.contributions)
api.add_router("/corsi/", routers.courses)
api.add_router("/notizie/", routers.news)
api.add_router("/eventi/", routers.events)
