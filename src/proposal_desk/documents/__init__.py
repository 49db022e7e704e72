"""Word documents the bureau prints: reply letters, 会办意见, the annual report, the 催办 list.

Plain Python, no Qt. python-docx and docxtpl are imported inside the functions that use them,
so starting the window never pays for them. The public entry points:

- letters.write_letter / letters.write_all_letters
- opinions.write_opinion
- report.write_report
- chase.write_chase_list
- templates.export_template / templates.validate_template
"""
