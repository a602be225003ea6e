"""Which subscribers a sending, a purge or a look-up reaches: the rules live here, once."""

from django.db import models
from django.utils import timezone


class SubscriberQuerySet(models.QuerySet):
    def receiving(self, topic_slugs):
        """Active subscribers of any of these topics, each once (an EXISTS, not a join: no DISTINCT
        over a large list)."""
        through = self.model.topics.through
        chosen = through.objects.filter(subscriber=models.OuterRef("pk"), topic__slug__in=list(topic_slugs))
        return self.filter(status=self.model.Status.ACTIVE).filter(models.Exists(chosen))

    def with_address(self, email):
        """The subscriber with this address, whatever its case."""
        return self.filter(email__iexact=(email or "").strip())

    def unconfirmed_since(self, age):
        """Sign-ups never confirmed whose last request is older than `age` (a timedelta): what the
        purge deletes. A former subscriber signing up again is not deleted (her withdrawal is proof)."""
        cutoff = timezone.now() - age
        return self.filter(status=self.model.Status.PENDING, confirmed_at__isnull=True, created_at__lt=cutoff).filter(
            models.Q(confirmation_sent_at__isnull=True) | models.Q(confirmation_sent_at__lt=cutoff)
        )
