"""Converting a document to PDF with LibreOffice, when it is installed (rendering checks,
print previews). Nothing here is needed to write documents."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from proposal_desk import paths


def soffice() -> str | None:
    """The LibreOffice executable, or None."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES", ""), os.environ.get("PROGRAMFILES(X86)", "")):
            candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
            if base and candidate.is_file():
                return str(candidate)
    return None


def fonts_conf() -> Path:
    """resources/fonts/fonts.conf: the official font names mapped to free faces on Linux."""
    return paths.resources_dir() / "fonts" / "fonts.conf"


def to_pdf(document: Path, outdir: Path, *, timeout: float = 180) -> Path:
    """One document to PDF; see to_pdfs."""
    return to_pdfs([document], outdir, timeout=timeout)[0]


def to_pdfs(documents: list[Path], outdir: Path, *, timeout: float = 300) -> list[Path]:
    """Convert in one LibreOffice run, with a private profile, so it runs beside an open
    LibreOffice (or another conversion) instead of handing the job to it."""
    exe = soffice()
    if exe is None:
        raise FileNotFoundError("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    conf = fonts_conf()
    if sys.platform.startswith("linux") and conf.is_file():
        env.setdefault("FONTCONFIG_FILE", str(conf))
    with tempfile.TemporaryDirectory(prefix="pd-lo-") as profile:
        subprocess.run(
            [exe, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
             "--convert-to", "pdf", "--outdir", str(outdir), *map(str, documents)],
            check=True, capture_output=True, timeout=timeout, env=env,
        )
    results = [outdir / (d.stem + ".pdf") for d in documents]
    for document, result in zip(documents, results, strict=True):
        if not result.is_file():
            raise RuntimeError(f"LibreOffice wrote no PDF for {document}")
    return results
