/* A StreamField's heavy editors, built when they are needed (core/edit_forms.py, the Lazy*Adapters).
 *
 * Wagtail builds every block's editor as soon as the form loads: a table's Handsontable (870 KB of
 * script, some 200 ms) and a Draftail editor per paragraph (30-60 ms each), most of them below the
 * screen. Here a block first holds only its value, in the same hidden field Wagtail's widget uses
 * (so saving, previewing and autosave read it as before), with a placeholder (a paragraph shows its
 * text); when it comes near the screen, or is clicked or focused, Wagtail's own widget is built in
 * its place with the value it holds then (the table's scripts are loaded once, the first time). */
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

  /* Calls build() once, when the box comes within a screen of the viewport or is clicked/focused. */
  function whenNeeded(box, build) {
    var done = false;
    var observer = null;
    function once() {
      if (observer) {
        observer.disconnect();
        observer = null;
      }
      if (!done && box.isConnected) {
        done = true;
        build();
      }
    }
    box.addEventListener("click", once);
    box.addEventListener("focusin", once);
    if ("IntersectionObserver" in window) {
      observer = new IntersectionObserver(
        function (entries) {
          if (entries.some((entry) => entry.isIntersecting)) {
            once();
          }
        },
        { rootMargin: "50% 0px" },
      );
      observer.observe(box);
    } else {
      once();
    }
    return once;
  }

  function hiddenInput(name, id, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.id = id;
    input.value = value;
    return input;
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
      box.className = "admin-lazy-widget";
      var input = hiddenInput(name, id, JSON.stringify(initialState));
      var open = document.createElement("button");
      open.type = "button";
      open.className = "button button-secondary";
      open.textContent = "Modifica la tabella";
      box.append(input, open);
      placeholder.replaceWith(box);

      var built = null;
      var build = whenNeeded(box, function () {
        loadScripts(definition.scripts).then(function () {
          var spot = document.createElement("div");
          box.replaceWith(spot);
          var Table = window.telepath.constructors["wagtail.widgets.TableInput"];
          built = buildAfterLoad(function () {
            return new Table(definition.options, definition.strings).render(spot, name, id, JSON.parse(input.value));
          });
        });
      });
      return {
        idForLabel: id,
        getValue: () => (built ? built.getValue() : JSON.parse(input.value)),
        getState: () => (built ? built.getState() : JSON.parse(input.value)),
        setState(state) {
          if (built) {
            built.setState(state);
          } else {
            input.value = JSON.stringify(state);
          }
        },
        focus: build,
      };
    }
  }

  /* The text of a paragraph's blocks (Draftail's content state, as JSON), for its placeholder. */
  function paragraphs(value) {
    var state = null;
    try {
      state = JSON.parse(value);
    } catch (error) {
      state = null;
    }
    return ((state && state.blocks) || []).map((block) => block.text);
  }

  /* Pages with comments build every editor at once: a comment is placed on the text it marks. */
  function hasComments() {
    var data = document.getElementById("comments-data");
    try {
      return Boolean(data && JSON.parse(data.textContent).comments.length);
    } catch (error) {
      return true;
    }
  }

  class LazyRichText {
    constructor(options) {
      this.options = options;
    }

    /* A rich text field drawn by its template (outside a StreamField) is Wagtail's own. */
    getByName(name, container) {
      var Draftail = window.telepath.constructors["wagtail.widgets.DraftailRichTextArea"];
      return new Draftail(this.options).getByName(name, container);
    }

    render(placeholder, name, id, initialState, parentCapabilities, options) {
      var Draftail = window.telepath.constructors["wagtail.widgets.DraftailRichTextArea"];
      var definition = new Draftail(this.options);
      if (typeof initialState !== "string" || hasComments()) {
        return definition.render(placeholder, name, id, initialState, parentCapabilities, options);
      }
      var box = document.createElement("div");
      box.className = "admin-lazy-widget admin-lazy-widget--text";
      box.tabIndex = 0;
      box.setAttribute("role", "textbox");
      box.setAttribute("aria-label", "Testo (si apre per la modifica)");
      var input = hiddenInput(name, id, initialState);
      var text = document.createElement("div");
      text.className = "admin-lazy-widget__text";
      paragraphs(initialState).forEach(function (line) {
        var paragraph = document.createElement("p");
        paragraph.textContent = line;
        text.appendChild(paragraph);
      });
      box.append(input, text);
      placeholder.appendChild(box);

      var built = null;
      var focusWhenBuilt = false;
      var invalid = false;
      var build = whenNeeded(box, function () {
        var value = input.value;
        box.remove();
        built = definition.render(placeholder, name, id, value, parentCapabilities, options);
        built.setInvalid(invalid);
        if (focusWhenBuilt) {
          built.focus();
        }
      });
      box.addEventListener("click", () => built && built.focus());
      box.addEventListener("focusin", () => built && built.focus());
      var widget = {
        idForLabel: id,
        getValue: () => (built ? built.getValue() : input.value),
        getState: () => (built ? built.getState() : input.value),
        setState(state) {
          if (!built && typeof state === "string") {
            input.value = state;
            return;
          }
          build();
          built.setState(state);
        },
        setInvalid(value) {
          invalid = value;
          if (built) {
            built.setInvalid(value);
          }
        },
        getTextLabel(opts) {
          if (built) {
            return built.getTextLabel(opts);
          }
          var label = paragraphs(input.value).filter(Boolean).join(" ");
          var maxLength = opts && opts.maxLength;
          return maxLength && label.length > maxLength ? label.substring(0, maxLength - 1) + "…" : label;
        },
        focus() {
          focusWhenBuilt = true;
          build();
          if (built) {
            built.focus();
          }
        },
        setCapabilityOptions(capability, capabilityOptions) {
          if (built) {
            built.setCapabilityOptions(capability, capabilityOptions);
          }
        },
      };
      return widget;
    }
  }

  window.telepath.register("asap.widgets.LazyTableInput", LazyTableInput);
  window.telepath.register("asap.widgets.LazyRichText", LazyRichText);
})();
