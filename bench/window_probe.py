"""The "painted and idle" end point for the bare PySide6 programs the benchmarks compare
against (bench_scale.py's empty window and bare table, bench_startup.py's minimal one-file
build): Python source to put at the top of such a program, which then calls
`watch(app, window)` before `window.show()`.

The same logic as proposal_desk.gui.first_paint (which the start-up probe uses), as text: these
programs must not import proposal_desk, or they would no longer be the floor. It watches the
window and its native window (every paint of the window's widgets is a pass of the window:
an Expose, or an UpdateRequest to the window, and a Paint of the window). Once the window has
been painted and the event loop has turned twice with nothing new painted, it writes
{"ready_at": time.time()} to the file named by PROPOSAL_DESK_STARTUP_STAMP (when set) and
quits.
"""

# What both probes share: the end point (painted, then two quiet turns) and the stamp.
_WATCH = '''
import json, os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

def watch(app, window):
    state = {"paints": 0, "seen": -1, "quiet": 0}
    def check():
        if state["paints"] != state["seen"]:
            state["seen"], state["quiet"] = state["paints"], 0
            QTimer.singleShot(0, check)
            return
        state["quiet"] += 1
        if state["quiet"] < 2:
            QTimer.singleShot(0, check)
            return
        path = os.environ.get("PROPOSAL_DESK_STARTUP_STAMP")
        if path:
            with open(path + ".tmp", "w") as f:
                json.dump({"ready_at": time.time()}, f)
            os.replace(path + ".tmp", path)
        app.quit()
'''

PROBE = _WATCH + '''    passes = (QEvent.Type.Paint, QEvent.Type.UpdateRequest, QEvent.Type.Expose)
    class PaintFilter(QObject):
        def eventFilter(self, obj, event):
            kind = event.type()
            if kind in passes:
                state["paints"] += 1
                if state["paints"] == 1:
                    QTimer.singleShot(0, check)
            elif kind == QEvent.Type.Show and window.windowHandle() is not None \
                    and "handle" not in state:
                state["handle"] = window.windowHandle()
                state["handle"].installEventFilter(self)
            return False
    window._probe = PaintFilter()
    window.installEventFilter(window._probe)
'''

# The probe used before session 3, kept to show what it cost: an application-wide event
# filter, so every object that gets an event is wrapped for Python (the types and enums of
# each Qt class it meets are created on the way to the first paint).
APP_WIDE_PROBE = _WATCH + '''    class PaintFilter(QObject):
        def eventFilter(self, obj, event):
            if (event.type() == QEvent.Type.Paint and obj.isWidgetType()
                    and obj.window() is window):
                state["paints"] += 1
                if state["paints"] == 1:
                    QTimer.singleShot(0, check)
            return False
    window._probe = PaintFilter()
    app.installEventFilter(window._probe)
'''
