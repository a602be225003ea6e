"""Keep the search index right when something a course is found by (its venues) changes."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search.index import insert_or_update_object

from .models import CoursePage, Venue


@receiver(post_save, sender=Venue)
def reindex_courses_at_venue(sender, instance, created, raw=False, **kwargs):
    if created or raw:
        return
    for course in CoursePage.objects.filter(sessions__venue=instance).distinct():
        insert_or_update_object(course)
