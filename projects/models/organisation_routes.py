"""The catalogue's organisation routes: each organisation's page at a readable address
(`ente/regione-lazio/`; the old numeric `ente/<n>/` redirects there permanently), the "Enti e partner"
directory (`enti/`), and both in the sitemap. A mixin of `ProjectIndexPage`, so they live under each
language's catalogue (`/progetti/...`, `/en/projects/...`) as its other routes do."""

from django.db.models import Max
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from wagtail.contrib.routable_page.models import path

from catalogue.listing import paginate
from core.jsonld import json_ld_script
from core.parts import shared_part

from ..directory import DirectoryFilterSet, roles_in
from ..structured_data import organisation_page_json_ld
from .snippets import Organisation

ORGANISATIONS_PER_PAGE = 24


class OrganisationRoutesMixin:
    @path("ente/<int:organisation_id>/")
    def organisation_by_number(self, request, organisation_id):
        """The address organisation pages had before they had a readable one."""
        organisation = get_object_or_404(Organisation.objects.only("slug"), pk=organisation_id)
        query = request.GET.urlencode()
        return HttpResponsePermanentRedirect(
            self.organisation_url(organisation, request) + (f"?{query}" if query else "")
        )

    @path("ente/<slug:slug>/")
    def organisation(self, request, slug):
        organisation = get_object_or_404(Organisation.objects.select_related("logo"), slug=slug)
        context = {
            "organisation_header": shared_part(
                f"projects:organisation-header:{request.path}",
                request,
                lambda: render_to_string(
                    "projects/includes/organisation_header.html",
                    {
                        "organisation": organisation,
                        "summary": self.projects().organisation_summary(organisation.pk),
                        "request": request,
                    },
                ),
            ),
            "json_ld": json_ld_script(organisation_page_json_ld(request, organisation)),
        }
        return self.render_catalogue(request, organisation, context)

    def organisation_url(self, organisation, request=None):
        return self.get_url(request) + self.reverse_subpage("organisation", args=(organisation.slug,))

    @path("enti/")
    def organisation_directory(self, request):
        filterset = DirectoryFilterSet.for_catalogue(request, self)
        page_obj = paginate(request, filterset.entries(), ORGANISATIONS_PER_PAGE)
        entry_url = self.get_url(request) + "ente/"
        cards = [
            render_to_string("projects/includes/organisation_card.html", {"entry": entry, "entry_url": entry_url})
            for entry in page_obj.object_list
        ]
        context = {
            "filterset": filterset,
            "filter_form": filterset.form,
            "active_filters": filterset.active_filters(),
            "page_obj": page_obj,
            "cards": cards,
            "result_count": page_obj.paginator.count,
        }
        return self.render(request, template="projects/organisation_directory.html", context_overrides=context)

    def get_sitemap_urls(self, request=None):
        """The catalogue, its directory and the page of every organisation with projects in it, each
        last changed when the organisation or one of its projects was (one query)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        rows = (
            roles_in(self)
            .order_by()
            .values("organisation__slug")
            .annotate(
                projects_changed=Max("project__last_published_at"),
                revised=Max("organisation__latest_revision__created_at"),
            )
            .order_by("organisation__slug")
        )
        organisations = []
        for row in rows:
            changes = [when for when in (row["projects_changed"], row["revised"]) if when]
            organisations.append(
                {"location": f"{base}ente/{row['organisation__slug']}/", "lastmod": max(changes) if changes else None}
            )
        if organisations:
            changes = [url["lastmod"] for url in organisations if url["lastmod"]]
            urls.append({"location": f"{base}enti/", "lastmod": max(changes) if changes else None})
        return urls + organisations
