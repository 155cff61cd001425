#!/usr/bin/env python3
"""Generate the golden classification corpus in fixtures/classify/.

Each case is a raw RFC 5322 message ``NNN-slug.eml`` plus ``NNN-slug.json`` holding
the decision the classifier is expected to make.  Standard library only; the output
is deterministic (hashes of the case name stand in for random ids), so re-running
the script reproduces the committed files byte for byte.

    python3 scripts/gen_fixtures.py          # write + verify
    python3 scripts/gen_fixtures.py --check  # verify the files on disk only
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import json
import quopri
import random
import re
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from email import policy
from email.parser import BytesParser
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "classify"
OFFICE = "43347867@qq.com"
TZ = timezone(timedelta(hours=8))

# The notice's 附件 table: 序号 -> (责任单位 verbatim, planned month, short theme).
SCHEDULE = {
    1: ("县水利局", 4, "世界水日，中国水周主题活动"),
    2: ("县市监局", 4, "优化经济环境、提振消费信心"),
    3: ("县司法局", 4, "法治政府示范创建宣传"),
    4: ("县发改局", 4, "乡镇自来水水价调整听证"),
    5: ("县财政局", 4, "减税降费惠企政策解读座谈会"),
    6: ("县市监局", 4, "世界知识产权日宣传周活动"),
    7: ("县民政局", 4, "第三届公众开放日"),
    8: ("县退役军人事务局", 4, "退役军人就业创业调研"),
    9: ("县公安局", 5, "5.15 防范和打击经济犯罪宣传日"),
    10: ("县住建局(自来水公司)", 5, "供水服务进社区"),
    11: ("高沙镇人民政府", 5, "信访工作条例宣传"),
    12: ("县行政审批服务局", 5, "政务公开答疑解惑、打好服务牌"),
    13: ("县公安局", 6, "6.26 国际禁毒日禁毒宣传活动"),
    14: ("邵阳市生态环境局洞口分局", 6, "六五环境日主题活动"),
    15: ("县退役军人事务局", 6, "出台退役军人优待名录"),
    16: ("县自然资源局", 6, "6·25全国土地日宣传"),
    17: ("县人社局", 6, "惠民政策宣传日"),
    18: ("县农业农村局", 6, "打击假冒农药化肥种子"),
    19: ("县应急局", 6, "安全生产月宣传活动"),
    20: ("县税务局", 7, "税务事项一网通办情况"),
    21: ("县文旅广体局", 7, "文旅体融合发展座谈会"),
    22: ("县医保局", 8, "职工医保普通门诊异地结算全覆盖"),
    23: ("县卫健局", 9, "预防出生缺陷日主题活动"),
    24: ("县公安局", 9, "国家网络安全宣传周"),
    25: ("县行政审批服务局", 10, "12345政务服务便民热线开放日"),
}
UNITS = {u for u, _, _ in SCHEDULE.values()}

# --------------------------------------------------------------------------- helpers


def H(seed: str, n: int) -> str:
    """Deterministic hex string derived from seed."""
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha1(f"{seed}/{i}".encode()).hexdigest()
        i += 1
    return out[:n]


def digits(seed: str, n: int) -> str:
    return "".join(str(int(c, 16) % 10) for c in H(seed + "#d", n))


def T(s: str) -> str:
    """Text literal helper: drop the first newline and trailing blanks."""
    return s.lstrip("\n").rstrip() + "\n"


def dt(m: int, d: int, hh: int, mm: int, ss: int = 0) -> datetime:
    return datetime(2023, m, d, hh, mm, ss, tzinfo=TZ)


def rfcdate(x: datetime, cst: bool = False) -> str:
    s = format_datetime(x)
    return s + " (CST)" if cst else s


def ew(text: str, charset: str = "UTF-8", enc: str = "B", maxlen: int = 75, sep: str = "\n ") -> str:
    """RFC 2047 encoded words; split on character boundaries, folded with sep."""

    def one(s: str) -> str:
        b = s.encode(charset)
        if enc.upper() == "B":
            return f"=?{charset}?{enc}?{base64.b64encode(b).decode()}?="
        q = "".join(
            chr(c) if (48 <= c <= 57 or 65 <= c <= 90 or 97 <= c <= 122) else ("_" if c == 32 else f"={c:02X}")
            for c in b
        )
        return f"=?{charset}?{enc}?{q}?="

    words, cur = [], ""
    for ch in text:
        if cur and len(one(cur + ch)) > maxlen:
            words.append(one(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(one(cur))
    return sep.join(words)


def addr(name: str | None, email: str, charset: str = "UTF-8", enc: str = "B", quoted: bool = True) -> str:
    if not name:
        return f"<{email}>"
    if all(ord(c) < 128 for c in name):
        return f'"{name}" <{email}>'
    w = ew(name, charset, enc, maxlen=998, sep=" ")
    return f'"{w}" <{email}>' if quoted else f"{w} <{email}>"


def b64lines(data: bytes) -> bytes:
    s = base64.b64encode(data).decode()
    return ("\n".join(s[i : i + 76] for i in range(0, len(s), 76)) + "\n").encode()


def encode_body(data: bytes, cte: str) -> bytes:
    cte = cte.lower()
    if cte == "base64":
        return b64lines(data)
    if cte == "quoted-printable":
        out = quopri.encodestring(data)
        return out if out.endswith(b"\n") else out + b"\n"
    return data if data.endswith(b"\n") else data + b"\n"  # 7bit / 8bit


Part = tuple  # (list[str] header lines, bytes body)


def render(part: Part) -> bytes:
    hdrs, body = part
    return ("\n".join(hdrs)).encode("utf-8") + b"\n\n" + body


def leaf(ctype: str, data: bytes, cte: str, disp: str | None = None, extra: tuple = ()) -> Part:
    hdrs = [f"Content-Type: {ctype}", f"Content-Transfer-Encoding: {cte}"]
    if disp:
        hdrs.append(f"Content-Disposition: {disp}")
    hdrs.extend(extra)
    return (hdrs, encode_body(data, cte))


def multipart(subtype: str, parts: list, boundary: str, close: bool = True, preamble: str | None = None,
              extra_params: str = "", header_boundary: str | None = None) -> Part:
    hb = header_boundary or boundary
    hdrs = [f'Content-Type: multipart/{subtype};{extra_params}\n\tboundary="{hb}"']
    body = b""
    if preamble:
        body += preamble.encode() + b"\n\n"
    for p in parts:
        body += b"--" + boundary.encode() + b"\n" + render(p) + b"\n"
    if close:
        body += b"--" + boundary.encode() + b"--\n"
    return (hdrs, body)


def finish(headers: list[str], root: Part | None, lf: bool = False, raw_body: bytes | None = None) -> bytes:
    """Assemble top-level headers (root part's headers replace the literal 'ROOT' marker)."""
    lines: list[str] = []
    for h in headers:
        if h == "ROOT":
            lines.extend(root[0])
        else:
            lines.append(h)
    body = raw_body if raw_body is not None else root[1]
    data = ("\n".join(lines)).encode("utf-8") + b"\n\n" + body
    assert b"\r" not in data
    return data if lf else data.replace(b"\n", b"\r\n")


# ---- attachments -------------------------------------------------------------------

DOCX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _zip(entries: list[tuple[str, bytes]], when=(2023, 4, 1, 9, 0, 0)) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in entries:
            zi = zipfile.ZipInfo(name, date_time=when)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return buf.getvalue()


def docx(paragraphs: list[str], when=(2023, 4, 1, 9, 0, 0)) -> bytes:
    """Minimal valid .docx.  '|' inside a paragraph splits it into separate runs."""
    ct = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="word/document.xml"/></Relationships>'
    )
    body = []
    for i, p in enumerate(paragraphs):
        ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if i == 0 else ""
        runs = []
        for j, r in enumerate(p.split("|")):
            rpr = "<w:rPr><w:b/></w:rPr>" if i == 0 or j % 2 == 1 else ""
            runs.append(f'<w:r>{rpr}<w:t xml:space="preserve">{html.escape(r, quote=False)}</w:t></w:r>')
        body.append(f"<w:p>{ppr}{''.join(runs)}</w:p>")
    doc = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(body)
        + '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'
    )
    return _zip([("[Content_Types].xml", ct.encode()), ("_rels/.rels", rels.encode()),
                 ("word/document.xml", doc.encode())], when)


def jpeg(seed: str, size: int = 3000) -> bytes:
    rnd = random.Random(seed)
    head = bytes.fromhex("ffd8ffe000104a46494600010101004800480000ffdb004300")
    return head + rnd.randbytes(size) + b"\xff\xd9"


def ole_blob(seed: str, size: int = 2500) -> bytes:
    """Opaque .wps/.doc-like compound file: header magic then noise (no extractable text)."""
    return bytes.fromhex("d0cf11e0a1b11ae1") + random.Random(seed).randbytes(size)


def pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 770 Td ({text}) Tj ET".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def pct(s: str, charset: str) -> str:
    safe = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~"
    return "".join(chr(c) if c in safe else f"%{c:02X}" for c in s.encode(charset))


class Att:
    def __init__(self, filename: str, data: bytes, ctype: str = "application/octet-stream", style: str | None = None,
                 charset: str | None = None):
        self.filename, self.data, self.ctype, self.style, self.charset = filename, data, ctype, style, charset


def att_part(a: Att, style: str, charset: str) -> Part:
    style = a.style or style
    cs = a.charset or charset
    fn = a.filename
    if style == "rfc2231":
        v = pct(fn, cs)
        ct = f"{a.ctype};\n\tname*={cs}''{v}"
        disp = f"attachment;\n\tfilename*={cs}''{v}"
    elif style == "rfc2231cont":
        v = pct(fn, cs)
        chunks, cur = [], ""
        for tok in re.findall(r"%[0-9A-F]{2}|.", v):
            if len(cur) + len(tok) > 54:
                chunks.append(cur)
                cur = ""
            cur += tok
        chunks.append(cur)
        segs = [f"filename*{i}*={cs}''{c}" if i == 0 else f"filename*{i}*={c}" for i, c in enumerate(chunks)]
        ct = f"{a.ctype};\n name*0*={cs}''{chunks[0]}" + "".join(
            f";\n name*{i}*={c}" for i, c in enumerate(chunks[1:], 1))
        disp = "attachment;\n " + ";\n ".join(segs)
    else:  # quoted encoded word (QQ Mail, Outlook, Foxmail, Coremail)
        w = ew(fn, cs, "B", maxlen=998, sep=" ")
        ct = f'{a.ctype};\n\tname="{w}"'
        disp = f'attachment;\n\tfilename="{w}"'
    return leaf(ct, a.data, "base64", disp)


# ---- body rendering per client ------------------------------------------------------

def esc(s: str) -> str:
    return html.escape(s, quote=False)


def nbsp_indent(line: str) -> str:
    m = re.match(r"^(\u3000+| +)", line)
    if not m:
        return esc(line)
    n = len(m.group(1)) * (2 if m.group(1)[0] == "\u3000" else 1)
    return "&nbsp;" * n + esc(line[len(m.group(1)):])


def quote_plain(q: dict) -> str:
    style = q["style"]
    hdr = q["header"]
    text = q["text"]
    if style == "qq":
        return "\n\n------------------ 原始邮件 ------------------\n" + "\n".join(hdr) + "\n\n" + text
    if style in ("outlook", "outlook_en"):
        top = "\n-----Original Message-----\n" if style == "outlook_en" else "\n"
        return "\n" + top + "\n".join(hdr) + "\n\n" + text
    if style == "coremail":
        return "\n\n" + hdr[0] + "\n" + "\n".join(">" + ln for ln in text.rstrip("\n").split("\n")) + "\n"
    raise ValueError(style)


def plain_text(client: str, body: str, sig: str, quote: dict | None) -> str:
    out = body.rstrip("\n") + "\n"
    if sig:
        if client == "qq":
            out += "\n\n\n\n------------------\n" + sig.rstrip("\n") + "\n"
        elif client == "foxmail":
            out += "\n\n\n" + sig.rstrip("\n") + "\n"
        else:
            out += "\n" + sig.rstrip("\n") + "\n"
    if quote:
        out += quote_plain(quote)
    return out


def _ascii_spans(line: str) -> str:
    parts = re.split(r"([A-Za-z0-9.:\-@_/]+)", line)
    out = []
    for i, p in enumerate(parts):
        if not p:
            continue
        out.append(f"<span lang=EN-US>{esc(p)}</span>" if i % 2 else esc(p))
    return "".join(out)


def html_text(client: str, body: str, sig: str, quote: dict | None, charset: str) -> str:
    lines = body.rstrip("\n").split("\n")
    siglines = sig.rstrip("\n").split("\n") if sig else []
    if client == "qq":
        def divs(ls):
            return "".join("<div><br></div>" if not ln.strip() else f"<div>{nbsp_indent(ln)}</div>" for ln in ls)
        h = f'<meta http-equiv="Content-Type" content="text/html; charset={charset.upper()}">' + divs(lines)
        if siglines:
            h += ('<div><br></div><div><br></div><div><sign signid="0"><div style="color:#909090;'
                  'font-family:Arial Narrow;font-size:12px">------------------</div>'
                  '<div style="font-size:14px;font-family:Verdana;color:#000;">' + divs(siglines) + "</div></sign></div>")
        if quote:
            h += ('<div><br></div><div style="font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;">'
                  "------------------&nbsp;原始邮件&nbsp;------------------</div>"
                  '<div style="font-size: 12px;background:#efefef;padding:8px;">'
                  + "".join(f"<div><b>{esc(ln.split(':', 1)[0])}:</b>{esc(ln.split(':', 1)[1])}</div>" for ln in quote["header"])
                  + "</div><div><br></div>" + divs(quote["text"].rstrip("\n").split("\n")))
        return h
    if client == "foxmail":
        def divs(ls):
            return "\n".join("<div><br></div>" if not ln.strip() else f"<div><span></span>{nbsp_indent(ln)}</div>" for ln in ls)
        h = (f'<html><head><meta http-equiv="content-type" content="text/html; charset={charset}">'
             "<style>body { line-height: 1.5; }blockquote { margin-top: 0px; margin-bottom: 0px; margin-left: 0.5em; }"
             "body { font-size: 14px; font-family: 'Microsoft YaHei UI'; color: rgb(0, 0, 0); line-height: 1.5; }"
             "</style></head><body>\n" + divs(lines) + "\n<div><br></div>")
        if siglines:
            h += ('<hr style="width: 210px; height: 1px;" color="#b5c4df" size="1" align="left">\n'
                  '<div><span><div style="MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt">'
                  + "".join(f"<div>{esc(s)}</div>" for s in siglines) + "</div></span></div>")
        return h + "\n</body></html>\n"
    if client == "outlook":
        def ps(ls):
            return "\n".join(
                "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>" if not ln.strip()
                else f"<p class=MsoNormal>{_ascii_spans(ln)}<span lang=EN-US><o:p></o:p></span></p>" for ln in ls)
        h = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
             'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
             'xmlns="http://www.w3.org/TR/REC-html40"><head>'
             f'<meta http-equiv=Content-Type content="text/html; charset={charset}">'
             '<meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--\n'
             "/* Font Definitions */\n@font-face\n\t{font-family:等线;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n"
             "/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n"
             "\ttext-justify:inter-ideograph;\n\tfont-size:10.5pt;\n\tfont-family:等线;}\n"
             "span.EmailStyle17\n\t{mso-style-type:personal-compose;\n\tfont-family:等线;\n\tcolor:windowtext;}\n"
             "--></style></head><body lang=ZH-CN link=\"#0563C1\" vlink=\"#954F72\" "
             "style='text-justify-trim:punctuation'><div class=WordSection1>\n" + ps(lines))
        if siglines:
            h += "\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n" + ps(siglines)
        if quote:
            h += ("\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n"
                  "<div><div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'>\n")
            if quote["style"] == "outlook_en":
                h += "<p class=MsoNormal><span lang=EN-US>-----Original Message-----</span></p>\n"
            for ln in quote["header"]:
                k, v = ln.split(":", 1)
                h += f"<p class=MsoNormal><b>{esc(k)}<span lang=EN-US>:</span></b>{_ascii_spans(v)}<o:p></o:p></p>\n"
            h += "</div></div>\n<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n"
            h += ps(quote["text"].rstrip("\n").split("\n"))
        return h + "\n</div></body></html>\n"
    if client in ("coremail", "sina", "thunderbird"):
        def ds(ls):
            return "".join("<div><br></div>" if not ln.strip() else f'<div style="margin:0;">{nbsp_indent(ln)}</div>' for ln in ls)
        h = '<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">' + ds(lines)
        if siglines:
            h += '<div><br></div><div style="position:relative;zoom:1">' + ds(siglines) + '<div style="clear:both"></div></div>'
        if quote:
            h += (f'<br><div class="J-reply" style="background-color:#f2f2f2;color:black;padding-top:6px;padding-bottom:6px;'
                  f'border-radius:3px;-moz-border-radius:3px;-webkit-border-radius:3px;margin-top:45px;margin-bottom:20px;'
                  f'font-family:Arial;"><div style="font-size:12px;line-height:1.5;word-break:break-all;margin-left:10px;'
                  f'margin-right:10px">{esc(quote["header"][0])}</div></div>'
                  '<blockquote id="isReplyContent" style="PADDING-LEFT: 1ex; MARGIN: 0px 0px 0px 0.8ex; '
                  'BORDER-LEFT: #ccc 1px solid">' + ds(quote["text"].rstrip("\n").split("\n")) + "</blockquote>")
        return h + "</div>\n"
    raise ValueError(client)


# ---- composing a whole message per client ---------------------------------------------

CLIENT_DEFAULTS = {
    "qq": dict(charset="gb18030", cte="base64", subj_cs="gb18030", att_style="quoted", att_cs="gb18030"),
    "foxmail": dict(charset="GB2312", cte="quoted-printable", subj_cs="GB2312", att_style="quoted", att_cs="GBK"),
    "outlook": dict(charset="gb2312", cte="quoted-printable", subj_cs="gb2312", att_style="quoted", att_cs="gb2312"),
    "coremail": dict(charset="GBK", cte="base64", subj_cs="GBK", att_style="quoted", att_cs="GBK"),
    "thunderbird": dict(charset="UTF-8", cte="8bit", subj_cs="UTF-8", att_style="rfc2231cont", att_cs="UTF-8"),
    "sina": dict(charset="UTF-8", cte="8bit", subj_cs="UTF-8", att_style="quoted", att_cs="UTF-8"),
}

MX_IN = {
    "qq.com": ("xmbghk7.mail.qq.com", "43.163.128.47"),
    "163.com": ("m12.mail.163.com", "220.181.12.216"),
    "126.com": ("m15.mail.126.com", "220.181.15.114"),
    "sina.com": ("mail3-165.sinamail.sina.com.cn", "202.108.3.165"),
    "outlook.com": ("APC01-SG2-obe.outbound.protection.outlook.com", "40.107.215.96"),
}


def received(seed: str, from_addr: str, date: datetime) -> list[str]:
    dom = from_addr.split("@")[1].lower()
    host, ip = MX_IN.get(dom, ("mail." + dom, "59.51.%d.%d" % (int(H(seed, 2), 16) % 250, int(H(seed + "i", 2), 16) % 250)))
    when = rfcdate(date + timedelta(seconds=2 + int(H(seed + "r", 2), 16) % 40))
    return [
        f"Return-Path: <{from_addr}>",
        f"Received: from {host} (unknown [{ip}])\n\tby newxmmxszc{int(H(seed, 1), 16) % 9 + 1}-{int(H(seed, 2), 16) % 30}.qq.com "
        f"(NewMx) with SMTP id 0\n\tfor <{OFFICE}>; {when}",
        f"X-QQ-mid: xmmxszc{int(H(seed, 1), 16) % 9 + 1}-{int(H(seed, 2), 16) % 30}t{int(date.timestamp())}t{digits(seed, 5)}",
    ]


def msgid(client: str, seed: str, date: datetime, from_addr: str) -> str:
    local, dom = from_addr.split("@")
    if client == "qq":
        return f"<tencent_{H(seed, 36).upper()}@qq.com>"
    if client == "foxmail":
        return f"<{date:%Y%m%d%H%M%S}{digits(seed, 7)}@{dom}>"
    if client == "outlook":
        return f"<0000{H(seed, 2)}01d9{H(seed + 'a', 4)}${H(seed + 'b', 8)}${H(seed + 'c', 8)}$@{dom}>"
    if client == "coremail":
        return f"<{H(seed, 8)}.{H(seed + 'x', 4)}.{'18' + H(seed + 'y', 9)}.Coremail.{local}@{dom}>"
    if client == "thunderbird":
        h = H(seed, 32)
        return f"<{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}@{dom}>"
    if client == "sina":
        return f"<{date.astimezone(timezone.utc):%Y%m%d%H%M%S}.{H(seed, 10).upper()}@webmail.sinamail.sina.com.cn>"
    raise ValueError(client)


def thread_index(seed: str) -> str:
    return base64.b64encode(bytes.fromhex("01d9" + H(seed + "ti", 40))).decode()


def compose(client: str, seed: str, *, from_name: str | None, from_addr: str, subject: str, date: datetime,
            body: str, sig: str = "", quote: dict | None = None, attachments: list | None = None,
            charset: str | None = None, cte: str | None = None, subj_cs: str | None = None, subj_enc: str = "B",
            subj_fold: bool | None = None, to: str | None = None, plain: bool = True, html_part: bool = True,
            html_override: str | None = None, extra: list | None = None, in_reply_to: str | None = None,
            references: str | None = None, name_cs: str | None = None, lf: bool = False,
            att_style: str | None = None, xmailer: str | None = None, received_hdrs: bool = True) -> bytes:
    d = CLIENT_DEFAULTS[client]
    charset = charset or d["charset"]
    cte = cte or d["cte"]
    subj_cs = subj_cs or d["subj_cs"]
    name_cs = name_cs or subj_cs
    attachments = attachments or []
    att_style = att_style or d["att_style"]

    # --- body parts
    pt = plain_text(client, body, sig, quote)
    ht = html_override if html_override is not None else html_text(client, body, sig, quote, charset)
    q = '"' if client in ("qq", "foxmail", "outlook") else ""
    fmt = "; format=flowed" if client == "thunderbird" else ""
    sep = ";\n\t" if client in ("qq", "foxmail", "outlook") else "; "
    parts = []
    if plain:
        parts.append(leaf(f"text/plain{sep}charset={q}{charset}{q}{fmt}", pt.encode(charset), cte))
    if html_part:
        parts.append(leaf(f"text/html{sep}charset={q}{charset}{q}", ht.encode(charset), cte))
    if client == "qq":
        b_alt = f"----=_NextPart_{H(seed, 8).upper()}_{H(seed + '1', 8).upper()}_{H(seed + '2', 8).upper()}"
        b_mix = f"----=_NextPart_{H(seed + 'm', 8).upper()}_{H(seed + 'm1', 8).upper()}_{H(seed + 'm2', 8).upper()}"
    elif client == "foxmail":
        b_alt = f"----=_001_NextPart{digits(seed, 12)}_=----"
        b_mix = f"----=_001_NextPart{digits(seed + 'm', 12)}_=----"
    elif client == "outlook":
        b_alt = f"----=_NextPart_001_{H(seed, 4).upper()}_01D9{H(seed + '3', 4).upper()}.{H(seed + '4', 8).upper()}"
        b_mix = f"----=_NextPart_000_{H(seed, 4).upper()}_01D9{H(seed + '3', 4).upper()}.{H(seed + '4', 8).upper()}"
    elif client == "thunderbird":
        b_alt = f"------------{H(seed, 24).upper()}"
        b_mix = f"------------{H(seed + 'm', 24).upper()}"
    else:
        b_alt = f"----=_Part_{digits(seed, 6)}_{digits(seed + 'p', 9)}.{int(date.timestamp())}{digits(seed, 3)}"
        b_mix = f"----=_Part_{digits(seed + 'm', 6)}_{digits(seed + 'q', 9)}.{int(date.timestamp())}{digits(seed + 'm', 3)}"
    root = parts[0] if len(parts) == 1 else multipart("alternative", parts, b_alt)
    if attachments:
        root = multipart("mixed", [root] + [att_part(a, att_style, d["att_cs"]) for a in attachments], b_mix)

    # --- headers
    if subj_fold is None:
        subj_fold = client in ("outlook", "coremail", "thunderbird")
    subj = ew(subject, subj_cs, subj_enc, maxlen=75 if subj_fold else 998, sep="\n\t" if client == "outlook" else "\n ")
    frm = addr(from_name, from_addr, name_cs, "B", quoted=client in ("qq", "foxmail", "outlook", "coremail"))
    mid = msgid(client, seed, date, from_addr)
    hdrs = received(seed, from_addr, date) if received_hdrs else []
    ref = []
    if in_reply_to:
        ref.append(f"In-Reply-To: {in_reply_to}")
        ref.append(f"References: {references or in_reply_to}")
    extra = extra or []
    if client == "qq":
        to = to or addr("政务公开办", OFFICE, "gb18030")
        hdrs += [f"From: {frm}", f"To: {to}", f"Subject: {subj}", "Mime-Version: 1.0", "ROOT",
                 "Content-Transfer-Encoding: 8Bit" if attachments or len(parts) > 1 else None,
                 f"Date: {rfcdate(date)}", "X-Priority: 3", f"Message-ID: {mid}", *ref,
                 "X-QQ-MIME: TCMime 1.0 by Tencent", *extra]
    elif client == "foxmail":
        to = to or addr("政务公开办", OFFICE, subj_cs)
        hdrs += [f"Date: {rfcdate(date)}", f"From: {frm}", f"To: {to}", f"Subject: {subj}", *ref,
                 "X-Priority: 3", f"X-Has-Attach: {'yes' if attachments else 'no'}",
                 f"X-Mailer: {xmailer or 'Foxmail 7.2.25.' + str(200 + int(H(seed, 2), 16) % 150) + '[cn]'}",
                 "Mime-Version: 1.0", f"Message-ID: {mid}", "ROOT", *extra]
    elif client == "outlook":
        to = to or f'"{OFFICE}" <{OFFICE}>'
        hdrs += [f"From: {frm}", f"To: {to}", *ref, f"Subject: {subj}", f"Date: {rfcdate(date)}",
                 f"Message-ID: {mid}", "MIME-Version: 1.0", "ROOT",
                 None if xmailer == "" else f"X-Mailer: {xmailer or 'Microsoft Outlook 16.0'}",
                 f"Thread-Index: {thread_index(seed)}",
                 "Content-Language: zh-cn", *extra]
    elif client == "coremail":
        dom = from_addr.split("@")[1].split(".")[0]
        to = to or OFFICE
        hdrs += [f"Date: {rfcdate(date, cst=True)}", f"From: {frm}", f"To: {to}", f"Subject: {subj}", *ref,
                 "X-Priority: 3",
                 f"X-Mailer: {xmailer or 'Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)'}\n"
                 f" Copyright (c) 2002-2023 www.mailtech.cn {dom}com",
                 f"X-NTES-SC: AL_{H(seed + 'n', 40)}", "ROOT", "MIME-Version: 1.0", f"Message-ID: {mid}",
                 f"X-Coremail-Locale: zh_CN", *extra]
    elif client == "thunderbird":
        to = to or addr("政务公开办", OFFICE, "UTF-8", quoted=False)
        hdrs += [f"Message-ID: {mid}", f"Date: {rfcdate(date)}", "MIME-Version: 1.0",
                 "User-Agent: Mozilla Thunderbird", "Content-Language: zh-CN", f"To: {to}", f"From: {frm}", *ref,
                 f"Subject: {subj}", "ROOT", *extra]
    elif client == "sina":
        to = to or OFFICE
        hdrs += [f"Date: {rfcdate(date)}", f"From: {frm}", f"To: {to}", *ref, f"Subject: {subj}",
                 "MIME-Version: 1.0", "ROOT", f"Message-ID: {mid}", "X-Priority: 3",
                 f"X-Mailer: {xmailer or 'SinaMail 3.0'}", f"X-Originating-IP: [{digits(seed, 3)}.{digits(seed + 'b', 2)}.1.{digits(seed + 'c', 2)}]", *extra]
    hdrs = [h for h in hdrs if h is not None]
    return finish(hdrs, root, lf=lf)


# --------------------------------------------------------------------------- cases

CASES: list[dict] = []


def E(kind, unit=None, activity=None, date=None, end=None, review=False, auto=False) -> dict:
    if date and end is None:
        end = date
    return {"kind": kind, "unit": unit, "activity": activity, "activity_date": date, "activity_end": end,
            "needs_review": review, "automated": auto}


def case(num: int, slug: str, expect: dict, what: str, evidence: tuple = (), lf: bool = False):
    def deco(fn):
        CASES.append(dict(num=num, slug=slug, expect=expect, what=what, evidence=evidence, lf=lf, build=fn))
        return fn
    return deco


def name_of(num: int) -> str:
    for c in CASES:
        if c["num"] == num:
            return f"{num:03d}-{c['slug']}"
    raise KeyError(num)


# ---- 1 县水利局 ----------------------------------------------------------------------

@case(1, "qq-water-plan-unit-in-from-name", E("plan", "县水利局", 1, "2023-04-20"),
      "QQ Mail web, GB18030 base64 text+HTML; unit only in the From display name (洞口县水利局办公室); "
      "loose theme 世界水日、中国水周; 落款 date 2023年4月12日 must not be taken",
      evidence=("洞口县水利局办公室", "世界水日、中国水周", "2023年4月20日", "活动方案", "2023年4月12日"))
def _(seed):
    body = T("""
尊敬的县政务公开办：
　　根据《洞口县2023年“政务公开主题日”活动实施方案》（洞政开〔2023〕1号）要求，现将我局“世界水日、中国水周”政务公开主题日活动方案报送如下，请审阅。

一、活动主题
　　强化依法治水，携手共护母亲河。
二、活动时间
　　2023年4月20日上午9:00—11:30。
三、活动地点
　　县城平溪江风光带文化广场。
四、活动内容
　　1.现场发布我县水资源保护、河道管理等政策及实施情况；
　　2.开展节水护水有奖问答比赛；
　　3.设置咨询台，解答群众关于取水许可、河道采砂等方面的咨询；
　　4.发放节水宣传手册和环保购物袋。
五、参加人员
　　局班子成员、各股室负责人，邀请县人大代表、政协委员各2名及县融媒体中心记者参加。

联系人：刘芳　　电话：0739-7821063

办公室
2023年4月12日
""")
    return compose("qq", seed, from_name="洞口县水利局办公室", from_addr="1623857740@qq.com",
                   subject="世界水日、中国水周活动方案", date=dt(4, 12, 16, 35, 21), body=body)


@case(2, "foxmail-water-report-gb2312-qp", E("report", "县水利局", 1, "2023-04-20"),
      "Foxmail, GB2312 quoted-printable text+HTML, signature with unit and phone; report (开展情况的报告, 4月20日 without year)",
      evidence=("洞口县水利局", "4月20日上午", "开展情况的报告", "携手共护母亲河"))
def _(seed):
    body = T("""
县政务公开办：
　　4月20日上午，我局在县城平溪江风光带文化广场举办了以“强化依法治水，携手共护母亲河”为主题的世界水日、中国水周政务公开主题日活动，现将开展情况报告如下：
　　一、活动开展情况。活动现场悬挂“政务公开主题日”宣传横幅，设置政策发布台和咨询台，向群众发布我县水资源保护、河道管理等政策6项；组织有奖问答比赛3轮，参与群众120余人次；发放宣传手册1500余份、环保袋800个，现场解答群众咨询46条。
　　二、参加人员。局班子成员、各股室负责人共28人参加活动，县人大代表、政协委员4名全程参与并提出意见建议5条，县融媒体中心进行了现场报道。
　　三、下一步工作。我局将对群众反映的意见建议逐条梳理，限时办理并公开反馈结果。
　　活动现场照片另行报送。

洞口县水利局
2023年4月24日
""")
    sig = "肖建军\n洞口县水利局水政监察大队\n电话：0739-7822316　手机：13873912468"
    return compose("foxmail", seed, from_name="肖建军", from_addr="xiaojj1976@163.com",
                   subject="关于“强化依法治水，携手共护母亲河”主题日活动开展情况的报告",
                   date=dt(4, 24, 10, 18, 13), body=body, sig=sig)


# ---- 2 / 6 县市监局 ------------------------------------------------------------------

@case(3, "outlook-market-consumer-plan", E("plan", "县市监局", 2, "2023-04-25"),
      "Outlook 16, gb2312 QP text + MsoNormal HTML, Thread-Index; alias 县市场监督管理局; date 2023.4.25; "
      "activity 2 (not 6) by theme",
      evidence=("县市场监督管理局", "提振消费信心", "2023.4.25", "活动方案"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“优化经济环境、提振消费信心”政务公开主题日活动方案报送如下，请审阅。

洞口县市场监督管理局“优化经济环境、提振消费信心”政务公开主题日活动方案

　　一、活动时间：2023.4.25（星期二）上午8:30至12:00
　　二、活动地点：县城雪峰广场
　　三、活动形式：现场宣传
　　四、活动内容：（一）设置食品安全、特种设备、价格监管、消费维权等咨询台，现场受理消费投诉；（二）开展“放心消费”承诺单位公示，发布2023年一季度消费投诉情况；（三）开展食品快检体验，邀请群众现场观摩；（四）发放宣传资料。
　　五、参加人员：局机关相关股室、城区市场监管所工作人员，邀请人大代表、政协委员、新闻媒体及市民代表参加。

　　联系人：王丽，电话：13762835014

洞口县市场监督管理局
2023年4月17日
""")
    return compose("outlook", seed, from_name="王丽", from_addr="wangli_dksj@163.com",
                   subject="县市场监督管理局“优化经济环境、提振消费信心”政务公开主题日活动方案",
                   date=dt(4, 17, 15, 2, 44), body=body)


@case(4, "coremail-market-ipweek-plan-folded-subject", E("plan", "县市监局", 6, "2023-04-20", "2023-04-26"),
      "163 Coremail webmail, UTF-8 base64; long =?UTF-8?B?...?= subject folded over several lines; "
      "range 4月20日至26日 (世界知识产权日宣传周, activity 6 not 2)",
      evidence=("洞口县市场监督管理局关于报送2023年世界知识产权日宣传周", "4月20日至26日", "活动方案"))
def _(seed):
    body = T("""
县政务公开政务服务领导小组办公室：
　　为做好2023年世界知识产权日宣传周活动，根据县政务公开主题日活动安排，我局制定了活动方案，现报送如下：
　　一、活动时间：4月20日至26日（其中4月26日为世界知识产权日）。
　　二、活动主题：加强知识产权法治保障，有力支持全面创新。
　　三、活动形式：现场观摩。组织人大代表、政协委员、企业代表到县内专利示范企业观摩知识产权保护成果，在县城步行街设置知识产权宣传咨询点，发布2022年度洞口县知识产权保护状况。
　　四、参加人员：局分管领导、知识产权股全体人员及县内重点企业代表。
　　请予审核。

联系人：李娜　电话：0739-7823451
洞口县市场监督管理局
2023年4月12日
""")
    return compose("coremail", seed, from_name="李娜", from_addr="lina_ipo@163.com", charset="UTF-8", subj_cs="UTF-8",
                   subject="洞口县市场监督管理局关于报送2023年世界知识产权日宣传周“政务公开主题日”活动方案的函",
                   date=dt(4, 12, 11, 26, 5), body=body)


@case(5, "qq-market-ipweek-report-html-only", E("report", "县市监局", 6, "2023-04-20", "2023-04-26"),
      "QQ Mail, HTML-only UTF-8 base64 (no text/plain): <p>, <br>, &nbsp;, &ldquo;/&rdquo; entities, <div> signature; "
      "新闻稿 / 圆满结束; range 4月20日至26日",
      evidence=("县市监局", "世界知识产权日", "4月20日至26日", "新闻稿", "圆满结束"))
def _(seed):
    h = ('<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">'
         "<div>县政务公开办：</div>"
         "<div>&nbsp;&nbsp;&nbsp;&nbsp;现将我局世界知识产权日宣传周活动新闻稿报送，请审阅。</div><div><br></div>"
         '<p style="text-align:center"><b>我县&ldquo;世界知识产权日&rdquo;宣传周活动圆满结束</b></p>'
         "<p>&nbsp;&nbsp;&nbsp;&nbsp;4月20日至26日，县市监局以&ldquo;政务公开主题日&rdquo;为契机，开展了2023年"
         "&ldquo;世界知识产权日&rdquo;宣传周系列活动。<br>"
         "&nbsp;&nbsp;&nbsp;&nbsp;宣传周期间，县市监局组织人大代表、政协委员、企业代表30余人走进湖南雪峰山农业科技有限公司等"
         "专利示范企业现场观摩，在县城步行街设置宣传咨询点，发布《2022年洞口县知识产权保护状况》。活动共发放宣传资料2000余份，"
         "接受群众咨询150余人次，受理商标、专利咨询26件。</p>"
         "<p>&nbsp;&nbsp;&nbsp;&nbsp;活动照片见附件。</p>"
         '<div><br></div><div><sign signid="0"><div style="color:#909090;font-family:Arial Narrow;font-size:12px">'
         "------------------</div><div style=\"font-size:14px;font-family:Verdana;color:#000;\">"
         "<div>洞口县市场监督管理局&nbsp;知识产权股</div><div>李娜&nbsp;0739-7823451</div></div></sign></div>")
    return compose("qq", seed, from_name="李娜", from_addr="2394756120@qq.com", charset="UTF-8", subj_cs="utf-8",
                   subject="新闻稿：我县知识产权宣传周活动圆满结束", date=dt(4, 27, 9, 40, 51), body="",
                   plain=False, html_override=h, attachments=[Att("IMG_20230420_101532.jpg", jpeg(seed + "a"), "image/jpeg")])


@case(6, "foxmail-market-consumer-report-gbk", E("report", "县市监局", 2, "2023-04-25"),
      "Foxmail, GBK quoted-printable; activity 2 told apart from 6 (both 县市监局, April) by theme; 活动总结; one .jpg",
      evidence=("县市场监督管理局", "提振消费信心", "4月25日上午", "活动总结"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“优化经济环境、提振消费信心”政务公开主题日活动总结报送如下。
　　4月25日上午，县市场监督管理局在县城雪峰广场开展“优化经济环境、提振消费信心”现场宣传活动。活动共设置咨询台6个，现场受理消费投诉12起、当场调解9起，开展食品快检32批次，结果全部合格；公示“放心消费”承诺单位86家，发放宣传资料3000余份，接待群众咨询500余人次。县人大代表、政协委员和市民代表20余人现场观摩，对我局优化消费环境工作给予肯定。
　　活动照片见附件。
""")
    sig = "王丽\n洞口县市场监督管理局办公室\n电话：13762835014"
    return compose("foxmail", seed, from_name="王丽", from_addr="wangli_dksj@163.com", charset="GBK", subj_cs="GBK",
                   subject="提振消费信心现场宣传活动总结", date=dt(4, 26, 17, 20, 8), body=body, sig=sig,
                   attachments=[Att("IMG_20230425_093512.jpg", jpeg(seed), "image/jpeg")])


# ---- 3 县司法局 ----------------------------------------------------------------------

@case(7, "foxmail-justice-plan-weekday-time", E("plan", "县司法局", 3, "2023-04-21"),
      "Foxmail, GBK QP; date written 4月21日（星期五）上午9:00; 落款 2023年4月14日 equals the mail date and must not be taken",
      evidence=("洞口县司法局", "法治政府示范创建宣传", "4月21日（星期五）上午9:00", "2023年4月14日"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局法治政府示范创建宣传活动方案报送如下，请审阅。

洞口县司法局“法治政府示范创建宣传”政务公开主题日活动方案

　　为深入推进法治政府建设示范创建工作，提高群众对法治政府建设的知晓率和满意度，根据县政务公开主题日活动安排，结合我局工作实际，制定本方案。
　　一、活动时间
　　4月21日（星期五）上午9:00
　　二、活动地点
　　县城雪峰广场、文昌街道城东社区
　　三、活动形式
　　问卷调查。设置宣传咨询台，发放法治政府建设满意度调查问卷，现场解读《法治政府建设实施纲要（2021—2025年）》。
　　四、参加人员
　　局机关相关股室、城关司法所、县法律援助中心工作人员，邀请部分人大代表、政协委员参加。

洞口县司法局
2023年4月14日
""")
    sig = "陈晓\n洞口县司法局法治督察股\n联系电话：0739-7826108"
    return compose("foxmail", seed, from_name="陈晓", from_addr="chenxiao_sfj@126.com", charset="GBK", subj_cs="gbk",
                   subject="法治政府示范创建宣传活动方案（县司法局）", date=dt(4, 14, 16, 48, 37), body=body, sig=sig)


@case(8, "qq-justice-report-photos-docx", E("report", "县司法局", 3, "2023-04-21"),
      "QQ Mail multipart/mixed: GB18030 text+HTML, a .docx report and three .jpg photos, "
      'all with QQ-style filename="=?gb18030?B?...?="',
      evidence=("县司法局法治政府示范创建宣传活动情况报告", "已于4月21日顺利开展", "活动照片1.jpg",
                "洞口县司法局关于法治政府示范创建宣传活动开展情况的报告"))
def _(seed):
    body = T("""
县政务公开办：
　　我局法治政府示范创建宣传问卷调查活动已于4月21日顺利开展，现将活动情况报告（附件1）及现场照片3张报送，请查收。
　　活动当天共发放调查问卷500份，回收有效问卷468份，群众对我县法治政府建设总体满意率为96.2%；现场解答法律咨询73人次，发放宣传资料1200余份。
""")
    sig = "陈晓\n洞口县司法局法治督察股\n0739-7826108"
    doc = docx([
        "洞口县司法局关于法治政府示范创建宣传活动开展情况的报告",
        "县政务公开政务服务领导小组办公室：",
        "　　4月21日上午，我局在县城雪峰广场和文昌街道城东社区开展“法治政府示范创建宣传”|政务公开主题日活动，现将有关情况报告如下。",
        "　　一、活动开展情况。活动以问卷调查为主要形式，共发放法治政府建设满意度调查问卷500份，回收有效问卷468份，总体满意率96.2%。",
        "　　二、群众意见建议。群众主要反映行政执法公示不够及时、法律援助申请渠道宣传不足等问题，共梳理意见建议11条。",
        "　　三、下一步工作。我局将针对问卷反映问题制定整改清单，并在县人民政府门户网站公开整改情况。",
        "洞口县司法局",
        "2023年4月24日",
    ], when=(2023, 4, 24, 17, 30, 0))
    atts = [Att("附件1：洞口县司法局法治政府示范创建宣传活动情况报告.docx", doc, DOCX_CT)]
    atts += [Att(f"活动照片{i}.jpg", jpeg(seed + str(i), 2500 + 700 * i), "image/jpeg") for i in (1, 2, 3)]
    return compose("qq", seed, from_name="陈晓", from_addr="1056328471@qq.com",
                   subject="县司法局法治政府示范创建宣传活动情况报告及照片", date=dt(4, 25, 10, 5, 12),
                   body=body, sig=sig, attachments=atts)


# ---- 4 县发改局 ----------------------------------------------------------------------

FGJ_PLAN = T("""
县政务公开办：
　　根据县政务公开主题日活动安排，我局定于2023-04-27上午9时在县政务服务中心三楼会议室召开乡镇自来水水价调整听证会，现将活动方案报送如下，请审阅。
　　一、活动主题：乡镇自来水水价调整听证
　　二、活动时间：2023-04-27（星期四）上午9:00
　　三、活动地点：县政务服务中心三楼会议室
　　四、活动形式：会前组织听证参加人到山门镇、黄桥镇水厂实地调研；会上听取定价方案说明和成本监审情况，听证参加人发表意见；同步开展乡镇用水户水价问卷调查。
　　五、参加人员：消费者代表、经营者代表、人大代表、政协委员、专家学者及相关部门人员共21人，新闻媒体全程报道，允许市民旁听。
　　具体方案详见附件。

洞口县发展和改革局
2023年4月19日
""")
FGJ_PLAN_DATE = dt(4, 19, 10, 12, 40)


@case(9, "outlook-fgj-hearing-plan-docx", E("plan", "县发改局", 4, "2023-04-27"),
      "Outlook 16, gb2312 QP + MsoNormal HTML + .docx (quoted =?gb2312?B?...?= filename); alias 县发展和改革局; "
      "date 2023-04-27; venue 县政务服务中心 is a distractor (alias of another unit)",
      evidence=("洞口县发展和改革局", "乡镇自来水水价调整听证", "2023-04-27", "活动方案", "乡镇自来水水价调整听证会活动方案.docx"))
def _(seed):
    sig = "周敏\n洞口县发展和改革局价格股\n电话：0739-7822735"
    doc = docx([
        "乡镇自来水水价调整听证会|活动方案",
        "一、听证事项：乡镇自来水|水价调整",
        "二、听证时间：2023年4月27日上午9:00",
        "三、听证地点：县政务服务中心三楼会议室",
        "四、听证参加人：消费者代表9名、经营者代表3名、人大代表2名、政协委员2名、专家学者2名、相关部门代表3名。",
        "五、议程：1.主持人宣布听证纪律；2.定价方案提出单位说明；3.成本监审小组通报监审情况；4.听证参加人发表意见；5.主持人总结。",
        "洞口县发展和改革局",
        "2023年4月19日",
    ], when=(2023, 4, 19, 9, 50, 0))
    return compose("outlook", seed, from_name="周敏", from_addr="zhoumin_dkfgj@163.com",
                   subject="关于报送乡镇自来水水价调整听证活动方案的函", date=FGJ_PLAN_DATE, body=FGJ_PLAN, sig=sig,
                   attachments=[Att("乡镇自来水水价调整听证会活动方案.docx", doc, DOCX_CT)])


@case(10, "coremail-fgj-reply-carries-report", E("report", "县发改局", 4, "2023-04-27"),
      "163 Coremail reply 'Re: 关于报送…活动方案的函' (In-Reply-To/References) whose new text is the report "
      "(已于4月27日); quoted plan below with > prefixes and the office's QQ-style quote",
      evidence=("Re: 关于报送乡镇自来水水价调整听证活动方案的函", "已于4月27日", "开展情况报告", "洞口县发展和改革局"))
def _(seed):
    body = T("""
县政务公开办：
　　我局已于4月27日上午在县政务服务中心三楼会议室召开乡镇自来水水价调整听证会，现将开展情况报告如下：
　　听证会由县发展和改革局主持，21名听证参加人全部到会，其中消费者代表9名。会前，听证参加人到山门镇、黄桥镇水厂进行了实地调研；会上，定价方案提出单位作了说明，成本监审小组通报了监审情况，听证参加人逐一发表意见，多数代表同意调价方案并提出分档计价、保障低收入家庭等建议。同步开展的问卷调查共回收有效问卷312份。县融媒体中心进行了报道，30余名市民现场旁听。
　　听证会纪要将按程序向社会公开。
""")
    sig = "周敏\n洞口县发展和改革局价格股\n0739-7822735"
    office_ack = f"<tencent_{H('office-ack-fgj', 36).upper()}@qq.com>"
    orig = msgid("outlook", name_of(9), FGJ_PLAN_DATE, "zhoumin_dkfgj@163.com")
    quoted = ("收到，谢谢。\n\n------------------ 原始邮件 ------------------\n"
              '发件人: "周敏"<zhoumin_dkfgj@163.com>;\n发送时间: 2023年4月19日(星期三) 上午10:12\n'
              '收件人: "政务公开办"<43347867@qq.com>;\n主题: 关于报送乡镇自来水水价调整听证活动方案的函\n\n' + FGJ_PLAN)
    q = {"style": "coremail", "header": ['在 2023-04-19 10:35:12，"政务公开办" <43347867@qq.com> 写道：'], "text": quoted}
    return compose("coremail", seed, from_name="周敏", from_addr="zhoumin_dkfgj@163.com",
                   subject="Re: 关于报送乡镇自来水水价调整听证活动方案的函", date=dt(4, 28, 16, 30, 2),
                   body=body, sig=sig, quote=q, in_reply_to=office_ack, references=f"{orig} {office_ack}")


# ---- 5 县财政局 ----------------------------------------------------------------------

@case(11, "qq-finance-plan-only-in-docx", E("plan", "县财政局", 5, "2023-04-26"),
      "QQ Mail, body only '见附件。'; unit, theme and date only inside 活动方案.docx, with words split across runs; "
      "docx 落款 2023年4月18日 must not be taken",
      evidence=("见附件", "洞口县财政局2023年", "减税降费惠企政策解读座谈会", "2023年4月26日"))
def _(seed):
    doc = docx([
        "洞口县|财政|局2023年“政务公开主题日”活动方案",
        "　　为深入落实国家减税降费|政策，推动惠企政策直达快享，根据县政务公开主题日活动安排，我局决定举办减税降费惠企政策解读座谈会，具体方案如下：",
        "　　一、活动主题：减税降费惠企政策|解读座谈会",
        "　　二、活动时间：2023年4月|26日（星期三）上午9:30",
        "　　三、活动地点：局四楼会议室",
        "　　四、活动内容：解读2023年延续和优化的小微企业、个体工商户税费优惠政策，政府采购支持中小企业政策，财政贴息及惠企资金直达政策；听取企业代表意见建议。",
        "　　五、参加人员：局相关股室负责人，县税务局、县工商联相关负责人，企业代表约30人，邀请人大代表、政协委员和县融媒体中心记者参加。",
        "　　联系人：周婷　电话：0739-7822590",
        "洞口县财政局",
        "2023年4月18日",
    ], when=(2023, 4, 18, 8, 40, 0))
    return compose("qq", seed, from_name="小周", from_addr="2875513346@qq.com", subject="主题日活动方案，请查收",
                   date=dt(4, 18, 9, 15, 33), body="见附件。\n", attachments=[Att("活动方案.docx", doc, DOCX_CT)])


@case(12, "foxmail-finance-report-gb18030", E("report", "县财政局", 5, "2023-04-26"),
      "Foxmail, GB18030 QP body and =?gb18030?B?...?= subject, with characters outside GB2312 "
      "(喆 赟 堃 and the 4-byte 𠮷); 县税务局 named as co-participant (distractor)",
      evidence=("县财政局减税降费惠企政策解读座谈会情况报告", "4月26日上午", "湖南𠮷祥食品有限公司", "王喆", "李赟"))
def _(seed):
    body = T("""
县政务公开办：
　　4月26日上午，我局在局四楼会议室召开减税降费惠企政策解读座谈会，现将开展情况报告如下：
　　座谈会由局党组成员、副局长李赟主持，县税务局、县工商联相关负责同志及湖南𠮷祥食品有限公司、洞口县堃鹏农业开发有限公司等28家企业代表参加。会上，预算股、政府采购股负责同志分别解读了小微企业税费优惠、政府采购支持中小企业等政策，县税务局业务骨干现场解答了企业关于留抵退税、“六税两费”减免的提问。企业代表共提出意见建议11条，已现场答复7条，其余4条将于10个工作日内书面答复并公开。
　　县人大代表、政协委员各2名列席会议，县融媒体中心进行了报道。

洞口县财政局
2023年4月27日
""")
    sig = "王喆\n洞口县财政局办公室\n电话：0739-7822590"
    return compose("foxmail", seed, from_name="王喆", from_addr="wangzhe_czj@126.com", charset="gb18030",
                   subj_cs="gb18030", subject="县财政局减税降费惠企政策解读座谈会情况报告",
                   date=dt(4, 27, 15, 40, 19), body=body, sig=sig)


# ---- 7 县民政局 ----------------------------------------------------------------------

@case(13, "coremail126-civil-plan-chinese-numeral-date", E("plan", "县民政局", 7, "2023-04-28"),
      "126 Coremail, GBK base64; subject as folded =?GBK?Q?...?= words; date in Chinese numerals 四月二十八日",
      evidence=("县民政局第三届公众开放日活动方案", "四月二十八日", "洞口县民政局"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局第三届公众开放日活动方案报送如下，请审阅。

　　一、活动时间：四月二十八日（星期五）上午九时
　　二、活动地点：县社会福利中心、县婚姻登记处、县殡仪馆
　　三、活动内容：邀请人大代表、政协委员、服务对象代表和市民代表走进民政服务机构，实地参观养老服务、婚姻登记、殡葬服务流程，召开座谈会介绍社会救助、养老服务等民政政策落实情况，听取意见建议。
　　四、参加人员：局领导班子成员、相关股室及下属单位负责人，受邀代表约30人。

联系人：邓丽华　电话：0739-7821570

洞口县民政局
2023年4月20日
""")
    return compose("coremail", seed, from_name="县民政局办公室", from_addr="dkmzj_bgs@126.com", subj_enc="Q",
                   subject="县民政局第三届公众开放日活动方案", date=dt(4, 20, 8, 55, 47), body=body)


@case(14, "thunderbird-civil-report-big5-8bit", E("report", "县民政局", 7, "2023-04-28"),
      "Thunderbird-like, text/plain Big5 8bit body in traditional characters, LF-only line endings; "
      "unit/theme in the UTF-8 subject, date 4月28日 in the Big5 body",
      evidence=("县民政局第三届公众开放日活动情况报告", "已於4月28日", "公眾開放日"), lf=True)
def _(seed):
    body = T("""
縣政務公開辦：
　　本局已於4月28日上午成功舉辦第三屆公眾開放日活動，現將開展情況報告如下：
　　活動當天，縣人大代表、政協委員、服務對象代表和市民代表共32人走進縣社會福利中心、縣婚姻登記處和縣殯儀館，實地參觀養老服務、婚姻登記和殯葬服務流程。座談會上，局主要負責人介紹了2022年以來社會救助、養老服務等民政政策落實情況，與會代表提出意見建議9條，均已登記並明確責任股室限期辦理。
　　活動照片及新聞稿另行報送。

洞口縣民政局
2023年5月4日
""")
    return compose("thunderbird", seed, from_name="洞口縣民政局 鄧麗華", name_cs="big5", from_addr="denglihua88@sina.com",
                   subject="县民政局第三届公众开放日活动情况报告", date=dt(5, 4, 9, 20, 31), body=body,
                   charset="big5", cte="8bit", html_part=False, lf=True)


# ---- 8 / 15 县退役军人事务局 ------------------------------------------------------------

@case(15, "outlook-veterans-survey-plan", E("plan", "县退役军人事务局", 8, "2023-04-24"),
      "Outlook 16 gb2312; activity 8 (就业创业调研) told apart from 15 by theme and month; date 2023年4月24日",
      evidence=("县退役军人事务局退役军人就业创业调研活动方案", "2023年4月24日"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“退役军人就业创业调研”政务公开主题日活动方案报送如下，请审阅。
　　一、活动时间：2023年4月24日
　　二、调研对象：县内退役军人创办的企业、合作社及退役军人就业示范基地
　　三、活动形式：实地调研。组织人大代表、政协委员、退役军人代表实地走访石江镇、竹市镇退役军人创业企业2家和就业基地1个，了解退役军人就业创业扶持政策落实情况，现场宣讲创业担保贷款、税费减免等优惠政策，收集意见建议。
　　四、参加人员：局班子成员、就业创业股全体人员，受邀代表10人。
洞口县退役军人事务局
2023年4月17日
""")
    return compose("outlook", seed, from_name="赵勇", from_addr="zhaoyong_tyjr@163.com",
                   subject="县退役军人事务局退役军人就业创业调研活动方案", date=dt(4, 17, 11, 8, 3), body=body)


@case(16, "foxmail-veterans-list-plan-unit-in-signature", E("plan", "县退役军人事务局", 15, "2023-06-16"),
      "Foxmail GB2312 QP; unit only in the signature; plan word 拟于; activity 15 (优待名录) vs 8",
      evidence=("洞口县退役军人事务局优抚股", "出台退役军人优待名录", "拟于6月16日"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“出台退役军人优待名录”政务公开主题日活动方案报送如下，请审阅。
　　一、活动时间：拟于6月16日（星期五）上午10:00
　　二、活动地点：局一楼会议室
　　三、活动形式：政策发布。召开新闻发布会，发布我县《退役军人和其他优抚对象优待目录清单》，介绍交通出行、文化旅游、医疗服务、金融服务等方面优待事项及办理渠道，并现场回答记者提问。
　　四、参加人员：局领导班子成员、优抚股负责人，邀请退役军人代表、人大代表、政协委员及县融媒体中心记者参加。
""")
    sig = "李海波\n洞口县退役军人事务局优抚股\n手机：13975912345"
    return compose("foxmail", seed, from_name="李海波", from_addr="lihaibo1983@163.com",
                   subject="优待名录政策发布活动方案", date=dt(6, 8, 10, 5, 26), body=body, sig=sig)


@case(17, "coremail-veterans-list-news-release", E("report", "县退役军人事务局", 15, "2023-06-16"),
      "163 Coremail GBK base64; 新闻稿 report for activity 15",
      evidence=("新闻稿", "6月16日上午", "洞口县退役军人事务局", "优待名录"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“出台退役军人优待名录”政务公开主题日活动新闻稿报送，请审阅刊发。

我县发布退役军人优待目录清单
　　6月16日上午，洞口县退役军人事务局召开退役军人优待名录新闻发布会，正式发布《洞口县退役军人和其他优抚对象优待目录清单》。清单涵盖荣誉激励、交通出行、文化旅游、医疗服务、金融服务等7大类32项优待内容。
　　发布会上，局负责人介绍了清单的主要内容和办理渠道，并回答了县融媒体中心记者提问。退役军人代表、人大代表、政协委员等20余人参加发布会。下一步，该局将通过政府门户网站、“洞口退役军人”微信公众号等渠道对清单进行全文公开和持续解读。
（洞口县退役军人事务局　供稿）
""")
    return compose("coremail", seed, from_name="县退役军人事务局", from_addr="dktyjrswj@163.com",
                   subject="新闻稿：我县发布退役军人优待目录清单", date=dt(6, 20, 9, 30, 55), body=body)


# ---- 9 / 13 / 24 县公安局 --------------------------------------------------------------

@case(18, "qq-police-515-plan-utf8", E("plan", "县公安局", 9, "2023-05-15"),
      "QQ Mail UTF-8 base64 (=?utf-8?B?...?= subject); 县公安局 activity 9 (5·15 经济犯罪宣传日) by theme and date",
      evidence=("县公安局“5·15”经济犯罪宣传日活动方案", "2023年5月15日", "洞口县公安局"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“5·15”防范和打击经济犯罪宣传日活动方案报送如下，请审阅。

　　一、活动时间：2023年5月15日（星期一）上午9:00—12:00
　　二、活动地点：县城步行街东入口
　　三、活动形式：现场宣传
　　四、活动内容：设置宣传展板，通报我县近年来打击非法集资、电信诈骗、养老诈骗等经济犯罪典型案例；发放防范经济犯罪宣传资料；民警现场解答群众咨询，受理经济犯罪线索举报。
　　五、参加人员：县公安局经侦大队全体民警、城区派出所民警，邀请县人大代表、政协委员参加。

联系人：刘俊　电话：0739-7822110

洞口县公安局
2023年5月8日
""")
    return compose("qq", seed, from_name="经侦大队 刘俊", from_addr="3140527789@qq.com", charset="UTF-8",
                   subj_cs="utf-8", subject="县公安局“5·15”经济犯罪宣传日活动方案", date=dt(5, 8, 9, 2, 17), body=body)


@case(19, "foxmail-police-antidrug-report-signature", E("report", "县公安局", 13, "2023-06-26"),
      "Foxmail GBK QP; loose theme 禁毒宣传 in subject; unit only in the signature (洞口县公安局禁毒大队); activity 13",
      evidence=("禁毒宣传活动开展情况", "洞口县公安局禁毒大队", "6月26日"))
def _(seed):
    body = T("""
县政务公开办：
　　6月26日是第36个国际禁毒日。当天上午，我局在县城雪峰广场开展“6·26”国际禁毒日禁毒宣传活动，现将有关情况报告如下：
　　活动现场设置禁毒知识展板20块，展出毒品仿真样品，民警向群众讲解新型毒品识别与危害、社区戒毒社区康复政策；开展禁毒知识有奖问答，发放《禁毒法》单行本及宣传资料4000余份，接受群众咨询300余人次。县禁毒委成员单位、城区中小学师生代表共500余人参加活动。
　　活动照片已通过微信发送。
""")
    sig = "罗志刚\n洞口县公安局禁毒大队\n电话：0739-7822340"
    return compose("foxmail", seed, from_name="罗志刚", from_addr="luozhigang@126.com", charset="GBK", subj_cs="GBK",
                   subject="禁毒宣传活动开展情况", date=dt(6, 28, 16, 12, 44), body=body, sig=sig)


@case(20, "coremail-police-cyberweek-plan-range", E("plan", "县公安局", 24, "2023-09-11", "2023-09-17"),
      "163 Coremail UTF-8; loose theme 网络安全宣传周; range 9月11日至17日 (second month omitted)",
      evidence=("国家网络安全宣传周活动方案", "9月11日至17日", "洞口县公安局"))
def _(seed):
    body = T("""
县政务公开办：
　　根据我县2023年“政务公开主题日”活动安排，现将我局2023年国家网络安全宣传周活动方案报送如下：
　　一、活动主题：网络安全为人民，网络安全靠人民
　　二、活动时间：9月11日至17日
　　三、活动地点：县城雪峰广场（9月11日开幕式），各乡镇（街道）、学校同步开展
　　四、活动形式：现场宣传、问卷调查。设置网络安全宣传展区，开展防范电信网络诈骗、个人信息保护等主题宣传；组织网络安全知识线上问卷调查。
　　五、参加人员：县公安局网安大队、各派出所民警，县委网信办等单位人员，邀请人大代表、政协委员、师生代表和市民参加。
　　请审阅。

洞口县公安局
2023年9月4日
""")
    return compose("coremail", seed, from_name="网安大队 吴涛", from_addr="wutao_dkga@163.com", charset="UTF-8",
                   subj_cs="UTF-8", subject="国家网络安全宣传周活动方案（县公安局）", date=dt(9, 4, 10, 40, 9), body=body)


@case(21, "outlook-police-cyberweek-report-forward", E("report", "县公安局", 24, "2023-09-11", "2023-09-17"),
      "Outlook '转发:' with the Chinese Outlook header block (发件人:/发送时间:/收件人:/主题:); the report is only in "
      "the quoted part; quoted 发送时间 2023年9月18日 is not the activity date",
      evidence=("转发: 2023年国家网络安全宣传周洞口县活动总结", "发送时间: 2023年9月18日 16:45", "9月11日至17日"))
def _(seed):
    body = T("""
县政务公开办：
　　转发我局网络安全宣传周活动总结，请查收。
""")
    sig = "吴涛\n洞口县公安局网安大队"
    quoted = T("""
吴队：
　　宣传周活动总结如下，请审核后报县政务公开办。

2023年国家网络安全宣传周洞口县活动总结
　　9月11日至17日，县公安局联合县委网信办开展了2023年国家网络安全宣传周活动。9月11日上午，在县城雪峰广场举行启动仪式，设置展板30块，发放宣传资料6000余份，现场帮助群众下载安装“国家反诈中心”APP 1200余人次；宣传周期间，民警深入全县25所中小学开展网络安全进校园活动，组织线上问卷调查，回收有效问卷8600余份。活动期间共受理群众网络安全咨询420余人次，县融媒体中心进行了全程报道。
""")
    q = {"style": "outlook", "header": ["发件人: 刘洋 <liuyang_wa@163.com> ", "发送时间: 2023年9月18日 16:45",
                                        "收件人: wutao_dkga@163.com", "主题: 2023年国家网络安全宣传周洞口县活动总结"],
         "text": quoted}
    return compose("outlook", seed, from_name="吴涛", from_addr="wutao_dkga@163.com",
                   subject="转发: 2023年国家网络安全宣传周洞口县活动总结", date=dt(9, 19, 9, 12, 28), body=body,
                   sig=sig, quote=q, charset="GBK", subj_cs="GBK")


@case(22, "qq-police-plan-no-theme-no-date-wps", E("plan", "县公安局", None, None, review=True),
      "QQ Mail; 县公安局 sends a 方案 with neither theme nor date (only an opaque .wps attachment): "
      "unit known, activity 9/13/24 undecidable -> activity null, date null, needs_review",
      evidence=("县公安局政务公开主题日活动方案", "洞口县公安局办公室", "活动方案.wps"))
def _(seed):
    body = T("""
县政务公开办：
　　现报送我局政务公开主题日活动方案，请审核。

洞口县公安局办公室
2023年5月30日
""")
    return compose("qq", seed, from_name="办公室", from_addr="1827364509@qq.com", subject="县公安局政务公开主题日活动方案",
                   date=dt(5, 30, 11, 40, 2), body=body,
                   attachments=[Att("活动方案.wps", ole_blob(seed), "application/octet-stream")])


# ---- 10 县住建局(自来水公司) ------------------------------------------------------------

@case(23, "foxmail-water-company-plan-signature", E("plan", "县住建局(自来水公司)", 10, "2023-05-18"),
      "Foxmail GBK QP; unit only in the signature as 洞口县自来水公司 -> 县住建局(自来水公司)",
      evidence=("洞口县自来水公司客户服务中心", "供水服务进社区", "2023年5月18日"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我公司“供水服务进社区”政务公开主题日活动方案报送如下，请审阅。
　　一、活动时间：2023年5月18日（星期四）上午8:30
　　二、活动地点：文昌街道城南社区、雪峰街道桂竹社区
　　三、活动内容：（一）现场宣传。设置服务台，宣传节约用水、二次供水管理、水费缴纳及“湘易办”线上报装等知识；（二）实地调研。组织用户代表参观县第二水厂净水工艺和水质检测中心；（三）问卷调查。开展供水服务满意度问卷调查，收集群众对水压、水质、抄表收费等方面的意见。
　　四、参加人员：公司领导班子、客服中心及营业所工作人员，邀请社区居民代表、人大代表、政协委员参加。
""")
    sig = "曾丽\n洞口县自来水公司客户服务中心\n服务热线：0739-7822678"
    return compose("foxmail", seed, from_name="曾丽", from_addr="zengli_dkzls@163.com", charset="GBK", subj_cs="GBK",
                   subject="供水服务进社区活动方案", date=dt(5, 10, 15, 22, 50), body=body, sig=sig)


@case(24, "qq-housing-bureau-report-photos", E("report", "县住建局(自来水公司)", 10, "2023-05-18"),
      "QQ Mail GB18030; alias 县住房和城乡建设局 -> 县住建局(自来水公司); 于5月18日…开展了; three .jpg photos",
      evidence=("县住房和城乡建设局供水服务进社区活动开展情况", "于5月18日", "现场照片"))
def _(seed):
    body = T("""
县政务公开办：
　　根据县政务公开主题日活动安排，县住房和城乡建设局指导县自来水公司于5月18日在城南社区、桂竹社区开展了“供水服务进社区”活动，现将开展情况报告如下：
　　一是现场宣传到位。活动设置服务台2处，发放节水宣传资料1600余份，现场办理用水报装、过户等业务23件，解答群众咨询180余人次。
　　二是实地调研深入。组织社区居民代表、人大代表、政协委员共25人参观县第二水厂净水工艺和水质检测中心，现场演示水质检测42项指标。
　　三是问卷调查有效。共回收满意度调查问卷356份，群众总体满意率达95.8%，对反映的3处老旧小区水压不足问题已列入整改计划。
　　现场照片3张见附件。
""")
    sig = "谢文\n洞口县住房和城乡建设局\n电话：0739-7823085"
    atts = [Att(f"供水服务进社区{i}.jpg", jpeg(seed + str(i), 2000 + 500 * i), "image/jpeg") for i in (1, 2, 3)]
    return compose("qq", seed, from_name="住建局 谢文", from_addr="1309482276@qq.com",
                   subject="县住房和城乡建设局供水服务进社区活动开展情况", date=dt(5, 22, 10, 30, 14), body=body, sig=sig,
                   attachments=atts)


# ---- 11 高沙镇人民政府 --------------------------------------------------------------------

@case(25, "coremail-gaosha-plan-vague-date", E("plan", "高沙镇人民政府", 11, None, review=True),
      "163 Coremail UTF-8; short name 高沙镇 (From name 高沙镇党政办); vague date 拟于5月中旬 -> activity_date null, needs_review",
      evidence=("高沙镇信访工作条例宣传活动方案", "拟于5月中旬", "高沙镇党政综合办公室"))
def _(seed):
    body = T("""
县政务公开办：
　　为深入学习宣传贯彻《信访工作条例》，根据县政务公开主题日活动安排，我镇拟于5月中旬开展《信访工作条例》宣传活动，现将活动方案报送如下：
　　一、活动时间：拟于5月中旬（具体时间另行通知）
　　二、活动地点：高沙镇集贸市场、镇综治中心
　　三、活动形式：座谈交流、政策发布。召开信访工作座谈会，邀请人大代表、政协委员、村（社区）干部和群众代表座谈交流；现场发布《信访工作条例》主要内容及我镇信访事项办理流程。
　　四、参加人员：镇领导班子成员、综治中心及各村（社区）信访信息员。

高沙镇党政综合办公室
2023年5月8日
""")
    return compose("coremail", seed, from_name="高沙镇党政办", from_addr="gaoshadzb@163.com", charset="UTF-8",
                   subj_cs="UTF-8", subject="高沙镇信访工作条例宣传活动方案", date=dt(5, 8, 16, 5, 33), body=body)


@case(26, "qq-gaosha-report-forwarded-original", E("report", "高沙镇人民政府", 11, "2023-05-16"),
      "QQ Mail '转发：' with '------------------ 原始邮件 ------------------' block; report only in the quoted part; "
      "quoted 发送时间 2023年5月17日 and 落款 are not the activity date",
      evidence=("------------------ 原始邮件 ------------------", "5月16日上午", "高沙镇人民政府", "信访工作条例"))
def _(seed):
    body = T("""
县政务公开办：
　　转发我镇信访工作条例宣传活动情况报告，请查收。
""")
    quoted = T("""
邓主任：
　　活动情况报告如下，请转报县政务公开办。

高沙镇《信访工作条例》宣传活动情况报告
　　5月16日上午，高沙镇人民政府在镇集贸市场开展《信访工作条例》宣传活动，并在镇综治中心召开信访工作座谈会。活动现场悬挂“政务公开主题日”横幅，设置咨询台3个，发放宣传资料2000余份，解答群众咨询160余人次，现场受理信访事项4件。座谈会上，县人大代表、政协委员、村（社区）干部和群众代表共26人围绕矛盾纠纷化解、信访事项办理时效等提出意见建议8条。
　　下一步，我镇将对收集的意见建议逐条研究落实，并通过镇政务公开栏公开办理结果。

高沙镇人民政府
2023年5月17日
""")
    q = {"style": "qq", "header": ['发件人: "高沙镇党政办"<gaoshadzb@163.com>;', "发送时间: 2023年5月17日(星期三) 上午10:20",
                                   '收件人: "邓超"<496813527@qq.com>;', "主题: 高沙镇《信访工作条例》宣传活动情况报告"],
         "text": quoted}
    return compose("qq", seed, from_name="邓超", from_addr="496813527@qq.com",
                   subject="转发：高沙镇《信访工作条例》宣传活动情况报告", date=dt(5, 19, 8, 46, 3), body=body, quote=q)


# ---- 12 / 25 县行政审批服务局 ----------------------------------------------------------------

@case(27, "outlook-service-center-alias-plan", E("plan", "县行政审批服务局", 12, "2023-05-24"),
      "Outlook gb2312; alias only (县政务服务中心 = 县行政审批服务局); 定于5月24日; activity 12 vs 25 by theme/month",
      evidence=("县政务服务中心", "政务公开答疑解惑、打好服务牌", "定于5月24日"))
def _(seed):
    body = T("""
县政务公开办：
　　现将县政务服务中心“政务公开答疑解惑、打好服务牌”政务公开主题日活动方案报送如下，请审阅。
　　一、活动时间：定于5月24日（星期三）上午9:00
　　二、活动地点：县政务服务中心一楼大厅
　　三、活动形式：现场观摩。邀请人大代表、政协委员、企业和群众代表观摩“一件事一次办”“湘易办”自助办理等办事场景，体验“帮办代办”服务；在政务公开专区现场答疑解惑，发布企业开办、不动产登记等高频事项办事指南。
　　四、参加人员：中心各窗口负责人及工作人员，受邀代表约30人。

洞口县政务服务中心
2023年5月16日
""")
    return compose("outlook", seed, from_name="彭亮", from_addr="pengliang_zwzx@163.com",
                   subject="县政务服务中心“政务公开答疑解惑、打好服务牌”主题活动方案", date=dt(5, 16, 14, 20, 40), body=body)


@case(28, "coremail-approval-bureau-qa-report", E("report", "县行政审批服务局", 12, "2023-05-24"),
      "163 Coremail GBK base64; full name 县行政审批服务局; 情况报告 for activity 12",
      evidence=("县行政审批服务局", "5月24日上午", "情况报告", "答疑解惑"))
def _(seed):
    body = T("""
县政务公开办：
　　5月24日上午，县行政审批服务局在县政务服务中心一楼大厅开展“政务公开答疑解惑、打好服务牌”主题日活动，现将开展情况报告如下：
　　活动邀请县人大代表、政协委员、企业和群众代表共32人，现场观摩了“一件事一次办”综合窗口、“湘易办”自助服务区、帮办代办服务专区，体验了企业开办全流程网上办理。政务公开专区现场发布高频事项办事指南18项，工作人员解答群众咨询65人次，收集意见建议7条，已全部交相关窗口办理。
　　活动照片5张另附。

洞口县行政审批服务局
2023年5月26日
""")
    return compose("coremail", seed, from_name="彭亮", from_addr="pengliang_zwzx@163.com",
                   subject="县行政审批服务局“答疑解惑、打好服务牌”主题日活动情况报告", date=dt(5, 26, 10, 12, 7), body=body)


@case(29, "qq-approval-bureau-12345-plan", E("plan", "县行政审批服务局", 25, "2023-10-19"),
      "QQ Mail GB18030; activity 25 (12345 热线开放日) for the same unit as 12; date 2023年10月19日",
      evidence=("12345", "开放日", "2023年10月19日", "洞口县行政审批服务局"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“12345”政务服务便民热线“开放日”活动方案报送如下，请审阅。
　　一、活动时间：2023年10月19日（星期四）下午2:30
　　二、活动地点：县12345政务服务便民热线中心
　　三、活动内容：邀请人大代表、政协委员、企业和群众代表走进热线中心，现场观摩话务受理、工单派发、督办回访全流程；介绍今年以来热线诉求办理情况；开展“我来当一回接线员”体验活动；座谈听取意见建议。
　　四、参加人员：局分管领导、热线中心全体人员，受邀代表20人。

联系人：贺婷　电话：0739-7923512

洞口县行政审批服务局
2023年10月11日
""")
    return compose("qq", seed, from_name="12345热线 贺婷", from_addr="2201983456@qq.com",
                   subject="关于报送“12345”政务服务便民热线“开放日”活动方案的函", date=dt(10, 11, 16, 0, 25), body=body)


@case(30, "foxmail-12345-open-day-news-lf", E("report", "县行政审批服务局", 25, "2023-10-19"),
      "Foxmail GB2312 QP, LF-only line endings; loose theme '12345热线开放日' in subject; 新闻稿",
      evidence=("12345热线开放日活动新闻稿", "10月19日下午", "县行政审批服务局"), lf=True)
def _(seed):
    body = T("""
县政务公开办：
　　现报送12345热线开放日活动新闻稿，请审阅。

走进12345热线　感受“接诉即办”
　　10月19日下午，县行政审批服务局举办“12345”政务服务便民热线“开放日”活动，县人大代表、政协委员、企业和群众代表共20人走进县12345热线中心，零距离感受“接诉即办”工作流程。
　　代表们先后参观了话务受理区、工单派发区和督办回访区，听取了今年以来热线运行情况介绍。今年1至9月，县12345热线共受理群众诉求4.2万件，按时办结率99.3%，群众满意率96.8%。在“我来当一回接线员”体验环节，代表们戴上耳麦，现场体验受理群众来电。座谈会上，代表们就提升热线接通率、加强部门协同等提出意见建议6条。
""")
    sig = "贺婷\n洞口县行政审批服务局12345热线中心"
    return compose("foxmail", seed, from_name="贺婷", from_addr="heting_12345@126.com",
                   subject="12345热线开放日活动新闻稿", date=dt(10, 23, 11, 5, 42), body=body, sig=sig, lf=True)


# ---- 14 邵阳市生态环境局洞口分局 -----------------------------------------------------------

@case(31, "outlook-ecology-branch-alias-plan", E("plan", "邵阳市生态环境局洞口分局", 14, "2023-06-05"),
      "Outlook gb2312; alias 洞口生态环境分局 -> 邵阳市生态环境局洞口分局; 六五环境日; 2023年6月5日",
      evidence=("洞口生态环境分局", "六五环境日", "2023年6月5日"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我分局2023年六五环境日政务公开主题日活动方案报送如下，请审阅。
　　一、活动主题：建设人与自然和谐共生的现代化
　　二、活动时间：2023年6月5日（星期一）上午9:00
　　三、活动地点：县城雪峰广场
　　四、活动形式：政策发布。现场发布《2022年洞口县生态环境状况公报》，解读新修订的生态环境保护政策法规；设置环保咨询台，受理生态环境问题投诉举报；开展环保知识有奖问答。
　　五、参加人员：分局班子成员及各股室、执法大队人员，邀请人大代表、政协委员、环保志愿者参加。

洞口生态环境分局
2023年5月25日
""")
    return compose("outlook", seed, from_name="肖敏", from_addr="xiaomin_hbj@163.com",
                   subject="洞口生态环境分局六五环境日主题活动方案", date=dt(5, 25, 16, 30, 18), body=body)


@case(32, "qq-ecology-report-pdf-only", E("report", "邵阳市生态环境局洞口分局", 14, "2023-06-05"),
      "QQ Mail, body only '请查收。'; a .pdf whose QQ-style quoted =?gb18030?B?...?= file name carries unit, theme, "
      "date and 情况报告 (PDF text itself is minimal ASCII)",
      evidence=("请查收", "邵阳市生态环境局洞口分局六五环境日主题活动情况报告（6月5日）.pdf", "六五环境日活动情况报告"))
def _(seed):
    return compose("qq", seed, from_name="肖敏", from_addr="1473820596@qq.com", subject="六五环境日活动情况报告",
                   date=dt(6, 8, 17, 2, 56), body="请查收。\n",
                   attachments=[Att("邵阳市生态环境局洞口分局六五环境日主题活动情况报告（6月5日）.pdf",
                                    pdf("Dongkou Ecology Branch - World Environment Day event report, 2023-06-05"),
                                    "application/pdf")])


# ---- 16 县自然资源局 ------------------------------------------------------------------

@case(33, "coremail-land-day-plan-iso-date", E("plan", "县自然资源局", 16, "2023-06-25"),
      "163 Coremail GBK; loose theme 土地日; ISO date 2023-06-25 (a Sunday make-up working day)",
      evidence=("土地日宣传活动方案", "2023-06-25", "洞口县自然资源局"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局第33个全国土地日宣传活动方案报送如下，请审阅。
　　一、活动主题：节约集约用地　严守耕地红线
　　二、活动时间：2023-06-25（星期日，调休上班）上午9:00
　　三、活动地点：县城雪峰广场
　　四、活动形式：政策发布。现场发布《洞口县国土空间总体规划（2021—2035年）》公众版主要内容及耕地保护“田长制”政策，设置咨询台解答不动产登记、农村宅基地审批等群众关心的问题，发放宣传资料。
　　五、参加人员：局机关各股室、各自然资源所工作人员，邀请人大代表、政协委员参加。

洞口县自然资源局
2023年6月16日
""")
    return compose("coremail", seed, from_name="县自然资源局 胡斌", from_addr="hubin_zrzyj@163.com",
                   subject="土地日宣传活动方案", date=dt(6, 16, 11, 20, 4), body=body)


@case(34, "foxmail-land-day-report-lf", E("report", "县自然资源局", 16, "2023-06-25"),
      "Foxmail GBK QP, LF-only; 6·25全国土地日 情况报告 with two .jpg photos",
      evidence=("县自然资源局6·25全国土地日宣传情况报告", "6月25日上午"), lf=True)
def _(seed):
    body = T("""
县政务公开办：
　　6月25日上午，我局在县城雪峰广场开展“6·25”全国土地日宣传活动，现将有关情况报告如下：
　　活动以“节约集约用地　严守耕地红线”为主题，现场发布了国土空间总体规划公众版和“田长制”相关政策，展出宣传展板16块，发放宣传资料2500余份、宣传品600余份，解答不动产登记、宅基地审批等咨询90余人次。县人大代表、政协委员4人到场指导。同日，各乡镇自然资源所同步开展了宣传。
　　活动照片附后。

洞口县自然资源局
2023年6月28日
""")
    sig = "胡斌\n洞口县自然资源局办公室"
    atts = [Att(f"土地日{i}.jpg", jpeg(seed + str(i), 2600), "image/jpeg") for i in (1, 2)]
    return compose("foxmail", seed, from_name="胡斌", from_addr="hubin_zrzyj@163.com", charset="GBK", subj_cs="GBK",
                   subject="县自然资源局6·25全国土地日宣传情况报告", date=dt(6, 28, 9, 40, 11), body=body, sig=sig,
                   attachments=atts, lf=True)


# ---- 17 县人社局 -----------------------------------------------------------------------

@case(35, "thunderbird-hrss-plan-unit-in-rfc2231-filename", E("plan", "县人社局", 17, "2023-06-15"),
      "Thunderbird-like, UTF-8 8bit body; unit only in the attachment name, written with RFC 2231 "
      "continuations (filename*0*=UTF-8''…; filename*1*=…) as 洞口县人力资源和社会保障局",
      evidence=("洞口县人力资源和社会保障局惠民政策宣传日活动方案.docx", "惠民政策宣传日", "2023年6月15日"))
def _(seed):
    body = T("""
县政务公开办：

　　现将我局惠民政策宣传日活动方案报送，请审阅。活动定于2023年6月15日上午在县城雪峰广场举行，具体见附件。

刘艳
""")
    doc = docx([
        "惠民政策宣传日活动方案",
        "　　为进一步宣传就业创业、社会保险、劳动权益保障等惠民政策，根据县政务公开主题日活动安排，我局决定开展惠民政策宣传日活动。",
        "　　一、活动时间：2023年6月15日（星期四）上午9:00",
        "　　二、活动地点：县城雪峰广场",
        "　　三、活动形式：座谈交流、问卷调查。现场设置政策咨询台，举办惠民政策座谈会，开展政策知晓度问卷调查。",
        "　　四、参加人员：局机关相关股室、县就业服务中心、县社保中心、县劳动保障监察大队工作人员，邀请人大代表、政协委员、企业和劳动者代表参加。",
    ], when=(2023, 6, 7, 14, 0, 0))
    return compose("thunderbird", seed, from_name="刘艳", from_addr="liuyan_0611@126.com",
                   subject="惠民政策宣传日活动方案", date=dt(6, 7, 15, 16, 2), body=body, html_part=False,
                   attachments=[Att("洞口县人力资源和社会保障局惠民政策宣传日活动方案.docx", doc, DOCX_CT)])


@case(36, "qq-hrss-report", E("report", "县人社局", 17, "2023-06-15"),
      "QQ Mail GB18030; 县人社局 short name in subject, full name in 落款; 已于6月15日…顺利开展",
      evidence=("县人社局惠民政策宣传日活动情况报告", "已于6月15日", "洞口县人力资源和社会保障局"))
def _(seed):
    body = T("""
县政务公开办：
　　我局惠民政策宣传日活动已于6月15日在县城雪峰广场顺利开展，现将情况报告如下：
　　活动当天，县就业服务中心、县社保中心、县劳动保障监察大队等单位设置咨询台8个，集中宣传就业创业、社会保险、劳动维权等惠民政策，现场提供岗位2100余个，达成就业意向136人；发放宣传资料5000余份，解答群众咨询620余人次。下午召开惠民政策座谈会，县人大代表、政协委员、企业和劳动者代表18人参加，开展问卷调查回收有效问卷420份。

洞口县人力资源和社会保障局
2023年6月19日
""")
    return compose("qq", seed, from_name="刘艳", from_addr="854213697@qq.com", subject="县人社局惠民政策宣传日活动情况报告",
                   date=dt(6, 19, 10, 10, 45), body=body)


# ---- 18 县农业农村局 ---------------------------------------------------------------------

@case(37, "foxmail-agriculture-plan", E("plan", "县农业农村局", 18, "2023-06-08"),
      "Foxmail GBK QP; 拟于6月8日; venue 高沙镇农资市场 mentions another unit's name (distractor)",
      evidence=("县农业农村局打击假冒伪劣农资宣传活动方案", "拟于6月8日", "打击假冒农药化肥种子"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“打击假冒农药化肥种子”政务公开主题日活动方案报送如下，请审阅。
　　一、活动时间：拟于6月8日（星期四）上午
　　二、活动地点：高沙镇农资市场、县城农资一条街
　　三、活动形式：现场宣传。设置农资打假宣传咨询台，展示真假农药、化肥、种子识别方法，公布农资投诉举报电话，发放《种子法》《农药管理条例》宣传资料，现场抽检农资产品。
　　四、参加人员：局分管领导、农业综合行政执法大队、种子管理站工作人员。
""")
    sig = "曾志强\n洞口县农业农村局农业综合行政执法大队\n13907396521"
    return compose("foxmail", seed, from_name="曾志强", from_addr="zengzq_nyj@163.com", charset="GBK", subj_cs="GBK",
                   subject="县农业农村局打击假冒伪劣农资宣传活动方案", date=dt(5, 31, 9, 50, 30), body=body, sig=sig)


# ---- 19 县应急局 -----------------------------------------------------------------------

@case(38, "outlook-emergency-safety-month-plan", E("plan", "县应急局", 19, "2023-06-01", "2023-06-30"),
      "Outlook GBK QP; alias 县应急管理局; month-long range 6月1日-6月30日; a sub-date 6月16日 inside the range",
      evidence=("县应急管理局2023年“安全生产月”宣传活动方案", "6月1日-6月30日"))
def _(seed):
    body = T("""
县政务公开办：
　　根据县政务公开主题日活动安排，现将我局2023年“安全生产月”政务公开主题日活动方案报送如下，请审阅。
　　一、活动主题：人人讲安全、个个会应急——着力防范化解重大安全风险
　　二、活动时间：6月1日-6月30日
　　三、活动形式：现场观摩。组织人大代表、政协委员、企业负责人和群众代表观摩重点企业应急演练；6月16日“安全宣传咨询日”在县城雪峰广场集中开展宣传咨询。
　　四、参加人员：局领导班子、各股室负责人，各乡镇（街道）、县安委会成员单位相关人员。

洞口县应急管理局
2023年5月24日
""")
    return compose("outlook", seed, from_name="邓建华", from_addr="dengjh_yjj@163.com", charset="GBK", subj_cs="GBK",
                   subject="县应急管理局2023年“安全生产月”宣传活动方案", date=dt(5, 24, 16, 40, 22), body=body)


@case(39, "coremail-emergency-safety-month-summary", E("report", "县应急局", 19, "2023-06-01", "2023-06-30"),
      "163 Coremail GBK; 活动总结 / 圆满结束; range 6月1日至6月30日 with sub-dates 6月9日, 6月16日 inside",
      evidence=("安全生产月", "活动总结", "6月1日至6月30日", "圆满结束", "洞口县应急管理局"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局2023年“安全生产月”活动总结报送如下。
　　6月1日至6月30日，县应急管理局围绕“人人讲安全、个个会应急”主题，组织开展了“安全生产月”系列活动。一是开展现场观摩。6月9日组织人大代表、政协委员、企业负责人等40余人观摩了某化工企业危化品泄漏应急演练。二是集中宣传咨询。6月16日在县城雪峰广场开展“安全宣传咨询日”活动，30个安委会成员单位参与，发放宣传资料1.2万份，接受咨询800余人次。三是深入开展隐患排查。活动期间共检查企业236家，整改隐患412处。
　　“安全生产月”活动已圆满结束。

洞口县应急管理局
2023年7月4日
""")
    return compose("coremail", seed, from_name="县应急局 邓建华", from_addr="dengjh_yjj@163.com",
                   subject="2023年“安全生产月”活动总结", date=dt(7, 4, 10, 25, 50), body=body)


# ---- 20 县税务局 -----------------------------------------------------------------------

@case(40, "outlook-tax-bureau-plan", E("plan", "县税务局", 20, "2023-07-12"),
      "Outlook gb2312; official name 国家税务总局洞口县税务局 -> 县税务局; 2023年7月12日",
      evidence=("国家税务总局洞口县税务局", "税务事项一网通办", "2023年7月12日"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局“税务事项一网通办”政务公开主题日活动方案报送如下，请审阅。
　　一、活动时间：2023年7月12日（星期三）上午9:30
　　二、活动地点：县税务局办税服务厅、三楼会议室
　　三、活动形式：座谈交流、问卷调查。邀请纳税人代表、涉税专业服务机构代表、人大代表和政协委员座谈，介绍电子税务局、“湘易办”涉税事项一网通办情况，现场演示非接触式办税；开展纳税人满意度问卷调查。
　　四、参加人员：局领导班子成员、纳税服务股及办税服务厅工作人员，受邀代表约25人。

国家税务总局洞口县税务局
2023年7月3日
""")
    return compose("outlook", seed, from_name="杨帆", from_addr="yangfan_dktax@163.com",
                   subject="国家税务总局洞口县税务局“税务事项一网通办”主题日活动方案", date=dt(7, 3, 15, 10, 7), body=body)


@case(41, "outlook-tax-report-fw-original-message", E("report", "县税务局", 20, "2023-07-12"),
      "Outlook 'Fw:' with '-----Original Message-----' / From: / Sent: block; report only in the quoted part",
      evidence=("-----Original Message-----", "7月12日上午", "国家税务总局洞口县税务局", "开展情况"))
def _(seed):
    body = "转发，请查收。\n"
    sig = "杨帆\n国家税务总局洞口县税务局纳税服务股"
    quoted = T("""
杨股长：
　　座谈会开展情况如下，请审核后报送县政务公开办。

国家税务总局洞口县税务局“税务事项一网通办”座谈会开展情况
　　7月12日上午，我局在三楼会议室召开“税务事项一网通办”政务公开主题日座谈会，县人大代表、政协委员及纳税人代表、涉税专业服务机构代表共24人参加。会上，纳税服务股介绍了电子税务局、“湘易办”涉税事项一网通办推进情况，办税服务厅现场演示了非接触式办税流程，与会代表围绕发票开具、社保费缴纳等提出意见建议10条。同步开展的问卷调查回收有效问卷186份，纳税人满意率98.4%。
""")
    q = {"style": "outlook_en", "header": ["From: 陈思 <chensi_nsfw@163.com> ", "Sent: Thursday, July 13, 2023 5:48 PM",
                                           "To: 杨帆 <yangfan_dktax@163.com>", "Subject: 税务事项一网通办座谈会开展情况"],
         "text": quoted}
    return compose("outlook", seed, from_name="杨帆", from_addr="yangfan_dktax@163.com",
                   subject="Fw: 税务事项一网通办座谈会开展情况", date=dt(7, 14, 9, 5, 33), body=body, sig=sig, quote=q)


# ---- 21 县文旅广体局 --------------------------------------------------------------------

@case(42, "sina-culture-tourism-plan-utf8-8bit-lf", E("plan", "县文旅广体局", 21, "2023-07-20"),
      "sina.com webmail, text/plain UTF-8 8bit only, LF-only; alias 县文化旅游广电体育局; 定于7月20日",
      evidence=("县文化旅游广电体育局", "文旅体融合发展座谈会", "定于7月20日"), lf=True)
def _(seed):
    body = T("""
县政务公开办：
    现将县文化旅游广电体育局“文旅体融合发展座谈会”政务公开主题日活动方案报送如下：
    一、活动时间：定于7月20日（星期四）下午3:00
    二、活动地点：县文化馆三楼多功能厅
    三、活动形式：座谈交流。邀请文旅企业、体育协会、非遗传承人代表及人大代表、政协委员座谈，介绍我县文旅体融合发展规划及扶持政策，听取意见建议。
    四、参加人员：局领导班子成员、相关股室负责人，受邀代表约25人。
    请审阅。

洞口县文化旅游广电体育局
2023年7月11日
""")
    return compose("sina", seed, from_name="县文旅广体局 唐慧", from_addr="tanghui_dk@sina.com",
                   subject="关于召开文旅体融合发展座谈会的活动方案", date=dt(7, 11, 10, 35, 12), body=body,
                   html_part=False, lf=True)


@case(43, "qq-culture-tourism-news-html-only-gb18030", E("report", "县文旅广体局", 21, "2023-07-20"),
      "QQ Mail HTML-only GB18030 base64 (<p>, <strong>, &nbsp;, &ldquo; entities); 新闻稿",
      evidence=("文旅体融合发展座谈会新闻稿", "7月20日下午", "县文旅广体局"))
def _(seed):
    h = ('<meta http-equiv="Content-Type" content="text/html; charset=GB18030">'
         "<p>县政务公开办：</p><p>&nbsp;&nbsp;&nbsp;&nbsp;现报送我局主题日活动新闻稿，请审阅。</p>"
         '<p align="center"><strong>县文旅广体局召开文旅体融合发展座谈会</strong></p>'
         "<p>&nbsp;&nbsp;&nbsp;&nbsp;7月20日下午，县文旅广体局在县文化馆召开&ldquo;文旅体融合发展座谈会&rdquo;"
         "政务公开主题日活动，文旅企业、体育协会、非遗传承人代表和县人大代表、政协委员共26人参加。</p>"
         "<p>&nbsp;&nbsp;&nbsp;&nbsp;座谈会上，局负责人介绍了我县文旅体融合发展规划和扶持政策，与会代表围绕"
         "雪峰山旅游线路打造、乡村体育赛事、非遗进景区等话题踊跃发言，提出意见建议12条。<br>"
         "&nbsp;&nbsp;&nbsp;&nbsp;该局表示，将对意见建议分类梳理、逐条办理，并在县人民政府门户网站公开办理情况。</p>"
         "<div><br></div><div>唐慧&nbsp;&nbsp;洞口县文化旅游广电体育局</div>")
    return compose("qq", seed, from_name="唐慧", from_addr="1968527430@qq.com", subject="文旅体融合发展座谈会新闻稿",
                   date=dt(7, 24, 16, 20, 40), body="", plain=False, html_override=h)


# ---- 22 县医保局 -----------------------------------------------------------------------

@case(44, "coremail-medical-insurance-plan-unit-in-subject", E("plan", "县医保局", 22, "2023-08-17"),
      "163 Coremail UTF-8; unit only in the subject (县医疗保障局); plan word 计划于; 8月17日",
      evidence=("县医疗保障局政务公开主题日活动方案", "计划于8月17日", "异地结算"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局政务公开主题日活动方案报送如下，请审阅。
　　一、活动主题：职工医保普通门诊异地结算二级以上定点医疗机构全覆盖
　　二、活动时间：计划于8月17日（星期四）上午9:00
　　三、活动地点：县人民医院门诊大厅医保服务窗口
　　四、活动形式：现场观摩。邀请人大代表、政协委员、参保职工代表现场观摩异地就医备案、门诊费用直接结算办理流程，讲解异地就医直接结算政策。
　　五、参加人员：局分管领导、医保服务中心工作人员，县人民医院医保科人员，受邀代表约15人。

联系人：黄琳　电话：0739-7826515
""")
    return compose("coremail", seed, from_name="黄琳", from_addr="huanglin_ybj@163.com", charset="UTF-8",
                   subj_cs="UTF-8", subject="县医疗保障局政务公开主题日活动方案", date=dt(8, 9, 9, 30, 15), body=body)


@case(45, "qq-medical-insurance-materials-ambiguous", E("report", "县医保局", 22, "2023-08-17", review=True),
      "Ambiguous kind: '活动材料' with neither plan nor report words and an opaque .rar; sent the day after the "
      "activity, so lean report, needs_review",
      evidence=("县医保局主题日活动材料", "活动时间：8月17日", "洞口县医疗保障局"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局职工医保普通门诊异地结算主题日活动材料报送，请查收。活动时间：8月17日。
""")
    sig = "黄琳\n洞口县医疗保障局"
    rar = b"Rar!\x1a\x07\x01\x00" + random.Random(seed).randbytes(3000)
    return compose("qq", seed, from_name="黄琳", from_addr="2650981743@qq.com", subject="县医保局主题日活动材料",
                   date=dt(8, 18, 11, 15, 9), body=body, sig=sig,
                   attachments=[Att("主题日活动材料.rar", rar, "application/octet-stream")])


# ---- 23 县卫健局 -----------------------------------------------------------------------

@case(46, "coremail126-health-plan-rfc2231-gbk", E("plan", "县卫健局", 23, "2023-09-12"),
      "126 Coremail GBK; alias 县卫生健康局; .docx attachment named with RFC 2231 filename*=gbk''%..",
      evidence=("县卫生健康局预防出生缺陷日主题活动方案", "2023年9月12日", "预防出生缺陷日主题活动方案.docx"))
def _(seed):
    body = T("""
县政务公开办：
　　现将我局2023年“预防出生缺陷日”政务公开主题日活动方案报送，请审阅。
　　活动时间：2023年9月12日（星期二）上午8:30
　　活动地点：县妇幼保健计划生育服务中心
　　活动内容：发布我县免费婚前医学检查、孕前优生健康检查、新生儿疾病筛查等出生缺陷防治惠民政策；开展义诊咨询。
　　详见附件。

洞口县卫生健康局
2023年9月1日
""")
    doc = docx([
        "洞口县卫生健康局“预防出生缺陷日”主题活动方案",
        "　　一、活动时间：2023年9月12日上午8:30",
        "　　二、活动地点：县妇幼保健计划生育服务中心",
        "　　三、活动形式：政策发布、义诊咨询",
        "　　四、参加人员：局分管领导、妇幼健康股、县妇幼保健计划生育服务中心专家，邀请人大代表、政协委员和孕产妇家庭代表参加。",
    ], when=(2023, 9, 1, 10, 0, 0))
    return compose("coremail", seed, from_name="县卫健局 周琴", from_addr="zhouqin_wjj@126.com",
                   subject="县卫生健康局预防出生缺陷日主题活动方案", date=dt(9, 1, 10, 50, 38), body=body,
                   attachments=[Att("预防出生缺陷日主题活动方案.docx", doc, DOCX_CT, style="rfc2231", charset="gbk")])


@case(47, "coremail126-health-report-missing-close-boundary", E("report", "县卫健局", 23, "2023-09-12"),
      "Malformed MIME: multipart/alternative without the closing boundary (mail truncated after the HTML part); "
      "text still readable",
      evidence=("预防出生缺陷日主题活动情况报告", "9月12日上午", "县卫生健康局"))
def _(seed):
    body = T("""
县政务公开办：
　　9月12日上午，县卫生健康局在县妇幼保健计划生育服务中心开展“预防出生缺陷日”主题活动，现将开展情况报告如下：
　　活动现场发布了我县出生缺陷综合防治惠民政策，组织妇产科、儿科、遗传咨询专家开展义诊咨询，免费为孕产妇和新生儿家长提供健康咨询210余人次，发放宣传资料1800余份。县人大代表、政协委员3人及群众代表40余人参加。

洞口县卫生健康局
2023年9月15日
""")
    b = f"----=_Part_{digits(seed, 6)}_{digits(seed + 'p', 9)}.1694769000{digits(seed, 3)}"
    parts = [leaf("text/plain; charset=GBK", body.encode("gbk"), "base64"),
             leaf("text/html; charset=GBK", html_text("coremail", body, "", None, "GBK").encode("gbk"), "base64")]
    root = multipart("alternative", parts, b, close=False)
    frm = addr("周琴", "zhouqin_wjj@126.com", "GBK")
    date = dt(9, 15, 17, 10, 4)
    hdrs = received(seed, "zhouqin_wjj@126.com", date) + [
        f"Date: {rfcdate(date, cst=True)}", f"From: {frm}", f"To: {OFFICE}",
        f"Subject: {ew('预防出生缺陷日主题活动情况报告', 'GBK')}", "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\n Copyright (c) 2002-2023 www.mailtech.cn 126com",
        "ROOT", "MIME-Version: 1.0", f"Message-ID: {msgid('coremail', seed, date, 'zhouqin_wjj@126.com')}"]
    return finish(hdrs, root)


# ---- malformed / unknown charset / unknown unit ----------------------------------------

@case(48, "qq-boundary-mismatch-unreadable", E("other", review=True),
      "Malformed MIME: the boundary in Content-Type does not match the delimiters in the body, so no part can be "
      "decoded (base64 GB18030 text left as preamble); the subject says nothing -> other, needs_review",
      evidence=("报送材料",))
def _(seed):
    body = T("""
县政务公开办：
　　现将我单位主题日活动材料报送，请查收。
""")
    real = f"----=_NextPart_{H(seed, 8).upper()}_{H(seed + '1', 8).upper()}_{H(seed + '2', 8).upper()}"
    wrong = real[:-3] + "A0B"
    parts = [leaf('text/plain;\n\tcharset="gb18030"', body.encode("gb18030"), "base64"),
             leaf('text/html;\n\tcharset="gb18030"', html_text("qq", body, "", None, "gb18030").encode("gb18030"), "base64")]
    root = multipart("alternative", parts, real, header_boundary=wrong)
    date = dt(6, 2, 18, 44, 51)
    hdrs = received(seed, "3361927480@qq.com", date) + [
        f"From: {addr('小陈', '3361927480@qq.com', 'gb18030')}", f"To: {addr('政务公开办', OFFICE, 'gb18030')}",
        f"Subject: {ew('报送材料', 'gb18030')}", "Mime-Version: 1.0", "ROOT", "Content-Transfer-Encoding: 8Bit",
        f"Date: {rfcdate(date)}", "X-Priority: 3", f"Message-ID: {msgid('qq', seed, date, '3361927480@qq.com')}",
        "X-QQ-MIME: TCMime 1.0 by Tencent"]
    return finish(hdrs, root)


@case(49, "coremail-agriculture-report-unknown-charset", E("report", "县农业农村局", 18, "2023-06-08"),
      'Unknown charset label: text/plain charset="x-unknown-gbk" (GBK bytes) alongside a readable UTF-8 HTML part',
      evidence=("打击假冒农药化肥种子宣传活动情况报告", "6月8日上午", "县农业农村局"))
def _(seed):
    body = T("""
县政务公开办：
　　6月8日上午，县农业农村局在高沙镇农资市场和县城农资一条街开展“打击假冒农药化肥种子”现场宣传活动，现将情况报告如下：
　　活动共设置咨询台4个，展示真假农资识别样品30余种，发放宣传资料2600余份，现场抽检农药、化肥、种子样品15批次，受理投诉举报2件，接受农民群众咨询310余人次。
洞口县农业农村局
2023年6月12日
""")
    sig = "曾志强\n洞口县农业农村局农业综合行政执法大队"
    b = f"----=_Part_{digits(seed, 6)}_{digits(seed + 'p', 9)}.1686555000{digits(seed, 3)}"
    pt = plain_text("coremail", body, sig, None)
    parts = [leaf('text/plain; charset="x-unknown-gbk"', pt.encode("gbk"), "base64"),
             leaf("text/html; charset=UTF-8", html_text("coremail", body, sig, None, "UTF-8").encode("utf-8"), "base64")]
    root = multipart("alternative", parts, b)
    frm = addr("曾志强", "zengzq_nyj@163.com", "UTF-8")
    date = dt(6, 12, 15, 30, 26)
    hdrs = received(seed, "zengzq_nyj@163.com", date) + [
        f"Date: {rfcdate(date, cst=True)}", f"From: {frm}", f"To: {OFFICE}",
        f"Subject: {ew('打击假冒农药化肥种子宣传活动情况报告', 'UTF-8')}", "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\n Copyright (c) 2002-2023 www.mailtech.cn 163com",
        "ROOT", "MIME-Version: 1.0", f"Message-ID: {msgid('coremail', seed, date, 'zengzq_nyj@163.com')}"]
    return finish(hdrs, root)


@case(50, "qq-unknown-unit-plan-forgot-attachment", E("plan", None, None, "2023-05-25", review=True),
      "Clearly a 主题日 plan (拟于2023年5月25日) but from an unknown address with no unit name and the attachment "
      "forgotten; no schedule row matches -> unit null, activity null, needs_review",
      evidence=("政务公开主题日活动方案", "拟于2023年5月25日"))
def _(seed):
    body = T("""
您好：
　　我单位拟于2023年5月25日开展政务公开主题日活动，活动方案见附件，请审阅。

小李
""")
    return compose("qq", seed, from_name="小李", from_addr="xiaoli2023dk@qq.com", charset="UTF-8", subj_cs="utf-8",
                   subject="政务公开主题日活动方案", date=dt(5, 18, 17, 45, 0), body=body)


# ---- other: questions, unrelated, spam, meeting notice, office's own mail -----------------

@case(51, "qq-question-seal", E("other"),
      "Question, not a submission: 请问方案需要盖章吗 (sender is the 001 water-bureau address)",
      evidence=("请问方案需要盖章吗", "加盖单位公章"))
def _(seed):
    body = T("""
县政务公开办：
　　您好！请问报送的主题日活动方案需要加盖单位公章吗？是否还需要报送纸质版？谢谢！
""")
    return compose("qq", seed, from_name="刘芳", from_addr="1623857740@qq.com", subject="请问方案需要盖章吗",
                   date=dt(4, 11, 10, 20, 5), body=body, sig="刘芳")


@case(52, "coremail-question-deadline", E("other"),
      "Question about deadlines from 县医疗保障局 mentioning 计划/8月中下旬/方案 -> other",
      evidence=("咨询：主题日活动方案报送时间", "最迟需要提前几天报送"))
def _(seed):
    body = T("""
县政务公开办：
　　您好！我局的政务公开主题日活动计划在8月中下旬开展，请问活动方案最迟需要提前几天报送？情况报告是否需要附照片？
""")
    return compose("coremail", seed, from_name="黄琳", from_addr="huanglin_ybj@163.com", charset="UTF-8",
                   subj_cs="UTF-8", subject="咨询：主题日活动方案报送时间", date=dt(7, 31, 15, 2, 41), body=body,
                   sig="洞口县医疗保障局　黄琳\n0739-7826515")


@case(53, "spam-invoice-gbk-8bit-lf", E("other"),
      "Spam/ad (代开发票), GBK 8bit text/plain, LF-only, unknown sender domain",
      evidence=("代开", "发票"), lf=True)
def _(seed):
    body = T("""
您好！
    本公司因进项较多，现可优惠对外代开全国各地增值税专用发票、普通发票（运输、建筑、餐饮、广告、服务业等），点数从优，可先验票后付款。
    联系人：陈经理
    电话：13800000000（微信同号）
    如有打扰，敬请谅解！
""")
    date = dt(4, 19, 3, 12, 55)
    hdrs = [f"Return-Path: <qwe8812@fjhtkj.com>",
            f"Received: from fjhtkj.com (unknown [117.27.142.9])\n\tby newxmmxszc3-7.qq.com (NewMx) with SMTP id 0\n\tfor <{OFFICE}>; {rfcdate(date)}",
            f"From: {addr('财务部', 'qwe8812@fjhtkj.com', 'GBK')}", f"To: {OFFICE}",
            f"Subject: {ew('代开各类发票（增值税专用/普通）', 'GBK')}", f"Date: {rfcdate(date)}",
            f"Message-ID: <{H(seed, 16)}@fjhtkj.com>", "MIME-Version: 1.0", "ROOT", "X-Mailer: Foxmail 6, 13, 102, 15 [cn]"]
    root = leaf("text/plain; charset=gbk", body.encode("gbk"), "8bit")
    return finish(hdrs, root, lf=True)


@case(54, "coremail-meeting-notice", E("other"),
      "Meeting notice from 县人民政府办公室 (定于2023年4月18日…召开, mentions 主题日) -> other",
      evidence=("关于召开全县政务公开工作推进会的通知", "定于2023年4月18日"))
def _(seed):
    body = T("""
各乡镇（街道、管理区），县直和省市驻洞口各单位：
　　经研究，定于2023年4月18日（星期二）上午9:00在县政府三楼常务会议室召开全县政务公开工作推进会，部署2023年政务公开重点工作及“政务公开主题日”活动。请各单位分管政务公开工作的负责同志准时参加，并于4月17日下午5点前将参会回执报县政府办秘书股。

洞口县人民政府办公室
2023年4月13日
""")
    return compose("coremail", seed, from_name="县政府办秘书股", from_addr="dkzfb_msg@163.com",
                   subject="关于召开全县政务公开工作推进会的通知", date=dt(4, 13, 17, 5, 9), body=body)


@case(55, "qq-from-office-itself", E("other"),
      "Mail from the office's own mailbox 43347867@qq.com (the notice sent to units), full of themes, units and "
      "months -> other, not automated",
      evidence=("关于印发《洞口县2023年“政务公开主题日”活动实施方案》的通知", "43347867@qq.com"))
def _(seed):
    body = T("""
各乡镇（街道、管理区），县直和省市驻洞口各单位：
　　现将《洞口县2023年“政务公开主题日”活动实施方案》（洞政开〔2023〕1号）印发给你们，请认真抓好落实。请各责任单位在活动开展前5个工作日报送活动方案，活动结束后5个工作日内报送情况报告或新闻报导。
　　4月份活动安排：县水利局（世界水日、中国水周主题活动）、县市监局（优化经济环境、提振消费信心；世界知识产权日宣传周活动）、县司法局（法治政府示范创建宣传）、县发改局（乡镇自来水水价调整听证）、县财政局（减税降费惠企政策解读座谈会）、县民政局（第三届公众开放日）、县退役军人事务局（退役军人就业创业调研）。其余月份安排详见附件计划表。

洞口县政务公开政务服务领导小组办公室
2023年4月6日
""")
    sig = "尹轶林\n县行政审批服务局205办公室\n0739-7923727"
    return compose("qq", seed, from_name="政务公开办", from_addr=OFFICE, subject="关于印发《洞口县2023年“政务公开主题日”活动实施方案》的通知",
                   date=dt(4, 6, 16, 30, 44), body=body, sig=sig, received_hdrs=False)


@case(56, "foxmail-finance-unrelated-final-accounts", E("other"),
      "Unrelated work mail from 县财政局 (部门决算公开, '关于报送…的函', 已于…公开) with an .xlsx -> other",
      evidence=("关于报送2022年度部门决算公开情况的函", "部门决算公开情况统计表"))
def _(seed):
    body = T("""
县政务公开办：
　　按照县政务公开工作要点要求，现将我局2022年度部门决算公开情况统计表报送，请查收。我局已于2023年8月31日在县人民政府门户网站“财政预决算”栏目公开2022年度部门决算及“三公”经费决算。
""")
    sig = "王喆\n洞口县财政局办公室\n电话：0739-7822590"
    xlsx = _zip([("[Content_Types].xml", b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
                 ("xl/workbook.xml", b'<?xml version="1.0" encoding="UTF-8"?><workbook/>')], (2023, 9, 4, 9, 0, 0))
    return compose("foxmail", seed, from_name="王喆", from_addr="wangzhe_czj@126.com", charset="GBK", subj_cs="GBK",
                   subject="关于报送2022年度部门决算公开情况的函", date=dt(9, 4, 9, 30, 12), body=body, sig=sig,
                   attachments=[Att("2022年度部门决算公开情况统计表.xlsx", xlsx,
                                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")])


# ---- automated: auto-replies, bounces, newsletters --------------------------------------

@case(57, "qq-vacation-autoreply", E("other", auto=True),
      "QQ Mail holiday auto-reply: subject '自动回复:' and the QQ template body (no Auto-Submitted header)",
      evidence=("自动回复", "这是来自QQ邮箱的假期自动回复邮件"))
def _(seed):
    body = T("""
这是来自QQ邮箱的假期自动回复邮件。
 
您好，我最近正在休假中，无法亲自回复您的邮件。我将在假期结束后，尽快给您回复。
""")
    return compose("qq", seed, from_name="唐慧", from_addr="1968527430@qq.com",
                   subject="自动回复: 关于报送7月政务公开主题日活动方案的提醒", date=dt(7, 10, 9, 0, 3), body=body,
                   in_reply_to=f"<themeday.{H(seed + 'r', 16)}@dongkou.local>")


@case(58, "outlook-autoreply-zh", E("other", auto=True),
      "Outlook/Exchange '自动答复:' with Auto-Submitted: auto-replied and X-Auto-Response-Suppress: All; body has "
      "dates and a unit name that must not be used",
      evidence=("自动答复", "7月14日至7月21日"))
def _(seed):
    body = T("""
您好，我于7月14日至7月21日外出参加培训，期间邮件可能无法及时回复。县税务局主题日相关事宜请联系纳税服务股陈思，电话0739-7822361。
""")
    return compose("outlook", seed, from_name="杨帆", from_addr="yangfan_dktax@outlook.com",
                   subject="自动答复: 关于报送“税务事项一网通办”主题日活动情况报告的提醒", date=dt(7, 14, 18, 2, 6),
                   body=body, charset="utf-8", subj_cs="utf-8", xmailer="",
                   in_reply_to=f"<themeday.{H(seed + 'r', 16)}@dongkou.local>",
                   extra=["Auto-Submitted: auto-replied", "X-Auto-Response-Suppress: All",
                          "X-MS-Exchange-Inbox-Rules-Loop: yangfan_dktax@outlook.com",
                          "Thread-Topic: " + ew("关于报送“税务事项一网通办”主题日活动情况报告的提醒", "utf-8")])


@case(59, "outlook-automatic-reply-en", E("other", auto=True),
      "English Outlook 'Automatic reply:' with Auto-Submitted: auto-generated and X-Auto-Response-Suppress; "
      "mixed-language body",
      evidence=("Automatic reply", "out of the office"))
def _(seed):
    body = T("""
I am out of the office until 15 May 2023 with limited access to email.
我5月15日前休假，高沙镇主题日活动事宜请联系镇党政办，电话0739-7651023。
""")
    return compose("outlook", seed, from_name="Deng Chao", from_addr="dengchao_gs@outlook.com",
                   subject="Automatic reply: 关于报送高沙镇信访工作条例宣传活动情况报告的提醒", date=dt(5, 8, 8, 30, 59),
                   body=body, charset="utf-8", subj_cs="utf-8",
                   in_reply_to=f"<themeday.{H(seed + 'r', 16)}@dongkou.local>",
                   extra=["Auto-Submitted: auto-generated", "X-Auto-Response-Suppress: All"])


@case(60, "bounce-mailer-daemon-dsn-with-plan", E("other", auto=True),
      "Bounce from MAILER-DAEMON: multipart/report; report-type=delivery-status with message/delivery-status and "
      "the returned original (the office forwarding 县农业农村局's plan) as message/rfc822",
      evidence=("Undelivered Mail Returned to Sender", "县农业农村局打击假冒伪劣农资宣传活动方案", "拟于6月8日"))
def _(seed):
    date = dt(6, 1, 9, 31, 20)
    orig_date = dt(6, 1, 9, 31, 2)
    orig_body = T("""
请阅示。

------------------ 原始邮件 ------------------
发件人: "曾志强"<zengzq_nyj@163.com>;
发送时间: 2023年5月31日(星期三) 上午9:50
收件人: "政务公开办"<43347867@qq.com>;
主题: 县农业农村局打击假冒伪劣农资宣传活动方案

县政务公开办：
　　现将我局“打击假冒农药化肥种子”政务公开主题日活动方案报送如下，请审阅。
　　一、活动时间：拟于6月8日（星期四）上午
　　二、活动地点：高沙镇农资市场、县城农资一条街
""")
    orig = finish([f"From: {addr('政务公开办', OFFICE, 'gb18030')}", "To: <dkzfb_ld@dongkou-gov.cn>",
                   f"Subject: {ew('转发：县农业农村局打击假冒伪劣农资宣传活动方案', 'gb18030', maxlen=998)}",
                   "Mime-Version: 1.0", "ROOT", f"Date: {rfcdate(orig_date)}",
                   f"Message-ID: <tencent_{H(seed + 'o', 36).upper()}@qq.com>", "X-QQ-MIME: TCMime 1.0 by Tencent"],
                  leaf('text/plain;\n\tcharset="gb18030"', orig_body.encode("gb18030"), "base64"), lf=True)
    notice = T(f"""
This is the mail system at host newxmesmtplogicsvrsza9-1.qq.com.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<dkzfb_ld@dongkou-gov.cn>: host mx.dongkou-gov.cn[59.51.78.20] said: 550 5.1.1
    <dkzfb_ld@dongkou-gov.cn>: Recipient address rejected: User unknown in
    local recipient table (in reply to RCPT TO command)
""")
    status = T(f"""
Reporting-MTA: dns; newxmesmtplogicsvrsza9-1.qq.com
X-Postfix-Queue-ID: 4QWJ1b0Q2Cz9sRt
X-Postfix-Sender: rfc822; {OFFICE}
Arrival-Date: {rfcdate(orig_date)}

Final-Recipient: rfc822; dkzfb_ld@dongkou-gov.cn
Original-Recipient: rfc822;dkzfb_ld@dongkou-gov.cn
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.dongkou-gov.cn
Diagnostic-Code: smtp; 550 5.1.1 <dkzfb_ld@dongkou-gov.cn>: Recipient address
    rejected: User unknown in local recipient table
""")
    b = f"4QWJ1b0Q2Cz9sRt.{int(date.timestamp())}/newxmesmtplogicsvrsza9-1.qq.com"
    parts = [(["Content-Description: Notification", "Content-Type: text/plain; charset=us-ascii"], notice.encode()),
             (["Content-Description: Delivery report", "Content-Type: message/delivery-status"], status.encode()),
             (["Content-Description: Undelivered Message", "Content-Type: message/rfc822"], orig)]
    root = multipart("report", parts, b, extra_params=" report-type=delivery-status;")
    hdrs = ["Return-Path: <>",
            f"Received: by newxmesmtplogicsvrsza9-1.qq.com (Postfix)\n\tid 4QWJ1b0Q2Cz9sRt; {rfcdate(date)}",
            f"Date: {rfcdate(date)}", "From: MAILER-DAEMON@newxmesmtplogicsvrsza9-1.qq.com (Mail Delivery System)",
            "Subject: Undelivered Mail Returned to Sender", f"To: {OFFICE}", "Auto-Submitted: auto-replied",
            "MIME-Version: 1.0", "ROOT", f"Message-Id: <20230601013120.4QWJ1b0Q2Cz9sRt@newxmesmtplogicsvrsza9-1.qq.com>"]
    return finish(hdrs, root)


@case(61, "bounce-postmaster-qq-html", E("other", auto=True),
      "Bounce from PostMaster@qq.com (系统退信, GBK HTML, no DSN part, no Auto-Submitted) quoting a forwarded "
      "县自然资源局 plan",
      evidence=("退信", "县自然资源局", "2023-06-25"))
def _(seed):
    date = dt(6, 19, 8, 12, 45)
    h = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"></head><body>'
         '<div style="font-size:14px;">很抱歉您的邮件没有发送成功。</div><br>'
         "<div>收件人：hubin_zrzy@163.com</div><div>退信原因：收件人邮箱地址不存在（550 User not found: hubin_zrzy@163.com）</div>"
         "<div>原邮件主题：转发：土地日宣传活动方案</div><div>原邮件发送时间：2023年6月19日(星期一) 上午8:12</div><br>"
         '<div style="background:#efefef;padding:8px;">原邮件内容：<br>现将我局第33个全国土地日宣传活动方案报送如下……'
         "活动时间：2023-06-25（星期日，调休上班）上午9:00……洞口县自然资源局</div>"
         "<br><div>此邮件为系统自动发送，请勿回复。</div></body></html>")
    root = leaf("text/html; charset=gbk", h.encode("gbk"), "base64")
    hdrs = ["Return-Path: <>", f"From: {addr('PostMaster', 'postmaster@qq.com', 'gbk')}",
            f"To: {addr('政务公开办', OFFICE, 'gbk')}", f"Subject: {ew('退信：转发：土地日宣传活动方案', 'gbk')}",
            f"Date: {rfcdate(date)}", f"Message-ID: <bounce_{H(seed, 24)}@qq.com>", "MIME-Version: 1.0", "ROOT"]
    return finish(hdrs, root)


@case(62, "newsletter-list-unsubscribe-bulk", E("other", auto=True),
      "Newsletter with List-Id, List-Unsubscribe, Precedence: bulk; HTML UTF-8 quoted-printable, mentions "
      "主题日活动方案 and dates",
      evidence=("政务公开周刊", "活动方案"))
def _(seed):
    date = dt(6, 16, 7, 30, 0)
    h = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开周刊</title></head><body>'
         '<table width="600" align="center"><tr><td><h2>政务公开周刊 第23期</h2>'
         "<p>【工作动态】各地“政务公开主题日”活动精彩纷呈：某县6月5日开展六五环境日政策发布活动，"
         "某区拟于6月下旬举办惠民政策宣传日，并提前报送活动方案……</p>"
         "<p>【业务指导】如何写好政务公开主题日活动方案与情况报告？</p>"
         '<p style="color:#999;font-size:12px">您收到此邮件是因为您订阅了政务公开周刊。'
         '<a href="https://www.hnzwgkyj.com/unsubscribe?u=43347867">退订</a></p></td></tr></table></body></html>\n')
    root = leaf("text/html; charset=utf-8", h.encode("utf-8"), "quoted-printable")
    hdrs = [f"Return-Path: <bounce-{H(seed, 10)}@edm.hnzwgkyj.com>",
            f"Received: from edm.hnzwgkyj.com (unknown [122.9.33.18])\n\tby newxmmxszc1-3.qq.com (NewMx) with SMTP id 0\n\tfor <{OFFICE}>; {rfcdate(date)}",
            f"From: {addr('政务公开周刊', 'weekly@edm.hnzwgkyj.com', 'utf-8')}", f"To: {OFFICE}",
            f"Subject: {ew('政务公开周刊第23期｜各地“政务公开主题日”活动方案汇编', 'utf-8')}", f"Date: {rfcdate(date)}",
            f"Message-ID: <{H(seed, 20)}.weekly@edm.hnzwgkyj.com>", "MIME-Version: 1.0", "ROOT",
            "List-Id: =?utf-8?B?5pS/5Yqh5YWs5byA5ZGo5YiK?= <weekly.hnzwgkyj.com>",
            "List-Unsubscribe: <mailto:unsubscribe@edm.hnzwgkyj.com?subject=unsubscribe>,\n <https://www.hnzwgkyj.com/unsubscribe?u=43347867>",
            "List-Unsubscribe-Post: List-Unsubscribe=One-Click", "Precedence: bulk"]
    return finish(hdrs, root)


@case(63, "mailing-list-precedence-list", E("other", auto=True),
      "Mailing-list copy (List-Id, List-Post, Precedence: list, X-Loop) of a city-wide notice about 情况报告 -> automated",
      evidence=("关于报送6月份主题日活动情况报告的通知", "6月30日前"))
def _(seed):
    date = dt(6, 21, 10, 0, 30)
    body = T("""
各县市区政务公开办：
　　请于6月30日前将6月份“政务公开主题日”活动情况报告及图片资料报市政务公开办，并同步在本级政府门户网站专栏发布。

邵阳市政务公开政务服务领导小组办公室
""")
    root = leaf("text/plain; charset=UTF-8", body.encode("utf-8"), "base64")
    hdrs = ["Return-Path: <zwgk-bounces@lists.syzwgk.net>",
            f"Received: from lists.syzwgk.net (unknown [124.232.150.7])\n\tby newxmmxszc2-9.qq.com (NewMx) with SMTP id 0\n\tfor <{OFFICE}>; {rfcdate(date)}",
            f"From: {addr('市政务公开办', 'syzwgkb@163.com', 'UTF-8')}", "To: zwgk@lists.syzwgk.net",
            f"Subject: {ew('[邵阳政务公开] 关于报送6月份主题日活动情况报告的通知', 'UTF-8')}", f"Date: {rfcdate(date)}",
            f"Message-ID: <{H(seed, 8)}.{H(seed + 'x', 4)}.{'18' + H(seed + 'y', 9)}.Coremail.syzwgkb@163.com>",
            "MIME-Version: 1.0", "ROOT", "List-Id: <zwgk.lists.syzwgk.net>", "List-Post: <mailto:zwgk@lists.syzwgk.net>",
            "List-Unsubscribe: <https://lists.syzwgk.net/mailman/options/zwgk>,\n <mailto:zwgk-request@lists.syzwgk.net?subject=unsubscribe>",
            "Precedence: list", "X-Loop: zwgk@lists.syzwgk.net", "X-BeenThere: zwgk@lists.syzwgk.net"]
    return finish(hdrs, root)


# --------------------------------------------------------------------------- verification

def _strip_html(s: str) -> str:
    s = re.sub(r"(?is)<(style|script)\b.*?</\1>", "", s)
    s = re.sub(r"(?i)<br\s*/?>|</p>|</div>", "\n", s)
    s = re.sub(r"<[^>]+>", "", s)
    return html.unescape(s)


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    return "\n".join(html.unescape("".join(re.findall(r"<w:t[^>]*>(.*?)</w:t>", p, re.S))) for p in paras)


def message_text(raw: bytes) -> str:
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    out = [str(msg.get("subject", "")), str(msg.get("from", "")), str(msg.get("to", ""))]
    for part in msg.walk():
        if part.is_multipart():
            # multipart preamble is all that is left when the boundary is broken
            if part.preamble:
                out.append(part.preamble)
            continue
        fn = part.get_filename()
        if fn:
            out.append(fn)
        ctype = part.get_content_type()
        if ctype.startswith("text/"):
            try:
                text = part.get_content()
            except (LookupError, UnicodeError):
                text = part.get_payload(decode=True).decode("gb18030", "replace")
            out.append(_strip_html(text) if ctype == "text/html" else text)
        elif fn and fn.lower().endswith(".docx"):
            out.append(docx_text(part.get_payload(decode=True)))
        elif ctype == "message/delivery-status":
            out.append(str(part))
    return "\n".join(out)


def verify() -> list[str]:
    errors = []
    seen = set()
    lf_count = 0
    files = sorted(OUT.glob("[0-9][0-9][0-9]-*.eml"))
    if len(files) != len(CASES):
        errors.append(f"{len(files)} .eml files on disk, {len(CASES)} cases defined")
    for c in CASES:
        base = OUT / f"{c['num']:03d}-{c['slug']}"
        raw = base.with_suffix(".eml").read_bytes()
        exp = json.loads(base.with_suffix(".json").read_text("utf-8"))
        name = base.name
        if c["num"] in seen:
            errors.append(f"{name}: duplicate number")
        seen.add(c["num"])
        if list(exp) != ["kind", "unit", "activity", "activity_date", "activity_end", "needs_review", "automated"]:
            errors.append(f"{name}: bad keys {list(exp)}")
        if exp != c["expect"]:
            errors.append(f"{name}: json differs from definition")
        # line endings
        is_lf = b"\r\n" not in raw
        lf_count += is_lf
        if is_lf != c["lf"]:
            errors.append(f"{name}: line ending mismatch")
        if not is_lf and re.search(rb"(?<!\r)\n", raw):
            errors.append(f"{name}: bare LF in a CRLF message")
        # rule consistency
        k, u, a, d0, d1 = exp["kind"], exp["unit"], exp["activity"], exp["activity_date"], exp["activity_end"]
        if k not in ("plan", "report", "other"):
            errors.append(f"{name}: kind")
        if u is not None and u not in UNITS:
            errors.append(f"{name}: unit {u!r} not in schedule")
        if a is not None and SCHEDULE[a][0] != u:
            errors.append(f"{name}: activity {a} belongs to {SCHEDULE[a][0]}, not {u}")
        if (d0 is None) != (d1 is None) or (d0 and d1 < d0):
            errors.append(f"{name}: dates")
        if d0 and a and int(d0[5:7]) != SCHEDULE[a][1]:
            errors.append(f"{name}: date {d0} outside planned month {SCHEDULE[a][1]}")
        if exp["automated"] and (k != "other" or u or a or d0 or exp["needs_review"]):
            errors.append(f"{name}: automated must be other/null/no review")
        if k == "other" and (u or a or d0):
            errors.append(f"{name}: other must carry nulls")
        if k in ("plan", "report") and (u is None or a is None or d0 is None) and not exp["needs_review"]:
            errors.append(f"{name}: incomplete plan/report must need review")
        # parse + evidence
        try:
            text = message_text(raw)
        except Exception as e:  # noqa: BLE001
            errors.append(f"{name}: parse failed: {e!r}")
            continue
        for ev in c["evidence"]:
            if ev not in text:
                errors.append(f"{name}: evidence {ev!r} not found in decoded text")
    kinds = {}
    for c in CASES:
        kinds[c["expect"]["kind"]] = kinds.get(c["expect"]["kind"], 0) + 1
    print(f"{len(CASES)} cases; kinds {kinds}; needs_review {sum(c['expect']['needs_review'] for c in CASES)}; "
          f"automated {sum(c['expect']['automated'] for c in CASES)}; LF-only {lf_count}")
    return errors


# --------------------------------------------------------------------------- README

README_HEAD = """# Classifier golden corpus

Generated by `scripts/gen_fixtures.py` (Python 3.11, standard library only). Do not edit the files by
hand: change the script and re-run `python3 scripts/gen_fixtures.py`, which rewrites every
`NNN-*.eml` / `NNN-*.json` here and verifies them (`--check` verifies without writing).

Each case is `NNN-slug.eml` (raw RFC 5322 bytes as the office's QQ mailbox `43347867@qq.com` would hold
them; CRLF line endings except the LF-only cases marked below) and `NNN-slug.json`, the expected decision:

```json
{"kind": "plan|report|other", "unit": "<责任单位 verbatim>|null", "activity": 1..25|null,
 "activity_date": "YYYY-MM-DD|null", "activity_end": "YYYY-MM-DD|null",
 "needs_review": false, "automated": false}
```

## Rules the expected values follow

- `unit` is the schedule's 责任单位 string verbatim (e.g. `县住建局(自来水公司)` with ASCII parentheses,
  `邵阳市生态环境局洞口分局`, `高沙镇人民政府`, `县市监局`), whatever alias the mail used.
- `activity` is the schedule's 序号. `activity_date` is the first day of the activity, `activity_end` the last
  day (equal for a single-day activity; `9月11日至17日` -> 2023-09-11 / 2023-09-17); both null when the date
  is unknown. The year is 2023 when the text omits it. The date a letter was signed (落款), the Date header
  and the 发送时间 of a quoted mail are never the activity date.
- `automated` is true for auto-replies (QQ Mail `自动回复`, Outlook `自动答复`/`Automatic reply` with
  `Auto-Submitted`/`X-Auto-Response-Suppress`), bounces (MAILER-DAEMON / postmaster, multipart/report DSNs,
  even when the returned original is a plan) and list/bulk mail (`List-Id`, `List-Unsubscribe`,
  `Precedence: bulk|list`). Automated mail is `other` with every other field null and `needs_review` false.
- `other` mail (questions, unrelated work, spam, meeting notices, the office's own mail) always has
  unit/activity/dates null; `needs_review` is false unless the mail could not be read at all (048).
- `needs_review` is true when a plan/report lacks the unit, the activity or the date (those fields are null:
  vague `拟于5月中旬`, a 县公安局 方案 naming neither theme nor date, an unidentifiable sender), or when plan vs
  report cannot be told apart (the leaning kind is given). Every clear case has `needs_review` false.

## Cases

| No. | File | Expected | What it exercises |
|----:|------|----------|-------------------|
"""


def readme() -> str:
    rows = []
    for c in CASES:
        e = c["expect"]
        if e["automated"]:
            exp = "other, automated"
        elif e["kind"] == "other":
            exp = "other" + (", review" if e["needs_review"] else "")
        else:
            d = e["activity_date"] or "date ?"
            if e["activity_end"] and e["activity_end"] != e["activity_date"]:
                d += "…" + e["activity_end"][5:]
            exp = f"{e['kind']}, {e['unit'] or 'unit ?'}, #{e['activity'] or '?'}, {d}" + (", review" if e["needs_review"] else "")
        lf = " **LF-only.**" if c["lf"] else ""
        what = re.sub(r"(<[^>]+>|&\w+;)", r"`\1`", c["what"])  # keep HTML-looking tokens literal
        rows.append(f"| {c['num']:03d} | `{c['num']:03d}-{c['slug']}` | {exp} | {what}{lf} |")
    return README_HEAD + "\n".join(rows) + "\n"


# --------------------------------------------------------------------------- main

def main() -> int:
    check_only = "--check" in sys.argv[1:]
    CASES.sort(key=lambda c: c["num"])
    if not check_only:
        OUT.mkdir(parents=True, exist_ok=True)
        for old in list(OUT.glob("[0-9][0-9][0-9]-*.eml")) + list(OUT.glob("[0-9][0-9][0-9]-*.json")):
            old.unlink()
        for c in CASES:
            base = OUT / f"{c['num']:03d}-{c['slug']}"
            raw = c["build"](base.name)
            base.with_suffix(".eml").write_bytes(raw)
            base.with_suffix(".json").write_text(json.dumps(c["expect"], ensure_ascii=False, indent=2) + "\n", "utf-8")
        (OUT / "README.md").write_text(readme(), "utf-8")
    errors = verify()
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
