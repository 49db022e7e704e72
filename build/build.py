"""Build the one-file executable: `python build/build.py [--console] [--without-postgres]
[--onedir] [--no-strip] [--clean]`.

PyInstaller runs with its work folder in build/work and the result in build/dist (both ignored
by git); its default work folder would be ./build, which is our tracked folder.
Prints the file, its size, the build time and the oldest glibc it runs on (Linux).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle_plan  # lives beside this script

SPEC = bundle_plan.BUILD / "proposal-desk.spec"
MIB = 1024 * 1024


def executable_path(name: str | None = None, *, onedir: bool = False) -> Path:
    name = name or bundle_plan.project().name
    folder = bundle_plan.DIST_DIR / f"{name}-folder" if onedir else bundle_plan.DIST_DIR
    return folder / (f"{name}.exe" if sys.platform == "win32" else name)


def run_pyinstaller(spec: Path, *, work: Path, dist: Path, clean: bool = False,
                    env: dict[str, str] | None = None) -> float:
    """Run PyInstaller on `spec`; returns the seconds it took."""
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--workpath", str(work), "--distpath", str(dist), str(spec)]
    if clean:
        cmd.insert(3, "--clean")
    started = time.perf_counter()
    subprocess.run(cmd, check=True, env={**os.environ, **(env or {})},
                   cwd=bundle_plan.ROOT)
    return time.perf_counter() - started


def glibc_needed(executable: Path) -> str | None:
    """The newest GLIBC_x.y symbol version any file in the bundle needs: the oldest glibc the
    file runs on (UOS 20 has 2.28, Kylin V10 2.31). None when not on Linux or no objdump."""
    if not sys.platform.startswith("linux") or not shutil.which("objdump"):
        return None
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(executable))
    newest: tuple[int, ...] = ()
    with tempfile.TemporaryDirectory() as tmp:
        files = [executable]
        for name, entry in archive.toc.items():
            if entry[4] not in ("b", "e", "n"):  # binary, extension, (py)dynload
                continue
            target = Path(tmp) / name.replace("/", "_")
            target.write_bytes(archive.extract(name))
            files.append(target)
        for path in files:
            out = subprocess.run(["objdump", "-p", str(path)], capture_output=True,
                                 text=True).stdout
            for match in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", out):
                newest = max(newest, tuple(int(n) for n in match.split(".")))
    return ".".join(map(str, newest)) if newest else None


def build(*, console: bool = False, strip: bool = True, clean: bool = False,
          postgres: bool = True, onedir: bool = False) -> Path:
    env = {"PROPOSAL_DESK_CONSOLE": "1" if console else "0",
           "PROPOSAL_DESK_NO_STRIP": "0" if strip else "1",
           "PROPOSAL_DESK_NO_POSTGRES": "0" if postgres else "1",
           "PROPOSAL_DESK_ONEDIR": "1" if onedir else "0"}
    # The folder build has its own work folder: switching would otherwise rebuild everything.
    work = bundle_plan.WORK_DIR / "onedir" if onedir else bundle_plan.WORK_DIR
    seconds = run_pyinstaller(SPEC, work=work, dist=bundle_plan.DIST_DIR, clean=clean, env=env)
    exe = executable_path(onedir=onedir)
    if not exe.is_file():
        raise SystemExit(f"PyInstaller finished but {exe} is missing")
    size = (sum(p.stat().st_size for p in exe.parent.rglob("*")
                if p.is_file() and not p.is_symlink())
            if onedir else exe.stat().st_size)
    print(f"built {exe.relative_to(bundle_plan.ROOT)}: {size / MIB:.1f} MiB in {seconds:.0f} s")
    if onedir:
        return exe
    glibc = glibc_needed(exe)
    if glibc:
        print(f"runs on Linux with glibc {glibc} or newer (built on glibc "
              f"{os.confstr('CS_GNU_LIBC_VERSION').split()[-1]})")
    return exe


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--console", action="store_true",
                        help="Windows: console build (a double-click also opens a console)")
    parser.add_argument("--no-strip", action="store_true", help="keep debugging symbols")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--without-postgres", action="store_true",
                        help="leave out the PostgreSQL driver (shared office database)")
    parser.add_argument("--onedir", action="store_true",
                        help="a folder instead of one file (starts without unpacking)")
    args = parser.parse_args(argv)
    build(console=args.console, strip=not args.no_strip, clean=args.clean,
          postgres=not args.without_postgres, onedir=args.onedir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
