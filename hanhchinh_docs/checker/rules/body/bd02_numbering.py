"""BD02: I./II., 1./2., a)/b) and Điều numbers run in order."""

from __future__ import annotations

import re
from collections.abc import Iterator

from hanhchinh_docs.checker.judge import finding_at
from hanhchinh_docs.checker.registry import Context, rule
from hanhchinh_docs.checker.report import Component, Finding, NotApplicable
from hanhchinh_docs.checker.roles import Role
from hanhchinh_docs.conventions.elements import is_all_upper
from hanhchinh_docs.conventions.numbering import point_letter, roman

LABEL = {
    Role.ITEM: re.compile(r"^([IVXL]+)\."),
    Role.CLAUSE: re.compile(r"^(\d+)[.)](?!\d)"),        # "9.Được" counts too; "1.1." is a sub-clause
    Role.POINT: re.compile(r"^([a-zđ])\)"),
    Role.ARTICLE: re.compile(r"^Điều\s+(\d+)"),
}
EXPECTED = {
    Role.ITEM: lambda n: roman(n),
    Role.CLAUSE: lambda n: str(n),
    Role.POINT: lambda n: point_letter(n - 1),
    Role.ARTICLE: lambda n: str(n),
}
WORDS = {Role.ITEM: "Mục", Role.CLAUSE: "Khoản", Role.POINT: "Điểm", Role.ARTICLE: "Điều"}
RESETS = {
    Role.PART_LABEL: (Role.ITEM, Role.CLAUSE, Role.POINT),
    Role.ITEM: (Role.CLAUSE, Role.POINT),
    Role.ARTICLE: (Role.CLAUSE, Role.POINT),
    Role.CLAUSE: (Role.POINT,),
}
"""A new item of one level restarts the counting of the levels below it."""

_ANY_LABEL = r"(?:[IVXL]+\.|\d+[.)]|[a-zđ]\))"
DOUBLED = re.compile(rf"^({_ANY_LABEL}\s+{_ANY_LABEL})\s")
"""A number typed by hand after the automatic one: "I. I. MỤC ĐÍCH", "1. 1. Mục đích" (a space
or Tab between); "1.1." is a sub-clause's number, printed once."""


@rule(id="BD02", name="body.numbering", title="Thứ tự đánh số mục, khoản, điểm, điều", component=Component.BODY,
      legal_ref="NĐ 30/2020, Phụ lục I, mục II.6.đ")
def check(ctx: Context) -> Iterator[Finding]:
    """Mục run I, II, III...; khoản 1, 2, 3 within each mục or điều; điểm follow the Vietnamese
    alphabet a, b, c, d, đ, e, g, h...; điều run 1, 2, 3 through the document.

    **Wrong**: "I.", "III." (II skipped); "a)", "b)", "c)", "d)", "e)" (đ skipped); "e)", "f)";
    a number written twice ("I. I. MỤC ĐÍCH").

    **Right**: "I.", "II."; "a)", "b)", "c)", "d)", "đ)", "e)", "g)".
    """
    counts = {role: 0 for role in LABEL}
    checked = False
    may_restart: set[Role] = set()
    for item in ctx.layout.body:
        if item.role is Role.CAPTION and is_all_upper(item.paragraph.text):
            may_restart = {Role.CLAUSE, Role.POINT}     # an unnumbered heading ("KẾ HOẠCH NĂM 2026") may start over
        doubled = DOUBLED.match(item.paragraph.text.strip())
        if doubled:
            checked = True
            yield finding_at(item.paragraph, f"Số thứ tự bị ghi hai lần «{doubled.group(1)}»; hãy xóa một số.",
                             doubled.group(1), doubled.group(1).split()[0])
        for reset in RESETS.get(item.role, ()):
            counts[reset] = 0
        pattern = LABEL.get(item.role)
        match = pattern.match(item.paragraph.text.strip()) if pattern else None
        if match is None:
            continue
        checked = True
        if item.role in may_restart:
            may_restart.discard(item.role)
            if match.group(1) == EXPECTED[item.role](1):
                counts[item.role] = 0
        counts[item.role] += 1
        expected = EXPECTED[item.role](counts[item.role])
        if match.group(1) != expected:
            words = WORDS[item.role]
            hint = " (điểm dùng chữ cái tiếng Việt a, b, c, d, đ, e, g...)" if item.role is Role.POINT else ""
            yield finding_at(item.paragraph, f"{words} đánh số «{match.group(1)}» nhưng theo thứ tự phải là "
                                             f"«{expected}»{hint}.", match.group(1), expected)
            counts[item.role] = _position(item.role, match.group(1), counts[item.role])
    if not checked:
        raise NotApplicable("Nội dung không có mục, khoản, điểm hay điều được đánh số")


def _position(role: Role, label: str, fallback: int) -> int:
    """Continue counting from the label as written, so one mistake is reported once."""
    for n in range(1, 60):
        if EXPECTED[role](n) == label:
            return n
    return fallback
