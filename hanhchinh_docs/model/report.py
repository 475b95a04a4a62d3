"""Báo cáo: a periodic report on a plan (ND 09/2019), and the progress of each task."""

from __future__ import annotations

import enum
from typing import Literal

from pydantic import Field, field_validator

from hanhchinh_docs.conventions.elements import fold
from hanhchinh_docs.conventions.periods import PERIOD_CODES
from hanhchinh_docs.model.common import Issuer, Model, Signer, TextList
from hanhchinh_docs.model.document import DocumentBase


class Progress(enum.Enum):
    """Status of a task; the value is the YAML code, ``label`` what the report prints."""

    DONE = "hoan_thanh"
    IN_PROGRESS = "dang_thuc_hien"
    NOT_STARTED = "chua_thuc_hien"

    @property
    def label(self) -> str:
        return {"hoan_thanh": "Hoàn thành", "dang_thuc_hien": "Đang thực hiện",
                "chua_thuc_hien": "Chưa thực hiện"}[self.value]


NOT_REPORTED_LABEL = "Chưa báo cáo"


_PROGRESS_WORDS = {
    **{fold(p.value, loose=True): p for p in Progress},
    **{fold(p.label, loose=True): p for p in Progress},
    "da hoan thanh": Progress.DONE, "xong": Progress.DONE, "hoan thanh dung han": Progress.DONE,
    "dang trien khai": Progress.IN_PROGRESS, "dang lam": Progress.IN_PROGRESS,
    "chua trien khai": Progress.NOT_STARTED, "chua lam": Progress.NOT_STARTED,
}


def progress_from_text(text: str) -> Progress | None:
    """``"hoan_thanh"``, ``"Hoàn thành"``, ``"hoàn thành"``, ``"HOÀN THÀNH"`` -> ``Progress.DONE``."""
    return _PROGRESS_WORDS.get(fold(text, loose=True))


PROGRESS_CHOICES = "hoan_thanh (Hoàn thành), dang_thuc_hien (Đang thực hiện), chua_thuc_hien (Chưa thực hiện)"


class TaskProgress(Model):
    """What the reporting staff write for one task."""

    status: Progress = Field(alias="trang_thai")
    result: str = Field("", alias="ket_qua")

    @field_validator("status", mode="before")
    @classmethod
    def _lenient_status(cls, value):
        if isinstance(value, str):
            found = progress_from_text(value)
            if found is None:
                raise ValueError("progress")
            return found
        return value


class Report(DocumentBase):
    """Báo cáo (type BC) on a plan; the shared fields (``DocumentBase``, marks included) are optional
    here: anything not given is taken from the plan."""

    kind: Literal["bao_cao"] = Field(alias="loai")
    plan_file: str = Field(alias="ke_hoach", min_length=1)
    period_code: str = Field(alias="ky_bao_cao")
    issuer: Issuer | None = Field(None, alias="co_quan")
    place: str | None = Field(None, alias="dia_danh")
    opening: TextList = Field(default_factory=list, alias="mo_dau")
    results: dict[str, TaskProgress] = Field(default_factory=dict, alias="ket_qua")
    shortcomings: TextList = Field(default_factory=list, alias="ton_tai")
    recommendations: TextList = Field(default_factory=list, alias="kien_nghi")
    signer: Signer | None = Field(None, alias="nguoi_ky")
    archive: TextList = Field(default_factory=list, alias="luu")
    """Defaults to the plan's."""

    @field_validator("period_code")
    @classmethod
    def _known_period(cls, value: str) -> str:
        code = value.strip().lower()
        if code not in PERIOD_CODES:
            raise ValueError("period")
        return code

    @field_validator("results", mode="before")
    @classmethod
    def _string_keys(cls, value):
        if isinstance(value, dict):
            return {str(key): item for key, item in value.items()}
        return value
