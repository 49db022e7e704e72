"""Trimming ICU's data library (libicudata.so.NN) to what Qt asks ICU for in our locales.

Qt Core links ICU for collation (QCollator, the file dialogs' sorting), locale-aware case
mapping, named text codecs (QStringConverter) and time-zone names. PySide6 ships ICU's full
data for every language of the world: libicudata.so.73 is 30.5 MiB, the largest file in the
one-file executable, and the one-file bootloader inflates it on every start (0.2 s here).

The library holds one symbol, `icudt<NN>_dat`: an ICU "common data" package (format CmnD):

    header (headerSize bytes: magic 0xda27, UDataInfo, copyright)
    uint32 count; {uint32 nameOffset, uint32 dataOffset} * count   (offsets from the TOC)
    item names, NUL-terminated, "icudt73l/coll/zh.res", sorted (ICU searches them by bisection)
    item data, each at a 16-byte boundary

`trim_library` keeps the items `keep(name, size)` accepts (the name without the package
prefix, as `icupkg -l` lists them) and writes them as a new package. With the GNU assembler
and linker at hand (binutils, there wherever PyInstaller builds on Linux) the result is a new
small library exporting the same symbol; without them, the package goes in place of the old
one and zeros fill the rest, so the ELF file keeps its exact layout and the zeros cost little
compressed (but are still inflated and written at each start). ICU reports a missing item as
missing data and Qt falls back (no collator: plain comparison; an unknown codec: invalid);
which items our locales need is decided in bundle_plan.ICU_DATA_KEPT, and tests/test_build.py
compares Qt's answers with the full and the trimmed data.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

LIBRARY = re.compile(r"^libicudata\.so\.\d+$")
SYMBOL = re.compile(rb"^icudt\d+_dat$")
ALIGN = 16
PAD = b"\xaa"  # what ICU's own tools (icupkg) pad with


class IcuDataError(ValueError):
    pass


@dataclass(frozen=True)
class Package:
    header: bytes  # headerSize bytes, kept as they are
    prefix: str  # "icudt73l/"
    items: list[tuple[str, bytes]]  # (name without prefix, data with its padding), sorted
    little_endian: bool

    def names(self) -> list[str]:
        return [name for name, _data in self.items]


@dataclass(frozen=True)
class TrimResult:
    kept: int
    dropped: int
    size_before: int  # the package, bytes
    size_after: int
    linked: bool  # a new small library, not the old one zero-filled


# ---- ELF: where the data symbol lies in the file ---------------------------------------------

def data_symbol(elf: bytes) -> tuple[int, int, str]:
    """(file offset, size, name) of the icudt<NN>_dat symbol in an ELF shared library."""
    if elf[:4] != b"\x7fELF":
        raise IcuDataError("not an ELF file")
    wide = elf[4] == 2  # ELFCLASS64
    end = "<" if elf[5] == 1 else ">"
    if wide:
        shoff, = struct.unpack_from(end + "Q", elf, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", elf, 0x3A)
        sec_fmt, sym_fmt, sym_size = end + "IIQQQQIIQQ", end + "IBBHQQ", 24
    else:
        shoff, = struct.unpack_from(end + "I", elf, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", elf, 0x2E)
        sec_fmt, sym_fmt, sym_size = end + "IIIIIIIIII", end + "IIIBBH", 16
    sections = [struct.unpack_from(sec_fmt, elf, shoff + i * shentsize) for i in range(shnum)]
    # (name, type, flags, addr, offset, size, link, info, addralign, entsize)
    for sec in sections:
        if sec[1] != 11:  # SHT_DYNSYM
            continue
        strtab = sections[sec[6]]
        for at in range(sec[4], sec[4] + sec[5], sym_size):
            fields = struct.unpack_from(sym_fmt, elf, at)
            if wide:
                st_name, _info, _other, _shndx, value, size = fields
            else:
                st_name, value, size, _info, _other, _shndx = fields
            start = strtab[4] + st_name
            name = elf[start:elf.index(b"\0", start)]
            if SYMBOL.match(name):
                return _file_offset(sections, value), size, name.decode("ascii")
    raise IcuDataError("no icudt<NN>_dat symbol")


def _file_offset(sections: list[tuple[int, ...]], address: int) -> int:
    for sec in sections:
        addr, offset, size = sec[3], sec[4], sec[5]
        if sec[1] != 8 and addr <= address < addr + size:  # not SHT_NOBITS
            return offset + address - addr
    raise IcuDataError(f"address {address:#x} is in no section")


# ---- the common data package -----------------------------------------------------------------

def read_package(blob: bytes) -> Package:
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27):
        raise IcuDataError("not ICU data")
    little = blob[8] == 0  # UDataInfo.isBigEndian
    end = "<" if little else ">"
    header_size, = struct.unpack_from(end + "H", blob, 0)
    if blob[12:16] != b"CmnD":
        raise IcuDataError(f"not an ICU common data package ({blob[12:16]!r})")
    count, = struct.unpack_from(end + "I", blob, header_size)
    toc = [struct.unpack_from(end + "II", blob, header_size + 4 + 8 * i) for i in range(count)]
    names = []
    for name_offset, _data in toc:
        start = header_size + name_offset
        names.append(blob[start:blob.index(b"\0", start)].decode("ascii"))
    prefix = names[0].split("/", 1)[0] + "/" if names and "/" in names[0] else ""
    items = []
    for i, (name, (_n, data_offset)) in enumerate(zip(names, toc, strict=True)):
        stop = header_size + toc[i + 1][1] if i + 1 < count else len(blob)
        if not name.startswith(prefix):
            raise IcuDataError(f"item {name} outside the package {prefix}")
        items.append((name[len(prefix):], blob[header_size + data_offset:stop]))
    return Package(blob[:header_size], prefix, items, little)


def write_package(package: Package) -> bytes:
    end = "<" if package.little_endian else ">"
    header_size = len(package.header)
    count = len(package.items)
    names = b"".join((package.prefix + name).encode("ascii") + b"\0"
                     for name, _data in package.items)
    toc_size = 4 + 8 * count
    data_start = _aligned(header_size + toc_size + len(names)) - header_size
    entries, chunks = [], []
    name_offset, data_offset = toc_size, data_start
    for name, data in package.items:
        entries.append(struct.pack(end + "II", name_offset, data_offset))
        name_offset += len((package.prefix + name).encode("ascii")) + 1
        padded = data + PAD * (_aligned(len(data)) - len(data))
        chunks.append(padded)
        data_offset += len(padded)
    head = package.header + struct.pack(end + "I", count) + b"".join(entries) + names
    return head + PAD * (header_size + data_start - len(head)) + b"".join(chunks)


def _aligned(n: int) -> int:
    return (n + ALIGN - 1) // ALIGN * ALIGN


def trimmed(package: Package, keep: Callable[[str, int], bool]) -> Package:
    """The package with the items `keep(name, size)` accepts."""
    return Package(package.header, package.prefix,
                   [(n, d) for n, d in package.items if keep(n, len(d))], package.little_endian)


# ---- the library -----------------------------------------------------------------------------

def trim_library(source: Path, dest: Path, keep: Callable[[str, int], bool], *,
                 link: bool = True) -> TrimResult:
    """Write to `dest` a copy of the ICU data library `source` holding only the kept items:
    a new small library when `link` and binutils allow, else the same file zero-filled."""
    elf = bytearray(source.read_bytes())
    offset, size, symbol = data_symbol(bytes(elf))
    package = read_package(bytes(elf[offset:offset + size]))
    smaller = trimmed(package, keep)
    blob = write_package(smaller)
    if len(blob) > size:
        raise IcuDataError("the trimmed package is larger than the original")
    dest.parent.mkdir(parents=True, exist_ok=True)
    linked = link and link_library(blob, symbol, dest)
    if not linked:
        elf[offset:offset + size] = blob + bytes(size - len(blob))
        dest.write_bytes(bytes(elf))
    return TrimResult(len(smaller.items), len(package.items) - len(smaller.items), size,
                      len(blob), linked)


def link_library(blob: bytes, symbol: str, dest: Path) -> bool:
    """A shared library named like `dest` exporting `blob` as `symbol` (read-only data), made
    with the GNU assembler and linker; False when they are missing or fail."""
    assembler, linker = shutil.which("as"), shutil.which("ld")
    if not assembler or not linker:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "data.bin").write_bytes(blob)
        # %object and %progbits: the spelling every ELF target accepts (ARM too).
        (folder / "data.s").write_text(
            "    .section .rodata\n"
            f"    .balign {ALIGN}\n"
            f"    .globl {symbol}\n"
            f"    .type {symbol}, %object\n"
            f"{symbol}:\n"
            '    .incbin "data.bin"\n'
            f"    .size {symbol}, . - {symbol}\n"
            '    .section .note.GNU-stack,"",%progbits\n', encoding="ascii")
        try:
            subprocess.run([assembler, "-o", "data.o", "data.s"], cwd=folder, check=True,
                           capture_output=True, timeout=120)
            subprocess.run([linker, "-shared", "-soname", dest.name, "-o", "lib.so", "data.o"],
                           cwd=folder, check=True, capture_output=True, timeout=120)
            built = (folder / "lib.so").read_bytes()
            at, _size, name = data_symbol(built)
        except (OSError, subprocess.SubprocessError, IcuDataError):
            return False
        if name != symbol or built[at:at + len(blob)] != blob:
            return False
        dest.write_bytes(built)
    return True
