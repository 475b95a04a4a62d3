"""Hostile and broken .docx given to ``check`` and ``import``: a message and exit 2, or a normal
result; never a traceback, and nothing inflated, allocated or looped on beyond bounds."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from hanhchinh_docs.cli.main import cli
from hanhchinh_docs.docx_reading.opening import Unreadable, diagnose
from tests.docx_reading.hostile_docx import DOCUMENT, GIGABYTE, base_members, bomb, edit, hostile_cases, pack

CASES = hostile_cases()
REFUSED = {name for name, (_, part) in CASES.items() if part}


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    out = {}
    for number, (name, (data, _)) in enumerate(CASES.items()):
        out[name] = folder / f"van_ban_{number}.docx"
        out[name].write_bytes(data)
    return out


@pytest.mark.parametrize("name", CASES)
def test_check_refuses_naming_the_part_or_reports(name: str, files: dict[str, Path]) -> None:
    result = CliRunner().invoke(cli, ["check", str(files[name])])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    if name in REFUSED:
        assert result.exit_code == 2, result.output
        assert "hỏng" in result.output and CASES[name][1] in result.output
    else:
        assert result.exit_code in (0, 1), result.output
        assert "Kết quả:" in result.output


@pytest.mark.parametrize("name", CASES)
def test_import_refuses_or_reads(name: str, files: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "ke_hoach.yaml"
    result = CliRunner().invoke(cli, ["import", str(files[name]), "-o", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 2, result.output     # none of them is a complete plan
    assert result.output.startswith("Lỗi: ")
    if name in REFUSED:
        assert "hỏng" in result.output and CASES[name][1] in result.output
    assert not out.exists()


def test_a_bomb_is_refused_from_the_zip_directory_without_inflating() -> None:
    data = bomb(base_members(), size=GIGABYTE)
    assert len(data) < 2 * (1 << 20)            # a 1 GB part in under 2 MB
    assert diagnose(data) == (Unreadable.TOO_LARGE, "word/media/image1.png")


def test_a_member_with_a_lying_size_is_read_only_up_to_that_size() -> None:
    data = bomb(base_members(), size=64 << 20, declared=1000)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("word/media/image1.png") as member:
        with pytest.raises(zipfile.BadZipFile, match="CRC"):
            member.read(10_000)     # stops at the declared 1,000 bytes, which then fail their checksum
    assert diagnose(data) == (Unreadable.BROKEN_PART, "word/media/image1.png")


def test_encrypted_and_ppmd_members_are_named() -> None:
    members = base_members()
    assert diagnose(pack(members, encrypt={DOCUMENT})) == (Unreadable.BROKEN_PART, DOCUMENT)
    assert diagnose(pack(members, method={"word/styles.xml": 98})) == (Unreadable.BROKEN_PART, "word/styles.xml")


def test_a_huge_list_start_is_clamped_to_words_largest_start() -> None:
    from hanhchinh_docs.checker.docview import open_document

    members = edit(base_members(), "word/numbering.xml", r'<w:start w:val="\d+"/>', '<w:start w:val="99999999999"/>')
    members = edit(members, "word/numbering.xml", r'w:numFmt w:val="decimal"', 'w:numFmt w:val="upperRoman"')
    view = open_document(io.BytesIO(pack(members)))
    labels = [p.label for p in view.paragraphs if p.label]
    assert labels == ["M" * 32 + "DCCLXVII. ", "M" * 32 + "DCCLXVIII. "]     # 32767, 32768
