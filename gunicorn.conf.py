"""gunicorn's settings for this site, read by every gunicorn started from the project folder
(`make run`, `make bench`, the deployment commands in the README) and passed explicitly by
scripts/run_site.py.

No request header may change the path or the scheme the site sees. gunicorn by default lets the
proxies in `forwarded_allow_ips` (127.0.0.1: any proxy on the same machine, Varnish included, which
passes visitors' headers on) set SCRIPT_NAME with a `SCRIPT_NAME` header, and the scheme with
`X-Forwarded-Proto`: a visitor could then have `/progetti/` served the home page. The site trusts no
forwarder here: HTTPS behind a proxy is Django's SECURE_PROXY_SSL_HEADER (production settings),
and headers whose names hold an underscore are dropped (`header_map`)."""

import gc

forwarded_allow_ips = ""
forwarder_headers = ""
secure_scheme_headers = {}
header_map = "drop"

# Before the site is imported (--preload): its import already frees blocks that would raise the
# threshold. Started with --chdir or --pythonpath, this file is read before they apply: the site
# then sets it as it starts (serving/apps.py).
try:
    from serving.memory import return_large_blocks_to_the_system
except ImportError:
    pass
else:
    return_large_blocks_to_the_system()


def pre_fork(server, worker):
    """The site is imported once in the master (`--preload`) and its pages shared with the workers
    until one writes to them: the cyclic garbage collector would, touching every object the master
    made. Frozen, those objects are left alone, and more of each worker's memory stays shared."""
    gc.freeze()
