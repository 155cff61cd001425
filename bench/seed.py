#!/usr/bin/env python3
"""Seed a Maildir with realistic unit mail for the benchmarks.

Each mail is one of the fixtures (fixtures/classify, fixtures/holdout: plans, reports,
replies, forwards, questions, automated mail) with a fresh Message-ID and, for mail from a
person, a fresh sender address (so acknowledgements are not capped per recipient). Mail is
padded to a target size with a fake base64 JPEG attachment: the original message becomes
the first part of a multipart/mixed, as a mail client sends a report with photos.

Size mix (the default): 89 % 2-50 KB (log-uniform), 10 % 0.3-2 MB, 1 % 3-5 MB; mail over
50 KB is a report (80 %) or other mail (20 %), since that is what carries photos.

Files are written straight into DIR/new/ (the caller chowns them for Dovecot), which is two
orders of magnitude faster than IMAP APPEND. A manifest (one line per mail: message-id,
kind, size, fixture) is written with --manifest.

    bench/seed.py --maildir MAILDIR --n 10000 [--seed 1] [--tag run1] [--manifest FILE]
    bench/seed.py --maildir MAILDIR --big-mb 100      # one report with a video attachment
"""

import argparse
import base64
import json
import os
import random
import re
import socket
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OFFICE = b"43347867@qq.com"


def load_fixtures():
    out = []
    for d in ("fixtures/classify", "fixtures/holdout"):
        for eml in sorted((ROOT / d).glob("*.eml")):
            meta = json.loads(eml.with_suffix(".json").read_text())
            raw = eml.read_bytes()
            out.append(
                {
                    "name": eml.name,
                    "raw": raw,
                    "kind": meta.get("kind", "other"),
                    "automated": bool(meta.get("automated")),
                }
            )
    if not out:
        sys.exit("seed.py: no fixtures found under fixtures/")
    return out


def split_message(raw):
    """(header lines as list of logical headers [bytes with folds], eol, body)."""
    eol = b"\r\n" if b"\r\n" in raw[:4096] else b"\n"
    sep = eol + eol
    i = raw.find(sep)
    if i < 0:
        return [], eol, raw
    head, body = raw[:i], raw[i + len(sep):]
    headers = []
    for line in head.split(eol):
        if line[:1] in (b" ", b"\t") and headers:
            headers[-1] += eol + line
        else:
            headers.append(line)
    return headers, eol, body


def hname(h):
    return h.split(b":", 1)[0].strip().lower()


ADDR = re.compile(rb"<([^<>@\s]+)@([^<>\s]+)>|(?<![<\w.+-])([\w.+-]+)@([\w.-]+\w)")


def fresh_address(header, i, tag):
    """Rewrites the address in a From/Reply-To header to a per-mail one, keeping the name."""

    def repl(m):
        if m.group(1) is not None:
            return b"<%s.%sx%d@%s>" % (m.group(1), tag, i, m.group(2))
        return b"%s.%sx%d@%s" % (m.group(3), tag, i, m.group(4))

    name, value = header.split(b":", 1)
    return name + b":" + ADDR.sub(repl, value, count=1)


def is_person(fx, headers):
    if fx["automated"]:
        return False
    for h in headers:
        if hname(h) == b"from":
            v = h.lower()
            if OFFICE in v or b"daemon" in v or b"postmaster" in v or b"noreply" in v:
                return False
    return True


class JpegPool:
    """Pre-encoded base64 lines of random bytes; an attachment is a run of whole lines."""

    def __init__(self, rng, mb=6):
        data = rng.randbytes(mb * 1024 * 1024)
        rows = [data[k:k + 57] for k in range(0, len(data) - 56, 57)]
        self.lines = [base64.b64encode(r) for r in rows]
        hdr = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00"
        self.head = base64.b64encode((hdr + bytes(57))[:57])
        self.tail = base64.b64encode(b"\xff\xd9")

    def lines_for(self, nbytes, rng):
        n = max(1, nbytes // 78)
        n = min(n, len(self.lines) - 1)
        start = rng.randrange(0, len(self.lines) - n)
        return [self.head] + self.lines[start:start + n] + [self.tail]


def encoded_name(s):
    return b"=?UTF-8?B?" + base64.b64encode(s.encode()) + b"?="


def with_attachments(headers, eol, body, target, pool, rng, i, ctype=b"image/jpeg", stem="现场照片", ext="jpg"):
    """Wraps the message as multipart/mixed with fake attachments up to `target` bytes."""
    boundary = b"----=_BenchPart_%d_%08x" % (i, rng.getrandbits(32))
    top, inner = [], []
    for h in headers:
        if hname(h) in (b"content-type", b"content-transfer-encoding"):
            inner.append(h)
        elif hname(h) == b"mime-version":
            continue
        else:
            top.append(h)
    if not any(hname(h) == b"content-type" for h in inner):
        inner.append(b"Content-Type: text/plain; charset=us-ascii")
    top += [b"MIME-Version: 1.0", b'Content-Type: multipart/mixed; boundary="' + boundary + b'"']
    parts = [eol.join(top), b"", b"This is a multi-part message in MIME format.", b"--" + boundary]
    parts += inner + [b""]
    out = [eol.join(parts) + eol + body + eol]
    have = len(out[0])
    k = 0
    # One to four photos, similar sizes.
    count = 1 if target - have < 400_000 or ctype != b"image/jpeg" else rng.randint(1, 4)
    each = max(1024, (target - have) // count)
    for k in range(count):
        name = encoded_name(f"{stem}{k + 1}.{ext}")
        lines = pool.lines_for(each, rng)
        part = eol.join(
            [
                b"--" + boundary,
                b"Content-Type: " + ctype + b'; name="' + name + b'"',
                b"Content-Transfer-Encoding: base64",
                b'Content-Disposition: attachment; filename="' + name + b'"',
                b"",
            ]
            + lines
        ) + eol
        out.append(part)
    out.append(b"--" + boundary + b"--" + eol)
    return b"".join(out)


def target_size(rng):
    r = rng.random()
    if r < 0.01:
        return rng.randint(3_000_000, 5_000_000)
    if r < 0.11:
        return rng.randint(300_000, 2_000_000)
    return int(2048 * (50 * 1024 / 2048) ** rng.random())


def make_mail(fx, i, tag, target, pool, rng, video=False):
    headers, eol, body = split_message(fx["raw"])
    mid = b"<bench.%s.%d.%08x@bench.themeday.test>" % (tag.encode(), i, rng.getrandbits(32))
    person = is_person(fx, headers)
    new = []
    seen_mid = False
    for h in headers:
        n = hname(h)
        if n == b"message-id":
            new.append(b"Message-ID: " + mid)
            seen_mid = True
        elif person and n in (b"from", b"reply-to"):
            new.append(fresh_address(h, i, tag.encode()))
        else:
            new.append(h)
    if not seen_mid:
        new.append(b"Message-ID: " + mid)
    plain = eol.join(new) + eol + eol + body
    if target > len(plain) + 1024:
        if video:
            raw = with_attachments(new, eol, body, target, pool, rng, i, b"video/mp4", "活动现场视频", "mp4")
        else:
            raw = with_attachments(new, eol, body, target, pool, rng, i)
    else:
        raw = plain
    return raw, mid.decode()


def write_maildir(md, i, raw):
    for sub in ("new", "cur", "tmp"):
        (md / sub).mkdir(parents=True, exist_ok=True)
    name = "%d.M%dP%d.bench,S=%d" % (1_600_000_000 + i, i, os.getpid(), len(raw))
    tmp = md / "tmp" / name
    with open(tmp, "wb") as f:
        f.write(raw)
    os.rename(tmp, md / "new" / name)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--maildir", required=True, type=Path)
    ap.add_argument("--n", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--tag", default="r%d" % int(time.time()))
    ap.add_argument("--manifest", type=Path)
    ap.add_argument("--big-mb", type=float, help="write one report of this many MB (video attachment) instead")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    fixtures = load_fixtures()
    by_kind = {}
    for fx in fixtures:
        by_kind.setdefault(fx["kind"], []).append(fx)
    pool = JpegPool(rng, mb=6 if not a.big_mb else 8)
    manifest = []
    total = 0
    if a.big_mb:
        fx = next(f for f in fixtures if "report-photos" in f["name"])
        # The pool holds 8 MB; a 100 MB video is many runs of it.
        target = int(a.big_mb * 1_000_000)
        pool.lines = pool.lines * (target // (len(pool.lines) * 78) + 2)
        raw, mid = make_mail(fx, 0, a.tag, target, pool, rng, video=True)
        write_maildir(a.maildir, 0, raw)
        manifest.append((mid, fx["kind"], len(raw), fx["name"]))
        total = len(raw)
    else:
        for i in range(a.n):
            target = target_size(rng)
            if target > 50 * 1024:
                fx = rng.choice(by_kind["report"] if rng.random() < 0.8 else by_kind["other"])
            else:
                fx = rng.choice(fixtures)
            raw, mid = make_mail(fx, i, a.tag, target, pool, rng)
            write_maildir(a.maildir, i, raw)
            manifest.append((mid, fx["kind"], len(raw), fx["name"]))
            total += len(raw)
    if a.manifest:
        with open(a.manifest, "w") as f:
            for row in manifest:
                f.write("\t".join(str(x) for x in row) + "\n")
    kinds = {}
    for _, k, _, _ in manifest:
        kinds[k] = kinds.get(k, 0) + 1
    print(
        "seeded %d mails, %.1f MB (%s) into %s"
        % (len(manifest), total / 1e6, ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())), a.maildir),
        file=sys.stderr,
    )
    print(total)


if __name__ == "__main__":
    main()
