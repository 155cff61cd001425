#!/usr/bin/env python3
"""Generate the issue-12 golden fixtures: fixtures/classify/064-… and on.

What county mail does that the classifier did not read before: reports sent only as a PDF
(Identity-H CJK fonts with ToUnicode maps, WPS-style text runs, a GBK-EUC-H font), scans and
photographed documents, traditional characters in Big5 / UTF-8 / GB18030, report titles with
情况的报告 / 情况汇报, a forwarded local news story as the report, a campaign week with the
unit's own event day inside it, activities that are not in the schedule, a reply that only
acknowledges the notice, a half-year 政务公开 work summary, and two submissions in one mail.

The mail helpers (RFC 2047 words, MIME parts, .docx) are those of scripts/gen_holdout2.py;
the PDF writer is here. Python 3.11 stdlib only; output is deterministic.

Run:  python3 scripts/gen_fixtures_issue12.py          (writes, then verifies)
      python3 scripts/gen_fixtures_issue12.py --check  (verifies only)
"""
import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_holdout2 as h  # noqa: E402  (helpers only; its main() does not run on import)

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "classify"
OFFICE = h.OFFICE
dt, ew, addr, text, multi, attachment, message = h.dt, h.ew, h.addr, h.text, h.multi, h.attachment, h.message
docx, qq_html, foxmail_html, rcv, fake_jpg = h.docx, h.qq_html, h.foxmail_html, h.rcv, h.fake_jpg
DOCX_CT = h.DOCX_CT

# ----------------------------------------------------------------------------- PDF writer


def pdf_file(objects):
    """objects: list of bytes (object bodies, numbered from 1). Returns a complete PDF."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return bytes(out)


def stream(data, extra=b"", compress=True):
    if compress:
        data = zlib.compress(data, 9)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def info(producer):
    return f"<< /Producer ({producer}) /CreationDate (D:20230601093000+08'00') >>".encode()


def pdf_text(lines, style="word", producer="Microsoft Word 2016"):
    """A one-page A4 PDF whose text is `lines`, in an Identity-H Type0 font (glyph ids
    assigned per distinct character, as a subset font has them) with a ToUnicode CMap.
    style 'word': one BT, lines moved with Td, strings with Tj; 'wps': a BT/Tm per line and
    TJ arrays with kerning between runs."""
    chars = sorted({c for line in lines for c in line})
    cid = {c: i + 3 for i, c in enumerate(chars)}  # glyph ids, not code points

    def hexs(s):
        return "<" + "".join(f"{cid[c]:04X}" for c in s) + ">"

    ops = []
    if style == "word":
        ops.append("BT /F1 15.96 Tf 1 0 0 1 89.95 760.3 Tm")
        for i, line in enumerate(lines):
            if i:
                ops.append("0 -28.08 Td")
            ops.append(f"{hexs(line)} Tj")
        ops.append("ET")
    elif style == "chars":
        # Each character placed on its own (as browsers' print-to-PDF writes them).
        y = 780.0
        for line in lines:
            x = 72.0
            for ch in line:
                ops.append(f"BT /F1 14 Tf 1 0 0 1 {x:.2f} {y:.2f} Tm {hexs(ch)} Tj ET")
                x += 14.0
            y -= 24.0
    else:
        y = 770.0
        for line in lines:
            parts = [line[i:i + 7] for i in range(0, len(line), 7)] or [""]
            arr = " -12 ".join(hexs(p) for p in parts)
            ops.append(f"BT /F1 16 Tf 1 0 0 1 90 {y:.2f} Tm [{arr}] TJ ET")
            y -= 29.5
    content = ("q 0 0 0 rg\n" + "\n".join(ops) + "\nQ\n").encode()
    bf = []
    for c in chars:
        u = c.encode("utf-16-be").hex().upper()
        bf.append(f"<{cid[c]:04X}> <{u}>")
    blocks = []
    for i in range(0, len(bf), 100):
        chunk = bf[i:i + 100]
        blocks.append(f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar")
    cmap = ("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            + "\n".join(blocks) + "\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n").encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.32 841.92] "
        b"/Resources << /Font << /F1 5 0 R >> /ProcSet [/PDF /Text] >> /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /BCDEEE+SimSun /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 8 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /BCDEEE+SimSun "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 7 0 R /DW 1000 /CIDToGIDMap /Identity >>",
        b"<< /Type /FontDescriptor /FontName /BCDEEE+SimSun /Flags 6 /FontBBox [-8 -145 1000 859] "
        b"/ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 859 /StemV 80 >>",
        stream(cmap),
        info(producer),
    ]
    return pdf_file(objs)


def pdf_gbk(lines, producer="WPS Office"):
    """A PDF whose font uses the predefined GBK-EUC-H CMap: the strings are GBK bytes."""
    ops = ["BT /F1 16 Tf 90 770 Td"]
    for i, line in enumerate(lines):
        if i:
            ops.append("0 -29 Td")
        ops.append("<" + line.encode("gbk").hex().upper() + "> Tj")
    ops.append("ET")
    content = "\n".join(ops).encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /GBK-EUC-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 >>",
        info(producer),
    ]
    return pdf_file(objs)


def pdf_ucs2(lines, producer="PDF Creator"):
    """A PDF in Adobe's STSong-Light with the predefined UniGB-UCS2-H CMap (no embedded font,
    no ToUnicode): the strings are the characters' UCS-2."""
    ops = ["BT /F1 14 Tf 1 0 0 1 80 760 Tm 20 TL"]
    for line in lines:
        ops.append("<" + line.encode("utf-16-be").hex().upper() + "> Tj T*")
    ops.append("ET")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        stream("\n".join(ops).encode()),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>",
        info(producer),
    ]
    return pdf_file(objs)


def pdf_scan(pages=2, producer="Canon iR-ADV C3525 PDF"):
    """A scanner's PDF: each page one grey image, no text."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for p in range(pages):
        n = len(objs) + 1
        kids.append(f"{n} 0 R")
        pixels = bytes((x * 7 + y * 13 + p) % 256 for y in range(48) for x in range(34))
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    f"/Resources << /XObject << /Im0 {n + 1} 0 R >> >> /Contents {n + 2} 0 R >>".encode())
        objs.append(stream(pixels, b" /Type /XObject /Subtype /Image /Width 34 /Height 48 "
                                   b"/ColorSpace /DeviceGray /BitsPerComponent 8"))
        objs.append(stream(b"q 595 0 0 842 0 0 cm /Im0 Do Q\n"))
    objs[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>".encode()
    objs.append(info(producer))
    return pdf_file(objs)


def label(kind, unit=None, activity=None, start=None, end=None, review=False, automated=False,
          submissions=None):
    """The expected decision; `submissions` lists every (kind, activity, start[, end]) of a
    mail that carries several, the top-level one first."""
    lab = h.label(kind, unit, activity, start, end, review, automated)
    if submissions:
        lab["submissions"] = [
            {"kind": k, "activity": a, "activity_date": st, "activity_end": (rest[0] if rest else st)}
            for k, a, st, *rest in submissions]
    return lab


CASES = []


def case(name, what):
    def deco(fn):
        CASES.append((name, what, fn))
        return fn
    return deco


def qq_headers(date, frm, subject, mid, charset="utf-8", extra=()):
    return [rcv("qq.com", "127.0.0.1", "smtp.qq.com (ESMTP)", date, "0"),
            "X-QQ-mid: xmsmtpt" + mid[:12],
            "From: " + frm,
            "To: " + addr("政务公开办", OFFICE, charset, quote=True),
            "Subject: " + ew(subject, charset),
            "Mime-Version: 1.0",
            "Date: " + date,
            *extra,
            f"Message-ID: <tencent_{mid}@qq.com>",
            "X-Mailer: QQMail 2.x"]


# ----------------------------------------------------------------------------- PDF


@case("064-qq-hrss-report-pdf-only-generic-subject",
      "QQ Mail, subject '材料', empty body; the report is only a PDF (Word, Identity-H font with ToUnicode)")
def c064():
    date = dt(2023, 6, 26, 9, 12, 40)
    pdf = pdf_text(["洞口县人力资源和社会保障局",
                    "关于惠民政策宣传日活动开展情况的报告",
                    "县政务公开办：",
                    "6月21日上午，我局在县城平溪广场举办惠民政策宣传日活动，",
                    "邀请企业代表、务工人员代表座谈交流，现场解读稳岗返还、",
                    "创业担保贷款等政策，发放调查问卷300份，收回287份。",
                    "活动共接待群众咨询420人次。",
                    "洞口县人力资源和社会保障局",
                    "2023年6月25日"])
    body = "\n"
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_6498E9B8_0A7C4D10_3E12F5A6")
    mixed = multi("mixed", [alt, attachment(pdf, "application/pdf", "报送材料.pdf", "ew", "gb18030")],
                  "----=_NextPart_6498E9B8_0A7C4D10_7F35A2C1")
    hs = qq_headers(date, addr("周晓兰", "2876654012@qq.com", "gb18030", quote=True), "材料",
                    "8B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F07", "gb18030")
    return message(hs, mixed), label("report", "县人社局", 17, "2023-06-21")


@case("065-foxmail-health-plan-pdf-wps-tj",
      "Foxmail, body '见附件，请审阅。'; the plan is a WPS PDF (a BT/Tm per line, TJ arrays with kerning)")
def c065():
    date = dt(2023, 9, 1, 15, 40, 2)
    pdf = pdf_text(["洞口县卫生健康局2023年预防出生缺陷日",
                    "政务公开主题日活动方案",
                    "一、活动时间：拟于2023年9月14日上午",
                    "二、活动地点：县妇幼保健计划生育服务中心门诊大厅",
                    "三、活动形式：政策发布。发布免费婚前医学检查、孕前优生",
                    "健康检查和新生儿疾病筛查等惠民政策，现场咨询。",
                    "四、参加人员：局分管领导、妇幼健康股、县妇幼保健院医务人员。",
                    "洞口县卫生健康局",
                    "2023年9月1日"], style="wps", producer="WPS Office")
    body = "见附件，请审阅。\n"
    alt = multi("alternative", [text("plain", body, "gbk", "quoted-printable"),
                                text("html", foxmail_html(body, "gbk"), "gbk", "quoted-printable")],
                "----=_001_NextPart413207556204_=----")
    mixed = multi("mixed", [alt, attachment(pdf, "application/pdf", "出生缺陷日活动方案.pdf", "ew", "gbk")],
                  "----=_000_NextPart871104628533_=----")
    hs = [rcv("DESKTOP-7QK2M1 (unknown [113.218.197.40])", "113.218.197.40", "smtp.163.com (Coremail)",
              date, "_____wD3_6nJG_FkmQ0yBg--.22481S2"),
          "Date: " + date,
          "From: " + addr("县卫健局妇幼股", "dkwjj_fyg@163.com", "gbk", quote=True),
          "To: " + OFFICE,
          "Subject: " + ew("主题日活动方案", "gbk"),
          "X-Priority: 3",
          "X-GUID: 3C1E77A0-2B5D-4A10-9F2A-7E1B0D6C5A33",
          "X-Has-Attach: yes",
          "X-Mailer: Foxmail 7.2.25.228[cn]",
          "Mime-Version: 1.0",
          "Message-ID: <202309011540022517681@163.com>"]
    return message(hs, mixed), label("plan", "县卫健局", 23, "2023-09-14")


@case("066-qq-medical-report-scanned-pdf",
      "QQ Mail from a known unit name, subject '情况报告', body '请查收'; the PDF is a scan (images, no text) -> review")
def c066():
    date = dt(2023, 8, 23, 10, 2, 11)
    body = "请查收。\n"
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_64E56A13_0B2F1C88_1D2E3F40")
    mixed = multi("mixed", [alt, attachment(pdf_scan(2), "application/pdf", "扫描全能王 2023-08-23 09.51.pdf",
                                            "ew", "gb18030")],
                  "----=_NextPart_64E56A13_0B2F1C88_5A6B7C8D")
    hs = qq_headers(date, addr("洞口县医疗保障局", "3318045227@qq.com", "gb18030", quote=True), "情况报告",
                    "1F2E3D4C5B6A79880F1E2D3C4B5A69788A07", "gb18030")
    return message(hs, mixed), label("report", "县医保局", 22, None, review=True)


@case("067-qq-civil-plan-photo-of-document",
      "QQ Mail, subject '民政局开放日方案', the plan only as a phone photo (方案.jpg) -> review")
def c067():
    date = dt(2023, 4, 18, 17, 20, 5)
    body = "尹主任，方案拍照发您，原件明天送来。\n"
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_643E6115_0C1D2E3F_40516273")
    mixed = multi("mixed", [alt, attachment(fake_jpg(7), "image/jpeg", "方案.jpg", "ew", "utf-8")],
                  "----=_NextPart_643E6115_0C1D2E3F_8495A6B7")
    hs = qq_headers(date, addr("民政局曾伟", "1046637782@qq.com", quote=True), "民政局开放日方案",
                    "5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E07")
    return message(hs, mixed), label("plan", "县民政局", 7, None, review=True)


@case("068-wps-culture-report-pdf-gbk-cmap",
      "163 Coremail, body one line; the report PDF's font uses the predefined GBK-EUC-H CMap")
def c068():
    date = dt(2023, 7, 24, 11, 30, 0)
    pdf = pdf_gbk(["洞口县文化旅游广电体育局",
                   "文旅体融合发展座谈会主题活动情况报告",
                   "7月20日下午，我局在县文化馆召开文旅体融合发展座谈会，",
                   "邀请景区、民宿、体育场馆经营者和群众代表20余人参加，",
                   "围绕全域旅游、赛事引流等议题交流发言，收集意见建议15条。",
                   "2023年7月24日"])
    body = "文旅体融合发展座谈会情况报告已扫描成PDF，见附件。\n"
    part_t = text("plain", body, "GBK", "base64")
    mixed = multi("mixed", [part_t, attachment(pdf, "application/pdf", "情况报告0724.pdf", "2231", "UTF-8")],
                  "----=_Part_88213_1733402211.1690169400000")
    hs = [rcv("dkwlgtj$163.com ( [175.8.131.20] )", "175.8.131.20", "ajax-webmail-wmsvr-40-131 (Coremail)",
              date, "gsGowAB3c7L4_b1kQ1kAAA--"),
          "Date: " + date,
          "From: " + addr("县文旅广体局", "dkwlgtj@163.com", "GBK"),
          "To: " + OFFICE,
          "Subject: " + ew("报送情况报告", "GBK"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <3b1c6f0e.5a21.18985b1c2d3.Coremail.dkwlgtj@163.com>"]
    return message(hs, mixed), label("report", "县文旅广体局", 21, "2023-07-20")


# ----------------------------------------------------------------------------- traditional characters


@case("069-thunderbird-land-report-big5-traditional",
      "text/plain Big5 base64 in traditional characters, Big5 RFC 2047 subject; report of 6·25 土地日")
def c069():
    date = dt(2023, 6, 28, 16, 5, 44)
    body = ("縣政務公開辦：\n"
            "　　6月25日上午，我局在縣城步行街舉辦第33個全國土地日宣傳活動，現場發布《洞口縣國土空間總體規劃》"
            "政策解讀，發放宣傳資料1500餘份，解答群眾諮詢200餘人次。活動取得良好效果。\n"
            "　　現將活動開展情況報告如下，現場照片附後。\n"
            "\n"
            "洞口縣自然資源局\n"
            "2023年6月28日\n")
    part_t = text("plain", body, "big5", "base64")
    mixed = multi("mixed", [part_t, attachment(fake_jpg(11), "image/jpeg", "現場照片1.jpg", "ew", "big5")],
                  "------------A81C3E5F0B2D4F6A8C0E1B3D")
    hs = ["Date: " + date,
          "From: " + addr("自然資源局 辦公室", "dkzrzyj@126.com", "big5"),
          "To: " + OFFICE,
          "Subject: " + ew("全國土地日宣傳活動情況報告", "big5"),
          "Message-ID: <c4a2e1f0-7b3d-4e5a-9c1d-2f3e4a5b6c7d@126.com>",
          "User-Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:102.0) Gecko/20100101 Thunderbird/102.12.0",
          "MIME-Version: 1.0",
          "Content-Language: zh-TW"]
    return message(hs, mixed), label("report", "县自然资源局", 16, "2023-06-25")


@case("070-outlook-tax-plan-utf8-traditional-reply",
      "Outlook (zh-TW), UTF-8 QP, traditional characters; 回覆 of the office's reminder with a 寄件者:/傳送時間: block")
def c070():
    date = dt(2023, 7, 6, 9, 48, 20)
    body = ("縣政務公開辦：\n"
            "　　我局擬於7月18日（星期二）上午在縣政務服務中心稅務辦稅廳舉辦「稅務事項一網通辦」"
            "政務公開主題日活動，邀請納稅人代表座談交流並開展問卷調查。活動方案如下：\n"
            "　　一、活動時間：2023年7月18日上午9:00\n"
            "　　二、活動形式：座談交流、問卷調查\n"
            "　　三、參加人員：局辦公室、納稅服務股，納稅人代表15名\n"
            "國家稅務總局洞口縣稅務局\n"
            "\n"
            "寄件者: 政務公開辦 <43347867@qq.com>\n"
            "傳送時間: 2023年7月4日 下午 03:12\n"
            "收件者: dkswj@163.com\n"
            "主旨: 7月主題日活動方案報送提醒\n"
            "\n"
            "請於7月11日前報送活動方案。\n")
    alt = multi("alternative", [text("plain", body, "utf-8", "quoted-printable", quoted=True),
                                text("html", "<html><body>" + body.replace("\n", "<br>\n") + "</body></html>",
                                     "utf-8", "quoted-printable", quoted=True)],
                "_000_TYZPR06MB4526B1C3D2E1F0A9B8C7D6E5TYZPR06MB4526apcp_")
    hs = ["From: " + addr("稅務局辦公室", "dkswj@163.com"),
          "To: " + addr("政務公開辦", OFFICE),
          "Subject: " + ew("回覆: 7月主題日活動方案報送提醒", "utf-8"),
          "Thread-Topic: " + ew("7月主題日活動方案報送提醒", "utf-8"),
          "Thread-Index: AdmvK2V1c3RvbWVyLXRyYWQ=",
          "Date: " + date,
          "Message-ID: <TYZPR06MB4526B1C3D2E1F0A9B8C7D6E5@TYZPR06MB4526.apcprd06.prod.outlook.com>",
          "In-Reply-To: <tencent_7A6B5C4D3E2F1A0B9C8D7E6F5A4B3C2D1E07@qq.com>",
          "Content-Language: zh-TW",
          "X-MS-Has-Attach:",
          "MIME-Version: 1.0"]
    return message(hs, alt), label("plan", "县税务局", 20, "2023-07-18")


@case("071-qq-agriculture-report-gb18030-traditional-html",
      "QQ Mail HTML-only GB18030 base64 written in traditional characters; report with 已於")
def c071():
    date = dt(2023, 6, 13, 18, 25, 9)
    body = ("縣政務公開辦：\n"
            "我局已於6月9日在高沙鎮農資市場開展打擊假冒農藥化肥種子現場宣傳活動，"
            "查處假冒偽劣農資案件2起，發放《種子法》宣傳冊800份，現將有關情況報告如下。\n"
            "一、主要做法……\n"
            "二、下一步工作……\n"
            "洞口縣農業農村局\n")
    part = text("html", qq_html(body).replace("utf-8", "gb18030"), "gb18030", "base64")
    hs = qq_headers(date, addr("農業農村局", "1790254436@qq.com", "gb18030", quote=True),
                    "打擊假冒農資宣傳活動情況報告", "0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6E07", "gb18030")
    return message(hs, part), label("report", "县农业农村局", 18, "2023-06-09")


# ----------------------------------------------------------------------------- report titles and forms


@case("072-coremail-justice-report-title-qingkuang-de-baogao",
      "163 Coremail; title '…宣传活动情况的报告' (的 between 情况 and 报告); past tense without 已于")
def c072():
    date = dt(2023, 4, 26, 16, 1, 30)
    body = ("县政务公开办：\n"
            "　　4月24日上午，我局在县城雪峰广场开展法治政府示范创建宣传活动，设置法律咨询台，"
            "向过往群众发放调查问卷，了解群众对法治政府建设的评价和建议，共收回有效问卷356份。\n"
            "　　现将有关情况报告如下，详见附件。\n"
            "洞口县司法局\n")
    doc = docx(["洞口县司法局关于法治政府示范创建宣传活动情况的报告",
                "县政务公开办：",
                "4月24日上午，我局在县城雪峰广场开展法治政府示范创建宣传活动。",
                "一、问卷调查。发放问卷400份，收回有效问卷356份。",
                "二、法律咨询。接受群众法律咨询65人次。",
                "洞口县司法局",
                "2023年4月26日"])
    alt = multi("alternative", [text("plain", body, "UTF-8", "base64"),
                                text("html", foxmail_html(body, "UTF-8"), "UTF-8", "base64")],
                "----=_Part_140221_1520839210.1682496090000")
    mixed = multi("mixed", [alt, attachment(doc, DOCX_CT, "法治政府示范创建宣传活动情况的报告.docx", "ew", "UTF-8")],
                  "----=_Part_140220_1208174452.1682496090000")
    hs = [rcv("dksfj_bgs$163.com ( [113.218.200.9] )", "113.218.200.9", "ajax-webmail-wmsvr-40-117 (Coremail)",
              date, "bsGowAD3n8Jq2EhkB0EBAA--"),
          "Date: " + date,
          "From: " + addr("洞口县司法局", "dksfj_bgs@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("法治政府示范创建宣传活动情况的报告", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <61d2a8c3.4b10.187bd6f4e21.Coremail.dksfj_bgs@163.com>"]
    return message(hs, mixed), label("report", "县司法局", 3, "2023-04-24")


@case("073-foxmail-finance-report-qingkuang-huibao",
      "Foxmail GBK QP; subject '…座谈会开展情况汇报'; no 报告/总结 word in the body")
def c073():
    date = dt(2023, 4, 28, 10, 20, 0)
    body = ("县政务公开办：\n"
            "　　4月25日下午，县财政局在四楼会议室召开减税降费惠企政策解读座谈会，"
            "邀请12家中小企业负责人参会，逐条解读今年延续优化的减税降费政策，"
            "现场解答企业提问18个，会后向参会企业发放政策汇编。\n"
            "　　特此汇报。\n"
            "县财政局办公室\n"
            "2023年4月28日\n")
    alt = multi("alternative", [text("plain", body, "gbk", "quoted-printable"),
                                text("html", foxmail_html(body, "gbk"), "gbk", "quoted-printable")],
                "----=_001_NextPart150342871046_=----")
    hs = ["Date: " + date,
          "From: " + addr("县财政局办公室", "dkczj@163.com", "gbk", quote=True),
          "To: " + addr("政务公开办", OFFICE, "gbk", quote=True),
          "Subject: " + ew("减税降费惠企政策解读座谈会开展情况汇报", "gbk"),
          "X-Priority: 3",
          "X-Mailer: Foxmail 7.2.25.228[cn]",
          "Mime-Version: 1.0",
          "Message-ID: <202304281020002215034@163.com>"]
    return message(hs, alt), label("report", "县财政局", 5, "2023-04-25")


@case("074-qq-civil-forwarded-news-story",
      "QQ Mail '转发：' of a 洞口新闻网 story about the unit's open day: the news story is the report")
def c074():
    date = dt(2023, 4, 28, 8, 55, 12)
    body = ("我局开放日的新闻报道，请查收。\n"
            "\n"
            "------------------ 原始邮件 ------------------\n"
            "发件人: \"洞口新闻网\" <dkxww@163.com>\n"
            "发送时间: 2023年4月27日(星期四) 下午5:32\n"
            "收件人: \"民政局曾伟\" <1046637782@qq.com>\n"
            "主题: 县民政局举办第三届公众开放日活动\n"
            "\n"
            "洞口新闻网讯（通讯员 曾伟 记者 谢文）4月27日上午，县民政局举办第三届“公众开放日”活动，"
            "邀请人大代表、政协委员和社区群众代表30余人走进县社会福利中心、婚姻登记处，"
            "实地了解养老服务、婚姻登记“跨省通办”等工作，并召开座谈会听取意见建议。\n"
            "责任编辑：刘芳\n")
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_644B1A30_0D2E3F40_51627384")
    hs = qq_headers(date, addr("民政局曾伟", "1046637782@qq.com", quote=True), "转发：县民政局举办第三届公众开放日活动",
                    "6C5D4E3F2A1B0C9D8E7F6A5B4C3D2E1F0A07")
    return message(hs, alt), label("report", "县民政局", 7, "2023-04-27")


# ----------------------------------------------------------------------------- dates


@case("075-coremail-police-cyberweek-own-day-plan",
      "the campaign week 9月11日至17日 frames the mail; the unit's own event is 定于9月14日 -> that day")
def c075():
    date = dt(2023, 9, 4, 10, 40, 0)
    body = ("县政务公开办：\n"
            "　　9月11日至17日是2023年国家网络安全宣传周。根据县政务公开主题日活动安排，"
            "我局定于9月14日上午在县第一中学开展网络安全进校园现场宣传，并组织师生参加网络安全知识问卷调查。\n"
            "　　参加人员：网安大队民警、县一中师生。\n"
            "　　请审核。\n"
            "洞口县公安局网安大队\n"
            "2023年9月4日\n")
    part = text("plain", body, "UTF-8", "base64")
    hs = [rcv("dkgawa$163.com ( [113.218.205.61] )", "113.218.205.61", "ajax-webmail-wmsvr-40-122 (Coremail)",
              date, "_____wB3aX5wP_Vk9BMBAA--"),
          "Date: " + date,
          "From: " + addr("公安局网安大队", "dkgawa@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("网络安全宣传周进校园活动方案", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <6f1e2d3c.2a10.18a5e9d1c20.Coremail.dkgawa@163.com>"]
    return message(hs, part), label("plan", "县公安局", 24, "2023-09-14")


@case("076-qq-market-ipweek-report-own-day",
      "report: the week 4月20日—26日 first, then 于4月25日在…开展 -> the event day, not the week's start")
def c076():
    date = dt(2023, 4, 27, 15, 2, 33)
    body = ("县政务公开办：\n"
            "　　4月20日—26日全国知识产权宣传周期间，我局于4月25日在县城步行街开展世界知识产权日宣传周"
            "现场观摩活动，组织企业代表观摩商标品牌指导站，发放宣传资料600余份。\n"
            "　　现将活动情况报告如下。\n"
            "县市场监督管理局知识产权股\n")
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_644A1D11_0E1F2A3B_4C5D6E7F")
    hs = qq_headers(date, addr("市监局知识产权股", "2419087735@qq.com", "gb18030", quote=True),
                    "知识产权宣传周活动情况", "3E2D1C0B9A8F7E6D5C4B3A291807F6E5D407", "gb18030")
    return message(hs, alt), label("report", "县市监局", 6, "2023-04-25")


@case("077-outlook-emergency-month-plan-spans-range",
      "counter-case: 将于6月1日至30日开展 the activity itself spans the month; a sub-day inside stays inside")
def c077():
    date = dt(2023, 5, 22, 14, 30, 0)
    body = ("县政务公开办：\n"
            "　　我局将于6月1日至30日开展2023年“安全生产月”系列宣传活动，其中6月16日在雪峰广场"
            "举办安全宣传咨询日现场观摩，各乡镇同步设点。活动方案附后，请审阅。\n"
            "洞口县应急管理局\n"
            "2023年5月22日\n")
    alt = multi("alternative", [text("plain", body, "gb2312", "quoted-printable"),
                                text("html", "<html><body><p class=MsoNormal>" + body.replace("\n", "<br>")
                                     + "</p></body></html>", "gb2312", "quoted-printable")],
                "_000_HK0PR01MB2018A1B2C3D4E5F6A7B8C9D0HK0PR01MB2018apcp_")
    hs = ["From: " + addr("应急管理局", "dkyjj@163.com", "gb2312"),
          "To: " + OFFICE,
          "Subject: " + ew("安全生产月活动方案", "gb2312"),
          "Thread-Index: AdmMdGhpcyBpcyBhIHRocmVhZA==",
          "Date: " + date,
          "Message-ID: <HK0PR01MB2018A1B2C3D4E5F6A7B8C9D0@HK0PR01MB2018.apcprd01.prod.exchangelabs.com>",
          "Content-Language: zh-CN",
          "MIME-Version: 1.0"]
    return message(hs, alt), label("plan", "县应急局", 19, "2023-06-01", "2023-06-30")


# ----------------------------------------------------------------------------- unscheduled activities


@case("078-qq-water-november-plan-unscheduled",
      "县水利局 plans a November theme the schedule does not have -> activity null, 计划外活动, review")
def c078():
    date = dt(2023, 10, 30, 16, 12, 0)
    body = ("县政务公开办：\n"
            "　　为贯彻落实《公民节约用水行为规范》，我局拟于11月16日在县城平溪江广场开展"
            "“节约用水 共建节水型社会”政务公开主题日活动，现场发布县城居民阶梯水价政策解读，"
            "开展节水知识有奖问答。\n"
            "　　联系人：刘敏\n"
            "洞口县水利局\n"
            "2023年10月30日\n")
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_653F6660_0A1B2C3D_4E5F6A7B")
    hs = qq_headers(date, addr("水利局刘敏", "1378245519@qq.com", quote=True), "11月政务公开主题日活动方案",
                    "2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F07")
    return message(hs, alt), label("plan", "县水利局", None, "2023-11-16", review=True)


@case("079-coremail-police-december-report-unscheduled",
      "县公安局 (three activities, none in December) reports a 全国交通安全日 event -> activity null, review")
def c079():
    date = dt(2023, 12, 5, 9, 30, 0)
    body = ("县政务公开办：\n"
            "　　12月2日是第十二个全国交通安全日。当天上午，我局交警大队在县城雪峰广场开展"
            "“文明交通 你我同行”主题宣传活动，发放交通安全宣传资料2000余份，现场讲解典型事故案例。\n"
            "　　现将活动开展情况报告如下。\n"
            "洞口县公安局交警大队\n")
    part = text("plain", body, "GBK", "base64")
    hs = [rcv("dkjj_xc$163.com ( [113.218.201.4] )", "113.218.201.4", "ajax-webmail-wmsvr-40-108 (Coremail)",
              date, "_____wD3nPBwfm5lJ1QBAA--"),
          "Date: " + date,
          "From: " + addr("交警大队宣传科", "dkjj_xc@163.com", "GBK"),
          "To: " + OFFICE,
          "Subject: " + ew("全国交通安全日宣传活动开展情况", "GBK"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <5c2d1e0f.1b20.18c3a7f4d11.Coremail.dkjj_xc@163.com>"]
    return message(hs, part), label("report", "县公安局", None, "2023-12-02", review=True)


# ----------------------------------------------------------------------------- look-alikes and two submissions


NOTICE_QUOTE = ("------------------ 原始邮件 ------------------\n"
                "发件人: \"政务公开办\" <43347867@qq.com>\n"
                "发送时间: 2023年3月31日(星期五) 上午10:05\n"
                "主题: 关于开展2023年“政务公开主题日”活动的通知\n"
                "\n"
                "各乡镇人民政府，县直各单位：\n"
                "现将《洞口县2023年“政务公开主题日”活动实施方案》印发给你们。各责任单位须在活动开展前"
                "5个工作日将活动方案报县政务公开办，活动结束后5个工作日内报送活动情况报告或新闻报导，"
                "并附活动照片和视频。\n"
                "附件：活动计划表（1.世界水日、中国水周主题活动 县水利局 4月；2.优化经济环境、提振消费信心 "
                "县市监局 4月；3.法治政府示范创建宣传 县司法局 4月……）\n")


@case("080-qq-agriculture-acknowledges-notice",
      "Re: of the notice: '收到，将按要求报送' above the quoted notice (方案, 情况报告, themes) -> other")
def c080():
    date = dt(2023, 3, 31, 11, 2, 45)
    body = ("收到，我局将按通知要求按时报送活动方案和情况报告。\n"
            "县农业农村局 王军\n"
            "\n" + NOTICE_QUOTE)
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_64264D7D_0B1C2D3E_4F5A6B7C")
    hs = qq_headers(date, addr("农业农村局王军", "1790254436@qq.com", "gb18030", quote=True),
                    "回复：关于开展2023年“政务公开主题日”活动的通知", "4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F9A0B07",
                    "gb18030", extra=["In-Reply-To: <tencent_0A0B0C0D0E0F1A1B1C1D1E1F2A2B2C2D2E07@qq.com>"])
    return message(hs, alt), label("other")


@case("081-coremail-hrss-halfyear-openness-summary",
      "a half-year 政务公开 work summary (工作总结 docx, mentions the 主题日 in passing) -> other")
def c081():
    date = dt(2023, 7, 5, 10, 0, 0)
    body = ("县政务公开办：\n"
            "　　按照县政府办通知要求，现将我局2023年上半年政务公开工作总结报送给你们，请查收。\n"
            "县人社局办公室\n")
    doc = docx(["洞口县人力资源和社会保障局2023年上半年政务公开工作总结",
                "2023年上半年，我局坚持以公开为常态、不公开为例外，扎实推进政务公开各项工作。",
                "一、主动公开情况。上半年在政府门户网站主动公开信息136条，其中政策文件12件、政策解读8篇。",
                "二、依申请公开情况。共受理政府信息公开申请3件，均按期答复。",
                "三、政务公开主题日。6月21日举办惠民政策宣传日活动，邀请群众代表座谈交流。",
                "四、存在问题和下一步打算。……",
                "洞口县人力资源和社会保障局",
                "2023年7月4日"])
    alt = multi("alternative", [text("plain", body, "UTF-8", "base64"),
                                text("html", foxmail_html(body, "UTF-8"), "UTF-8", "base64")],
                "----=_Part_203311_1811520014.1688522400000")
    mixed = multi("mixed", [alt, attachment(doc, DOCX_CT, "2023年上半年政务公开工作总结.docx", "ew", "UTF-8")],
                  "----=_Part_203310_655113014.1688522400000")
    hs = [rcv("dkrsj_bgs$163.com ( [222.243.155.115] )", "222.243.155.115", "ajax-webmail-wmsvr-40-101 (Coremail)",
              date, "gsGowAA3_hIQ0KRkRkMBAA--"),
          "Date: " + date,
          "From: " + addr("县人社局办公室", "dkrsj_bgs@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("报送2023年上半年政务公开工作总结", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <1a2b3c4d.6e70.18924b2c3d4.Coremail.dkrsj_bgs@163.com>"]
    return message(hs, mixed), label("other")


@case("082-qq-veterans-report-and-next-plan-in-one-mail",
      "one mail, two submissions: the report of activity 8 and the plan of activity 15 (two .docx) -> both")
def c082():
    date = dt(2023, 5, 30, 17, 45, 0)
    body = ("县政务公开办：\n"
            "　　附件1为我局退役军人就业创业调研活动情况报告，附件2为出台退役军人优待名录政策发布活动方案，请查收。\n"
            "县退役军人事务局 办公室\n")
    report = docx(["洞口县退役军人事务局关于退役军人就业创业调研活动情况的报告",
                   "5月26日，我局组织人大代表、退役军人代表到3家退役军人创办企业实地调研。",
                   "洞口县退役军人事务局",
                   "2023年5月29日"])
    plan = docx(["洞口县退役军人事务局出台退役军人优待名录政策发布活动方案",
                 "一、活动时间：拟于2023年6月15日上午",
                 "二、活动形式：政策发布",
                 "洞口县退役军人事务局",
                 "2023年5月29日"])
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_6475C7E0_0C2D3E4F_5A6B7C8D")
    mixed = multi("mixed", [alt,
                            attachment(report, DOCX_CT, "附件1：就业创业调研活动情况报告.docx", "ew", "gb18030"),
                            attachment(plan, DOCX_CT, "附件2：优待名录政策发布活动方案.docx", "ew", "gb18030")],
                  "----=_NextPart_6475C7E0_0C2D3E4F_9EAFB0C1")
    hs = qq_headers(date, addr("退役军人事务局", "3057712094@qq.com", "gb18030", quote=True),
                    "情况报告和活动方案", "7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2B3C07", "gb18030")
    return message(hs, mixed), label("report", "县退役军人事务局", 8, "2023-05-26", submissions=[
        ("report", 8, "2023-05-26"), ("plan", 15, "2023-06-15")])



# ----------------------------------------------------------------------------- second batch


@case("083-qq-tax-report-pdf-ucs2-no-subject",
      "QQ Mail, no subject, empty body; report PDF in STSong-Light/UniGB-UCS2-H (no ToUnicode)")
def c083():
    date = dt(2023, 7, 21, 8, 40, 0)
    pdf = pdf_ucs2(["国家税务总局洞口县税务局",
                    "税务事项一网通办政务公开主题日活动情况",
                    "7月18日上午，我局在县政务服务中心办税服务厅召开纳税人座谈会，",
                    "就电子税务局“一网通办”功能听取意见，开展满意度问卷调查，",
                    "收回问卷126份，现场帮助纳税人办理业务32笔。",
                    "2023年7月20日"])
    body = "\n"
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_64B9D4A0_0A2B3C4D_5E6F7081")
    mixed = multi("mixed", [alt, attachment(pdf, "application/pdf", "新建文档.pdf", "ew", "gb18030")],
                  "----=_NextPart_64B9D4A0_0A2B3C4D_92A3B4C5")
    hs = qq_headers(date, addr("小彭", "2045517318@qq.com", "gb18030", quote=True), "",
                    "9C8B7A6F5E4D3C2B1A0F9E8D7C6B5A4F3E07", "gb18030")
    hs = [h_ for h_ in hs if not h_.startswith("Subject:")] + ["Subject: "]
    return message(hs, mixed), label("report", "县税务局", 20, "2023-07-18")


@case("084-qq-land-plan-pdf-unit-only-in-signature",
      "QQ nickname sender, subject '方案', empty body; the unit is only in the PDF's 落款")
def c084():
    date = dt(2023, 6, 14, 11, 5, 0)
    pdf = pdf_text(["“6·25”全国土地日政务公开主题日活动方案",
                    "一、活动时间：拟于2023年6月21日（星期三）上午",
                    "二、活动地点：县城步行街中段",
                    "三、活动内容：发布节约集约用地政策解读，设置咨询台，",
                    "发放宣传资料，解答群众关于不动产登记的咨询。",
                    "洞口县自然资源局",
                    "2023年6月14日"])
    body = "\n"
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_64892E30_0B3C4D5E_6F708192")
    mixed = multi("mixed", [alt, attachment(pdf, "application/pdf", "方案.pdf", "ew", "utf-8")],
                  "----=_NextPart_64892E30_0B3C4D5E_A3B4C5D6")
    hs = qq_headers(date, addr("晴天", "895523106@qq.com", quote=True), "方案",
                    "0E1D2C3B4A5F6E7D8C9B0A1F2E3D4C5B6A07")
    return message(hs, mixed), label("plan", "县自然资源局", 16, "2023-06-21")


@case("085-foxmail-market-plan-scanned-pdf",
      "Foxmail; subject names unit and theme ('提振消费信心活动方案'), the plan is a scanned PDF -> review")
def c085():
    date = dt(2023, 4, 13, 9, 15, 0)
    body = "尹主任：我局活动方案（盖章扫描件）见附件。\n县市场监督管理局 办公室\n"
    alt = multi("alternative", [text("plain", body, "gbk", "quoted-printable"),
                                text("html", foxmail_html(body, "gbk"), "gbk", "quoted-printable")],
                "----=_001_NextPart214588820774_=----")
    mixed = multi("mixed", [alt, attachment(pdf_scan(3), "application/pdf", "提振消费信心活动方案（盖章）.pdf",
                                            "ew", "gbk")],
                  "----=_000_NextPart614772391205_=----")
    hs = ["Date: " + date,
          "From: " + addr("市场监管局办公室", "dkscjgj@163.com", "gbk", quote=True),
          "To: " + OFFICE,
          "Subject: " + ew("优化经济环境、提振消费信心活动方案", "gbk"),
          "X-Mailer: Foxmail 7.2.25.228[cn]",
          "Mime-Version: 1.0",
          "Message-ID: <202304130915001842273@163.com>"]
    return message(hs, mixed), label("plan", "县市监局", 2, None, review=True)


@case("086-big5-gaosha-plan-traditional",
      "Big5 8bit text/plain, traditional: 高沙鎮 信訪工作條例宣傳 擬於5月19日")
def c086():
    date = dt(2023, 5, 9, 15, 30, 0)
    body = ("縣政務公開辦：\n"
            "　　為深入學習宣傳《信訪工作條例》，我鎮擬於5月19日（星期五）上午在高沙鎮集鎮中心舉辦"
            "信訪工作條例宣傳活動，採取座談交流、政策發布的形式，邀請村（社區）幹部和群眾代表參加。\n"
            "　　特此報送活動方案，請審核。\n"
            "高沙鎮人民政府黨政辦\n")
    part = text("plain", body, "big5", "8bit")
    hs = ["Date: " + date,
          "From: " + addr("高沙鎮黨政辦", "gaoshazhen_dzb@126.com", "big5"),
          "To: " + OFFICE,
          "Subject: " + ew("信訪工作條例宣傳活動方案", "big5"),
          "Message-ID: <7d3e2c1b-0a9f-4e8d-b7c6-5a4f3e2d1c0b@126.com>",
          "MIME-Version: 1.0"]
    return message(hs, part), label("plan", "高沙镇人民政府", 11, "2023-05-19")


@case("087-outlook-tw-health-report-forwarded-traditional",
      "Outlook zh-TW '轉寄:' of a colleague's report, traditional, with 寄件者:/傳送時間: block")
def c087():
    date = dt(2023, 9, 15, 10, 2, 0)
    body = ("請查收我局主題日活動報導。\n"
            "\n"
            "寄件者: 婦幼股 <dkwjj_fyg@163.com>\n"
            "傳送時間: 2023年9月14日 下午 05:40\n"
            "收件者: 衛健局辦公室 <dkwjj@163.com>\n"
            "主旨: 出生缺陷日活動\n"
            "\n"
            "9月12日上午，縣衛生健康局在縣婦幼保健院門診大廳舉辦預防出生缺陷日政策發布活動，"
            "發布免費孕前優生健康檢查等惠民政策，現場解答群眾諮詢150餘人次，發放資料800餘份。\n")
    part = text("plain", body, "utf-8", "base64")
    hs = ["From: " + addr("衛健局辦公室", "dkwjj@163.com"),
          "To: " + OFFICE,
          "Subject: " + ew("轉寄: 出生缺陷日活動", "utf-8"),
          "Date: " + date,
          "Message-ID: <SEYPR03MB6772C1D2E3F4A5B6C7D8E9F0@SEYPR03MB6772.apcprd03.prod.outlook.com>",
          "Content-Language: zh-TW",
          "MIME-Version: 1.0"]
    return message(hs, part), label("report", "县卫健局", 23, "2023-09-12")


@case("088-qq-police-antidrug-report-own-day-docx-only",
      "subject '情况的报告', empty body, docx only; the title names 6·26, the event was 6月21日")
def c088():
    date = dt(2023, 6, 25, 20, 10, 0)
    doc = docx(["关于开展“6·26”国际禁毒日禁毒宣传活动情况的报告",
                "县政务公开办：",
                "为迎接6月26日国际禁毒日，6月21日上午，我局禁毒大队在县城雪峰广场开展禁毒现场宣传，"
                "展出禁毒展板20块，发放宣传资料3000余份，现场解答群众咨询。",
                "洞口县公安局",
                "2023年6月25日"])
    body = "\n"
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_64983A10_0C4D5E6F_708192A3")
    mixed = multi("mixed", [alt, attachment(doc, DOCX_CT, "禁毒宣传.docx", "ew", "utf-8")],
                  "----=_NextPart_64983A10_0C4D5E6F_B4C5D6E7")
    hs = qq_headers(date, addr("禁毒大队", "2561730948@qq.com", quote=True), "情况的报告",
                    "3A2B1C0D9E8F7A6B5C4D3E2F1A0B9C8D7E07")
    return message(hs, mixed), label("report", "县公安局", 13, "2023-06-21")


@case("089-outlook-water-company-news-fw-original-message",
      "Outlook 'Fw:' of a 融媒体中心 story with 来源/发布时间 lines: the event date, not the publishing date")
def c089():
    date = dt(2023, 5, 22, 9, 0, 0)
    body = ("报道如下。\n"
            "\n"
            "-----Original Message-----\n"
            "From: 洞口融媒 <dkrm@163.com>\n"
            "Sent: 2023年5月19日 16:30\n"
            "To: 县自来水公司 <dkzls@163.com>\n"
            "Subject: 县自来水公司供水服务进社区\n"
            "\n"
            "来源：洞口县融媒体中心  发布时间：2023-05-19 16:20\n"
            "5月18日，县自来水公司组织业务骨干走进文昌街道城西社区，开展供水服务进社区活动，"
            "现场受理报装、缴费、水质咨询等业务，并发放问卷调查表200份。\n"
            "编辑：肖丽\n")
    part = text("plain", body, "gb2312", "quoted-printable")
    hs = ["From: " + addr("县自来水公司", "dkzls@163.com", "gb2312"),
          "To: " + OFFICE,
          "Subject: " + ew("Fw: 县自来水公司供水服务进社区", "gb2312"),
          "Date: " + date,
          "Message-ID: <TY2PR0101MB3456D7E8F9A0B1C2D3E4F5A6@TY2PR0101MB3456.apcprd01.prod.exchangelabs.com>",
          "MIME-Version: 1.0"]
    return message(hs, part), label("report", "县住建局(自来水公司)", 10, "2023-05-18")


@case("090-coremail-emergency-own-day-inside-national-month",
      "6月1日至30日为全国安全生产月 (a campaign); the unit 将于6月16日 holds its event -> 6月16日")
def c090():
    date = dt(2023, 6, 5, 16, 0, 0)
    body = ("县政务公开办：\n"
            "　　今年6月1日至30日为第22个全国“安全生产月”。我局将于6月16日上午在雪峰广场举办"
            "安全宣传咨询日现场观摩活动，组织企业负责人和群众代表观摩应急演练。\n"
            "　　活动方案如下，请审核。\n"
            "县应急管理局\n")
    part = text("plain", body, "UTF-8", "base64")
    hs = ["Date: " + date,
          "From: " + addr("县应急管理局", "dkyjj@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("安全宣传咨询日活动方案", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <4f3e2d1c.2b30.18889a1b2c3.Coremail.dkyjj@163.com>"]
    return message(hs, part), label("plan", "县应急局", 19, "2023-06-16")


@case("091-qq-police-cyberweek-report-spans-week",
      "counter-case: 9月11日—17日，我局…开展了 the week's events; one day named inside -> the week")
def c091():
    date = dt(2023, 9, 19, 9, 30, 0)
    body = ("县政务公开办：\n"
            "　　9月11日—17日，我局在全县开展了网络安全宣传周系列活动。9月13日在县一中举办网络安全进校园讲座，"
            "各派出所同步在辖区设点宣传，共发放资料5000余份，线上问卷收回1300余份。\n"
            "　　现将有关情况报告如下。\n"
            "洞口县公安局\n")
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_6508F9A2_0D5E6F70_8192A3B4")
    hs = qq_headers(date, addr("公安局网安大队", "2291068457@qq.com", "gb18030", quote=True),
                    "网络安全宣传周活动情况", "5B4A3F2E1D0C9B8A7F6E5D4C3B2A1F0E9D07", "gb18030")
    return message(hs, alt), label("report", "县公安局", 24, "2023-09-11", "2023-09-17")


@case("092-coremail-justice-constitution-day-unscheduled",
      "县司法局 (schedule: April only) plans a 国家宪法日 event on 12月4日 -> 计划外活动")
def c092():
    date = dt(2023, 11, 27, 10, 0, 0)
    body = ("县政务公开办：\n"
            "　　12月4日是第十个国家宪法日。我局定于12月4日上午在县城雪峰广场举办宪法宣传周"
            "集中宣传活动，开展宪法知识问卷调查和法律咨询。\n"
            "　　特报送活动方案。\n"
            "洞口县司法局\n")
    part = text("plain", body, "UTF-8", "base64")
    hs = ["Date: " + date,
          "From: " + addr("洞口县司法局", "dksfj_bgs@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("国家宪法日主题活动方案", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <2e1d0c9b.3a40.18c0f1e2d3a.Coremail.dksfj_bgs@163.com>"]
    return message(hs, part), label("plan", "县司法局", None, "2023-12-04", review=True)


@case("093-qq-medical-october-plan-month-only-unscheduled",
      "县医保局 (schedule: August) sends a '10月份' plan with 拟于10月中旬 and no day -> 计划外活动")
def c093():
    date = dt(2023, 9, 25, 15, 0, 0)
    body = ("县政务公开办：\n"
            "　　我局拟于10月中旬开展“医保政策进万家”政务公开主题日活动，在各乡镇卫生院设点宣传"
            "城乡居民医保参保缴费政策，具体时间另行报告。\n"
            "县医疗保障局\n")
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_65113B60_0E6F7081_92A3B4C5")
    hs = qq_headers(date, addr("医保局办公室", "2650981743@qq.com", quote=True), "10月份主题日活动方案",
                    "7D6C5B4A3F2E1D0C9B8A7F6E5D4C3B2A1F07")
    return message(hs, alt), label("plan", "县医保局", None, None, review=True)


@case("094-qq-finance-acknowledges-reminder-no-quote",
      "a reply to a reminder with no quoted text: '收到，马上报送方案' -> other")
def c094():
    date = dt(2023, 4, 14, 8, 50, 0)
    body = "收到，今天上午报送活动方案。\n"
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_6438A8C2_0F708192_A3B4C5D6")
    hs = qq_headers(date, addr("财政局李强", "1198765432@qq.com", quote=True),
                    "回复：【提醒】减税降费惠企政策解读座谈会活动方案请于4月18日前报送",
                    "1F0E9D8C7B6A5F4E3D2C1B0A9F8E7D6C5B07",
                    extra=["In-Reply-To: <themeday-reminder-5-plan@43347867.qq.com>"])
    return message(hs, alt), label("other")


@case("095-coremail-reform-annual-openness-work-plan",
      "look-alike plan: 2023年政务公开工作要点/工作方案 of 县发改局 (docx) -> other")
def c095():
    date = dt(2023, 4, 3, 10, 0, 0)
    body = ("县政务公开办：\n"
            "　　现将《洞口县发展和改革局2023年政务公开工作实施方案》报送给你们，请审阅。\n"
            "县发改局办公室\n")
    doc = docx(["洞口县发展和改革局2023年政务公开工作实施方案",
                "为做好2023年政务公开工作，根据县政务公开工作要点，制定本方案。",
                "一、工作目标……",
                "二、主要任务：（一）深化重点领域信息公开；（二）做好政策解读；（三）按计划开展政务公开主题日活动。",
                "三、工作要求……",
                "洞口县发展和改革局",
                "2023年4月3日"])
    alt = multi("alternative", [text("plain", body, "UTF-8", "base64"),
                                text("html", foxmail_html(body, "UTF-8"), "UTF-8", "base64")],
                "----=_Part_55201_1922013400.1680487200000")
    mixed = multi("mixed", [alt, attachment(doc, DOCX_CT, "2023年政务公开工作实施方案.docx", "ew", "UTF-8")],
                  "----=_Part_55200_201934411.1680487200000")
    hs = ["Date: " + date,
          "From: " + addr("县发改局办公室", "dkfgj@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("报送2023年政务公开工作实施方案", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <0b1a2c3d.5e60.1874a2b3c4d.Coremail.dkfgj@163.com>"]
    return message(hs, mixed), label("other")


@case("096-foxmail-police-report-and-plan-in-body",
      "one mail: the report of 5·15 and the plan of 6·26 in the body, subject names both -> both")
def c096():
    date = dt(2023, 5, 19, 17, 0, 0)
    body = ("县政务公开办：\n"
            "　　一、“5·15”防范和打击经济犯罪宣传日活动情况报告：5月15日上午，我局经侦大队在县城步行街"
            "开展了现场宣传，发放资料2000余份。\n"
            "　　二、“6·26”国际禁毒日禁毒宣传活动方案：我局拟于6月21日在雪峰广场开展禁毒现场宣传。\n"
            "洞口县公安局\n")
    alt = multi("alternative", [text("plain", body, "gbk", "quoted-printable"),
                                text("html", foxmail_html(body, "gbk"), "gbk", "quoted-printable")],
                "----=_001_NextPart310542261144_=----")
    hs = ["Date: " + date,
          "From: " + addr("公安局政工室", "dkgaj_zgs@163.com", "gbk", quote=True),
          "To: " + OFFICE,
          "Subject: " + ew("5·15宣传日情况报告及6·26禁毒宣传活动方案", "gbk"),
          "X-Mailer: Foxmail 7.2.25.228[cn]",
          "Mime-Version: 1.0",
          "Message-ID: <202305191700005521844@163.com>"]
    return message(hs, alt), label("report", "县公安局", 9, "2023-05-15", submissions=[
        ("report", 9, "2023-05-15"), ("plan", 13, "2023-06-21")])



# ----------------------------------------------------------------------------- third batch


@case("097-qq-culture-report-pdf-per-char-xiaojie",
      "report PDF printed from a browser (each character placed alone), titled '…活动小结'")
def c097():
    date = dt(2023, 7, 25, 10, 30, 0)
    pdf = pdf_text(["文旅体融合发展座谈会活动小结",
                    "7月21日下午，县文旅广体局在县文化馆三楼会议室召开文旅体融合发展座谈会，",
                    "景区、民宿和体育场馆负责人18人参加，收集意见建议11条。",
                    "县文旅广体局",
                    "2023年7月25日"], style="chars", producer="Skia/PDF m114")
    body = "小结见附件。\n"
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_64BF3BE0_0A6B7C8D_9EAFB0C1")
    mixed = multi("mixed", [alt, attachment(pdf, "application/pdf", "小结.pdf", "ew", "utf-8")],
                  "----=_NextPart_64BF3BE0_0A6B7C8D_D2E3F405")
    hs = qq_headers(date, addr("文旅局小刘", "3390127745@qq.com", quote=True), "座谈会小结",
                    "6E5D4C3B2A1F0E9D8C7B6A5F4E3D2C1B0A07")
    return message(hs, mixed), label("report", "县文旅广体局", 21, "2023-07-21")


@case("098-foxmail-health-aids-day-unscheduled",
      "县卫健局 (schedule: 9月 出生缺陷日) plans 12月1日 世界艾滋病日 -> 计划外活动")
def c098():
    date = dt(2023, 11, 22, 16, 0, 0)
    body = ("县政务公开办：\n"
            "　　今年12月1日是第36个世界艾滋病日。我局拟于12月1日上午在县人民医院门诊广场开展"
            "艾滋病防治政策宣传和免费检测咨询活动，现报送活动方案。\n"
            "县卫生健康局疾控股\n")
    alt = multi("alternative", [text("plain", body, "gbk", "quoted-printable"),
                                text("html", foxmail_html(body, "gbk"), "gbk", "quoted-printable")],
                "----=_001_NextPart447216300871_=----")
    hs = ["Date: " + date,
          "From: " + addr("卫健局疾控股", "dkwjj_jkg@163.com", "gbk", quote=True),
          "To: " + OFFICE,
          "Subject: " + ew("世界艾滋病日宣传活动方案", "gbk"),
          "X-Mailer: Foxmail 7.2.25.228[cn]",
          "Mime-Version: 1.0",
          "Message-ID: <202311221600001729003@163.com>"]
    return message(hs, alt), label("plan", "县卫健局", None, "2023-12-01", review=True)


@case("099-coremail-ecology-quarterly-openness-report",
      "look-alike report: 第二季度政务公开工作情况的报告 of the ecology branch -> other")
def c099():
    date = dt(2023, 7, 3, 9, 0, 0)
    body = ("县政务公开办：\n"
            "　　现将我分局2023年第二季度政务公开工作情况报告如下：二季度主动公开环评审批信息21条，"
            "6月5日开展六五环境日主题活动1次，办理依申请公开1件。\n"
            "邵阳市生态环境局洞口分局\n")
    part = text("plain", body, "UTF-8", "base64")
    hs = ["Date: " + date,
          "From: " + addr("洞口生态环境分局", "dkhbj@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("关于2023年第二季度政务公开工作情况的报告", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <6a5b4c3d.1e20.1891b2c3d4e.Coremail.dkhbj@163.com>"]
    return message(hs, part), label("other")


@case("100-qq-water-plan-mentions-april-day-unscheduled-november",
      "县水利局 names its April 世界水日 in passing; the plan (河湖长制, 11月) is not it -> 计划外活动")
def c100():
    date = dt(2023, 11, 1, 9, 0, 0)
    body = ("县政务公开办：\n"
            "　　继4月开展世界水日、中国水周主题活动后，我局拟于11月22日在平溪江广场开展"
            "河湖长制政策发布活动，现报送活动方案。\n"
            "洞口县水利局\n")
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_6541A3F0_0B7C8D9E_AFB0C1D2")
    hs = qq_headers(date, addr("水利局刘敏", "1378245519@qq.com", quote=True), "河湖长制政策发布活动方案",
                    "8F7E6D5C4B3A2F1E0D9C8B7A6F5E4D3C2B07")
    return message(hs, alt), label("plan", "县水利局", None, "2023-11-22", review=True)



@case("101-qq-tax-photos-only-empty-body",
      "subject names the unit's event and 照片, empty body, three IMG_ photos and nothing to read -> review")
def c101():
    date = dt(2023, 7, 19, 18, 2, 0)
    body = "\n"
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_64B7B3E2_0C8D9EAF_B0C1D2E3")
    parts = [alt] + [attachment(fake_jpg(20 + i), "image/jpeg", f"IMG_20230718_09{i}512.jpg", "ew", "utf-8")
                     for i in range(3)]
    mixed = multi("mixed", parts, "----=_NextPart_64B7B3E2_0C8D9EAF_F4051627")
    hs = qq_headers(date, addr("税务局办公室", "1562039874@qq.com", quote=True), "县税务局一网通办座谈会现场照片",
                    "2C1B0A9F8E7D6C5B4A3F2E1D0C9B8A7F6E07")
    return message(hs, mixed), label("report", "县税务局", 20, None, review=True)



@case("102-outlook-tw-ack-above-quoted-reminder-attack",
      "attack: a 繁體 Outlook reply, own words '收到', below a 寄件者:/傳送時間: block quoting the office's "
      "reminder with plan words, a theme and a date -> other (quoted text is never evidence)")
def c102():
    date = dt(2023, 6, 8, 9, 12, 0)
    body = ("收到，謝謝！\n"
            "\n"
            "寄件者: 政務公開辦 <43347867@qq.com>\n"
            "傳送時間: 2023年6月7日 上午 09:00\n"
            "收件者: dkyjj@163.com\n"
            "主旨: 【提醒】安全生產月宣傳活動方案請於6月9日前報送\n"
            "\n"
            "縣應急局：按活動計劃表，貴局“安全生產月宣傳活動”擬於6月開展，活動方案請於6月9日前報送，"
            "活動結束後5個工作日內報送情況報告。\n")
    part = text("plain", body, "utf-8", "base64")
    hs = ["From: " + addr("應急管理局", "dkyjj@163.com"),
          "To: " + addr("政務公開辦", OFFICE),
          "Subject: " + ew("回覆: 【提醒】安全生產月宣傳活動方案請於6月9日前報送", "utf-8"),
          "Date: " + date,
          "Message-ID: <HK0PR01MB2018F0E1D2C3B4A5968778695A4B@HK0PR01MB2018.apcprd01.prod.exchangelabs.com>",
          "In-Reply-To: <themeday-reminder-19-plan@43347867.qq.com>",
          "Content-Language: zh-TW",
          "MIME-Version: 1.0"]
    return message(hs, part), label("other")



@case("103-qq-agriculture-ack-with-heads-up",
      "a reply to the notice: '收到', the activity 'planned for early June', the plan to follow -> other")
def c103():
    date = dt(2023, 4, 3, 9, 5, 0)
    body = "收到。我局打击假冒农药化肥种子活动计划6月上旬开展，方案届时报送。\n"
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", qq_html(body), "utf-8", "base64")],
                "----=_NextPart_642A2A1C_0D9EAFB0_C1D2E3F4")
    hs = qq_headers(date, addr("农业农村局王军", "1790254436@qq.com", quote=True),
                    "回复：关于开展2023年“政务公开主题日”活动的通知", "0D1C2B3A4F5E6D7C8B9A0F1E2D3C4B5A6907",
                    extra=["In-Reply-To: <tencent_0A0B0C0D0E0F1A1B1C1D1E1F2A2B2C2D2E07@qq.com>"])
    return message(hs, alt), label("other")


@case("104-coremail-police-cyberweek-held-then-own-day-report",
      "'国家网络安全宣传周于9月11日至17日举行。宣传周期间，我局于9月15日…举办' -> the unit's day")
def c104():
    date = dt(2023, 9, 19, 10, 0, 0)
    body = ("县政务公开办：\n"
            "　　2023年国家网络安全宣传周于9月11日至17日举行。宣传周期间，我局于9月15日在县职业中专"
            "举办网络安全知识讲座，发放宣传资料1500份，组织学生参加问卷调查。\n"
            "　　现将情况报告如下。\n"
            "洞口县公安局\n")
    part = text("plain", body, "UTF-8", "base64")
    hs = ["Date: " + date,
          "From: " + addr("公安局网安大队", "dkgawa@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("网络安全宣传周活动情况报告", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <7a6b5c4d.3e20.18aab1c2d3e.Coremail.dkgawa@163.com>"]
    return message(hs, part), label("report", "县公安局", 24, "2023-09-15")


# ----------------------------------------------------------------------------- several submissions


@case("121-coremail-police-report13-pdf-plan24-docx",
      "one mail: the 禁毒日 report as a PDF and the 网络安全宣传周 plan as a .docx, body names both -> both, "
      "no review")
def c121():
    date = dt(2023, 6, 30, 16, 20, 0)
    body = ("县政务公开办：\n"
            "　　随信报送两份材料，一份是6月26日禁毒宣传活动的总结，一份是9月份网络安全宣传活动的方案，"
            "请一并登记。\n"
            "洞口县公安局 禁毒大队\n"
            "电话：0739-7862233\n")
    report = pdf_text(["洞口县公安局“6.26”国际禁毒日禁毒宣传活动总结",
                       "6月26日上午，我局联合县禁毒委成员单位在县城雪峰广场开展",
                       "“6.26”国际禁毒日集中宣传活动，设置毒品仿真样品展台，",
                       "发放禁毒宣传资料4200份，接受群众咨询360余人次。",
                       "洞口县公安局",
                       "2023年6月29日"])
    plan = docx(["洞口县公安局2023年国家网络安全宣传周校园宣传活动方案",
                 "一、活动时间：定于2023年9月14日上午",
                 "二、活动地点：洞口县第一中学",
                 "三、活动内容：网络安全知识讲座、防范电信网络诈骗展板展示、有奖问答",
                 "四、参加人员：网安大队民警、学校师生代表",
                 "洞口县公安局",
                 "2023年6月29日"])
    alt = multi("alternative", [text("plain", body, "UTF-8", "base64"),
                                text("html", foxmail_html(body, "UTF-8"), "UTF-8", "base64")],
                "----=_Part_121_1402881364.1688113200000")
    mixed = multi("mixed", [alt,
                            attachment(report, "application/pdf", "禁毒日宣传活动总结.pdf", "ew"),
                            attachment(plan, DOCX_CT, "网络安全宣传周活动方案.docx", "ew")],
                  "----=_Part_121_2071839225.1688113200001")
    hs = ["Date: " + date,
          "From: " + addr("公安局禁毒大队", "dkgajd@163.com", "UTF-8"),
          "To: " + OFFICE,
          "Subject: " + ew("报送材料两份", "UTF-8"),
          h.COREMAIL_163,
          "MIME-Version: 1.0",
          "Message-ID: <5c2e7a10.1f0b.189073a2c4d.Coremail.dkgajd@163.com>"]
    return message(hs, mixed), label("report", "县公安局", 13, "2023-06-26", submissions=[
        ("report", 13, "2023-06-26"), ("plan", 24, "2023-09-14")])


@case("122-qq-veterans-report8-plan15-body-short-headings",
      "one mail, body only: a heading on its own line for each part (…开展情况 / …活动方案), "
      "paragraphs under each -> both, no review")
def c122():
    date = dt(2023, 4, 27, 11, 5, 0)
    body = ("县政务公开办：\n"
            "现将我局两项主题日材料报送如下。\n"
            "\n"
            "一、退役军人就业创业调研活动开展情况\n"
            "4月20日，我局组织调研组，邀请县人大代表和退役军人代表，走访黄桥镇、山门镇的退役军人"
            "创业企业6家，召开座谈会2场，收集就业创业方面的意见建议11条。\n"
            "\n"
            "二、退役军人优待名录政策发布活动方案\n"
            "（一）时间：2023年6月13日上午9时\n"
            "（二）地点：县退役军人服务中心\n"
            "（三）内容：发布全县退役军人优待名录，现场解读优待证使用办法。\n"
            "\n"
            "洞口县退役军人事务局\n"
            "2023年4月27日\n")
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_6449E6C4_0B1C2D3E_4F5A6B7C")
    hs = qq_headers(date, addr("退役军人局", "2218845077@qq.com", "gb18030", quote=True),
                    "退役军人事务局主题日材料", "1A2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E122", "gb18030")
    return message(hs, alt), label("report", "县退役军人事务局", 8, "2023-04-20", submissions=[
        ("report", 8, "2023-04-20"), ("plan", 15, "2023-06-13")])


@case("123-qq-shenpi-report12-plan25-no-date-review",
      "one mail: the report of activity 12 and a plan of activity 25 whose day is not set yet "
      "(时间另行通知) -> both recorded, the plan without a date, review")
def c123():
    date = dt(2023, 5, 29, 10, 30, 0)
    body = "县政务公开办：\n附件为我局两份材料，请审阅。\n县行政审批服务局办公室\n"
    report = docx(["洞口县行政审批服务局“政务公开答疑解惑、打好服务牌”主题活动情况报告",
                   "5月25日下午，我局邀请企业代表和群众代表18人走进县政务服务中心，现场观摩“一件事一次办”",
                   "办理流程，就不动产登记、企业开办等事项答疑12个。",
                   "洞口县行政审批服务局",
                   "2023年5月29日"])
    plan = docx(["洞口县“12345”政务服务便民热线“开放日”活动方案",
                 "一、活动时间：下半年，具体时间另行通知",
                 "二、活动地点：县12345政务服务便民热线中心",
                 "三、活动内容：邀请市民代表走进热线中心，观摩受理、派单、回访流程",
                 "洞口县行政审批服务局",
                 "2023年5月29日"])
    alt = multi("alternative", [text("plain", body, "gb18030", "base64"),
                                text("html", qq_html(body), "gb18030", "base64")],
                "----=_NextPart_64740C5E_0D1E2F3A_4B5C6D7E")
    mixed = multi("mixed", [alt,
                            attachment(report, DOCX_CT, "答疑解惑主题活动情况报告.docx", "ew", "gb18030"),
                            attachment(plan, DOCX_CT, "12345热线开放日活动方案.docx", "ew", "gb18030")],
                  "----=_NextPart_64740C5E_0D1E2F3A_8F9A0B1C")
    hs = qq_headers(date, addr("行政审批服务局", "dkxzspj@163.com", "gb18030", quote=True),
                    "两份材料", "2B3C4D5E6F7A8B9C0D1E2F3A4B5C6D7E8F123", "gb18030")
    return message(hs, mixed), label("report", "县行政审批服务局", 12, "2023-05-25", review=True,
                                     submissions=[("report", 12, "2023-05-25"),
                                                  ("plan", 25, None, None)])


@case("124-outlook-civil-report-and-news-story-one-activity",
      "a report and a news story (新闻稿) of the same activity in two attachments: one submission, "
      "not several")
def c124():
    date = dt(2023, 4, 28, 15, 40, 0)
    body = "县政务公开办：\n附件是我局第三届公众开放日的情况报告和新闻稿，请查收。\n县民政局 办公室\n"
    report = docx(["洞口县民政局第三届公众开放日活动情况报告",
                   "4月25日，我局举办第三届公众开放日活动，邀请人大代表、政协委员和群众代表30人走进县社会福利院、"
                   "县殡仪馆实地参观，并召开座谈会听取意见建议。",
                   "洞口县民政局",
                   "2023年4月27日"])
    story = docx(["县民政局举办第三届公众开放日活动（新闻稿）",
                  "4月25日，县民政局举办第三届公众开放日活动，30名代表走进民政服务机构，近距离了解民政工作。",
                  "（县民政局供稿）"])
    alt = multi("alternative", [text("plain", body, "utf-8", "base64"),
                                text("html", foxmail_html(body, "utf-8"), "utf-8", "base64")],
                "_000_TYZPR06MB5121A0B1C2D3E4F5_alt")
    mixed = multi("mixed", [alt,
                            attachment(report, DOCX_CT, "公众开放日活动情况报告.docx", "ew"),
                            attachment(story, DOCX_CT, "公众开放日新闻稿.docx", "ew")],
                  "_004_TYZPR06MB5121A0B1C2D3E4F5_")
    hs = ["From: " + addr("县民政局", "dkmzj@outlook.com"),
          "To: " + addr("政务公开办", OFFICE),
          "Subject: " + ew("公众开放日活动情况报告及新闻稿", "utf-8"),
          "Thread-Topic: " + ew("公众开放日活动情况报告及新闻稿", "utf-8"),
          "Thread-Index: AdmZc2V2ZXJhbCBzdWJtaXNzaW9ucw==",
          "Date: " + date,
          "Message-ID: <TYZPR06MB5121A0B1C2D3E4F5A6B7C8D9@TYZPR06MB5121.apcprd06.prod.outlook.com>",
          "Content-Language: zh-CN",
          "MIME-Version: 1.0"]
    return message(hs, mixed), label("report", "县民政局", 7, "2023-04-25")


# ----------------------------------------------------------------------------- write + verify


def readme_table():
    """The cases' rows for fixtures/classify/README.md (its issue-12 section)."""
    rows = ["| No. | File | Expected | What it exercises |", "|----:|------|----------|-------------------|"]
    for name, what, fn in CASES:
        lab = fn()[1]
        exp = [lab["kind"]]
        if lab["kind"] != "other":
            exp += [lab["unit"]] if lab["unit"] else []
            exp.append(f"#{lab['activity']}" if lab["activity"] else "#?")
            if lab["activity_date"]:
                same = lab["activity_date"] == lab["activity_end"]
                exp.append(lab["activity_date"] if same else f"{lab['activity_date']}…{lab['activity_end'][5:]}")
            else:
                exp.append("date ?")
            for sub in lab.get("submissions", [])[1:]:
                exp.append(f"+ {sub['kind']} #{sub['activity'] or '?'} {sub['activity_date'] or 'date ?'}")
            if lab["needs_review"]:
                exp.append("review")
        rows.append(f"| {name[:3]} | `{name}` | {', '.join(exp)} | {what} |")
    return "\n".join(rows) + "\n"


def write_readme():
    p = OUT / "README.md"
    s = p.read_text("utf-8")
    head = s[: s.index("| No. | File | Expected | What it exercises |", s.index("## Issue 12 cases"))]
    p.write_text(head + readme_table(), "utf-8")


def main():
    check = "--check" in sys.argv
    if not check:
        write_readme()
    ok = True
    for name, what, fn in CASES:
        raw, lab = fn()
        assert [k for k in lab if k != "submissions"] == h.KEYS, lab
        eml, js = OUT / f"{name}.eml", OUT / f"{name}.json"
        want = json.dumps(lab, ensure_ascii=False, indent=2) + "\n"
        if check:
            if not eml.exists() or eml.read_bytes() != raw or js.read_text("utf-8") != want:
                print(f"FAIL {name}: differs from the generator")
                ok = False
        else:
            eml.write_bytes(raw)
            js.write_text(want, "utf-8")
        if any(b"\n" in ln or len(ln) > 998 for ln in raw.split(b"\r\n")):
            print(f"FAIL {name}: bare LF or overlong line")
            ok = False
        if "-v" in sys.argv:
            print(f"{name}: {what}")
    print(f"{len(CASES)} cases {'checked' if check else 'written'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
