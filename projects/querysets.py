"""What each listing of projects fetches, said in one place: the catalogue's cards, the open-data
exports, the feed, the home box and a project's related projects. Everything a visitor sees is
`published()`: live and not behind a view restriction."""

from django.db.models import CharField, Count, Exists, F, Max, Min, OuterRef, Prefetch, Q, Subquery, Sum, Value
from django.utils import timezone
from wagtail.images.models import Filter
from wagtail.models import TranslatableMixin

from catalogue.listing import prefetch_renditions
from core.parts import shared_part
from core.restrictions import PublicPageQuerySet
from core.translatable import in_language, shown_in_language, source_rows

from .models.inlines import ProjectOrganisation, ProjectRelatedLink
from .models.snippets import Territory
from .status import status_expression

# The card's <picture> (projects/includes/project_card.html): WebP and JPEG, 1x and 2x.
CARD_IMAGE = Filter.expand_spec("format-{webp,jpeg} fill-{320x180,640x360}")


class ProjectPageQuerySet(PublicPageQuerySet):
    def published(self):
        return self.live().public()

    def in_catalogue(self, index):
        return self.child_of(index).published()

    def with_status(self, today=None):
        """Annotate `effective_start`, `effective_end` (stored by `save()`) and `computed_status`
        (see `status.py`)."""
        return self.annotate(effective_start=F("starts_on"), effective_end=F("ends_on")).annotate(
            computed_status=status_expression(today or timezone.localdate())
        )

    def involving(self, organisation_id):
        return self.filter(pk__in=ProjectOrganisation.objects.filter(organisation_id=organisation_id).values("project"))

    def for_listing(self):
        """What a card shows: fund, image (one rendition), lead partners and territories."""
        leads = ProjectOrganisation.objects.filter(role=ProjectOrganisation.Role.LEAD).select_related("organisation")
        return (
            self.defer_streamfields()
            .select_related("fund", "image")
            .prefetch_related(
                prefetch_renditions("image", *CARD_IMAGE),
                Prefetch("organisation_roles", queryset=leads, to_attr="lead_roles"),
                Prefetch("territories", queryset=shown_in_language(Territory.objects.all())),
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
        links = ProjectRelatedLink.objects.filter(project=project)
        return (
            self.published()
            .filter(pk__in=links.values("related_project"))
            .annotate(link_order=Subquery(links.filter(related_project=OuterRef("pk")).values("sort_order")[:1]))
            .defer_streamfields()
            .order_by("link_order")
        )

    # --- sums: an organisation's work with ASAP, the catalogue's funding at a glance ---

    def organisation_summary(self, organisation_id):
        """What these projects add up to for one organisation, in two queries whatever their number:
        the projects it takes part in by role, their total cost and EU contribution (each project
        counted once, even when the organisation has two roles in it), the period they cover, and
        the funds involved with their projects."""
        roles = ProjectOrganisation.objects.filter(organisation_id=organisation_id, project=OuterRef("pk"))
        projects = self.involving(organisation_id).order_by()
        totals = projects.aggregate(
            projects=Count("pk"),
            total_cost=Sum("total_cost"),
            eu_contribution=Sum("eu_contribution"),
            start=Min("starts_on"),
            end=Max("ends_on"),
            **{
                f"role_{role}": Count("pk", filter=Q(Exists(roles.filter(role=role))))
                for role in ProjectOrganisation.Role.values
            },
        )
        funds = (
            projects.filter(fund__isnull=False)
            .values("fund_id", "fund__name", "fund__acronym")
            .annotate(projects=Count("pk"))
            .order_by("fund__acronym", "fund__name")
        )
        return {
            **{key: value for key, value in totals.items() if not key.startswith("role_")},
            "roles": [
                (role, label, totals[f"role_{role}"])
                for role, label in ProjectOrganisation.Role.choices
                if totals[f"role_{role}"]
            ],
            "funds": [
                {
                    "id": row["fund_id"],
                    "name": row["fund__name"],
                    "acronym": row["fund__acronym"],
                    "projects": row["projects"],
                }
                for row in funds
            ],
        }

    def _each_once(self):
        """These projects as a plain query on their ids, so a grouping counts each project once
        whatever joins the filters added."""
        return self.model.objects.filter(pk__in=self.order_by().values("pk")).order_by()

    def funding_by_fund(self):
        """Projects, total cost and EU contribution per fund (one GROUP BY query), largest first."""
        return list(
            self._each_once()
            .values("fund_id", "fund__name", "fund__acronym")
            .annotate(projects=Count("pk"), cost=Sum("total_cost"), eu=Sum("eu_contribution"))
            .order_by(F("cost").desc(nulls_last=True), "fund__acronym")
        )

    def funding_by_start_year(self):
        """Projects, total cost and EU contribution per start year (one GROUP BY query), oldest first."""
        return list(
            self._each_once()
            .values(year=F("start_year"))
            .annotate(projects=Count("pk"), cost=Sum("total_cost"), eu=Sum("eu_contribution"))
            .order_by(F("year").asc(nulls_last=True))
        )


def tags_of(project, request):
    """{"services": [...], "themes": [...], "territories": [...]} of `project`: the ids in one query,
    the snippets from those kept per site and change, in their usual order. A preview reads the
    draft's own (unsaved) choices."""
    if getattr(request, "is_preview", False):
        return {name: list(getattr(project, field).all()) for name, field in TAGS.items()}
    everything = shared_part("projects:tags", request, lambda: all_tags(type(project), request))
    parts = [
        getattr(type(project), field)
        .through.objects.filter(projectpage_id=project.pk)
        .values(tag=Value(name, output_field=CharField()), tag_id=F(f"{field_model(project, field)}_id"))
        for name, field in TAGS.items()
    ]
    chosen = {(row["tag"], row["tag_id"]) for row in parts[0].union(*parts[1:], all=True)}
    return {name: [tag for tag in everything[name] if (name, tag.pk) in chosen] for name in TAGS}


TAGS = {"services": "asap_services", "themes": "themes", "territories": "territories"}


def field_model(project, field):
    return type(project)._meta.get_field(field).related_model._meta.model_name


def all_tags(project_model, request=None):
    """Every tag a project may have, themes and territories in the address's language (the Italian
    rows, with their translated names)."""
    tags = {}
    for name, field in TAGS.items():
        model = project_model._meta.get_field(field).related_model
        if issubclass(model, TranslatableMixin):
            tags[name] = in_language(source_rows(model.objects.all()), request)
        else:
            tags[name] = list(model.objects.all())
    return tags
