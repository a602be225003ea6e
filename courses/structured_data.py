"""schema.org `Course` as JSON-LD: one `CourseInstance` per session and an `Offer` for the fee."""

from core.jsonld import json_ld_script
from core.parts import site_setting
from core.site_settings import OrganisationSettings

from .choices import DeliveryMode

# schema.org courseMode for each delivery mode.
SCHEMA_COURSE_MODE = {
    DeliveryMode.IN_PERSON: "Onsite",
    DeliveryMode.ONLINE_LIVE: "Online",
    DeliveryMode.E_LEARNING: "Online",
    DeliveryMode.BLENDED: "Blended",
}


def venue_place(venue):
    """A venue as a schema.org `Place` with its postal address (courses' sessions, events)."""
    return {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.address,
            "postalCode": venue.postal_code,
            "addressLocality": venue.city,
            "addressRegion": venue.province,
            "addressCountry": "IT",
        },
    }


def _place(session):
    if session.venue:
        return venue_place(session.venue)
    return {"@type": "VirtualLocation", "name": session.online_platform or "Online"}


def course_data(course, url, funding_programme=None, provider="ASAP"):
    mode = SCHEMA_COURSE_MODE.get(course.delivery_mode, "Onsite")
    instances = []
    for session in course.sorted_sessions:
        instance = {
            "@type": "CourseInstance",
            "name": session.edition,
            "courseMode": mode,
            "startDate": session.local_start.isoformat(),
            "endDate": session.local_end.isoformat(),
            "location": _place(session),
            "courseWorkload": f"PT{int(course.total_hours)}H",
            "eventStatus": (
                "https://schema.org/EventCancelled" if session.cancelled else "https://schema.org/EventScheduled"
            ),
        }
        if session.schedule:
            instance["courseSchedule"] = {"@type": "Schedule", "description": session.schedule}
        instances.append(instance)
    offer = {
        "@type": "Offer",
        "category": "Free" if course.is_free else "Paid",
        "price": "0" if course.is_free else f"{course.fee:.2f}",
        "priceCurrency": "EUR",
        "url": url,
    }
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "name": course.title,
        "courseCode": course.code,
        "description": course.summary,
        "url": url,
        "inLanguage": "it" if course.language.lower().startswith("ital") else course.language,
        "educationalLevel": course.get_level_display(),
        "about": course.get_area_display(),
        "audience": {"@type": "Audience", "audienceType": course.target_audience},
        "provider": {"@type": "Organization", "name": provider},
        "offers": [offer],
        "hasCourseInstance": instances,
    }
    if course.prerequisites:
        data["coursePrerequisites"] = course.prerequisites
    if funding_programme is not None:
        fund = funding_programme.fund
        data["funding"] = {
            "@type": "MonetaryGrant",
            "name": str(funding_programme),
            "funder": {"@type": "Organization", "name": f"{fund.name} ({fund.acronym})"},
        }
    if course.certificate:
        data["educationalCredentialAwarded"] = course.get_certificate_display()
    return data


def course_json_ld(course, request, funding_programme=None):
    """The course's `<script type="application/ld+json">` element."""
    url = course.get_full_url(request)
    provider = site_setting(OrganisationSettings, request).name
    return json_ld_script(course_data(course, url, funding_programme, provider))
