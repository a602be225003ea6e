from django.apps import AppConfig


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = "Corsi di formazione"

    def ready(self):
        from core.parts import purge_when_facts_change
        from core.translatable import translate_only

        from . import boxes, site_search
        from .models import CoursePage, CourseSession, Venue

        site_search.register()
        translate_only(Venue)
        purge_when_facts_change(CoursePage, boxes.course_facts, boxes.BOX_FACTS)
        purge_when_facts_change(CourseSession, boxes.session_facts, boxes.BOX_FACTS)
