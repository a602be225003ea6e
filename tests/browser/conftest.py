"""Browser tests share one live server, and on SQLite its request threads share the test's database
connection (an in-memory database cannot be opened twice). A request the previous test's page left
running (an admin's editing-session ping, a preview) may still be inside a transaction when the next
test writes its data, which then fails with "on_commit() cannot be used in manual transaction
management": each test first waits, at most ten seconds, for the connection to be idle."""

import time

import pytest
from django.db import connection


@pytest.fixture(autouse=True)
def idle_database_connection(live_server):
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if connection.vendor != "sqlite" or (connection.get_autocommit() and not connection.in_atomic_block):
            return
        time.sleep(0.05)
