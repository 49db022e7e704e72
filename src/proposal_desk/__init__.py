"""Proposal Desk (提案办理台): tracks CPPCC proposals and NPC suggestions handled by a bureau."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("proposal-desk")
except PackageNotFoundError:  # frozen build or plain source checkout
    __version__ = "0.1.0"

APP_NAME = "提案办理台"
APP_ID = "ProposalDesk"
