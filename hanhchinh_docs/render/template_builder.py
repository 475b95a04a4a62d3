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

from hanhchinh_docs.render import oxml
from hanhchinh_docs.conventions.spec import load_spec
from hanhchinh_docs.conventions.text_width import text_width

SPEC = load_spec()

CENTER, LEFT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.JUSTIFY

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
    type_name: str          # the tên loại line, e.g. KẾ HOẠCH


KINDS = {
    "ke_hoach": Kind("KẾ HOẠCH"),
    "bao_cao": Kind("BÁO CÁO"),
}

TABLE_PLACE_STYLE = "ND30BangCho"
"""An empty paragraph marking where a table goes; ``render.tables`` builds the table there."""


ADDRESSEE_LABEL = "Kính gửi:"
ADDRESSEE_INDENT = Cm(3.5)
"""Mẫu 1.5 indents "Kính gửi:" 3.5 cm; the "- " lines of several addressees start under its colon."""


@dataclass(frozen=True)
class StyleSpec:
    style_id: str
    name: str
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


STYLES = [
    StyleSpec("ND30CoQuanChuQuan", "ND30 Cơ quan chủ quản", sample_size("ten_co_quan_chu_quan")),
    StyleSpec("ND30CoQuanBanHanh", "ND30 Cơ quan ban hành", sample_size("ten_co_quan_ban_hanh"), bold=True),
    StyleSpec("ND30SoKyHieu", "ND30 Số, ký hiệu", sample_size("so_ky_hieu"), before=6),
    StyleSpec("ND30QuocHieu", "ND30 Quốc hiệu", sample_size("quoc_hieu"), bold=True),
    StyleSpec("ND30TieuNgu", "ND30 Tiêu ngữ", sample_size("tieu_ngu"), bold=True),
    StyleSpec("ND30DiaDanhNgay", "ND30 Địa danh, ngày tháng", sample_size("dia_danh_thoi_gian"), italic=True, before=6),
    StyleSpec("ND30DuongKe", "ND30 Đường kẻ", 1, before=2, after=2, line_rule="rule"),
    StyleSpec("ND30DuongKeCoQuan", "ND30 Đường kẻ dưới tên cơ quan", 1, line_rule="rule", based_on="ND30DuongKe"),
    StyleSpec("ND30DuongKeTieuNgu", "ND30 Đường kẻ dưới tiêu ngữ", 1, line_rule="rule", based_on="ND30DuongKe"),
    StyleSpec("ND30DuongKeTrichYeu", "ND30 Đường kẻ dưới trích yếu", 1, line_rule="rule", based_on="ND30DuongKe"),
    StyleSpec("ND30DuongKePhuLuc", "ND30 Đường kẻ dưới phụ lục", 1, after=12, line_rule="rule",
              based_on="ND30DuongKe"),
    StyleSpec("ND30TenLoai", "ND30 Tên loại", sample_size("ten_loai"), bold=True, before=24, keep_next=True),
    StyleSpec("ND30TrichYeu", "ND30 Trích yếu", sample_size("trich_yeu"), bold=True, keep_next=True),
    StyleSpec("ND30KinhGui", "ND30 Kính gửi", sample_size("kinh_gui"), align=LEFT, before=12, left=ADDRESSEE_INDENT),
    StyleSpec("ND30KinhGuiDong", "ND30 Kính gửi - dòng", sample_size("kinh_gui"), align=LEFT,
              left=Length(ADDRESSEE_INDENT + text_width(ADDRESSEE_LABEL + " ", sample_size("kinh_gui")))),
    StyleSpec("ND30NoiDung", "ND30 Nội dung", sample_size("noi_dung"), align=JUSTIFY, before=6, first_line=BODY_INDENT),
    StyleSpec("ND30Muc", "ND30 Mục (I.)", 14, bold=True, align=JUSTIFY, before=6, first_line=BODY_INDENT,
              keep_next=True, based_on="ND30NoiDung"),
    StyleSpec("ND30Khoan", "ND30 Khoản (1.)", 14, bold=True, align=JUSTIFY, before=6, first_line=BODY_INDENT,
              keep_next=True, based_on="ND30NoiDung"),
    StyleSpec("ND30Diem", "ND30 Điểm (a)", 14, align=JUSTIFY, before=6, first_line=BODY_INDENT,
              keep_next=True, based_on="ND30NoiDung"),
    StyleSpec("ND30NoiNhanTieuDe", "ND30 Nơi nhận", sample_size("noi_nhan_label"), bold=True, italic=True, align=LEFT, before=12),
    StyleSpec("ND30NoiNhan", "ND30 Nơi nhận - dòng", sample_size("noi_nhan_items"), align=LEFT),
    StyleSpec("ND30ChucVu", "ND30 Quyền hạn, chức vụ người ký", SIGNER_TITLE_SIZE, bold=True),
    StyleSpec("ND30ChucVuDau", "ND30 Quyền hạn, chức vụ người ký - dòng đầu", SIGNER_TITLE_SIZE, bold=True, before=12,
              based_on="ND30ChucVu"),
    StyleSpec("ND30HoTen", "ND30 Họ tên người ký", sample_size("ho_ten_nguoi_ky"), bold=True, before=72),
    StyleSpec("ND30PhuLucNhan", "ND30 Phụ lục", sample_size("phu_luc_label"), bold=True, keep_next=True),
    StyleSpec("ND30PhuLucTen", "ND30 Tên phụ lục", sample_size("phu_luc_title"), bold=True, keep_next=True),
    StyleSpec("ND30KemTheo", "ND30 Kèm theo", sample_size("phu_luc_kem_theo"), italic=True, keep_next=True),
    StyleSpec("ND30BangTieuDe", "ND30 Bảng - tiêu đề", 13, bold=True, before=3, after=3),
    StyleSpec("ND30Bang", "ND30 Bảng", 13, align=LEFT, before=3, after=3),
    StyleSpec("ND30BangGiua", "ND30 Bảng - giữa", 13, before=3, after=3),
    StyleSpec(TABLE_PLACE_STYLE, "ND30 Chỗ đặt bảng", 13, align=LEFT),
    StyleSpec("ND30NgatTrang", "ND30 Ngắt trang", 1, line_rule="rule"),
]


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


def _header_table(document, w: _Writer) -> None:
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
    w.p(table.cell(1, 1), "{{ dia_danh_ngay }}", "ND30DiaDanhNgay")


def _title_and_body(document, w: _Writer, kind: Kind) -> None:
    body = document
    w.p(body, kind.type_name, "ND30TenLoai")
    w.p(body, "{{ trich_yeu }}", "ND30TrichYeu")
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
    w.tag(body, "for doan in noi_dung")
    for level, style in enumerate(BODY_LEVEL_STYLES, start=1):
        w.tag(body, f"{'if' if level == 1 else 'elif'} doan.cap == {level}")
        w.p(body, "{{ doan.van_ban }}", style)
    w.tag(body, "elif doan.cap == 'bang'")
    w.p(body, "", TABLE_PLACE_STYLE)
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
    w.p(left, "Nơi nhận:", "ND30NoiNhanTieuDe")
    w.tag(left, "for dong in noi_nhan")
    w.p(left, "{{ dong }}", "ND30NoiNhan")
    w.tag(left, "endfor")
    w.tag(right, "if nguoi_ky.quyen_han")
    w.p(right, "{{ nguoi_ky.quyen_han }}", "ND30ChucVuDau")
    w.p(right, "{{ nguoi_ky.chuc_vu }}", "ND30ChucVu")
    w.tag(right, "else")
    w.p(right, "{{ nguoi_ky.chuc_vu }}", "ND30ChucVuDau")
    w.tag(right, "endif")
    w.p(right, "{{ nguoi_ky.ho_ten }}", "ND30HoTen")


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

    _header_table(document, w)
    _title_and_body(document, w, kind)
    _signature_table(document, w)

    break_paragraph = document.add_section(WD_SECTION.NEW_PAGE)
    appendix = document.sections[-1]
    appendix.orientation = WD_ORIENT.LANDSCAPE
    appendix.page_height, appendix.page_width = SPEC.paper
    _set_margins(appendix, LANDSCAPE_MARGINS)
    final_sect_pr = document.element.body.sectPr
    oxml.set_page_numbering(final_sect_pr, restart=True, hide_on_first_page=True)
    last = document.paragraphs[-1]
    last.style = document.styles.get_by_id("ND30NgatTrang", WD_STYLE_TYPE.PARAGRAPH)
    del break_paragraph

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
    return document


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
