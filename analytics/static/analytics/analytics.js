/* Statistics, only after consent: the first-party beacon and, when configured, Matomo, Plausible or
 * GA4. The configuration is the #analytics-config element (analytics_tags); what the visitor accepted
 * comes from consent.js: the "consent:change" event on document, and the html element's data-consent
 * attribute for a decision read before this script ran. */
(function () {
  "use strict";

  var config = document.getElementById("analytics-config");
  if (!config || !window.fetch) return;
  var cfg = config.dataset;
  var started = { external: false, beacon: false };
  var running = false;

  function addScript(src, attributes) {
    var script = document.createElement("script");
    script.async = true;
    script.src = src;
    Object.keys(attributes || {}).forEach(function (key) { script.setAttribute(key, attributes[key]); });
    document.head.appendChild(script);
  }
  function startExternal() {
    if (started.external) return;
    started.external = true;
    var provider = cfg.analyticsProvider;
    if (provider === "matomo" && cfg.matomoUrl) {
      var base = cfg.matomoUrl.replace(/\/?$/, "/");
      var paq = (window._paq = window._paq || []);
      paq.push(["setTrackerUrl", base + "matomo.php"]);
      paq.push(["setSiteId", cfg.matomoSite]);
      paq.push(["trackPageView"]);
      addScript(base + "matomo.js");
    } else if (provider === "plausible" && cfg.plausibleHost) {
      addScript(cfg.plausibleHost.replace(/\/$/, "") + "/js/script.js", { "data-domain": cfg.plausibleDomain });
    } else if (provider === "ga4" && cfg.ga4Id) {
      window.dataLayer = window.dataLayer || [];
      window.gtag = function () { window.dataLayer.push(arguments); };
      window.gtag("js", new Date());
      window.gtag("config", cfg.ga4Id);
      addScript("https://www.googletagmanager.com/gtag/js?id=" + encodeURIComponent(cfg.ga4Id));
    }
  }
  function deviceClass() {
    var width = window.innerWidth || document.documentElement.clientWidth;
    return width < 768 ? "mobile" : width < 1024 ? "tablet" : "desktop";
  }
  function sendBeacon() {
    if (started.beacon || !cfg.pageId || !cfg.beaconUrl) return;
    started.beacon = true;
    var body = JSON.stringify({ page: Number(cfg.pageId), referrer: document.referrer, device: deviceClass() });
    var blob = new Blob([body], { type: "text/plain" });
    if (!(navigator.sendBeacon && navigator.sendBeacon(cfg.beaconUrl, blob))) {
      window.fetch(cfg.beaconUrl, { method: "POST", body: body, credentials: "same-origin", keepalive: true });
    }
  }
  function start() {
    if (running) return;
    running = true;
    if (cfg.ga4Id) window["ga-disable-" + cfg.ga4Id] = false;
    startExternal();
    sendBeacon();
  }
  function stop() {
    if (!running) return;
    running = false;
    if (window._paq && window._paq.push) window._paq.push(["disableCookies"]);
    if (cfg.ga4Id) window["ga-disable-" + cfg.ga4Id] = true;
    window.dispatchEvent(new CustomEvent("consent:analytics-stopped"));
  }
  function follow(accepted) {
    if (accepted.indexOf(cfg.analyticsGroup) !== -1) start(); else stop();
  }

  document.addEventListener("consent:change", function (event) { follow(event.detail.accepted); });
  var decided = document.documentElement.getAttribute("data-consent");
  if (decided) follow(decided === "none" ? [] : decided.split(" "));
})();
