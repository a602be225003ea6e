vcl 4.1;
# Varnish in front of the site. Cache lifetimes come from the app's Cache-Control (s-maxage, at most
# PAGE_CACHE_SECONDS, counted from the Age the app sends): nothing is configured here. Editors'
# changes reach it from the app servers (FRONTEND_CACHE_URL): PURGE of one URL, BAN of everything.
#
#   varnishd -a :80 -f /etc/varnish/default.vcl -s malloc,256m
#
# tests/pagecache/test_varnish.py runs this file in front of a test server (it changes the port);
# tests/scaleout/test_two_servers.py in front of two app servers (one backend each).

import directors;

# The app servers, taken in turn. To add one, copy the backend and add it in vcl_init; every app
# server then needs FRONTEND_CACHE_URL pointing here and its address in the purgers ACL below
# (README, "Deployment").
backend app1 {
    .host = "127.0.0.1";
    .port = "8000";
}

sub vcl_init {
    new app_servers = directors.round_robin();
    app_servers.add_backend(app1);
}

# Who may PURGE and BAN: the app servers. Add their addresses when they run on other machines.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    set req.backend_hint = app_servers.backend();
    # What decides the answer is the URL and the host, as visitors send them: no visitor's header may
    # move part of the path into SCRIPT_NAME (gunicorn honours a `SCRIPT_NAME` header from a proxy it
    # trusts) or name another host, prefix or address, and the public site is on the default ports.
    unset req.http.SCRIPT_NAME;
    unset req.http.PATH_INFO;
    unset req.http.REMOTE_USER;
    unset req.http.X-Forwarded-Host;
    unset req.http.X-Forwarded-Port;
    unset req.http.X-Forwarded-Prefix;
    unset req.http.X-Forwarded-Path;
    unset req.http.X-Original-URL;
    unset req.http.X-Rewrite-URL;
    unset req.http.X-Script-Name;
    set req.http.Host = regsub(req.http.Host, ":[0-9]+$", "");
    # Tracking parameters change no page (the site drops them too): one entry with or without them.
    if (req.url ~ "[?&](utm_|mc_|mtm_|pk_|piwik_|_hs|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|li_fat_id|srsltid|_ga|_gl|mkt_tok|ref_src)") {
        set req.url = regsuball(req.url, "(?<=[?&])(?:(?:utm_|mc_|mtm_|pk_|piwik_|_hs)[^=&]*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|igshid|li_fat_id|srsltid|_ga|_gl|mkt_tok|ref_src)(?:=[^&]*)?(?:&|$)", "");
        set req.url = regsub(req.url, "[?&]$", "");
    }
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        return (purge);
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("obj.status != 0");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in editors (a session) and the admin always reach the app.
    if (req.url ~ "^/(admin|django-admin)/" || req.http.Cookie ~ "(^|;\s*)sessionid=" || req.http.Authorization) {
        return (pass);
    }
    # Other cookies (the consent choice, the CSRF token) change no public page: look the page up
    # despite them. A miss still sends them to the app, and what depends on them comes back
    # `private, no-store` (forms, the consent endpoints), which Varnish never keeps.
    return (hash);
}

sub vcl_backend_response {
    # The app's bound on staleness holds here too: no serving of expired pages while refetching.
    set beresp.grace = 0s;
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
