"""The one text folding every reader matches with (``conventions.elements.fold``)."""

from __future__ import annotations

from hanhchinh_docs.conventions.elements import fold


def test_fold_keeps_the_words_and_their_marks() -> None:
    assert fold("  CỘNG HOÀ\u00a0XÃ HỘI – Thuỷ\u200b ") == "cộng hòa xã hội - thủy"
    assert fold("Ho\u0300a") == fold("Hòa") == "hòa"


def test_loose_fold_drops_marks_and_punctuation() -> None:
    assert fold("HOÀN THÀNH!", loose=True) == "hoan thanh"
    assert fold("Đơn vị_báo cáo", loose=True) == "don vi bao cao"
    assert fold("Chưa thực hiện (0%)", loose=True) == "chua thuc hien 0"
    assert fold("", loose=True) == ""
