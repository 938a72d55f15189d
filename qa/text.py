"""Surface text facts the verifier compares: numbers with their units and qualifiers, dates, abbreviations.

Plain English only (no spaCy): "110km", "110 km" and "110 kilometres" are one quantity; "two" is 2 and
"second" the ordinal 2; "U.S", "U.S." and "US" abbreviate "United States" by their initials; "Brig." abbreviates
"Brigadier". Hand-written because no maintained offline library normalises these news-writing forms together.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, field

from text_to_num import text2num

# Stop words, once for the project. FUNCTION_WORDS: what retrieval's content words leave out; STOPWORDS adds the
# reporting words and quantifiers the support check also ignores when it compares content words.
FUNCTION_WORDS = frozenset("""a an the and or but of to in on at for from by with as is are was were be been being it
its this that these those who whom whose what which when where why how did do does done has have had not no yes than
then there their they them he she his her him i you we our your said says say about into over under after before
during up down out off again also any all some can could would should will shall may might must just only""".split())
STOPWORDS = FUNCTION_WORDS | frozenset("""according reported reports told stated added so such very more most other
another own same both each few while because if until""".split())

# Typographic forms the parser and the comparisons should see in one spelling.
# Dashes stay: the parser reads "men – backed by leaders – advance" as a parenthesis, "-" as a hyphen; a
# spaced hyphen ("Samarra - a city") is a dash.
_TRANSLATE = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "–", "…": "...", "\u00a0": " "})
# An acronym glued to the next word by a missing space: "CNNreported" -> "CNN reported".
_GLUED_ACRONYM = re.compile(r"\b([A-Z]{2,})([a-z]{3,})\b")
# A number glued to its unit: "110km" -> "110 km", "5,000ft" -> "5,000 ft".
_GLUED_UNIT = re.compile(r"\b(\d[\d,.]*)([A-Za-z]{1,3})\b")
# Money written with a scale letter: "$3bn", "€45m", "£4.7 m" (after a currency sign "m" is million, not metre).
_MONEY_SCALE = re.compile(r"([$€£¥])\s?(\d[\d,.]*)\s?(bn|mn|m|k|tn)\b", re.I)
_ORDINAL_WORDS = {1: "first", 2: "second", 3: "third", 4: "fourth"}
_HYPHEN_MONEY = re.compile(r"\b(\d[\d,.]*)-(million|billion|trillion)-(euro|dollar|pound|yen)s?\b", re.I)
_SIGNS = {"euro": "€", "dollar": "$", "pound": "£", "yen": "¥", "rupee": "₹"}
_SIGN_UNITS = {sign: unit for unit, sign in _SIGNS.items()}
_SIGN_BEFORE = re.compile(r"(?:A|C|NZ|HK|US)?([$£€¥₹])\s*$")
_RACES = frozenset("hurdles sprints races heats finals relays laps dashes swims runs events".split())
_COUNT_MILLIONS = re.compile(r"\b(\d[\d,.]*)m\s+(people|[a-z]{2,}s)\b")
_BARE_K = re.compile(r"(?<![\w.,$€£¥₹])(\d+(?:\.\d+)?)[kK]\b(\s+(?:runs?|races?|walks?|swims?|fun\s+runs?)\b)?")
def _a_race(m: re.Match) -> bool:
    """"a 10k race", "ran a 5K.": a distance in kilometres, not a count in thousands."""
    return bool(m.group(2)) or (bool(re.search(r"\ban?\s+$", m.string[:m.start()], re.I)) and
                                bool(re.match(r"\s*(?:[.,;:)]|$)", m.string[m.end():])))


_ISO_DATE = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_BARE_SCALE = re.compile(r"\b(\d[\d,.]*)\s?(bn|tn)\b", re.I)
# What a currency sign says in words: "A$27m" is "27 million Australian dollars" (generic English).
CURRENCY_WORDS = {"$": ("dollar",), "£": ("pound", "sterling"), "€": ("euro",), "¥": ("yen",),
                  "A$": ("australian", "dollar"), "C$": ("canadian", "dollar"), "NZ$": ("zealand", "dollar"),
                  "HK$": ("hong", "kong", "dollar"), "US$": ("american", "dollar", "us")}
_CURRENCY_SIGN = re.compile(r"(?<![A-Za-z])(A|C|NZ|HK|US)?([$£€¥])")


def currency_words(text: str) -> set[str]:
    """The words the currency signs in `text` stand for."""
    out: set[str] = set()
    for m in _CURRENCY_SIGN.finditer(text):
        out |= set(CURRENCY_WORDS.get((m.group(1) or "") + m.group(2), ())) | set(CURRENCY_WORDS[m.group(2)])
    return out


_SCALE_WORDS = {"bn": "billion", "mn": "million", "m": "million", "k": "thousand", "tn": "trillion"}
# "a decade", "a fortnight": one of a time unit written without a number.
# ("an extra fortnight", "a further decade": one more of it)
_ONE_UNIT = re.compile(r"\b(?:a|an|one)\s+(?:(?:extra|additional|further|whole)\s+)?(decade|fortnight|century)\b", re.I)
# "over the next decade", "in the past fortnight": one such unit after a word that places it in time
_PLACED_UNIT = re.compile(r"\b(next|last|past|coming|previous|following|final|first|opening|closing)\s+"
                          r"(decade|fortnight|century)\b", re.I)

UNITS = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mi": "mile", "mile": "mile", "miles": "mile", "m": "metre", "metre": "metre", "metres": "metre",
    "meter": "metre", "meters": "metre", "ft": "foot", "foot": "foot", "feet": "foot", "kg": "kg",
    "kilogram": "kg", "kilograms": "kg", "lb": "lb", "lbs": "lb", "pounds": "pound", "t": "tonne",
    "inch": "inch", "inches": "inch", "stone": "stone",
    "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne", "percent": "percent",
    "per cent": "percent", "%": "percent", "pct": "percent", "percentage": "percent", "year": "year",
    "years": "year", "month": "month",
    "months": "month", "week": "week", "weeks": "week", "day": "day", "days": "day", "hour": "hour",
    "hours": "hour", "minute": "minute", "minutes": "minute", "second": "second", "seconds": "second",
    "battalion": "battalion", "battalions": "battalion",
    # ("600 soldiers" are "600 troops": one unit for both)
    "troops": "troop", "troop": "troop", "soldiers": "troop", "soldier": "troop", "people": "person",
    "persons": "person", "dollars": "dollar", "dollar": "dollar", "$": "dollar", "decade": "decade",
    "rupee": "rupee", "rupees": "rupee", "rs": "rupee",
    "decades": "decade", "fortnight": "fortnight", "fortnights": "fortnight", "century": "century",
    "centuries": "century", "cm": "cm", "centimetre": "cm", "centimetres": "cm", "centimeter": "cm",
    "centimeters": "cm", "mm": "mm", "millimetre": "mm", "millimetres": "mm", "millimeter": "mm", "millimeters": "mm",
    "mph": "mph", "kph": "kph", "celsius": "celsius", "fahrenheit": "fahrenheit", "sqkm": "sqkm", "sqm": "sqm",
    "litre": "litre", "litres": "litre", "liter": "litre", "liters": "litre", "cubicmetre": "cubicmetre",
    "sqmile": "sqmile", "hectare": "hectare", "hectares": "hectare", "ha": "hectare", "acre": "acre",
    "acres": "acre", "euro": "euro", "euros": "euro", "yen": "yen",
    "mw": "mw", "megawatt": "mw", "megawatts": "mw", "gw": "gw", "gigawatt": "gw", "gigawatts": "gw", "kw": "kw",
    "kilowatt": "kw", "kilowatts": "kw",
    # data, data rates and energy: broadband, storage and power bills are restated in other prefixes
    "kbps": "kbps", "mbps": "mbps", "gbps": "gbps", "megabyte": "mb", "megabytes": "mb", "gigabyte": "gb",
    "gigabytes": "gb", "gb": "gb", "terabyte": "tb", "terabytes": "tb", "tb": "tb", "kwh": "kwh", "mwh": "mwh",
    "gwh": "gwh", "twh": "twh", "gram": "gram", "grams": "gram", "g": "gram", "milligram": "mg", "milligrams": "mg",
    "mg": "mg",
    "microgram": "mcg", "micrograms": "mcg", "mcg": "mcg", "µg": "mcg", "μg": "mcg",
}
# Units written as more than one word or with a sign: "miles per hour", "km/h", "41C", "41 degrees Celsius".
_COMPOUND_UNITS = [
    (re.compile(r"\b(?:miles\s+(?:per|an)\s+hour|mph)\b", re.I), " mph"),
    (re.compile(r"(?:\b(?:kilomet(?:re|er)s\s+(?:per|an)\s+hour|kph)\b|(?<=\d)\s*km/h\b|\bkm/h\b)", re.I), " kph"),
    (re.compile(r"(?<=\d)\s*(?:°\s*C|degrees?\s+(?:Celsius|centigrade))\b|(?<=\d)C\b"), " celsius"),
    (re.compile(r"(?<=\d)\s*(?:°\s*F|degrees?\s+Fahrenheit)\b|(?<=\d)F\b"), " fahrenheit"),
    (re.compile(r"(?<=\d)\s*[µμ]g\b"), " mcg"),
    # (written against the figure too: "1,500m²", "40km²")
    (re.compile(r"(?:\b|(?<=\d))(?:square\s+kilomet(?:re|er)s?|sq\.?\s*km|km2|km²)(?![\w²])", re.I), " sqkm"),
    (re.compile(r"\b(?:square\s+miles?|sq\.?\s*mi(?:les?)?)\b", re.I), " sqmile"),
    (re.compile(r"\b(?:square\s+met(?:re|er)s?|sq\.?\s*m\b)(?![\w²])|(?<=\d)\s*m²(?![\w²])", re.I), " sqm"),
    (re.compile(r"\b(?:cubic\s+met(?:re|er)s?|m3|m³)(?![\w³])", re.I), " cubicmetre"),
    (re.compile(r"(?<![A-Za-z])(?:kilobits?\s+(?:per|a)\s+second|kbps|kbit/s|kb/s)(?!\w)", re.I), " kbps"),
    (re.compile(r"(?<![A-Za-z])(?:megabits?\s+(?:per|a)\s+second|mbps|mbit/s|mb/s)(?!\w)", re.I), " mbps"),
    (re.compile(r"(?<![A-Za-z])(?:gigabits?\s+(?:per|a)\s+second|gbps|gbit/s|gb/s)(?!\w)", re.I), " gbps"),
    (re.compile(r"\b(?:kilowatt|kW)[\s-]?hours?\b|(?<![A-Za-z])kWh\b", re.I), " kwh"),
    (re.compile(r"\b(?:megawatt|MW)[\s-]?hours?\b|(?<![A-Za-z])MWh\b", re.I), " mwh"),
    (re.compile(r"\b(?:gigawatt|GW)[\s-]?hours?\b|(?<![A-Za-z])GWh\b", re.I), " gwh"),
    (re.compile(r"\b(?:terawatt|TW)[\s-]?hours?\b|(?<![A-Za-z])TWh\b", re.I), " twh"),
]
# A share written as a fraction: "half of the 400 workers", "three quarters of the doctors" are percentages, so
# that "50% of the workers" restates them (thirds are compared to the nearest point: "33%" for "a third").
_SHARES = [
    (re.compile(r"\b(?:one|a)[\s-]+half\s+(?:of\s+)?(?=the|its|his|her|their|all|those|these)\b|"
                r"(?<!first )(?<!second )(?<!latter )(?<!other )(?<!the )"  # "the second half of the year": a time
                r"\bhalf\s+(?:of\s+)?(?=the|its|his|her|their|all|those|these)\b|"
                # ("half of Oxmarsh county's crop": a name's possession)
                r"(?<!first )(?<!second )(?<!the )\bhalf\s+of\s+(?=(?-i:[A-Z])[\w-]*(?:\s+[\w-]+)?['’]s\b)|"
                # ("nearly half of respondents": of a plural noun with no article)
                r"(?<!first )(?<!second )(?<!latter )(?<!other )(?<!the )\bhalf\s+of\s+"
                r"(?=(?:(?-i:[a-z])[\w-]*s|people|children|men|women)\b)",
                re.I),
     "50 percent of "),
    (re.compile(r"\bthree[\s-]+quarters\s+of\b", re.I), "75 percent of"),
    (re.compile(r"\b(?:a|one)[\s-]+quarter\s+of\b", re.I), "25 percent of"),
    (re.compile(r"\btwo[\s-]+thirds\s+of\b", re.I), "66.67 percent of"),
    (re.compile(r"\b(?:a|one)[\s-]+third\s+of\b", re.I), "33.33 percent of"),
    (re.compile(r"\b(?:a|one)[\s-]+fifth\s+of\b", re.I), "20 percent of"),
    # "a reservoir a third full", "half full": a share of its capacity
    (re.compile(r"\b(?:(?:a|one)[\s-]+)?(half|third|quarter|fifth)\s+(?=full\b)", re.I),
     lambda m: {"half": "50", "third": "33.33", "quarter": "25", "fifth": "20"}[m.group(1).lower()] + " percent "),
    # "two-fifths of", "three tenths of": any count of fifths, eighths or tenths
    (re.compile(r"\b(two|three|four)[\s-]+fifths\s+of\b", re.I),
     lambda m: f"{_COUNT[m.group(1).lower()] * 20:g} percent of"),
    (re.compile(r"\b(three|five|seven)[\s-]+eighths\s+of\b", re.I),
     lambda m: f"{_COUNT[m.group(1).lower()] * 12.5:g} percent of"),
    (re.compile(r"\b(?:(a|one|two|three|four|six|seven|eight|nine)[\s-]+tenths?)\s+of\b", re.I),
     lambda m: f"{_COUNT[m.group(1).lower()] * 10:g} percent of"),
]
_TENTHS_OF_UNIT = re.compile(r"\b(a|one|two|three|four|five|six|seven|eight|nine)[\s-]+(tenths?|hundredths?)\s+of\s+"
                             r"an?\s+(second|metre|meter|mile|kilometre|kilometer|degree|point)\b", re.I)
_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
# Time units that restate one another: (base unit, how many of it). "48 hours" is "two days", "a decade" is
# "ten years" (calendar arithmetic only: a month is not a number of days).
UNIT_SCALE = {"second": ("hour", 1 / 3600), "minute": ("hour", 1 / 60), "hour": ("hour", 1), "day": ("hour", 24),
               "week": ("hour", 168),
               "fortnight": ("hour", 336), "month": ("month", 1), "year": ("month", 12), "decade": ("month", 120),
               "century": ("month", 1200)}
CARDINALS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "twice": 2, "thrice": 3,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000,
           # South Asian copy counts in lakhs and crores: "Rs 500 crore" is 5 billion rupees
           "lakh": 100_000, "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "hundredth": 100,
}
# Qualifiers in front of a number (or "-plus" after it), by what they claim about the true value.
_QUALIFIERS = [
    # (whole words: "to cover 1,500 metres" has no "over", "laptops" no "tops")
    # ("no more than" is a ceiling, below)
    (re.compile(r"\b(?:(?<!no )(?<!not )more than|over|upwards of|in excess of|above|beyond|exceeding|topping|"
                r"topped|tops|exceeded|exceeds|surpassed|surpasses|(?<!no )older than|(?<!no )longer than|"
                r"(?<!no )higher than|(?<!no )greater than|"
                r"(?:stronger|larger|bigger|heavier|faster|deeper|taller|wider) than(?: magnitude)?)\s*$", re.I),
     "more"),
    # before "under": "just under six hours" is close to six, and no bound that "just under five" would entail
    (re.compile(r"\b(?:nearly|almost|close to|just (?:under|below|less than|short of)|not quite)\s*$", re.I), "nearly"),
    (re.compile(r"\b(?:at least|no fewer than|no less than|a minimum of)\s*$", re.I), "at_least"),
    (re.compile(r"\b(?:fewer than|less than|under|below|younger than|shorter than|lower than)\s*$", re.I), "less"),
    # ("no higher than 120 metres": a ceiling, as "at most" is)
    (re.compile(r"\b(?:up to|at most|as (?:many|much|long|high|far) as|no (?:more|higher|longer|greater|older|later) "
                r"than)\s*$", re.I), "up_to"),
    # a deadline: "within 90 days" restates "90 days" ("gave it 90 days to ...") and is "less than two weeks"
    (re.compile(r"\bwithin\s*$", re.I), "within"),
    (re.compile(r"\b(?:about|around|roughly|some|approximately|an estimated|estimated|or so)\s*$", re.I), "about"),
]
# "took over 85 percent of the city", "handed over 300 documents": the verb's particle, not "more than"
_PARTICLE_OVER = re.compile(r"\b(?:take|takes|took|taken|taking|hand|hands|handed|handing|turn|turns|turned|turning|"
                            r"sign|signs|signed|signing)\s+over\s*$", re.I)
# "over" a few words after an amount ("fell 28 percent over a decade", "a 6 percent rise spread over two years"):
# the span the change took, or "more than" it; read either way
# ("tripled over two years": a multiple is an amount too)
_AMOUNT_OVER = re.compile(r"(?:(\d[\d,.]*)|\b(?:hundred|thousand|million|billion|doubled|tripled|trebled|quadrupled|"
                          r"halved))(?:\s*%)?(?:\s+[a-z]+){0,3}"
                          r"\s+over\s+(?:an?\s+)?$", re.I)

# "over" after a name or a plural noun ("invoices to Harlan Builders over four years", "Over four years, ...") may be
# the span of the act; after a verb ("served over five years") or a preposition ("for over four years") it is "more
# than" (no parse here: a capital or a plural ending tells a thing, and verbs ending in "s" are listed)
_OVER = re.compile(r"(?:\b([A-Za-z]+)\s+)?over\s*$", re.I)
_VERBS_IN_S = frozenset("is was has lasts takes runs serves spends remains stays waits does goes".split())


# Stretches of a contest or a calendar counted like time units ("212 goals for Crestford over 14 seasons")
_SPAN_NOUNS = re.compile(r"\s+(?:seasons?|terms?|campaigns?|games|matches|rounds|laps|stages|sessions)\b", re.I)


def _span_over(before: str) -> bool:
    m = _OVER.search(before)
    if not m:
        return False
    word = m.group(1) or ""
    if not word:
        return m.group(0)[0] == "O"  # the sentence opens with it
    return word[0].isupper() or word.lower().endswith("s") and word.lower() not in _VERBS_IN_S


def _amount_over(before: str) -> bool:
    m = _AMOUNT_OVER.search(before)
    # "in 2011 following over eight years": a year is no amount
    return bool(m) and not (m.group(1) and re.fullmatch(r"(?:1[89]|20)\d\d", m.group(1)))


# Which qualifier of the evidence a claim's qualifier may restate: the claim may be vaguer ("about 500" for
# "500"), never more precise or on the other side ("eight years" or "nearly eight" for "more than eight").
_QUALIFIER_OK = {
    None: {None, "about", "span"},
    "about": {None, "about", "nearly", "more", "at_least", "less", "up_to", "span"},
    "nearly": {None, "about", "nearly", "less", "up_to"},
    "more": {"more", "span"},
    "span": {None, "about", "more", "span"},
    "at_least": {None, "about", "more", "at_least"},
    "less": {"less", "nearly"},
    "up_to": {None, "about", "nearly", "less", "up_to"},
    "between": {"between"},
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"sept": "september"}
_MONTH_WORDS = "|".join(MONTHS) + "|" + "|".join(m.capitalize() for m in _MONTH_ABBR)
_DATE_WORD = re.compile(
    r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b"
    r"|(?:\b(?P<day_before>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?=(?:" + "|".join(MONTHS) + r")\b))?"
    r"\b(?P<month>" + _MONTH_WORDS + r")\b\.?(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?"
    r"|\b(?P<year>(?:1[89]|20)\d\d)s?\b", re.I)


_DEGREES_IN_WORDS = re.compile(r"\b(" + "|".join(sorted(CARDINALS, key=len, reverse=True)) +
                               r")\s+degrees?(?=\s+(?:Celsius|Fahrenheit|centigrade)\b)", re.I)
_DEGREES = re.compile(r"(?<![\w.])([-\u2212])?(\d+(?:\.\d+)?)\s?°\s?([CF])\b")
# "-12C", "a high of 31C": a temperature without the degree sign (signed, or in a text about temperatures)
_BARE_DEGREES = re.compile(r"(?<![\w.])([-\u2212])?(\d{1,3}(?:\.\d+)?)([CF])\b")
_TEMPERATURE_WORDS = re.compile(r"(?i)\b(?:temperatures?|degrees|heat|heatwave|cold|frost|freezing|warm|warmest|"
                                r"coldest|hottest|high of|low of)\b")


def _degrees_in_figures(m: re.Match) -> str:
    """"five degrees" -> "5 degrees", unless the word ends a longer number ("twenty five degrees": the number-run
    reading adds it up later)."""
    before = re.search(r"(\w+)[\s-]+$", m.string[:m.start()])
    if before and before.group(1).lower() in CARDINALS:
        return m.group(0)
    return f"{CARDINALS[m.group(1).lower()]} degrees"


_RATE_PER = re.compile(r"\b(\d[\d,]*(?:\.\d+)?)(\s+(?:[a-z]+\s+){0,2}?)per\s+((?:one\s+|a\s+)?(?:million|thousand)|"
                       r"1,?000(?:,?000)?|10,?000|100,?000)(?=\s+(?:people|residents|inhabitants|population|"
                       r"adults|children|births|live births|patients)\b)", re.I)
_RATE_BASES = {"1000": 1e3, "10000": 1e4, "100000": 1e5, "1000000": 1e6, "thousand": 1e3, "million": 1e6}


def _per_100k(m: re.Match) -> str:
    base = _RATE_BASES[re.sub(r"^(?:one|a)\s+|,", "", m.group(3).lower())]
    value = float(m.group(1).replace(",", "")) * 1e5 / base
    return f"{round(value, 6):g}{m.group(2)}per 100,000"


_ORDINAL_DAY_OF = re.compile(r"\b(?:the\s+)?((?:twenty|thirty)[\s-](?:first|second|third|fourth|fifth|sixth|seventh|"
                             r"eighth|ninth)|" + "|".join(w for w in ORDINALS if ORDINALS[w] <= 20) +
                             r"|thirtieth|[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\s+of\s+(" +
                             "|".join(m.capitalize() for m in MONTHS) + r")\b", re.I)


# "her one hundred and fifth birthday" is her 105th ("one hundred" and "fifth" read apart are 100 and 5)
_HUNDRED_ORDINAL = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine) hundred (?:and )?(?:(twenty|thirty|"
                              r"forty|fifty|sixty|seventy|eighty|ninety)[\s-])?(" +
                              "|".join(w for w in ORDINALS if ORDINALS[w] < 20) + r")\b", re.I)


def _hundred_ordinal(m: re.Match) -> str:
    n = CARDINALS[m.group(1).lower()] * 100 + (CARDINALS[m.group(2).lower()] if m.group(2) else 0) + \
        ORDINALS[m.group(3).lower()]
    end = "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{end}"


def _day_of(word: str) -> int:
    """The day of the month an ordinal names ("first" 1, "twenty-first" 21, "3rd" 3)."""
    w = word.lower().replace(" ", "-")
    if w.isdigit():
        return int(w)
    if w == "thirtieth":
        return 30
    if "-" in w:
        tens, unit = w.split("-")
        return CARDINALS[tens] + ORDINALS[unit]
    return ORDINALS[w]


def normalize(text: str) -> str:
    """One spelling for quotes and dashes, glued acronyms and glued units split (for parsing and matching)."""
    text = text.translate(_TRANSLATE).replace(" - ", " – ")
    text = _GLUED_ACRONYM.sub(r"\1 \2", text)
    text = _MONEY_SCALE.sub(lambda m: f"{m.group(1)}{m.group(2)} {_SCALE_WORDS[m.group(3).lower()]}", text)
    # "1.5m people", "9m units", "4.2m pounds": a count of things is millions (a length is "a 10m wall")
    text = _COUNT_MILLIONS.sub(lambda m: m.group(0) if m.group(2).lower() in _RACES or (
        m.group(2).lower() in UNITS and m.group(2).lower() not in ("pounds", "people", "dollars", "tonnes", "tons"))
                               else f"{m.group(1)} million {m.group(2)}", text)
    text = _BARE_SCALE.sub(lambda m: f"{m.group(1)} {_SCALE_WORDS[m.group(2).lower()]}", text)
    # "1.2k staff" is 1,200 staff; "a 10k race" is ten kilometres
    text = _BARE_K.sub(lambda m: f"{m.group(1)} {'km' if _a_race(m) else 'thousand'}{m.group(2) or ''}", text)
    text = re.sub(r"\bper cent\b", "percent", text, flags=re.I)
    # a rate per so many people, restated per 100,000 ("0.38 cases per 1,000 people" is "38 cases per 100,000")
    text = _RATE_PER.sub(_per_100k, text)
    # "-18°C" as words ("minus 18 degrees Celsius"): the parser reads the sign and the symbol as names otherwise
    text = _DEGREES.sub(lambda m: f"{'minus ' if m.group(1) else ''}{m.group(2)} degrees "
                                  f"{'Celsius' if m.group(3).upper() == 'C' else 'Fahrenheit'}", text)
    # ("minus five degrees Celsius": the temperature in figures, as the unit reading expects)
    text = _DEGREES_IN_WORDS.sub(_degrees_in_figures, text)
    # an ISO date, "2024-05-05", is "5 May 2024" (day-first or month-first numerals are left alone: ambiguous)
    text = _ISO_DATE.sub(lambda m: f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1].capitalize()} {m.group(1)}", text)
    text = re.sub(r"\bNo\.\s?(?=\d)", "Number ", text)  # "No. 10 Downing Street", "a No. 10 spokesman"
    text = _HUNDRED_ORDINAL.sub(_hundred_ordinal, text)
    # "30 cents in the dollar" is 30 percent of what is owed
    text = re.sub(r"\b(\d+(?:\.\d+)?) cents (?:in|on|for every) the dollar\b", r"\1 percent", text, flags=re.I)
    # "the first of April" is "1 April" (the day-of-month as a date reads it, not an ordinal count)
    text = _ORDINAL_DAY_OF.sub(lambda m: f"{_day_of(m.group(1))} {m.group(2)}", text)
    # "a full minute and a half", "a full hour": the span itself ("full" stresses it)
    text = re.sub(r"\b([Aa]) full (?=(?:second|minute|hour|day|week|fortnight|month|year)s?\b)", r"\1 ", text)
    # "her debut novel", "the maiden voyage", "its inaugural season": the first of them
    text = re.sub(r"\b(the|a|an|his|her|its|their|our|my|your|'s|’s) (?:debut|maiden|inaugural) "
                  r"(?!(?:in|at|on|for|with|as|against|of|to|and|or|but|the|a|an|this|that|since|after|before|when|was|"
                  r"is|has|had|will|would)\b)(?=[a-z])", r"\1 first ", text)
    # "Q1" is "the first quarter", "H2" "the second half" (of a year)
    text = re.sub(r"\b([QH])([1-4])\b(?!-)", lambda m: f"{_ORDINAL_WORDS[int(m.group(2))]} "
                  f"{'quarter' if m.group(1) == 'Q' else 'half'}", text)
    # "a 1.8-billion-euro project" is "a €1.8 billion project"
    text = _HYPHEN_MONEY.sub(lambda m: f"{_SIGNS[m.group(3).lower()]}{m.group(1)} {m.group(2).lower()}", text)
    text = re.sub(r"\b(\d[\d,.]*)-(hundred|thousand|million|billion|trillion)\b", r"\1 \2", text, flags=re.I)
    # "25 basis points" is "0.25 percentage points" (a basis point is a hundredth of a point)
    text = re.sub(r"\b(\d+(?:\.\d+)?)\s+basis\s+points?\b",
                  lambda m: f"{float(m.group(1)) / 100:g} percentage points", text, flags=re.I)
    return _GLUED_UNIT.sub(lambda m: f"{m.group(1)} {m.group(2)}" if m.group(2).lower() in UNITS else m.group(0),
                           text)


@dataclass(frozen=True)
class Quantity:
    """A number as written: value, canonical unit (or None), qualifier (more, at_least, less, up_to, within, about or
    None), whether it was an ordinal ("second", "2nd"), and the words it was read from."""

    value: float
    unit: str | None
    qualifier: str | None
    ordinal: bool
    text: str
    noun: str = ""  # the word after the number (and unit), lower-cased: "civilians" in "14 civilians"
    # the next few content words (singular), for a counted noun behind adjectives ("500 of its elite soldiers")
    after: frozenset[str] = frozenset()
    derived: bool = False  # worked out from the text ("500 of the 2,000" is 25 percent), not written in it
    per: str = ""  # a derived rate's period: "£90 a year" gives £7.50 per "month"
    head: str = ""  # the counted noun behind adjectives, singular: "suv" in "48,300 electric SUVs on Monday"
    high: float = 0.0  # the top of an age range ("in her late 30s": 37 to 39), with the unit "age"

    def shown(self) -> str:
        return self.text.strip()


_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(st|nd|rd|th)?(?:\s*-?\s*(plus))?(?![\w])"
    # ("no one was hurt" counts nobody)
    r"|\b(?<!\bno\s)(" + "|".join(list(CARDINALS) + list(ORDINALS)) + r")\b"
    r"|\b((?:(?:tens|hundreds)\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions))\s+of\b"
    # "dozens remained missing", "thousands marched": the count standing for its noun ("scores" alone is a result)
    r"|\b((?:dozens|hundreds|thousands|millions))\b(?!\s+of\b)(?=\s+(?:were|was|are|had|have|remain|more|died|"
    r"marched|fled|gathered|took|attended|joined|lost|protested|[a-z]+ed\b))", re.I)
# "dozens of" is at least two dozen: a vague count that only a number at or above it can support
_PLURAL_COUNTS = {"dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000, "tens": 20}
_OR_MORE = re.compile(r"\s+or\s+(more|over|above|greater|fewer|less|under)\b", re.I)
_UNIT_AFTER = re.compile(r"\s*-?\s*(per cent|%|[A-Za-z]+)")


_SHARE_PERCENT = {"half": 50, "a half": 50, "one half": 50, "a quarter": 25, "one quarter": 25, "a third": 33.33,
                  "one third": 33.33, "a fifth": 20, "one fifth": 20, "two thirds": 66.67, "three quarters": 75,
                  "a tenth": 10, "one tenth": 10}
# (a qualifier may stand between: "rose by more than a third", "fell by almost half")
_BY_SHARE = re.compile(r"\bby\s+((?:(?:just\s+)?(?:more\s+than|over|under|less\s+than|almost|nearly|about|around|"
                       r"roughly|some|up\s+to|as\s+much\s+as)\s+)?)((?:a|one)[\s-]+(?:half|quarter|third|fifth|tenth)|half|two[\s-]+thirds|"
                       r"three[\s-]+quarters)\b(?!\s+of\b)", re.I)
_AND_A_HALF = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                         r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
                         r"seventy|eighty|ninety|\d+)\s+(?:(year|hour|day|week|"
                         r"month|decade|century|mile|kilomet(?:re|er)|minute|second)s?\s+and\s+(a[\s-]+half|a[\s-]+quarter|"
                         r"three[\s-]+quarters?)|and\s+(a[\s-]+half|a[\s-]+quarter|three[\s-]+quarters?)[\s-]+(years|hours|"
                         r"days|weeks|months|miles|kilomet(?:re|er)s|minutes|seconds|met(?:re|er)s|percent|per\s+cent|"
                         r"lit(?:re|er)s|tonnes|tons|kilograms|kilos|pounds|dollars|euros|feet|inches|acres|hectares|"
                         r"percentage\s+points?|points|thousand|million|billion))\b", re.I)
_SHARE_MORE = re.compile(r"\b((?:a|one)[\s-]+(?:half|quarter|third|fifth|tenth))\s+(?=(?:more|less|fewer|higher|"
                         r"lower|cheaper|dearer|bigger|smaller|larger)\b)", re.I)
_AND_FRACTION = {"half": 0.5, "quarter": 0.25, "quarters": 0.75}


def _share_percent(m: re.Match) -> str:
    share = _SHARE_PERCENT[re.sub(r"[\s-]+", " ", m.group(2).lower())]
    return f"by {m.group(1)}{share:g} percent"


def _share_more_percent(m: re.Match) -> str:
    share = _SHARE_PERCENT[re.sub(r"[-\s]+", " ", m.group(1).lower())]
    return f"{share:g} percent "


def _half_value(word: str, fraction: str = "a half") -> str:
    """"two" and "a half" -> "2.5"; "three" and "three-quarters" -> "3.75"."""
    w = word.lower()
    n = 1 if w in ("a", "an", "one") else CARDINALS.get(w, None)
    part = re.split(r"[\s-]+", fraction.lower())
    share = 0.75 if part[0] == "three" else _AND_FRACTION[part[-1]]
    return f"{(n if n is not None else float(word)) + share:g}"


# "half a percentage point", "a quarter of an hour": a fraction of one unit
# ("three-quarters of one percent" too)
_FRACTION = re.compile(r"\b(half an?|(?:an?|one) quarter of (?:an?|one)|three[\s-]+quarters of (?:an?|one)|"
                       r"half of one)\s+"
                       r"(?=(?:percentage\s+)?point|per\s?cent|percent|mile|"
                       r"kilomet|metre|meter|hectare|acre|tonne|litre|hour|day|week|month|year|century)", re.I)
# "one in four", "three out of every ten": a share, read as a percentage (both sides of a comparison are read so)
# (not "on Ward 9 in 2021": a year is a time, not a whole)
_RATIO = re.compile(r"\b(one|two|three|four|five|six|seven|eight|nine|\d+)\s+(?:in|out\s+of)\s+(?:every\s+)?"
                    r"(two|three|four|five|six|eight|ten|twenty|hundred|(?!(?:1[89]|20)\d\d\b)\d+)\b",
                    re.I)
# Lengths and masses in other systems: (dimension, size in its base unit). A converted figure is rounded in news
# copy ("45 miles (72 km)"), so these compare within CONVERSION_TOLERANCE; "pound" is left out (also money).
_CONVERSIONS = {"km": ("length", 1000.0), "mile": ("length", 1609.344), "metre": ("length", 1.0),
                "foot": ("length", 0.3048), "cm": ("length", 0.01), "mm": ("length", 0.001), "kg": ("mass", 1.0),
                "tonne": ("mass", 1000.0), "mph": ("speed", 0.44704), "kph": ("speed", 1 / 3.6),
                "mw": ("power", 1e6), "gw": ("power", 1e9), "kw": ("power", 1e3),
                "sqkm": ("area", 1e6), "sqm": ("area", 1.0), "hectare": ("area", 1e4), "sqmile": ("area", 2_589_988.0),
                "acre": ("area", 4046.86), "litre": ("volume", 0.001), "cubicmetre": ("volume", 1.0),
                "kbps": ("bitrate", 1e3), "mbps": ("bitrate", 1e6), "gbps": ("bitrate", 1e9),
                "mb": ("data", 1e6), "gb": ("data", 1e9), "tb": ("data", 1e12),
                "kwh": ("energy", 1e3), "mwh": ("energy", 1e6), "gwh": ("energy", 1e9), "twh": ("energy", 1e12),
                "gram": ("mass", 0.001), "mg": ("mass", 1e-6), "mcg": ("mass", 1e-9),
                "lb": ("mass", 0.45359237), "stone": ("mass", 6.35029),
                "inch": ("length", 0.0254)}
CONVERSION_TOLERANCE = 0.03
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS_WORDS = "one|two|three|four|five|six|seven|eight|nine"
_HUNDRED_AND = re.compile(rf"\b({_UNITS_WORDS}|a)\s+hundred\s+and\s+(\d{{1,2}}|{_UNITS_WORDS}|ten|eleven|twelve|"
                          rf"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|{_TENS})\b", re.I)
_NUMBER_WORD = (rf"(?:{_UNITS_WORDS}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                rf"nineteen|{_TENS}|hundred|thousand|million|billion)")
# a run of two or more number words ("twenty-five", "one thousand two hundred", "one hundred and twelve"), read as
# one number by text2num; a run it cannot read as one ("five six") is left as words
_NUMBER_RUN = re.compile(rf"\b{_NUMBER_WORD}(?:(?:[\s-]+|\s+and\s+){_NUMBER_WORD})+\b", re.I)


def _number_run(m: re.Match) -> str:
    try:
        return str(text2num(m.group(0).lower(), "en"))
    except ValueError:
        return m.group(0)


# A time of day: "06:00", "9pm", "6 a.m.", "9.30pm" (compared in minutes after midnight, as the unit "clock").
_CLOCK = re.compile(r"(?<![\w.:,])(?:(\d{1,2})[:.](\d{2})(?!\d|:|,\d)(?:\s*([ap])\.?m\b\.?)?"
                    r"|(\d{1,2})\s*([ap])\.?m\b\.?)", re.I)
# "midnight" and "noon" are times of day the evidence may give for a claim's "00:00" / "12pm" (never checked in a
# claim: there they are parts of the day, see `dates`)
_CLOCK_WORDS = re.compile(r"\b(midnight|noon|midday)\b", re.I)


_HOUR_WORDS = {w: i for i, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
_PAST_MINUTES = {"half": 30, "quarter": 15, "a quarter": 15, "five": 5, "ten": 10, "twenty": 20, "twenty-five": 25,
                 "twenty five": 25}
# "half past two in the morning", "a quarter to six", "ten o'clock at night": a time of day in words; without a part
# of the day it is blanked but not read (2:30 or 14:30)
_CLOCK_PHRASE = re.compile(
    # (not an amount: "the fourth quarter to 2.1 million tonnes")
    r"\b(?:(half|a\s+quarter|quarter|twenty[\s-]five|five|ten|twenty)\s+(past|to)\s+(" + "|".join(_HOUR_WORDS) +
    r"|\d{1,2}(?![.,]\d))(?!\s*(?:%|per\s*cent|percent|million|billion|thousand|hundred)\b)|"
    r"(" + "|".join(_HOUR_WORDS) + r"|\d{1,2})\s+o'clock)\b"
    r"(?:\s+(in\s+the\s+morning|in\s+the\s+afternoon|in\s+the\s+evening|at\s+night|[ap]\.?m\b\.?|"
    # ("nine o'clock on Sunday morning", "six o'clock this evening")
    r"(?:on\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|this|that|tomorrow)\s+(?:morning|afternoon|evening|night)))?",
    re.I)


def _read_clock_phrase(m: re.Match, out: list[Quantity]) -> str:
    word = (m.group(3) or m.group(4)).lower()
    hour = _HOUR_WORDS.get(word) or int(word)
    minute = 0
    if m.group(1):
        minute = _PAST_MINUTES[re.sub(r"[\s-]+", " ", m.group(1).lower())]
        if m.group(2).lower() == "to":
            hour, minute = hour - 1 or 12, 60 - minute
    part = (m.group(5) or "").lower()
    if hour <= 12 and part:
        evening = part.startswith("p") or part.endswith(("afternoon", "evening")) or \
            part.endswith("night") and 6 <= hour < 12
        hour = hour % 12 + (12 if evening else 0)
        out.append(Quantity(float(hour * 60 + minute), "clock", None, False, m.group(0)))
    return " " * len(m.group(0))


_ORDINAL_OF = {str(n): w for w, n in ORDINALS.items() if n <= 20} | \
    {w: ordinal for w, n in CARDINALS.items() for ordinal, k in ORDINALS.items() if n == k and 0 < n <= 20}
# "stage three", "round 2", "day five": a rank ("the third stage"), not a count
_NUMBERED_PART = re.compile(r"\b(stage|round|phase|leg|game|day|week|chapter|heat|hole|lap)\s+(" +
                            "|".join(sorted(_ORDINAL_OF, key=len, reverse=True)) +
                            r")\b(?![-.,:/%]\d|\s*(?:percent|%))", re.I)


def _clock_times(text: str) -> tuple[str, list[Quantity]]:
    """The times of day in `text`, and the text with them blanked out (so their digits are not read as counts)."""
    out = []

    def read(m: re.Match) -> str:
        if m.group(4):
            hour, minute, half = int(m.group(4)), 0, m.group(5)
        else:
            hour, minute, half = int(m.group(1)), int(m.group(2)), m.group(3)
            if not half and m.group(0)[len(m.group(1))] == ".":
                return m.group(0)  # "2.30" without am/pm is a decimal number
        if minute > 59 or hour > (12 if half else 24) or half and hour == 0:
            return m.group(0)
        if half:
            hour = hour % 12 + (12 if half.lower() == "p" else 0)
        out.append(Quantity(float(hour % 24 * 60 + minute), "clock", None, False, m.group(0)))
        return " " * len(m.group(0))

    text = _CLOCK.sub(read, text)
    text = _CLOCK_PHRASE.sub(lambda m: _read_clock_phrase(m, out), text)
    for m in _CLOCK_WORDS.finditer(text):
        out.append(Quantity(0.0 if m.group(1).lower() == "midnight" else 720.0, "clock", None, False, m.group(0),
                            derived=True))
    return text, out


# "in his 40s", "in her early thirties": an age as a range of years (read apart, so "40s" is no count of 40)
_DECADES = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
            "eighties": 80, "nineties": 90}
_AGE_RANGE = re.compile(r"\bin\s+(?:his|her|their)\s+(?:(early|mid|late)[\s-]+)?(" + "|".join(_DECADES) +
                        r"|[2-9]0s|[2-9]0's)\b", re.I)
_PART_OF_DECADE = {None: (0, 9), "early": (0, 3), "mid": (3, 7), "late": (7, 9)}
# Pence after a number: "50p", "250p" (not "5pm", which the clock reading took first)
# ("41.6 pence" is £0.416, not 41 and six pence)
_PENCE_WORDS = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?|" + "|".join(sorted(CARDINALS, key=len, reverse=True)) +
                          r")\s+pence\b", re.I)
_PENCE = re.compile(r"(?<![\w.£$€])(\d{1,4}(?:\.\d+)?)p\b(?!\.m)")
# Cents after a number ("45 cents", "a 45-cent dividend"), read as a dollar's: the usual currency of cents
_CENTS = re.compile(r"(?<![\w.£$€])(\d{1,2})(?:\s+|-)cents?\b", re.I)
_COUNT_OR_WORD = r"(\d{1,3}|" + "|".join(sorted(CARDINALS, key=len, reverse=True)) + r")"
_AND_CENTS = re.compile(rf"\b{_COUNT_OR_WORD}\s+(dollars?|pounds?|euros?)\s+and\s+{_COUNT_OR_WORD}\s+"
                        r"(?:cents?|pence|p)\b", re.I)
_SIGN_OF_CURRENCY = {"dollar": "$", "dollars": "$", "pound": "£", "pounds": "£", "euro": "€", "euros": "€"}


_HOURS_MINUTES = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+hours?,?\s+"
                            r"(?:and\s+)?(\d+|" + "|".join(CARDINALS) + r")\s+minutes?\b", re.I)
_FROM_TO_MONEY = re.compile(r"\bfrom\s+([$£€])(\d[\d,]*(?:\.\d+)?)\s+to\s+([$£€])(\d[\d,]*(?:\.\d+)?)(?![\d,.]*\s*"
                            r"(?:m|bn|k|million|billion|thousand|trillion)\b)")
_YEARS_MONTHS = re.compile(r"\b(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+years?,?\s+"
                           r"(?:and\s+)?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven)\s+months?\b",
                           re.I)
_TIMES_AS = re.compile(r"\b(twice|two\s+times|three\s+times|four\s+times|five\s+times|ten\s+times)\s+as\s+"
                       r"(many|much|large|big|high|long|numerous|common|great)\b", re.I)


_MULTIPLE_OF = re.compile(r"(?:(?<=, )|(?<=\bat )|(?<=\bis )|(?<=\bwas )|(?<=\bare )|(?<=\bwere )|(?<=\bbe )|"
                          # (after a noun of measure: "levels four times the national limit")
                          r"(?<=\blevels )|(?<=\blevel )|(?<=\brate )|(?<=\brates )|(?<=\bprice )|(?<=\bprices )|"
                          r"(?<=\bsize )|(?<=\bspeed )|(?<=\bamount )|(?<=\bconcentrations )|(?<=\bconcentration ))"
                          r"(twice|double|triple|treble|quadruple|(?:two|three|four|five|ten)\s+times)\s+"
                          r"(?=(?:the|its|their|his|her|that|what)\b)", re.I)
_MULTIPLES = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4}


def _pounds_of_pence(pence: float) -> str:
    """"£0.50" for 50 pence, "£0.416" for 41.6."""
    return f"£{pence / 100:.2f}" if pence.is_integer() else f"£{pence / 100:g}"


def count_of(word: str) -> float:
    """A count written in figures or words ("2", "two", "twice", "a"); 0 when it is neither."""
    w = re.sub(r"\s+times$", "", word.lower())
    if re.fullmatch(r"\d+\.\d+", w):
        return float(w)
    return float(w) if w.isdigit() else float(CARDINALS.get(w, 0) or {"twice": 2, "a": 1, "an": 1}.get(w, 0))


_BETWEEN = re.compile(r"\bbetween\s+(?:[$£€¥₹]\s?)?(\d[\d,]*(?:\.\d+)?)(?:\s+(thousand|million|billion))?\s+and\s+"
                      r"(?=[$£€¥₹]?\s?\d)", re.I)


def _age_ranges(text: str) -> tuple[str, list[Quantity]]:
    out = []
    for m in _AGE_RANGE.finditer(text):
        word = m.group(2).lower()
        base = _DECADES.get(word) or int(word[:2])
        lo, hi = _PART_OF_DECADE[m.group(1).lower() if m.group(1) else None]
        out.append(Quantity(float(base + lo), "age", None, False, m.group(0), high=float(base + hi)))
    return _AGE_RANGE.sub(lambda m: " " * len(m.group(0)), text), out


def _worded_amounts(text: str) -> list[Quantity]:
    """Amounts the evidence gives in words only, as derived quantities (never checked in a claim)."""
    out = []
    # "in the first half of the year" is a span of six months ("the first six months" restates it)
    for m in _PART_OF_YEAR.finditer(text):
        out.append(Quantity(6.0 if m.group(1).lower() == "half" else 3.0, "month", None, False, m.group(0),
                            derived=True))
    # "lasted a day" is 24 hours, "within a week" seven days, "the first week" the first seven days ("once a year"
    # in a claim says no span)
    for m in _ONE_SPAN.finditer(text):
        out.append(Quantity(1.0, m.group(1).lower(), None, False, m.group(0), derived=True))
    # "her third win" / "for the third time": it has happened three times ("won it three times", "twice")
    for m in _NTH_TIME.finditer(text):
        out.append(Quantity(float(ORDINALS[m.group(1).lower()]), None, None, False, m.group(0), "times",
                            derived=True))
    # "£90 a year" is "£7.50 a month", and the other way round (to the penny)
    for m in _MONEY_RATE.finditer(text):
        value = float(m.group(3).replace(",", ""))
        value = round(value / 12, 2) if m.group(4).lower() == "year" else value * 12
        qualifier = "about" if m.group(1) else None
        out.append(Quantity(value, _SIGN_UNITS[m.group(2)], qualifier, False, m.group(0), derived=True,
                            per="month" if m.group(4).lower() == "year" else "year"))
    # "two hours and five minutes" is 125 minutes (not "2:03:11", a time read by its parts)
    for m in _HOURS_MINUTES.finditer(text):
        out.append(Quantity(60 * count_of(m.group(1)) + count_of(m.group(2)), "minute", None, False, m.group(0),
                            derived=True))
    # "six years and four months" is 76 months ("more than six years" holds)
    for m in _YEARS_MONTHS.finditer(text):
        out.append(Quantity(12 * count_of(m.group(1)) + count_of(m.group(2)), "month", None, False, m.group(0),
                            derived=True))
    # "from £1.50 to £1.55" is a change of 5p ("went up by five pence, to £1.55")
    for m in _FROM_TO_MONEY.finditer(text):
        a, b = (float(x.replace(",", "")) for x in (m.group(2), m.group(4)))
        out.append(Quantity(round(abs(b - a), 2), _SIGN_UNITS[m.group(1)], None, False, m.group(0), derived=True))
    # "for the third consecutive month": three months in a row
    for m in _NTH_IN_A_ROW.finditer(text):
        out.append(Quantity(float(ORDINALS[m.group(1).lower()]), m.group(2).lower(), None, False, m.group(0),
                            derived=True))
    # "sales doubled" is a rise of 100 percent, "halved" a fall of 50
    for m in _MULTIPLIED.finditer(text):
        out.append(Quantity(_MULTIPLIED_PERCENT[m.group(1).lower()[:4]], "percent", None, False, m.group(0),
                            derived=True))
    return out


_NTH_TIME = re.compile(r"\b(?:the|her|his|its|their|a)\s+(second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                       r"tenth)\s+(?:consecutive\s+|straight\s+|successive\s+)?(?:time|win|victory|title|visit)\b",
                       re.I)
_MONEY_RATE = re.compile(r"(?:\b(about|around|roughly|some|approximately)\s+)?([$£€¥₹])\s?(\d[\d,]*(?:\.\d+)?)"
                         r"(?!\s*(?:million|billion|bn|m|k)\b)\s+(?:a|per|each)\s+(year|month)\b", re.I)
_NTH_IN_A_ROW = re.compile(r"\b(?:the|a)\s+(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
                           r"(?:consecutive|straight|successive)\s+(day|week|month|year)\b", re.I)
_ONE_SPAN = re.compile(r"\b(?:a|an|one|a\s+single|one\s+single|the\s+first|the\s+last|the\s+past)\s+"
                       r"(minute|hour|day|week|month|year)\b"
                       r"(?!\s+and\s+a\s+half)", re.I)
_MULTIPLIED = re.compile(r"\b(doubl|tripl|trebl|quadrupl|halv)(?:ed|es|ing)\b", re.I)
_MULTIPLIED_PERCENT = {"doub": 100.0, "trip": 200.0, "treb": 200.0, "quad": 300.0, "halv": 50.0}


_PART_OF_YEAR = re.compile(r"\b(?:first|second|third|fourth|last|final)\s+(half|quarter)\s+of\s+(?:the|this|last|"
                           r"next|that)\s+(?:financial\s+|fiscal\s+)?year\b", re.I)


def quantities(text: str) -> list[Quantity]:
    """The quantities in `text` (years are dates, not quantities; see `dates`)."""
    text = normalize(text)
    if _BARE_DEGREES.search(text) and _TEMPERATURE_WORDS.search(text):
        # (read here, not in `normalize`: the parse keeps the figure as written)
        text = _BARE_DEGREES.sub(lambda m: f"{'minus ' if m.group(1) else ''}{m.group(2)} degrees "
                                           f"{'Celsius' if m.group(3) == 'C' else 'Fahrenheit'}", text)
    text, apart = _clock_times(text)  # (read apart from the counts below)
    apart += _worded_amounts(text)
    text, ages = _age_ranges(text)
    apart += ages
    text = re.sub(r"\bRs\.?\s*(?=\d)", "₹", text)  # "Rs 500 crore": rupees, written as the sign
    # "a two-and-a-half-hour climb" is two and a half hours
    text = re.sub(r"\b(\w+)-and-a-half-(year|hour|day|week|month|mile|minute|kilomet(?:re|er)|met(?:re|er))\b",
                  r"\1 and a half \2s", text, flags=re.I)
    # "three dollars and fifty cents" is $3.50, "two pounds and 40 pence" £2.40
    text = _AND_CENTS.sub(lambda m: f"{_SIGN_OF_CURRENCY[m.group(2).lower()]}{count_of(m.group(1)):.0f}."
                                    f"{count_of(m.group(3)):02.0f}", text)
    text = _PENCE.sub(lambda m: _pounds_of_pence(float(m.group(1))), text)  # "50p" is £0.50
    text = _CENTS.sub(lambda m: f"${int(m.group(1)) / 100:.2f}", text)  # "45 cents", "a 45-cent dividend": $0.45
    # ("five pence" too)
    text = _PENCE_WORDS.sub(lambda m: _pounds_of_pence(count_of(m.group(1))), text)
    text = _NUMBERED_PART.sub(lambda m: f"{_ORDINAL_OF[m.group(2).lower()]} {m.group(1)}", text)
    text = _NUMBER_RUN.sub(_number_run, text)
    # "one hundred and ten" is 110
    text = _HUNDRED_AND.sub(lambda m: str(100 * CARDINALS.get(m.group(1).lower(), 1) + int(m.group(2))
                                          if m.group(2).isdigit() else 100 * CARDINALS.get(m.group(1).lower(), 1)
                                          + CARDINALS[m.group(2).lower()]), text)
    # "several hundred of his men" is a vague count, as "hundreds of" is
    # ("several hundred protesters": the count before its noun, read as "hundreds of protesters")
    text = re.sub(r"\b(?:several|a\s+few)\s+(hundred|thousand|million)\b(?!\s+of\b)(?=\s+[a-z])", r"\1s of", text,
                  flags=re.I)
    text = re.sub(r"\bseveral\s+(hundred|thousand|million)\b", r"\1s", text, flags=re.I)
    # (a fraction first: "a quarter of a century" is 25 years, not a quarter of "1 century")
    text = _FRACTION.sub(lambda m: "0.5 " if m.group(1).lower().startswith("half") else
                         "0.75 " if m.group(1).lower().startswith("three") else "0.25 ", text)
    text = _ONE_UNIT.sub(lambda m: f"1 {m.group(1)}", text)
    text = _PLACED_UNIT.sub(lambda m: f"{m.group(1)} 1 {m.group(2)}", text)
    text = re.sub(r"\bhalf an?\s+(million|billion)\b", r"0.5 \1", text, flags=re.I)  # "half a million people"
    # "a quarter of a million pounds", "three-quarters of a billion"
    # (also hyphenated as one modifier: "a three-quarters-of-a-billion-dollar contract")
    text = re.sub(r"\b(?:a|one)[\s-]+quarter[\s-]+of[\s-]+an?[\s-]+(million|billion)\b", r"0.25 \1", text,
                  flags=re.I)
    text = re.sub(r"\bthree[\s-]+quarters[\s-]+of[\s-]+an?[\s-]+(million|billion)\b", r"0.75 \1", text, flags=re.I)
    text = re.sub(r"\bhalf[\s-]+an?[\s-]+(million|billion)\b", r"0.5 \1", text, flags=re.I)
    text = re.sub(r"\bhalf\s+a\s+dozen\b", "6", text, flags=re.I)
    # "a million and a half" is 1.5 million; "twice as many" is 100% more
    text = re.sub(r"\b(?:a|one)\s+(thousand|million|billion|trillion)\s+and\s+a\s+half\b", r"1.5 \1", text, flags=re.I)
    text = _TIMES_AS.sub(lambda m: f"{100 * (count_of(m.group(1)) - 1):g} percent more, as {m.group(2)}", text)
    # ", double the estimate", "was triple the figure": a multiple of another amount (not the verb "to double")
    text = _MULTIPLE_OF.sub(lambda m: f"{100 * ((_MULTIPLES.get(m.group(1).lower()) or count_of(m.group(1))) - 1):g}"
                                      f" percent more than ", text)
    # "two dozen fighter jets" is 24 (not a two and a dozen)
    text = re.sub(r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+dozen\b",
                  lambda m: str(12 * (int(m.group(1)) if m.group(1).isdigit() else CARDINALS[m.group(1).lower()])),
                  text, flags=re.I)
    # "about a million were displaced", "a thousand troops": the article is the number one
    text = re.sub(r"(?<!half )(?<!of )\b(?:an?|one)\s+(hundred|thousand|million|billion)\b", r"1 \1", text, flags=re.I)
    # "rose by a quarter", "cut by half": a change by a share is that percentage
    text = _BY_SHARE.sub(_share_percent, text)
    # "a tenth more expensive", "a third fewer": a difference by a share is that percentage
    text = _SHARE_MORE.sub(_share_more_percent, text)
    # "a year and a half", "two and a half hours": the half is part of the number
    text = _AND_A_HALF.sub(lambda m: f"{_half_value(m.group(1), m.group(3) or m.group(4))} {m.group(2) or m.group(5)}",
                          text)
    for pattern, unit in _COMPOUND_UNITS:
        text = pattern.sub(unit, text)
    text = _RATIO.sub(_ratio_percent, text)
    text = re.sub(r"\b(?:goalless|scoreless)\b", "0-0", text, flags=re.I)  # "a goalless draw" is "0-0"
    # "three tenths of a second" is 0.3 seconds (not 30 percent of something)
    text = _TENTHS_OF_UNIT.sub(
        lambda m: f"{_COUNT[m.group(1).lower()] * (0.1 if m.group(2)[0] in 'tT' else 0.01):g} {m.group(3)}s", text)
    # "her 100th birthday" is the age she turned: 100
    text = re.sub(r"\b(\d+)(?:st|nd|rd|th)(\s+birthday)", r"\1\2", text, flags=re.I)
    # "the U21 side" is the under-21 side
    text = re.sub(r"(?<![\w-])U-?(1[0-9]|2[0-3])s?\b", r"under-\1", text)
    for pattern, share in _SHARES:
        text = pattern.sub(share, text)
    # "between 2,000 and 3,000 people": one amount, a range (its low end kept by where the high one starts)
    lows: dict[int, float] = {}
    for m in _BETWEEN.finditer(text):
        low = float(m.group(1).replace(",", "")) * (_SCALES[m.group(2).lower()] if m.group(2) else 1)
        lows[m.end() + re.match(r"[$£€¥₹]?\s?", text[m.end():]).end()] = -low if m.group(2) else low
    text = _BETWEEN.sub(lambda m: " " * len(m.group(0)), text)
    out: list[Quantity] = []
    consumed = 0
    for m in _NUMBER.finditer(text):
        if m.start() < consumed:
            continue  # a scale word already read with the number before it
        digits, suffix, plus, word = m.group(1), m.group(2), m.group(3), m.group(4)
        if (suffix or (word and word.lower() in ORDINALS)) and re.match(r"[\s-]+century\b", text[m.end():], re.I):
            continue  # "the 19th century": a date (see `dates`)
        if m.group(5) or m.group(6):
            words = (m.group(5) or m.group(6)).lower().split()
            # "tens of thousands" is at least 20,000, "hundreds of thousands" at least 200,000
            value = _PLURAL_COUNTS[words[-1]] * (_PLURAL_COUNTS[words[0]] // 2 if len(words) > 1 else 1)
            # (the counted noun behind its adjectives too: "hundreds of cancelled services")
            out.append(Quantity(float(value), None, "at_least", False, m.group(0), _next_word(text, m.end()),
                                _next_words(text, m.end()), head=_head_word(text, m.end())))
            continue
        if digits and re.search(r"\b(?:" + _MONTH_WORDS + r")\.?\s*$", text[max(0, m.start() - 12):m.start()],
                                re.I):
            continue  # the day of a date ("June 12"): compared as a date
        if digits and re.match(r"\s*(?:" + "|".join(MONTHS) + r")\b", text[m.end():], re.I) and float(digits) <= 31:
            continue  # "12 June"
        ordinal = False
        if digits:
            value = float(digits.replace(",", ""))
            # ("Iraq's No. 2 city", which `normalize` writes "Number 2": a rank, as "second" is)
            ordinal = bool(suffix) or bool(re.search(r"\b(?:No\.?|Number)\s*$", text[max(0, m.start() - 8):m.start()]))
            if not suffix and value.is_integer() and 1800 <= value <= 2100 and "," not in digits:
                continue  # a year
        else:
            w = word.lower()
            if w in ORDINALS:
                value, ordinal = float(ORDINALS[w]), True
            else:
                value = float(CARDINALS[w])
                if w in ("one",) and not re.match(r"\s+[a-z]+s\b|\s*-", text[m.end():]):
                    continue  # "one of", "one another": not a count
        end = m.end()
        # "two hundred thousand": each scale word multiplies
        while scale := re.match(r"\s+(hundred|thousand|million|billion|trillion|lakhs?|crores?)\b", text[end:], re.I):
            value *= _SCALES[scale.group(1).lower()]
            end += scale.end()
        consumed = end
        unit = None
        if not ordinal:
            um = _UNIT_AFTER.match(text, end)
            if um:
                unit_word = um.group(1).lower()
                # skip one adjective: "110 km", "68 miles", "two battalions", "500 elite soldiers" (not the last)
                # ("0.5 g" is grams; "5G" a mobile network)
                unit = UNITS.get(unit_word) if um.group(1) != "G" else None
                if unit is None and unit_word.endswith("s") and unit_word[:-1] in UNITS:
                    unit = UNITS[unit_word[:-1]]
                if unit:
                    end = um.end()
            if not plus:
                pm = re.match(r"\s*-?\s*plus\b", text[end:], re.I)
                plus = pm.group(0) if pm else None
        if unit is None and not ordinal and (sign := _SIGN_BEFORE.search(text[max(0, m.start() - 4):m.start()])):
            unit = _SIGN_UNITS[sign.group(1)]  # "£2.5 million" is pounds: not "2.5 million euros"
        if unit in ("celsius", "fahrenheit") and re.search(r"(?:\bminus\s+|(?<![\w.,])[-\u2212])$",
                                                          text[max(0, m.start() - 7):m.start()], re.I):
            value = -value  # "-18°C", "minus 18 degrees": below zero is another temperature
            sign = "-"
        else:
            sign = ""
        qualifier = "more" if plus else None
        if qualifier is None and (om := _OR_MORE.match(text, end)):
            qualifier = "at_least" if om.group(1).lower() in ("more", "over", "above", "greater") else "up_to"
        if qualifier is None:
            before = text[max(0, m.start() - 30):m.start()]
            # "under a three-year agreement": the deal's term, not less than three years
            adjective = re.search(r"(?i)\bunder\s+an?\s*$", before) and text[m.end():m.end() + 1] == "-"
            before = re.sub(r"\s+an?\s*$", " ", before)  # "more than a dozen"
            if adjective:
                before = ""
            before = _SIGN_BEFORE.sub("", before)  # "up to £80"
            for pattern, name in _QUALIFIERS:
                if pattern.search(before) and not (name == "more" and _PARTICLE_OVER.search(before) and
                                                   unit not in (*UNIT_SCALE, "second")):  # "took over 18 months"
                    qualifier = name
                    break
            if qualifier == "more" and (unit in UNIT_SCALE or unit is None and re.match(
                    _SPAN_NOUNS, text[end:])) and (_amount_over(text[max(0, m.start() - 60):m.start()]) or
                                                   _span_over(before)):
                # "fell 28 percent over a decade", "sent 36 invoices to the firm over four years": the span the
                # act took, or "more than" it; read either way
                qualifier = "span"
        if m.start() in lows and digits and not ordinal:
            # ("between 2 and 3 million": the low end in the high one's scale; a negative low has its own)
            low = -lows[m.start()] if lows[m.start()] < 0 else lows[m.start()] * value / float(digits.replace(",", ""))
            shown = f"{low:,.0f}" if low.is_integer() else f"{low:g}"
            out.append(Quantity(low, unit, "between", False, f"between {shown} and {text[m.start():end]}",
                                _next_word(text, end), _next_words(text, end), head=_head_word(text, end),
                                high=value))
            continue
        out.append(Quantity(value, unit, qualifier, ordinal, sign + text[m.start():end], _next_word(text, end),
                            _next_words(text, end), head=_head_word(text, end)))
    # "half of the 64 members" is also a count: "32 of the members" restates it
    for m in _SHARE_OF_WHOLE.finditer(text):
        whole = float(m.group(2).replace(",", ""))
        count = float(m.group(1)) * whole / 100
        # (a third is written 33.33 percent: "two-thirds of the 900" is 600, not 600.03)
        if m.group(1) in ("33.33", "66.67") and abs(count - round(count)) < 0.05 * max(1.0, whole / 100):
            count = float(round(count))
        if count.is_integer() and not ("," not in m.group(2) and 1800 <= whole <= 2100):
            out.append(Quantity(count, None, None, False, f"{count:g}", _next_word(text, m.end()),
                                _next_words(text, m.end()), derived=True))
    # "1,250 new teachers, half of them for rural schools": "625 of them" restates it
    for m in _SHARE_OF_THEM.finditer(text):
        whole = float(m.group(1).replace(",", ""))
        count = float(m.group(2)) * whole / 100
        if count.is_integer() and not ("," not in m.group(1) and 1800 <= whole <= 2100):
            out.append(Quantity(count, None, None, False, f"{count:g}", _next_word(text, m.start(1) + len(m.group(1))),
                                _next_words(text, m.start(1) + len(m.group(1))), derived=True))
    # "about 500 of the plant's 2,000 workers" is also a share: "a quarter of the workers" restates it
    for m in _PART_OF_WHOLE.finditer(text):
        part = next((q for q in out if q.text.startswith(m.group(1)) and not q.unit), None)
        whole = float(m.group(2).replace(",", ""))
        if "," not in m.group(2) and 1800 <= whole <= 2100:
            continue  # "12 of the 2024 entries": a year
        if part is not None and 0 < part.value < whole:
            share = round(100 * part.value / whole, 2)
            out.append(Quantity(share, "percent", part.qualifier, False, f"{share:g}%", "", frozenset(),
                                derived=True))
    return out + apart


_SHARE_OF_WHOLE = re.compile(r"(?<![\w.,])(\d+(?:\.\d+)?) percent of (?:(?:the|its|their|his|her|our)\s+)?"
                             r"(?:[\w-]+'s?\s+)?(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,%])")
_SHARE_OF_THEM = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]+\s*(?:,|\()\s*"
                            r"(\d+(?:\.\d+)?) percent of (?:them|whom)\b")
_PART_OF_WHOLE = re.compile(r"(?<![\w.,-])(\d[\d,]*|[A-Za-z]+(?:-[a-z]+)?) of "
                            r"(?:(?:the|its|their|his|her|our)\s+)?(?:[\w-]+'s?\s+)?"
                            r"(?:[A-Za-z-]+\s+){0,2}?(\d{1,3}(?:,\d{3})+|\d+)(?![\w.,])")


def _next_words(text: str, end: int, n: int = 6) -> frozenset[str]:
    """The first `n` words after a number, without function words, singular ("soldiers" -> "soldier")."""
    words = re.findall(r"[A-Za-z]+", text[end:end + 80])[:n]
    return frozenset(w.lower().rstrip("s") for w in words if w.lower() not in FUNCTION_WORDS)


def _head_word(text: str, end: int) -> str:
    """The last of up to three words right after a number, before a function word or punctuation: the counted noun
    behind its adjectives ("electric SUVs on Monday" -> "suv"), singular."""
    words = []
    for m in re.finditer(r"\s*([A-Za-z][A-Za-z'-]*)|\s*\S", text[end:end + 60]):
        if m.group(1) is None or m.group(1).lower() in FUNCTION_WORDS or len(words) == 3:
            break
        words.append(m.group(1).lower())
        if len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith(("ss", "us", "is", "news")):
            break  # a plural is the noun; what follows describes it ("58,000 electric scooters sold in ...")
    if not words:
        return ""
    w = words[-1]
    return w[:-3] + "y" if w.endswith("ies") and len(w) > 4 else \
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")) else w


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*(?:-\s*)?(?:(?:or|and)\s+(?:more|over|fewer|less)\s+)?(?:of\s+)?([A-Za-z]+)", text[end:])
    word = m.group(1).lower() if m else ""
    return "" if word in FUNCTION_WORDS else word


def _ratio_percent(m: re.Match) -> str:
    a, b = (float(g) if g.isdigit() else float(CARDINALS[g.lower()]) for g in m.groups())
    return f"{round(100 * a / b, 2):g} percent" if 0 < a < b else m.group(0)  # (two places: "33.33", a third)


def _same_amount(q: Quantity, c: Quantity) -> bool:
    """Same value in the same unit, the same time span in other units ("48 hours" / "two days"), or the same
    length or mass converted and rounded ("45 miles" / "72 km")."""
    if q.ordinal != c.ordinal or (q.unit == "age") != (c.unit == "age"):
        return False  # ("aged 40" is not "in his 40s")
    if q.unit == "age":
        return q.value <= c.value and c.high <= q.high  # "in his 40s" for "in his early 40s"
    if q.unit and c.unit and q.unit != c.unit:
        a, b = UNIT_SCALE.get(q.unit), UNIT_SCALE.get(c.unit)
        if a and b:
            return a[0] == b[0] and abs(q.value * a[1] - c.value * b[1]) < 1e-6
        a, b = _CONVERSIONS.get(q.unit), _CONVERSIONS.get(c.unit)
        if a and b and a[0] == b[0]:
            x, y = q.value * a[1], c.value * b[1]
            # or each rounds to the other as written ("6 miles (10 km)": 9.66 km is "10", 10 km is 6.2 miles)
            return abs(x - y) <= CONVERSION_TOLERANCE * max(x, y) or (
                _rounds_to(x / b[1], c.value) and _rounds_to(y / a[1], q.value))
        if {q.unit, c.unit} == {"lb", "pound"}:  # "200 lbs" / "200 pounds" (a weight; "pound" is also money)
            return q.value == c.value
        if {q.unit, c.unit} == {"celsius", "fahrenheit"}:  # "100F" is 37.8C: "38C" (a degree F is 0.56C)
            f, cel = (q, c) if q.unit == "fahrenheit" else (c, q)
            return abs((f.value - 32) * 5 / 9 - cel.value) < 0.6
        return False
    for a, b in ((q, c), (c, q)):
        # "a three-year-old" is an age, not any "three" ("I've got three of my own")
        if a.unit == "year" and a.noun.lower() == "old" and not b.unit and b.noun and \
                b.noun.lower() not in ("old", "years"):
            return False
        # "took 24 months" is not "has 24 turbines": a span or measure is no count of things (a plural noun
        # right after the number; not "three thousand metric tons", "five consecutive years")
        if a.unit and (a.unit in UNIT_SCALE or a.unit in _CONVERSIONS) and not b.unit and b.value > 1 and \
                b.noun.isalpha() and b.noun.lower().endswith("s") and b.noun.lower() not in UNITS:
            return False
    if q.unit == "percent" and c.unit == "percent" and {q.value, c.value} & _THIRDS:
        return abs(q.value - c.value) < 0.7  # "33%" for "a third" (33.33)
    return c.value == q.value


_THIRDS = {33.33, 66.67}


def quantity_found(q: Quantity, candidates: list[Quantity]) -> bool:
    """Whether the evidence's quantities say what `q` says: same value, no clashing unit, and a qualifier no
    stronger than the evidence's ("more than eight" is not "eight"; "about 500" is fine for "500")."""
    if q.unit == "metre" and re.fullmatch(r"[\d.,]+\s?m", q.text.strip()):
        # "7.5m a year before": a glued "m" is metres or millions; the evidence's "7.5 million" settles it
        millions = Quantity(q.value * 1_000_000, None, q.qualifier, False, q.text, q.noun, q.after)
        if quantity_found(millions, candidates):
            return True
    if q.unit == "age" and any(c.unit in (None, "year") and not c.ordinal and not c.qualifier and
                               q.value <= c.value <= q.high and c.value.is_integer() for c in candidates):
        return True  # "in his 40s" for "aged 45", "a 45-year-old"
    for c in candidates:
        if "between" in (q.qualifier, c.qualifier) and (q.qualifier != c.qualifier or q.high != c.high):
            continue  # a range restates only the same range (a number inside it is `entailed_bound`'s)
        if q.qualifier == "nearly" and c.qualifier in (None, "about", "nearly") and not c.ordinal and \
                not q.ordinal and (scaled := _in_unit(c, q.unit)) is not None and 0.9 * q.value <= scaled < q.value:
            return True  # "nearly half" for "48 percent", "almost 3,000" for "2,870", "nearly half a km" for "480m"
        if q.qualifier == "about" and c.qualifier in (None, "about", "nearly") and _same_thing(q, c) and \
                q.unit == c.unit and q.value > 0 and abs(c.value - q.value) <= 0.1 * q.value and \
                _significant_digits(q.value) < _significant_digits(c.value):
            return True  # "about 40 patients" for "41 patients": a rounder number, said to be rounded
        if q.qualifier == "about" and c.qualifier in (None, "about") and q.unit != c.unit and q.value > 0 and \
                q.unit in UNIT_SCALE and c.unit in UNIT_SCALE and not q.ordinal and not c.ordinal:
            # "about three months" for "a 97-day deployment", "about three weeks" for "20 days": a span in another
            # unit, within a tenth (months and days convert as a month of 28 to 31 days)
            ev = _across_calendar(q, c, _evidence_interval(c)) or _evidence_interval(c)
            lo, hi = 0.9 * _base_value(q), 1.1 * _base_value(q)
            if ev is not None and ev[0] <= hi and ev[1] >= lo:
                return True
        if not _same_amount(q, c):
            continue
        qq, cq = (None if x == "within" else x for x in (q.qualifier, c.qualifier))
        if cq not in _QUALIFIER_OK[qq] and not (qq == "more" and cq == "at_least"):
            continue
        return True
    return False


def _rounds_to(value: float, written: float) -> bool:
    """Whether `value` rounded as `written` is (to its last significant digit: 10 to tens, 6.2 to tenths) gives
    `written`."""
    text = f"{written:.6g}"
    if "." in text:
        step = 10 ** -len(text.split(".")[1])
    else:
        step = 10 ** (len(text) - len(text.rstrip("0"))) if written else 1
    return abs(value - written) <= step / 2 + 1e-9


def _in_unit(c: Quantity, unit: str | None) -> float | None:
    """`c`'s value in `unit` (a length or mass converted: 480 metres is 0.48 km), None when they do not convert."""
    if c.unit == unit:
        return c.value
    a, b = _CONVERSIONS.get(c.unit or ""), _CONVERSIONS.get(unit or "")
    return c.value * a[1] / b[1] if a and b and a[0] == b[0] else None


def _significant_digits(value: float) -> int:
    """How many significant digits a number is written with: 40 has one, 41 two, 1,150 three."""
    digits = f"{abs(value):.6g}".replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) or 1


def _base_value(q: Quantity) -> float:
    """The value in its unit's base (time spans in hours or months), so spans in other units compare."""
    return q.value * UNIT_SCALE.get(q.unit or "", (None, 1))[1]


def amount_keys(q: Quantity) -> frozenset[str]:
    """Keys under which two written amounts compare: the value as written and in its unit's base, so "an hour and a
    half" and "90 minutes" share one ("#1.5")."""
    return frozenset({f"#{q.value:g}", f"#{_base_value(q):g}"})


def _interval(q: Quantity) -> tuple[float, float, bool, bool] | None:
    """What a qualified number says about the true value: (low, high, low open, high open), in the unit's base
    (time spans in hours or months); None for an "about"/"nearly" number (how vague is not defined)."""
    v = _base_value(q)
    # ("span": over the period or more than it, so at least it)
    return {None: (v, v, False, False), "more": (v, math.inf, True, False), "at_least": (v, math.inf, False, False),
            "span": (v, math.inf, False, False),
            "less": (0.0, v, False, True), "up_to": (0.0, v, False, False),
            "within": (0.0, v, False, False),
            "between": (v, v * q.high / q.value if q.value else q.high, False, False)}.get(q.qualifier)


def _evidence_interval(q: Quantity) -> tuple[float, float, bool, bool] | None:
    """`_interval` for a number of the evidence, where a vague one still has a range: "about 12,000" is within a
    tenth of it ("more than 2,000" holds for "about 2,300"), "nearly 5%" just under it (a claim's "thousands of"
    holds for either)."""
    v = _base_value(q)
    if q.qualifier == "about":
        # (a figure given to its tens is vague only in its last digits: "some 12,480 households" are more than
        # 12,000; "about 400" may be 360)
        spread = 0.1 * v
        if v.is_integer() and v >= 100 and q.value.is_integer():
            digits = str(int(q.value))
            unit = 10 ** (len(digits) - len(digits.rstrip("0"))) * v / q.value
            spread = min(spread, 5 * unit)
        return (v - spread, v + spread, False, False)
    if q.qualifier == "nearly":
        return (0.9 * v, v, False, True)
    return _interval(q)


# Counted nouns that count the same thing ("two battalions" is not "two brigades", but "1,000 jobs" cut are "1,150
# employees" laid off).
COUNT_NOUN_CLASSES = [frozenset(line.split()) for line in """troop soldier force personnel fighter serviceman member
person people resident civilian individual inhabitant
worker employee staff miner labourer laborer member personnel
job post position role
job employee worker staff staffer position post
vehicle car suv
home house household dwelling property residence
country nation state
game match fixture
defeat loss
win victory
company firm business
child kid minor youngster
protester demonstrator
plane aircraft jet airliner
ship vessel boat
officer policeman
village settlement hamlet
player footballer
case infection
time occasion instance
walker hiker rambler
trip journey
shop store outlet
train service
lorry truck
flat apartment
film movie
fan supporter spectator
mp member lawmaker legislator parliamentarian
vote ballot""".splitlines()]


# Endings of nouns for a person by what they do ("editor", "investigator", "founder", "scientist").
PERSON_NOUN_ENDINGS = ("er", "or", "eur", "ist", "ian")
# Nouns for a person by role that lack those endings ("the incumbent", "the diplomat", "the defendant").
PERSON_ROLE_NOUNS = frozenset("""incumbent diplomat envoy candidate nominee appointee defendant claimant applicant
correspondent opponent contestant veteran surgeon physician pilot chef architect nurse poet athlete coach academic
expert midwife priest student graduate""".split())


def is_person_noun(lemma: str) -> bool:
    """A singular noun for a person by what they do or are ("the editor", "the incumbent")."""
    return lemma.endswith(PERSON_NOUN_ENDINGS) or lemma in PERSON_ROLE_NOUNS


# Nouns for people of some kind, which "people" counts more generally ("212 runners" are "more than 200 people").
PERSON_COUNT_NOUNS = frozenset("""runner resident passenger worker employee patient voter student pupil visitor
spectator fan tourist commuter customer shopper member participant competitor athlete migrant refugee survivor victim
casualty protester demonstrator marcher child adult teacher nurse doctor driver pedestrian cyclist soldier civilian
villager citizen inhabitant guest attendee applicant volunteer player staff staffer official officer delegate
tenant homeowner""".split())


def _person_noun(noun: str) -> bool:
    """A plural noun for people: a listed one ("residents", "children") or a plural agent noun ("swimmers",
    "investors", "cyclists", "technicians")."""
    w = noun.lower()
    if w.removesuffix("s") in PERSON_COUNT_NOUNS or w.removesuffix("ren") in PERSON_COUNT_NOUNS:
        return True
    return w.endswith("s") and w[:-1].endswith(PERSON_NOUN_ENDINGS) and len(w) > 5 and w not in _THING_AGENT_NOUNS


# Plural nouns in -ers / -ors that count things, not people.
_THING_AGENT_NOUNS = frozenset("""containers computers numbers meters layers towers chambers centers corners borders
orders letters waters rivers papers sectors motors factors doors floors monitors reactors generators tractors trailers
tankers boosters scooters rollers printers servers routers chargers""".split())
# The same in the singular, and uncountable ones: "the number", "the water" are no person ("the banker said").
THING_AGENT_NOUNS = frozenset(w[:-1] for w in _THING_AGENT_NOUNS) | frozenset("""number water power matter weather
winter summer quarter cancer danger fever error paper shelter barrier disorder timber register charter chapter
behaviour behavior colour color honour favour labour harbour interior exterior mirror list wrist mist twist""".split())


# Counted events that each befall one person ("23 arrests", "four deaths"); what befell them is the verb check's.
_EVENTS_OF_PEOPLE = frozenset("arrests deaths fatalities casualties injuries convictions detentions evacuations "
                              "rescues hospitalisations hospitalizations".split())


def _same_thing(q: Quantity, c: Quantity) -> bool:
    """Two quantities that can count the same thing: compatible units, and without a unit the same counted noun
    (a singular or plural of one word) when both name one ("14 civilians" / "a dozen civilians")."""
    if q.ordinal or c.ordinal:
        return False
    if q.unit and c.unit:
        a, b = UNIT_SCALE.get(q.unit), UNIT_SCALE.get(c.unit)
        return q.unit == c.unit or bool(a and b and a[0] == b[0])
    if q.unit == "person" and not c.unit and _person_noun(c.noun):
        return True  # "more than 200 people" for "212 runners": counted more generally (never the reverse)
    if q.unit == "person" and not c.unit and c.noun.lower() in _EVENTS_OF_PEOPLE:
        return True  # "more than 20 people were arrested" for "made 23 arrests": one event per person counted
    if q.unit or c.unit:  # "thousands of people" (no unit read, the noun "people") / "8,000 people" (unit person)
        unit, other = (q.unit, c) if q.unit else (c.unit, q)
        return UNITS.get(other.noun) == unit
    a, b = q.noun.rstrip("s"), c.noun.rstrip("s")
    if q.noun and c.noun and (a == b or any(a in cls and b in cls for cls in COUNT_NOUN_CLASSES)):
        return True
    if q.noun and c.noun.lower() in ("unit", "units") and not q.unit:
        return True  # "tens of thousands of tablets" for "86,000 units of its Slate 7 model": units of the thing
    # the counted nouns behind adjectives ("more than 48,000 SUVs" / "48,300 electric SUVs")
    a, b = q.head or a, c.head or b
    if a and b and (a == b or any(a in cls and b in cls for cls in COUNT_NOUN_CLASSES)):
        return True
    # "a dozen Revolutionary Guard soldiers" / "about 500 of its elite Revolutionary Guard soldiers": two words of
    # the same noun phrase follow both
    return len(q.after & c.after) >= 2


def entailed_bound(q: Quantity, candidates: list[Quantity]) -> Quantity | None:
    """An evidence quantity whose range lies inside the claim's, so the claim is weaker ("more than a dozen
    civilians" for "at least 14 civilians", "more than five years" for "nine years", "less than two weeks" for
    "within 10 days"); only a claim with a bound (more / at least / less / up to) can be weaker this way."""
    claim = _interval(q)
    # "up to 80 km/h" says the top is 80, not only that nothing exceeds it: never weaker than "up to 60"; and
    # "can be appealed within 60 days" gives the window, not only a bound ("within 30 days" is another window)
    if claim is None or q.qualifier in (None, "up_to", "within"):
        return None
    lo, hi, lo_open, hi_open = claim
    for c in candidates:
        ev = _evidence_interval(c)
        # a bare count ("attendance reached 86,000"; "put deaths at over a thousand") bounds a count of people or
        # things as it restates one
        # (not beside a count of the claim's own thing: "killing 112 people and injuring more than 600")
        bare = not c.unit and not c.noun and not c.head and not c.ordinal and \
            q.unit in (None, "person") and not any(x is not c and _same_thing(q, x) for x in candidates) or \
            not q.unit and not q.noun and not q.head and not q.ordinal and c.unit in (None, "person")
        across = _across_calendar(q, c, ev)
        if across is not None:
            ev = across
        elif ev is None or not (_same_thing(q, c) or bare):
            continue
        elo, ehi, elo_open, ehi_open = ev
        low_ok = elo > lo or (elo == lo and (elo_open or not lo_open))
        high_ok = ehi < hi or (ehi == hi and (ehi_open or not hi_open))
        if low_ok and high_ok:
            return c
    return None


def _across_calendar(q: Quantity, c: Quantity, ev: tuple[float, float, bool, bool] | None
                     ) -> tuple[float, float, bool, bool] | None:
    """The evidence's span in the claim's base when one is counted in hours (days, weeks) and the other in months
    (months, years), which do not convert exactly: a month is 28 to 31 days, so "18 weeks" is 4.06 to 4.5 months
    and is "more than three months". None when the two spans are in the same base or are no spans."""
    a, b = UNIT_SCALE.get(q.unit or ""), UNIT_SCALE.get(c.unit or "")
    if ev is None or not a or not b or a[0] == b[0] or q.ordinal or c.ordinal:
        return None
    lo, hi, lo_open, hi_open = ev
    if b[0] == "hour":  # hours to months: the shortest month makes the most months
        return lo / (31 * 24), hi / (28 * 24), lo_open, hi_open
    return lo * 28 * 24, hi * 31 * 24, lo_open, hi_open


def qualifier_clash(q: Quantity, candidates: list[Quantity]) -> Quantity | None:
    """The evidence quantity `q` restates with a qualifier it does not allow ("eight years" for "more than
    eight years"), when that is why `quantity_found` fails."""
    for c in candidates:
        if _same_amount(q, c):
            return c
    return None


@dataclass(frozen=True)
class DateMention:
    kind: str  # weekday | month | year | decade | century | season | relative | daytime
    value: str  # "friday", "june 12" / "june", "2011"; a daytime's part of the day ("evening" for "midnight")
    word: str = field(default="", compare=False)  # the word as written, where it differs from the value
    # worked out from the text ("the three months to September" holds July), not named in it: what the evidence
    # covers, never something a claim must be found to say
    # ("run": a month inside such a run; "earlier": "a month earlier" after "in September" is August; "part of
    # day": "late on Friday" is Friday evening)
    derived: str = field(default="", compare=False)

    def shown(self) -> str:
        return self.word or self.value.title()


_SEASON = re.compile(r"\b(spring|summer|autumn|fall|winter)\b", re.I)
_RELATIVE = re.compile(r"\b(?:(last|next|this|previous|coming|past)\s+(week|month|year|weekend)|(yesterday|today|"
                       r"tomorrow|tonight))\b", re.I)


# The time of day, in parts a report may restate ("at dawn" / "in the morning", "late evening" / "at night").
# Lower case only: "Morning Star" is a newspaper.
_DAYTIME = {"morning": "morning", "dawn": "morning", "daybreak": "morning", "sunrise": "morning",
            "noon": "midday", "midday": "midday", "lunchtime": "midday", "afternoon": "afternoon",
            "evening": "evening", "dusk": "evening", "nightfall": "evening", "sunset": "evening",
            "night": "evening", "midnight": "evening", "overnight": "evening"}
_DAYTIME_WORD = re.compile(r"\b(" + "|".join(_DAYTIME) + r")\b")


# "the three months to September": a run of months named by its last one (July, August and September).
_MONTHS_TO = re.compile(r"\b(two|three|four|five|six|[2-6])\s+months\s+(?:to|ending|ended|through|up\s+to)\s+"
                        r"(?:the\s+end\s+of\s+)?(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")
_SMALL = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _months_to(norm: str) -> list[DateMention]:
    out = []
    for m in _MONTHS_TO.finditer(norm):
        n = _SMALL.get(m.group(1).lower()) or int(m.group(1))
        last = MONTHS.index(m.group(2).lower())
        out += [DateMention("month", MONTHS[(last - k) % 12], m.group(0), derived="run") for k in range(1, n)]
    return out


_PERIOD_EDGE = re.compile(r"\b(start|end|beginning|middle)\s+of\s+(?:the|this|next)\s+(week|month|year|decade)\b", re.I)


def dates(text: str) -> list[DateMention]:
    """Weekdays, months (with the day when given), years, seasons and relative days ("next month",
    "yesterday") named in `text`."""
    out = []
    norm = normalize(text)
    for m in _SEASON.finditer(norm):
        word = m.group(1).lower()
        if word == "fall" and not re.search(r"\b(?:the|this|last|next|in|of)\s+$", norm[:m.start()], re.I):
            continue  # the verb
        out.append(DateMention("season", "autumn" if word == "fall" else word))
    for m in _PERIOD_EDGE.finditer(norm):  # "at the end of the month" is not "the end of the year"
        out.append(DateMention("relative", f"{m.group(1).lower().replace('beginning', 'start')} of "
                                           f"{m.group(2).lower()}", m.group(0).strip()))
    for m in _RELATIVE.finditer(norm):
        when, unit, day = m.group(1), m.group(2), m.group(3)
        if day:
            out.append(DateMention("relative", day.lower()))
        else:
            when = {"previous": "last", "past": "last", "coming": "next"}.get(when.lower(), when.lower())
            out.append(DateMention("relative", f"{when} {unit.lower()}"))
    # (the part of the day that only tells a worded time's half: "half past two in the morning" is 2.30am)
    told = [m.span(5) for m in _CLOCK_PHRASE.finditer(norm) if m.group(5)]
    for m in _DAYTIME_WORD.finditer(norm):
        if any(a <= m.start() < b for a, b in told):
            continue
        out.append(DateMention("daytime", _DAYTIME[m.group(1)], m.group(1)))
    for m in _LATE_ON.finditer(norm):  # "late on Thursday" is Thursday evening, "early on Friday" its morning
        # (evidence only: a claim's "late on Friday" may restate "at 11pm on Friday")
        out.append(DateMention("daytime", "evening" if m.group(1).lower() == "late" else "morning", m.group(0),
                               derived="part of day"))
    out += _months_to(norm)
    for q in _clock_times(norm)[1]:  # "at 9pm" is in the evening (evidence only: a claim's "9pm" is its number's)
        minutes = q.value
        part = "morning" if 240 <= minutes < 720 else "midday" if minutes < 780 and minutes >= 720 else \
            "afternoon" if 780 <= minutes < 1080 else "evening"
        out.append(DateMention("daytime", part, q.text, derived="part of day"))
    for m in _CENTURY.finditer(norm):  # "the 19th century", "the nineteenth century"
        word = re.sub(r"[\s-]+", " ", (m.group(2) or "").lower())
        n = m.group(1) or str(ORDINALS.get(word, 0) or {"twenty first": 21, "twenty second": 22}.get(word, 0))
        if n != "0":
            out.append(DateMention("century", n, m.group(0)))
    for m in _HOLIDAY.finditer(norm):  # "on Christmas Day" is "on 25 December"
        out.append(DateMention("month", _HOLIDAYS[re.sub(r"\W+", " ", m.group(0).lower())], m.group(0)))
    for m in _DATE_WORD.finditer(normalize(text)):
        if m.group("weekday"):
            out.append(DateMention("weekday", m.group("weekday").lower()))
        elif m.group("month"):
            word = m.group("month").lower()
            if not m.group("month")[0].isupper():
                continue  # "mar", "dec", "march" (a demonstration) as ordinary words
            day = m.group("day") or m.group("day_before")
            norm = m.string
            # a month that owns something ("May's election", "19 of November's 30 days"): the month, no day of it
            owner = re.match(r"['’]s\b", norm[m.end():]) is not None
            if owner and not m.group("day"):
                day = None
            if word == "may" and not day and not owner and not (
                    re.search(r"\b(?:in|since|until|by|from|through|of|early|late|mid|last|next|this|before|after|"
                              r"during)[\s-]+$", norm[:m.start()], re.I) or re.match(r"\s+(?:1[89]|20)\d\d\b",
                                                                                    norm[m.end():])):
                continue  # the modal verb, unless a preposition or a year makes it the month ("in May")
            month = _MONTH_ABBR.get(word[:4] if word.startswith("sept") else word[:3], word)
            out.append(DateMention("month", f"{month} {int(day)}" if day else month))
        elif m.group("year"):
            if m.group(0).endswith("s") and m.group("year").endswith("0"):  # "the 1990s", "the mid-1990s"
                # "the early 1970s": the first years of the decade only (early 0-3, mid 3-7, late 7-9)
                part = re.search(r"\b(early|mid|late)[\s-]*$", norm[:m.start()], re.I)
                out.append(DateMention("decade", m.group("year")[:3] + (f" {part.group(1).lower()}" if part else ""),
                                       f"the {m.group('year')}s"))
            else:
                out.append(DateMention("year", m.group("year")))
    return out + _earlier(out, norm)


_LATE_ON = re.compile(r"\b(late|early)\s+on\s+(?:" + "|".join(WEEKDAYS) + r")\b", re.I)
_CENTURY = re.compile(r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(twenty[\s-]+(?:first|second)|(?<!-)(?:" + "|".join(ORDINALS) +
                      r")))[\s-]+century\b", re.I)


# "a month earlier", "the previous year": the period before the one the sentence names.
_EARLIER = re.compile(r"\b(?:(?:a|one)\s+(month|year)\s+(?:earlier|before)|the\s+(?:previous|preceding)\s+(month|year)|"
                      r"the\s+(month|year)\s+before)\b", re.I)


def _earlier(found: list[DateMention], norm: str) -> list[DateMention]:
    """The month or year before the only one the sentence names, for each "a month earlier" in it."""
    out = []
    for m in _EARLIER.finditer(norm):
        unit = (m.group(1) or m.group(2) or m.group(3)).lower()
        named = {d.value.split()[0] for d in found if d.kind == unit and not d.derived}
        if len(named) != 1:
            continue
        value = named.pop()
        before = MONTHS[MONTHS.index(value) - 1] if unit == "month" else str(int(value) - 1)
        out.append(DateMention(unit, before, m.group(0), derived="earlier"))
    return out


# Days of the year named for a feast (the same date in every year and most countries).
_HOLIDAYS = {"christmas day": "december 25", "christmas eve": "december 24", "boxing day": "december 26",
             "new year s day": "january 1", "new year s eve": "december 31", "valentine s day": "february 14",
             "halloween": "october 31"}
_HOLIDAY = re.compile(r"\b(?:Christmas (?:Day|Eve)|Boxing Day|New Year['’]s (?:Day|Eve)|Valentine['’]s Day|"
                      r"Halloween)\b")


def holiday_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` names a feast day ("New Year's Day"): a date, though written as a name."""
    return [m.span() for m in _HOLIDAY.finditer(text)]


# The months of each season (the northern hemisphere's, as English-language news mostly means).
_SEASON_MONTHS = {"spring": ("march", "april", "may"), "summer": ("june", "july", "august"),
                  "autumn": ("september", "october", "november"), "winter": ("december", "january", "february")}


# The months (of a year) or days (of a month) an edge of the period may name.
_EDGE_MONTHS = {"start of year": ("january", "february", "march"), "end of year": ("october", "november", "december"),
                "middle of year": ("may", "june", "july", "august"), "start of month": (1, 10),
                "end of month": (20, 31), "middle of month": (10, 20)}


def date_found(d: DateMention, candidates: list[DateMention]) -> bool:
    if d.kind == "season" and any(c.kind == "month" and c.value.split()[0] in _SEASON_MONTHS[d.value]
                                  for c in candidates):
        return True  # "in the spring" for "in April": a season the month is in
    edge = _EDGE_MONTHS.get(d.value) if d.kind == "relative" else None
    months = [c.value.split() for c in candidates if c.kind == "month"]
    if edge and months and not any(c.kind == "relative" for c in candidates):
        # "at the end of the year" is not "on January 1"; "at the start of the month" not "on June 30"
        if d.value.endswith("year"):
            return any(m[0] in edge for m in months)
        days = [int(m[1]) for m in months if len(m) > 1]
        return not days or any(edge[0] <= x <= edge[1] for x in days)
    if d.kind == "relative" and not any(c.kind == "relative" for c in candidates):
        # "next month" may restate a named month or day the claim's reader cannot place: only a clash counts
        return not candidates or any(c.kind in ("month", "weekday", "year") for c in candidates)
    if d.kind == "decade":
        base, _, part = d.value.partition(" ")
        lo, hi = _PART_OF_DECADE[part or None]
        return any(c.kind == "year" and c.value.startswith(base) and lo <= int(c.value[3]) <= hi or
                   c.kind == "decade" and c.value.split()[0] == base and (not part or c.value == d.value)
                   for c in candidates)
    if d.kind == "century":  # "the 19th century" for "in 1852" (1801-1900) or "the 1850s"
        return any(c.kind == "century" and c.value == d.value or
                   c.kind == "year" and (int(c.value) - 1) // 100 + 1 == int(d.value) or
                   c.kind == "decade" and int(c.value.split()[0]) // 10 + 1 == int(d.value) for c in candidates)
    if d.kind == "month" and " " not in d.value:
        return any(c.kind == "month" and c.value.split()[0] == d.value for c in candidates)
    return any(c.kind == d.kind and c.value == d.value for c in candidates)


# ---- names and abbreviations ---------------------------------------------------------------------------------
_FUNCTION = frozenset("of the and for in on at de al la le von van du des der den del da di el bin ibn".split())
ACRONYM_SKIPPED = _FUNCTION  # words a name's acronym leaves out ("Bank van der Molen Trust" -> "BMT")


def singular(w: str) -> str:
    """A plural -s dropped, -ics words included ("statistics"; `key` keeps those whole, for "politics")."""
    return w[:-1] if len(w) >= 5 and w.endswith("s") and not w.endswith("ss") else w


def squash(word: str) -> str:
    """A name word without dots, possessive or case: "U.S." -> "us", "Iran's" -> "iran"."""
    word = re.sub(r"(?:'s|s')$", "", word.strip())
    return re.sub(r"[^\w-]", "", word).lower()


def key(word: str) -> str:
    """The form two words are compared in: lower case, no possessive or dots, a plain plural -s dropped
    ("Forces" / "force", "militants'" / "militant", "ISIS" stays)."""
    w = squash(word)
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ics")):
        w = w[:-1]
    return w


def with_hyphen_parts(words: frozenset[str]) -> frozenset[str]:
    """Keyed words and the parts of their hyphenated ones ("al-shams" -> al, shams), as a claim's parse splits them."""
    return words | {x for w in words if "-" in w for x in w.split("-") if x}


def initials(words: list[str], keep: frozenset[str] = frozenset()) -> str:
    """Initials of the capitalised words of a name: "Islamic State of Iraq and Syria" -> "isis"; with the
    function words in `keep` too ("Department of Transportation" -> "dot")."""
    out = []
    for w in words:
        # "al-Shams" -> "S", "France-Presse" -> "FP"
        for part in (p for p in w.split("-") if p):
            if part[0].isupper() and part.lower() not in _FUNCTION or part.lower() in keep:
                out.append(part[0].lower())
    return "".join(out)


def is_acronym(word: str) -> bool:
    """"ISIS", "U.S", "U.S.", "UK", "NSC": two or more capitals, dots allowed."""
    bare = word.replace(".", "")
    if len(bare) >= 3 and re.fullmatch(r"[A-Z]+(?:o[A-Z]+)+", bare):
        return True  # "MoD", "DoJ": a small "o" for "of" ("Ministry of Defence")
    return len(bare) >= 2 and bare.isalpha() and bare.isupper()


def abbreviates(short: str, long_words: list[str]) -> bool:
    """Whether `short` (an acronym or a dotted abbreviation) stands for the words `long_words`: by initials
    ("U.S" / "United States") or as the words' prefixes ("Brig. Gen." / "Brigadier General")."""
    if is_acronym(short):
        # ("DOT" for "Department of Transportation": some acronyms keep the "of" or "and")
        return len(long_words) >= 2 and squash(short) in (initials(long_words), initials(long_words, LINKING_WORDS))
    return False


# Function words some initialisms keep ("DOT" for "Department of Transportation", "MoD")
LINKING_WORDS = frozenset({"of", "and"})


def prefix_abbreviation(short: str, long: str) -> bool:
    """"Brig." for "Brigadier", "Gen." for "General", "Lt." for "Lieutenant" (a capitalised, dotted prefix), and
    "Int'l" for "International", "Gov't" for "Government" (letters left out at an apostrophe)."""
    if re.fullmatch(r"[A-Z][a-z]+'[a-z]{1,2}", short):
        stem, word = short.replace("'", "").lower(), long.lower()
        return stem[0] == word[0] and stem[-1] == word[-1] and len(word) > len(stem) + 1 and _subsequence(stem, word)
    if not short.endswith(".") or len(short) < 3:
        return False
    stem = short[:-1].lower()
    word = long.lower()
    return stem[0] == word[0] and len(word) > len(stem) and (word.startswith(stem) or _subsequence(stem, word))


def _subsequence(a: str, b: str) -> bool:
    it = iter(b)
    return all(ch in it for ch in a)


# Standard expansions of abbreviated country and organisation names (generic English, like "Mr." for "Mister").
STANDARD_ABBREVIATIONS = {
    "us": "United States of America", "usa": "United States of America", "uk": "United Kingdom",
    "un": "United Nations", "eu": "European Union", "uae": "United Arab Emirates",
    # international bodies whose short names are no plain initials of their full ones
    "unhcr": "Office of the United Nations High Commissioner for Refugees",
    "interpol": "International Criminal Police Organization Organisation", "unicef": "United Nations Children's Fund",
    "nato": "North Atlantic Treaty Organization Organisation",
    # titles written as initials
    "ceo": "Chief Executive Officer", "cfo": "Chief Financial Officer", "coo": "Chief Operating Officer",
    "mp": "Member of Parliament", "pm": "Prime Minister", "md": "Managing Director",
    "kc": "King's Counsel", "qc": "Queen's Counsel",
    "di": "Detective Inspector", "dci": "Detective Chief Inspector", "ds": "Detective Sergeant",
    # common nouns written as initials
    "gp": "General Practitioner", "hq": "Headquarters", "icu": "Intensive Care Unit", "gdp": "Gross Domestic Product",
    "ae": "Accident Emergency", "cctv": "Closed Circuit Television", "ngo": "Non Governmental Organisation",
    "gm": "Genetically Modified", "ev": "Electric Vehicle", "evs": "Electric Vehicles", "ai": "Artificial Intelligence",
    "ipo": "Initial Public Offering", "vat": "Value Added Tax", "suv": "Sport Utility Vehicle",
    "lng": "Liquefied Natural Gas", "mep": "Member of European Parliament", "uv": "Ultraviolet",
    "mri": "Magnetic Resonance Imaging", "agm": "Annual General Meeting",
    "fc": "Football Club", "afc": "Association Football Club", "rfc": "Rugby Football Club",
    # abbreviated words of names and titles (capitalised, with or without the full stop)
    "dr": "Doctor", "mt": "Mount", "st": "Saint Street", "ft": "Fort", "ave": "Avenue", "rd": "Road",
    "ltd": "Limited", "inc": "Incorporated", "corp": "Corporation", "co": "Company", "bros": "Brothers",
    "dept": "Department", "govt": "Government", "univ": "University", "assn": "Association",
    "gen": "General", "lt": "Lieutenant", "col": "Colonel", "capt": "Captain", "sgt": "Sergeant",
    "prof": "Professor", "rev": "Reverend", "gov": "Governor", "sen": "Senator", "rep": "Representative",
    "jr": "Junior", "sr": "Senior",
}


# A US politician's party and state as news copy writes them after the name ("Sen. Maria Delgado, D-N.M.,"; AP
# style): the party's words, and the state's name from its AP or postal abbreviation.
_PARTY_STATE = re.compile(r"\b([DRI])\s*-\s*([A-Z][A-Za-z.]*(?:\s[A-Z][a-z]+)?)(?=\s*[,)])")
_PARTIES = {"D": "Democrat Democratic", "R": "Republican", "I": "Independent"}
_US_STATES = {
    "ala": "Alabama", "al": "Alabama", "alaska": "Alaska", "ak": "Alaska", "ariz": "Arizona", "az": "Arizona",
    "ark": "Arkansas", "ar": "Arkansas", "calif": "California", "ca": "California", "colo": "Colorado",
    "co": "Colorado", "conn": "Connecticut", "ct": "Connecticut", "del": "Delaware", "de": "Delaware",
    "fla": "Florida", "fl": "Florida", "ga": "Georgia", "hawaii": "Hawaii", "hi": "Hawaii", "idaho": "Idaho",
    "id": "Idaho", "ill": "Illinois", "il": "Illinois", "ind": "Indiana", "in": "Indiana", "iowa": "Iowa",
    "ia": "Iowa", "kan": "Kansas", "ks": "Kansas", "ky": "Kentucky", "la": "Louisiana", "maine": "Maine",
    "me": "Maine", "md": "Maryland", "mass": "Massachusetts", "ma": "Massachusetts", "mich": "Michigan",
    "mi": "Michigan", "minn": "Minnesota", "mn": "Minnesota", "miss": "Mississippi", "ms": "Mississippi",
    "mo": "Missouri", "mont": "Montana", "mt": "Montana", "neb": "Nebraska", "ne": "Nebraska", "nev": "Nevada",
    "nv": "Nevada", "nh": "New Hampshire", "nj": "New Jersey", "nm": "New Mexico", "ny": "New York",
    "nc": "North Carolina", "nd": "North Dakota", "ohio": "Ohio", "oh": "Ohio", "okla": "Oklahoma", "ok": "Oklahoma",
    "ore": "Oregon", "or": "Oregon", "pa": "Pennsylvania", "ri": "Rhode Island", "sc": "South Carolina",
    "sd": "South Dakota", "tenn": "Tennessee", "tn": "Tennessee", "texas": "Texas", "tx": "Texas", "utah": "Utah",
    "ut": "Utah", "vt": "Vermont", "va": "Virginia", "wash": "Washington", "wa": "Washington",
    "wva": "West Virginia", "wv": "West Virginia", "wis": "Wisconsin", "wi": "Wisconsin", "wyo": "Wyoming",
    "wy": "Wyoming"}


def party_state_words(text: str) -> frozenset[str]:
    """Keyed words a "D-N.M." / "R-Texas" after a name stands for: {"democrat", "democratic", "new", "mexico"}."""
    out: set[str] = set()
    for m in _PARTY_STATE.finditer(text):
        state = _US_STATES.get(re.sub(r"[^a-z]", "", m.group(2).lower()))
        if state is None:
            continue  # not a state: "D-Day", "R-rated"
        out |= {key(w) for w in f"{_PARTIES[m.group(1)]} {state}".split()}
    return frozenset(out)


def standard_expansion(word: str) -> frozenset[str]:
    """Keyed words of the standard expansion of an abbreviation ("U.S." -> {"united", "state", "america"})."""
    long = STANDARD_ABBREVIATIONS.get(squash(word).replace(".", ""))
    return frozenset(key(w) for w in long.split() if w[0].isupper()) if long else frozenset()


# A capital stands for its country's government in news English ("Washington warned Tehran"). The capitals, names,
# other spellings and demonyms come from `countryinfo` (MIT; data inside the wheel). A one-word capital (or one
# followed by an abbreviation, "Washington D.C.") maps to its country's name words; a capital two countries claim
# maps to neither.
@functools.cache
def capitals() -> dict[str, frozenset[str]]:
    from countryinfo import all_countries  # imported here: only the scorer's capital check needs it

    found: dict[str, set[str]] = {}
    claimed: dict[str, int] = {}
    for country in all_countries():
        names = [country.name(), *(country.alt_spellings() or []), country.demonym() or ""]
        forms = {key(w) for n in names if n.isascii() for w in re.split(r"[\s,]+", n) if w} - FUNCTION_WORDS
        # two-letter codes are common words ("no", "me", "de") unless they abbreviate this country ("us", "uk")
        forms = {w for w in forms if len(w) > 2 or (exp := standard_expansion(w)) and exp <= forms}
        cap = country.capital()
        for city in cap if isinstance(cap, list) else [cap]:
            words = (city or "").split()
            if not words or any(not w.isupper() and not w.replace(".", "").isupper() for w in words[1:]):
                continue  # no capital, or one of several words ("Abu Dhabi"): a token is one word
            c = squash(words[0])
            claimed[c] = claimed.get(c, 0) + 1
            found.setdefault(c, set()).update(forms)
    return {c: frozenset(v) for c, v in found.items() if claimed[c] == 1 and c not in v}


_DEMONYM_ENDINGS = ("ians", "ian", "ans", "an", "is", "i", "ese", "ish", "ic")


# Country adjectives and short names whose form is not the country's name plus an ending (generic English).
_IRREGULAR_PLACES = {
    "british": {"britain", "uk", "united", "kingdom"}, "britain": {"british", "uk"}, "uk": {"britain", "british"},
    "english": {"england"}, "scottish": {"scotland"}, "welsh": {"wales"}, "irish": {"ireland"},
    "french": {"france"}, "dutch": {"netherlands", "holland"}, "swiss": {"switzerland"}, "greek": {"greece"},
    "spanish": {"spain"}, "danish": {"denmark"}, "swedish": {"sweden"}, "finnish": {"finland"},
    "polish": {"poland"}, "turkish": {"turkey"}, "filipino": {"philippines"}, "thai": {"thailand"},
    "american": {"us", "usa", "america"}, "america": {"us", "usa", "american"},
    "norwegian": {"norway"}, "portuguese": {"portugal"}, "belgian": {"belgium"}, "peruvian": {"peru"},
    "icelandic": {"iceland"}, "lebanese": {"lebanon"}, "sudanese": {"sudan"}, "vietnamese": {"vietnam"},
    "japanese": {"japan"}, "congolese": {"congo"}, "senegalese": {"senegal"}, "nepali": {"nepal"},
    "pakistani": {"pakistan"}, "afghan": {"afghanistan"}, "kuwaiti": {"kuwait"}, "yemeni": {"yemen"},
    "emirati": {"uae", "emirates", "emirate"}, "cypriot": {"cyprus"}, "argentine": {"argentina"},
    "malagasy": {"madagascar"}, "slovak": {"slovakia"}, "burmese": {"burma", "myanmar"}, "myanmar": {"burma"},
    "saudi": {"arabia"}, "czech": {"czechia", "republic"}, "ivorian": {"ivory", "coast"}, "kosovar": {"kosovo"},
    "tajik": {"tajikistan"}, "uzbek": {"uzbekistan"}, "kazakh": {"kazakhstan"}, "kyrgyz": {"kyrgyzstan"},
    "turkmen": {"turkmenistan"}, "catalan": {"catalonia"}, "flemish": {"flanders"},
}


def name_bases(word: str) -> set[str]:
    """A name word and the place names it may be the adjective of: "Iranian" -> {"iranian", "iran", "irania"},
    "Iraqi" -> {"iraqi", "iraq"}, "American" -> {"american", "america"} (matched against other names only)."""
    w = squash(word)
    out = {w}
    for ending in _DEMONYM_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            base = w[: -len(ending)]
            out |= {base, base + "a", base + "ia", base + "y"}  # "German" -> "germany", "Italian" -> "italy"
            if ending in ("an", "ian"):
                out |= {base + "e", base + "o"}  # "Ukrainian" -> "ukraine", "Moroccan" -> "morocco"
            if ending == "ese":
                out.add(base + "e")  # "Faroese" -> "faroe"
    if w.endswith("an"):
        out.add(w + "y")  # "German" -> "germany"
    places = _IRREGULAR_PLACES.get(w, set())
    # (and as `key` writes them: "Netherlands" is compared as "netherland", "Wales" as "wale")
    return out | places | {key(p) for p in places}
