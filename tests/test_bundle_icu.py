"""The one-file build's trimmed ICU data (build/icu_data.py, bundle_plan.ICU_DATA_KEPT) and the
libraries it stores uncompressed (bundle_plan.STORED_RAW).

ICU's data is trimmed to Chinese and English; the test that matters runs Qt against the full
and the trimmed library (LD_LIBRARY_PATH comes before the Qt libraries' RUNPATH) and compares
everything Qt asks ICU for: collation (pinyin order, numeric mode), locale case mapping, the
Chinese codecs, time-zone names.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "build" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


icu_data = _load("icu_data")
bundle_plan = _load("bundle_plan")


def _pyside_icu_data() -> Path:
    import PySide6

    found = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    if not sys.platform.startswith("linux") or not found:
        pytest.skip("no ICU data library in this PySide6 (Qt uses ICU on Linux only)")
    return found[0]


PROBE = r'''
import functools, json
from PySide6.QtCore import (QCollator, QDate, QDateTime, QLocale, QStringConverter,
                            QStringDecoder, QStringEncoder, QTime, QTimeZone, Qt)
out = {}
words = ["张伟", "阿明", "王芳", "李娜", "陈静", "波涛", "长安", "重庆", "區商務局", "区商务局",
         "Zeta", "alpha", "Ärger", "2号", "10号", "1号"]
for loc in ["zh_CN", "zh_TW", "en_US", "C"]:
    collator = QCollator(QLocale(loc))
    out[f"sort {loc}"] = sorted(words, key=functools.cmp_to_key(collator.compare))
    collator.setNumericMode(True)
    out[f"numeric {loc}"] = sorted(words, key=functools.cmp_to_key(collator.compare))
    collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    out[f"case-insensitive {loc}"] = collator.compare("alpha", "ALPHA")
for loc in ["zh_CN", "en_US", "tr_TR", "el_GR"]:
    out[f"case {loc}"] = [QLocale(loc).toUpper("iıß straße"), QLocale(loc).toLower("IİΣΑΣ")]
for name in ["GB18030", "GBK", "GB2312", "Big5", "Big5-HKSCS", "CP936", "windows-1252",
             "ISO-8859-15", "KOI8-R", "UTF-8"]:
    decoder, encoder = QStringDecoder(name), QStringEncoder(name)
    out[f"codec {name}"] = [decoder.isValid(), encoder.isValid(), decoder.name()]
out["codec count"] = len(QStringConverter.availableCodecs())
for zone in [b"Asia/Shanghai", b"UTC"]:
    tz = QTimeZone(zone)
    moment = QDateTime(QDate(2025, 3, 15), QTime(9, 0), tz)
    for loc in ["zh_CN", "en_US"]:
        out[f"zone {zone.decode()} {loc}"] = [
            tz.displayName(moment, QTimeZone.NameType.LongName, QLocale(loc)),
            tz.displayName(moment, QTimeZone.NameType.ShortName, QLocale(loc))]
print(json.dumps(out, ensure_ascii=False))
'''


def _qt_answers(library_folder: Path | None) -> dict[str, object]:
    env = {**os.environ}
    if library_folder is not None:
        env["LD_LIBRARY_PATH"] = os.pathsep.join(
            [str(library_folder), *filter(None, [env.get("LD_LIBRARY_PATH")])])
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Could not create collator" not in proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("link", [True, False], ids=["new library", "zero-filled"])
def test_qt_gets_the_same_answers_from_the_trimmed_icu_data(tmp_path: Path, link: bool) -> None:
    source = _pyside_icu_data()
    dest = tmp_path / "lib" / source.name
    result = icu_data.trim_library(source, dest, bundle_plan.icu_item_kept, link=link)
    if link and not result.linked:
        pytest.skip("no GNU assembler and linker here")
    assert result.size_after < result.size_before / 5
    if result.linked:
        assert dest.stat().st_size < source.stat().st_size / 5
    full = _qt_answers(None)
    trimmed = _qt_answers(dest.parent)
    assert full.pop("codec count") > trimmed.pop("codec count") > 150  # Japanese, Korean… go
    assert trimmed == full
    # Pinyin order, Han before Latin (Chinese collation), numbers by value in numeric mode.
    assert full["sort zh_CN"][:7] == ["10号", "1号", "2号", "阿明", "波涛", "陈静", "重庆"]
    assert full["numeric zh_CN"][:3] == ["1号", "2号", "10号"]
    assert all(trimmed[f"codec {name}"][0] for name in ("GB18030", "GBK", "GB2312", "Big5"))


def test_the_package_is_written_back_byte_for_byte() -> None:
    elf = _pyside_icu_data().read_bytes()
    offset, size, symbol = icu_data.data_symbol(elf)
    assert symbol.startswith("icudt") and symbol.endswith("_dat")
    blob = elf[offset:offset + size]
    package = icu_data.read_package(blob)
    assert len(package.items) > 3000
    assert package.names() == sorted(package.names())  # ICU finds items by bisection
    assert icu_data.write_package(package) == blob
    kept = icu_data.read_package(icu_data.write_package(
        icu_data.trimmed(package, bundle_plan.icu_item_kept)))
    assert "coll/zh.res" in kept.names() and "brkitr/cjdict.dict" not in kept.names()
    assert dict(kept.items)["coll/zh.res"] == dict(package.items)["coll/zh.res"]


def test_a_file_that_is_not_icu_data_is_refused(tmp_path: Path) -> None:
    with pytest.raises(icu_data.IcuDataError):
        icu_data.data_symbol(b"MZ\x90\x00" + bytes(100))
    with pytest.raises(icu_data.IcuDataError):
        icu_data.read_package(bytes(64))


def test_the_icu_policy_keeps_chinese_and_english_only() -> None:
    kept = bundle_plan.icu_item_kept
    for name in ("root.res", "pool.res", "zh.res", "zh_Hans_CN.res", "en.res", "coll/zh.res",
                 "coll/ucadata.icu", "zone/zh.res", "zoneinfo64.res", "cnvalias.icu",
                 "gb18030.cnv", "windows-936-2000.cnv"):
        assert kept(name, 200_000), name
    for name in ("fr.res", "coll/ko.res", "zone/ja.res", "brkitr/cjdict.dict", "curr/zh.res",
                 "translit/root.res", "unames.icu", "euc-jp-2007.cnv"):
        assert not kept(name, 200_000), name
    assert kept("ibm-5348_P100-1997.cnv", 3_000)  # a single-byte code page: a few KiB


def test_the_biggest_libraries_are_stored_uncompressed(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    raw = bundle_plan.stored_raw
    for dest in ("PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6",
                 "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6\\Qt6Gui.dll",
                 "libpython3.11.so.1.0", "python311.dll",
                 "lxml/etree.cpython-311-x86_64-linux-gnu.so", "lxml\\etree.cp311-win_amd64.pyd"):
        assert raw(dest), dest
    for dest in ("PySide6/Qt/lib/libQt6Network.so.6", "PySide6/Qt/lib/libicudata.so.73",
                 "PySide6/QtGui.abi3.so", "PySide6/Qt6GuiX.dll", "lxml/objectify.so",
                 "python3.dll.manifest", "libpython3.11.so.1.0.txt"):
        assert not raw(dest), dest
    monkeypatch.setenv(bundle_plan.COMPRESS_ALL_ENV, "1")
    assert not raw("PySide6/Qt/lib/libQt6Gui.so.6")


def test_the_build_puts_the_trimmed_library_in_place_of_the_original(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _pyside_icu_data()
    entries = [("PySide6/Qt/lib/libQt6Core.so.6", "/somewhere/libQt6Core.so.6", "BINARY"),
               (f"PySide6/Qt/lib/{source.name}", str(source), "BINARY")]
    result, note = bundle_plan.trim_icu_data(entries, tmp_path)
    assert result[0] == entries[0]
    dest, src, typecode = result[1]
    assert (dest, typecode) == entries[1][::2] and Path(src).parent == tmp_path / "icu"
    assert note is not None and f"kept {len(icu_data.read_package(_package(Path(src))).items)}" \
        in note
    monkeypatch.setenv(bundle_plan.FULL_ICU_ENV, "1")
    assert bundle_plan.trim_icu_data(entries, tmp_path) == (entries, None)


def _package(library: Path) -> bytes:
    elf = library.read_bytes()
    offset, size, _symbol = icu_data.data_symbol(elf)
    return elf[offset:offset + size]
