"""Rendering the catalogue, the organisation pages and a project page. The page models route here
(`ProjectIndexPage` is routable); every query a template needs is prepared next to the view."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from core.jsonld import json_ld_script

from .filters import FACET_NAMES, SORTS, apply_filters, build_facets, read_filters, search_ids, sort_order
from .models import FundingProgramme, Organisation, ProjectIndexPage, ProjectOrganisation, ProjectPage


def catalogue_base(index):
    return ProjectPage.objects.child_of(index).live().public()


def filtered_projects(request, index, organisation_id=None):
    """The base (all published projects of this catalogue, with their status) and the visitor's
    valid filters; the text facet is resolved to ids through Wagtail search."""
    values = read_filters(request.GET)
    if organisation_id is not None:
        values["ente"] = organisation_id
    base = catalogue_base(index)
    if "q" in values:
        values["search_ids"] = search_ids(base, values["q"])
    return base.with_status(), values


def listing_queryset(queryset):
    return queryset.select_related("fund", "image").prefetch_related(
        "image__renditions",
        Prefetch(
            "organisation_roles",
            queryset=ProjectOrganisation.objects.filter(role=ProjectOrganisation.Role.LEAD).select_related(
                "organisation"
            ),
            to_attr="lead_roles",
        ),
        "territories",
    )


def catalogue(request, index, organisation_id=None):
    organisation = None
    if organisation_id is not None:
        organisation = get_object_or_404(Organisation.objects.select_related("logo"), pk=organisation_id)
    base, values = filtered_projects(request, index, organisation_id)
    projects = listing_queryset(apply_filters(base, values).order_by(*sort_order(values)))
    paginator = Paginator(projects, index.projects_per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    facets = build_facets(base, values)
    if organisation is not None:
        facets = [facet for facet in facets if facet.name != "ente"]
    for facet in facets:
        if facet.is_active:
            query = request.GET.copy()
            query.pop(facet.name, None)
            query.pop("page", None)
            facet.remove_url = f"?{query.urlencode()}" if query else ""
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return index.render(
        request,
        template="projects/project_index_page.html",
        context_overrides={
            "organisation": organisation,
            "facets": facets,
            "filters": values,
            "active_filters": [facet for facet in facets if facet.is_active],
            "search_text": values.get("q", ""),
            "sorts": [(key, label) for key, (label, _) in SORTS.items()],
            "current_sort": values.get("ordine", "recenti"),
            "page_obj": page_obj,
            "projects": page_obj.object_list,
            "result_count": paginator.count,
            "export_query": query_without_page.urlencode(),
            "facet_names": FACET_NAMES,
        },
    )


ROLE_PLURALS = {"finanziatore": "Finanziatori", "attuatore": "Soggetti attuatori"}


def project_context(request, page):
    roles = list(
        page.organisation_roles.select_related("organisation__logo").prefetch_related("organisation__logo__renditions")
    )
    groups = []
    for role, label in ProjectOrganisation.Role.choices:
        members = [entry.organisation for entry in roles if entry.role == role]
        if members:
            if len(members) > 1:
                label = ROLE_PLURALS.get(role, label)
            groups.append({"role": role, "label": label, "organisations": members})
    programme_chain = []
    if page.programme_id:
        programme = FundingProgramme.objects.select_related(
            "responsible_authority", "parent__responsible_authority", "parent__parent__responsible_authority"
        ).get(pk=page.programme_id)
        while programme is not None:
            programme_chain.insert(0, programme)
            programme = programme.parent
    authorities = [p.responsible_authority for p in reversed(programme_chain) if p.responsible_authority_id]
    index = ProjectIndexPage.objects.ancestor_of(page).live().first()
    related = [
        link.related_project
        for link in page.related_links.filter(related_project__live=True).select_related("related_project")
    ]
    return {
        "catalogue": index,
        "organisation_groups": groups,
        "programme_chain": programme_chain,
        "responsible_authority": authorities[0] if authorities else None,
        "results": list(page.results.all()),
        "documents": list(page.documents.select_related("document")),
        "related_projects": related,
        "services": list(page.asap_services.all()),
        "themes": list(page.themes.all()),
        "territories": list(page.territories.all()),
        "json_ld": json_ld_script(project_json_ld(request, page, roles, programme_chain)),
    }


def organisation_json_ld(organisation):
    data = {"@type": "Organization", "name": organisation.name}
    if organisation.acronym:
        data["alternateName"] = organisation.acronym
    if organisation.website:
        data["url"] = organisation.website
    return data


def project_json_ld(request, page, roles, programme_chain):
    """schema.org `Project` with its grant (`MonetaryGrant`) and funders."""
    funders = [organisation_json_ld(r.organisation) for r in roles if r.role in ("finanziatore", "autorita")]
    members = [
        {"@type": "Role", "roleName": r.get_role_display(), "member": organisation_json_ld(r.organisation)}
        for r in roles
        if r.role not in ("finanziatore", "autorita")
    ]
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
    }
    if page.acronym:
        data["alternateName"] = page.acronym
    if page.cup:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "CUP", "value": page.cup}
    if page.start_date:
        data["foundingDate"] = page.start_date.isoformat()
    if page.end_date:
        data["dissolutionDate"] = page.end_date.isoformat()
    if funders:
        data["funder"] = funders
    if members:
        data["member"] = members
    if page.fund_id or page.total_cost is not None:
        grant = {"@type": "MonetaryGrant"}
        if programme_chain:
            grant["name"] = str(programme_chain[-1])
        elif page.fund_id:
            grant["name"] = page.fund.name
        if page.fund_id:
            grant["sponsor"] = {"@type": "Organization", "name": page.fund.name, "alternateName": page.fund.acronym}
        if funders:
            grant["funder"] = funders
        amount = page.eu_contribution if page.eu_contribution is not None else page.total_cost
        if amount is not None:
            grant["amount"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": float(amount)}
        data["funding"] = grant
    return data
