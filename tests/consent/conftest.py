import pytest
from cookie_consent.cache import delete_cache

from consent.models import AnalyticsSettings, CookieBannerSettings
from tests.factories.consent import CookieDetailsFactory, CookieFactory, CookieGroupFactory


@pytest.fixture
def registry(home_page):
    """The demo's shape: necessary cookies, cookieless first-party statistics, third-party videos."""
    delete_cache()
    necessary = CookieGroupFactory(varname="necessari", name="Necessari", is_required=True, is_deletable=False)
    statistics = CookieGroupFactory(varname="statistiche", name="Statistiche", ordering=10)
    videos = CookieGroupFactory(varname="video", name="Video di terze parti", ordering=20)
    CookieDetailsFactory(cookie=CookieFactory(cookiegroup=necessary, name="cookie_consent"), duration="6 mesi")
    CookieDetailsFactory(
        cookie=CookieFactory(cookiegroup=videos, name="YSC", domain=".youtube.com"),
        provider="Google Ireland (YouTube)",
        duration="Sessione",
        is_third_party=True,
    )
    site = home_page.get_site()
    analytics = AnalyticsSettings.for_site(site)
    analytics.provider = "first_party"
    analytics.cookie_group = statistics
    analytics.save()
    banner = CookieBannerSettings.for_site(site)
    banner.embed_group = videos
    banner.save()
    yield {"necessary": necessary, "statistics": statistics, "videos": videos, "site": site}
    delete_cache()
