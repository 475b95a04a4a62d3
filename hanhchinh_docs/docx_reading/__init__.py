"""Reading .docx files, shared by the checker and the importer.

Word stores the same visible result in many ways (inherited formatting, list numbering drawn from
numbering.xml, text boxes...). Both readers need it resolved the same way, so it is done once here;
what each side makes of the result (rules, plans) stays with that side.
"""
