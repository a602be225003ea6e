"""Routes under a course's (or the catalogue's) address that are not Wagtail pages. They are
included before Wagtail's catch-all; a path that is not a course falls back to Wagtail."""

from django.urls import re_path

from . import views

PAGE_PATH = r"(?P<page_path>(?:[\w\-]+/)+)"

urlpatterns = [
    re_path(rf"^{PAGE_PATH}calendario\.ics$", views.calendar_file, name="courses_calendar"),
    re_path(rf"^{PAGE_PATH}richiedi-informazioni/$", views.enquiry, name="courses_enquiry"),
    re_path(rf"^{PAGE_PATH}richiedi-informazioni/grazie/$", views.enquiry_thanks, name="courses_enquiry_thanks"),
]
