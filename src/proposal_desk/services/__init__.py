"""Services: the operations the command line, the GUI and the documents share."""
