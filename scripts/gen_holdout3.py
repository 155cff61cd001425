"""Blind test corpus no. 3 for themeday: writes fixtures/holdout3/NNN-name.eml + NNN-name.json.

Written for issue 12 WITHOUT reading the classifier (src/) or the earlier fixture generators
(gen_fixtures.py, gen_holdout.py, gen_holdout2.py). The mail is modelled on what units really
send to 43347867@qq.com and on what QQ Mail, Foxmail 7.2, Outlook 2016, 163 Coremail webmail,
iPhone Mail, auto-responders and MTAs put on the wire: GB18030 / GBK / "gb2312" (really cp936) /
Big5 / UTF-8 bodies, base64 and quoted-printable, HTML-only bodies, encoded-word and RFC 2231
attachment names (with continuations), forwards and replies with quoted text, real .docx files
(zip + word/document.xml), PDFs with extractable CJK text (hand-written Type0/Identity-H with an
embedded TrueType subset and a ToUnicode CMap; reportlab's embedded TrueType subset; reportlab's
non-embedded STSong-Light with UniGB-UCS2-H) and one scanned PDF that is only a JPEG.

Each .json is the truth a clerk reading the mail would decide:
  kind plan|report|other, unit (schedule short name) or null, activity (schedule 序号) or null,
  activity_date / activity_end (the activity's own day(s) as the mail states them), automated,
  ambiguous (a clerk would also need to check, e.g. a scan with no text), group (which issue-12
  group the mail exercises, or "ordinary"), and "submissions" when one mail carries several
  (the top-level fields then describe the first).

Needs: Python 3.9+, `pip install reportlab fonttools pillow` and the CJK TrueType fonts from
`apt-get install fonts-arphic-uming fonts-wqy-microhei`. Output is deterministic; the committed
.eml files are what the tests use, so the script only needs to run to change the corpus.
Run: python3 scripts/gen_holdout3.py
"""

import base64
import datetime as dt
import hashlib
import io
import json
import os
import quopri
import re
import urllib.parse
import zipfile
import zlib
from html import escape

OFFICE = "43347867@qq.com"
TZ = dt.timezone(dt.timedelta(hours=8))
UMING = "/usr/share/fonts/truetype/arphic/uming.ttc"
WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"

WEEKDAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS_ZH = "一二三四五六日"


def t(s):
    """'2023-04-18 09:32:05' -> aware datetime in Asia/Shanghai."""
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S").replace(tzinfo=TZ)


def rfc_date(d, pad=False, cst=False):
    day = ("%02d" if pad else "%d") % d.day
    s = "%s, %s %s %d %02d:%02d:%02d +0800" % (
        WEEKDAYS_EN[d.weekday()], day, MONTHS_EN[d.month - 1], d.year, d.hour, d.minute, d.second)
    return s + (" (CST)" if cst else "")


def zh_weekday(d):
    return "星期" + WEEKDAYS_ZH[d.weekday()]


def h(*parts, n=32):
    """Deterministic hex string from the parts."""
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()[:n]


def hnum(*parts, lo=0, hi=10**9):
    return lo + int(h(*parts, n=15), 16) % (hi - lo)


def ip(*parts, prefix="175.8"):
    a = hnum("ip", *parts, lo=1, hi=254)
    b = hnum("ip2", *parts, lo=1, hi=254)
    return "%s.%d.%d" % (prefix, a, b)


# ---------------------------------------------------------------- headers


def codec(charset):
    """What Windows clients really write under a label: 'gb2312' text is cp936 (GBK)."""
    return {"gb2312": "gbk", "big5": "cp950"}.get(charset.lower(), charset)


def ew(text, charset, enc="B", max_chars=None):
    """Encoded words for a header value, split so no multibyte char is cut."""
    if not text:
        return ""
    if all(ord(c) < 128 for c in text):
        return text
    max_chars = max_chars or (12 if charset.lower() in ("utf-8", "gb18030") else 16)
    words = []
    for i in range(0, len(text), max_chars):
        chunk = text[i:i + max_chars].encode(codec(charset))
        if enc == "B":
            words.append("=?%s?B?%s?=" % (charset, base64.b64encode(chunk).decode()))
        else:
            q = "".join(
                chr(b) if (48 <= b <= 57 or 65 <= b <= 90 or 97 <= b <= 122) else "=%02X" % b
                for b in chunk)
            words.append("=?%s?Q?%s?=" % (charset, q))
    return "\n ".join(words)


def addr(display, address, charset, quote=True):
    if not display:
        return "<%s>" % address if quote else address
    enc = ew(display, charset)
    if enc == display:
        return '"%s" <%s>' % (display, address)
    if quote:
        return '"%s" <%s>' % (enc, address)
    return "%s <%s>" % (enc, address)


def rfc2231(name, charset, split=None):
    """filename*= (and filename*0*= ... continuations when split)."""
    pct = urllib.parse.quote(name.encode(codec(charset)), safe="")
    if not split:
        return "filename*=%s''%s" % (charset, pct)
    tokens = re.findall(r"%[0-9A-F]{2}|.", pct)
    pieces, cur = [], ""
    for tok in tokens:
        if len(cur) + len(tok) > split:
            pieces.append(cur)
            cur = ""
        cur += tok
    pieces.append(cur)
    return ";\n\t".join("filename*%d*=%s%s" % (i, (charset + "''") if i == 0 else "", p)
                          for i, p in enumerate(pieces))


# ---------------------------------------------------------------- bodies


def b64body(data):
    return base64.encodebytes(data).decode().rstrip("\n")


def qpbody(data):
    return quopri.encodestring(data).decode().rstrip("\n")


def leaf(ctype, data, cte, disposition=None, extra=()):
    """A single MIME part. ctype is the full Content-Type value (params included)."""
    lines = ["Content-Type: " + ctype]
    lines += list(extra)
    if cte == "base64":
        body = b64body(data)
    elif cte == "quoted-printable":
        body = qpbody(data)
    else:
        body = data.decode("ascii" if cte == "7bit" else "latin-1").rstrip("\n")
    lines.append("Content-Transfer-Encoding: " + cte)
    if disposition:
        lines.append("Content-Disposition: " + disposition)
    return "\n".join(lines) + "\n\n" + body + "\n"


def multipart(subtype, boundary, parts, preamble=None, cte_header=None, extra_params=""):
    head = 'Content-Type: multipart/%s;\n\tboundary="%s"%s' % (subtype, boundary, extra_params)
    if cte_header:
        head += "\nContent-Transfer-Encoding: " + cte_header
    body = (preamble + "\n\n") if preamble else ""
    body += "\n".join("--%s\n%s" % (boundary, p) for p in parts)
    body += "\n--%s--\n" % boundary
    return head + "\n\n" + body


def split_head(part):
    """Split a part built by leaf()/multipart() into (header lines, body)."""
    head, _, body = part.partition("\n\n")
    return head, body


def finish(headers, part):
    """Top-level message: headers (list of 'Name: value') + the part's own headers + body."""
    phead, pbody = split_head(part)
    text = "\n".join(headers) + "\n" + phead + "\n\n" + pbody
    if not text.endswith("\n"):
        text += "\n"
    assert "\r" not in text
    return text.encode("latin-1").replace(b"\n", b"\r\n")


def enc_text(s, charset):
    return s.encode(codec(charset))


def mime_of(filename):
    f = filename.lower()
    if f.endswith(".docx"):
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    if f.endswith(".pdf"):
        return "application/pdf"
    if f.endswith(".jpg") or f.endswith(".jpeg"):
        return "image/jpeg"
    if f.endswith(".doc"):
        return "application/msword"
    return "application/octet-stream"


# ---------------------------------------------------------------- HTML renderings


def html_lines(text):
    return [escape(l) for l in text.split("\n")]


def qq_html(text, charset):
    out = ['<meta http-equiv="Content-Type" content="text/html; charset=%s">' % charset.upper()]
    for l in html_lines(text):
        out.append("<div>%s</div>" % (l if l.strip() else "<br>"))
    return "".join(out)


def foxmail_html(text, charset, sig):
    body = []
    for l in html_lines(text):
        body.append("<div>%s</div>" % (l.replace("  ", "&nbsp; ") if l.strip() else "<br>"))
    return (
        '<html><head><meta http-equiv="content-type" content="text/html; charset=%s">'
        "<style>body { line-height: 1.5; }body { font-size: 14px; font-family: \"Microsoft YaHei UI\"; "
        "color: rgb(0, 0, 0); line-height: 1.5; }</style></head><body>\n"
        "%s\n<div><br></div><hr style=\"width: 210px; height: 1px;\" color=\"#b5c4df\" size=\"1\" "
        "align=\"left\">\n<div><span><div style=\"MARGIN: 10px; FONT-FAMILY: verdana; FONT-SIZE: 10pt\">"
        "<div>%s</div></div></span></div>\n</body></html>" % (charset, "\n".join(body), escape(sig)))


def outlook_html(text, charset, font="微软雅黑"):
    paras = []
    for l in html_lines(text):
        if l.strip():
            paras.append(
                "<p class=MsoNormal><span style='font-family:\"%s\",sans-serif'>%s<o:p></o:p></span></p>"
                % (font, l))
        else:
            paras.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    base = "新細明體" if charset.lower() == "big5" else "等线"
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
        'xmlns="http://www.w3.org/TR/REC-html40"><head><meta http-equiv=Content-Type content="text/html; '
        'charset=%s"><meta name=Generator content="Microsoft Word 15 (filtered medium)"><style><!--\n'
        '/* Font Definitions */\n@font-face\n\t{font-family:%s;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n'
        'p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\ttext-justify:inter-ideograph;\n'
        '\tfont-size:10.5pt;\n\tfont-family:%s;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;\n'
        '\tmargin:72.0pt 90.0pt 72.0pt 90.0pt;}\ndiv.WordSection1\n\t{page:WordSection1;}\n--></style></head>'
        "<body lang=ZH-CN link=\"#0563C1\" vlink=\"#954F72\" style='text-justify-trim:punctuation'>"
        "<div class=WordSection1>%s</div></body></html>" % (charset, base, base, "".join(paras)))


def coremail_html(text):
    inner = "".join("<div>%s</div>" % (l if l.strip() else "<br>") for l in html_lines(text))
    return ('<div style="line-height:1.7;color:#000000;font-size:14px;font-family:Arial">%s</div>'
            '<br><br><span title="neteasefooter"><p>&nbsp;</p></span>' % inner)


# ---------------------------------------------------------------- attachments


class Att:
    def __init__(self, filename, data, ctype=None):
        self.filename = filename
        self.data = data
        self.ctype = ctype or mime_of(filename)


# ---------------------------------------------------------------- clients


def received_qq_mx(sent, from_host, from_ip, delay=2, key=""):
    r = sent + dt.timedelta(seconds=delay)
    return ("Received: from %s (unknown [%s])\n\tby newmx%d.qq.com (NewMX) with SMTP id %d;\n\t%s"
            % (from_host, from_ip, hnum("mx", key, lo=20, hi=80), hnum("mxid", key, lo=10**8, hi=10**9),
               rfc_date(r)))


def client_qq(*, key, frm, display, subject, sent, text, atts=(), charset="gb18030", to_display="政务公开办",
              in_reply_to=None, references=None, html=None, mobile=False, extra=()):
    """QQ Mail webmail: multipart/alternative text+html, base64, filename as encoded words."""
    bid = h(key, "b", n=8).upper()
    ts = "%08X" % int(sent.timestamp())
    b_alt = "----=_NextPart_%s_%s_%s" % (ts, bid, h(key, "c", n=8).upper())
    b_mix = "----=_NextPart_%s_%s_%s" % (ts, h(key, "d", n=8).upper(), h(key, "e", n=8).upper())
    plain = leaf('text/plain;\n\tcharset="%s"' % charset, text.encode(codec(charset)), "base64")
    htmlp = leaf('text/html;\n\tcharset="%s"' % charset,
                 (html if html is not None else qq_html(text, charset)).encode(codec(charset)), "base64")
    body = multipart("alternative", b_alt, [plain, htmlp])
    if atts:
        parts = [body]
        for a in atts:
            nm = ew(a.filename, charset)
            parts.append(leaf('application/octet-stream;\n\tcharset="%s";\n\tname="%s"' % (charset, nm),
                              a.data, "base64", 'attachment; filename="%s"' % nm))
        body = multipart("mixed", b_mix, parts, preamble="This is a multi-part message in MIME format.")
    else:
        head, rest = split_head(body)
        body = head + "\n\n" + "This is a multi-part message in MIME format.\n\n" + rest
    qqmid = "xmsmtpt%d%s" % (int(sent.timestamp()), h(key, "mid", n=9))
    hdr = [
        "Return-Path: <%s>" % frm,
        "X-Original-To: " + OFFICE,
        "Received: from %s (unknown [%s])\n\tby newxmesmtplogicsvrszb%d-%d.qq.com (NewEsmtp) with SMTP\n\tid %s; %s"
        % (qqmid, ip(key, prefix="113.246"), hnum("q", key, lo=1, hi=9), hnum("q2", key, lo=1, hi=9),
           h(key, "rid", n=8).upper(), rfc_date(sent + dt.timedelta(seconds=1))),
        "X-QQ-mid: " + qqmid,
        "Message-ID: <tencent_%s@qq.com>" % h(key, "msgid", n=40).upper(),
        "X-QQ-XMAILINFO: " + base64.b64encode(bytes.fromhex(h(key, "xm", n=64))).decode(),
        "From: " + addr(display, frm, charset),
        "To: " + addr(to_display, OFFICE, charset),
        "Subject: " + ew(subject, charset),
    ]
    if in_reply_to:
        hdr.append("In-Reply-To: <%s>" % in_reply_to)
    if references:
        hdr.append("References: " + " ".join("<%s>" % r for r in references))
    hdr += [
        "Mime-Version: 1.0",
        "Date: " + rfc_date(sent),
        "X-Priority: 3",
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: " + ("QQMail-iOS 6.4.6" if mobile else "QQMail 2.x"),
        "X-QQ-Mailer: " + ("QQMail-iOS 6.4.6" if mobile else "QQMail 2.x"),
    ] + list(extra)
    return finish(hdr, body)


def foxmail_msgid(sent, key, domain):
    return "%s%s@%s" % (sent.strftime("%Y%m%d%H%M%S"), hnum("fm", key, lo=1000000, hi=9999999), domain)


def client_foxmail(*, key, frm, display=None, subject, sent, text, atts=(), charset="GB2312",
                   cte="quoted-printable", smtp="163", in_reply_to=None, references=None, sig=None,
                   to_display="43347867"):
    """Foxmail 7.2: multipart/alternative text+html (QP or base64), mixed when attaching."""
    domain = frm.split("@")[1]
    n = hnum("fmb", key, lo=100000000000, hi=999999999999)
    b1 = "----=_001_NextPart%d_=----" % n
    b2 = "----=_002_NextPart%d_=----" % (n + 7)
    sig = sig if sig is not None else frm
    plain_text = text + ("\n\n\n%s\n" % sig if sig else "")
    plain = leaf('text/plain;\n\tcharset="%s"' % charset, plain_text.encode(codec(charset)), cte)
    htmlp = leaf('text/html;\n\tcharset="%s"' % charset, foxmail_html(text, charset, sig).encode(codec(charset)), cte)
    if atts:
        alt = multipart("alternative", b2, [plain, htmlp])
        parts = [alt]
        for a in atts:
            nm = ew(a.filename, charset)
            parts.append(leaf('application/octet-stream;\n\tname="%s"' % nm, a.data, "base64",
                              'attachment;\n\tfilename="%s"' % nm))
        body = multipart("mixed", b1, parts, preamble="This is a multi-part message in MIME format.")
    else:
        body = multipart("alternative", b1, [plain, htmlp], preamble="This is a multi-part message in MIME format.")
    if smtp == "163":
        relay = ("Received: from %s (unknown [%s])\n\tby zwqz-smtp-mta-g%d-%d (Coremail) with SMTP id _____wD%s;\n\t%s"
                 % ("DESKTOP-" + h(key, "pc", n=7).upper(), ip(key, prefix="175.9"), hnum("g", key, lo=0, hi=5),
                    hnum("g2", key, lo=0, hi=4), h(key, "cm", n=22), rfc_date(sent + dt.timedelta(seconds=1), cst=True)))
        mx = received_qq_mx(sent, "m%d.mail.163.com" % hnum("m", key, lo=12, hi=16), "220.181.12.%d" % hnum("i", key, lo=1, hi=250), 3, key)
    else:
        relay = ("Received: from %s (unknown [%s])\n\tby smtp.qq.com (ESMTP) with SMTP\n\tid 0; %s"
                 % ("DESKTOP-" + h(key, "pc", n=7).upper(), ip(key, prefix="113.247"), rfc_date(sent + dt.timedelta(seconds=1))))
        mx = None
    hdr = []
    if mx:
        hdr.append(mx)
    hdr += [
        relay,
        "Date: " + rfc_date(sent),
        "From: " + addr(display if display is not None else frm, frm, charset),
        "To: " + addr(to_display, OFFICE, charset),
        "Subject: " + ew(subject, charset),
    ]
    if in_reply_to:
        hdr.append("In-Reply-To: <%s>" % in_reply_to)
    if references:
        hdr.append("References: " + " ".join("<%s>" % r for r in references))
    hdr += [
        "X-Priority: 3",
        "X-GUID: %s-%s-%s-%s-%s" % tuple(h(key, "guid", n=32).upper()[a:b] for a, b in ((0, 8), (8, 12), (12, 16), (16, 20), (20, 32))),
        "X-Has-Attach: " + ("yes" if atts else "no"),
        "X-Mailer: Foxmail 7.2.25.254[cn]",
        "Mime-Version: 1.0",
        "Message-ID: <%s>" % foxmail_msgid(sent, key, domain),
    ]
    return finish(hdr, body)


def outlook_msgid(sent, key, domain):
    return "%s$%s$%s$@%s" % (("000001d9" + h(key, "o1", n=4)), h(key, "o2", n=8), h(key, "o3", n=8), domain)


def client_outlook(*, key, frm, display, subject, sent, text, atts=(), charset="gb2312", name_style="ew",
                   in_reply_to=None, references=None, html=None, to_display=None, extra=(), cc=None):
    """Outlook 2016: mixed > alternative (plain + Word HTML, base64); attachment names as encoded
    words in name= and RFC 2231 in filename*= (with continuations for long names)."""
    domain = frm.split("@")[1]
    stamp = "01D%s.%s" % (h(key, "ob", n=5).upper(), h(key, "oc", n=8).upper())
    b_mix = "----=_NextPart_000_%04X_%s" % (hnum("x", key, lo=1, hi=99), stamp)
    b_alt = "----=_NextPart_001_%04X_%s" % (hnum("x", key, lo=1, hi=99) + 1, stamp)
    plain = leaf('text/plain;\n\tcharset="%s"' % charset, text.encode(codec(charset)), "base64")
    htmlp = leaf('text/html;\n\tcharset="%s"' % charset,
                 (html if html is not None else outlook_html(text, charset)).encode(codec(charset)), "base64")
    if atts:
        alt = multipart("alternative", b_alt, [plain, htmlp])
        parts = [alt]
        for a in atts:
            nm = ew(a.filename, charset)
            if name_style == "rfc2231":
                disp = "attachment;\n\t" + rfc2231(a.filename, charset, split=60)
            elif name_style == "rfc2231-utf8":
                disp = "attachment;\n\t" + rfc2231(a.filename, "utf-8")
            else:
                disp = 'attachment;\n\tfilename="%s"' % nm
            parts.append(leaf('%s;\n\tname="%s"' % (a.ctype, nm), a.data, "base64", disp))
        body = multipart("mixed", b_mix, parts, preamble="This is a multipart message in MIME format.")
    else:
        body = multipart("alternative", b_alt, [plain, htmlp], preamble="This is a multipart message in MIME format.")
    hdr = [
        received_qq_mx(sent, "m%d.mail.163.com" % hnum("m", key, lo=12, hi=16) if domain == "163.com" else "mail.%s" % domain,
                       "220.181.12.%d" % hnum("i", key, lo=1, hi=250) if domain == "163.com" else ip(key, prefix="59.51"), 3, key),
        "Received: from %s (unknown [%s])\n\tby %s with SMTP id %s;\n\t%s"
        % ("DESKTOP-" + h(key, "pc", n=7).upper(), ip(key, prefix="218.76"),
           "zwqz-smtp-mta-g1-0 (Coremail)" if domain == "163.com" else "mail.%s (Postfix)" % domain,
           h(key, "sid", n=16), rfc_date(sent + dt.timedelta(seconds=1), cst=domain == "163.com")),
        "From: " + addr(display, frm, charset, quote=False),
        "To: " + (addr(to_display, OFFICE, charset, quote=False) if to_display else "<%s>" % OFFICE),
    ]
    if cc:
        hdr.append("Cc: " + cc)
    hdr += [
        "Subject: " + ew(subject, charset),
        "Date: " + rfc_date(sent),
        "Message-ID: <%s>" % outlook_msgid(sent, key, domain),
    ]
    if in_reply_to:
        hdr.append("In-Reply-To: <%s>" % in_reply_to)
    if references:
        hdr.append("References: " + " ".join("<%s>" % r for r in references))
    hdr += [
        "MIME-Version: 1.0",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: Adm" + base64.b64encode(bytes.fromhex(h(key, "ti", n=40))).decode()[:25],
        "Content-Language: zh-cn",
    ] + list(extra)
    return finish(hdr, body)


def client_coremail(*, key, frm, display, subject, sent, text, atts=(), charset="GBK", to=None,
                    html_only=False, server="163com", in_reply_to=None, extra=()):
    """163 / 126 / government Coremail webmail: mixed > alternative, base64, GBK."""
    domain = frm.split("@")[1]
    ms = int(sent.timestamp() * 1000) + hnum("ms", key, lo=0, hi=999)
    n1 = hnum("p1", key, lo=100000, hi=999999)
    n2 = hnum("p2", key, lo=10**9, hi=2 * 10**9)
    b_mix = "----=_Part_%d_%d.%d" % (n1, n2, ms)
    b_alt = "----=_Part_%d_%d.%d" % (n1 + 2, n2 + 17, ms)
    htmlp = leaf("text/html; charset=%s" % charset, coremail_html(text).encode(codec(charset)), "base64")
    if html_only:
        content = htmlp
    else:
        plain = leaf("text/plain; charset=%s" % charset, text.encode(codec(charset)), "base64")
        content = multipart("alternative", b_alt, [plain, htmlp])
    if atts:
        parts = [content]
        for a in atts:
            nm = ew(a.filename, charset)
            parts.append(leaf('%s; name="%s"' % (a.ctype, nm), a.data, "base64", 'attachment; filename="%s"' % nm))
        body = multipart("mixed", b_mix, parts)
    else:
        body = content
    tos = to or [("", OFFICE)]
    hdr = [
        received_qq_mx(sent, "m%d.mail.%s" % (hnum("m", key, lo=12, hi=16), domain) if domain in ("163.com", "126.com") else "mail.%s" % domain,
                       "220.181.%d.%d" % (hnum("a", key, lo=12, hi=16), hnum("i", key, lo=1, hi=250)), 2, key),
        "Received: from %s$%s ( [%s] ) by\n ajax-webmail-wmsvr%d (Coremail) ; %s"
        % (frm.split("@")[0], domain, ip(key, prefix="175.8"), hnum("w", key, lo=10, hi=99),
           rfc_date(sent + dt.timedelta(seconds=0), cst=True)),
        "X-Originating-IP: [%s]" % ip(key, prefix="175.8"),
        "Date: " + rfc_date(sent, cst=True),
        "From: " + addr(display, frm, charset),
        "To: " + ", ".join(addr(d, a, charset) if d else a for d, a in tos),
        "Subject: " + ew(subject, charset),
    ]
    if in_reply_to:
        hdr.append("In-Reply-To: <%s>" % in_reply_to)
    hdr += [
        "X-Priority: 3",
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\n Copyright (c) 2002-2023 www.mailtech.cn %s" % server,
        "X-NTES-SC: AL_Qu2b" + base64.b64encode(bytes.fromhex(h(key, "sc", n=48))).decode(),
        "MIME-Version: 1.0",
        "Message-ID: <%s.%s.%x.Coremail.%s>" % (h(key, "c1", n=8), h(key, "c2", n=4), ms, frm),
        "X-Coremail-Locale: zh_CN",
        "X-CM-TRANSID:%s" % base64.b64encode(bytes.fromhex(h(key, "tr", n=36))).decode(),
        "X-CM-SenderInfo: %s" % h(key, "si", n=18),
        "X-Coremail-Antispam: 1Uf129KBjDUn29KB7ZKAUJUUUUU529EdanIXcx71UUUUU7v73\n\tVFW2AGmfu7bjvjm3AaLaJ3UbIYCTnIWIevJa73UjIFyTuYvjxUcdgAUUUUU",
    ] + list(extra)
    return finish(hdr, body)


def client_iphone(*, key, frm, display, subject, sent, text, atts=(), in_reply_to=None):
    """iPhone Mail: text/plain utf-8 (base64), attachments with RFC 2231 utf-8 filenames."""
    u = h(key, "ap", n=32).upper()
    b = "Apple-Mail-%s-%s-%s-%s-%s" % (u[:8], u[8:12], u[12:16], u[16:20], u[20:32])
    plain = leaf("text/plain;\n\tcharset=utf-8", text.encode("utf-8"), "base64")
    if atts:
        parts = [plain]
        for a in atts:
            parts.append(leaf('%s;\n\tname="%s";\n\tx-apple-part-url=%s' % (a.ctype, ew(a.filename, "utf-8"), h(key, a.filename, n=32).upper()),
                              a.data, "base64", "attachment;\n\t" + rfc2231(a.filename, "utf-8")))
        body = multipart("mixed", b, parts)
    else:
        body = plain
    m = h(key, "mid", n=32).upper()
    domain = frm.split("@")[1]
    hdr = [
        received_qq_mx(sent, "smtp.qq.com" if domain == "qq.com" else "m%d.mail.%s" % (hnum("m", key, lo=12, hi=16), domain),
                       ip(key, prefix="183.3"), 2, key) if domain != "qq.com" else
        "Received: from smtpclient.apple (unknown [%s])\n\tby smtp.qq.com (ESMTP) with SMTP\n\tid 0; %s"
        % (ip(key, prefix="223.104"), rfc_date(sent + dt.timedelta(seconds=1))),
        "Content-Type: " + (('multipart/mixed; boundary=%s' % b) if atts else "text/plain; charset=utf-8"),
        "Content-Transfer-Encoding: " + ("7bit" if atts else "base64"),
        "From: " + addr(display, frm, "utf-8", quote=False),
        "Mime-Version: 1.0 (1.0)",
        "Date: " + rfc_date(sent),
        "Subject: " + ew(subject, "utf-8"),
        "Message-Id: <%s-%s-%s-%s-%s@%s>" % (m[:8], m[8:12], m[12:16], m[16:20], m[20:], domain),
    ]
    if in_reply_to:
        hdr.append("In-Reply-To: <%s>" % in_reply_to)
    hdr += ["To: " + OFFICE, "X-Mailer: iPhone Mail (20G75)"]
    # the part's own Content-Type is already in hdr: emit only the body
    _, pbody = split_head(body)
    text_all = "\n".join(hdr) + "\n\n" + pbody
    return text_all.encode("latin-1").replace(b"\n", b"\r\n")


# ---------------------------------------------------------------- .docx


def docx(paragraphs, *, author, created, app="Microsoft Office Word", title_first=True, split_runs=True):
    """A real .docx: paragraphs (list of str); the first is the centred title when title_first.
    Runs are split the way Word splits them (digits, punctuation, proofing marks)."""
    W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def runs(text, size, bold=False):
        pieces = []
        if split_runs:
            cur = ""
            kind = None
            for c in text:
                k = "d" if c.isdigit() else ("p" if c in "，。；：、（）“”《》" else "c")
                if kind is not None and k != kind and (k == "d" or kind == "d"):
                    pieces.append(cur)
                    cur = ""
                cur += c
                kind = k
            pieces.append(cur)
        else:
            pieces = [text]
        out = []
        for p in pieces:
            rpr = ('<w:rPr><w:rFonts w:ascii="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:hAnsi="仿宋_GB2312"/>%s'
                   '<w:sz w:val="%d"/><w:szCs w:val="%d"/></w:rPr>' % ("<w:b/>" if bold else "", size, size))
            sp = ' xml:space="preserve"' if p != p.strip() else ""
            out.append("<w:r>%s<w:t%s>%s</w:t></w:r>" % (rpr, sp, escape(p, quote=False)))
        return "".join(out)

    body = []
    for i, p in enumerate(paragraphs):
        if i == 0 and title_first:
            body.append('<w:p><w:pPr><w:jc w:val="center"/><w:spacing w:line="560" w:lineRule="exact"/></w:pPr>%s</w:p>'
                        % "<w:r><w:br/></w:r>".join(runs(x, 44, True) for x in p.split("\n")))
        elif p.startswith(">>"):
            body.append('<w:p><w:pPr><w:jc w:val="right"/></w:pPr>%s</w:p>' % runs(p[2:], 32))
        elif p.startswith("<<"):
            body.append('<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/></w:pPr>%s</w:p>' % runs(p[2:], 32))
        else:
            body.append('<w:p><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:ind w:firstLineChars="200" '
                        'w:firstLine="640"/></w:pPr>%s</w:p>' % runs(p, 32))
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>%s'
                '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" '
                'w:left="1587" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>'
                % (W, "".join(body)))
    ctypes = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
              '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
              '<Default Extension="xml" ContentType="application/xml"/>'
              '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
              '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
              '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
              '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    docrels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>')
    stamp = created.strftime("%Y-%m-%dT%H:%M:00Z")
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title></dc:title><dc:creator>%s</dc:creator>'
            '<cp:lastModifiedBy>%s</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified></cp:coreProperties>'
            % (escape(author), escape(author), stamp, stamp))
    appxml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
              '<Application>%s</Application><DocSecurity>0</DocSecurity><Pages>1</Pages></Properties>' % escape(app))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ctypes), ("_rels/.rels", rels), ("word/document.xml", document),
                           ("word/_rels/document.xml.rels", docrels), ("docProps/core.xml", core),
                           ("docProps/app.xml", appxml)):
            zi = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data.encode("utf-8"))
    return buf.getvalue()


def line_break(rest, fits):
    """How many chars of `rest` go on this line: as many as fit, never splitting a run of
    digits/latin letters and never starting a line with closing punctuation."""
    n = len(rest)
    while n > 1 and not fits(rest[:n]):
        n -= 1
    if n < len(rest):
        def word(c):
            return c.isascii() and (c.isalnum() or c in ".%")
        k = n
        while k > 1 and word(rest[k - 1]) and word(rest[k]):
            k -= 1
        if k > 1:
            n = k
        if rest[n] in "，。；：、）”》！？" and n > 1:
            n -= 1
        while n > 1 and rest[n - 1] in "“《（〔":
            n -= 1
    return n


# ---------------------------------------------------------------- PDF (hand-written, Identity-H)


def _pdfstr_utf16(s):
    return "<FEFF%s>" % s.encode("utf-16-be").hex().upper()


def pdf_identity_h(paragraphs, *, creator, producer, created, font_path=UMING, font_index=0,
                   title_size=18, body_size=14):
    """A PDF as WPS / Word export writes it: Type0 font, Identity-H, embedded TrueType subset,
    ToUnicode CMap. paragraphs[0] is the title; '>>' prefix right-aligns (signature lines)."""
    import logging

    from fontTools import subset
    logging.getLogger("fontTools.subset").setLevel(logging.ERROR)
    from fontTools.ttLib import TTFont

    chars = set("".join(p.lstrip("><") for p in paragraphs).replace("\n", ""))
    font = TTFont(font_path, fontNumber=font_index, recalcTimestamp=False)
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.name_IDs = [1, 2, 4, 6]
    opts.notdef_outline = True
    opts.glyph_names = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes={ord(c) for c in chars})
    sub.subset(font)
    fbuf = io.BytesIO()
    font.save(fbuf)
    ttf = fbuf.getvalue()
    sf = TTFont(io.BytesIO(ttf))
    cmap = sf.getBestCmap()
    upem = sf["head"].unitsPerEm
    order = sf.getGlyphOrder()
    gid_of = {c: sf.getGlyphID(cmap[ord(c)]) for c in chars if ord(c) in cmap}
    widths = [round(sf["hmtx"][g][0] * 1000 / upem) for g in order]
    missing = [c for c in chars if c not in gid_of]
    assert not missing, "font lacks %r" % missing

    def width(s, size):
        return sum(widths[gid_of[c]] for c in s) * size / 1000

    # layout
    W, H, ML, MR, MT, MB = 595.28, 841.89, 79, 74, 90, 80
    pages, ops = [], []
    y = H - MT

    def newpage():
        nonlocal ops, y
        if ops:
            pages.append(ops)
        ops = []
        y = H - MT

    def line(s, size, x):
        nonlocal y
        if y < MB:
            newpage()
        hexs = "".join("%04X" % gid_of[c] for c in s)
        ops.append("BT\n/F1 %d Tf\n1 0 0 1 %.2f %.2f Tm\n<%s> Tj\nET" % (size, x, y, hexs))
        y -= size * 1.75

    for i, p in enumerate(paragraphs):
        if i == 0:
            size = title_size
            for rest in p.split("\n"):
                while rest:
                    n = line_break(rest, lambda x: width(x, size) <= W - ML - MR)
                    seg, rest = rest[:n], rest[n:]
                    line(seg, size, (W - width(seg, size)) / 2)
            y -= 8
            continue
        size = body_size
        if p.startswith(">>"):
            s = p[2:]
            line(s, size, W - MR - width(s, size) - 20)
            continue
        first = not p.startswith("<<")
        rest = p[2:] if p.startswith("<<") else p
        while rest:
            x0 = ML + (2 * size if first else 0)
            n = line_break(rest, lambda x: width(x, size) <= W - MR - x0)
            seg, rest = rest[:n], rest[n:]
            line(seg, size, x0)
            first = False
    newpage()

    objs = {}
    # 1 catalog, 2 pages, 3 info, 4 type0, 5 cidfont, 6 descriptor, 7 tounicode, 8 fontfile, 9.. pages/contents
    name = "%s+%s" % (h(paragraphs[0], "tag", n=6).upper().translate(str.maketrans("0123456789", "GHIJKLMNOP")),
                      sf["name"].getDebugName(6) or "Font")
    rev = {}
    for c, g in gid_of.items():
        rev[g] = c
    bf = []
    items = sorted(rev.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        bf.append("%d beginbfchar\n%s\nendbfchar" % (len(chunk), "\n".join(
            "<%04X> <%s>" % (g, c.encode("utf-16-be").hex().upper()) for g, c in chunk)))
    tounicode = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n"
                 "<< /Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n"
                 "/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n%s\nendcmap\n"
                 "CMapName currentdict /CMap defineresource pop\nend\nend" % "\n".join(bf)).encode()
    head = sf["head"]
    hhea = sf["hhea"]
    sc = 1000 / upem
    stamp = created.strftime("D:%Y%m%d%H%M%S+08'00'")
    objs[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objs[3] = ("<< /Creator %s /Producer %s /CreationDate (%s) /ModDate (%s) >>"
               % (_pdfstr_utf16(creator), _pdfstr_utf16(producer), stamp, stamp)).encode()
    objs[4] = ("<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [5 0 R] "
               "/ToUnicode 7 0 R >>" % name).encode()
    objs[5] = ("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo << /Registry (Adobe) "
               "/Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 /W [0 [%s]] "
               "/CIDToGIDMap /Identity >>" % (name, " ".join(str(w) for w in widths))).encode()
    objs[6] = ("<< /Type /FontDescriptor /FontName /%s /Flags 6 /FontBBox [%d %d %d %d] /ItalicAngle 0 "
               "/Ascent %d /Descent %d /CapHeight %d /StemV 80 /FontFile2 8 0 R >>"
               % (name, head.xMin * sc, head.yMin * sc, head.xMax * sc, head.yMax * sc, hhea.ascent * sc,
                  hhea.descent * sc, hhea.ascent * sc)).encode()
    streams = {7: tounicode}
    ffile = zlib.compress(ttf, 9)
    objs[8] = ("<< /Length %d /Length1 %d /Filter /FlateDecode >>" % (len(ffile), len(ttf))).encode()
    streams[8] = ffile
    kids = []
    nxt = 9
    for ops_ in pages:
        pid, cid = nxt, nxt + 1
        nxt += 2
        kids.append(pid)
        objs[pid] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /Font << /F1 4 0 R >> "
                     "/ProcSet [/PDF /Text] >> /Contents %d 0 R >>" % (W, H, cid)).encode()
        content = zlib.compress("\n".join(ops_).encode())
        objs[cid] = ("<< /Length %d /Filter /FlateDecode >>" % len(content)).encode()
        streams[cid] = content
    t2 = zlib.compress(tounicode)
    objs[7] = ("<< /Length %d /Filter /FlateDecode >>" % len(t2)).encode()
    streams[7] = t2
    objs[2] = ("<< /Type /Pages /Kids [%s] /Count %d >>" % (" ".join("%d 0 R" % k for k in kids), len(kids))).encode()
    return _write_pdf(objs, streams, info=3, version="1.7")


def _write_pdf(objs, streams, info, version="1.4"):
    out = io.BytesIO()
    out.write(("%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n" % version).encode("latin-1"))
    offsets = {}
    for n in sorted(objs):
        offsets[n] = out.tell()
        out.write(b"%d 0 obj\n" % n)
        out.write(objs[n])
        if n in streams:
            out.write(b"\nstream\n" + streams[n] + b"\nendstream")
        out.write(b"\nendobj\n")
    xref = out.tell()
    size = max(objs) + 1
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
    for n in range(1, size):
        out.write(b"%010d 00000 n \n" % offsets[n])
    fid = hashlib.md5(out.getvalue()).hexdigest().upper()
    out.write(("trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n"
               % (size, info, fid, fid, xref)).encode())
    return out.getvalue()


def pdf_scan(jpeg, width_px, height_px, *, producer, created):
    """A scanner's PDF: one page, one DCT image, no text at all."""
    stamp = created.strftime("D:%Y%m%d%H%M%S+08'00'")
    W, H = 595.28, 841.89
    content = ("q\n%.2f 0 0 %.2f 0 0 cm\n/Im0 Do\nQ" % (W, H)).encode()
    objs = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        3: ("<< /Producer (%s) /Creator (%s) /CreationDate (%s) >>" % (producer, producer, stamp)).encode(),
        4: ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.2f %.2f] /Resources << /XObject << /Im0 6 0 R >> "
            "/ProcSet [/PDF /ImageB] >> /Contents 5 0 R >>" % (W, H)).encode(),
        5: ("<< /Length %d >>" % len(content)).encode(),
        6: ("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
            "/Filter /DCTDecode /Length %d >>" % (width_px, height_px, len(jpeg))).encode(),
    }
    return _write_pdf(objs, {5: content, 6: jpeg}, info=3, version="1.4")


# ---------------------------------------------------------------- PDF via reportlab


def pdf_reportlab(paragraphs, *, mode, created, title_size=17, body_size=13, author="", creator=""):
    """mode 'ttf': reportlab embeds a subset of a TrueType font (ToUnicode included);
    mode 'cid': the non-embedded Adobe CID font STSong-Light with the UniGB-UCS2-H CMap."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen import canvas

    if mode == "ttf":
        from reportlab.pdfbase.ttfonts import TTFont
        pdfmetrics.registerFont(TTFont("WQY", WQY, subfontIndex=0))
        fname = "WQY"
    else:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        fname = "STSong-Light"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setAuthor(author)
    c.setCreator(creator)
    c.setTitle(paragraphs[0].replace("\n", ""))
    W, H = A4
    ML, MR = 72, 72
    y = H - 90

    def put(s, size, x):
        nonlocal y
        if y < 80:
            c.showPage()
            y = H - 90
        c.setFont(fname, size)
        c.drawString(x, y, s)
        y -= size * 1.8

    for i, p in enumerate(paragraphs):
        size = title_size if i == 0 else body_size
        if p.startswith(">>"):
            s = p[2:]
            put(s, size, W - MR - pdfmetrics.stringWidth(s, fname, size) - 16)
            continue
        first = not p.startswith("<<")
        for rest in (p[2:] if p.startswith("<<") else p).split("\n"):
            while rest:
                x0 = ML + (2 * size if first and i else 0)
                n = line_break(rest, lambda x: pdfmetrics.stringWidth(x, fname, size) <= W - MR - x0)
                seg, rest = rest[:n], rest[n:]
                if i == 0:
                    x0 = (W - pdfmetrics.stringWidth(seg, fname, size)) / 2
                put(seg, size, x0)
                first = False
        if i == 0:
            y -= 6
    c.showPage()
    c.save()
    # invariant mode stamps 2000-01-01; put the real time back (same length, offsets unchanged)
    fixed = b"D:20000101000000+00'00'"
    real = created.strftime("D:%Y%m%d%H%M%S+08'00'").encode()
    assert len(fixed) == len(real)
    return buf.getvalue().replace(fixed, real)


# ---------------------------------------------------------------- images


def photo_jpeg(seed, banner, size=(480, 320)):
    """A small 'event photo': a hall or square with a red banner carrying `banner`."""
    from PIL import Image, ImageDraw, ImageFont

    w, hgt = size
    img = Image.new("RGB", size, (200, 205, 210))
    d = ImageDraw.Draw(img)
    r = hnum(seed, "r", lo=0, hi=60)
    d.rectangle([0, 0, w, hgt // 2], fill=(150 + r, 180, 210))
    d.rectangle([0, hgt // 2, w, hgt], fill=(120, 110 + r // 2, 100))
    d.rectangle([30, 30, w - 30, 80], fill=(190, 20, 30))
    font = ImageFont.truetype(WQY, 20)
    tw = d.textlength(banner, font=font)
    d.text(((w - tw) / 2, 42), banner, font=font, fill=(255, 230, 120))
    for i in range(9):
        x = 40 + i * (w - 80) // 9 + hnum(seed, i, lo=0, hi=15)
        yy = hgt // 2 + 20 + hnum(seed, "y", i, lo=0, hi=40)
        col = (hnum(seed, "c", i, lo=20, hi=90),) * 3
        d.ellipse([x, yy, x + 18, yy + 18], fill=col)
        d.rectangle([x - 4, yy + 18, x + 22, yy + 70], fill=(hnum(seed, "s", i, lo=30, hi=200), 60, 90))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=70)
    return out.getvalue()


def scan_jpeg(paragraphs, seed, width=794, height=1123):
    """A grey, slightly skewed and noisy scan of a printed page with a red seal (no text layer)."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    img = Image.new("L", (width, height), 236)
    d = ImageDraw.Draw(img)
    tfont = ImageFont.truetype(UMING, 30, index=0)
    bfont = ImageFont.truetype(UMING, 21, index=0)
    y = 110
    ml, mr = 95, 90
    for i, p in enumerate(paragraphs):
        f = tfont if i == 0 else bfont
        if p.startswith(">>"):
            s = p[2:]
            d.text((width - mr - d.textlength(s, font=f) - 30, y), s, font=f, fill=35)
            y += 38
            continue
        first = not p.startswith("<<")
        for rest in (p[2:] if p.startswith("<<") else p).split("\n"):
            while rest:
                x0 = ml + (42 if first and i else 0)
                n = line_break(rest, lambda x: d.textlength(x, font=f) <= width - mr - x0)
                seg, rest = rest[:n], rest[n:]
                if i == 0:
                    x0 = (width - d.textlength(seg, font=f)) / 2
                d.text((x0, y), seg, font=f, fill=30)
                y += 52 if i == 0 else 38
                first = False
        if i == 0:
            y += 14
    # seal (rendered grey on a grey scan)
    cx, cy = width - 210, y - 40
    d.ellipse([cx - 75, cy - 75, cx + 75, cy + 75], outline=120, width=5)
    d.regular_polygon((cx, cy, 22), 5, fill=120)
    img = img.rotate(0.6, resample=Image.BICUBIC, fillcolor=220)
    # speckle
    px = img.load()
    for i in range(2500):
        x = hnum(seed, "nx", i, lo=0, hi=width)
        yy = hnum(seed, "ny", i, lo=0, hi=height)
        px[x, yy] = hnum(seed, "nv", i, lo=60, hi=250)
    img = img.filter(ImageFilter.GaussianBlur(0.6))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=45)
    return out.getvalue(), width, height


# ================================================================ the corpus

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "fixtures", "holdout3")

MAILS = []


def T(kind, unit, act, d1=None, d2=None, *, group, automated=False, ambiguous=False, subs=None):
    d = {
        "kind": kind,
        "unit": unit,
        "activity": act,
        "activity_date": d1,
        "activity_end": (d2 or d1) if d1 else None,
        "automated": automated,
        "ambiguous": ambiguous,
        "group": group,
    }
    if subs:
        d["submissions"] = [
            {"kind": k, "activity": a, "activity_date": x, "activity_end": y or x} for (k, a, x, y) in subs]
    return d


def mail(name):
    def deco(fn):
        MAILS.append((name, fn))
        return fn
    return deco


def photos(prefix, when, n, banner="政务公开主题日"):
    out = []
    for i in range(n):
        stamp = (when + dt.timedelta(minutes=7 * i + 3, seconds=11 * i)).strftime("%Y%m%d_%H%M%S")
        out.append(Att("%s%s.jpg" % (prefix, stamp), photo_jpeg(prefix + stamp, banner), "image/jpeg"))
    return out


# The office's notice mail, quoted by the look-alike replies.
NOTICE_SENT = t("2023-04-06 16:32:18")
NOTICE_ID = "tencent_%s@qq.com" % h("notice", n=40).upper()
NOTICE_SUBJECT = "关于印发《洞口县2023年“政务公开主题日”活动实施方案》的通知"
NOTICE_BODY = """各单位、各乡镇（街道、管理区）：
现将《洞口县2023年“政务公开主题日”活动实施方案》印发给你们，请结合实际，认真组织实施。
各单位、各乡镇（街道、管理区）在组织开展活动前，要提前5个工作日，将具体活动方案报洞口县政务公开政务服务领导小组办公室（邮箱：43347867@qq.com）。活动开展后，要及时总结，形成情况报告或新闻报导（含相关图文、视频资料等），于5个工作日内报县政务公开政务服务领导小组办公室。
附件：洞口县2023年“政务公开主题日”活动计划表
序号 活动主题 活动形式 责任单位 计划开展时间
1 “强化依法治水，携手共护母亲河”世界水日，中国水周主题活动 政策发布、有奖问答比赛等 县水利局 4月
2 优化经济环境、提振消费信心 现场宣传 县市监局 4月
3 法治政府示范创建宣传 问卷调查 县司法局 4月
4 乡镇自来水水价调整听证 实地调研、座谈交流、问卷调查 县发改局 4月
5 减税降费惠企政策解读座谈会 座谈交流会 县财政局 4月
……
16 6·25全国土地日宣传 政策发布 县自然资源局 6月
17 惠民政策宣传日 座谈交流、问卷调查 县人社局 6月
18 打击假冒农药化肥种子 现场宣传 县农业农村局 6月
19 安全生产月宣传活动 现场观摩 县应急局 6月
……
洞口县政务公开政务服务领导小组办公室
2023年4月6日"""


def bot_id(*parts):
    return "%s.%s@qq.com" % (h("bot", *parts, n=12), h("bot2", *parts, n=8))


# ---------------------------------------------------------------- group: pdf-only


@mail("001-shuili-pdf-baosong")
def _():
    sent = t("2023-04-18 09:32:05")
    pdf = pdf_identity_h([
        "洞口县水利局\n关于开展“政务公开主题日”活动的情况报告",
        "<<县政务公开政务服务领导小组办公室：",
        "根据《洞口县2023年“政务公开主题日”活动实施方案》（洞政开〔2023〕1号）安排，结合“世界水日”“中国水周”宣传，"
        "我局于2023年4月14日上午在县城平溪江风光带组织开展了以“强化依法治水，携手共护母亲河”为主题的政务公开主题日活动。"
        "现将有关情况报告如下：",
        "一、活动基本情况",
        "活动现场悬挂“政务公开主题日”宣传横幅2条，设置政策咨询台和有奖问答区。局班子成员、水政监察大队及县河长办工作人员"
        "共32人参加，县人大代表、政协委员4名和附近居民、学生约300人参与。现场集中发布了《洞口县河道采砂管理办法》及河湖长制"
        "相关政策，解答群众咨询56人次，发放宣传资料1500余份、环保袋400个。",
        "二、有奖问答情况",
        "有奖问答围绕《中华人民共和国水法》《湖南省河道采砂管理条例》、节约用水常识等设置题目30道，共有86名群众参与答题，"
        "其中62人获得纪念品。",
        "三、下一步工作",
        "我局将以此次活动为契机，持续推进水利政务信息公开，及时公开河湖长制、水利工程建设、水资源管理等信息，进一步提高群众"
        "的知晓率和参与度。",
        ">>洞口县水利局",
        ">>2023年4月17日",
    ], creator="WPS 文字", producer="WPS 文字", created=t("2023-04-17 16:40:12"))
    raw = client_qq(key="001", frm="2875513390@qq.com", display="平溪江", subject="报送", sent=sent, text="",
                    atts=[Att("4.14活动.pdf", pdf)])
    return raw, T("report", "县水利局", 1, "2023-04-14", group="pdf-only")


@mail("002-caizheng-pdf-cailiao")
def _():
    sent = t("2023-04-27 15:10:44")
    pdf = pdf_reportlab([
        "县财政局召开减税降费惠企政策解读座谈会",
        "4月25日下午，县财政局在局三楼会议室召开“政务公开主题日”减税降费惠企政策解读座谈会，县工商联、县税务局相关负责人"
        "及20余家中小微企业代表参加会议。",
        "座谈会上，县财政局政策法规股负责人围绕小规模纳税人增值税减免、小微企业“六税两费”减半征收、政府采购支持中小企业发展"
        "等政策逐条进行了解读，并现场发放《2023年减税降费政策汇编》80余册。县税务局业务骨干就政策享受条件和办理流程作了讲解。",
        "在交流环节，企业代表踊跃发言，就融资担保、惠企资金申报、政府采购预付款等提出意见建议12条。县财政局相关负责人一一"
        "作了回应，对不能当场答复的问题，明确由责任股室在10个工作日内书面答复。",
        "此次座谈会是我县2023年“政务公开主题日”系列活动之一。县财政局将持续做好惠企政策的发布和解读，推动各项政策直达快享，"
        "助力市场主体轻装上阵。",
        ">>（县财政局供稿）",
    ], mode="ttf", author="Administrator", creator="Microsoft Word", created=t("2023-04-27 14:55:40"))
    raw = client_outlook(key="002", frm="dkczj_bgs@163.com", display="洞口县财政局办公室", subject="材料", sent=sent,
                         text="见附件\n\n洞口县财政局办公室\n电话：0739-7822190\n", atts=[Att("20230427.pdf", pdf)],
                         name_style="rfc2231-utf8")
    return raw, T("report", "县财政局", 5, "2023-04-25", group="pdf-only")


@mail("003-renshe-pdf-wenjian")
def _():
    sent = t("2023-06-20 11:05:31")
    pdf = pdf_reportlab([
        "洞口县人力资源和社会保障局\n“惠民政策宣传日”活动开展情况",
        "按照县政务公开办统一部署，6月16日上午，我局在县人社服务大厅及门前广场开展“惠民政策宣传日”政务公开主题日活动。",
        "一是座谈交流。邀请企业人力资源负责人、返乡创业人员、灵活就业人员代表共18人召开座谈会，围绕稳岗返还、一次性扩岗补助、"
        "创业担保贷款、城乡居民养老保险缴费档次调整等政策进行面对面解读，收集意见建议9条。",
        "二是现场宣传。设置就业创业、社会保险、劳动维权、人事人才4个咨询台，发放政策明白卡2300余份，现场办理社保卡激活、"
        "养老待遇资格认证等业务137件。",
        "三是问卷调查。通过线上线下相结合的方式开展惠民政策知晓度问卷调查，共回收有效问卷426份，政策总体知晓率为81.7%。"
        "对知晓率较低的失业保险技能提升补贴等政策，我局将通过“洞口人社”微信公众号持续加大宣传。",
        ">>洞口县人力资源和社会保障局",
        ">>2023年6月19日",
    ], mode="cid", author="user", creator="WPS 文字", created=t("2023-06-19 16:48:22"))
    raw = client_coremail(key="003", frm="dkrsj2019@163.com", display="人社局", subject="文件", sent=sent, text="",
                          atts=[Att("新建 DOCX 文档.pdf", pdf)])
    return raw, T("report", "县人社局", 17, "2023-06-16", group="pdf-only")


@mail("004-nongye-pdf-foxmail")
def _():
    sent = t("2023-06-13 16:40:12")
    pdf = pdf_identity_h([
        "打击假冒伪劣农资“政务公开主题日”\n活动开展情况报告",
        "<<县政务公开政务服务领导小组办公室：",
        "为保障夏季农业生产用种用药用肥安全，6月9日，我局联合县市场监管局、县公安局在县城农资市场开展“打击假冒农药化肥种子”"
        "政务公开主题日现场宣传活动。现将情况报告如下：",
        "一、现场宣传。活动现场设立咨询台3个，悬挂“政务公开主题日”横幅，展出真假农资识别展板12块，农技专家现场讲解种子标签"
        "识别、农药登记证查询、化肥有效成分辨别等知识，发放《农资打假维权手册》《致广大农民朋友的一封信》等资料2000余份，"
        "接受群众咨询150余人次。",
        "二、执法检查。活动期间，执法人员对县城及周边12家农资经营门店进行了检查，抽检种子样品8个、农药样品6个，对2家经营"
        "台账不规范的门店责令限期整改。",
        "三、公开情况。活动情况及抽检结果已在县人民政府门户网站和“洞口农业农村”微信公众号公开，并公布农资打假举报电话，"
        "接受社会监督。",
        ">>洞口县农业农村局",
        ">>2023年6月12日",
    ], creator="Microsoft® Word 2016", producer="Microsoft® Word 2016", created=t("2023-06-12 17:58:40"))
    raw = client_foxmail(key="004", frm="dknyjbgs@163.com", display="dknyjbgs", subject="报送材料", sent=sent,
                         text="附件请查收，谢谢！", atts=[Att("情况报告.pdf", pdf)])
    return raw, T("report", "县农业农村局", 18, "2023-06-09", group="pdf-only")


@mail("005-gaosha-scan-image-only")
def _():
    sent = t("2023-05-22 10:16:40")
    jpg, w, hh = scan_jpeg([
        "高沙镇开展《信访工作条例》\n宣传活动情况报告",
        "<<县政务公开办：",
        "5月19日，我镇在高沙集镇农贸市场开展《信访工作条例》宣传暨政务公开主题日活动。镇党委副书记、政法委员带队，镇信访办、"
        "司法所、派出所及各村（社区）信访信息员共40余人参加。",
        "活动采取座谈交流和政策发布相结合的方式进行。上午召开信访工作座谈会，邀请县人大代表2名、村（居）民代表15名参加，"
        "通报全镇信访工作情况，解读《信访工作条例》主要内容；随后在集镇设点发布政策，发放宣传资料1800余份，现场接待群众"
        "来访咨询23人次，当场解答20件，其余3件已登记交办。",
        "下一步，我镇将把条例宣传融入日常工作，引导群众依法理性表达诉求。",
        ">>高沙镇人民政府",
        ">>2023年5月22日",
    ], "005")
    pdf = pdf_scan(jpg, w, hh, producer="KONICA MINOLTA bizhub 367", created=t("2023-05-22 10:15:02"))
    raw = client_qq(key="005", frm="3106652987@qq.com", display="高沙镇党政办", subject="扫描件", sent=sent, text="",
                    charset="utf-8", mobile=True, atts=[Att("20230522101502.pdf", pdf)])
    return raw, T("report", "高沙镇人民政府", 11, "2023-05-19", group="pdf-only", ambiguous=True)


# ---------------------------------------------------------------- group: traditional


@mail("006-minzheng-big5-plan")
def _():
    sent = t("2023-04-17 10:20:11")
    text = """尹主任：
您好！根據《洞口縣2023年「政務公開主題日」活動實施方案》安排，我局承辦第三屆公眾開放日活動，現將活動方案報送如下，請審閱。

洞口縣民政局第三屆「公眾開放日」活動方案

一、活動時間
2023年4月26日（星期三）上午9:00至11:30

二、活動地點
洞口縣社會福利中心、縣婚姻登記處

三、參加人員
邀請縣人大代表、政協委員各2名，社區居民代表、服務對象家屬代表10名，縣融媒體中心記者，局機關相關股室及二級機構負責人，共約30人。

四、活動內容
（一）實地調研。參觀社會福利中心特困供養、康復護理等設施，了解特困人員集中供養情況。
（二）現場觀摩。在縣婚姻登記處觀摩結婚登記頒證儀式和婚姻登記「跨省通辦」辦理流程。
（三）座談交流。通報2023年民政重點工作及惠民政策，聽取參會代表意見建議，現場答疑。

五、工作要求
各相關股室要高度重視，做好現場布置和資料準備，活動現場懸掛「政務公開主題日」橫幅，活動結束後5個工作日內形成情況報告報縣政務公開辦。

洞口縣民政局辦公室
2023年4月17日
聯繫人：曾麗華　電話：0739-7822531
"""
    raw = client_outlook(key="006", frm="dkmzj_bgs@163.com", display="洞口縣民政局", charset="big5",
                         subject="洞口縣民政局第三屆公眾開放日活動方案", sent=sent, text=text,
                         html=outlook_html(text, "big5", font="新細明體"))
    return raw, T("plan", "县民政局", 7, "2023-04-26", group="traditional")


@mail("007-zilaishui-big5-report")
def _():
    sent = t("2023-05-22 09:05:43")
    text = """縣政務公開辦：
5月17日上午，洞口縣自來水公司在文昌街道城東社區開展「供水服務進社區」政務公開主題日活動，活動情況如下：
一、現場宣傳。公司在社區廣場設立業務辦理、水質檢測、政策諮詢三個服務台，向居民公開現行水價標準、階梯水價政策、報裝流程及服務承諾，發放《用戶用水指南》600餘份。
二、實地調研。公司負責人帶隊走訪社區老舊小區二次供水泵房3處，現場檢查水箱清洗消毒和設施運行情況，對居民反映的水壓不足問題當場安排技術人員排查。
三、問卷調查。共發放供水服務滿意度問卷200份，收回有效問卷186份，綜合滿意率為94.1%，收集意見建議11條，已逐條登記並明確整改時限。
活動照片已另行發送。

洞口縣自來水公司
2023年5月19日"""
    raw = client_foxmail(key="007", frm="dkzls_gs@163.com", display="自來水公司辦公室", charset="big5",
                         subject="縣自來水公司供水服務進社區活動情況", sent=sent, text=text, sig="")
    return raw, T("report", "县住建局(自来水公司)", 10, "2023-05-17", group="traditional")


@mail("008-ziranziyuan-utf8-trad-report")
def _():
    sent = t("2023-06-28 08:47:20")
    text = """縣政務公開辦：
2023年6月25日是第33個全國「土地日」，今年的宣傳主題是「節約集約用地 嚴守耕地紅線」。當天上午，我局在縣城雪峰廣場開展「6·25」全國土地日暨政務公開主題日政策發布活動。
活動現場，局分管負責同志發布了《洞口縣2023年度耕地保護目標責任考核辦法》和農村村民住宅建設用地審批相關政策，工作人員圍繞耕地「非農化」「非糧化」整治、不動產登記便民措施等群眾關心的問題進行解讀。活動共設置諮詢台4個，展出宣傳展板16塊，發放宣傳冊、明白卡3000餘份，現場解答群眾諮詢120餘人次。
縣融媒體中心對活動進行了報導，相關圖片見附件。

洞口縣自然資源局
2023年6月27日"""
    raw = client_qq(key="008", frm="1527740615@qq.com", display="自然資源局 劉", charset="utf-8",
                    subject="洞口縣自然資源局「6·25」全國土地日宣傳活動情況報告", sent=sent, text=text,
                    atts=photos("IMG_", t("2023-06-25 09:31:02"), 2, "節約集約用地 嚴守耕地紅線"))
    return raw, T("report", "县自然资源局", 16, "2023-06-25", group="traditional")


@mail("009-weijian-utf8-trad-plan")
def _():
    sent = t("2023-09-01 20:13:45")
    text = """尹老師您好：
我局第23項主題活動方案如下，請審核。

洞口縣衛生健康局2023年「預防出生缺陷日」政務公開主題日活動方案

9月12日是「中國預防出生缺陷日」。為普及出生缺陷防治知識，發布我縣出生缺陷綜合防治惠民政策，經研究，定於2023年9月12日上午8:30在縣婦幼保健計劃生育服務中心門診大廳開展主題活動。
一、活動形式：政策發布、義診諮詢。
二、活動內容：1.發布《洞口縣免費婚前醫學檢查、孕前優生健康檢查及新生兒疾病篩查惠民政策》；2.組織婦產科、兒科、遺傳諮詢專家開展義診；3.現場為群眾辦理免費孕前優生檢查預約。
三、參加人員：縣衛健局分管領導及婦幼健康股、縣婦幼保健計劃生育服務中心相關人員，邀請縣人大代表、政協委員及新聞媒體參加。
四、有關要求：活動現場懸掛「政務公開主題日」橫幅，做好群眾引導和秩序維護。

洞口縣衛生健康局
2023年9月1日

發自我的iPhone"""
    raw = client_iphone(key="009", frm="dkwjjfyk@qq.com", display="縣衛健局婦幼股",
                        subject="預防出生缺陷日主題活動方案（縣衛健局）", sent=sent, text=text)
    return raw, T("plan", "县卫健局", 23, "2023-09-12", group="traditional")


# ---------------------------------------------------------------- group: report-forms


@mail("010-sifa-kaizhan-qingkuang-de-baogao")
def _():
    sent = t("2023-04-24 08:58:32")
    text = """县政务公开政务服务领导小组办公室：
按照洞政开〔2023〕1号文件安排，我局于4月20日在县城步行街和县政务服务中心开展了法治政府示范创建宣传暨问卷调查活动，现将开展情况报告如下：
一、宣传方式多样。活动采用展板展示、发放资料、以案释法、现场答疑相结合的方式，向群众宣传法治政府建设实施纲要、行政复议法及法治政府示范创建有关知识，共发放宣传资料1300余份、法律援助联系卡500张。
二、问卷调查扎实。围绕“您对县政府依法行政工作的满意度”“您是否了解行政复议和行政诉讼渠道”等12个问题开展问卷调查，线下收回问卷318份，线上收回问卷205份，群众对我县法治政府建设总体满意度为92.3%。
三、成果运用到位。对调查中群众反映较为集中的“执法公示不够直观”“行政复议知晓率不高”等问题，我局已梳理形成问题清单，提交县委全面依法治县委员会办公室研究，并将在门户网站公开整改情况。

洞口县司法局
2023年4月23日"""
    raw = client_foxmail(key="010", frm="dksfj_zfgz@163.com", display="县司法局法治股",
                         subject="洞口县司法局关于法治政府示范创建宣传活动开展情况的报告", sent=sent, text=text)
    return raw, T("report", "县司法局", 3, "2023-04-20", group="report-forms")


@mail("011-shuiwu-zongjie-baogao-docx")
def _():
    sent = t("2023-07-18 10:31:09")
    doc = docx([
        "国家税务总局洞口县税务局关于“税务事项一网通办情况”\n座谈交流活动的总结报告",
        "<<县政务公开政务服务领导小组办公室：",
        "7月13日下午，我局在县政务服务中心税务分厅三楼会议室组织开展“税务事项一网通办情况”政务公开主题日座谈交流活动。"
        "现将活动总结如下。",
        "一、活动开展情况。活动邀请县人大代表、政协委员、企业财务负责人、个体工商户代表和涉税专业服务机构人员共25人参加。"
        "我局通报了电子税务局、“湘易办”税费事项办理情况：截至6月底，全县纳税人网上申报率达98.6%，126项税费事项实现"
        "“全程网上办”。随后，工作人员现场演示了新办纳税人“套餐式”服务、跨区域涉税事项报验等业务的线上办理流程。",
        "二、问卷调查情况。活动现场及线上同步开展问卷调查，共回收问卷312份，纳税人对“一网通办”的满意度为96.2%，反映的"
        "主要问题集中在部分老年纳税人操作不熟练、个别业务系统响应慢等方面。",
        "三、意见建议及整改措施。参会代表共提出意见建议8条。针对代表提出的“办税服务厅增设帮办专区”建议，我局已于7月17日"
        "在办税服务厅设立“一网通办”帮办专区，安排2名业务骨干专职辅导。其余建议已明确责任股室，将在门户网站公开办理结果。",
        ">>国家税务总局洞口县税务局",
        ">>2023年7月17日",
    ], author="王静", created=t("2023-07-17 16:02:00"))
    text = """尹老师：您好！
我局“政务公开主题日”活动的总结报告已形成，详见附件，请审阅。活动照片稍后打包发送。

国家税务总局洞口县税务局纳税服务股
王静 0739-7812306
"""
    raw = client_outlook(key="011", frm="dkswj_nsfw@163.com", display="洞口县税务局纳税服务股",
                         subject="“税务事项一网通办情况”座谈交流活动的总结报告", sent=sent, text=text,
                         atts=[Att("关于“税务事项一网通办情况”座谈交流活动的总结报告.docx", doc)], name_style="rfc2231")
    return raw, T("report", "县税务局", 20, "2023-07-13", group="report-forms")


@mail("012-wenlv-gongzuo-qingkuang-huibao")
def _():
    sent = t("2023-07-31 16:02:55")
    text = """县政务公开办：
现将我局“文旅体融合发展座谈会”主题活动工作情况汇报如下：
7月27日上午，我局在县文化馆四楼多功能厅召开“文旅体融合发展座谈会”。县政协分管副主席出席，县发改局、县自然资源局、县农业农村局等单位负责人，部分乡镇分管负责同志，以及文旅企业、民宿经营户、体育协会代表共40余人参加。
会上，我局通报了上半年全县文旅体产业发展情况和《洞口县促进文旅体融合发展的若干措施（征求意见稿）》主要内容；与会代表围绕雪峰山旅游线路串联、古楼乡民宿提质、“村BA”等群众性体育赛事与乡村旅游结合等议题展开交流，共提出意见建议17条。
会后，我局对意见建议逐条梳理，已吸收进《若干措施》修改稿9条，对暂不能采纳的作出了说明。座谈会情况已在县人民政府门户网站“政务公开主题日”专栏和“洞口文旅”公众号发布。

附：活动照片3张

洞口县文化旅游广电体育局
2023年7月31日"""
    raw = client_qq(key="012", frm="847731562@qq.com", display="文旅广体局办公室", charset="gbk",
                    subject="关于“文旅体融合发展座谈会”主题活动工作情况的汇报", sent=sent, text=text,
                    atts=photos("mmexport", t("2023-07-27 09:12:40"), 3, "文旅体融合发展座谈会"))
    return raw, T("report", "县文旅广体局", 21, "2023-07-27", group="report-forms")


@mail("013-yibao-news-forward")
def _():
    sent = t("2023-08-18 09:12:40")
    text = """尹主任：这是县融媒体中心昨晚发的稿子，作为我局8月份主题日活动的新闻报导报送，请审核。

------------------ 原始邮件 ------------------
发件人: "洞口县融媒体中心" <dkrmtzx@163.com>;
发送时间: 2023年8月17日(星期四) 晚上7:48
收件人: "县医保局 肖" <2450613328@qq.com>;
主题: 洞口：异地就医门诊直接结算“一站式”服务零距离

洞口：异地就医门诊直接结算“一站式”服务零距离
洞口融媒记者 陈晓峰 通讯员 肖丽

8月17日上午，县医疗保障局组织开展“政务公开主题日”现场观摩活动，邀请县人大代表、政协委员、参保职工代表和新闻媒体记者走进县人民医院、县中医医院，实地观摩职工医保普通门诊费用跨省直接结算办理流程。
在县人民医院门诊收费窗口，观摩人员看到，从广东务工返乡的参保职工王先生持医保电子凭证就诊，结算时系统自动完成异地备案校验和费用分割，个人只需支付自付部分，整个过程不到两分钟。
据介绍，目前我县二级以上定点医疗机构已全部开通职工医保普通门诊费用跨省直接结算，今年以来累计结算1.2万人次，减少群众垫付资金860余万元。
观摩结束后，县医保局召开座谈会，听取代表们对异地就医备案、门诊慢特病待遇等方面的意见建议，现场解答问题11个。
（责任编辑：刘敏）
"""
    raw = client_qq(key="013", frm="2450613328@qq.com", display="县医保局 肖",
                    subject="转发：洞口：异地就医门诊直接结算“一站式”服务零距离", sent=sent, text=text,
                    atts=photos("640_", t("2023-08-17 09:05:00"), 2, "政务公开主题日 现场观摩"))
    return raw, T("report", "县医保局", 22, "2023-08-17", group="report-forms")


@mail("014-shengtai-xinwen-gaojian")
def _():
    sent = t("2023-06-07 17:20:08")
    text = """【洞口】共建清洁美丽家园 六五环境日活动走进雪峰广场

6月5日上午，邵阳市生态环境局洞口分局在县城雪峰广场举行“建设人与自然和谐共生的现代化”六五环境日主题宣传暨政务公开主题日活动。

活动现场，分局发布了《2022年洞口县生态环境状况公报》，通报了全县空气质量优良天数比例、主要河流断面水质达标情况，并公开了群众来信来访反映的环境问题办理结果。分局执法人员和监测人员现场讲解《中华人民共和国噪声污染防治法》、垃圾分类等知识，为群众免费检测饮用水酸碱度。

当天，共发放宣传资料2500余份、环保购物袋1000个，接受群众咨询200余人次，收集环境问题线索3条，已全部转交执法大队核查处理。

（洞口分局 供稿）"""
    raw = client_coremail(key="014", frm="dksthjfj@163.com", display="洞口分局办公室",
                          subject="洞口分局六五环境日活动稿件", sent=sent, text=text,
                          atts=photos("DSC0", t("2023-06-05 09:02:10"), 2, "六五环境日"))
    return raw, T("report", "邵阳市生态环境局洞口分局", 14, "2023-06-05", group="report-forms")


# ---------------------------------------------------------------- group: two-submissions


@mail("015-gongan-report9-plan13")
def _():
    sent = t("2023-05-19 15:26:37")
    d1 = docx([
        "洞口县公安局“5.15”防范和打击经济犯罪宣传日\n活动情况报告",
        "<<县政务公开政务服务领导小组办公室：",
        "按照县政务公开办统一安排，我局于5月15日上午在县城步行街开展“5.15”防范和打击经济犯罪宣传日暨政务公开主题日现场"
        "宣传活动。经侦大队联合人民银行洞口县支行、县地方金融服务中心设立咨询台，通过展板展示、典型案例讲解、发放宣传资料等"
        "形式，重点宣传防范非法集资、电信网络诈骗、假币识别、养老诈骗等知识。",
        "活动共展出典型案例展板20块，发放宣传资料3000余份，现场接受群众咨询180余人次，受理经济犯罪线索2条。同时，我局在"
        "活动现场公开了经侦部门受案范围、报案渠道和办案时限，接受群众监督。",
        ">>洞口县公安局",
        ">>2023年5月18日",
    ], author="张勇", created=t("2023-05-18 10:20:00"))
    d2 = docx([
        "洞口县公安局2023年“6.26”国际禁毒日\n禁毒宣传活动方案",
        "为深入开展全民禁毒宣传教育，结合6月全民禁毒宣传月（6月1日至6月30日）工作安排，我局定于2023年6月26日（国际"
        "禁毒日）上午9时在县城雪峰广场开展“6.26”国际禁毒日禁毒宣传暨政务公开主题日活动，具体方案如下。",
        "一、活动主题：健康人生 绿色无毒。",
        "二、活动形式：现场宣传。设置禁毒知识展板、毒品仿真样品展示区、禁毒知识有奖问答台，组织禁毒志愿者发放宣传资料，"
        "公开禁毒举报渠道和奖励办法。",
        "三、参加单位：县禁毒委成员单位、县禁毒志愿者协会、城区部分中小学师生代表。",
        "四、工作要求：禁毒大队负责活动组织和现场布置，治安大队、城区派出所负责现场安全保卫，政治处负责宣传报道。活动结束后"
        "5个工作日内将情况报告报县政务公开办。",
        ">>洞口县公安局",
        ">>2023年5月18日",
    ], author="张勇", created=t("2023-05-18 15:40:00"))
    text = """尹主任：
您好！现报送我局两份材料：
1．“5.15”防范和打击经济犯罪宣传日活动情况报告（附件1）。5月15日上午，我局经侦大队联合人民银行洞口县支行、县地方金融服务中心在县城步行街开展现场宣传，发放资料3000余份，现场接受群众咨询180余人次。
2．“6.26”国际禁毒日禁毒宣传活动方案（附件2）。活动拟定于6月26日上午在县城雪峰广场举行。
请审阅。

洞口县公安局政治处宣传科
张勇 0739-7862110
"""
    raw = client_outlook(key="015", frm="dkgaj_xcb@163.com", display="洞口县公安局政治处",
                         subject="县公安局5.15宣传日活动报告及6.26禁毒宣传活动方案", sent=sent, text=text,
                         atts=[Att("附件1：“5.15”防范和打击经济犯罪宣传日活动情况报告.docx", d1),
                               Att("附件2：洞口县公安局“6.26”国际禁毒日禁毒宣传活动方案.docx", d2)])
    return raw, T("report", "县公安局", 9, "2023-05-15", group="two-submissions",
                  subs=[("report", 9, "2023-05-15", None), ("plan", 13, "2023-06-26", None)])


@mail("016-shijian-report2-plan6-inline")
def _():
    sent = t("2023-04-18 17:45:02")
    text = """县政务公开办：
现一并报送我局两项主题日活动材料。

一、“优化经济环境、提振消费信心”主题活动情况
4月14日上午，我局在县城步行街开展“优化经济环境、提振消费信心”现场宣传活动。活动现场公布了放心消费示范单位名单和消费投诉处理流程，受理消费投诉6起，当场调解4起，为消费者挽回经济损失1.2万元；发放《消费者权益保护法》宣传资料1600余份，组织12家商超开展让利促销，引导群众放心消费。

二、世界知识产权日宣传周现场观摩活动方案
（一）时间：2023年4月26日（世界知识产权日）上午9:30
（二）地点：县市场监管局一楼知识产权服务窗口、雪峰蜜橘地理标志产品生产基地
（三）内容：组织企业代表、人大代表、政协委员现场观摩商标注册、专利申请便利化服务流程，参观地理标志产品“雪峰蜜橘”生产基地，解读知识产权质押融资和专利资助政策。
（四）参加人员：局分管领导、知识产权股全体人员，企业代表20名，县融媒体中心记者。

洞口县市场监督管理局
2023年4月18日
联系人：唐敏 电话：13873912645"""
    raw = client_qq(key="016", frm="1378822904@qq.com", display="县市场监管局 办公室",
                    subject="市监局：4月14日活动情况+知识产权宣传周活动方案", sent=sent, text=text)
    return raw, T("report", "县市监局", 2, "2023-04-14", group="two-submissions",
                  subs=[("report", 2, "2023-04-14", None), ("plan", 6, "2023-04-26", None)])


@mail("017-tuiyi-report8-plan15-docx")
def _():
    sent = t("2023-05-04 16:02:11")
    d1 = docx([
        "洞口县退役军人事务局关于退役军人就业创业\n调研活动的情况报告",
        "<<县政务公开政务服务领导小组办公室：",
        "根据全县“政务公开主题日”活动安排，4月25日至26日，我局组织调研组，邀请县人大代表、政协委员和退役军人代表参加，"
        "深入石柱镇、竹市镇、高沙镇和县工业集中区，开展退役军人就业创业实地调研。",
        "调研组先后走访了退役军人创办的家庭农场、物流企业、电商服务站等创业实体9家，召开退役军人座谈会3场，发放并回收问卷"
        "146份。调研发现，全县退役军人创业主要集中在种养殖、运输物流和商贸服务领域，存在融资渠道窄、创业培训针对性不强、"
        "部分企业用工对接不畅等问题。",
        "针对调研发现的问题，我局将联合县人社局、人民银行洞口县支行等单位，加大退役军人创业贷款贴息政策宣传落实力度，组织"
        "专场招聘会2场，并将调研报告全文在县人民政府门户网站公开。",
        ">>洞口县退役军人事务局",
        ">>2023年4月28日",
    ], author="Administrator", created=t("2023-04-28 11:30:00"), app="WPS Office_11.1.0.14309")
    d2 = docx([
        "洞口县《退役军人优待名录》政策发布活动方案",
        "为让广大退役军人及其他优抚对象及时知晓、用好优待政策，经研究，我局拟于2023年6月9日上午10时在县退役军人服务中心"
        "二楼会议室召开《洞口县退役军人及其他优抚对象优待名录》政策发布会。",
        "一、发布内容：发布我县退役军人在就业创业、教育、医疗、交通出行、文化旅游、金融服务等方面的优待项目共56项，解读"
        "优待证申领和使用办法。",
        "二、参加人员：县退役军人事务局班子成员，县直有关优待单位代表，退役军人代表，县人大代表、政协委员，县融媒体中心记者。",
        "三、发布形式：现场发布与网络发布同步进行，名录全文在县人民政府门户网站和“洞口退役军人”微信公众号公开。",
        ">>洞口县退役军人事务局",
        ">>2023年5月4日",
    ], author="Administrator", created=t("2023-05-04 15:10:00"), app="WPS Office_11.1.0.14309")
    raw = client_coremail(key="017", frm="dktyjrswj@163.com", display="退役军人事务局",
                          subject="报送两个材料（就业创业调研情况、优待名录发布方案）", sent=sent,
                          text="张老师好！\n附件是我局的两个材料，一个是4月份调研活动的情况报告，一个是6月份优待名录政策发布的方案，请查收。",
                          atts=[Att("退役军人就业创业调研情况报告.docx", d1),
                                Att("洞口县退役军人优待名录政策发布活动方案.docx", d2)])
    return raw, T("report", "县退役军人事务局", 8, "2023-04-25", "2023-04-26", group="two-submissions",
                  subs=[("report", 8, "2023-04-25", "2023-04-26"), ("plan", 15, "2023-06-09", None)])


@mail("018-shenpi-report12-plan25")
def _():
    sent = t("2023-05-29 09:40:26")
    text = """县政务公开办：
一、“政务公开答疑解惑、打好服务牌”主题活动情况报告
5月24日上午，我局组织县人大代表、政协委员、企业和群众代表共22人，走进县政务服务中心开展现场观摩。观摩人员先后体验了“一件事一次办”综合窗口、“湘易办”自助服务区和“办不成事”反映窗口，现场观看了企业开办“一网通办”全流程演示。座谈环节，我局就群众关心的不动产登记、社保医保、公积金提取等高频事项进行答疑，现场回答问题14个，收集意见建议6条。

二、“12345”政务服务便民热线“开放日”活动方案（初稿）
（一）活动时间：初定于2023年10月17日上午，届时如有调整另行报告。
（二）活动地点：县12345政务服务便民热线中心。
（三）活动内容：邀请市民代表、人大代表、政协委员走进热线中心，现场观摩热线受理、派单、回访全流程，体验“接线员”岗位，通报热线工单办理情况，听取意见建议。
（四）参加人员：局相关负责人、热线中心工作人员、各类代表约20人。

洞口县行政审批服务局
2023年5月26日"""
    raw = client_foxmail(key="018", frm="dkxzspj@163.com", display="县行政审批服务局", cte="base64",
                         subject="县行政审批服务局主题日活动报告和12345开放日方案", sent=sent, text=text)
    return raw, T("report", "县行政审批服务局", 12, "2023-05-24", group="two-submissions",
                  subs=[("report", 12, "2023-05-24", None), ("plan", 25, "2023-10-17", None)])


# ---------------------------------------------------------------- group: dates


@mail("019-gongan-wangan-week-own-day")
def _():
    sent = t("2023-09-01 10:05:17")
    text = """县政务公开办：
2023年国家网络安全宣传周将于9月11日至17日在全国统一开展。按照县政务公开主题日活动安排，我局网安大队结合宣传周工作，制定了现场宣传及问卷调查活动方案，现报送如下：
一、活动时间：2023年9月12日（星期二）上午8:30—11:30
二、活动地点：洞口县第一中学门口及县城步行街
三、活动内容：
1．设置网络安全宣传咨询台，发放《个人信息保护》《防范电信网络诈骗》等宣传资料；
2．现场演示“国家反诈中心”APP注册使用，公开网络违法犯罪举报渠道；
3．开展网络安全知识问卷调查，计划回收问卷500份以上，调查结果在县人民政府门户网站公开。
四、参加人员：网安大队全体民警、反诈中心工作人员、城区派出所社区民警。
宣传周期间（9月11日至17日），我局还将通过“洞口公安”微信公众号推送网络安全知识。

洞口县公安局网安大队
2023年9月1日
"""
    raw = client_outlook(key="019", frm="dkgaj_wab@163.com", display="县公安局网安大队",
                         subject="洞口县公安局2023年国家网络安全宣传周活动方案", sent=sent, text=text)
    return raw, T("plan", "县公安局", 24, "2023-09-12", group="dates")


@mail("020-yingji-anquanyue-own-day")
def _():
    sent = t("2023-06-06 11:22:50")
    text = """县政务公开办：
今年6月是第22个全国“安全生产月”，主题为“人人讲安全、个个会应急——着力防范化解重大安全风险”。根据主题日活动计划，我局拟于6月16日（全国“安全宣传咨询日”）上午组织开展安全生产现场观摩活动，方案如下：
1．观摩时间：2023年6月16日8:30集合，9:00—11:30观摩。
2．观摩地点：洞口县雪峰建材有限公司（县工业集中区）、县城区加油站。
3．观摩内容：企业安全生产标准化建设、双重预防机制运行情况；危化品经营单位应急演练；安全生产举报奖励政策发布。
4．参加人员：邀请县人大代表、政协委员各2名，重点行业企业负责人15名，局相关股室人员及新闻媒体记者。
安全生产月期间（6月1日—30日）的其他宣传活动另行安排。

洞口县应急管理局
2023年6月6日"""
    raw = client_qq(key="020", frm="2062213571@qq.com", display="应急局 安全股",
                    subject="县应急管理局安全生产月现场观摩活动方案", sent=sent, text=text)
    return raw, T("plan", "县应急局", 19, "2023-06-16", group="dates")


@mail("021-zilaishui-window-then-day")
def _():
    sent = t("2023-05-08 15:33:04")
    text = """县政务公开办：
根据洞政开〔2023〕1号文件安排，我公司承办5月份“供水服务进社区”主题活动，现将活动方案报送如下。
一、活动时间：5月15日至5月19日期间择日开展，经与社区协商，具体时间定为5月17日（周三）上午8:30—11:30。
二、活动地点：文昌街道城东社区广场。
三、活动内容：
（一）现场宣传。设置业务办理、水质检测、政策咨询服务台，公开水价标准、阶梯水价政策、报装流程及服务承诺。
（二）实地调研。走访社区老旧小区二次供水设施，了解居民用水需求。
（三）问卷调查。发放供水服务满意度调查问卷200份。
四、工作要求：活动现场悬挂“政务公开主题日”横幅，邀请县融媒体中心全程报道。

洞口县自来水公司
2023年5月8日"""
    raw = client_foxmail(key="021", frm="dkzls_gs@163.com", display="自来水公司办公室", charset="GBK", cte="base64",
                         subject="县自来水公司“供水服务进社区”活动方案", sent=sent, text=text, sig="")
    return raw, T("plan", "县住建局(自来水公司)", 10, "2023-05-17", group="dates")


@mail("022-caizheng-range-then-day")
def _():
    sent = t("2023-04-14 16:48:37")
    text = """尹主任：您好！
我局“政务公开主题日”活动方案如下：
活动名称：减税降费惠企政策解读座谈会
活动时间：原计划于4月24日—28日期间举办，现已确定于4月25日（星期二）下午3:00召开
活动地点：县财政局三楼会议室
参会人员：县工商联、县税务局相关负责人，中小微企业代表20名左右，县融媒体中心记者
活动议程：
1．县财政局政策法规股解读2023年减税降费及惠企政策；
2．县税务局讲解政策享受条件和办理流程；
3．企业代表座谈交流，现场答疑；
4．发放《2023年减税降费政策汇编》。

洞口县财政局
联系人：刘芳 13507396218"""
    raw = client_qq(key="022", frm="3421907765@qq.com", display="财政局 刘芳",
                    subject="县财政局减税降费惠企政策解读座谈会方案", sent=sent, text=text)
    return raw, T("plan", "县财政局", 5, "2023-04-25", group="dates")


@mail("023-shijian-ipweek-report-own-day")
def _():
    sent = t("2023-04-28 09:14:51")
    text = """县政务公开办：
4月20日至26日是2023年全国知识产权宣传周，宣传周主题为“加强知识产权法治保障，有力支持全面创新”。宣传周期间，我局按照主题日活动安排，于4月26日“世界知识产权日”当天组织开展了现场观摩活动，情况如下：
当天上午，县人大代表、政协委员和12家企业负责人共30余人先后观摩了局一楼知识产权服务窗口的商标注册、专利申请便利化服务流程，参观了雪峰蜜橘地理标志产品生产基地。我局现场解读了知识产权质押融资、专利资助等政策，发布了2022年全县知识产权发展状况，接受企业咨询40余人次。
活动照片见附件。

洞口县市场监督管理局
2023年4月27日
"""
    raw = client_outlook(key="023", frm="dkscjgj_zscq@163.com", display="县市场监管局知识产权股",
                         subject="世界知识产权日宣传周现场观摩活动情况", sent=sent, text=text,
                         atts=photos("IMG_", t("2023-04-26 09:40:00"), 2, "世界知识产权日"), name_style="rfc2231")
    return raw, T("report", "县市监局", 6, "2023-04-26", group="dates")


# ---------------------------------------------------------------- group: unscheduled


@mail("024-sifa-xianfa-week-unscheduled-plan")
def _():
    sent = t("2023-11-24 10:12:37")
    text = """县政务公开办：
贵办《实施方案》明确从2023年4月开始每月确定至少1个主题。为丰富年末主题日活动内容，我局结合“宪法宣传周”（12月1日至7日），拟开展“宪法进万家”政务公开主题日活动，方案如下：
一、活动时间：2023年12月4日（国家宪法日）上午9:00
二、活动地点：县城雪峰广场
三、活动形式：现场宣传、政策发布、有奖问答
四、活动内容：发布《洞口县2023年度行政执法“三项制度”落实情况》，开展宪法知识有奖问答，组织法律顾问现场提供法律咨询。
五、参加单位：县司法局、县人民法院、县人民检察院、城区各司法所，邀请县人大代表、政协委员参加。

洞口县司法局
2023年11月24日"""
    raw = client_foxmail(key="024", frm="dksfj_pfgz@163.com", display="县司法局普法股",
                         subject="县司法局2023年“宪法宣传周”政务公开主题日活动方案", sent=sent, text=text)
    return raw, T("plan", "县司法局", None, "2023-12-04", group="unscheduled")


@mail("025-yingji-xiaofang-november-unscheduled-plan")
def _():
    sent = t("2023-11-01 15:05:48")
    text = """县政务公开办：
11月9日是全国消防日，11月为全国消防宣传月。我局拟联合县消防救援大队开展“预防为主、生命至上”消防安全现场宣传及政务公开主题日活动，方案如下：
时间：2023年11月9日上午9:00-11:30
地点：县城步行街
内容：消防器材展示和使用体验、火灾隐患举报渠道公开、九小场所消防安全管理政策解读、群众咨询
参加人员：县应急管理局、县消防救援大队相关人员，社区网格员，群众代表。

洞口县应急管理局
2023年11月1日"""
    raw = client_qq(key="025", frm="2062213571@qq.com", display="应急局 安全股",
                    subject="11月份主题日活动方案（县应急局）", sent=sent, text=text)
    return raw, T("plan", "县应急局", None, "2023-11-09", group="unscheduled")


@mail("026-minzheng-chongyang-unscheduled-report")
def _():
    sent = t("2023-10-25 09:30:15")
    text = """县政务公开办：
10月23日是我国第11个法定老年节（重阳节）。当天上午，我局在县社会福利中心开展“敬老月”政务公开主题日活动，邀请县人大代表、政协委员、老年人代表和社区工作者40余人参加。
活动中，我局发布了《洞口县经济困难的高龄、失能等老年人补贴实施办法》，公开了高龄津贴、养老服务补贴的申领条件和办理流程，现场为12名老人办理了高龄津贴认证；组织工作人员走访慰问了福利中心特困供养老人，听取老年人及家属对养老服务工作的意见建议8条。
活动图片附后。

洞口县民政局
2023年10月24日
"""
    raw = client_outlook(key="026", frm="dkmzj_bgs@163.com", display="洞口县民政局",
                         subject="县民政局“敬老月”政务公开主题日活动情况", sent=sent, text=text,
                         atts=photos("IMG_", t("2023-10-23 09:20:00"), 2, "敬老月 政务公开主题日"))
    return raw, T("report", "县民政局", None, "2023-10-23", group="unscheduled")


# ---------------------------------------------------------------- group: look-alike


@mail("027-caizheng-ack-notice-quoted")
def _():
    sent = t("2023-04-07 09:03:21")
    text = ("收到。我局承办第5项“减税降费惠企政策解读座谈会”，计划4月下旬召开，具体时间确定后按要求提前5个工作日报送活动方案。\n\n"
            "\n发件人： 洞口县政务公开办\n发送时间： 2023-04-06 16:32\n收件人： dkczj_bgs\n主题： " + NOTICE_SUBJECT + "\n"
            + NOTICE_BODY)
    raw = client_foxmail(key="027", frm="dkczj_bgs@163.com", display="洞口县财政局办公室", charset="GBK",
                         subject="回复: " + NOTICE_SUBJECT, sent=sent, text=text, in_reply_to=NOTICE_ID,
                         references=[NOTICE_ID], to_display="洞口县政务公开办")
    return raw, T("other", "县财政局", None, group="look-alike")


@mail("028-nongye-ack-notice-qq-quoted")
def _():
    sent = t("2023-04-10 08:41:05")
    text = ("已收悉，我局将按方案要求认真组织第18项活动。\n\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"洞口县政务公开办\" <43347867@qq.com>;\n"
            "发送时间: 2023年4月6日(星期四) 下午4:32\n"
            "收件人: \"农业农村局 办公室\" <996173420@qq.com>;\n"
            "主题: " + NOTICE_SUBJECT + "\n\n" + NOTICE_BODY)
    raw = client_qq(key="028", frm="996173420@qq.com", display="农业农村局 办公室", subject="回复：" + NOTICE_SUBJECT,
                    sent=sent, text=text, in_reply_to=NOTICE_ID, references=[NOTICE_ID], to_display="洞口县政务公开办")
    return raw, T("other", "县农业农村局", None, group="look-alike")


@mail("029-ziranziyuan-half-year-summary")
def _():
    sent = t("2023-07-05 10:48:02")
    doc = docx([
        "洞口县自然资源局2023年上半年政务公开工作总结",
        "2023年上半年，我局认真贯彻落实上级关于政务公开工作的决策部署，以公开促落实、促规范、促服务，政务公开工作取得了"
        "新进展。现总结如下。",
        "一、主动公开情况。上半年，我局通过县人民政府门户网站主动公开信息186条，其中规划类信息32条、土地征收信息41条、"
        "不动产登记信息27条、矿产资源管理信息9条；通过“洞口自然资源”微信公众号发布信息96条。",
        "二、依申请公开情况。上半年共收到政府信息公开申请7件，均在法定期限内答复，未发生行政复议和行政诉讼。",
        "三、政策解读情况。围绕《洞口县国土空间总体规划（2021—2035年）》草案公示、农村宅基地审批等重点工作，开展图文解读"
        "5篇、视频解读1期。",
        "四、政务公开主题日活动情况。6月25日，我局结合全国土地日开展了政务公开主题日政策发布活动，有关情况已另行报送。",
        "五、存在问题和下半年工作打算。一是部分股室对主动公开工作认识不足，信息报送不够及时；二是政策解读形式较为单一。"
        "下半年，我局将进一步完善信息公开审核机制，丰富解读形式，做好政务公开第三方评估迎检准备工作。",
        ">>洞口县自然资源局",
        ">>2023年7月4日",
    ], author="办公室", created=t("2023-07-04 17:20:00"))
    text = "县政务公开办：\n根据要求，现将我局2023年上半年政务公开工作总结报送贵办，详见附件。\n\n洞口县自然资源局办公室\n"
    raw = client_outlook(key="029", frm="dkzrzyj_bgs@163.com", display="洞口县自然资源局办公室",
                         subject="洞口县自然资源局2023年上半年政务公开工作总结", sent=sent, text=text,
                         atts=[Att("洞口县自然资源局2023年上半年政务公开工作总结.docx", doc)])
    return raw, T("other", "县自然资源局", None, group="look-alike")


@mail("030-yibao-question-gaizhang")
def _():
    sent = t("2023-08-02 14:25:19")
    text = ("尹主任您好，我是县医保局的小肖。我们局第22项活动准备8月中旬开展，想问一下报送的活动方案需要盖章吗？"
            "是发盖章的扫描件还是Word版就可以？谢谢！")
    raw = client_qq(key="030", frm="2450613328@qq.com", display="县医保局 肖", subject="请问方案需要盖章吗",
                    sent=sent, text=text)
    return raw, T("other", "县医保局", None, group="look-alike")


@mail("031-wenlv-question-photos-iphone")
def _():
    sent = t("2023-07-20 12:31:44")
    text = """张老师：
您好！我局座谈会计划在7月下旬召开，想请教两个问题：
1、活动结束后的情况报告，照片一般附几张合适？视频文件比较大，邮箱发不了，能否用网盘链接？
2、报告需不需要单位负责人签字？
麻烦您了，谢谢！

发自我的iPhone"""
    raw = client_iphone(key="031", frm="wlgtj_dk@163.com", display="文旅广体局 李", subject="咨询报告报送事宜",
                        sent=sent, text=text)
    return raw, T("other", "县文旅广体局", None, group="look-alike")


@mail("032-renshe-jianbao-newsletter")
def _():
    sent = t("2023-06-08 17:05:55")
    text = """洞口人社工作简报
2023年第6期（总第58期）
洞口县人力资源和社会保障局办公室　　2023年6月8日

【工作动态】
●我县举办2023年“春风行动”专场招聘会。5月26日，县人社局在县城人力资源市场举办专场招聘会，68家企业提供就业岗位2100余个，现场达成就业意向426人。
●县社保中心开展养老保险待遇资格认证“进村入户”服务。截至5月底，全县已完成待遇资格认证12.6万人，认证率达96.8%。
●县劳动监察大队开展根治欠薪夏季行动，5月份共检查在建工程项目15个，督促支付农民工工资86万元。

【近期安排】
●6月16日，县人社局将在人社服务大厅开展“惠民政策宣传日”政务公开主题日活动，欢迎广大群众参与。
●6月下旬，启动2023年高校毕业生“三支一扶”招募资格复审。

报：县委、县人大、县政府、县政协有关领导
送：县直有关单位，各乡镇（街道、管理区）
（共印30份）"""
    raw = client_coremail(key="032", frm="dkrsj2019@163.com", display="人社局",
                          to=[("", "dkxzfb_xxk@163.com"), ("", OFFICE), ("", "dkrmtzx@163.com"), ("", "dkxrdbgs@163.com")],
                          subject="洞口人社工作简报（2023年第6期）", sent=sent, text=text)
    return raw, T("other", "县人社局", None, group="look-alike")


@mail("033-bulk-newsletter-list")
def _():
    sent = t("2023-05-09 10:00:00")
    html = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>政务公开学堂</title></head>
<body style="margin:0;background:#f2f4f7"><table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="600" style="background:#ffffff;font-family:'Microsoft YaHei',sans-serif;font-size:14px;color:#333">
<tr><td style="background:#b71c1c;color:#fff;padding:16px 24px;font-size:20px">政务公开学堂 · 第23期 · 2023年5月9日</td></tr>
<tr><td style="padding:20px 24px">
<p><b>本期导读</b></p>
<p>1. 各地“政务公开主题日”活动方案范本（可下载）：活动时间、地点、形式、参加人员怎么写</p>
<p>2. 情况报告写作要点：活动开展后5个工作日内报送，写清时间、地点、参与人员、活动成效，附图文视频</p>
<p>3. 案例：某县“公众开放日”活动新闻报道全文赏析</p>
<p>4. 5月15日至19日线上直播课：《政府信息公开条例》依申请公开答复文书规范</p>
<p style="margin-top:24px"><a href="https://edm.zwgk-xuetang.com/c/23?u=43347867" style="color:#b71c1c">点击阅读全文</a></p>
</td></tr>
<tr><td style="padding:12px 24px;font-size:12px;color:#999">您收到此邮件是因为您订阅了“政务公开学堂”电子刊物。
<a href="https://edm.zwgk-xuetang.com/unsubscribe?u=43347867">退订</a></td></tr>
</table></td></tr></table></body></html>"""
    part = leaf("text/html; charset=utf-8", html.encode("utf-8"), "base64")
    hdr = [
        "Received: from edm-out12.zwgk-xuetang.com (unknown [47.96.188.23])\n\tby newmx43.qq.com (NewMX) with SMTP id 512884301;\n\t"
        + rfc_date(sent + dt.timedelta(seconds=4)),
        "Return-Path: <bounce-23-43347867=qq.com@edm.zwgk-xuetang.com>",
        "Date: " + rfc_date(sent),
        "From: " + addr("政务公开学堂", "news@edm.zwgk-xuetang.com", "utf-8"),
        "To: 43347867@qq.com",
        "Subject: " + ew("【政务公开学堂】第23期：如何写好“政务公开主题日”活动方案和情况报告？", "utf-8"),
        "Message-ID: <edm.23.%s@edm.zwgk-xuetang.com>" % h("033", n=20),
        "List-Unsubscribe: <https://edm.zwgk-xuetang.com/unsubscribe?u=43347867>, <mailto:unsubscribe@edm.zwgk-xuetang.com?subject=unsubscribe>",
        "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
        "Precedence: bulk",
        "X-Mailer: EDM Sender 3.2",
        "MIME-Version: 1.0",
    ]
    return finish(hdr, part), T("other", None, None, group="look-alike", automated=True)


# ---------------------------------------------------------------- group: automated


@mail("034-ooo-qq-holiday-autoreply")
def _():
    orig_sent = t("2023-10-07 09:00:03")
    sent = t("2023-10-07 09:00:07")
    orig_subject = "【洞口县政务公开办】10月份主题日活动提醒：第25项“12345”政务服务便民热线“开放日”活动"
    text = ("这是来自QQ邮箱的假期自动回复邮件。\n \n"
            "您好，我正在休假中（10月1日至10月8日），无法亲自回复您的邮件。我将在假期结束后，尽快给您回复。")
    bid = bot_id("034", orig_sent)
    raw = client_qq(key="034", frm="1184530277@qq.com", display="审批局 彭", subject="自动回复：" + orig_subject,
                    sent=sent, text=text, in_reply_to=bid, references=[bid], to_display="洞口县政务公开政务服务领导小组办公室")
    return raw, T("other", None, None, group="automated", automated=True)


@mail("035-ooo-outlook-english")
def _():
    orig_sent = t("2023-08-07 09:00:02")
    sent = t("2023-08-07 09:00:09")
    orig_subject = "【洞口县政务公开办】提醒：第22项活动方案请于8月10日前报送"
    text = ("Thank you for your email. I am out of the office from 7 August to 9 August 2023 with limited access "
            "to email, and will reply when I return. For urgent matters please call the office at 0739-7826619.\n\n"
            "Best regards,\nXiao Li\n")
    bid = bot_id("035", orig_sent)
    raw = client_outlook(key="035", frm="xiaoli_dkyb@163.com", display="Xiao Li", subject="Automatic reply: " + orig_subject,
                         sent=sent, text=text, in_reply_to=bid, references=[bid],
                         html=outlook_html(text, "gb2312", font="Calibri"))
    return raw, T("other", None, None, group="automated", automated=True)


@mail("036-ooo-163-autoreply-cn")
def _():
    orig_sent = t("2023-08-31 09:00:02")
    sent = t("2023-08-31 09:00:06")
    orig_subject = "【洞口县政务公开办】提醒：第24项“国家网络安全宣传周”活动方案请于9月5日前报送"
    text = ("您好！您的来信已收到。本人8月28日至9月3日在长沙参加全省公安宣传业务培训，期间不能及时处理邮件，"
            "急事请致电0739-7862110。谢谢！\n——此邮件为自动回复")
    raw = client_coremail(key="036", frm="dkgaj_xcb@163.com", display="洞口县公安局政治处",
                          subject="自动回复：" + orig_subject, sent=sent, text=text,
                          in_reply_to=bot_id("036", orig_sent))
    return raw, T("other", None, None, group="automated", automated=True)


@mail("037-bounce-qq-postmaster")
def _():
    sent = t("2023-05-30 09:00:05")
    orig_subject = "【洞口县政务公开办】提醒：第18项活动方案请于6月2日前报送"
    text = ("很抱歉您的邮件未能成功投递，以下为退信原因：\n\n"
            "收件人：nyjbgs_dk@qq.com\n"
            "退信原因：收件人地址不存在（550 Mailbox not found or access denied）\n\n"
            "邮件主题：" + orig_subject + "\n"
            "发送时间：2023年5月30日(星期二) 上午9:00\n\n"
            "此邮件为系统自动发出，请勿直接回复。")
    plain = leaf('text/plain; charset="gb18030"', text.encode("gb18030"), "base64")
    htmlp = leaf('text/html; charset="gb18030"', qq_html(text, "gb18030").encode("gb18030"), "base64")
    body = multipart("alternative", "----=_NextPart_%s" % h("037b", n=24).upper(), [plain, htmlp])
    hdr = [
        "Received: from localhost by newmx21.qq.com (NewMX) with SMTP id 0;\n\t" + rfc_date(sent),
        "Date: " + rfc_date(sent),
        "From: " + addr("PostMaster", "PostMaster@qq.com", "gb18030"),
        "To: " + OFFICE,
        "Subject: " + ew("退信：" + orig_subject, "gb18030"),
        "Message-ID: <bounce_%s@qq.com>" % h("037", n=24).upper(),
        "X-QQ-MIME: TCMime 1.0 by Tencent",
        "X-Mailer: QQMail 2.x",
        "MIME-Version: 1.0",
    ]
    return finish(hdr, body), T("other", None, None, group="automated", automated=True)


@mail("038-bounce-163-system")
def _():
    sent = t("2023-05-05 09:00:08")
    orig_subject = "【洞口县政务公开办】提醒：第4项活动情况报告请于5月8日前报送"
    text = ("很抱歉您的邮件没有发送成功。\n\n"
            "收件人：dkfgj_jgg@163.com\n"
            "原因：收件人邮箱空间已满 (552 Requested mail action aborted: exceeded mailbox quota)\n\n"
            "----- 原邮件信息 -----\n"
            "发件人：43347867@qq.com\n"
            "收件人：dkfgj_jgg@163.com\n"
            "主题：" + orig_subject + "\n"
            "时间：2023-05-05 09:00:03\n\n"
            "网易邮件中心")
    body = leaf("text/plain; charset=GBK", text.encode("gbk"), "base64")
    hdr = [
        received_qq_mx(sent, "m15.mail.163.com", "220.181.12.15", 2, "038"),
        "Date: " + rfc_date(sent, cst=True),
        "From: postmaster@163.com",
        "To: " + OFFICE,
        "Subject: " + ew("系统退信", "GBK"),
        "Message-ID: <%s.%s.Coremail.postmaster@163.com>" % (h("038a", n=8), h("038b", n=12)),
        "X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\n Copyright (c) 2002-2023 www.mailtech.cn 163com",
        "MIME-Version: 1.0",
    ]
    return finish(hdr, body), T("other", None, None, group="automated", automated=True)


@mail("039-bounce-outlook-ndr-rfc822")
def _():
    orig_sent = t("2023-07-17 09:00:03")
    sent = t("2023-07-17 09:00:12")
    orig_subject = "【洞口县政务公开办】提醒：第21项活动方案请于7月20日前报送"
    rcpt = "dkwlgtj@outlook.com"
    orig_text = ("洞口县文化旅游广电体育局：\n"
                 "根据《洞口县2023年“政务公开主题日”活动实施方案》，贵单位承办的第21项“文旅体融合发展座谈会”主题活动"
                 "计划于7月开展。按照要求，活动方案须在活动开展前5个工作日报送。如活动在7月27日举办，请于7月20日前将活动方案"
                 "发送至本邮箱。\n如已报送，请忽略本提醒。\n\n洞口县政务公开政务服务领导小组办公室\n2023年7月17日")
    orig = finish([
        "Date: " + rfc_date(orig_sent),
        "From: " + addr("洞口县政务公开政务服务领导小组办公室", OFFICE, "utf-8"),
        "To: " + rcpt,
        "Subject: " + ew(orig_subject, "utf-8"),
        "Message-ID: <%s>" % bot_id("039", orig_sent),
        "Auto-Submitted: auto-generated",
        "MIME-Version: 1.0",
    ], leaf("text/plain; charset=utf-8", orig_text.encode("utf-8"), "base64")).replace(b"\r\n", b"\n").decode("latin-1")
    ndr_text = ("无法将邮件传递到以下收件人或组:\n\n" + rcpt + "\n"
                "找不到你尝试联系的电子邮件地址。请检查收件人的电子邮件地址，然后尝试重新发送邮件。如果问题仍然存在，"
                "请联系你的电子邮件管理员。\n\n\n\n\n\n\n"
                "以下为邮件管理员提供的诊断信息:\n\n"
                "生成服务器: DM6NAM10HT052.mail.protection.outlook.com\n\n" + rcpt + "\n"
                "Remote Server returned '550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302).'\n\n"
                "原始邮件头:\n\n")
    ndr_html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>'
                '<p><b><font color="#000066" size="3" face="Arial">无法将邮件传递到以下收件人或组:</font></b></p>'
                '<p><a href="mailto:%s">%s</a><br></p><p><font size="2">找不到你尝试联系的电子邮件地址。请检查收件人的'
                '电子邮件地址，然后尝试重新发送邮件。如果问题仍然存在，请联系你的电子邮件管理员。</font></p>'
                '<p><font color="#808080" size="2">以下为邮件管理员提供的诊断信息:</font></p>'
                '<p><font color="#808080" size="2">生成服务器: DM6NAM10HT052.mail.protection.outlook.com</font></p>'
                '<p><font color="#808080" size="2">Remote Server returned \'550 5.5.0 Requested action not taken: '
                'mailbox unavailable (S2017062302).\'</font></p></body></html>' % (rcpt, rcpt))
    b0 = "%s_" % h("039a", n=30)
    alt = multipart("alternative", "_001_" + b0, [
        leaf("text/plain; charset=\"utf-8\"", ndr_text.encode("utf-8"), "base64"),
        leaf("text/html; charset=\"utf-8\"", ndr_html.encode("utf-8"), "base64"),
    ])
    dsn = ("Content-Type: message/delivery-status\n\n"
           "Reporting-MTA: dns;DM6NAM10HT052.mail.protection.outlook.com\n"
           "Received-From-MTA: dns;smtpbg%d.qq.com\n"
           "Arrival-Date: %s\n\n"
           "Final-Recipient: rfc822;%s\n"
           "Action: failed\n"
           "Status: 5.5.0\n"
           "Diagnostic-Code: smtp;550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302).\n"
           % (hnum("bg", "039", lo=100, hi=200), rfc_date(orig_sent + dt.timedelta(seconds=6)), rcpt))
    rfc822 = "Content-Type: message/rfc822\n\n" + orig
    report = multipart("report", "_000_" + b0, [alt, dsn, rfc822], extra_params=";\n\treport-type=delivery-status")
    hdr = [
        received_qq_mx(sent, "mail-dm6nam10olkn2012.outbound.protection.outlook.com", "40.92.41.12", 2, "039"),
        "Return-Path: <>",
        "From: " + addr("Microsoft Outlook", "postmaster@outlook.com", "utf-8", quote=False).replace('"', ""),
        "To: <%s>" % OFFICE,
        "Date: " + rfc_date(sent),
        "Subject: " + ew("无法传递: " + orig_subject, "utf-8"),
        "Message-ID: <%s@DM6NAM10HT052.namprd10.prod.outlook.com>" % h("039m", n=36),
        "In-Reply-To: <%s>" % bot_id("039", orig_sent),
        "References: <%s>" % bot_id("039", orig_sent),
        "MIME-Version: 1.0",
        "Content-Language: zh-CN",
        "X-MS-Exchange-Message-Is-Ndr:",
        "X-MS-PublicTrafficType: Email",
    ]
    return finish(hdr, report), T("other", None, None, group="automated", automated=True)


# ---------------------------------------------------------------- group: ordinary


@mail("040-shuili-plan-qq-gb18030")
def _():
    sent = t("2023-04-07 11:26:33")
    text = """县政务公开办：
现将我局“政务公开主题日”活动方案报上，请审阅。

洞口县水利局“强化依法治水，携手共护母亲河”主题活动方案
一、活动时间：2023年4月14日上午9:00
二、活动地点：县城平溪江风光带
三、活动形式：政策发布、有奖问答
四、活动内容：
1．发布《洞口县河道采砂管理办法》及河湖长制相关政策；
2．围绕《水法》《湖南省河道采砂管理条例》和节约用水知识开展有奖问答；
3．设置政策咨询台，解答群众关于水利工程建设、农村饮水安全等方面的问题。
五、参加人员：局班子成员、水政监察大队、县河长办工作人员，邀请县人大代表、政协委员及周边居民、学生参加。
六、宣传报道：邀请县融媒体中心现场采访报道。

联系人：李𬭚　电话：13787391524
洞口县水利局
2023年4月7日"""
    raw = client_qq(key="040", frm="2875513390@qq.com", display="平溪江",
                    subject="县水利局世界水日中国水周主题活动方案", sent=sent, text=text)
    return raw, T("plan", "县水利局", 1, "2023-04-14", group="ordinary")


@mail("041-sifa-plan-outlook-docx-rfc2231")
def _():
    sent = t("2023-04-12 15:51:20")
    doc = docx([
        "洞口县司法局“法治政府示范创建宣传”\n政务公开主题日活动方案",
        "为深入推进法治政府示范创建，提高群众对法治政府建设的知晓度和参与度，根据《洞口县2023年“政务公开主题日”活动"
        "实施方案》，制定本方案。",
        "一、活动时间",
        "2023年4月20日（星期四）上午8:30至11:30。",
        "二、活动地点",
        "县城步行街、县政务服务中心一楼大厅。",
        "三、活动内容",
        "（一）宣传法治政府建设实施纲要、法治政府示范创建指标体系；（二）以问卷调查形式了解群众对我县依法行政、行政执法、"
        "行政复议等工作的评价和建议，线上问卷同步在“洞口司法”公众号发布，4月17日至4月23日开放填写；（三）现场提供法律"
        "咨询和法律援助申请服务。",
        "四、工作要求",
        "各股室、城区司法所要按照分工做好宣传资料和调查问卷的准备，活动结束后及时汇总问卷结果，形成情况报告报县政务公开办。",
        ">>洞口县司法局",
        ">>2023年4月11日",
    ], author="唐志刚", created=t("2023-04-11 16:45:00"))
    text = "县政务公开办：\n　　我局主题日活动方案详见附件，请审阅。\n\n洞口县司法局法治督察股\n唐志刚\n"
    raw = client_outlook(key="041", frm="dksfj_zfgz@163.com", display="县司法局法治股",
                         subject="县司法局法治政府示范创建宣传问卷调查活动方案", sent=sent, text=text,
                         atts=[Att("洞口县司法局“法治政府示范创建宣传”问卷调查活动方案.docx", doc)], name_style="rfc2231")
    return raw, T("plan", "县司法局", 3, "2023-04-20", group="ordinary")


@mail("042-fagai-plan-163-wps-docx")
def _():
    sent = t("2023-04-18 16:37:08")
    doc = docx([
        "洞口县乡镇自来水水价调整听证会暨\n“政务公开主题日”活动方案",
        "为规范乡镇供水价格管理，保障群众知情权、参与权和监督权，我局定于2023年4月27日上午9时在县发改局五楼会议室召开"
        "乡镇自来水水价调整听证会，同步开展“政务公开主题日”活动。",
        "一、活动内容：（一）实地调研。听证会前组织听证参加人实地查看山门镇、黄桥镇水厂生产运行情况；（二）座谈交流。召开"
        "听证会，由供水企业陈述调价方案，听证参加人发表意见；（三）问卷调查。面向乡镇供水用户开展水价承受能力问卷调查。",
        "二、听证参加人：消费者代表9名、经营者代表2名、人大代表、政协委员、专家学者及相关部门代表共21名，已于4月14日"
        "通过公开报名和推荐相结合方式产生。",
        "三、旁听和报道：听证会公开举行，接受群众旁听和新闻媒体报道，听证结果将在县人民政府门户网站公开。",
        ">>洞口县发展和改革局",
        ">>2023年4月17日",
    ], author="jgg", created=t("2023-04-17 11:05:00"), app="WPS Office_11.1.0.14309")
    raw = client_coremail(key="042", frm="dkfgj_jgg@163.com", display="发改局价格股",
                          subject="县发改局乡镇自来水水价调整听证活动方案", sent=sent,
                          text="政务公开办：\n附件为我局第4项主题日活动方案，请查收。",
                          atts=[Att("乡镇自来水水价调整听证活动方案.docx", doc)])
    return raw, T("plan", "县发改局", 4, "2023-04-27", group="ordinary")


@mail("043-fagai-report-foxmail-photos")
def _():
    sent = t("2023-05-05 16:12:44")
    text = """县政务公开办：
4月27日上午，我局召开乡镇自来水水价调整听证会。21名听证参加人全部到会，县人大代表、政协委员及群众代表12人现场旁听，县融媒体中心进行了报道。听证会前，听证参加人实地查看了山门镇、黄桥镇水厂运行情况；会上，供水企业陈述了调价方案及成本监审情况，参加人围绕调价幅度、阶梯水价、低保户减免等充分发表意见，多数参加人同意调价方案并建议适当降低调价幅度。听证期间开展的问卷调查共回收有效问卷352份。
我局将根据听证意见对调价方案进行修改完善后报县人民政府审定，听证会纪要将在县政府门户网站公开。
附件为活动照片3张。

洞口县发展和改革局价格股
2023年5月5日"""
    raw = client_foxmail(key="043", frm="dkfgj_jgg@163.com", display="发改局价格股", cte="base64",
                         subject="乡镇水价调整听证会活动开展情况及照片", sent=sent, text=text,
                         atts=photos("IMG_", t("2023-04-27 09:10:00"), 3, "乡镇自来水水价调整听证会"))
    return raw, T("report", "县发改局", 4, "2023-04-27", group="ordinary")


@mail("044-minzheng-report-qq-docx")
def _():
    sent = t("2023-04-28 10:05:30")
    doc = docx([
        "洞口县民政局第三届“公众开放日”活动情况报告",
        "4月26日上午，我局举办第三届“公众开放日”暨政务公开主题日活动。县人大代表、政协委员，社区居民代表、服务对象家属"
        "代表和县融媒体中心记者共32人参加。",
        "参加人员首先来到县社会福利中心，实地参观了特困人员集中供养区、康复护理室和老年食堂；随后在县婚姻登记处观摩了结婚"
        "登记颁证仪式和婚姻登记“跨省通办”流程，并现场体验了“湘易办”民政服务事项自助办理。",
        "座谈会上，我局通报了2023年社会救助、养老服务、婚姻登记等重点工作情况，参会代表就提高特困人员照料护理水平、推进"
        "居家养老服务等提出意见建议7条，我局已逐条建立台账，明确办理时限，办理结果将及时向社会公开。",
        ">>洞口县民政局",
        ">>2023年4月27日",
    ], author="曾丽华", created=t("2023-04-27 17:30:00"))
    raw = client_qq(key="044", frm="2738164420@qq.com", display="民政局 曾丽华",
                    subject="县民政局第三届公众开放日活动情况报告", sent=sent,
                    text="尹主任：我局公众开放日活动情况报告及照片已附上，请查收。",
                    atts=[Att("第三届公众开放日活动情况报告.docx", doc)]
                    + photos("IMG_", t("2023-04-26 09:15:00"), 1, "第三届公众开放日"))
    return raw, T("report", "县民政局", 7, "2023-04-26", group="ordinary")


@mail("045-shenpi-plan-html-only")
def _():
    sent = t("2023-05-15 09:18:26")
    text = """县政务公开办：
我局“政务公开答疑解惑、打好服务牌”主题活动方案如下：
一、活动时间：5月24日（星期三）上午9:00-11:30
二、活动地点：县政务服务中心
三、活动形式：现场观摩
四、活动安排：
9:00-9:40 观摩“一件事一次办”综合窗口、“湘易办”自助服务区、“办不成事”反映窗口；
9:40-10:10 企业开办“一网通办”全流程演示；
10:10-11:30 座谈答疑，收集意见建议。
五、邀请对象：县人大代表、政协委员，企业和群众代表约20人。

洞口县行政审批服务局
2023年5月15日"""
    raw = client_coremail(key="045", frm="dkxzspj@163.com", display="县行政审批服务局", html_only=True,
                          subject="县行政审批服务局“政务公开答疑解惑、打好服务牌”主题活动方案", sent=sent, text=text)
    return raw, T("plan", "县行政审批服务局", 12, "2023-05-24", group="ordinary")


@mail("046-shengtai-plan-iphone-docx")
def _():
    sent = t("2023-05-26 21:40:12")
    doc = docx([
        "邵阳市生态环境局洞口分局2023年六五环境日\n主题活动方案",
        "今年6月5日是世界环境日，中国主题为“建设人与自然和谐共生的现代化”。为做好六五环境日宣传和政务公开主题日工作，"
        "特制定本方案。",
        "一、时间地点：2023年6月5日（星期一）上午8:30，县城雪峰广场。",
        "二、活动形式：政策发布。",
        "三、主要内容：1.发布《2022年洞口县生态环境状况公报》；2.公开群众信访反映环境问题办理情况；3.宣传《中华人民共和国"
        "噪声污染防治法》等法律法规；4.现场开展饮用水简易检测和环保咨询。",
        "四、人员安排：分局班子成员、执法大队、监测站及各股室工作人员，邀请县人大代表、政协委员和环保志愿者参加。",
        ">>邵阳市生态环境局洞口分局",
        ">>2023年5月25日",
    ], author="dksthjfj", created=t("2023-05-25 10:00:00"))
    raw = client_iphone(key="046", frm="dksthjfj@163.com", display="洞口分局 办公室", subject="六五环境日活动方案",
                        sent=sent, text="县政务公开办：我分局六五环境日主题活动方案见附件，请审核。\n\n发自我的iPhone",
                        atts=[Att("六五环境日活动方案.docx", doc)])
    return raw, T("plan", "邵阳市生态环境局洞口分局", 14, "2023-06-05", group="ordinary")


@mail("047-ziranziyuan-plan-foxmail-gbk")
def _():
    sent = t("2023-06-13 10:02:19")
    text = """县政务公开办：
我局“6·25”全国土地日政务公开主题日活动方案如下：
一、活动主题：节约集约用地 严守耕地红线
二、活动时间：2023年6月25日（星期日）上午8:30
三、活动地点：县城雪峰广场
四、活动形式：政策发布
五、活动内容：发布《洞口县2023年度耕地保护目标责任考核办法》、农村村民住宅建设用地审批政策；开展耕地保护、不动产登记政策咨询。
六、参加人员：局班子成员及相关股室、各乡镇自然资源所人员，邀请县人大代表、政协委员和县融媒体中心记者参加。
注：6月25日为端午节调休上班日，活动按期举行。

洞口县自然资源局
2023年6月13日"""
    raw = client_foxmail(key="047", frm="dkzrzyj_bgs@163.com", display="自然资源局办公室", charset="GBK",
                         subject="县自然资源局6·25全国土地日宣传活动方案", sent=sent, text=text)
    return raw, T("plan", "县自然资源局", 16, "2023-06-25", group="ordinary")


@mail("048-renshe-plan-outlook-docx")
def _():
    sent = t("2023-06-07 15:44:51")
    doc = docx([
        "洞口县人力资源和社会保障局“惠民政策宣传日”活动方案",
        "为进一步扩大人社惠民政策知晓面，根据全县政务公开主题日活动安排，我局定于6月16日（星期五）上午在县人社服务大厅及"
        "门前广场开展“惠民政策宣传日”活动。",
        "一、座谈交流。邀请企业人力资源负责人、返乡创业人员、灵活就业人员代表约20人召开座谈会，解读稳岗返还、一次性扩岗"
        "补助、创业担保贷款、城乡居民养老保险等政策。",
        "二、现场宣传。设立就业创业、社会保险、劳动维权、人事人才4个咨询台，发放政策明白卡，现场办理社保卡激活、养老待遇"
        "资格认证等业务。",
        "三、问卷调查。6月12日至6月21日通过线上线下方式开展惠民政策知晓度问卷调查，计划回收问卷400份以上。",
        ">>洞口县人力资源和社会保障局",
        ">>2023年6月6日",
    ], author="周", created=t("2023-06-06 16:12:00"))
    raw = client_outlook(key="048", frm="dkrsj_zcfg@163.com", display="县人社局政策法规股",
                         subject="惠民政策宣传日活动方案（县人社局）", sent=sent,
                         text="县政务公开办：\n我局活动方案已附，请审核。\n\n县人社局政策法规股 周\n0739-7822375\n",
                         atts=[Att("县人社局“惠民政策宣传日”活动方案.docx", doc)], name_style="rfc2231-utf8")
    return raw, T("plan", "县人社局", 17, "2023-06-16", group="ordinary")


@mail("049-nongye-plan-qq")
def _():
    sent = t("2023-05-31 09:36:07")
    text = """县政务公开办：
现报送我局第18项主题日活动方案。
一、时间：6月9日（星期五）上午8:30—11:30
二、地点：县城农资市场
三、形式：现场宣传
四、内容：（一）设立咨询台，展示真假农资识别展板，农技专家现场讲解种子、农药、化肥识别知识；（二）公布农资打假举报电话和投诉渠道；（三）联合县市场监管局、县公安局对农资经营门店开展执法检查并公开检查结果。
五、参加人员：局分管领导，农业综合行政执法大队、种子管理站、植保站相关人员。

洞口县农业农村局
2023年5月31日"""
    raw = client_qq(key="049", frm="996173420@qq.com", display="农业农村局 办公室",
                    subject="县农业农村局打击假冒农药化肥种子现场宣传活动方案", sent=sent, text=text)
    return raw, T("plan", "县农业农村局", 18, "2023-06-09", group="ordinary")


@mail("050-yingji-report-163-docx-photos")
def _():
    sent = t("2023-06-20 08:55:03")
    doc = docx([
        "洞口县应急管理局安全生产月现场观摩活动情况报告",
        "6月16日是全国“安全宣传咨询日”。当天上午，我局组织开展安全生产现场观摩暨政务公开主题日活动，县人大代表、政协委员"
        "各2名，重点行业企业负责人15名及县融媒体中心记者参加。",
        "观摩组先后来到洞口县雪峰建材有限公司和县城区加油站，实地观摩企业安全生产标准化建设、双重预防机制运行和危化品经营"
        "单位应急演练。在观摩现场，我局发布了《洞口县安全生产举报奖励实施办法》，公开了举报电话和奖励标准。",
        "活动中，观摩人员对企业安全管理提出意见建议6条，我局已督促相关企业限期落实。",
        ">>洞口县应急管理局",
        ">>2023年6月19日",
    ], author="安全股", created=t("2023-06-19 15:00:00"))
    raw = client_coremail(key="050", frm="yjj_dk2019@163.com", display="县应急管理局",
                          subject="安全生产月现场观摩活动情况", sent=sent,
                          text="县政务公开办：\n6月16日我局安全生产月现场观摩活动的情况报告及照片附后，请查阅。",
                          atts=[Att("安全生产月现场观摩活动情况报告.docx", doc)]
                          + photos("IMG_", t("2023-06-16 09:20:00"), 2, "安全生产月 现场观摩"))
    return raw, T("report", "县应急局", 19, "2023-06-16", group="ordinary")


@mail("051-shuiwu-plan-outlook-inline")
def _():
    sent = t("2023-07-04 11:08:45")
    text = """县政务公开办：
我局第20项“政务公开主题日”活动方案如下：
一、活动名称：“税务事项一网通办情况”座谈交流会
二、时间：7月13日（星期四）下午2:30
三、地点：县政务服务中心税务分厅三楼会议室
四、参加人员：县人大代表、政协委员，企业财务负责人、个体工商户代表，涉税专业服务机构人员，共约25人
五、议程：1.通报电子税务局、“湘易办”税费事项办理情况；2.演示新办纳税人“套餐式”服务等线上办理流程；3.座谈交流，开展问卷调查。

国家税务总局洞口县税务局纳税服务股
王静 0739-7812306
"""
    raw = client_outlook(key="051", frm="dkswj_nsfw@163.com", display="洞口县税务局纳税服务股",
                         subject="税务事项一网通办情况座谈交流活动方案", sent=sent, text=text)
    return raw, T("plan", "县税务局", 20, "2023-07-13", group="ordinary")


@mail("052-wenlv-plan-iphone")
def _():
    sent = t("2023-07-18 18:22:05")
    text = """县政务公开办：
我局“文旅体融合发展座谈会”主题活动方案如下，请审阅。
1、时间：7月27日上午9点
2、地点：县文化馆四楼多功能厅
3、参会人员：县政协分管领导，县发改局、县自然资源局、县农业农村局等单位负责人，部分乡镇分管同志，文旅企业、民宿经营户、体育协会代表
4、议程：通报上半年全县文旅体产业发展情况；就《洞口县促进文旅体融合发展的若干措施（征求意见稿）》征求意见；座谈交流
洞口县文化旅游广电体育局
7月18日

发自我的iPhone"""
    raw = client_iphone(key="052", frm="wlgtj_dk@163.com", display="文旅广体局 李", subject="文旅体融合发展座谈会活动方案",
                        sent=sent, text=text)
    return raw, T("plan", "县文旅广体局", 21, "2023-07-27", group="ordinary")


@mail("053-yibao-plan-foxmail-qq")
def _():
    sent = t("2023-08-08 10:37:29")
    text = """尹主任：
您好！按您上次的答复，方案发Word版即可，现将我局活动方案报送如下：
洞口县医疗保障局“政务公开主题日”现场观摩活动方案
一、活动时间：2023年8月17日（星期四）上午8:30
二、观摩地点：县人民医院、县中医医院
三、观摩内容：职工医保普通门诊费用跨省直接结算办理流程，医保电子凭证就诊结算，异地就医备案线上办理
四、座谈交流：观摩结束后在县人民医院会议室召开座谈会，听取意见建议
五、邀请对象：县人大代表、政协委员，参保职工代表，县融媒体中心记者
洞口县医疗保障局
2023年8月8日"""
    raw = client_foxmail(key="053", frm="2450613328@qq.com", display="县医保局 肖", smtp="qq",
                         subject="县医保局主题日活动方案（职工医保门诊异地结算现场观摩）", sent=sent, text=text)
    return raw, T("plan", "县医保局", 22, "2023-08-17", group="ordinary")


@mail("054-weijian-report-qq-utf8")
def _():
    sent = t("2023-09-14 16:20:40")
    text = """县政务公开办：
报送我局9月12日主题活动新闻稿一篇，照片2张。

守护生命起点 预防出生缺陷
——洞口县开展“预防出生缺陷日”主题宣传活动
9月12日是第19个“中国预防出生缺陷日”。当天上午，县卫生健康局在县妇幼保健计划生育服务中心开展主题宣传暨政务公开主题日活动，现场发布了我县免费婚前医学检查、孕前优生健康检查和新生儿疾病筛查等惠民政策。
活动现场，妇产科、儿科、遗传咨询专家为群众提供义诊咨询，工作人员为32对夫妇办理了免费孕前优生检查预约，共发放宣传资料1500余份，接受咨询260余人次。
县卫健局相关负责人表示，将持续做好出生缺陷三级预防工作，让惠民政策家喻户晓。"""
    raw = client_qq(key="054", frm="dkwjjfyk@qq.com", display="县卫健局妇幼股", charset="utf-8",
                    subject="县卫健局预防出生缺陷日主题活动报道", sent=sent, text=text,
                    atts=photos("IMG_", t("2023-09-12 09:00:00"), 2, "预防出生缺陷日"))
    return raw, T("report", "县卫健局", 23, "2023-09-12", group="ordinary")


@mail("055-gongan-wangan-report-outlook")
def _():
    sent = t("2023-09-15 09:25:37")
    text = """县政务公开办：
9月12日上午，我局网安大队会同反诈中心、城区派出所在县第一中学门口和县城步行街开展国家网络安全宣传周现场宣传活动，共发放宣传资料4000余份，现场指导群众下载注册“国家反诈中心”APP 1300余人，公开了网络违法犯罪举报渠道。同步开展的网络安全知识问卷调查共回收有效问卷612份，调查显示群众对常见电信网络诈骗手法的知晓率为87.4%，调查结果已在县人民政府门户网站公开。
活动照片2张见附件。

洞口县公安局网安大队
2023年9月14日
"""
    raw = client_outlook(key="055", frm="dkgaj_wab@163.com", display="县公安局网安大队",
                         subject="县公安局国家网络安全宣传周活动情况", sent=sent, text=text,
                         atts=photos("IMG_", t("2023-09-12 08:50:00"), 2, "国家网络安全宣传周"))
    return raw, T("report", "县公安局", 24, "2023-09-12", group="ordinary")


@mail("056-shenpi-reply-plan-subject-carries-report")
def _():
    sent = t("2023-10-19 15:03:52")
    prev = foxmail_msgid(t("2023-10-09 09:15:06"), "056-prev", "163.com")
    text = """政务公开办：
10月17日上午，我局“12345”政务服务便民热线“开放日”活动已顺利举办。市民代表、人大代表、政协委员等21人走进县12345热线中心，现场观摩了热线受理、派单、回访全流程，6名市民代表体验了“接线员”岗位。我局通报了今年1—9月热线工单办理情况：共受理群众诉求2.3万件，按时办结率99.2%，满意率96.5%。代表们提出的增加夜间人工坐席、加强部门协同等4条建议，已纳入热线中心整改清单。
照片另发。


发件人： dkxzspj
发送时间： 2023-10-09 09:15
收件人： 43347867
主题： 县行政审批服务局“12345”热线开放日活动方案
县政务公开办：
我局定于10月17日（星期二）上午9:00在县12345政务服务便民热线中心开展“开放日”活动，邀请市民代表、人大代表、政协委员约20人现场观摩热线受理、派单、回访全流程，体验“接线员”岗位，通报热线工单办理情况并听取意见建议。
洞口县行政审批服务局"""
    raw = client_foxmail(key="056", frm="dkxzspj@163.com", display="县行政审批服务局",
                         subject="Re: 县行政审批服务局“12345”热线开放日活动方案", sent=sent, text=text,
                         in_reply_to=prev, references=[prev])
    return raw, T("report", "县行政审批服务局", 25, "2023-10-17", group="ordinary")


@mail("057-gaosha-plan-qq-utf8")
def _():
    sent = t("2023-05-11 17:31:26")
    text = """县政务公开办：
按照县里安排，我镇承办5月份《信访工作条例》宣传主题活动，方案如下：
一、时间：2023年5月19日（星期五）上午
二、地点：高沙镇政府三楼会议室、高沙集镇农贸市场
三、形式：座谈交流、政策发布
四、内容：上午8:30召开信访工作座谈会，邀请县人大代表和村（居）民代表参加，通报全镇信访工作情况，解读《信访工作条例》；10:00起在集镇农贸市场设点，发放宣传资料，现场接待群众来访咨询。
五、参加人员：镇党委副书记、政法委员，镇信访办、司法所、派出所，各村（社区）信访信息员。

高沙镇人民政府
2023年5月11日"""
    raw = client_qq(key="057", frm="3106652987@qq.com", display="高沙镇党政办", charset="utf-8",
                    subject="高沙镇信访工作条例宣传活动方案", sent=sent, text=text)
    return raw, T("plan", "高沙镇人民政府", 11, "2023-05-19", group="ordinary")


# ---------------------------------------------------------------- checks and output


SCHEDULE_UNITS = {
    1: "县水利局", 2: "县市监局", 3: "县司法局", 4: "县发改局", 5: "县财政局", 6: "县市监局", 7: "县民政局",
    8: "县退役军人事务局", 9: "县公安局", 10: "县住建局(自来水公司)", 11: "高沙镇人民政府", 12: "县行政审批服务局",
    13: "县公安局", 14: "邵阳市生态环境局洞口分局", 15: "县退役军人事务局", 16: "县自然资源局", 17: "县人社局",
    18: "县农业农村局", 19: "县应急局", 20: "县税务局", 21: "县文旅广体局", 22: "县医保局", 23: "县卫健局",
    24: "县公安局", 25: "县行政审批服务局",
}
PLANNED_MONTH = {1: 4, 2: 4, 3: 4, 4: 4, 5: 4, 6: 4, 7: 4, 8: 4, 9: 5, 10: 5, 11: 5, 12: 5, 13: 6, 14: 6, 15: 6,
                 16: 6, 17: 6, 18: 6, 19: 6, 20: 7, 21: 7, 22: 8, 23: 9, 24: 9, 25: 10}


def check(name, raw, truth):
    import email
    from email import policy

    msg = email.message_from_bytes(raw, policy=policy.default)
    assert msg["Date"] and msg["Subject"] is not None, name
    sent = email.utils.parsedate_to_datetime(msg["Date"])
    # every part decodes
    for part in msg.walk():
        if not part.is_multipart() and part.get_content_type() != "message/delivery-status":
            part.get_payload(decode=True)
    subs = truth.get("submissions") or ([{"kind": truth["kind"], "activity": truth["activity"],
                                         "activity_date": truth["activity_date"],
                                         "activity_end": truth["activity_end"]}] if truth["kind"] != "other" else [])
    for s in subs:
        if s["activity"] is not None:
            assert SCHEDULE_UNITS[s["activity"]] == truth["unit"], (name, s)
            assert int(s["activity_date"][5:7]) == PLANNED_MONTH[s["activity"]], (name, s)
        if s["activity_date"]:
            d = dt.date.fromisoformat(s["activity_date"])
            e = dt.date.fromisoformat(s["activity_end"])
            assert d <= e
            if s["kind"] == "plan":
                assert sent.date() < d, (name, "plan after the event")
            else:
                assert sent.date() > e, (name, "report before the event")
    if truth["kind"] == "other":
        assert truth["activity"] is None and truth["activity_date"] is None


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".eml") or f.endswith(".json"):
            os.remove(os.path.join(OUT, f))
    groups = {}
    for name, fn in MAILS:
        raw, truth = fn()
        check(name, raw, truth)
        with open(os.path.join(OUT, name + ".eml"), "wb") as f:
            f.write(raw)
        with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
            f.write(json.dumps(truth, ensure_ascii=False, indent=2) + "\n")
        groups[truth["group"]] = groups.get(truth["group"], 0) + 1
    print("%d mails written to %s" % (len(MAILS), os.path.normpath(OUT)))
    for g, n in groups.items():
        print("  %-16s %d" % (g, n))


if __name__ == "__main__":
    main()
