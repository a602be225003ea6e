"""What the edit forms' query budgets share (tests/projects and tests/courses test_edit_form_queries):
a Redattrice logged in, and the queries of an edit form loaded after a warm-up."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext


@pytest.fixture(name="redattrice")
def redattrice_fixture(client, django_user_model, editorial_groups):
    """The test client, logged in as a member of Redattori (no superuser)."""
    person = django_user_model.objects.create_user("redattrice", "redattrice@asap.example", "password-lunga-1")
    person.groups.add(Group.objects.get(name="Redattori"))
    client.force_login(person)
    return client


def queries_for_edit_form(client, page):
    """(queries, HTML) of the page's edit form, after a first load that fills the site's caches."""
    url = f"/admin/pages/{page.pk}/edit/"
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()
