"""Model -> template context: every string already formatted by the conventions layer.

The context keys are the Vietnamese names a clerk sees in the template (``{{ trich_yeu }}``,
``{% for dong in noi_nhan %}``), so a restyled template reads like the YAML it comes from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from hanhchinh_docs.conventions.abbreviations import PLAN_TYPE, REPORT_TYPE
from hanhchinh_docs.conventions.dates import date_line, date_words
from hanhchinh_docs.conventions.legal_basis import punctuated
from hanhchinh_docs.conventions.numbering import item_label, number_and_symbol, roman, without_typed_label
from hanhchinh_docs.conventions.text import recipient_lines, with_end_mark
from hanhchinh_docs.model.common import BodyNode, BodyTable, Issuer, Signer
from hanhchinh_docs.model.document import DocumentBase
from hanhchinh_docs.model.plan import Plan

if TYPE_CHECKING:
    from hanhchinh_docs.reporting import ReportContent



TABLE_LEVEL = "bang"
"""``cap`` of the marker paragraph where a body table goes (see ``render.tables``)."""


def body_paragraphs(opening: list[str], body: list[BodyNode]) -> list[dict[str, Any]]:
    """The body as a flat list of ``{"cap": level, "van_ban": text}``; level 0 is a plain paragraph,
    ``"bang"`` the place of a table.

    Titled items are numbered I./1./a) by their position among the items of their parent;
    plain strings are not numbered and do not consume a number. The last paragraph gets "./.".
    """
    paragraphs = [{"cap": 0, "van_ban": text} for text in punctuated(opening)]

    def walk(nodes: list[BodyNode], level: int) -> None:
        index = 0
        for node in nodes:
            if isinstance(node, str):
                paragraphs.append({"cap": 0, "van_ban": node})
                continue
            if isinstance(node, BodyTable):
                if node.table.caption:
                    paragraphs.append({"cap": 0, "van_ban": node.table.caption})
                paragraphs.append({"cap": TABLE_LEVEL, "van_ban": ""})
                continue
            label = item_label(level, index)
            index += 1
            if node.title is not None:
                title = without_typed_label(node.title, level, index - 1)
                title = title.upper() if level == 1 else title
                paragraphs.append({"cap": level, "van_ban": f"{label} {title}"})
            else:
                paragraphs.append({"cap": 0, "van_ban": f"{label} {without_typed_label(node.text, level, index - 1)}"})
            walk(node.children, level + 1)

    walk(body, 1)
    last_text = next((p for p in reversed(paragraphs) if p["cap"] != TABLE_LEVEL), None)
    if last_text is not None:
        last_text["van_ban"] = with_end_mark(last_text["van_ban"])
    return paragraphs


def issuer_context(issuer: Issuer) -> dict[str, Any]:
    return {
        "chu_quan": issuer.parent_body.upper() if issuer.parent_body else "",
        "ban_hanh": issuer.name.upper(),
        "viet_tat": issuer.abbreviation,
        "ten": issuer.name_in_text,
    }


def signer_context(signer: Signer) -> dict[str, str]:
    return {
        "quyen_han": signer.authority.upper() if signer.authority else "",
        "chuc_vu": signer.position.upper(),
        "ho_ten": " ".join(signer.full_name.split()),
    }


def addressee_context(addressees: list[str]) -> dict[str, Any]:
    """ND30 ô 9a: one addressee on the "Kính gửi:" line; several as "- X;" lines, the last with "."."""
    if len(addressees) == 1:
        return {"kinh_gui_mot": addressees[0], "kinh_gui_nhieu": []}
    lines = [f"- {a};" for a in addressees[:-1]] + ([f"- {addressees[-1]}."] if addressees else [])
    return {"kinh_gui_mot": "", "kinh_gui_nhieu": lines}


def marks_context(document: DocumentBase | None) -> dict[str, Any]:
    """Độ mật (ô 10a), độ khẩn (ô 10b), phạm vi lưu hành (ô 11) and the address (ô 13); blank when absent."""
    return {
        "do_mat": document.secrecy or "" if document else "",
        "do_khan": document.urgency or "" if document else "",
        "pham_vi_luu_hanh": document.circulation or "" if document else "",
        "dia_chi": list(document.address) if document else [],
    }


def appendix_label(index: int, count: int) -> str:
    """"Phụ lục" for a single appendix, "Phụ lục I", "Phụ lục II" ... when there are several.

    ND30 Phụ lục I, mục III.1: the word is in normal case (chữ in thường), 14 pt bold; Roman
    numbers only when there are two or more appendices.
    """
    return "Phụ lục" if count == 1 else f"Phụ lục {roman(index + 1)}"


def attached_to_line(type_name: str, number: str, issue_date, issuer: Issuer) -> str:
    """The appendix's "(Kèm theo Kế hoạch số .../KH-X ngày ... tháng ... năm ... của ...)" line."""
    return f"(Kèm theo {type_name} số {number} {date_words(issue_date)} của {issuer.name_in_text})"


def plan_context(plan: Plan) -> dict[str, Any]:
    """Everything ``templates/ke_hoach.docx`` shows, as ready-made strings and lists."""
    type_name, type_abbreviation = PLAN_TYPE
    number = number_and_symbol(plan.number, type_abbreviation, plan.issuer.abbreviation)
    count = len(plan.appendices)
    generated = attached_to_line(type_name, number, plan.issue_date, plan.issuer)
    appendices = [
        {
            "nhan": appendix_label(a_index, count),
            "ten": appendix.title.upper(),
            "kem_theo": f"(Kèm theo {appendix.attached_to})" if appendix.attached_to else generated,
        }
        for a_index, appendix in enumerate(plan.appendices)
    ]
    return {
        "nam": plan.year,
        "co_quan": issuer_context(plan.issuer),
        "so_ky_hieu": number,
        "dia_danh_ngay": date_line(plan.place, plan.issue_date),
        "trich_yeu": plan.subject,
        **addressee_context(plan.addressees),
        "noi_dung": body_paragraphs(plan.opening, plan.body),
        "nguoi_ky": signer_context(plan.signer),
        "noi_nhan": recipient_lines(plan.recipients, plan.archive, addressed=bool(plan.addressees)),
        "phu_luc": appendices,
        **marks_context(plan),
    }


def report_context(content: ReportContent) -> dict[str, Any]:
    """Everything ``templates/bao_cao.docx`` shows: the plan template's keys, one appendix of results."""
    type_name, type_abbreviation = REPORT_TYPE
    number = number_and_symbol(content.number, type_abbreviation, content.issuer.abbreviation)
    appendices = [{
        "nhan": appendix_label(0, 1),
        "ten": content.appendix_title,
        "kem_theo": attached_to_line(type_name, number, content.issue_date, content.issuer),
    }] if content.tasks else []
    return {
        "nam": content.period.year,
        "co_quan": issuer_context(content.issuer),
        "so_ky_hieu": number,
        "dia_danh_ngay": date_line(content.place, content.issue_date),
        "trich_yeu": content.subject,
        **addressee_context(content.addressees),
        "noi_dung": body_paragraphs(content.opening, content.body),
        "nguoi_ky": signer_context(content.signer),
        "noi_nhan": recipient_lines(content.recipients, content.archive, addressed=bool(content.addressees)),
        "phu_luc": appendices,
        **marks_context(None),
    }
