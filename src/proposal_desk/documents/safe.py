"""Text and files made safe for Word: nothing typed or pasted can break a document's XML,
and a document is written whole or not at all."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from proposal_desk.core.text import clean_text
from proposal_desk.storage.errors import UserError, os_reason

# Besides what XML forbids (core.text), docxtpl turns \a and \f into new paragraphs and
# page breaks and \v into nothing useful; clean_text already removes all three.
_FILE_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]+')
_needs_cleaning = re.compile("[\x00-\x08\x0b-\x1f\x7f\ud800-\udfff\ufffe\uffff]").search


def docx_path(path: Path | str, label: str = "输出文件") -> Path:
    """`path` as a Path, refused unless it names a .docx file (what every document writes);
    `label` names the file in the message."""
    path = Path(path)
    if path.suffix.lower() != ".docx":
        raise UserError(f"{label}应以 .docx 结尾：{path.name}")
    return path


def clean(value: Any) -> Any:
    """Every string inside value (dicts, lists, tuples) passed through clean_text; the XML
    escaping of <, & and > is the template engine's (autoescape) job."""
    if isinstance(value, str):
        # Most text is already clean (the services clean what they store): skip the work.
        return clean_text(value) if _needs_cleaning(value) else value
    if isinstance(value, Mapping):
        return {k: v if type(v) is str and not _needs_cleaning(v) else clean(v)
                for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean(v) for v in value]
    return value


def file_name(text: str, *, fallback: str = "文档") -> str:
    """A file name part from user text: no path separators or characters Windows forbids."""
    name = _FILE_UNSAFE.sub("_", clean_text(text)).strip(" ._")
    return name[:80] or fallback


def _read_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# Read once, at import: os.umask can only be read by setting it, which is not safe while
# worker threads write documents.
_UMASK = _read_umask()


def write_atomically(path: Path, write: Callable[[Path], None]) -> Path:
    """Write to a temporary file beside `path`, then replace it: a failure (a full disk, a
    crash) never leaves half a document, and an open file in Word gets a clear message."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.exists():
        raise UserError(f"文件夹“{folder}”不存在")
    fd, tmp_name = tempfile.mkstemp(prefix=".~", suffix=path.suffix, dir=folder)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        # mkstemp makes the file private (0600); a printed document is an ordinary file that
        # colleagues on a shared folder may open, so give it the usual mode under the umask.
        os.chmod(tmp, 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except PermissionError as exc:
        raise UserError(
            f"无法写入“{path}”：文件可能正在 Word 或 WPS 中打开，请关闭后重试") from exc
    except OSError as exc:
        raise UserError(f"无法写入“{path}”：{os_reason(exc)}") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return path
