"""Site settings of the default site (settings.yaml): organisation details and legal pages, statistics
and the cookie banner. Only fields still at their default value are filled, so editors' changes stay."""

from cookie_consent.models import CookieGroup

from analytics.site_settings import AnalyticsSettings
from consent.site_settings import CookieBannerSettings
from core.site_settings import OrganisationSettings
from demo.helpers import home_page, read, svg_image

SECTIONS = {"organisation": OrganisationSettings, "analytics": AnalyticsSettings, "cookie_banner": CookieBannerSettings}


def seed():
    home = home_page()
    if home is None:
        return 0
    site = home.get_site()
    data = read("settings")
    return sum(fill(model.for_site(site), data[section], home) for section, model in SECTIONS.items())


def fill(settings, values, home):
    """Set the fields of `settings` still at their default to `values`; 1 if anything changed."""
    changed = False
    for name, value in values.items():
        field = settings._meta.get_field(name)
        if field.is_relation:
            value = related(field, value, home).pk
        current = getattr(settings, field.attname)
        if current == field.get_default() and current != value:
            setattr(settings, field.attname, value)
            changed = True
    if changed:
        settings.save()
    return int(changed)


def related(field, key, home):
    """A cookie group by varname, the logo from its SVG file, or a page under the home page by slug."""
    model = field.related_model
    if field.name == "logo":
        return svg_image(key["title"], key["description"], key["file"])
    if model is CookieGroup:
        return CookieGroup.objects.get(varname=key)
    return home.get_children().get(slug=key)
