"""NN: Kính gửi and Nơi nhận (Phụ lục I, mục II.9)."""

from hanhchinh_docs.checker.rules.recipients import (  # noqa: F401
    nn01_label, nn02_items, nn03_archive, nn04_addressees, nn05_submission_addressee,
)
