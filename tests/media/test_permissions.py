"""Images and documents per group, as README's "Who does what" says: a Redattrice uploads and changes
her own, a Moderatore changes and deletes everyone's, the Segreteria corsi does neither. Asked of
Wagtail's own permission policy and of the admin's edit and delete pages."""

import pytest
import wagtail_factories
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.permissions import policy_registry

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def images():
    return policy_registry.get_by_type(get_image_model())


def documents():
    return policy_registry.get_by_type(get_document_model())


@pytest.fixture
def uploads(redattrice, altra_redattrice):
    """(her image, her document, someone else's image, someone else's document), in the root collection."""
    root = Collection.get_first_root_node()
    return (
        ImageFactory(title="Mia", uploaded_by_user=redattrice, collection=root),
        wagtail_factories.DocumentFactory(title="Mio", uploaded_by_user=redattrice, collection=root),
        ImageFactory(title="Altrui", uploaded_by_user=altra_redattrice, collection=root),
        wagtail_factories.DocumentFactory(title="Altrui", uploaded_by_user=altra_redattrice, collection=root),
    )


@pytest.mark.parametrize("action", ["change", "delete"])
def test_a_redattrice_changes_her_own_uploads_only(redattrice, uploads, action):
    own_image, own_document, other_image, other_document = uploads
    assert images().user_has_permission(redattrice, "add") and documents().user_has_permission(redattrice, "add")
    assert images().user_has_permission_for_instance(redattrice, action, own_image)
    assert documents().user_has_permission_for_instance(redattrice, action, own_document)
    assert not images().user_has_permission_for_instance(redattrice, action, other_image)
    assert not documents().user_has_permission_for_instance(redattrice, action, other_document)


@pytest.mark.parametrize("action", ["change", "delete"])
def test_a_moderatore_changes_everyones_uploads(moderatore, uploads, action):
    for image in uploads[0::2]:
        assert images().user_has_permission_for_instance(moderatore, action, image)
    for document in uploads[1::2]:
        assert documents().user_has_permission_for_instance(moderatore, action, document)


def test_the_segreteria_corsi_neither_uploads_nor_changes(segreteria, uploads):
    for policy, instances in ((images(), uploads[0::2]), (documents(), uploads[1::2])):
        assert not policy.user_has_any_permission(segreteria, ["add", "change", "delete", "choose"])
        assert not any(policy.user_has_permission_for_instance(segreteria, "change", item) for item in instances)


def test_in_the_admin_a_redattrice_cannot_rename_or_delete_someone_elses_image(client, redattrice, uploads):
    own_image, own_document, other_image, other_document = uploads
    client.force_login(redattrice)
    assert client.get(f"/admin/images/{own_image.pk}/").status_code == 200
    for url in (
        f"/admin/images/{other_image.pk}/",
        f"/admin/images/{other_image.pk}/delete/",
        f"/admin/documents/edit/{other_document.pk}/",
        f"/admin/documents/delete/{other_document.pk}/",
    ):
        assert client.get(url).status_code in (302, 403), url
    client.post(f"/admin/images/{other_image.pk}/", {"title": "Rinominata"})
    client.post(f"/admin/images/{other_image.pk}/delete/")
    client.post(f"/admin/documents/delete/{other_document.pk}/")
    other_image.refresh_from_db()
    other_document.refresh_from_db()
    assert other_image.title == "Altrui"


def test_in_the_admin_a_moderatore_deletes_someone_elses_image(client, moderatore, uploads):
    client.force_login(moderatore)
    other_image = uploads[2]
    assert client.get(f"/admin/images/{other_image.pk}/").status_code == 200
    assert client.post(f"/admin/images/{other_image.pk}/delete/").status_code == 302
    assert not get_image_model().objects.filter(pk=other_image.pk).exists()
