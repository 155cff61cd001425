#!/usr/bin/env python3
"""Blind holdout set 4 for themeday's classifier: realistic 2023 mail from 洞口县 units.

Written without reading the classifier or any earlier fixtures; only the notice, the design
notes and the schedule/unit configuration were consulted.

    python3 scripts/gen_holdout4.py      # writes fixtures/holdout4/NNN-name.{eml,json}

After it was scored once, blind, the truths were normalised to the format of the other
sets (`normalise` below): activity_end equals activity_date for a one-day activity; an
activity that is not in the schedule expects review (issue 12); a mail whose only text is
in a picture or a scan is ambiguous to the bot and expects review.

Needs: Python 3.11, fpdf2 and Pillow (pip install fpdf2 Pillow), a CJK TrueType font
(apt-get install fonts-wqy-microhei fonts-wqy-zenhei). Check the PDFs with pdftotext
(poppler-utils).

Truth json per mail (the format scripts/score reads):
  {"kind", "unit", "activity", "activity_date", "activity_end", "automated", "ambiguous",
   optional "needs_review" (only for decisions that rest on a scan), optional "submissions"}
"""

import base64
import datetime as dt
import email.utils
import io
import json
import random
import sys
import uuid
import zipfile
from pathlib import Path
from urllib.parse import quote

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "holdout4"
OFFICE = "43347867@qq.com"
TZ = dt.timezone(dt.timedelta(hours=8))
R = random.Random(20230406)

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
]


def font_path() -> str:
    for p in FONT_CANDIDATES:
        if Path(p).exists():
            return p
    sys.exit("no CJK font: apt-get install fonts-wqy-microhei fonts-wqy-zenhei")


# ---------------------------------------------------------------------------------------------
# low-level MIME helpers (hand-rolled, so that each client's quirks can be reproduced)
# ---------------------------------------------------------------------------------------------

def codec(cs: str) -> str:
    """Windows clients label CP936 text "gb2312"; encode it the way they do."""
    return "gbk" if cs.lower() == "gb2312" else cs


def crlf(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


def b64(data: bytes) -> bytes:
    enc = base64.b64encode(data)
    return b"\r\n".join(enc[i:i + 76] for i in range(0, len(enc), 76)) + b"\r\n"


def qp(data: bytes) -> bytes:
    out = []
    for line in data.split(b"\n"):
        line = line.rstrip(b"\r")
        enc = []
        for i, c in enumerate(line):
            if (33 <= c <= 126 and c != 61) or (c in (9, 32) and i != len(line) - 1):
                enc.append(chr(c))
            else:
                enc.append("=%02X" % c)
        s = "".join(enc)
        while len(s) > 76:
            cut = 75
            while s[cut - 1] == "=" or s[cut - 2] == "=":
                cut -= 1
            out.append(s[:cut] + "=")
            s = s[cut:]
        out.append(s)
    return "\r\n".join(out).encode("ascii") + b"\r\n"


def qword(b: bytes) -> str:
    return "".join(chr(c) if (chr(c).isalnum() and c < 128) else ("_" if c == 32 else "=%02X" % c)
                   for c in b)


def ewords(text: str, cs: str = "utf-8", mode: str = "B", limit: int = 75) -> list[str]:
    def enc(s):
        b = s.encode(codec(cs))
        if mode == "B":
            return f"=?{cs}?B?{base64.b64encode(b).decode()}?="
        return f"=?{cs}?Q?{qword(b)}?="
    words, cur = [], ""
    for ch in text:
        if cur and len(enc(cur + ch)) > limit:
            words.append(enc(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(enc(cur))
    return words


def hdr(text: str, cs: str = "utf-8", mode: str = "B") -> str:
    """A header value: ASCII as is, otherwise RFC 2047 encoded words folded over lines."""
    if all(ord(c) < 128 for c in text):
        return text
    return "\r\n ".join(ewords(text, cs, mode))


def addr(name: str | None, address: str, cs: str = "utf-8", quoted: bool = False) -> str:
    if not name:
        return address
    if all(ord(c) < 128 for c in name):
        return f'"{name}" <{address}>'
    w = " ".join(ewords(name, cs))
    return f'"{w}" <{address}>' if quoted else f"{w} <{address}>"


class Part:
    def __init__(self, headers, body=b"", parts=None, boundary=None, preamble=True):
        self.headers = headers
        self.body = body
        self.parts = parts
        self.boundary = boundary
        self.preamble = preamble

    def render(self) -> bytes:
        head = "\r\n".join(f"{n}: {v}" for n, v in self.headers).encode("ascii") + b"\r\n\r\n"
        if self.parts is None:
            return head + self.body
        b = self.boundary.encode("ascii")
        chunks = [head]
        if self.preamble:
            chunks.append(b"This is a multi-part message in MIME format.\r\n")
        for p in self.parts:
            chunks += [b"\r\n--" + b + b"\r\n", p.render()]
        chunks.append(b"\r\n--" + b + b"--\r\n")
        return b"".join(chunks)


def text(s: str, subtype="plain", cs="utf-8", cte="base64", extra="") -> Part:
    data = crlf(s).encode(codec(cs))
    if cte == "base64":
        body = b64(data)
    elif cte == "quoted-printable":
        body = qp(data)
    else:
        body = data if data.endswith(b"\r\n") else data + b"\r\n"
    return Part([("Content-Type", f'text/{subtype}; charset="{cs}"{extra}'),
                 ("Content-Transfer-Encoding", cte)], body)


def multi(subtype: str, parts: list, boundary: str, extra: str = "", preamble=True) -> Part:
    return Part([("Content-Type", f'multipart/{subtype};{extra}\r\n\tboundary="{boundary}"')],
                parts=parts, boundary=boundary, preamble=preamble)


def pct_chunks(fname: str, cs: str, size: int = 60) -> list[str]:
    """RFC 2231 continuation segments, each ending on a character boundary."""
    out, cur = [], ""
    for ch in fname:
        tok = quote(ch.encode(codec(cs)), safe="")
        if cur and len(cur) + len(tok) > size:
            out.append(cur)
            cur = ""
        cur += tok
    if cur:
        out.append(cur)
    return out


MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "doc": "application/msword",
    "pdf": "application/pdf",
    "jpg": "image/jpeg",
    "JPG": "image/jpeg",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def attach(fname: str, data: bytes, style: str, cs: str = "utf-8", mime: str | None = None,
           ctype_cs: str | None = None) -> Part:
    """style: 2047 (filename="=?cs?B?..?=", one long word as QQ/Foxmail write it),
    2047f (folded words), 2231 (filename*=cs''...), 2231c (filename*0*=…; filename*1*=…),
    mixed (name="=?..?=" in Content-Type, RFC 2231 continuation in Content-Disposition)."""
    mime = mime or MIME[fname.rsplit(".", 1)[1]]
    extra = f'; charset="{ctype_cs}"' if ctype_cs else ""
    if style in ("2047", "2047f"):
        words = ewords(fname, cs, limit=10_000 if style == "2047" else 75)
        v = "\r\n\t".join(words) if style == "2047f" else words[0]
        ct = f'{mime}{extra};\r\n\tname="{v}"'
        cd = f'attachment;\r\n\tfilename="{v}"'
    elif style == "2231":
        v = f"{cs}''" + quote(fname.encode(codec(cs)), safe="")
        ct = f"{mime}{extra};\r\n\tname*={v}"
        cd = f"attachment;\r\n\tfilename*={v}"
    elif style in ("2231c", "mixed"):
        chunks = pct_chunks(fname, cs)
        cont = ";\r\n\t".join(
            (f"filename*{i}*={cs}''{c}" if i == 0 else f"filename*{i}*={c}") for i, c in enumerate(chunks))
        if style == "mixed":
            ct = f'{mime};\r\n\tname="{ewords(fname, cs, limit=10_000)[0]}"'
        else:
            ncont = ";\r\n\t".join(
                (f"name*{i}*={cs}''{c}" if i == 0 else f"name*{i}*={c}") for i, c in enumerate(chunks))
            ct = f"{mime};\r\n\t{ncont}"
        cd = f"attachment;\r\n\t{cont}"
    else:
        raise ValueError(style)
    return Part([("Content-Type", ct), ("Content-Transfer-Encoding", "base64"),
                 ("Content-Disposition", cd)], b64(data))


def fmt(t: dt.datetime) -> str:
    return email.utils.format_datetime(t)


def at(s: str) -> dt.datetime:
    """'2023-04-10 09:26' -> aware datetime with random seconds."""
    t = dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=TZ)
    return t + dt.timedelta(seconds=R.randint(0, 59))


def hexid(n: int) -> str:
    return "".join(R.choice("0123456789ABCDEF") for _ in range(n))


def doc_ip() -> str:
    return R.choice(["203.0.113.", "198.51.100.", "192.0.2."]) + str(R.randint(2, 250))


def received(t: dt.datetime, sender: str, delay: int | None = None) -> list[str]:
    dom = sender.split("@")[1].lower()
    arrive = t + dt.timedelta(seconds=delay if delay is not None else R.randint(1, 9))
    mx = f"newxmmxszc{R.randint(1, 9)}-{R.randint(0, 12)}.qq.com"
    if dom == "qq.com":
        relay = f"out{R.randint(100, 203)}-{R.randint(10, 99)}.mail.qq.com"
        sub = (f"from [{'192.168.' + str(R.randint(0, 9)) + '.' + str(R.randint(2, 250))}]"
               f" (unknown [{doc_ip()}])\r\n\tby newxmesmtplogicsvrszc{R.randint(1, 9)}.qq.com"
               f" (NewEsmtp) with SMTP id {hexid(8)}; {fmt(t)}")
    elif dom in ("163.com", "126.com"):
        relay = f"m{R.randint(1, 15)}{R.randint(10, 99)}.mail.{dom}"
        sub = (f"from {'PC-' + hexid(6)} (unknown [{doc_ip()}])\r\n\tby smtp{R.randint(1, 15)}"
               f" (Coremail) with SMTP id {hexid(22)}.{R.randint(10, 99)}S2;\r\n\t{fmt(t)}"
               if R.random() < 0.5 else
               f"from {dom} (unknown [{doc_ip()}])\r\n\tby ajax-webmail-wmsvr{R.randint(1, 60)}"
               f" (Coremail) ; {fmt(t)} (GMT+08:00)")
    else:
        relay = f"mail.{dom}"
        sub = (f"from [192.168.1.{R.randint(2, 250)}] (unknown [{doc_ip()}])\r\n\tby mail.{dom}"
               f" (Postfix) with ESMTPSA id {hexid(10)}\r\n\tfor <{OFFICE}>; {fmt(t)}")
    top = (f"from {relay} (unknown [{doc_ip()}])\r\n\tby {mx} (NewMx) with SMTP id"
           f" {hexid(8)}-{hexid(4)}\r\n\tfor <{OFFICE}>; {fmt(arrive)}")
    return [top, sub]


def message(top: Part, *, frm: str, sender: str, subject: str | None, date: dt.datetime,
            mid: str, to: str = OFFICE, cc: str | None = None, scs: str = "utf-8",
            smode: str = "B", client: list | None = None, irt: str | None = None,
            refs: str | None = None, recv: list | None = None, extra_top: list | None = None,
            mime_version: str = "1.0") -> bytes:
    h = list(extra_top or [])
    for r in (recv if recv is not None else received(date, sender)):
        h.append(("Received", r))
    h += [("Date", fmt(date)), ("From", frm), ("To", to)]
    if cc:
        h.append(("Cc", cc))
    if subject is not None:
        h.append(("Subject", hdr(subject, scs, smode)))
    h.append(("Message-ID", mid))
    if irt:
        h.append(("In-Reply-To", irt))
    if refs or irt:
        h.append(("References", refs or irt))
    h.append(("MIME-Version", mime_version))
    h += client or []
    top.headers = h + top.headers
    return top.render()


# ---------------------------------------------------------------------------------------------
# attachments
# ---------------------------------------------------------------------------------------------

def xml_esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def docx(title: str, paras: list[str], author: str = "Administrator") -> bytes:
    def para(s, center=False, bold=False, size=None):
        ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ""
        rpr = ""
        if bold or size:
            rpr = "<w:rPr>" + ("<w:b/>" if bold else "") + (
                f'<w:sz w:val="{size}"/>' if size else "") + "</w:rPr>"
        return f'<w:p>{ppr}<w:r>{rpr}<w:t xml:space="preserve">{xml_esc(s)}</w:t></w:r></w:p>'
    body = para(title, center=True, bold=True, size=36) + "".join(para(p) for p in paras)
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f'<w:body>{body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '</Relationships>'),
        "docProps/core.xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:creator>{xml_esc(author)}</dc:creator></cp:coreProperties>'),
        "word/document.xml": document,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, content in files.items():
            zi = zipfile.ZipInfo(name, date_time=(2023, 4, 1, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content.encode("utf-8"))
    return buf.getvalue()


def rtf_doc(title: str, paras: list[str]) -> bytes:
    """A .doc as many county offices send it: Word/WPS 'RTF saved as .doc', GBK escapes."""
    def esc(s):
        out = []
        for ch in s:
            if ord(ch) < 128:
                out.append("\\" + ch if ch in "\\{}" else ch)
            else:
                out.append("".join("\\'%02x" % b for b in ch.encode("gbk")))
        return "".join(out)
    lines = [r"{\rtf1\ansi\ansicpg936\deff0\deflang1033\deflangfe2052"
             r"{\fonttbl{\f0\fnil\fprq2\fcharset134 \'cb\'ce\'cc\'e5;}}",
             r"{\*\generator Riched20 10.0.19041}\viewkind4\uc1",
             r"\pard\qc\b\f0\fs36 " + esc(title) + r"\b0\par"]
    for p in paras:
        lines.append(r"\pard\fi560\sl360\slmult1\fs28 " + esc(p) + r"\par")
    lines.append("}")
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def pdf_text(title: str, paras: list[str], producer: str = "Microsoft® Word 2016",
             creator: str = "Microsoft® Word 2016", day=(2023, 6, 1)) -> bytes:
    from fpdf import FPDF
    p = FPDF(format="A4")
    p.set_creation_date(dt.datetime(*day, 10, 0, 0, tzinfo=TZ))
    p.set_producer(producer)
    p.set_creator(creator)
    p.set_margins(25, 25, 25)
    p.set_auto_page_break(True, 25)
    p.add_font("cjk", "", font_path())
    p.add_page()
    p.set_font("cjk", size=17)
    p.multi_cell(0, 11, title, align="C")
    p.ln(4)
    p.set_font("cjk", size=12)
    for para in paras:
        p.multi_cell(0, 8, para, align="L")
        p.ln(1)
    return bytes(p.output())


def _pil_font(size):
    from PIL import ImageFont
    return ImageFont.truetype(font_path(), size)


def scan_page(title: str, paras: list[str], stamp: str | None = None, seed: int = 1) -> bytes:
    """A photocopied/scanned page: text only as pixels (JPEG)."""
    from PIL import Image, ImageDraw, ImageFilter
    rnd = random.Random(seed)
    W, H = 1240, 1754
    img = Image.new("RGB", (W, H), (246, 244, 238))
    d = ImageDraw.Draw(img)
    y = 150
    ft, fb = _pil_font(44), _pil_font(30)
    tw = d.textlength(title, font=ft)
    if tw > W - 200:
        half = len(title) // 2
        for part in (title[:half], title[half:]):
            d.text(((W - d.textlength(part, font=ft)) / 2, y), part, font=ft, fill=(25, 25, 25))
            y += 64
    else:
        d.text(((W - tw) / 2, y), title, font=ft, fill=(25, 25, 25))
        y += 64
    y += 40
    per = (W - 240) // 30
    for para in paras:
        s = "　　" + para
        for i in range(0, len(s), per):
            d.text((120, y), s[i:i + per], font=fb, fill=(30, 30, 30))
            y += 48
        y += 8
    if stamp:
        cx, cy, r = W - 330, y + 40, 125
        red = (205, 40, 40)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=red, width=7)
        d.text((cx - 22, cy - 30), "★", font=_pil_font(50), fill=red)
        fs = _pil_font(min(26, int(1.7 * r / max(1, len(stamp)))))
        d.text((cx - d.textlength(stamp, font=fs) / 2, cy + 40), stamp, font=fs, fill=red)
    img = img.rotate(rnd.uniform(-0.9, 0.9), resample=Image.BICUBIC, fillcolor=(120, 120, 120))
    noise = Image.effect_noise((W, H), 18).convert("RGB")
    img = Image.blend(img, noise, 0.06).filter(ImageFilter.GaussianBlur(0.6))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=55)
    return buf.getvalue()


def scan_pdf(jpg: bytes, producer="CamScanner") -> bytes:
    from fpdf import FPDF
    p = FPDF(format="A4")
    p.set_creation_date(dt.datetime(2023, 6, 19, 10, 21, tzinfo=TZ))
    p.set_producer(producer)
    p.set_creator(producer)
    p.add_page()
    p.image(io.BytesIO(jpg), x=0, y=0, w=210, h=297)
    return bytes(p.output())


def photo(seed: int, banner: bool = True) -> bytes:
    """A small 'event photo': sky, square, a red banner, crowd blobs (no extractable text)."""
    from PIL import Image, ImageDraw, ImageFilter
    rnd = random.Random(seed)
    W, H = 800, 600
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    for yy in range(H):
        if yy < 260:
            c = (120 + yy // 6, 170 + yy // 8, 230)
        else:
            c = (150 - (yy - 260) // 8, 145 - (yy - 260) // 9, 135 - (yy - 260) // 10)
        d.line([(0, yy), (W, yy)], fill=c)
    for _ in range(5):
        x = rnd.randint(0, W - 150)
        d.rectangle((x, 120, x + rnd.randint(80, 180), 265), fill=(rnd.randint(150, 220),) * 3)
    if banner:
        d.rectangle((90, 160, 710, 215), fill=(200, 20, 25))
        f = _pil_font(34)
        d.text((120, 167), "政务公开主题日", font=f, fill=(255, 230, 90))
    for _ in range(40):
        x, y = rnd.randint(0, W), rnd.randint(300, 560)
        col = tuple(rnd.randint(20, 230) for _ in range(3))
        d.ellipse((x, y, x + 26, y + 26), fill=(230, 190, 160))
        d.rectangle((x - 6, y + 26, x + 32, y + 90), fill=col)
    img = img.filter(ImageFilter.GaussianBlur(0.8))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=62)
    return buf.getvalue()


# ---------------------------------------------------------------------------------------------
# clients: each returns (top Part, client headers, Message-ID, boundary helper)
# ---------------------------------------------------------------------------------------------

def html_lines(s: str, wrap="div") -> str:
    out = []
    for line in s.split("\n"):
        line = xml_esc(line).replace("　", "&nbsp;&nbsp;&nbsp;&nbsp;")
        out.append(f"<{wrap}>{line if line else '<br>'}</{wrap}>")
    return "\n".join(out)


def qq_web(body: str, atts: list | None = None, cs: str = "gb18030", sender="x@qq.com",
           html_only_div=True):
    """QQ Mail web: multipart/alternative gb18030 base64 (+ mixed), tencent_ Message-ID."""
    html = ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
            + html_lines(body) if body.strip() else
            '<meta http-equiv="Content-Type" content="text/html; charset=GB18030"><div><br></div>')
    b1 = f"----=_NextPart_{hexid(8)}_{hexid(8)}_{hexid(8)}"
    alt = multi("alternative", [text(body, "plain", cs), text(html, "html", cs)], b1)
    top = alt
    if atts:
        b0 = f"----=_NextPart_{hexid(8)}_{hexid(8)}_{hexid(8)}"
        top = multi("mixed", [alt] + atts, b0)
    ts = R.randint(1680000000, 1700000000)
    client = [("X-QQ-mid", f"xmsmtpt{ts}t{hexid(16).lower()}"),
              ("X-QQ-XMAILINFO", base64.b64encode(bytes(R.randrange(256) for _ in range(45))).decode()),
              ("X-QQ-XMRINFO", base64.b64encode(bytes(R.randrange(256) for _ in range(18))).decode())]
    mid = f"<tencent_{hexid(40)}@qq.com>"
    return top, client, mid


def foxmail(body: str, sender: str, atts: list | None = None, cs: str = "GB2312"):
    sig_addr = sender
    txt = body + f"\n\n\n\n{sig_addr}\n"
    html = (f'<html><head><meta http-equiv="content-type" content="text/html; charset={cs}">'
            '<style>body { line-height: 1.5; }blockquote { margin-top: 0px; margin-bottom: 0px;'
            ' margin-left: 0.5em; }body { font-size: 14px; font-family: "Microsoft YaHei UI";'
            ' color: rgb(0, 0, 0); line-height: 1.5; }</style></head><body>\n'
            + html_lines(body) +
            '\n<div><br></div><hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">\n'
            f'<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt">'
            f'<div>{sig_addr}</div></div></span></div>\n</body></html>')
    nb = lambda: f"----=_001_NextPart{R.randint(10**11, 10**12 - 1)}_=----"
    alt = multi("alternative", [text(txt, "plain", cs), text(html, "html", cs)], nb())
    top = multi("mixed", [alt] + atts, nb()) if atts else alt
    client = [("X-Priority", "3"), ("X-GUID", str(uuid.UUID(int=R.getrandbits(128))).upper()),
              ("X-Has-Attach", "yes" if atts else "no"),
              ("X-Mailer", "Foxmail 7.2.25.228[cn]")]
    return top, client


def foxmail_mid(t: dt.datetime, sender: str) -> str:
    return f"<{t.strftime('%Y%m%d%H%M%S')}{R.randint(1000000, 9999999)}@{sender.split('@')[1]}>"


OUTLOOK_STYLE = ("<style><!--\n/* Font Definitions */\n@font-face\n\t{font-family:宋体;\n\t"
                 "panose-1:2 1 6 0 3 1 1 1 1 1;}\n@font-face\n\t{font-family:等线;}\n"
                 "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;"
                 "\n\ttext-justify:inter-ideograph;\n\tfont-size:10.5pt;\n\tfont-family:等线;}\n"
                 "--></style>")


def outlook_html(body: str, cs: str) -> str:
    paras = []
    for line in body.split("\n"):
        if line.strip():
            paras.append("<p class=MsoNormal><span style='font-size:12.0pt;font-family:仿宋'>"
                         + xml_esc(line).replace("　", "&nbsp;&nbsp;&nbsp;&nbsp;")
                         + "<span lang=EN-US><o:p></o:p></span></span></p>")
        else:
            paras.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    return (f'<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
            f'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">'
            f'<head><meta http-equiv=Content-Type content="text/html; charset={cs}">'
            f'<meta name=Generator content="Microsoft Word 15 (filtered medium)">{OUTLOOK_STYLE}</head>'
            f'<body lang=ZH-CN link="#0563C1" vlink="#954F72" style=\'text-justify-trim:punctuation\'>'
            f'<div class=WordSection1>\n' + "\n".join(paras) + "\n</div></body></html>")


def outlook(body: str, sender: str, atts: list | None = None, cs: str = "utf-8",
            html_only: bool = True):
    html = text(outlook_html(body, cs), "html", cs, "quoted-printable")
    nb = lambda: f"----=_NextPart_000_{R.randint(0, 0x00FF):04X}_01D9{hexid(4)}.{hexid(8)}"
    if html_only:
        inner = html
    else:
        inner = multi("alternative", [text(body, "plain", cs, "quoted-printable"), html], nb())
    top = multi("mixed", [inner] + atts, nb()) if atts else inner
    client = [("X-Mailer", "Microsoft Outlook 16.0"),
              ("Thread-Index", "AQ" + base64.b64encode(bytes(R.randrange(256) for _ in range(20))).decode()[:-2]),
              ("Content-Language", "zh-cn")]
    mid = f"<000{R.randint(0, 9)}01d9{hexid(4).lower()}${hexid(8).lower()}${hexid(8).lower()}@{sender.split('@')[1]}>"
    return top, client, mid


def iphone(body: str, sender: str, atts: list | None = None, sig="发自我的iPhone"):
    txt = body + (f"\n\n{sig}" if sig else "")
    t = text(txt, "plain", "utf-8", "quoted-printable")
    t.headers[0] = ("Content-Type", "text/plain;\r\n\tcharset=utf-8")
    top = t
    if atts:
        top = multi("mixed", [t] + atts, f"Apple-Mail-{uuid.UUID(int=R.getrandbits(128))}".upper(), preamble=False)
    client = [("X-Mailer", "iPhone Mail (20E252)")]
    mid = f"<{str(uuid.UUID(int=R.getrandbits(128))).upper()}@{sender.split('@')[1]}>"
    return top, client, mid


def qq_mobile(body: str, atts: list | None = None, sig="发自我的QQ邮箱"):
    txt = body + (f"\n\n{sig}" if sig else "")
    html = html_lines(txt)
    b1 = f"----=_NextPart_{hexid(8)}_{hexid(8)}_{hexid(8)}"
    alt = multi("alternative", [text(txt, "plain", "utf-8"), text(html, "html", "utf-8")], b1)
    top = multi("mixed", [alt] + atts, f"----=_NextPart_{hexid(8)}_{hexid(8)}_{hexid(8)}") if atts else alt
    client = [("X-QQ-mid", f"xmsmtpt{R.randint(1680000000, 1700000000)}t{hexid(16).lower()}"),
              ("X-QQ-Mailer", "QQMail for iOS 6.4.6")]
    mid = f"<tencent_{hexid(40)}@qq.com>"
    return top, client, mid


def coremail(body: str, sender: str, atts: list | None = None, cs="GBK"):
    html = html_lines(body)
    b = lambda: f"----=_Part_{R.randint(100000, 999999)}_{R.randint(10**8, 10**9)}.{R.randint(10**12, 10**13)}"
    alt = multi("alternative", [text(body, "plain", cs), text(f"<div style=\"line-height:1.7;color:#000000;font-size:14px;font-family:Arial\">{html}</div>", "html", cs)], b())
    top = multi("mixed", [alt] + atts, b()) if atts else alt
    user = sender.split("@")[0]
    client = [("X-Originating-IP", f"[{doc_ip()}]"), ("X-Priority", "3"),
              ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\r\n"
                           " Copyright (c) 2002-2023 www.mailtech.cn 163com"),
              ("X-NTES-SC", "AL_" + base64.b64encode(bytes(R.randrange(256) for _ in range(30))).decode()),
              ("X-CM-TRANSID", hexid(16).lower() + "--.wQ==")]
    mid = f"<{hexid(8).lower()}.{hexid(4).lower()}.{hexid(11).lower()}.Coremail.{user}@{sender.split('@')[1]}>"
    return top, client, mid


def mailmaster(body: str, sender: str, atts: list | None = None):
    txt = body + "\n\n发自网易邮箱大师"
    b = f"----=_Part_{R.randint(100000, 999999)}_{R.randint(10**8, 10**9)}.{R.randint(10**12, 10**13)}"
    alt = multi("alternative", [text(txt, "plain", "UTF-8"), text(html_lines(txt), "html", "UTF-8")], b)
    top = multi("mixed", [alt] + atts, b + "x") if atts else alt
    client = [("X-Mailer", "MailMasterAndroid/7.16.4")]
    mid = f"<{hexid(8).lower()}.{hexid(4).lower()}.{hexid(11).lower()}.Coremail.{sender.split('@')[0]}@{sender.split('@')[1]}>"
    return top, client, mid


# ---------------------------------------------------------------------------------------------
# truth
# ---------------------------------------------------------------------------------------------

MAILS: list[tuple[str, bytes, dict]] = []


def truth(kind, unit, activity=None, date=None, end=None, automated=False, subs=None, review=None):
    t = {"kind": kind, "unit": unit, "activity": activity, "activity_date": date,
         "activity_end": end, "automated": automated, "ambiguous": False}
    if review is not None:
        t["needs_review"] = review
    if subs:
        t["submissions"] = [
            {"kind": k, "unit": u, "activity": a, "activity_date": d, "activity_end": e}
            for (k, u, a, d, e) in subs]
    return t


GROUPS: dict[str, list[str]] = {}


def add(name: str, raw: bytes, t: dict, *groups: str):
    MAILS.append((name, raw, t))
    for g in groups:
        GROUPS.setdefault(g, []).append(name)


# ---------------------------------------------------------------------------------------------
# the mails
# ---------------------------------------------------------------------------------------------

def build():
    # ---------------- 1 县水利局 ----------------
    s = "2396640158@qq.com"
    t = at("2023-04-10 09:26")
    body = ("县政务公开办：\n"
            "　　根据洞政开〔2023〕1号文件要求，现将我局“强化依法治水，携手共护母亲河”主题活动方案报上，请审阅。\n"
            "　　今年3月22日至28日是第三十一届“世界水日”、第三十六届“中国水周”。为与全县主题日活动计划衔接，"
            "我局定于4月18日（星期二）上午9时在平溪江风光带开展集中宣传，同步举办水法律法规有奖问答比赛，"
            "现场发布《洞口县河道采砂管理规划》。\n"
            "　　详细方案见附件。\n\n"
            "洞口县水利局办公室\n联系人：邓伟  0739-7821356")
    att = attach("洞口县水利局2023年世界水日中国水周政务公开主题日活动方案.docx", docx(
        "洞口县水利局2023年“世界水日·中国水周”政务公开主题日活动方案",
        ["一、活动主题：强化依法治水，携手共护母亲河。",
         "二、活动时间：2023年4月18日（星期二）上午9:00—11:30。",
         "三、活动地点：平溪江风光带（县城文昌阁段）。",
         "四、活动形式：政策发布、有奖问答比赛、现场咨询。邀请县人大代表、政协委员、新闻媒体及市民代表参加。",
         "五、活动内容：（一）发布《洞口县河道采砂管理规划》；（二）开展《水法》《河道管理条例》有奖问答；"
         "（三）设置咨询台，解答群众关于农村饮水、河道管理等方面的问题。",
         "六、工作要求：活动现场悬挂“政务公开主题日”横幅，活动结束后5个工作日内报送情况报告。"]),
        "2047", "gb18030", mime="application/octet-stream", ctype_cs="gb18030")
    top, cl, mid = qq_web(body, [att])
    add("shuili-plan-week-then-day", message(
        top, frm=addr("水利局办公室", s, "gb18030", quoted=True), sender=s,
        subject="水利局政务公开主题日活动方案（世界水日中国水周）", scs="gb18030", date=t, mid=mid,
        client=cl), truth("plan", "县水利局", 1, "2023-04-18"), "ordinary", "dates-range-then-day")

    s = "dengwei_dk@163.com"
    t = at("2023-04-20 16:40")
    atts = [attach("洞口县水利局关于开展2023年“世界水日·中国水周”主题宣传活动情况的报告.docx", docx(
        "洞口县水利局关于开展2023年“世界水日·中国水周”主题宣传活动情况的报告",
        ["县政务公开政务服务领导小组办公室：",
         "4月18日上午，我局在平溪江风光带开展了以“强化依法治水，携手共护母亲河”为主题的政务公开主题日活动。"
         "县人大代表、政协委员和市民群众300余人参加，县融媒体中心进行了现场报道。",
         "一、发布了《洞口县河道采砂管理规划》，由局分管负责同志对规划要点逐条解读。",
         "二、举办水法律法规有奖问答比赛，共有86名群众参与答题，发放奖品120份。",
         "三、设置咨询台3个，发放宣传资料1200余份，现场解答群众咨询45人次，收集意见建议6条，已交相关股室办理。",
         "下一步，我局将继续深化河湖长制政务公开，及时回应群众关切。",
         "洞口县水利局", "2023年4月20日"]), "2047", "GB2312"),
        attach("IMG_20230418_093512.jpg", photo(1), "2047", "GB2312"),
        attach("IMG_20230418_101947.jpg", photo(2), "2047", "GB2312")]
    top, cl = foxmail("张老师：\n　　您好！附件为我局主题日活动相关材料及现场照片，请查收。\n\n邓伟\n洞口县水利局",
                      s, atts)
    add("shuili-report-qingkuangde-baogao", message(
        top, frm=addr("邓伟", s, "GB2312"), sender=s, subject="报送材料", scs="GB2312", date=t,
        mid=foxmail_mid(t, s), client=cl),
        truth("report", "县水利局", 1, "2023-04-18"), "titles-qingkuang-de-baogao")

    # ---------------- 县市监局: #2 and #6 ----------------
    s = "dkxscjgj@163.com"
    t = at("2023-04-12 15:02")
    body = ("县政务公开办：\n"
            "　　按照《洞口县2023年“政务公开主题日”活动实施方案》安排，我局承办4月份“优化经济环境、提振消费信心”主题活动，现将活动方案报送如下：\n"
            "　　一、活动时间：2023年4月20日（周四）上午8:30—11:30\n"
            "　　二、活动地点：县城步行街中心广场\n"
            "　　三、活动形式：现场宣传。设置消费维权、食品安全、价格监管、优化营商环境四个咨询台，发放《消费者权益保护法》宣传资料，"
            "现场受理消费投诉，开展“放心消费”示范单位授牌。\n"
            "　　四、参加人员：局班子成员、相关股室和城区市场监管所工作人员，邀请人大代表、政协委员、消费者代表及县融媒体中心记者参加。\n"
            "　　五、宣传要求：现场悬挂“政务公开主题日”横幅，活动结束后及时报送情况报告。\n\n"
            "洞口县市场监督管理局\n2023年4月12日")
    top, cl, mid = outlook(body, s, cs="utf-8")
    add("shijian-plan-outlook", message(
        top, frm=addr("洞口县市场监督管理局", s), sender=s,
        subject="关于报送“优化经济环境、提振消费信心”政务公开主题日活动方案的函", smode="Q", date=t,
        mid=mid, client=cl), truth("plan", "县市监局", 2, "2023-04-20"), "ordinary")

    s = "3129904471@qq.com"
    t = at("2023-04-21 10:15")
    body = ("县政务公开办：\n"
            "　　现将我局两项主题日材料一并报送：\n"
            "　　一、“优化经济环境、提振消费信心”活动情况。4月20日上午，我局在县城步行街中心广场开展现场宣传，"
            "设置咨询台4个，发放资料2600余份，受理消费投诉11件、当场调解9件，为12家“放心消费”示范单位授牌，"
            "县人大代表、政协委员和消费者代表40余人参加，县融媒体中心作了报道。详细情况报告见附件1。\n"
            "　　二、“世界知识产权日宣传周活动”方案。我局拟于4月24日至26日，连续三天在县城步行街和洞口经济开发区开展知识产权宣传周现场观摩活动，"
            "组织企业代表观摩商标、专利保护工作，方案见附件2，请审定。\n\n"
            "县市场监管局综合股\n0739-7712230")
    atts = [attach("附件1：提振消费信心现场宣传活动情况报告.docx", docx(
        "“优化经济环境、提振消费信心”现场宣传活动情况报告",
        ["4月20日上午，县市场监督管理局在县城步行街中心广场开展“优化经济环境、提振消费信心”政务公开主题日现场宣传活动。",
         "活动共设置咨询台4个，发放宣传资料2600余份，受理消费投诉11件，当场调解9件，为12家“放心消费”示范单位授牌。"]),
        "2047", "gb18030", mime="application/octet-stream"),
        attach("附件2：世界知识产权日宣传周现场观摩活动方案.docx", docx(
            "洞口县市场监督管理局2023年“世界知识产权日宣传周”现场观摩活动方案",
            ["一、活动时间：2023年4月24日至26日。",
             "二、活动地点：县城步行街、洞口经济开发区。",
             "三、活动内容：4月24日在步行街设置知识产权宣传咨询点；4月25日组织企业代表观摩开发区企业专利、商标保护工作；"
             "4月26日“世界知识产权日”当天开展知识产权维权援助政策解读。"]),
            "2047", "gb18030", mime="application/octet-stream")]
    top, cl, mid = qq_web(body, atts)
    add("shijian-report2-plan6-two", message(
        top, frm=addr("县市监局综合股", s, "gb18030", quoted=True), sender=s,
        subject="市监局两项材料（提振消费信心活动报告、知识产权宣传周方案）", scs="gb18030", date=t,
        mid=mid, client=cl),
        truth("report", "县市监局", 2, "2023-04-20", subs=[
            ("report", "县市监局", 2, "2023-04-20", None),
            ("plan", "县市监局", 6, "2023-04-24", "2023-04-26")]), "two-submissions", "dates-multi-day")

    s = "872345106@qq.com"
    t = at("2023-04-27 18:05")
    body = ("尹主任好，我局知识产权宣传周活动情况简要报告如下：\n"
            "4月24日至26日，我局连续三天开展“世界知识产权日宣传周”现场观摩活动。24日在县城步行街设咨询点，发放资料1500余份；"
            "25日组织18家企业代表到洞口经济开发区观摩企业商标品牌培育和专利保护工作；26日邀请市局专家进行知识产权维权援助政策解读，"
            "共接待群众咨询260余人次。\n"
            "照片和视频稍后补发。\n\n"
            "县市场监管局 知识产权股 刘晓晴")
    top, cl, mid = iphone(body, s)
    add("shijian-report6-multiday-personal", message(
        top, frm=addr("刘晓晴", s), sender=s, subject="知识产权宣传周活动情况", date=t, mid=mid,
        client=cl), truth("report", "县市监局", 6, "2023-04-24", "2023-04-26"),
        "ordinary", "personal-address", "dates-multi-day")

    # ---------------- 县司法局 #3 ----------------
    s = "dksfj@163.com"
    t = at("2023-04-17 11:20")
    att = attach("洞口县司法局2023年“法治政府示范创建宣传”政务公开主题日活动方案.docx", docx(
        "洞口县司法局2023年“法治政府示范创建宣传”政务公开主题日活动方案",
        ["为深入推进法治政府建设示范创建，提高群众知晓率和满意度，我局决定开展法治政府示范创建宣传政务公开主题日活动，方案如下。",
         "一、活动时间：2023年4月25日（星期二）上午8:30。",
         "二、活动地点：县城雪峰广场。",
         "三、活动形式：问卷调查。现场及线上发放《洞口县法治政府建设群众满意度调查问卷》，同步开展法律咨询。",
         "四、参加单位：县司法局、县法律援助中心、城关司法所、县律师协会。",
         "五、有关要求：活动结束后5个工作日内将问卷调查情况及活动报告报县政务公开办。"]),
        "2047", "GBK")
    top, cl, mid = coremail("见附件", s, [att])
    add("sifa-plan-title-in-filename", message(
        top, frm=addr("司法局", s, "GBK"), sender=s, subject="方案", date=t, mid=mid, client=cl),
        truth("plan", "县司法局", 3, "2023-04-25"), "ordinary", "title-in-filename")

    s = "zhoumin_sfj@163.com"
    t = at("2023-04-28 09:40")
    body = ("张老师您好：\n　　我局4月25日在雪峰广场开展的法治政府示范创建宣传问卷调查活动，相关报告见附件，请查收。谢谢！\n\n"
            "县司法局 普法与依法治理股 周敏")
    att = attach("关于法治政府示范创建宣传问卷调查活动开展情况的报告.doc", rtf_doc(
        "关于法治政府示范创建宣传问卷调查活动开展情况的报告",
        ["4月25日上午，县司法局在雪峰广场开展法治政府示范创建宣传政务公开主题日活动，现场发放调查问卷560份，线上回收问卷1320份。",
         "调查显示，群众对我县法治政府建设总体满意度为93.6%，对行政执法规范化、政务公开等方面提出意见建议23条。",
         "下一步，我局将对意见建议梳理归类，分送相关单位办理并向社会公开办理结果。"]), "2231")
    top, cl, mid = outlook(body, s, [att], cs="gb2312", html_only=False)
    add("sifa-report-doc-generic-subject", message(
        top, frm=addr("周敏", s, "gb2312"), sender=s, subject="司法局报送材料", scs="gb2312",
        date=t, mid=mid, client=cl),
        truth("report", "县司法局", 3, "2023-04-25"), "ordinary", "title-in-filename")

    # ---------------- 县发改局 #4 ----------------
    s = "dkfgj@163.com"
    t = at("2023-04-18 17:05")
    plan4 = ("县政务公开办：\n"
             "　　洞口县发展和改革局关于召开乡镇自来水水价调整听证会的活动方案\n"
             "　　一、活动背景。我县部分乡镇水厂现行水价自2015年执行至今，已不能弥补供水成本。按照《政府制定价格听证办法》，"
             "我局拟召开乡镇自来水水价调整听证会，并作为4月份政务公开主题日活动公开进行。\n"
             "　　二、时间地点。听证会定于2023年4月27日（星期四）上午9:30在县发改局三楼会议室召开。\n"
             "　　三、参加人员。听证参加人17名，其中消费者代表9名、经营者代表2名、人大代表2名、政协委员2名、专家学者2名；邀请新闻媒体和市民代表旁听。\n"
             "　　四、活动形式。听证会前，工作人员将到石江、黄桥、竹市三个乡镇水厂供水区域入户开展问卷调查；听证会上由定价成本监审人员介绍成本监审情况，听证参加人发表意见，现场座谈交流。\n"
             "　　五、信息公开。听证公告、听证报告将在县人民政府门户网站公开。\n\n"
             "洞口县发展和改革局\n2023年4月18日")
    top, cl = foxmail(plan4, s)
    add("fagai-plan-full-body", message(
        top, frm=addr("洞口县发展和改革局", s, "GB2312"), sender=s,
        subject="洞口县发展和改革局关于召开乡镇自来水水价调整听证会的活动方案", scs="GB2312", date=t,
        mid=(plan4_mid := foxmail_mid(t, s)), client=cl),
        truth("plan", "县发改局", 4, "2023-04-27"), "ordinary")

    t = at("2023-05-05 10:30")
    body = ("县政务公开办：\n"
            "　　我局乡镇自来水水价调整听证会已于4月27日上午在局三楼会议室召开，现将情况报告如下：\n"
            "　　听证会由局分管负责同志主持，17名听证参加人全部到会，县融媒体中心全程直播，在线观看1.2万人次。"
            "会前入户发放问卷380份，收回有效问卷352份。会上，多数参加人同意调整方案，同时建议对低保户、特困户实行减免，"
            "我局已将意见建议吸收进调价方案，听证报告将于近期在县政府门户网站公开。\n\n"
            "洞口县发展和改革局价格股\n\n"
            "发件人: 洞口县发展和改革局 <dkfgj@163.com>\n"
            "发送时间: 2023年4月18日 17:05\n"
            "收件人: 43347867@qq.com\n"
            "主题: 洞口县发展和改革局关于召开乡镇自来水水价调整听证会的活动方案\n\n"
            + "\n".join("> " + l for l in plan4.split("\n")[:6]))
    top, cl, mid = outlook(body, s, cs="gb2312")
    add("fagai-report-in-plan-thread", message(
        top, frm=addr("洞口县发展和改革局", s, "gb2312"), sender=s,
        subject="答复: 洞口县发展和改革局关于召开乡镇自来水水价调整听证会的活动方案", scs="gb2312", date=t,
        mid=mid, irt=plan4_mid, client=cl),
        truth("report", "县发改局", 4, "2023-04-27"), "ordinary", "reply")

    # ---------------- 县财政局 #5 ----------------
    s = "1527783064@qq.com"
    t = at("2023-04-13 08:55")
    body = ("尹主任：\n"
            "　　我局定于4月21日（星期五）下午3点在县财政局四楼会议室召开减税降费惠企政策解读座谈会，邀请20家中小微企业负责人、"
            "部分人大代表和政协委员参加，由局分管领导和县税务局业务骨干现场解读政策、回答提问。具体方案见附件。\n\n"
            "县财政局 办公室")
    att = attach("减税降费惠企政策解读座谈会方案.docx", docx(
        "洞口县财政局减税降费惠企政策解读座谈会活动方案",
        ["一、时间：2023年4月21日下午3:00。", "二、地点：县财政局四楼会议室。",
         "三、参会人员：中小微企业负责人20名，人大代表、政协委员各2名，县税务局业务骨干2名。",
         "四、议程：解读小微企业和个体工商户所得税优惠、政府采购支持中小企业等政策；企业代表提问，现场答复；发放政策汇编。"]),
        "2047", "gb18030", mime="application/octet-stream", ctype_cs="gb18030")
    top, cl, mid = qq_web(body, [att])
    add("caizheng-plan-qq", message(
        top, frm=addr("洞口县财政局", s, "gb18030", quoted=True), sender=s,
        subject="财政局主题日方案（减税降费）", scs="gb18030", date=t, mid=mid, client=cl),
        truth("plan", "县财政局", 5, "2023-04-21"), "ordinary")

    s = "chenli_8812@163.com"
    t = at("2023-04-24 20:12")
    body = ("县财政局召开减税降费惠企政策解读座谈会\n\n"
            "　　洞口讯（通讯员 陈丽）4月21日下午，县财政局在四楼会议室召开减税降费惠企政策解读座谈会，"
            "20余家中小微企业负责人、部分县人大代表和政协委员应邀参加。\n"
            "　　座谈会上，县财政局、县税务局业务骨干围绕小微企业所得税优惠、增值税小规模纳税人减免、政府采购支持中小企业等政策进行了逐项解读，"
            "并就企业关心的留抵退税办理时限、政府采购预付款比例等问题现场答疑。企业代表纷纷表示，政策讲得清、听得懂，发展信心更足了。\n"
            "　　据了解，今年一季度全县新增减税降费及退税缓费1.36亿元，惠及市场主体1.2万余户。\n\n"
            "陈丽\n洞口县财政局综合股")
    top, cl, mid = coremail(body, s)
    add("caizheng-report-news-personal163", message(
        top, frm=addr("陈丽", s, "GBK"), sender=s, subject="座谈会新闻稿", date=t, mid=mid, client=cl),
        truth("report", "县财政局", 5, "2023-04-21"), "titles-news", "personal-address")

    # ---------------- 县民政局 #7 ----------------
    s = "dkmzj_bgs@126.com"
    t = at("2023-04-19 14:30")
    body = ("县政务公开办：\n"
            "　　我局拟于4月27日举办第三届“公众开放日”活动，邀请人大代表、政协委员、群众代表走进县社会福利中心、县救助管理站和县婚姻登记处，"
            "实地了解养老服务、流浪乞讨人员救助和婚姻登记“跨省通办”等民政服务，并召开座谈会听取意见建议。方案详见附件。\n\n"
            "洞口县民政局办公室 肖")
    att = attach("洞口县民政局第三届“公众开放日”活动方案.docx", docx(
        "洞口县民政局第三届“公众开放日”活动方案",
        ["一、时间：2023年4月27日（星期四）上午8:30—12:00。",
         "二、线路：县社会福利中心—县救助管理站—县婚姻登记处—局机关会议室（座谈交流）。",
         "三、邀请对象：县人大代表、政协委员各3名，群众代表10名，县融媒体中心记者。"]), "2231c")
    top, cl, mid = outlook(body, s, [att], cs="utf-8", html_only=False)
    add("minzheng-plan-2231", message(
        top, frm=addr("县民政局办公室", s), sender=s, subject="县民政局第三届公众开放日活动方案",
        date=t, mid=mid, client=cl), truth("plan", "县民政局", 7, "2023-04-27"), "ordinary")

    t = at("2023-04-28 11:02")
    pdf = pdf_text("洞口县民政局第三届公众开放日活动情况报告", [
        "县政务公开政务服务领导小组办公室：",
        "4月27日，县民政局举办第三届“公众开放日”活动，6名人大代表、政协委员和10名群众代表走进县社会福利中心、县救助管理站、县婚姻登记处，"
        "实地观摩养老服务、救助管理和婚姻登记“跨省通办”工作。",
        "座谈会上，代表们围绕农村特困人员供养、居家养老服务等提出意见建议8条，局主要负责同志逐一回应，会后已建立办理台账。",
        "本次活动由县融媒体中心进行了报道，相关图片已在局政府信息公开专栏发布。",
        "洞口县民政局", "2023年4月28日"], day=(2023, 4, 28))
    att = attach("4.28.pdf", pdf, "2231")
    top, cl, mid = outlook("", s, [att], cs="utf-8")
    add("minzheng-report-pdf-only", message(
        top, frm=addr("县民政局办公室", s), sender=s, subject="民政局材料", date=t, mid=mid, client=cl),
        truth("report", "县民政局", 7, "2023-04-27"), "pdf-only")

    # ---------------- 县退役军人事务局 #8 / #15 ----------------
    s = "408812397@qq.com"
    t = at("2023-04-14 21:47")
    body = ("尹主任，局里的方案转给您，请查收。\n\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: 县退役军人事务局 <dktyjrswj@163.com>\n"
            "发送时间: 2023年4月14日 17:32\n"
            "收件人: 王军 <408812397@qq.com>\n"
            "主题: 洞口县退役军人事务局关于开展退役军人就业创业调研的方案\n\n"
            "王股长：\n　　方案已按局长意见修改，请报县政务公开办。\n\n"
            "洞口县退役军人事务局关于开展退役军人就业创业调研的方案\n"
            "一、调研时间：2023年4月24日（星期一）\n"
            "二、调研对象：竹市镇、石江镇退役军人创办的3家企业，县退役军人服务中心，部分退役军人就业基地\n"
            "三、调研方式：实地调研，召开退役军人代表座谈会，邀请县人大代表、政协委员参加\n"
            "四、调研内容：就业创业扶持政策落实情况、创业贷款贴息办理情况、退役军人就业意愿和技能培训需求")
    top, cl, mid = iphone(body, s)
    add("tuiyi-plan-forward-iphone", message(
        top, frm=addr("王军", s), sender=s,
        subject="转发：洞口县退役军人事务局关于开展退役军人就业创业调研的方案", date=t, mid=mid,
        client=cl), truth("plan", "县退役军人事务局", 8, "2023-04-24"), "ordinary", "forward")

    s = "dktyjrswj@163.com"
    t = at("2023-04-27 10:20")
    body = ("县政务公开办：\n"
            "　　现将我局政务公开主题日有关材料报送如下：\n"
            "　　一、4月24日，我局组织开展了退役军人就业创业调研，实地走访竹市镇、石江镇3家退役军人创办企业，召开座谈会1次，"
            "收集意见建议11条，情况报告见附件1。\n"
            "　　二、我局6月承办的“出台退役军人优待名录”政策发布活动，拟于6月16日上午在县融媒体中心演播厅召开新闻发布会，"
            "方案见附件2。\n\n"
            "洞口县退役军人事务局")
    atts = [attach("附件1 退役军人就业创业调研情况报告.docx", docx(
        "洞口县退役军人事务局关于退役军人就业创业调研的情况报告",
        ["4月24日，局调研组先后到竹市镇、石江镇3家退役军人创办企业及县退役军人服务中心实地调研，并召开退役军人代表座谈会。",
         "调研发现，创业担保贷款贴息政策知晓率不高、技能培训与市场需求衔接不够等问题，收集意见建议11条。"]), "2047", "GB2312"),
        attach("附件2 出台退役军人优待名录新闻发布会方案.docx", docx(
            "洞口县《退役军人优待名录》新闻发布会方案",
            ["一、时间：2023年6月16日（星期五）上午10:00。", "二、地点：县融媒体中心演播厅。",
             "三、内容：发布《洞口县退役军人优待名录》，解读交通、文旅、医疗、金融等优待项目，回答记者提问。"]), "2047", "GB2312")]
    top, cl = foxmail(body, s, atts)
    add("tuiyi-report8-plan15-two", message(
        top, frm=addr("洞口县退役军人事务局", s, "GB2312"), sender=s,
        subject="退役军人事务局报送主题日活动情况及6月活动方案", scs="GB2312", date=t,
        mid=foxmail_mid(t, s), client=cl),
        truth("report", "县退役军人事务局", 8, "2023-04-24", subs=[
            ("report", "县退役军人事务局", 8, "2023-04-24", None),
            ("plan", "县退役军人事务局", 15, "2023-06-16", None)]), "two-submissions")

    s = "2210734589@qq.com"
    t = at("2023-06-20 09:30")
    body = ("关于《洞口县退役军人优待名录》发布情况的报告\n\n"
            "县政务公开政务服务领导小组办公室：\n"
            "　　6月16日上午，我局在县融媒体中心演播厅召开新闻发布会，正式发布《洞口县退役军人优待名录》。名录涵盖交通出行、文化旅游、"
            "医疗服务、金融服务、生活消费等5大类32项优待内容，首批62家爱心企业和商户参与。发布会邀请县人大代表、政协委员、退役军人代表和"
            "6家新闻媒体参加，局主要负责同志就优待对象范围、享受方式等回答了记者提问。\n"
            "　　名录全文已在县人民政府门户网站和“洞口退役军人”微信公众号同步公开，阅读量超过1.5万次。\n"
            "　　特此报告。\n\n"
            "洞口县退役军人事务局\n2023年6月20日")
    top, cl, mid = qq_web(body)
    add("tuiyi-report15-qingkuangde", message(
        top, frm=addr("退役军人事务局", s, "gb18030", quoted=True), sender=s,
        subject="关于《洞口县退役军人优待名录》发布情况的报告", scs="gb18030", date=t, mid=mid, client=cl),
        truth("report", "县退役军人事务局", 15, "2023-06-16"), "titles-qingkuang-de-baogao")

    # ---------------- 县公安局 #9 / #13 / #24 ----------------
    s = "dkgaj_zzc@163.com"
    t = at("2023-05-06 09:15")
    body = ("县政务公开办：\n"
            "　　根据省公安厅统一部署，5月10日至20日为全省“5·15”打击和防范经济犯罪集中宣传期。结合全县政务公开主题日活动安排，"
            "我局定于5月15日（星期一）上午9时在县城步行街开展主场宣传活动，主要内容：\n"
            "　　1. 设置咨询台，经侦民警现场讲解非法集资、电信网络诈骗、养老诈骗等常见手法；\n"
            "　　2. 展出典型案例展板20块，发放宣传资料；\n"
            "　　3. 现场返还部分涉案追缴资金，邀请人大代表、政协委员和新闻媒体见证。\n"
            "　　请审阅。\n\n"
            "洞口县公安局政治处\n2023年5月6日")
    top, cl, mid = outlook(body, s, cs="utf-8")
    add("gongan-plan9-campaign-period", message(
        top, frm=addr("洞口县公安局", s), sender=s,
        subject="洞口县公安局“5·15”打击和防范经济犯罪宣传日活动方案", date=t, mid=mid, client=cl),
        truth("plan", "县公安局", 9, "2023-05-15"), "ordinary", "dates-week-contains-day")

    s = "1063389251@qq.com"
    t = at("2023-06-12 15:40")
    body = ("尹主任：\n　　附件两个文件请查收，一个是5·15宣传日的情况报告（之前漏报了，现补报），一个是6·26禁毒日的活动方案。\n\n"
            "洞口县公安局政治处 曾志")
    atts = [attach("洞口县公安局“5·15”打击和防范经济犯罪宣传日活动情况报告.docx", docx(
        "洞口县公安局“5·15”打击和防范经济犯罪宣传日活动情况报告",
        ["5月15日上午，我局在县城步行街开展“5·15”打击和防范经济犯罪宣传日活动，展出典型案例展板20块，发放宣传资料3000余份，"
         "现场返还涉案追缴资金86万元，接受群众咨询200余人次。"]), "2047", "gb18030",
        mime="application/octet-stream", ctype_cs="gb18030"),
        attach("洞口县公安局2023年“6·26”国际禁毒日宣传活动方案.docx", docx(
            "洞口县公安局2023年“6·26”国际禁毒日宣传活动方案",
            ["一、时间：2023年6月26日（星期一）上午8:30。", "二、地点：县城雪峰广场。",
             "三、形式：现场宣传。设置禁毒知识展板，开展毒品仿真样品展示、禁毒知识有奖问答，邀请戒毒康复人员现身说法。"]),
            "2047", "gb18030", mime="application/octet-stream", ctype_cs="gb18030")]
    top, cl, mid = qq_web(body, atts)
    add("gongan-report9-plan13-attachments", message(
        top, frm=addr("县公安局政治处", s, "gb18030", quoted=True), sender=s,
        subject="公安局材料报送", scs="gb18030", date=t, mid=mid, client=cl),
        truth("report", "县公安局", 9, "2023-05-15", subs=[
            ("report", "县公安局", 9, "2023-05-15", None),
            ("plan", "县公安局", 13, "2023-06-26", None)]), "two-submissions")

    t = at("2023-06-27 16:20")
    body = ("县政务公开办：\n　　转发县融媒体中心报道一篇，作为我局“6·26”国际禁毒日主题活动的报告，请审阅。现场照片见附件。\n\n"
            "县公安局政治处 曾志\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"洞口县融媒体中心\"<dkrmtzx@163.com>;\n"
            "发送时间: 2023年6月26日(星期一) 晚上7:42\n"
            "收件人: \"曾志\"<1063389251@qq.com>;\n"
            "主题: 县公安局开展“6·26”国际禁毒日集中宣传活动\n\n"
            "县公安局开展“6·26”国际禁毒日集中宣传活动\n"
            "　　洞口新闻网讯（记者 李娟 通讯员 曾志）6月26日上午，县公安局联合县禁毒委成员单位在雪峰广场开展“6·26”国际禁毒日集中宣传活动，"
            "活动以“防范青少年药物滥用”为主题，悬挂“政务公开主题日”横幅，现场展出毒品仿真样品50余种。\n"
            "　　活动中，禁毒民警向过往群众讲解新型毒品的识别方法和危害，组织禁毒知识有奖问答，一名戒毒康复人员现身说法。"
            "当天共发放宣传资料5000余份，受教育群众3000余人次。\n"
            "　　县禁毒办负责人介绍，今年以来全县共破获毒品案件21起，下一步将持续推进禁毒宣传进校园、进社区、进家庭。")
    top, cl, mid = qq_web(body, [attach("禁毒日现场.jpg", photo(13), "2047", "gb18030")])
    add("gongan-report13-news-forward", message(
        top, frm=addr("县公安局政治处", s, "gb18030", quoted=True), sender=s,
        subject="转发：县公安局开展“6·26”国际禁毒日集中宣传活动", scs="gb18030", date=t, mid=mid,
        client=cl), truth("report", "县公安局", 13, "2023-06-26"), "titles-news", "forward")

    s = "dkgaj_zzc@163.com"
    t = at("2023-09-01 16:00")
    body = ("县政务公开办：\n"
            "　　2023年国家网络安全宣传周于9月11日至17日在全国统一开展。按照全县政务公开主题日活动计划，"
            "我局拟于9月12日（星期二）上午在洞口县第一中学开展“网络安全进校园”现场宣传，同步开展网络安全知识问卷调查，方案如下：\n"
            "　　一、主题：网络安全为人民，网络安全靠人民。\n"
            "　　二、内容：网安民警讲授防范电信网络诈骗、个人信息保护专题课；设置展板和咨询台；组织师生扫码参与网络安全知识问卷。\n"
            "　　三、参加人员：县公安局网安大队、反诈中心民警，一中师生约1200人，邀请县融媒体中心报道。\n\n"
            "洞口县公安局")
    top, cl, mid = outlook(body, s, cs="utf-8", html_only=False)
    add("gongan-plan24-week-contains-day", message(
        top, frm=addr("洞口县公安局", s), sender=s, subject="县公安局2023年国家网络安全宣传周活动方案",
        date=t, mid=mid, client=cl), truth("plan", "县公安局", 24, "2023-09-12"), "dates-week-contains-day")

    s = "1063389251@qq.com"
    t = at("2023-09-14 17:30")
    body = ("县政务公开办：\n"
            "　　今年国家网络安全宣传周（9.11—9.17）期间，我局网安大队于9月12日上午走进洞口一中，开展“网络安全进校园”主题日活动。"
            "民警以真实案例讲解刷单返利、游戏账号交易等诈骗手法，1200余名师生参加，现场回收网络安全知识问卷1036份，正确率87%。"
            "活动照片和问卷分析见附件。\n\n"
            "县公安局政治处 曾志\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"县政务公开办\"<43347867@qq.com>;\n"
            "发送时间: 2023年6月29日(星期四) 上午10:05\n"
            "收件人: \"县公安局政治处\"<1063389251@qq.com>;\n"
            "主题: 回复：转发：县公安局开展“6·26”国际禁毒日集中宣传活动\n\n"
            "曾志同志：禁毒日活动报道已收到，写得很好，已推荐到县政府门户网站专栏。另请提前准备9月份国家网络安全宣传周活动，方案于活动前5个工作日报送。")
    top, cl, mid = qq_web(body, [attach("网络安全宣传周问卷分析.docx", docx(
        "“网络安全进校园”问卷调查分析", ["共回收问卷1036份，题目10道，平均正确率87%。", "识别刷单返利诈骗的正确率最低，为71%。"]),
        "2047", "gb18030"), attach("网安进校园1.jpg", photo(24), "2047", "gb18030")])
    add("gongan-report24-reply-quotes-13", message(
        top, frm=addr("县公安局政治处", s, "gb18030", quoted=True), sender=s,
        subject="回复：回复：转发：县公安局开展“6·26”国际禁毒日集中宣传活动", scs="gb18030", date=t,
        mid=mid, client=cl), truth("report", "县公安局", 24, "2023-09-12"),
        "reply-quotes-other-activity", "dates-week-contains-day")

    # ---------------- 县住建局(自来水公司) #10 ----------------
    s = "dkzls_kfzx@163.com"
    t = at("2023-05-08 15:30")
    body = ("县政务公开办：\n"
            "　　按照主题日活动安排，县住建局（自来水公司）拟于5月15日至5月19日，连续五天分别走进城关镇平溪、雪峰、伏龙、毓兰、花古五个社区，"
            "开展“供水服务进社区”活动：现场宣传《城市供水条例》和阶梯水价政策，受理报装报修，免费检测居民家中水质，开展供水服务满意度问卷调查。\n"
            "　　具体方案见附件。\n\n"
            "洞口县自来水公司\n2023年5月8日")
    att = attach("供水服务进社区活动方案.docx", docx(
        "洞口县“供水服务进社区”政务公开主题日活动方案",
        ["一、时间：2023年5月15日至19日，每天上午8:30—11:30。",
         "二、安排：15日平溪社区，16日雪峰社区，17日伏龙社区，18日毓兰社区，19日花古社区。",
         "三、内容：现场宣传、实地调研、问卷调查。"]), "2047", "GB2312")
    top, cl = foxmail(body, s, [att])
    add("zilaishui-plan-multiday", message(
        top, frm=addr("洞口县自来水公司", s, "GB2312"), sender=s, subject="“供水服务进社区”活动方案",
        scs="GB2312", date=t, mid=foxmail_mid(t, s), client=cl),
        truth("plan", "县住建局(自来水公司)", 10, "2023-05-15", "2023-05-19"), "ordinary", "dates-multi-day")

    s = "1356620793@qq.com"
    t = at("2023-05-23 17:00")
    body = ("张老师好！供水服务进社区活动小结：\n"
            "5月15日至19日，自来水公司组织15人的服务队连续五天走进平溪、雪峰、伏龙、毓兰、花古五个社区，现场受理报装报修43件，"
            "免费检测水质126户，发放问卷500份、回收481份，群众满意率96.3%。对反映的花古社区老旧管网水压不足问题，已列入今年改造计划。\n"
            "附几张照片。\n\n"
            "周洁 洞口县自来水公司客服中心")
    atts = [attach(f"mmexport168{R.randint(10**9, 10**10 - 1)}.jpg", photo(100 + i), "2231") for i in range(2)]
    top, cl, mid = qq_mobile(body, atts)
    add("zilaishui-report-xiaojie-mobile", message(
        top, frm=addr("小周", s, quoted=True), sender=s, subject="供水服务进社区活动小结", date=t,
        mid=mid, client=cl),
        truth("report", "县住建局(自来水公司)", 10, "2023-05-15", "2023-05-19"),
        "ordinary", "personal-address", "dates-multi-day")

    # ---------------- 高沙镇 #11 ----------------
    s = "592018834@qq.com"
    t = at("2023-05-04 09:00")
    body = ("县政务公开办：\n"
            "　　《信访工作条例》施行一周年之际，我镇拟于5月12日（星期五，高沙赶集日）上午在高沙镇集贸市场开展信访工作条例宣传主题日活动，"
            "采取座谈交流和政策发布形式：镇党委书记接访、镇司法所和信访办现场解读条例、发布我镇“信访代办”服务清单，"
            "并邀请村（社区）干部、群众代表座谈。方案全文见附件，请审核。\n\n"
            "高沙镇党政综合办 王丽")
    att = attach("高沙镇信访工作条例宣传主题日活动方案.docx", docx(
        "高沙镇《信访工作条例》宣传主题日活动方案",
        ["时间：2023年5月12日上午8:00—12:00。", "地点：高沙镇集贸市场、镇政府二楼会议室。",
         "形式：座谈交流、政策发布。"]), "2047", "gb18030", mime="application/octet-stream")
    top, cl, mid = qq_web(body, [att])
    add("gaosha-plan-qq-personal", message(
        top, frm=addr("王丽", s, "gb18030", quoted=True), sender=s,
        subject="高沙镇信访工作条例宣传主题日方案", scs="gb18030", date=t, mid=mid, client=cl),
        truth("plan", "高沙镇人民政府", 11, "2023-05-12"), "ordinary", "personal-address")

    s = "gaoshazhen_dzb@163.com"
    t = at("2023-05-16 16:00")
    body = ("高沙镇《信访工作条例》宣传活动工作总结\n\n"
            "　　5月12日，高沙镇在集贸市场开展《信访工作条例》宣传主题日活动。现将有关工作总结如下：\n"
            "　　一、主要做法。镇党委书记现场接访群众17批次，镇司法所、信访办干部逐条解读条例，发布“信访代办”服务清单12项；"
            "召开群众代表座谈会，听取意见建议9条。\n"
            "　　二、取得成效。发放宣传资料2000余份，当场化解矛盾纠纷4件，群众对信访工作的知晓度明显提升。\n"
            "　　三、存在不足。部分偏远村群众未能到场，下一步将组织驻村干部入户宣传。\n\n"
            "高沙镇人民政府\n2023年5月16日")
    top, cl = foxmail(body, s)
    add("gaosha-report-gongzuo-zongjie", message(
        top, frm=addr("高沙镇党政办", s, "GB2312"), sender=s,
        subject="高沙镇《信访工作条例》宣传活动工作总结", scs="GB2312", date=t,
        mid=foxmail_mid(t, s), client=cl),
        truth("report", "高沙镇人民政府", 11, "2023-05-12"), "titles-zongjie")

    # ---------------- 县行政审批服务局 #12 / #25 ----------------
    s = "dkxzspj@163.com"
    t = at("2023-05-17 10:40")
    body = ("县政务公开办：\n"
            "　　我局定于5月25日（星期四）上午在县政务服务中心一楼大厅开展“政务公开答疑解惑、打好服务牌”主题日现场观摩活动，"
            "邀请企业代表、群众代表和人大代表、政协委员体验“一件事一次办”“湘易办”掌上办理，现场解答办事疑问。\n"
            "　　活动方案如下：一、8:30 参观各服务专区；二、9:30 体验“湘易办”APP办理社保、不动产查询等高频事项；"
            "三、10:30 座谈交流，征求意见建议。\n\n"
            "洞口县行政审批服务局政务公开股")
    top, cl, mid = outlook(body, s, cs="gb2312")
    add("shenpi-plan12-outlook-gb2312", message(
        top, frm=addr("洞口县行政审批服务局", s, "gb2312"), sender=s,
        subject="县行政审批服务局5月政务公开主题日活动方案", scs="gb2312", date=t, mid=mid, client=cl),
        truth("plan", "县行政审批服务局", 12, "2023-05-25"), "ordinary")

    t = at("2023-05-29 10:10")
    pdf = pdf_text("洞口县行政审批服务局“政务公开答疑解惑、打好服务牌”主题活动情况报告", [
        "5月25日上午，我局在县政务服务中心开展“政务公开答疑解惑、打好服务牌”政务公开主题日现场观摩活动。"
        "县人大代表、政协委员、企业和群众代表共32人参加。",
        "代表们参观了企业开办、不动产登记、社保医保等服务专区，现场体验“湘易办”APP办理高频事项，工作人员现场答疑46个。",
        "座谈交流中，代表们提出延时服务、帮办代办等建议7条，我局已明确责任股室限期办理，办理结果将在门户网站公开。",
        "洞口县行政审批服务局", "2023年5月29日"], producer="WPS 文字", creator="WPS 文字", day=(2023, 5, 29))
    top, cl = foxmail("", s, [attach("附件1.pdf", pdf, "2047", "GB2312")])
    add("shenpi-report12-pdf-only", message(
        top, frm=addr("洞口县行政审批服务局", s, "GB2312"), sender=s, subject="请查收", date=t,
        mid=foxmail_mid(t, s), client=cl),
        truth("report", "县行政审批服务局", 12, "2023-05-25"), "pdf-only")

    t = at("2023-10-11 09:20")
    body = ("县政务公开办：\n"
            "　　为让群众了解“12345”热线工单怎么接、怎么转、怎么办，我局定于10月20日（星期五）上午9:30举办“12345”政务服务便民热线“开放日”活动，"
            "邀请市民代表、企业代表和人大代表、政协委员走进县12345热线中心，现场观摩话务受理、工单派发和回访流程，"
            "并体验“接听一次热线”。方案请审阅。\n\n"
            "洞口县行政审批服务局")
    top, cl, mid = outlook(body, s, cs="utf-8")
    add("shenpi-plan25-outlook", message(
        top, frm=addr("洞口县行政审批服务局", s), sender=s,
        subject="“12345”政务服务便民热线“开放日”活动方案", date=t, mid=mid, client=cl),
        truth("plan", "县行政审批服务局", 25, "2023-10-20"), "ordinary")

    t = at("2023-10-24 15:00")
    body = ("县政务公开办：\n"
            "　　“12345”热线开放日活动开展情况汇报\n"
            "　　10月20日上午，我局举办“12345”政务服务便民热线“开放日”活动，25名市民代表、企业代表和人大代表、政协委员走进热线中心，"
            "观摩话务受理、工单派发、回访考核全流程，6名代表现场体验接听热线。活动中收集意见建议9条，主要集中在节假日接通率和工单办理时限，"
            "已责成相关承办单位整改。今年1—9月，县12345热线共受理群众诉求2.8万件，按时办结率99.2%。\n\n"
            "洞口县行政审批服务局 李娜\n\n\n"
            "发件人： 县政务公开办\n"
            "发送时间： 2023-06-01 10:12\n"
            "收件人： dkxzspj@163.com\n"
            "主题： 关于“政务公开答疑解惑、打好服务牌”主题活动报告的反馈\n\n"
            "李娜同志：\n贵局5月25日“政务公开答疑解惑、打好服务牌”主题活动报告已收悉，建议今后报告附现场照片2—3张。10月份“12345”开放日活动请按时报送方案和报告。")
    top, cl = foxmail(body, s)
    add("shenpi-report25-huibao-quotes-12", message(
        top, frm=addr("洞口县行政审批服务局", s, "GB2312"), sender=s,
        subject="Re: 关于“政务公开答疑解惑、打好服务牌”主题活动报告的反馈", scs="GB2312", date=t,
        mid=foxmail_mid(t, s), client=cl),
        truth("report", "县行政审批服务局", 25, "2023-10-20"), "titles-huibao", "reply-quotes-other-activity")

    # ---------------- 生态环境分局 #14 ----------------
    s = "dkhbfj@163.com"
    t = at("2023-05-26 10:00")
    body = ("县政务公开办：\n"
            "　　关于开展“六五环境日”政务公开主题日活动的方案\n"
            "　　一、主题：建设人与自然和谐共生的现代化。\n"
            "　　二、时间：2023年6月5日上午9:00。\n"
            "　　三、地点：洞口县文昌广场。\n"
            "　　四、形式：政策发布。现场发布《洞口县2022年生态环境状况公报》，解读《邵阳市饮用水水源保护条例》，"
            "设置环保咨询台，开展环保知识有奖问答，展示污染防治攻坚成果。\n"
            "　　五、参加人员：分局全体干部职工、环保志愿者，邀请人大代表、政协委员、企业代表和新闻媒体参加。\n\n"
            "邵阳市生态环境局洞口分局 综合股")
    top, cl, mid = outlook(body, s, cs="utf-8", html_only=False)
    add("shengtai-plan-outlook", message(
        top, frm=addr("邵阳市生态环境局洞口分局", s), sender=s,
        subject="关于开展“六五环境日”政务公开主题日活动的方案", date=t, mid=mid, client=cl),
        truth("plan", "邵阳市生态环境局洞口分局", 14, "2023-06-05"), "ordinary")

    t = at("2023-06-07 15:30")
    body = ("縣政務公開辦：\n"
            "　　6月5日上午，邵陽市生態環境局洞口分局在文昌廣場舉辦“建設人與自然和諧共生的現代化”六五環境日主題活動，"
            "現場發佈《洞口縣2022年生態環境狀況公報》，解讀飲用水水源保護政策，開展環保知識有獎問答。"
            "活動共發放宣傳資料2000餘份，接受群眾諮詢150餘人次，縣人大代表、政協委員、企業代表及環保志願者100餘人參加。\n"
            "　　特此報告。\n\n"
            "邵陽市生態環境局洞口分局\n2023年6月7日")
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>'
            + html_lines(body) + "</body></html>")
    b = f"----=_NextPart_000_{R.randint(0, 255):04X}_01D9{hexid(4)}.{hexid(8)}"
    top = multi("alternative", [text(body, "plain", "big5"), text(html, "html", "big5", "quoted-printable")], b)
    add("shengtai-report-big5", message(
        top, frm=addr("邵陽市生態環境局洞口分局", s, "big5"), sender=s,
        subject="六五環境日主題活動開展情況", scs="big5", date=t,
        mid=f"<000{R.randint(0, 9)}01d9{hexid(4).lower()}${hexid(8).lower()}${hexid(8).lower()}@163.com>",
        client=[("X-Mailer", "Microsoft Outlook 16.0"), ("Content-Language", "zh-tw")]),
        truth("report", "邵阳市生态环境局洞口分局", 14, "2023-06-05"), "traditional-big5")

    # ---------------- 县自然资源局 #16 (+ unscheduled) ----------------
    s = "dkzrzyj@163.com"
    t = at("2023-06-15 16:00")
    body = ("县政务公开办：\n"
            "　　今年6月25日是第33个全国“土地日”，主题为“节约集约用地 严守耕地红线”。我局拟于6月25日（星期日，端午调休工作日）上午"
            "在县城雪峰广场开展土地日宣传暨政策发布活动，现场发布《洞口县国土空间总体规划（2021—2035年）》草案公示信息，"
            "解读耕地保护和农村宅基地审批政策。方案见附件。\n\n"
            "洞口县自然资源局")
    top, cl = foxmail(body, s, [attach("6·25全国土地日宣传活动方案.docx", docx(
        "洞口县自然资源局6·25全国土地日宣传活动方案",
        ["时间：2023年6月25日上午8:30—11:30。", "地点：县城雪峰广场。", "形式：政策发布、现场咨询。"]),
        "2047", "GB2312")])
    add("ziran-plan16-sunday-workday", message(
        top, frm=addr("洞口县自然资源局", s, "GB2312"), sender=s, subject="6·25全国土地日宣传活动方案",
        scs="GB2312", date=t, mid=foxmail_mid(t, s), client=cl),
        truth("plan", "县自然资源局", 16, "2023-06-25"), "ordinary")

    t = at("2023-06-28 11:00")
    body = ("县政务公开办：\n"
            "　　1. 6月25日我局土地日宣传活动已开展，情况报告见附件一；\n"
            "　　2. 8月29日是第十七个“测绘法宣传日”，我局拟当天在县城文昌广场开展测绘法宣传暨地图审核政策发布活动，"
            "申请作为8月份政务公开主题日活动，方案见附件二。\n"
            "　　请审核。\n\n"
            "洞口县自然资源局办公室")
    atts = [attach("附件一 洞口县自然资源局6·25全国土地日宣传活动情况报告.docx", docx(
        "洞口县自然资源局6·25全国土地日宣传活动情况报告",
        ["6月25日上午，我局在县城雪峰广场开展第33个全国“土地日”宣传活动，发布国土空间总体规划草案公示信息，"
         "发放宣传资料1800份，解答群众咨询120余人次。"]), "mixed"),
        attach("附件二 “8·29”测绘法宣传日活动方案.docx", docx(
            "洞口县自然资源局“8·29”测绘法宣传日活动方案",
            ["时间：2023年8月29日上午。", "地点：县城文昌广场。",
             "内容：宣传《测绘法》，发布标准地图和地图审核政策，展示“问题地图”案例。"]), "mixed")]
    top, cl, mid = outlook(body, s, atts, cs="utf-8", html_only=False)
    add("ziran-report16-plus-unscheduled-plan", message(
        top, frm=addr("洞口县自然资源局", s), sender=s, subject="县自然资源局报送材料", date=t, mid=mid,
        client=cl),
        truth("report", "县自然资源局", 16, "2023-06-25", subs=[
            ("report", "县自然资源局", 16, "2023-06-25", None),
            ("plan", "县自然资源局", None, "2023-08-29", None)]), "two-submissions", "unscheduled")

    # ---------------- 县人社局 #17 ----------------
    s = "dkrsj@163.com"
    t = at("2023-06-06 16:45")
    body = ("县政务公开办：\n"
            "　　县人社局“惠民政策宣传日”活动方案\n"
            "　　时间：6月15日（周四）上午9:00—12:00\n"
            "　　地点：县人力资源市场一楼大厅\n"
            "　　内容：1. 就业创业、社会保险、技能培训补贴等惠民政策座谈交流，邀请企业HR、返乡创业人员、脱贫劳动力代表参加；"
            "2. 开展惠民政策知晓度问卷调查；3. 同步举办小型招聘会。\n"
            "　　请审阅。\n\n"
            "洞口县人力资源和社会保障局")
    top, cl, mid = outlook(body, s, cs="utf-8")
    add("renshe-plan-html-only", message(
        top, frm=addr("洞口县人力资源和社会保障局", s), sender=s, subject="县人社局“惠民政策宣传日”活动方案",
        date=t, mid=mid, client=cl), truth("plan", "县人社局", 17, "2023-06-15"), "ordinary")

    s = "1742290361@qq.com"
    t = at("2023-06-08 08:20")
    jpg = scan_page("洞口县人力资源和社会保障局“惠民政策宣传日”活动方案", [
        "为进一步提高群众对就业创业、社会保险等惠民政策的知晓度，根据县政务公开主题日活动安排，我局决定开展“惠民政策宣传日”活动。",
        "一、活动时间：2023年6月15日上午9:00—12:00。",
        "二、活动地点：县人力资源市场一楼大厅。",
        "三、活动形式：座谈交流、问卷调查。",
        "四、工作要求：各股室按分工做好政策资料准备，活动结束后5个工作日内报送情况报告。",
        "洞口县人力资源和社会保障局", "2023年6月6日"], stamp="洞口县人力资源和社会保障局", seed=17)
    top, cl, mid = qq_mobile("盖章版", [attach("IMG_3821.JPG", jpg, "2047", "utf-8")], sig="发自我的iPhone")
    add("renshe-plan-stamped-scan-jpg", message(
        top, frm=addr("人社局办公室", s, quoted=True), sender=s, subject="人社局", date=t, mid=mid,
        client=cl), truth("plan", "县人社局", 17, "2023-06-15", review=True), "scan")

    s = "dkrsj@163.com"
    t = at("2023-06-19 17:20")
    body = ("县人社局惠民政策宣传日活动工作总结\n\n"
            "　　6月15日上午，我局在县人力资源市场举办“惠民政策宣传日”活动，现总结如下：\n"
            "　　一、活动开展情况。召开惠民政策座谈会，企业HR、返乡创业人员、脱贫劳动力代表26人参加，局领导逐一回应提问；"
            "发放问卷300份，回收287份，政策知晓率为78.4%；同步举办的招聘会有32家企业进场，提供岗位860个，达成就业意向137人。\n"
            "　　二、群众反映的问题。灵活就业人员参保缴费渠道、技能补贴申领时限等问题较为集中。\n"
            "　　三、下一步打算。针对知晓率偏低的政策制作短视频，在政务新媒体持续推送。\n\n"
            "洞口县人力资源和社会保障局\n2023年6月19日")
    top, cl = foxmail(body, s)
    add("renshe-report-gongzuo-zongjie", message(
        top, frm=addr("洞口县人社局", s, "GB2312"), sender=s, subject="惠民政策宣传日活动工作总结",
        scs="GB2312", date=t, mid=foxmail_mid(t, s), client=cl),
        truth("report", "县人社局", 17, "2023-06-15"), "titles-zongjie")

    # ---------------- 县农业农村局 #18 ----------------
    s = "dknyncj@163.com"
    t = at("2023-05-31 19:10")
    body = ("尹主任您好，我局“打击假冒农药化肥种子”现场宣传活动定于6月9日（周五）上午在县城农资市场开展，"
            "届时联合县市场监管局、县公安局开展农资打假宣传和现场咨询，方案见附件，请审阅。\n\n县农业农村局 谭")
    top, cl, mid = mailmaster(body, s, [attach("打击假冒农药化肥种子宣传活动方案.docx", docx(
        "洞口县农业农村局“打击假冒农药化肥种子”政务公开主题日活动方案",
        ["时间：2023年6月9日上午8:30。", "地点：县城农资市场。", "形式：现场宣传、真假农资识别展示、现场咨询。"]),
        "2231")])
    add("nongye-plan-mailmaster", message(
        top, frm=addr("谭", s), sender=s, subject="农业农村局6月主题日活动方案", date=t, mid=mid, client=cl),
        truth("plan", "县农业农村局", 18, "2023-06-09"), "ordinary")

    s = "2890145572@qq.com"
    t = at("2023-06-13 10:00")
    pdf = pdf_text("洞口县农业农村局关于“打击假冒农药化肥种子”政务公开主题日活动开展情况的报告", [
        "县政务公开政务服务领导小组办公室：",
        "6月9日上午，我局联合县市场监管局、县公安局在县城农资市场开展“打击假冒农药化肥种子”现场宣传活动。",
        "活动现场设置真假农资对比展示台，农技专家讲解识别方法，发放《种子法》《农药管理条例》宣传资料2500余份，"
        "接受农民群众咨询180余人次，现场检查农资经营门店12家，查扣标签不规范农药34瓶。",
        "下一步，我局将持续开展农资打假专项治理，畅通12316投诉举报渠道，保障农业生产安全。",
        "洞口县农业农村局", "2023年6月12日"], day=(2023, 6, 12))
    top, cl, mid = qq_web("", [attach("文件1.pdf", pdf, "2047", "gb18030", mime="application/octet-stream")])
    add("nongye-report-pdf-only-qq", message(
        top, frm=addr("农业农村局", s, "gb18030", quoted=True), sender=s, subject="报送材料",
        scs="gb18030", date=t, mid=mid, client=cl),
        truth("report", "县农业农村局", 18, "2023-06-09"), "pdf-only")

    # ---------------- 县应急局 #19 ----------------
    s = "dkyjglj@163.com"
    t = at("2023-06-07 10:05")
    body = ("县政务公开办：\n"
            "　　今年6月是第22个全国“安全生产月”，主题为“人人讲安全、个个会应急”。按照县政务公开主题日活动安排，"
            "我局定于6月16日（星期五）“安全宣传咨询日”在县城雪峰广场开展现场观摩活动，组织消防救援、危化品应急处置和防溺水救援演示，"
            "设置安全生产法律法规咨询台，邀请企业负责人、群众代表和新闻媒体参加。\n"
            "　　附件：洞口县应急管理局2023年“安全生产月”宣传活动方案\n\n"
            "洞口县应急管理局办公室")
    top, cl, mid = outlook(body, s, [attach("洞口县应急管理局2023年“安全生产月”宣传活动方案.docx", docx(
        "洞口县应急管理局2023年“安全生产月”宣传活动方案",
        ["一、活动时间：6月1日至30日为“安全生产月”，6月16日为集中宣传咨询日。",
         "二、集中活动：6月16日上午9:00，县城雪峰广场，现场观摩应急救援演示。"]), "2231")], cs="gb2312")
    add("yingji-plan-month-then-day", message(
        top, frm=addr("洞口县应急管理局", s, "gb2312"), sender=s,
        subject="洞口县应急管理局2023年“安全生产月”宣传活动方案", scs="gb2312", date=t, mid=mid, client=cl),
        truth("plan", "县应急局", 19, "2023-06-16"), "dates-range-then-day")

    s = "3340127785@qq.com"
    t = at("2023-06-19 10:25")
    jpg = scan_page("洞口县应急管理局2023年“安全生产月”宣传活动总结", [
        "今年6月是全国第22个“安全生产月”。按照县安委会和县政务公开办的统一部署，我局精心组织，全县安全生产月各项宣传活动有序开展。",
        "6月16日，我局在县城雪峰广场举办“安全宣传咨询日”现场观摩活动，组织消防救援、危化品泄漏处置和防溺水救援演示，"
        "县直有关单位、企业负责人和群众1500余人现场观摩，发放宣传资料6000余份。",
        "活动期间共受理安全隐患举报5条，均已交办整改到位。",
        "洞口县应急管理局", "2023年6月19日"], stamp="洞口县应急管理局", seed=19)
    pdf = scan_pdf(jpg)
    top, cl, mid = qq_mobile("", [attach("扫描全能王 2023-06-19 10.21.pdf", pdf, "2231")], sig="")
    add("yingji-report-scanned-pdf", message(
        top, frm=addr("应急局", s, quoted=True), sender=s, subject="应急局报送", date=t, mid=mid, client=cl),
        truth("report", "县应急局", 19, "2023-06-16", review=True), "scan", "dates-range-then-day")

    # ---------------- 县税务局 #20 ----------------
    s = "dkswj_nsfw@163.com"
    t = at("2023-07-04 15:10")
    body = ("县政务公开办：\n"
            "　　国家税务总局洞口县税务局关于开展“税务事项一网通办”政务公开主题日活动的方案\n"
            "　　一、活动时间：2023年7月13日（星期四）上午9:00。\n"
            "　　二、活动地点：县政务服务中心税务办税大厅。\n"
            "　　三、活动形式：座谈交流、问卷调查。邀请20户纳税人、缴费人代表及人大代表、政协委员，体验电子税务局、“湘易办”办税缴费一网通办，"
            "现场座谈听取意见；面向纳税人开展“一网通办”满意度线上问卷调查。\n"
            "　　四、宣传报道：县融媒体中心现场报道，活动结束后在县政府门户网站公开活动情况。\n\n"
            "国家税务总局洞口县税务局纳税服务股")
    top, cl, mid = outlook(body, s, cs="utf-8")
    add("shuiwu-plan-outlook", message(
        top, frm=addr("国家税务总局洞口县税务局", s), sender=s,
        subject="国家税务总局洞口县税务局关于开展“税务事项一网通办”政务公开主题日活动的方案", date=t,
        mid=mid, client=cl), truth("plan", "县税务局", 20, "2023-07-13"), "ordinary")

    s = "2675503318@qq.com"
    t = at("2023-07-17 09:50")
    top, cl, mid = qq_web("您好，附件是我局主题日开展情况汇报，请查收。\n\n县税务局 纳服股 欧阳", [
        attach("洞口县税务局“税务事项一网通办”政务公开主题日开展情况汇报.docx", docx(
            "洞口县税务局“税务事项一网通办”政务公开主题日开展情况汇报",
            ["7月13日上午，我局在县政务服务中心税务办税大厅开展“税务事项一网通办”政务公开主题日活动。",
             "20户纳税人、缴费人代表和县人大代表、政协委员现场体验电子税务局和“湘易办”办税缴费，座谈会上提出意见建议12条。",
             "线上问卷调查共回收1126份，纳税人对“一网通办”满意率为97.1%。",
             "针对代表提出的跨区域涉税事项办理不便等问题，我局已逐项明确整改措施。"]),
            "2047", "gb18030", mime="application/octet-stream", ctype_cs="gb18030")])
    add("shuiwu-report-huibao-filename", message(
        top, frm=addr("欧阳", s, "gb18030", quoted=True), sender=s, subject="税务局材料", scs="gb18030",
        date=t, mid=mid, client=cl), truth("report", "县税务局", 20, "2023-07-13"),
        "titles-huibao", "title-in-filename", "personal-address")

    # ---------------- 县文旅广体局 #21 ----------------
    s = "2781045532@qq.com"
    t = at("2023-07-11 11:40")
    body = ("张老师：\n"
            "　　我单位“文旅体融合发展座谈会”主题活动初定于7月20日（周四）下午在县文化馆三楼会议室举行，邀请旅游企业、体育协会、"
            "非遗传承人代表和人大代表、政协委员座谈，听取对雪峰山旅游、全民健身设施建设的意见建议。方案附后。\n\n"
            "唐阳\n洞口县文化旅游广电体育局 产业股")
    top, cl, mid = qq_web(body, [attach("文旅体融合发展座谈会方案.docx", docx(
        "“文旅体融合发展座谈会”主题活动方案",
        ["时间：2023年7月20日下午3:00。", "地点：县文化馆三楼会议室。", "形式：座谈交流。"]),
        "2047", "gb18030", mime="application/octet-stream")])
    add("wenlv-plan-personal-qq", message(
        top, frm=addr("阳光", s, "gb18030", quoted=True), sender=s, subject="文旅体融合发展座谈会方案",
        scs="gb18030", date=t, mid=mid, client=cl),
        truth("plan", "县文旅广体局", 21, "2023-07-20"), "ordinary", "personal-address")
    wenlv_mid = mid

    t = at("2023-07-14 16:30")
    body = ("张老师：\n"
            "　　因县领导日程调整，我局“文旅体融合发展座谈会”由原定的7月20日改为7月21日（周五）下午3点举行，地点不变，"
            "修改后的方案见附件，之前发送的方案作废。给您添麻烦了！\n\n"
            "唐阳 县文旅广体局")
    top, cl, mid = qq_web(body, [attach("文旅体融合发展座谈会方案（修改稿）.docx", docx(
        "“文旅体融合发展座谈会”主题活动方案（修改稿）",
        ["时间：2023年7月21日下午3:00。", "地点：县文化馆三楼会议室。", "形式：座谈交流。"]),
        "2047", "gb18030", mime="application/octet-stream")])
    add("wenlv-plan-corrected-date", message(
        top, frm=addr("阳光", s, "gb18030", quoted=True), sender=s, subject="更正：文旅体融合发展座谈会时间调整",
        scs="gb18030", date=t, mid=mid, irt=wenlv_mid, client=cl),
        truth("plan", "县文旅广体局", 21, "2023-07-21"), "ordinary", "dates-changed")

    s = "dkwlgtj@163.com"
    t = at("2023-07-25 10:10")
    body = ("洞口縣文化旅遊廣電體育局「文旅體融合發展座談會」主題活動情況報告\n\n"
            "縣政務公開辦：\n"
            "　　7月21日下午，我局在縣文化館三樓會議室召開“文旅體融合發展座談會”，旅遊企業、體育協會、非遺傳承人代表及縣人大代表、"
            "政協委員共28人參加。座談中，代表們圍繞雪峰山旅遊線路打造、鄉村體育賽事與民宿聯動、非遺進景區等提出意見建議15條，"
            "局主要負責同志逐一作了回應。\n"
            "　　會後，我局已將意見建議分解到相關股室辦理，辦理結果將在縣人民政府門戶網站專欄公開。\n\n"
            "洞口縣文化旅遊廣電體育局\n2023年7月25日")
    top, cl, mid = outlook(body, s, cs="utf-8")
    add("wenlv-report-traditional-utf8", message(
        top, frm=addr("洞口縣文旅廣體局", s), sender=s,
        subject="洞口縣文化旅遊廣電體育局「文旅體融合發展座談會」主題活動情況報告", date=t, mid=mid,
        client=cl), truth("report", "县文旅广体局", 21, "2023-07-21"), "traditional-utf8")

    # ---------------- 县医保局 #22 ----------------
    s = "1839924017@qq.com"
    t = at("2023-08-08 18:20")
    body = ("張鳳同志：\n"
            "醫保局“職工醫保普通門診異地結算二級以上定點醫療機構全覆蓋”現場觀摩活動，擬於8月17日上午在縣人民醫院醫保結算窗口舉行，"
            "邀請參保職工代表、人大代表、政協委員現場觀摩異地就醫直接結算流程，並解讀備案辦理方式。方案見附件。\n\n"
            "洞口縣醫療保障局 夏雯")
    top, cl, mid = iphone(body, s, [attach("醫保局主題日活動方案.docx", docx(
        "洞口縣醫療保障局政務公開主題日活動方案",
        ["一、時間：2023年8月17日上午9:00。", "二、地點：縣人民醫院一樓醫保結算窗口。", "三、形式：現場觀摩。"]), "2231")])
    add("yibao-plan-traditional-iphone", message(
        top, frm=addr("夏雯", s), sender=s, subject="醫保局8月主題日活動方案", date=t, mid=mid, client=cl),
        truth("plan", "县医保局", 22, "2023-08-17"), "traditional-utf8", "personal-address")

    s = "dkybj@163.com"
    t = at("2023-08-28 16:00")
    pdf = pdf_text("洞口县医疗保障局关于职工医保普通门诊异地结算现场观摩活动的情况报告", [
        "县政务公开办：",
        "原定8月17日举行的现场观摩活动，因防汛值守推迟至8月24日上午在县人民医院举行。",
        "8月24日上午，我局邀请参保职工代表、人大代表、政协委员共18人，现场观摩职工医保普通门诊费用跨省直接结算流程，"
        "由医院医保办工作人员演示异地就医备案、刷卡结算全过程。目前，全县二级以上定点医疗机构已全部开通职工医保普通门诊费用跨省直接结算。",
        "活动中解答群众咨询35人次，发放宣传折页800份。",
        "洞口县医疗保障局", "2023年8月28日"], producer="Adobe PDF Library 15.0", creator="Acrobat PDFMaker 15 for Word",
        day=(2023, 8, 28))
    top, cl, mid = coremail("", s, [attach("新建文档 2023-08-28.pdf", pdf, "2047", "GBK")])
    add("yibao-report-pdf-only-postponed", message(
        top, frm=addr("县医保局", s, "GBK"), sender=s, subject="", date=t, mid=mid, client=cl),
        truth("report", "县医保局", 22, "2023-08-24"), "pdf-only", "dates-changed")

    # ---------------- 县卫健局 #23 ----------------
    s = "dkwjj_bgs@163.com"
    t = at("2023-09-01 10:00")
    body = ("縣政務公開辦：\n"
            "　　9月12日是第19個“中國預防出生缺陷日”。按照全縣政務公開主題日活動安排，我局擬於9月12日（星期二）上午在縣婦幼保健院門診大廳"
            "舉行預防出生缺陷日主題活動，發佈《洞口縣免費婚前孕前優生健康檢查實施辦法》，開展優生優育諮詢和免費檢測。\n"
            "　　具體方案如下：一、參加人員：局分管領導、婦幼保健院專家，邀請人大代表、政協委員和育齡群眾代表；"
            "二、活動流程：政策發佈、專家解讀、現場諮詢。\n\n"
            "洞口縣衛生健康局辦公室")
    top = multi("alternative", [text(body, "plain", "big5"),
                                text('<html><head><meta http-equiv="Content-Type" content="text/html; charset=big5"></head><body>'
                                     + html_lines(body) + "</body></html>", "html", "big5")],
                f"----=_001_NextPart{R.randint(10**11, 10**12 - 1)}_=----")
    add("weijian-plan-big5", message(
        top, frm=addr("洞口縣衛生健康局", s, "big5"), sender=s, subject="洞口縣衛生健康局預防出生缺陷日主題活動方案",
        scs="big5", date=t, mid=foxmail_mid(t, s),
        client=[("X-Priority", "3"), ("X-Has-Attach", "no"), ("X-Mailer", "Foxmail 7.2.25.228[tw]")]),
        truth("plan", "县卫健局", 23, "2023-09-12"), "traditional-big5")

    s = "1098812763@qq.com"
    t = at("2023-09-13 08:40")
    body = ("县政务公开办：我局预防出生缺陷日主题活动的新闻报道如下，图片见附件。\n\n"
            "【洞口卫健】守护生命起点 我县开展预防出生缺陷日主题宣传活动\n"
            "　　9月12日是第19个“中国预防出生缺陷日”。当天上午，县卫健局在县妇幼保健院门诊大厅举行主题宣传活动，"
            "现场发布《洞口县免费婚前孕前优生健康检查实施办法》。\n"
            "　　活动现场，妇产科、儿科、遗传咨询专家为群众提供优生优育咨询，为120余名育龄群众免费测量血压、检测血糖，"
            "发放宣传资料1500余份。县卫健局负责人表示，我县将全面落实三级预防措施，力争全县出生缺陷发生率逐年下降。\n"
            "（来源：洞口卫健微信公众号）")
    top, cl, mid = qq_mobile(body, [attach("微信图片_20230912102233.jpg", photo(23), "2231")])
    add("weijian-report-news", message(
        top, frm=addr("刘芳", s, quoted=True), sender=s, subject="预防出生缺陷日活动报道", date=t,
        mid=mid, client=cl), truth("report", "县卫健局", 23, "2023-09-12"), "titles-news")

    # ---------------- unscheduled activities ----------------
    s = "dksfj@163.com"
    t = at("2023-11-24 10:00")
    body = ("县政务公开办：\n"
            "　　为落实“从4月开始每月确定至少1个主题”的要求，我局申请承办12月份政务公开主题日活动。今年12月4日是第十个国家宪法日，"
            "12月1日至7日为“宪法宣传周”。我局拟于12月4日上午在县城雪峰广场开展“大力弘扬宪法精神，建设社会主义法治文化”主题宣传活动，"
            "采取政策发布、现场咨询、宪法知识问卷调查等形式，邀请人大代表、政协委员和群众代表参加。\n"
            "　　详细方案见附件，请审定。\n\n"
            "洞口县司法局")
    top, cl, mid = outlook(body, s, [attach("洞口县司法局“12·4”国家宪法日主题活动方案.docx", docx(
        "洞口县司法局“12·4”国家宪法日政务公开主题日活动方案",
        ["一、时间：2023年12月4日上午9:00。", "二、地点：县城雪峰广场。",
         "三、形式：政策发布、现场咨询、问卷调查。"]), "2231c")], cs="utf-8", html_only=False)
    add("sifa-unscheduled-xianfa-day", message(
        top, frm=addr("洞口县司法局", s), sender=s, subject="县司法局12月政务公开主题日活动方案（“12·4”国家宪法日）",
        date=t, mid=mid, client=cl), truth("plan", "县司法局", None, "2023-12-04"),
        "unscheduled", "dates-week-contains-day")

    s = "2873310055@qq.com"
    t = at("2023-11-07 15:00")
    body = ("县政务公开办：\n"
            "　　11月份全县暂无主题日安排，经局党组研究，我局拟开展“社会救助政策进村入户”政务公开主题日活动。"
            "活动定于11月16日（星期四）在山门镇黄泥江村举行，现场解读最低生活保障、特困人员供养、临时救助政策，公开低保审批流程，"
            "开展救助对象满意度问卷调查。\n"
            "　　请予审核并纳入全县主题日活动安排。\n\n"
            "洞口县民政局办公室 肖")
    top, cl, mid = qq_web(body)
    add("minzheng-unscheduled-november", message(
        top, frm=addr("洞口县民政局", s, "gb18030", quoted=True), sender=s, subject="县民政局11月主题日活动方案",
        scs="gb18030", date=t, mid=mid, client=cl),
        truth("plan", "县民政局", None, "2023-11-16"), "unscheduled")

    s = "dkjyj@163.com"
    t = at("2023-11-13 10:00")
    body = ("县政务公开办：\n"
            "　　为让广大学生和家长了解国家学生资助政策，我局拟于11月22日（星期三）上午在洞口县第三中学开展学生资助政策宣传政务公开主题日活动，"
            "发布《洞口县2023年秋季学期学生资助政策简介》，召开家长代表座谈会，开展资助政策知晓度问卷调查。方案见附件。\n"
            "　　我局未列入今年主题日活动计划，现主动申报，请审核。\n\n"
            "洞口县教育局学生资助管理中心")
    top, cl = foxmail(body, s, [attach("洞口县教育局学生资助政策宣传主题日活动方案.docx", docx(
        "洞口县教育局学生资助政策宣传主题日活动方案",
        ["时间：2023年11月22日上午9:00。", "地点：洞口县第三中学。", "形式：政策发布、座谈交流、问卷调查。"]),
        "2047f", "GB2312")])
    add("jiaoyu-unscheduled-unit-not-listed", message(
        top, frm=addr("洞口县教育局", s, "GB2312"), sender=s, subject="洞口县教育局学生资助政策宣传主题日活动方案",
        scs="GB2312", date=t, mid=foxmail_mid(t, s), client=cl),
        truth("plan", None, None, "2023-11-22"), "unscheduled")

    s = "dkybj@163.com"
    t = at("2023-11-17 16:00")
    body = ("县政务公开办：\n"
            "　　“医保政策进乡村”主题日活动情况报告\n"
            "　　11月15日，县医保局在醪田镇开展“医保政策进乡村”政务公开主题日活动。局干部和镇医保站工作人员深入醪田镇集镇和3个行政村，"
            "讲解2024年度城乡居民医保集中缴费、门诊慢特病待遇、医疗救助等政策，现场为群众办理医保业务56件，发放宣传资料2000余份。\n"
            "　　该活动不在年初计划内，系我局根据“每月至少1个主题”的要求自行组织，特此报告。\n\n"
            "洞口县医疗保障局")
    top, cl, mid = outlook(body, s, cs="gb2312")
    add("yibao-unscheduled-report", message(
        top, frm=addr("洞口县医疗保障局", s, "gb2312"), sender=s, subject="医保政策进乡村主题日活动情况报告",
        scs="gb2312", date=t, mid=mid, client=cl),
        truth("report", "县医保局", None, "2023-11-15"), "unscheduled")

    # ---------------- look-alikes: kind other ----------------
    notice_quote = (
        "各乡镇人民政府（街道办事处、管理区），县直和省、市驻洞口各单位：\n"
        "　　现将《洞口县2023年“政务公开主题日”活动实施方案》印发给你们，请认真组织实施。各单位在组织开展活动前，要提前5个工作日将具体活动方案报县政务公开办；"
        "活动开展后，要及时总结，形成情况报告或新闻报导，于5个工作日内报县政务公开办。\n"
        "附件：洞口县2023年“政务公开主题日”活动计划表\n"
        "9\t5.15防范和打击经济犯罪宣传日\t现场宣传\t县公安局\t5月\n"
        "18\t打击假冒农药化肥种子\t现场宣传\t县农业农村局\t6月\n"
        "19\t安全生产月宣传活动\t现场观摩\t县应急局\t6月\n"
        "20\t税务事项一网通办情况\t座谈交流、问卷调查\t县税务局\t7月")

    s = "3340127785@qq.com"
    t = at("2023-04-07 11:20")
    body = ("收到。我局将按计划于6月开展安全生产月宣传活动，届时提前报送活动方案。\n\n"
            "县应急管理局办公室\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"县政务公开办\"<43347867@qq.com>;\n"
            "发送时间: 2023年4月6日(星期四) 下午4:18\n"
            "收件人: \"县直各单位\";\n"
            "主题: 洞口县2023年“政务公开主题日”活动实施方案\n\n" + notice_quote)
    top, cl, mid = qq_web(body)
    add("yingji-ack-notice-quoted", message(
        top, frm=addr("洞口县应急管理局", s, "gb18030", quoted=True), sender=s,
        subject="回复：洞口县2023年“政务公开主题日”活动实施方案", scs="gb18030", date=t, mid=mid, client=cl),
        truth("other", "县应急局"), "lookalike-notice")

    s = "dknyncj@163.com"
    t = at("2023-04-10 15:00")
    body = ("已收悉。我局将认真做好6月份“打击假冒农药化肥种子”现场宣传活动的组织工作，活动方案将在活动前5个工作日报送。\n\n"
            "洞口县农业农村局办公室\n\n"
            "发件人: 县政务公开办 <43347867@qq.com>\n"
            "发送时间: 2023年4月6日 16:18\n"
            "收件人: dknyncj@163.com\n"
            "主题: 关于印发《洞口县2023年“政务公开主题日”活动实施方案》的通知\n\n" + notice_quote)
    top, cl, mid = outlook(body, s, cs="utf-8", html_only=False)
    add("nongye-reply-to-notice", message(
        top, frm=addr("洞口县农业农村局", s), sender=s,
        subject="答复: 关于印发《洞口县2023年“政务公开主题日”活动实施方案》的通知", date=t, mid=mid,
        client=cl), truth("other", "县农业农村局"), "lookalike-notice")

    s = "dkzjj_bgs@163.com"
    t = at("2023-04-11 08:45")
    body = ("转发：关于印发《洞口县2023年“政务公开主题日”活动实施方案》的通知\n\n"
            "请局办公室牵头，自来水公司具体落实5月份“供水服务进社区”活动，提前做好方案。——刘局 4月10日\n\n"
            "-------- 转发邮件信息 --------\n"
            "发件人：\"县政务公开办\" <43347867@qq.com>\n"
            "发送日期：2023-04-06 16:18:09\n"
            "收件人：dkzjj_bgs@163.com\n"
            "主题：关于印发《洞口县2023年“政务公开主题日”活动实施方案》的通知\n\n" + notice_quote.replace(
                "9\t5.15", "10\t供水服务进社区\t现场宣传、实地调研、问卷调查\t县住建局(自来水公司)\t5月\n9\t5.15"))
    top, cl, mid = coremail(body, s)
    add("zhujian-forwards-notice-by-mistake", message(
        top, frm=addr("县住建局办公室", s, "GBK"), sender=s,
        to=f"dkzls_kfzx@163.com, {OFFICE}",
        subject="转发：关于印发《洞口县2023年“政务公开主题日”活动实施方案》的通知", date=t, mid=mid, client=cl),
        truth("other", "县住建局(自来水公司)"), "lookalike-notice", "forward")

    s = "1527783064@qq.com"
    t = at("2023-07-05 10:00")
    top, cl, mid = qq_web("尹主任：报上我局上半年政务公开工作总结，请审阅。\n县财政局办公室", [
        attach("洞口县财政局2023年上半年政务公开工作总结.docx", docx(
            "洞口县财政局2023年上半年政务公开工作总结",
            ["今年以来，我局认真贯彻落实《2023年洞口县政务公开工作要点》，现将上半年政务公开工作总结如下。",
             "一、主要工作。（一）预决算公开：按时公开县本级政府预算、部门预算。（二）政策解读：发布解读材料8篇。"
             "（三）开展政务公开主题日活动。4月21日，我局召开减税降费惠企政策解读座谈会，20余家企业参加。"
             "（四）依申请公开：受理政府信息公开申请3件，均按期答复。",
             "二、存在问题。政策解读形式较为单一，图解、视频解读偏少。",
             "三、下半年工作打算。加强财政资金直达、惠企资金信息公开，丰富解读形式。"]),
            "2047", "gb18030", mime="application/octet-stream")])
    add("caizheng-halfyear-summary", message(
        top, frm=addr("洞口县财政局", s, "gb18030", quoted=True), sender=s,
        subject="洞口县财政局2023年上半年政务公开工作总结", scs="gb18030", date=t, mid=mid, client=cl),
        truth("other", "县财政局"), "lookalike-halfyear")

    s = "dkxscjgj@163.com"
    t = at("2023-07-10 11:00")
    body = ("洞口县市场监督管理局关于2023年上半年政务公开工作情况的报告\n\n"
            "县政务公开办：\n"
            "　　上半年，我局围绕市场监管主责主业，扎实推进政务公开各项工作，现将有关情况报告如下：\n"
            "　　一、主动公开情况。在县政府门户网站公开行政许可、行政处罚信息1260条，“双随机、一公开”抽查结果46批次。\n"
            "　　二、主题日活动情况。承办的“优化经济环境、提振消费信心”和“世界知识产权日宣传周”两场政务公开主题日活动均已按计划完成，"
            "并按要求报送了活动方案和情况报告。\n"
            "　　三、存在问题及下步打算。部分基层所信息发布不及时，下半年将加强培训和督查。\n\n"
            "洞口县市场监督管理局\n2023年7月10日")
    top, cl, mid = outlook(body, s, cs="utf-8")
    add("shijian-halfyear-qingkuang-baogao", message(
        top, frm=addr("洞口县市场监督管理局", s), sender=s,
        subject="洞口县市场监督管理局关于2023年上半年政务公开工作情况的报告", date=t, mid=mid, client=cl),
        truth("other", "县市监局"), "lookalike-halfyear")

    s = "dkxzfb@163.com"
    t = at("2023-05-22 17:00")
    body = ("各乡镇人民政府（街道办事处、管理区），县直各单位：\n"
            "　　经县人民政府同意，定于5月26日（星期五）下午3:00在县政府二楼会议室召开全县政务公开工作推进会。\n"
            "　　一、会议内容：通报一季度政务公开第三方评估情况和“政务公开主题日”活动开展情况；部署下阶段基层政务公开标准化规范化工作。\n"
            "　　二、参会人员：各单位分管负责同志和政务公开工作人员各1名。\n"
            "　　三、有关要求：请于5月25日下午5点前将参会回执发送至本邮箱，不得缺席。\n\n"
            "洞口县人民政府办公室\n2023年5月22日")
    top, cl, mid = coremail(body, s)
    add("xianfuban-meeting-notice", message(
        top, frm=addr("洞口县人民政府办公室", s, "GBK"), sender=s, to="undisclosed-recipients:;",
        subject="关于召开全县政务公开工作推进会的通知", date=t, mid=mid, client=cl),
        truth("other", None), "lookalike-meeting")

    s = "1098812763@qq.com"
    t = at("2023-08-30 09:30")
    body = ("全县政务公开业务培训会参会回执\n\n"
            "单位：洞口县卫生健康局\n"
            "姓名：刘芳\n"
            "职务：办公室副主任\n"
            "联系电话：139****6021\n"
            "是否住宿：否\n\n"
            "刘芳")
    top, cl, mid = qq_web(body)
    add("weijian-training-receipt", message(
        top, frm=addr("刘芳", s, "gb18030", quoted=True), sender=s, subject="县卫健局参会回执",
        scs="gb18030", date=t, mid=mid, client=cl), truth("other", "县卫健局"), "lookalike-meeting")

    s = "3129904471@qq.com"
    t = at("2023-06-02 16:00")
    body = ("洞口县市场监督管理局工作简报\n第15期\n县市场监督管理局办公室编　　2023年6月2日\n\n"
            "【食品安全】县市场监管局开展校园及周边食品安全专项检查，检查学校食堂86家、周边食品经营户132户，责令整改问题19个。\n"
            "【特种设备】组织开展电梯安全隐患排查，检查在用电梯312台，下达安全监察指令书7份。\n"
            "【优化营商环境】全面推行企业开办“一网通办”，企业开办时间压缩至0.5个工作日，5月新增市场主体1035户。\n"
            "【价格监管】开展农资价格专项检查，提醒告诫经营者23户。\n\n"
            "报：县委、县人大、县政府、县政协领导\n送：县政务公开办、县直有关单位")
    top, cl, mid = qq_web(body)
    add("shijian-jianbao-newsletter", message(
        top, frm=addr("县市监局综合股", s, "gb18030", quoted=True), sender=s,
        subject="洞口县市场监督管理局工作简报（第15期）", scs="gb18030", date=t, mid=mid, client=cl),
        truth("other", "县市监局"), "lookalike-newsletter")

    s = "dkxzspj@163.com"
    t = at("2023-06-09 17:10")
    body = ("洞口县政务服务工作简报\n2023年第6期\n\n"
            "●“湘易办”超级服务端洞口专区上线，首批接入高频事项136项。\n"
            "●“一件事一次办”：5月共办件1.1万件，群众满意率99.6%。\n"
            "●“12345”热线：5月受理群众诉求3215件，按时办结率99.3%，回访满意率96.8%；接通率较4月提升2.1个百分点。\n"
            "●帮办代办：县政务服务中心开设“办不成事”反映窗口，5月协调解决疑难事项12件。\n\n"
            "洞口县行政审批服务局　编")
    top, cl = foxmail(body, s)
    add("shenpi-jianbao-12345-words", message(
        top, frm=addr("洞口县行政审批服务局", s, "GB2312"), sender=s, subject="洞口县政务服务工作简报（2023年第6期）",
        scs="GB2312", date=t, mid=foxmail_mid(t, s), client=cl),
        truth("other", "县行政审批服务局"), "lookalike-newsletter")

    s = "1839924017@qq.com"
    t = at("2023-07-28 10:00")
    body = ("尹主任您好，请问我们8月份主题日活动的方案有没有固定的格式或模板？需要盖章吗？方案和报告都发这个邮箱就可以吗？谢谢！\n\n"
            "县医保局 夏雯")
    top, cl, mid = qq_web(body)
    add("yibao-question-format", message(
        top, frm=addr("夏雯", s, "gb18030", quoted=True), sender=s, subject="请问主题日方案格式",
        scs="gb18030", date=t, mid=mid, client=cl), truth("other", "县医保局"), "lookalike-question")

    s = "dkwjj_bgs@163.com"
    t = at("2023-08-22 15:00")
    body = ("张老师：\n"
            "　　我局9月份承办“预防出生缺陷日主题活动”，想和县妇幼保健院原定的出生缺陷防治宣传义诊合并开展，不知道是否可以？"
            "另外活动结束后的报告是否需要附视频资料？请指导。\n\n"
            "县卫健局办公室 刘芳")
    top, cl = foxmail(body, s)
    add("weijian-question-merge", message(
        top, frm=addr("洞口县卫生健康局", s, "GB2312"), sender=s,
        subject="咨询：主题日活动能否与出生缺陷防治宣传合并开展", scs="GB2312", date=t,
        mid=foxmail_mid(t, s), client=cl), truth("other", "县卫健局"), "lookalike-question")

    s = "592018834@qq.com"
    t = at("2023-05-05 12:10")
    top, cl, mid = iphone("您好，请问活动报告要附几张照片？新闻稿可以代替情况报告吗？我们镇12号搞活动。\n\n高沙镇 王丽", s)
    add("gaosha-question-photos", message(
        top, frm=addr("王丽", s), sender=s, subject="请问", date=t, mid=mid, client=cl),
        truth("other", "高沙镇人民政府"), "lookalike-question")

    s = "2396640158@qq.com"
    t = at("2023-04-11 08:30")
    ack_mid = f"<tencent_{hexid(40)}@qq.com>"
    body = ("收到，谢谢！\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"县政务公开办\"<43347867@qq.com>;\n"
            "发送时间: 2023年4月10日(星期一) 上午9:27\n"
            "收件人: \"水利局办公室\"<2396640158@qq.com>;\n"
            "主题: 回执：已收到县水利局“世界水日·中国水周”主题活动方案\n\n"
            "县水利局：\n"
            "　　你单位报送的第1项活动“强化依法治水，携手共护母亲河”世界水日，中国水周主题活动的活动方案已于2023年4月10日收到，"
            "活动日期为2023年4月18日，按时报送。\n"
            "　　请于活动结束后5个工作日内（2023年4月25日前）报送情况报告或新闻报导。\n"
            "洞口县政务公开政务服务领导小组办公室（本邮件由系统自动发送）")
    top, cl, mid = qq_web(body)
    add("shuili-reply-to-ack", message(
        top, frm=addr("水利局办公室", s, "gb18030", quoted=True), sender=s,
        subject="回复：回执：已收到县水利局“世界水日·中国水周”主题活动方案", scs="gb18030", date=t,
        mid=mid, irt=ack_mid, client=cl), truth("other", "县水利局"), "lookalike-ack-reply")

    s = "dkgaj_zzc@163.com"
    t = at("2023-09-04 09:00")
    body = ("您好！回执中写的活动日期是9月11日，我们方案里写的是9月12日在一中开展，请问是否需要我们重新报送？\n\n"
            "县公安局政治处\n\n"
            "发件人: 县政务公开办 <43347867@qq.com>\n"
            "发送时间: 2023年9月1日 16:02\n"
            "收件人: 洞口县公安局 <dkgaj_zzc@163.com>\n"
            "主题: 回执：已收到县公安局国家网络安全宣传周活动方案\n\n"
            "县公安局：\n"
            "　　你单位报送的第24项活动“国家网络安全宣传周”的活动方案已于2023年9月1日收到，活动日期为2023年9月11日至2023年9月17日。\n"
            "　　请于活动结束后5个工作日内报送情况报告或新闻报导。")
    top, cl, mid = outlook(body, s, cs="utf-8", html_only=False)
    add("gongan-reply-to-ack-question", message(
        top, frm=addr("洞口县公安局", s), sender=s, subject="答复: 回执：已收到县公安局国家网络安全宣传周活动方案",
        date=t, mid=mid, irt=f"<tencent_{hexid(40)}@qq.com>", client=cl),
        truth("other", "县公安局"), "lookalike-ack-reply")

    s = "2890145572@qq.com"
    t = at("2023-06-12 08:10")
    body = ("好的，报告正在走签批流程，这两天报送。\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"县政务公开办\"<43347867@qq.com>;\n"
            "发送时间: 2023年6月12日(星期一) 上午9:00\n"
            "主题: 提醒：县农业农村局第18项活动情况报告将于2023年6月16日截止\n\n"
            "县农业农村局：你单位承办的第18项“打击假冒农药化肥种子”活动已于2023年6月9日开展，请于2023年6月16日前报送情况报告或新闻报导。")
    top, cl, mid = qq_mobile(body, sig="发自我的iPhone")
    add("nongye-reply-to-reminder", message(
        top, frm=addr("农业农村局", s, quoted=True), sender=s,
        subject="回复：提醒：县农业农村局第18项活动情况报告将于2023年6月16日截止", date=t + dt.timedelta(hours=1),
        mid=mid, irt=f"<tencent_{hexid(40)}@qq.com>", client=cl), truth("other", "县农业农村局"),
        "lookalike-ack-reply")

    s = "kefu@zwxmt-peixun.com.cn"
    t = at("2023-08-15 14:22")
    body = ("各有关单位：\n"
            "　　为提升基层政务公开工作人员业务能力，我中心定于2023年9月在长沙举办“政务公开与政务新媒体运营能力提升培训班”。\n"
            "　　培训内容：1. 政务公开主题日活动策划与组织；2. 活动方案、情况报告和新闻报导写作；3. 政务短视频拍摄剪辑。\n"
            "　　培训费：3800元/人（含资料费、场地费），食宿统一安排，费用自理。\n"
            "　　报名请回复本邮件，或联系刘老师：400-****-678。\n\n"
            "政务新媒体培训中心")
    top, cl, mid = outlook(body, s, cs="utf-8")
    add("spam-training-ad", message(
        top, frm=addr("政务新媒体培训中心", s), sender=s,
        subject="关于举办2023年政务公开与政务新媒体运营能力提升培训班的通知", date=t, mid=mid, client=cl),
        truth("other", None), "lookalike-spam")

    s = "1139906620@qq.com"
    t = at("2023-04-12 20:30")
    body = ("尹主任：\n更新后的主题日活动计划表发您，把县市监局两项活动的时间标上了（4月20日、4月24日至26日），请核对。\n\n张凤")
    top, cl, mid = qq_web(body, [attach("洞口县2023年政务公开主题日活动计划表（更新）.docx", docx(
        "洞口县2023年“政务公开主题日”活动计划表",
        ["1 “强化依法治水，携手共护母亲河”世界水日，中国水周主题活动 县水利局 4月18日",
         "2 优化经济环境、提振消费信心 县市监局 4月20日",
         "6 世界知识产权日宣传周活动 县市监局 4月24日至26日"]), "2047", "gb18030")])
    add("office-staff-internal", message(
        top, frm=addr("张凤", s, "gb18030", quoted=True), sender=s, subject="主题日计划表（更新）",
        scs="gb18030", date=t, mid=mid, client=cl), truth("other", None), "lookalike-internal")

    # ---------------- automated mail ----------------
    s = "dkswj_nsfw@163.com"
    t = at("2023-07-03 09:00")
    top = text("您好！您的邮件已收到，我们会尽快处理。\n\n国家税务总局洞口县税务局纳税服务股\n（此邮件为自动回复）", "plain", "GBK")
    add("auto-shuiwu-auto-submitted", message(
        top, frm=addr("国家税务总局洞口县税务局", s, "GBK"), sender=s,
        subject="自动回复: 提醒：请于2023年7月6日前报送“税务事项一网通办”主题日活动方案", scs="GBK", date=t,
        mid=f"<{hexid(8).lower()}.{hexid(4).lower()}.{hexid(11).lower()}.Coremail.dkswj_nsfw@163.com>",
        irt=f"<tencent_{hexid(40)}@qq.com>",
        client=[("Auto-Submitted", "auto-replied"), ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)")],
        recv=received(t, s, delay=1)),
        truth("other", "县税务局", automated=True), "automated-autoreply")

    s = "3340127785@qq.com"
    t = at("2023-06-07 10:06")
    top, cl, mid = qq_web("这是来自QQ邮箱的假期自动回复邮件。\n\n您好，我最近正在休假中，无法亲自回复您的邮件。我将在假期结束后，尽快给您回复。")
    add("auto-yingji-qq-holiday", message(
        top, frm=addr("应急局", s, "gb18030", quoted=True), sender=s,
        subject="自动回复：回执：已收到县应急局“安全生产月”宣传活动方案", scs="gb18030", date=t, mid=mid,
        irt=f"<tencent_{hexid(40)}@qq.com>", client=cl + [("X-Autoreply", "yes")],
        recv=received(t, s, delay=2)),
        truth("other", "县应急局", automated=True), "automated-autoreply")

    s = "dkhbfj@163.com"
    t = at("2023-06-08 09:00")
    top, cl, mid = outlook("我于6月5日至6月9日参加六五环境日系列活动，期间邮件可能无法及时回复，急事请致电0739-78*****。\n\n"
                           "邵阳市生态环境局洞口分局 综合股", s, cs="utf-8", html_only=False)
    add("auto-shengtai-outlook-oof", message(
        top, frm=addr("邵阳市生态环境局洞口分局", s), sender=s,
        subject="自动答复: 提醒：邵阳市生态环境局洞口分局第14项活动情况报告将于2023年6月12日截止", date=t, mid=mid,
        irt=f"<tencent_{hexid(40)}@qq.com>",
        client=cl + [("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
        recv=received(t, s, delay=1)),
        truth("other", "邵阳市生态环境局洞口分局", automated=True), "automated-autoreply")

    s = "dksfj@163.com"
    t = at("2023-04-17 11:21")
    top, cl, mid = coremail("您好，您的邮件我已收到，谢谢！\n——洞口县司法局", s)
    add("auto-sifa-no-headers", message(
        top, frm=addr("司法局", s, "GBK"), sender=s,
        subject="自动回复：回执：已收到县司法局法治政府示范创建宣传活动方案", scs="GBK", date=t, mid=mid,
        irt=f"<tencent_{hexid(40)}@qq.com>", client=cl, recv=received(t, s, delay=1)),
        truth("other", "县司法局", automated=True), "automated-autoreply")

    # bounce from QQ's own MTA (Chinese wording, multipart/report with the original reminder)
    t = at("2023-05-29 09:01")
    orig_t = t - dt.timedelta(seconds=40)
    orig = message(text("县农业农村局：\n　　你单位承办的第18项活动“打击假冒农药化肥种子”计划于6月开展。请于活动开始前5个工作日报送活动方案。\n"
                        "洞口县政务公开政务服务领导小组办公室", "plain", "utf-8"),
                   frm=addr("县政务公开办", OFFICE), sender=OFFICE, to="dknyncj_bgs@163.com",
                   subject="提醒：县农业农村局第18项“打击假冒农药化肥种子”活动方案待报送", date=orig_t,
                   mid=f"<tencent_{hexid(40)}@qq.com>", client=[("Auto-Submitted", "auto-generated")], recv=[])
    expl = ("很抱歉您的邮件没有发送成功。\n\n"
            "收件人：dknyncj_bgs@163.com\n"
            "退信原因：收件人邮箱地址不存在（550 User not found: dknyncj_bgs@163.com）\n\n"
            "建议解决方案：请核对收件人地址是否正确后重新发送。\n\n"
            "此邮件由系统自动发出，请勿直接回复。")
    status = Part([("Content-Type", "message/delivery-status")], crlf(
        "Reporting-MTA: dns; newxmesmtplogicsvrsza5.qq.com\n\n"
        "Final-Recipient: rfc822; dknyncj_bgs@163.com\n"
        "Action: failed\nStatus: 5.1.1\n"
        "Diagnostic-Code: smtp; 550 User not found: dknyncj_bgs@163.com\n").encode())
    rfc = Part([("Content-Type", "message/rfc822"), ("Content-Disposition", "inline")], orig)
    top = multi("report", [text(expl, "plain", "gb18030"), status, rfc],
                f"----=_NextPart_{hexid(8)}_{hexid(8)}_{hexid(8)}", extra=" report-type=delivery-status;")
    add("auto-bounce-qq-chinese", message(
        top, frm=addr("PostMaster", "PostMaster@qq.com"), sender="postmaster@qq.com",
        subject="退信：提醒：县农业农村局第18项“打击假冒农药化肥种子”活动方案待报送", scs="gb18030", date=t,
        mid=f"<bounce_{hexid(24).lower()}@qq.com>", extra_top=[("Return-Path", "<>")],
        client=[("Auto-Submitted", "auto-replied")],
        recv=[f"from newxmesmtplogicsvrsza5.qq.com (localhost)\r\n\tby newxmmxszc3-1.qq.com (NewMx); {fmt(t)}"]),
        truth("other", None, automated=True), "automated-bounce")

    # bounce from a county server (Postfix, English), headers only of the office's acknowledgement
    t = at("2023-04-25 10:14")
    hdrs = crlf(
        "Received: from newxmesmtplogicsvrszc1.qq.com (unknown [203.0.113.77])\n\tby mail.dkcz.gov.cn (Postfix) with ESMTPS id 4QXt2c6KZbz1x;\n"
        f"\t{fmt(t - dt.timedelta(seconds=5))}\n"
        f"Date: {fmt(t - dt.timedelta(seconds=9))}\n"
        "From: =?utf-8?B?5Y6/5pS/5Yqh5YWs5byA5Yqe?= <43347867@qq.com>\n"
        "To: czjbgs@dkcz.gov.cn\n"
        f"Subject: {hdr('回执：已收到县财政局减税降费惠企政策解读座谈会活动情况报告')}\n"
        "Auto-Submitted: auto-replied\n"
        f"Message-ID: <tencent_{hexid(40)}@qq.com>\n").encode()
    expl = ("This is the mail system at host mail.dkcz.gov.cn.\n\n"
            "I'm sorry to have to inform you that your message could not\nbe delivered to one or more recipients. "
            "It's attached below.\n\nFor further assistance, please send mail to postmaster.\n\n"
            "                   The mail system\n\n"
            "<czjbgs@dkcz.gov.cn>: maildrop: maildir over quota.\n")
    status = Part([("Content-Type", "message/delivery-status")], crlf(
        "Reporting-MTA: dns; mail.dkcz.gov.cn\nX-Postfix-Queue-ID: 4QXt2c6KZbz1x\n"
        f"Arrival-Date: {fmt(t - dt.timedelta(seconds=5))}\n\n"
        "Final-Recipient: rfc822; czjbgs@dkcz.gov.cn\nOriginal-Recipient: rfc822;czjbgs@dkcz.gov.cn\n"
        "Action: failed\nStatus: 5.2.2\nDiagnostic-Code: x-unix; maildrop: maildir over quota.\n").encode())
    top = multi("report", [
        Part([("Content-Description", "Notification"), ("Content-Type", "text/plain; charset=us-ascii")],
             crlf(expl).encode()),
        Part([("Content-Description", "Delivery report")] + status.headers, status.body),
        Part([("Content-Description", "Undelivered Message Headers"), ("Content-Type", "text/rfc822-headers")], hdrs)],
        f"4QXt2c6KZbz1x.{R.randint(10**9, 10**10)}/mail.dkcz.gov.cn", extra=" report-type=delivery-status;",
        preamble=False)
    add("auto-bounce-postfix-headers", message(
        top, frm="MAILER-DAEMON@mail.dkcz.gov.cn (Mail Delivery System)", sender="MAILER-DAEMON@dkcz.gov.cn",
        subject="Undelivered Mail Returned to Sender", date=t, mid=f"<20230425021404.4QXt2c6KZbz1x@mail.dkcz.gov.cn>",
        extra_top=[("Return-Path", "<>")], client=[("Auto-Submitted", "auto-replied")]),
        truth("other", None, automated=True), "automated-bounce")

    s = "news@zwgk-hunan.org.cn"
    t = at("2023-05-19 08:00")
    body = ("政务公开资讯　2023年第9期\n\n"
            "【全省动态】各地扎实开展“政务公开主题日”活动\n"
            "　　5月15日，邵阳市洞口县公安局在县城步行街开展“5·15”打击和防范经济犯罪宣传日活动，现场返还涉案资金86万元；"
            "5月12日，洞口县高沙镇在集贸市场开展《信访工作条例》宣传主题日活动；长沙市天心区、株洲市渌口区等地也相继开展主题日活动。\n"
            "【政策解读】《2023年湖南省政务公开工作要点》十问十答\n"
            "【经验交流】基层政务公开标准化规范化建设的“益阳样本”\n\n"
            "您收到此邮件是因为您订阅了“政务公开资讯”。退订请点击：https://zwgk-hunan.org.cn/unsubscribe?u=43347867")
    top = multi("alternative", [text(body, "plain", "utf-8"), text(html_lines(body, "p"), "html", "utf-8")],
                f"=_mailer_{hexid(16).lower()}")
    add("auto-list-provincial-newsletter", message(
        top, frm=addr("政务公开资讯", s), sender=s,
        subject="政务公开资讯 2023年第9期：各地扎实开展“政务公开主题日”活动", date=t,
        mid=f"<{hexid(20).lower()}@zwgk-hunan.org.cn>",
        client=[("List-Id", "=?utf-8?B?5pS/5Yqh5YWs5byA6LWE6K6v?= <zwgk-news.zwgk-hunan.org.cn>"),
                ("List-Unsubscribe", "<https://zwgk-hunan.org.cn/unsubscribe?u=43347867>, <mailto:unsubscribe@zwgk-hunan.org.cn>"),
                ("Precedence", "bulk"), ("X-Mailer", "phpList v3.6.12")]),
        truth("other", None, automated=True), "automated-list")

    s = "news@dkrmt.net"
    t = at("2023-06-27 07:30")
    body = ("洞口新闻早报｜6月27日 星期二\n\n"
            "1. 县公安局开展“6·26”国际禁毒日集中宣传活动\n"
            "　　6月26日上午，县公安局联合县禁毒委成员单位在雪峰广场开展集中宣传，发放资料5000余份。\n"
            "2. 县自然资源局开展第33个全国“土地日”宣传\n"
            "3. 我县早稻病虫害统防统治工作全面展开\n"
            "4. 今日天气：多云转雷阵雨，26℃～33℃\n\n"
            "本邮件由洞口县融媒体中心每日自动推送，如不希望继续接收，请回复“TD”退订。")
    top = text(body, "plain", "utf-8", "base64")
    add("auto-local-news-digest", message(
        top, frm=addr("洞口县融媒体中心", s), sender=s, subject="洞口新闻早报｜6月27日", date=t,
        mid=f"<{hexid(24).lower()}@dkrmt.net>",
        client=[("Precedence", "bulk"), ("List-Unsubscribe", "<mailto:news@dkrmt.net?subject=TD>"),
                ("Auto-Submitted", "auto-generated")]),
        truth("other", None, automated=True), "automated-list")

    s = "10000@qq.com"
    t = at("2023-06-26 09:00")
    body = ("你好！\n\n你的文件中转站中有以下文件将于3天后过期，过期后文件将被删除：\n\n"
            "县应急局安全生产月宣传活动情况报告.docx　　2.1M\n"
            "安全宣传咨询日现场视频.mp4　　186.4M\n\n"
            "如需继续保存，请登录QQ邮箱进入“文件中转站”续期。\n\nQQ邮箱团队")
    top, cl, mid = qq_web(body)
    add("auto-qq-transfer-station-expiry", message(
        top, frm=addr("QQ邮箱团队", s, "gb18030", quoted=True), sender=s, subject="文件中转站文件即将过期提醒",
        scs="gb18030", date=t, mid=mid, client=cl,
        recv=[f"from localhost by newxmmxszc2-3.qq.com (NewMx); {fmt(t)}"]),
        truth("other", None, automated=True), "automated-qq-system")

    t = at("2023-06-15 09:00")
    body = ("日程提醒\n\n"
            "主题：县应急局“安全生产月”安全宣传咨询日活动（现场观摩）\n"
            "时间：2023年6月16日（周五） 09:00 - 11:30\n"
            "地点：县城雪峰广场\n"
            "备注：提醒应急局会后5个工作日内报送情况报告\n\n"
            "此提醒由QQ邮箱日历发出。")
    top, cl, mid = qq_web(body)
    add("auto-qq-calendar-reminder", message(
        top, frm=addr("QQ邮箱日历", s, "gb18030", quoted=True), sender=s,
        subject="日程提醒：县应急局“安全生产月”安全宣传咨询日活动", scs="gb18030", date=t, mid=mid,
        client=cl + [("Auto-Submitted", "auto-generated")],
        recv=[f"from localhost by newxmmxszc2-3.qq.com (NewMx); {fmt(t)}"]),
        truth("other", None, automated=True), "automated-qq-system")


# ---------------------------------------------------------------------------------------------

def normalise(t: dict) -> dict:
    for o in [t] + list(t.get("submissions") or []):
        if o.get("activity_date") and not o.get("activity_end"):
            o["activity_end"] = o["activity_date"]
    if t["kind"] in ("plan", "report") and t.get("activity") is None:
        t["needs_review"] = True
    if t.get("needs_review") and t["kind"] != "other" and t.get("activity") is not None:
        t["ambiguous"] = True
    return t


def main() -> int:
    build()
    OUT.mkdir(parents=True, exist_ok=True)
    for f in list(OUT.glob("*.eml")) + list(OUT.glob("*.json")):
        f.unlink()
    kinds: dict[str, int] = {}
    for i, (name, raw, t) in enumerate(MAILS, 1):
        stem = f"{i:03d}-{name}"
        (OUT / f"{stem}.eml").write_bytes(raw)
        t = normalise(t)
        (OUT / f"{stem}.json").write_text(json.dumps(t, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
    auto = sum(1 for _, _, t in MAILS if t["automated"])
    print(f"{len(MAILS)} mails written to {OUT}: {kinds}, automated {auto}")
    for g, names in sorted(GROUPS.items()):
        print(f"  {g:32s} {len(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
