"""pytest fixtures for the API suites: one `kiemdem serve --demo` per backend and test module
(SQLite in a temporary folder; PostgreSQL, when KIEMDEM_TEST_PG_URL names a maintenance
database, in a database of its own), and a World that signs in the administrator, checks
every response against /api/v1/openapi.json and hands out users and wards no other test uses.

  pytest-3 tests/api/api_test.py --kiemdem build/release/src/cli/kiemdem
  pytest-3 tests/api/api_test.py --kiemdem … -k "sqlite and workflow"   # one case alone"""
import itertools
import os
import subprocess
import urllib.parse

import pytest

from openapi_check import SchemaError, check, response_schema
from server import Client, Server

_databases = itertools.count(1)


def pytest_addoption(parser):
    parser.addoption("--kiemdem", required=True, help="the kiemdem program to test")


@pytest.fixture(scope="session")
def kiemdem(request):
    return os.path.abspath(request.config.getoption("--kiemdem"))


def _postgres_database(url):
    """A fresh database beside the maintenance database `url`, as a URL."""
    name = f"kiemdem_api_{os.getpid()}_{next(_databases)}"
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", f"CREATE DATABASE {name}"],
                   check=True, capture_output=True)
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def db(request, tmp_path_factory):
    """Where the module's server keeps its data: a path or a postgresql:// URL."""
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("api") / "api.db")
    url = os.environ.get("KIEMDEM_TEST_PG_URL")
    if not url:
        if os.environ.get("KIEMDEM_REQUIRE_PG"):
            pytest.fail("PostgreSQL was required (KIEMDEM_REQUIRE_PG) but KIEMDEM_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL: run under tests/integration/with-postgres.sh")
    return _postgres_database(url)


@pytest.fixture(scope="module")
def server(kiemdem, db):
    s = Server(kiemdem, db)
    yield s
    s.stop()


class World:
    """One server with the demo data, its administrator, and what a test needs to make its own data."""

    def __init__(self, server, db, kiemdem):
        self.server, self.db, self.kiemdem = server, db, kiemdem
        status, self.doc = Client(server).call("GET", "/api/v1/openapi.json")
        assert status == 200, self.doc
        self.admin = Client(server)
        status, body = self.admin.login("admin", server.password)
        assert status == 200, body
        self.city = self.unit("ha%20noi", "01")  # Thành phố Hà Nội
        status, body = self.api(self.admin, "GET", f"/units?parent={self.city}&page_size=200")
        # The wards of Hà Nội the demo data leaves empty, handed out one test at a time.
        self._wards = iter([(u["id"], u["code"]) for u in body["items"] if u["code"] != "00145"])
        self._users = itertools.count(1)

    def api(self, client, method, path, body=None, **kw):
        """Calls /api/v1`path` and fails the test if a JSON answer is not what the OpenAPI document says."""
        status, payload = client.call(method, "/api/v1" + path, body, **kw)
        if isinstance(payload, (dict, list)):
            try:
                check(payload, response_schema(self.doc, method, path, status), self.doc)
            except SchemaError as e:
                if status == 404 and "not in the OpenAPI document" in str(e):
                    check(payload, self.doc["components"]["schemas"]["Error"], self.doc)  # unknown addresses
                else:
                    pytest.fail(f"{method} {path} {status} does not match the OpenAPI document: {e}")
        return status, payload

    def unit(self, q, code, on=None):
        status, body = self.api(self.admin, "GET", f"/units?q={q}&page_size=100" + (f"&on={on}" if on else ""))
        return next(u["id"] for u in body["items"] if u["code"] == code)

    def ward(self):
        """(id, code) of a ward of Hà Nội no other test of this server has been given."""
        return next(self._wards)

    def user(self, *roles, password=None, name=None):
        """A new user with `roles` ((role, unit id or None), ...), signed in; its name is `client.name`."""
        name = name or f"u{next(self._users)}.{os.getpid()}"
        password = password or "mật khẩu " + name
        grants = [{"role": r, "unit": u} if u else {"role": r} for r, u in roles]
        status, body = self.api(self.admin, "POST", "/users", {"username": name, "password": password, "roles": grants})
        assert status == 201, body
        c = Client(self.server)
        status, body = c.login(name, password)
        assert status == 200, body
        c.name, c.password = name, password
        return c

    def cli(self, *args):
        """Runs `kiemdem --lang en ARGS --db <this server's database>`."""
        return subprocess.run([self.kiemdem, "--lang", "en", *args, "--db", self.db], capture_output=True, text=True)


@pytest.fixture(scope="module")
def w(server, db, kiemdem):
    return World(server, db, kiemdem)
