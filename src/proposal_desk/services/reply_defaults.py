"""What a new reply starts with: one joint letter or one per signer, the contact and the
抄送. A later round (after a 不满意) starts from the previous round's choices, which the
clerk made for this proposal; the first round from the bureau's settings. A second reply
that forgot 合发一封答复函 was unticked printed one joint letter to five members
(newcomer's try-out F11)."""

from __future__ import annotations

from dataclasses import dataclass

from proposal_desk.core.settings import BureauSettings
from proposal_desk.storage.models import Proposal


@dataclass(frozen=True)
class ReplyDefaults:
    joint_letter: bool
    contact_name: str
    contact_phone: str
    cc: str


def reply_defaults(p: Proposal, settings: BureauSettings) -> ReplyDefaults:
    """The latest earlier reply's choices, else the settings' (joint letter by default)."""
    earlier = max(p.replies, key=lambda r: r.round, default=None)
    if earlier is not None:
        return ReplyDefaults(earlier.joint_letter, earlier.contact_name, earlier.contact_phone,
                             earlier.cc)
    return ReplyDefaults(True, settings.contact_name, settings.contact_phone,
                         "、".join(settings.cc))
