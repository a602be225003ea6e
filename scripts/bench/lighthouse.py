"""`make lighthouse`: Lighthouse's mobile profile (the npm package pinned in tools/lighthouse/,
Debian's Chromium) on every page type of the demo, served as `make bench` serves it; prints the
accessibility, best practices, SEO and performance scores per page, and what failed, and keeps
the JSON reports in `lighthouse/` (git-ignored). Targets: 100, 100, 100 and at least 95. Not part of
`make test` or CI: the performance score depends on the machine's load."""

import json
import os
import shutil
import subprocess
import sys

from .pages import ROOT
from .review_site import served_demo, slug

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-dev-shm-usage"
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "lighthouse"
CATEGORIES = {
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
    "performance": "performance",
}
TARGETS = {"accessibility": 100, "best-practices": 100, "seo": 100, "performance": 95}


def audit(url, report):
    """Lighthouse's JSON report of one URL (mobile is its default form factor)."""
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            "--locale=it",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )
    return json.loads(report.read_text())


def failures(result):
    """Audits that count towards a category and scored below 1, e.g. 'meta-description (seo)'."""
    found = []
    for key, category in result["categories"].items():
        for ref in category["auditRefs"]:
            detail = result["audits"][ref["id"]]
            if ref["weight"] and detail["score"] is not None and detail["score"] < 1:
                found.append(f"{ref['id']} ({key}: {detail['score']:.2f})")
    return found


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("Lighthouse is not installed: cd tools/lighthouse && npm ci (make lighthouse does it)")
    shutil.rmtree(REPORTS, ignore_errors=True)
    REPORTS.mkdir()
    rows = []
    with served_demo() as (server, urls):
        for label, path in urls.items():
            if label == "404":
                continue  # Lighthouse refuses to audit a page answered with an error status
            print(f"Lighthouse: {label} ({path})...", file=sys.stderr)
            result = audit(server.url(path), REPORTS / f"{slug(label)}.json")
            scores = {key: round(result["categories"][key]["score"] * 100) for key in CATEGORIES}
            rows.append((label, path, scores, failures(result)))
    print(
        f"\nLighthouse {result['lighthouseVersion']}, mobile profile, Chromium {result['environment']['hostUserAgent']}"
    )
    print("\n| page | URL | " + " | ".join(CATEGORIES.values()) + " |")
    print("|---|---|" + "---|" * len(CATEGORIES))
    for label, path, scores, _ in rows:
        cells = [f"{scores[key]}" + ("" if scores[key] >= TARGETS[key] else " ✗") for key in CATEGORIES]
        print(f"| {label} | `{path}` | " + " | ".join(cells) + " |")
    print("\nBelow 1 (audit, category: score):")
    for label, _, _, failed in rows:
        if failed:
            print(f"- {label}: {', '.join(failed)}")
    print(
        f"\nReports: {REPORTS.relative_to(ROOT)}/*.json (open with https://googlechrome.github.io/lighthouse/viewer/)"
    )


if __name__ == "__main__":
    main()
