//! The digest rendered from its data ([`DigestData`]): HTML through the askama template
//! `templates/digest.html` (every value escaped, one column that fits a phone), and the text
//! part from the same data, in the same order, so both say the same thing.
//!
//! Pure: data in, a draft out.

use askama::Template;

use super::digest::Digest;
use super::digest_data::DigestData;
use super::{kinds, Draft};
use crate::config::Config;
use crate::error::{Error, Result};

#[derive(Template)]
#[template(path = "digest.html")]
struct Html<'a> {
    d: &'a DigestData,
    unprocessable_note: &'a str,
    unit_message_note: &'a str,
    checks_note: &'a str,
    off_schedule_note: &'a str,
}

/// The HTML part.
pub fn html(d: &DigestData) -> Result<String> {
    Html {
        d,
        unprocessable_note: UNPROCESSABLE_NOTE,
        unit_message_note: UNIT_MESSAGE_NOTE,
        checks_note: CHECKS_NOTE,
        off_schedule_note: OFF_SCHEDULE_NOTE,
    }
    .render()
    .map_err(|e| Error::Send(format!("cannot render the digest: {e}")))
}

/// What the 无法处理的邮件 block says first.
pub const UNPROCESSABLE_NOTE: &str =
    "以下邮件已收到并存档，但系统无法自动处理，未作登记、未回复，请核对原件后登记或标为其他。";
/// What the 单位来信 block says first.
pub const UNIT_MESSAGE_NOTE: &str =
    "单位回复本系统邮件的简短来信（无附件），不作为报送材料登记；阅处后回复“#编号 其他”即从待办中移除。";
/// What the 计划外活动 block says first.
pub const OFF_SCHEDULE_NOTE: &str = "以下邮件所报活动不在活动计划表中。确属新增主题的，先用 themeday schedule add 在计划表中补充一行，再回复 #编号 第N项 方案|报告 登记；不予登记的回复 #编号 其他。";

/// What the 来源核对 block says first.
pub const CHECKS_NOTE: &str = "登记以本办邮箱服务器的收到时间为准，不采用发件人填写的发件日期；同一事项以最先收到的材料为准。";

fn block(out: &mut String, title: &str) {
    out.push_str(&format!("\n【{title}】\n"));
}

fn replies(out: &mut String, lines: &[String]) {
    out.push_str("    回复（任选一行）：\n");
    for l in lines {
        out.push_str(&format!("      {l}\n"));
    }
}

/// The text part: the same blocks as the HTML, short lines, no tables.
pub fn text(d: &DigestData) -> String {
    let mut o = format!("{}\n{}。{}\n", d.greeting, d.as_of, d.summary);
    block(&mut o, "今日待办");
    if d.todo_count() == 0 {
        o.push_str("  今日没有需要处理的事项。\n");
    } else {
        o.push_str("  需要处理的事项可直接回复本邮件：每行写一条指令，回复时请保留邮件主题。\n");
    }
    if !d.sending.is_empty() {
        o.push_str(&format!("\n■ 发信受阻，请处理 {} 项\n", d.sending.len()));
        for n in &d.sending {
            o.push_str(&format!("  - {n}\n"));
        }
    }
    if !d.unprocessable.is_empty() {
        o.push_str(&format!(
            "\n■ 无法处理的邮件 {} 封\n  {UNPROCESSABLE_NOTE}\n",
            d.unprocessable.len()
        ));
        for u in &d.unprocessable {
            o.push_str(&format!(
                "  #{} {}\n    {}\n    原因：{}\n",
                u.id, u.subject, u.from, u.reason
            ));
            replies(&mut o, &u.replies);
        }
    }
    if !d.review.is_empty() {
        o.push_str(&format!("\n■ 待核对邮件 {} 封\n", d.review.len()));
        for r in &d.review {
            o.push_str(&format!("  #{} {}\n    {}\n", r.id, r.subject, r.from));
            o.push_str(&format!(
                "    系统识别：{}\n    原因：{}\n",
                r.proposal, r.reason
            ));
            if !r.attachments.is_empty() {
                o.push_str(&format!("    附件：{}\n", r.attachments.join("、")));
            }
            replies(&mut o, &r.replies);
        }
    }
    if !d.off_schedule.is_empty() {
        o.push_str(&format!(
            "\n■ 计划外活动 {} 封\n  {OFF_SCHEDULE_NOTE}\n",
            d.off_schedule.len()
        ));
        for r in &d.off_schedule {
            o.push_str(&format!("  #{} {}\n    {}\n", r.id, r.subject, r.from));
            o.push_str(&format!("    系统识别：{}\n", r.proposal));
            replies(&mut o, &r.replies);
        }
    }
    if !d.unit_messages.is_empty() {
        o.push_str(&format!(
            "\n■ 单位来信 {} 封（请阅处）\n  {UNIT_MESSAGE_NOTE}\n",
            d.unit_messages.len()
        ));
        for u in &d.unit_messages {
            o.push_str(&format!(
                "  #{} {}\n    {}\n    单位来信：{}\n",
                u.id, u.subject, u.from, u.text
            ));
            replies(&mut o, &u.replies);
        }
    }
    if !d.phone.is_empty() {
        o.push_str(&format!(
            "\n■ 已逾期，请电话督促 {} 个单位\n",
            d.phone.len()
        ));
        for p in &d.phone {
            o.push_str(&format!("  {}\n", p.unit));
            match &p.contact {
                Some(c) => o.push_str(&format!("    联系人：{c}\n")),
                None => o.push_str("    单位名录中没有联系电话\n"),
            }
            for i in &p.items {
                o.push_str(&format!("    · {i}\n"));
            }
            if !p.addresses.is_empty() {
                o.push_str(&format!("    邮箱：{}\n", p.addresses.join("、")));
            }
        }
    }
    if !d.questions.is_empty() {
        o.push_str(&format!(
            "\n■ 单位咨询 {} 件（请人工答复）\n",
            d.questions.len()
        ));
        for q in &d.questions {
            o.push_str(&format!(
                "  #{} {}\n    {}\n    来信内容：{}\n",
                q.id, q.subject, q.from, q.text
            ));
        }
    }
    if !d.addresses.is_empty() {
        o.push_str(&format!("\n■ 待确认的单位邮箱 {} 个\n", d.addresses.len()));
        for a in &d.addresses {
            o.push_str(&format!("  {} → {}\n    {}\n", a.address, a.unit, a.source));
            replies(&mut o, &a.replies);
            o.push_str(&format!("    命令行：{}\n", a.commands.join("；")));
        }
    }
    if !d.checks.is_empty() {
        o.push_str(&format!(
            "\n■ 来源核对 {} 项\n  {CHECKS_NOTE}\n",
            d.checks.len()
        ));
        for c in &d.checks {
            o.push_str(&format!(
                "  #{}（{}）\n    {}\n    {}\n",
                c.id, c.from, c.what, c.note
            ));
            if !c.replies.is_empty() {
                replies(&mut o, &c.replies);
            }
        }
    }
    if !d.unscheduled.is_empty() {
        o.push_str(&format!("\n■ 尚无活动日期 {} 项\n", d.unscheduled.len()));
        for u in &d.unscheduled {
            o.push_str(&format!(
                "  第{}项 {}：{}\n    {}\n",
                u.number, u.unit, u.theme, u.line
            ));
        }
    }
    if !d.publish.is_empty() {
        o.push_str(&format!(
            "\n■ 待同意在专栏发布的报告 {} 份\n",
            d.publish.len()
        ));
        for p in &d.publish {
            o.push_str(&format!("  #{} {}\n", p.id, p.what));
            replies(&mut o, &p.replies);
        }
    }
    if !d.refused.is_empty() {
        o.push_str(&format!("\n■ 未执行的回复指令 {} 封\n", d.refused.len()));
        for r in &d.refused {
            o.push_str(&format!(
                "  邮件 #{}（{}）中的 {} 条回复指令未执行，系统未作任何更改：{}。\n    主题：{}\n",
                r.id, r.from, r.commands, r.why, r.subject
            ));
        }
    }
    if !d.notes.is_empty() {
        o.push_str("\n■ 系统提示\n");
        for n in &d.notes {
            o.push_str(&format!("  - {n}\n"));
        }
    }
    block(&mut o, &format!("未来{}个工作日内到期", d.horizon));
    if d.due.is_empty() {
        o.push_str("  无。\n");
    }
    for i in &d.due {
        o.push_str(&format!(
            "  第{}项 {} · {}：截止{}，还有 {} 个工作日\n",
            i.number, i.unit, i.what, i.deadline, i.left
        ));
    }
    block(&mut o, &format!("新到邮件 {} 封", d.arrived_total));
    if d.arrived.is_empty() {
        o.push_str("  自上一期日报以来没有新邮件。\n");
    }
    for a in &d.arrived {
        o.push_str(&format!(
            "  #{} {}\n    {} · {}\n    {}\n",
            a.id, a.subject, a.when, a.from, a.result
        ));
        if !a.attachments.is_empty() {
            o.push_str(&format!("    附件：{}\n", a.attachments.join("、")));
        }
    }
    if d.arrived_total > d.arrived.len() {
        o.push_str(&format!(
            "  以上为前 {} 封，另有 {} 封未列出（可用 themeday status、themeday review 查看）。\n",
            d.arrived.len(),
            d.arrived_total - d.arrived.len()
        ));
    }
    block(&mut o, "全年进度");
    o.push_str(&format!("  {}\n", d.progress_summary));
    for p in &d.progress {
        o.push_str(&format!("  {} {}：{}\n", p.number, p.unit, p.line));
    }
    block(&mut o, "回复指令一览");
    for (form, what) in &d.help {
        o.push_str(&format!("  {form}　{what}\n"));
    }
    o.push_str(&format!("\n（{}）\n", d.footer));
    o
}

/// The digest mail for `d`.
pub fn render(config: &Config, d: &DigestData) -> Result<Digest> {
    Ok(Digest {
        draft: Draft {
            kind: kinds::DIGEST,
            dedup_key: format!("digest:{}", d.day),
            mail_id: None,
            unit: None,
            to: config.policy.digest_to.clone(),
            cc: Vec::new(),
            subject: d.subject.clone(),
            text: format!("{}\n\n{}", d.title, text(d)),
            html: Some(html(d)?),
            in_reply_to: None,
            references: Vec::new(),
            auto_submitted: "auto-generated",
        },
        last_mail_id: d.last_mail_id,
    })
}
