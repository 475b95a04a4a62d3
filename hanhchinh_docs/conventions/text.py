"""Small text rules shared by every document: list lines, the closing "./.", names in running text."""

from __future__ import annotations

import re
import unicodedata

END_MARK = "./."
"""Every official sample form ends its content with './.'."""


_ITEM_MARK = re.compile(r"^\s*[-–+•]\s*")
_ITEM_END = re.compile(r"\s*[;.,]\s*$")


def strip_item_punctuation(text: str) -> str:
    """A list item as the user may have typed it ("- Văn phòng;") -> its bare text ("Văn phòng")."""
    text = text.strip()
    if text[:1] and text[:1] in "-–+•":  # the patterns are tried only where they can match: a
        text = _ITEM_MARK.sub("", text)  # 5,000-task table strips some 40,000 items
    if text[-1:] and text[-1:] in ";.,":
        text = _ITEM_END.sub("", text)
    return text


def list_lines(items: list[str]) -> list[str]:
    """One item stays as it is; several become "- a;" ... "- z." lines, as in the seed plan's table."""
    bare = [strip_item_punctuation(item) for item in items if item.strip()]
    if len(bare) <= 1:
        return bare
    return [f"- {item}{'.' if index == len(bare) - 1 else ';'}" for index, item in enumerate(bare)]


AS_ABOVE = "Như trên"
"""First recipient line of a document with a "Kính gửi:" block: it stands for those addressees."""


def recipient_lines(recipients: list[str], archive: list[str], addressed: bool = False) -> list[str]:
    """The "Nơi nhận:" block: "- X;" for each recipient, then "- Lưu: VT, VP." (ND30 ô 9b).

    A document sent to addressees ("Kính gửi:") starts the block with "- Như trên;" (Mẫu 1.5).
    """
    bare = [strip_item_punctuation(r) for r in recipients if r.strip()]
    if addressed and (not bare or bare[0].lower() != AS_ABOVE.lower()):
        bare.insert(0, AS_ABOVE)
    lines = [f"- {r};" for r in bare]
    kept = ", ".join(strip_item_punctuation(a) for a in archive if a.strip())
    lines.append(f"- Lưu: {kept}." if kept else "- Lưu: VT.")
    return lines


def with_end_mark(text: str) -> str:
    """The last paragraph of the content ends with "./." exactly once."""
    text = text.rstrip()
    if text.endswith(END_MARK):
        return text
    return re.sub(r"[.;:,]+$", "", text) + END_MARK


_ORGANISATION_KINDS = (
    "ỦY BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN", "CHI CỤC", "TỔNG CỤC", "VĂN PHÒNG", "TRUNG TÂM",
    "BAN QUẢN LÝ", "SỞ", "BỘ", "CỤC", "BAN", "PHÒNG", "VIỆN", "TRƯỜNG", "ỦY BAN", "THANH TRA",
)


_SCHOOL_LEVELS = ("TRUNG HỌC PHỔ THÔNG", "TRUNG HỌC CƠ SỞ", "TIỂU HỌC", "MẦM NON", "MẪU GIÁO",
                  "PHỔ THÔNG DÂN TỘC NỘI TRÚ", "PHỔ THÔNG DÂN TỘC BÁN TRÚ")
"""After "Trường" and its level, a school's name is a proper name: every syllable capitalised."""

_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
"""A Vietnamese syllable written without its marks ("truong", "nguyen", "tinh"); "ubnd", "thpt" are not."""


def _is_acronym(word: str) -> bool:
    """ "UBND", "THPT", "GDĐT", "TP.": letters that cannot be read as one Vietnamese syllable."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower().replace("đ", "d")) if "a" <= c <= "z")
    return bool(bare) and _SYLLABLE.fullmatch(bare) is None


def _first_capital(words: list[str]) -> list[str]:
    """ "ỦY BAN NHÂN DÂN" -> "Ủy ban nhân dân": a name's kind or a school's level, in sentence case."""
    return [words[0].capitalize()] + [w.lower() for w in words[1:]]


def organisation_running_name(upper_name: str) -> str:
    """ "SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG" -> "Sở Tài nguyên và Môi trường" (ND30 Phụ lục II, mục II.3).

    The kind of body and the first syllable of each field it covers are capitalised; what
    follows a place word (tỉnh, huyện, ...) keeps its capitals, and so does a school's own name
    ("Trường THPT Đốc Binh Kiều"); acronyms stay as written. A heuristic: the YAML key
    ``co_quan.ten`` gives the exact name when it matters.
    """
    words = upper_name.split()
    text = " ".join(words)
    kind = next((k for k in _ORGANISATION_KINDS if text.startswith(k + " ") or text == k), None)
    if kind is None:
        return text
    kind_words = len(kind.split())
    out = _first_capital(words[:kind_words])
    rest = words[kind_words:]
    if kind == "TRƯỜNG" and rest:
        level = next((lv for lv in _SCHOOL_LEVELS if " ".join(rest).startswith(lv + " ")), None)
        if level is not None or _is_acronym(rest[0]):
            size = len(level.split()) if level else 1
            out += _first_capital(rest[:size]) if level else rest[:1]
            return " ".join(out + [w if _is_acronym(w) else w.capitalize() for w in rest[size:]])
    capitalise_next = True
    place_follows = False
    for word in rest:
        lower = word.lower()
        if _is_acronym(word):
            out.append(word)
            capitalise_next = False
        elif place_follows:
            out.append(word.capitalize())
        elif lower == "và":
            out.append(lower)
            capitalise_next = True
        elif lower in ("tỉnh", "huyện", "xã", "thành", "phố", "quận", "phường", "thị"):
            out.append(lower)
            place_follows = lower not in ("thành", "thị")
        elif capitalise_next:
            out.append(word.capitalize())
            capitalise_next = False
        else:
            out.append(lower)
    return " ".join(out)


def authority_running_name(authority: str) -> str:
    """ "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH" -> "Chủ tịch Ủy ban nhân dân tỉnh Hà Tĩnh": a position
    (sentence case) before the organisation's running name."""
    words = authority.upper().split()
    text = " ".join(words)
    for start in range(len(words)):
        rest = " ".join(words[start:])
        if any(rest.startswith(k + " ") or rest == k for k in _ORGANISATION_KINDS):
            title = " ".join(words[:start]).lower().capitalize()
            return f"{title} {organisation_running_name(rest)}".strip()
    return text.lower().capitalize()
