"""What reading a catalogue's kept ordered ids costs a request, at 100 and 100,000 projects: the old
form (one pickled list, unpickled whole on every request) against the compact one (catalogue/ids.py:
the head with the first chunk, and the chunk a deep page falls in). Through Django's local-memory
cache, as `make run` keeps parts; no database:

    .venv/bin/python -m scripts.bench catalogue-ids"""

import pickle
import time

from .lib import setup_django

REPEAT = 300


def cpu_ms(read):
    start = time.process_time()
    for _ in range(REPEAT):
        read()
    return (time.process_time() - start) / REPEAT * 1000


def main():
    setup_django()
    from django.core.cache.backends.locmem import LocMemCache

    from catalogue.ids import CHUNK, packed, unpacked

    cache = LocMemCache("catalogue-ids-bench", {})
    print(
        f"{'projects':>9} {'old list, CPU-ms':>17} {'KiB':>6} {'compact page 1':>15} {'compact deep page':>18} {'KiB':>5}"
    )
    for size in (100, 100_000):
        ids = list(range(1, size + 1))
        deep = (size - 1) // CHUNK
        cache.set("list", ids)
        cache.set("head", {"count": size, "token": "t", "first": packed(ids[:CHUNK])})
        cache.set("chunk", packed(ids[deep * CHUNK : (deep + 1) * CHUNK]))
        old = cpu_ms(lambda: cache.get("list")[-12:])
        first = cpu_ms(lambda: unpacked(cache.get("head")["first"])[:12])
        deep_page = cpu_ms(lambda: (cache.get("head"), unpacked(cache.get("chunk"))[-12:]))
        kib = len(pickle.dumps(ids)) / 1024
        head_kib = len(pickle.dumps(cache.get("head"))) / 1024
        print(f"{size:>9,} {old:>17.3f} {kib:>6.1f} {first:>15.3f} {deep_page:>18.3f} {head_kib:>5.1f}")


if __name__ == "__main__":
    main()
