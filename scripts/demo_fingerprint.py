"""Fingerprint of the demo site, to check that a change to the demo data or loaders builds the same
site: every row the demo creates (pages with their fields, child rows and revision counts, snippets,
images, documents, redirects, settings, menu, cookie registry, search picks) and every page rendered.
Runs `migrate` and `seed_demo` on a SQLite file (created if missing) with its own media folder:

    .venv/bin/python scripts/demo_fingerprint.py /tmp/before.sqlite3 /tmp/before.json
    ... change the demo ...
    .venv/bin/python scripts/demo_fingerprint.py /tmp/after.sqlite3 /tmp/after.json
    diff /tmp/before.json /tmp/after.json

Running it on an existing file seeds it again (checks that a newer demo leaves an older one alone).
"""

import argparse
import hashlib
import io
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

APPS = ["home", "projects", "courses", "consent", "search", "cookie_consent", "standardpages", "core"]
WAGTAIL_MODELS = [
    "wagtailcore.Site",
    "wagtailimages.Image",
    "wagtaildocs.Document",
    "wagtailredirects.Redirect",
    "wagtailsearchpromotions.Query",
    "wagtailsearchpromotions.SearchPromotion",
]
# Bookkeeping that differs between two runs by construction (ids, tree paths, times, random keys).
SKIPPED_FIELDS = {
    "id",
    "page_ptr",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "latest_revision",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
    "created_at",
    "created",
    "file",
    "owner",
    "uploaded_by_user",
    "locked_at",
    "locked_by",
}


def natural(obj):
    from wagtail.models import Page

    if obj is None:
        return None
    if isinstance(obj, Page):
        return obj.url_path
    return f"{obj._meta.label}:{obj}"


def plain(value, files=None):
    """JSON-friendly value; stream data loses its random block ids and names images and documents by title."""
    if isinstance(value, dict):
        return {
            key: files[key][item] if files and key in files and isinstance(item, int) else plain(item, files)
            for key, item in value.items()
            if not (key == "id" and "type" in value)
        }
    if isinstance(value, list | tuple):
        return [plain(item, files) for item in value]
    if isinstance(value, int | float | bool | str) or value is None:
        return value
    return str(value)


def stored_files():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return {
        "image": dict(get_image_model().objects.values_list("pk", "title")),
        "document": dict(get_document_model().objects.values_list("pk", "title")),
    }


def row(obj):
    from wagtail.fields import StreamField

    data = {}
    for field in obj._meta.concrete_fields:
        if field.name in SKIPPED_FIELDS or field.name.endswith("_ptr"):
            continue
        if field.is_relation:
            data[field.name] = natural(getattr(obj, field.name))
        elif isinstance(field, StreamField):
            data[field.name] = plain(getattr(obj, field.name).get_prep_value(), stored_files())
        else:
            data[field.name] = plain(field.value_from_object(obj))
    for field in obj._meta.many_to_many:
        data[field.name] = sorted(natural(related) for related in getattr(obj, field.name).all())
    return data


def database_rows():
    from django.apps import apps
    from wagtail.models import Page, Revision

    pages = []
    for page in Page.objects.order_by("path").specific():
        data = {"type": page._meta.label, **row(page)}
        data["revisions"] = Revision.page_revisions.filter(object_id=str(page.pk)).count()
        pages.append(data)
    tables = {"pages": pages}
    models = [model for label in APPS if label in apps.app_configs for model in apps.get_app_config(label).get_models()]
    models += [apps.get_model(label) for label in WAGTAIL_MODELS]
    for model in models:
        if issubclass(model, Page):
            continue  # in "pages", in tree order
        objects = list(model.objects.all())
        rows = [row(obj) for obj in objects]
        for obj, data in zip(objects, rows, strict=True):
            if hasattr(obj, "file"):
                with obj.file.open("rb") as file:
                    data["content_sha1"] = hashlib.sha1(file.read()).hexdigest()
        tables[model._meta.label] = sorted(rows, key=lambda data: json.dumps(data, sort_keys=True))
    return tables


def menu():
    from wagtail.models import Site

    from core.site_settings import NavigationSettings

    navigation = NavigationSettings.for_site(Site.objects.get(is_default_site=True))
    return [(natural(item.page), item.url, item.label) for item in navigation.items.all()]


def normalised(html):
    html = re.sub(r'(name="csrfmiddlewaretoken" value=")[^"]+', r"\1-", html)
    html = re.sub(r'(csrftoken[^"]*" content=")[^"]+', r"\1-", html)
    # page ids shift when a demo creates and deletes a page on the way
    html = re.sub(r'data-page-id="\d+"', 'data-page-id="-"', html)
    # a second upload of "progetto.jpg" is stored as "progetto_AbCdEf1.jpg"
    return re.sub(r"(/media/[\w/-]+?)_[A-Za-z0-9]{7}(\.)", r"\1\2", html)


def rendered_pages():
    from django.test import Client
    from wagtail.models import Page

    client = Client()
    urls = {"/", "/progetti/?stato=concluso&ordine=budget", "/corsi/?archivio=on", "/cerca/?q=contatti", "/sitemap.xml"}
    urls |= {"/regione-lazio-fondo-fei/", "/cookie/preferenze/"}
    urls |= {page.url for page in Page.objects.live().specific().exclude(depth=1)}
    result = {}
    for url in sorted(urls):
        response = client.get(url)
        body = normalised(response.content.decode()) if response.status_code == 200 else response.get("Location")
        result[url] = {"status": response.status_code, "body": body}
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database", help="SQLite file, created and migrated if missing")
    parser.add_argument("output", help="JSON file to write")
    args = parser.parse_args()

    database = Path(args.database).resolve()
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MEDIA_ROOT"] = f"{database}.media"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.dev")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    output = io.StringIO()
    call_command("seed_demo", stdout=output)
    fingerprint = {"seed_output": output.getvalue().splitlines(), "menu": menu(), "rows": database_rows()}
    html = rendered_pages()
    fingerprint |= {
        "html_sha1": {url: hashlib.sha1(str(page).encode()).hexdigest() for url, page in html.items()},
    }
    Path(args.output).write_text(json.dumps(fingerprint, indent=1, ensure_ascii=False, sort_keys=True))
    html_dir = Path(f"{args.output}.html")
    html_dir.mkdir(exist_ok=True)
    for url, page in html.items():
        name = re.sub(r"[^\w.-]+", "_", url).strip("_") or "home"
        (html_dir / f"{name}.html").write_text(f"{page['status']}\n{page['body']}")
    print(output.getvalue(), end="")


if __name__ == "__main__":
    main()
