"""Proposal Desk (提案办理台): tracks CPPCC proposals and NPC suggestions handled by a bureau."""

# Kept equal to pyproject.toml's version by tests/test_migrations.py; a constant, because
# importlib.metadata costs 30 ms on every start.
__version__ = "0.2.0"

APP_NAME = "提案办理台"
APP_ID = "ProposalDesk"
