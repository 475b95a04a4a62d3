"""What every ND30 document carries, whatever its kind: the header, subject, addressees, signer,
recipients and the optional marks (độ khẩn, độ mật, phạm vi lưu hành, ô 12, ô 13).

Each kind (``model.forms``, ``model.plan``) adds only its own fields to ``DocumentBase``.
"""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from hanhchinh_docs.conventions.dates import PartialDate
from hanhchinh_docs.model.common import (
    DocumentNumberValue, IssueDate, Issuer, Model, NonEmptyText, Signer, TextList, Year,
)

URGENCY = ("KHẨN", "THƯỢNG KHẨN", "HỎA TỐC")
SECRECY = ("MẬT", "TỐI MẬT", "TUYỆT MẬT")
CIRCULATION = ("XEM XONG TRẢ LẠI", "LƯU HÀNH NỘI BỘ")
_MARKS = {"urgency": URGENCY, "secrecy": SECRECY, "circulation": CIRCULATION}
"""Each mark field and the values it may take; the field name is also the error code."""


def _mark(value: str | None, allowed: tuple[str, ...], code: str) -> str | None:
    """Accept any case and both tone placements (HOẢ/HỎA); return the canonical capitals."""
    if value is None or not value.strip():
        return None
    text = " ".join(value.upper().replace("HOẢ", "HỎA").split())
    if text not in allowed:
        raise ValueError(code)
    return text


class DocumentBase(Model):
    """Fields shared by every kind; a kind narrows ``loai`` and adds its own fields."""

    kind: str = Field(alias="loai")
    year: Year | None = Field(None, alias="nam", ge=1900, le=2200)
    issuer: Issuer = Field(alias="co_quan")
    number: DocumentNumberValue = Field(None, alias="so")
    place: NonEmptyText = Field(alias="dia_danh")
    issue_date: IssueDate = Field(default_factory=PartialDate, alias="ngay")
    subject: str | None = Field(None, alias="trich_yeu")
    addressees: TextList = Field(default_factory=list, alias="kinh_gui")
    signer: Signer = Field(alias="nguoi_ky")
    recipients: TextList = Field(default_factory=list, alias="noi_nhan")
    archive: TextList = Field(default_factory=lambda: ["VT"], alias="luu")
    urgency: str | None = Field(None, alias="do_khan")
    secrecy: str | None = Field(None, alias="do_mat")
    circulation: str | None = Field(None, alias="pham_vi_luu_hanh")
    drafter: str | None = Field(None, alias="ky_hieu_nguoi_soan")
    copies: int | None = Field(None, alias="so_luong_ban", ge=1, le=100000)
    address: TextList = Field(default_factory=list, alias="dia_chi")
    """ô 13: address, telephone, email ... at the foot of page 1."""

    @field_validator(*_MARKS)
    @classmethod
    def _marks(cls, value, info: ValidationInfo):
        return _mark(value, _MARKS[info.field_name], info.field_name)

    @field_validator("drafter")
    @classmethod
    def _drafter(cls, value):
        if value is not None and not value.replace(".", "").isalnum():
            raise ValueError("drafter")
        return value

    @property
    def text_year(self) -> int | None:
        """The year ``{{ nam }}`` stands for: ``nam``, else the year of ``ngay``."""
        return self.year or self.issue_date.year
