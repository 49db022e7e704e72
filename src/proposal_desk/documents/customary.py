"""The customary sentences a handler may type into a reply although the letter adds its own:
the salutation (张三委员：), the opening that names the proposal (您提出的《…》收悉…现答复
如下：) and the closing of thanks (感谢您对…的关心和支持). A letter prints each once: the
handler's own opening and closing take the place of the added ones, a typed salutation is
dropped (the letter writes it to every addressee)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from proposal_desk.core.text import clean_text

# 张三委员： / 尊敬的李四代表： / 民建区委会： on a line of its own, short
_SALUTATION = re.compile(r"^(?:尊敬的)?[^，。；！？\s]{1,30}(?:委员|代表|同志|先生|女士)?[：:]$")
# You (您/你们/贵…/the member) … the proposal (提出/所提/《…》) … 收悉, early in the paragraph
_OPENING = re.compile(r"^(?:您|你们|贵|.{0,30}?(?:委员|代表))"
                      r".{0,150}?(?:提出|所提|提交|《).{0,150}?收悉")
# 感谢 / 衷心感谢 / 再次感谢…; or the usual 关心和支持 / 欢迎继续提出 sentence
_CLOSING_START = re.compile(r"^(?:再次|衷心|非常|诚挚|最后[，,]?)?(?:地)?(?:表示)?感谢")
_CLOSING_WORDS = ("关心和支持", "关心支持", "欢迎继续提出", "欢迎您继续", "宝贵意见和建议")
# …and said to the member: "我局将争取上级部门的关心和支持" is a sentence of the work
_TO_THE_MEMBER = ("您", "你们", "委员", "代表")
# 一、 / （二） / 3. — a numbered paragraph belongs to the body
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]"
                       r"|\d+[、.．])")
_CLOSING_MAX = 80  # a closing is one short sentence, not a paragraph of the reply


@dataclass(frozen=True)
class ReplyParts:
    opening: str  # the handler's own opening paragraph, "" when the body has none
    body: str  # the rest, to print between the opening and the closing
    closing: str  # the handler's own closing paragraph, "" when none


def _lines(text: str) -> list[str]:
    return [line.strip().lstrip("\u3000") for line in clean_text(text).split("\n")
            if line.strip().lstrip("\u3000")]


def is_salutation(line: str) -> bool:
    return bool(_SALUTATION.match(line)) and any(w in line for w in ("委员", "代表", "同志"))


def is_opening(line: str) -> bool:
    return bool(_OPENING.match(line))


def is_closing(line: str) -> bool:
    if len(line) > _CLOSING_MAX or _NUMBERED.match(line):
        return False
    if _CLOSING_START.match(line):
        return True
    return (any(w in line for w in _CLOSING_WORDS)
            and any(w in line for w in _TO_THE_MEMBER))


def reply_parts(text: str) -> ReplyParts:
    """Split a typed reply into the handler's own opening, the body and their closing."""
    lines = _lines(text)
    if lines and is_salutation(lines[0]):
        lines = lines[1:]
    opening = lines.pop(0) if lines and is_opening(lines[0]) else ""
    closing = lines.pop() if lines and is_closing(lines[-1]) else ""
    return ReplyParts(opening, "\n".join(lines), closing)
