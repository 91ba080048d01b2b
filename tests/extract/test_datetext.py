import datetime as dt

import pytest

from dyads.extract.datetext import parse_date_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Wed 22nd Jan, 2025", (dt.date(2025, 1, 22), "day")),
        ("January 22, 2025", (dt.date(2025, 1, 22), "day")),
        ("22 January 2025", (dt.date(2025, 1, 22), "day")),
        ("2025-01-22", (dt.date(2025, 1, 22), "day")),
        ("Published: Tuesday, March 4, 2025 10:32 AM GMT", (dt.date(2025, 3, 4), "day")),
        ("Updated on Jan. 5, 2024", (dt.date(2024, 1, 5), "day")),
        ("March 2025", (dt.date(2025, 3, 1), "month")),
        ("March 4", None),
        ("Summary", None),
        ("Putin and Xi spoke by phone on January 21, 2025, officials in both capitals said.", None),
    ],
)
def test_date_lines(line, expected):
    assert parse_date_line(line) == expected
