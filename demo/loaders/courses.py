"""The course catalogue: venues (venues.yaml), the catalogue page, a dozen courses with past, running,
future, full and cancelled sessions, and the "Scrivici" contact form (courses.yaml)."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.rich_text import RichText

from contact.models import ContactFormField, ContactFormPage
from courses.enquiries import EnquiryStatus, RequestType
from courses.models import (
    CourseEnquiry,
    CourseIndexPage,
    CoursePage,
    CourseRelatedProject,
    CourseSession,
    Venue,
)
from demo.helpers import add_page, child_page, ensure_page, field_values, home_page, read
from projects.models import FundingProgramme, ProjectPage

ROME = ZoneInfo("Europe/Rome")


def seed():
    home = home_page()
    if home is None:
        return 0
    data = read("courses")
    venues, created = ensure_venues()
    catalogue, catalogue_created = ensure_page(home, CourseIndexPage, data["catalogue"])
    created += catalogue_created
    for fields in data["courses"]:
        if child_page(catalogue, CoursePage, fields["slug"]) is None:
            course = add_page(catalogue, build_course({**data["course_defaults"], **fields}, data, venues))
            enrol(course, fields["sessions"])
            created += 1
    if child_page(home, ContactFormPage, data["contact_form"]["slug"]) is None:
        add_page(home, build_contact_form(data["contact_form"]))
        created += 1
    return created


def ensure_venues():
    venues, created = {}, 0
    for key, fields in read("venues").items():
        venues[key], was_created = Venue.objects.get_or_create(
            name=fields["name"], city=fields["city"], defaults=fields
        )
        created += was_created
    return venues, created


def build_course(fields, data, venues):
    own = {key: value for key, value in fields.items() if key not in ("sessions", "related_projects")}
    if "funding_programme" in own:
        own["funding_programme"] = FundingProgramme.objects.get(code=own["funding_programme"])
    course = CoursePage(**field_values(CoursePage, own))
    course.search_description = course.summary[:160]
    course.body = [
        ("paragraph", RichText(f"<p>{course.summary}</p>")),
        programme(data["programme"], course.total_hours),
    ]
    course.sessions = [
        CourseSession(sort_order=i, **session({**data["session_defaults"], **entry}, venues))
        for i, entry in enumerate(fields["sessions"])
    ]
    slugs = fields.get("related_projects", [])
    projects = {project.slug: project for project in ProjectPage.objects.filter(slug__in=slugs)}
    course.related_projects = [
        CourseRelatedProject(project=projects[slug], sort_order=i) for i, slug in enumerate(slugs)
    ]
    return course


def programme(data, total_hours):
    """The shared programme; the module without hours gets what the others leave. A course too short
    for the given hours shares its duration among the modules instead (in half hours), so the
    modules always add up to the course's duration (`CoursePage.programme_hours_mismatch`)."""
    total = Decimal(total_hours)
    given = sum(Decimal(module["hours"]) for module in data["modules"] if "hours" in module)
    count = len(data["modules"])
    if total - given >= 1:
        hours = [Decimal(module.get("hours", total - given)) for module in data["modules"]]
    else:
        share = (total / count * 2).to_integral_value(rounding="ROUND_FLOOR") / 2
        hours = [share] * (count - 1) + [total - share * (count - 1)]
    modules = [{**module, "hours": module_hours} for module, module_hours in zip(data["modules"], hours, strict=True)]
    return ("programme", {"heading": data["heading"], "modules": modules})


def session(entry, venues):
    """A session's fields, its days counted from today (see courses.yaml)."""
    first_day = entry["starts_in_days"]
    last_day = first_day + entry["days"] - 1
    closes = entry.get("enrolment_closes_in_days")
    return {
        "edition": entry["edition"],
        "start": at(first_day, entry["starts_at"]),
        "end": at(last_day, entry["ends_at"]),
        "venue": venues.get(entry.get("venue")),
        "is_online": entry.get("is_online", False),
        "online_platform": entry.get("online_platform", ""),
        "seats": entry["seats"],
        "enrolment_deadline": timezone.localdate() + datetime.timedelta(days=closes) if closes is not None else None,
        "cancelled": entry.get("cancelled", False),
        "schedule": entry["schedule"],
    }


def enrol(course, entries):
    """A session's `seats_taken` in courses.yaml: one enquiry for that many people, marked enrolled
    (seats taken are enrolled enquiries, see `CourseSession.seats_taken`)."""
    course = CoursePage.objects.get(pk=course.pk)
    for session, entry in zip(course.sessions.order_by("sort_order"), entries, strict=True):
        if entry.get("seats_taken"):
            CourseEnquiry.objects.create(
                course=course,
                session=session,
                first_name="Gruppo",
                last_name="iscritto",
                email="iscrizioni@esempio.it",
                request_type=RequestType.PRE_ENROLMENT,
                participants=entry["seats_taken"],
                privacy_acknowledged_at=timezone.now(),
                status=EnquiryStatus.ENROLLED,
            )


def at(days_from_today, time):
    day = timezone.localdate() + datetime.timedelta(days=days_from_today)
    hour, minute = (int(part) for part in time.split(":"))
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=ROME)


def build_contact_form(data):
    page = ContactFormPage(**{key: value for key, value in data.items() if key != "fields"})
    page.form_fields = [ContactFormField(sort_order=i, **field) for i, field in enumerate(data["fields"])]
    return page
