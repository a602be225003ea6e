"""What each page type of the demo weighs: the HTML, and the CSS and JavaScript files it links,
uncompressed, counted as `tests/site/test_look.py` counts them against its budgets (30 KB of CSS,
20 KB of JavaScript). In-process on a scratch demo database; no server, no `wrk`.

    .venv/bin/python -m scripts.bench weight
"""

import argparse
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.test")

from .pages import demo_database, page_urls


def main():
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args()
    with demo_database():
        from django.test import Client

        from tests.site.test_look import page_assets

        client = Client()
        print(f"{'page':30} {'status':>6} {'HTML KB':>8} {'CSS KB':>7} {'JS KB':>6}")
        for label, url in page_urls().items():
            response = client.get(url)
            sizes = page_assets(client, response.content.decode())
            print(
                f"{label:30} {response.status_code:6d} {len(response.content) / 1024:8.1f} "
                f"{sizes['css'] / 1024:7.1f} {sizes['js'] / 1024:6.1f}"
            )


if __name__ == "__main__":
    main()
