"""The checker's reading of a .docx: the one stream of ``docx_reading.blocks``, opened with the
checker's messages for files it cannot read. Nothing here judges; rules do.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from hanhchinh_docs.conventions.spec import Spec, load_spec
from hanhchinh_docs.docx_reading.blocks import DocumentView, ParagraphView, Piece  # noqa: F401  (rules read by these)
from hanhchinh_docs.docx_reading.opening import Unreadable, Wording, open_docx, refusing_damage


# --------------------------------------------------------------------------- opening files
_SAVE_AS_DOCX = "Hãy mở tệp bằng Word rồi chọn Lưu thành (Save As) > Word Document (.docx)"

WORDING = Wording({
    Unreadable.MISSING: "Không tìm thấy tệp '{name}'. Hãy kiểm tra lại đường dẫn và tên tệp",
    Unreadable.DIRECTORY: "'{name}' là một thư mục, không phải tệp .docx",
    Unreadable.NO_PERMISSION: "Không có quyền đọc tệp '{name}'",
    Unreadable.OS_ERROR: "Không đọc được tệp '{name}': {detail}. Hãy kiểm tra lại đường dẫn và tệp (đường dẫn quá dài thì chép tệp vào thư mục ngắn hơn)",
    Unreadable.EMPTY: f"Tệp '{{name}}' rỗng (0 byte), không phải văn bản Word. {_SAVE_AS_DOCX}",
    Unreadable.ENCRYPTED:
        "Tệp '{name}' được đặt mật khẩu (mã hóa) nên không đọc được. Hãy mở bằng Word, bỏ mật khẩu "
        "(Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa mật khẩu) rồi lưu lại",
    Unreadable.LEGACY_DOC: f"Tệp '{{name}}' là định dạng Word 97-2003 (.doc) cũ, không phải .docx. {_SAVE_AS_DOCX}",
    Unreadable.PDF: "Tệp '{name}' là tệp PDF, không phải văn bản Word .docx. Hãy kiểm tra bản .docx gốc",
    Unreadable.RTF: f"Tệp '{{name}}' là định dạng RTF, không phải .docx. {_SAVE_AS_DOCX}",
    Unreadable.NOT_ZIP:
        "Tệp '{name}' không phải văn bản Word .docx (nội dung không đúng định dạng). Hãy chọn đúng tệp .docx",
    Unreadable.DAMAGED_ZIP:
        "Tệp '{name}' bị hỏng hoặc chưa được tải/chép về hết (phần nén bên trong .docx không đọc được). "
        "Hãy lấy lại bản đầy đủ của tệp",
    Unreadable.BROKEN_PART:
        "Tệp '{name}' bị hỏng: phần '{detail}' bên trong bị lỗi. Hãy lấy lại bản đầy đủ của tệp",
    Unreadable.NOT_WORD:
        "Tệp '{name}' là tệp nén nhưng không phải văn bản Word (không có phần 'word/'); "
        "có thể đây là tệp Excel, PowerPoint hoặc tệp nén khác. Hãy chọn đúng tệp .docx",
    Unreadable.CORRUPT:
        "Tệp '{name}' bị hỏng, không đọc được nội dung văn bản ({detail}). Hãy mở bằng Word để sửa rồi lưu lại",
})
"""The checker's messages: every content reason told apart, each saying what to do."""


def open_document(source: str | Path | BinaryIO, spec: Spec | None = None) -> DocumentView:
    """Read a .docx; raises ``DocxReadError`` with a plain-Vietnamese reason when it cannot."""
    name, document = open_docx(source, WORDING)
    with refusing_damage(name, WORDING):
        return DocumentView(name, document, spec or load_spec())
