"""Running tests against a real PostgreSQL server.

The server comes from outside: scripts/with-postgres starts a throw-away one (initdb + pg_ctl
on 127.0.0.1, as the `postgres` user when run as root) and sets PROPOSAL_DESK_TEST_PG_URL;
.ci/run does that for the whole suite. Without the variable the PostgreSQL variants are not
generated (and PostgreSQL-only tests skip, saying so); with it set, a server that cannot be
reached is an error, never a silent skip.

Each test gets an empty `public` schema: other connections to the test database are ended,
the schema dropped and created again (far quicker than a new database per test).
"""

from __future__ import annotations

import os

from sqlalchemy import create_engine, text

PG_URL_ENV = "PROPOSAL_DESK_TEST_PG_URL"


def server_url() -> str | None:
    return os.environ.get(PG_URL_ENV) or None


def fresh_pg_url() -> str:
    """The test server's URL, its database emptied for a new test."""
    url = server_url()
    if url is None:
        raise RuntimeError(f"{PG_URL_ENV} is not set")
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()
    return url
