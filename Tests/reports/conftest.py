"""Database fixtures for the report tests: a fresh database in the throwaway PostgreSQL that
`make test` started (its PG* environment is inherited), migrated as the non-superuser owner like
production, filled by demo.generate() with many small units, and a login role that can act only as
the director (and as the coordinator of all organisations), the way the service's wr_app does.
"""
import os
import secrets
import subprocess

import psycopg
import pytest

ROOT = os.environ.get("WR_REPO_ROOT") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TEST_LOGIN = "wr_report_test"


def psql(database, sql, user=None):
    command = ["psql", "-v", "ON_ERROR_STOP=1", "-qAt", "-d", database, "-c", sql]
    if user:
        command += ["-U", user]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def connect(database, user):
    return psycopg.connect(host=os.environ["PGHOST"], port=os.environ["PGPORT"], dbname=database, user=user, autocommit=True)


@pytest.fixture(scope="session")
def database():
    """A migrated database with synthetic data: three small organisations whose units are mostly
    between 2 and 20 people, two cycles."""
    name = "reports_" + secrets.token_hex(4)
    psql("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wr_owner') "
                     "THEN CREATE ROLE wr_owner LOGIN CREATEROLE; END IF; END $$")
    psql("postgres", f"CREATE DATABASE {name} OWNER wr_owner")
    for migration in sorted(os.listdir(os.path.join(ROOT, "Migrations"))):
        if migration.endswith(".sql"):
            subprocess.run(["psql", "-v", "ON_ERROR_STOP=1", "-q", "-1", "-U", "wr_owner", "-d", name,
                            "-f", os.path.join(ROOT, "Migrations", migration)], check=True, capture_output=True)
    # A login like wr_app: NOINHERIT, may only switch into the roles it is granted.
    psql("postgres", f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{TEST_LOGIN}') "
                     f"THEN CREATE ROLE {TEST_LOGIN} LOGIN NOINHERIT; END IF; END $$")
    psql("postgres", f"GRANT wr_director, wr_overview TO {TEST_LOGIN}")
    psql(name, f"GRANT CONNECT ON DATABASE {name} TO {TEST_LOGIN}", user="wr_owner")
    psql(name, "SELECT demo.generate(1800, 3, 1, 11, 'reports')", user="wr_owner")
    yield name
    psql("postgres", f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def owner(database):
    with connect(database, "wr_owner") as conn:
        yield conn


@pytest.fixture(scope="session")
def director_login(database):
    with connect(database, TEST_LOGIN) as conn:
        yield conn
