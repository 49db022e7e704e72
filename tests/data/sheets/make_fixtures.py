"""How the binary fixtures beside this file were made (run once; the tests read the files).

Needs two packages the project itself does not use, so install them in a throwaway venv:
    python -m venv /tmp/fx && /tmp/fx/bin/pip install xlwt msoffcrypto-tool openpyxl
    /tmp/fx/bin/python tests/data/sheets/make_fixtures.py
- ledger_2024.xls: a small ledger in the old .xls format (xlwt), title row merged, real date
  cells and text dates, as offices still send them.
- encrypted.xlsx: a workbook with an opening password (1234), encrypted as Excel does
  (msoffcrypto-tool), which no reader can open without the password.
"""

import datetime as dt
import io
from pathlib import Path

HERE = Path(__file__).resolve().parent


def make_xls() -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    ws = book.add_sheet("2024年台账")
    date_style = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    ws.write_merge(0, 0, 0, 8, "区商务局2024年政协提案办理台账")
    header = ["提案号", "案由", "提案人", "办理方式", "主办单位", "交办日期", "答复日期",
              "答复类别", "委员意见"]
    for col, text in enumerate(header):
        ws.write(1, col, text)
    rows = [
        (143140, "关于建设县级物流配送中心的建议", "曾秀浩、李明", "主办", "区商务局",
         dt.date(2024, 3, 14), dt.date(2024, 5, 22), "A", "满意"),
        ("143017", "关于完善农村电商服务网络的建议", "江辉敏", "协办", "区交通运输局",
         "2024.3.14", "2024年4月19日", "", ""),
        ("143003", "关于稳外贸促进外贸固稳提质的几点建议", "谢琳", "会办", "区科学技术局",
         dt.date(2024, 3, 14), "", "", ""),
    ]
    for r, row in enumerate(rows, start=2):
        for col, value in enumerate(row):
            if isinstance(value, dt.date):
                ws.write(r, col, value, date_style)
            else:
                ws.write(r, col, value)
    book.save(str(HERE / "ledger_2024.xls"))


def make_encrypted() -> None:
    import openpyxl
    from msoffcrypto.format.ooxml import OOXMLFile

    wb = openpyxl.Workbook()
    wb.active.append(["提案号", "案由", "办理方式"])
    wb.active.append(["1", "关于甲的建议", "主办"])
    plain = io.BytesIO()
    wb.save(plain)
    plain.seek(0)
    office = OOXMLFile(plain)
    with open(HERE / "encrypted.xlsx", "wb") as out:
        office.encrypt("1234", out)


if __name__ == "__main__":
    make_xls()
    make_encrypted()
