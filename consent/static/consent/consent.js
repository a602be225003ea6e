/* Cookie banner and click-to-load embeds.
 * The page HTML is the same for everyone: this script asks the uncached status endpoint what this
 * visitor decided, shows the banner if needed and switches on only what was accepted. Nothing here
 * treats scrolling, clicks elsewhere or key presses as consent: only the banner's buttons decide.
 * Other scripts (analytics.js) follow the decision: after every change the accepted groups are in
 * the html element's data-consent attribute and in a "consent:change" event on document. */
(function () {
  "use strict";

  var banner = document.getElementById("consent-banner");
  var opener = null;
  var status = null;

  /* --- third-party embeds: click to load, or load when their group is accepted --- */
  function loadEmbed(figure) {
    if (!figure || figure.getAttribute("data-embed-loaded")) return;
    var frame = figure.querySelector("[data-embed-frame]");
    var html = figure.getAttribute("data-embed-html");
    if (!frame || !html) return;
    frame.innerHTML = html;
    frame.hidden = false;
    figure.setAttribute("data-embed-loaded", "1");
    var placeholder = figure.querySelector(".block-embed__placeholder");
    if (placeholder) placeholder.hidden = true;
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-consent-embed-load]");
    if (button) loadEmbed(button.closest("[data-embed-html]"));
  });

  if (!banner || !window.fetch) return;
  var cfg = banner.dataset;
  var groupCookies = {};
  try { groupCookies = JSON.parse(cfg.groupCookies || "{}"); } catch (e) { groupCookies = {}; }
  var choices = document.getElementById("consent-choices");
  var toggle = banner.querySelector("[data-consent-toggle]");
  var live = banner.querySelector(".consent-banner__status");

  function fetchStatus() {
    return window.fetch(cfg.statusUrl, {
      credentials: "same-origin",
      cache: "no-store",
      headers: { Accept: "application/json" }
    }).then(function (response) { return response.json(); })
      .then(function (data) { status = data; return data; });
  }

  /* --- cookies of refused groups: delete them for this host and its parent domains --- */
  function matches(name, pattern) {
    return pattern.slice(-1) === "*" ? name.indexOf(pattern.slice(0, -1)) === 0 : name === pattern;
  }
  function deleteCookies(patterns) {
    var names = document.cookie.split(";").map(function (part) { return part.split("=")[0].trim(); });
    var host = window.location.hostname.split(".");
    var domains = [""];
    for (var i = 0; i < host.length - 1; i++) domains.push("; domain=." + host.slice(i).join("."));
    names.forEach(function (name) {
      if (!name || !patterns.some(function (pattern) { return matches(name, pattern); })) return;
      domains.forEach(function (domain) {
        document.cookie = name + "=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/" + domain;
      });
    });
  }

  function apply(accepted) {
    Object.keys(groupCookies).forEach(function (group) {
      if (accepted.indexOf(group) === -1) deleteCookies(groupCookies[group]);
    });
    if (cfg.embedGroup && accepted.indexOf(cfg.embedGroup) !== -1) {
      Array.prototype.forEach.call(document.querySelectorAll("[data-embed-html]"), loadEmbed);
    }
    document.documentElement.setAttribute("data-consent", accepted.join(" ") || "none");
    document.dispatchEvent(new CustomEvent("consent:change", { detail: { accepted: accepted.slice() } }));
  }

  /* --- the page keeps the space the banner takes (see consent.css), so nothing sits under it --- */
  var root = document.documentElement;
  function makeRoom() {
    var height = banner.hidden ? 0 : banner.offsetHeight;
    if (height) {
      root.style.setProperty("--consent-banner-height", height + "px");
      root.setAttribute("data-consent-banner", "");
    } else {
      root.style.removeProperty("--consent-banner-height");
      root.removeAttribute("data-consent-banner");
    }
  }
  if (window.ResizeObserver) new ResizeObserver(makeRoom).observe(banner);
  else window.addEventListener("resize", makeRoom);
  /* Browsers without scroll-padding for focus: scroll what got focus above the banner. */
  document.addEventListener("focusin", function (event) {
    if (banner.hidden || banner.contains(event.target)) return;
    var overlap = event.target.getBoundingClientRect().bottom - banner.getBoundingClientRect().top;
    if (overlap > 0) window.scrollBy(0, overlap + 16);
  });

  /* --- the banner --- */
  function setChoicesOpen(open) {
    choices.hidden = !open;
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    if (open) {
      var first = choices.querySelector("input:not([disabled])");
      if (first) first.focus();
    }
  }
  function syncChoices() {
    var accepted = (status && status.acceptedCookieGroups) || [];
    Array.prototype.forEach.call(choices.querySelectorAll("input[name=cookie_groups]"), function (box) {
      box.checked = accepted.indexOf(box.value) !== -1;
    });
  }
  function show(withChoices) {
    syncChoices();
    banner.hidden = false;
    setChoicesOpen(!!withChoices);
    makeRoom();
    if (opener) banner.focus();
  }
  function hide() {
    banner.hidden = true;
    makeRoom();
    if (opener) { opener.focus(); opener = null; }
  }
  function decide(action, groups) {
    live.textContent = "";
    return fetchStatus().then(function (current) {
      var body = new FormData();
      body.append("action", action);
      groups.forEach(function (group) { body.append("cookie_groups", group); });
      return window.fetch(current.decisionUrl, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": current.csrftoken, Accept: "application/json" }
      });
    }).then(function (response) {
      if (!response.ok) throw new Error("decision " + response.status);
      return response.json();
    }).then(function (result) {
      status.acceptedCookieGroups = result.accepted;
      status.ask = false;
      apply(result.accepted);
      hide();
    }).catch(function () {
      // The page's language (<html lang>) picks the message: the script is the same file for both.
      live.textContent = document.documentElement.lang === "en"
        ? "Your choice could not be saved. Please try again."
        : "Non è stato possibile salvare la scelta. Riprova.";
    });
  }

  banner.addEventListener("click", function (event) {
    var button = event.target.closest("[data-consent-action]");
    if (button) {
      event.preventDefault();
      decide(button.getAttribute("data-consent-action"), []);
    } else if (event.target.closest("[data-consent-toggle]")) {
      setChoicesOpen(choices.hidden);
    }
  });
  choices.addEventListener("submit", function (event) {
    event.preventDefault();
    var ticked = Array.prototype.filter.call(choices.querySelectorAll("input[name=cookie_groups]"), function (box) {
      return box.checked;
    }).map(function (box) { return box.value; });
    decide("custom", ticked);
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-consent-open]");
    if (!link) return;
    event.preventDefault();
    opener = link;
    fetchStatus().then(function () { show(true); });
  });

  fetchStatus().then(function (data) {
    apply(data.acceptedCookieGroups || []);
    if (data.ask) show(false);
  });
})();
