"""Translations out of date, in two steps. First the Italian page or snippet changed after
wagtail-localize last read it (its `TranslationSource.last_updated_at`, set when a translation starts
and at each "Sincronizza"): the English version lacks the change. Then, for pages, the Italian was read
again but the English page has not been published since: its new texts wait in the translation editor
or for a moderator. Read from wagtail-localize's and Wagtail's own records (no model of ours to keep in
step), in a number of queries that does not grow with the translations: three for pages, two per kind
of translated snippet."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, F, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.models import ModelLogEntry, Page
from wagtail_localize.models import Translation, get_edit_url

from .checks import pages_in_review

# What counts as a change of a snippet: Wagtail logs both when an editor saves one in the admin.
SNIPPET_CHANGES = ("wagtail.edit", "wagtail.publish")
CHANGED = "L'originale è cambiato"
TO_PUBLISH = "Da pubblicare"
IN_REVIEW = "In approvazione"


@dataclass(frozen=True)
class OutdatedTranslation:
    source_title: str
    source_url: str
    target_title: str
    editor_url: str  # the translation editor (the English page's or snippet's edit view)
    sync_url: str  # wagtail-localize's "Sincronizza": reads the Italian again into the editor
    changed_at: datetime
    state: str = CHANGED
    submit_url: str = ""  # "Invia in approvazione" of the English page as translated so far


def page_changed_at():
    """The Italian page's last publication: "Sincronizza" reads the live page, not a draft."""
    source_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    )
    return Subquery(source_page.values("last_published_at")[:1])


def snippet_changed_at(model):
    """The last time an editor saved or published the Italian snippet, from Wagtail's log."""
    logged_as = ContentType.objects.get_for_model(model, for_concrete_model=False)
    logs = ModelLogEntry.objects.filter(
        content_type=logged_as, object_id=Cast(OuterRef("pk"), CharField()), action__in=SNIPPET_CHANGES
    ).order_by("-timestamp")
    source = model.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
    ).annotate(changed_at=Subquery(logs.values("timestamp")[:1]))
    return Subquery(source.values("changed_at")[:1])


def target_published_at():
    target_page = Page.objects.filter(
        translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
    )
    return Subquery(target_page.values("last_published_at")[:1])


def rows(model, translations, changed_at, next_url):
    """One row per translation of `model` whose source changed after its last sync, or, for pages,
    whose English page was not published since that sync."""
    translations = translations.annotate(changed_at=changed_at)
    in_review = set()
    if model is Page:
        translations = translations.annotate(published_at=target_published_at()).filter(
            Q(changed_at__gt=F("source__last_updated_at"))
            | Q(published_at__isnull=True)
            | Q(published_at__lt=F("source__last_updated_at"))
        )
        in_review = set(pages_in_review())
    else:
        translations = translations.filter(changed_at__gt=F("source__last_updated_at"))
    found = list(translations.select_related("source"))
    keys = {translation.source.object_id for translation in found}
    instances = {(obj.translation_key, obj.locale_id): obj for obj in model.objects.filter(translation_key__in=keys)}
    result = []
    for translation in found:
        key = translation.source.object_id
        source = instances.get((key, translation.source.locale_id))
        target = instances.get((key, translation.target_locale_id))
        if source is None or target is None:
            continue
        sync_url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
        state, submit_url = CHANGED, ""
        if translation.changed_at is None or translation.changed_at <= translation.source.last_updated_at:
            state = IN_REVIEW if target.pk in in_review else TO_PUBLISH
            if state == TO_PUBLISH:
                submit_url = reverse("editorial_submit_translation", args=[translation.pk])
        result.append(
            OutdatedTranslation(
                source_title=str(source),
                source_url=get_edit_url(source),
                target_title=str(target),
                editor_url=get_edit_url(target),
                sync_url=f"{sync_url}?{urlencode({'next': next_url})}" if next_url else sync_url,
                changed_at=translation.changed_at or translation.source.last_updated_at,
                state=state,
                submit_url=submit_url,
            )
        )
    return result


def outdated_translations(next_url=""):
    """Every enabled translation whose source changed after its last sync, latest change first."""
    translations = Translation.objects.filter(enabled=True)
    kinds = translations.order_by().values_list("source__specific_content_type", flat=True).distinct()
    page_kinds, snippet_models = [], set()
    for content_type in ContentType.objects.filter(pk__in=list(kinds)):
        model = content_type.model_class()
        if model is None:
            continue
        if issubclass(model, Page):
            page_kinds.append(content_type.pk)
        else:
            snippet_models.add(model)
    found = []
    if page_kinds:
        pages = translations.filter(source__specific_content_type__in=page_kinds)
        found += rows(Page, pages, page_changed_at(), next_url)
    for model in sorted(snippet_models, key=lambda model: model._meta.label):
        snippets = translations.filter(source__specific_content_type=ContentType.objects.get_for_model(model))
        found += rows(model, snippets, snippet_changed_at(model), next_url)
    return sorted(found, key=lambda row: row.changed_at, reverse=True)
