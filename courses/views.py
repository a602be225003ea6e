"""Public views: the catalogue (served by CourseIndexPage), calendar files and the enquiry form.

The enquiry form and the calendar files have their own URLs under the course's address, served by
plain Django views, so that the course page stays identical for every visitor (no CSRF token) and
the enquiry is committed in its own transaction even when ATOMIC_REQUESTS is on."""

from datetime import timedelta

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site
from wagtail.views import serve as wagtail_serve

from core import ratelimit
from core.site_settings import OrganisationSettings

from .feeds import build_calendar
from .filters import CatalogueFilterForm, catalogue_queryset, filter_options
from .forms import CourseEnquiryForm
from .mail import record_enquiry_emails
from .models import CourseIndexPage, CoursePage, CourseSession
from .outbox import send_after_commit

COURSES_PER_PAGE = 10
CALENDAR_CACHE_SECONDS = 15 * 60
CATALOGUE_FEED_PAST = timedelta(days=180)


def with_sessions(courses):
    return courses.prefetch_related(
        Prefetch("sessions", queryset=CourseSession.objects.select_related("venue").order_by("start"))
    )


def catalogue(request, index_page):
    cities, months = filter_options(index_page)
    form = CatalogueFilterForm(request.GET or None, cities=cities, months=months)
    courses = with_sessions(catalogue_queryset(index_page, form))
    paginator = Paginator(courses, COURSES_PER_PAGE)
    try:
        page_obj = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page_obj = paginator.page(1)
    except EmptyPage:
        page_obj = paginator.page(paginator.num_pages)
    archive = bool(form.valid_value("archivio"))
    context = index_page.get_context(request)
    context.update(
        {
            "filter_form": form,
            "courses": page_obj,
            "page_obj": page_obj,
            "paginator": paginator,
            "archive": archive,
            "filters_active": any(form.valid_value(name) for name in form.fields if name != "archivio"),
        }
    )
    return TemplateResponse(request, "courses/course_index_page.html", context)


def find_page(request, page_path, model):
    """The live, public page of type `model` at `page_path` (relative to the site root), or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    url_path = site.root_page.url_path + page_path
    return model.objects.live().public().filter(url_path=url_path).first()


def _calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = f"public, max-age={CALENDAR_CACHE_SECONDS}"
    return response


@require_GET
def calendar_file(request, page_path):
    """`<course>/calendario.ics` (all its sessions) or `<catalogue>/calendario.ics` (every course)."""
    course = find_page(request, page_path, CoursePage)
    if course is not None:
        course = with_sessions(CoursePage.objects.filter(pk=course.pk)).get()
        url = course.get_full_url(request)
        return _calendar_response(build_calendar(course.title, [course], lambda c: url), f"{course.slug}.ics")
    index_page = find_page(request, page_path, CourseIndexPage)
    if index_page is None:
        raise Http404("Calendario non trovato")
    # The catalogue feed keeps recent and future sessions; a course's own file keeps all of them.
    recent = CourseSession.objects.filter(end__gte=timezone.now() - CATALOGUE_FEED_PAST)
    courses = (
        CoursePage.objects.live()
        .public()
        .child_of(index_page)
        .filter(Exists(recent.filter(course=OuterRef("pk"))))
        .defer_streamfields()
        .order_by("title")
        .prefetch_related(Prefetch("sessions", queryset=recent.select_related("venue").order_by("start")))
    )
    content = build_calendar(index_page.title, courses, lambda c: c.get_full_url(request))
    return _calendar_response(content, "corsi.ics")


def _course_or_fallback(request, page_path, suffix):
    """The course at `page_path`; None when another kind of page happens to use this slug."""
    course = find_page(request, page_path, CoursePage)
    if course is None:
        return None, wagtail_serve(request, page_path + suffix)
    return course, None


@never_cache
@transaction.non_atomic_requests
@require_http_methods(["GET", "POST"])
def enquiry(request, page_path):
    course, fallback = _course_or_fallback(request, page_path, "richiedi-informazioni/")
    if fallback is not None:
        return fallback
    status = 200
    if request.method == "POST":
        form = CourseEnquiryForm(request.POST, course=course)
        # only posts that would be accepted count: a visitor correcting mistakes is never throttled
        if (form.is_spam() or form.is_valid()) and not ratelimit.hit(request, "enquiry"):
            return ratelimit.too_many_requests(request, "enquiry", kind="forms")
        if form.is_spam():
            return redirect(course.url + "richiedi-informazioni/grazie/")
        if form.is_valid():
            with transaction.atomic():
                enquiry = form.save()
                emails = record_enquiry_emails(enquiry, request)
            send_after_commit(emails)
            return redirect(course.url + "richiedi-informazioni/grazie/")
        status = 400
    else:
        form = CourseEnquiryForm(course=course)
    context = {
        "course": course,
        "page": course,
        "form": form,
        "privacy_page": OrganisationSettings.for_request(request).privacy_page,
    }
    return TemplateResponse(request, "courses/enquiry_form.html", context, status=status)


@require_GET
def enquiry_thanks(request, page_path):
    course, fallback = _course_or_fallback(request, page_path, "richiedi-informazioni/grazie/")
    if fallback is not None:
        return fallback
    return TemplateResponse(request, "courses/enquiry_thanks.html", {"course": course, "page": course})
