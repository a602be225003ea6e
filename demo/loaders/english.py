"""English translations of a few Italian pages (english.yaml), made through wagtail-localize as the
translation editor makes them: the Italian page becomes a translation source, each English text a
translation of its Italian string, and the English page is saved and published from them. Editors
can then go on in the translation editor ("Traduci", "Sincronizza traduzione")."""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from demo.helpers import read


def seed():
    english = Locale.objects.filter(language_code="en").first()
    if english is None:
        return 0
    created = 0
    data = read("english")
    for slug, own in data["pages"].items():
        strings = {**data.get("shared", {}), **own}
        page = Page.objects.filter(slug=slug, locale=Locale.get_default()).first()
        if page is None or page.has_translation(english):
            continue
        translate(page.specific, english, strings)
        created += 1
    return created


@transaction.atomic
def translate(page, locale, strings):
    """Publish the `locale` translation of `page`, with `strings` ({source text: translation}) added
    to what the translation already has; untranslated text stays as in the source."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data]},
            )
    # wagtail-localize publishes on commit; a draft published here is live at once, inside a test's
    # transaction too.
    translation.save_target(publish=False)
    page.get_translation(locale).get_latest_revision().publish()
