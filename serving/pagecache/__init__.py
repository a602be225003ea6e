"""Caching of public pages, in three layers that one rule keeps honest.

- `headers`: every response outside the admin says who may keep it (`Cache-Control`).
- `middleware`: anonymous pages served whole from Django's cache (Redis in production); `wsgi`
  answers those hits in front of Django.
- `parts`: what every page shows (menu, boxes, organisation details, consent banner) cached once
  for all pages, so an uncached page costs only its own queries.

The rule (`store`): an entry counts only under the site-wide generation it was made in and for at
most `PAGE_CACHE_SECONDS`; `purge` increments the generation whenever editors change anything that
pages show, and bans a Varnish in front (`varnish`).
"""
