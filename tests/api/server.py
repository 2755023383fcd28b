"""Starts `kiemdem serve` on a free port for a test and talks JSON to it."""
import json
import os
import re
import subprocess
import threading
import time
import urllib.error
import urllib.request


class Server:
    def __init__(self, kiemdem, db, demo=True, env=None, args=(), preexec=None):
        args = [kiemdem, "serve", "--db", db, "--port", "0"] + (["--demo"] if demo else []) + list(args)
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                     env={**os.environ, **(env or {})}, preexec_fn=preexec)
        self.password = None
        deadline = time.time() + 120
        lines = []
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("server exited: " + "".join(lines))
            lines.append(line)
            m = re.search(r"password: (\S+)", line)
            if m:
                self.password = m.group(1)
            m = re.search(r"http://([\d.]+):(\d+)/", line)
            if m:
                self.base = f"http://{m.group(1)}:{m.group(2)}"
            if self.password and hasattr(self, "base"):
                break
            if hasattr(self, "base") and "password" not in "".join(lines) and "chạy tại" in line:
                # an existing database: no first admin printed
                time.sleep(0.1)
                break
        if not hasattr(self, "base"):
            raise RuntimeError("server did not start: " + "".join(lines))
        # Keep reading what the server writes (its log on stderr): a full pipe
        # would block it, and tests look at the lines.
        self.lines = lines
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.append(line)

    def log(self, since=0):
        """The server's output lines from index `since` on (its log lines among them)."""
        return list(self.lines[since:])

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Client:
    """A browser-like client: keeps the session cookie and sends the CSRF token."""

    def __init__(self, server, lang="vi"):
        self.server, self.cookie, self.csrf, self.token, self.lang = server, None, None, None, lang

    def call(self, method, path, body=None, raw=None, headers=None, csrf=True, content_type="application/json"):
        url = self.server.base + path
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(url, data=data, method=method)
        req.add_header("Accept-Language", self.lang)
        if data is not None:
            req.add_header("Content-Type", content_type)
        if self.cookie:
            req.add_header("Cookie", self.cookie)
        if self.token:
            req.add_header("Authorization", "Bearer " + self.token)
        if csrf and self.csrf and method != "GET":
            req.add_header("X-CSRF-Token", self.csrf)
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=120) as r:
                status, data, hdrs = r.status, r.read(), r.headers
        except urllib.error.HTTPError as e:
            status, data, hdrs = e.code, e.read(), e.headers
        self.last_headers = hdrs
        kind = hdrs.get("Content-Type", "")
        if not (kind.startswith("application/json") or kind.startswith("text/") or not kind):
            return status, data  # a file (a .docx, a PDF): its bytes
        text = data.decode()
        cookie = hdrs.get("Set-Cookie")
        if cookie and cookie.startswith("kd_session="):
            self.cookie = cookie.split(";")[0]
            self.set_cookie = cookie
        try:
            payload = json.loads(text) if text else None
        except json.JSONDecodeError:
            payload = text
        return status, payload

    def login(self, username, password):
        status, body = self.call("POST", "/api/v1/auth/login", {"username": username, "password": password})
        if status == 200:
            self.csrf = body["csrf_token"]
        return status, body
