"""The shipped nginx snippet (deploy/nginx/asap.conf) serves from MEDIA_ROOT only images and
renditions, sandboxed, SVG as a download, and nothing else under /media/ (nginx is not installed
here: the file is read, not run)."""

import re
from pathlib import Path

CONF = (Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "asap.conf").read_text()


def test_only_images_are_served_from_media_root():
    media_locations = re.findall(r"location\s+(\S+\s+)?(\S+)\s*\{", CONF)
    served = [path for _, path in media_locations if "media" in path]
    assert served == ["^/media/(images|original_images)/", "/media/"]
    assert re.search(r"location /media/ \{\s*return 404;", CONF)
    assert "documents" not in " ".join(served)


def test_every_media_location_sends_the_sandbox_and_svg_is_a_download():
    blocks = CONF.split("location ")[1:]
    for block in blocks:
        if "root /srv/asap" in block.split("location")[0]:
            assert "Content-Security-Policy \"sandbox; default-src 'none'\" always" in block
            assert 'X-Content-Type-Options "nosniff" always' in block
    svg = next(block for block in blocks if block.startswith("~* \\.svgz?$"))
    assert 'Content-Disposition "attachment" always' in svg
