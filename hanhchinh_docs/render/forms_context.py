"""Context of every ND30 kind for its template: the shared header, signature and marks, and a
kind's body as a flat list of ``{"cap", "van_ban"}`` paragraphs (``cap`` picks the paragraph style).

``cap`` is 0 (plain), 1-3 (I./1./a) headings), or one of the named styles below. A kind adds
its fixed phrases here; the template machinery is the plan's.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hanhchinh_docs.conventions.dates import date_line, date_words
from hanhchinh_docs.conventions.kinds import KINDS
from hanhchinh_docs.conventions.numbering import document_number, number_and_symbol, point_letter
from hanhchinh_docs.conventions.legal_basis import is_legal_basis, punctuated
from hanhchinh_docs.conventions.text import (
    authority_running_name, recipient_lines, strip_item_punctuation, with_end_mark,
)
from hanhchinh_docs.model.document import DocumentBase
from hanhchinh_docs.model.forms import (
    Article, Clause, Decision, GeneralDocument, Introduction, Invitation, Leave, Letter, Minutes, Person, Telegram,
)
from hanhchinh_docs.model.plan import Plan
from hanhchinh_docs.render.context import (
    addressee_context, body_paragraphs, issuer_context, marks_context, plan_context, signer_context,
)

LEGAL_BASIS = "can_cu"          # italic, justified, 1 cm indent
AUTHORITY = "tham_quyen"        # centred, bold: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ...", "QUYẾT ĐỊNH:"
ARTICLE = "dieu"                # "Điều 1." in bold, then the article's text

PARAGRAPH_KINDS = (LEGAL_BASIS, AUTHORITY, ARTICLE)
"""Named paragraph kinds the templates' body loop knows, besides the levels 0-3."""

AS_ARTICLE = "Như Điều"
PROPOSAL_LEAD = "Theo đề nghị của"


def legal_basis_lines(bases: list[str], proposal: str | None = None) -> list[str]:
    """Căn cứ lines ("Căn cứ" added when missing), ";" then "." (``conventions.legal_basis``), closed by
    "Theo đề nghị của ..."; ``proposal`` may be the proposer alone ("Giám đốc Sở Nội vụ") or the whole sentence."""
    lines = [b if is_legal_basis(b) else f"Căn cứ {b.strip()}" for b in bases if b.strip()]
    if proposal and proposal.strip():
        text = proposal.strip()
        lines.append(text if text.lower().startswith(PROPOSAL_LEAD.lower()) else f"{PROPOSAL_LEAD} {text}")
    return punctuated(lines)


def text(value: str) -> dict[str, Any]:
    return {"cap": 0, "van_ban": value, "nhan": ""}


def _lines(values: list[str]) -> list[str]:
    bare = [strip_item_punctuation(v) for v in values if v.strip()]
    return [f"- {v}{'.' if i == len(bare) - 1 else ';'}" for i, v in enumerate(bare)]


def symbol(document: DocumentBase) -> str:
    """``05/QĐ-UBND``; a công văn has no type abbreviation: ``12/UBND-VX``."""
    if isinstance(document, Letter):
        return f"{document_number(document.number)}/{document.issuer.abbreviation}-{document.unit}"
    return number_and_symbol(document.number, KINDS[document.kind].abbreviation, document.issuer.abbreviation)


def archive_with_drafter(document: DocumentBase) -> list[str]:
    """The "Lưu" line's parts; ô 12 (the drafter's symbol and the number of copies, ``PL.(300)``)
    closes it, where the sample forms write "A.XX"."""
    if not document.drafter:
        return list(document.archive)
    copies = f".({document.copies})" if document.copies else ""
    return [*document.archive, document.drafter.rstrip(".") + copies]


def _with_end(paragraphs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if paragraphs:
        paragraphs[-1]["van_ban"] = with_end_mark(paragraphs[-1]["van_ban"])
    return paragraphs


def _list_after(lead: str, items: list[str]) -> list[dict[str, Any]]:
    """"Lead: X" for one item; "Lead:" then "- X;" lines for several."""
    bare = [strip_item_punctuation(i) for i in items if i.strip()]
    if len(bare) == 1:
        return [text(f"{lead} {bare[0]}.")]
    return [text(lead)] + [text(line) for line in _lines(bare)]


def _person(person: Person) -> str:
    return f"{person.full_name}, {person.position}" if person.position else person.full_name


def decision_body(document: Decision) -> list[dict[str, Any]]:
    """Mẫu 1.1/1.2: authority line, căn cứ (italic, ";" then "."), "QUYẾT ĐỊNH:", Điều 1. ..."""
    out = [{"cap": AUTHORITY, "van_ban": document.authority.upper(), "nhan": ""}]
    out += [{"cap": LEGAL_BASIS, "van_ban": line, "nhan": ""}
            for line in legal_basis_lines(document.legal_bases, document.proposal)]
    out.append({"cap": AUTHORITY, "van_ban": "QUYẾT NGHỊ:" if document.kind == "nghi_quyet" else "QUYẾT ĐỊNH:",
                "nhan": ""})
    for number, article in enumerate(document.articles, start=1):
        body = article.text if isinstance(article, Article) else article
        out.append({"cap": ARTICLE, "nhan": f"Điều {number}.", "van_ban": " " + body})
        for c_index, clause in enumerate(article.clauses if isinstance(article, Article) else []):
            clause_text = clause.text if isinstance(clause, Clause) else clause
            out.append(text(f"{c_index + 1}. {clause_text}"))
            for p_index, point in enumerate(clause.points if isinstance(clause, Clause) else []):
                out.append(text(f"{point_letter(p_index)}) {point}"))
    return _with_end(out)


def decision_recipients(document: Decision) -> list[str]:
    """ "Nơi nhận:" starts with "- Như Điều N;" (N the last article, the one naming who executes it)."""
    recipients = list(document.recipients)
    if not any(r.strip().lstrip("- ").startswith(AS_ARTICLE) for r in recipients):
        recipients.insert(0, f"{AS_ARTICLE} {len(document.articles)}")
    return recipients


def attached_context(decision: Decision, plan: Plan) -> dict[str, Any]:
    """Mẫu 1.3: the plan after the decision, with its type name, title and "(Kèm theo Quyết định ...)"."""
    line = (f"(Kèm theo {KINDS[decision.kind].name} số {symbol(decision)} {date_words(decision.issue_date)} "
            f"của {authority_running_name(decision.authority)})")
    plan_keys = plan_context(plan)
    appendices = [dict(a, kem_theo=line.replace("(Kèm theo ", "(Kèm theo Kế hoạch ban hành kèm theo ", 1))
                  for a in plan_keys["phu_luc"]]
    return {
        "kem_theo": {"ten_loai": KINDS["ke_hoach"].type_name, "trich_yeu": plan.subject, "dong": line,
                     "noi_dung": body_paragraphs(plan.opening, plan.body)},
        "phu_luc": appendices,
    }


def body_of(document: DocumentBase) -> list[dict[str, Any]]:
    """The kind's body paragraphs, fixed phrases included, the last one ending "./."."""
    name = document.issuer.name_in_text
    if isinstance(document, Decision):
        return decision_body(document)
    if isinstance(document, GeneralDocument):
        bases = [{"cap": LEGAL_BASIS, "van_ban": line, "nhan": ""} for line in legal_basis_lines(document.legal_bases)]
        return bases + _levels(body_paragraphs(document.opening, document.body))
    if isinstance(document, Letter):
        return _levels(body_paragraphs(document.opening, document.body))
    if isinstance(document, Telegram):
        head = [text(f"{document.sender.upper()} điện:")]
        return head + [text(line) for line in _lines(document.addressees)] + \
            _levels(body_paragraphs([], document.body))
    if isinstance(document, Invitation):
        out = _list_after(f"{name} trân trọng kính mời:", document.invitees)
        out.append(text(f"Tới dự {strip_item_punctuation(document.event)}."))
        if document.chair:
            out.append(text(f"Chủ trì: {strip_item_punctuation(document.chair)}."))
        out.append(text(f"Thời gian: {strip_item_punctuation(document.time)}."))
        out.append(text(f"Địa điểm: {strip_item_punctuation(document.venue)}."))
        return _with_end(out + _levels(body_paragraphs([], document.body)))
    if isinstance(document, Introduction):
        person = document.person
        out = [text(f"{name} trân trọng giới thiệu:"), text(f"Ông (bà): {person.full_name}")]
        if person.position:
            out.append(text(f"Chức vụ: {person.position}"))
        out += [text(f"Được cử đến: {document.sent_to}"), text(f"Về việc: {document.purpose}"),
                text("Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.")]
        if document.valid_until.year:
            out.append(text(f"Giấy này có giá trị đến hết {date_words(document.valid_until)}."))
        return _with_end(out)
    if isinstance(document, Minutes):
        out = [text(f"Thời gian bắt đầu: {document.start}."), text(f"Địa điểm: {strip_item_punctuation(document.venue)}.")]
        out += _list_after("Thành phần tham dự:", document.attendees)
        out += [text(f"Chủ trì (chủ tọa): {_person(document.chair)}."),
                text(f"Thư ký (người ghi biên bản): {_person(document.secretary)}."),
                text(f"Nội dung ({document.meeting.lower()} theo diễn biến):")]
        out += _levels(body_paragraphs([], document.body))
        out.append(text(f"{document.meeting} kết thúc vào {document.end}."))
        return _with_end(out)
    if isinstance(document, Leave):
        return _with_end(_leave_body(document))
    raise TypeError(f"no body for {type(document).__name__}")


def _levels(paragraphs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dict(p, nhan="") for p in paragraphs]


def _leave_body(document: Leave) -> list[dict[str, Any]]:
    person = document.person
    out = []
    if document.request_date.year:
        out.append(text(f"Xét Đơn đề nghị nghỉ phép {date_words(document.request_date)} của ông (bà) "
                        f"{person.full_name},"))
    granter = document.signer.position.strip().lower().capitalize()
    out.append(text(f"{granter} {document.issuer.name_in_text} cấp cho:"))
    out.append(text(f"Ông (bà): {person.full_name}"))
    if person.position:
        out.append(text(f"Chức vụ: {person.position}"))
    days = document.days
    start, end = document.start.as_date(), document.end.as_date()
    if days is None and start and end:
        days = (end - start).days + 1
    year = f" năm {document.leave_year}" if document.leave_year else ""
    span = f" trong thời gian {days} ngày," if days else ""
    out.append(text(f"Nghỉ phép{year}{span} từ {date_words(document.start)} đến hết {date_words(document.end)}."))
    out.append(text(f"Tại: {strip_item_punctuation(document.place_of_leave)}."))
    return out


def _signature(title: str, person: Person) -> dict[str, str]:
    return {"quyen_han": "", "chuc_vu": title, "ho_ten": " ".join(person.full_name.split())}


def form_context(document: DocumentBase, attached: Plan | None = None) -> dict[str, Any]:
    """Everything a kind's template shows, as ready-made strings and lists."""
    recipients = decision_recipients(document) if isinstance(document, Decision) else document.recipients
    addressed = bool(document.addressees) and not isinstance(document, Telegram)
    context: dict[str, Any] = {
        "nam": document.text_year or date.today().year,
        "co_quan": issuer_context(document.issuer),
        "so_ky_hieu": symbol(document),
        "dia_danh_ngay": date_line(document.place, document.issue_date),
        "trich_yeu": document.subject or "",
        "trich_yeu_cong_van": f"V/v {document.subject}" if isinstance(document, Letter) else "",
        **addressee_context(document.addressees if addressed else []),
        "noi_dung": body_of(document),
        "nguoi_ky": signer_context(document.signer) if document.signer else {},
        "noi_nhan": recipient_lines(recipients, archive_with_drafter(document), addressed=addressed),
        "phu_luc": [],
        "kem_theo": None,
        **marks_context(document),
    }
    if isinstance(document, Minutes):
        context["thu_ky"] = _signature("THƯ KÝ", document.secretary)
        context["chu_toa"] = _signature("CHỦ TỌA", document.chair)
    if isinstance(document, Decision) and attached is not None:
        context.update(attached_context(document, attached))
    return context
