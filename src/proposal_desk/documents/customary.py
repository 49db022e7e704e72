"""The customary sentences a handler may type into a reply although the letter adds its own:
the salutation (张三委员：), the opening that names the proposal (您提出的《…》收悉…现答复
如下：) and the closing of thanks (感谢您对…的关心和支持). A letter prints each once: the
handler's own opening and closing take the place of the added ones, said to the letter's
addressee(s) as the added ones are (address_opening: 你们 on a joint letter, 领衔/联名 on one
per signer), and a typed salutation is dropped (the letter writes it to every addressee).

A 会办意见 prints fixed sentences of its template around the body (主送单位：, ……收悉。经认真研究，
现提出…如下： and 以上意见，请在答复…时统筹考虑。): a typed one is not taken out, which could
lose words, but named (opinion_repeats) so the handler deletes it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from proposal_desk.core.text import clean_text

# 张三委员： / 尊敬的李四代表： / 民建区委会： on a line of its own, short
_SALUTATION = re.compile(r"^(?:尊敬的)?[^，。；！？\s]{1,30}(?:委员|代表|同志|先生|女士)?[：:]$")
# The member addressed: you (您/你们), or by title after a name (张三委员)
_YOU = ("您", "你们")
_TITLES = ("委员", "代表")
# You (您/你们/贵…/the member) … the proposal (提出/所提/《…》) … 收悉, early in the paragraph
_OPENING = re.compile(rf"^(?:{'|'.join(_YOU)}|贵|.{{0,30}}?(?:{'|'.join(_TITLES)}))"
                      r".{0,150}?(?:提出|所提|提交|《).{0,150}?收悉")
# 感谢 / 衷心感谢 / 再次感谢…; or the usual 关心和支持 / 欢迎继续提出 sentence
_CLOSING_START = re.compile(r"^(?:再次|衷心|非常|诚挚|最后[，,]?)?(?:地)?(?:表示)?感谢")
_CLOSING_WORDS = ("关心和支持", "关心支持", "欢迎继续提出", "欢迎您继续", "宝贵意见和建议")
# …and said to the member: "我局将争取上级部门的关心和支持" is a sentence of the work
_TO_THE_MEMBER = _YOU + _TITLES
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


# A typed opening's address: the pronoun it starts with, and the verb before the title
_PRONOUN = re.compile(rf"^(?:{'|'.join(_YOU)})")
_VERB = re.compile(r"(?:领衔|联名)?(?:所提出的|所提的|提出的|提交的)")


def address_opening(line: str, you: str, verb: str) -> str:
    """A typed opening said to the letter's addressee(s): 您提出的《…》收悉 becomes
    你们提出的 on a joint letter and 您领衔提出的 / 您联名提出的 on one per signer; the
    handler's other words stay. An opening that starts with neither 您 nor 你们 (贵…, a
    name) is left as typed. `verb` is the letter's: 提出的 / 领衔提出的 / 联名提出的."""
    found = _PRONOUN.match(line)
    if found is None:
        return line
    cut = line.find("《")
    cut = cut if cut >= 0 else max(line.find("收悉"), 0)
    head, rest = you + line[found.end():cut], line[cut:]
    typed = _VERB.search(head, len(you))
    # Only a change of who proposed (领衔/联名 or neither) rewrites the verb: 您所提的 stays
    # on a letter to the one proposer.
    if typed and _joint_word(typed.group(0)) != _joint_word(verb):
        head = head[:typed.start()] + verb + head[typed.end():]
    return head + rest


def address_closing(line: str, you: str) -> str:
    """A typed closing of thanks said to the letter's addressee(s) (感谢您… → 感谢你们…)."""
    other = "您" if you == "你们" else "你们"
    return line.replace(other, you)


def _joint_word(verb: str) -> str:
    return next((w for w in ("领衔", "联名") if w in verb), "")


# A 会办意见's own opening (……收悉, or …现提出意见如下：) and closing (以上意见…, 特此函复 …)
_OPINION_OPENING = re.compile(r"^.{0,200}?(?:收悉|现提出.{0,12}?如下[：:]$)")
_OPINION_CLOSING = re.compile(r"^(?:以上(?:协办|会办)?意见|特此(?:函复|函告|说明)|此复|妥否)")
# 区水利局： / 区水利局、区民政局： — the lead unit(s) the document addresses itself
_ADDRESSEE = re.compile(r"^[^，。；！？\s：:]{1,60}(?:局|委|办|院|厅|会|部|中心|政府|公司|所|站|处)"
                        r"[：:]$")
_QUOTED = 24  # how much of a typed sentence a note quotes


def opinion_repeats(text: str) -> list[str]:
    """What a handler typed into a 会办意见 that its document adds itself, in reading order:
    主送单位“区水利局：”, 开头“…收悉…”, 结尾“以上意见…” ([] when none)."""
    lines = _lines(text)
    found: list[str] = []

    def quote(line: str) -> str:
        return f"“{line[:_QUOTED]}{'……' if len(line) > _QUOTED else ''}”"

    if lines and _ADDRESSEE.match(lines[0]) and not _NUMBERED.match(lines[0]):
        found.append("主送单位" + quote(lines.pop(0)))
    if lines and _OPINION_OPENING.match(lines[0]):
        found.append("开头" + quote(lines.pop(0)))
    last = lines[-1] if lines else ""
    if last and _OPINION_CLOSING.match(last) and len(last) <= _CLOSING_MAX:
        found.append("结尾" + quote(last))
    return found
