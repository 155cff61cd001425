//! Text from strangers, made safe to repeat: cut to a length the bot can stand behind, and
//! stripped of the control characters a terminal would obey.
//!
//! A subject, a sender's name or an attachment's name is whatever the sender wrote: it may be
//! 10 MB long or carry raw ESC/BEL bytes that clear the screen or retitle the window. Wherever
//! the bot repeats such text (acknowledgements, the digest, `review`) it is cut with [`cut`];
//! everything printed to a terminal goes through [`for_terminal`].
//!
//! Pure functions of strings: no I/O, no knowledge of mail or the store.

use std::borrow::Cow;

/// Subjects and names are cut to this many characters wherever the bot repeats them.
pub const MAX_REPEATED_CHARS: usize = 200;

/// `s` cut to at most `max` characters (an ellipsis marks the cut; it counts as one of them).
pub fn cut(s: &str, max: usize) -> Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => Cow::Borrowed(s),
        Some(_) => {
            let keep = max.saturating_sub(1);
            let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
            Cow::Owned(format!("{}…", &s[..end]))
        }
    }
}

/// A subject or name as the bot repeats it: control characters removed, cut to
/// [`MAX_REPEATED_CHARS`].
pub fn repeated(s: &str) -> String {
    let clean = strip_controls(s);
    cut(&clean, MAX_REPEATED_CHARS).into_owned()
}

/// At most this many attachment names are listed one by one.
pub const MAX_LISTED_ATTACHMENTS: usize = 10;

/// Attachment names as the bot repeats them: each one [`repeated`], the first
/// [`MAX_LISTED_ATTACHMENTS`] listed and the rest counted.
pub fn attachment_list(names: &[String]) -> String {
    let mut out: Vec<String> = names
        .iter()
        .take(MAX_LISTED_ATTACHMENTS)
        .map(|n| repeated(n))
        .collect();
    if names.len() > MAX_LISTED_ATTACHMENTS {
        out.push(format!("等共 {} 个附件", names.len()));
    }
    out.join("、")
}

/// Whether a terminal could act on `c`: C0 controls but newline and tab, DEL, and C1 controls.
pub fn is_terminal_control(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || ('\u{80}'..='\u{9f}').contains(&c)
}

/// `s` without the characters a terminal would act on (see [`is_terminal_control`]).
pub fn strip_controls(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_terminal_control) {
        Cow::Owned(s.chars().filter(|&c| !is_terminal_control(c)).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Text about to be printed to a terminal: see [`strip_controls`].
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    strip_controls(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_counts_characters_not_bytes() {
        assert_eq!(cut("县水利局", 10), "县水利局");
        assert_eq!(cut("县水利局活动方案", 4), "县水利…");
        assert_eq!(cut("abc", 3), "abc");
        assert_eq!(cut("abcd", 3), "ab…");
        assert_eq!(cut(&"长".repeat(1000), 200).chars().count(), 200);
    }

    #[test]
    fn controls_go_newlines_and_tabs_stay() {
        let s = "\u{1b}[2J\u{1b}]0;x\u{7}标题\r\n第二行\t\u{9b}31m\u{7f}";
        assert_eq!(strip_controls(s), "[2J]0;x标题\n第二行\t31m");
        assert!(matches!(strip_controls("普通文字\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn repeated_is_clean_and_short() {
        let s = format!("\u{7}{}", "x".repeat(10_000));
        let r = repeated(&s);
        assert_eq!(r.chars().count(), MAX_REPEATED_CHARS);
        assert!(!r.contains('\u{7}'));
    }
}
