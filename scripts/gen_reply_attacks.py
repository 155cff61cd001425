#!/usr/bin/env python3
"""Write the attack fixtures of issue 11, points 4-6, into fixtures/attacks/.

Mail that answers the bot's own mail (a unit's short reply, out-of-office replies without
RFC 3834 headers, bounces carrying our acknowledgement, a plain auto-responder), mail that
tries to use the bot as a relay (Reply-To elsewhere, a spammer's subject, forged senders),
and mail that tries to spend a unit's daily budget. Headers as QQ Mail, Foxmail, Coremail
(163), Outlook/Exchange, Thunderbird and Sina write them. The expected outcomes are asserted
in tests/trust_replies.rs.

The bot's own Message-IDs are computed as notify::message_id_for does
(`<themeday.HEX24@qq.com>`, HEX24 = first 12 bytes of SHA-256 of the dedup key), so a reply
here answers exactly the mail the bot writes in the test; the test checks that too.

Standard library only, deterministic:  python3 scripts/gen_reply_attacks.py
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import quopri
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "fixtures" / "attacks"
OFFICE = "43347867@qq.com"
SIGNATURE_LINE = "（本邮件由“政务公开主题日”材料登记系统自动发送。材料请继续发送至 43347867@qq.com。）"
OFFICE_NAME = "洞口县政务公开政务服务领导小组办公室"


def sha(b: bytes) -> str:
    return hashlib.sha256(b).hexdigest()


def our_mid(dedup_key: str) -> str:
    return "<themeday.%s@qq.com>" % hashlib.sha256(dedup_key.encode()).digest()[:12].hex()


def ack_mid(fixture: str) -> str:
    raw = (ROOT / "fixtures" / "classify" / fixture).read_bytes()
    return our_mid("ack:" + sha(raw))


def bare(mid: str) -> str:
    return mid.strip("<>")


def b64(data: bytes) -> str:
    s = base64.b64encode(data).decode()
    return "\r\n".join(s[i : i + 76] for i in range(0, len(s), 76))


def ew(text: str, charset: str) -> str:
    """An RFC 2047 B encoded word, split like QQ Mail and Outlook split long ones."""
    data = text.encode(charset)
    words = []
    chunk = b""
    for ch in text:
        enc = ch.encode(charset)
        if len(chunk) + len(enc) > 45:
            words.append(chunk)
            chunk = b""
        chunk += enc
    if chunk:
        words.append(chunk)
    assert b"".join(words) == data
    return "\r\n\t".join(f"=?{charset}?B?{base64.b64encode(w).decode()}?=" for w in words)


def qp(text: str, charset: str) -> str:
    return quopri.encodestring(text.replace("\n", "\r\n").encode(charset)).decode("ascii")


def headers(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"{k}: {v}\r\n" for k, v in pairs)


def docx(paragraphs: list[str]) -> bytes:
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
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{html.escape(p, quote=False)}</w:t></w:r></w:p>'
        for p in paragraphs
    )
    doc = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + body
        + "</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in [
            ("[Content_Types].xml", ct),
            ("_rels/.rels", rels),
            ("word/document.xml", doc),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2023, 4, 14, 17, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    return buf.getvalue()


# ---- the bot's own mail, as a unit's client quotes it ---------------------------------------

def overdue_notice(unit: str, number: int, theme: str, month: int, deadline: str, today: str) -> str:
    return (
        f"{unit}：\n\n"
        "根据《洞口县2023年“政务公开主题日”活动实施方案》（洞政开〔2023〕1号），各单位应在活动开展前5个工作日"
        "将活动方案报县政务公开办，活动结束后5个工作日内报送情况报告或新闻报导。经核对，贵单位以下事项需要办理：\n\n"
        f"1. 第{number}项“{theme}”（计划{month}月开展）：活动方案报送期限（{deadline}）已过，尚未收到活动方案。"
        "请尽快报送；如活动已调整或取消，请回复本邮件说明。\n\n"
        f"请将材料发送至本办邮箱 {OFFICE}。如已报送，请忽略本提醒，或直接回复本邮件告知报送时间，以便核对。\n\n"
        f"{OFFICE_NAME}\n{today}\n\n{SIGNATURE_LINE}\n"
    )


def plan_ack(unit: str, number: int, theme: str, received: str, date: str, deadline: str,
             report_by: str, today: str) -> str:
    return (
        f"{unit}：\n\n"
        f"贵单位于{received}报送的“政务公开主题日”活动方案已收到，登记情况如下：\n\n"
        f"  活动序号：第{number}项\n  活动主题：{theme}\n  责任单位：{unit}\n  材料类型：活动方案\n"
        f"  活动日期：{date}\n  报送期限：{deadline}前（活动开展前5个工作日）\n  报送情况：按时报送\n\n"
        f"下一步：请于活动结束后5个工作日内，即{report_by}前，将活动情况报告或新闻报导（含相关图文、视频资料）"
        f"报送至本办邮箱（{OFFICE}）。\n\n如以上登记信息有误，请直接回复本邮件说明。\n\n"
        f"{OFFICE_NAME}\n{today}\n\n{SIGNATURE_LINE}\n"
    )


ACK_007 = plan_ack("县司法局", 3, "法治政府示范创建宣传", "2023年4月14日", "2023年4月21日（星期五）",
                   "2023年4月14日", "2023年4月28日", "2023年4月14日")
ACK_009 = plan_ack("县发改局", 4, "乡镇自来水水价调整听证", "2023年4月19日", "2023年4月27日（星期四）",
                   "2023年4月20日", "2023年5月10日", "2023年4月19日")
ACK_040 = plan_ack("县税务局", 20, "税务事项一网通办情况", "2023年7月3日", "2023年7月12日（星期三）",
                   "2023年7月5日", "2023年7月19日", "2023年7月3日")
ACK_007_SUBJECT = "回执：县司法局第3项活动方案已登记"
ACK_009_SUBJECT = "回执：县发改局第4项活动方案已登记"
ACK_040_SUBJECT = "回执：县税务局第20项活动方案已登记"
OVERDUE_SFJ = overdue_notice("县司法局", 3, "法治政府示范创建宣传", 4, "2023年4月21日（星期五）", "2023年5月4日")
OVERDUE_SFJ_SUBJECT = "【逾期提醒】“政务公开主题日”活动材料逾期未报送（县司法局）"
OVERDUE_YBJ = overdue_notice("县医保局", 22, "职工医保普通门诊异地结算二级以上定点医疗机构全覆盖", 8,
                             "2023年8月24日（星期四）", "2023年8月25日")
OVERDUE_YBJ_SUBJECT = "【逾期提醒】“政务公开主题日”活动材料逾期未报送（县医保局）"


def our_mail_rfc822(subject: str, to: str, mid: str, in_reply_to: str | None, date: str, text: str) -> str:
    """The bot's mail as it left (notify::build): what a bounce carries back."""
    h = [
        ("From", f"=?utf-8?b?{base64.b64encode('县政务公开办'.encode()).decode()}?= <{OFFICE}>"),
        ("To", to),
        ("Subject", ew(subject, "utf-8")),
        ("Message-ID", mid),
        ("Date", date),
        ("Auto-Submitted", "auto-replied"),
        ("X-Auto-Response-Suppress", "All"),
        ("X-Themeday-Loop", OFFICE),
    ]
    if in_reply_to:
        h += [("In-Reply-To", in_reply_to), ("References", in_reply_to)]
    h += [
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Transfer-Encoding", "base64"),
    ]
    return headers(h) + "\r\n" + b64(text.replace("\n", "\r\n").encode()) + "\r\n"


# ---- the fixtures ----------------------------------------------------------------------------

def qq_reply_shoudao() -> bytes:
    """A unit's QQ Mail reply to an overdue notice: one line, the notice quoted below."""
    mid = our_mid("remind:县司法局:2023-05-04")
    plain = (
        "收到，我们尽快报送。\n\n\n\n"
        "------------------&nbsp;原始邮件&nbsp;------------------\n"
        "发件人:                                                                                                                        \"县政务公开办\"                                                                                    <43347867@qq.com&gt;;\n"
        "发送时间:&nbsp;2023年5月4日(星期四) 上午9:00\n"
        "收件人:&nbsp;\"县司法局陈晓\"<2850319476@qq.com&gt;;\n\n"
        f"主题:&nbsp;{OVERDUE_SFJ_SUBJECT}\n\n\n\n" + OVERDUE_SFJ
    )
    quoted_html = "<br>".join(html.escape(l) for l in OVERDUE_SFJ.split("\n"))
    html_body = (
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB18030\"><div>收到，我们尽快报送。</div>"
        "<div><br></div><div><br></div><div style=\"font-size: 12px;font-family: Arial Narrow;padding:2px 0 2px 0;\">"
        "------------------&nbsp;原始邮件&nbsp;------------------</div><div style=\"font-size: 12px;background:#efefef;padding:8px;\">"
        "<div><b>发件人:</b>&nbsp;\"县政务公开办\" &lt;43347867@qq.com&gt;;</div>"
        "<div><b>发送时间:</b>&nbsp;2023年5月4日(星期四) 上午9:00</div>"
        "<div><b>收件人:</b>&nbsp;\"县司法局陈晓\"&lt;2850319476@qq.com&gt;;<wbr></div><div></div>"
        f"<div><b>主题:</b>&nbsp;{html.escape(OVERDUE_SFJ_SUBJECT)}</div></div><div><br></div>{quoted_html}"
    )
    boundary = "----=_NextPart_6453637C_0E1B2D48_3F5A9E21"
    h = [
        ("Return-Path", "<2850319476@qq.com>"),
        ("Received", "from xmbghk7.mail.qq.com (unknown [43.163.128.52])\r\n\tby newxmmxszc6-31.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Thu, 04 May 2023 15:32:17 +0800"),
        ("X-QQ-mid", "xmmxszc6-31t1683185537t40381"),
        ("From", f"\"{ew('县司法局陈晓', 'gb18030')}\" <2850319476@qq.com>"),
        ("To", f"\"{ew('县政务公开办', 'gb18030')}\" <43347867@qq.com>"),
        ("Subject", ew("回复：" + OVERDUE_SFJ_SUBJECT, "gb18030")),
        ("Mime-Version", "1.0"),
        ("Content-Type", f"multipart/alternative;\r\n\tboundary=\"{boundary}\""),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", "Thu, 4 May 2023 15:32:04 +0800"),
        ("X-Priority", "3"),
        ("Message-ID", "<tencent_8C2F4B1E9A7D3C6055E1F0A2B4D69E7C3508@qq.com>"),
        ("In-Reply-To", mid),
        ("References", mid),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
        ("X-QQ-Mailer", "QQMail 2.x"),
    ]
    body = (
        f"This is a multi-part message in MIME format.\r\n\r\n--{boundary}\r\n"
        "Content-Type: text/plain;\r\n\tcharset=\"gb18030\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(plain.replace("\n", "\r\n").encode("gb18030"))
        + f"\r\n\r\n--{boundary}\r\n"
        "Content-Type: text/html;\r\n\tcharset=\"gb18030\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(html_body.encode("gb18030"))
        + f"\r\n\r\n--{boundary}--\r\n"
    )
    return (headers(h) + "\r\n" + body).encode("ascii")


def coremail_vacation_zh() -> bytes:
    """A 163 (Coremail) vacation responder that sets no RFC 3834 header, quoting the notice."""
    mid = our_mid("remind:县医保局:2023-08-25")
    text = (
        "您好，我正在休假，8月28日返回。休假期间邮件可能无法及时回复，急事请致电0739-7212345。\n\n"
        "-----原始邮件-----\n"
        "发件人:\"县政务公开办\" <43347867@qq.com>\n"
        "发送时间:2023-08-25 09:00:00 (星期五)\n"
        "收件人:ybj_dk@163.com\n"
        f"主题:{OVERDUE_YBJ_SUBJECT}\n\n" + OVERDUE_YBJ
    )
    boundary = "----=_Part_418233_1690837468.1692925207115"
    h = [
        ("Return-Path", "<ybj_dk@163.com>"),
        ("Received", "from m16.mail.163.com (unknown [220.181.16.7])\r\n\tby newxmmxszc2-18.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Fri, 25 Aug 2023 09:00:09 +0800"),
        ("X-QQ-mid", "xmmxszc2-18t1692925209t71154"),
        ("Date", "Fri, 25 Aug 2023 09:00:07 +0800 (CST)"),
        ("From", "ybj_dk <ybj_dk@163.com>"),
        ("To", f"\"{ew('县政务公开办', 'gbk')}\" <43347867@qq.com>"),
        ("Message-ID", "<3b7d2a91.5c1e.18a2a7f9c4b.Coremail.ybj_dk@163.com>"),
        ("In-Reply-To", mid),
        ("References", mid),
        ("Subject", ew("Re:" + OVERDUE_YBJ_SUBJECT, "gbk")),
        ("MIME-Version", "1.0"),
        ("Content-Type", f"multipart/alternative; \r\n\tboundary=\"{boundary}\""),
        ("X-Originating-IP", "[222.243.18.40]"),
        ("X-Priority", "3"),
        ("X-Mailer", "Coremail Webmail Server Version XT5.0.14 build 20230109(dcb5de15)\r\n Copyright (c) 2002-2023 www.mailtech.cn 163com"),
        ("X-CM-CTRLDATA", "Vt6DzGZvb3Rlcl9odG09MjI2MDo1Ng=="),
    ]
    body = (
        f"--{boundary}\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(text.replace("\n", "\r\n").encode("gbk"))
        + f"\r\n--{boundary}\r\nContent-Type: text/html; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(("<div>" + "<br>".join(html.escape(l) for l in text.split("\n")) + "</div>").encode("gbk"))
        + f"\r\n--{boundary}--\r\n"
    )
    return (headers(h) + "\r\n" + body).encode("ascii")


def thunderbird_out_of_office_en() -> bytes:
    """An English out-of-office sent by a mail filter (no Auto-Submitted), quoting our ack."""
    mid = ack_mid("040-outlook-tax-bureau-plan.eml")
    quoted = "\n".join(("> " + l).rstrip() for l in ACK_040.split("\n"))
    text = (
        "Thank you for your email. I am out of the office until Monday, 24 July 2023, with\n"
        "limited access to email. For urgent matters please call 0739-7822361.\n\n"
        "Yang Fan\n\n"
        f"On 2023/7/3 15:10, 县政务公开办 wrote:\n{quoted}\n"
    )
    h = [
        ("Return-Path", "<yangfan_dktax@163.com>"),
        ("Received", "from m12.mail.163.com (unknown [220.181.12.214])\r\n\tby newxmmxszc4-11.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Mon, 03 Jul 2023 15:10:49 +0800"),
        ("X-QQ-mid", "xmmxszc4-11t1688368249t58210"),
        ("Message-ID", "<5e0c3d1a-8f2b-4c4e-9a61-2b7f0e9d4c13@163.com>"),
        ("Date", "Mon, 3 Jul 2023 15:10:44 +0800"),
        ("MIME-Version", "1.0"),
        ("User-Agent", "Mozilla Thunderbird"),
        ("Subject", ew("Re: " + ACK_040_SUBJECT, "utf-8")),
        ("Content-Language", "en-US"),
        ("To", f"{ew('县政务公开办', 'utf-8')} <43347867@qq.com>"),
        ("References", mid),
        ("From", "Yang Fan <yangfan_dktax@163.com>"),
        ("In-Reply-To", mid),
        ("Content-Type", "text/plain; charset=UTF-8; format=flowed"),
        ("Content-Transfer-Encoding", "8bit"),
    ]
    return headers(h).encode("ascii") + b"\r\n" + text.replace("\n", "\r\n").encode("utf-8")


def foxmail_shoudao() -> bytes:
    """ "收到" in answer to our ack (Foxmail, GBK quoted-printable), our ack quoted below."""
    mid = ack_mid("007-foxmail-justice-plan-weekday-time.eml")
    text = (
        "收到\n\n\n\nchenxiao_sfj@126.com\n \n"
        "发件人： 县政务公开办\n发送时间： 2023-04-14 16:49\n收件人： chenxiao_sfj\n"
        f"主题： {ACK_007_SUBJECT}\n" + ACK_007
    )
    boundary = "----=_001_NextPart318465241732_=----"
    h = [
        ("Return-Path", "<chenxiao_sfj@126.com>"),
        ("Received", "from m15.mail.126.com (unknown [220.181.15.112])\r\n\tby newxmmxszc7-14.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Fri, 14 Apr 2023 16:49:31 +0800"),
        ("X-QQ-mid", "xmmxszc7-14t1681462171t10522"),
        ("Date", "Fri, 14 Apr 2023 16:49:26 +0800"),
        ("From", f"\"{ew('陈晓', 'gbk')}\" <chenxiao_sfj@126.com>"),
        ("To", f"\"{ew('县政务公开办', 'gbk')}\" <43347867@qq.com>"),
        ("Subject", ew("Re: " + ACK_007_SUBJECT, "gbk")),
        ("References", mid),
        ("X-Priority", "3"),
        ("X-GUID", "6B1D3E52-4A0F-4C2E-9E7B-5D8A1C3F2B90"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.304[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202304141649264051827@126.com>"),
        ("In-Reply-To", mid),
        ("Content-Type", f"multipart/alternative;\r\n\tboundary=\"{boundary}\""),
    ]
    body = (
        f"\r\n--{boundary}\r\nContent-Type: text/plain;\r\n\tcharset=\"GBK\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp(text, "gbk")
        + f"\r\n\r\n--{boundary}\r\nContent-Type: text/html;\r\n\tcharset=\"GBK\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp("<html><body><div>收到</div><div><br></div><blockquote>"
             + "<br>".join(html.escape(l) for l in ACK_007.split("\n")) + "</blockquote></body></html>", "gbk")
        + f"\r\n\r\n--{boundary}--\r\n"
    )
    return (headers(h) + body).encode("ascii")


def plain_responder() -> bytes:
    """A plain auto-responder (a unit's old mail server): answers whatever arrives within
    seconds, with its own fixed text and the original quoted, and no RFC 3834 header."""
    mid = ack_mid("007-foxmail-justice-plan-weekday-time.eml")
    quoted = "\n".join(("> " + l).rstrip() for l in ACK_007.split("\n"))
    text = (
        "邮件已收到，谢谢！\n洞口县司法局办公室\n\n"
        f"在 2023-04-14 16:49:18，\"县政务公开办\" <43347867@qq.com> 写道：\n{quoted}\n"
    )
    h = [
        ("Return-Path", "<chenxiao_sfj@126.com>"),
        ("Received", "from m15.mail.126.com (unknown [220.181.15.112])\r\n\tby newxmmxszc7-14.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Fri, 14 Apr 2023 16:49:40 +0800"),
        ("Date", "Fri, 14 Apr 2023 16:49:38 +0800 (CST)"),
        ("From", "chenxiao_sfj <chenxiao_sfj@126.com>"),
        ("To", "43347867@qq.com"),
        ("Message-ID", "<6f1c0b2e.9a3.18779bd04a1.Coremail.chenxiao_sfj@126.com>"),
        ("In-Reply-To", mid),
        ("References", mid),
        ("Subject", ew("Re:" + ACK_007_SUBJECT, "gbk")),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK"),
        ("Content-Transfer-Encoding", "base64"),
    ]
    return (headers(h) + "\r\n" + b64(text.replace("\n", "\r\n").encode("gbk")) + "\r\n").encode("ascii")


def qq_bounce_postmaster() -> bytes:
    """QQ Mail's 退信 (PostMaster) for our ack to a 126.com address, our ack attached."""
    mid = ack_mid("007-foxmail-justice-plan-weekday-time.eml")
    inner = our_mail_rfc822(ACK_007_SUBJECT, "chenxiao_sfj@126.com", mid,
                            "<202304141648371047915@126.com>", "Fri, 14 Apr 2023 16:49:18 +0800", ACK_007)
    text = (
        "很抱歉您发送的邮件被退回，以下是该邮件的相关信息：\n\n"
        f"被退回邮件：\n    主题：{ACK_007_SUBJECT}\n    时间：2023年4月14日 16:49\n"
        "无法发送到：\n    chenxiao_sfj@126.com\n\n"
        "退信原因：\n    收件人邮箱空间已满，无法接收邮件。\n    550 User is over quota\n\n"
        "建议解决方案：请联系收件人清理邮箱空间后再重新发送。\n"
    )
    boundary = "----=_NextPart_64391B6E_0F2A6C40_1B9E7D35"
    h = [
        ("Received", "from localhost by newxmesmtplogicsvrszc5-2.qq.com (NewEsmtp)\r\n\tfor <43347867@qq.com>; Fri, 14 Apr 2023 16:49:22 +0800"),
        ("X-QQ-mid", "xmsmtpt1681462162t8z3l5p2a"),
        ("From", "\"PostMaster\" <PostMaster@qq.com>"),
        ("To", "<43347867@qq.com>"),
        ("Subject", ew("退信：" + ACK_007_SUBJECT, "gb18030")),
        ("Mime-Version", "1.0"),
        ("Content-Type", f"multipart/mixed;\r\n\tboundary=\"{boundary}\""),
        ("Date", "Fri, 14 Apr 2023 16:49:22 +0800"),
        ("Message-ID", "<tencent_bounce_3A1F6C2E9B0D4E7A8C51@qq.com>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
    ]
    body = (
        f"--{boundary}\r\nContent-Type: text/plain;\r\n\tcharset=\"gb18030\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(text.replace("\n", "\r\n").encode("gb18030"))
        + f"\r\n\r\n--{boundary}\r\nContent-Type: message/rfc822;\r\n\tname=\"{ew('原邮件.eml', 'gb18030')}\"\r\n"
        "Content-Disposition: attachment;\r\n\tfilename=\"original.eml\"\r\n\r\n"
        + inner
        + f"\r\n--{boundary}--\r\n"
    )
    return (headers(h) + "\r\n" + body).encode("ascii")


def netease_qiye_bounce() -> bytes:
    """A 网易企业邮箱 (qiye.163.com) bounce in Chinese, from an address the RFC 3834 list does not
    know, with our ack attached as message/rfc822: the ack's own words name the unit, the
    activity, the date and 活动方案."""
    mid = ack_mid("009-outlook-fgj-hearing-plan-docx.eml")
    inner = our_mail_rfc822(ACK_009_SUBJECT, "zhoumin_dkfgj@163.com", mid,
                            "<00000e01d93bb2$c6c5b307$390ae948$@163.com>",
                            "Wed, 19 Apr 2023 10:13:20 +0800", ACK_009)
    text = (
        "您好：\n\n您发送的邮件未能送达以下收件人：\n    zhoumin@dkfgj.cn\n\n"
        "原因：收件人邮箱空间已满（552 5.2.2 Mailbox quota exceeded）。\n"
        "原邮件见附件。\n\n网易企业邮箱\n"
    )
    boundary = "----=_Part_27741_1372881244.1681870401833"
    h = [
        # Relayed by the unit's mail gateway, which sets its own envelope sender.
        ("Return-Path", "<mail-daemon@qiye.163.com>"),
        ("Received", "from mx-hz1.qiye.163.com (unknown [115.236.119.61])\r\n\tby newxmmxszc1-9.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Wed, 19 Apr 2023 10:13:22 +0800"),
        ("X-QQ-mid", "xmmxszc1-9t1681870402t30457"),
        ("Date", "Wed, 19 Apr 2023 10:13:21 +0800 (GMT+08:00)"),
        ("From", f"{ew('网易企业邮箱', 'gbk')} <mail-daemon@qiye.163.com>"),
        ("To", "43347867@qq.com"),
        ("Message-ID", "<1281417529.27742.1681870401834.JavaMail.qiye@mx-hz1.qiye.163.com>"),
        ("Subject", ew("邮件无法送达：" + ACK_009_SUBJECT, "gbk")),
        ("MIME-Version", "1.0"),
        ("Content-Type", f"multipart/mixed; \r\n\tboundary=\"{boundary}\""),
        ("X-HM-Spam-Status", "e1kfGhgUHx5ZQUpXWQgPGg8OCBgUHx5ZQUlOS1dZFg8aDwILHllBWSg2Ly"),
    ]
    body = (
        f"--{boundary}\r\nContent-Type: text/plain; charset=GBK\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(text.replace("\n", "\r\n").encode("gbk"))
        + f"\r\n--{boundary}\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n"
        + inner
        + f"\r\n--{boundary}--\r\n"
    )
    return (headers(h) + "\r\n" + body).encode("ascii")


def exchange_ndr_wrapped() -> bytes:
    """A Chinese Exchange (世纪互联) non-delivery report for our ack, passed through a county
    mail gateway that wrapped it in multipart/mixed to add its footer."""
    mid = ack_mid("040-outlook-tax-bureau-plan.eml")
    ndr = (
        "无法将邮件传递到以下收件人或组：\n\n"
        "yangfan@dktax.partner.onmschina.cn\n"
        "在组织中未找到收件人的电子邮件地址。请检查收件人的电子邮件地址，然后尝试重新发送该邮件。\n\n"
        "管理员的诊断信息：\n\n生成服务器: BJ1PR01MB0123.CHNPR01.prod.partner.outlook.cn\n"
        "yangfan@dktax.partner.onmschina.cn\n远程服务器返回 '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'\n"
    )
    status = (
        "Reporting-MTA: dns;BJ1PR01MB0123.CHNPR01.prod.partner.outlook.cn\r\n"
        "Received-From-MTA: dns;newxmesmtplogicsvrszc5-2.qq.com\r\n"
        "Arrival-Date: Mon, 3 Jul 2023 07:10:33 +0000\r\n\r\n"
        "Final-Recipient: rfc822;yangfan@dktax.partner.onmschina.cn\r\n"
        "Action: failed\r\nStatus: 5.1.10\r\n"
        "Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\r\n"
    )
    inner_headers = our_mail_rfc822(ACK_040_SUBJECT, "yangfan@dktax.partner.onmschina.cn", mid,
                                    "<00003501d919d8$dc46da36$af749f44$@163.com>",
                                    "Mon, 3 Jul 2023 15:10:33 +0800", ACK_040).split("\r\n\r\n")[0] + "\r\n"
    rb = "_000_BJ1PR01MB01231B7E4F2D4C1AA9E3BJ1PR01MB0123CHNP_"
    ib = "_001_BJ1PR01MB01231B7E4F2D4C1AA9E3BJ1PR01MB0123CHNP_"
    gw = "----=_GW_Part_5521_20230703151040"
    report = (
        f"Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"{rb}\"\r\n\r\n"
        f"--{rb}\r\nContent-Type: multipart/alternative; differences=Content-Type;\r\n\tboundary=\"{ib}\"\r\n\r\n"
        f"--{ib}\r\nContent-Type: text/plain; charset=\"utf-8\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(ndr.replace("\n", "\r\n").encode("utf-8"))
        + f"\r\n\r\n--{ib}--\r\n\r\n"
        f"--{rb}\r\nContent-Type: message/delivery-status\r\n\r\n{status}\r\n"
        f"--{rb}\r\nContent-Type: text/rfc822-headers\r\n\r\n{inner_headers}\r\n"
        f"--{rb}--\r\n"
    )
    footer = "【洞口县电子政务外网邮件安全网关】本邮件已经过病毒及垃圾邮件扫描。\n"
    h = [
        ("Return-Path", "<gw-relay@dongkou.gov.cn>"),
        ("Received", "from gw.dongkou.gov.cn (unknown [59.51.24.18])\r\n\tby newxmmxszc4-11.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Mon, 03 Jul 2023 15:10:41 +0800"),
        ("X-QQ-mid", "xmmxszc4-11t1688368241t58133"),
        ("From", "Microsoft Outlook\r\n\t<MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@dktax.partner.onmschina.cn>"),
        ("To", "<43347867@qq.com>"),
        ("Date", "Mon, 3 Jul 2023 07:10:36 +0000"),
        ("Subject", ew("无法送达: " + ACK_040_SUBJECT, "utf-8")),
        ("Message-ID", "<2b8c9f4e-1d7a-4e35-b2c0-6a9e3f17d5c8@BJ1PR01MB0123.CHNPR01.prod.partner.outlook.cn>"),
        ("X-MS-Exchange-Message-Is-Ndr", ""),
        ("Content-Language", "zh-CN"),
        ("MIME-Version", "1.0"),
        ("Content-Type", f"multipart/mixed; boundary=\"{gw}\""),
        ("X-GW-Scanned", "dongkou-gw 3.2"),
    ]
    body = (
        f"--{gw}\r\n{report}\r\n"
        f"--{gw}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(footer.replace("\n", "\r\n").encode("utf-8"))
        + f"\r\n--{gw}--\r\n"
    )
    return (headers(h) + "\r\n" + body).encode("utf-8")


def sina_dsn() -> bytes:
    """Sina's MAILER-DAEMON bounce (systematic wording), for a mail it could not deliver."""
    mid = ack_mid("009-outlook-fgj-hearing-plan-docx.eml")
    text = (
        "这是新浪邮箱的系统退信。\n很抱歉，您发送的邮件无法送达以下地址：\n\n  dkfgj_zm@sina.com\n\n"
        "退信原因：该邮箱已被冻结。\n\n----- 原邮件头 -----\n"
        f"Message-ID: {mid}\nSubject: {ACK_009_SUBJECT}\nX-Themeday-Loop: {OFFICE}\n"
    )
    h = [
        ("Return-Path", "<>"),
        ("Received", "from mail3-162.sinamail.sina.com.cn (unknown [202.108.3.162])\r\n\tby newxmmxszc3-6.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Wed, 19 Apr 2023 10:14:02 +0800"),
        ("Date", "Wed, 19 Apr 2023 10:14:01 +0800"),
        ("From", "MAILER-DAEMON@sina.com"),
        ("To", "43347867@qq.com"),
        ("Subject", ew("系统退信", "gbk")),
        ("Message-ID", "<20230419021401.5E7B24C0093@mail3-162.sinamail.sina.com.cn>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain; charset=GBK"),
        ("Content-Transfer-Encoding", "base64"),
    ]
    return (headers(h) + "\r\n" + b64(text.replace("\n", "\r\n").encode("gbk")) + "\r\n").encode("ascii")


def foxmail_revised_plan_same_thread() -> bytes:
    """The unit answers our ack the same afternoon with a revised plan attached."""
    mid = ack_mid("007-foxmail-justice-plan-weekday-time.eml")
    text = (
        "县政务公开办：\n    我局活动方案有调整，活动时间改为2023年4月25日上午9:00，现将修改后的活动方案重新报送，请以此版本为准。\n\n"
        "洞口县司法局 陈晓\n\n"
        "发件人： 县政务公开办\n发送时间： 2023-04-14 16:49\n收件人： chenxiao_sfj\n"
        f"主题： {ACK_007_SUBJECT}\n" + ACK_007
    )
    doc = docx([
        "洞口县司法局“法治政府示范创建宣传”政务公开主题日活动方案（修改稿）",
        "为深入推进法治政府建设示范创建工作，根据县政务公开主题日活动安排，结合我局工作实际，制定本方案。",
        "一、活动时间：2023年4月25日（星期二）上午9:00",
        "二、活动地点：县人民广场",
        "三、活动形式：问卷调查、现场宣传",
        "洞口县司法局",
        "2023年4月14日",
    ])
    name = "县司法局法治政府示范创建宣传活动方案（修改稿）.docx"
    outer = "----=_001_NextPart730185264913_=----"
    alt = "----=_002_NextPart842961037552_=----"
    h = [
        ("Return-Path", "<chenxiao_sfj@126.com>"),
        ("Received", "from m15.mail.126.com (unknown [220.181.15.112])\r\n\tby newxmmxszc7-14.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Fri, 14 Apr 2023 17:31:05 +0800"),
        ("X-QQ-mid", "xmmxszc7-14t1681464665t11937"),
        ("Date", "Fri, 14 Apr 2023 17:30:52 +0800"),
        ("From", f"\"{ew('陈晓', 'gbk')}\" <chenxiao_sfj@126.com>"),
        ("To", f"\"{ew('县政务公开办', 'gbk')}\" <43347867@qq.com>"),
        ("Subject", ew("Re: " + ACK_007_SUBJECT, "gbk")),
        ("References", mid),
        ("X-Priority", "3"),
        ("X-Has-Attach", "yes"),
        ("X-Mailer", "Foxmail 7.2.25.304[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202304141730522378461@126.com>"),
        ("In-Reply-To", mid),
        ("Content-Type", f"multipart/mixed;\r\n\tboundary=\"{outer}\""),
    ]
    body = (
        f"\r\nThis is a multi-part message in MIME format.\r\n\r\n--{outer}\r\n"
        f"Content-Type: multipart/alternative;\r\n\tboundary=\"{alt}\"\r\n\r\n\r\n--{alt}\r\n"
        "Content-Type: text/plain;\r\n\tcharset=\"GBK\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp(text, "gbk")
        + f"\r\n\r\n--{alt}--\r\n\r\n--{outer}\r\n"
        f"Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;\r\n\tname=\"{ew(name, 'gbk')}\"\r\n"
        f"Content-Transfer-Encoding: base64\r\nContent-Disposition: attachment;\r\n\tfilename=\"{ew(name, 'gbk')}\"\r\n\r\n"
        + b64(doc)
        + f"\r\n\r\n--{outer}--\r\n"
    )
    return (headers(h) + body).encode("ascii")


def foxmail_reply_to_elsewhere() -> bytes:
    """A plan whose Reply-To points to another domain: the ack must not follow it."""
    text = (
        "县政务公开办：\n    我局定于2023年4月21日上午召开减税降费惠企政策解读座谈会，现将活动方案报送如下，请审阅。\n\n"
        "洞口县财政局减税降费惠企政策解读座谈会活动方案\n一、活动时间：2023年4月21日上午9:30\n二、活动地点：县财政局三楼会议室\n"
        "三、活动形式：座谈交流会\n\n洞口县财政局\n2023年4月10日\n"
    )
    boundary = "----=_001_NextPart562839104716_=----"
    h = [
        ("Return-Path", "<caizheng_dk@163.com>"),
        ("Received", "from m12.mail.163.com (unknown [220.181.12.197])\r\n\tby newxmmxszc5-3.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Mon, 10 Apr 2023 10:02:44 +0800"),
        ("X-QQ-mid", "xmmxszc5-3t1681092164t40261"),
        ("Date", "Mon, 10 Apr 2023 10:02:31 +0800"),
        ("From", f"\"{ew('县财政局 李娜', 'gbk')}\" <caizheng_dk@163.com>"),
        ("Reply-To", "\"promo\" <list-join@mailer.adsrelay.example.net>"),
        ("To", f"\"{ew('县政务公开办', 'gbk')}\" <43347867@qq.com>"),
        ("Subject", ew("县财政局减税降费惠企政策解读座谈会活动方案", "gbk")),
        ("X-Priority", "3"),
        ("X-Has-Attach", "no"),
        ("X-Mailer", "Foxmail 7.2.25.304[cn]"),
        ("Mime-Version", "1.0"),
        ("Message-ID", "<202304101002313907244@163.com>"),
        ("Content-Type", f"multipart/alternative;\r\n\tboundary=\"{boundary}\""),
    ]
    body = (
        f"\r\n--{boundary}\r\nContent-Type: text/plain;\r\n\tcharset=\"GBK\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + qp(text, "gbk")
        + f"\r\n\r\n--{boundary}--\r\n"
    )
    return (headers(h) + body).encode("ascii")


def qq_spam_subject_review() -> bytes:
    """A spammer's mail dressed as a submission: the review ack must not carry its subject."""
    spam = "主题日活动方案【澳门首家线上娱乐城 注册即送888元 www.am888-vip.example】"
    text = "各位领导：\n现将主题日活动方案报送如下，请审阅。拟于近期开展，具体时间另行通知。\n"
    boundary = "----=_NextPart_64352A1B_0C3D5E6F_7A8B9C0D"
    h = [
        ("Return-Path", "<kefu8866@163.com>"),
        ("Received", "from m12.mail.163.com (unknown [220.181.12.201])\r\n\tby newxmmxszc3-2.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Tue, 11 Apr 2023 02:17:09 +0800"),
        ("X-QQ-mid", "xmmxszc3-2t1681150629t21088"),
        ("From", f"\"{ew('客服中心', 'gb18030')}\" <kefu8866@163.com>"),
        ("To", "\"43347867\" <43347867@qq.com>"),
        ("Subject", ew(spam, "gb18030")),
        ("Mime-Version", "1.0"),
        ("Content-Type", f"multipart/alternative;\r\n\tboundary=\"{boundary}\""),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", "Tue, 11 Apr 2023 02:17:02 +0800"),
        ("X-Priority", "3"),
        ("Message-ID", "<tencent_5C1E2A3B4D6F7081920A3B4C5D6E7F801A2B@qq.com>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
    ]
    body = (
        f"This is a multi-part message in MIME format.\r\n\r\n--{boundary}\r\n"
        "Content-Type: text/plain;\r\n\tcharset=\"gb18030\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(text.replace("\n", "\r\n").encode("gb18030"))
        + f"\r\n\r\n--{boundary}--\r\n"
    )
    return (headers(h) + "\r\n" + body).encode("ascii")


def outlook_forged_plan() -> bytes:
    """A plan in a unit's name (Outlook): the 1,000-senders test forges its From address."""
    text = (
        "县政务公开办：\n    根据县政务公开主题日活动安排，我局定于2023年4月27日上午9时在县政务服务中心三楼会议室举行"
        "乡镇自来水水价调整听证会，现将活动方案报送如下，请审阅。\n\n洞口县发展和改革局\n2023年4月18日\n"
    )
    h = [
        ("Return-Path", "<zhoumin_dkfgj@163.com>"),
        ("Received", "from m12.mail.163.com (unknown [220.181.12.216])\r\n\tby newxmmxszc1-14.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Tue, 18 Apr 2023 11:20:15 +0800"),
        ("X-QQ-mid", "xmmxszc1-14t1681788015t59801"),
        ("From", f"\"{ew('周敏', 'gb2312')}\" <zhoumin_dkfgj@163.com>"),
        ("To", "\"43347867@qq.com\" <43347867@qq.com>"),
        ("Subject", ew("关于报送乡镇自来水水价调整听证活动方案的函", "gb2312")),
        ("Date", "Tue, 18 Apr 2023 11:19:58 +0800"),
        ("Message-ID", "<000001d971a3$5b2c8e40$11859ac0$@163.com>"),
        ("MIME-Version", "1.0"),
        ("Content-Type", "text/plain;\r\n\tcharset=\"gb2312\""),
        ("Content-Transfer-Encoding", "quoted-printable"),
        ("X-Mailer", "Microsoft Outlook 16.0"),
        ("Thread-Index", "AdlxoxJ0c3VwZXJmb3JnZWRmcm9tYWRkcg=="),
        ("Content-Language", "zh-cn"),
    ]
    return (headers(h) + "\r\n" + qp(text, "gb2312") + "\r\n").encode("ascii")


def qq_reply_to_unit_address() -> bytes:
    """A stranger's mail dressed as a submission, with Reply-To: a unit's address, sent before
    09:00 ten times over to spend that address's daily budget (it names no unit, so it changes
    no record: it only asks for an acknowledgement)."""
    text = "县政务公开办：\n现将我单位政务公开主题日活动方案报送如下，请审阅。拟于近期开展，具体时间另行报告。\n办公室\n"
    boundary = "----=_NextPart_6452F0A1_1B2C3D4E_5F607182"
    h = [
        ("Return-Path", "<2998877665@qq.com>"),
        ("Received", "from xmbghk7.mail.qq.com (unknown [43.163.128.55])\r\n\tby newxmmxszc6-12.qq.com (NewMx) with SMTP id 0\r\n\tfor <43347867@qq.com>; Thu, 04 May 2023 08:05:31 +0800"),
        ("X-QQ-mid", "xmmxszc6-12t1683158731t30195"),
        ("From", f"\"{ew('办公室', 'gb18030')}\" <2998877665@qq.com>"),
        ("Reply-To", f"\"{ew('陈晓', 'gb18030')}\" <2850319476@qq.com>"),
        ("To", "\"43347867\" <43347867@qq.com>"),
        ("Subject", ew("政务公开主题日活动方案报送", "gb18030")),
        ("Mime-Version", "1.0"),
        ("Content-Type", f"multipart/alternative;\r\n\tboundary=\"{boundary}\""),
        ("Content-Transfer-Encoding", "8Bit"),
        ("Date", "Thu, 4 May 2023 08:05:24 +0800"),
        ("X-Priority", "3"),
        ("Message-ID", "<tencent_7D0E1F2A3B4C5D6E7F8091A2B3C4D5E6F708@qq.com>"),
        ("X-QQ-MIME", "TCMime 1.0 by Tencent"),
        ("X-Mailer", "QQMail 2.x"),
    ]
    body = (
        f"This is a multi-part message in MIME format.\r\n\r\n--{boundary}\r\n"
        "Content-Type: text/plain;\r\n\tcharset=\"gb18030\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + b64(text.replace("\n", "\r\n").encode("gb18030"))
        + f"\r\n\r\n--{boundary}--\r\n"
    )
    return (headers(h) + "\r\n" + body).encode("ascii")


FIXTURES = {
    "reply-qq-shoudao-quoting-overdue-notice.eml": qq_reply_shoudao,
    "ooo-coremail-zh-vacation-no-headers.eml": coremail_vacation_zh,
    "ooo-thunderbird-en-no-headers.eml": thunderbird_out_of_office_en,
    "autoack-foxmail-shoudao-quoting-ack.eml": foxmail_shoudao,
    "pingpong-plain-responder.eml": plain_responder,
    "bounce-qq-postmaster-ack-rfc822.eml": qq_bounce_postmaster,
    "bounce-163-qiye-zh-ack-rfc822.eml": netease_qiye_bounce,
    "bounce-outlook-exchange-zh-wrapped.eml": exchange_ndr_wrapped,
    "bounce-sina-mailer-daemon-zh.eml": sina_dsn,
    "thread-foxmail-revised-plan-same-day.eml": foxmail_revised_plan_same_thread,
    "relay-foxmail-reply-to-other-domain.eml": foxmail_reply_to_elsewhere,
    "relay-qq-spam-subject-review.eml": qq_spam_subject_review,
    "relay-outlook-forged-plan.eml": outlook_forged_plan,
    "cap-qq-reply-to-unit-address.eml": qq_reply_to_unit_address,
}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make in FIXTURES.items():
        (OUT / name).write_bytes(make())
    print(f"wrote {len(FIXTURES)} fixtures to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
