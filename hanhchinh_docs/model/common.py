"""Blocks shared by every document type: issuer, signer, body tree, dates and numbers.

Field names are English; each carries its YAML key as alias (the Vietnamese key users write).
Models are frozen: the loader builds them once, and renderers only read them.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, Tag, field_validator

from hanhchinh_docs.conventions.dates import PartialDate, parse_iso_date
from hanhchinh_docs.conventions.digits import ascii_integer
from hanhchinh_docs.conventions.text import organisation_running_name


class Model(BaseModel):
    """Base: unknown keys are errors, YAML keys are the aliases, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, str_strip_whitespace=True)


def _as_list(value: Any) -> Any:
    """Let a single text stand for a one-item list (``chu_tri: Văn phòng``)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return value


TextList = Annotated[list[str], BeforeValidator(_as_list)]
"""A list of texts that may also be written as one text."""


NonEmptyText = Annotated[str, Field(min_length=1)]


def _parse_issue_date(value: Any) -> Any:
    if value is None or value == "":
        return PartialDate()
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, date):
        return PartialDate.from_date(value)
    if isinstance(value, int) and 1900 <= value <= 2200:
        return PartialDate(year=value)
    text = str(value).strip()
    full = parse_iso_date(text)
    if full is not None:
        return PartialDate.from_date(full)
    match = re.fullmatch(r"([0-9]{4})-([0-9]{1,2})", text)
    if match:
        year, month = int(match[1]), int(match[2])
        if 1 <= month <= 12:
            return PartialDate(year=year, month=month)
    raise ValueError("issue_date")


IssueDate = Annotated[PartialDate, BeforeValidator(_parse_issue_date)]


def _parse_number(value: Any) -> Any:
    if value is None or value == "":
        return None
    number = ascii_integer(value)
    if number is not None and number > 0:
        return number
    raise ValueError("document_number")


DocumentNumberValue = Annotated[int | None, BeforeValidator(_parse_number)]


def _ascii_year(value: Any) -> Any:
    """A year typed as text counts as the number (``"2024"``), in ASCII digits only (not ``"٢٠٢٤"``)."""
    if isinstance(value, str):
        number = ascii_integer(value)
        if number is None:
            raise ValueError("year")
        return number
    return value


Year = Annotated[int, BeforeValidator(_ascii_year)]
"""A year; range limits (``ge``/``le``) are set where it is used."""


class Issuer(Model):
    """Cơ quan ban hành, with its parent body and the abbreviation used in the symbol."""

    parent_body: str | None = Field(None, alias="chu_quan")
    name: NonEmptyText = Field(alias="ban_hanh")
    abbreviation: NonEmptyText = Field(alias="viet_tat")
    running_name: str | None = Field(None, alias="ten")

    @property
    def name_in_text(self) -> str:
        """The name as written inside a sentence: "Sở Tài nguyên và Môi trường" (``ten``, or derived)."""
        return self.running_name or organisation_running_name(self.name.upper())

    @field_validator("abbreviation")
    @classmethod
    def _symbol_chars(cls, value: str) -> str:
        if not re.fullmatch(r"[A-Za-zĐđ0-9]+(-[A-Za-zĐđ0-9]+)*", value):
            raise ValueError("abbreviation")
        return value


class Signer(Model):
    """Người ký: optional authority line (KT. GIÁM ĐỐC), position and full name."""

    authority: str | None = Field(None, alias="quyen_han")
    position: NonEmptyText = Field(alias="chuc_vu")
    full_name: NonEmptyText = Field(alias="ho_ten")

    @field_validator("authority")
    @classmethod
    def _known_prefix(cls, value: str | None) -> str | None:
        from hanhchinh_docs.conventions.abbreviations import signing_prefix

        if value and signing_prefix(value) is None:
            raise ValueError("authority")
        return value


def _body_node_kind(value: Any) -> str:
    if isinstance(value, str):
        return "text"
    if isinstance(value, BodyTable) or (isinstance(value, dict) and "bang" in value):
        return "table"
    return "item"


def _cell_text(value: Any) -> Any:
    """A table cell may be written as a number (``2024``, ``95.5``) or left empty (``null``)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    return value


CellText = Annotated[str, BeforeValidator(_cell_text)]


def _column_spec(value: Any) -> Any:
    """A column written as its heading alone (``- Đơn vị được kiểm tra``)."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return {"ten": str(value)}
    return value


class TableColumn(Model):
    """A column of a table: its YAML key (task tables), heading and width in mm (scaled to fit)."""

    key: str | None = Field(None, alias="khoa")
    heading: str | None = Field(None, alias="ten")
    width: float | None = Field(None, alias="rong", gt=0, le=1000)

    @field_validator("key")
    @classmethod
    def _key_chars(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"[a-z][a-z0-9_]*", value):
            raise ValueError("column_key")
        return value


class Table(Model):
    """A plain table: caption, column headings (with optional widths) and rows of cells."""

    caption: str | None = Field(None, alias="ten")
    columns: list[Annotated[TableColumn, BeforeValidator(_column_spec)]] = Field(min_length=1, alias="cot")
    rows: list[list[CellText]] = Field(default_factory=list, alias="dong")


class BodyTable(Model):
    """A table inside the body (``- bang: {ten, cot, dong}``), printed portrait across the text width."""

    table: Table = Field(alias="bang")


class BodyItem(Model):
    """A numbered item of the body: a titled heading (bold) or a numbered sentence, with children."""

    title: str | None = Field(None, alias="tieu_de")
    text: str | None = Field(None, alias="van_ban")
    children: list["BodyNode"] = Field(default_factory=list, alias="noi_dung")

    @field_validator("text")
    @classmethod
    def _one_of_title_or_text(cls, value: str | None, info) -> str | None:
        if value is not None and info.data.get("title") is not None:
            raise ValueError("title_and_text")
        return value

    def model_post_init(self, _context: Any) -> None:
        if self.title is None and self.text is None:
            raise ValueError("title_or_text")


BodyNode = Annotated[
    Union[Annotated[str, Tag("text")], Annotated[BodyItem, Tag("item")], Annotated[BodyTable, Tag("table")]],
    Discriminator(_body_node_kind),
]
BodyItem.model_rebuild()
