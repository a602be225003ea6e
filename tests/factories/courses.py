"""Factories for the course catalogue. Sessions are relative to `timezone.now()` unless given."""

from datetime import timedelta
from decimal import Decimal

import factory
import wagtail_factories
from django.utils import timezone

from courses.enquiries import CourseEnquiry, EnquiryStatus, RequestType
from courses.models import (
    Area,
    CourseIndexPage,
    CoursePage,
    CourseSession,
    DeliveryMode,
    Venue,
)


class VenueFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sala {n}")
    address = "Via Nazionale 89"
    postal_code = "00184"
    city = "Roma"
    province = "RM"
    accessibility_notes = "Ingresso senza gradini, ascensore."

    class Meta:
        model = Venue


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Corsi"
    slug = "corsi"
    intro = "I nostri corsi."

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Corso di prova {n}")
    slug = factory.Sequence(lambda n: f"corso-{n}")
    code = factory.Sequence(lambda n: f"ASAP-{n:03d}")
    summary = "Un corso per chi lavora sui progetti finanziati."
    area = Area.MANAGEMENT
    target_audience = "Dipendenti pubblici e operatori del terzo settore."
    delivery_mode = DeliveryMode.IN_PERSON
    total_hours = Decimal("16")
    is_free = True
    fee = None

    class Meta:
        model = CoursePage


class CourseSessionFactory(factory.django.DjangoModelFactory):
    course = factory.SubFactory(CoursePageFactory)
    edition = factory.Sequence(lambda n: f"Edizione {n}")
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=8))
    venue = factory.SubFactory(VenueFactory)
    seats = 20

    class Meta:
        model = CourseSession
        skip_postgeneration_save = True

    @factory.post_generation
    def seats_taken(session, create, extracted, **kwargs):
        """`seats_taken=N`: one enquiry for N participants, marked enrolled by staff."""
        if extracted:
            CourseEnquiryFactory(
                course=session.course, session=session, participants=extracted, status=EnquiryStatus.ENROLLED
            )


class CourseEnquiryFactory(factory.django.DjangoModelFactory):
    course = factory.SubFactory(CoursePageFactory)
    first_name = "Giulia"
    last_name = "Rossi"
    email = factory.Sequence(lambda n: f"persona{n}@esempio.it")
    request_type = RequestType.INFORMATION
    participants = 1
    message = "Vorrei sapere se il corso è adatto a me."
    privacy_acknowledged_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = CourseEnquiry
