/* Admin dates stay as the editor typed them (docs/admin-dates.md).
 *
 * Wagtail attaches the jQuery datetimepicker (xdsoft) to every date field. As shipped it opens on
 * focus over the fields below, reads every half-typed value as a date ("15/0" is January 1900), and
 * on blur rewrites what it cannot read (today's date, 31/02 -> 03/03). Here, before any field is set
 * up, its defaults change so that it never opens by itself and never writes the field except when a
 * day is clicked; it opens from a "Calendario" button, sits in the page flow under the field (CSS:
 * admin-dates.css), closes on blur, Tab and Esc (Esc goes no further, so the schedule dialog keeps
 * the typed date). The server checks what was typed (core/admin_inputs.py). */
(function () {
  "use strict";
  var $ = window.jQuery;
  if (!$ || !$.fn.datetimepicker) {
    return;
  }

  // Italian months are written in lower case (the calendar's heading reads "marzo 2026").
  var strings = window.wagtailConfig && window.wagtailConfig.STRINGS;
  if (strings && strings.MONTHS) {
    strings.MONTHS = strings.MONTHS.map(function (month) {
      return month.toLowerCase();
    });
  }

  $.extend($.fn.datetimepicker.defaults, {
    openOnFocus: false,
    validateOnBlur: false,
    mask: false,
    allowBlank: true,
    insideParent: true,
    closeOnDateSelect: true,
    closeOnWithoutClick: true,
    enterLikeTab: false,
    scrollInput: false,
    scrollMonth: false,
    scrollTime: false,
    defaultTime: "09:00",
  });

  var DAY_FIRST = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?\s*$/;
  var ISO = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2}))?\s*$/;

  /* The date the editor typed, or null when it is not a whole, existing date. */
  function typedDate(text) {
    var parts = DAY_FIRST.exec(text);
    var day, month, year;
    if (parts) {
      day = +parts[1];
      month = +parts[2];
      year = +parts[3];
    } else {
      parts = ISO.exec(text);
      if (!parts) {
        return null;
      }
      year = +parts[1];
      month = +parts[2];
      day = +parts[3];
    }
    var hours = parts[4] ? +parts[4] : 9;
    var minutes = parts[5] ? +parts[5] : 0;
    var date = new Date(year, month - 1, day, hours, minutes);
    var exists = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
    return exists && hours < 24 && minutes < 60 ? date : null;
  }

  function pickerOf(input) {
    return $(input).data("xdsoft_datetimepicker");
  }

  function closePicker(input) {
    var picker = pickerOf(input);
    if (picker && picker.is(":visible")) {
      picker.trigger("close.xdsoft");
      return true;
    }
    return false;
  }

  function openPicker(input) {
    buildCalendar(input);
    var picker = pickerOf(input);
    if (!picker) {
      return;
    }
    // Start from the typed date if it is one, else from this month; the field is not touched.
    picker.data("xdsoft_datetime").setCurrentTime(typedDate(input.value), true);
    input.focus();
    picker.trigger("open.xdsoft");
  }

  function addCalendarButton(input) {
    if (input.dataset.calendarButton) {
      return;
    }
    input.dataset.calendarButton = "true";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-small button-secondary admin-date-calendar";
    button.textContent = "Calendario";
    button.setAttribute("aria-label", "Scegli dal calendario");
    // Keep the focus in the field and the click away from the "close when clicking elsewhere" rule.
    button.addEventListener("mousedown", function (event) {
      event.preventDefault();
      event.stopPropagation();
    });
    button.addEventListener("click", function () {
      if (!closePicker(input)) {
        openPicker(input);
      }
    });
    input.insertAdjacentElement("afterend", button);
  }

  /* Wagtail's onGenerate (window.hideCurrent) reads the field with `new Date()`, which cannot read
     15/03/2026, so the typed day was never shown as chosen. */
  function highlightTypedDay(current, input) {
    var typed = typedDate(input.val());
    var same =
      typed &&
      current &&
      typed.getFullYear() === current.getFullYear() &&
      typed.getMonth() === current.getMonth() &&
      typed.getDate() === current.getDate();
    if (!same) {
      $(this).find(".xdsoft_datepicker .xdsoft_current:not(.xdsoft_today)").removeClass("xdsoft_current");
    }
  }

  var setUp = $.fn.datetimepicker;
  var WAITING = "adminDatesOptions";

  /* A field's calendar is built when the editor first opens it: it does nothing before (it opens
     only from the button), and building the calendars of every date field at once slowed the
     edit form (docs/performance.md). */
  function buildCalendar(input) {
    var args = $(input).data(WAITING);
    if (args) {
      $(input).removeData(WAITING);
      setUp.apply($(input), args);
    }
  }

  $.fn.datetimepicker = function (options) {
    if (options !== undefined && !$.isPlainObject(options)) {
      this.each(function () {
        buildCalendar(this); // a method call ("show", "destroy"...) needs the calendar
      });
      return setUp.apply(this, arguments);
    }
    var args = Array.prototype.slice.call(arguments);
    if (options && options.onGenerate && options.onGenerate === window.hideCurrent) {
      args[0] = $.extend({}, options, { onGenerate: highlightTypedDay });
    }
    return this.each(function () {
      if (this.tagName === "INPUT") {
        $(this).data(WAITING, args);
        addCalendarButton(this);
      } else {
        setUp.apply($(this), args);
      }
    });
  };
  $.extend($.fn.datetimepicker, setUp);

  // Esc in a date field closes its calendar and nothing else: the schedule dialog would close and
  // reset the typed date.
  document.addEventListener(
    "keydown",
    function (event) {
      var input = event.target;
      if (event.key === "Escape" && input.dataset && input.dataset.calendarButton) {
        closePicker(input);
        event.preventDefault();
        event.stopPropagation();
      } else if (event.key === "Tab" && input.dataset && input.dataset.calendarButton) {
        closePicker(input);
      }
    },
    true,
  );
})();
