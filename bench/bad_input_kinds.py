"""Count the kinds of bad input the tests try (issue 6, point 6), by area, from pytest's own
collection: each parametrised case or single test below feeds one kind of broken input and
asserts a clear message and an unchanged database (or, for `check`, the damage named).

    .venv/bin/python bench/bad_input_kinds.py
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# area -> test functions (file::name) whose every collected case is one kind of bad input
AREAS: dict[str, list[str]] = {
    "spreadsheets refused (file, sheet, row, column named)": [
        "tests/test_bad_sheets.py::test_a_bad_sheet_is_refused_with_where_and_why",
        "tests/test_bad_sheets.py::test_unknown_headers_are_listed_with_a_suggestion",
        "tests/test_bad_sheets.py::test_map_errors_name_the_field_or_header",
    ],
    "spreadsheet shapes read right instead of refused": [
        "tests/test_bad_sheets.py::test_formulas_with_saved_results_are_read_by_their_result",
        "tests/test_bad_sheets.py::test_control_characters_are_cleaned",
        "tests/test_bad_sheets.py::test_cells_merged_down_a_column_count_for_every_row",
        "tests/test_bad_sheets.py::test_a_workbook_read_from_bytes_with_the_wrong_extension",
        "tests/test_bad_sheets.py::test_a_hidden_sheet_beside_a_visible_one_is_not_read",
        "tests/test_bad_sheets.py::test_a_header_repeated_on_each_printed_page_is_ignored",
        "tests/test_bad_sheets.py::test_the_same_row_twice_is_skipped_as_a_duplicate",
    ],
    "dates (impossible, not a date, bad Excel numbers, contradicting the handling)": [
        "tests/test_bad_input_dates.py::test_a_date_that_does_not_exist_is_refused_quoting_it",
        "tests/test_bad_input_dates.py::test_text_that_is_no_date_is_refused_with_the_accepted_spellings",
        "tests/test_bad_input_dates.py::test_numbers_that_are_no_excel_date_are_refused",
        "tests/test_bad_input_dates.py::test_a_date_that_contradicts_the_handling_is_refused",
        "tests/test_bad_input_dates.py::test_any_value_is_a_date_empty_or_a_date_error",
    ],
    "handling dates against the records (交办, 签收, 退回, 跟踪, 会办意见, 沟通; session 4)": [
        "tests/test_return_and_follow_up_dates.py::test_a_return_is_dated_between_assignment_and_today",
        "tests/test_return_and_follow_up_dates.py::test_no_return_once_answered",
        "tests/test_return_and_follow_up_dates.py::test_no_return_on_the_day_of_the_answer",
        "tests/test_return_and_follow_up_dates.py::test_a_follow_up_is_dated_after_the_answer_and_not_after_today",
        "tests/test_return_and_follow_up_dates.py::test_the_import_checks_a_return_as_the_window_does",
        "tests/test_assigned_date_rules.py::test_an_import_keeps_the_stored_sign_date_after_the_assignment",
        "tests/test_assigned_date_rules.py::test_an_import_keeps_a_stored_contact_or_return_after_the_assignment",
        "tests/test_assigned_date_rules.py::test_an_import_refuses_a_future_assignment_and_a_due_before_it",
        "tests/test_assigned_date_rules.py::test_an_import_checks_a_changed_due_against_the_stored_assignment",
        "tests/test_assigned_date_rules.py::test_the_window_keeps_the_same_rule",
        "tests/test_assigned_date_rules.py::test_a_proposal_typed_in_is_not_assigned_after_today",
        "tests/test_opinion_and_contact_dates.py::test_an_opinion_sent_before_assignment_is_refused_as_a_reply_is",
        "tests/test_opinion_and_contact_dates.py::test_a_contact_before_assignment_is_refused_when_added_or_changed",
    ],
    "settings that make nonsense (months, names, categories, a meeting's dates; session 4)": [
        "tests/test_settings_checked.py::test_nonsense_is_refused_and_nothing_saved",
        "tests/test_settings_checked.py::test_a_category_given_to_replies_stays",
        "tests/test_settings_checked.py::test_a_meeting_date_before_assignment_is_refused",
    ],
    "reply, second-round and 跟踪 dates against the records (签发/审核/起草, 不满意; session 5)": [
        "tests/test_reply_step_dates.py::test_signing_reviewing_and_drafting_dates_are_checked",
        "tests/test_reply_step_dates.py::test_a_second_round_is_not_dated_before_the_unsatisfied_opinion",
        "tests/test_reply_step_dates.py::test_an_unsatisfied_opinion_typed_in_needs_its_feedback_date",
        "tests/test_reply_step_dates.py::test_a_follow_ups_year_is_after_the_proposals_and_not_after_its_date",
        "tests/test_reply_step_dates.py::test_assigned_is_not_moved_after_a_replys_signing",
    ],
    "database files and backup places (empty, missing, the live file, stale or newer; session 5)": [
        "tests/test_open_refuses_empty_or_missing.py::test_open_refuses_and_names_the_newest_good_backup",
        "tests/test_open_refuses_empty_or_missing.py::test_empty_file_without_backups_is_refused_and_says_it_may_be_deleted",
        "tests/test_backup_destination.py::test_the_database_itself_is_refused",
        "tests/test_backup_destination.py::test_a_name_without_extension_that_does_not_exist_is_refused",
        "tests/test_safety_messages_in_chinese.py::test_a_stale_revision_stamp_is_explained_and_leaves_one_copy",
        "tests/test_good_backup_content.py::test_a_copy_with_damaged_attachments_is_not_offered_as_good",
        "tests/test_migrations.py::test_a_database_of_a_newer_program_is_refused_naming_both_versions",
    ],
    "attachments (huge, empty, unreadable, a folder; names with path parts or controls)": [
        "tests/test_bad_input_attachments.py::test_a_bad_file_is_refused_and_nothing_changes",
        "tests/test_bad_input_attachments.py::test_names_with_path_parts_or_control_characters_are_stored_safely",
        "tests/test_bad_input_attachments.py::test_opening_an_attachment_with_a_hostile_stored_name_stays_in_its_folder",
        "tests/test_bad_input_attachments.py::test_any_name_becomes_one_plain_file_name",
    ],
    "text (too long, control characters, names of separators only)": [
        "tests/test_bad_input_text.py::test_a_value_too_long_for_its_field_is_refused_naming_the_field",
        "tests/test_bad_input_text.py::test_control_characters_never_reach_the_database",
        "tests/test_bad_input_text.py::test_names_made_only_of_separators_or_controls_add_nobody",
    ],
    "files and locations (database path, full disk, damaged database, template cut)": [
        "tests/test_bad_input_files.py::test_a_bad_database_location_gets_one_clear_line",
        "tests/test_bad_input_files.py::test_a_full_disk_at_commit_saves_nothing_and_says_so",
        "tests/test_bad_input_files.py::test_a_damaged_database_is_named_with_its_newest_good_backup",
        "tests/test_bad_input_files.py::test_a_template_cut_in_half_is_named",
    ],
    "templates (broken placeholders, missing or foreign file)": [
        "tests/test_documents_templates.py::test_a_broken_template_names_the_template_and_the_placeholder",
        "tests/test_documents_templates.py::test_a_missing_or_foreign_template_file",
    ],
    "restore sources refused": [
        "tests/test_backup.py::test_restore_refuses_a_bad_source_and_changes_nothing",
    ],
    "damage `check` names": [
        "tests/test_integrity.py::test_check_reports_a_file_that_is_not_a_database",
        "tests/test_integrity.py::test_changed_attachment_content_is_found",
        "tests/test_integrity.py::test_attachment_size_that_disagrees_is_found",
        "tests/test_integrity.py::test_a_stale_status_cache_is_found",
        "tests/test_integrity.py::test_a_proposal_missing_from_the_search_index_is_found",
        "tests/test_integrity.py::test_a_newer_schema_is_reported",
        "tests/test_integrity.py::test_a_damaged_file_is_found_by_check_without_writing",
        "tests/test_integrity.py::test_a_broken_foreign_key_is_found",
        "tests/test_good_backup_content.py::test_check_names_the_attachment_stored_as_text",
    ],
}


def main() -> int:
    files = sorted({name.split("::")[0] for names in AREAS.values() for name in names})
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", NO_POSTGRES="1")
    out = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q",
                          "-p", "no:cacheprovider", *files], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True).stdout
    cases = collections.Counter(line.split("[")[0] for line in out.splitlines() if "::" in line)
    total = 0
    for area, names in AREAS.items():
        missing = [n for n in names if n not in cases]
        if missing:
            print(f"not collected (renamed?): {missing}", file=sys.stderr)
            return 1
        n = sum(cases[name] for name in names)
        total += n
        print(f"{n:4d}  {area}")
    print(f"{total:4d}  kinds of bad input tried (property tests count once)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
