"""schema.org `NewsArticle` for an article page: headline, dates, image, the organisation as
publisher, the kind as `articleSection`, the projects it is about."""

from django.utils.translation import get_language

from core.parts import site_setting
from core.site_settings import OrganisationSettings


def news_article_json_ld(request, page):
    organisation = site_setting(OrganisationSettings, request)
    publisher = {"@type": "Organization", "name": organisation.name}
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "description": page.summary,
        "datePublished": page.date.isoformat(),
        "articleSection": str(page.get_kind_display()),
        "inLanguage": get_language(),
        "mainEntityOfPage": page.get_full_url(request),
        "publisher": publisher,
        "author": publisher,
    }
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if page.image_id:
        rendition = page.image.get_rendition("fill-1200x630")
        data["image"] = request.build_absolute_uri(rendition.url)
    about = [
        {"@type": "Project", "name": p.title, "url": p.get_full_url(request)} for p in page.related_projects.live()
    ]
    if about:
        data["about"] = about
    return data
