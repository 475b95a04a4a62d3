"""Many documents in one call: worker processes, output names from a pattern, and the outcome of each.

The work of one item is a picklable call made in a worker process; an item that fails is recorded
with its reason and never stops the others (each output is written atomically, so a failure leaves
no partial file).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hanhchinh_docs.errors import HanhChinhError, SourceLocation

NAME_FIELDS = {
    "ten": "tên tệp YAML (không có đuôi)",
    "loai": "loại văn bản (ke_hoach, bao_cao, ...)",
    "stt": "số thứ tự trong lô (1, 2, ...)",
    "don_vi": "tên đơn vị, viết không dấu (bảng đơn vị)",
    "viet_tat": "tên viết tắt của đơn vị (bảng đơn vị)",
    "so": "số văn bản (trống nếu chưa có)",
}
"""Placeholders usable in an output name pattern, e.g. ``{stt}_{viet_tat}.docx``."""


@dataclass(frozen=True)
class BatchItem:
    """One document to make: ``work`` is the data its worker needs (picklable)."""

    label: str
    output: Path
    work: Any


@dataclass
class BatchOutcome:
    """What became of one item: ``error`` is None when it was made."""

    label: str
    output: Path
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    pdf: Path | None = None

    @property
    def status(self) -> str:
        """'failed', 'warning' or 'ok'."""
        return "failed" if self.error else "warning" if self.warnings else "ok"


def plain_name(text: str) -> str:
    """A file-name-safe ASCII form of a Vietnamese name: "Phòng Tài chính" -> "Phong_Tai_chinh"."""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return "_".join(re.sub(r"[^A-Za-z0-9]+", " ", text).split())


def output_name(pattern: str, values: dict[str, str]) -> str:
    """Fill ``{name}`` placeholders (no other syntax: data is never a template); adds '.docx'."""
    def fill(match: re.Match) -> str:
        key = match[1]
        if key not in NAME_FIELDS:
            known = ", ".join("{%s}" % k for k in NAME_FIELDS)
            raise HanhChinhError(f"Mẫu tên tệp '{pattern}' dùng '{{{key}}}' không có; dùng được: {known}",
                                 SourceLocation(field="--ten"))
        return plain_name(str(values.get(key, ""))) or "_"

    name = re.sub(r"\{([^{}]*)\}", fill, pattern)
    if "/" in name or "\\" in name or name.startswith("."):
        raise HanhChinhError(f"Mẫu tên tệp '{pattern}' phải là một tên tệp, không chứa thư mục",
                             SourceLocation(field="--ten"))
    return name if name.lower().endswith(".docx") else name + ".docx"


def default_jobs() -> int:
    return os.cpu_count() or 1


def _start_worker() -> None:
    """Objects made before the fork are never freed in a worker: keep the collector off them."""
    gc.freeze()


def run_items(worker: Callable[[BatchItem], BatchOutcome], items: Sequence[BatchItem], jobs: int,
              on_outcome: Callable[[BatchOutcome], None] | None = None) -> list[BatchOutcome]:
    """Run ``worker`` on every item, in ``jobs`` processes (in this one when ``jobs`` is 1);
    outcomes come back in the items' order. ``worker`` must catch the errors it reports."""
    outcomes: list[BatchOutcome | None] = [None] * len(items)
    if jobs <= 1 or len(items) <= 1:
        for index, item in enumerate(items):
            outcomes[index] = worker(item)
            if on_outcome:
                on_outcome(outcomes[index])
        return outcomes  # type: ignore[return-value]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), mp_context=context,
                             initializer=_start_worker) as pool:
        futures = {pool.submit(worker, item): index for index, item in enumerate(items)}
        for future in as_completed(futures):
            index = futures[future]
            try:
                outcome = future.result()
            except Exception as exc:  # a worker that died (out of memory, killed): that item alone fails
                outcome = BatchOutcome(items[index].label, items[index].output,
                                       error=f"Tiến trình xử lý bị dừng bất thường ({type(exc).__name__})")
            outcomes[index] = outcome
            if on_outcome:
                on_outcome(outcome)
    return outcomes  # type: ignore[return-value]
