#!/usr/bin/env python3
"""Generate the BLIND holdout set of Chinese e-mails for the mail classifier.

Written independently of the classifier and of fixtures/classify: every mail here
is modelled on how county staff actually write to the office (43347867@qq.com) about
the 2023 "政务公开主题日" schedule (config/dongkou-2023-schedule.tsv).

Writes fixtures/holdout/hNN-short-name.eml (raw bytes, CRLF line ends) and
fixtures/holdout/hNN-short-name.json (expected decision), then re-parses every
.eml with the stdlib parser and checks that the intended evidence is present in the
decoded text.  Python 3.11 standard library only.

    python3 scripts/gen_holdout.py
"""
from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import html
import io
import json
import quopri
import re
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from email.header import decode_header, make_header
from email.utils import format_datetime
from pathlib import Path
from urllib.parse import quote as pct

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "holdout"
OFFICE = "43347867@qq.com"
CST = timezone(timedelta(hours=8))
KEYS = ["kind", "unit", "activity", "activity_date", "activity_end", "needs_review", "automated"]


# --------------------------------------------------------------------------- helpers

def dt(s: str) -> datetime:
    return datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CST)


def hdate(s: str) -> str:
    return format_datetime(dt(s))


def h8(seed: str, n: int = 8, upper: bool = False) -> str:
    x = hashlib.sha1(seed.encode()).hexdigest()
    while len(x) < n:
        x += hashlib.sha1(x.encode()).hexdigest()
    return x[:n].upper() if upper else x[:n]


def digits(seed: str, n: int) -> str:
    return "".join(str(int(c, 16) % 10) for c in h8(seed, n))


def qenc(b: bytes) -> str:
    out = []
    for c in b:
        ch = chr(c)
        if ch.isascii() and (ch.isalnum() or ch in "!*+-/"):
            out.append(ch)
        elif ch == " ":
            out.append("_")
        else:
            out.append("=%02X" % c)
    return "".join(out)


def ew(text: str, charset: str = "utf-8", enc: str = "B", limit: int = 42) -> str:
    """RFC 2047 encoded words, folded; never splits a multibyte character."""
    chunks, cur = [], ""
    for ch in text:
        if cur and len((cur + ch).encode(charset)) > limit:
            chunks.append(cur)
            cur = ch
        else:
            cur += ch
    chunks.append(cur)
    words = []
    for c in chunks:
        b = c.encode(charset)
        payload = base64.b64encode(b).decode() if enc.upper() == "B" else qenc(b)
        words.append(f"=?{charset}?{enc}?{payload}?=")
    return "\n ".join(words)


def ew1(text: str, charset: str = "utf-8") -> str:
    """One single (unfolded) B encoded word, as clients put inside quoted params."""
    return ew(text, charset, "B", limit=10**6)


def addr(name: str | None, a: str, charset: str = "utf-8", quote: bool = False) -> str:
    if not name:
        return a
    if name.isascii():
        return f'"{name}" <{a}>'
    if quote:
        return f'"{ew1(name, charset)}" <{a}>'
    return f"{ew(name, charset)} <{a}>"


class Part:
    def __init__(self, headers, body=b"", parts=None, boundary=None, preamble=None):
        self.headers = list(headers)
        self.body = body
        self.parts = parts
        self.boundary = boundary
        self.preamble = preamble


def render(p: Part) -> bytes:
    out = "".join(f"{k}: {v}\n" for k, v in p.headers).encode("ascii") + b"\n"
    if p.parts is not None:
        if p.preamble:
            out += p.preamble.encode("ascii") + b"\n"
        for c in p.parts:
            out += b"\n--" + p.boundary.encode() + b"\n" + render(c)
        out += b"\n--" + p.boundary.encode() + b"--\n"
    else:
        out += p.body
    return out


def crlf(raw: bytes) -> bytes:
    return raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def b64body(data: bytes) -> bytes:
    s = base64.b64encode(data).decode()
    return ("\n".join(s[i:i + 76] for i in range(0, len(s), 76)) + "\n").encode()


def encode_body(data: bytes, cte: str) -> bytes:
    if cte == "base64":
        return b64body(data)
    if cte == "quoted-printable":
        q = quopri.encodestring(data.replace(b"\r\n", b"\n"))
        return q if q.endswith(b"\n") else q + b"\n"
    return data if data.endswith(b"\n") else data + b"\n"  # 8bit / 7bit


def text_part(text: str, subtype: str, charset: str, cte: str, label: str | None = None) -> Part:
    data = text.encode(charset)  # strict: a char the charset cannot hold is a bug here
    lab = label or charset
    return Part([("Content-Type", f"text/{subtype};\n\tcharset={lab}"),
                 ("Content-Transfer-Encoding", cte)], encode_body(data, cte))


MIME_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "JPG": "image/jpeg",
    "jpeg": "image/jpeg",
}


def att(filename: str, data: bytes, style: str, ctype: str | None = None) -> Part:
    ext = filename.rsplit(".", 1)[-1]
    ct = ctype or MIME_TYPES.get(ext, "application/octet-stream")
    if style == "qq":  # QQ Mail: quoted gb18030 encoded word in both params
        w = ew1(filename, "gb18030")
        hs = [("Content-Type", f'application/octet-stream;\n\tcharset="gb18030";\n\tname="{w}"'),
              ("Content-Disposition", f'attachment; filename="{w}"')]
    elif style == "foxmail":
        w = ew1(filename, "GB2312")
        hs = [("Content-Type", f'{ct};\n\tname="{w}"'),
              ("Content-Disposition", f'attachment;\n\tfilename="{w}"')]
    elif style == "outlook":
        w = ew1(filename, "gb2312")
        hs = [("Content-Type", f'{ct};\n\tname="{w}"'),
              ("Content-Disposition", f'attachment;\n\tfilename="{w}"')]
    elif style == "coremail":
        w = ew1(filename, "UTF-8")
        hs = [("Content-Type", f'{ct}; name="{w}"'),
              ("Content-Disposition", f'attachment; filename="{w}"')]
    elif style == "2231":
        v = "utf-8''" + pct(filename, safe="")
        hs = [("Content-Type", f"{ct};\n\tname*={v}"),
              ("Content-Disposition", f"attachment;\n\tfilename*={v}")]
    elif style == "2231cont":
        units = re.findall(r"%[0-9A-F]{2}|.", pct(filename, safe=""))
        pieces, cur = [], ""
        for u in units:  # never cut inside a %XX triple
            if len(cur) + len(u) > 54:
                pieces.append(cur)
                cur = ""
            cur += u
        pieces.append(cur)
        params = ";\n\t".join(
            (f"filename*{n}*=utf-8''{p}" if n == 0 else f"filename*{n}*={p}")
            for n, p in enumerate(pieces))
        hs = [("Content-Type", f"{ct}"), ("Content-Disposition", f"attachment;\n\t{params}")]
    else:
        raise ValueError(style)
    hs.append(("Content-Transfer-Encoding", "base64"))
    return Part(hs, b64body(data))


# --------------------------------------------------------------------------- attachments

def docx(paras, *, creator="Administrator", created="2023-04-01T08:00:00Z", app="WPS") -> bytes:
    """Minimal valid .docx.  paras: str or list[str] (runs, as Word splits them)."""
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    body = []
    for i, p in enumerate(paras):
        runs = [p] if isinstance(p, str) else p
        ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if i == 0 else \
              '<w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>'
        rpr = ('<w:rPr><w:rFonts w:ascii="方正小标宋简体" w:eastAsia="方正小标宋简体"/>'
               '<w:sz w:val="44"/></w:rPr>') if i == 0 else \
              ('<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312"/>'
               '<w:sz w:val="32"/></w:rPr>')
        rs = "".join(f'<w:r>{rpr}<w:t xml:space="preserve">{esc(r)}</w:t></w:r>' for r in runs)
        body.append(f"<w:p>{ppr}{rs}</w:p>")
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body>" + "".join(body) +
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
           '<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" '
           'w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>')
    ctypes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/'
              'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/'
              'vnd.openxmlformats-package.core-properties+xml"/>'
              '<Override PartName="/docProps/app.xml" ContentType="application/'
              'vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
            'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/extended-properties" Target="docProps/app.xml"/></Relationships>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:creator>{esc(creator)}</dc:creator><cp:lastModifiedBy>{esc(creator)}</cp:lastModifiedBy>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{created}</dcterms:modified>'
            "</cp:coreProperties>")
    appname = "WPS Office_11.1.0.13703" if app == "WPS" else "Microsoft Office Word"
    appx = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
            f"<Application>{appname}</Application><Pages>1</Pages></Properties>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in [("[Content_Types].xml", ctypes), ("_rels/.rels", rels),
                           ("word/document.xml", doc), ("docProps/core.xml", core),
                           ("docProps/app.xml", appx)]:
            zi = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


def rtf_doc(paras) -> bytes:
    """A Word-readable .doc as county staff often send it: RTF, GBK escapes (ansicpg936)."""
    def esc(s):
        out = []
        for ch in s:
            if ch in "\\{}":
                out.append("\\" + ch)
            elif ord(ch) < 128:
                out.append(ch)
            else:
                out.append("".join("\\'%02x" % b for b in ch.encode("gbk")))
        return "".join(out)

    font = esc("宋体")
    lines = ["{\\rtf1\\ansi\\ansicpg936\\deff0\\deflang1033\\deflangfe2052"
             "{\\fonttbl{\\f0\\fnil\\fprq2\\fcharset134 " + font + ";}}",
             "\\viewkind4\\uc1\\pard\\qc\\f0\\fs44 " + esc(paras[0]) + "\\par"]
    for p in paras[1:]:
        lines.append("\\pard\\fi640\\fs32 " + esc(p) + "\\par")
    lines.append("}")
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def _huff_codes(bits, vals):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[vals[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return codes


def jpeg(seed: str, comment: str, wb: int = 10, hb: int = 8) -> bytes:
    """A small but valid baseline grayscale JPEG (DC-only blocks), distinct per seed."""
    dc_bits = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]
    dc_vals = list(range(12))
    ac_bits = [1] + [0] * 15
    ac_vals = [0x00]  # EOB only
    dc_codes = _huff_codes(dc_bits, dc_vals)
    eob = _huff_codes(ac_bits, ac_vals)[0]
    hsh = hashlib.sha256(seed.encode()).digest()
    bitbuf, nbits, data = 0, 0, bytearray()

    def put(code, length):
        nonlocal bitbuf, nbits
        bitbuf = (bitbuf << length) | code
        nbits += length
        while nbits >= 8:
            byte = (bitbuf >> (nbits - 8)) & 0xFF
            data.append(byte)
            if byte == 0xFF:
                data.append(0x00)
            nbits -= 8
        bitbuf &= (1 << nbits) - 1 if nbits else 0

    prev = 0
    for by in range(hb):
        for bx in range(wb):
            sky = 200 - by * 12 + (hsh[(bx + by) % 32] % 24)
            ground = 90 + (hsh[(bx * 3 + by) % 32] % 50)
            v = sky if by < hb // 2 else ground
            v = max(0, min(255, v))
            dc = (v - 128) // 2  # quantiser 16, DCT DC = 8*(v-128)
            diff = dc - prev
            prev = dc
            n = abs(diff).bit_length()
            put(*dc_codes[n])
            if n:
                put(diff if diff > 0 else diff + (1 << n) - 1, n)
            put(*eob)
    if nbits:
        put((1 << (8 - nbits)) - 1, 8 - nbits)

    def seg(marker, payload):
        return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload

    w, h = wb * 8, hb * 8
    out = b"\xff\xd8"
    out += seg(0xE0, b"JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00")
    out += seg(0xFE, comment.encode("ascii"))
    out += seg(0xDB, b"\x00" + bytes([16] * 64))
    out += seg(0xC0, b"\x08" + h.to_bytes(2, "big") + w.to_bytes(2, "big") + b"\x01\x01\x11\x00")
    out += seg(0xC4, b"\x00" + bytes(dc_bits) + bytes(dc_vals))
    out += seg(0xC4, b"\x10" + bytes(ac_bits) + bytes(ac_vals))
    out += seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    out += bytes(data) + b"\xff\xd9"
    return out


def pdf_scan(label: str) -> bytes:
    """A one-page PDF standing in for a stamped, scanned 红头 document (no text layer)."""
    content = ("q 0.85 0 0 rg 70 760 455 3 re f Q\n"
               "q 0.2 g 90 700 415 6 re f 90 680 380 6 re f 90 660 400 6 re f 90 640 300 6 re f Q\n"
               "q 0.85 0 0 RG 3 w 420 180 m 420 224 384 260 340 260 c 296 260 260 224 260 180 c "
               "260 136 296 100 340 100 c 384 100 420 136 420 180 c S Q\n"
               f"BT /F1 8 Tf 72 40 Td ({label}) Tj ET\n").encode("ascii")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Producer (Canon iR-ADV C3525 PDF) /CreationDate (D:20230612093012+08'00') >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += f"{i} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for o in offs:
        out += f"{o:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info 6 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


# --------------------------------------------------------------------------- clients

def line_html(line: str) -> str:
    if not line.strip():
        return "<br>"
    lead = len(line) - len(line.lstrip(" \u3000"))
    return "&nbsp;" * lead + html.escape(line.lstrip(" \u3000"), quote=False)


def html_from_text(text: str, client: str, charset: str) -> str:
    lines = text.rstrip("\n").split("\n")
    if client == "qq":
        return (f'<meta http-equiv="Content-Type" content="text/html; charset={charset.upper()}">'
                + "".join(f"<div>{line_html(l)}</div>" for l in lines))
    if client == "foxmail":
        return ('<html><head><meta http-equiv="content-type" content="text/html; charset='
                + charset + '"><style>body { line-height: 1.5; }blockquote { margin-top: 0px; '
                'margin-bottom: 0px; margin-left: 0.5em; }body { font-size: 14px; font-family: '
                '\'Microsoft YaHei UI\'; color: rgb(0, 0, 0); line-height: 1.5; }</style></head>'
                '<body>\n' + "".join(f"<div>{line_html(l)}</div>\n" for l in lines) +
                '<div><br></div><hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" '
                'align="left">\n<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; '
                'FONT-SIZE: 10pt"><div>&nbsp;</div></div></span></div>\n</body></html>\n')
    if client == "coremail":
        return ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
                + "<br>".join(line_html(l) if l.strip() else "" for l in lines)
                + "</div><br><br><span title=\"neteasefooter\"><p>&nbsp;</p></span>")
    if client == "outlook":
        def para(l):
            if not l.strip():
                return "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n"
            lead = len(l) - len(l.lstrip(" \u3000"))
            segs = re.split(r"([\x00-\x7f]+)", l.lstrip(" \u3000"))
            inner = "".join(
                (f"<span lang=EN-US>{html.escape(s, quote=False)}</span>" if s.isascii()
                 else html.escape(s, quote=False)) for s in segs if s)
            ind = " style='text-indent:21.0pt'" if lead else ""
            return f"<p class=MsoNormal{ind}>{inner}<span lang=EN-US><o:p></o:p></span></p>\n"
        return ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:'
                'office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://'
                'schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">'
                f'<head><meta http-equiv=Content-Type content="text/html; charset={charset}">'
                '<meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--\n'
                '/* Font Definitions */\n@font-face\n\t{font-family:宋体;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n'
                'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n'
                '\ttext-justify:inter-ideograph;\n\tfont-size:10.5pt;\n\tfont-family:等线;}\n'
                '--></style></head><body lang=ZH-CN link="#0563C1" vlink="#954F72" '
                "style='text-justify-trim:punctuation'><div class=WordSection1>\n"
                + "".join(para(l) for l in lines) + "</div></body></html>\n")
    raise ValueError(client)


CLIENTS = {
    "qq": dict(charset="gb18030", label='"gb18030"', cte="base64", subj=("gb18030", "B"),
               att="qq", quote=True),
    "foxmail": dict(charset="gb2312", label='"gb2312"', cte="base64", subj=("GB2312", "B"),
                    att="foxmail", quote=True),
    "outlook": dict(charset="gb2312", label='"gb2312"', cte="quoted-printable",
                    subj=("gb2312", "B"), att="outlook", quote=True),
    "coremail": dict(charset="GBK", label="GBK", cte="base64", subj=("GBK", "B"),
                     att="coremail", quote=True),
}

IPS = ["113.218.47.", "175.10.216.", "222.243.155.", "110.53.182.", "124.228.61."]


def msgid(client: str, seed: str, sender: str, date: str) -> str:
    d = dt(date)
    dom = sender.split("@")[1]
    user = sender.split("@")[0]
    if client == "qq":
        return f"<tencent_{h8(seed, 40, True)}@qq.com>"
    if client == "foxmail":
        return f"<{d:%Y%m%d%H%M%S}{digits(seed, 8)}@{dom}>"
    if client == "outlook":
        return f"<000{h8(seed,1)}01d9{h8(seed+'a',4)}${h8(seed+'b',8)}${h8(seed+'c',8)}$@{dom}>"
    return (f"<{h8(seed, 8)}.{h8(seed + 'x', 4)}.{h8(seed + 'y', 11)}.Coremail.{user}@{dom}>")


def boundary(client: str, seed: str, level: int) -> str:
    if client == "qq":
        return f"----=_NextPart_{h8(seed, 8, True)}_{h8(seed + str(level), 8, True)}_{level}"
    if client == "foxmail":
        return f"----=_00{level}_NextPart{digits(seed + str(level), 12)}_=----"
    if client == "outlook":
        return f"----=_NextPart_00{level}_00{digits(seed, 2)}_01D9{h8(seed, 4, True)}.{h8(seed + str(level), 8, True)}"
    return f"----=_Part_{digits(seed + str(level), 6)}_{digits(seed, 9)}.16{digits(seed + 'z', 11)}"


def client_headers(client: str, seed: str, sender: str, date: str) -> list:
    ip = IPS[int(h8(seed, 2), 16) % len(IPS)] + str(int(h8(seed + "ip", 2), 16) % 250 + 2)
    if client == "qq":
        return [("X-QQ-mid", f"xmsmtpt{h8(seed, 30)}"),
                ("X-QQ-XMAILINFO", h8(seed + "info", 36)),
                ("X-QQ-STYLE", ""), ("X-QQ-mime", "TCMime 1.0 by Tencent"),
                ("X-Mailer", "QQMail 2.x"), ("X-QQ-Mailer", "QQMail 2.x")]
    if client == "foxmail":
        return [("X-Priority", "3"), ("X-GUID", f"{h8(seed,8,True)}-{h8(seed+'1',4,True)}-"
                 f"{h8(seed+'2',4,True)}-{h8(seed+'3',4,True)}-{h8(seed+'4',12,True)}"),
                ("X-Has-Attach", "yes"), ("X-Mailer", "Foxmail 7.2.25.228[cn]")]
    if client == "outlook":
        return [("X-Mailer", "Microsoft Outlook 16.0"),
                ("Thread-Index", "AdlL" + base64.b64encode(hashlib.md5(seed.encode()).digest()).decode()[:24]),
                ("Content-Language", "zh-cn")]
    return [("X-Originating-IP", f"[{ip}]"),
            ("X-Priority", "3"),
            ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\n"
                         " Copyright (c) 2002-2023 www.mailtech.cn " + sender.split("@")[1].split(".")[0] + "com"),
            ("X-NTES-SC", "AL_QuySAvicvkks" + h8(seed, 20)),
            ("X-CM-TRANSID", f"_____wD{h8(seed + 't', 20)}--.{digits(seed, 5)}S2"),
            ("X-CM-SenderInfo", h8(seed + "si", 20))]


def received(sender: str, date: str, seed: str) -> str:
    dom = sender.split("@")[1]
    d = dt(date) + timedelta(seconds=2)
    relay = {"qq.com": "smtpbg151.qq.com", "163.com": "m12.mail.163.com",
             "126.com": "m15.mail.126.com"}.get(dom, f"mail.{dom}")
    return (f"from {relay} (unknown [{IPS[int(h8(seed,2),16)%5]}{int(h8(seed,3),16)%250+2}])\n"
            f"\tby newxmx{int(h8(seed,4),16)%9+1}.qq.com (NewMX) with SMTP id {h8(seed+'smtp',8,True)}\n"
            f"\tfor <{OFFICE}>; {format_datetime(d)}")


def mail(seed, client, *, from_name, from_addr, subject, date, text=None, html_body=None,
         atts=(), charset=None, label=None, cte=None, to=None, cc=None, in_reply_to=None,
         references=None, extra=(), subj=None, quote=None, att_style=None, alt=True,
         mid=None) -> bytes:
    c = dict(CLIENTS[client])
    charset = charset or c["charset"]
    label = label or (f'"{charset}"' if c["label"].startswith('"') else charset)
    cte = cte or c["cte"]
    scs, senc = subj or c["subj"]
    quote = c["quote"] if quote is None else quote
    ast = att_style or c["att"]
    hs = [("Received", received(from_addr, date, seed))]
    hs.append(("Return-Path", f"<{from_addr}>"))
    hs.append(("Date", hdate(date)))
    hs.append(("From", addr(from_name, from_addr, scs if scs.lower() != "utf-8" else "UTF-8", quote)))
    hs.append(("To", to if to is not None else (f'"43347867" <{OFFICE}>' if client == "qq" else OFFICE)))
    if cc:
        hs.append(("Cc", cc))
    hs.append(("Subject", ew(subject, scs, senc, 22 if senc.upper() == "Q" else 42)
               if not subject.isascii() else subject))
    hs.append(("Message-ID", mid or msgid(client, seed, from_addr, date)))
    if in_reply_to:
        hs.append(("In-Reply-To", in_reply_to))
        hs.append(("References", references or in_reply_to))
    hs.extend(client_headers(client, seed, from_addr, date))
    hs.extend(extra)
    hs.append(("MIME-Version", "1.0"))

    if text is not None and html_body is None and alt:
        html_body = html_from_text(text, client, charset)
    if text is not None and html_body is not None:
        body = Part([("Content-Type", f'multipart/alternative;\n\tboundary="{boundary(client, seed, 1)}"')],
                    parts=[text_part(text, "plain", charset, cte, label),
                           text_part(html_body, "html", charset, cte, label)],
                    boundary=boundary(client, seed, 1))
    elif text is not None:
        body = text_part(text, "plain", charset, cte, label)
    else:
        body = text_part(html_body, "html", charset, cte, label)
    if atts:
        parts = [body] + [att(fn, data, st or ast) for fn, data, st in atts]
        body = Part([("Content-Type", f'multipart/mixed;\n\tboundary="{boundary(client, seed, 0)}"')],
                    parts=parts, boundary=boundary(client, seed, 0),
                    preamble="This is a multi-part message in MIME format.")
    top = Part(hs + body.headers, body.body, body.parts, body.boundary, body.preamble)
    return crlf(render(top))


def A(fn, data, style=None):
    return (fn, data, style)


def photo(fn, seed):
    return A(fn, jpeg(seed, fn if fn.isascii() else seed))


# --------------------------------------------------------------------------- cases

CASES = []


def case(slug, label, evidence):
    def deco(fn):
        CASES.append((slug, label, evidence, fn))
        return fn
    return deco


def L(kind, unit=None, activity=None, start=None, end=None, review=False, auto=False):
    if start and not end:
        end = start
    return {"kind": kind, "unit": unit, "activity": activity, "activity_date": start,
            "activity_end": end, "needs_review": review, "automated": auto}


OFFICE_REMINDER_ID = "<tencent_7A1D22C0B6F84E5D9C3E0F1A2B3C4D5E6F708192@qq.com>"


@case("h01-shuili-shuiri-plan", L("plan", "县水利局", 1, "2023-04-14"),
      ["洞口县水利局", "世界水日", "2023年4月14日", "方案"])
def _h01(seed):
    text = """县政务公开办：
    根据《洞口县2023年“政务公开主题日”活动实施方案》（洞政开〔2023〕1号）要求，我局拟于2023年4月14日（星期五）上午在县城平溪江风光带开展“强化依法治水，携手共护母亲河”世界水日、中国水周政务公开主题日活动，采取政策发布、有奖问答等形式，具体方案见附件，请审阅。
    联系人：刘建华，联系电话：0739-7350001。

洞口县水利局办公室
2023年4月7日
"""
    d = docx(["洞口县水利局2023年“世界水日”“中国水周”政务公开主题日活动方案",
              "为深入贯彻落实《中华人民共和国水法》《湖南省河道采砂管理条例》，根据县政务公开政务服务领导小组办公室统一安排，结合我局工作实际，制定本方案。",
              "一、活动主题：强化依法治水，携手共护母亲河。",
              ["二、活动时间：", "2023年", "4月14日", "上午9:00-11:30。"],
              "三、活动地点：县城平溪江风光带（洞口大桥东侧）。",
              "四、活动形式：现场政策发布、水法律法规有奖问答比赛、发放宣传资料、接受群众咨询。",
              "五、参加人员：邀请县人大代表、政协委员各2名，群众代表30名，县融媒体中心全程报道。",
              "六、工作要求：活动现场悬挂“政务公开主题日”横幅，各股室按分工做好准备。",
              "洞口县水利局", "2023年4月7日"], created="2023-04-06T02:11:00Z")
    return mail(seed, "qq", from_name="洞口县水利局", from_addr="2836619054@qq.com",
                subject="洞口县水利局“世界水日·中国水周”政务公开主题日活动方案",
                date="2023-04-07 16:22:35", text=text,
                atts=[A("水利局世界水日政务公开主题日活动方案.docx", d)])


@case("h02-shijian-zscq-report", L("report", "县市监局", 6, "2023-04-20", "2023-04-26"),
      ["洞口县市场监督管理局", "知识产权宣传周", "4月20日至26日", "情况报告"])
def _h02(seed):
    text = """县政务公开政务服务领导小组办公室：
    4月20日至26日，我局围绕“全面加强知识产权保护 推动构建新发展格局”主题，组织开展了2023年世界知识产权日宣传周暨政务公开主题日活动。现将有关情况报告如下：
    一、精心组织部署。成立活动领导小组，制定宣传周工作方案，明确责任股室和时间节点。
    二、开展现场观摩。4月26日上午，邀请县人大代表、政协委员、企业代表共12人走进县工业集中区重点企业，现场观摩商标品牌培育、专利转化运用和知识产权保护工作，并召开座谈会听取意见建议7条。
    三、广泛宣传发动。宣传周期间，在县城步行街设立咨询台，发放宣传资料3000余份，接受群众咨询260余人次，通过“洞口市场监管”微信公众号发布信息5条。
    下一步，我局将认真梳理意见建议，持续做好知识产权领域政务公开工作。
    附件：活动照片3张

洞口县市场监督管理局
2023年4月27日
"""
    return mail(seed, "coremail", from_name="县市场监督管理局", from_addr="dkxscjgj@163.com",
                subject="洞口县市场监督管理局2023年知识产权宣传周活动情况报告",
                date="2023-04-27 15:08:41", text=text,
                atts=[photo("IMG_20230426_093015.jpg", seed + "1"),
                      photo("IMG_20230426_095542.jpg", seed + "2"),
                      photo("IMG_20230421_152203.jpg", seed + "3")])


@case("h03-shijian-xiaofei-plan", L("plan", "县市监局", 2, "2023-04-18"),
      ["市监局", "提振消费信心", "四月十八日", "方案"])
def _h03(seed):
    text = """尹主任：您好！
    我局“优化经济环境、提振消费信心”政务公开主题日活动拟于四月十八日（星期二）上午在县城步行街开展现场宣传，方案已附上，请审阅。有何修改意见请及时告知，我们好调整。

市监局办公室 王敏
二〇二三年四月十日
"""
    d = docx(["洞口县市场监督管理局“优化经济环境、提振消费信心”政务公开主题日活动方案",
              "为进一步优化消费环境，提振消费信心，根据县政务公开主题日活动安排，制定本方案。",
              "一、活动时间：四月十八日（星期二）上午8:30-12:00",
              "二、活动地点：县城步行街中心广场",
              "三、活动内容：现场宣传《消费者权益保护法》及“放心消费”创建政策，公开12315投诉举报处理流程，发布一季度消费投诉分析报告，现场受理消费投诉。",
              "四、责任分工：消保股牵头，各市场监管所配合。",
              "洞口县市场监督管理局", "二〇二三年四月十日"], created="2023-04-10T01:35:00Z")
    return mail(seed, "foxmail", from_name="市监局办公室", from_addr="1158203347@qq.com",
                subject="市监局“优化经济环境 提振消费信心”主题日活动方案",
                date="2023-04-10 09:27:15", text=text, charset="gbk", label='"gbk"',
                atts=[A("洞口县市场监督管理局政务公开主题日活动方案（提振消费信心）.docx", d, "2231")])


@case("h04-fagai-tingzheng-plan", L("plan", "县发改局", 4, "2023-04-25"),
      ["洞口县发展和改革局", "听证", "2023-04-25", "方案"])
def _h04(seed):
    text = """县政务公开办：
    按照全县政务公开主题日活动安排，我局定于2023-04-25上午9:30在县发改局三楼会议室召开乡镇自来水价格调整听证会，会前组织听证参加人到石江镇、黄桥镇水厂实地调研，并面向用水户开展问卷调查。听证会方案（word版）见附件，请审核。
    联系人：价格股 曾志，0739-7350002

洞口县发展和改革局
2023年4月14日
"""
    d = rtf_doc(["洞口县乡镇自来水价格调整听证会活动方案",
                 "一、听证事项：洞口县乡镇集中供水水价调整方案。",
                 "二、时间地点：2023年4月25日上午9:30，县发展和改革局三楼会议室。",
                 "三、活动形式：实地调研、座谈交流（听证）、问卷调查。",
                 "四、听证参加人：用水户代表、人大代表、政协委员、专家学者、供水企业代表共17人。",
                 "洞口县发展和改革局  2023年4月14日"])
    return mail(seed, "outlook", from_name="发改委价格股", from_addr="dkfgw_jgg@126.com",
                subject="关于召开乡镇供水价格调整听证会的活动方案",
                date="2023-04-14 10:31:07", text=text,
                atts=[A("乡镇供水价格调整听证会方案.doc", d)])


@case("h05-caizheng-zuotan-fwd-report", L("report", "县财政局", 5, "2023-04-26"),
      ["县财政局", "减税降费惠企政策解读座谈会", "4月26日下午", "新闻稿"])
def _h05(seed):
    text = """张老师好，我们单位邮箱登不上，我用个人邮箱转一下座谈会的新闻稿和照片，麻烦查收。

李红（县财政局办公室）

---- 转发的邮件 ----
| 发件人 | 县财政局综合股<dkczj_zhg@163.com> |
| 日期 | 2023年04月27日 17:42 |
| 收件人 | 李红<lihong_1987@163.com> |
| 主题 | 减税降费惠企政策解读座谈会新闻稿 |

县财政局召开减税降费惠企政策解读座谈会

    4月26日下午，县财政局在局四楼会议室召开减税降费惠企政策解读座谈会，县税务局、县市场监管局有关负责同志及20余家中小微企业代表参加。
    会上，县财政局相关股室负责人逐条解读了小微企业和个体工商户所得税优惠、增值税小规模纳税人减免、“六税两费”减半征收等政策，现场解答企业提问15个。企业代表纷纷表示，政策讲得清、听得懂、用得上。
    此次座谈会是县财政局落实全县“政务公开主题日”活动安排的具体举措。下一步，该局将持续加大惠企政策公开解读力度，推动政策红利直达快享。（通讯员 李红）
"""
    return mail(seed, "coremail", from_name="李红", from_addr="lihong_1987@163.com",
                subject="Fw:减税降费惠企政策解读座谈会新闻稿", date="2023-04-28 08:51:19",
                text=text, charset="UTF-8", label="UTF-8", subj=("UTF-8", "B"),
                atts=[photo("微信图片_20230426160215.jpg", seed + "1"),
                      photo("微信图片_20230426160221.jpg", seed + "2")])


@case("h06-minzheng-kaifangri-plan", L("plan", "县民政局", 7, "2023-04-28"),
      ["民政局", "第三届公众开放日", "2023.4.28"])
def _h06(seed):
    text = "方案见附件，请审阅。\n"
    d = docx(["洞口县民政局第三届公众开放日活动方案",
              "为进一步推进民政政务公开，增进社会公众对民政工作的了解和支持，根据县政务公开主题日活动安排，我局决定举办第三届公众开放日活动，现制定方案如下。",
              ["一、活动时间：", "2023.4.", "28", "（星期五）上午9:00"],
              "二、活动内容：（一）实地调研县社会福利中心、县救助管理站；（二）现场观摩“社会救助一件事”办理流程；（三）召开座谈会，通报2022年以来民政重点工作，听取意见建议。",
              "三、参加人员：县人大代表、政协委员、社区群众代表、新闻媒体记者约30人。",
              "洞口县民政局", "2023年4月19日"], created="2023-04-18T07:40:00Z")
    return mail(seed, "coremail", from_name=None, from_addr="dkxmzj@126.com",
                subject="民政局公众开放日方案", date="2023-04-19 11:02:54", text=text,
                atts=[A("洞口县民政局第三届公众开放日活动方案.docx", d, "qq")])


@case("h07-tuiyi-jiuye-report", L("report", "县退役军人事务局", 8, "2023-04-19"),
      ["县退役军人事务局", "就业创业", "4月19日", "调研"])
def _h07(seed):
    body = ('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
            "<div>政务公开办：</div>"
            "<div>&nbsp; &nbsp; 现报送县退役军人事务局退役军人就业创业调研主题日活动情况，请审阅。</div>"
            "<div><br></div>"
            "<div><b>县退役军人事务局开展退役军人就业创业实地调研</b></div>"
            "<div>&nbsp; &nbsp; 4月19日，县退役军人事务局党组书记、局长罗志刚带队，邀请县人大代表、政协委员深入"
            "高沙镇、竹市镇等地的退役军人创业企业和就业基地开展实地调研，详细了解退役军人创业贷款贴息、"
            "税费减免、技能培训等政策落实情况。</div>"
            "<div>&nbsp; &nbsp; 调研组共走访企业6家，召开座谈会1次，收集意见建议11条。对调研中发现的融资难、"
            "用工招聘难等问题，该局已建立问题清单，明确责任股室限期办理，并将办理结果向社会公开。</div>"
            "<div><br></div><div>退役军人事务局 张雯</div><div>4月21日</div>")
    return mail(seed, "qq", from_name="张雯", from_addr="405617728@qq.com",
                subject="县退役军人事务局退役军人就业创业调研情况", date="2023-04-21 17:45:03",
                html_body=body, charset="utf-8", label="utf-8", subj=("utf-8", "B"),
                atts=[photo("微信图片_20230419153022.jpg", seed + "1"),
                      photo("微信图片_20230419153027.jpg", seed + "2")])


@case("h08-gongan-515-plan", L("plan", "县公安局", 9, "2023-05-15"),
      ["洞口县公安局", "经济犯罪宣传日", "2023年5月15日", "方案"])
def _h08(seed):
    text = """洞口县政务公开政务服务领导小组办公室：
    今年5月15日是全国第十五个“防范和打击经济犯罪宣传日”。根据县政务公开主题日活动安排，我局定于2023年5月15日（星期一）上午9时在县人民广场开展“5·15”打击和防范经济犯罪宣传日活动，现将活动方案报送如下：
    一、活动主题：守护你我“钱袋子”，共建平安洞口。
    二、活动形式：现场宣传。设置咨询台、展板，发放防范非法集资、电信网络诈骗、假币识别等宣传资料，公布经济犯罪举报电话，现场接受群众咨询。
    三、参加单位：县公安局经侦大队牵头，县人民银行、县金融办、各商业银行网点配合。
    四、宣传报道：县融媒体中心全程跟踪报道，活动结束后5个工作日内报送情况报告。
    特此报告。

洞口县公安局经济犯罪侦查大队
2023年5月6日
"""
    d = docx(["洞口县公安局“5·15”打击和防范经济犯罪宣传日活动方案",
              "一、活动时间：2023年5月15日上午9:00-12:00", "二、活动地点：县人民广场",
              "三、活动形式：现场宣传", "四、活动内容：展板展示、资料发放、现场咨询、典型案例解读。",
              "洞口县公安局经济犯罪侦查大队", "2023年5月6日"], created="2023-05-06T00:52:00Z")
    return mail(seed, "coremail", from_name="洞口县公安局经侦大队", from_addr="dkgajzdd@163.com",
                subject="关于开展“5·15”打击和防范经济犯罪宣传日政务公开主题日活动的方案",
                date="2023-05-06 10:14:27", text=text, alt=False,
                atts=[A("5.15宣传日活动方案.docx", d)])


@case("h09-zilaishui-jinshequ-report", L("report", "县住建局(自来水公司)", 10, "2023-05-18"),
      ["自来水公司", "供水服务进社区", "5月18日", "总结"])
def _h09(seed):
    text = """县政务公开办：
    我公司于5月18日组织开展了“供水服务进社区”政务公开主体日活动，活动总结及照片见附件，请查收。

县自来水公司 综合办
2023.5.22
"""
    d = docx(["“供水服务进社区”政务公开主题日活动总结",
              "5月18日上午，县自来水公司联合县住建局走进文昌街道城东社区，开展“供水服务进社区”政务公开主题日活动。",
              "活动现场公开了供水价格、报装流程、停水通知发布渠道和24小时服务热线，工作人员为居民免费检测水质、检修入户管道，并对城区供水服务满意度开展问卷调查，共回收问卷126份。",
              "随后，社区居民代表实地调研了城东水厂净水工艺，对供水水质和服务提出意见建议9条，公司已逐条建立台账限期整改。",
              "洞口县自来水公司", "2023年5月22日"], created="2023-05-22T01:20:00Z")
    return mail(seed, "coremail", from_name="洞口县自来水公司", from_addr="dkzls2010@163.com",
                subject="供水服务进社区活动总结（自来水公司）", date="2023-05-22 09:36:50",
                text=text, cte="8bit", alt=False,
                atts=[A("供水服务进社区活动总结.docx", d),
                      photo("微信图片_20230518101530.jpg", seed + "1")])


@case("h10-gaosha-xinfang-plan", L("plan", "高沙镇人民政府", 11, "2023-05-19"),
      ["高沙镇", "信访工作条例", "5月19日", "方案"])
def _h10(seed):
    text = """县政务公开办：
    现将高沙镇“信访工作条例宣传”政务公开主题日活动方案报上，活动拟于5月19日（周五）在高沙镇集贸市场开展，采取座谈交流和政策发布的形式，请审阅。
    联系人：欧阳敏 13907390003

高沙镇人民政府党政办
2023年5月11日
"""
    d = docx(["高沙镇《信访工作条例》宣传政务公开主题日活动方案",
              "一、活动时间：5月19日（周五）上午", "二、活动地点：高沙镇集贸市场、镇政府二楼会议室",
              "三、活动内容：发布《信访工作条例》解读材料，召开群众代表座谈会，公开信访事项办理流程。",
              "高沙镇人民政府", "2023年5月11日"], created="2023-05-10T08:00:00Z")
    return mail(seed, "coremail", from_name="高沙镇党政办", from_addr="gszdzb@126.com",
                subject="高沙镇《信访工作条例》宣传政务公开主题日活动方案",
                date="2023-05-11 16:40:12", text=text, charset="UTF-8", label="UTF-8",
                subj=("UTF-8", "B"),
                atts=[A("高沙镇信访工作条例宣传主题日活动方案.docx", d, "2231")])


@case("h11-shenpi-fuwupai-report", L("report", "县行政审批服务局", 12, "2023-05-25"),
      ["洞口县行政审批服务局", "答疑解惑", "2023年5月25日", "情况报告"])
def _h11(seed):
    text = """县政务公开政务服务领导小组办公室：
    我局已于2023年5月25日在县政务服务中心一楼大厅开展“政务公开答疑解惑、打好服务牌”主题日活动，邀请群众代表、企业代表12人现场观摩“一件事一次办”、企业开办“一日办结”等办事流程，现场答疑30余个。活动情况报告及照片见附件。
    特此报告。

洞口县行政审批服务局
2023年5月29日
"""
    d = docx(["洞口县行政审批服务局“政务公开答疑解惑、打好服务牌”主题活动情况报告",
              "2023年5月25日上午，县行政审批服务局在县政务服务中心开展“政务公开答疑解惑、打好服务牌”主题活动。",
              "一是现场观摩。群众代表体验了“湘易办”自助终端、“一件事一次办”综合窗口等服务场景。",
              "二是答疑解惑。各进驻部门首席代表现场解答企业群众关心的问题30余个。",
              "三是收集建议。发放满意度问卷50份，收集意见建议6条，已全部交办。",
              "洞口县行政审批服务局", "2023年5月29日"], created="2023-05-29T02:00:00Z")
    return mail(seed, "qq", from_name="行政审批局政务服务股", from_addr="2451763089@qq.com",
                subject="“政务公开答疑解惑、打好服务牌”主题活动开展情况报告",
                date="2023-05-29 10:05:48", text=text,
                atts=[A("审批局5月主题日活动情况报告.docx", d),
                      photo("IMG_20230525_094411.jpg", seed + "1")])


@case("h12-shengtai-huanjingri-report",
      L("report", "邵阳市生态环境局洞口分局", 14, "2023-06-05"),
      ["邵阳市生态环境局洞口分局", "六五环境日", "6月5日上午", "新闻稿"])
def _h12(seed):
    body = ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">'
            "<p>县政务公开办：</p>"
            "<p>&nbsp;&nbsp;&nbsp;&nbsp;现报送我分局六五环境日政务公开主题日活动新闻稿，请审核。</p>"
            "<p style=\"text-align:center\"><b>洞口分局开展“六五环境日”主题宣传活动</b></p>"
            "<p>&nbsp;&nbsp;&nbsp;&nbsp;6月5日上午，邵阳市生态环境局洞口分局在县文化广场开展以"
            "“建设人与自然和谐共生的现代化”为主题的六五环境日宣传活动。活动现场发布了《2022年洞口县"
            "生态环境状况公报》，公开了建设项目环评审批、排污许可办理流程和环境违法行为举报渠道。</p>"
            "<p>&nbsp;&nbsp;&nbsp;&nbsp;活动共设置宣传展板20块，发放宣传资料2500余份，"
            "现场解答群众咨询100余人次，受理环境信访问题3件。</p>"
            "<p>洞口分局办公室</p><p>2023年6月6日</p></div>"
            "<br><br><span title=\"neteasefooter\"><p>&nbsp;</p></span>")
    return mail(seed, "coremail", from_name="洞口生态环境分局", from_addr="dkhbj@163.com",
                subject="六五环境日主题活动新闻稿（洞口分局）", date="2023-06-06 16:31:22",
                html_body=body, charset="GB18030", label="GB18030", subj=("GB18030", "B"),
                atts=[photo("环境日现场1.jpg", seed + "1"), photo("环境日现场2.jpg", seed + "2")])


@case("h13-tuiyi-youdai-reply-plan", L("plan", "县退役军人事务局", 15, "2023-06-16"),
      ["县退役军人事务局", "优待", "2023年6月16日", "活动方案"])
def _h13(seed):
    text = """尹老师好！
    我局6月份主题日活动为《洞口县退役军人优待目录》政策发布，拟于2023年6月16日上午在局三楼会议室举行，活动方案见附件，届时请您莅临指导。

县退役军人事务局 周莉


------------------ 原始邮件 ------------------
发件人: "政务公开办"<43347867@qq.com>;
发送时间: 2023年6月7日(星期三) 上午10:05
收件人: "县公安局"<dkgajzdd@163.com>;"洞口生态环境分局"<dkhbj@163.com>;"周莉"<3317245510@qq.com>;"县自然资源局办公室"<dkzrzyj@163.com>;
主题: 【提醒】请报送6月政务公开主题日活动方案

各有关单位：
    根据《洞口县2023年“政务公开主题日”活动实施方案》，6月份承办主题日活动的单位有：县公安局、邵阳市生态环境局洞口分局、县退役军人事务局、县自然资源局、县人社局、县农业农村局、县应急局。请尚未报送活动方案的单位于活动开展前5个工作日报送，活动结束后5个工作日内报送情况报告。

县政务公开办
2023年6月7日
"""
    d = docx(["洞口县退役军人优待目录政策发布活动方案",
              "为让广大退役军人和其他优抚对象及时知晓、充分享受各项优待政策，根据县政务公开主题日活动安排，我局将举办《洞口县退役军人优待目录》政策发布活动。",
              "一、时间：二〇二三年六月十六日上午9:30", "二、地点：县退役军人事务局三楼会议室",
              "三、形式：政策发布。由局分管负责同志发布并解读优待目录，现场回答记者和退役军人代表提问。",
              "县退役军人事务局", "2023年6月8日"], created="2023-06-08T01:00:00Z")
    return mail(seed, "qq", from_name="周莉", from_addr="3317245510@qq.com",
                subject="回复：【提醒】请报送6月政务公开主题日活动方案",
                date="2023-06-08 09:12:40", text=text, in_reply_to=OFFICE_REMINDER_ID,
                atts=[A("退役军人优待目录发布活动方案.docx", d)])


@case("h14-ziran-tudiri-report", L("report", "县自然资源局", 16, "2023-06-25"),
      ["洞口县自然资源局", "全国土地日", "6月25日", "报告"])
def _h14(seed):
    text = """县政务公开办：
    6月25日，我局组织干部职工在县城雪峰街道、石江镇等地开展了以“节约集约用地 严守耕地红线”为主题的第33个全国土地日宣传活动，现场发布并解读了耕地保护、农村宅基地审批等政策，发放宣传资料2000余份，接受群众咨询150余人次。现将活动开展情况报告如下，照片见附件。
    一是政策发布突出重点。围绕耕地“非农化”“非粮化”整治，公开了违法用地举报渠道。
    二是宣传形式贴近群众。通过展板、宣传车、微信公众号等多种方式扩大覆盖面。

洞口县自然资源局
2023年6月28日
"""
    return mail(seed, "outlook", from_name="县自然资源局办公室", from_addr="dkzrzyj@163.com",
                subject="关于“6·25”全国土地日宣传活动开展情况的报告",
                date="2023-06-28 15:47:09", text=text, charset="gbk", label='"gbk"',
                subj=("gbk", "B"),
                atts=[A("土地日现场照片1.jpg", jpeg(seed + "1", "DSC01021")),
                      A("土地日现场照片2.jpg", jpeg(seed + "2", "DSC01034"))])


@case("h15-renshe-huimin-plan-pdf", L("plan", "县人社局", 17, "2023-06-20"),
      ["人社局", "惠民政策宣传日", "6月20日", "方案"])
def _h15(seed):
    text = """县政务公开办：
    我局2023年“惠民政策宣传日”政务公开主题日活动方案（盖章扫描件）见附件。主要安排如下：
    一、时间：6月20日上午8:30至11:30
    二、地点：县人力资源市场一楼
    三、内容：就业创业、社会保险、劳动维权等惠民政策现场座谈交流，同步发放问卷调查表
    四、参加人员：企业代表、求职群众、县人大代表和政协委员
    请审阅。

洞口县人力资源和社会保障局
2023年6月12日
"""
    return mail(seed, "foxmail", from_name="洞口县人社局", from_addr="dkrsj_bgs@163.com",
                subject="人社局惠民政策宣传日活动方案（盖章扫描件）", date="2023-06-12 14:20:33",
                text=text, charset="gbk", label='"gbk"', subj=("GBK", "B"),
                atts=[A("洞口县人社局惠民政策宣传日活动方案.pdf", pdf_scan("DKRSJ-2023-06-12 scan"), "2231")])


@case("h16-yingji-anquanyue-reply-report", L("report", "县应急局", 19, "2023-06-16"),
      ["县应急管理局", "安全生产月", "已于6月16日", "情况报告"])
def _h16(seed):
    text = """张老师：
    我局已于6月16日上午在县工业集中区组织开展了安全生产月现场观摩活动，邀请县人大代表、政协委员、企业负责人30余人参加，观摩了危化品泄漏应急处置演练和企业安全风险分级管控现场。现将活动情况报告及照片发给您，请查收。

县应急管理局 综合股 邓
0739-7350004

发件人: 政务公开办 <43347867@qq.com>
发送时间: 2023年6月9日 11:20
收件人: 县应急管理局 <dkyjglj@163.com>
主题: 回复：县应急管理局安全生产月政务公开主题日活动方案

收到。请活动结束后5个工作日内报送情况报告。

发件人: 县应急管理局 <dkyjglj@163.com>
发送时间: 2023年6月8日 16:03
收件人: 43347867@qq.com
主题: 县应急管理局安全生产月政务公开主题日活动方案

政务公开办：我局拟于6月16日“安全宣传咨询日”当天开展安全生产月现场观摩活动，方案见附件。
"""
    d = docx(["县应急管理局安全生产月政务公开主题日活动情况报告",
              "6月16日，县应急管理局以“人人讲安全、个个会应急”为主题，在县工业集中区开展安全生产月政务公开主题日现场观摩活动。",
              "活动现场开展了危化品泄漏应急处置演练，公开了安全生产举报奖励办法和举报电话，发放宣传资料1800余份。",
              "县应急管理局", "2023年6月19日"], app="MSO", created="2023-06-19T01:00:00Z")
    return mail(seed, "outlook", from_name="县应急管理局", from_addr="dkyjglj@163.com",
                subject="答复: 回复：县应急管理局安全生产月政务公开主题日活动方案",
                date="2023-06-19 10:02:18", text=text, charset="utf-8", label='"utf-8"',
                subj=("utf-8", "B"),
                in_reply_to="<tencent_5C0FFEE0123456789ABCDEF0123456789ABCDEF0@qq.com>",
                references="<000a01d99a0f$1c2d3e4f$5a6b7c8d$@163.com> "
                           "<tencent_5C0FFEE0123456789ABCDEF0123456789ABCDEF0@qq.com>",
                atts=[A("安全生产月主题日活动情况报告.docx", d, "outlook"),
                      A("IMG_4102.JPG", jpeg(seed + "1", "IMG_4102")),
                      A("IMG_4117.JPG", jpeg(seed + "2", "IMG_4117"))])


@case("h17-shuiwu-yiwangtongban-plan", L("plan", "县税务局", 20, "2023-07-12"),
      ["国家税务总局洞口县税务局", "一网通办", "2023年7月12日", "方案"])
def _h17(seed):
    text = """政务公开办：
    根据县政务公开主题日活动计划，我局拟于2023年7月12日（星期三）下午3:00在县税务局办税服务厅召开“税费事项一网通办”座谈交流会，邀请纳税人缴费人代表、人大代表和政协委员参加，并同步开展线上问卷调查。具体方案见附件。

国家税务总局洞口县税务局
2023年7月4日
"""
    d = docx(["国家税务总局洞口县税务局“税务事项一网通办”政务公开主题日活动方案",
              "一、活动时间：2023年7月12日下午3:00", "二、活动地点：县税务局办税服务厅二楼会议室",
              "三、活动形式：座谈交流、问卷调查",
              "四、主要内容：通报电子税务局、“湘易办”涉税事项一网通办情况，听取纳税人缴费人意见建议。",
              "国家税务总局洞口县税务局", "2023年7月4日"], created="2023-07-03T09:00:00Z")
    return mail(seed, "coremail", from_name="国家税务总局洞口县税务局纳税服务股",
                from_addr="dksw_nfg@163.com",
                subject="税务事项“一网通办”主题日座谈会方案", date="2023-07-04 11:26:45",
                text=text, charset="UTF-8", label="UTF-8", subj=("UTF-8", "Q"),
                atts=[A("国家税务总局洞口县税务局税务事项一网通办政务公开主题日活动方案.docx", d,
                        "2231cont")])


@case("h18-yibao-yidijiesuan-report", L("report", "县医保局", 22, "2023-08-17"),
      ["医保局", "异地", "8月17日", "总结"])
def _h18(seed):
    text = "总结和照片见附件\n"
    d = docx(["县医疗保障局开展“职工医保普通门诊异地结算”政务公开主题日活动",
              ["8月", "17日", "，县医疗保障局邀请部分参保职工、县人大代表到县人民医院、县中医医院，现场观摩职工医保普通门诊费用跨省异地直接结算办理流程。"],
              "目前，我县二级以上定点医疗机构已全部开通职工医保普通门诊费用异地直接结算，参保群众在异地就医可直接刷卡或扫码结算。",
              "活动中，工作人员现场演示了通过“国家医保服务平台”APP办理异地就医备案，解答群众咨询40余人次。",
              "洞口县医疗保障局", "2023年8月21日"], created="2023-08-21T00:30:00Z")
    return mail(seed, "qq", from_name="医保局", from_addr="1873260415@qq.com",
                subject="医保局8月主题日活动总结", date="2023-08-21 08:47:31", text=text,
                atts=[A("8月主题日活动总结.docx", d),
                      photo("mmexport1692251310254.jpg", seed + "1")])


@case("h19-gongan-wangan-plan", L("plan", "县公安局", 24, "2023-09-11", "2023-09-17"),
      ["洞口县公安局", "国家网络安全宣传周", "9月11日-17日", "方案"])
def _h19(seed):
    text = """县政务公开办：
    根据县政务公开主题日活动安排，我局拟于9月11日-17日国家网络安全宣传周期间，在县城步行街、各中小学校园开展网络安全现场宣传，并组织全县网民参与网络安全知识线上问卷调查。《洞口县公安局2023年国家网络安全宣传周活动方案》见附件，请审阅。

洞口县公安局网络安全保卫大队
2023年8月31日
"""
    d = docx(["洞口县公安局2023年国家网络安全宣传周活动方案",
              "一、活动主题：网络安全为人民，网络安全靠人民",
              "二、活动时间：2023年9月11日至9月17日",
              "三、活动形式：现场宣传、问卷调查",
              "四、主要安排：9月11日启动仪式（县城步行街）；9月12日至15日网络安全进校园；9月16日至17日线上问卷调查集中推送。",
              "洞口县公安局", "2023年8月31日"], created="2023-08-30T08:00:00Z")
    return mail(seed, "coremail", from_name="县公安局网安大队", from_addr="dkgawad@126.com",
                subject="洞口县公安局2023年国家网络安全宣传周活动方案", date="2023-08-31 17:03:12",
                text=text, charset="GB18030", label="GB18030", subj=("GB18030", "B"),
                atts=[A("网络安全宣传周活动方案.docx", d)])


@case("h20-shenpi-12345-plan", L("plan", "县行政审批服务局", 25, "2023-10-20"),
      ["洞口县行政审批服务局", "12345", "10月20日", "方案"])
def _h20(seed):
    text = """县政务公开政务服务领导小组办公室：
    根据全县政务公开主题日活动安排，我局定于10月20日（星期五）上午举办“12345”政务服务便民热线“开放日”活动，邀请市民代表、人大代表、政协委员走进县12345热线受理中心，现场观摩热线接听、派单、督办、回访全流程。活动方案见附件。

洞口县行政审批服务局
2023年10月12日
"""
    d = docx(["“12345”政务服务便民热线“开放日”活动方案",
              "一、活动时间：10月20日（星期五）上午9:00-11:00", "二、活动地点：县12345热线受理中心",
              "三、活动形式：现场观摩、座谈交流",
              "洞口县行政审批服务局", "2023年10月12日"], app="MSO", created="2023-10-12T01:00:00Z")
    return mail(seed, "outlook", from_name="县行政审批服务局12345热线", from_addr="dk12345rx@163.com",
                subject="“12345”政务服务便民热线开放日活动方案", date="2023-10-12 09:18:55",
                text=text, atts=[A("12345热线开放日活动方案.docx", d)])


# ---- genuinely ambiguous ----------------------------------------------------------------

@case("h21-gongan-vague-plan", L("plan", "县公安局", None, None, None, review=True),
      ["县公安局", "方案见附件", "另行通知"])
def _h21(seed):
    text = "方案见附件，请审阅\n"
    d = docx(["洞口县公安局政务公开主题日活动方案",
              "为深入贯彻落实县政务公开主题日活动安排，结合公安工作实际，我局将组织开展政务公开主题日活动。",
              "一、活动时间：另行通知。", "二、活动地点：县城人流密集区域。",
              "三、活动内容：现场宣传。设置咨询台，向群众发放宣传资料，公开办事指南，接受群众咨询。",
              "四、工作要求：各参与单位要高度重视，精心组织，确保活动取得实效。",
              "洞口县公安局"], created="2023-05-31T09:00:00Z")
    return mail(seed, "qq", from_name="公安局 李", from_addr="2209374615@qq.com",
                subject="县公安局政务公开主题日活动方案", date="2023-06-01 08:55:02", text=text,
                atts=[A("政务公开主题日活动方案.docx", d)])


@case("h22-unknown-unit-photos-report", L("report", None, None, None, None, review=True),
      ["主题日活动", "已经搞完了", "照片"])
def _h22(seed):
    text = """尹主任，我们单位这个月的主题日活动已经搞完了，先发几张照片过来，情况报告领导还在改，改好了再补发给您。

小刘
"""
    return mail(seed, "coremail", from_name="小刘", from_addr="liu_xm1990@163.com",
                subject="主题日活动照片", date="2023-06-27 18:12:09", text=text,
                atts=[photo("IMG_5521.JPG", seed + "1"), photo("IMG_5523.JPG", seed + "2"),
                      photo("IMG_5530.JPG", seed + "3")])


@case("h23-shijian-april-unclear-plan",
      L("plan", "县市监局", None, "2023-04-24", review=True),
      ["市场监管局", "2023年4月24日", "定于"])
def _h23(seed):
    text = """县政务公开办：
    我局4月份政务公开主题日活动定于2023年4月24日（星期一）上午在县城步行街开展，届时将设置咨询台，现场向群众宣传市场监管相关政策、解答群众咨询。详细方案待局领导审定后再报送。

洞口县市场监管局
2023年4月13日
"""
    return mail(seed, "coremail", from_name="洞口县市场监管局", from_addr="dkscjg@126.com",
                subject="市场监管局4月份政务公开主题日活动安排", date="2023-04-13 17:25:40",
                text=text)


# ---- non-submissions ----------------------------------------------------------------------

@case("h24-autoreply-weijian", L("other", auto=True),
      ["自动回复", "auto-replied"])
def _h24(seed):
    text = """您好！您的来信已收到，我们会尽快处理。如有急事请致电0739-7350005。

洞口县卫生健康局办公室
"""
    return mail(seed, "coremail", from_name="县卫健局办公室", from_addr="dkwjj@163.com",
                subject="自动回复：【提醒】请报送9月政务公开主题日活动方案",
                date="2023-09-01 09:30:06", text=text,
                in_reply_to="<tencent_0A1B2C3D4E5F60718293A4B5C6D7E8F901234567@qq.com>",
                extra=[("Auto-Submitted", "auto-replied")])


@case("h25-autoreply-qq-vacation", L("other", auto=True),
      ["自动回复", "假期自动回复", "auto-replied"])
def _h25(seed):
    text = """这是来自QQ邮箱的假期自动回复邮件。
 
您好，我最近正在休假中，无法亲自回复您的邮件。我将在假期结束后，尽快给您回复。
"""
    return mail(seed, "qq", from_name="谭小军", from_addr="845120963@qq.com",
                subject="自动回复: 【提醒】请报送7月政务公开主题日活动方案",
                date="2023-07-03 10:05:12", text=text,
                in_reply_to="<tencent_1B2C3D4E5F60718293A4B5C6D7E8F9012345678A@qq.com>",
                extra=[("Auto-Submitted", "auto-replied")])


@case("h26-bounce-mailer-daemon", L("other", auto=True),
      ["MAILER-DAEMON", "550", "退信"])
def _h26(seed):
    date = "2023-05-30 10:41:07"
    expl = """此邮件是退信。很抱歉您的邮件没能成功发送到以下地址：

    dkslj2023@163.com

原因：收件人地址不存在（550 User not found）。
请检查收件人地址是否正确后重新发送。

This is the mail system at host newxmesmtplogicsvrsza5.qq.com.
I'm sorry to have to inform you that your message could not be delivered
to one or more recipients.

<dkslj2023@163.com>: host 163mx01.mxmail.netease.com[220.181.12.58] said:
    550 User not found: dkslj2023@163.com (in reply to RCPT TO command)
"""
    status = f"""Reporting-MTA: dns; newxmesmtplogicsvrsza5.qq.com
X-Postfix-Queue-ID: 6C1E2A3B4D
X-Postfix-Sender: rfc822; {OFFICE}
Arrival-Date: {hdate('2023-05-30 10:41:03')}

Final-Recipient: rfc822; dkslj2023@163.com
Original-Recipient: rfc822;dkslj2023@163.com
Action: failed
Status: 5.1.1
Remote-MTA: dns; 163mx01.mxmail.netease.com
Diagnostic-Code: smtp; 550 User not found: dkslj2023@163.com
"""
    orig = f"""Return-Path: <{OFFICE}>
Date: {hdate('2023-05-30 10:41:02')}
From: {addr('政务公开办', OFFICE, 'utf-8')}
To: dkslj2023@163.com
Subject: {ew('【提醒】请报送5月政务公开主题日活动情况报告', 'utf-8')}
Message-ID: <tencent_2C3D4E5F60718293A4B5C6D7E8F9012345678AB1@qq.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64
"""
    b = "MailDelivery" + h8(seed, 12, True)
    hs = [("Return-Path", "<>"),
          ("Received", f"by newxmesmtplogicsvrsza5.qq.com (Postfix)\n\tid 6C1E2A3B4D; {hdate(date)}"),
          ("Date", hdate(date)),
          ("From", "Mail Delivery System <MAILER-DAEMON@qq.com>"),
          ("To", OFFICE),
          ("Subject", ew("退信：Undelivered Mail Returned to Sender", "utf-8")),
          ("Message-ID", f"<20230530024107.{h8(seed, 10, True)}@newxmesmtplogicsvrsza5.qq.com>"),
          ("Auto-Submitted", "auto-replied"),
          ("MIME-Version", "1.0"),
          ("Content-Type", f'multipart/report; report-type=delivery-status;\n\tboundary="{b}"')]
    parts = [Part([("Content-Description", "Notification"),
                   ("Content-Type", "text/plain; charset=utf-8"),
                   ("Content-Transfer-Encoding", "8bit")], expl.encode("utf-8")),
             Part([("Content-Description", "Delivery report"),
                   ("Content-Type", "message/delivery-status")], status.encode("ascii")),
             Part([("Content-Description", "Undelivered Message Headers"),
                   ("Content-Type", "text/rfc822-headers")], orig.encode("ascii"))]
    top = Part(hs, parts=parts, boundary=b, preamble="This is a MIME-encapsulated message.")
    return crlf(render(top))


@case("h27-newsletter-zwxmt", L("other", auto=True),
      ["List-Unsubscribe", "退订", "活动方案"])
def _h27(seed):
    body = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务新媒体研究周刊</title></head>'
            '<body style="margin:0;background:#f4f4f4"><table width="600" align="center" '
            'style="background:#fff;font-family:Microsoft YaHei"><tr><td style="padding:20px">'
            "<h2>政务新媒体研究周刊 · 第27期</h2>"
            "<p>本期导读：</p><ul>"
            "<li>各地“政务公开主题日”活动方案精选：开放日、座谈会、现场观摩怎么办出实效</li>"
            "<li>案例 | 某市“12345热线开放日”活动全流程复盘</li>"
            "<li>政策解读类新闻稿写作的五个技巧</li>"
            "<li>6月16日线上公开课：政务短视频策划与制作（免费报名）</li></ul>"
            '<p><a href="https://edm.zwxmt-yanjiu.cn/c/27?u=43347867">点击阅读全文</a></p>'
            '<hr><p style="font-size:12px;color:#999">您收到此邮件是因为您订阅了政务新媒体研究周刊。'
            '如不想再收到此类邮件，请<a href="https://edm.zwxmt-yanjiu.cn/unsub?u=43347867">点此退订</a>。</p>'
            "</td></tr></table></body></html>\n")
    text = ("政务新媒体研究周刊 · 第27期\n\n本期导读：\n"
            "- 各地“政务公开主题日”活动方案精选：开放日、座谈会、现场观摩怎么办出实效\n"
            "- 案例 | 某市“12345热线开放日”活动全流程复盘\n"
            "- 政策解读类新闻稿写作的五个技巧\n"
            "- 6月16日线上公开课：政务短视频策划与制作（免费报名）\n\n"
            "阅读全文：https://edm.zwxmt-yanjiu.cn/c/27?u=43347867\n"
            "退订：https://edm.zwxmt-yanjiu.cn/unsub?u=43347867\n")
    date = "2023-06-15 07:30:00"
    b = "=_edm_" + h8(seed, 16)
    hs = [("Received", f"from edm-out3.zwxmt-yanjiu.cn (unknown [47.106.21.83])\n\tby newxmx5.qq.com "
                       f"(NewMX) with SMTP id 7E1F{h8(seed,4,True)}\n\tfor <{OFFICE}>; {hdate(date)}"),
          ("Return-Path", f"<bounce-27-43347867={h8(seed,6)}@edm.zwxmt-yanjiu.cn>"),
          ("Date", hdate(date)),
          ("From", addr("政务新媒体研究周刊", "newsletter@edm.zwxmt-yanjiu.cn", "utf-8", True)),
          ("To", OFFICE),
          ("Subject", ew("第27期 | 各地“政务公开主题日”活动方案精选", "utf-8")),
          ("Message-ID", f"<edm.27.{h8(seed, 20)}@edm.zwxmt-yanjiu.cn>"),
          ("List-Id", "=?utf-8?B?" + base64.b64encode("政务新媒体研究周刊".encode()).decode()
           + "?= <weekly.zwxmt-yanjiu.cn>"),
          ("List-Unsubscribe", "<mailto:unsubscribe-27-43347867@edm.zwxmt-yanjiu.cn>,\n"
                               " <https://edm.zwxmt-yanjiu.cn/unsub?u=43347867>"),
          ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
          ("Precedence", "bulk"),
          ("X-Mailer", "EDM Sender 3.2"),
          ("MIME-Version", "1.0"),
          ("Content-Type", f'multipart/alternative; boundary="{b}"')]
    parts = [text_part(text, "plain", "utf-8", "base64"), text_part(body, "html", "utf-8", "base64")]
    return crlf(render(Part(hs, parts=parts, boundary=b)))


@case("h28-question-sifa-gaizhang", L("other"),
      ["请问方案需要盖章吗", "县司法局"])
def _h28(seed):
    text = """张老师您好！
    请问方案需要盖章吗？我局“法治政府示范创建宣传”问卷调查活动的方案初稿已经写好了，准备4月下旬开展。如果要盖章的话得走签批流程，时间上要提前安排一下。谢谢！

县司法局 罗晓
"""
    return mail(seed, "coremail", from_name="罗晓", from_addr="luoxiao_sfj@126.com",
                subject="咨询：主题日活动方案需要盖章吗", date="2023-04-12 15:02:33", text=text)


@case("h29-spam-mailbox-upgrade", L("other"),
      ["邮箱", "验证"])
def _h29(seed):
    body = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>'
            "<p>尊敬的用户：</p>"
            "<p>　　您的邮箱存储空间已达到上限，系统将于48小时内停止收发邮件。为保障您的正常使用，"
            "请立即点击以下链接完成安全验证并免费升级扩容：</p>"
            '<p><a href="http://mail-qq-safe.top/verify?id=43347867">http://exmail.qq.com/安全验证</a></p>'
            "<p>逾期未验证的账户将被系统自动注销，由此造成的损失由用户自行承担。</p>"
            "<p>QQ邮箱安全中心</p><p>2023年7月18日</p></body></html>\n")
    date = "2023-07-18 02:14:51"
    hs = [("Received", f"from mail-qq-safe.top (unknown [103.145.88.17])\n\tby newxmx2.qq.com (NewMX) "
                       f"with SMTP id 9A0B{h8(seed,4,True)}\n\tfor <{OFFICE}>; {hdate(date)}"),
          ("Return-Path", "<admin@mail-qq-safe.top>"),
          ("Date", hdate(date)),
          ("From", addr("QQ邮箱管理员", "admin@mail-qq-safe.top", "gbk")),
          ("To", OFFICE),
          ("Subject", ew("【重要】关于邮箱安全升级的通知", "gbk")),
          ("Message-ID", f"<{h8(seed, 24)}@mail-qq-safe.top>"),
          ("X-Mailer", "Microsoft Outlook Express 6.00.2900.5512"),
          ("MIME-Version", "1.0")]
    p = text_part(body, "html", "gbk", "base64")
    return crlf(render(Part(hs + p.headers, p.body)))


@case("h30-notice-zfb-tuijinhui", L("other"),
      ["县人民政府办公室", "推进会", "2023年5月10日"])
def _h30(seed):
    text = """各乡镇人民政府（街道办事处、管理区），县直和省市驻洞各单位：
    经县人民政府同意，定于2023年5月10日（星期三）下午3:00在县政府三楼第一会议室召开全县政务公开工作推进会，通报4月份“政务公开主题日”活动开展情况，部署下阶段工作。请各单位分管负责同志和政务公开工作人员准时参加，并于5月8日前将参会回执报县政府办公室。
    县政务公开办请一并通知各乡镇。

洞口县人民政府办公室
2023年5月5日
"""
    d = docx(["参会回执", "单位：", "姓名：", "职务：", "联系电话：",
              "请于5月8日前报县政府办公室"], created="2023-05-05T01:00:00Z")
    return mail(seed, "coremail", from_name="洞口县人民政府办公室", from_addr="dkxzfb@163.com",
                subject="关于召开全县政务公开工作推进会的通知", date="2023-05-05 11:40:20",
                text=text, to="43347867@qq.com, dkzwgk_xz@163.com",
                atts=[A("参会回执.docx", d)])


# --------------------------------------------------------------------------- verification

def _decode_name(fn):
    if fn and "=?" in fn:
        try:
            fn = str(make_header(decode_header(fn)))
        except Exception:
            pass
    return fn or ""


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    return "\n".join("".join(html.unescape(t) for t in re.findall(r"<w:t[^>]*>(.*?)</w:t>", p, re.S))
                     for p in paras)


def rtf_text(data: bytes) -> str:
    s = data.decode("ascii")
    s = re.sub(r"((?:\\'[0-9a-f]{2})+)",
               lambda m: bytes(int(x, 16) for x in re.findall(r"[0-9a-f]{2}", m.group(1))).decode("gbk"), s)
    return s


def html_text(s: str) -> str:
    s = re.sub(r"(?is)<(style|head|script)[^>]*>.*?</\1>", "", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>|</h\d>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def decoded_text(msg) -> tuple[str, list[str]]:
    out, problems = [], []
    for h in ("From", "To", "Subject", "Content-Type", "Auto-Submitted", "List-Unsubscribe",
              "Precedence"):
        if msg[h] is not None:
            out.append(f"{h}: {msg[h]}")
    for part in msg.walk():
        if part.is_multipart():
            continue
        ct = part.get_content_type()
        fn = part.get_filename()
        if fn is not None:
            name = _decode_name(fn)
            if "=?" in name or "\ufffd" in name:
                problems.append(f"undecoded filename {fn!r}")
            out.append("[attachment] " + name)
            data = part.get_payload(decode=True)
            if name.lower().endswith(".docx"):
                out.append(docx_text(data))
            elif name.lower().endswith(".doc"):
                out.append(rtf_text(data))
            elif name.lower().endswith((".jpg", ".jpeg")):
                if not (data.startswith(b"\xff\xd8") and data.endswith(b"\xff\xd9")):
                    problems.append(f"bad jpeg {name}")
            elif name.lower().endswith(".pdf"):
                if not data.startswith(b"%PDF-"):
                    problems.append(f"bad pdf {name}")
            continue
        if ct == "text/plain":
            out.append(part.get_content())
        elif ct == "text/html":
            out.append(html_text(part.get_content()))
        else:
            out.append(part.get_payload() if isinstance(part.get_payload(), str)
                       else str(part.get_payload()))
    return "\n".join(out), problems


def verify(path_eml: Path, path_json: Path, evidence) -> list[str]:
    errs = []
    raw = path_eml.read_bytes()
    if b"\n" in raw.replace(b"\r\n", b""):
        errs.append("bare LF")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    for part in msg.walk():
        for d in part.defects:
            errs.append(f"defect {type(d).__name__}")
    for h in ("From", "Subject", "Date", "Message-ID"):
        if msg[h] is None:
            errs.append(f"missing {h}")
    subj = str(msg["Subject"])
    if "=?" in subj:
        errs.append(f"undecoded subject {subj!r}")
    frm = str(msg["From"])
    if "=?" in frm:
        errs.append(f"undecoded from {frm!r}")
    text, probs = decoded_text(msg)
    errs.extend(probs)
    for e in evidence:
        if e not in text:
            errs.append(f"evidence missing: {e!r}")
    label = json.loads(path_json.read_text("utf-8"))
    if list(label) != KEYS:
        errs.append(f"json keys {list(label)}")
    return errs


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    seen = set()
    failures = 0
    for slug, label, evidence, fn in CASES:
        assert slug not in seen, slug
        seen.add(slug)
        assert list(label) == KEYS
        raw = fn(slug)
        (OUT / f"{slug}.eml").write_bytes(raw)
        (OUT / f"{slug}.json").write_text(json.dumps(label, ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    for slug, label, evidence, fn in CASES:
        errs = verify(OUT / f"{slug}.eml", OUT / f"{slug}.json", evidence)
        if errs:
            failures += 1
            print(f"FAIL {slug}: " + "; ".join(errs))
    kinds = {}
    for _, label, _, _ in CASES:
        kinds[label["kind"]] = kinds.get(label["kind"], 0) + 1
    print(f"{len(CASES)} cases written to {OUT}; kinds={kinds}; "
          f"needs_review={sum(l['needs_review'] for _, l, _, _ in CASES)}; "
          f"automated={sum(l['automated'] for _, l, _, _ in CASES)}; failures={failures}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
