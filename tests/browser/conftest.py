"""Browser tests share one live server, and on SQLite its request threads share the test's database
connection (an in-memory database cannot be opened twice). Each test first waits, at most ten
seconds, for requests an earlier test left running to finish; the `tab` fixture waits again as it
closes."""

import pytest

from tests import live_requests


@pytest.fixture(autouse=True)
def idle_database_connection(live_server):
    live_requests.wait_until_idle()
