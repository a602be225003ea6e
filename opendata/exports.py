"""The courses as open data: one row per edition (a course without editions gets one row with the
edition's columns empty), as CSV (plain UTF-8, `,`, ISO dates: the same conventions as the project
export) and JSON, with the licence. Column and key names are a public interface: only ever append."""

import csv
import json

from django.http import HttpResponse
from django.utils import timezone

from core.licence import JSON_KEY, LICENCE_URL, licensed
from core.spreadsheets import neutralise_formula

COURSE_COLUMNS = [
    "id_corso",
    "codice",
    "titolo",
    "url",
    "area",
    "livello",
    "modalita",
    "lingua",
    "ore_totali",
    "gratuito",
    "quota",
    "attestato",
    "programma",
    "edizione",
    "inizio",
    "fine",
    "sede",
    "comune",
    "provincia",
    "online",
    "piattaforma",
    "posti",
    "scadenza_iscrizioni",
    "annullata",
]


def _moment(value):
    return timezone.localtime(value).isoformat() if value else None


def _amount(value):
    return f"{value:.2f}" if value is not None else None


def course_record(request, course, session):
    venue = session.venue if session else None
    return {
        "id_corso": course.pk,
        "codice": course.code,
        "titolo": course.title,
        "url": course.get_full_url(request),
        "area": course.area,
        "livello": course.level,
        "modalita": course.delivery_mode,
        "lingua": course.language,
        "ore_totali": _amount(course.total_hours),
        "gratuito": course.is_free,
        "quota": None if course.is_free else _amount(course.fee),
        "attestato": course.certificate or None,
        "programma": course.funding_programme.name if course.funding_programme else None,
        "edizione": session.edition if session else None,
        "inizio": _moment(session.start) if session else None,
        "fine": _moment(session.end) if session else None,
        "sede": venue.name if venue else None,
        "comune": venue.city if venue else None,
        "provincia": (venue.province or None) if venue else None,
        "online": session.is_online if session else None,
        "piattaforma": (session.online_platform or None) if session else None,
        "posti": session.seats if session else None,
        "scadenza_iscrizioni": session.enrolment_deadline.isoformat()
        if session and session.enrolment_deadline
        else None,
        "annullata": session.cancelled if session else None,
    }


def course_records(request, courses):
    """Every edition of `courses` (a queryset with sessions prefetched), the courses by title."""
    return [
        course_record(request, course, session)
        for course in courses
        for session in (list(course.sessions.all()) or [None])
    ]


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return neutralise_formula(str(value))


def csv_response(request, courses):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="corsi.csv"'
    writer = csv.writer(response)
    writer.writerow(COURSE_COLUMNS)
    for record in course_records(request, courses):
        writer.writerow([_csv_cell(record[column]) for column in COURSE_COLUMNS])
    return licensed(response)


def json_response(request, courses):
    records = course_records(request, courses)
    body = json.dumps({"conteggio": len(records), "edizioni": records, JSON_KEY: LICENCE_URL}, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="corsi.json"'
    return licensed(response, cross_origin=True)
