"""The ND30 kinds other than the plan and the periodic report: each adds its fields to ``DocumentBase``.

The kind registry (code, name, abbreviation, form) is ``conventions.kinds``; ``MODELS`` here maps
each code to the model that validates it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal, Union

from pydantic import BeforeValidator, Discriminator, Field, Tag, field_validator

from hanhchinh_docs.conventions.dates import PartialDate
from hanhchinh_docs.conventions.kinds import LEGAL_BASIS_KINDS
from hanhchinh_docs.model.common import BodyNode, IssueDate, Model, NonEmptyText, Signer, TextList
from hanhchinh_docs.model.document import DocumentBase

GENERAL_CODES = ("chi_thi", "quy_che", "quy_dinh", "thong_cao", "thong_bao", "huong_dan", "chuong_trinh",
                 "phuong_an", "de_an", "du_an", "bao_cao", "to_trinh", "giay_uy_quyen", "phieu_gui",
                 "phieu_chuyen", "phieu_bao")
"""Mẫu 1.4 kinds written as a free body (mục I., khoản 1., điểm a)); kế hoạch has its own model."""


class GeneralDocument(DocumentBase):
    """Mẫu 1.4, a "văn bản có tên loại": căn cứ lines, then the body tree."""

    kind: Literal[GENERAL_CODES] = Field(alias="loai")  # type: ignore[valid-type]
    subject: NonEmptyText = Field(alias="trich_yeu")
    legal_bases: TextList = Field(default_factory=list, alias="can_cu")
    opening: TextList = Field(default_factory=list, alias="mo_dau")
    body: list[BodyNode] = Field(default_factory=list, alias="noi_dung", min_length=1)

    @field_validator("legal_bases")
    @classmethod
    def _kind_has_legal_bases(cls, value: list[str], info) -> list[str]:
        if value and info.data.get("kind") not in LEGAL_BASIS_KINDS:
            raise ValueError("legal_bases_kind")
        return value


def _node_kind(value: Any) -> str:
    return "text" if isinstance(value, str) else "item"


class Clause(Model):
    """Khoản 1., 2. of an article, with its điểm a), b) ..."""

    text: NonEmptyText = Field(alias="van_ban")
    points: TextList = Field(default_factory=list, alias="diem")


ClauseNode = Annotated[Union[Annotated[str, Tag("text")], Annotated[Clause, Tag("item")]], Discriminator(_node_kind)]


class Article(Model):
    """Điều N.: a sentence, optionally followed by khoản."""

    text: NonEmptyText = Field(alias="van_ban")
    clauses: list[ClauseNode] = Field(default_factory=list, alias="khoan")


ArticleNode = Annotated[Union[Annotated[str, Tag("text")], Annotated[Article, Tag("item")]],
                        Discriminator(_node_kind)]


class Decision(DocumentBase):
    """Mẫu 1.1 nghị quyết / 1.2 quyết định (cá biệt); with ``kem_theo`` Mẫu 1.3, the plan it issues attached."""

    kind: Literal["quyet_dinh", "nghi_quyet"] = Field(alias="loai")
    subject: NonEmptyText = Field(alias="trich_yeu")
    authority: NonEmptyText = Field(alias="tham_quyen")
    """The issuing authority line under the trích yếu: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH"."""
    legal_bases: TextList = Field(default_factory=list, alias="can_cu")
    proposal: str | None = Field(None, alias="de_nghi")
    """Who proposed it: "Giám đốc Sở Nội vụ" -> "Theo đề nghị của Giám đốc Sở Nội vụ."."""
    articles: list[ArticleNode] = Field(alias="dieu", min_length=1)
    attached: str | None = Field(None, alias="kem_theo")
    """Mẫu 1.3: path (from this file's folder) of the plan YAML issued with the decision."""


class Letter(DocumentBase):
    """Mẫu 1.5 công văn: "V/v ..." under the number, "Kính gửi:", the drafting unit in the symbol."""

    kind: Literal["cong_van"] = Field(alias="loai")
    subject: NonEmptyText = Field(alias="trich_yeu")
    unit: NonEmptyText = Field(alias="don_vi_soan_thao", pattern=r"^[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)*$")
    addressees: TextList = Field(alias="kinh_gui", min_length=1)
    opening: TextList = Field(default_factory=list, alias="mo_dau")
    body: list[BodyNode] = Field(alias="noi_dung", min_length=1)


class Telegram(DocumentBase):
    """Mẫu 1.6 công điện: "<AUTHORITY> điện:" then the addressees, then the body."""

    kind: Literal["cong_dien"] = Field(alias="loai")
    subject: NonEmptyText = Field(alias="trich_yeu")
    sender: NonEmptyText = Field(alias="dien")
    """The authority sending it, in capitals: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" -> "... điện:"."""
    addressees: TextList = Field(alias="kinh_gui", min_length=1)
    body: list[BodyNode] = Field(alias="noi_dung", min_length=1)


class Invitation(DocumentBase):
    """Mẫu 1.7 giấy mời: "<issuer> trân trọng kính mời:", Tới dự, Chủ trì, Thời gian, Địa điểm."""

    kind: Literal["giay_moi"] = Field(alias="loai")
    invitees: TextList = Field(alias="kinh_moi", min_length=1)
    event: NonEmptyText = Field(alias="toi_du")
    chair: str | None = Field(None, alias="chu_tri")
    time: NonEmptyText = Field(alias="thoi_gian")
    venue: NonEmptyText = Field(alias="dia_diem")
    body: list[BodyNode] = Field(default_factory=list, alias="noi_dung")


class Person(Model):
    full_name: NonEmptyText = Field(alias="ho_ten")
    position: str | None = Field(None, alias="chuc_vu")


class Introduction(DocumentBase):
    """Mẫu 1.8 giấy giới thiệu."""

    kind: Literal["giay_gioi_thieu"] = Field(alias="loai")
    person: Person = Field(alias="gioi_thieu")
    sent_to: NonEmptyText = Field(alias="duoc_cu_den")
    purpose: NonEmptyText = Field(alias="ve_viec")
    valid_until: IssueDate = Field(default_factory=PartialDate, alias="co_gia_tri_den")


def _moment(value: Any) -> Any:
    """A time written 2025-01-15 08:30 (or as YAML reads it) -> "08 giờ 30, ngày 15 tháng 01 năm 2025"."""
    from hanhchinh_docs.conventions.dates import date_words

    if isinstance(value, datetime):
        return f"{value.hour:02d} giờ {value.minute:02d}, {date_words(PartialDate.from_date(value.date()))}"
    if isinstance(value, date):
        return date_words(PartialDate.from_date(value))
    if isinstance(value, str):
        try:
            return _moment(datetime.strptime(" ".join(value.split()), "%Y-%m-%d %H:%M"))
        except ValueError:
            return value
    return value


Moment = Annotated[str, BeforeValidator(_moment)]


class Minutes(DocumentBase):
    """Mẫu 1.9 biên bản: times, attendance, chair and secretary; both sign."""

    kind: Literal["bien_ban"] = Field(alias="loai")
    subject: NonEmptyText = Field(alias="trich_yeu")
    meeting: NonEmptyText = Field("Cuộc họp", alias="ten_cuoc_hop")
    """What met, as the closing sentence names it: "Cuộc họp", "Hội nghị", "Hội thảo"."""
    start: Moment = Field(alias="bat_dau")
    end: Moment = Field(alias="ket_thuc")
    venue: NonEmptyText = Field(alias="dia_diem")
    attendees: TextList = Field(alias="thanh_phan", min_length=1)
    chair: Person = Field(alias="chu_tri")
    secretary: Person = Field(alias="thu_ky")
    body: list[BodyNode] = Field(alias="noi_dung", min_length=1)
    signer: Signer | None = Field(None, alias="nguoi_ky")


class Leave(DocumentBase):
    """Mẫu 1.10 giấy nghỉ phép."""

    kind: Literal["giay_nghi_phep"] = Field(alias="loai")
    request_date: IssueDate = Field(default_factory=PartialDate, alias="ngay_don")
    person: Person = Field(alias="nguoi_nghi")
    leave_year: int | None = Field(None, alias="nam_phep", ge=1900, le=2200)
    start: IssueDate = Field(alias="tu_ngay")
    end: IssueDate = Field(alias="den_ngay")
    days: int | None = Field(None, alias="so_ngay", ge=1, le=366)
    place_of_leave: NonEmptyText = Field(alias="noi_nghi")


MODELS: dict[str, type[DocumentBase]] = {
    **{code: GeneralDocument for code in GENERAL_CODES},
    "quyet_dinh": Decision, "nghi_quyet": Decision, "cong_van": Letter, "cong_dien": Telegram,
    "giay_moi": Invitation, "giay_gioi_thieu": Introduction, "bien_ban": Minutes, "giay_nghi_phep": Leave,
}
"""``loai`` -> the model that validates it (the plan and the periodic report are loaded apart)."""
