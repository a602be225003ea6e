"""What the long-running processes (worker, scheduler) need to outlive a database restart: a growing
pause between attempts and dropping the connections an outage broke, so the next query reconnects."""

import contextlib

from django.db import DatabaseError, connections


class Backoff:
    """Seconds to wait before the next attempt: `first`, doubling up to `limit`, back to `first` after
    a success (reset)."""

    def __init__(self, first=1.0, limit=60.0):
        self.first, self.limit = first, max(first, limit)
        self.current = first

    def next(self):
        delay = self.current
        self.current = min(self.current * 2, self.limit)
        return delay

    def reset(self):
        self.current = self.first


def drop_broken_connections():
    """Close this thread's connections that an error left unusable, or all of them past their age.
    Never one inside a transaction: tests run the loops inside one, and closing it would break it."""
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue
        with contextlib.suppress(DatabaseError):
            connection.close_if_unusable_or_obsolete()
