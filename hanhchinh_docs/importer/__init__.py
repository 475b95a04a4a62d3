"""``hanhchinh-docs import``: a plan written in Word (ND30 layout) -> the YAML input contract.

    from hanhchinh_docs.importer import import_plan, write_import
    result = import_plan("ke_hoach_2024.docx")
    write_import(result, "ke_hoach_2024.yaml")
"""

from hanhchinh_docs.importer.api import ImportResult, PlanImportError, import_plan, write_import

__all__ = ["ImportResult", "PlanImportError", "import_plan", "write_import"]
