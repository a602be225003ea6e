/* Progressive enhancement only: without JavaScript the menu is simply always open. */
(function () {
    "use strict";
    document.documentElement.classList.remove("no-js");
    document.documentElement.classList.add("js");

    function setUpMenu() {
        var toggle = document.querySelector(".nav-toggle");
        var nav = document.getElementById("menu-principale");
        if (!toggle || !nav) {
            return;
        }
        toggle.hidden = false;
        nav.setAttribute("data-collapsed", "true");
        toggle.addEventListener("click", function () {
            var open = toggle.getAttribute("aria-expanded") === "true";
            toggle.setAttribute("aria-expanded", String(!open));
            nav.setAttribute("data-collapsed", String(open));
        });
        document.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
                toggle.setAttribute("aria-expanded", "false");
                nav.setAttribute("data-collapsed", "true");
                toggle.focus();
            }
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", setUpMenu);
    } else {
        setUpMenu();
    }
})();
