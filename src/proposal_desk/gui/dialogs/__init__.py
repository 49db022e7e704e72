"""Dialogs: records, settings, the import wizard, new proposals, returns, About."""
