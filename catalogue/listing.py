"""One page of a catalogue's results: pagination, the cards (each kept as a shared part) and what
the shared templates (`catalogue_page.html`, `components/`) read."""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.functional import SimpleLazyObject
from wagtail.images import get_image_model

from core.parts import shared_parts


def paginate(request, items, per_page):
    """One style for every list: `page` beyond the end shows the last page, anything that is not a
    page number the first."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def listing_context(filterset, per_page, card_template):
    """What `catalogue_page.html` reads. The rows (`for_listing()` of the filter set's queryset, see
    each catalogue's `querysets.py`) are fetched only for cards not kept yet, and as `results` for a
    template that asks for them."""
    page_obj = paginate(filterset.request, filterset.ordered_ids(), per_page)
    ids = page_obj.object_list
    return {
        "filterset": filterset,
        "filter_form": filterset.form,
        "active_filters": filterset.active_filters(),
        "page_obj": page_obj,
        "cards": cards(filterset, card_template, ids),
        "results": SimpleLazyObject(lambda: rows_in_order(filterset, ids)),
        "result_count": page_obj.paginator.count,
    }


def rows_in_order(filterset, ids):
    rows = {row.pk: row for row in filterset.qs.for_listing().order_by().filter(pk__in=ids)}
    return [rows[pk] for pk in ids if pk in rows]


def cards(filterset, template_name, ids):
    """The cards of `ids`, in order. Each is rendered once per item and kept as a shared part, the
    same for every visitor and every listing, order or page that shows it: a page reads its cards in
    one go and fetches (in one go too) and renders only those not kept yet. Each is kept on its own
    and depends on its item alone (declared: its name holds no bare id, which would make it take
    every page the listing shows); kept together, they all went with a republish of any."""
    names = {f"card:{template_name}:item-{pk}": pk for pk in ids}
    request, seconds = filterset.request, filterset.part_seconds
    kept = shared_parts(list(names), request, lambda missing: {}, seconds)
    if missing := [pk for name, pk in names.items() if name not in kept]:
        for row in rows_in_order(filterset, missing):
            name = f"card:{template_name}:item-{row.pk}"

            def render(_missing, row=row, name=name):
                return {name: render_to_string(template_name, {"item": row, "request": request})}

            kept[name] = shared_parts([name], request, render, seconds, tags=[f"page:{row.pk}"])[name]
    return [kept[name] for name in names if name in kept]


def prefetch_renditions(relation, *filter_specs):
    """Prefetch only the renditions the cards use, for the images `relation` points to (keep
    `select_related(relation)`): one query for any number of cards."""
    renditions = get_image_model().get_rendition_model().objects.filter(filter_spec__in=filter_specs)
    return Prefetch(f"{relation}__renditions", queryset=renditions, to_attr="prefetched_renditions")
