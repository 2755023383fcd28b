"""Reminders by e-mail: `kiemdem serve --smtp HOST:PORT` hands each reminder of the completeness
board to an SMTP relay for the reporters and approvers of the reminded unit that have an address,
besides the app's own list. The relay here is a small SMTP server in this process that keeps what
it receives and can be told to refuse; the server runs on SQLite (the mail does not touch the
database beyond reading the users).

  pytest-3 tests/api/mail_test.py --kiemdem build/release/src/cli/kiemdem"""
import email
import email.policy
import socketserver
import sqlite3
import threading

import pytest

from server import Server

PUBLIC_URL = "https://kiemdem.thanhpho.example.vn"


class Relay(socketserver.ThreadingTCPServer):
    """An SMTP server on a free loopback port that keeps each message as (sender, recipients, bytes).
    `refuse` = "greeting" answers 554 on connecting, "recipient" 550 to every RCPT."""
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), RelayHandler)
        self.messages, self.refuse, self.lock = [], None, threading.Lock()
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def port(self):
        return self.server_address[1]

    def received(self):
        with self.lock:
            return list(self.messages)


class RelayHandler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        relay = self.server
        if relay.refuse == "greeting":
            self.reply("554 no service here")
            return
        self.reply("220 relay.example.vn ESMTP")
        sender, recipients = None, []
        while True:
            line = self.rfile.readline(4096)
            if not line:
                return
            verb = line.decode("ascii", "replace").strip()
            upper = verb.upper()
            if upper.startswith("EHLO"):
                self.wfile.write(b"250-relay.example.vn\r\n250-8BITMIME\r\n250 SIZE 10240000\r\n")
            elif upper.startswith("HELO"):
                self.reply("250 relay.example.vn")
            elif upper.startswith("MAIL FROM:"):
                sender, recipients = verb[10:].strip(), []
                self.reply("250 OK")
            elif upper.startswith("RCPT TO:"):
                if relay.refuse == "recipient":
                    self.reply("550 5.1.1 mailbox unavailable")
                else:
                    recipients.append(verb[8:].strip().strip("<>"))
                    self.reply("250 OK")
            elif upper == "DATA":
                self.reply("354 end with .")
                data = b""
                while True:
                    chunk = self.rfile.readline(1 << 20)
                    if chunk in (b".\r\n", b""):
                        break
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                with relay.lock:
                    relay.messages.append((sender, recipients, data))
                self.reply("250 OK queued")
            elif upper == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 OK")


@pytest.fixture(scope="module")
def relay():
    r = Relay()
    yield r
    r.shutdown()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(tmp_path_factory.mktemp("mail") / "mail.db")


@pytest.fixture(scope="module")
def server(kiemdem, db, relay):
    s = Server(kiemdem, db, args=["--smtp", f"127.0.0.1:{relay.port}", "--smtp-from", "nhac-bao-cao@hanoi.gov.vn",
                                  "--public-url", PUBLIC_URL])
    yield s
    s.stop()


def parsed(data):
    return email.message_from_bytes(data, policy=email.policy.default)


def mails_to(relay, address):
    return [(s, r, parsed(d)) for s, r, d in relay.received() if address in r]


def test_a_late_ward_reporter_gets_the_reminder_by_email(w, relay):
    (late, _), (quiet, _) = w.ward(), w.ward()
    appr = w.user(("approver", w.city))
    lan = w.user(("reporter", late))
    # An address given when the user is made, and one set afterwards; a reporter without one gets none.
    status, body = w.api(w.admin, "POST", "/users", {"username": f"mai.{lan.name}", "password": "mật khẩu dài 1",
                                                     "email": "mai.tran@phuong.hanoi.gov.vn",
                                                     "roles": [{"role": "approver", "unit": late}]})
    assert status == 201 and body["email"] == "mai.tran@phuong.hanoi.gov.vn", body
    status, body = w.api(w.admin, "PUT", f"/users/{lan.name}/email", {"email": "lan.nguyen@phuong.hanoi.gov.vn"})
    assert status == 200 and body["email"] == "lan.nguyen@phuong.hanoi.gov.vn", body
    w.user(("reporter", quiet))  # no address

    before = len(relay.received())
    status, r = w.api(appr, "POST", "/completeness/reminders?on=27/04/2026", {"unit": w.city, "period": "2026-04"})
    assert status == 201, r
    item = next(i for i in r["items"] if i["unit"]["id"] == late)
    assert sorted(item["emailed_to"]) == ["lan.nguyen@phuong.hanoi.gov.vn", "mai.tran@phuong.hanoi.gov.vn"], item
    assert item["email_error"] is None, item
    assert next(i for i in r["items"] if i["unit"]["id"] == quiet)["emailed_to"] == []
    assert r["email"]["relay"] and r["email"]["failed"] == 0 and r["email"]["sent"] >= 1, r["email"]
    assert r["email"]["without_address"] >= 1, r["email"]

    got = mails_to(relay, "lan.nguyen@phuong.hanoi.gov.vn")
    assert len(got) == 1 and len(relay.received()) > before, relay.received()[-3:]
    sender, recipients, m = got[0]
    assert sender == "<nhac-bao-cao@hanoi.gov.vn>" and sorted(recipients) == sorted(item["emailed_to"]), got[0][:2]
    ward_name = item["unit"]["full_name"]
    assert m["Subject"] == f"Nhắc báo cáo tháng 4/2026 — {ward_name} (Thành phố Hà Nội)", m["Subject"]
    assert m["Auto-Submitted"] == "auto-generated" and m["Message-ID"], dict(m)
    text = m.get_content()
    assert f"Kính gửi {ward_name} (Thành phố Hà Nội)," in text, text
    assert "báo cáo tháng 4/2026 của đơn vị đã quá hạn gửi (hạn gửi 25/04/2026)" in text, text
    assert "Tình trạng hiện nay: Chưa báo cáo, 0/" in text, text
    assert f"{PUBLIC_URL}/#/entry?unit={late}&period=2026-04" in text, text
    # The reporter's list in the app has the reminder as before.
    status, mine = w.api(lan, "GET", "/reminders")
    assert [i for i in mine["items"] if i["period"]["key"] == "2026-04" and i["unit"]["id"] == late], mine


def test_a_relay_that_refuses_loses_no_reminder_and_says_why(w, relay):
    (late, _) = w.ward()
    appr = w.user(("approver", w.city))
    rep = w.user(("reporter", late))
    assert w.api(w.admin, "PUT", f"/users/{rep.name}/email", {"email": "to.dan@phuong.hanoi.gov.vn"})[0] == 200
    for refuse, said in [("greeting", "554"), ("recipient", "550")]:
        relay.refuse = refuse
        try:
            status, r = w.api(appr, "POST", "/completeness/reminders?on=27/05/2026", {"unit": w.city,
                                                                                   "period": "2026-05"})
        finally:
            relay.refuse = None
        assert status == 201, r
        item = next(i for i in r["items"] if i["unit"]["id"] == late)
        assert item["emailed_to"] == [] and f"máy chủ thư 127.0.0.1:{relay.port} không nhận thư" in item["email_error"], item
        assert r["email"]["failed"] >= 1 and r["email"]["sent"] == 0, r["email"]
        assert any(said in i["email_error"] for i in r["items"] if i["email_error"]), r["items"][:2]
        status, mine = w.api(rep, "GET", "/reminders")
        assert [i for i in mine["items"] if i["period"]["key"] == "2026-05"], "the reminder is kept in the app"
    assert not mails_to(relay, "to.dan@phuong.hanoi.gov.vn")
    # The relay is back: the next reminder goes.
    status, r = w.api(appr, "POST", "/completeness/reminders?on=28/05/2026", {"unit": w.city, "period": "2026-05"})
    assert status == 201 and r["email"]["failed"] == 0, r["email"]
    assert len(mails_to(relay, "to.dan@phuong.hanoi.gov.vn")) == 1


def test_an_address_that_could_add_a_recipient_is_refused(w):
    u = w.user(("viewer", w.city))
    for bad in ["lan@phuong.vn\r\nBcc: all@tinh.vn", "lan@phuong.vn, chi@tinh.vn", "lan.phuong.vn"]:
        status, r = w.api(w.admin, "PUT", f"/users/{u.name}/email", {"email": bad})
        assert status == 400 and r["error"]["field"] == "email", r
        assert "không phải địa chỉ e-mail" in r["error"]["message"], r
        status, r = w.api(w.admin, "POST", "/users", {"username": "x" + u.name, "password": "mật khẩu dài 2",
                                                      "email": bad})
        assert status == 400 and r["error"]["field"] == "email", r
    status, users = w.api(w.admin, "GET", "/users?page_size=500")
    assert next(x for x in users["items"] if x["username"] == u.name)["email"] == ""
    assert not [x for x in users["items"] if x["username"] == "x" + u.name]
    # Only an administrator sets an address; the change is in the audit log with the old one.
    assert w.api(u, "PUT", f"/users/{u.name}/email", {"email": "a@b.vn"})[0] == 403
    assert w.api(w.admin, "PUT", f"/users/{u.name}/email", {"email": "a@b.vn"})[0] == 200
    assert w.api(w.admin, "PUT", f"/users/{u.name}/email", {"email": "a@b.vn"})[0] == 200  # unchanged: no row
    with sqlite3.connect(w.db) as con:
        rows = con.execute("SELECT actor, old_value, new_value FROM audit_log WHERE action = 'email' AND "
                           "entity_id = ?", (u.name,)).fetchall()
    assert rows == [("admin", '{"email": ""}', '{"email": "a@b.vn"}')], rows
    assert w.api(w.admin, "PUT", "/users/nobody.here/email", {"email": "a@b.vn"})[0] == 404
    r = w.cli("user", "email", u.name, "lan.tran@phuong.hanoi.gov.vn")
    assert r.returncode == 0 and "lan.tran@phuong.hanoi.gov.vn" in r.stdout, r
    assert w.cli("user", "email", u.name, "lan tran").returncode != 0
    assert w.api(w.admin, "PUT", f"/users/{u.name}/email", {"email": "a@b.vn"})[0] == 200
    r = w.cli("user", "list")
    assert f"{u.name}\t" in r.stdout and "<a@b.vn>" in next(l for l in r.stdout.splitlines() if l.startswith(u.name))

