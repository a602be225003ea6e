"""Placeholder views, replaced in the next commit."""

from django.http import HttpResponse


def _todo(request, token=None):
    return HttpResponse("")


signup = signup_thanks = confirm = preferences = unsubscribe = _todo
