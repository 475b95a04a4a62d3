"""The one-pass YAML reader: data, the line of every value (aliases too), duplicate keys and
impossible dates, with libyaml's parser and with PyYAML's own (the fallback)."""

from __future__ import annotations

import pytest
import yaml

from hanhchinh_docs.errors import DataFileError
from hanhchinh_docs.model import yaml_source
from hanhchinh_docs.model.yaml_source import parse_yaml


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def parser(request, monkeypatch):
    if request.param == "python":
        monkeypatch.setattr(yaml_source, "_StrictLoader", yaml_source.strict_loader(yaml.SafeLoader))
    elif not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML was built without libyaml")


ALIASES = """\
ds: &ds
  - Sở Tài chính
  - 2024-02-30
noi_nhan: *ds
goc: &goc {a: 1, b: 2}
muc:
  <<: *goc
  c: 3
muc2: {<<: *goc, a: 5}
"""
IMPOSSIBLE = "Ngày '2024-02-30' không có thật: tháng 2 năm 2024 chỉ có 29 ngày (ngày từ 1 đến 29)"


def test_an_alias_reads_as_its_block_written_out_with_the_block_s_lines():
    source = parse_yaml(ALIASES, "f.yaml")
    assert source.data == {"ds": ["Sở Tài chính", "2024-02-30"], "noi_nhan": ["Sở Tài chính", "2024-02-30"],
                           "goc": {"a": 1, "b": 2}, "muc": {"a": 1, "b": 2, "c": 3}, "muc2": {"a": 5, "b": 2}}
    assert source.data["noi_nhan"] is not source.data["ds"]
    assert source.marks == {
        (): (1, 1), ("ds",): (1, 1), ("ds", 0): (2, 5), ("ds", 1): (3, 5),
        ("noi_nhan",): (4, 1), ("noi_nhan", 0): (2, 5), ("noi_nhan", 1): (3, 5),
        ("goc",): (5, 1), ("goc", "a"): (5, 12), ("goc", "b"): (5, 18),
        ("muc",): (6, 1), ("muc", "a"): (5, 12), ("muc", "b"): (5, 18), ("muc", "c"): (8, 3),
        ("muc2",): (9, 1), ("muc2", "a"): (9, 18), ("muc2", "b"): (5, 18)}
    assert source.impossible_dates == [(("ds", 1), IMPOSSIBLE), (("noi_nhan", 1), IMPOSSIBLE)]
    assert source.duplicate_keys == [("muc2", "a")]


def test_scalars_keep_text_and_only_plain_true_false_null_and_decimals_are_values():
    source = parse_yaml("a: [yes, NO, on, 010, 1_000, 0x1F, true, False, ~, null, -0, +5, 1.5, '12', 2024-01-05]\n"
                        "12: so\n", "f.yaml")
    assert source.data == {"a": ["yes", "NO", "on", "010", "1_000", "0x1F", True, False, None, None, 0, 5, 1.5,
                                 "12", "2024-01-05"], 12: "so"}
    assert source.marks[("12",)] == (2, 1)


@pytest.mark.parametrize("text, message, line", [
    ("a: 1\nb: 2\na: 3\n", None, None),
    ("a: &x [1, {b: *x}]\n", "vòng lặp vô tận", 1),
    ("a: !!str x\n", "thẻ kiểu YAML ('tag:yaml.org,2002:str')", 1),
    ("a: *x\n", "chưa được khai báo", 1),
    ("a: &x 1\nb: &x 2\n", "cấu trúc không hợp lệ", 2),
    ("? [a, b]\n: c\n", "tên trường phải là một chữ đơn giản", 1),
    ("a: b\n---\nc: d\n", "chỉ được có một văn bản", 2),
])
def test_what_the_reader_refuses_names_the_line(text, message, line):
    if message is None:
        assert parse_yaml(text, "f.yaml").duplicate_keys == [("a",)]
        return
    with pytest.raises(DataFileError) as refused:
        parse_yaml(text, "f.yaml")
    assert message in refused.value.message
    assert refused.value.location.line == line


def test_limits_count_values_as_written_and_as_expanded():
    over = "a: [" + ", ".join(["x"] * 149_998) + "]\n"  # the mapping, the key, the list: 150,001 values
    with pytest.raises(DataFileError, match="quá nhiều giá trị"):
        parse_yaml(over, "f.yaml")
    exact = "a: [" + ", ".join(["x"] * 149_997) + "]\n"
    assert len(parse_yaml(exact, "f.yaml").data["a"]) == 149_997
    bomb = "a: &a [" + ", ".join(["x"] * 1000) + "]\nb: [" + ", ".join(["*a"] * 149) + "]\n"
    with pytest.raises(DataFileError, match="nở ra"):
        parse_yaml(bomb, "f.yaml")
    nested: list = []
    for _ in range(38):
        nested = [nested]
    assert parse_yaml("a: " + "[" * 39 + "]" * 39 + "\n", "f.yaml").data["a"] == nested  # 40 with the mapping
    with pytest.raises(DataFileError, match="lồng nhau quá 40 cấp"):
        parse_yaml("a: " + "[" * 40 + "]" * 40 + "\n", "f.yaml")
    with pytest.raises(DataFileError, match="Bí danh.*lồng nhau quá 40 cấp"):
        parse_yaml("a: &d " + "[" * 30 + "]" * 30 + "\nb: " + "[" * 10 + "*d" + "]" * 10 + "\n", "f.yaml")
