"""Spreadsheets in and out: importing assignment lists and ledgers (plan, then apply), and
exporting the ledger. Qt-free; the GUI's import wizard calls the same functions."""

from proposal_desk.sheets.errors import CellProblem, ImportCancelled, SheetError
from proposal_desk.sheets.exporter import export_ledger
from proposal_desk.sheets.importer import apply_import, import_file, plan_import
from proposal_desk.sheets.plan import Action, ImportOptions, ImportPlan, ImportResult, Shape

__all__ = [
    "Action", "CellProblem", "ImportCancelled", "ImportOptions", "ImportPlan", "ImportResult",
    "Shape", "SheetError", "apply_import", "export_ledger", "import_file", "plan_import",
]
