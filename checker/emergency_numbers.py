"""The numbers to call, and where each is used: the one table.

Every emergency instruction on the site is a call button. The page guesses the
reader's place on the device, from the browser's time zone and then its language
(``navigator.languages``): no request is made. The table says, for each place,
the time zones and language regions that point to it, its emergency numbers
(the first is the one on the large button) and, where a national line exists, the
number for help the same day. When nothing points to a place, the default is
112: it works across the European Union and from most mobile phones.

Only numbers that are certain are listed. A number missing here is not a fault:
the reader gets 112 first, and every listed number in smaller type.
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass
from types import MappingProxyType
from typing import Any

from .i18n import _, language_now


@dataclass(frozen=True)
class Line:
    """A number to call, and what it is ("emergency", "NHS 111")."""

    number: str
    name: str

    def to_dict(self) -> dict[str, str]:
        """Return the line as JSON-ready data, its name in the language being spoken
        ("emergency", which marks the general line, stays as it is)."""
        return {"number": self.number,
                "name": self.name if self.name == EMERGENCY_LINE else _(self.name)}


@dataclass(frozen=True)
class Place:
    """A country or group of countries with the same numbers.

    ``zones`` are IANA time zones; one ending in "/" stands for every zone that
    starts with it ("Australia/"). ``regions`` are the region parts of language
    tags (the "GB" of "en-GB").
    """

    id: str
    _: KW_ONLY
    name: str
    zones: tuple[str, ...]
    regions: tuple[str, ...]
    emergency: tuple[Line, ...]
    urgent: tuple[Line, ...] = ()

    def __post_init__(self) -> None:
        if not self.emergency:
            raise ValueError(f"place {self.id}: it needs an emergency number")
        for line in (*self.emergency, *self.urgent):
            if not line.number.isdigit():
                raise ValueError(f"place {self.id}: {line.number!r} is not a number to dial")

    def to_dict(self) -> dict[str, Any]:
        """Return the place as JSON-ready data, for the page's guess."""
        return {"id": self.id, "name": _(self.name), "zones": list(self.zones),
                "regions": list(self.regions),
                "emergency": [line.to_dict() for line in self.emergency],
                "urgent": [line.to_dict() for line in self.urgent]}


# ---------------------------------------------------------------------------
# Data

EMERGENCY_LINE = "emergency"

# The European Union: 112 reaches the emergency services in every member state.
EU_ZONES = tuple(f"Europe/{city}" for city in (
    "Amsterdam", "Athens", "Berlin", "Bratislava", "Brussels", "Bucharest", "Budapest",
    "Copenhagen", "Helsinki", "Lisbon", "Ljubljana", "Luxembourg", "Madrid", "Malta",
    "Paris", "Prague", "Riga", "Rome", "Sofia", "Stockholm", "Tallinn", "Vienna",
    "Vilnius", "Warsaw", "Zagreb")) + ("Asia/Nicosia", "Atlantic/Canary", "Atlantic/Madeira",
                                       "Atlantic/Azores")
EU_REGIONS = ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR",
              "HU", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK")

US_ZONES = ("America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
            "America/Phoenix", "America/Anchorage", "America/Detroit", "America/Boise",
            "America/Indiana/", "America/Kentucky/", "America/North_Dakota/",
            "Pacific/Honolulu")
CANADA_ZONES = ("America/Toronto", "America/Vancouver", "America/Edmonton",
                "America/Winnipeg", "America/Halifax", "America/St_Johns", "America/Regina",
                "America/Montreal", "America/Moncton")

PLACES = (
    Place("GB", name="the UK", zones=("Europe/London",), regions=("GB", "UK"),
          emergency=(Line("999", EMERGENCY_LINE), Line("112", EMERGENCY_LINE)),
          urgent=(Line("111", "NHS 111"),)),
    Place("IE", name="Ireland", zones=("Europe/Dublin",), regions=("IE",),
          emergency=(Line("112", EMERGENCY_LINE), Line("999", EMERGENCY_LINE))),
    Place("EU", name="the European Union", zones=EU_ZONES, regions=EU_REGIONS,
          emergency=(Line("112", EMERGENCY_LINE),)),
    Place("US", name="the US", zones=US_ZONES, regions=("US",),
          emergency=(Line("911", EMERGENCY_LINE),)),
    Place("CA", name="Canada", zones=CANADA_ZONES, regions=("CA",),
          emergency=(Line("911", EMERGENCY_LINE),)),
    Place("RU", name="Russia",
          zones=("Europe/Moscow", "Europe/Samara", "Europe/Volgograd", "Europe/Kaliningrad",
                 "Asia/Yekaterinburg", "Asia/Omsk", "Asia/Novosibirsk", "Asia/Krasnoyarsk",
                 "Asia/Irkutsk", "Asia/Yakutsk", "Asia/Vladivostok", "Asia/Magadan",
                 "Asia/Kamchatka"),
          regions=("RU",), emergency=(Line("112", EMERGENCY_LINE), Line("103", "ambulance"))),
    Place("AU", name="Australia", zones=("Australia/",), regions=("AU",),
          emergency=(Line("000", EMERGENCY_LINE),)),
    Place("NZ", name="New Zealand", zones=("Pacific/Auckland", "Pacific/Chatham"),
          regions=("NZ",), emergency=(Line("111", EMERGENCY_LINE),)),
)

PLACES_BY_ID = MappingProxyType({place.id: place for place in PLACES})

# When nothing points to a place: 112 works across the EU and from most mobile phones.
DEFAULT_PLACE = "EU"

# The places whose numbers a sentence names when it cannot show buttons (the
# command line, a printout), for the readers of each language: "112, 999 or 911"
# in English, "112 или 103" in Russian.
NAMED_IN_WORDS = MappingProxyType({"en": ("EU", "GB", "US"), "ru": ("RU",)})


def numbers_in_words() -> str:
    """Return, in the language being spoken, the emergency numbers of the places its
    readers are in (NAMED_IN_WORDS): "112, 999 or 911"."""
    numbers = list(dict.fromkeys(line.number for place in NAMED_IN_WORDS[language_now()]
                                 for line in PLACES_BY_ID[place].emergency))
    if len(numbers) == 1:
        return numbers[0]
    return _("{numbers} or {last}").format(numbers=", ".join(numbers[:-1]), last=numbers[-1])


def place_for(zone: str, languages: tuple[str, ...]) -> Place:
    """Return the place a device's time zone and languages point to, as the page
    guesses it: the time zone first (where the device is), then the first
    language with a region that the table knows, else the default."""
    for place in PLACES:
        if any(zone == known or (known.endswith("/") and zone.startswith(known))
               for known in place.zones):
            return place
    for language in languages:
        parts = language.replace("_", "-").split("-")
        regions = [part.upper() for part in parts[1:] if len(part) == 2 and part.isalpha()]
        for place in PLACES:
            if regions and regions[0] in place.regions:
                return place
    return PLACES_BY_ID[DEFAULT_PLACE]


def call_table() -> dict[str, Any]:
    """Return the table as JSON-ready data, for the page's guess and its buttons, with
    the buttons' words in the language being spoken."""
    return {"default": DEFAULT_PLACE, "places": [place.to_dict() for place in PLACES],
            "words": {"call": _("Call {number}"), "others": _("Other emergency numbers:")}}
