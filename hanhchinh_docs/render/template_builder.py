"""Builds templates/ke_hoach.docx and templates/bao_cao.docx from code (ND30 Mẫu 1.4 + Mẫu 2.1).

The templates are ordinary Word files a clerk can open, restyle and pass back with
``--template``: all formatting lives in named paragraph styles ("ND30 ..."), the data arrives
through docxtpl tags. The lengths of the three short lines are set at render time from the real
text (see ``render.postprocess``); the template holds a sensible default.

Rebuild after a change with ``python tools/build_templates.py``; a test checks the committed
files are what this module builds.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Length, Mm, Pt

from hanhchinh_docs.conventions.style_names import STYLE_NAMES
from hanhchinh_docs.conventions.kinds import DECISION_KINDS
from hanhchinh_docs.conventions.kinds import KINDS as FORM_KINDS
from hanhchinh_docs.render import oxml
from hanhchinh_docs.render.forms_context import ARTICLE, AUTHORITY, LEGAL_BASIS
from hanhchinh_docs.conventions.spec import load_spec
from hanhchinh_docs.conventions.text_width import text_width

SPEC = load_spec()

CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY
RIGHT = WD_ALIGN_PARAGRAPH.RIGHT

PORTRAIT_MARGINS = {side: Mm(allowed.low) for side, allowed in SPEC.margins.items()}
"""The low end of ND30's ranges (top/bottom 20-25, left 30-35, right 15-20 mm), leaving 165 mm
of text width so the header table can use the sample forms' column widths."""

LANDSCAPE_MARGINS = {"top": Mm(30), "bottom": Mm(15), "left": Mm(20), "right": Mm(20)}
"""ND30 gives no landscape margins; these keep the binding edge (the portrait left side, the
top of a landscape page) as wide as in portrait."""

HEADER_COLUMNS = [Mm(64), Mm(101)]
"""Sample forms: left 60-69 mm, right 95-103 mm; 101 mm fits the Quốc hiệu on one line."""

SIGNATURE_COLUMNS = [Mm(65), Mm(100)]


def sample_size(element_id: str) -> float:
    """The size (pt) of an element in ND30's sample forms, from the shared spec."""
    return SPEC.element(element_id).sample_size


BODY_INDENT = SPEC.first_line_indents[0]
"""1 cm, as in the sample forms (1.27 cm is the other allowed value)."""

SIGNER_TITLE_SIZE = 13
"""Mẫu 1.4 sets the signer's title in 13 pt (the spec's sample, 14, is the other forms')."""


@dataclass(frozen=True)
class Kind:
    type_name: str | None         # the tên loại line, e.g. KẾ HOẠCH; None for công văn (V/v instead)
    appendices: bool = False      # a landscape section of appendix tables follows
    signatures: int = 1           # 2: biên bản, signed by the secretary and the chair
    attached: bool = False        # Mẫu 1.3: the issued plan follows the decision


def _kind(code: str) -> Kind:
    """A kind's template parts, from the one kind registry (``conventions.kinds``)."""
    type_name = FORM_KINDS[code].type_name
    if code in ("ke_hoach", "bao_cao"):
        return Kind(type_name, appendices=True)
    if code in DECISION_KINDS:
        return Kind(type_name, appendices=True, attached=True)
    return Kind(type_name, signatures=2 if code == "bien_ban" else 1)


KINDS = {code: _kind(code) for code in FORM_KINDS}
"""One template per kind, named by its ``loai`` (templates/quyet_dinh.docx ...)."""

TABLE_PLACE_STYLE = "ND30BangCho"
"""An empty paragraph marking where a table goes; ``render.tables`` builds the table there."""


ADDRESSEE_LABEL = "Kính gửi:"
ADDRESSEE_INDENT = Cm(3.5)
"""Mẫu 1.5 indents "Kính gửi:" 3.5 cm; the "- " lines of several addressees start under its colon."""


@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    size: float = 14
    bold: bool = False
    italic: bool = False
    align: WD_ALIGN_PARAGRAPH = CENTER
    before: float = 0
    after: float = 0
    first_line: Length | None = None
    left: Length | None = None
    keep_next: bool = False
    line_rule: str = "single"  # "single" | "rule" (a short line paragraph)
    based_on: str | None = None
    line_above: bool = False   # a full-width line over the paragraph (the address block, ô 13)

    @property
    def name(self) -> str:
        return STYLE_NAMES[self.style_id]


STYLES = [
    StyleSpec("ND30CoQuanChuQuan", sample_size("ten_co_quan_chu_quan")),
    StyleSpec("ND30CoQuanBanHanh", sample_size("ten_co_quan_ban_hanh"), bold=True),
    StyleSpec("ND30SoKyHieu", sample_size("so_ky_hieu"), before=6),
    StyleSpec("ND30QuocHieu", sample_size("quoc_hieu"), bold=True),
    StyleSpec("ND30TieuNgu", sample_size("tieu_ngu"), bold=True),
    StyleSpec("ND30DiaDanhNgay", sample_size("dia_danh_thoi_gian"), italic=True, before=6),
    StyleSpec("ND30DuongKe", 1, before=2, after=2, line_rule="rule"),
    StyleSpec("ND30DuongKeCoQuan", 1, line_rule="rule", based_on="ND30DuongKe"),
    StyleSpec("ND30DuongKeTieuNgu", 1, line_rule="rule", based_on="ND30DuongKe"),
    StyleSpec("ND30DuongKeTrichYeu", 1, line_rule="rule", based_on="ND30DuongKe"),
    StyleSpec("ND30DuongKePhuLuc", 1, after=12, line_rule="rule",
              based_on="ND30DuongKe"),
    StyleSpec("ND30TenLoai", sample_size("ten_loai"), bold=True, before=24, keep_next=True),
    StyleSpec("ND30TrichYeu", sample_size("trich_yeu"), bold=True, keep_next=True),
    StyleSpec("ND30KinhGui", sample_size("kinh_gui"), align=LEFT, before=12, left=ADDRESSEE_INDENT),
    StyleSpec("ND30KinhGuiDong", sample_size("kinh_gui"), align=LEFT,
              left=Length(ADDRESSEE_INDENT + text_width(ADDRESSEE_LABEL + " ", sample_size("kinh_gui")))),
    StyleSpec("ND30NoiDung", sample_size("noi_dung"), align=JUSTIFY, before=6, first_line=BODY_INDENT),
    StyleSpec("ND30Muc", 14, bold=True, align=JUSTIFY, before=6, first_line=BODY_INDENT,
              keep_next=True, based_on="ND30NoiDung"),
    StyleSpec("ND30Khoan", 14, bold=True, align=JUSTIFY, before=6, first_line=BODY_INDENT,
              keep_next=True, based_on="ND30NoiDung"),
    StyleSpec("ND30Diem", 14, align=JUSTIFY, before=6, first_line=BODY_INDENT,
              keep_next=True, based_on="ND30NoiDung"),
    StyleSpec("ND30NoiNhanTieuDe", sample_size("noi_nhan_label"), bold=True, italic=True, align=LEFT, before=12),
    StyleSpec("ND30NoiNhan", sample_size("noi_nhan_items"), align=LEFT),
    StyleSpec("ND30ChucVu", SIGNER_TITLE_SIZE, bold=True),
    StyleSpec("ND30ChucVuDau", SIGNER_TITLE_SIZE, bold=True, before=12,
              based_on="ND30ChucVu"),
    StyleSpec("ND30HoTen", sample_size("ho_ten_nguoi_ky"), bold=True, before=72),
    StyleSpec("ND30PhuLucNhan", sample_size("phu_luc_label"), bold=True, keep_next=True),
    StyleSpec("ND30PhuLucTen", sample_size("phu_luc_title"), bold=True, keep_next=True),
    StyleSpec("ND30KemTheo", sample_size("phu_luc_kem_theo"), italic=True, keep_next=True),
    StyleSpec("ND30BangTieuDe", 13, bold=True, before=3, after=3),
    StyleSpec("ND30Bang", 13, align=LEFT, before=3, after=3),
    StyleSpec("ND30BangGiua", 13, before=3, after=3),
    StyleSpec(TABLE_PLACE_STYLE, 13, align=LEFT),
    StyleSpec("ND30NgatTrang", 1, line_rule="rule"),
    StyleSpec("ND30TrichYeuCongVan", sample_size("trich_yeu_cong_van"), before=6),
    StyleSpec("ND30CanCu", sample_size("noi_dung"), italic=True, align=JUSTIFY, before=6,
              first_line=BODY_INDENT, based_on="ND30NoiDung"),
    StyleSpec("ND30ThamQuyen", sample_size("noi_dung"), bold=True, before=6,
              after=6, keep_next=True),
    StyleSpec("ND30Dieu", sample_size("noi_dung"), align=JUSTIFY, before=6, first_line=BODY_INDENT,
              based_on="ND30NoiDung"),
    StyleSpec("ND30DauMat", 13, bold=True, before=6),
    StyleSpec("ND30PhamVi", 13, bold=True, align=RIGHT),
    StyleSpec("ND30DiaChi", 11, align=LEFT, line_above=True),
]

BODY_NAMED_STYLES = {LEGAL_BASIS: "ND30CanCu", AUTHORITY: "ND30ThamQuyen"}
"""Body paragraphs a kind adds (``forms_context``) -> their style; Điều has its own bold label run."""


BODY_LEVEL_STYLES = ("ND30Muc", "ND30Khoan", "ND30Diem")
"""Paragraph style of a titled body item at level 1 (I.), 2 (1.) and 3 (a)); level 0 is plain text."""


def _strip_package(document) -> None:
    """Drop what python-docx's default template carries but a lean, deterministic file does not need."""
    package = document.part.package
    for rel in list(package.rels.values()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel.rId)
    for rel in list(document.part.rels.values()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml", "/webSettings")):
            document.part.rels.pop(rel.rId)
    settings = document.settings.element
    for tag in ("w:rsids", "w:attachedTemplate"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    for setting in settings.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")
    for el in settings.findall(qn("w14:docId")) if "w14" in settings.nsmap else []:
        settings.remove(el)
    props = document.core_properties
    props.author = "hanhchinh-docs"
    props.last_modified_by = "hanhchinh-docs"
    props.title = ""
    props.revision = 1


def _reset_styles(document) -> None:
    """Keep only the styles the document uses; Times New Roman everywhere, no theme fonts."""
    styles = document.styles.element
    keep = {"Normal", "Header", "DefaultParagraphFont", "TableNormal", "NoList"}
    for style in styles.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in keep:
            styles.remove(style)
    for link in styles.iter(qn("w:link")):
        link.getparent().remove(link)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    oxml.set_fonts(rpr)
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "28")
    rpr.append(size)
    oxml.set_size_cs(rpr, 28)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    lang.set(qn("w:eastAsia"), "vi-VN")
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)
    ppr_default = defaults.find(qn("w:pPrDefault"))
    ppr = ppr_default.find(qn("w:pPr"))
    for child in list(ppr):
        ppr.remove(child)
    spacing = OxmlElement("w:spacing")
    for key, value in (("after", "0"), ("line", "240"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{key}"), value)
    ppr.append(spacing)
    for style_rpr in styles.iter(qn("w:rPr")):
        if style_rpr.find(qn("w:rFonts")) is not None:
            oxml.set_fonts(style_rpr)
    header = document.styles["Header"]
    header.font.size = Pt(14)
    header.paragraph_format.alignment = CENTER
    header.paragraph_format.tab_stops.clear_all()


def _add_style(document, spec: StyleSpec) -> None:
    style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), spec.style_id)
    style.base_style = document.styles.get_by_id(spec.based_on, WD_STYLE_TYPE.PARAGRAPH) if spec.based_on \
        else document.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = spec.italic
    oxml.set_size_cs(style.element.get_or_add_rPr(), int(spec.size * 2))
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    if spec.based_on is None or spec.before:
        fmt.space_before = Pt(spec.before)
    if spec.based_on is None or spec.after:
        fmt.space_after = Pt(spec.after)
    if spec.line_rule == "rule":
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(1)
        if spec.style_id.startswith("ND30DuongKe") and spec.based_on is None:
            oxml.set_bottom_border(style.element.get_or_add_pPr())
    else:
        fmt.line_spacing = 1.0
    if spec.line_above:
        oxml.set_bottom_border(style.element.get_or_add_pPr(), side="top")
    if spec.first_line is not None:
        fmt.first_line_indent = spec.first_line
    if spec.left is not None:
        fmt.left_indent = spec.left
    fmt.keep_with_next = spec.keep_next
    fmt.widow_control = True


class _Writer:
    """Adds paragraphs in the document's own styles to any block container (body or cell)."""

    def __init__(self, document):
        self.document = document

    def p(self, container, text: str, style_id: str):
        paragraph = container.add_paragraph(text)
        paragraph.style = self.document.styles.get_by_id(style_id, WD_STYLE_TYPE.PARAGRAPH)
        return paragraph

    def tag(self, container, tag: str):
        """A paragraph that holds only a ``{%p ... %}`` tag; docxtpl removes it when rendering."""
        return self.p(container, "{%p " + tag + " %}", "ND30NoiDung")

    @staticmethod
    def clear(cell) -> None:
        for paragraph in list(cell.paragraphs):
            paragraph._p.getparent().remove(paragraph._p)


def _borderless_table(document, rows: int, widths) -> "docx.table.Table":
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    oxml.set_table_borders(table._tbl, "nil")
    oxml.set_table_widths(table, widths)
    return table


def _header_table(document, w: _Writer, letter: bool) -> None:
    table = _borderless_table(document, 2, HEADER_COLUMNS)
    left, right = table.cell(0, 0), table.cell(0, 1)
    for cell in (left, right, table.cell(1, 0), table.cell(1, 1)):
        w.clear(cell)
    w.tag(left, "if co_quan.chu_quan")
    w.p(left, "{{ co_quan.chu_quan }}", "ND30CoQuanChuQuan")
    w.tag(left, "endif")
    w.p(left, "{{ co_quan.ban_hanh }}", "ND30CoQuanBanHanh")
    w.p(left, "", "ND30DuongKeCoQuan")
    w.p(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ND30QuocHieu")
    w.p(right, "Độc lập - Tự do - Hạnh phúc", "ND30TieuNgu")
    w.p(right, "", "ND30DuongKeTieuNgu")
    w.p(table.cell(1, 0), "Số: {{ so_ky_hieu }}", "ND30SoKyHieu")
    if letter:
        w.p(table.cell(1, 0), "{{ trich_yeu_cong_van }}", "ND30TrichYeuCongVan")
    w.tag(table.cell(1, 0), "if do_mat or do_khan")
    w.p(table.cell(1, 0), "", "ND30NgatTrang")   # the marks are stamps, not the end of a broken V/v line
    w.tag(table.cell(1, 0), "endif")
    for mark in ("do_mat", "do_khan"):
        w.tag(table.cell(1, 0), f"if {mark}")
        oxml.set_run_box(w.p(table.cell(1, 0), "{{ %s }}" % mark, "ND30DauMat").runs[0]._r.get_or_add_rPr())
        w.tag(table.cell(1, 0), "endif")
    w.p(table.cell(1, 1), "{{ dia_danh_ngay }}", "ND30DiaDanhNgay")


def _title_and_body(document, w: _Writer, kind: Kind) -> None:
    body = document
    if kind.type_name is not None:
        w.p(body, kind.type_name, "ND30TenLoai")
        w.tag(body, "if trich_yeu")
        w.p(body, "{{ trich_yeu }}", "ND30TrichYeu")
        w.tag(body, "endif")
        w.p(body, "", "ND30DuongKeTrichYeu")
    w.tag(body, "if kinh_gui_mot")
    w.p(body, ADDRESSEE_LABEL + " {{ kinh_gui_mot }}", "ND30KinhGui")
    w.tag(body, "endif")
    w.tag(body, "if kinh_gui_nhieu")
    w.p(body, ADDRESSEE_LABEL, "ND30KinhGui")
    w.tag(body, "for dong in kinh_gui_nhieu")
    w.p(body, "{{ dong }}", "ND30KinhGuiDong")
    w.tag(body, "endfor")
    w.tag(body, "endif")
    _body_loop(w, body, "noi_dung")


def _body_loop(w: _Writer, body, items: str) -> None:
    """One paragraph per ``{"cap", "van_ban"}`` of ``items``, in the style its ``cap`` names."""
    w.tag(body, f"for doan in {items}")
    for level, style in enumerate(BODY_LEVEL_STYLES, start=1):
        w.tag(body, f"{'if' if level == 1 else 'elif'} doan.cap == {level}")
        w.p(body, "{{ doan.van_ban }}", style)
    w.tag(body, "elif doan.cap == 'bang'")
    w.p(body, "", TABLE_PLACE_STYLE)
    for name, style in BODY_NAMED_STYLES.items():
        w.tag(body, f"elif doan.cap == '{name}'")
        w.p(body, "{{ doan.van_ban }}", style)
    w.tag(body, f"elif doan.cap == '{ARTICLE}'")
    article = w.p(body, "{{ doan.nhan }}", "ND30Dieu")
    article.runs[0].bold = True
    article.add_run("{{ doan.van_ban }}")
    w.tag(body, "else")
    w.p(body, "{{ doan.van_ban }}", "ND30NoiDung")
    w.tag(body, "endif")
    w.tag(body, "endfor")


def _signature_table(document, w: _Writer) -> None:
    table = _borderless_table(document, 1, SIGNATURE_COLUMNS)
    oxml.set_row_flags(table.rows[0], cant_split=True)
    left, right = table.cell(0, 0), table.cell(0, 1)
    w.clear(left)
    w.clear(right)
    _recipients(w, left)
    w.tag(right, "if nguoi_ky.quyen_han")
    w.p(right, "{{ nguoi_ky.quyen_han }}", "ND30ChucVuDau")
    w.p(right, "{{ nguoi_ky.chuc_vu }}", "ND30ChucVu")
    w.tag(right, "else")
    w.p(right, "{{ nguoi_ky.chuc_vu }}", "ND30ChucVuDau")
    w.tag(right, "endif")
    w.p(right, "{{ nguoi_ky.ho_ten }}", "ND30HoTen")


def _recipients(w: _Writer, cell) -> None:
    """Nơi nhận (ô 9b); the drafter's symbol and copy count (ô 12) end its "Lưu" line, as in the samples."""
    w.p(cell, "Nơi nhận:", "ND30NoiNhanTieuDe")
    w.tag(cell, "for dong in noi_nhan")
    w.p(cell, "{{ dong }}", "ND30NoiNhan")
    w.tag(cell, "endfor")


def _two_signatures(document, w: _Writer) -> None:
    """Mẫu 1.9: the secretary signs on the left, the chair on the right; Nơi nhận under the secretary."""
    table = _borderless_table(document, 2, SIGNATURE_COLUMNS)
    for row in table.rows:
        oxml.set_row_flags(row, cant_split=True)
        for cell in row.cells:
            w.clear(cell)
    for cell, who in ((table.cell(0, 0), "thu_ky"), (table.cell(0, 1), "chu_toa")):
        w.p(cell, "{{ %s.chuc_vu }}" % who, "ND30ChucVuDau")
        w.p(cell, "{{ %s.ho_ten }}" % who, "ND30HoTen")
    _recipients(w, table.cell(1, 0))
    w.p(table.cell(1, 1), "", "ND30NoiNhan")


def _attached_document(document, w: _Writer) -> None:
    """Mẫu 1.3: the issued plan on its own pages: type name, title, "(Kèm theo Quyết định ...)", no header."""
    w.tag(document, "if kem_theo")
    w.p(document, "{{ kem_theo.ten_loai }}", "ND30PhuLucNhan")
    w.p(document, "{{ kem_theo.trich_yeu }}", "ND30TrichYeu")
    w.p(document, "{{ kem_theo.dong }}", "ND30KemTheo")
    w.p(document, "", "ND30DuongKePhuLuc")
    _body_loop(w, document, "kem_theo.noi_dung")
    w.tag(document, "endif")


def _first_page_marks(section, document) -> None:
    """Phạm vi lưu hành (ô 11) in the top margin, the address (ô 13) at the foot of page 1."""
    w = _Writer(document)
    header = section.first_page_header
    for paragraph in list(header.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    w.tag(header, "if pham_vi_luu_hanh")
    oxml.set_run_box(w.p(header, "{{ pham_vi_luu_hanh }}", "ND30PhamVi").runs[0]._r.get_or_add_rPr())
    w.tag(header, "endif")
    w.p(header, "", "ND30NgatTrang")
    footer = section.first_page_footer
    footer.is_linked_to_previous = False
    for paragraph in list(footer.paragraphs):
        paragraph._p.getparent().remove(paragraph._p)
    w.tag(footer, "for dong in dia_chi")
    w.p(footer, "{{ dong }}", "ND30DiaChi")
    w.tag(footer, "endfor")
    w.p(footer, "", "ND30NgatTrang")


def _set_margins(section, margins) -> None:
    section.top_margin, section.bottom_margin = margins["top"], margins["bottom"]
    section.left_margin, section.right_margin = margins["left"], margins["right"]
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def _page_number_headers(section) -> None:
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.first_page_header.paragraphs[0].text = ""
    header = section.header
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.style = header.part.document.styles["Header"] if hasattr(header.part, "document") else "Header"
    paragraph.alignment = CENTER
    oxml.append_page_field(paragraph)


def build_document(kind_name: str):
    """The template as a python-docx ``Document`` (see the module docstring for its layout)."""
    kind = KINDS[kind_name]
    document = docx.Document()
    _strip_package(document)
    _reset_styles(document)
    for spec in STYLES:
        _add_style(document, spec)
    body = document._body._body
    for child in list(body):
        if child.tag == qn("w:p"):
            body.remove(child)
    w = _Writer(document)

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = SPEC.paper
    _set_margins(section, PORTRAIT_MARGINS)
    _page_number_headers(section)
    _first_page_marks(section, document)

    _header_table(document, w, letter=kind.type_name is None)
    _title_and_body(document, w, kind)
    if kind.signatures == 2:
        _two_signatures(document, w)
    else:
        _signature_table(document, w)
    if kind.attached:
        _new_section(document, portrait=True)
        _attached_document(document, w)
    if kind.appendices:
        _appendices(document, w)
    return document


def _new_section(document, portrait: bool):
    """End the current section with a page break; the new section numbers its pages from 1, none on page 1."""
    document.add_section(WD_SECTION.NEW_PAGE)
    section = document.sections[-1]
    if portrait:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = SPEC.paper
        _set_margins(section, PORTRAIT_MARGINS)
    else:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_height, section.page_width = SPEC.paper
        _set_margins(section, LANDSCAPE_MARGINS)
    for part in (section.first_page_header, section.first_page_footer):   # the marks of page 1 stay there
        part.is_linked_to_previous = False
        for paragraph in part.paragraphs:
            paragraph.style = document.styles.get_by_id("ND30NgatTrang", WD_STYLE_TYPE.PARAGRAPH)
    oxml.set_page_numbering(document.element.body.sectPr, restart=True, hide_on_first_page=True)
    document.paragraphs[-1].style = document.styles.get_by_id("ND30NgatTrang", WD_STYLE_TYPE.PARAGRAPH)
    return section


def _appendices(document, w: _Writer) -> None:
    """The landscape appendix section: a "Phụ lục" title block and a table (built at render) per appendix."""
    _new_section(document, portrait=False)
    final_sect_pr = document.element.body.sectPr
    w.tag(document, "for phu_luc_muc in phu_luc")
    w.p(document, "{{ phu_luc_muc.nhan }}", "ND30PhuLucNhan")
    w.p(document, "{{ phu_luc_muc.ten }}", "ND30PhuLucTen")
    w.p(document, "{{ phu_luc_muc.kem_theo }}", "ND30KemTheo")
    w.p(document, "", "ND30DuongKePhuLuc")
    w.p(document, "", TABLE_PLACE_STYLE)
    w.tag(document, "if not loop.last")
    between = oxml.section_break_paragraph(final_sect_pr)
    document.element.body.sectPr.addprevious(between)
    document.paragraphs[-1].style = document.styles.get_by_id("ND30NgatTrang", WD_STYLE_TYPE.PARAGRAPH)
    w.tag(document, "endif")
    w.tag(document, "endfor")
    w.p(document, "", "ND30NgatTrang")


def build_template(kind_name: str) -> bytes:
    """The template file's bytes, with fixed zip timestamps so identical input gives identical bytes."""
    raw = io.BytesIO()
    build_document(kind_name).save(raw)
    raw.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 3, 5, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return out.getvalue()
