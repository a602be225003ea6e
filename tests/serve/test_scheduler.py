"""The scheduler process of `make run` (manage.py run_scheduler): what cron would do on one machine."""

from datetime import timedelta
from io import StringIO

import time_machine
from django.utils import timezone

from core.management.commands.run_scheduler import Command
from tests.factories import ContentPageFactory


def test_a_page_scheduled_to_go_live_is_published_when_its_time_comes(home_page, client):
    page = ContentPageFactory(parent=home_page, slug="bando-in-arrivo", live=False)
    page.go_live_at = timezone.now() + timedelta(minutes=30)
    page.save_revision().publish()
    assert client.get("/bando-in-arrivo/").status_code == 404

    with time_machine.travel(timezone.now() + timedelta(hours=1)):
        Command(stdout=StringIO(), stderr=StringIO()).run_job("publish_scheduled")

    assert client.get("/bando-in-arrivo/").status_code == 200


def test_a_failing_job_is_reported_and_the_scheduler_goes_on(db):
    errors = StringIO()
    Command(stdout=StringIO(), stderr=errors).run_job("comando_che_non_esiste")
    assert "comando_che_non_esiste non riuscito" in errors.getvalue()
