"""The GDELT export reads as GDELT does: pandas with the published column list, 61 columns,
codes as strings with their leading zeros, numbers numeric."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from eventwire.export.gdelt import GDELT_COLUMNS, date_parts, fraction_date, global_event_id, write_gdelt
from eventwire.store import open_store

# GDELT 2.0's event table, written out here independently of the module under test, so that a
# wrong or misordered column there fails these tests.
PUBLISHED_COLUMNS = [
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
STRINGS = [name for name in PUBLISHED_COLUMNS if name.endswith(("Code", "Name", "FullName", "FeatureID")) or name == "SOURCEURL"]
INTEGERS = ["GlobalEventID", "Day", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions", "NumSources",
            "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type", "DATEADDED"]  # fmt: skip
FLOATS = ["FractionDate", "GoldsteinScale", "AvgTone",
          *(f"{block}Geo_{axis}" for block in ("Actor1", "Actor2", "Action") for axis in ("Lat", "Long"))]  # fmt: skip


def _export(store_path: Path, *, unique: bool = False) -> bytes:
    out = io.BytesIO()
    with open_store(store_path, read_only=True) as store:
        write_gdelt(store.connection, out, unique=unique)
    return out.getvalue()


def _read(data: bytes) -> pd.DataFrame:
    dtypes: dict[str, str] = {**dict.fromkeys(STRINGS, "string"), **dict.fromkeys(INTEGERS, "int64"),
                              **dict.fromkeys(FLOATS, "float64")}  # fmt: skip
    return pd.read_csv(io.BytesIO(data), sep="\t", header=None, names=PUBLISHED_COLUMNS, dtype=dtypes,
                       quoting=3, keep_default_na=False, na_values=[""], encoding="utf-8")  # fmt: skip


@pytest.fixture(scope="module")
def frame(store_path: Path) -> pd.DataFrame:
    return _read(_export(store_path))


def test_the_module_lists_the_published_columns() -> None:
    assert len(PUBLISHED_COLUMNS) == 61
    assert list(GDELT_COLUMNS) == PUBLISHED_COLUMNS


def test_every_line_has_61_cells_and_no_header(store_path: Path) -> None:
    lines = _export(store_path).decode("utf-8").splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)
    assert not lines[0].startswith("GlobalEventID")


def test_loads_with_pandas_with_the_right_dtypes(frame: pd.DataFrame, store_path: Path) -> None:
    with duckdb.connect(str(store_path), read_only=True) as connection:
        (events,) = connection.execute("SELECT count(*) FROM events").fetchone() or (0,)
    assert frame.shape == (events, 61)
    assert all(frame[name].dtype == "int64" for name in INTEGERS)
    assert all(frame[name].dtype == "float64" for name in FLOATS)
    assert frame["GlobalEventID"].is_unique and (frame["GlobalEventID"] > 0).all()
    assert frame["AvgTone"].isna().all()  # no tone is scored: empty, not 0


def test_cameo_codes_keep_their_leading_zeros(frame: pd.DataFrame) -> None:
    consult = frame[frame["EventCode"] == "043"]
    assert not consult.empty
    assert set(consult["EventBaseCode"]) == {"043"} and set(consult["EventRootCode"]) == {"04"}
    four_digits = frame[frame["EventCode"] == "0353"]
    assert set(four_digits["EventBaseCode"]) == {"035"} and set(four_digits["EventRootCode"]) == {"03"}
    assert frame["EventCode"].str.fullmatch(r"\d{2,4}").all()
    assert (frame["EventRootCode"] == frame["EventCode"].str[:2]).all()


def test_actors_and_their_country_blocks(frame: pd.DataFrame) -> None:
    row = frame[(frame["Actor1Code"] == "USAGOV") & (frame["Actor2Code"] == "JPNGOV")].iloc[0]
    assert (row["Actor1Name"], row["Actor1CountryCode"], row["Actor1Type1Code"]) == ("ANTONY BLINKEN", "USA", "GOV")
    assert row["Actor1Name"] == row["Actor1Name"].upper()
    # Actor geo: the country at its centre, in FIPS codes (Japan is JA in FIPS, JP in ISO).
    assert (row["Actor1Geo_Type"], row["Actor1Geo_CountryCode"], row["Actor1Geo_FullName"]) == (1, "US", "United States")
    assert (row["Actor2Geo_Type"], row["Actor2Geo_CountryCode"], row["Actor2Geo_ADM1Code"]) == (1, "JA", "JA")
    assert 30 < row["Actor2Geo_Lat"] < 46 and 128 < row["Actor2Geo_Long"] < 146


def test_action_geo_from_the_event_location(frame: pd.DataFrame) -> None:
    washington = frame[frame["ActionGeo_FullName"].str.startswith("Washington", na=False)].iloc[0]
    assert (washington["ActionGeo_Type"], washington["ActionGeo_CountryCode"]) == (3, "US")  # a US city
    assert washington["ActionGeo_ADM1Code"] == "USDC"
    assert abs(washington["ActionGeo_Lat"] - 38.9) < 0.2 and abs(washington["ActionGeo_Long"] + 77.0) < 0.2
    nairobi = frame[frame["ActionGeo_FullName"] == "Nairobi, Kenya"].iloc[0]
    assert (nairobi["ActionGeo_Type"], nairobi["ActionGeo_CountryCode"]) == (4, "KE")  # a world city
    assert nairobi["ActionGeo_FeatureID"].isdigit()  # its GeoNames id


def test_dates_counts_and_source(frame: pd.DataFrame) -> None:
    assert frame["Day"].astype(str).str.fullmatch(r"20\d{6}").all()
    assert (frame["MonthYear"] == frame["Day"] // 100).all() and (frame["Year"] == frame["Day"] // 10000).all()
    month_only = frame[(frame["Actor1Code"] == "PRK") & (frame["EventCode"] == "112")].iloc[0]
    assert (month_only["Day"], month_only["MonthYear"]) == (20240301, 202403)  # "In March": the first of the month
    assert frame["DATEADDED"].astype(str).str.fullmatch(r"\d{14}").all()
    assert (frame["NumMentions"] >= frame["NumArticles"]).all() and (frame["NumArticles"] >= 1).all()
    assert frame["SOURCEURL"].str.startswith("https://capitol-wire.example/").any()
    assert frame["SOURCEURL"].str.endswith("ceasefire.txt").any()  # no URL: where it was read from
    title_events = frame[frame["EventCode"] == "0353"]
    assert set(title_events["IsRootEvent"]) == {1}  # title and lead paragraph


def test_unique_writes_each_act_of_a_story_once(store_path: Path, frame: pd.DataFrame) -> None:
    unique = _read(_export(store_path, unique=True))
    assert len(unique) < len(frame)
    assert set(unique["GlobalEventID"]) <= set(frame["GlobalEventID"])
    agreed = unique[(unique["Actor1Code"] == "RUS") & (unique["Actor2Code"] == "UKR") & (unique["EventCode"] == "0353")]
    assert len(agreed) == 1 and agreed.iloc[0]["NumMentions"] == 2  # said in the title and the lead


def test_ids_are_stable_63_bit_integers() -> None:
    # pinned, so that a change to the hash (digest, bits, encoding) is seen: every id a user
    # has already exported would change with it
    assert global_event_id("3481ef9847b6be1c-0") == 3057690349538769439
    assert global_event_id("3481ef9847b6be1c-0") != global_event_id("3481ef9847b6be1c-1")
    assert 0 <= global_event_id("x") < 2**63


def test_dates_in_gdelt_form() -> None:
    assert date_parts("2024-06-12") == (2024, 6, 12)
    assert date_parts("2024-03") == (2024, 3, 1)
    assert date_parts("1984") == (1984, 1, 1)
    assert fraction_date(2024, 6, 12) == f"{2024 + (6 * 30 + 12) / 365:.4f}"
    with pytest.raises(ValueError):
        date_parts("June")
