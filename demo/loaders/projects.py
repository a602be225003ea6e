"""The project catalogue: organisations, funds, programmes, themes and territories (snippets), then
the catalogue page and its projects (projects.yaml), the FEI project of the old site among them."""

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from core.site_settings import NavigationItem
from demo.helpers import (
    add_page,
    child_page,
    cover_image,
    ensure_page,
    field_values,
    home_page,
    logo_image,
    mark_image,
    read,
    stream,
    text_document,
)
from home.models import HomeProjectPick
from projects.models import (
    AsapService,
    Fund,
    FundingProgramme,
    FundLogo,
    Organisation,
    ProgrammeLogo,
    ProjectDocument,
    ProjectIndexPage,
    ProjectOrganisation,
    ProjectPage,
    ProjectRelatedLink,
    ProjectResult,
    Territory,
    Theme,
)

# keys of projects.yaml that are not ProjectPage fields
RELATIONS = {"fund", "programme", "image_colours", "organisations", "themes", "territories", "services"}
RELATIONS |= {"results", "documents", "related", "replaces", "body"}


class References:
    """The snippets projects refer to, by the names the data files use, created where missing."""

    def __init__(self):
        self.created = 0
        self.organisations = {data["name"]: self.organisation(data) for data in read("organisations")}
        self.funds = {}
        for data in read("funds"):
            logos = data.pop("mandatory_logos", [])
            fund = self.get_or_create(Fund, {"acronym": data["acronym"], "period_start": data["period_start"]}, data)
            self.funds[data["acronym"]] = fund
            self.add_logos(FundLogo, "fund", fund, logos)
        self.programmes = {}
        for data in read("programmes"):
            logos = data.pop("mandatory_logos", [])
            fields = {
                **data,
                "fund": self.funds[data["fund"]],
                "parent": self.programmes.get(data.get("parent")),
                "responsible_authority": self.organisations[data["responsible_authority"]],
            }
            self.programmes[data["code"]] = self.get_or_create(
                FundingProgramme, {"fund": fields["fund"], "code": data["code"]}, fields
            )
            self.add_logos(ProgrammeLogo, "programme", self.programmes[data["code"]], logos)
        self.themes = {data["slug"]: self.get_or_create(Theme, {"slug": data["slug"]}, data) for data in read("themes")}
        self.territories = {
            data["name"]: self.get_or_create(Territory, {"name": data["name"]}, data) for data in read("territories")
        }
        self.services = {service.code: service for service in AsapService.objects.all()}

    def get_or_create(self, model, lookup, fields):
        obj, created = model.objects.get_or_create(
            **lookup, defaults=field_values(model, {k: v for k, v in fields.items() if k not in lookup})
        )
        self.created += created
        return obj

    def add_logos(self, model, owner_field, owner, logos):
        """The mandatory logo strip of a fund or programme, unless it has one already."""
        if not logos or owner.mandatory_logos.exists():
            return
        for order, logo in enumerate(logos):
            image = mark_image(logo["text"], logo["colour"])
            model.objects.create(**{owner_field: owner}, image=image, alt_text=logo["text"], sort_order=order)
            self.created += 1

    def organisation(self, data):
        existing = Organisation.objects.filter(name=data["name"]).first()
        if existing:
            return existing
        fields = {key: value for key, value in data.items() if key != "logo_colour"}
        if "logo_colour" in data:
            fields["logo"] = logo_image(data["name"], data["logo_colour"])
        self.created += 1
        return Organisation.objects.create(**fields)


def seed():
    home = home_page()
    if home is None:
        return 0
    data = read("projects")
    refs = References()
    catalogue, created = ensure_page(home, ProjectIndexPage, data["catalogue"])
    created += refs.created
    pages = {}
    for fields in data["projects"]:
        page = child_page(catalogue, ProjectPage, fields["slug"])
        if page is None:
            page = add_page(catalogue, build_project(fields, refs, pages))
            created += 1
        pages[fields["slug"]] = page
        for old_path in [fields["replaces"]] if "replaces" in fields else []:
            created += take_place_of(home, old_path, page)
    return created


def build_project(data, refs, pages):
    page = ProjectPage(**field_values(ProjectPage, {k: v for k, v in data.items() if k not in RELATIONS}))
    page.body = stream(data.get("body", []))
    page.fund = refs.funds[data["fund"]]
    page.programme = refs.programmes.get(data.get("programme"))
    if "image_colours" in data:
        page.image = cover_image(f"Progetto {data['title']}", data["image_colours"])
    page.organisation_roles = [
        ProjectOrganisation(organisation=refs.organisations[name], role=role, sort_order=i)
        for i, (role, name) in enumerate(pair for entry in data["organisations"] for pair in entry.items())
    ]
    page.results = [
        ProjectResult(sort_order=i, **field_values(ProjectResult, result))
        for i, result in enumerate(data.get("results", []))
    ]
    page.documents = [
        ProjectDocument(
            document=text_document(entry["document"], entry["file"], entry["content"]),
            title=entry["title"],
            sort_order=i,
        )
        for i, entry in enumerate(data.get("documents", []))
    ]
    page.related_links = [
        ProjectRelatedLink(related_project=pages[slug], sort_order=i) for i, slug in enumerate(data.get("related", []))
    ]
    page.themes = [refs.themes[slug] for slug in data["themes"]]
    page.territories = [refs.territories[name] for name in data["territories"]]
    page.asap_services = [refs.services[code] for code in data["services"]]
    return page


def take_place_of(home, old_path, project):
    """The project replaces the page at `old_path`: the page (if an older demo left it) goes, its menu
    entry with it, box picks follow the project, and the old address redirects permanently."""
    changed = 0
    old = Page.objects.filter(url_path=f"{home.url_path}{old_path.strip('/')}/").first()
    if old is not None:
        NavigationItem.objects.filter(page=old).delete()
        HomeProjectPick.objects.filter(page=old).update(page=project)
        old.delete()
        changed += 1
    if not Redirect.objects.filter(old_path=Redirect.normalise_path(old_path)).exists():
        Redirect.add_redirect(old_path, redirect_to=project, is_permanent=True)
        changed += 1
    return changed
