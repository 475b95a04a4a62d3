"""Write templates/ke_hoach.docx and templates/bao_cao.docx from hanhchinh_docs.render.template_builder."""

from pathlib import Path

from hanhchinh_docs.render.template_builder import KINDS, build_template

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

if __name__ == "__main__":
    for kind in KINDS:
        target = TEMPLATES / f"{kind}.docx"
        target.write_bytes(build_template(kind))
        print(f"wrote {target}")
