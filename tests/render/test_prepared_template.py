"""One template rendered again and again in one process (a batch): each document gets its own body,
header, footer and title, nothing of the document before it; the package is a sound zip."""

from __future__ import annotations

import shutil
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from docx import Document

from hanhchinh_docs import api
from hanhchinh_docs.errors import HanhChinhError

from conftest import EXAMPLES

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

REPORT = """loai: bao_cao
ke_hoach: ke_hoach_tuyen_truyen_cchc_2024.yaml
ky_bao_cao: quy_1
so: {number}
co_quan: {{ban_hanh: {agency}, viet_tat: {abbreviation}}}
kinh_gui: [Sở Tài nguyên và Môi trường]
noi_nhan: [Như trên]
{marks}
"""


def report(folder: Path, name: str, number: int, agency: str, abbreviation: str, marks: str = "") -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(REPORT.format(number=number, agency=agency, abbreviation=abbreviation, marks=marks),
                    encoding="utf-8")
    return path


def text_of(path: Path) -> str:
    document = Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def header_footer_text(path: Path) -> tuple[str, str]:
    section = Document(str(path)).sections[0]
    return ("\n".join(p.text for p in section.first_page_header.paragraphs + section.header.paragraphs),
            "\n".join(p.text for p in section.first_page_footer.paragraphs + section.footer.paragraphs))


def test_each_document_of_a_run_has_its_own_parts(tmp_path):
    shutil.copy(EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml", tmp_path)
    stamped = report(tmp_path, "a", 7, "PHÒNG TÀI CHÍNH", "PTC",
                     "pham_vi_luu_hanh: LƯU HÀNH NỘI BỘ\ndia_chi: ['Địa chỉ: 01 Nguyễn Du, TP Hà Tĩnh']")
    plain = report(tmp_path, "b", 12, "PHÒNG NỘI VỤ", "PNV")
    first, second, again = tmp_path / "a1.docx", tmp_path / "b.docx", tmp_path / "a2.docx"
    api.render_report(stamped, first)
    api.render_report(plain, second)
    api.render_report(stamped, again)

    body = text_of(second)
    assert "PHÒNG NỘI VỤ" in body and "Số: 12/BC-PNV" in body
    assert "PHÒNG TÀI CHÍNH" not in body and "PTC" not in body
    header, footer = header_footer_text(second)
    assert "LƯU HÀNH NỘI BỘ" not in header and "Nguyễn Du" not in footer
    assert Document(str(second)).core_properties.title.startswith("Kết quả thực hiện Kế hoạch")

    header, footer = header_footer_text(again)
    assert "LƯU HÀNH NỘI BỘ" in header
    assert "Địa chỉ: 01 Nguyễn Du, TP Hà Tĩnh" in footer
    assert "Số: 07/BC-PTC" in text_of(again)
    with zipfile.ZipFile(first) as a, zipfile.ZipFile(again) as b:
        assert a.testzip() is None and b.testzip() is None
        assert a.namelist() == b.namelist()
        assert a.namelist()[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert all(a.read(name) == b.read(name) for name in a.namelist() if name != "docProps/core.xml")


def test_threads_rendering_one_template_each_get_their_own_document(tmp_path):
    shutil.copy(EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml", tmp_path)
    numbers = range(1, 13)
    sources = {n: report(tmp_path, f"r{n}", n, f"PHÒNG SỐ {n}", f"P{n}") for n in numbers}
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda n: api.render_report(sources[n], tmp_path / f"r{n}.docx"), numbers))
    for n in numbers:
        text = text_of(tmp_path / f"r{n}.docx")
        assert f"Số: {n:02d}/BC-P{n}\n" in text + "\n" and f"PHÒNG SỐ {n}\n" in text + "\n", n


def test_a_document_that_fails_to_render_leaves_nothing_for_the_next(tmp_path):
    """A user's template that needs a second addressee: one report fails with a message and no file,
    the next one, from the same prepared template, comes out whole."""
    shutil.copy(EXAMPLES / "ke_hoach_tuyen_truyen_cchc_2024.yaml", tmp_path)
    template = tmp_path / "mau.docx"
    with zipfile.ZipFile(TEMPLATES / "bao_cao.docx") as source, zipfile.ZipFile(template, "w") as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "word/document.xml":
                data = data.replace(b"{{ so_ky_hieu }}", b"{{ so_ky_hieu }} {{ kinh_gui_nhieu[1] }}")
            target.writestr(member, data)
    one = report(tmp_path, "mot", 3, "PHÒNG MỘT", "PM")
    two = report(tmp_path, "hai", 4, "PHÒNG HAI", "PH").read_text(encoding="utf-8").replace(
        "kinh_gui: [Sở Tài nguyên và Môi trường]", "kinh_gui: [Sở Tài nguyên và Môi trường, Sở Nội vụ]")
    (tmp_path / "hai.yaml").write_text(two, encoding="utf-8")

    with pytest.raises(HanhChinhError, match="không có trong dữ liệu"):
        api.render_report(one, tmp_path / "mot.docx", template=template)
    assert not (tmp_path / "mot.docx").exists()
    api.render_report(tmp_path / "hai.yaml", tmp_path / "hai.docx", template=template)
    text = text_of(tmp_path / "hai.docx")
    assert "Số: 04/BC-PH - Sở Nội vụ." in text and "PHÒNG HAI" in text
    assert "PHÒNG MỘT" not in text and "PM" not in text
