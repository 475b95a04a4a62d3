"""Vietnamese administrative-writing rules as pure functions: dates, numbering, abbreviations,
reporting periods. No I/O, no python-docx, no model imports."""
