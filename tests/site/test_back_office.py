"""Editorial groups, moderation workflow, scheduled publishing, redirects, focal points, admin account."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.images.models import Image

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_editors_write_and_submit_moderators_publish(django_user_model, home_page):
    page = ContentPageFactory(parent=home_page)
    editor = member_of(django_user_model, "Redattori", "redattrice")
    moderator = member_of(django_user_model, "Moderatori", "moderatore")
    assert page.permissions_for_user(editor).can_edit()
    assert not page.permissions_for_user(editor).can_publish()
    assert page.permissions_for_user(moderator).can_publish()
    workflow = page.get_workflow()
    assert workflow.name == "Approvazione dei moderatori"
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderatori"]


def test_editor_submission_waits_for_a_moderator(client, django_user_model, home_page):
    page = ContentPageFactory(parent=home_page, live=False)
    editor = member_of(django_user_model, "Redattori", "redattrice")
    moderator = member_of(django_user_model, "Moderatori", "moderatore")
    revision = page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert not page.live
    state = page.current_workflow_task_state
    state.task.specific.on_action(state, moderator, "approve")
    page.refresh_from_db()
    assert page.live and page.live_revision_id == revision.pk


def test_scheduled_pages_go_live_with_publish_scheduled(client, home_page):
    page = ContentPageFactory(parent=home_page, live=False, slug="in-arrivo")
    page.go_live_at = timezone.now() + timedelta(minutes=5)
    revision = page.save_revision()
    revision.publish()
    assert client.get("/in-arrivo/").status_code == 404
    with time_machine.travel(timezone.now() + timedelta(minutes=10)):
        call_command("publish_scheduled")
    assert client.get("/in-arrivo/").status_code == 200


def test_redirects_send_old_addresses_to_the_new_page(client, home_page):
    page = ContentPageFactory(parent=home_page, slug="nuova")
    Redirect.objects.create(old_path="/vecchia-pagina", redirect_page=page, is_permanent=True)
    response = client.get("/vecchia-pagina/")
    assert response.status_code == 301 and response["Location"].endswith("/nuova/")


def test_renditions_crop_around_the_focal_point(wagtail_root):
    picture = PILImage.new("RGB", (400, 100), (200, 0, 0))
    picture.paste((0, 0, 200), (300, 0, 400, 100))  # the subject: a blue area on the right
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title="Focale", focal_point_x=350, focal_point_y=50, focal_point_width=60, focal_point_height=60)
    image.file.save("focale.png", ImageFile(buffer, name="focale.png"), save=False)
    image.save()
    rendition = image.get_rendition("fill-100x100-c100")
    with rendition.file.open() as handle:
        cropped = PILImage.open(handle).convert("RGB")
        red, green, blue = cropped.getpixel((50, 50))
    assert blue > 150 and red < 50


def test_ensure_admin_uses_the_environment(monkeypatch, django_user_model):
    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "direzione")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "una-password-molto-lunga")
    call_command("ensure_admin")
    user = django_user_model.objects.get(username="direzione")
    assert user.is_superuser and user.check_password("una-password-molto-lunga")


def test_ensure_admin_without_environment_prints_working_credentials(
    monkeypatch, tmp_path, settings, django_user_model
):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    settings.BASE_DIR = tmp_path
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    password = out.getvalue().split("password: ")[1].split()[0]
    assert django_user_model.objects.get(username="admin").check_password(password)
    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert f"password: {password}" in again.getvalue()


def test_the_admin_speaks_italian(client, superuser, home_page):
    client.force_login(superuser)
    html = client.get("/admin/").content.decode()
    assert '<html lang="it"' in html
    assert "Pagine" in html and "Impostazioni" in html
    settings_page = client.get("/admin/settings/core/organisationsettings/")
    assert settings_page.status_code in (200, 302)
