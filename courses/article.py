"""A course page's article: what `CoursePage.get_context` keeps as a shared part."""

from django.template.loader import render_to_string

from core.translatable import in_language
from projects.models import FundingProgramme, ProjectPage
from projects.visibility import fund_statement, visibility_for

from .status import session_status
from .structured_data import course_json_ld


def sessions_in_language(course, request):
    """The course's sessions, their venues in the address's language (the same rows on Italian pages)."""
    sessions = course.sorted_sessions
    venues = {
        venue.pk: venue
        for venue in in_language({s.venue_id: s.venue for s in sessions if s.venue_id}.values(), request)
    }
    for session in sessions:
        if session.venue_id:
            session.venue = venues[session.venue_id]
    return sessions


def course_article(course, request, context):
    """The course page's article and JSON-LD, the same for every visitor (kept as a shared part by
    `CoursePage.get_context`)."""
    programme = (
        FundingProgramme.objects.select_related("fund").filter(pk=course.funding_programme_id).first()
        if course.funding_programme_id
        else None
    )
    eu = (
        visibility_for(fund_statement(programme.fund), programme.fund, programme.lineage(), request)
        if programme is not None
        else ""
    )
    detail = {
        "course_status": course.status(),
        "waiting_list": bool(course.waiting_list_sessions()),
        "funding_programme": programme,
        "related_projects": list(
            ProjectPage.objects.published()
            .filter(related_courses__course=course)
            .order_by("related_courses__sort_order")
            .defer_streamfields()
        ),
        "sessions": [(session, session_status(session)) for session in sessions_in_language(course, request)],
        "eu_visibility": eu,
    }
    return {
        "article": render_to_string("courses/includes/course_article.html", {**context, **detail}, request=request),
        "eu_visibility": bool(eu),
        "json_ld": course_json_ld(course, request, programme),
    }
