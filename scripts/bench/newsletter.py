"""The newsletter sent to 20,000 subscribers against a local fake SMTP server: the time, the
sender's peak memory (RSS) and the site's page latency meanwhile (docs/newsletter.md, "Invio").

    make static   # first: the site serves the collected static files, as `make bench` does
    .venv/bin/python -m scripts.bench newsletter-send                        # 20,000 on SQLite
    .venv/bin/python -m scripts.bench newsletter-send --subscribers 2000 --rate 10
    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_bench .venv/bin/python -m scripts.bench newsletter-send

Everything runs in a throw-away database (a SQLite file in a temporary folder, or `test_<name>` on
DATABASE_URL): the site under gunicorn (2 workers, page cache off, so every request renders), the
fake SMTP server (scripts/bench/fake_smtp.py) and the sender in a process of its own, as the worker
would run it (`newsletter.sending.start` then `send_pending`)."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

# As `make run` serves the site (DEBUG off, SQLite in WAL mode); tasks of the seeding run inline.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.local")
os.environ["TASK_BACKEND"] = "immediate"

from .lib import ROOT, fresh_home, scratch_database, setup_django
from .pages import Server, scratch_url, server_env

PAGES = ["/", "/archivio-newsletter/", "/notizie/"]


def seed(count):
    from django.db import transaction
    from wagtail.rich_text import RichText

    from subscriptions.models import Subscriber, Topic
    from tests.factories.news import NewsArticlePageFactory, NewsIndexPageFactory
    from tests.factories.newsletter import NewsletterIndexPageFactory, NewsletterIssuePageFactory
    from tests.factories.subscriptions import topics

    home = fresh_home()
    topics()
    news = NewsIndexPageFactory(parent=home)
    articles = [NewsArticlePageFactory(parent=news, title=f"Notizia del mese {n}") for n in range(5)]
    archive = NewsletterIndexPageFactory(parent=home)
    body = [("text", RichText("<p>Le novità del mese, in breve.</p>"))] + [("news", page) for page in articles]
    issue = NewsletterIssuePageFactory(parent=archive, title="Newsletter di prova", body=body, topic_slugs=["notizie"])
    topic = Topic.objects.get(slug="notizie")
    with transaction.atomic():
        Subscriber.objects.bulk_create(
            Subscriber(email=f"iscritto{n:05d}@example.org", language="en" if n % 10 == 0 else "it", status="active")
            for n in range(count)
        )
        through = Subscriber.topics.through
        through.objects.bulk_create(
            through(subscriber_id=pk, topic_id=topic.pk) for pk in Subscriber.objects.values_list("pk", flat=True)
        )
    return issue


def send(mailing_id):
    """The sender, in its own process: prints its figures as JSON."""
    import resource

    setup_django()
    from newsletter.sending import send_pending, start

    began = time.monotonic()
    start(mailing_id)
    created = time.monotonic()
    while send_pending(mailing_id):
        pass
    done = time.monotonic()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows_seconds": created - began, "send_seconds": done - created, "peak_mib": peak_kib / 1024}))


class Latency(threading.Thread):
    """Requests the pages in turn, a few per second, recording each one's time."""

    def __init__(self, server):
        super().__init__(daemon=True)
        self.server, self.timings, self.stopping = server, [], threading.Event()

    def run(self):
        self.errors = 0
        while not self.stopping.is_set():
            for path in PAGES:
                began = time.perf_counter()
                try:
                    with urllib.request.urlopen(self.server.url(path), timeout=30) as response:
                        response.read()
                except OSError as error:  # an error answer or a timeout counts, and is not a latency
                    self.errors += 1
                    self.last_error = f"{path}: {error}"
                else:
                    self.timings.append(time.perf_counter() - began)
                self.stopping.wait(0.2)

    def stop(self):
        self.stopping.set()
        self.join()
        return self.timings


def figures(timings):
    if not timings:
        return "no successful request"
    ordered = sorted(timings)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms ({len(ordered)} requests)"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=20000)
    parser.add_argument("--rate", type=int, default=0, help="NEWSLETTER_RATE_PER_SECOND (0: no limit)")
    parser.add_argument("--send-mailing", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.send_mailing:
        return send(args.send_mailing)
    with tempfile.TemporaryDirectory(prefix="asap-bench-newsletter-") as folder:
        os.environ["MEDIA_ROOT"] = str(Path(folder) / "media")
        os.environ["PAGE_CACHE_GENERATION_FILE"] = str(Path(folder) / "page-cache-generation")
        setup_django()
        sqlite_file = str(Path(folder) / "db.sqlite3")
        with scratch_database(test_name=None if os.environ.get("DATABASE_URL") else sqlite_file) as connection:
            print(f"Seeding {args.subscribers} subscribers...", file=sys.stderr)
            from newsletter.models import Mailing

            issue = seed(args.subscribers)
            mailing = Mailing.objects.create(issue=issue, subject=issue.title, topic_slugs=["notizie"])
            # The site as `make run` serves it: the static files `make static` collected (as `make bench`).
            connection.close()  # the other processes write to it now
            env = {**server_env(scratch_url(connection)), "PAGE_CACHE_ENABLED": "false"}
            smtp = subprocess.Popen(
                [sys.executable, "-m", "scripts.bench.fake_smtp"], cwd=ROOT, stdout=subprocess.PIPE, text=True
            )
            smtp_port = smtp.stdout.readline().strip()
            server = Server(env)
            try:
                before = Latency(server)
                before.start()
                time.sleep(10)
                baseline = before.stop()
                during = Latency(server)
                during.start()
                sender_env = {
                    **env,
                    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                    "EMAIL_HOST": "127.0.0.1",
                    "EMAIL_PORT": smtp_port,
                    "NEWSLETTER_RATE_PER_SECOND": str(args.rate),
                }
                began = time.monotonic()
                output = subprocess.run(
                    [sys.executable, "-m", "scripts.bench", "newsletter-send", "--send-mailing", str(mailing.pk)],
                    cwd=ROOT,
                    env=sender_env,
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                wall = time.monotonic() - began
                loaded = during.stop()
            finally:
                server.stop()
                smtp.terminate()
            received = int(smtp.stdout.read().strip() or 0)
            sender = json.loads(output.strip().splitlines()[-1])
            from newsletter.models import Delivery

            sent = Delivery.objects.filter(mailing=mailing, status="sent").count()
            vendor = connection.vendor
    print(f"newsletter-send: {args.subscribers} subscribers on {vendor}, rate {args.rate or 'unlimited'}/s")
    print(f"  delivery rows created in {sender['rows_seconds']:.1f} s")
    print(
        f"  sent {sent} (fake SMTP server received {received}) in {sender['send_seconds']:.1f} s"
        f" = {sent / sender['send_seconds']:.0f} e-mails/s; sender process wall {wall:.1f} s"
    )
    print(f"  sender peak RSS {sender['peak_mib']:.0f} MiB")
    print(f"  pages {', '.join(PAGES)} before the send: {figures(baseline)}, {before.errors} errors")
    print(f"  the same pages during the send: {figures(loaded)}, {during.errors} errors")
    for latency in (before, during):
        if latency.errors:
            print(f"  last error: {latency.last_error}")


if __name__ == "__main__":
    main()
