"""The OpenID Connect providers' own tests: fixtures from fixtures.py (this directory is on sys.path
through pytest's rootdir-less `prepend` import mode)."""
from fixtures import lemonldap_factory, lemonldap_session_factory, scripted_provider  # noqa: F401
