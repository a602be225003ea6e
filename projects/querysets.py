"""What each listing of projects fetches, said in one place: the catalogue's cards, the open-data
exports, the feed, the home box and a project's related projects. Everything a visitor sees is
`published()`: live and not behind a view restriction."""

from django.db.models import OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.catalogue import prefetch_renditions
from core.restrictions import PublicPageQuerySet

from .status import status_expression

CARD_IMAGE = "fill-320x180"


class ProjectPageQuerySet(PublicPageQuerySet):
    def published(self):
        return self.live().public()

    def in_catalogue(self, index):
        return self.child_of(index).published()

    def with_status(self, today=None):
        """Annotate `effective_start`, `effective_end` and `computed_status` (see `status.py`)."""
        return self.annotate(
            effective_start=Coalesce("actual_start", "planned_start"),
            effective_end=Coalesce("actual_end", "planned_end"),
        ).annotate(computed_status=status_expression(today or timezone.localdate()))

    def involving(self, organisation_id):
        from .models import ProjectOrganisation

        return self.filter(pk__in=ProjectOrganisation.objects.filter(organisation_id=organisation_id).values("project"))

    def for_listing(self):
        """What a card shows: fund, image (one rendition), lead partners and territories."""
        from .models import ProjectOrganisation

        leads = ProjectOrganisation.objects.filter(role=ProjectOrganisation.Role.LEAD).select_related("organisation")
        return (
            self.defer_streamfields()
            .select_related("fund", "image")
            .prefetch_related(
                prefetch_renditions("image", CARD_IMAGE),
                Prefetch("organisation_roles", queryset=leads, to_attr="lead_roles"),
                "territories",
            )
        )

    def for_export(self):
        """Every column of the open data (see `exports.py`)."""
        return (
            self.defer_streamfields()
            .select_related("fund", "programme")
            .prefetch_related("organisation_roles__organisation", "territories", "themes", "asap_services")
        )

    def latest_first(self):
        return self.defer_streamfields().select_related("fund").order_by("-first_published_at", "-pk")

    def related_to(self, project):
        """The published projects `project` links to, in the editor's order (one query)."""
        from .models import ProjectRelatedLink

        links = ProjectRelatedLink.objects.filter(project=project)
        return (
            self.published()
            .filter(pk__in=links.values("related_project"))
            .annotate(link_order=Subquery(links.filter(related_project=OuterRef("pk")).values("sort_order")[:1]))
            .defer_streamfields()
            .order_by("link_order")
        )
