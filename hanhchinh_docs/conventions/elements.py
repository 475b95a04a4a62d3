"""Recognising ND30 elements by their words, and the one text folding every reader matches with.

Pure functions shared by the checker and the importer: a Quốc hiệu, Tiêu ngữ, "Số:" line, date
line, "V/v", "Kính gửi", "Nơi nhận", "Phụ lục", "(Kèm theo ...)" line, and whether header lines
continue one agency name. Every recogniser takes text as written and folds it first, so
"HOÀ"/"HÒA", "–"/"-", NFD text, non-breaking and doubled spaces all read alike.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_AT_END = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
"""New-style tone placement (hoà, thuỷ) -> old style (hòa, thủy) at the end of a syllable."""

_TONE_PATTERN = re.compile("(" + "|".join(_TONE_AT_END) + r")(?!\w)")
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


@lru_cache(maxsize=4096)   # font names, headings and short lines are folded again and again
def fold(text: str, *, loose: bool = False) -> str:
    """One spelling for matching: NFC, lower case, old-style tone marks, ``-`` dashes, single spaces
    (every Unicode space counts as one), invisible characters dropped.

    ``loose``: also without diacritics (đ -> d) and with punctuation as spaces, for what people type
    any way they like in sheets and data ("Hoàn thành", "HOAN THANH", "hoàn_thành!" read alike).
    """
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE).lower()
    if loose:
        text = unicodedata.normalize("NFD", text).replace("đ", "d")
        bare = "".join(c if c.isalnum() else " " for c in text if unicodedata.category(c) != "Mn")
        return " ".join(bare.split())
    text = _TONE_PATTERN.sub(lambda m: _TONE_AT_END[m.group(1)], text)
    text = _DASHES.sub("-", text)
    return " ".join(text.split())


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalpha())


def is_all_upper(text: str) -> bool:
    """Every letter is a capital (and there is at least one letter)."""
    found = letters(text)
    return bool(found) and found == found.upper()


def has_lower(text: str) -> bool:
    return any(c.islower() for c in text)


_VIETNAMESE_MARKED = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def lacks_diacritics(text: str, minimum_words: int = 12) -> bool:
    """Vietnamese typed without its marks ("CONG HOA XA HOI..."): many words, not one marked letter."""
    folded = fold(text)
    return len(folded.split()) >= minimum_words and not any(c in _VIETNAMESE_MARKED for c in folded)


# -- the header --------------------------------------------------------------------------------
NATIONAL_TITLE = fold("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
_MOTTO = re.compile(r"^độc lập\s*-\s*tự do\s*-\s*hạnh phúc$")
_NUMBER = re.compile(r"^số\s*(:|[.]?\s*[\d\s._…]*/\S)")
_DATE = re.compile(r"^(?:(?:[^,\d/]{1,40}|[.…_ ]+),?\s+)?ngày\b.*\btháng\b.*\bnăm\s*[\d\s._…]*\.?$"
                   r"|^[^,\d/]{1,40},\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}$")
_LETTER_SUBJECT = re.compile(r"^v\s*/\s*v\b")


def is_national_title(text: str) -> bool:
    return fold(text) == NATIONAL_TITLE


def is_motto(text: str) -> bool:
    return bool(_MOTTO.match(fold(text)))


def is_number_line(text: str) -> bool:
    """ "Số: 05/KH-UBND", "Số 05/KH-UBND", "Số:   /BC-UBND"."""
    return bool(_NUMBER.match(fold(text)))


def is_date_line(text: str) -> bool:
    """ "Hà Tĩnh, ngày 08 tháng 01 năm 2024" (also with blanks) or "Hà Tĩnh, 08/01/2024"; nothing but
    the year after "năm", so a sentence that cites a date ("... ngày 12 tháng 3 năm 2025 của Chủ tịch")
    or a column heading ("Ngày tháng năm sinh") is not the date line."""
    return bool(_DATE.search(fold(text)))


def is_letter_subject(text: str) -> bool:
    """A công văn's trích yếu: "V/v ..." (also typed "V/ v")."""
    return bool(_LETTER_SUBJECT.match(fold(text)))


# -- agency names -------------------------------------------------------------------------------
_AGENCY_HEADS = tuple(fold(word) + " " for word in (
    "ỦY BAN", "UBND", "HỘI ĐỒNG", "HĐND", "BỘ", "SỞ", "BAN", "VỤ", "CỤC", "TỔNG CỤC", "CHI CỤC",
    "PHÒNG", "TRƯỜNG", "VIỆN", "HỌC VIỆN", "ĐẠI HỌC", "VĂN PHÒNG", "THANH TRA", "TRUNG TÂM",
    "CÔNG AN", "BỘ CHỈ HUY", "TỈNH ỦY", "HUYỆN ỦY", "THÀNH ỦY", "ĐẢNG ỦY", "ĐOÀN", "HỘI", "LIÊN ĐOÀN",
    "CÔNG TY", "TỔNG CÔNG TY", "TÒA ÁN", "KHO BẠC", "NGÂN HÀNG", "BẢO HIỂM", "BỆNH VIỆN", "ĐÀI",
    "CHÍNH PHỦ", "QUỐC HỘI", "MẶT TRẬN", "TẬP ĐOÀN", "KIỂM TOÁN", "CHI NHÁNH", "TRẠM", "HẠT",
))
"""How the name of an agency begins ("SỞ NỘI VỤ", "VỤ TỔ CHỨC CÁN BỘ", "ỦY BAN NHÂN DÂN")."""

_NOT_HEADS = tuple(fold(words) + " " for words in ("PHÒNG CHỐNG", "PHÒNG, CHỐNG", "BẢO HIỂM XÃ HỘI VÀ"))
"""Words that begin an agency name elsewhere but continue one here ("BAN CHỈ ĐẠO / PHÒNG CHỐNG...")."""

_OPEN_ENDINGS = (" nhân dân", " chỉ đạo", " quản lý", " và", ",", "-", " của", " các", " về")
"""A line ending so is not a whole name: "ỦY BAN NHÂN DÂN" waits for "TỈNH LÂM ĐỒNG"."""


def starts_agency(text: str) -> bool:
    """The line begins an agency name (and is not the continuation of one)."""
    folded = fold(text) + " "
    return folded.startswith(_AGENCY_HEADS) and not folded.startswith(_NOT_HEADS)


def continues_agency(previous: str, text: str) -> bool:
    """``text`` (the next header line) continues the agency name ending with ``previous``.

    A name split by Enter or a line break: "ỦY BAN NHÂN DÂN" / "TỈNH LÂM ĐỒNG", "BAN CHỈ ĐẠO
    PHÁT TRIỂN ..." / "CHUYỂN ĐỔI SỐ VÀ ĐỀ ÁN 06". A line that begins a new agency name after a
    whole one ("UBND TỈNH HÀ TĨNH" / "SỞ TÀI CHÍNH") does not.
    """
    before, folded = fold(previous), fold(text)
    if not before or not folded:
        return False
    if folded.startswith(("và ", "& ")) or before.endswith(_OPEN_ENDINGS):
        return True
    return not starts_agency(folded)


# -- the body and the end -----------------------------------------------------------------------
_ADDRESSEE = re.compile(r"^kính\s*gửi\b")
_RECIPIENTS = re.compile(r"^nơi nhận\s*:?")
_APPENDIX_LABEL = re.compile(r"^phụ lục(\s+(số\s+)?([ivxlcdm]+|\d+))?\s*\.?$")
_ATTACHED = re.compile(r"^\(\s*kèm theo\b")
_ISSUED_WITH = re.compile(r"^\(?\s*(?:được\s+)?(?:ban hành\s+|phê duyệt\s+|công nhận\s+)?kèm theo\b")


def is_addressee_line(text: str) -> bool:
    return bool(_ADDRESSEE.match(fold(text)))


def is_recipients_label(text: str) -> bool:
    return bool(_RECIPIENTS.match(fold(text)))


def is_appendix_label(text: str) -> bool:
    """ "Phụ lục", "Phụ lục I", "PHỤ LỤC SỐ 2" alone on its line."""
    return bool(_APPENDIX_LABEL.match(fold(text)))


def is_attached_line(text: str) -> bool:
    """The start of an appendix's "(Kèm theo ... )" line."""
    return bool(_ATTACHED.match(fold(text)))


def is_issued_with(text: str) -> bool:
    """The line under a title saying the document is issued with another: "(Ban hành kèm theo
    Quyết định số ...)", "(Kèm theo Quyết định ...)" (a quy chế, điều lệ or appendix)."""
    return bool(_ISSUED_WITH.match(fold(text)))
