/* Progressive enhancement only: without JavaScript the menu is always open, the search box is a link
   to /cerca/ on phones and the catalogue filters are a native <details> the visitor opens. */
(function () {
    "use strict";
    /* A button that shows and hides the region it controls (the menu, the search box on phones). */
    function disclosure(toggle, onOpen) {
        var region = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
        if (!region) {
            return;
        }
        function set(open) {
            toggle.setAttribute("aria-expanded", String(open));
            region.setAttribute("data-collapsed", String(!open));
        }
        set(false);
        toggle.addEventListener("click", function () {
            var open = toggle.getAttribute("aria-expanded") !== "true";
            set(open);
            if (open && onOpen) {
                onOpen(region);
            }
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                set(false);
                toggle.focus();
            }
        });
    }

    /* Catalogue filters: open beside the results on wide screens, behind "Filtra" on phones. */
    function openFiltersOnWideScreens() {
        var filters = document.querySelectorAll("details[data-open-wide]");
        var wide = window.matchMedia("(min-width: 60rem)");
        function sync() {
            Array.prototype.forEach.call(filters, function (details) {
                details.open = wide.matches || details.hasAttribute("data-keep-open");
            });
        }
        if (filters.length) {
            sync();
            wide.addEventListener("change", sync);
        }
    }

    function setUp() {
        disclosure(document.querySelector(".nav-toggle"));
        disclosure(document.querySelector(".search-toggle"), function (region) {
            region.querySelector("input").focus();
        });
        openFiltersOnWideScreens();
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUp);
    } else {
        setUp();
    }
})();
