"""Runtime hook (runs in the built program before `proposal_desk.__main__`): on Windows, give
the command line its console back.

The Windows build is a windowed (GUI-subsystem) program, so a double-click opens no console. The
price is that Windows gives it no console either when it is started from cmd or PowerShell, and
`sys.stdout`/`sys.stderr` are None. For a command (anything but starting the window) this hook
attaches to the console of the program that started us and reopens the streams on it.

In the one-file build our parent is PyInstaller's bootloader, itself windowed and consoleless,
so when the parent has no console we try the grandparent (cmd.exe / powershell.exe).
Output redirected to a file or pipe (`proposal-desk list --json > out.json`) already has valid
handles and is left alone. Not attached for the window: closing that console would kill it.
"""

import os
import sys

# Options that still mean "open the window" (see cli/main.py); any other argument is a command,
# --version or --help, which print.
_GUI_FLAGS = {"--demo", "--smoke-test"}
_GUI_FLAGS_WITH_VALUE = {"--db"}


def _starts_window(argv: list[str]) -> bool:
    skip = False
    for arg in argv:
        if skip:
            skip = False
            continue
        if arg in _GUI_FLAGS or arg.startswith("--db="):
            continue
        if arg in _GUI_FLAGS_WITH_VALUE:
            skip = True
            continue
        return False
    return True


def _parent_of(pid: int) -> int | None:
    import ctypes
    from ctypes import wintypes

    class PROCESSENTRY32W(ctypes.Structure):
        _fields_ = [
            ("dwSize", wintypes.DWORD), ("cntUsage", wintypes.DWORD),
            ("th32ProcessID", wintypes.DWORD), ("th32DefaultHeapID", ctypes.c_size_t),
            ("th32ModuleID", wintypes.DWORD), ("cntThreads", wintypes.DWORD),
            ("th32ParentProcessID", wintypes.DWORD), ("pcPriClassBase", ctypes.c_long),
            ("dwFlags", wintypes.DWORD), ("szExeFile", ctypes.c_wchar * 260),
        ]

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.CreateToolhelp32Snapshot.restype = wintypes.HANDLE
    snapshot = kernel32.CreateToolhelp32Snapshot(0x2, 0)  # TH32CS_SNAPPROCESS
    if not snapshot or snapshot == wintypes.HANDLE(-1).value:
        return None
    try:
        entry = PROCESSENTRY32W()
        entry.dwSize = ctypes.sizeof(PROCESSENTRY32W)
        ok = kernel32.Process32FirstW(snapshot, ctypes.byref(entry))
        while ok:
            if entry.th32ProcessID == pid:
                return int(entry.th32ParentProcessID)
            ok = kernel32.Process32NextW(snapshot, ctypes.byref(entry))
    finally:
        kernel32.CloseHandle(snapshot)
    return None


def _attach_console() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return  # a console program, or both streams redirected
    if _starts_window(sys.argv[1:]):
        return
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    attach_parent_process = ctypes.c_uint32(-1).value
    attached = bool(kernel32.AttachConsole(attach_parent_process))
    if not attached:
        grandparent = _parent_of(os.getppid())
        attached = bool(grandparent and kernel32.AttachConsole(grandparent))
    if not attached:
        return
    # CONOUT$ opens as a console stream (WriteConsoleW), so Chinese prints right whatever the
    # console's code page.
    console = open("CONOUT$", "w", buffering=1, encoding="utf-8", errors="replace")  # noqa: SIM115
    # An interactive cmd has printed its prompt already (it waits only for console programs);
    # start on a fresh line so our output does not run on after it.
    console.write("\n")
    if sys.stdout is None:
        sys.stdout = console
    if sys.stderr is None:
        sys.stderr = console


if sys.platform == "win32" and getattr(sys, "frozen", False):
    import contextlib

    # No console to attach to: the command runs silently; its exit status still counts.
    with contextlib.suppress(OSError):
        _attach_console()
