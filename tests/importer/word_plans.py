"""Word plans built by hand with python-docx, the way clerks really type them (no binary fixtures).

``build_plan(path, **quirks)`` writes a small plan in the usual ND30 layout; each keyword turns on
one quirk of real files, and every variant must import to the same ``EXPECTED`` data.
"""

from __future__ import annotations

import unicodedata
from datetime import date
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

CENTER = WD_ALIGN_PARAGRAPH.CENTER

LIST_ID = "90"
BULLETS_ID = "91"
UNDEFINED_LIST_ID = "77"
"""A list whose definition numbering.xml lacks: labels are inferred from the level."""

_ABSTRACT = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="{LIST_ID}">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
</w:abstractNum>"""
_BULLETS = f"""<w:abstractNum {nsdecls('w')} w:abstractNumId="{BULLETS_ID}">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/></w:lvl>
</w:abstractNum>"""
_NUMS = [f'<w:num {nsdecls("w")} w:numId="{n}"><w:abstractNumId w:val="{n}"/></w:num>' for n in (LIST_ID, BULLETS_ID)]

EXPECTED = {
    "loai": "ke_hoach",
    "nam": 2024,
    "co_quan": {"chu_quan": "UBND TỈNH HÀ TĨNH", "ban_hanh": "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "viet_tat": "STNMT",
                "ten": "Sở Tài nguyên và Môi trường"},
    "so": 5,
    "dia_danh": "Hà Tĩnh",
    "ngay": date(2024, 1, 5),
    "trich_yeu": "Tuyên truyền cải cách hành chính năm {{ nam }}",
    "mo_dau": ["Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về cải cách hành chính năm 2024; "
               "Sở xây dựng kế hoạch năm {{ nam }} như sau:"],
    "noi_dung": [
        {"tieu_de": "MỤC ĐÍCH, YÊU CẦU", "noi_dung": [
            {"tieu_de": "Mục đích:", "noi_dung": ["- Nâng cao nhận thức về cải cách hành chính."]},
            {"tieu_de": "Yêu cầu:", "noi_dung": [
                "- Bám sát nhiệm vụ năm {{ nam }} và giai đoạn 2021-2030;",
                "- Đổi mới hình thức tuyên truyền.",
            ]},
        ]},
        {"tieu_de": "NỘI DUNG", "noi_dung": [
            {"tieu_de": "Tuyên truyền", "noi_dung": [
                {"tieu_de": "Trên báo chí", "noi_dung": ["+ Báo Hà Tĩnh;", "+ Đài Phát thanh - Truyền hình tỉnh."]},
                {"van_ban": "Tổ chức hội nghị quán triệt các nội dung của kế hoạch."},
            ]},
        ]},
        {"tieu_de": "TỔ CHỨC THỰC HIỆN", "noi_dung": [
            {"van_ban": "Văn phòng Sở theo dõi, đôn đốc việc thực hiện kế hoạch này."},
        ]},
        "Trên đây là Kế hoạch cải cách hành chính năm {{ nam }} của Sở Tài nguyên và Môi trường.",
    ],
    "nguoi_ky": {"quyen_han": "KT. GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Nguyễn Văn An"},
    "noi_nhan": ["UBND tỉnh (để b/c)", "GĐ, PGĐ Sở"],
    "luu": ["VT", "VP"],
    "phu_luc": [{"ten": "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {{ nam }}", "danh_so_cot": True, "nhiem_vu": [
        {"ma": "NV01", "noi_dung": "Tuyên truyền trên Cổng thông tin điện tử của Sở.",
         "san_pham": ["Tin, bài tuyên truyền", "Báo cáo kết quả"], "chu_tri": "Văn phòng",
         "phoi_hop": "Các phòng, đơn vị", "thoi_gian": "Thường xuyên trong năm"},
        {"ma": "NV02", "noi_dung": "Tổ chức đối thoại với doanh nghiệp.", "san_pham": ["Báo cáo kết quả"],
         "chu_tri": "Văn phòng", "phoi_hop": ["Thanh tra", "Các phòng"], "thoi_gian": "Quý II, IV"},
    ]}],
    "chua_xu_ly": ["(Đã ký)", "Ghi chú: bản này gửi kèm tệp điện tử."],
}


class WordPlan:
    """Adds paragraphs the way the quirk flags say: NFD text, text split over many runs."""

    def __init__(self, *, nfd: bool = False, split_runs: bool = False) -> None:
        self.document = docx.Document()
        self.nfd = nfd
        self.split_runs = split_runs

    def _text(self, text: str) -> str:
        return unicodedata.normalize("NFD", text) if self.nfd else text

    def fill(self, paragraph, lines: list[str] | str, *, bold: bool = False, italic: bool = False,
             center: bool = False):
        """``lines``: one text, or several joined by manual line breaks; a "\\t" becomes a real tab."""
        for index, line in enumerate([lines] if isinstance(lines, str) else lines):
            if index:
                paragraph.add_run().add_break()
            chunks = [line[i:i + 5] for i in range(0, len(line), 5)] if self.split_runs else [line]
            for chunk in chunks:
                for piece_index, piece in enumerate(chunk.split("\t")):
                    if piece_index:
                        paragraph.add_run().add_tab()
                    run = paragraph.add_run(self._text(piece))
                    run.bold = bold
                    run.italic = italic
        if center:
            paragraph.alignment = CENTER
        return paragraph

    def para(self, lines: list[str] | str = "", container=None, **style):
        container = container if container is not None else self.document
        return self.fill(container.add_paragraph(), lines, **style)

    def list_para(self, text: str, level: int, list_id: str = LIST_ID, **style):
        """A paragraph numbered by Word (w:numPr): the label is not in the text."""
        paragraph = self.para(text, **style)
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{list_id}"/></w:numPr>'))
        return paragraph

    def define_lists(self) -> None:
        """The I. / 1. / a) list and a bullet list (• then o) in numbering.xml."""
        numbering = self.document.part.numbering_part.element
        for abstract in (_ABSTRACT, _BULLETS):
            first_num = numbering.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(parse_xml(abstract))
            else:
                numbering.append(parse_xml(abstract))
        for num in _NUMS:
            numbering.append(parse_xml(num))

    @staticmethod
    def cell(table, row: int, column: int):
        """A table cell emptied of python-docx's initial paragraph, to fill with ``para``."""
        cell = table.cell(row, column)
        for paragraph in list(cell.paragraphs):
            paragraph._p.getparent().remove(paragraph._p)
        return cell

    def grid(self, rows: list[list[str | None]]):
        """A table in the body with one paragraph of text per cell; None leaves a cell as Word makes it."""
        table = self.document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if text is not None:
                    self.para(text, self.cell(table, r, c))
        return table

    def save(self, path: Path) -> Path:
        self.document.save(str(path))
        return path


def _header(plan: WordPlan, as_table: bool) -> None:
    if not as_table:
        plan.para("UBND TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        plan.para("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG\tĐộc lập - Tự do - Hạnh phúc", bold=True)
        plan.para("Số: 05/KH-STNMT\t\tHà Tĩnh, ngày 05 tháng 01 năm 2024")
        return
    table = plan.document.add_table(rows=1, cols=2)
    left, right = plan.cell(table, 0, 0), plan.cell(table, 0, 1)
    plan.para("UBND TỈNH HÀ TĨNH", left, center=True)
    plan.para(["SỞ TÀI NGUYÊN", "VÀ MÔI TRƯỜNG"], left, bold=True, center=True)
    plan.para("________", left, center=True)
    plan.para("Số: 05/KH-STNMT", left, center=True)
    plan.para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right, bold=True, center=True)
    plan.para("Độc lập - Tự do - Hạnh phúc", right, bold=True, center=True)
    plan.para("Hà Tĩnh, ngày 05 tháng 01 năm 2024", right, italic=True, center=True)


def _item(plan: WordPlan, label: str, text: str, level: int, word_lists: str | None, **style) -> None:
    """A numbered item: label typed as text, or Word list numbering (defined or not)."""
    if word_lists is None:
        plan.para(f"{label} {text}", **style)
    else:
        plan.list_para(text, level, LIST_ID if word_lists == "defined" else UNDEFINED_LIST_ID, **style)


def _bullet(plan: WordPlan, text: str, word_lists: str | None) -> None:
    """A "- " or "+ " item: typed, or a Word bullet list (level 0 for "-", 1 for "+")."""
    if word_lists == "defined":
        plan.list_para(text[2:], 0 if text.startswith("-") else 1, BULLETS_ID)
    else:
        plan.para(text)


def _body(plan: WordPlan, word_lists: str | None, line_breaks: bool, stray_empty: bool) -> None:
    plan.para("Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của UBND tỉnh về cải cách hành chính năm 2024; "
              "Sở xây dựng kế hoạch năm 2024 như sau:")
    _item(plan, "I.", "MỤC ĐÍCH, YÊU CẦU", 0, word_lists, bold=True)
    _item(plan, "1.", "Mục đích:", 1, word_lists, bold=True)
    if stray_empty:
        plan.para("")
    _bullet(plan, "- Nâng cao nhận thức về cải cách hành chính.", word_lists)
    requirements = ["- Bám sát nhiệm vụ năm 2024 và giai đoạn 2021-2030;", "- Đổi mới hình thức tuyên truyền."]
    if line_breaks and word_lists is None:
        plan.para(["2. Yêu cầu:", *requirements[:1], "- Đổi mới hình thức", "tuyên truyền."])
    else:
        _item(plan, "2.", "Yêu cầu:", 1, word_lists, bold=True)
        for line in requirements:
            plan.para(line)
    if stray_empty:
        plan.para("")
        plan.para("")
    _item(plan, "II.", "NỘI DUNG", 0, word_lists, bold=True)
    _item(plan, "1.", "Tuyên truyền", 1, word_lists, bold=True)
    _item(plan, "a)", "Trên báo chí", 2, word_lists)
    _bullet(plan, "+ Báo Hà Tĩnh;", word_lists)
    _bullet(plan, "+ Đài Phát thanh - Truyền hình tỉnh.", word_lists)
    _item(plan, "b)", "Tổ chức hội nghị quán triệt các nội dung của kế hoạch.", 2, word_lists)
    _item(plan, "III.", "TỔ CHỨC THỰC HIỆN", 0, word_lists, bold=True)
    _item(plan, "1.", "Văn phòng Sở theo dõi, đôn đốc việc thực hiện kế hoạch này.", 1, word_lists)
    plan.para("Trên đây là Kế hoạch cải cách hành chính năm 2024 của Sở Tài nguyên và Môi trường./.")


def _signature(plan: WordPlan) -> None:
    table = plan.document.add_table(rows=1, cols=2)
    left, right = plan.cell(table, 0, 0), plan.cell(table, 0, 1)
    plan.para("Nơi nhận:", left, bold=True, italic=True)
    for line in ("- UBND tỉnh (để b/c);", "- GĐ, PGĐ Sở;", "- Lưu: VT, VP."):
        plan.para(line, left)
    plan.para("KT. GIÁM ĐỐC", right, bold=True, center=True)
    plan.para("PHÓ  GIÁM  ĐỐC", right, bold=True, center=True)
    plan.para("", right)
    plan.para("(Đã ký)", right, center=True)
    plan.para("", right)
    plan.para("Nguyễn  Văn  An", right, bold=True, center=True)


def task_table(plan: WordPlan, rows: list[list[str | list[str]]], *, header: bool = True):
    """The appendix table: header with breaks and odd spacing, a "(1)...(6)" row, then ``rows``
    (a list in a cell = one paragraph per item)."""
    headers = [["TT"], ["Nội dung", "công việc"], ["Sản  phẩm"], ["Đơn vị", "chủ trì"], ["Đơn vị phối hợp"],
               ["Thời gian", "thực hiện"]]
    extra = 2 if header else 0
    table = plan.document.add_table(rows=len(rows) + extra, cols=6)
    if header:
        for column, text in enumerate(headers):
            plan.para(text, plan.cell(table, 0, column), bold=True, center=True)
            plan.para(f"({column + 1})", plan.cell(table, 1, column), center=True)
    for r, row in enumerate(rows, start=extra):
        for column, value in enumerate(row):
            cell = plan.cell(table, r, column)
            for item in [value] if isinstance(value, str) else value:
                plan.para(item, cell)
    return table


def _appendix(plan: WordPlan) -> None:
    plan.para("PHỤ LỤC", bold=True, center=True)
    plan.para("NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2024", bold=True, center=True)
    plan.para("(Kèm theo Kế hoạch số 05/KH-STNMT ngày 05/01/2024 của Sở Tài nguyên và Môi trường)", italic=True,
              center=True)
    table = task_table(plan, [
        ["1", "Tuyên truyền trên Cổng thông tin điện tử của Sở.", ["- Tin, bài tuyên truyền;", "- Báo cáo kết quả."],
         "Văn phòng", "Các phòng, đơn vị", "Thường xuyên trong năm"],
        ["2", "Tổ chức đối thoại với doanh nghiệp.", "Báo cáo kết quả", "", "", "Quý II, IV"],
    ])
    lead = table.cell(2, 3).merge(table.cell(3, 3))  # "Văn phòng" leads both tasks (vertical merge)
    for paragraph in lead.paragraphs[1:]:
        paragraph._p.getparent().remove(paragraph._p)
    plan.fill(table.cell(3, 4).paragraphs[0], ["- Thanh tra;", "- Các phòng."])


def build_plan(path: Path, *, header_table: bool = True, word_lists: str | None = None, line_breaks: bool = False,
               stray_empty: bool = False, split_runs: bool = False, nfd: bool = False) -> Path:
    """The plan of ``EXPECTED`` as a Word file; ``word_lists``: None (typed labels), "defined"
    or "undefined" (numbering.xml lacks the list)."""
    plan = WordPlan(nfd=nfd, split_runs=split_runs)
    if word_lists == "defined":
        plan.define_lists()
    _header(plan, header_table)
    if stray_empty:
        plan.para("")
    plan.para("KẾ HOẠCH", bold=True, center=True)
    plan.para("Tuyên truyền cải cách hành chính", bold=True, center=True)
    plan.para("năm 2024", bold=True, center=True)
    plan.para("----------", center=True)
    _body(plan, word_lists, line_breaks, stray_empty)
    _signature(plan)
    plan.para("")
    plan.para("Ghi chú: bản này gửi kèm tệp điện tử.")
    plan.document.add_page_break()
    _appendix(plan)
    return plan.save(path)
