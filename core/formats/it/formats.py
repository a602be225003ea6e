"""Italian date formats for what Django and Wagtail format themselves (the admin's history, schedules,
filters): `6 dicembre 2026` and `domenica 6 dicembre 2026, ore 9:30`, as core/dates.py writes them.
Django's own Italian formats pad the day ("06 Dicembre"); the month and weekday names are lower case
through core's catalogue. Input formats are not set here, so Django's Italian ones still apply."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"l j F Y, \o\r\e G:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
