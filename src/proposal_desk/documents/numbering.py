"""What a printed 答复函 or 会办意见 says of its 发文字号 and dates: the 印发日期, the note for
one sent without a number, the refusal of an empty body. When a document is numbered is
core.doc_numbers' rule, shared with the saves that mark it sent (services.handling)."""

from __future__ import annotations

import datetime as dt

from proposal_desk.core.dates import format_cn

UNSENT_PRINT_DATE = "\u3000\u3000年\u3000月\u3000日"  # the 版记's date, to fill in by hand


def unsent_note(number: str, record: str, document: str, tab: str) -> str:
    """Why a document printed before it is recorded sent has a blank 印发日期."""
    return (f"第{number}号的{record}尚未登记发出：{document}版记的印发日期留空（发出当天填写；"
            f"或在“{tab}”页填写答复日期后重新生成）")


def sent_without_note(number: str, what: str, document: str, sent_on: dt.date | None,
                      tab: str) -> str:
    """Why a document already sent prints without a number (state SENT_WITHOUT); `tab`:
    the detail pane's page holding its 发文字号 field."""
    when = f"已于{format_cn(sent_on)}" if sent_on else "已"
    return (f"第{number}号的{what}{when}发出，记录中没有发文字号（如从往年台账导入，或发出时"
            f"尚未设置前缀）：{document}不补编发文字号，以免与当时实际所用文号不符；如原件有"
            f"发文字号，请在“{tab}”页的“发文字号”栏填写后重新生成")


def empty_body(number: str, kind: str, record: str, document: str, tab: str,
               sent: bool) -> str:
    """The refusal of a document whose body (`record`'s text) is empty: a ledger's reply
    has none, and a letter saying only 现答复如下： must not go out."""
    source = "（该记录只有发出日期等，没有正文，如从往年台账导入的）" if sent else ""
    return (f"第{number}号{kind}的{record}正文为空{source}，无法生成{document}：请先在"
            f"“{tab}”页填写{record}正文")
