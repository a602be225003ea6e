"""The office's to-do list, computed from the content: each check returns what needs attention, as
(title, admin link, note) items. The dashboard panels and the Moderatori's weekly digest show the same
lists, so an e-mail never says something the dashboard does not."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, WorkflowState

from core.dates import italian_date
from courses.models import CoursePage
from projects.models import ProjectPage
from projects.visibility import publication_gaps

REVIEW_AFTER = datetime.timedelta(days=365)


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    note: str = ""


@dataclass(frozen=True)
class Check:
    key: str
    heading: str
    empty: str
    items: list


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def latest(page):
    """The page as last saved: a draft's fields live in its latest revision."""
    return page.get_latest_revision_as_object() if page.has_unpublished_changes else page


def pages_in_review():
    """Ids of the pages waiting for a moderator. Read apart: a workflow state names its object by a
    text id, which PostgreSQL will not compare with a page's integer id in a join."""
    states = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS, base_content_type=ContentType.objects.get_for_model(Page)
    )
    return [int(object_id) for object_id in states.values_list("object_id", flat=True)]


def my_drafts(user):
    pages = (
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .exclude(pk__in=pages_in_review())
        .order_by("-latest_revision_created_at")
    )
    return [
        Item(page.get_admin_display_title(), edit_url(page), f"salvata {italian_date(page.latest_revision_created_at)}")
        for page in pages
    ]


def eu_projects_missing_data():
    items = []
    for page in ProjectPage.objects.select_related("fund").order_by("title"):
        project = latest(page)
        values = {name: getattr(project, name) for name in ("eu_statement", "eu_contribution", "objectives")}
        values |= {"fund": project.fund, "expected_results": project.expected_results}
        gaps = publication_gaps(values)
        if gaps:
            missing = ", ".join(label for _, label in gaps)
            items.append(Item(project.title, edit_url(page), f"manca: {missing}"))
    return items


def programme_hours(course):
    """The hours of the modules in the course's programme blocks (modules without hours are skipped)."""
    hours = [
        module["hours"]
        for block in course.body
        if block.block_type == "programme"
        for module in block.value["modules"]
        if module["hours"] is not None
    ]
    return sum(hours, Decimal(0)) if hours else None


def courses_whose_modules_do_not_add_up():
    items = []
    for page in CoursePage.objects.order_by("title"):
        course = latest(page)
        hours = programme_hours(course)
        if hours is not None and course.total_hours is not None and hours != course.total_hours:
            note = f"moduli {format_hours(hours)} ore, durata complessiva {format_hours(course.total_hours)} ore"
            items.append(Item(course.title, edit_url(page), note))
    return items


def format_hours(value):
    return f"{value.normalize():f}".replace(".", ",")


def images_without_description():
    images = get_image_model().objects.filter(description="").order_by("title")
    return [Item(image.title, reverse("wagtailimages:edit", args=(image.pk,))) for image in images]


def pages_not_reviewed(now=None):
    cutoff = (now or timezone.now()) - REVIEW_AFTER
    pages = Page.objects.filter(live=True, depth__gt=1, latest_revision_created_at__lt=cutoff).order_by(
        "latest_revision_created_at"
    )
    return [
        Item(
            page.get_admin_display_title(),
            edit_url(page),
            f"ultima modifica {italian_date(page.latest_revision_created_at)}",
        )
        for page in pages
    ]


def office_checks(now=None):
    """The checks about the content as a whole (the dashboard adds each person's drafts)."""
    return [
        Check(
            "eu_projects",
            "Progetti UE con dati mancanti",
            "Tutti i progetti finanziati dall'Unione europea hanno obiettivi, risultati attesi e dicitura.",
            eu_projects_missing_data(),
        ),
        Check(
            "course_hours",
            "Corsi con moduli che non tornano con la durata",
            "In tutti i corsi le ore dei moduli tornano con la durata complessiva.",
            courses_whose_modules_do_not_add_up(),
        ),
        Check(
            "images",
            "Immagini senza descrizione",
            "Tutte le immagini hanno una descrizione (il testo alternativo).",
            images_without_description(),
        ),
        Check(
            "stale_pages",
            "Pagine non riviste da più di un anno",
            "Tutte le pagine pubblicate sono state riviste nell'ultimo anno.",
            pages_not_reviewed(now),
        ),
    ]


def drafts_check(user):
    return Check(
        "my_drafts", "Le mie bozze", "Non hai bozze da pubblicare o da inviare in approvazione.", my_drafts(user)
    )
