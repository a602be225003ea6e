"""The yardstick of `make bench`: the least a WSGI app can do, served by the same gunicorn settings
(PYTHONPATH=scripts/bench)."""


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [b"ok\n"]
