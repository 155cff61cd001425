#!/usr/bin/env python3
"""The baseline: what an office IT helper would write with the standard library.

imaplib + email: log in, EXAMINE INBOX, fetch every message (UID FETCH BODY.PEEK[] in batches
of 100), decode subject and sender and the text parts (with their charsets), and classify by
keyword: plan when 方案 is in the subject or body, report when 报告/总结/新闻稿 is, else
other. Nothing is stored. Prints one line:
`messages=N bytes=B seconds=S mails_per_s=R plan=P report=Q other=O`.

    bench/baseline.py HOST PORT USER PASSWORD
"""

import email
import email.policy
import imaplib
import re
import sys
import time


def text_of(msg):
    out = []
    for part in msg.walk():
        if part.get_content_maintype() != "text" or part.get_filename():
            continue
        payload = part.get_payload(decode=True) or b""
        charset = part.get_content_charset() or "utf-8"
        try:
            s = payload.decode(charset, errors="replace")
        except LookupError:
            s = payload.decode("gb18030", errors="replace")
        if part.get_content_subtype() == "html":
            s = re.sub(r"<[^>]+>", " ", s)
        out.append(s)
    return "\n".join(out)


def header(msg, name):
    try:
        return str(msg.get(name, "") or "")
    except Exception:  # a malformed encoded word
        return ""


def classify(subject, body):
    text = subject + "\n" + body
    if "方案" in text:
        return "plan"
    if any(k in text for k in ("报告", "总结", "新闻稿")):
        return "report"
    return "other"


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    host, port, user, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    started = time.monotonic()
    imap = imaplib.IMAP4(host, port)
    imap.login(user, password)
    imap.select("INBOX", readonly=True)
    typ, data = imap.uid("SEARCH", None, "ALL")
    uids = data[0].split()
    counts = {"plan": 0, "report": 0, "other": 0}
    n = nbytes = 0
    for k in range(0, len(uids), 100):
        chunk = b",".join(uids[k:k + 100]).decode()
        typ, data = imap.uid("FETCH", chunk, "(BODY.PEEK[])")
        for item in data:
            if not isinstance(item, tuple):
                continue
            raw = item[1]
            msg = email.message_from_bytes(raw, policy=email.policy.default)
            subject = header(msg, "Subject")
            _sender = header(msg, "From")
            body = text_of(msg)
            counts[classify(subject, body)] += 1
            n += 1
            nbytes += len(raw)
    imap.logout()
    secs = time.monotonic() - started
    print(
        "messages=%d bytes=%d seconds=%.3f mails_per_s=%.1f plan=%d report=%d other=%d"
        % (n, nbytes, secs, n / secs, counts["plan"], counts["report"], counts["other"])
    )


if __name__ == "__main__":
    main()
