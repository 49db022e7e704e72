"""Compiled Qt Designer forms (generated from ui/*.ui by scripts/build_ui.py; do not edit)."""
