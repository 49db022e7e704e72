"""Qt-free domain rules: enumerations, dates, text cleaning, status and deadlines."""
