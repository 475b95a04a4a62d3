"""The .docx templates, built by tools/build_templates.py and shipped inside the package."""
