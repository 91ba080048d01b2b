"""The gazetteer: names → places, ambiguity settled by the article's countries, qualifiers and size."""

import pytest

from dyads.errors import DyadsError
from dyads.gazetteer import (
    Gazetteer,
    Place,
    distance_km,
    numeric_country_codes,
    packaged_gazetteer,
    place_key,
    point_of,
)


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return packaged_gazetteer()


@pytest.mark.parametrize(
    "name,countries,qualifier,expected",
    [
        ("Paris", (), "", ("Paris", "FRA", "city")),
        ("Paris", (), "Texas", ("Paris", "USA", "city")),
        ("Tripoli", (), "", ("Tripoli", "LBY", "city")),
        ("Tripoli", ("LBN", "LBN", "FRA"), "", ("Tripoli", "LBN", "city")),
        ("Georgia", (), "", ("Georgia", "GEO", "country")),
        ("Atlanta", (), "Georgia", ("Atlanta", "USA", "city")),
        ("London", (), "", ("London", "GBR", "city")),
        ("London", (), "Ontario", ("London", "CAN", "city")),
        ("Valencia", (), "", ("Valencia", "VEN", "city")),  # the most populous
        ("Valencia", ("ITA", "ESP"), "", ("Valencia", "ESP", "city")),
        ("Hyderabad", ("PAK",), "", ("Hyderabad", "PAK", "city")),
        ("the Kremlin", (), "", ("Kremlin", "RUS", "site")),
        ("Novo-Ogarevo", (), "", ("Novo-Ogaryovo", "RUS", "site")),
        ("Gaza Strip", (), "", ("Gaza Strip", "PSE", "region")),
        ("Red Sea", (), "", ("Red Sea", None, "region")),
        ("Kiev", (), "", ("Kyiv", "UKR", "city")),
        ("Hodeidah", (), "", ("Al Ḩudaydah", "YEM", "city")),
        ("Britain", (), "", ("United Kingdom", "GBR", "country")),
        ("Sudzha", (), "", ("Sudzha", "RUS", "city")),
    ],
)
def test_resolve(gazetteer, name, countries, qualifier, expected):
    place = gazetteer.resolve(name, countries, qualifier)
    assert place is not None
    assert (place.name, place.country, place.precision) == expected


def test_unknown_names_resolve_to_nothing_and_unknown_qualifiers_are_ignored(gazetteer):
    assert gazetteer.resolve("Xanaduville") is None
    assert gazetteer.resolve("Paris", qualifier="Elsewhereshire").country == "FRA"


def test_countries_sit_at_their_population_centre(gazetteer):
    ukraine = gazetteer.countries["UKR"]
    assert 46 < ukraine.lat < 51 and 28 < ukraine.lon < 36


@pytest.mark.parametrize(
    "name,key",
    [
        ("The Kremlin", "kremlin"),
        ("Novo-Ogaryovo", "novo ogaryovo"),
        ("Bogotá", "bogota"),
        ("Za’atari", "za'atari"),
    ],
)
def test_place_key(name, key):
    assert place_key(name) == key


def test_distance_km():
    assert distance_km(50.45, 30.52, 55.75, 37.62) == pytest.approx(756, abs=5)  # Kyiv–Moscow


def test_point_of(gazetteer):
    assert point_of("50.45, 30.52", gazetteer) == (50.45, 30.52)
    lat, lon = point_of("Kyiv", gazetteer)
    assert distance_km(lat, lon, 50.45, 30.52) < 10
    with pytest.raises(DyadsError, match="unknown place 'Atlantis-upon-Sea'"):
        point_of("Atlantis-upon-Sea", gazetteer)
    with pytest.raises(DyadsError, match="latitude"):
        point_of("95,10", gazetteer)


def test_world_map_codes():
    codes = numeric_country_codes()
    assert codes["804"] == "UKR" and codes["643"] == "RUS" and codes["840"] == "USA"


def test_a_users_places_table_is_read_and_checked(tmp_path):
    table = tmp_path / "places.csv"
    table.write_text(
        "name,aliases,country,lat,lon,precision,kind\nFort Example,Example Base,XYZ,1.5,2.5,site,military\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer.load({"Examplestan": "XYZ"}, [table])
    assert gazetteer.resolve("Example Base") == Place("Fort Example", "XYZ", 1.5, 2.5, "site")
    table.write_text("name,country\nX,Y\n", encoding="utf-8")
    with pytest.raises(DyadsError, match="needs the columns"):
        Gazetteer.load({}, [table])
