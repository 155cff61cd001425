#!/usr/bin/env python3
"""Generate the second blind holdout set: fixtures/holdout2/kNN-*.eml + kNN-*.json.

Written from the county notice (洞政开〔2023〕1号) and DESIGN.md only, independently of the
classifier and of the other fixtures.  Python 3.11 stdlib only.  Output is deterministic.

Each case is raw RFC 5322 bytes (CRLF) built by hand so that charsets (UTF-8, GBK, GB18030,
GB2312, Big5), transfer encodings (base64, quoted-printable, 8bit), RFC 2047 header words,
RFC 2231 / quoted encoded-word attachment names and client quirks are exactly as intended.

Run:  python3 scripts/gen_holdout2.py          (writes, then verifies)
      python3 scripts/gen_holdout2.py --check  (verifies only)
"""
import base64
import binascii
import datetime
import email
import email.policy
import email.utils
import html
import io
import json
import re
import sys
import urllib.parse
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "holdout2"
OFFICE = "43347867@qq.com"
TZ = datetime.timezone(datetime.timedelta(hours=8))
CRLF = b"\r\n"
DOCX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KEYS = ["kind", "unit", "activity", "activity_date", "activity_end", "needs_review", "automated"]

# ----------------------------------------------------------------------------- helpers


def dt(y, mo, d, h, mi, s=0):
    return email.utils.format_datetime(datetime.datetime(y, mo, d, h, mi, s, tzinfo=TZ))


def ew(text, charset, mode="B", codec=None):
    """RFC 2047 encoded words (folded with CRLF SP), never splitting a character."""
    codec = codec or charset.lower()

    def one(s):
        b = s.encode(codec)
        if mode == "B":
            p = base64.b64encode(b).decode()
        else:
            p = "".join(
                chr(c) if (chr(c).isalnum() and c < 128) or chr(c) == "-" else ("_" if c == 32 else "=%02X" % c)
                for c in b
            )
        return f"=?{charset}?{mode}?{p}?="

    words, cur = [], ""
    for ch in text:
        if cur and len(one(cur + ch)) > 70:
            words.append(one(cur))
            cur = ch
        else:
            cur += ch
    if cur:
        words.append(one(cur))
    return "\r\n ".join(words)


def addr(name, address, charset="utf-8", mode="B", quote=False):
    w = ew(name, charset, mode)
    return f'"{w}" <{address}>' if quote else f"{w} <{address}>"


def enc_body(text, codec, cte):
    t = text.replace("\r\n", "\n")
    if not t.endswith("\n"):
        t += "\n"
    if cte == "base64":
        raw = t.replace("\n", "\r\n").encode(codec)
        return base64.encodebytes(raw).replace(b"\n", b"\r\n")
    if cte == "quoted-printable":
        return binascii.b2a_qp(t.encode(codec), istext=True).replace(b"\n", b"\r\n")
    if cte in ("8bit", "7bit"):
        return t.replace("\n", "\r\n").encode(codec)
    raise ValueError(cte)


def b64(data):
    return base64.encodebytes(data).replace(b"\n", b"\r\n")


def leaf(headers, body):
    return (list(headers), body)


def text(sub, body, charset, cte, codec=None, quoted=False, extra=()):
    codec = codec or charset.lower()
    cs = f'"{charset}"' if quoted else charset
    return leaf([f"Content-Type: text/{sub}; charset={cs}", *extra, f"Content-Transfer-Encoding: {cte}"],
                enc_body(body, codec, cte))


def multi(sub, parts, boundary, params="", preamble=None):
    body = b""
    if preamble:
        body += preamble.encode() + CRLF + CRLF
    for hs, pb in parts:
        body += b"--" + boundary.encode() + CRLF + "\r\n".join(hs).encode() + CRLF + CRLF + pb
        if not pb.endswith(CRLF):
            body += CRLF
    body += b"--" + boundary.encode() + b"--" + CRLF
    return leaf([f'Content-Type: multipart/{sub};{params}\r\n\tboundary="{boundary}"'], body)


def rfc2231(name, codec="utf-8", charset="utf-8", cont=False, key="filename"):
    pct = urllib.parse.quote(name.encode(codec), safe="")
    if not cont:
        return f"{key}*={charset}''{pct}"
    chunks, cur = [], ""
    for tok in re.findall(r"%[0-9A-F]{2}|.", pct):
        if len(cur) + len(tok) > 54:
            chunks.append(cur)
            cur = ""
        cur += tok
    chunks.append(cur)
    segs = []
    for i, c in enumerate(chunks):
        segs.append(f"{key}*{i}*={charset}''{c}" if i == 0 else f"{key}*{i}*={c}")
    return ";\r\n\t".join(segs)


def attachment(data, ctype, name, style, charset="utf-8", extra_ct=""):
    """style: 'ew' = name="=?cs?B?..?=" (QQ/Foxmail/Outlook); 'ew-gb18030' same, gb18030;
    '2231' = RFC 2231 single; '2231c' = RFC 2231 continuations (Apple)."""
    if style == "ew":
        w = ew(name, charset, "B").replace("\r\n ", "")  # one long word inside quotes, as QQ does
        ct = f'Content-Type: {ctype};{extra_ct}\r\n\tname="{w}"'
        cd = f'Content-Disposition: attachment;\r\n\tfilename="{w}"'
    elif style in ("2231", "2231c"):
        cont = style == "2231c"
        ct = f"Content-Type: {ctype};{extra_ct}\r\n\t" + rfc2231(name, charset.lower(), charset, cont, "name")
        cd = "Content-Disposition: attachment;\r\n\t" + rfc2231(name, charset.lower(), charset, cont, "filename")
    else:
        raise ValueError(style)
    return leaf([ct, "Content-Transfer-Encoding: base64", cd], b64(data))


def message(headers, part):
    hs = list(headers) + part[0]
    return "\r\n".join(hs).encode("ascii") + CRLF + CRLF + part[1]


def docx(paragraphs):
    """Minimal valid .docx; runs split at digit boundaries the way Word splits lang runs."""
    def esc(s):
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    ps = []
    for p in paragraphs:
        runs = [r for r in re.split(r"(\d+)", p) if r]
        rx = "".join(
            (f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:lang w:val="en-US"/>'
             f'</w:rPr><w:t>{esc(r)}</w:t></w:r>' if r.isdigit() else
             f'<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{esc(r)}</w:t></w:r>')
            for r in runs)
        ps.append(f"<w:p><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/></w:pPr>{rx}</w:p>")
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           "<w:body>" + "".join(ps) +
           '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    files = [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
         'wordprocessingml.document.main+xml"/></Types>'),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
         'officeDocument" Target="word/document.xml"/></Relationships>'),
        ("word/document.xml", doc),
    ]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, content in files:
            zi = zipfile.ZipInfo(name, date_time=(2023, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, content.encode("utf-8"))
    return buf.getvalue()


def fake_jpg(seed):
    core = bytes((seed * 37 + i * 11) % 256 for i in range(180))
    return bytes.fromhex("ffd8ffe000104a46494600010100000100010000") + core + bytes.fromhex("ffd9")


def qq_html(body):
    lines = body.replace("\r\n", "\n").rstrip("\n").split("\n")
    out = []
    for ln in lines:
        ln = html.escape(ln, quote=False).replace("　", "&nbsp;&nbsp;&nbsp;&nbsp;")
        out.append(f"<div>{ln or '<br>'}</div>")
    return "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">" + "\n".join(out) + "\n"


def foxmail_html(body, charset):
    lines = body.replace("\r\n", "\n").rstrip("\n").split("\n")
    inner = "\n".join(f"<div>{html.escape(l, quote=False) or '<br>'}</div>" for l in lines)
    return (f'<html><head><meta http-equiv="content-type" content="text/html; charset={charset}">'
            "<style>body { line-height: 1.5; }body { font-size: 14px; font-family: 'Microsoft YaHei UI'; "
            "color: rgb(0, 0, 0); line-height: 1.5; }</style></head><body>\n" + inner + "\n</body></html>\n")


def rcv(frm_host, ip, by, date, sid):
    if "$" in frm_host:  # Coremail webmail: "from user$163.com ( [ip] ) by ajax-webmail-..."
        return f"Received: from {frm_host}\r\n\tby {by} (HTTP) with SMTP id {sid};\r\n\t{date}"
    return f"Received: from {frm_host} (unknown [{ip}])\r\n\tby {by} with SMTP id {sid};\r\n\t{date}"


COREMAIL_163 = ("X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\r\n"
                " Copyright (c) 2002-2023 www.mailtech.cn 163com")
COREMAIL_126 = ("X-Mailer: Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\r\n"
                " Copyright (c) 2002-2023 www.mailtech.cn 126com")


def label(kind, unit=None, activity=None, start=None, end=None, review=False, automated=False):
    if start and not end:
        end = start
    return {"kind": kind, "unit": unit, "activity": activity, "activity_date": start,
            "activity_end": end, "needs_review": review, "automated": automated}


CASES = []


def case(name, what):
    def deco(fn):
        CASES.append((name, what, fn))
        return fn
    return deco

# ----------------------------------------------------------------------------- cases


@case("k01-shuili-fullwidth", "QQ Mail, subject only '方案', UTF-8 base64 alt parts, full-width date ４月２６日 ９：００")
def k01():
    date = dt(2023, 4, 17, 16, 42, 10)
    body = ("尹主任您好：\n"
            "　　按照县政务公开办关于开展2023年“政务公开主题日”活动的通知要求，我局拟于４月２６日（星期三）"
            "上午９：００在平溪江风光带开展“依法治水·共护母亲河”世界水日、中国水周主题宣传活动，"
            "现场发布《洞口县河道采砂管理办法》政策解读，并举办水法规有奖问答。\n"
            "　　活动方案如下：\n"
            "　　一、时间：４月２６日上午９：００—１１：３０\n"
            "　　二、地点：平溪江风光带（县城段）\n"
            "　　三、形式：政策发布、有奖问答、发放宣传资料\n"
            "　　四、参加人员：局班子成员、水政执法大队、河长办，邀请部分人大代表和市民参加\n"
            "　　联系人：刘敏，电话：１５１７３９２６８０４\n"
            "洞口县水利局办公室\n"
            "２０２３年４月１７日\n")
    alt = multi("alternative", [text("plain", body, "utf-8", "base64", quoted=True),
                                text("html", qq_html(body), "utf-8", "base64", quoted=True)],
                "----=_NextPart_643D0A52_0B1C2E40_4F6A1D21", params="")
    hs = [rcv("qq.com", "127.0.0.1", "smtp.qq.com (ESMTP)", date, "0"),
          "X-QQ-mid: xmsmtpt1681721330t0x4q9w2k",
          "From: " + addr("水利局刘敏", "1378245519@qq.com", quote=True),
          "To: " + addr("政务公开办", OFFICE, quote=True),
          "Subject: " + ew("方案", "utf-8"),
          "Mime-Version: 1.0",
          f"Date: {date}",
          "X-Priority: 3",
          "X-Mailer: QQMail 2.x",
          "Message-ID: <tencent_5E3F1A7C2B9D4E08A6F1C3B2D9E7A41C0F07@qq.com>"]
    return (message(hs, alt), label("plan", "县水利局", 1, "2023-04-26"),
            ["４月２６日", "９：００", "水利局", "依法治水", "母亲河"])


@case("k02-shijian-ipweek-range", "163 Coremail GBK QP, subject '报送', report of 4月20日—26日 range; mentions plan sent 4月12日; docx+jpg")
def k02():
    date = dt(2023, 4, 28, 10, 5, 33)
    body = ("县政务公开办：\n"
            "    我局已于4月12日报送“世界知识产权日”宣传周主题日活动方案，现将活动开展情况报送如下：\n"
            "    4月20日—26日知识产权宣传周期间，我局组织企业代表、群众代表30余人走进县商标品牌指导站和"
            "知识产权维权援助工作站现场观摩，了解商标注册便利化、专利快速预审和维权援助办理流程；"
            "4月26日世界知识产权日当天在城区设点发放宣传资料1200余份。\n"
            "    详细情况见附件，另附活动照片2张。\n"
            "\n"
            "洞口县市场监督管理局\n"
            "2023年4月28日\n")
    doc = docx(["洞口县市场监督管理局2023年知识产权宣传周暨政务公开主题日活动情况报告",
                "县政务公开办：",
                "2023年4月20日至26日，我局以“加强知识产权法治保障，有力支持全面创新”为主题，开展知识产权宣传周活动。",
                "一、组织现场观摩。4月20日，组织30余名企业和群众代表现场观摩商标品牌指导站、知识产权维权援助工作站。",
                "二、集中宣传。4月26日在城区设点发放宣传资料1200余份，接受咨询86人次。",
                "三、下一步打算。……",
                "洞口县市场监督管理局",
                "2023年4月28日"])
    alt = multi("alternative", [text("plain", body, "GBK", "quoted-printable", codec="gbk"),
                                text("html", foxmail_html(body, "GBK"), "GBK", "quoted-printable", codec="gbk")],
                "----=_Part_312045_1620393846.1682647533100")
    mixed = multi("mixed", [alt,
                            attachment(doc, DOCX_CT, "洞口县市场监督管理局知识产权宣传周活动情况报告.docx", "ew", "GBK"),
                            attachment(fake_jpg(1), "image/jpeg", "IMG_20230420_094512.jpg", "ew", "GBK"),
                            attachment(fake_jpg(2), "image/jpeg", "IMG_20230426_101733.jpg", "ew", "GBK")],
                  "----=_Part_312044_1094871265.1682647533100")
    hs = [rcv("dksjj_bgs$163.com ( [113.218.204.77] )", "113.218.204.77", "ajax-webmail-wmsvr-40-110 (Coremail)",
              date, "bsGowAC3g5Vtm0tkJzYCAA--"),
          "Date: " + date,
          "From: " + addr("洞口县市场监督管理局", "dksjj_bgs@163.com", "GBK"),
          "To: " + OFFICE,
          "Subject: " + ew("报送", "GBK"),
          COREMAIL_163,
          "X-NTES-SC: AL_QuySBfmfvEkq4SKcYekXn0oTju85XMCzuv4v3YJeN500qyfnxzYKf1pZM2fL",
          "MIME-Version: 1.0",
          "Message-ID: <2a4f1c7b.3d21.187c5e9b6a1.Coremail.dksjj_bgs@163.com>",
          "X-Coremail-Locale: zh_CN",
          "X-CM-TRANSID:bsGowAC3g5Vtm0tkJzYCAA--.41753W"]
    return (message(hs, mixed), label("report", "县市监局", 6, "2023-04-20", "2023-04-26"),
            ["4月20日—26日", "知识产权", "市场监督管理局", "4月12日", "情况报告"])


@case("k03-sifa-iphone-docx-only", "iPhone: body '见附件'+'发自我的iPhone', RFC 2231 continued filename '主题日材料0427.docx'; all facts in docx")
def k03():
    date = dt(2023, 4, 27, 18, 3, 41)
    doc = docx(["洞口县司法局关于“法治政府示范创建宣传”政务公开主题日活动开展情况的报告",
                "县政务公开办：",
                "2023年4月25日上午，我局在县城蔡锷广场开展“法治政府示范创建宣传”政务公开主题日活动，"
                "局班子成员、各司法所和县律师事务所、公证处共40余人参加。",
                "一、基本情况。现场设立法律咨询台5个，发放《法治政府建设实施纲要（2021—2025年）》解读资料800余份，"
                "开展法治政府建设群众满意度问卷调查，共回收有效问卷326份。",
                "二、问卷反映的主要问题。一是行政执法公示不够及时；二是部分乡镇政务公开栏更新慢。",
                "三、下一步工作。针对问卷反映问题逐条整改，年底前完成全县行政执法“三项制度”专项检查。",
                "洞口县司法局",
                "2023年4月27日"])
    b = "Apple-Mail-2C6B1F0E-4D7A-4F39-9E2B-7A1D3C5F9B10"
    mixed = multi("mixed", [
        text("plain", "见附件\n", "utf-8", "base64"),
        attachment(doc, DOCX_CT, "主题日材料0427.docx", "2231c", "utf-8", extra_ct=" x-unix-mode=0644;"),
        text("plain", "\n\n发自我的iPhone\n", "utf-8", "base64")], b)
    hs = ["Content-Transfer-Encoding: 7bit",
          "From: " + addr("欧阳晖", "13975983126@163.com"),
          "Mime-Version: 1.0 (1.0)",
          "Date: " + date,
          "Subject: " + ew("材料", "utf-8"),
          "Message-Id: <9B2E41F7-6C0D-4A8B-BF31-2E7C5D90A4C6@163.com>",
          "To: " + OFFICE,
          "X-Mailer: iPhone Mail (20E252)"]
    return (message(hs, mixed), label("report", "县司法局", 3, "2023-04-25"),
            ["见附件", "发自我的iPhone", "主题日材料0427.docx", "司法局", "2023年4月25日", "问卷"])


@case("k04-fagai-hearing-manydates", "Foxmail GB18030 base64; announcement 4月10日, sign-up deadline 4月20日, notice 4月6日, signing 4月13日, hearing 4月27日 9:30")
def k04():
    date = dt(2023, 4, 13, 9, 12, 55)
    body = ("县政务公开办：\n"
            "　　根据《洞口县2023年“政务公开主题日”活动实施方案》（洞政开〔2023〕1号，2023年4月6日印发）安排，"
            "我局承办4月份“乡镇自来水水价调整听证”主题日活动，现将有关安排报告如下：\n"
            "　　一、听证公告已于4月10日在县人民政府门户网站发布。\n"
            "　　二、听证会参加人报名截止时间为4月20日17:30。\n"
            "　　三、听证会定于2023年4月27日（星期四）上午9:30在县发改局四楼会议室召开，邀请人大代表、政协委员、"
            "消费者代表和县自来水公司等供水企业代表参加；当天会前组织参加人察看城区二水厂，会上开展问卷调查。\n"
            "　　具体方案见附件，请审核。\n"
            "\n"
            "洞口县发展和改革局\n"
            "2023年4月13日\n")
    doc = docx(["洞口县乡镇自来水价格调整听证会暨政务公开主题日活动方案",
                "一、听证事项：洞口县乡镇自来水价格调整方案",
                "二、听证时间：2023年4月27日上午9:30",
                "三、听证地点：县发展和改革局四楼会议室",
                "四、听证参加人：消费者代表、经营者代表、人大代表、政协委员、专家学者共15名，报名截止时间4月20日",
                "五、活动形式：实地调研、座谈交流、问卷调查",
                "洞口县发展和改革局",
                "2023年4月13日"])
    alt = multi("alternative", [text("plain", body, "GB18030", "base64", codec="gb18030", quoted=True),
                                text("html", foxmail_html(body, "GB18030"), "GB18030", "base64", codec="gb18030",
                                     quoted=True)],
                "----=_001_NextPart415372218640_=----")
    mixed = multi("mixed", [alt, attachment(doc, DOCX_CT, "乡镇自来水价格调整听证会方案.docx", "ew", "GB18030")],
                  "----=_001_NextPart651187420713_=----", preamble="This is a multi-part message in MIME format.")
    hs = ["Date: " + date,
          "From: " + addr("县发改局价格股", "dkfgj_jgg@163.com", "GB18030", quote=True),
          "To: " + addr("政务公开办", OFFICE, "GB18030", quote=True),
          "Subject: " + ew("关于报送乡镇供水价格听证主题日活动方案的函", "GB18030"),
          "X-Priority: 3",
          "X-Has-Attach: yes",
          "X-Mailer: Foxmail 7.2.25.228[cn]",
          "Mime-Version: 1.0",
          "Message-ID: <202304130912553381127@163.com>"]
    return (message(hs, mixed), label("plan", "县发改局", 4, "2023-04-27"),
            ["2023年4月27日", "4月10日", "4月20日", "洞政开", "发展和改革局", "自来水"])


@case("k05-caizheng-reply-tongzhi", "Foxmail reply, subject '回复：通知', UTF-8 8bit; report 4月21日 in body; quoted office notice (4月6日) and 县税务局 mention")
def k05():
    date = dt(2023, 4, 25, 17, 20, 15)
    body = ("收到。我局“减税降费惠企政策解读座谈会”已于4月21日下午在局三楼会议室召开，邀请12家中小企业负责人和"
            "2名县人大代表参加，县税务局业务骨干到会解读小微企业和个体工商户所得税优惠、增值税小规模纳税人减免等政策，"
            "现场收集意见建议9条。新闻稿和照片已放附件，请审核后上网。\n"
            "\n"
            "邓立\n"
            "洞口县财政局办公室\n"
            "\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"政务公开办\"<43347867@qq.com>;\n"
            "发送时间: 2023年4月6日(星期四) 下午4:12\n"
            "收件人: \"县财政局\"<2196604418@qq.com>;\n"
            "主题: 通知\n"
            "\n"
            "各单位：\n"
            "    现将《洞口县2023年“政务公开主题日”活动实施方案》发给你们，请于活动开展前5个工作日将活动方案报送"
            "县政务公开办，活动结束后5个工作日内报送情况报告或新闻稿。\n"
            "县政务公开办\n")
    doc = docx(["县财政局召开减税降费惠企政策解读座谈会",
                "4月21日下午，县财政局召开“减税降费惠企政策解读座谈会”，这是我局承办的“政务公开主题日”活动。",
                "座谈会上，县税务局业务骨干对小微企业和个体工商户所得税优惠等政策进行了解读，企业代表踊跃发言。",
                "（县财政局 供稿）"])
    alt = multi("alternative", [text("plain", body, "utf-8", "8bit", quoted=True),
                                text("html", foxmail_html(body, "utf-8"), "utf-8", "8bit", quoted=True)],
                "----=_NextPart_6447A1CF_0A9E1B30_2C7E5A11")
    mixed = multi("mixed", [alt, attachment(doc, DOCX_CT, "新闻稿.docx", "ew", "utf-8"),
                            attachment(fake_jpg(3), "image/jpeg", "微信图片_20230421154210.jpg", "ew", "utf-8")],
                  "----=_NextPart_6447A1CF_0A9E1B30_5D0F3E72")
    hs = ["From: " + addr("邓立", "2196604418@qq.com", quote=True),
          "To: " + addr("政务公开办", OFFICE, quote=True),
          "Subject: " + ew("回复：通知", "utf-8"),
          "Mime-Version: 1.0",
          "Date: " + date,
          "X-Priority: 3",
          "Message-ID: <tencent_8F2A6C3E1B9D47A0C5E2F1D3A7B6C4E80806@qq.com>",
          "In-Reply-To: <tencent_1C3B5D7F9E0A2C4E6F8A0B2D4F6A8C0E2407@qq.com>",
          "References: <tencent_1C3B5D7F9E0A2C4E6F8A0B2D4F6A8C0E2407@qq.com>",
          "X-Mailer: Foxmail 7.2.23.121[cn]"]
    return (message(hs, mixed), label("report", "县财政局", 5, "2023-04-21"),
            ["回复：通知", "已于4月21日", "财政局", "减税降费", "县税务局"])


@case("k06-tuiyi-re-plan-now-report", "126 'Re: …活动方案' from 退役军人服务中心: '上次报的方案…活动已于4月27日开展，现报送情况报告'; quoted plan says 4月25日")
def k06():
    date = dt(2023, 4, 28, 11, 30, 5)
    body = ("尹主任：\n"
            "上次报的方案（4月18日发的），活动已于4月27日开展（原定25日，因局领导参加市里会议顺延两天），"
            "当天组织局机关和服务中心人员到高沙镇、石江镇实地走访6家退役军人创办企业和2个就业创业孵化基地，"
            "开展就业创业调研，现报送情况报告，请查收。\n"
            "县退役军人事务局 黄建\n"
            "\n"
            "\n"
            "在 2023-04-18 10:21:33，\"县退役军人服务中心\" <dktyjrfwzx@126.com> 写道：\n"
            ">尹主任：\n"
            ">我局定于4月25日（星期二）到高沙镇、石江镇开展退役军人就业创业调研，作为4月份政务公开主题日活动，方案见附件。\n"
            ">县退役军人事务局\n")
    doc = docx(["县退役军人事务局关于退役军人就业创业调研活动情况的报告",
                "4月27日，我局组织调研组深入高沙镇、石江镇，实地走访退役军人创办企业6家、就业创业孵化基地2个，"
                "召开座谈会听取退役军人意见建议。",
                "一、基本情况……二、存在问题……三、意见建议……",
                "县退役军人事务局",
                "2023年4月28日"])
    mixed = multi("mixed", [text("plain", body, "UTF-8", "quoted-printable"),
                            attachment(doc, DOCX_CT, "就业创业调研情况报告.docx", "ew", "UTF-8")],
                  "----=_Part_88721_1277390112.1682652605344")
    hs = [rcv("dktyjrfwzx$126.com ( [175.6.40.12] )", "175.6.40.12", "ajax-webmail-wmsvr-62-64 (Coremail)", date,
              "QMqowADnL4E9P0tkpQIBAA--"),
          "Date: " + date,
          "From: " + addr("县退役军人服务中心", "dktyjrfwzx@126.com", "GBK", quote=True),
          "To: " + OFFICE,
          "Subject: Re: " + ew("退役军人就业创业调研主题日活动方案", "UTF-8"),
          COREMAIL_126,
          "In-Reply-To: <5c1e0f2a.17b3.1879a3e2c51.Coremail.dktyjrfwzx@126.com>",
          "MIME-Version: 1.0",
          "Message-ID: <7d03b8e4.2f6a.187c6a0f8d2.Coremail.dktyjrfwzx@126.com>",
          "X-Coremail-Locale: zh_CN"]
    return (message(hs, mixed), label("report", "县退役军人事务局", 8, "2023-04-27"),
            ["已于4月27日开展", "现报送情况报告", "4月25日", "就业创业", "退役军人服务中心"])


@case("k07-jingzhen-attachname-only", "no subject, empty body; quoted =?gb18030?B?…?= attachment name = unit+theme (经侦大队 5·15); date only in docx")
def k07():
    date = dt(2023, 5, 8, 8, 57, 31)
    doc = docx(["洞口县公安局“5·15”打击和防范经济犯罪宣传日暨政务公开主题日活动方案",
                "为提高群众防范经济犯罪意识，经研究，定于2023年5月15日（星期一）上午9时在县城雪峰广场开展集中宣传活动，"
                "具体方案如下：",
                "一、活动时间：2023年5月15日上午9:00—12:00",
                "二、活动地点：县城雪峰广场",
                "三、活动内容：设置咨询台，现场宣传防范非法集资、电信网络诈骗、假币识别等知识；发布全县经济犯罪典型案例。",
                "四、参加单位：县公安局经侦大队，邀请县人民银行、县金融办、各商业银行参加。",
                "洞口县公安局经济犯罪侦查大队",
                "2023年5月6日"])
    alt = multi("alternative", [text("plain", "", "gb18030", "base64", quoted=True),
                                text("html", "<div><br></div>", "gb18030", "base64", quoted=True)],
                "----=_NextPart_64584A0B_0F3D1C28_1E6B7A90")
    name = "洞口县公安局经侦大队“5·15”打击和防范经济犯罪宣传日活动方案.docx"
    mixed = multi("mixed", [alt, attachment(doc, "application/octet-stream", name, "ew", "gb18030")],
                  "----=_NextPart_64584A0B_0F3D1C28_71C2D5E4")
    hs = [rcv("qq.com", "127.0.0.1", "smtp.qq.com (ESMTP)", date, "0"),
          "X-QQ-mid: xmsmtpt1683507451tq3k8m1c7",
          "From: " + addr("周建华", "2507731964@qq.com", "gb18030", quote=True),
          "To: " + addr("政务公开办", OFFICE, "gb18030", quote=True),
          "Subject: ",
          "Mime-Version: 1.0",
          "Date: " + date,
          "X-Priority: 3",
          "Message-ID: <tencent_B71C04E9D2A3F58C6E1A0B9D7F3C2E5A4D08@qq.com>",
          "X-QQ-MIME: TCMime 1.0 by Tencent",
          "X-Mailer: QQMail 2.x"]
    return (message(hs, mixed), label("plan", "县公安局", 9, "2023-05-15"),
            ["公安局经侦大队", "经济犯罪宣传日活动方案.docx", "2023年5月15日"])


@case("k08-gaosha-typo-gb2312", "163 GB2312 QP, Q-encoded subject with typo '高纱镇', '见附件' but no attachment; 5月19日（星期五）8:30 and signing 5月10日")
def k08():
    date = dt(2023, 5, 10, 15, 26, 48)
    body = ("县政务公开办：\n"
            "　　为深入宣传贯彻《信访工作条例》，我镇定于5月19日（星期五，高沙集日）上午8:30在高沙镇人民广场开展"
            "“信访工作条例宣传”政务公开主题日活动。届时镇党委书记、镇长现场接访，设政策咨询台，发放宣传资料，"
            "并组织各村（社区）信访联络员、群众代表座谈交流。具体方案见附件。\n"
            "　　联系人：王婷，13875926617\n"
            "\n"
            "高沙镇人民政府（党政办代）\n"
            "2023年5月10日\n")
    part = text("plain", body, "GB2312", "quoted-printable", codec="gb2312")
    hs = [rcv("gszdzb$163.com ( [223.146.92.5] )", "223.146.92.5", "ajax-webmail-wmsvr-40-137 (Coremail)", date,
              "iSgvCgDXr3FYR1tkNwQAAA--"),
          "Date: " + date,
          "From: " + addr("高沙镇党政办", "gszdzb@163.com", "GB2312", "Q"),
          "To: " + OFFICE,
          "Subject: " + ew("高纱镇信访条例宣传活动方案", "GB2312", "Q"),
          COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <61d7a2c3.4b8e.18803b2f7a6.Coremail.gszdzb@163.com>",
          "X-Coremail-Locale: zh_CN"]
    return (message(hs, part), label("plan", "高沙镇人民政府", 11, "2023-05-19"),
            ["高纱镇", "5月19日", "信访工作条例", "高沙镇人民政府"])


@case("k09-shenpi-outlook-html", "Outlook 16 HTML-only gb2312 QP, date split over <span>s with &nbsp;; '审批局' + 答疑解惑 (12 not 25)")
def k09():
    date = dt(2023, 5, 29, 9, 48, 12)

    def zh(s):
        return f"<span style='font-family:\u5b8b\u4f53'>{s}</span>"

    def en(s):
        return f"<span lang=EN-US>{s}</span>"

    html_body = (
        "<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
        "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns:m=\"http://schemas.microsoft.com/office/2004/12/omml\" "
        "xmlns=\"http://www.w3.org/TR/REC-html40\"><head><meta http-equiv=Content-Type content=\"text/html; "
        "charset=gb2312\"><meta name=Generator content=\"Microsoft Word 15 (filtered medium)\"><style><!--\n"
        "/* Font Definitions */\n@font-face\n\t{font-family:\u5b8b\u4f53;\n\tpanose-1:2 1 6 0 3 1 1 1 1 1;}\n"
        "p.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\ttext-align:justify;\n\ttext-justify:inter-ideograph;\n"
        "\tfont-size:10.5pt;\n\tfont-family:\u7b49\u7ebf;}\n--></style></head>"
        "<body lang=ZH-CN link=\"#0563C1\" vlink=\"#954F72\" style='text-justify-trim:punctuation'>"
        "<div class=WordSection1>\n"
        "<p class=MsoNormal>" + zh("\u5404\u4f4d\u9886\u5bfc\uff1a") + en("<o:p></o:p>") + "</p>\n"
        "<p class=MsoNormal>" + en("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; ") + en("5") + zh("月") + en("26") + zh("日")
        + zh("（周五）上午，县行政审批服务局在县政务服务中心一楼大厅开展") + "&#8220;" + zh("政务公开答疑解惑、打好服务牌")
        + "&#8221;" + zh("主题日活动，邀请人大代表、政协委员及企业群众代表") + en("20") + zh("余人现场观摩")
        + "&#8220;" + zh("一件事一次办") + "&#8221;&#8220;" + zh("湘易办") + "&#8221;"
        + zh("自助办理等服务，现场解答群众提问") + en("38") + zh("个。") + en("<o:p></o:p>") + "</p>\n"
        "<p class=MsoNormal>" + en("&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; ") + zh("附活动图片") + en("3")
        + zh("张（另发）。") + en("<o:p></o:p>") + "</p>\n"
        "<p class=MsoNormal>" + en("<o:p>&nbsp;</o:p>") + "</p>\n"
        "<p class=MsoNormal>" + zh("县行政审批服务局办公室") + en("<o:p></o:p>") + "</p>\n"
        "<p class=MsoNormal>" + en("2023") + zh("年") + en("5") + zh("月") + en("29") + zh("日") + en("<o:p></o:p>")
        + "</p>\n</div></body></html>\n")
    part = text("html", html_body, "gb2312", "quoted-printable", quoted=True)
    hs = ["From: " + addr("审批局办公室", "dkxzspj@163.com", "gb2312", quote=True),
          "To: <" + OFFICE + ">",
          "Subject: " + ew("答疑解惑主题日情况（审批局）", "gb2312"),
          "Date: " + date,
          "Message-ID: <000001d991d4$6a2b3c40$3e81b4c0$@163.com>",
          "MIME-Version: 1.0",
          "X-Mailer: Microsoft Outlook 16.0",
          "Thread-Index: AdmR1F8xq2Yc9oJtQ4uNnJ8bS0kK1g==",
          "Content-Language: zh-cn"]
    return (message(hs, part), label("report", "县行政审批服务局", 12, "2023-05-26"),
            ["5月26日", "答疑解惑", "行政审批服务局", "审批局"])


@case("k10-jindu-huawei", "phone '来自华为手机', UTF-8 QP, 禁毒大队 '6月26日周一上午9:30' (13 not 9/24); docx '方案.docx'")
def k10():
    date = dt(2023, 6, 19, 7, 48, 20)
    body = ("政务公开办：\n"
            "今年“6·26”国际禁毒日我们定在6月26日周一上午9:30，在县城雪峰广场搞集中宣传，设禁毒展板、发资料、"
            "现场签名承诺，同时作为6月份政务公开主题日活动。方案见附件，请审核。\n"
            "县公安局禁毒大队 曾\n"
            "\n"
            "来自华为手机\n")
    doc = docx(["洞口县公安局2023年“6·26”国际禁毒日禁毒宣传活动方案",
                "一、时间：2023年6月26日（星期一）上午9:30",
                "二、地点：县城雪峰广场",
                "三、内容：禁毒展板展示、发放禁毒宣传资料、群众签名承诺、现场咨询",
                "四、参加单位：县禁毒委成员单位",
                "县公安局禁毒大队"])
    mixed = multi("mixed", [text("plain", body, "UTF-8", "quoted-printable"),
                            attachment(doc, DOCX_CT, "方案.docx", "2231", "UTF-8")],
                  "--_com.huawei.email_1968845209163711")
    hs = ["MIME-Version: 1.0",
          "Date: " + date,
          "Subject: " + ew("禁毒日方案", "UTF-8"),
          "From: " + addr("禁毒大队曾", "dkjddd@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Message-ID: <c2a9f0e1-7b4d-4e8a-9f31-5d6c2b0a8e17@email.android.com>",
          "X-Mailer: HUAWEI Email 12.0.2"]
    return (message(hs, mixed), label("plan", "县公安局", 13, "2023-06-26"),
            ["6月26日周一", "9:30", "禁毒", "来自华为手机"])


@case("k11-shengtai-report-gbk", "126 GBK base64, Q-encoded From/Subject, '洞口生态环境分局' alias; report 6月5日 mentioning plan sent 5月29日; jpg only")
def k11():
    date = dt(2023, 6, 7, 10, 14, 2)
    body = ("县政务公开办：\n"
            "　　我分局5月29日已报送六五环境日主题日活动方案。6月5日上午，我分局在县城蔡锷广场举办"
            "“建设人与自然和谐共生的现代化”2023年六五环境日主题宣传活动，现场发布《2022年洞口县生态环境状况公报》，"
            "解读排污许可、环境信访举报等政策，接受群众咨询120余人次，发放宣传资料1500余份，县融媒体中心进行了报道。\n"
            "　　特此报告。\n"
            "\n"
            "洞口生态环境分局\n"
            "2023年6月7日\n")
    mixed = multi("mixed", [text("plain", body, "GBK", "base64", codec="gbk"),
                            attachment(fake_jpg(4), "image/jpeg", "IMG_20230605_093012.jpg", "ew", "GBK"),
                            attachment(fake_jpg(5), "image/jpeg", "IMG_20230605_095540.jpg", "ew", "GBK")],
                  "----=_Part_205577_806642871.1686104042918")
    hs = ["Date: " + date,
          "From: " + addr("洞口生态环境分局", "dkhbj@126.com", "GBK", "Q"),
          "To: " + OFFICE,
          "Subject: " + ew("六五环境日活动情况报告", "GBK", "Q"),
          COREMAIL_126,
          "MIME-Version: 1.0",
          "Message-ID: <3f9a1d20.51c4.18893e6b5a7.Coremail.dkhbj@126.com>",
          "X-Coremail-Locale: zh_CN"]
    return (message(hs, mixed), label("report", "邵阳市生态环境局洞口分局", 14, "2023-06-05"),
            ["洞口生态环境分局", "6月5日", "5月29日", "六五环境日"])


@case("k12-ziranziyuan-lastyear", "163 GB18030 QP; plan mentions 6·25, 6月25日, last year 2022年6月24日 and 端午 6月22日至24日; activity 6月21日")
def k12():
    date = dt(2023, 6, 13, 16, 8, 37)
    body = ("县政务公开办：\n"
            "　　今年6月25日是第33个全国“土地日”。去年我局于2022年6月24日在县城步行街开展了“6·25”土地日宣传，"
            "群众反响较好。今年考虑到6月22日至24日端午节放假，经研究，定于6月21日（星期三）上午在县城步行街和"
            "县政务服务中心自然资源窗口同步开展“6·25”全国土地日宣传暨政务公开主题日活动，现场发布"
            "《洞口县国土空间总体规划（2021—2035年）》公示情况和农村宅基地审批政策。\n"
            "　　具体方案见附件。\n"
            "\n"
            "县自然资源局\n"
            "2023年6月13日\n")
    doc = docx(["洞口县自然资源局2023年“6·25”全国土地日宣传活动方案",
                "一、活动时间：2023年6月21日（星期三）上午8:30—11:30",
                "二、活动地点：县城步行街、县政务服务中心自然资源窗口",
                "三、活动形式：政策发布、现场咨询",
                "四、工作要求：各股室、各自然资源所按分工做好宣传资料准备。"])
    mixed = multi("mixed", [text("plain", body, "GB18030", "quoted-printable", codec="gb18030"),
                            attachment(doc, DOCX_CT, "土地日活动方案.docx", "ew", "GB18030")],
                  "----=_Part_417720_1953031458.1686643717270")
    hs = ["Date: " + date,
          "From: " + addr("自然资源局法规股", "dkzrzyj@163.com", "GB18030"),
          "To: " + OFFICE,
          "Subject: " + ew("土地日方案", "GB18030"),
          COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <4bd2e0a1.7c11.188b3a0f2e4.Coremail.dkzrzyj@163.com>",
          "X-Coremail-Locale: zh_CN"]
    return (message(hs, mixed), label("plan", "县自然资源局", 16, "2023-06-21"),
            ["6月21日", "2022年6月24日", "6月25日", "土地日", "自然资源"])


@case("k13-renshe-jianbao", "Foxmail GBK base64 '人社主题日简报' (abbreviated unit), report 6月16日 惠民政策宣传日, no attachment")
def k13():
    date = dt(2023, 6, 19, 15, 2, 44)
    body = ("“惠民政策宣传日”活动简报\n"
            "\n"
            "　　6月16日上午，县人社局在局一楼服务大厅开展“惠民政策宣传日”政务公开主题日活动，邀请企业职工、"
            "灵活就业人员、返乡创业人员代表30余人座谈交流，围绕城乡居民养老保险、失业保险稳岗返还、一次性扩岗补助、"
            "职业技能提升补贴等惠民政策进行面对面解读，并发放调查问卷200份，收回有效问卷186份。\n"
            "　　（县人社局 供稿）\n"
            "\n"
            "人社局综合股 李娟\n")
    alt = multi("alternative", [text("plain", body, "GBK", "base64", codec="gbk", quoted=True),
                                text("html", foxmail_html(body, "GBK"), "GBK", "base64", codec="gbk", quoted=True)],
                "----=_001_NextPart120331745584_=----", preamble="This is a multi-part message in MIME format.")
    hs = ["Date: " + date,
          "From: " + addr("人社局综合股", "dkrsj_zhk@163.com", "GBK", quote=True),
          "To: " + addr("43347867", OFFICE, "GBK", quote=True),
          "Subject: " + ew("人社主题日简报", "GBK"),
          "X-Priority: 3",
          "X-Has-Attach: no",
          "X-Mailer: Foxmail 7.2.25.228[cn]",
          "Mime-Version: 1.0",
          "Message-ID: <202306191502444172503@163.com>"]
    return (message(hs, alt), label("report", "县人社局", 17, "2023-06-16"),
            ["人社", "6月16日", "惠民政策宣传日"])


@case("k14-nongye-range-wps", "WPS mail, UTF-8 base64, '农资打假' paraphrase, range 6月12日至14日, signing 6月5日")
def k14():
    date = dt(2023, 6, 5, 10, 31, 9)
    body = ("县政务公开办：\n"
            "　　当前正值夏季农资销售旺季，为严厉打击假冒伪劣农药、化肥、种子等坑农害农行为，我局拟于6月12日至14日，"
            "组织县农业综合行政执法大队在高沙、石江、竹市、黄桥等农资经营集中乡镇开展农资打假现场宣传，"
            "现场教群众识别真假农资，公布农资违法举报电话。\n"
            "　　活动方案如下：\n"
            "　　一、时间：2023年6月12日至14日\n"
            "　　二、地点：高沙镇、石江镇、竹市镇、黄桥镇农资市场\n"
            "　　三、形式：现场宣传、发放明白纸、开展农资质量抽检\n"
            "　　四、联系人：李勇，13762980145\n"
            "\n"
            "洞口县农业农村局\n"
            "2023年6月5日\n")
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "=_wps_mail_alt_6c1b3f2e9a")
    hs = ["From: " + addr("农业农村局执法大队", "3281564093@qq.com"),
          "To: " + OFFICE,
          "Subject: " + ew("关于开展农资打假主题日活动的方案", "utf-8"),
          "Date: " + date,
          "MIME-Version: 1.0",
          "Message-ID: <wps.20230605103109.8a3e51c2@3281564093.qq.com>",
          "X-Mailer: WPS Office Email 2019 (11.1.0.14309)"]
    return (message(hs, alt), label("plan", "县农业农村局", 18, "2023-06-12", "2023-06-14"),
            ["6月12日至14日", "农资打假", "农业农村局"])


@case("k15-yingji-allmonth-docx", "163 GB2312 base64 body only '附件为…请查收', RFC 2231 name; docx '6月全月（6月1日—30日）' + 6月16日咨询日 sub-event")
def k15():
    date = dt(2023, 5, 25, 16, 20, 3)
    body = "附件为我局安全生产月活动方案，请查收。\n\n县应急管理局办公室\n"
    doc = docx(["洞口县应急管理局2023年“安全生产月”暨政务公开主题日活动方案",
                "根据国务院安委会办公室、应急管理部《关于开展2023年全国“安全生产月”活动的通知》要求，结合我县实际，制定本方案。",
                "一、活动主题：人人讲安全、个个会应急——着力防范化解重大安全风险",
                "二、活动时间：2023年6月全月（6月1日—30日）",
                "三、主要活动：（一）6月16日“安全宣传咨询日”当天，在县城雪峰广场设置咨询点，组织群众现场观摩应急救援装备展示"
                "和消防演练；（二）组织重点企业开展应急演练观摩；（三）开展安全生产“进企业、进学校、进社区”宣传。",
                "四、工作要求：各乡镇、各有关单位于7月5日前报送活动总结。",
                "洞口县应急管理局",
                "2023年5月25日"])
    mixed = multi("mixed", [text("plain", body, "GB2312", "base64", codec="gb2312"),
                            attachment(doc, DOCX_CT, "洞口县2023年安全生产月活动方案.docx", "2231", "UTF-8")],
                  "----=_Part_98232_1311408211.1685002803559")
    hs = ["Date: " + date,
          "From: " + addr("县应急管理局", "dkyjglj@163.com", "GB2312"),
          "To: " + OFFICE,
          "Subject: " + ew("方案", "GB2312"),
          COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <1e77c9b0.3a05.18851b7f4c3.Coremail.dkyjglj@163.com>",
          "X-Coremail-Locale: zh_CN"]
    return (message(hs, mixed), label("plan", "县应急局", 19, "2023-06-01", "2023-06-30"),
            ["6月全月", "安全生产月", "应急管理局", "请查收"])


@case("k16-shuiwu-jianbao-8bit", "GB18030 8bit text/plain 工作简报 from 国家税务总局洞口县税务局, report 7月12日 一网通办, issue date 7月14日")
def k16():
    date = dt(2023, 7, 14, 11, 40, 26)
    body = ("洞口税务工作简报\n"
            "第12期\n"
            "国家税务总局洞口县税务局办公室　　　　2023年7月14日\n"
            "\n"
            "县税务局召开“税务事项一网通办”政企座谈会\n"
            "　　7月12日上午，国家税务总局洞口县税务局召开“税务事项一网通办”政务公开主题日座谈会，"
            "邀请县人大代表、政协委员和20余户企业纳税人代表参加。\n"
            "　　会上，县局相关股室负责人介绍了全面数字化电子发票推广、“非接触式”办税和“湘易办”涉税事项一网通办情况，"
            "与会代表现场体验了电子税务局办理流程，并填写了满意度调查问卷。\n"
            "　　……\n"
            "\n"
            "报：市局办公室　　送：县政务公开办\n")
    part = text("plain", body, "GB18030", "8bit", codec="gb18030")
    hs = ["Date: " + date,
          "From: " + addr("洞口县税务局办公室", "dksw_bgs@163.com", "GB18030"),
          "To: " + OFFICE,
          "Subject: " + ew("洞口税务简报（第12期）", "GB18030"),
          COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <6a0c4e9f.1d88.18952e0b7c9.Coremail.dksw_bgs@163.com>"]
    return (message(hs, part), label("report", "县税务局", 20, "2023-07-12"),
            ["7月12日", "一网通办", "国家税务总局洞口县税务局"])


@case("k17-wenlv-deadline", "QQ Mail UTF-8 QP; '文旅广体局', 7月20日（星期四）下午3:00 plus RSVP deadline 7月18日 and signing 7月11日")
def k17():
    date = dt(2023, 7, 11, 17, 55, 0)
    body = ("政务公开办：\n"
            "　　我局定于7月20日（星期四）下午3:00在县文化馆三楼会议室召开“文旅体融合发展座谈会”，邀请县人大代表、"
            "政协委员、文旅企业和体育协会代表座谈交流，共同谋划我县文旅体融合发展。请各参会单位于7月18日前将参会回执"
            "反馈至我局。活动方案见附件，请审核。\n"
            "\n"
            "县文旅广体局\n"
            "2023年7月11日\n")
    doc = docx(["县文旅广体局“文旅体融合发展座谈会”政务公开主题日活动方案",
                "一、时间：2023年7月20日下午3:00",
                "二、地点：县文化馆三楼会议室",
                "三、参会人员：县人大代表、政协委员、文旅企业和体育协会代表约25人",
                "四、议程：1.通报上半年文旅体工作；2.代表座谈发言；3.局主要负责人讲话。",
                "参会回执请于7月18日前报县文旅广体局办公室。"])
    alt = multi("alternative", [text("plain", body, "utf-8", "quoted-printable", quoted=True),
                                text("html", qq_html(body), "utf-8", "quoted-printable", quoted=True)],
                "----=_NextPart_64AD27F0_0C2E5B18_3A9F1D04")
    mixed = multi("mixed", [alt, attachment(doc, DOCX_CT, "座谈会方案.docx", "ew", "utf-8")],
                  "----=_NextPart_64AD27F0_0C2E5B18_62D0E8A1")
    hs = [rcv("qq.com", "127.0.0.1", "smtp.qq.com (ESMTP)", date, "0"),
          "X-QQ-mid: xmsmtpt1689069300tk2r8p5x1",
          "From: " + addr("文旅广体局 肖", "1046672835@qq.com", quote=True),
          "To: " + addr("政务公开办", OFFICE, quote=True),
          "Subject: " + ew("文旅座谈会方案", "utf-8"),
          "Mime-Version: 1.0",
          "Date: " + date,
          "X-Priority: 3",
          "Message-ID: <tencent_3A8D1F6C0E2B49D7A5C4B1E0F9D2C6A73E09@qq.com>",
          "X-Mailer: QQMail 2.x"]
    return (message(hs, mixed), label("plan", "县文旅广体局", 21, "2023-07-20"),
            ["7月20日", "下午3:00", "7月18日前", "文旅体融合发展座谈会"])


@case("k18-yibao-wps-report", "WPS mail, UTF-8 8bit, 医保局 report 8月23日 门诊异地结算全覆盖, signing 8月25日, docx")
def k18():
    date = dt(2023, 8, 25, 9, 3, 57)
    body = ("县政务公开办：\n"
            "　　8月23日，县医保局组织参保职工代表、人大代表和新闻媒体到县人民医院开展“职工医保普通门诊费用跨省直接结算”"
            "现场观摩活动，现场演示异地就医备案和门诊直接结算流程。目前全县二级以上定点医疗机构已全部开通职工医保普通门诊"
            "异地直接结算，实现全覆盖。现将情况报告报送，请审阅。\n"
            "\n"
            "县医疗保障局\n"
            "2023年8月25日\n")
    doc = docx(["县医疗保障局关于职工医保普通门诊异地结算政务公开主题日活动的情况报告",
                "2023年8月23日，我局组织开展现场观摩活动……",
                "县医疗保障局",
                "2023年8月25日"])
    mixed = multi("mixed", [text("plain", body, "utf-8", "8bit"),
                            attachment(doc, DOCX_CT, "医保局主题日情况报告.docx", "2231c", "utf-8")],
                  "=_wps_mail_mixed_91d2a7c044")
    hs = ["From: " + addr("县医保局", "dkybj@163.com", "gbk"),
          "To: " + OFFICE,
          "Subject: " + ew("医保局8月主题日情况报告", "utf-8"),
          "Date: " + date,
          "MIME-Version: 1.0",
          "Message-ID: <wps.20230825090357.4f0b9e21@dkybj.163.com>",
          "X-Mailer: WPS Office Email 2019 (11.1.0.14309)"]
    return (message(hs, mixed), label("report", "县医保局", 22, "2023-08-23"),
            ["8月23日", "医保", "异地", "全覆盖"])


@case("k19-wangan-week-range", "QQ Mail GBK QP, 公安局网安大队, report of range 9月11日—17日 (24 not 9/13)")
def k19():
    date = dt(2023, 9, 19, 16, 47, 30)
    body = ("县政务公开办：\n"
            "　　9月11日—17日国家网络安全宣传周期间，县公安局网安大队联合县委网信办在县城步行街、洞口一中、"
            "县职业中专等地开展网络安全现场宣传活动7场，发放宣传资料3000余份，开展网络安全知识线上问卷调查，"
            "收回问卷1268份。现将活动开展情况报告如下：\n"
            "　　一、主要做法……\n"
            "　　二、取得成效……\n"
            "\n"
            "县公安局网安大队\n"
            "2023年9月19日\n")
    alt = multi("alternative", [text("plain", body, "gbk", "quoted-printable", quoted=True),
                                text("html", foxmail_html(body, "gbk"), "gbk", "quoted-printable", quoted=True)],
                "----=_NextPart_650960AA_0D1F3C55_24E8B6F0")
    hs = [rcv("qq.com", "127.0.0.1", "smtp.qq.com (ESMTP)", date, "0"),
          "X-QQ-mid: xmsmtpt1695113250tk9x2wq0z",
          "From: " + addr("公安局网安大队", "2291068457@qq.com", "gbk", quote=True),
          "To: " + addr("政务公开办", OFFICE, "gbk", quote=True),
          "Subject: " + ew("网安宣传周情况报告", "gbk"),
          "Mime-Version: 1.0",
          "Date: " + date,
          "Message-ID: <tencent_C4E2A9D17B30F58E6A1D2C0B9F4E7A35D609@qq.com>",
          "X-Mailer: QQMail 2.x"]
    return (message(hs, alt), label("report", "县公安局", 24, "2023-09-11", "2023-09-17"),
            ["9月11日—17日", "网络安全", "网安大队"])


@case("k20-ambig-unknown-unit", "AMBIGUOUS: personal QQ '小刘', '我单位' plan for 5月20日, docx names no unit -> unit/activity null, review")
def k20():
    date = dt(2023, 5, 12, 20, 13, 5)
    body = "尹主任，我单位主题日活动方案发您了，定于5月20日上午开展，请审核。有问题随时联系我。\n"
    doc = docx(["“政务公开主题日”活动方案",
                "一、活动时间：2023年5月20日（星期六）上午9:00",
                "二、活动地点：单位一楼大厅及门前广场",
                "三、活动形式：现场宣传、政策解读、发放资料、问卷调查",
                "四、工作要求：各股室安排1名业务骨干到场，办公室负责横幅、电子屏标注“政务公开主题日”字样。"])
    mixed = multi("mixed", [text("plain", body, "utf-8", "base64", quoted=True),
                            attachment(doc, DOCX_CT, "活动方案.docx", "ew", "utf-8")],
                  "----=_NextPart_645E2E29_0B7A4C13_1D9F0E66")
    hs = [rcv("qq.com", "127.0.0.1", "smtp.qq.com (ESMTP)", date, "0"),
          "From: " + addr("小刘", "2843051176@qq.com", quote=True),
          "To: " + addr("43347867", OFFICE, quote=True),
          "Subject: " + ew("主题日方案", "utf-8"),
          "Mime-Version: 1.0",
          "Date: " + date,
          "Message-ID: <tencent_E0B3C9A1D4F2876C5B1A0E9D3F7C2B46A108@qq.com>",
          "X-Mailer: iPhone Mail (20E252)"]
    return (message(hs, mixed), label("plan", None, None, "2023-05-20", review=True),
            ["我单位", "5月20日", "主题日活动方案"])


@case("k21-ambig-shijian-which", "AMBIGUOUS: 市监局 report 4月28日 with no theme words (2 or 6, both April) -> activity null, review")
def k21():
    date = dt(2023, 5, 4, 9, 20, 41)
    body = ("县政务公开办：\n"
            "　　4月28日上午，我局在城区雪峰广场开展“政务公开主题日”活动，局机关相关股室和城区市场监管所设置咨询台，"
            "向过往群众发放宣传资料2000余份，解答群众咨询。现将情况报告如下，请审阅。\n"
            "\n"
            "洞口县市场监督管理局\n"
            "2023年5月4日\n")
    part = text("plain", body, "utf-8", "quoted-printable")
    hs = ["Date: " + date,
          "From: " + addr("洞口县市场监督管理局", "dksjj_bgs@163.com", "GBK"),
          "To: " + OFFICE,
          "Subject: " + ew("县市监局主题日活动情况报告", "utf-8"),
          COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <0c55e7d1.2b9f.187e3a4c9d0.Coremail.dksjj_bgs@163.com>"]
    return (message(hs, part), label("report", "县市监局", None, "2023-04-28", review=True),
            ["4月28日", "市场监督管理局", "情况报告"])


@case("k22-ambig-minzheng-nodate", "AMBIGUOUS: 民政局 report '近日…第三届公众开放日', only the signing date 2023年4月28日 -> date null, review")
def k22():
    date = dt(2023, 4, 28, 15, 36, 19)
    body = ("县政务公开办：\n"
            "　　近日，县民政局成功举办第三届“公众开放日”活动。活动邀请人大代表、政协委员、群众代表走进县社会福利中心、"
            "县婚姻登记处和县殡仪馆实地调研、现场观摩，并召开座谈会听取意见建议，共收集意见建议15条。下一步，我局将对"
            "收集的意见建议认真梳理、逐条落实。\n"
            "　　特此报告。\n"
            "\n"
            "洞口县民政局\n"
            "2023年4月28日\n")
    part = text("plain", body, "GB2312", "base64", codec="gb2312")
    hs = ["Date: " + date,
          "From: " + addr("县民政局办公室", "dkmzj@163.com", "GB2312"),
          "To: " + OFFICE,
          "Subject: " + ew("民政局公众开放日活动情况", "GB2312"),
          COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <5e8a0b3c.6d12.187c6f41a20.Coremail.dkmzj@163.com>"]
    return (message(hs, part), label("report", "县民政局", 7, None, review=True),
            ["近日", "公众开放日", "民政局", "2023年4月28日"])


@case("k23-zhujian-postpone", "县自来水公司 asks to postpone 5月16日 -> 5月25日, '方案另行报送' -> other, unit+activity known, review")
def k23():
    date = dt(2023, 5, 12, 11, 2, 18)
    body = ("县政务公开办：\n"
            "　　原定5月16日（星期二）开展的“供水服务进社区”政务公开主题日活动，因城区主管网改造施工需停水作业，"
            "经公司研究，推迟到5月25日（星期四）举行，活动方案调整后另行报送。给您工作带来不便，敬请谅解。\n"
            "\n"
            "洞口县自来水公司\n"
            "2023年5月12日\n")
    part = text("plain", body, "GBK", "base64", codec="gbk")
    hs = ["Date: " + date,
          "From: " + addr("县供水公司办公室", "dkzls_bgs@163.com", "GBK"),
          "To: " + OFFICE,
          "Subject: " + ew("关于供水服务进社区活动延期的说明", "GBK"),
          COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <2f61a9e4.0b37.18806c2d1f8.Coremail.dkzls_bgs@163.com>"]
    return (message(hs, part), label("other", "县住建局(自来水公司)", 10, None, review=True),
            ["推迟到5月25日", "5月16日", "供水服务进社区", "另行报送"])


@case("k24-office-internal-reply", "office colleague 张凤 (personal 163) '回复：5月份主题日报送情况' listing units and dates -> other")
def k24():
    date = dt(2023, 5, 16, 10, 12, 7)
    body = ("尹主任：\n"
            "我核对了一下5月份的：\n"
            "1. 公安局经侦大队“5·15”宣传日方案5月8日已收；\n"
            "2. 高沙镇信访条例宣传方案5月10日已收，活动定在5月19日；\n"
            "3. 县供水公司来函说供水服务进社区推迟到5月25日，方案还没到；\n"
            "4. 审批局答疑解惑活动听说定在5月26日，方案还没报。\n"
            "下午我再打电话催一下审批局和供水公司。\n"
            "张凤\n"
            "\n"
            "\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"政务公开办\" <43347867@qq.com>\n"
            "发送时间: 2023年5月15日 17:40\n"
            "收件人: \"张凤\" <15869898029@163.com>\n"
            "主题: 5月份主题日报送情况\n"
            "\n"
            "小张，帮忙核一下5月份各单位方案报送情况，明天上午汇总给我。\n")
    part = text("plain", body, "UTF-8", "base64")
    hs = ["Date: " + date,
          "From: " + addr("张凤", "15869898029@163.com", "UTF-8"),
          "To: " + addr("政务公开办", OFFICE, "UTF-8"),
          "Subject: " + ew("回复：5月份主题日报送情况", "UTF-8"),
          COREMAIL_163,
          "In-Reply-To: <tencent_0D6E2F4A8C1B3E5D7F9A1C3E5B7D9F1A3A09@qq.com>",
          "MIME-Version: 1.0",
          "Message-ID: <74c0e9a2.3c18.18822f6a9b1.Coremail.15869898029@163.com>"]
    return (message(hs, part), label("other"),
            ["张凤", "5月份", "尹主任"])


@case("k25-weijian-question", "卫健局 staff asks whether the plan needs a seal and whether 9月12日 is OK -> question, other")
def k25():
    date = dt(2023, 8, 21, 14, 35, 50)
    body = ("张老师好：\n"
            "我是县卫健局妇幼股的小周。我们局9月份承办“预防出生缺陷日”主题日活动，想咨询两个问题：\n"
            "1. 活动方案需要盖章扫描件，还是发word版就可以？\n"
            "2. 今年9月12日是星期二，活动放在12号当天搞可以吗，还是要提前？\n"
            "麻烦您有空回复一下，谢谢！\n"
            "周敏\n")
    alt = multi("alternative", [text("plain", body, "utf-8", "base64", quoted=True),
                                text("html", qq_html(body), "utf-8", "base64", quoted=True)],
                "----=_NextPart_64E3059E_0A1C3B77_58D2E6F0")
    hs = [rcv("qq.com", "127.0.0.1", "smtp.qq.com (ESMTP)", date, "0"),
          "From: " + addr("卫健局周敏", "3017284956@qq.com", quote=True),
          "To: " + addr("政务公开办", OFFICE, quote=True),
          "Subject: " + ew("咨询一下主题日方案格式", "utf-8"),
          "Mime-Version: 1.0",
          "Date: " + date,
          "Message-ID: <tencent_7B2D9E0C4A1F36E8D5C2B0A9F7E4D1C3B907@qq.com>",
          "X-Mailer: QQMail 2.x"]
    return (message(hs, alt), label("other"),
            ["卫健局", "预防出生缺陷日", "9月12日", "咨询"])


@case("k26-ooo-english", "English Outlook 'Out of Office:' auto-reply (Auto-Submitted, X-Auto-Response-Suppress), Chinese reminder subject -> automated")
def k26():
    date = dt(2023, 7, 17, 9, 0, 4)
    plain = ("I am out of the office from July 17 to July 28 with limited access to email.\n"
             "For urgent matters, please contact the general office at 0739-7221035.\n"
             "\n"
             "Thank you.\n"
             "Tan Wei\n")
    htmlb = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=us-ascii\"></head>"
             "<body><div><p>I am out of the office from July 17 to July 28 with limited access to email.<br>"
             "For urgent matters, please contact the general office at 0739-7221035.</p>"
             "<p>Thank you.<br>Tan Wei</p></div></body></html>\n")
    alt = multi("alternative", [text("plain", plain, "us-ascii", "7bit", quoted=True),
                                text("html", htmlb, "us-ascii", "quoted-printable", quoted=True)],
                "_000_TYCPR01MB84726D1F0A3B9C2E5D7F1A08B0C2TYCPR01MB8472jpnp_")
    hs = ["From: Tan Wei <tanwei_dkwl@outlook.com>",
          "To: " + addr("政务公开办", OFFICE, quote=True),
          "Subject: Out of Office: " + ew("关于报送7月份主题日活动情况报告的提醒", "utf-8"),
          "Thread-Topic: " + ew("关于报送7月份主题日活动情况报告的提醒", "utf-8"),
          "Thread-Index: AQHZuGzB9w1cJ0yLkU2Vn3q8N1aQ0Q==",
          "Date: " + date,
          "Message-ID: <TYCPR01MB84726D1F0A3B9C2E5D7F1A08B0C2@TYCPR01MB8472.jpnprd01.prod.outlook.com>",
          "In-Reply-To: <tencent_9C1E3A5B7D9F1B3D5F7A9C1E3B5D7F9A1B07@qq.com>",
          "Content-Language: en-US",
          "X-MS-Has-Attach: ",
          "X-Auto-Response-Suppress: All",
          "Auto-Submitted: auto-replied",
          "MIME-Version: 1.0"]
    return (message(hs, alt), label("other", automated=True),
            ["Out of Office", "out of the office", "主题日活动情况报告"])


@case("k27-mdn-read-receipt", "Outlook MDN multipart/report; report-type=disposition-notification, gb2312 '已读:' subject naming 人社局+theme, from a known unit address -> automated")
def k27():
    date = dt(2023, 6, 9, 10, 31, 2)
    subj = "关于提醒报送县人社局惠民政策宣传日活动方案的函"
    human = ("您的邮件\n"
             "\n"
             "  收件人: 人社局综合股\n"
             f"  主题: {subj}\n"
             "  发送时间: 2023/6/9 10:05\n"
             "\n"
             "已于 2023/6/9 10:31 读取。\n")
    mdn = ("Reporting-UA: dkrsj_zhk@163.com; Microsoft Outlook 16.0\r\n"
           "Final-Recipient: rfc822;dkrsj_zhk@163.com\r\n"
           "Original-Message-ID: <tencent_2E4A6C8E0B2D4F6A8C0E2B4D6F8A0C2E4C08@qq.com>\r\n"
           "Disposition: manual-action/MDN-sent-manually; displayed\r\n").encode()
    report = multi("report", [text("plain", human, "gb2312", "base64", quoted=True),
                              leaf(["Content-Type: message/disposition-notification"], mdn)],
                   "----=_NextPart_000_0003_01D99AB3.2C5E8F90", params=" report-type=disposition-notification;")
    hs = ["From: " + addr("人社局综合股", "dkrsj_zhk@163.com", "gb2312", quote=True),
          "To: " + addr("政务公开办", OFFICE, "gb2312", quote=True),
          "Subject: " + ew("已读: " + subj, "gb2312"),
          "Date: " + date,
          "Message-ID: <000301d99a7f$d4a1e2b0$7de5a810$@163.com>",
          "MIME-Version: 1.0",
          "X-Mailer: Microsoft Outlook 16.0",
          "Thread-Index: AdmafwmLz4k1d8X0SoiV3cUO5hYq3w==",
          "Content-Language: zh-cn"]
    return (message(hs, report), label("other", automated=True),
            ["已读", "读取", "惠民政策宣传日活动方案"])


@case("k28-qq-read-receipt", "QQ-style '邮件已被对方阅读' receipt (HTML only, no Auto-Submitted) from 农业农村局's known address -> automated")
def k28():
    date = dt(2023, 6, 16, 10, 40, 22)
    subj = "关于报送农资打假主题日活动情况报告的提醒"
    htmlb = ("<div style=\"font-size:14px;font-family:Verdana\">"
             "<div>这是邮件收条。</div>"
             "<div>您于2023年6月16日(星期五) 上午9:12发送给“农业农村局执法大队”&lt;3281564093@qq.com&gt;的邮件</div>"
             f"<div>主题：{subj}</div>"
             "<div>已于2023年6月16日(星期五) 上午10:40被对方阅读。</div>"
             "<div><br></div>"
             "<div style=\"color:#999\">邮件已被对方阅读，此收条由QQ邮箱系统自动发出。</div></div>\n")
    part = text("html", htmlb, "utf-8", "base64", quoted=True)
    hs = [rcv("qq.com", "127.0.0.1", "smtp.qq.com (ESMTP)", date, "0"),
          "From: " + addr("农业农村局执法大队", "3281564093@qq.com", quote=True),
          "To: " + addr("政务公开办", OFFICE, quote=True),
          "Subject: " + ew("已读：" + subj, "utf-8"),
          "Mime-Version: 1.0",
          "Date: " + date,
          "Message-ID: <tencent_5A7C9E1B3D5F7A9C1E3B5D7F9A1C3E5D0606@qq.com>",
          "X-QQ-MIME: TCMime 1.0 by Tencent",
          "X-Mailer: QQMail 2.x"]
    return (message(hs, part), label("other", automated=True),
            ["邮件已被对方阅读", "收条", "农资打假"])


@case("k29-bounce-qq", "QQ bounce: Return-Path <>, MAILER-DAEMON, multipart/report delivery-status + returned office mail about 12345热线开放日 -> automated")
def k29():
    date = dt(2023, 10, 9, 9, 31, 44)
    orig_date = dt(2023, 10, 9, 9, 31, 40)
    human = ("很抱歉您的邮件没有发送成功。\n"
             "\n"
             "收件人：dkxzspj@163.con\n"
             "退信原因：收件人邮箱域名不存在（Host or domain name not found）\n"
             "建议解决方案：请检查收件人地址是否填写正确。\n"
             "\n"
             "此邮件由系统自动发出，请勿直接回复。\n")
    dsn = ("Reporting-MTA: dns; smtp.qq.com\r\n"
           "Arrival-Date: " + orig_date + "\r\n"
           "\r\n"
           "Final-Recipient: rfc822; dkxzspj@163.con\r\n"
           "Action: failed\r\n"
           "Status: 5.1.2\r\n"
           "Diagnostic-Code: smtp; 550 Host unknown (163.con)\r\n").encode()
    orig_body = ("县行政审批服务局：\n"
                 "　　根据《洞口县2023年“政务公开主题日”活动实施方案》，你局承办的“12345”政务服务便民热线“开放日”活动"
                 "计划于10月开展，请于活动开展前5个工作日报送活动方案。\n"
                 "县政务公开办\n")
    orig = message(["From: " + addr("政务公开办", OFFICE, quote=True),
                    "To: dkxzspj@163.con",
                    "Subject: " + ew("关于提醒报送“12345”热线开放日活动方案的函", "utf-8"),
                    "Date: " + orig_date,
                    "Message-ID: <tencent_4D6F8A0C2E4B6D8F0A2C4E6B8D0F2A4C6A09@qq.com>",
                    "Mime-Version: 1.0"],
                   text("plain", orig_body, "utf-8", "base64", quoted=True))
    report = multi("report", [text("plain", human, "gb18030", "base64", quoted=True),
                              leaf(["Content-Type: message/delivery-status"], dsn),
                              leaf(["Content-Type: message/rfc822"], orig)],
                   "----=_QQMail_Bounce_65235A40_1B7E9C02", params=" report-type=delivery-status;")
    hs = ["Return-Path: <>",
          "Received: from localhost by smtp.qq.com (NewMX) id 0; " + date,
          "From: " + addr("系统退信", "MAILER-DAEMON@qq.com", "gb18030", quote=True),
          "To: " + OFFICE,
          "Subject: " + ew("退信：关于提醒报送“12345”热线开放日活动方案的函", "gb18030"),
          "Date: " + date,
          "Message-ID: <bounce.65235A40.1B7E9C02@qq.com>",
          "Auto-Submitted: auto-replied",
          "MIME-Version: 1.0"]
    return (message(hs, report), label("other", automated=True),
            ["退信", "没有发送成功", "12345", "行政审批服务局"])


@case("k30-newsletter-big5", "Big5 bulk newsletter (List-Id, List-Unsubscribe, Precedence: bulk) full of 活動方案/開放日/總結 -> automated")
def k30():
    date = dt(2023, 7, 6, 8, 0, 0)
    body = ("兩岸經貿資訊電子報　第188期　2023年7月6日\n"
            "\n"
            "【活動方案】2023兩岸企業交流開放日將於7月28日在長沙舉行，歡迎報名參加。\n"
            "【政策解讀】湖南省優化營商環境新政重點整理。\n"
            "【活動總結】第五屆湘台經貿交流會圓滿落幕，簽約項目32個。\n"
            "\n"
            "如不想再收到本電子報，請點此退訂：https://edm.cstrade-news.com/u?id=8812734\n")
    htmlb = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=big5\"></head><body>"
             "<table width=\"600\"><tr><td><h2>兩岸經貿資訊電子報</h2><p>第188期　2023年7月6日</p>"
             "<p><b>【活動方案】</b>2023兩岸企業交流開放日將於7月28日在長沙舉行，歡迎報名參加。</p>"
             "<p><b>【政策解讀】</b>湖南省優化營商環境新政重點整理。</p>"
             "<p><b>【活動總結】</b>第五屆湘台經貿交流會圓滿落幕，簽約項目32個。</p>"
             "<p style=\"font-size:12px\">如不想再收到本電子報，請<a href=\"https://edm.cstrade-news.com/u?id=8812734\">"
             "點此退訂</a>。</p></td></tr></table></body></html>\n")
    alt = multi("alternative", [text("plain", body, "big5", "quoted-printable"),
                                text("html", htmlb, "big5", "base64")],
                "=_edm_alt_188_0a7f3c")
    hs = ["Return-Path: <bounce-8812734-188@edm.cstrade-news.com>",
          "From: " + addr("兩岸經貿資訊電子報", "newsletter@cstrade-news.com", "big5"),
          "To: " + OFFICE,
          "Subject: " + ew("【電子報】第188期：2023兩岸企業交流開放日活動方案公布", "big5"),
          "Date: " + date,
          "Message-ID: <edm.188.8812734@cstrade-news.com>",
          "List-Id: " + ew("兩岸經貿資訊電子報", "big5") + " <news.cstrade-news.com>",
          "List-Unsubscribe: <mailto:unsubscribe@cstrade-news.com?subject=8812734>,\r\n"
          " <https://edm.cstrade-news.com/u?id=8812734>",
          "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
          "Precedence: bulk",
          "X-Mailer: EDM Sender 4.2",
          "MIME-Version: 1.0"]
    return (message(hs, alt), label("other", automated=True),
            ["電子報", "活動方案", "退訂"])

# ----------------------------------------------------------------------------- write + verify


def docx_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    paras = re.findall(r"<w:p[ >].*?</w:p>", xml, re.S)
    return "\n".join(html.unescape("".join(re.findall(r"<w:t[^>]*>(.*?)</w:t>", p, re.S))) for p in paras)


def decoded_text(msg):
    out = [str(msg.get("subject", "")), str(msg.get("from", ""))]
    for part in msg.walk():
        ct = part.get_content_type()
        if ct == "message/rfc822":
            out.append(str(part.get_payload(0).get("subject", "")))
        fn = part.get_filename()
        if fn:
            out.append(fn)
        if part.is_multipart():
            continue
        try:
            if ct.startswith("text/"):
                t = part.get_content()
                if ct == "text/html":
                    t = html.unescape(re.sub(r"<[^>]+>", "", t))
                out.append(t)
            elif fn and fn.endswith(".docx"):
                out.append(docx_text(part.get_content()))
        except (KeyError, LookupError):
            pass
    return "\n".join(out)


def verify():
    import collections
    ok = True
    units = {"县水利局", "县市监局", "县司法局", "县发改局", "县财政局", "县民政局", "县退役军人事务局", "县公安局",
             "县住建局(自来水公司)", "高沙镇人民政府", "县行政审批服务局", "邵阳市生态环境局洞口分局", "县自然资源局",
             "县人社局", "县农业农村局", "县应急局", "县税务局", "县文旅广体局", "县医保局", "县卫健局"}
    counts = collections.Counter()
    emls = sorted(OUT.glob("k*.eml"))
    evidence = {name: ev for name, _, ev in RESULTS} if RESULTS else {}
    for p in emls:
        raw = p.read_bytes()
        bad = [i for i, ln in enumerate(raw.split(b"\r\n")) if b"\n" in ln or len(ln) > 998]
        if bad or not raw.endswith(b"\r\n"):
            print(f"FAIL {p.name}: bare LF / overlong line at {bad[:3]}")
            ok = False
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        if msg.defects:
            print(f"WARN {p.name}: top-level defects {msg.defects}")
        txt = decoded_text(msg)
        for ev in evidence.get(p.stem, []):
            if ev not in txt:
                print(f"FAIL {p.name}: evidence {ev!r} not in decoded text")
                ok = False
        jp = p.with_suffix(".json")
        j = json.loads(jp.read_text("utf-8"))
        if list(j) != KEYS:
            print(f"FAIL {jp.name}: keys {list(j)}")
            ok = False
        if j["unit"] is not None and j["unit"] not in units:
            print(f"FAIL {jp.name}: unit {j['unit']!r} not a 责任单位")
            ok = False
        if (j["activity_date"] is None) != (j["activity_end"] is None):
            print(f"FAIL {jp.name}: date/end nullness differs")
            ok = False
        if j["automated"] and (j["kind"] != "other" or j["needs_review"] or any(
                j[k] is not None for k in ("unit", "activity", "activity_date", "activity_end"))):
            print(f"FAIL {jp.name}: automated must be bare other")
            ok = False
        counts[j["kind"]] += 1
        counts["needs_review"] += j["needs_review"]
        counts["automated"] += j["automated"]
    print(f"{len(emls)} cases; " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return ok


RESULTS = []


def main():
    if "--check" not in sys.argv:
        OUT.mkdir(parents=True, exist_ok=True)
        for old in OUT.glob("k*.*"):
            old.unlink()
        for name, what, fn in CASES:
            raw, lab, ev = fn()
            assert list(lab) == KEYS
            (OUT / f"{name}.eml").write_bytes(raw)
            (OUT / f"{name}.json").write_text(json.dumps(lab, ensure_ascii=False, indent=2) + "\n", "utf-8")
            RESULTS.append((name, what, ev))
    else:
        for name, what, fn in CASES:
            RESULTS.append((name, what, fn()[2]))
    if not verify():
        sys.exit(1)
    if "-v" in sys.argv:
        for name, what, _ in RESULTS:
            print(f"{name}: {what}")


if __name__ == "__main__":
    main()
