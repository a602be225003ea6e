"""`python -m scripts.bench publish`: the page cache after a publish, under gunicorn as `make run`
serves the demo (2 workers, the shared file layer of the local cache, no Redis).

    make static   # first: the site serves the collected static files, as `make bench` does
    .venv/bin/python -m scripts.bench publish --duration 30

1. A steady mix (every page type, 4 concurrent clients) for `--duration` seconds, once without
   publishing and once with a project republished every 10 s: p50, p99 and hit rate of each run.
   The publishes run in a process of their own with the rebuild inline (TASK_BACKEND=immediate), as
   the admin's worker and the task worker would run them. A hit is an answer the page cache gave
   (marked `X-Page-Cache: hit` with PAGE_CACHE_MARK_HITS, set for the bench's workers only).
2. The first request after a publish of each page type (the page itself republished; the median
   of five publishes), with the rebuild and without it (PAGE_CACHE_REBUILD), against the steady
   time of that page: asked after a pause as long as the publish took, without a publish. Wall
   time at the client and the worker's CPU time (`Server-Timing`, set with PAGE_CACHE_MARK_HITS).
   `--no-mix` leaves out part 1.
3. RSS and PSS of each worker after `--unique` requests of distinct catalogue addresses (`/progetti/?q=<n>`).
   With `--soak SECONDS` instead: distinct addresses (catalogue filters in two orders, search
   strings) at `--rate` per second for that long, RSS and PSS read every `--every` seconds;
   `--memory-only` leaves out parts 1 and 2 (an hour's soak: `--memory-only --soak 3600`).
"""

import argparse
import multiprocessing
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from .pages import Server, demo_database, page_urls, scratch_url, server_env


def timed_get(url):
    return timed(url)[:2]


def timed(url):
    """(wall seconds, whether the page cache answered, the worker's CPU-ms from `Server-Timing`)."""
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=30) as response:
        response.read()
        hit = response.headers.get("X-Page-Cache") == "hit"
        cpu = float(response.headers.get("Server-Timing", "cpu;dur=nan").split("dur=")[1])
    return time.perf_counter() - start, hit, cpu


def steady_mix(server, urls, duration, publish_every=None, clients=4):
    """(p50 ms, p99 ms, hit rate) of `clients` threads cycling through `urls` for `duration` s, with
    a project republished every `publish_every` s by another process (as the admin's worker and the
    task worker would: in this one, the publish and its rebuild would hold the clients' GIL and
    their waits would count as the server's)."""
    timings, hits, stop = [], [], time.monotonic() + duration

    def client(offset):
        n = offset
        while time.monotonic() < stop:
            seconds, hit = timed_get(server.url(urls[n % len(urls)]))
            timings.append(seconds)
            hits.append(hit)
            n += 1

    publisher = None
    if publish_every:
        from django.db import connections

        connections.close_all()  # the forked publisher opens its own
        publisher = multiprocessing.get_context("fork").Process(target=publish_now_and_then, args=(publish_every, stop))
        publisher.start()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if publisher:
        publisher.join()
    ordered = sorted(timings)
    return (
        statistics.median(ordered) * 1000,
        ordered[int(len(ordered) * 0.99) - 1] * 1000,
        sum(hits) / len(hits),
        len(timings),
    )


def publish_now_and_then(every, stop):
    """A project republished every `every` seconds until `stop` (time.monotonic())."""
    next_publish = time.monotonic() + every
    while next_publish < stop:
        time.sleep(max(0.0, next_publish - time.monotonic()))
        republish_a_project()
        next_publish += every


def republish(page):
    revision = page.save_revision()
    revision.publish()


def republish_a_project():
    from projects.models import ProjectPage

    republish(ProjectPage.objects.live().order_by("pk").first().specific)


def page_of(path):
    from wagtail.models import Page

    for page in Page.objects.live().specific():
        if page.url == path:
            return page
    return None


def first_after_publish(server, urls, settings):
    """{label: {"steady": (ms, CPU-ms), "rebuilt": ..., "plain": ...}}: the first request after a
    publish of the page, with the rebuild and without it, against the same page asked after a pause
    as long as the publish took, without one (a request after a pause costs more than one of a
    back-to-back run whatever happened meanwhile: the worker slept). Medians of REPEATS."""
    rows = {}
    for label, path in urls.items():
        page = page_of(path.split("?")[0])
        if page is None:
            continue
        for _ in range(3):
            timed(server.url(path))
        samples = {"steady": [], "rebuilt": [], "plain": []}
        for rebuild in (True, False):
            settings.PAGE_CACHE_REBUILD = rebuild
            for _ in range(REPEATS):
                started = time.perf_counter()
                republish(page)
                pause = time.perf_counter() - started
                samples["rebuilt" if rebuild else "plain"].append(timed(server.url(path)))
                if rebuild:
                    timed(server.url(path))  # the other worker's copy too (the steady state)
                    time.sleep(pause)
                    samples["steady"].append(timed(server.url(path)))
        settings.PAGE_CACHE_REBUILD = True
        rows[label] = {
            name: (statistics.median(s[0] for s in got) * 1000, statistics.median(s[2] for s in got))
            for name, got in samples.items()
        }
    return rows


REPEATS = 5  # publishes per page type and setting: the median of five first requests, not one sample


def worker_memory(server):
    """[(RSS MiB, PSS MiB)] of each gunicorn worker. PSS counts a page shared with the master and the
    other worker (the site imported once, `--preload`) as a third: what a worker adds to the machine."""
    memory = []
    for entry in Path("/proc").iterdir():
        try:
            status = (entry / "status").read_text()
            rollup = (entry / "smaps_rollup").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(server.process.pid):
            pss = next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:"))
            memory.append((int(fields["VmRSS"].split()[0]) / 1024, pss / 1024))
    return memory


def unique_address(n):
    """The n-th of an endless run of addresses no visitor asked before, of three kinds the page
    cache keeps one entry each for: a catalogue's text filter, in two orders, and a search."""
    return (f"/progetti/?q=parola{n}", f"/cerca/?q=parola{n}", f"/progetti/?q=parola{n}&ordine=budget")[n % 3]


def soak(server, seconds, rate, every):
    """[(elapsed s, requests, [(RSS, PSS) per worker])] while sending distinct addresses at `rate`
    per second for `seconds`."""
    samples, start, n = [], time.monotonic(), 0
    next_sample = start + every
    while (now := time.monotonic()) < start + seconds:
        timed_get(server.url(unique_address(n)))
        n += 1
        if now >= next_sample:
            samples.append((now - start, n, worker_memory(server)))
            print(f"  {now - start:.0f} s, {n} addresses: {samples[-1][2]}", file=sys.stderr, flush=True)
            next_sample += every
        time.sleep(max(0.0, start + n / rate - time.monotonic()))
    samples.append((time.monotonic() - start, n, worker_memory(server)))
    return samples


def main():
    parser = argparse.ArgumentParser(prog="python -m scripts.bench publish")
    parser.add_argument("--duration", type=int, default=30, help="seconds of each steady run")
    parser.add_argument("--unique", type=int, default=3000, help="distinct addresses before reading RSS")
    parser.add_argument("--soak", type=int, default=0, help="seconds of distinct addresses instead of --unique")
    parser.add_argument("--rate", type=float, default=10, help="distinct addresses per second in --soak")
    parser.add_argument("--every", type=int, default=300, help="seconds between memory readings in --soak")
    parser.add_argument("--memory-only", action="store_true", help="only the memory part")
    parser.add_argument("--no-mix", action="store_true", help="leave out the steady mix (part 1)")
    args = parser.parse_args()
    shared = tempfile.mkdtemp(prefix="asap-bench-pages-")
    os.environ["PAGE_CACHE_SHARED_DIR"] = shared
    os.environ["PAGE_CACHE_MARK_HITS"] = "1"  # the workers mark their cache's answers
    os.environ["TASK_BACKEND"] = "immediate"  # the rebuild after each publish runs here, as the worker would
    log = Path(shared) / "gunicorn.log"
    with demo_database() as connection, log.open("w") as errors:
        from django.conf import settings

        if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
            # Without the manifest every page answers 500 ("Missing staticfiles manifest entry").
            raise SystemExit(f"no collected static files in {settings.STATIC_ROOT}: run `make static` first")

        urls = page_urls()
        server = Server(server_env(scratch_url(connection)), stderr=errors)
        try:
            # Pages visitors read (not the 404, which urlopen raises on; not a search, kept per string).
            mix = [url for label, url in urls.items() if label != "404" and "search" not in label]
            for url in mix:
                timed_get(server.url(url))
            load = os.getloadavg()
            quiet = publishing = firsts = None
            if not (args.memory_only or args.no_mix):
                quiet = steady_mix(server, mix, args.duration)
                publishing = steady_mix(server, mix, args.duration, publish_every=10)
            if not args.memory_only:
                firsts = first_after_publish(server, urls, settings)
            if args.soak:
                samples = soak(server, args.soak, args.rate, args.every)
            else:
                for n in range(args.unique):
                    timed_get(server.url(f"/progetti/?q=parola{n}"))
                samples = [(None, args.unique, worker_memory(server))]
            load_after = os.getloadavg()
        except urllib.error.HTTPError as error:
            raise SystemExit(f"{error.url}: {error}\n--- the server's log ---\n{log.read_text()[-6000:]}") from None
        finally:
            server.stop()
            shutil.rmtree(shared, ignore_errors=True)
    print(f"\nload average before {load[0]:.1f} / after {load_after[0]:.1f} (1 min), {os.cpu_count()} cores\n")
    if quiet is not None:
        print_runs(quiet, publishing)
    if firsts is not None:
        print_firsts(firsts)
    print("| after | distinct addresses | per worker |\n|---|---:|---|")
    for elapsed, count, memory in samples:
        per_worker = ", ".join(f"RSS {rss:.0f} MiB (PSS {pss:.0f} MiB)" for rss, pss in memory)
        print(f"| {'the run' if elapsed is None else f'{elapsed / 60:.1f} min'} | {count} | {per_worker} |")


def print_runs(quiet, publishing):
    print("| run | requests | p50 ms | p99 ms | hit rate |\n|---|---:|---:|---:|---:|")
    for name, (p50, p99, rate, count) in (("steady", quiet), ("publish every 10 s", publishing)):
        print(f"| {name} | {count} | {p50:.1f} | {p99:.1f} | {rate:.0%} |")


def print_firsts(firsts):
    print(
        "\n| page | steady ms (CPU-ms) | first after a publish, rebuild | without the rebuild |\n|---|---:|---:|---:|"
    )
    for label, row in firsts.items():
        (steady, steady_cpu), cells = row["steady"], []
        for wall, cpu in (row["rebuilt"], row["plain"]):
            cells.append(f"{wall:.1f} ({wall / steady:.1f}x), CPU {cpu:.2f} ({cpu / steady_cpu:.1f}x)")
        print(f"| {label} | {steady:.1f} ({steady_cpu:.2f}) | {cells[0]} | {cells[1]} |")
    print()


if __name__ == "__main__":
    sys.exit(main())
