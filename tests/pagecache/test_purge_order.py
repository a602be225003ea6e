"""Purges are ordered by a sequence, not the clock: an entry built after a purge is kept, one built
before it is not, even when the clock stands still (tests freeze it, a coarse clock rounds it) or
has been set back (a test travelled to 2030; an operator fixed a clock). Both with the per-process
cache's files and with Redis."""

import datetime
import time

import pytest
import time_machine
from django.core.cache import cache

from serving.pagecache import store, tags
from tests.pagecache.test_dependencies import pages_in_redis  # noqa: F401 (a fixture)

TAG = "page:424242"


def kept_after(purge_first):
    """Whether an entry with TAG, built with the version read now, is found again after a purge."""
    version, _found = store.lookup("pagecache:part:purge-order")
    if purge_first:
        tags.purge({TAG})
        version, _found = store.lookup("pagecache:part:purge-order")
    store.keep("pagecache:part:purge-order", version, time.time(), "value", tags={TAG})
    if not purge_first:
        tags.purge({TAG})
    return store.lookup("pagecache:part:purge-order")[1] is not None


@pytest.fixture(params=["files", "redis"])
def stamps_in(request, settings):
    if request.param == "redis":
        request.getfixturevalue("pages_in_redis")
    cache.clear()
    return request.param


@pytest.mark.parametrize(
    "clock",
    [
        time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False),
        time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)),
    ],
    ids=["frozen clock", "running clock"],
)
def test_a_purge_after_the_build_wins_and_one_before_does_not(stamps_in, clock):
    with clock:
        assert kept_after(purge_first=True), "built after the purge: kept"
        assert not kept_after(purge_first=False), "purged after it was built: stale"


def test_a_clock_set_back_keeps_the_order(stamps_in):
    with time_machine.travel(datetime.datetime(2030, 1, 1, tzinfo=datetime.UTC)):
        tags.purge({TAG})
    with time_machine.travel(datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC), tick=False):
        assert kept_after(purge_first=True), "a stamp left in 2030 does not make today's entries stale"
        assert not kept_after(purge_first=False)


def test_an_entry_found_fresh_is_checked_again_after_the_next_purge(stamps_in):
    """A hit reads no stamp while no purge happened since it was built or last found fresh: the
    next purge of one of its tags still makes it stale, in this process as in any other."""
    version, _found = store.lookup("pagecache:part:found-fresh")
    store.keep("pagecache:part:found-fresh", version, time.time(), "value", tags={TAG})
    tags.purge({"page:1"})  # another page's purge: the entry is checked, and found fresh
    assert store.lookup("pagecache:part:found-fresh")[1] is not None
    assert store.lookup("pagecache:part:found-fresh")[1] is not None  # found fresh again, no stamp read
    tags.purge({TAG})
    assert store.lookup("pagecache:part:found-fresh")[1] is None
