"""The register of public contributions (transparency.yaml): the granting bodies' fiscal codes, the
receipts, and the register page in the main menu. Everything is found again before it is created."""

from core.site_settings import NavigationItem, NavigationSettings
from demo.helpers import ensure_page, field_values, home_page, read
from projects.models import Organisation, ProjectPage
from transparency.models import ContributionsRegisterPage, PublicContribution


def seed():
    home = home_page()
    if home is None:
        return 0
    data = read("transparency")
    created = 0
    for name, code in data["fiscal_codes"].items():
        created += Organisation.objects.filter(name=name, fiscal_code="").update(fiscal_code=code)
    for receipt in data["receipts"]:
        fields = field_values(PublicContribution, {k: v for k, v in receipt.items() if k != "project"})
        fields["granting_body"] = Organisation.objects.get(name=receipt["granting_body"])
        fields["project"] = ProjectPage.objects.filter(slug=receipt.get("project") or "").first()
        _, was_created = PublicContribution.objects.get_or_create(
            granting_body=fields.pop("granting_body"),
            received_on=fields.pop("received_on"),
            amount=fields.pop("amount"),
            defaults=fields,
        )
        created += was_created
    page_data = {key: value for key, value in data["page"].items() if key != "menu_label"}
    page, page_created = ensure_page(home, ContributionsRegisterPage, page_data)
    if page_created:
        navigation = NavigationSettings.for_site(page.get_site())
        NavigationItem.objects.create(
            settings=navigation, page=page, label=data["page"]["menu_label"], sort_order=navigation.items.count()
        )
    return created + page_created
