"""The API's operations, one django-ninja router per collection: lists paged by `NumberedPages`, one
element by its stable id. The projects take the project catalogue's own filter set
(`projects.filters.ProjectFilterSet`), so a list answers what the catalogue page shows for the same
query string (same names, same values, same order)."""

from typing import Literal

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from projects.filters import SORTS, ProjectFilterSet
from projects.status import Status

from . import querysets, rows, schemas
from .pagination import NumberedPages

ID_FACETS = ("fondo", "programma", "tema", "territorio", "ente", "servizio")
ERROR_TEXTS = {
    400: "Un filtro con un valore che nessun progetto può avere (un id o uno slug sconosciuto).",
    404: "Nessun elemento pubblicato con questo id.",
    422: "Un parametro di forma non valida (per esempio `page=abc` o `page_size` oltre il massimo).",
}
TOO_MANY = {
    "description": "Troppe richieste da questo client: riprovare dopo i secondi di `Retry-After`.",
    "content": {"application/json": {"schema": {"type": "object", "properties": {"error": {"type": "string"}}}}},
}


def errors(*codes):
    """The error answers an operation may give, for its OpenAPI description (`openapi_extra`):
    Wagtail's problem documents, and the throttle's 429."""
    problem = {"application/problem+json": {"schema": schemas.Problem.model_json_schema()}}
    documented = {str(code): {"description": ERROR_TEXTS[code], "content": problem} for code in codes}
    return {"responses": {**documented, "429": TOO_MANY}}


LIST_ERRORS, DETAIL_ERRORS, FILTER_ERRORS = errors(422), errors(404, 422), errors(400, 422)


class ProjectFilters(Schema):
    """The catalogue's filters (`/progetti/?fondo=...`), with the same names and values."""

    q: str | None = Field(None, max_length=200, description="Testo da cercare (titolo, CUP, sintesi...).")
    fondo: int | None = Field(None, ge=1, description="Id di un fondo (vedi /fondi/).")
    programma: int | None = Field(
        None, ge=1, description="Id di un programma: comprende i suoi programmi annuali e azioni."
    )
    stato: Literal[tuple(Status.values)] | None = Field(None, description="Stato del progetto.")  # type: ignore[valid-type]
    tema: str | None = Field(None, max_length=100, description="Slug di un tema.")
    territorio: int | None = Field(None, ge=1, description="Id di un territorio.")
    ente: int | None = Field(None, ge=1, description="Id di un ente (vedi /enti/).")
    servizio: str | None = Field(None, max_length=40, description="Codice di un servizio svolto da ASAP.")
    anno: int | None = Field(None, ge=1900, le=2200, description="Anno di inizio.")
    ordine: Literal[tuple(SORTS)] = Field("recenti", description="Ordine dei risultati.")  # type: ignore[valid-type]


def project_filterset(request):
    """The catalogue's filter set over every published project, or a 400 naming the first value it
    refuses: a malformed one (its form's Italian message) or one no project could match (an unknown
    id or slug: the catalogue's options, read once per site and change)."""
    filterset = ProjectFilterSet(request.GET, querysets.published_projects(), request=request)
    if not filterset.form.is_valid():
        name, messages = next(iter(filterset.form.errors.items()))
        raise HttpError(400, f"Valore non valido per «{name}»: {' '.join(messages)}")
    for name in ID_FACETS:
        value = filterset.values.get(name)
        if value is not None and str(value) not in {known for known, _label in filterset.choices[name]}:
            raise HttpError(400, f"Valore sconosciuto per «{name}»: {value}.")
    return filterset


def one(queryset, pk):
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404("Elemento inesistente o non pubblicato.")
    return found


projects = Router(tags=["progetti"])


@projects.get(
    "/",
    response=schemas.ProjectList,
    summary="Elenco dei progetti, filtrato come il catalogo",
    openapi_extra=FILTER_ERRORS,
)
def list_projects(request, filters: Query[ProjectFilters], pages: Query[NumberedPages.Input]):
    """The catalogue's kept ordered ids for these filters, sliced; each project's JSON kept (`api.rows`)."""
    ids = project_filterset(request).ordered_ids()
    return rows.project_page(request, schemas.Project, ids, pages.page, pages.page_size)


@projects.get(
    "/totali/",
    response=schemas.ProjectTotals,
    summary="Totali dei progetti filtrati, per fondo",
    openapi_extra=FILTER_ERRORS,
)
def project_totals(request, filters: Query[ProjectFilters]):
    per_fund_rows = project_filterset(request).qs.funding_by_fund()
    per_fund = [
        {
            "fondo": {"id": row["fund_id"], "name": row["fund__name"], "acronym": row["fund__acronym"]}
            if row["fund_id"]
            else None,
            "progetti": row["projects"],
            "costo_totale": row["cost"],
            "contributo_ue": row["eu"],
        }
        for row in per_fund_rows
    ]
    return {
        "progetti": sum(row["projects"] for row in per_fund_rows),
        "costo_totale": sum((row["cost"] or 0 for row in per_fund_rows), 0),
        "contributo_ue": sum((row["eu"] or 0 for row in per_fund_rows), 0),
        "per_fondo": per_fund,
    }


@projects.get(
    "/{project_id}/",
    response=schemas.ProjectDetail,
    summary="Un progetto, per id di pagina",
    openapi_extra=DETAIL_ERRORS,
)
def get_project(request, project_id: int):
    return rows.project_detail(request, schemas.ProjectDetail, project_id)


organisations = Router(tags=["enti"])


@organisations.get(
    "/", response=list[schemas.Organisation], summary="Enti, con i totali dei loro progetti", openapi_extra=LIST_ERRORS
)
@paginate(NumberedPages)
def list_organisations(request):
    return querysets.organisations_with_totals()


@organisations.get(
    "/{organisation_id}/", response=schemas.OrganisationDetail, summary="Un ente", openapi_extra=DETAIL_ERRORS
)
def get_organisation(request, organisation_id: int):
    organisation = one(querysets.organisations_with_totals(), organisation_id)
    summary = querysets.published_projects().organisation_summary(organisation.pk)
    organisation.per_ruolo = [{"ruolo": role, "progetti": count} for role, _label, count in summary["roles"]]
    organisation.per_fondo = [{"fondo": fund, "progetti": fund["projects"]} for fund in summary["funds"]]
    return organisation


def read_collection(tag, name, item_schema, queryset, summary):
    """A router for a plain collection: its list, paged, and one element by id (`{id}`)."""
    router = Router(tags=[tag])

    @router.get(
        "/",
        response=list[item_schema],
        summary=summary,
        operation_id=f"list_{name}",
        openapi_extra=LIST_ERRORS,
    )
    @paginate(NumberedPages)
    def list_items(request):
        return queryset()

    @router.get(
        "/{id}/",
        response=item_schema,
        summary=f"{summary}: uno, per id",
        operation_id=f"get_{name}",
        openapi_extra=DETAIL_ERRORS,
    )
    def get_item(request, id: int):
        return one(queryset(), id)

    return router


funds = read_collection(
    "fondi e programmi", "funds", schemas.Fund, querysets.funds_with_programmes, "Fondi, con i loro programmi"
)
courses = read_collection(
    "corsi", "courses", schemas.Course, querysets.published_courses, "Corsi, con edizioni e posti"
)
news = read_collection("notizie", "news", schemas.NewsArticle, querysets.published_news, "Notizie, bandi e comunicati")
events = read_collection("eventi", "events", schemas.Event, querysets.published_events, "Eventi, dal più recente")


contributions = Router(tags=["contributi pubblici"])


@contributions.get(
    "/",
    response=list[schemas.Contribution],
    summary="Registro dei contributi pubblici ricevuti",
    openapi_extra=LIST_ERRORS,
)
@paginate(NumberedPages)
def list_contributions(request, anno: int | None = Query(None, ge=2000, le=2100, description="Anno di riferimento.")):
    contributions = querysets.published_contributions()
    return contributions if anno is None else contributions.filter(year=anno)
