"""Debian's Varnish, with deploy/varnish/default.vcl, in front of a live test server: a second
anonymous request is a Varnish hit, and a publish shows on the very next request."""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests

from tests.factories import ContentPageFactory
from tests.factories.outbox import ContactFormPageFactory, add_contact_fields

pytestmark = pytest.mark.varnish

VCL = Path(__file__).resolve().parents[2] / "deploy" / "varnish" / "default.vcl"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def varnishd_path():
    path = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
    if path is None:
        message = "the Varnish test needs Debian's varnish: apt-get install varnish"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    """Varnish on a free loopback port in front of `live_server`; the site purges it."""
    app_port = live_server.url.rsplit(":", 1)[1]
    vcl = tmp_path / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{app_port}";'))
    port = free_port()
    process = subprocess.Popen(
        [varnishd_path(), "-F", "-j", "none", "-n", str(tmp_path / "work"), "-a", f"127.0.0.1:{port}",
         "-f", str(vcl), "-s", "malloc,32m", "-T", "none"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"{url}/robots.txt", timeout=5)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    output = process.stdout.read().decode(errors="replace") if process.poll() is not None else ""
                    pytest.fail(f"varnishd did not start: {output}")
                time.sleep(0.2)
        settings.WAGTAILFRONTENDCACHE = {
            "varnish": {"BACKEND": "serving.pagecache.varnish.VarnishBackend", "LOCATION": url}
        }
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_a_second_visit_is_a_hit_and_a_publish_shows_at_once(varnish, page_cache, home_page):
    page = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    first = requests.get(f"{varnish}/chi-siamo/", timeout=10)
    second = requests.get(f"{varnish}/chi-siamo/", timeout=10)
    assert first.status_code == second.status_code == 200
    assert first.headers["X-Cache"] == "MISS" and second.headers["X-Cache"] == "HIT"
    assert len(second.headers["X-Varnish"].split()) == 2  # this request's id and the cached object's
    assert second.content == first.content

    page.title = "Chi siamo oggi"
    page.save_revision().publish()
    after = requests.get(f"{varnish}/chi-siamo/", timeout=10)
    assert after.headers["X-Cache"] == "MISS"
    assert "<h1>Chi siamo oggi</h1>" in after.text


def test_editors_forms_and_consent_always_reach_the_site(varnish, page_cache, home_page):
    ContentPageFactory(parent=home_page, slug="chi-siamo")
    add_contact_fields(ContactFormPageFactory(parent=home_page))
    for url, cookies in [
        ("/chi-siamo/", {"sessionid": "una-sessione"}),
        ("/scrivici/", {}),
        ("/cookie/stato/", {}),
    ]:
        answers = [requests.get(f"{varnish}{url}", cookies=cookies, timeout=10) for _ in range(2)]
        assert [answer.headers["X-Cache"] for answer in answers] == ["MISS", "MISS"], url
    tokens = [requests.get(f"{varnish}/scrivici/", timeout=10).cookies.get("csrftoken") for _ in range(2)]
    assert all(tokens) and tokens[0] != tokens[1]


def test_forged_headers_and_tracking_parameters_change_nothing_visitors_get(varnish, page_cache, home_page):
    ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    forged = {"SCRIPT_NAME": "/chi-siamo", "X-Forwarded-Host": "evil.example", "X-Original-URL": "/"}
    requests.get(f"{varnish}/chi-siamo/", headers=forged, timeout=10)
    plain = requests.get(f"{varnish}/chi-siamo/", timeout=10)
    assert plain.status_code == 200 and "<h1>Chi siamo</h1>" in plain.text and "evil.example" not in plain.text
    tracked = requests.get(f"{varnish}/chi-siamo/?utm_source=newsletter&fbclid=abc", timeout=10)
    assert tracked.headers["X-Cache"] == "HIT" and tracked.content == plain.content
    kept = requests.get(f"{varnish}/chi-siamo/?page=2&utm_medium=email", timeout=10)
    again = requests.get(f"{varnish}/chi-siamo/?page=2", timeout=10)
    assert again.headers["X-Cache"] == "HIT" and again.content == kept.content
