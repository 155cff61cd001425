//! Splitting a body into the sender's own words and the quoted or forwarded part.
//!
//! Clients mark the start of the quoted part differently: QQ Mail and Foxmail write
//! `------------------ 原始邮件 ------------------`, Outlook a block of `发件人:` / `发送时间:`
//! (or `From:` / `Sent:`) lines, Coremail `-------- 转发邮件信息 --------`, Gmail-style clients
//! `在 … 写道：` or `On … wrote:`, and plain-text clients `>` prefixes.

/// Returns (own text, quoted text). Either may be empty.
pub fn split_quoted(body: &str) -> (String, String) {
    let lines: Vec<&str> = body.lines().collect();
    let mut cut = None;
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim().trim_start_matches('*').trim();
        let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
        let is_marker = (compact.contains("原始邮件") && compact.contains("---"))
            || compact.contains("转发邮件信息")
            || compact.eq_ignore_ascii_case("-----originalmessage-----")
            || compact.starts_with("-----OriginalMessage")
            || compact.starts_with("Beginforwardedmessage")
            || compact.starts_with("----------Forwardedmessage")
            || (compact.starts_with('在')
                && (compact.ends_with("写道：") || compact.ends_with("写道:")))
            || (compact.starts_with("On") && compact.ends_with("wrote:"));
        let is_header_block = {
            let starts = |l: &str, keys: &[&str]| {
                let l = l.trim().trim_start_matches('*').trim();
                keys.iter().any(|k| l.starts_with(k))
            };
            starts(t, &["发件人:", "发件人：", "From:", "发件人 :"])
                && lines[i + 1..lines.len().min(i + 5)].iter().any(|l| {
                    starts(
                        l,
                        &[
                            "发送时间",
                            "Sent:",
                            "日期:",
                            "日期：",
                            "Date:",
                            "时间:",
                            "时间：",
                        ],
                    )
                })
        };
        if is_marker || is_header_block {
            cut = Some(i);
            break;
        }
        if t.starts_with('>') && lines[i..].iter().take(3).all(|l| l.trim().starts_with('>')) {
            cut = Some(i);
            break;
        }
    }
    match cut {
        None => (body.to_string(), String::new()),
        Some(i) => {
            let own = lines[..i].join("\n");
            let quoted = lines[i..]
                .iter()
                .map(|l| l.trim_start_matches(['>', ' ']))
                .collect::<Vec<_>>()
                .join("\n");
            (own, quoted)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qq_original_mail_marker() {
        let b = "好的，已收到。\n\n------------------ 原始邮件 ------------------\n发件人: \"张三\"<a@qq.com>;\n发送时间: 2023年4月10日\n主题: 方案\n正文";
        let (own, q) = split_quoted(b);
        assert_eq!(own.trim(), "好的，已收到。");
        assert!(q.contains("主题: 方案"));
    }

    #[test]
    fn outlook_header_block() {
        let b = "请查收\n\n发件人: 李四 <b@163.com>\n发送时间: 2023年5月8日 10:00\n收件人: x\n主题: 报告\n\n内容";
        let (own, q) = split_quoted(b);
        assert_eq!(own.trim(), "请查收");
        assert!(q.starts_with("发件人"));
    }

    #[test]
    fn no_quote() {
        let (own, q) = split_quoted("现将方案报送如下。\n发件人：本局");
        assert!(q.is_empty());
        assert!(own.contains("方案"));
    }

    #[test]
    fn angle_quotes() {
        let (own, q) = split_quoted("同意\n> 第一行\n> 第二行\n> 第三行");
        assert_eq!(own.trim(), "同意");
        assert!(q.contains("第二行") && !q.contains('>'));
    }
}
