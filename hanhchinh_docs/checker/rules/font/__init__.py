"""FN: the font of every run, after style inheritance (NĐ 30/2020, Phụ lục I, mục I.4)."""

from hanhchinh_docs.checker.rules.font import fn01_family, fn02_color, fn03_diacritics  # noqa: F401
