"""A visitor on a phone (390 px) signs up from the footer, confirms from the e-mail, changes topics
and leaves; axe-core finds nothing on any of these pages and none scrolls sideways."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from core.site_settings import OrganisationSettings
from subscriptions.models import Subscriber
from tests.factories import ContentPageFactory
from tests.factories.subscriptions import topics

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(home_page):
    topics()
    privacy = ContentPageFactory(parent=home_page, title="Informativa privacy", slug="privacy")
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.privacy_page = privacy
    organisation.save()
    return home_page


def fits(tab):
    return tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_visitor_signs_up_in_the_footer_confirms_changes_topics_and_leaves(tab, site, assert_accessible):
    tab.set_viewport_size({"width": 390, "height": 844})
    tab.goto("/")
    footer = tab.locator("footer.site-footer")
    footer.get_by_label("Il tuo indirizzo e-mail").fill("giulia.rossi@esempio.it")
    footer.get_by_role("button", name="Iscriviti").click()
    tab.wait_for_url("**/newsletter/iscriviti/?email=*")
    main = tab.locator("main")
    assert main.get_by_label("E-mail (obbligatorio)").input_value() == "giulia.rossi@esempio.it"
    assert_accessible(tab)
    assert fits(tab)

    main.get_by_role("button", name="Iscriviti").click()  # no topic, no consent: errors in Italian
    tab.wait_for_selector(".form-errors")
    assert main.get_by_text("Scegli almeno un argomento.").is_visible()
    assert_accessible(tab)
    main.get_by_label("Nome (facoltativo)").fill("Giulia")
    main.get_by_label("Corsi").check()
    main.get_by_label("Eventi").check()
    main.get_by_label("Acconsento a ricevere la newsletter").check()
    main.get_by_role("button", name="Iscriviti").click()
    tab.wait_for_url("**/newsletter/iscriviti/grazie/")
    assert tab.get_by_role("heading", level=1).inner_text() == "Controlla la tua casella di posta"
    assert_accessible(tab)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    (message,) = mail.outbox
    link = urlsplit(re.search(r"https?://\S+", message.body).group(0)).path
    tab.goto(link)
    assert_accessible(tab)
    tab.get_by_role("button", name="Conferma l'iscrizione").click()
    tab.wait_for_url("**/newsletter/preferenze/**")
    assert tab.get_by_text("Iscrizione confermata.").is_visible()
    assert_accessible(tab)
    assert fits(tab)
    assert Subscriber.objects.get().is_active

    tab.get_by_label("Corsi").uncheck()
    tab.get_by_label("Notizie").check()
    tab.get_by_role("button", name="Salva le preferenze").click()
    tab.wait_for_selector("text=Le tue preferenze sono state salvate.")
    assert sorted(Subscriber.objects.get().topics.values_list("slug", flat=True)) == ["eventi", "notizie"]

    tab.get_by_role("link", name="Disiscriviti").click()
    tab.wait_for_url("**/newsletter/disiscriviti/**")
    assert_accessible(tab)
    tab.get_by_role("button", name="Disiscrivimi").click()
    tab.wait_for_selector("text=Non sei più iscritto alla newsletter")
    assert_accessible(tab)
    assert fits(tab)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED and subscriber.name == ""
    assert not subscriber.topics.exists()


def test_an_altered_link_shows_an_italian_page(tab, site, assert_accessible):
    response = tab.goto("/newsletter/conferma/non-valido/")
    assert response.status == 400
    assert tab.get_by_role("heading", level=1).inner_text() == "Collegamento non valido"
    assert_accessible(tab)
