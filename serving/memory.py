"""How a serving process hands memory back to the system (issue 27: at most 150 MiB per worker).

glibc serves a large allocation with its own `mmap`, returned whole when freed, only while it is
above a threshold that starts at 128 KiB and rises to the size of every such block freed, up to
32 MiB. The first rendition of an image decodes it into buffers of several MiB (4.4 MiB for a
1600 × 920 photo): once one is freed, the next ones come from the heap, which keeps them, and a
worker that made the demo's renditions held 40 MiB more than one that did not. With the threshold
fixed at 1 MiB, those buffers are mapped and unmapped every time; the pages, parts and rows a
request handles stay far below it."""

import ctypes
import logging

logger = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # mallopt()'s parameter number, from glibc's malloc.h
LARGE_BLOCK_BYTES = 1 << 20


def return_large_blocks_to_the_system():
    """Fix glibc's mmap threshold for this process and the processes it forks (gunicorn's workers);
    a no-op where the C library has no `mallopt` (musl, macOS)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    if not mallopt(M_MMAP_THRESHOLD, LARGE_BLOCK_BYTES):
        logger.warning("mallopt(M_MMAP_THRESHOLD) refused")
        return False
    return True
