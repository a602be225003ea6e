"""Benchmark the course catalogue with many courses: prints SQL queries, median wall time and size
for the catalogue (plain, filtered, deep page, archive), a course page, the calendar feeds, the
enquiry form and the home page (with its "Corsi" box).

Runs in a throw-away test database (never the development data):

    .venv/bin/python -m scripts.bench courses                   # 500 courses on SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_courses .venv/bin/python -m scripts.bench courses
    BENCH_SLOWEST=1 ...                                          # also list the three slowest queries
"""

import argparse
import time

from .lib import fresh_home, measure, scratch_database, setup_django


def build(count):
    from datetime import timedelta

    from django.utils import timezone

    from courses.enquiries import EnquiryStatus
    from courses.models import Area, CoursePage, CourseSession, DeliveryMode
    from tests.factories.courses import CourseEnquiryFactory, CourseIndexPageFactory, VenueFactory

    catalogue = CourseIndexPageFactory(parent=fresh_home())
    venues = [VenueFactory(city=city) for city in ["Roma", "Latina", "Viterbo", "Frosinone", "Rieti"]]
    areas, modes = list(Area), list(DeliveryMode)
    now = timezone.now()
    for i in range(count):
        course = CoursePage(
            title=f"Corso {i:05d}",
            slug=f"corso-{i:05d}",
            code=f"B-{i:05d}",
            summary="Un corso per il benchmark.",
            area=areas[i % len(areas)],
            delivery_mode=modes[i % len(modes)],
            target_audience="Tutti",
            total_hours=8,
            is_free=i % 2 == 0,
            fee=None if i % 2 == 0 else 100,
        )
        catalogue.add_child(instance=course)
        offset = (i % 300) - 100  # a third in the past, the rest upcoming
        for n in range(2):
            start = now + timedelta(days=offset + 40 * n)
            session = CourseSession.objects.create(
                course=course,
                edition=f"Edizione {n + 1}",
                start=start,
                end=start + timedelta(hours=8),
                venue=venues[(i + n) % len(venues)],
                seats=20,
                cancelled=i % 11 == 0,
            )
            # seats taken are enrolled enquiries' participants
            CourseEnquiryFactory(
                course=course, session=session, participants=20 if i % 7 == 0 else 3, status=EnquiryStatus.ENROLLED
            )
    return catalogue, CoursePage.objects.order_by("pk").first()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--courses", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    setup_django()
    from django.test import Client

    with scratch_database() as connection:
        started = time.perf_counter()
        _, course = build(args.courses)
        print(
            f"{args.courses} courses with 2 sessions each on {connection.vendor}, built in {time.perf_counter() - started:.0f} s"
        )
        client = Client()
        last_page = (args.courses // 10) + 1
        urls = [
            "/corsi/",
            "/corsi/?aperte=on&quota=gratuito&citta=Roma&area=gestione",
            f"/corsi/?page={last_page}",
            "/corsi/?archivio=on",
            course.url,
            f"{course.url}calendario.ics",
            f"{course.url}richiedi-informazioni/",
            "/corsi/calendario.ics",
            "/",
        ]
        print(f"{'URL':62} {'queries':>7} {'median ms':>10} {'KB':>8}")
        for url in urls:
            response, queries, median = measure(client, url, args.repeat)
            print(f"{url:62} {queries:7d} {median * 1000:10.1f} {len(response.content) / 1024:8.1f}")


if __name__ == "__main__":
    main()
