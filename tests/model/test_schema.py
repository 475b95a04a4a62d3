"""JSON Schema of each YAML kind: every example validates, typos are rejected, descriptions are
Vietnamese, and the shipped files match the models."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from hanhchinh_docs import api
from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.errors import HanhChinhError
from hanhchinh_docs.model.schema import KINDS

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


class EditorLoader(yaml.SafeLoader):
    """YAML as the editor's language server reads it (YAML 1.2: a date is a text)."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def validator(kind: str):
    schema = api.json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def load(path: Path) -> dict:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_every_example_validates_against_its_kind(example):
    data = load(example)
    errors = [f"{list(e.path)}: {e.message[:200]}" for e in validator(data["loai"]).iter_errors(data)]
    assert errors == []


@pytest.mark.parametrize("path, typo", [
    ((), "trich_yue"),
    (("nguoi_ky",), "ho_tem"),
    (("co_quan",), "viettat"),
    (("phu_luc", 0), "nhiem_vuu"),
])
def test_a_typo_key_is_rejected(path, typo):
    data = load(ROOT / "examples" / "ke_hoach_tuyen_truyen_cchc_2024.yaml")
    target = data
    for part in path:
        target = target[part]
    target[typo] = "x"
    errors = list(validator("ke_hoach").iter_errors(data))
    assert any(typo in e.message and "Additional properties" in e.message for e in errors)


def test_report_schema_rejects_unknown_key_and_wrong_types():
    data = load(ROOT / "examples" / "bao_cao_quy_1_2024.yaml")
    data["ket_qua_"] = {}
    data["ngay"] = "15/03/2024"
    messages = [e.message for e in validator("bao_cao").iter_errors(data)]
    assert any("ket_qua_" in m for m in messages)
    assert any("15/03/2024" in m for m in messages)


def test_a_single_text_stands_for_a_list_and_a_column_for_its_key():
    data = load(ROOT / "examples" / "ke_hoach_tuyen_truyen_cchc_2024.yaml")
    data["phu_luc"][0]["nhiem_vu"][0]["chu_tri"] = "Văn phòng"
    data["phu_luc"][0]["cot"] = ["tt", "noi_dung", {"khoa": "chu_tri", "ten": "Chủ trì", "rong": 30}]
    data["luu"] = "VT"
    assert list(validator("ke_hoach").iter_errors(data)) == []


def test_descriptions_are_vietnamese_and_titles_gone():
    schema = api.json_schema("ke_hoach")
    assert schema["title"] == "Kế hoạch (hanhchinh-docs)"
    assert schema["properties"]["trich_yeu"]["description"] == "Trích yếu nội dung."
    assert schema["$defs"]["Signer"]["properties"]["ho_ten"]["description"] == "Họ tên người ký."
    text = json.dumps(schema, ensure_ascii=False)
    assert '"title": "Trich Yeu"' not in text and "Cơ quan ban hành" in text
    for name, definition in schema["$defs"].items():
        for key, prop in definition.get("properties", {}).items():
            assert "description" in prop, f"{name}.{key} has no description"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_shipped_schema_files_match_the_models(kind):
    shipped = ROOT / "hanhchinh_docs" / "data" / "schemas" / f"{kind}.schema.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == api.json_schema(kind), \
        "run: python tools/build_schemas.py"


def test_schema_command_prints_or_writes_and_names_unknown_kinds(tmp_path):
    runner = CliRunner()
    printed = runner.invoke(cli, ["schema", "bao_cao"])
    assert printed.exit_code == 0
    assert json.loads(printed.output)["title"] == "Báo cáo định kỳ (hanhchinh-docs)"
    written = runner.invoke(cli, ["schema", "ke_hoach", "-o", str(tmp_path / "kh.json")])
    assert written.exit_code == 0 and json.loads((tmp_path / "kh.json").read_text(encoding="utf-8"))["properties"]
    unknown = runner.invoke(cli, ["schema", "ke_hoac"])
    assert unknown.exit_code == 2
    assert "Không có loại văn bản 'ke_hoac'; các loại có: ke_hoach, bao_cao" in unknown.output
    with pytest.raises(HanhChinhError):
        api.json_schema("")
