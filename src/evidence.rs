//! The classifier's evidence in the office's words.
//!
//! `classify` notes why it decided what it did as short English lines (kept in the store and in
//! `classify`'s JSON, for maintainers). [`zh`] says each of them in Chinese for the operator's
//! `review` list. A line this room does not know is shown as it is, never dropped.
//!
//! Pure text: no I/O, and nothing of ours imported, so any room may use it.

use std::sync::OnceLock;

use regex::Regex;

/// Where in a mail a piece of evidence stood, as the classifier names it.
fn zone(z: &str) -> String {
    match z.trim() {
        "From name" => "发件人名称",
        "subject" => "主题",
        "opening" => "正文开头",
        "body" => "正文",
        "signature" => "签名",
        "quoted text" => "引用的原文",
        "attachment name" => "附件名",
        "attachment title" => "附件标题",
        "attachment text" => "附件正文",
        other => return other.to_string(),
    }
    .to_string()
}

fn kind(k: &str) -> &str {
    match k {
        "plan" => "活动方案",
        "report" => "情况报告",
        "other" => "其他邮件",
        other => other,
    }
}

/// Why a mail is automated (from `parse`), in Chinese.
fn automated(why: &str) -> String {
    if let Some(a) = why.strip_prefix("automated sender ") {
        return format!("系统发件人 {a}");
    }
    if let Some(k) = why.strip_prefix("subject says ") {
        return format!("主题含有 {}", k.trim_matches('"'));
    }
    if let Some(n) = why
        .strip_prefix("a short answer ")
        .and_then(|r| r.strip_suffix(" seconds after our mail was sent"))
    {
        return format!("本系统邮件发出 {n} 秒后即回复的简短来信");
    }
    if let Some(h) = why.strip_suffix(" header") {
        return format!("带有 {h} 信头");
    }
    match why {
        "empty Return-Path" => "退信地址（Return-Path）为空".into(),
        "delivery or disposition report" => "投递报告或已读回执".into(),
        "read receipt" => "已读回执".into(),
        other => format!("信头 {other}"),
    }
}

type Rule = (Regex, fn(&regex::Captures) -> String);

fn rules() -> &'static [Rule] {
    static RULES: OnceLock<Vec<Rule>> = OnceLock::new();
    RULES.get_or_init(|| {
        let r = |p: &str| Regex::new(&format!("^{p}$")).expect("evidence pattern");
        vec![
            (r(r"automated: (.+)"), |c| {
                format!("自动发出的邮件：{}", automated(&c[1]))
            }),
            (r(r"our own mail \(loop header\)"), |_| {
                "本系统发出的邮件（带本系统的循环标记）".into()
            }),
            (r(r"sent by the office itself"), |_| {
                "本办自己发出的邮件".into()
            }),
            (r(r"sent by office staff \((.+)\)"), |c| {
                format!("本办工作人员（{}）发出的邮件", &c[1])
            }),
            (r(r"no plan or report evidence"), |_| {
                "没有方案或报告的迹象".into()
            }),
            (
                r(r"looks like a submission but its kind is unclear"),
                |_| "像是报送材料，但看不出是方案还是报告".into(),
            ),
            (r(r"no readable text: a person should open it"), |_| {
                "没有可读的文字，需要人工打开查看".into()
            }),
            (r(r"not a plan or report"), |_| "不是方案或报告".into()),
            (
                r(r"the activity is postponed or cancelled: the office should update its date"),
                |_| "活动延期或取消：请本办更新活动日期".into(),
            ),
            (r(r"plan and report evidence are close"), |_| {
                "方案和报告的迹象不相上下".into()
            }),
            (r(r"a circular to many units, not a submission"), |_| {
                "发给多个单位的通知，不是报送材料".into()
            }),
            (
                r(r"a reply acknowledging what it quotes, not a submission"),
                |_| "回复确认所引用的来信，不是报送材料".into(),
            ),
            (r(r"a reply: its own new text reads as a (\w+)"), |c| {
                format!("是回复：按单位本次新写的文字，应为{}", kind(&c[1]))
            }),
            (
                r(r"a periodical newsletter, not a theme-day submission"),
                |_| "定期编印的简报刊物，不是主题日报送材料".into(),
            ),
            (
                r(r"passes on the office's own mail, adds no submission"),
                |_| "转发或回复本办自己的来信，未附报送材料".into(),
            ),
            (r(r"a report of a day after it was sent"), |_| {
                "报告所述活动日期晚于发信日期".into()
            }),
            (
                r(r"a periodic work summary, not a theme-day submission"),
                |_| "定期工作总结，不是主题日报送材料".into(),
            ),
            (r(r"several submissions, each read on its own: (.*)"), |c| {
                let kinds: Vec<&str> = c[1].split(", ").map(kind).collect();
                format!("一封邮件含多项报送，逐项识别：{}", kinds.join("、"))
            }),
            (r(r"several submissions: its (\w+) read on its own"), |c| {
                format!("一封邮件含多项报送：按本邮件自身文字登记为{}", kind(&c[1]))
            }),
            (r(r"another date reads as much like the activity's"), |_| {
                "另有一个日期同样像是活动日期".into()
            }),
            (
                r(r"the date is (\d+) months from the activity's planned month"),
                |c| format!("该日期与活动的计划月份相差{}个月", &c[1]),
            ),
            (r(r"a question, not a submission"), |_| {
                "是询问，不是报送材料".into()
            }),
            (r(r"plan words ([0-9.]+): (.*)"), |c| {
                format!("方案用语（{}分）：{}", &c[1], &c[2])
            }),
            (r(r"report words ([0-9.]+): (.*)"), |c| {
                format!("报告用语（{}分）：{}", &c[1], &c[2])
            }),
            (
                r(r"no plan or report words; (\w+) by the date it was sent"),
                |c| format!("没有方案或报告用语；按发送日期推断为{}", kind(&c[1])),
            ),
            (r(r"unit (\S+) named in (.+)"), |c| {
                let zones: Vec<String> = c[2].split(", ").map(zone).collect();
                format!("单位 {} 见于{}", &c[1], zones.join("、"))
            }),
            (r(r"unit (\S+) inferred from its theme"), |c| {
                format!("由活动主题推断单位为 {}", &c[1])
            }),
            (
                r(r"unit unclear: (\S+) \(([0-9.]+)\) vs (\S+) \(([0-9.]+)\)"),
                |c| {
                    format!(
                        "单位不明确：{}（{}）与 {}（{}）",
                        &c[1], &c[2], &c[3], &c[4]
                    )
                },
            ),
            (r(r"closest theme: activity (\d+) \((\d+)%\)"), |c| {
                format!("最接近第{}项的主题（{}%）", &c[1], &c[2])
            }),
            (
                r(r"activity (\d+) by theme/date \(([0-9.]+) vs ([0-9.]+)\)"),
                |c| format!("按主题和日期判断为第{}项（{} 对 {}）", &c[1], &c[2], &c[3]),
            ),
            (r(r"activity unclear among ([0-9/]+)"), |c| {
                let n: Vec<String> = c[1].split('/').map(|n| format!("第{n}项")).collect();
                format!("无法确定是{}中的哪一项", n.join("、"))
            }),
            (r(r"theme of activity (\d+) matched (-?\d+)%"), |c| {
                format!("与第{}项主题的吻合度 {}%", &c[1], &c[2])
            }),
            (r(r"date (\S+) \(after (.+) in (.+)\)"), |c| {
                format!(
                    "活动日期 {}（{}中“{}”之后）",
                    &c[1],
                    zone(&c[3]),
                    c[2].replace('/', "”“")
                )
            }),
            (r(r"date (\S+) \(in (.+)\)"), |c| {
                format!("活动日期 {}（见于{}）", &c[1], zone(&c[2]))
            }),
            (r(r"cannot parse: (.*)"), |c| format!("无法解析：{}", &c[1])),
            (r(r"unit message in reply to our mail: (.*)"), |c| {
                format!("单位来信（回复本系统邮件）：{}", &c[1])
            }),
            (
                r(r"a short note in answer to our mail, no attachment: not a submission"),
                |_| "回复本系统邮件的简短来信，无附件：不是报送材料".into(),
            ),
            (
                r(r"automated: a short answer (\d+) seconds after our mail was sent"),
                |c| {
                    format!(
                        "自动发出的邮件：本系统邮件发出 {} 秒后即回复的简短来信",
                        &c[1]
                    )
                },
            ),
            (
                r(r"the sender address is (\S+)'s, not (\S+)'s: the office decides"),
                |c| format!("发件邮箱属于{}，不属于{}：由本办核定", &c[1], &c[2]),
            ),
            (
                r(r"the sender address is not confirmed for (\S+): the office decides"),
                |c| format!("发件邮箱尚未确认为{}的邮箱：由本办核定", &c[1]),
            ),
            (
                r(r"DKIM fails for the From domain: the office decides"),
                |_| "发件域的 DKIM 签名验证失败：由本办核定".into(),
            ),
            (
                r(r"DKIM fails for the From domain: the address is not proposed"),
                |_| "发件域的 DKIM 签名验证失败：不提议该邮箱".into(),
            ),
            (r(r"set by the office"), |_| "本办人工更正".into()),
        ]
    })
}

/// One line of the classifier's evidence, in Chinese (unchanged when no rule knows it).
pub fn zh(reason: &str) -> String {
    for (re, say) in rules() {
        if let Some(c) = re.captures(reason) {
            return say(&c);
        }
    }
    reason.to_string()
}

/// Whether [`zh`] knows this line, or it is in Chinese already (the classifier writes the
/// reasons meant for the office, e.g. 扫描件 or 计划外活动, in Chinese).
pub fn known(reason: &str) -> bool {
    reason.chars().next().is_some_and(|c| !c.is_ascii())
        || rules().iter().any(|(re, _)| re.is_match(reason))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_of_evidence_reads_in_chinese() {
        for (en, want) in [
            (
                "unit 县水利局 named in subject, attachment name",
                "单位 县水利局 见于主题、附件名",
            ),
            ("plan words 4.5: 方案 拟于", "方案用语（4.5分）：方案 拟于"),
            (
                "date 2023-04-20 (after 拟于 in body)",
                "活动日期 2023-04-20（正文中“拟于”之后）",
            ),
            (
                "date 2023-04-20 (in subject)",
                "活动日期 2023-04-20（见于主题）",
            ),
            (
                "activity unclear among 9/13/24",
                "无法确定是第9项、第13项、第24项中的哪一项",
            ),
            (
                "automated: Auto-Submitted: auto-replied",
                "自动发出的邮件：信头 Auto-Submitted: auto-replied",
            ),
            (
                "automated: List-Id header",
                "自动发出的邮件：带有 List-Id 信头",
            ),
            (
                "no plan or report words; report by the date it was sent",
                "没有方案或报告用语；按发送日期推断为情况报告",
            ),
            (
                "unit unclear: 县公安局 (3.0) vs 县司法局 (2.5)",
                "单位不明确：县公安局（3.0）与 县司法局（2.5）",
            ),
        ] {
            assert_eq!(zh(en), want, "{en}");
        }
        assert_eq!(
            zh("the sender address is not confirmed for 县水利局: the office decides"),
            "发件邮箱尚未确认为县水利局的邮箱：由本办核定"
        );
        assert_eq!(
            zh("automated: a short answer 12 seconds after our mail was sent"),
            "自动发出的邮件：本系统邮件发出 12 秒后即回复的简短来信"
        );
        assert_eq!(zh("something new"), "something new");
        assert!(!known("something new"));
    }
}
