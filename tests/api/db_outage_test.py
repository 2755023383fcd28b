"""The server on PostgreSQL while PostgreSQL goes away and comes back (issue 14, "Database faults").

PostgreSQL is stopped the hard way (`pg_ctl stop -m immediate`) under a running server. During
the outage every request that needs the database answers 503 with a Retry-After hint and a
message without the driver's text, and a correct password is never called wrong. When
PostgreSQL is started again the server reconnects by itself: existing browser sessions and API
tokens work again, and sign-in with the right password works, within seconds.

  tests/integration/with-postgres.sh pytest-3 tests/api/db_outage_test.py --kiemdem build/release/src/cli/kiemdem
"""
import os
import subprocess
import time
import urllib.parse

import pytest

from server import Client, Server

# Words of the driver or the database that must never reach a client.
DRIVER_WORDS = ("server closed", "connection to server", "libpq", "postgres", "soci", "PQ", "SQLSTATE",
                "Connection refused", "terminating")


def pg_ctl(*args):
    env = os.environ
    cmd = [os.path.join(env["KIEMDEM_TEST_PG_BIN"], "pg_ctl"), "-D", env["KIEMDEM_TEST_PG_DATA"], *args]
    if os.getuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    subprocess.run(cmd, check=True, capture_output=True, timeout=60)


def stop_postgres():
    pg_ctl("-m", "immediate", "-w", "stop")


def start_postgres():
    pg_ctl("-l", os.environ["KIEMDEM_TEST_PG_LOG"], "-w", "-o", os.environ["KIEMDEM_TEST_PG_OPTS"], "start")


@pytest.fixture(scope="module")
def pg_url():
    url = os.environ.get("KIEMDEM_TEST_PG_URL")
    if not url or "KIEMDEM_TEST_PG_DATA" not in os.environ:
        if os.environ.get("KIEMDEM_REQUIRE_PG"):
            pytest.fail("PostgreSQL was required but with-postgres.sh did not say where it is")
        pytest.skip("no PostgreSQL: run under tests/integration/with-postgres.sh")
    name = f"kiemdem_outage_{os.getpid()}"
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", f"CREATE DATABASE {name}"],
                   check=True, capture_output=True)
    parts = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(parts._replace(path="/" + name))


@pytest.fixture(scope="module")
def server(kiemdem, pg_url):
    s = Server(kiemdem, pg_url, demo=False)
    yield s
    s.stop()


def assert_unavailable(status, body, client, what):
    assert status == 503, f"{what}: {status} {body}"
    assert client.last_headers.get("Retry-After"), f"{what}: no Retry-After"
    message = body["error"]["message"]
    assert body["error"]["code"] == "unavailable", body
    for word in DRIVER_WORDS:
        assert word.lower() not in message.lower(), f"{what}: the client was shown {message!r}"
    assert body["error"]["request_id"], body


def until(predicate, seconds):
    """True once `predicate()` is, trying every 0,2 s for `seconds`."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def test_outage_answers_503_and_the_server_recovers_by_itself(server):
    admin = Client(server)
    status, body = admin.login("admin", server.password)
    assert status == 200, body
    status, body = admin.call("POST", "/api/v1/auth/tokens", {"label": "outage test"})
    assert status == 201, body
    robot = Client(server)
    robot.token = body["token"]
    status, _ = robot.call("GET", "/api/v1/users")
    assert status == 200
    mark = len(server.log())

    stop_postgres()
    try:
        # Every pooled connection is gone: each request that needs the database says so, with a
        # hint to retry, whatever state the connection it got was in (first and later requests).
        for attempt in range(3):
            status, body = admin.call("GET", "/api/v1/users")
            assert_unavailable(status, body, admin, f"GET /users #{attempt}")
            request_id = body["error"]["request_id"]
            status, body = robot.call("GET", "/api/v1/auth/tokens")
            assert_unavailable(status, body, robot, f"token GET /auth/tokens #{attempt}")
        # Neither a storage error called a wrong password, nor a lost session.
        fresh = Client(server)
        status, body = fresh.login("admin", server.password)
        assert_unavailable(status, body, fresh, "sign-in with the right password")
        status, body = fresh.login("admin", "not the password at all")
        assert_unavailable(status, body, fresh, "sign-in with a wrong password")
        # A write during the outage is refused whole, with the same answer.
        status, body = admin.call("POST", "/api/v1/auth/tokens", {"label": "during the outage"})
        assert_unavailable(status, body, admin, "POST /auth/tokens")
        # The server stays up and keeps the cause for the administrator.
        assert server.proc.poll() is None
        # (the line of the last refused GET /users: its request id, 503, and the cause).
        lines = [l for l in server.log(mark) if request_id in l]
        assert lines, "".join(server.log(mark))[-3000:]
        assert "status=503" in lines[0] and "level=error" in lines[0], lines[0]
        assert "cannot open the database" in lines[0] or "cannot be reached" in lines[0], lines[0]
    finally:
        start_postgres()

    # Back by itself, within seconds: the same session, the same token, a new sign-in.
    assert until(lambda: admin.call("GET", "/api/v1/users")[0] == 200, 15), admin.call("GET", "/api/v1/users")
    status, body = admin.call("GET", "/api/v1/auth/me")
    assert status == 200 and body["user"]["username"] == "admin", body
    status, body = robot.call("GET", "/api/v1/auth/tokens")
    assert status == 200, body
    again = Client(server)
    status, body = again.login("admin", server.password)
    assert status == 200, body
    status, body = Client(server).login("admin", "not the password at all")
    assert status == 401, body
    # Writes work again, and nothing made during the outage was half stored.
    status, body = admin.call("GET", "/api/v1/auth/tokens")
    assert status == 200
    assert [t["label"] for t in body["items"]] == ["outage test"], body
    status, body = admin.call("POST", "/api/v1/auth/tokens", {"label": "after the outage"})
    assert status == 201, body
