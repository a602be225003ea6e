"""Newsletter issues and their archive page."""

import factory
import wagtail_factories

from newsletter.models import NewsletterIndexPage, NewsletterIssuePage


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    title = "La newsletter"
    slug = "archivio-newsletter"
    intro = "I numeri usciti."

    class Meta:
        model = NewsletterIndexPage


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Newsletter di dicembre n. {n}")
    slug = factory.Sequence(lambda n: f"numero-{n}")
    intro = "Le novità del mese."

    class Meta:
        model = NewsletterIssuePage
        skip_postgeneration_save = True

    @factory.post_generation
    def topic_slugs(self, create, extracted, **kwargs):
        """`NewsletterIssuePageFactory(topic_slugs=["corsi"])`; a revision is saved as the admin does."""
        if create:
            from subscriptions.models import Topic

            self.topics.set(Topic.objects.filter(slug__in=extracted or ["notizie"]))
            self.save_revision().publish()
