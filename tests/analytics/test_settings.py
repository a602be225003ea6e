"""The analytics settings: each provider validated in Italian, and the configuration element that
analytics.js reads (only for the configured provider, never in previews)."""

import pytest
from django.core.exceptions import ValidationError

from analytics.models import AnalyticsSettings
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"provider": "first_party"}, "cookie_group"),
        ({"provider": "matomo", "matomo_site_id": 1}, "matomo_url"),
        ({"provider": "plausible", "plausible_domain": ""}, "plausible_domain"),
        ({"provider": "ga4", "ga4_measurement_id": "UA-12345"}, "ga4_measurement_id"),
    ],
)
def test_analytics_settings_validate_each_provider_in_italian(registry, fields, error_field):
    settings = AnalyticsSettings.for_site(registry["site"])
    settings.cookie_group = None if error_field == "cookie_group" else registry["statistics"]
    for name, value in fields.items():
        setattr(settings, name, value)
    with pytest.raises(ValidationError) as error:
        settings.clean()
    assert error_field in error.value.message_dict
    assert all(" " in message for message in error.value.message_dict[error_field])


def test_analytics_markup_appears_only_for_the_configured_provider(client, registry, home_page):
    settings = AnalyticsSettings.for_site(registry["site"])
    settings.provider = "ga4"
    settings.ga4_measurement_id = "G-ABC123"
    settings.save()
    html = client.get("/").content.decode()
    assert 'data-ga4-id="G-ABC123"' in html and "googletagmanager" not in html  # only analytics.js adds it
    assert "<script src=" not in html.replace('<script src="/static/', "")


def test_previews_carry_no_analytics_configuration(client, registry, home_page):
    page = ContentPageFactory(parent=home_page, title="Bozza")
    preview = page.make_preview_request().render().content.decode()
    live = client.get(page.url).content.decode()
    assert 'data-analytics-group="statistiche"' in live
    assert "data-analytics-group" not in preview
