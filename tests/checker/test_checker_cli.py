"""``hanhchinh-docs check``: exit 0 / 1 / 2, plain-Vietnamese messages, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from tests.checker.docx_builder import build

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ke_hoach_tuyen_truyen_cchc_2024.yaml"


def run(*args: str):
    return CliRunner().invoke(cli, ["check", *args])


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.fixture
def good_docx(tmp_path: Path) -> Path:
    return write(tmp_path / "dat.docx", build().getvalue())


@pytest.fixture
def bad_docx(tmp_path: Path) -> Path:
    return write(tmp_path / "sai.docx", build({"quoc_hieu": {"size": 14}, "ngay": {"italic": False}}).getvalue())


def test_conforming_document_exits_0_with_a_summary(good_docx: Path) -> None:
    result = run(str(good_docx))
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Kết quả: ") and "0 không đạt" in lines[-1]
    assert "Quốc hiệu, Tiêu ngữ" in result.output


def test_failures_exit_1_grouped_by_component(bad_docx: Path) -> None:
    result = run(str(bad_docx))
    assert result.exit_code == 1
    assert "[KHÔNG ĐẠT] HD02 Quốc hiệu" in result.output
    assert "cỡ chữ 14 pt; phải là 12 đến 13 pt" in result.output
    assert "[KHÔNG ĐẠT] HD12" in result.output
    assert "2 không đạt" in result.output.strip().splitlines()[-1]


def test_json_output_carries_the_same_facts(bad_docx: Path) -> None:
    result = run(str(bad_docx), "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["failed"] is True and data["summary"]["khong_dat"] == 2
    hd02 = next(r for r in data["results"] if r["rule"] == "HD02")
    assert hd02["outcome"] == "khong_dat" and hd02["legal_ref"] == "NĐ 30/2020, Phụ lục I, mục II.1.a"
    finding = hd02["findings"][0]
    assert finding["paragraph"] and finding["quote"].startswith("CỘNG HÒA")
    assert finding["found"] == "14 pt" and finding["expected"] == "12 đến 13 pt"
    assert {r["outcome"] for r in data["results"]} <= {"dat", "khong_dat", "khong_kiem_tra_duoc", "khong_ap_dung"}


UNREADABLE = {
    "not a docx": (b"Day la mot tep van ban, khong phai Word.\n", "không phải văn bản Word .docx"),
    "empty": (b"", "rỗng (0 byte)"),
    "truncated": (None, "bị hỏng hoặc chưa được tải"),
    "old .doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "Word 97-2003 (.doc)"),
    "encrypted": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "EncryptionInfo".encode("utf-16-le") + b"\0" * 600,
                  "đặt mật khẩu"),
    "a zip that is not Word": (None, "không phải văn bản Word (không có phần 'word/')"),
}


@pytest.mark.parametrize("case", UNREADABLE, ids=UNREADABLE.keys())
def test_unreadable_file_exits_2_with_a_clear_message(case: str, tmp_path: Path) -> None:
    data, message = UNREADABLE[case]
    if case == "truncated":
        whole = build().getvalue()
        data = whole[: len(whole) // 2]
    if case == "a zip that is not Word":
        import zipfile

        with zipfile.ZipFile(tmp_path / "x.zip", "w") as archive:
            archive.writestr("[Content_Types].xml", "<Types/>")
            archive.writestr("xl/workbook.xml", "<workbook/>")
        data = (tmp_path / "x.zip").read_bytes()
    result = run(str(write(tmp_path / "van_ban.docx", data)))
    assert result.exit_code == 2
    assert result.output.startswith("Lỗi: ") and message in result.output
    assert "Traceback" not in result.output


def test_missing_file_exits_2(tmp_path: Path) -> None:
    result = run(str(tmp_path / "khong_co.docx"))
    assert result.exit_code == 2 and "Không tìm thấy tệp" in result.output


def test_path_the_system_refuses_exits_2_in_vietnamese(tmp_path: Path) -> None:
    """A name longer than the file system allows (255 bytes on Linux) is the user's to fix, not an internal error."""
    result = run(str(tmp_path / ("a" * 300 + ".docx")))
    assert result.exit_code == 2
    assert "tên tệp hoặc đường dẫn quá dài" in result.output and "File name too long" not in result.output


@pytest.fixture
def flawed_plan(tmp_path: Path) -> Path:
    """The seed plan with the seed's own citation typo put back ("18-NQ/TW, ngày ...")."""
    text = EXAMPLE.read_text(encoding="utf-8").replace("18-NQ/TW ngày", "18-NQ/TW, ngày")
    path = tmp_path / "ke_hoach.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_plan_yaml_is_linted_with_warnings_and_exit_0(flawed_plan: Path) -> None:
    result = run(str(flawed_plan))
    assert result.exit_code == 0
    assert "Cảnh báo: Trích dẫn «Nghị quyết số 18-NQ/TW»" in result.stderr
    assert "dòng 82" in result.stderr


def test_clean_example_has_no_lint_warning() -> None:
    result = run(str(EXAMPLE))
    assert result.exit_code == 0 and result.stderr == ""


def test_plan_yaml_lint_as_json(flawed_plan: Path) -> None:
    result = run(str(flawed_plan), "--json")
    data = json.loads(result.stdout)
    assert result.exit_code == 0 and data and all(item["severity"] == "warning" for item in data)


def test_invalid_plan_yaml_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "hong.yaml"
    path.write_text("loai: ke_hoach\nnam: [2024\n", encoding="utf-8")
    result = run(str(path))
    assert result.exit_code == 2 and result.output.startswith("Lỗi: ")
