#!/usr/bin/env python3
"""End-to-end smoke test of scripts/mail-servers (Python 3 stdlib only, run as root).

    python3 scripts/smoke-mail-servers.py [--keep]

Starts Dovecot + OpenSMTPD in temp dirs, sends mail over plain SMTP, reads it back over IMAP / IMAP+STARTTLS / IMAPS (trusting only the
throw-away CA, hostname 127.0.0.1 verified), checks IDLE, stop/start of each
server (queued mail delivered, UIDVALIDITY kept), and that a second `start`
in another DIR takes OpenSMTPD over cleanly. Exits non-zero on any failure.
"""

import email
import email.header
import email.policy
import imaplib
import os
import re
import shutil
import smtplib
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import uuid
from email.message import EmailMessage
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "mail-servers"
TIMEOUT = 10.0
CN_SUBJECT = "主题日测试：你好，世界 🎉"
CN_BODY = "这是一封测试邮件。\n第二行：中文内容，含 emoji 📬。\n"
TIMINGS: list[float] = []
CHECKS = 0


def ok(msg: str) -> None:
    global CHECKS
    CHECKS += 1
    print(f"ok   {msg}", flush=True)


def check(cond: bool, msg: str) -> None:
    if not cond:
        raise AssertionError(msg)
    ok(msg)


def ms(*args: str, check_rc: bool = True, env: dict | None = None) -> subprocess.CompletedProcess:
    p = subprocess.run(
        [str(SCRIPT), *args], capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )
    if check_rc and p.returncode != 0:
        raise AssertionError(
            f"mail-servers {' '.join(args)} failed rc={p.returncode}\n"
            f"stdout:\n{p.stdout}\nstderr:\n{p.stderr}")
    return p


def start(d: Path, env: dict | None = None) -> dict:
    t0 = time.monotonic()
    p = ms("start", str(d), env=env)
    dt = time.monotonic() - t0
    TIMINGS.append(dt)
    printed = dict(line.split("=", 1) for line in p.stdout.splitlines() if "=" in line)
    from_file = dict(line.split("=", 1) for line in (d / "env").read_text().splitlines() if line)
    check(printed == from_file, f"start {d.name}: stdout == DIR/env ({dt:.2f}s)")
    want = {"IMAP_PORT", "IMAPS_PORT", "LMTP_PORT", "SMTP_PORT", "CA_FILE", "MAIL_ROOT", "PASSWORD"}
    check(set(printed) == want, f"env keys {sorted(printed)}")
    return printed


def refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        return False
    except ConnectionRefusedError:
        return True


def tls_ctx(env: dict) -> ssl.SSLContext:
    ctx = ssl.create_default_context(cafile=env["CA_FILE"])  # only our CA is trusted
    ctx.check_hostname = True
    return ctx


def make_mail(to: str, subject: str, body: str, cte: str | None = None) -> EmailMessage:
    m = EmailMessage()
    m["From"] = "bot-tester@sender.test"
    m["To"] = to
    m["Subject"] = subject
    m["Message-ID"] = f"<{uuid.uuid4().hex}@smoke.test>"
    if cte:
        m.set_content(body, charset="utf-8", cte=cte)
    else:
        m.set_content(body)
    return m


def send(env: dict, msg: EmailMessage) -> None:
    with smtplib.SMTP("127.0.0.1", int(env["SMTP_PORT"]), timeout=TIMEOUT) as s:
        s.ehlo("smoke.test")
        # OpenSMTPD 6.8 + OpenSSL 3 (Debian 12) cannot do server TLS: it must not offer it.
        if s.has_extn("starttls"):
            raise AssertionError("SMTP offers STARTTLS, which is broken in Debian 12's OpenSMTPD")
        data = msg.as_bytes(policy=email.policy.SMTP)
        s.sendmail(msg["From"], [msg["To"]], data, mail_options=["BODY=8BITMIME"])


def imap_login(env: dict, user: str, mode: str = "plain") -> imaplib.IMAP4:
    if mode == "imaps":
        c = imaplib.IMAP4_SSL("127.0.0.1", int(env["IMAPS_PORT"]), ssl_context=tls_ctx(env), timeout=TIMEOUT)
    else:
        c = imaplib.IMAP4("127.0.0.1", int(env["IMAP_PORT"]), timeout=TIMEOUT)
        if mode == "starttls":
            c.starttls(ssl_context=tls_ctx(env))
    c.login(user, env["PASSWORD"])
    return c


def inbox(env: dict, user: str, mode: str = "plain") -> tuple[int, list[email.message.EmailMessage]]:
    """(UIDVALIDITY, parsed messages) of user's INBOX."""
    c = imap_login(env, user, mode)
    try:
        typ, _ = c.select("INBOX", readonly=True)
        assert typ == "OK"
        uidvalidity = int(c.untagged_responses["UIDVALIDITY"][0])
        typ, data = c.uid("SEARCH", None, "ALL")
        uids = data[0].split()
        msgs = []
        for uid in uids:
            typ, data = c.uid("FETCH", uid, "(BODY.PEEK[])")
            msgs.append(email.message_from_bytes(data[0][1], policy=email.policy.default))
        return uidvalidity, msgs
    finally:
        c.logout()


def ids(msgs) -> set[str]:
    return {m["Message-ID"] for m in msgs}


def wait_inbox(env: dict, user: str, n: int, timeout: float = TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        uv, msgs = inbox(env, user)
        if len(msgs) >= n or time.monotonic() > deadline:
            return uv, msgs
        time.sleep(0.1)


def idle_sees_new_mail(env: dict, user: str) -> bool:
    """Raw IDLE (imaplib has none before 3.14): EXISTS must arrive after a delivery."""
    c = imap_login(env, user)
    try:
        c.select("INBOX")
        tag = c._new_tag().decode()
        c.send(f"{tag} IDLE\r\n".encode())
        line = c.readline()
        if not line.startswith(b"+"):
            raise AssertionError(f"IDLE not accepted: {line!r}")
        send(env, make_mail(user, "idle wake-up", "ping\n"))
        c.sock.settimeout(TIMEOUT)
        while True:
            line = c.readline()
            if not line:
                return False
            if re.match(rb"\* \d+ EXISTS", line):
                c.send(b"DONE\r\n")
                while not c.readline().startswith(tag.encode()):
                    pass
                return True
    finally:
        try:
            c.logout()
        except Exception:
            pass


def main() -> int:
    keep = "--keep" in sys.argv
    if os.geteuid() != 0:
        print("must run as root", file=sys.stderr)
        return 2
    p = ms("install")
    check(p.stdout == "" and p.stderr == "", "install is idempotent and quiet")

    root = Path(tempfile.mkdtemp(prefix="smoke-mail-"))  # 0700, like Rust tempdirs
    dirs = [root / "a", root / "b", root / "c", root / "d"]
    try:
        run(dirs)
    except BaseException:
        for d in dirs:
            for log in ("dovecot.log", "smtpd.log"):
                f = d / log
                if f.exists():
                    print(f"----- {f} (tail) -----", file=sys.stderr)
                    print("".join(f.read_text(errors="replace").splitlines(True)[-25:]), file=sys.stderr)
        raise
    finally:
        for d in dirs:
            if (d / "env").exists():
                ms("stop", str(d), check_rc=False)
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
    print(f"start times: {', '.join(f'{t:.2f}s' for t in TIMINGS)}")
    print(f"{CHECKS} passed, 0 failed")
    return 0


def run(dirs: list[Path]) -> None:
    a, b, c, d = dirs
    env = start(a)
    p = ms("status", str(a))
    check(p.returncode == 0, "status: both up")

    office, unit = "office@themeday.test", "unit1@qq.test"
    m1 = make_mail(office, "Plain ASCII subject", "Hello office.\n")
    m2 = make_mail(unit, CN_SUBJECT, CN_BODY, cte="base64")
    m3 = make_mail(office, "8bit body: Grüße", "Zeile mit Umlauten: äöü ß und 中文\n", cte="8bit")
    send(env, m1)
    send(env, m2)
    send(env, m3)
    ok("sent 3 mails over plain SMTP (STARTTLS not offered)")

    _, got_office = wait_inbox(env, office, 2)
    uv_unit, got_unit = wait_inbox(env, unit, 1)
    check(ids(got_office) == ids([m1, m3]), f"{office} INBOX holds exactly its 2 mails")
    check(ids(got_unit) == ids([m2]), f"{unit} INBOX holds exactly its 1 mail")
    cn = got_unit[0]
    check(str(cn["Subject"]) == CN_SUBJECT, f"Chinese subject decoded: {cn['Subject']}")
    check(cn.get_content().replace("\r\n", "\n") == CN_BODY and cn["Content-Transfer-Encoding"] == "base64",
          "base64 UTF-8 body intact")
    eight = next(m for m in got_office if m["Message-ID"] == m3["Message-ID"])
    check(eight["Content-Transfer-Encoding"] == "8bit" and eight.get_content().replace("\r\n", "\n") == "Zeile mit Umlauten: äöü ß und 中文\n", "8bit UTF-8 body intact")
    check((Path(env["MAIL_ROOT"]) / "qq.test" / "unit1" / "Maildir").is_dir(),
          "Maildir at MAIL_ROOT/<domain>/<local>/Maildir")

    _, via_tls = inbox(env, unit, "imaps")
    check(ids(via_tls) == ids([m2]), "IMAPS (implicit TLS, CA_FILE, hostname 127.0.0.1) works")
    _, via_starttls = inbox(env, office, "starttls")
    check(ids(via_starttls) == ids([m1, m3]), "IMAP STARTTLS on plain port works")

    cl = imap_login(env, office)
    caps = cl.capabilities
    cl.logout()
    check("IDLE" in caps, f"IDLE in CAPABILITY {caps}")
    check(idle_sees_new_mail(env, "idler@themeday.test"), "IDLE reports new mail (EXISTS)")

    # --- SMTP down/up (outbox retry)
    ms("stop-smtp", str(a))
    check(refused(int(env["SMTP_PORT"])), "stop-smtp: SMTP connection refused")
    check(ms("status", str(a), check_rc=False).returncode != 0, "status non-zero while SMTP down")
    ms("stop-smtp", str(a))
    ok("stop-smtp idempotent")
    ms("start-smtp", str(a))
    m4 = make_mail(office, "after smtp restart", "back\n")
    send(env, m4)
    _, got = wait_inbox(env, office, 3)
    check(ids(got) == ids([m1, m3, m4]), "start-smtp: new mail delivered")

    # --- IMAP down/up: mail kept, UIDVALIDITY kept, queued mail delivered
    uv_before, _ = inbox(env, unit)
    ms("stop-imap", str(a))
    for k in ("IMAP_PORT", "IMAPS_PORT", "LMTP_PORT"):
        check(refused(int(env[k])), f"stop-imap: {k} refused")
    m5 = make_mail(unit, "queued while dovecot down", "queued\n")
    send(env, m5)  # accepted by smtpd, LMTP delivery tempfails -> queue
    ok("SMTP accepts mail while Dovecot is down")
    t0 = time.monotonic()
    ms("start-imap", str(a))
    uv_after, got = wait_inbox(env, unit, 2)
    dt = time.monotonic() - t0
    check(uv_after == uv_before == uv_unit, f"UIDVALIDITY kept across restart ({uv_after})")
    check(ids(got) == ids([m2, m5]), f"queued mail delivered after start-imap ({dt:.2f}s)")
    check(dt < 5, "queued mail delivered promptly (no backoff wait)")

    # --- queued mail survives an smtpd restart (stop-imap, queue, stop-smtp, start both)
    ms("stop-imap", str(a))
    m6 = make_mail(unit, "queued across smtpd restart", "queued2\n")
    send(env, m6)
    ms("stop-smtp", str(a))
    ms("start-smtp", str(a))
    ms("start-imap", str(a))
    _, got = wait_inbox(env, unit, 3)
    check(ids(got) == ids([m2, m5, m6]), "mail queued across an smtpd restart is delivered")

    # --- a second start in another DIR (with fixed ports from env) takes OpenSMTPD over
    ms("stop-imap", str(a))
    stale = make_mail(office, "stale queued mail of A", "must not reach B\n")
    send(env, stale)  # sits in A's queue
    ports = {k: str(30100 + i) for i, k in enumerate(("IMAP_PORT", "IMAPS_PORT", "LMTP_PORT", "SMTP_PORT"))}
    if any(not refused(int(v)) for v in ports.values()):
        ports = {}
    env_b = start(b, env=ports)
    if ports:
        check(all(env_b[k] == v for k, v in ports.items()), "ports taken from env vars")
    check(refused(int(env["SMTP_PORT"])), "takeover: A's SMTP port is closed")
    check(ms("status", str(b)).returncode == 0, "takeover: status of B ok")
    check(ms("status", str(a), check_rc=False).returncode != 0, "takeover: status of A not ok")
    mb = make_mail(office, "to B", "hello B\n")
    send(env_b, mb)
    _, got_b = wait_inbox(env_b, office, 1)
    time.sleep(0.5)
    _, got_b = inbox(env_b, office)
    check(ids(got_b) == ids([mb]), "B delivers into B only; A's stale queue was purged")
    ms("stop", str(a))
    check(ms("status", str(b)).returncode == 0, "stop A leaves B's servers running")
    ms("stop", str(a))
    ok("stop idempotent")

    # --- stop B, then start C right away (fresh takeover after a clean stop)
    ms("stop", str(b))
    for k in ("IMAP_PORT", "IMAPS_PORT", "LMTP_PORT", "SMTP_PORT"):
        check(refused(int(env_b[k])), f"stop: {k} refused")
    env_c = start(c)
    mc = make_mail(unit, "to C", "hello C\n")
    send(env_c, mc)
    _, got_c = wait_inbox(env_c, unit, 1)
    check(ids(got_c) == ids([mc]), "C works after B stopped")

    # --- start D while C is fully up: D takes OpenSMTPD over, C's Dovecot stays
    env_d = start(d)
    check(refused(int(env_c["SMTP_PORT"])), "start D while C up: C's SMTP port closed")
    md = make_mail(unit, "to D", "hello D\n")
    send(env_d, md)
    _, got_d = wait_inbox(env_d, unit, 1)
    check(ids(got_d) == ids([md]), "D delivers into D")
    _, got_c = inbox(env_c, unit)
    check(ids(got_c) == ids([mc]), "C's Dovecot still serves C's mail, got nothing of D")
    t0 = time.monotonic()
    ms("stop", str(c))
    ok(f"stop C ({time.monotonic() - t0:.2f}s)")
    check(ms("status", str(d)).returncode == 0, "stop C leaves D running")
    ms("stop", str(d))


if __name__ == "__main__":
    try:
        sys.exit(main())
    except AssertionError as e:
        print(f"FAIL {e}", file=sys.stderr)
        print(f"{CHECKS} passed, 1 failed")
        sys.exit(1)
