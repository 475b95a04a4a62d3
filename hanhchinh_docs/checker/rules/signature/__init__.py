"""SG: the signer's authority, position and name (Phụ lục I, mục II.7)."""

from hanhchinh_docs.checker.rules.signature import sg01_authority, sg02_name, sg03_signing_room  # noqa: F401
