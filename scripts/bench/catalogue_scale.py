"""`python -m scripts.bench catalogue-scale`: the project catalogue at 100 and at 100,000 projects in
one run (issue 27, item 3: the steady page within 1.15x, the first request after a publish within
50 ms), on the demo database of `make bench` with bulk-created projects added (about two minutes
for 100,000 on SQLite).

    make static   # first: the site serves the collected static files, as `make bench` does
    .venv/bin/python -m scripts.bench catalogue-scale
    make bench BENCH_SUITE=catalogue-scale BENCH_ARGS="--duration 5 --rounds 3"

At each size:
1. steady: CPU-ms per request of the catalogue's first page under gunicorn with the page cache off
   and its parts kept (as `make bench`'s first pass), the median of `--rounds` runs of wrk;
2. first request after a publish: a project republished in this process (as an editor's publish
   purges), then the catalogue asked once, here (Django's test client, the page cache on, no
   rebuild by the task worker: the visitor pays): wall ms and CPU-ms, the median of `--publishes`.
   Three kinds of publish: a project on the first page, unchanged (its card goes); a project
   further on, unchanged; and one whose total cost changed (the order and the funding chart change:
   the ids are sorted and the facets counted again). The last once more with the rebuild after a
   publish on (PAGE_CACHE_REBUILD, run inline here as the task worker would): the visitor's
   request then finds the first page rebuilt."""

import argparse
import os
import statistics
import sys
import time

from .pages import UNCACHED_ENV, Server, add_projects, demo_database, load, scratch_url, server_env, settle

SIZES = (100, 100_000)


def catalogue_projects():
    """(the catalogue's path, a project on its first page, a project on its last page)."""
    from projects.filters import SORTS
    from projects.models import ProjectIndexPage, ProjectPage

    index = ProjectIndexPage.objects.live().filter(locale__language_code="it").first()
    ordered = ProjectPage.objects.in_catalogue(index).with_status().order_by(*SORTS["recenti"][1])
    first, last = ordered.values_list("pk", flat=True)[0], ordered.reverse().values_list("pk", flat=True)[0]
    return index.url, ProjectPage.objects.get(pk=first), ProjectPage.objects.get(pk=last)


def republish(project, change=None):
    project = type(project).objects.get(pk=project.pk)
    if change:
        change(project)
    project.save_revision().publish()


def more_expensive(project):
    project.total_cost = (project.total_cost or 0) + 1


def first_after_publish(client, path, project, change, publishes):
    """(median wall ms, median CPU-ms) of the first request for `path` after each republish."""
    walls, cpus = [], []
    for _ in range(publishes):
        client.get(path)  # the page and its parts kept, as between publishes
        republish(project, change)
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
        assert response.status_code == 200, response.status_code
    return statistics.median(walls), statistics.median(cpus)


def measure(connection, args):
    from django.conf import settings
    from django.test import Client

    path, on_first_page, further_on = catalogue_projects()
    connection.close()  # SQLite: the servers read the file on their own
    server = Server({**server_env(scratch_url(connection)), **UNCACHED_ENV})
    try:
        steady = statistics.median(load(server, path, args.duration)[1] for _ in range(args.rounds))
    finally:
        server.stop()
    settings.PAGE_CACHE_REBUILD = False  # the first visitor builds the page, not the task worker
    client = Client()
    firsts = {
        "first page's project, unchanged": first_after_publish(client, path, on_first_page, None, args.publishes),
        "a later project, unchanged": first_after_publish(client, path, further_on, None, args.publishes),
        "a project's cost changed": first_after_publish(client, path, further_on, more_expensive, args.publishes),
    }
    settings.PAGE_CACHE_REBUILD = True  # as configured: the task worker renders the catalogue again first
    firsts["cost changed, after the rebuild"] = first_after_publish(
        client, path, further_on, more_expensive, args.publishes
    )
    return path, steady, firsts


def main():
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench catalogue-scale", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--duration", type=int, default=5, help="seconds of wrk per round (default 5)")
    parser.add_argument("--rounds", type=int, default=3, help="steady runs per size, their median (default 3)")
    parser.add_argument("--publishes", type=int, default=5, help="publishes of each kind per size (default 5)")
    args = parser.parse_args()
    os.environ["TASK_BACKEND"] = "immediate"
    results = {}
    with demo_database(SIZES[0]) as connection:
        from projects.models import ProjectPage

        for size in SIZES:
            added = ProjectPage.objects.filter(title__startswith="Progetto di prova").count()
            if (missing := size - added) > 0:
                start = time.perf_counter()
                add_projects(missing, numbered_from=added)
                settle(connection)
                print(f"added {missing:,} projects in {time.perf_counter() - start:.0f} s", file=sys.stderr)
            print(f"Measuring at {size:,} projects...", file=sys.stderr)
            results[size] = (ProjectPage.objects.count(), os.getloadavg()[0], *measure(connection, args))
    print_table(args, results)


def print_table(args, results):
    small, big = (results[size] for size in SIZES)
    print(
        f"\ngunicorn 2 sync workers, page cache off, parts kept; wrk -t2 -c8 -d{args.duration}s, median of {args.rounds}"
    )
    print("load average (1 min) at each size; other processes share the 2 cores\n")
    print(
        "| projects | load | steady CPU-ms/req | "
        + " | ".join(f"after a publish: {kind}, ms (CPU-ms)" for kind in small[4])
        + " |"
    )
    print("|---|---|---|" + "---|" * len(small[4]))
    for count, load_average, _path, steady, firsts in (small, big):
        cells = " | ".join(f"{wall:.1f} ({cpu:.1f})" for wall, cpu in firsts.values())
        print(f"| {count:,} | {load_average:.1f} | {steady:.1f} | {cells} |")
    print(f"\nsteady ratio, {big[0]:,} to {small[0]:,} projects: {big[3] / small[3]:.2f}x (target 1.15x)")
    worst = max(wall for kind, (wall, _cpu) in big[4].items() if "unchanged" in kind)
    print(f"first request after an unchanged republish at {big[0]:,}: {worst:.1f} ms at worst (target 50 ms)")
    changed = big[4]["a project's cost changed"][0]
    print(f"first request after a publish that changes the order at {big[0]:,}: {changed:.1f} ms")


if __name__ == "__main__":
    main()
