/* The table block's editor, built when it is needed (core/edit_forms.py, LazyTableInputAdapter).
 *
 * Wagtail's table widget needs Handsontable (870 KB of script) and builds its grid as soon as the
 * form loads, some 200 ms of the project form's start for a table the editor may never scroll to.
 * Here the block first holds only its value, in the same hidden field Wagtail's widget uses (so
 * saving, previewing and comments read it as before) and a short placeholder; when the table comes
 * near the screen, or the placeholder is clicked or focused, the scripts are loaded once and
 * Wagtail's own widget is built in its place with the value it holds then. */
(function () {
  "use strict";
  if (!window.telepath) {
    return;
  }
  var loaded = null;

  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  /* Handsontable, then Wagtail's table.js (it registers "wagtail.widgets.TableInput"), once. */
  function loadScripts(scripts) {
    if (!loaded) {
      var link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = scripts.css;
      document.head.appendChild(link);
      loaded = addScript(scripts.handsontable).then(function () {
        return addScript(scripts.table);
      });
    }
    return loaded;
  }

  /* table.js redraws the grid and sets its height on the window's "load" event, which has passed
   * by the time a table is built here: its handler runs at once instead. */
  function buildAfterLoad(build) {
    if (document.readyState !== "complete") {
      return build();
    }
    var onLoad = [];
    var addEventListener = window.addEventListener;
    window.addEventListener = function (type, handler, options) {
      if (type === "load") {
        onLoad.push(handler);
      } else {
        addEventListener.call(window, type, handler, options);
      }
    };
    var widget;
    try {
      widget = build();
    } finally {
      window.addEventListener = addEventListener;
    }
    onLoad.forEach(function (handler) {
      handler(new Event("load"));
    });
    return widget;
  }

  class LazyTableInput {
    constructor(options, strings, scripts) {
      this.options = options;
      this.strings = strings;
      this.scripts = scripts;
    }

    render(placeholder, name, id, initialState) {
      var definition = this;
      var box = document.createElement("div");
      box.className = "admin-table-pending";
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.id = id;
      var waiting = document.createElement("button");
      waiting.type = "button";
      waiting.className = "button button-secondary admin-table-pending__open";
      waiting.textContent = "Modifica la tabella";
      box.append(input, waiting);
      placeholder.replaceWith(box);

      var built = null;
      var observer = null;
      var handle = {
        getValue: function () {
          return built ? built.getValue() : JSON.parse(input.value);
        },
        getState: function () {
          return built ? built.getState() : JSON.parse(input.value);
        },
        setState: function (state) {
          if (built) {
            built.setState(state);
          } else {
            input.value = JSON.stringify(state);
          }
        },
        focus: function () {
          build();
        },
        idForLabel: id,
      };

      function build() {
        if (observer) {
          observer.disconnect();
          observer = null;
        }
        if (built || !box.isConnected) {
          return;
        }
        loadScripts(definition.scripts).then(function () {
          if (built || !box.isConnected) {
            return;
          }
          var state = JSON.parse(input.value);
          var spot = document.createElement("div");
          box.replaceWith(spot);
          var Table = window.telepath.constructors["wagtail.widgets.TableInput"];
          built = buildAfterLoad(function () {
            return new Table(definition.options, definition.strings).render(spot, name, id, state);
          });
        });
      }

      handle.setState(initialState);
      waiting.addEventListener("click", build);
      waiting.addEventListener("focus", build);
      if ("IntersectionObserver" in window) {
        observer = new IntersectionObserver(
          function (entries) {
            if (entries.some((entry) => entry.isIntersecting)) {
              build();
            }
          },
          { rootMargin: "200px" },
        );
        observer.observe(box);
      } else {
        build();
      }
      return handle;
    }
  }

  window.telepath.register("asap.widgets.LazyTableInput", LazyTableInput);
})();
