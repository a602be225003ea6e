"""Open data: the filtered catalogue as CSV and JSON, and new projects as an Atom feed.

The CSV/JSON column names are a public interface (documented in the README): add columns at the
end, never rename or reorder them."""

import csv
import html
import json
import re

from django.http import HttpResponse
from django.utils import feedgenerator
from django.utils.html import strip_tags

from core.licence import JSON_KEY, LICENCE_NAME, LICENCE_URL, licensed
from core.spreadsheets import neutralise_formula

from .filters import ProjectFilterSet

COLUMNS = [
    "id",
    "titolo",
    "acronimo",
    "cup",
    "url",
    "stato",
    "fondo",
    "fondo_sigla",
    "programma",
    "programma_codice",
    "capofila",
    "partner",
    "finanziatori",
    "costo_totale",
    "contributo_ue",
    "cofinanziamento_nazionale",
    "tasso_cofinanziamento_ue",
    "inizio_previsto",
    "fine_prevista",
    "inizio_effettivo",
    "fine_effettiva",
    "territori",
    "temi",
    "ruoli_asap",
    # added with the EU visibility rules: plain text, one paragraph or list item a line
    "obiettivi",
    "risultati_attesi",
    "dicitura_ue",
    "url_opencoesione",
    "url_kohesio",
]
LIST_SEPARATOR = "; "
FEED_LENGTH = 20


def export_queryset(request, index):
    """The catalogue as the visitor filtered and sorted it, every project (no pagination)."""
    return ProjectFilterSet.for_catalogue(request, index).qs.for_export()


def _date(value):
    return value.isoformat() if value else None


def _amount(value):
    return float(value) if value is not None else None


BLOCK_END = re.compile(r"(</p>|</li>|<br\s*/?>)", re.IGNORECASE)


def plain_text(rich_text):
    """Rich text as plain text: tags dropped, entities decoded, one paragraph or list item a line."""
    text = html.unescape(strip_tags(BLOCK_END.sub("\\1\n", rich_text or "")))
    return "\n".join(line for line in (" ".join(part.split()) for part in text.splitlines()) if line)


def project_record(request, project):
    """One project as plain values; lists stay lists (the CSV joins them)."""
    roles = list(project.organisation_roles.all())

    def names(*wanted):
        return [r.organisation.name for r in roles if r.role in wanted]

    return {
        "id": project.pk,
        "titolo": project.title,
        "acronimo": project.acronym,
        "cup": project.cup,
        "url": project.get_full_url(request),
        "stato": project.status,
        "fondo": project.fund.name if project.fund else None,
        "fondo_sigla": project.fund.acronym if project.fund else None,
        "programma": project.programme.name if project.programme else None,
        "programma_codice": project.programme.code if project.programme else None,
        "capofila": names("capofila"),
        "partner": names("partner", "attuatore"),
        "finanziatori": names("finanziatore", "autorita"),
        "costo_totale": _amount(project.total_cost),
        "contributo_ue": _amount(project.eu_contribution),
        "cofinanziamento_nazionale": _amount(project.national_cofinancing),
        "tasso_cofinanziamento_ue": _amount(project.cofinancing_rate),
        "inizio_previsto": _date(project.planned_start),
        "fine_prevista": _date(project.planned_end),
        "inizio_effettivo": _date(project.actual_start),
        "fine_effettiva": _date(project.actual_end),
        "territori": [t.name for t in project.territories.all()],
        "temi": [t.name for t in project.themes.all()],
        "ruoli_asap": [s.code for s in project.asap_services.all()],
        "obiettivi": plain_text(project.objectives),
        "risultati_attesi": plain_text(project.expected_results),
        "dicitura_ue": project.statement_label,
        "url_opencoesione": project.opencoesione_url,
        "url_kohesio": project.kohesio_url,
    }


def csv_cell(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    if isinstance(value, float):
        return f"{value:.2f}"
    return neutralise_formula(str(value))


def csv_response(request, index):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="progetti.csv"'
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for project in export_queryset(request, index).iterator(chunk_size=500):
        record = project_record(request, project)
        writer.writerow([csv_cell(record[column]) for column in COLUMNS])
    return licensed(response)


def json_response(request, index):
    projects = [project_record(request, p) for p in export_queryset(request, index).iterator(chunk_size=500)]
    body = json.dumps({"conteggio": len(projects), "progetti": projects, JSON_KEY: LICENCE_URL}, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="progetti.json"'
    return licensed(response, cross_origin=True)


def atom_feed(request, index):
    projects = index.projects().latest_first()[:FEED_LENGTH]
    feed = feedgenerator.Atom1Feed(
        title=f"{index.title}: nuovi progetti",
        link=index.get_full_url(request),
        description=index.intro or "I progetti più recenti pubblicati nel catalogo.",
        language="it",
        feed_url=request.build_absolute_uri(),
        feed_copyright=f"{LICENCE_NAME}: {LICENCE_URL}",
    )
    for project in projects:
        feed.add_item(
            title=project.title,
            link=project.get_full_url(request),
            description=project.summary,
            unique_id=project.get_full_url(request),
            pubdate=project.first_published_at,
            updateddate=project.last_published_at,
            categories=[project.fund.acronym] if project.fund_id else None,
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return licensed(response)
