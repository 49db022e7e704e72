"""The schema revision this version of the program writes (no imports: the window's quick
start compares it with a file's alembic_version through plain sqlite3; storage.migrate uses it
and tests/test_migrations.py keeps it in step with migrations/versions)."""

HEAD_REVISION = "0002"
