"""Storage: the SQLAlchemy models, opening a database, migrations, hooks and search."""
