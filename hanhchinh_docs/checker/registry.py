"""The rule registry: one ``@rule`` record per rule module, checked when the module is imported.

A rule is a function ``check(ctx) -> Iterable[Finding | Note]`` that may raise ``NotCheckable``.
Its record carries the id (group letters + two digits, never reused), a dotted English name,
a short Vietnamese title, the component its findings are grouped under, and the legal reference.
Its docstring must show a **Wrong** and a **Right** example (a test enforces it).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from hanhchinh_docs.checker.docview import DocumentView
from hanhchinh_docs.checker.report import Component, Finding, Note
from hanhchinh_docs.checker.roles import Layout
from hanhchinh_docs.conventions.spec import Spec

GROUPS = {
    "PG": "trang giấy, lề, số trang", "FN": "phông chữ", "HD": "phần đầu văn bản",
    "TL": "tên loại, trích yếu", "PR": "định dạng đoạn văn", "BD": "bố cục nội dung",
    "SG": "chữ ký", "NN": "nơi nhận", "PL": "phụ lục",
}
_ID = re.compile(r"^(" + "|".join(GROUPS) + r")\d{2}$")


@dataclass(frozen=True)
class Context:
    """What every rule receives: the document, the elements found in it, and the spec."""

    view: DocumentView
    layout: Layout
    spec: Spec


CheckFunction = Callable[[Context], Iterable[Finding | Note]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    title: str
    component: Component
    legal_ref: str
    check: CheckFunction

    @property
    def doc(self) -> str:
        return self.check.__doc__ or ""


_REGISTRY: dict[str, Rule] = {}


def register(record: Rule) -> Rule:
    """Add a rule; a malformed or duplicate id, or an empty field, is a programming error."""
    if not _ID.match(record.id):
        raise ValueError(f"rule id {record.id!r} must be a group ({', '.join(GROUPS)}) and two digits")
    for name in ("name", "title", "legal_ref"):
        if not getattr(record, name).strip():
            raise ValueError(f"rule {record.id} has an empty {name}")
    existing = _REGISTRY.get(record.id)
    if existing is not None and existing.check is not record.check:
        raise ValueError(f"duplicate rule id {record.id}: {existing.check.__module__} and {record.check.__module__}")
    _REGISTRY[record.id] = record
    return record


def rule(*, id: str, name: str, title: str, component: Component, legal_ref: str) -> Callable[[CheckFunction], CheckFunction]:
    """Register the decorated check function as a rule."""
    def decorate(check: CheckFunction) -> CheckFunction:
        register(Rule(id, name, title, component, legal_ref, check))
        return check
    return decorate


def all_rules() -> list[Rule]:
    """Every rule, in the order the report shows them (component, then id)."""
    import hanhchinh_docs.checker.rules  # noqa: F401  (importing the package registers every rule)

    order = list(Component)
    return sorted(_REGISTRY.values(), key=lambda r: (order.index(r.component), r.id))
