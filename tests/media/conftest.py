"""Editors of each group, signed in through the real groups (core's data migrations), and a
collection restricted by password."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, CollectionViewRestriction

PASSWORD = "riservato-2026"


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def redattrice(editorial_groups, django_user_model):
    return member_of(django_user_model, "Redattori", "redattrice")


@pytest.fixture
def altra_redattrice(editorial_groups, django_user_model):
    return member_of(django_user_model, "Redattori", "altra")


@pytest.fixture
def moderatore(editorial_groups, django_user_model):
    return member_of(django_user_model, "Moderatori", "moderatore")


@pytest.fixture
def segreteria(editorial_groups, django_user_model):
    return member_of(django_user_model, "Segreteria corsi", "segreteria")


@pytest.fixture
def riservata(home_page):
    """A collection whose documents ask for PASSWORD."""
    collection = Collection.get_first_root_node().add_child(name="Riservata")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password=PASSWORD
    )
    return collection
