"""The detail pane of one proposal and its tabs."""
