"""Every rule, one module each, grouped by the part of the document they judge.

Importing this package registers all rules; the groups below are the whole list.
"""

from hanhchinh_docs.checker.rules import (  # noqa: F401
    appendix, body, font, header, page, paragraph, recipients, signature, title,
)
