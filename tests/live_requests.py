"""Requests the live server is still answering, counted through Django's request signals, so a
browser test can end only once its page's last request has finished (see the `tab` fixture)."""

import threading
import time

from django.core.signals import request_finished, request_started
from django.db import connection

_lock = threading.Lock()
_running = 0


def _started(**kwargs):
    global _running
    if threading.current_thread() is not threading.main_thread():  # the test client runs in the test's thread
        with _lock:
            _running += 1


def _finished(**kwargs):
    global _running
    if threading.current_thread() is not threading.main_thread():
        with _lock:
            _running = max(0, _running - 1)


request_started.connect(_started, dispatch_uid="tests.live_requests.started")
request_finished.connect(_finished, dispatch_uid="tests.live_requests.finished")


# Idle for this many polls in a row (0.1 s): a request the server accepted just before may not have
# reached `request_started` yet.
SETTLED_POLLS = 5


def wait_until_idle(timeout=10.0):
    """Wait, at most `timeout` seconds, until no request is running and the test thread's database
    connection is outside any transaction, and has stayed so for a moment."""
    deadline, idle_polls = time.monotonic() + timeout, 0
    while time.monotonic() < deadline and idle_polls < SETTLED_POLLS:
        with _lock:
            running = _running
        idle_polls = idle_polls + 1 if not running and not connection.in_atomic_block else 0
        time.sleep(0.02)
