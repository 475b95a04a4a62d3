"""BD02's message names the expected number; the reminder of the Vietnamese point letters (đ after d) is
given for a point only, never for a skipped khoản (R26: "7." after "5.")."""

from __future__ import annotations

from hanhchinh_docs.checker import check_document
from tests.checker.docx_builder import build


def bd02_messages(body: list) -> list[str]:
    return [f.message for f in check_document(build({"body": body})).result("BD02").findings]


def test_a_skipped_clause_gets_no_point_letter_reminder() -> None:
    [message] = bd02_messages([{"text": "I. NHIỆM VỤ", "bold": True}, {"text": "1. Tuyên truyền", "bold": True},
                               {"text": "3. Kiểm tra", "bold": True}, "Các phòng thực hiện./."])
    assert message.endswith("Khoản đánh số «3» nhưng theo thứ tự phải là «2».")


def test_a_point_e_after_d_is_told_that_d_with_stroke_comes_first() -> None:
    [message] = bd02_messages([{"text": "I. NHIỆM VỤ", "bold": True}, "a) Tuyên truyền;", "b) Báo chí;",
                               "c) Hội nghị;", "d) Đối thoại;", "e) Kiểm tra./."])
    assert message.endswith("Điểm đánh số «e» nhưng theo thứ tự phải là «đ» (điểm dùng chữ cái tiếng Việt a, b, c, "
                            "d, đ, e, g...).")
