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


def wait_until_idle(timeout=10.0):
    """Wait, at most `timeout` seconds, until no request is running and the test thread's database
    connection is outside any transaction."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with _lock:
            running = _running
        if not running and not connection.in_atomic_block:
            return
        time.sleep(0.02)
