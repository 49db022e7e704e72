"""Where a spreadsheet problem is: file, sheet, row and column, the way users read Excel."""

from __future__ import annotations

from dataclasses import dataclass

from proposal_desk.storage.errors import UserError


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA (Excel's column names)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class CellProblem:
    """One problem found in a sheet; `row` is Excel's row number, `column` 0-based."""

    file: str
    sheet: str
    message: str
    row: int | None = None
    column: int | None = None
    header: str = ""

    @property
    def where(self) -> str:
        parts = [f"文件「{self.file}」"]
        if self.sheet:
            parts.append(f"工作表「{self.sheet}」")
        if self.row is not None:
            parts.append(f"第{self.row}行")
        if self.column is not None:
            col = f"{column_letter(self.column)}列"
            if self.header:
                col += f"「{self.header}」"
            parts.append(col)
        return " ".join(parts)

    def __str__(self) -> str:
        return f"{self.where}：{self.message}"

    def to_json(self) -> dict[str, object]:
        return {"file": self.file, "sheet": self.sheet, "row": self.row,
                "column": column_letter(self.column) if self.column is not None else None,
                "header": self.header or None, "message": self.message, "text": str(self)}


class SheetError(UserError):
    """A spreadsheet that cannot be imported; str() names where, for users."""

    def __init__(self, problem: CellProblem, more: int = 0):
        self.problem = problem
        self.more = more
        text = str(problem)
        if more:
            text += f"（另有 {more} 处问题，可先用 --dry-run 查看全部）"
        super().__init__(text)


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("导入已取消，数据库未作任何改动")
