//! The unit directory: the responsible units (责任单位), the names people write for them and
//! their known sender addresses.
//!
//! [`parse_units`] reads the `[[unit]]` entries of one file (the config itself or the `units`
//! file it names) into [`Unit`]s; [`Unit::names`] derives the forms with and without the county
//! prefix that classification matches against. Invariants: a unit's name is non-empty; a name,
//! full name or alias belongs to exactly one unit across all files; an alias has at least two
//! characters; addresses are lowercase and pass [`is_plausible_address`].
//!
//! This module does no file I/O (reading the units file is `validate`'s job) and does not look
//! at the schedule.

use std::collections::HashMap;
use std::path::Path;

use super::raw::RawUnit;
use super::Unit;
use crate::error::ConfigProblem;
use crate::textpos::line_of;

impl Unit {
    /// Every name this unit goes by, including derived forms with and without the county
    /// prefix (`洞口县水利局`, `县水利局`, `水利局`), longest first.
    pub fn names(&self, county: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut push = |s: &str| {
            let s = s.trim();
            if s.chars().count() >= 2 && !out.iter().any(|o| o == s) {
                out.push(s.to_string());
            }
        };
        for base in std::iter::once(&self.name)
            .chain(std::iter::once(&self.full_name))
            .chain(self.aliases.iter())
        {
            push(base);
            let Some(stripped) = base
                .strip_prefix(county)
                .or_else(|| base.strip_prefix("县"))
            else {
                continue;
            };
            // Keep derived names that still say what the unit is (3+ characters, e.g. 水利局).
            if stripped.chars().count() >= 3 {
                push(stripped);
                push(&format!("县{stripped}"));
                push(&format!("{county}{stripped}"));
            }
        }
        out.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        out
    }
}

/// Parses `[[unit]]` entries of one file; names and aliases must be unique across `seen`.
pub(super) fn parse_units(
    file: &Path,
    text: &str,
    raw_units: &[RawUnit],
    seen_names: &mut HashMap<String, (usize, String)>,
    problems: &mut Vec<ConfigProblem>,
) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut problem = |line: usize, message: String, fix: &str| {
        problems.push(ConfigProblem {
            file: file.to_path_buf(),
            line,
            message,
            fix: fix.into(),
        })
    };
    for u in raw_units {
        let line = line_of(text, u.name.span().start);
        let name = u.name.get_ref().trim().to_string();
        if name.is_empty() {
            problem(
                line,
                "单位的 name 为空".into(),
                "把计划表中的“责任单位”填作 `name`",
            );
            continue;
        }
        let mut check_name =
            |n: &str, line: usize, problem: &mut dyn FnMut(usize, String, &str)| match seen_names
                .get(n)
            {
                Some((l, owner)) if owner != &name => problem(
                    line,
                    format!("名称或别称 {n:?} 已被 {owner} 使用（第 {l} 行）"),
                    "一个别称只能对应一个单位：从其中一个单位删去",
                ),
                _ => {
                    seen_names.insert(n.to_string(), (line, name.clone()));
                }
            };
        check_name(&name, line, &mut problem);
        let full_name = match &u.full_name {
            Some(f) => {
                check_name(f.get_ref(), line_of(text, f.span().start), &mut problem);
                f.get_ref().clone()
            }
            None => name.clone(),
        };
        let mut aliases = Vec::new();
        for a in &u.aliases {
            let l = line_of(text, a.span().start);
            let alias = a.get_ref().trim();
            if alias.chars().count() < 2 {
                problem(
                    l,
                    format!("别称 {alias:?} 太短，无法可靠识别"),
                    "至少写两个字",
                );
                continue;
            }
            check_name(alias, l, &mut problem);
            aliases.push(alias.to_string());
        }
        let mut addresses = Vec::new();
        for a in &u.addresses {
            let l = line_of(text, a.span().start);
            let addr = a.get_ref().trim().to_lowercase();
            if !is_plausible_address(&addr) {
                problem(
                    l,
                    format!("{addr:?} 不是电子邮件地址"),
                    "写作 name@example.com 的形式",
                );
                continue;
            }
            addresses.push(addr);
        }
        units.push(Unit {
            name,
            full_name,
            aliases,
            addresses,
            contact: u
                .contact
                .as_deref()
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string),
        });
    }
    units
}

/// Whether `a` is an address the bot can write to: one `@`, a domain with a dot, and nothing
/// lettre would refuse when the mail is built (`x@evil.example.`, `x@evil..example`,
/// `x@-evil.example`, `x;y@…`, `x..y@…`, `.x@…`). Mail from any other address is still
/// recorded; the bot just never writes to it.
pub fn is_plausible_address(a: &str) -> bool {
    let Some((local, domain)) = a.rsplit_once('@') else {
        return false;
    };
    !local.is_empty()
        && domain.contains('.')
        && !domain.ends_with('.')
        && !a
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '<' || c == '>')
        && a.parse::<lettre::Address>().is_ok()
}

#[cfg(test)]
mod tests {
    use super::is_plausible_address;

    #[test]
    fn addresses_lettre_refuses_are_not_plausible() {
        for a in [
            "x@evil.example.",
            "x@evil..example",
            "x@-evil.example",
            "x;y@evil.example",
            "x..y@evil.example",
            ".x@evil.example",
            "x.@evil.example",
            "x@evil",
            "@evil.example",
            "x y@evil.example",
        ] {
            assert!(!is_plausible_address(a), "{a}");
        }
        for a in [
            "1623857740@qq.com",
            "lina_ipo@163.com",
            "dk.sfj-1@gov.cn",
            "a+b@x.y.z",
        ] {
            assert!(is_plausible_address(a), "{a}");
        }
    }
}
