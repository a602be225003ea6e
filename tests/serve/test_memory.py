"""A serving process gives the buffers of an image's renditions back to the system
(serving/memory.py): glibc's mmap threshold, fixed, no longer rises with the first large block freed.
Each case runs in a fresh interpreter, whose heap holds nothing else."""

import platform
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")

ROOT = Path(__file__).resolve().parents[2]

# Forty 4 MiB buffers (decoding an image), each followed by a small block still alive (rows, strings),
# after one larger block was freed (as the first image's buffers are). MiB held before, at the peak, after.
RENDITIONS = """
import sys
sys.path.insert(0, {root!r})

def rss():
    return next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS")) / 1024

if {fixed}:
    from serving.memory import return_large_blocks_to_the_system
    assert return_large_blocks_to_the_system()
first = bytearray(8 << 20)
del first
start, buffers, kept = rss(), [], []
for _ in range(40):
    buffers.append(bytearray(4 << 20))
    kept.append(bytearray(2048))
peak = rss()
buffers.clear()
print(start, peak, rss())
"""


def held_after_freeing(fixed):
    code = RENDITIONS.format(root=str(ROOT), fixed=fixed)
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    start, peak, after = map(float, output.split())
    assert peak - start > 150, "the buffers were allocated"
    return after - start


def test_the_buffers_go_back_to_the_system():
    assert held_after_freeing(fixed=True) < 10


def test_without_the_fixed_threshold_the_heap_keeps_them():
    """What the fix is for: glibc's own threshold, raised by the first free, keeps 160 MiB."""
    assert held_after_freeing(fixed=False) > 100
