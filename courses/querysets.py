"""What each listing of courses fetches, said in one place: the catalogue (upcoming or archive), the
calendar feeds and the home box. Everything a visitor sees is `published()`: live and not behind a
view restriction."""

from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from core.restrictions import PublicPageQuerySet


class CourseSessionQuerySet(models.QuerySet):
    def open_for_enrolment(self, now):
        """`session_status(...) == OPEN` in SQL (see `status.py`)."""
        return self.filter(
            Q(enrolment_deadline__isnull=True) | Q(enrolment_deadline__gte=timezone.localdate(now)),
            Q(seats__isnull=True) | Q(enrolled_seats__lt=F("seats")),
            cancelled=False,
            start__gt=now,
        )

    def with_seats_taken(self):
        """Annotate `enrolled_seats`, what `CourseSession.seats_taken` reads: the participants of the
        edition's enquiries that staff marked as enrolled."""
        enquiries = self.model._meta.get_field("enquiries").related_model.objects
        return self.annotate(enrolled_seats=enquiries.seats_taken_by_session())

    def of_course(self):
        """Correlated to the course of an outer `CoursePage` query."""
        return self.filter(course=OuterRef("pk"))


class CourseSessionManager(models.Manager.from_queryset(CourseSessionQuerySet)):
    """Every query of sessions (the course's `sessions`, listings, calendars) knows their seats taken."""

    def get_queryset(self):
        return super().get_queryset().with_seats_taken()


class CoursePageQuerySet(PublicPageQuerySet):
    def published(self):
        return self.live().public()

    def in_catalogue(self, index):
        return self.child_of(index).published()

    def sessions(self):
        """The sessions of these courses."""
        return self._sessions().filter(course__in=self.values("pk"))

    def _sessions(self):
        return self.model.sessions.rel.related_model.objects.all()

    def with_schedule(self, now):
        """Annotate `next_start` (the next session not cancelled nor over), `last_end` and
        `has_future_session`, which put a course among the upcoming ones or in the archive."""
        sessions = self._sessions().of_course()
        return self.annotate(
            next_start=Subquery(sessions.filter(cancelled=False, end__gt=now).order_by("start").values("start")[:1]),
            last_end=Subquery(sessions.order_by("-end").values("end")[:1]),
            has_future_session=Exists(sessions.filter(end__gt=now)),
        )

    def upcoming(self, now):
        """Courses with a session still to come (or none scheduled yet), the next one first."""
        return (
            self.with_schedule(now)
            .filter(Q(has_future_session=True) | Q(last_end__isnull=True))
            .order_by(F("next_start").asc(nulls_last=True), "title")
        )

    def archived(self, now):
        """Courses whose sessions are all over, the latest first."""
        return (
            self.with_schedule(now).filter(last_end__lte=now, has_future_session=False).order_by("-last_end", "title")
        )

    def with_session(self, **conditions):
        """Courses with at least one session that meets `conditions`."""
        return self.filter(Exists(self._sessions().of_course().filter(**conditions)))

    def open_for_enrolment(self, now):
        return self.filter(Exists(self._sessions().of_course().open_for_enrolment(now)))

    def next_open_first(self, now):
        """Courses open for enrolment, the one whose open session starts first at the top."""
        open_sessions = self._sessions().of_course().open_for_enrolment(now)
        return (
            self.defer_streamfields()
            .filter(Exists(open_sessions))
            .annotate(next_open_start=Subquery(open_sessions.order_by("start").values("start")[:1]))
            .order_by("next_open_start", "title")
        )

    def with_sessions(self, sessions=None):
        """Prefetch the sessions (all, or those of `sessions`) with their venue, by start."""
        sessions = self._sessions() if sessions is None else sessions
        return self.prefetch_related(Prefetch("sessions", queryset=sessions.select_related("venue").order_by("start")))

    def for_listing(self):
        return self.defer_streamfields().with_sessions()

    def for_calendar(self, since):
        """Courses with a session that ended after `since`, with those sessions only."""
        recent = self._sessions().filter(end__gte=since)
        courses = self.filter(Exists(recent.of_course())).defer_streamfields().order_by("title")
        return courses.select_related("funding_programme__fund").with_sessions(recent)
