"""A change purges only the pages that showed it (what they showed is recorded when they are built):
the related pages are built afresh on the next request, an unrelated page is still answered from
the cache; what takes a page away or makes it private still empties everything at once."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from core.site_settings import OrganisationSettings
from courses.models import CoursePage
from news.models import NewsArticlePage
from projects.models import ProjectPage
from serving.pagecache import purge, store
from tests.factories import ContentPageFactory
from tests.factories.courses import CoursePageFactory, CourseSessionFactory, VenueFactory
from tests.factories.news import NewsArticlePageFactory, NewsIndexPageFactory
from tests.factories.projects import (
    OrganisationFactory,
    ProjectOrganisationFactory,
    ProjectPageFactory,
)
from tests.security.faults import running_redis
from tests.security.test_redis_drills import cache_pages_in

pytestmark = pytest.mark.django_db


def kept(visit, *urls):
    """Visit each URL twice: the second answer comes from the cache."""
    for url in urls:
        visit(url)
        assert visit(url)[1], f"{url} was not kept"


def republish(page, **changes):
    """An editor's publish of a page that was published before."""
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def about(home_page):
    page = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    republish(page)  # published once already: what follows is an everyday republish
    return page


@pytest.fixture
def projects(project_catalogue):
    """Two projects published before the three newest, which the "Progetti" box on every page shows."""
    first = ProjectPageFactory(parent=project_catalogue, title="Orientamento al lavoro", slug="orientamento")
    second = ProjectPageFactory(parent=project_catalogue, title="Scuola di italiano", slug="scuola")
    for page in (first, second, *(ProjectPageFactory(parent=project_catalogue) for _ in range(3))):
        republish(page)
    return first, second


def test_republishing_a_project_purges_it_and_its_catalogue_not_the_other_pages(visit, about, projects):
    first, second = projects
    # The parts every page shares (menu, boxes) are built on another page first: they must not go
    # with that page, nor take every page along when it is republished (test below).
    kept(visit, "/chi-siamo/", first.url, second.url, "/progetti/")
    republish(first, title="Orientamento e lavoro")
    html, hit = visit(first.url)
    assert "Orientamento e lavoro" in html and not hit
    html, hit = visit("/progetti/")
    assert "Orientamento e lavoro" in html and not hit  # the catalogue lists it
    assert visit("/chi-siamo/")[1], "a page that does not show the project stays cached"
    assert visit(second.url)[1], "another project's page stays cached"


def test_a_part_kept_from_another_page_brings_what_it_shows_along(visit, about, projects):
    """The "Progetti" box, built on one page and read from the cache on another, purges both when a
    project it lists is republished."""
    first, second = projects
    newest = ProjectPage.objects.live().latest_first().first()
    kept(visit, "/chi-siamo/", second.url)  # the box built on the first, kept and reused on the second
    republish(newest, title="Mediazione culturale nei Comuni")
    for url in ("/chi-siamo/", second.url):
        html, hit = visit(url)
        assert "Mediazione culturale nei Comuni" in html and not hit, url


def test_a_pages_own_parts_go_with_its_republish(visit, about, projects):
    """A part the page hands its own instance to (its body) names the page, and goes with it."""
    first, second = projects
    about.body = [("paragraph", "<p>Progettazione europea dal 2005.</p>")]
    republish(about)
    kept(visit, "/chi-siamo/", second.url)
    republish(about, body=[("paragraph", "<p>Progettazione europea dal 2003.</p>")])
    html, hit = visit("/chi-siamo/")
    assert "dal 2003" in html and "dal 2005" not in html and not hit
    assert visit(second.url)[1]


def test_the_homes_box_titles_show_on_every_page_after_its_republish(visit, about, projects, home_page):
    """The boxes built while serving the home use the home page they were handed (every part may reach
    the site's home without a query): its republish purges them wherever they show."""
    kept(visit, "/", "/chi-siamo/")
    home_page.refresh_from_db()
    republish(home_page.specific, projects_box_title="Progetti in corso")
    html, hit = visit("/chi-siamo/")
    assert "Progetti in corso" in html and not hit


def test_saving_a_snippet_shows_on_the_pages_that_show_it(visit, about, projects):
    first, second = projects
    organisation = OrganisationFactory(name="Comune di Latina")
    ProjectOrganisationFactory(project=first, organisation=organisation)
    # The parts every page shares are built on a page that shows no organisation: built on the
    # project's page, they would carry the tables it read (`deps.watch_rows`), and go with them.
    kept(visit, "/chi-siamo/", first.url)
    organisation.name = "Comune di Latina (LT)"
    organisation.save()
    html, hit = visit(first.url)
    assert "Comune di Latina (LT)" in html and not hit
    assert visit("/chi-siamo/")[1], "a page that shows no organisation stays cached"


def test_a_setting_read_once_per_request_shows_in_every_part_built_after_it(visit, about, projects):
    """The page reads the organisation's settings first and keeps them on the request; the footer,
    a part built later in the same request, uses that copy without a query of its own. It goes with
    the settings all the same (`deps.watch_rows`)."""
    settings = OrganisationSettings.for_site(about.get_site())
    settings.footer_text = "Sede legale a Roma."
    settings.save()
    kept(visit, "/chi-siamo/", projects[0].url)
    settings.footer_text = "Sede legale a Latina."
    settings.save()
    for url in ("/chi-siamo/", projects[0].url):
        html, hit = visit(url)
        assert "Sede legale a Latina." in html and "Sede legale a Roma." not in html and not hit, url


def test_rows_of_a_page_saved_outside_the_editor_purge_that_page_only(visit, about, projects):
    first, second = projects
    province = OrganisationFactory(name="Provincia di Frosinone")
    kept(visit, "/chi-siamo/", first.url, second.url)  # shared parts built on another page, as above
    ProjectOrganisationFactory(project=first, organisation=province)
    html, hit = visit(first.url)
    assert "Provincia di Frosinone" in html and not hit
    assert visit(second.url)[1] and visit("/chi-siamo/")[1]


def test_a_venue_change_purges_the_course_held_there(visit, about, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, slug="appalti")
    republish(course)
    venue = VenueFactory(name="Sala Verdi")
    CourseSessionFactory(course=course, venue=venue)
    kept(visit, "/chi-siamo/", course.url)  # the shared parts built where no venue shows (see above)
    venue.name = "Sala Giuseppe Verdi"
    venue.save()
    html, hit = visit(course.url)
    assert "Sala Giuseppe Verdi" in html and not hit
    assert visit("/chi-siamo/")[1], "a page that shows no venue stays cached"


def test_a_new_page_shows_at_once_in_the_listings_of_pages_of_any_type(visit, about, home_page):
    kept(visit, "/sitemap.xml")
    new = ContentPageFactory(parent=home_page, title="Lavora con noi", slug="lavora-con-noi")
    new.save_revision().publish()
    html, hit = visit("/sitemap.xml")
    assert "/lavora-con-noi/" in html and not hit


def test_a_moved_section_shows_at_its_new_addresses_wherever_it_was_shown(client, visit, about, home_page):
    """The page moved and the pages below it (their addresses changed too) are built afresh, with
    what listed them (the sitemap). Like a first publish, a move purges the listings of pages of any
    type, and every page shows one (the menu lists the home's children): only the shared parts that
    list no page stay (the consent banner, the settings)."""
    archive = ContentPageFactory(parent=home_page, title="Archivio", slug="archivio")
    report = ContentPageFactory(parent=archive, title="Relazione 2025", slug="relazione-2025")
    for page in (archive, report):
        republish(page)
    kept(visit, "/sitemap.xml", "/archivio/relazione-2025/")
    assert 'href="/archivio/relazione-2025/"' in visit("/cerca/?q=relazione")[0]
    archive.move(about, pos="last-child")
    old = client.get("/archivio/relazione-2025/")
    assert old.status_code == 301 and old["Location"] == "/chi-siamo/archivio/relazione-2025/"  # Wagtail's redirect
    html, hit = visit("/chi-siamo/archivio/relazione-2025/")
    assert 'href="/chi-siamo/archivio/"' in html and not hit  # the breadcrumb
    html, hit = visit("/sitemap.xml")
    assert "/chi-siamo/archivio/relazione-2025/" in html and "localhost/archivio/" not in html and not hit
    # A search result is kept per page, and shows the page alone: the one below the moved page too.
    assert 'href="/chi-siamo/archivio/relazione-2025/"' in visit("/cerca/?q=relazione+2025")[0]


def test_moving_a_large_section_starts_a_new_generation(visit, about, home_page, monkeypatch):
    """Past MOVED_PAGES_PURGED_BY_TAG pages a tag per page would cost more than the rebuilds."""
    monkeypatch.setattr(purge, "MOVED_PAGES_PURGED_BY_TAG", 1)
    archive = ContentPageFactory(parent=home_page, title="Archivio", slug="archivio")
    ContentPageFactory(parent=archive, title="Relazione 2025", slug="relazione-2025")
    generation = store.current_generation()
    archive.move(about, pos="last-child")
    assert store.current_generation() != generation


def test_a_new_slug_shows_wherever_the_pages_below_it_were_shown(
    client, visit, about, home_page, django_capture_on_commit_callbacks
):
    """The news index renamed: its articles' addresses change with it, in the "Notizie" box of a
    page that was kept before, which shows the articles and not the index."""
    index = NewsIndexPageFactory(parent=home_page, slug="notizie")
    article = NewsArticlePageFactory(parent=index, title="Bando prorogato", slug="bando-prorogato")
    republish(article)
    kept(visit, "/chi-siamo/", "/notizie/bando-prorogato/")
    assert 'href="/notizie/bando-prorogato/"' in visit("/chi-siamo/")[0]
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail announces a new slug on commit
        republish(index, slug="comunicati")
    html, hit = visit("/chi-siamo/")
    assert 'href="/comunicati/bando-prorogato/"' in html and not hit
    html, hit = visit("/comunicati/bando-prorogato/")
    assert "Bando prorogato" in html and not hit
    assert client.get("/notizie/bando-prorogato/").status_code == 301  # Wagtail's redirect


def test_a_redirect_takes_no_page_from_the_cache(client, visit, about):
    """Wagtail follows a redirect only where the site answers "not found", which is never kept."""
    kept(visit, "/chi-siamo/")
    assert client.get("/vecchio-chi-siamo/").status_code == 404
    Redirect.objects.create(old_path="/vecchio-chi-siamo", redirect_page=about)
    answer = client.get("/vecchio-chi-siamo/")
    assert answer.status_code == 301 and answer["Location"] == "/chi-siamo/"
    assert visit("/chi-siamo/")[1]


def test_unpublishing_and_privacy_take_a_page_from_every_page_at_once(client, visit, about, projects):
    first, second = projects
    kept(visit, first.url, second.url, "/chi-siamo/", "/progetti/")
    first.unpublish()
    assert client.get(first.url).status_code == 404
    for url in (second.url, "/chi-siamo/", "/progetti/"):
        html, hit = visit(url)
        assert not hit and "Orientamento al lavoro" not in html
    kept(visit, second.url, "/chi-siamo/")
    PageViewRestriction.objects.create(page=second, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(second.url).status_code == 302
    assert not visit("/chi-siamo/")[1]


@pytest.fixture
def pages_in_redis(settings):
    """Production's setup: pages, parts, generation and purge stamps in a real redis-server."""
    with running_redis() as server:
        cache_pages_in(settings, server)
        yield server


def test_in_redis_a_republish_purges_only_what_showed_it(pages_in_redis, visit, about, projects):
    test_republishing_a_project_purges_it_and_its_catalogue_not_the_other_pages(visit, about, projects)


def test_a_republish_that_changes_the_order_reorders_a_catalogue_page_not_showing_the_project(visit, project_catalogue):
    """A catalogue page lists projects it does not show yet: a project further on whose cost grows
    moves to the top of the page ordered by cost at once (its query joins the project table to the
    pages' on their ids, which is no fetch of given pages)."""
    project_catalogue.projects_per_page = 2
    republish(project_catalogue)
    big, middle = (
        ProjectPageFactory(
            parent=project_catalogue, title=title, total_cost=cost, eu_contribution=0, national_cofinancing=0
        )
        for title, cost in (("Progetto grande", 900_000), ("Progetto medio", 500_000))
    )
    small = ProjectPageFactory(
        parent=project_catalogue, title="Progetto piccolo", total_cost=1_000, eu_contribution=0, national_cofinancing=0
    )
    for page in (big, middle, small):
        republish(page)
    first_page = f"{project_catalogue.url}?ordine=budget"
    kept(visit, first_page)
    assert cards(visit(first_page)[0]) == ["Progetto grande", "Progetto medio"]
    republish(ProjectPage.objects.get(pk=small.pk), total_cost=2_000_000)
    assert cards(visit(first_page)[0]) == ["Progetto piccolo", "Progetto grande"]


def cards(html):
    """The titles of a catalogue page's cards, in order."""
    return re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def box(html, box_id):
    """The titles a home box shows, in order."""
    block = re.search(rf'<section class="box" id="{box_id}".*?</section>', html, re.S)
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', block.group(0)) if block else []


def test_a_news_republish_purges_the_box_only_if_it_shows_the_article_or_moves_it_in(visit, about, home_page):
    """The "Notizie" box, on every page, lists the articles in evidence, then by date: a republish of
    an article it does not show leaves every page cached, one that puts it in evidence shows at once."""
    index = NewsIndexPageFactory(parent=home_page)
    articles = [
        NewsArticlePageFactory(parent=index, title=f"Notizia del {day} marzo", date=datetime.date(2026, 3, day))
        for day in (1, 2, 3, 4)
    ]
    for article in articles:
        republish(article)
    kept(visit, "/chi-siamo/", articles[0].url)
    assert box(visit("/chi-siamo/")[0], "box-notizie") == [
        "Notizia del 4 marzo",
        "Notizia del 3 marzo",
        "Notizia del 2 marzo",
    ]
    republish(articles[0], summary="Il bando è stato prorogato.")
    assert visit("/chi-siamo/")[1], "the box does not show it, and its order is unchanged"
    republish(NewsArticlePage.objects.get(pk=articles[0].pk), featured=True)
    html, hit = visit("/chi-siamo/")
    assert box(html, "box-notizie")[0] == "Notizia del 1 marzo" and not hit


def test_a_course_republish_purges_the_box_only_if_it_shows_the_course_or_opens_it_sooner(
    visit, about, course_catalogue
):
    """The "Corsi" box lists the four courses whose open edition starts first: a republish of a fifth
    course leaves every page cached; a new edition of it, starting first, shows at once."""
    now = timezone.now()
    courses = [CoursePageFactory(parent=course_catalogue, title=f"Corso {n}") for n in range(1, 6)]
    for n, course in enumerate(courses, 1):
        CourseSessionFactory(course=course, start=now + datetime.timedelta(days=10 * n))
        republish(course)
    kept(visit, "/chi-siamo/", courses[0].url)
    assert box(visit("/chi-siamo/")[0], "box-corsi") == ["Corso 1", "Corso 2", "Corso 3", "Corso 4"]
    republish(CoursePage.objects.get(pk=courses[4].pk), summary="Nuovo programma.")
    assert visit("/chi-siamo/")[1], "the box does not show it, and what it orders by is unchanged"
    CourseSessionFactory(course=courses[4], start=now + datetime.timedelta(days=5))  # saved outside the editor
    html, hit = visit("/chi-siamo/")
    assert box(html, "box-corsi")[0] == "Corso 5" and not hit
