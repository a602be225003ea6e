"""English formats for what Django formats itself on English pages, British style as core/dates.py
writes dates: `6 December 2026` (Django's own English formats are American: "Dec. 6, 2026"). Numbers
keep Django's English separators (1,250,000.50)."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, P"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
