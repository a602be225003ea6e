"""The Mozilla (MDN) HTTP Observatory v2 score, computed from one response as the scanner would.

A port of the header tests of github.com/mdn/mdn-http-observatory (src/analyzer/tests/*.js and the
modifiers of src/grader/charts.js): CSP, cookies, CORS, redirection, Referrer-Policy, HSTS,
Subresource Integrity, X-Content-Type-Options, X-Frame-Options and Cross-Origin-Resource-Policy.
The score starts at 100; bonuses count only when the score with the penalties alone is at least 90.
Not ported: HSTS preload-list membership (+5, needs the browsers' list) and certificate checks."""

import re
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from urllib.parse import urlsplit

MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90
SIX_MONTHS = 15_552_000
DANGEROUSLY_BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
NONCES_HASHES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")


@dataclass
class Report:
    results: dict = field(default_factory=dict)  # test name -> (expectation, modifier)

    def add(self, test, expectation, modifier):
        self.results[test] = (expectation, modifier)

    @property
    def score(self):
        penalties = 100 + sum(modifier for _, modifier in self.results.values() if modifier < 0)
        if penalties < MINIMUM_SCORE_FOR_EXTRA_CREDIT:
            return max(penalties, 0)
        return 100 + sum(modifier for _, modifier in self.results.values())

    def __str__(self):
        lines = [f"{test}: {expectation} ({modifier:+d})" for test, (expectation, modifier) in self.results.items()]
        return f"score {self.score}\n" + "\n".join(lines)


def parse_csp(header):
    """{directive: set(sources)}; raises ValueError where the Observatory calls the header invalid."""
    policy = {}
    for entry in header.replace("\r", "").replace("\n", "").split(";"):
        words = entry.strip().split()
        if not words:
            continue
        directive = words[0].lower()
        if directive in policy and directive not in ("report-uri", "report-to"):
            raise ValueError(f"duplicate directive {directive}")
        sources = {word.lower() for word in words[1:]}
        policy[directive] = sources or ({"'none'"} if directive.endswith("-src") else set())
    if not policy or len(header.strip()) < len("img-src") - 1:
        raise ValueError("empty policy")
    return policy


def csp_test(headers, https):
    header = headers.get("Content-Security-Policy")
    if not header:
        return ("csp-not-implemented", -25), None
    try:
        csp = parse_csp(header)
    except ValueError:
        return ("csp-header-invalid", -25), None
    default = csp.get("default-src")
    object_src = set(csp.get("object-src") or default or {"*"})
    script_src = set(csp.get("script-src") or default or {"*"})
    style_src = set(csp.get("style-src") or default or {"*"})
    for sources in (script_src, style_src):
        if any(s.startswith(NONCES_HASHES) for s in sources):
            sources.discard("'unsafe-inline'")
    active = [s for d, sources in csp.items() if d not in ("img-src", "media-src", "script-src") for s in sources]
    active += list(script_src)
    passive = [s for d in ("img-src", "media-src") for s in (csp.get(d) or default or set())]
    if script_src & (DANGEROUSLY_BROAD | UNSAFE_INLINE) or object_src & DANGEROUSLY_BROAD:
        result = ("csp-implemented-with-unsafe-inline", -20)
    elif https and any(s.startswith(("http:", "ftp:")) for s in active):
        result = ("csp-implemented-with-insecure-scheme", -20)
    elif "'unsafe-eval'" in script_src | style_src:
        result = ("csp-implemented-with-unsafe-eval", -10)
    elif https and any(s.startswith(("http:", "ftp:")) for s in passive):
        result = ("csp-implemented-with-insecure-scheme-in-passive-content-only", -10)
    elif style_src & (DANGEROUSLY_BROAD | UNSAFE_INLINE):
        result = ("csp-implemented-with-unsafe-inline-in-style-src-only", 0)
    elif default == {"'none'"}:
        result = ("csp-implemented-with-no-unsafe-default-src-none", 10)
    else:
        result = ("csp-implemented-with-no-unsafe", 5)
    return result, csp


def hsts_test(headers, https):
    if not https:
        return ("hsts-not-implemented-no-https", -20), False
    header = headers.get("Strict-Transport-Security")
    if not header:
        return ("hsts-not-implemented", -20), False
    match = re.search(r"(?:^|;)\s*max-age=(\d+)", header.lower())
    if "," in header or not match:
        return ("hsts-header-invalid", -20), False
    if int(match.group(1)) < SIX_MONTHS:
        return ("hsts-implemented-max-age-less-than-six-months", -10), False
    return ("hsts-implemented-max-age-at-least-six-months", 0), True


def cookies_test(set_cookie_headers, hsts):
    """Worst finding first, as the scanner's `onlyIfWorse` keeps it."""
    if not set_cookie_headers:
        return ("cookies-not-found", 0)
    findings = []
    missing_samesite = False
    for raw in set_cookie_headers:
        jar = SimpleCookie()
        jar.load(raw)
        for name, morsel in jar.items():
            samesite = (morsel["samesite"] or "").lower()
            if samesite and samesite not in ("lax", "strict", "none"):
                findings.append(("cookies-samesite-flag-invalid", -20))
            secure, httponly = bool(morsel["secure"]), bool(morsel["httponly"])
            session = any(word in name.lower() for word in ("login", "sess"))
            if not secure and samesite == "none":
                findings.append(("cookies-samesite-flag-invalid", -20))
            if not secure:
                findings.append(
                    ("cookies-without-secure-flag-but-protected-by-hsts", -5)
                    if hsts
                    else ("cookies-without-secure-flag", -20)
                )
            if "csrf" in name.lower() and not samesite:
                findings.append(("cookies-anticsrf-without-samesite-flag", -20))
            if session and not secure:
                findings.append(
                    ("cookies-session-without-secure-flag-but-protected-by-hsts", -10)
                    if hsts
                    else ("cookies-session-without-secure-flag", -40)
                )
            if session and not httponly:
                findings.append(("cookies-session-without-httponly-flag", -30))
            missing_samesite = missing_samesite or not samesite
    if findings:
        return min(findings, key=lambda finding: finding[1])
    if missing_samesite:
        return ("cookies-secure-with-httponly-sessions", 0)
    return ("cookies-secure-with-httponly-sessions-and-samesite", 5)


def cors_test(headers, cross_domain_files):
    origin = headers.get("Access-Control-Allow-Origin", "")
    if origin and headers.get("Access-Control-Allow-Credentials", "").lower() == "true" and origin != "*":
        return ("cross-origin-resource-sharing-implemented-with-universal-access", -50)
    if any(re.search(r'domain="\*"|uri="\*"', body) for body in cross_domain_files):
        return ("cross-origin-resource-sharing-implemented-with-universal-access", -50)
    if origin == "*":
        return ("cross-origin-resource-sharing-implemented-with-public-access", 0)
    return ("cross-origin-resource-sharing-not-implemented", 0)


def redirection_test(http_response, host):
    """`http_response`: the answer to the same URL over plain HTTP."""
    location = http_response.headers.get("Location", "") if http_response.status_code in (301, 302, 307, 308) else ""
    if not location:
        return ("redirection-missing", -20)
    target = urlsplit(location)
    if target.scheme != "https":
        return ("redirection-not-to-https", -20)
    if target.hostname != host:
        return ("redirection-off-host-from-http", -5)
    return ("redirection-to-https", 0)


def referrer_test(headers):
    good = ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"]
    bad = ["origin", "origin-when-cross-origin", "unsafe-url", "no-referrer-when-downgrade"]
    header = headers.get("Referrer-Policy")
    if not header:
        return ("referrer-policy-not-implemented", 0)
    valid = [value.strip().lower() for value in header.split(",") if value.strip().lower() in good + bad]
    if valid and valid[-1] in good:
        return ("referrer-policy-private", 5)
    if valid:
        return ("referrer-policy-unsafe", -5)
    return ("referrer-policy-header-invalid", -5)


def sri_test(headers, body, https, site_host):
    if "html" not in headers.get("Content-Type", "text/html").split(";")[0]:
        return ("sri-not-implemented-response-not-html", 0)
    scripts = re.findall(r"<script\b([^>]*)>", body, re.IGNORECASE)
    if not scripts:
        return ("sri-not-implemented-but-no-scripts-loaded", 0)
    results, foreign, same_origin_sri = [], False, False
    for attributes in scripts:
        src = re.search(r"""\bsrc=["']([^"']+)""", attributes)
        if not src:
            continue
        src = src.group(1)
        integrity = re.search(r"\bintegrity=", attributes) is not None
        if src.startswith("//"):
            foreign, secure = True, False
        elif re.match(r"https?://", src):
            host = urlsplit(src).hostname or ""
            same_site = host.split(".")[-2:] == site_host.split(".")[-2:]
            foreign, secure = foreign or not same_site, src.startswith("https://")
            if same_site:
                same_origin_sri = same_origin_sri or (integrity and secure)
                continue
        else:
            same_origin_sri = same_origin_sri or (integrity and https)
            continue
        if integrity and not secure:
            results.append(("sri-implemented-but-external-scripts-not-loaded-securely", -20))
        elif not integrity and secure:
            results.append(("sri-not-implemented-but-external-scripts-loaded-securely", -5))
        elif not integrity:
            results.append(("sri-not-implemented-and-external-scripts-not-loaded-securely", -50))
    if results:
        return min(results, key=lambda result: result[1])
    if foreign:
        return ("sri-implemented-and-external-scripts-loaded-securely", 5)
    if same_origin_sri:
        return ("sri-implemented-and-all-scripts-loaded-securely", 5)
    return ("sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0)


def xcto_test(headers):
    header = headers.get("X-Content-Type-Options")
    if header is None:
        return ("x-content-type-options-not-implemented", -5)
    if header.strip().lower() == "nosniff":
        return ("x-content-type-options-nosniff", 0)
    return ("x-content-type-options-header-invalid", -5)


def xfo_test(headers, csp):
    if csp and "frame-ancestors" in csp:
        return ("x-frame-options-implemented-via-csp", 5)
    header = (headers.get("X-Frame-Options") or "").strip().lower()
    if header in ("deny", "sameorigin"):
        return ("x-frame-options-sameorigin-or-deny", 0)
    if header.startswith("allow-from"):
        return ("x-frame-options-allow-from-origin", 0)
    if header:
        return ("x-frame-options-header-invalid", -20)
    return ("x-frame-options-not-implemented", -20)


def corp_test(headers):
    header = (headers.get("Cross-Origin-Resource-Policy") or "").strip().lower()
    results = {
        "": ("cross-origin-resource-policy-not-implemented", 0),
        "same-origin": ("cross-origin-resource-policy-implemented-with-same-origin", 10),
        "same-site": ("cross-origin-resource-policy-implemented-with-same-site", 10),
        "cross-origin": ("cross-origin-resource-policy-implemented-with-cross-origin", 0),
    }
    return results.get(header, ("cross-origin-resource-policy-header-invalid", -5))


def score(response, *, http_response, host, cross_domain_files=(), https=True):
    """The Observatory's report for `response` (fetched over HTTPS); `http_response` is the same URL
    fetched over plain HTTP, `cross_domain_files` the bodies of /crossdomain.xml and
    /clientaccesspolicy.xml when the site serves them."""
    headers = response.headers
    report = Report()
    csp_result, csp = csp_test(headers, https)
    report.add("content-security-policy", *csp_result)
    hsts_result, hsts = hsts_test(headers, https)
    set_cookies = [morsel.OutputString() for morsel in response.cookies.values()]
    report.add("cookies", *cookies_test(set_cookies, hsts))
    report.add("cross-origin-resource-sharing", *cors_test(headers, cross_domain_files))
    report.add("redirection", *redirection_test(http_response, host))
    report.add("referrer-policy", *referrer_test(headers))
    report.add("strict-transport-security", *hsts_result)
    body = response.content.decode("utf-8", "replace") if not getattr(response, "streaming", False) else ""
    report.add("subresource-integrity", *sri_test(headers, body, https, host))
    report.add("x-content-type-options", *xcto_test(headers))
    report.add("x-frame-options", *xfo_test(headers, csp))
    report.add("cross-origin-resource-policy", *corp_test(headers))
    return report
