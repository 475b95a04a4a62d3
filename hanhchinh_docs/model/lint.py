"""Data lint: warnings about a plan's YAML that would render faithfully but read wrongly.

- a year in the text that differs from ``nam`` where it is not part of a citation, a date,
  a document symbol or a range (the seed's "năm 2023" title in a 2024 plan);
- citations not written "<Loại> số N/KÝ-HIỆU ngày dd/mm/yyyy";
- recipients that carry their own "- " or ";" (the tool adds them);
- list items that look like pieces of one item split by a comma in a one-line YAML list
  (``[Các ban, ngành, đoàn thể xã]`` is three items: "Các ban", "ngành", "đoàn thể xã");
- an appendix with no task, and a task with no lead unit.

Every warning names the YAML field and its line (``loaded.source.locate``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from hanhchinh_docs.conventions.dates import short_date
from hanhchinh_docs.conventions.legal_basis import punctuated
from hanhchinh_docs.conventions.numbering import typed_label
from hanhchinh_docs.conventions.schedule import impossible_date
from hanhchinh_docs.conventions.years import CITED_TYPES, YearRole, year_mentions
from hanhchinh_docs.errors import Problem
from hanhchinh_docs.model.common import BodyItem
from hanhchinh_docs.model.yaml_source import format_path

_TYPE = "(?:" + "|".join(re.escape(t) for t in CITED_TYPES) + ")"
CITATION = re.compile(rf"\b(?P<type>{_TYPE})\s+(?P<so>số\s+)?(?P<symbol>\d+(?:\s*[/\-]\s*[\wĐđ.]+)+)", re.IGNORECASE)
"""A cited document: its type, "số", and its number/symbol ("08/KH-UBND", "18-NQ/TW", "01/2023/QĐ-UBND")."""

_AFTER_SYMBOL = re.compile(r"^(?P<comma>\s*,)?\s*ngày\s+(?:(?P<short>(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4}))"
                           r"|(?P<long>\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))", re.IGNORECASE)

_DIGIT = re.compile(r"\d")

_FOREIGN_DIGIT = re.compile(r"[^\D0-9]")
"""A digit Python reads as a number but Word's keyboard does not type: full-width "３", Arabic-Indic "٣"."""

LINT_ROLES = (YearRole.OWN, YearRole.PERIOD, YearRole.MONTH)
"""Years that should be the plan's: "năm 2023", "Quý IV/2023", "tháng 3/2023" in a 2024 plan."""

LIST_MARKS = ("-", "–", "+", "•")
ITEM_ENDS = (";", ".", ",")


def lint_plan(loaded) -> list[Problem]:
    """Warnings about ``loaded`` (the ``Loaded[Plan]`` from ``load_plan``), each located in the YAML."""
    plan, locate = loaded.document, loaded.source.locate
    entries = plan.task_entries()
    problems: list[Problem] = []
    for path, text in plan_texts(plan, entries):
        if _DIGIT.search(text) is None:
            continue  # a year, a citation and an odd digit are all digits: most task texts have none
        messages = year_messages(text, plan.year) + citation_messages(text) + digit_messages(text)
        problems += [Problem(message, locate(path), severity="warning") for message in messages]
    problems += recipient_problems(plan, locate)
    problems += legal_basis_problems(plan.opening, locate)
    problems += typed_number_problems(plan.body, ("noi_dung",), 1, locate)
    for a_index, appendix in enumerate(plan.appendices):
        if appendix.kind == "nhiem_vu" and not any(tasks for _, _, tasks in appendix.sections()):
            problems.append(Problem(
                f"Phụ lục «{appendix.title}» không có nhiệm vụ nào nên bảng sẽ trống; hãy thêm 'nhiem_vu' hoặc bỏ "
                "phụ lục này", locate(("phu_luc", a_index)), severity="warning"))
    for entry in entries:
        for key, items in (("chu_tri", entry.task.lead_units), ("phoi_hop", entry.task.partner_units)):
            problems += fragment_problems(items, entry.path + (key,), locate)
        bad_date = impossible_date(entry.task.schedule, plan.year) if entry.task.schedule else None
        if bad_date:
            problems.append(Problem(
                f"Thời gian thực hiện «{entry.task.schedule}» ghi {bad_date}; hãy sửa lại ngày (báo cáo không biết "
                "nhiệm vụ này đến kỳ lúc nào)", locate(entry.path + ("thoi_gian",)), severity="warning"))
    for entry in entries:
        if not entry.task.lead_units and not any(p.lead_units for p in entry.task.product_rows):
            problems.append(Problem(
                f"Nhiệm vụ «{_short(entry.task.content)}» chưa có đơn vị chủ trì; hãy ghi 'chu_tri'",
                locate(entry.path), severity="warning"))
    return problems


def recipient_problems(document, locate) -> list[Problem]:
    """"Kính gửi" and "Nơi nhận" lists of a plan or a report: own marks, comma fragments."""
    problems = []
    for key, items in (("noi_nhan", document.recipients), ("kinh_gui", document.addressees)):
        for index, item in enumerate(items):
            if item.startswith(LIST_MARKS) or item.endswith(ITEM_ENDS):
                problems.append(Problem(
                    f"Mục «{item}» đã có sẵn gạch đầu dòng hoặc dấu câu ở cuối; công cụ tự thêm «- » ở đầu và «;» "
                    f"(hoặc «.») ở cuối mỗi dòng. Hãy chỉ ghi tên nơi nhận, ví dụ «{_bare(item)}»",
                    locate((key, index)), severity="warning"))
        problems += fragment_problems(items, (key,), locate)
    return problems


def lint_report(loaded) -> list[Problem]:
    """Warnings about a report's own YAML (``LoadedReport.report``); its plan is linted by ``lint_plan``."""
    report, locate = loaded.document, loaded.source.locate
    problems = recipient_problems(report, locate) + legal_basis_problems(report.opening, locate)
    for key, texts in (("mo_dau", report.opening), ("ton_tai", report.shortcomings),
                       ("kien_nghi", report.recommendations)):
        for index, text in enumerate(texts):
            problems += [Problem(m, locate((key, index)), severity="warning") for m in citation_messages(text)]
    return problems


def lint_form(loaded) -> list[Problem]:
    """Warnings about a document of another kind (``model.forms``): its lists, typed numbers, citations."""
    document, locate = loaded.document, loaded.source.locate
    problems = recipient_problems(document, locate)
    body = getattr(document, "body", None)
    if body is not None:
        problems += typed_number_problems(body, ("noi_dung",), 1, locate)
        for path, text in _body_texts(body, ("noi_dung",)):
            problems += [Problem(m, locate(path), severity="warning") for m in citation_messages(text)]
    return problems


def legal_basis_problems(opening: list[str], locate) -> list[Problem]:
    """Căn cứ lines whose end mark the renderer changes (";" for each, "." for the last)."""
    problems = []
    for index, (given, printed) in enumerate(zip(opening, punctuated(opening))):
        if given.rstrip() != printed:
            problems.append(Problem(
                f"Dòng căn cứ «{_short(given.strip(), 60)}» sẽ in kết thúc bằng «{printed[-1]}» (NĐ 30: mỗi dòng căn "
                "cứ kết thúc bằng dấu «;», dòng cuối bằng dấu «.»). Hãy sửa dấu cuối dòng trong tệp cho khớp", locate(("mo_dau", index)), severity="warning"))
    return problems


def typed_number_problems(nodes: list, path: tuple, level: int, locate) -> list[Problem]:
    """A number typed before a heading: dropped with a warning when it is the automatic one, refused
    (an error) when it is not, since the renderer numbers headings itself."""
    problems = []
    index = 0
    for position, node in enumerate(nodes):
        if not isinstance(node, BodyItem):
            continue
        key = "tieu_de" if node.title is not None else "van_ban"
        text = node.title if node.title is not None else node.text
        found = typed_label(text, level, index) if level <= 3 else None
        index += 1
        if found is not None and found.matches:
            problems.append(Problem(
                f"«{_short(text)}» đã gõ sẵn số «{found.typed}»; công cụ tự đánh số nên chỉ in một lần "
                f"«{found.automatic} {_short(found.rest)}». Hãy xóa «{found.typed} » khỏi '{key}'",
                locate(path + (position, key)), severity="warning"))
        elif found is not None:
            problems.append(Problem(
                f"«{_short(text)}» đã gõ sẵn số «{found.typed}» nhưng ở vị trí này công cụ tự đánh số "
                f"«{found.automatic}»; hãy xóa «{found.typed} » khỏi '{key}' (công cụ tự đánh số theo thứ tự "
                "các mục, không in hai số)", locate(path + (position, key))))
        problems += typed_number_problems(node.children, path + (position, "noi_dung"), level + 1, locate)
    return problems


def _looks_like_fragment(item: str) -> bool:
    """A piece of a longer name: it starts with a small letter ("ngành", "đoàn thể xã"), or is one
    capitalised word that names nobody alone ("Ngành"); abbreviations ("VP", "UBND") are names."""
    text = item.strip()
    if not text or not text[0].isalpha():
        return False
    if text[0].islower():
        return True
    return " " not in text and not text.isupper() and len(text) > 1 and not any(c.isdigit() for c in text)


def fragment_problems(items: list[str], path: tuple, locate) -> list[Problem]:
    """One warning per run of fragments, with the item they were probably cut from, quoted."""
    problems = []
    index = 1
    while index < len(items):
        if not _looks_like_fragment(items[index]):
            index += 1
            continue
        first = index
        while index < len(items) and _looks_like_fragment(items[index]):
            index += 1
        whole = ", ".join(item.strip() for item in items[first - 1:index])
        quoted = [f"«{item.strip()}»" for item in items[first - 1:index]]
        pieces = ", ".join(quoted[:-1]) + " và " + quoted[-1]
        field_name = format_path(path)
        problems.append(Problem(
            f"Các mục {pieces} của '{field_name}' có vẻ là một mục bị dấu phẩy tách ra (trong danh sách viết "
            f"trên một dòng, dấu phẩy ngăn cách các mục) và sẽ in thành {index - first + 1} dòng. Nếu là một "
            f"mục, hãy đặt trong ngoặc kép: \"{whole}\"",
            locate(path + (first,)), severity="warning"))
    return problems


def plan_texts(plan, entries: list) -> Iterator[tuple[tuple, str]]:
    """Every running text of a plan with its YAML path (names, numbers and recipients left out);
    ``entries`` are the plan's ``task_entries``."""
    yield ("trich_yeu",), plan.subject
    for index, text in enumerate(plan.opening):
        yield ("mo_dau", index), text
    yield from _body_texts(plan.body, ("noi_dung",))
    for a_index, appendix in enumerate(plan.appendices):
        yield ("phu_luc", a_index, "ten"), appendix.title
        for g_index, group in enumerate(appendix.groups):
            yield ("phu_luc", a_index, "nhom", g_index, "ten"), group.title
    for entry in entries:
        task = entry.task
        yield entry.path + ("noi_dung",), task.content
        for p_index, product in enumerate(task.products):
            if isinstance(product, str):
                yield entry.path + ("san_pham", p_index), product
            else:
                if product.name:
                    yield entry.path + ("san_pham", p_index, "san_pham"), product.name
                if product.schedule:
                    yield entry.path + ("san_pham", p_index, "thoi_gian"), product.schedule
        if task.schedule:
            yield entry.path + ("thoi_gian",), task.schedule


def _body_texts(nodes: list, path: tuple) -> Iterator[tuple[tuple, str]]:
    for index, node in enumerate(nodes):
        if isinstance(node, BodyItem):
            key = "tieu_de" if node.title is not None else "van_ban"
            yield path + (index, key), node.title if node.title is not None else node.text
            yield from _body_texts(node.children, path + (index, "noi_dung"))
        elif isinstance(node, str):
            yield path + (index,), node
        elif node.table.caption:  # a body table: its caption is running text, its cells are data
            yield path + (index, "bang", "ten"), node.table.caption


def year_messages(text: str, year: int) -> list[str]:
    """A warning for each year of ``LINT_ROLES`` that differs from the plan's (``conventions.years``)."""
    messages = []
    for mention in year_mentions(text):
        if mention.year == year or mention.role not in LINT_ROLES:
            continue
        messages.append(
            f"Năm {mention.year} trong «{_around(text, mention.start)}» khác năm của kế hoạch (nam: {year}). Nếu "
            "đây là năm của chính kế hoạch, hãy viết {{ nam }} thay cho số năm; nếu là năm của văn bản được trích "
            "dẫn hay của một giai đoạn thì bỏ qua cảnh báo này")
    return messages


def digit_messages(text: str) -> list[str]:
    """Digits other than 0-9: dates and deadlines written with them are not understood, and they print oddly."""
    found = _FOREIGN_DIGIT.search(text)
    if found is None:
        return []
    return [f"«{_around(text, found.start())}» có chữ số «{found.group()}» không phải chữ số 0-9 thường (thường do chép "
            "từ nơi khác); công cụ không hiểu ngày, thời hạn viết bằng chữ số này. Hãy gõ lại các số bằng bàn phím"]


def citation_messages(text: str) -> list[str]:
    """Citations not in the form "<Loại> số N/KÝ-HIỆU ngày dd/mm/yyyy"."""
    if _DIGIT.search(text) is None:
        return []  # a citation has a number: most texts are passed over without the long pattern
    messages = []
    for match in CITATION.finditer(text):
        cited = match.group(0)
        symbol = match["symbol"]
        problems = []
        if not match["so"]:
            problems.append("thiếu chữ «số» trước số, ký hiệu")
        if " " in symbol:
            problems.append("số, ký hiệu phải viết liền, không có dấu cách")
        after = _AFTER_SYMBOL.match(text[match.end():])
        if after is None:
            problems.append("thiếu ngày ban hành («ngày dd/mm/yyyy») ngay sau số, ký hiệu")
        else:
            if after["comma"]:
                problems.append("không đặt dấu phẩy giữa số, ký hiệu và «ngày»")
            if after["long"]:
                problems.append("ngày ban hành viết dạng «ngày dd/mm/yyyy»")
            elif after["short"]:
                expected = _canonical_date(after)
                if expected is None:
                    problems.append(f"ngày «{after['short']}» không có thật")
                elif expected != after["short"]:
                    problems.append(f"ngày viết là «{expected}» (ngày nhỏ hơn 10 và tháng 1, 2 có số 0 phía trước)")
        if problems:
            messages.append(f"Trích dẫn «{cited}» chưa đúng dạng «<Loại văn bản> số N/KÝ-HIỆU ngày dd/mm/yyyy»: "
                            + "; ".join(problems))
    return messages


def _canonical_date(match: re.Match[str]) -> str | None:
    try:
        return short_date(date(int(match["y"]), int(match["m"]), int(match["d"])))
    except ValueError:
        return None


def _around(text: str, position: int, width: int = 30) -> str:
    start = max(0, position - width)
    end = min(len(text), position + 4 + 10)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _short(text: str, limit: int = 50) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bare(item: str) -> str:
    return item.strip().lstrip("".join(LIST_MARKS)).strip().rstrip("".join(ITEM_ENDS)).strip()
