"""An event page's article: what `EventPage.get_context` keeps as a shared part, until editors change
something or the event starts or ends (its status and whether it takes registrations follow the
clock), whichever comes first."""

from django.template.loader import render_to_string

from core.parts import shared_part
from projects.models import FundingProgramme, ProjectPage
from projects.visibility import fund_statement, visibility_for

from .structured_data import event_json_ld


def event_visibility(event, request):
    """The EU visibility block of the event's programme ("" when it is not EU funded): the rules and
    the shared block of `projects.visibility`, as for courses."""
    if not event.funding_programme_id:
        return None, ""
    programme = FundingProgramme.objects.select_related("fund").filter(pk=event.funding_programme_id).first()
    if programme is None:
        return None, ""
    return programme, visibility_for(fund_statement(programme.fund), programme.fund, programme.lineage(), request)


def build_article(event, request, context):
    programme, eu = event_visibility(event, request)
    detail = {
        "event_status": event.status(),
        "accepts_registrations": event.accepts_registrations(),
        "is_full": event.is_full,
        "funding_programme": programme,
        "speakers": list(event.speakers.all()),
        "related_projects": list(
            ProjectPage.objects.published()
            .filter(related_events__event=event)
            .order_by("related_events__sort_order")
            .defer_streamfields()
        ),
        "eu_visibility": eu,
    }
    return {
        "article": render_to_string("events/includes/event_article.html", {**context, **detail}, request=request),
        "eu_visibility": bool(eu),
        "json_ld": event_json_ld(event, request),
    }


def event_article(event, request, context):
    name = f"page-article:{event.pk}"
    return shared_part(name, request, lambda: build_article(event, request, context), event.seconds_until_change())
