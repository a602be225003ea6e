"""What each listing of news fetches, said in one place: the catalogue's cards, the feeds, the home
box and the "Aggiornamenti" of a project or an organisation. Everything a visitor sees is
`published()`: live and not behind a view restriction."""

from django.db.models import Min

from catalogue.listing import prefetch_renditions
from core.restrictions import PublicPageQuerySet

from .kinds import Kind

CARD_IMAGE = "fill-320x180"


class NewsArticleQuerySet(PublicPageQuerySet):
    def published(self):
        return self.live().public()

    def in_index(self, index):
        return self.child_of(index).published()

    def latest_first(self):
        return self.defer_streamfields().order_by("-date", "-first_published_at", "-pk")

    def for_listing(self):
        """What a card shows: the image (one rendition) and the themes."""
        return (
            self.defer_streamfields()
            .select_related("image")
            .prefetch_related(prefetch_renditions("image", CARD_IMAGE), "themes")
        )

    def open_calls(self, now):
        return self.filter(kind=Kind.CALL, closes_at__gt=now)

    def next_closing(self, now):
        """The next instant one of these calls closes (None if none will): when listings change."""
        return self.open_calls(now).aggregate(next=Min("closes_at"))["next"]

    def about_project(self, project):
        return self.filter(related_projects=project)

    def about_organisation(self, organisation):
        return self.filter(organisations=organisation)
