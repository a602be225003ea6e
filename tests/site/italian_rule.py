"""The Italian elision rule written out apart from core/dates.py, for tests to check the site against:
a day whose number is read aloud with a vowel ("uno", "otto", "undici") takes the elided article."""

MONTHS = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split()  # noqa: SIM905
SPOKEN_DAYS = [
    "uno",
    "due",
    "tre",
    "quattro",
    "cinque",
    "sei",
    "sette",
    "otto",
    "nove",
    "dieci",
    "undici",
    "dodici",
    "tredici",
    "quattordici",
    "quindici",
    "sedici",
    "diciassette",
    "diciotto",
    "diciannove",
    "venti",
    "ventuno",
    "ventidue",
    "ventitré",
    "ventiquattro",
    "venticinque",
    "ventisei",
    "ventisette",
    "ventotto",
    "ventinove",
    "trenta",
    "trentuno",
]


def with_article(day, plain, elided):
    """`with_article(date(2028, 3, 8), "dal", "dall'")` -> "dall'8 marzo 2028"."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{elided}{text}" if SPOKEN_DAYS[day.day - 1][0] in "aeiou" else f"{plain} {text}"
