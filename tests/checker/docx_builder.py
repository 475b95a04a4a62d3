"""Tiny .docx files from a compact spec, for the checker's rule cases.

``build(overrides)`` starts from ``BASE`` — a small kế hoạch laid out as ND30 Mẫu 1.4 that passes
every rule — and deep-merges the overrides into it, so each case states only what it changes:

    build({"quoc_hieu": {"size": 14}})                  # one mistake
    build({"header_layout": "frames", "tieu_ngu_line": {"kind": "shape"}})   # a legal variant

An element is a dict: ``text`` ("\\n" makes a line break) and any of ``size``, ``bold``,
``italic``, ``caps``, ``underline``, ``font``, ``color``, ``align`` (center/left/right/justify/
distribute), ``indent`` and ``left`` (cm; a negative indent hangs), ``before``/``after`` (pt),
``line`` (multiple) or ``line_exact`` (pt), ``contextual``. ``kinh_gui: {table: true}`` lays the
Kính gửi out in a two-cell table (label left, addressees right). ``textbox_fallback: true`` wraps a
``textboxes`` header in mc:AlternateContent with a VML copy, as Word writes it. ``body_patch: {index: {...}}`` changes
one body paragraph; ``preset: cong_van`` starts from a công văn. ``formatting: style`` puts every
element's format in a paragraph style instead of on its runs, to exercise inheritance.
A line under an element is ``{"kind": border|own_border|top_border|underline|underscores|shape|
shape_inline|vml|none, "ratio": 0.4, "offset": mm}``.
"""

from __future__ import annotations

import copy
import io
import zipfile
from typing import Any

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Length, Mm, Pt, RGBColor, Twips

from hanhchinh_docs.render import oxml
from hanhchinh_docs.conventions.text_width import text_width, wrapped_line_widths

HEADER_COLUMNS = (Mm(64), Mm(101))
SIGNATURE_COLUMNS = (Mm(65), Mm(100))
CELL_MARGIN = Twips(108)

BASE: dict[str, Any] = {
    "formatting": "direct",
    "font": "Times New Roman",
    "page": {"width": 210, "height": 297, "margins": {"top": 20, "bottom": 20, "left": 30, "right": 15}},
    "page_number": {"place": "header", "first_page": "hidden", "align": "center", "size": 14, "italic": False,
                    "instruction": " PAGE ", "format": None},
    "header_layout": "table",
    "chu_quan": {"text": "UBND TỈNH HÀ TĨNH", "size": 13, "align": "center"},
    "ban_hanh": {"text": "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "size": 13, "bold": True, "align": "center"},
    "ban_hanh_line": {"kind": "border", "ratio": 0.4},
    "quoc_hieu": {"text": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "size": 13, "bold": True, "align": "center"},
    "tieu_ngu": {"text": "Độc lập - Tự do - Hạnh phúc", "size": 14, "bold": True, "align": "center"},
    "tieu_ngu_line": {"kind": "border", "ratio": 1.0},
    "so": {"text": "Số: 05/KH-STNMT", "size": 13, "align": "center", "before": 6},
    "ngay": {"text": "Hà Tĩnh, ngày 08 tháng 01 năm 2024", "size": 14, "italic": True, "align": "center",
             "before": 6},
    "vv": None,
    "ten_loai": {"text": "KẾ HOẠCH", "size": 14, "bold": True, "align": "center", "before": 24},
    "trich_yeu": {"text": "Tuyên truyền cải cách hành chính năm 2024", "size": 14, "bold": True, "align": "center"},
    "trich_yeu_line": {"kind": "border", "ratio": 0.4},
    "kinh_gui": None,
    "body_format": {"size": 14, "align": "justify", "indent": 1.0, "before": 6, "after": 0, "line": 1.0},
    "body": [
        "Thực hiện Kế hoạch số 08/KH-UBND ngày 08/01/2024 của Ủy ban nhân dân tỉnh, Sở Tài nguyên và Môi "
        "trường xây dựng kế hoạch tuyên truyền cải cách hành chính năm 2024 như sau:",
        {"text": "I. MỤC ĐÍCH, YÊU CẦU", "bold": True},
        {"text": "1. Mục đích", "bold": True},
        "a) Nâng cao nhận thức của cán bộ, công chức, viên chức về công tác cải cách hành chính, tạo thuận "
        "lợi cho người dân và doanh nghiệp.",
        "b) Tuyên truyền về hiệu quả giải quyết thủ tục hành chính và dịch vụ công trực tuyến.",
        {"text": "II. TỔ CHỨC THỰC HIỆN", "bold": True},
        "Văn phòng Sở theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch này; định kỳ tổng hợp, báo cáo "
        "Giám đốc Sở kết quả thực hiện./.",
    ],
    "signer": {"lines": ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], "size": 14, "bold": True, "align": "center"},
    "signature_gap": 0,
    "name": {"text": "Nguyễn Văn An", "size": 14, "bold": True, "align": "center", "before": 60},
    "noi_nhan": {"text": "Nơi nhận:", "size": 12, "bold": True, "italic": True, "align": "left"},
    "noi_nhan_items": {"lines": ["- UBND tỉnh (để b/c);", "- Các phòng, đơn vị;", "- Lưu: VT, VP."], "size": 11,
                       "align": "left"},
    "appendices": [],
}

PRESETS: dict[str, dict[str, Any]] = {
    "cong_van": {
        "so": {"text": "Số: 12/STNMT-VP"},
        "vv": {"text": "V/v tuyên truyền cải cách hành chính", "size": 12, "align": "center", "before": 6},
        "ten_loai": None,
        "trich_yeu": None,
        "kinh_gui": {"lines": ["Kính gửi: Các phòng, đơn vị thuộc Sở"], "size": 14},
        "noi_nhan_items": {"lines": ["- Như trên;", "- Giám đốc Sở (để b/c);", "- Lưu: VT, VP."]},
    },
}
"""Whole documents of another kind, named by ``preset`` in a case."""

APPENDIX: dict[str, Any] = {
    "label": {"text": "Phụ lục", "size": 14, "bold": True, "align": "center"},
    "title": {"text": "NHIỆM VỤ TUYÊN TRUYỀN NĂM 2024", "size": 14, "bold": True, "align": "center"},
    "kem_theo": {"text": "(Kèm theo Kế hoạch số 05/KH-STNMT ngày 08 tháng 01 năm 2024 của Sở Tài nguyên và "
                         "Môi trường)", "size": 13, "italic": True, "align": "center"},
    "section": "new", "restart": True, "landscape": True, "table_width": None, "page_numbers": True,
    "table_rows": 2, "header_repeat": True,
}

WPS = 'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
VML = 'xmlns:v="urn:schemas-microsoft-com:vml"'

ALIGN = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "distribute": WD_ALIGN_PARAGRAPH.DISTRIBUTE}
RUN_KEYS = ("size", "bold", "italic", "caps", "underline", "font", "color")
_PPR_AFTER_FRAME = ("w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
                    "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:contextualSpacing", "w:jc", "w:rPr")


def merge(base: Any, override: Any) -> Any:
    """Deep merge of dicts; anything else in ``override`` replaces."""
    if isinstance(base, dict) and isinstance(override, dict):
        out = dict(base)
        for key, value in override.items():
            out[key] = merge(base.get(key), value) if key in base else value
        return out
    return copy.deepcopy(override)


def build(overrides: dict | None = None) -> io.BytesIO:
    """The .docx bytes of ``BASE`` with ``overrides`` merged in."""
    overrides = dict(overrides or {})
    spec = merge(BASE, PRESETS[overrides.pop("preset")]) if "preset" in overrides else BASE
    patch = overrides.pop("body_patch", {})
    spec = copy.deepcopy(merge(spec, overrides))
    for index, change in patch.items():
        item = spec["body"][index]
        spec["body"][index] = merge({"text": item} if isinstance(item, str) else item, change)
    document = _Builder(spec).document
    out = io.BytesIO()
    document.save(out)
    out.seek(0)
    out.name = "test.docx"
    return out


def edit_part(document: io.BytesIO, part: str, old: bytes, new: bytes) -> io.BytesIO:
    """A copy of ``document`` with ``old`` replaced by ``new`` in one XML part (for XML python-docx
    would not write)."""
    out = io.BytesIO()
    with zipfile.ZipFile(document) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == part:
                assert old in data, f"{old!r} not in {part}"
                data = data.replace(old, new)
            target.writestr(info, data)
    out.seek(0)
    out.name = "test.docx"
    return out


class _Builder:
    def __init__(self, spec: dict):
        self.spec = spec
        self.document = docx.Document()
        self._shape_id = 100
        self._styles: dict[str, Any] = {}
        self._defaults()
        self._page()
        self._page_number(self.document.sections[0])
        self._header()
        self._title()
        self._addressees()
        self._body()
        self._signature()
        for index, appendix in enumerate(spec["appendices"]):
            self._appendix(merge(APPENDIX, appendix), index)

    # -- document set-up ------------------------------------------------------------------
    def _defaults(self) -> None:
        styles = self.document.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if self.spec["font"] != "theme":
            oxml.set_fonts(rpr, self.spec["font"])
        rpr.find(qn("w:sz")).set(qn("w:val"), "28")
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        spacing.set(qn("w:after"), "0")
        spacing.set(qn("w:line"), "240")

    def _page(self) -> None:
        page = self.spec["page"]
        section = self.document.sections[0]
        section.page_width, section.page_height = Mm(page["width"]), Mm(page["height"])
        if page["width"] > page["height"]:
            section.orientation = WD_ORIENT.LANDSCAPE
        for side, value in page["margins"].items():
            setattr(section, f"{side}_margin", Mm(value))

    def _page_number(self, section) -> None:
        number = self.spec["page_number"]
        if number["place"] == "none":
            return
        part = section.footer if number["place"] == "footer" else section.header
        paragraph = part.paragraphs[0]
        paragraph.alignment = ALIGN[number["align"]]
        oxml.append_page_field(paragraph)
        for instr in paragraph._p.iter(qn("w:instrText")):
            instr.text = number["instruction"]
        for run in paragraph.runs:
            run.font.size = Pt(number["size"])
            run.font.italic = number["italic"]
        if number["first_page"] == "hidden":
            section.different_first_page_header_footer = True
            section.first_page_header.is_linked_to_previous = False
        if number["format"]:
            num = OxmlElement("w:pgNumType")
            num.set(qn("w:fmt"), number["format"])
            section._sectPr.insert_element_before(num, "w:cols", "w:titlePg", "w:docGrid")

    # -- paragraphs -------------------------------------------------------------------------
    def paragraph(self, container, element: dict, key: str, base: dict | None = None):
        """A paragraph for ``element`` (merged over ``base``) in a container (document, cell...)."""
        fmt = merge(base or {}, element)
        paragraph = container.add_paragraph()
        for number, line in enumerate(str(fmt.get("text", "")).split("\n")):
            run = paragraph.add_run(line)
            if number:
                run._r.insert(0, OxmlElement("w:br"))
        if self.spec["formatting"] == "style":
            paragraph.style = self._style(key, base or element)
            extra = {k: v for k, v in element.items() if base is not None and k != "text" and base.get(k) != v}
            _format(paragraph, extra)
        else:
            _format(paragraph, fmt)
        return paragraph

    def _style(self, key: str, fmt: dict):
        if key not in self._styles:
            style = self.document.styles.add_style(f"T {key}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.document.styles["Normal"]
            _format_style(style, fmt)
            self._styles[key] = style
        return self._styles[key]

    def line(self, container, text_paragraph, element: dict, line: dict, available: Length, key: str) -> None:
        """The short line under ``element`` drawn as ``line["kind"]``."""
        kind = line["kind"]
        if kind == "none":
            return
        size, bold, italic = element.get("size", 14), element.get("bold", False), element.get("italic", False)
        text = max((w for part in element["text"].split("\n")
                    for w in wrapped_line_widths(part, size, available, bold, italic)), default=Length(0))
        length = Length(int(text * line["ratio"]))
        offset = Mm(line.get("offset", 0))
        side = Length(int((available - length) / 2))
        if kind == "underline":
            for run in text_paragraph.runs:
                run.font.underline = True
        elif kind == "own_border":
            oxml.set_bottom_border(text_paragraph._p.get_or_add_pPr())
            oxml.set_indents(text_paragraph._p.get_or_add_pPr(), Length(side + offset - Mm(1)),
                             Length(side - offset - Mm(1)))
        elif kind in ("border", "top_border"):
            rule = self._rule_paragraph(container, key)
            ppr = rule._p.get_or_add_pPr()
            oxml.set_bottom_border(ppr)
            if kind == "top_border":
                ppr.find(qn("w:pBdr")).find(qn("w:bottom")).tag = qn("w:top")
            oxml.set_indents(ppr, Length(side + offset), Length(side - offset))
        elif kind == "underscores":
            count = round(length / text_width("_", size))
            paragraph = self.paragraph(container, {"text": "_" * count, "size": size, "align": "center"}, "underscores")
            paragraph.paragraph_format.left_indent = offset if offset > 0 else None
            if key.startswith("frame:"):
                _set_frame(paragraph, key.split(":", 1)[1])
        elif kind in ("shape", "shape_inline"):
            rule = self._rule_paragraph(container, key)
            rule.alignment = WD_ALIGN_PARAGRAPH.CENTER
            position = None if not offset else Length(int((available - length) / 2) + offset)
            rule._p.append(self._drawing_line(length, inline=kind == "shape_inline", offset=position))
        elif kind == "vml":
            rule = self._rule_paragraph(container, key)
            points = length / 12700
            rule._p.append(parse_xml(
                f'<w:r {nsdecls("w")} {VML}><w:pict><v:line from="0,0" to="{points:.1f}pt,0" '
                'style="position:absolute;mso-position-horizontal:center;mso-position-horizontal-relative:text" '
                'strokeweight=".5pt"/></w:pict></w:r>'))
        else:
            raise ValueError(f"unknown line kind {kind!r}")

    def _rule_paragraph(self, container, key: str):
        paragraph = container.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(2)
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph.paragraph_format.line_spacing = Pt(2)
        if key.startswith("frame:"):
            _set_frame(paragraph, key.split(":", 1)[1])
        return paragraph

    def _drawing_line(self, length: Length, inline: bool, offset: Length | None):
        self._shape_id += 1
        graphic = (f'<a:graphic {nsdecls("a")}><a:graphicData '
                   'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
                   f'<wps:wsp {WPS}><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
                   f'<a:ext cx="{length}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
                   '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
                   '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>')
        doc_pr = f'<wp:docPr id="{self._shape_id}" name="Line {self._shape_id}"/>'
        if inline:
            frame = (f'<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{length}" cy="0"/>'
                     f'{doc_pr}<wp:cNvGraphicFramePr/>{graphic}</wp:inline>')
        else:
            horizontal = "<wp:align>center</wp:align>" if offset is None else f"<wp:posOffset>{offset}</wp:posOffset>"
            frame = ('<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" '
                     'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
                     f'<wp:positionH relativeFrom="column">{horizontal}</wp:positionH>'
                     '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
                     f'<wp:extent cx="{length}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
                     f'{doc_pr}<wp:cNvGraphicFramePr/>{graphic}</wp:anchor>')
        return parse_xml(f'<w:r {nsdecls("w", "wp")}><w:drawing>{frame}</w:drawing></w:r>')

    # -- header -----------------------------------------------------------------------------
    def _header(self) -> None:
        layout = self.spec["header_layout"]
        left_width = Length(HEADER_COLUMNS[0] - 2 * CELL_MARGIN)
        right_width = Length(HEADER_COLUMNS[1] - 2 * CELL_MARGIN)
        if layout == "table":
            table = _table(self.document, 2, HEADER_COLUMNS)
            left, right = table.cell(0, 0), table.cell(0, 1)
            self._left_header(left, left_width, "cell")
            self._right_header(right, right_width, "cell")
            self._number(table.cell(1, 0), "cell")
            self.paragraph(table.cell(1, 1), self.spec["ngay"], "ngay")
            for cell in table._cells:
                _drop_first_empty(cell)
        elif layout == "frames":
            self._left_header(self.document, HEADER_COLUMNS[0], "frame:left")
            self._number(self.document, "frame:left")
            self._right_header(self.document, HEADER_COLUMNS[1], "frame:right")
            _set_frame(self.paragraph(self.document, self.spec["ngay"], "ngay"), "right")
        elif layout == "textboxes":
            anchor = self.document.add_paragraph()
            boxes = []
            for number, width in enumerate(HEADER_COLUMNS):
                run, content = self._textbox(width, Length(sum(HEADER_COLUMNS[:number])))
                anchor._p.append(run)
                boxes.append(content)
            inset = Length(2 * Emu(91440))
            before = _snapshot(self.document)
            self._left_header(self.document, Length(HEADER_COLUMNS[0] - inset), "box")
            self._number(self.document, "box")
            _move_new(self.document, before, boxes[0])
            before = _snapshot(self.document)
            self._right_header(self.document, Length(HEADER_COLUMNS[1] - inset), "box")
            self.paragraph(self.document, self.spec["ngay"], "ngay")
            _move_new(self.document, before, boxes[1])
            if self.spec.get("textbox_fallback"):
                for run in anchor._p.findall(qn("w:r")):
                    _with_vml_fallback(run)
        else:
            raise ValueError(f"unknown header layout {layout!r}")

    def _left_header(self, container, width: Length, where: str) -> None:
        if self.spec["chu_quan"]:
            self._framed(self.paragraph(container, self.spec["chu_quan"], "chu_quan"), where, "left")
        agency = self._framed(self.paragraph(container, self.spec["ban_hanh"], "ban_hanh"), where, "left")
        self.line(container, agency, self.spec["ban_hanh"], self.spec["ban_hanh_line"], width,
                  "frame:left" if where.startswith("frame") else "line")

    def _right_header(self, container, width: Length, where: str) -> None:
        self._framed(self.paragraph(container, self.spec["quoc_hieu"], "quoc_hieu"), where, "right")
        motto = self._framed(self.paragraph(container, self.spec["tieu_ngu"], "tieu_ngu"), where, "right")
        self.line(container, motto, self.spec["tieu_ngu"], self.spec["tieu_ngu_line"], width,
                  "frame:right" if where.startswith("frame") else "line")

    def _number(self, container, where: str) -> None:
        self._framed(self.paragraph(container, self.spec["so"], "so"), where, "left")
        if self.spec["vv"]:
            self._framed(self.paragraph(container, self.spec["vv"], "vv"), where, "left")

    @staticmethod
    def _framed(paragraph, where: str, side: str):
        if where.startswith("frame"):
            _set_frame(paragraph, side)
        return paragraph

    def _textbox(self, width: Length, offset: Length):
        self._shape_id += 1
        run = parse_xml(
            f'<w:r {nsdecls("w", "wp", "a")} {WPS}><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" '
            'simplePos="0" relativeHeight="3" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
            '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin">'
            f'<wp:posOffset>{offset}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph">'
            f'<wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent cx="{width}" cy="{Mm(35)}"/>'
            f'<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="{self._shape_id}" '
            f'name="Box {self._shape_id}"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
            'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
            '<wps:cNvSpPr txBox="1"/><wps:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
            '<wps:txbx><w:txbxContent/></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>'
            '</wp:anchor></w:drawing></w:r>')
        return run, run.find(f".//{qn('w:txbxContent')}")

    # -- title, addressees, body -------------------------------------------------------------------
    def _title(self) -> None:
        if self.spec["ten_loai"]:
            self.paragraph(self.document, self.spec["ten_loai"], "ten_loai")
        if self.spec["trich_yeu"]:
            subject = self.paragraph(self.document, self.spec["trich_yeu"], "trich_yeu")
            section = self.document.sections[0]
            width = Length(section.page_width - section.left_margin - section.right_margin)
            self.line(self.document, subject, self.spec["trich_yeu"], self.spec["trich_yeu_line"], width, "line")

    def _addressees(self) -> None:
        block = self.spec["kinh_gui"]
        if not block:
            return
        base = {k: v for k, v in block.items() if k not in ("lines", "dash_left", "table")}
        if block.get("table"):                  # label in a left cell, the addressees in the right one
            table = _table(self.document, 1, (Mm(45), Mm(120)))
            self.paragraph(table.cell(0, 0), merge(base, {"text": block["lines"][0], "align": "right"}), "kinh_gui")
            for line in block["lines"][1:]:
                self.paragraph(table.cell(0, 1), merge(base, {"text": line, "align": "left"}), "kinh_gui")
            for cell in table._cells:
                _drop_first_empty(cell)
            return
        for number, line in enumerate(block["lines"]):
            fmt = merge(base, {"text": line, "align": "left", "before": 12 if number == 0 else 0,
                               "left": block.get("left", 3.5) if number == 0 else block.get("dash_left", 5.5)})
            self.paragraph(self.document, fmt, "kinh_gui")

    def _body(self) -> None:
        base = self.spec["body_format"]
        for item in self.spec["body"]:
            element = {"text": item} if isinstance(item, str) else item
            self.paragraph(self.document, element, "body", base)

    def _signature(self) -> None:
        table = _table(self.document, 1, SIGNATURE_COLUMNS)
        left, right = table.cell(0, 0), table.cell(0, 1)
        if self.spec["noi_nhan"]:
            self.paragraph(left, self.spec["noi_nhan"], "noi_nhan")
        items = self.spec["noi_nhan_items"]
        base = {k: v for k, v in items.items() if k != "lines"}
        for line in items["lines"]:
            self.paragraph(left, merge(base, {"text": line}), "noi_nhan_items")
        signer = self.spec["signer"]
        base = {k: v for k, v in signer.items() if k != "lines"}
        for line in signer["lines"]:
            self.paragraph(right, merge(base, {"text": line}), "signer")
        for _ in range(self.spec["signature_gap"]):
            right.add_paragraph()                                  # room for the signature and seal
        if self.spec["name"]:
            self.paragraph(right, self.spec["name"], "name")
        for cell in (left, right):
            _drop_first_empty(cell)

    # -- appendices -------------------------------------------------------------------------
    def _appendix(self, appendix: dict, index: int) -> None:
        document = self.document
        if appendix["section"] == "new":
            section = document.add_section(WD_SECTION.NEW_PAGE)
            if appendix["landscape"]:
                section.orientation = WD_ORIENT.LANDSCAPE
                section.page_width, section.page_height = Mm(297), Mm(210)
                for side, value in {"top": 30, "bottom": 15, "left": 20, "right": 20}.items():
                    setattr(section, f"{side}_margin", Mm(value))
            sect_pr = document.element.body.sectPr
            for old in sect_pr.findall(qn("w:pgNumType")):
                sect_pr.remove(old)
            if appendix["restart"]:
                oxml.set_page_numbering(sect_pr, restart=True, hide_on_first_page=True)
            if not appendix["page_numbers"]:
                section.header.is_linked_to_previous = False     # its own, empty header
        else:
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        for key in ("label", "title", "kem_theo"):
            if appendix[key]:
                self.paragraph(document, appendix[key], f"appendix_{key}")
        wide = appendix["section"] == "new" and appendix["landscape"]
        width = appendix["table_width"] or (210 if wide else 160)      # mm, inside the text area by default
        table = _table(document, appendix["table_rows"], (Mm(60), Mm(width - 60)), borders="single")
        table.cell(0, 0).paragraphs[0].add_run("TT")
        table.cell(0, 1).paragraphs[0].add_run("Nội dung công việc")
        if appendix["header_repeat"]:
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        for row in range(1, appendix["table_rows"]):
            table.cell(row, 0).paragraphs[0].add_run(str(index + row))
            table.cell(row, 1).paragraphs[0].add_run("Tuyên truyền trên Cổng thông tin điện tử của Sở")
        document.add_paragraph()


# ----------------------------------------------------------------------------- formatting helpers
def _format(paragraph, fmt: dict) -> None:
    _format_paragraph(paragraph.paragraph_format, fmt)
    if fmt.get("contextual"):
        paragraph._p.get_or_add_pPr().append(OxmlElement("w:contextualSpacing"))
    for run in paragraph.runs:
        _format_font(run.font, run._r.get_or_add_rPr(), fmt)


def _format_style(style, fmt: dict) -> None:
    _format_paragraph(style.paragraph_format, fmt)
    _format_font(style.font, style.element.get_or_add_rPr(), fmt)


def _format_paragraph(pf, fmt: dict) -> None:
    """Paragraph properties of ``fmt`` on a paragraph's or a style's ParagraphFormat."""
    if "align" in fmt:
        pf.alignment = ALIGN[fmt["align"]]
    for key, attribute in (("indent", "first_line_indent"), ("left", "left_indent")):
        if key in fmt:
            setattr(pf, attribute, Cm(fmt[key]))
    for key, attribute in (("before", "space_before"), ("after", "space_after")):
        if key in fmt:
            setattr(pf, attribute, Pt(fmt[key]))
    if "line" in fmt:
        pf.line_spacing = fmt["line"]
    if "line_exact" in fmt:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(fmt["line_exact"])


def _format_font(font, rpr, fmt: dict) -> None:
    if "size" in fmt:
        font.size = Pt(fmt["size"])
    for key, attribute in (("bold", "bold"), ("italic", "italic"), ("caps", "all_caps"), ("underline", "underline")):
        if key in fmt:
            setattr(font, attribute, fmt[key])
    if "font" in fmt:
        oxml.set_fonts(rpr, fmt["font"])
    if "color" in fmt:
        font.color.rgb = RGBColor.from_string(fmt["color"])


def _set_frame(paragraph, side: str) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    if ppr.find(qn("w:framePr")) is not None:
        return
    frame = OxmlElement("w:framePr")
    width = HEADER_COLUMNS[0] if side == "left" else HEADER_COLUMNS[1]
    attributes = {"w": str(width.twips), "hSpace": "0", "wrap": "around", "vAnchor": "text", "hAnchor": "margin",
                  "y": "1"}
    attributes.update({"x": "1"} if side == "left" else {"xAlign": "right"})
    for key, value in attributes.items():
        frame.set(qn(f"w:{key}"), value)
    ppr.insert_element_before(frame, *_PPR_AFTER_FRAME)


def _table(document, rows: int, widths, borders: str = "nil"):
    table = document.add_table(rows=rows, cols=len(widths))
    oxml.set_table_borders(table._tbl, borders)
    oxml.set_table_widths(table, list(widths))
    return table


def _drop_first_empty(cell) -> None:
    """Cells start with an empty paragraph; remove it once content was added after it."""
    paragraphs = cell.paragraphs
    if len(paragraphs) > 1 and not paragraphs[0].text and not paragraphs[0]._p.findall(qn("w:r")):
        paragraphs[0]._p.getparent().remove(paragraphs[0]._p)


def _move_new(document, before: set, target) -> None:
    """Move the body paragraphs and tables added since the snapshot ``before`` into ``target``."""
    for element in list(document.element.body):
        if element not in before and element.tag in (qn("w:p"), qn("w:tbl")):
            target.append(element)


def _with_vml_fallback(run) -> None:
    """Wrap a run's text box as Word does: mc:Choice (DrawingML) plus mc:Fallback (VML, same text)."""
    drawing = run.find(qn("w:drawing"))
    content = drawing.find(f".//{qn('w:txbxContent')}")
    alternate = parse_xml(
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        f'{nsdecls("w")} {VML}><mc:Choice Requires="wps"/><mc:Fallback><w:pict>'
        '<v:shape style="position:absolute;width:180pt;height:99pt"><v:textbox/></v:shape>'
        '</w:pict></mc:Fallback></mc:AlternateContent>')
    run.replace(drawing, alternate)
    alternate[0].append(drawing)
    alternate.find(".//{urn:schemas-microsoft-com:vml}textbox").append(copy.deepcopy(content))


def _snapshot(document) -> set:
    """The body's children now (held, so lxml keeps the same proxy objects for them)."""
    return set(document.element.body)
