"""One value in one workbook cell: lists, mappings and records as text, read back exactly."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from estrategy.io._cells import (
    CellSyntaxError,
    escape_xml_text,
    read_list,
    read_mapping,
    read_records,
    unescape_xml_text,
    write_list,
    write_mapping,
    write_records,
)

_XML_CHARS = st.characters(blacklist_categories=["Cs"])  # any text a model can hold
_TEXTS = st.text(alphabet=_XML_CHARS, max_size=12)
_KEYS = st.text(alphabet=_XML_CHARS, max_size=8)


@given(st.lists(_TEXTS, max_size=5))
def test_any_list_reads_back_as_written(items: list[str]) -> None:
    assert read_list(write_list(items)) == items


@given(st.dictionaries(_KEYS, _TEXTS, max_size=4))
def test_any_mapping_reads_back_as_written(pairs: dict[str, str]) -> None:
    assert read_mapping(write_mapping(pairs)) == pairs


@given(st.lists(st.dictionaries(_KEYS, _TEXTS, max_size=3), max_size=3))
def test_any_list_of_records_reads_back_as_written(records: list[dict[str, str]]) -> None:
    assert read_records(write_records(records)) == records


@given(_TEXTS)
def test_any_text_survives_the_workbook_escape(text: str) -> None:
    stored = escape_xml_text(text)
    assert unescape_xml_text(stored) == text
    # what XML cannot hold, or would turn \r into \n, is never stored as itself
    assert not any(c in stored for c in "\x00\x01\x0b\x0c\r\x1f\ufffe\uffff")


def test_the_readable_forms() -> None:
    assert write_list(["p-cm", "p-sales"]) == "p-cm; p-sales"
    assert write_mapping({"site": "Brest", "desk": "12"}) == "site=Brest, desk=12"
    records = [{"code": "STR001", "reason": "kept on purpose"}, {"code": "ACT003"}]
    assert write_records(records) == "code=STR001, reason=kept on purpose; code=ACT003"
    assert escape_xml_text("_x0041_") == "_x005F_x0041_"  # what Excel itself writes


def test_what_people_type_is_read_generously() -> None:
    assert read_list("  a ;b;; c ;  ") == ["a", "b", "c"]  # spaces and empty items
    assert read_list("a\\; b; c\\\\") == ["a; b", "c\\"]
    assert read_list("\\ a\\ ") == [" a "]  # an escaped space at either end is kept
    assert read_mapping(" site = Brest ,desk=12, ") == {"site": "Brest", "desk": "12"}
    assert read_records("code=A; ;code=B, reason=") == [
        {"code": "A"},
        {"code": "B", "reason": ""},
    ]


def test_odd_values_fall_back_to_json_and_stay_readable() -> None:
    assert write_list(["", "x"]) == '["", "x"]'
    assert read_list('["", "x"]') == ["", "x"]
    assert write_list(["[not json"]) == "\\[not json"  # a first [ is made ordinary
    assert read_list("\\[not json") == ["[not json"]
    assert write_records([{}]) == "[{}]"
    assert read_mapping('{"a": "b"}') == {"a": "b"}


@pytest.mark.parametrize(
    ("reader", "text", "says"),
    [
        (read_list, "a; b\\", "a backslash at the end escapes nothing"),
        (read_list, "[1, 2", "not valid JSON"),
        (read_list, '[["nested"]]', "a JSON array of values"),
        (read_list, "[NaN]", "NaN is not a value"),
        (read_mapping, "site Brest", "expected key=value, got 'site Brest'"),
        (read_mapping, "a=1, a=2", "'a' is given twice"),
        (read_mapping, "{1, 2}", "not valid JSON"),
        (read_mapping, '{"a": 1}x', "not valid JSON"),
        (read_records, "code=A, oops", "expected key=value"),
        (read_records, '["x"]', "a JSON array of objects"),
    ],
)
def test_malformed_cells_say_what_is_wrong(reader: object, text: str, says: str) -> None:
    with pytest.raises(CellSyntaxError, match=says):
        reader(text)  # type: ignore[operator]


def test_deep_json_is_refused_not_a_crash() -> None:
    with pytest.raises(CellSyntaxError):
        read_list("[" * 30_000)
