"""pytest fixtures for the OpenID Connect providers, for Tests/oidc and Tests/browser.

Use them by importing the names into a conftest (Tests/oidc is put on sys.path first):

    sys.path.append(os.path.join(ROOT, "Tests", "oidc"))
    from fixtures import lemonldap_factory, lemonldap_session_factory, scripted_provider  # noqa: F401
    from lemonldap import User, Client

    def test_x(lemonldap_factory):
        lm = lemonldap_factory(users=[User(...)], clients=[Client(...)])   # started
    def test_y(scripted_provider):
        provider = scripted_provider("wr-test", "secret", "http://127.0.0.1:P/auth/oidc/callback")

Everything a factory started is stopped (and its files removed) when the test ends.
"""
import os

import pytest

from lemonldap import LemonLDAP
from scripted_provider import ScriptedProvider


def _workdir(tmp_path_factory):
    # `make test` gives one work directory to every phase; a bare pytest run gets pytest's own.
    base = os.environ.get("WR_TEST_WORKDIR")
    return base if base and os.path.isdir(base) else str(tmp_path_factory.mktemp("oidc"))


def _lemonldap_factory(workdir):
    started = []

    def make(users, clients, **options):
        provider = LemonLDAP(workdir, users=users, clients=clients, **options)
        started.append(provider)
        provider.start()
        return provider

    return make, started


@pytest.fixture
def lemonldap_factory(tmp_path_factory):
    """`make(users, clients, **options)` starts a LemonLDAP::NG portal (see lemonldap.LemonLDAP) and
    returns it started; all are stopped at the test's end."""
    make, started = _lemonldap_factory(_workdir(tmp_path_factory))
    yield make
    for provider in reversed(started):
        provider.stop()


@pytest.fixture(scope="session")
def lemonldap_session_factory(tmp_path_factory):
    """The same for portals shared by several tests (a module- or session-scoped fixture of the
    suite builds on it); stopped at the end of the pytest session."""
    make, started = _lemonldap_factory(_workdir(tmp_path_factory))
    yield make
    for provider in reversed(started):
        provider.stop()


@pytest.fixture
def scripted_provider():
    """`make(client_id, secret, redirect_uri, post_logout_uris=(), **options)` starts a
    scripted_provider.ScriptedProvider and returns it started; all are stopped at the test's end."""
    started = []

    def make(client_id, secret, redirect_uri, post_logout_uris=(), **options):
        provider = ScriptedProvider(client_id, secret, redirect_uri, post_logout_uris, **options)
        started.append(provider)
        provider.start()
        return provider

    yield make
    for provider in reversed(started):
        provider.stop()
