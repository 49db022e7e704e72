"""The command line `proposal-desk`: a thin face on the same core the GUI calls."""
