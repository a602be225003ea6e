/* Suggestions while typing in the header's search box: the ARIA 1.2 combobox pattern (an input that
   controls a listbox popup; the active option named by aria-activedescendant, focus stays in the box).
   Progressive enhancement only: without JavaScript, or until an answer comes, the box is a plain
   search form, and Enter without a chosen suggestion still submits it. The box is the form carrying
   data-suggestions (the JSON endpoint, search/suggestions.py); this script's data-stylesheet is loaded
   the first time the box gets focus, so pages pay nothing for it until then. */
(function () {
    "use strict";
    var script = document.currentScript;
    var form = document.querySelector("form[data-suggestions]");
    var input = form && form.querySelector("input[name=q]");
    if (!input || !window.fetch || !window.JSON) {
        return;
    }
    var endpoint = form.getAttribute("data-suggestions");
    var listbox = document.createElement("ul");
    var status = document.createElement("p");
    var items = [];
    var active = -1;
    var timer = null;
    var asked = "";
    var styled = false;

    listbox.id = input.id + "-suggerimenti";
    listbox.className = "search-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.hidden = true;
    /* A polite live region without role="status": the page's own status (a results count) stays the one. */
    status.className = "visually-hidden search-suggestions__status";
    status.setAttribute("aria-live", "polite");
    form.classList.add("has-suggestions");
    form.appendChild(listbox);
    form.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("autocomplete", "off");

    function loadStyles() {
        var href = script && script.getAttribute("data-stylesheet");
        if (styled || !href) {
            return;
        }
        styled = true;
        var link = document.createElement("link");
        link.rel = "stylesheet";
        link.href = href;
        document.head.appendChild(link);
    }

    function setActive(index) {
        var options = listbox.children;
        for (var i = 0; i < options.length; i++) {
            options[i].setAttribute("aria-selected", String(i === index));
        }
        active = index;
        if (index >= 0 && options[index]) {
            input.setAttribute("aria-activedescendant", options[index].id);
            if (options[index].scrollIntoView) {
                options[index].scrollIntoView({ block: "nearest" });
            }
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function close() {
        listbox.hidden = true;
        input.setAttribute("aria-expanded", "false");
        setActive(-1);
    }

    function open() {
        if (items.length) {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        }
    }

    function go(index) {
        window.location.assign(items[index].url);
    }

    function option(item, index) {
        var li = document.createElement("li");
        var title = document.createElement("span");
        var kind = document.createElement("span");
        li.id = listbox.id + "-" + index;
        li.className = "search-suggestions__option";
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        title.className = "search-suggestions__title";
        title.textContent = item.title;
        kind.className = "search-suggestions__type";
        kind.textContent = item.type;
        li.appendChild(title);
        li.appendChild(kind);
        li.addEventListener("mousedown", function (event) {
            event.preventDefault(); /* the box keeps the focus */
        });
        li.addEventListener("click", function () {
            go(index);
        });
        return li;
    }

    function show(answer) {
        items = answer.results || [];
        listbox.textContent = "";
        listbox.setAttribute("aria-label", answer.label);
        items.forEach(function (item, index) {
            listbox.appendChild(option(item, index));
        });
        status.textContent = answer.status;
        setActive(-1);
        if (items.length) {
            open();
        } else {
            close();
        }
    }

    function ask() {
        var text = input.value.trim();
        if (text.length < 2) {
            asked = "";
            items = [];
            status.textContent = "";
            close();
            return;
        }
        if (text === asked) {
            open();
            return;
        }
        asked = text;
        fetch(endpoint + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
            .then(function (response) {
                return response.ok ? response.json() : null;
            })
            .then(function (answer) {
                if (answer && input.value.trim() === text && document.activeElement === input) {
                    show(answer);
                }
            })
            .catch(function () {
                asked = ""; /* offline or an error: the form still works */
            });
    }

    input.addEventListener("focus", loadStyles);
    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(ask, 150);
    });
    input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            if (!items.length) {
                return;
            }
            event.preventDefault();
            open();
            if (event.key === "ArrowDown") {
                setActive(active + 1 >= items.length ? 0 : active + 1);
            } else {
                setActive(active <= 0 ? items.length - 1 : active - 1);
            }
        } else if (event.key === "Enter" && !listbox.hidden && active >= 0) {
            event.preventDefault();
            go(active);
        } else if (event.key === "Escape" && !listbox.hidden) {
            event.preventDefault();
            event.stopPropagation(); /* the phone's search panel stays open */
            close();
        }
    });
    input.addEventListener("blur", close);
})();
