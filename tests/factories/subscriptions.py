"""Newsletter topics and subscribers. The four topics come from subscriptions' data migration;
`topics()` makes them again after a transactional test's flush."""

import factory
from django.utils import timezone

from subscriptions.consent_text import CONSENT_VERSION
from subscriptions.models import Subscriber, Topic

TOPICS = [
    ("corsi", "Corsi", "Courses"),
    ("notizie", "Notizie", "News"),
    ("avvisi", "Avvisi e bandi", "Calls for proposals"),
    ("eventi", "Eventi", "Events"),
]


def topics():
    """The four topics by slug, made if a flush removed them."""
    for order, (slug, name, name_en) in enumerate(TOPICS):
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order})
    return {topic.slug: topic for topic in Topic.objects.all()}


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"iscritta{n}@example.org")
    name = "Giulia Rossi"
    language = "it"
    status = Subscriber.Status.ACTIVE
    consent_version = CONSENT_VERSION
    confirmed_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber
        skip_postgeneration_save = True

    @factory.post_generation
    def topic_slugs(self, create, extracted, **kwargs):
        """`SubscriberFactory(topic_slugs=["corsi"])`."""
        if create and extracted:
            self.topics.set(Topic.objects.filter(slug__in=extracted))
