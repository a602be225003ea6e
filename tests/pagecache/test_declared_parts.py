"""The way in for features (`core.parts`): a part declared with `@cached_part` or `{% cachedpart %}`
is built once for every visitor of the site, and built afresh after a change a feature announces
(`notify_pages_changed`) as after a publish."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory

from core import parts
from serving.pagecache import parts as page_cache_parts

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor_request(home_page):
    return RequestFactory().get("/")


def counted_builds():
    builds = []

    @parts.cached_part("test-greeting:{name}")
    def greeting(request, name):
        builds.append(name)
        return f"Buongiorno, {name}"

    return greeting, builds


def test_a_decorated_part_is_built_once_per_name_until_pages_change(visitor_request):
    greeting, builds = counted_builds()
    assert greeting(visitor_request, "Anna") == "Buongiorno, Anna"
    assert greeting(RequestFactory().get("/altra/"), name="Anna") == "Buongiorno, Anna"  # another page, same part
    assert greeting(visitor_request, "Luca") == "Buongiorno, Luca"
    assert builds == ["Anna", "Luca"]
    parts.notify_pages_changed()
    greeting(visitor_request, "Anna")
    assert builds == ["Anna", "Luca", "Anna"]


def test_a_preview_builds_the_part_afresh(visitor_request):
    greeting, builds = counted_builds()
    greeting(visitor_request, "Anna")
    visitor_request.is_preview = True
    greeting(visitor_request, "Anna")
    assert builds == ["Anna", "Anna"]


def test_a_template_part_keeps_its_markup_for_every_page_until_pages_change(visitor_request):
    template = Template('{% load cached_parts %}{% cachedpart "test-box" box %}<p>{{ text }}</p>{% endcachedpart %}')
    first = template.render(Context({"request": visitor_request, "box": 1, "text": "Corsi aperti"}))
    kept = template.render(Context({"request": visitor_request, "box": 1, "text": "altro"}))
    other_box = template.render(Context({"request": visitor_request, "box": 2, "text": "Progetti"}))
    assert first == kept == "<p>Corsi aperti</p>" and other_box == "<p>Progetti</p>"
    parts.notify_pages_changed()
    assert (
        template.render(Context({"request": visitor_request, "box": 1, "text": "Nuovi corsi"})) == "<p>Nuovi corsi</p>"
    )


def test_a_template_part_needs_a_name():
    with pytest.raises(TemplateSyntaxError):
        Template("{% load cached_parts %}{% cachedpart %}x{% endcachedpart %}")


def test_without_the_runtime_every_part_is_built_when_asked(visitor_request):
    greeting, builds = counted_builds()
    parts.install(parts.BuildEveryTime())
    try:
        greeting(visitor_request, "Anna")
        greeting(visitor_request, "Anna")
    finally:
        parts.install(page_cache_parts)
    assert builds == ["Anna", "Anna"]
