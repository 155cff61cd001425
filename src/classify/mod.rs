//! Classify: a parsed mail → plan, report or other, with the unit, activity and date.
//!
//! Pure: the [`Classifier`] is built once from the configuration and then maps a
//! [`ParsedMail`] to a [`Decision`] with no I/O and no clock. Evidence follows DESIGN §3,
//! strongest first: a sender address the directory knows; unit names (full, short, aliases)
//! by where they stand (From name, subject, signature, attachment names weigh more than a
//! mention in passing, and a unit "invited" or "joined" is discounted); the theme, matched on
//! character bigrams weighted by how rare they are among the 25 themes; dates near activity
//! words; plan words against report words. Whatever the evidence cannot settle is left null
//! and flagged `needs_review`: nothing is guessed away silently.

pub mod dates;

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::config::Config;
use crate::parse::ParsedMail;
use dates::{find_dates, DateMention};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Plan,
    Report,
    Other,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Plan => "plan",
            Kind::Report => "report",
            Kind::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "plan" => Some(Kind::Plan),
            "report" => Some(Kind::Report),
            "other" => Some(Kind::Other),
            _ => None,
        }
    }

    /// The Chinese word the office uses.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Plan => "活动方案",
            Kind::Report => "活动情况报告",
            Kind::Other => "其他邮件",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    pub kind: Kind,
    pub unit: Option<String>,
    pub activity: Option<u32>,
    pub activity_date: Option<NaiveDate>,
    pub activity_end: Option<NaiveDate>,
    pub confidence: f64,
    pub needs_review: bool,
    pub automated: bool,
    pub reasons: Vec<String>,
}

impl Decision {
    fn other(automated: bool, reason: String) -> Decision {
        Decision {
            kind: Kind::Other,
            unit: None,
            activity: None,
            activity_date: None,
            activity_end: None,
            confidence: 0.95,
            needs_review: false,
            automated,
            reasons: vec![reason],
        }
    }
}

struct UnitMatcher {
    name: String,
    /// (name, specificity) longest first.
    names: Vec<(String, f64)>,
    addresses: HashSet<String>,
}

struct ActivityMatcher {
    number: u32,
    unit: usize,
    year: i32,
    month: u32,
    grams: Vec<(Bigram, f64)>,
    total: f64,
}

/// Built once per configuration; classifies any number of mails.
pub struct Classifier {
    year: i32,
    office_address: String,
    /// Names of the office's own staff (the notice's contacts) and their other addresses:
    /// their mail is internal, never a unit's submission.
    office_staff: Vec<String>,
    office_staff_addresses: HashSet<String>,
    units: Vec<UnitMatcher>,
    /// Every name of every unit in one automaton: a zone is scanned once for all of them.
    unit_names: AhoCorasick,
    /// For each pattern of `unit_names`: (unit index, specificity).
    unit_name_of: Vec<(usize, f64)>,
    activities: Vec<ActivityMatcher>,
}

/// Text zones of a mail, with how much a unit name found there says about the sender.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Zone {
    FromName,
    Subject,
    Opening,
    Body,
    Signature,
    Quoted,
    AttachmentName,
    AttachmentHead,
    AttachmentBody,
}

impl Zone {
    fn unit_weight(self, forward: bool) -> f64 {
        match self {
            Zone::FromName => 4.0,
            Zone::Subject => 4.0,
            Zone::Signature => 3.5,
            Zone::AttachmentName => 3.5,
            Zone::Opening => 2.5,
            Zone::AttachmentHead => 3.0,
            Zone::Body => 1.5,
            Zone::AttachmentBody => 1.0,
            Zone::Quoted if forward => 2.5,
            Zone::Quoted => 1.2,
        }
    }

    fn kind_weight(self, reply: bool, forward: bool) -> f64 {
        match self {
            Zone::Subject if reply => 1.0,
            Zone::Subject => 3.0,
            Zone::AttachmentName => 2.5,
            Zone::FromName => 0.0,
            Zone::Opening | Zone::Body | Zone::Signature => 1.0,
            Zone::AttachmentHead => 1.5,
            Zone::AttachmentBody => 0.6,
            Zone::Quoted if forward => 1.0,
            Zone::Quoted => 0.3,
        }
    }

    fn date_weight(self) -> f64 {
        match self {
            Zone::Subject => 1.3,
            Zone::AttachmentName => 1.2,
            Zone::Quoted => 0.8,
            Zone::FromName => 0.0,
            _ => 1.0,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Zone::FromName => "From name",
            Zone::Subject => "subject",
            Zone::Opening => "opening",
            Zone::Body => "body",
            Zone::Signature => "signature",
            Zone::Quoted => "quoted text",
            Zone::AttachmentName => "attachment name",
            Zone::AttachmentHead => "attachment title",
            Zone::AttachmentBody => "attachment text",
        }
    }
}

const PLAN_WORDS: &[(&str, f64)] = &[
    ("活动方案", 3.0),
    ("实施方案", 2.5),
    ("工作方案", 2.0),
    ("方案", 0.8),
    ("拟于", 3.0),
    ("拟定于", 3.0),
    ("拟在", 2.0),
    ("拟开展", 2.5),
    ("拟举办", 2.5),
    ("定于", 2.0),
    ("计划于", 2.5),
    ("计划在", 1.5),
    ("将于", 2.0),
    ("将在", 1.0),
    ("活动安排", 1.5),
    ("筹备", 1.0),
    ("预计", 1.0),
    ("届时", 1.5),
    ("请审阅", 1.0),
    ("请审核", 1.0),
    ("请予审核", 1.0),
    ("参加人员", 1.0),
    ("活动流程", 1.0),
    ("工作要求", 0.8),
];

const REPORT_WORDS: &[(&str, f64)] = &[
    ("情况报告", 3.5),
    ("活动总结", 3.5),
    ("工作总结", 3.0),
    ("总结", 2.0),
    ("新闻稿", 3.5),
    ("通讯稿", 3.5),
    ("宣传稿", 2.5),
    ("简报", 3.0),
    ("新闻报道", 3.0),
    ("新闻报导", 3.0),
    ("报道", 1.5),
    ("开展情况", 3.0),
    ("主题日情况", 3.0),
    ("活动情况", 2.5),
    ("已于", 3.0),
    ("顺利开展", 3.0),
    ("顺利举办", 3.0),
    ("顺利举行", 3.0),
    ("成功举办", 3.0),
    ("圆满结束", 3.0),
    ("圆满完成", 3.0),
    ("圆满落幕", 3.0),
    ("落下帷幕", 3.0),
    ("举行了", 2.0),
    ("开展了", 2.0),
    ("举办了", 2.0),
    ("组织了", 1.5),
    ("发放了", 1.5),
    ("取得了", 1.5),
    ("取得良好", 1.5),
    ("现场照片", 2.0),
    ("活动照片", 2.0),
    ("活动图片", 2.0),
    ("照片", 1.0),
    ("人次", 1.0),
    ("此次活动", 0.8),
    ("本次活动共", 1.5),
    ("活动结束后", 1.0),
];

const QUESTION_WORDS: &[&str] = &[
    "请问",
    "咨询一下",
    "想咨询",
    "是否需要",
    "能否",
    "可否",
    "怎么报",
    "如何报",
    "有没有",
];

/// Words every mail of the season carries; they say nothing about which activity it is.
const THEME_NOISE: &[&str] = &[
    "政务公开主题日",
    "政务公开",
    "主题活动",
    "活动",
    "主题",
    "宣传日",
    "开展",
];

/// Two consecutive characters (letters and digits only, ASCII lowercased).
type Bigram = (char, char);

fn bigrams(s: &str) -> Vec<Bigram> {
    let chars: Vec<char> = s
        .chars()
        .filter(|c| c.is_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

fn theme_core(theme: &str) -> String {
    let mut t = theme.to_string();
    for n in THEME_NOISE {
        t = t.replace(n, " ");
    }
    t
}

impl Classifier {
    pub fn new(config: &Config) -> Classifier {
        let units: Vec<UnitMatcher> = config
            .units
            .iter()
            .map(|u| UnitMatcher {
                name: u.name.clone(),
                names: u
                    .names(&config.county)
                    .into_iter()
                    .map(|n| {
                        let len = n.chars().count();
                        let spec = if len >= 5 {
                            1.0
                        } else if len == 4 {
                            0.9
                        } else {
                            0.7
                        };
                        (n, spec)
                    })
                    .collect(),
                addresses: u.addresses.iter().cloned().collect(),
            })
            .collect();
        let mut patterns = Vec::new();
        let mut unit_name_of = Vec::new();
        for (ui, u) in units.iter().enumerate() {
            for (name, spec) in &u.names {
                patterns.push(name.clone());
                unit_name_of.push((ui, *spec));
            }
        }
        let unit_names = AhoCorasick::new(&patterns).expect("unit names make a valid automaton");
        // Bigram document frequency across themes.
        let theme_grams: Vec<Vec<Bigram>> = config
            .activities
            .iter()
            .map(|a| {
                let mut seen = HashSet::new();
                bigrams(&theme_core(&a.theme))
                    .into_iter()
                    .filter(|g| seen.insert(*g))
                    .collect()
            })
            .collect();
        let mut df: HashMap<Bigram, usize> = HashMap::new();
        for g in &theme_grams {
            for x in g {
                *df.entry(*x).or_default() += 1;
            }
        }
        let n = config.activities.len().max(1) as f64;
        let activities = config
            .activities
            .iter()
            .zip(&theme_grams)
            .map(|(a, grams)| {
                let grams: Vec<(Bigram, f64)> = grams
                    .iter()
                    .map(|g| (*g, (1.0 + n / df[g] as f64).ln()))
                    .collect();
                let total = grams.iter().map(|g| g.1).sum::<f64>().max(1e-9);
                ActivityMatcher {
                    number: a.number,
                    unit: units
                        .iter()
                        .position(|u| u.name == a.unit)
                        .unwrap_or(usize::MAX),
                    year: a.year,
                    month: a.month,
                    grams,
                    total,
                }
            })
            .collect();
        Classifier {
            year: config.year,
            office_address: config.office_address.clone(),
            office_staff: config.office_staff.clone(),
            office_staff_addresses: config.office_staff_addresses.iter().cloned().collect(),
            units,
            unit_names,
            unit_name_of,
            activities,
        }
    }

    pub fn classify(&self, mail: &ParsedMail) -> Decision {
        if let Some(why) = &mail.automated {
            return Decision::other(true, format!("automated: {why}"));
        }
        if mail.ours {
            return Decision::other(true, "our own mail (loop header)".into());
        }
        let from = mail.from_addr.clone().unwrap_or_default();
        if from == self.office_address || self.office_staff_addresses.contains(&from) {
            return Decision::other(false, "sent by the office itself".into());
        }
        if let Some(name) = &mail.from_name {
            if self.office_staff.iter().any(|s| name.trim() == s) {
                return Decision::other(false, format!("sent by office staff ({name})"));
            }
        }

        let subject_l = mail.subject.to_lowercase();
        let reply = ["re:", "re：", "回复", "答复:", "答复："]
            .iter()
            .any(|p| subject_l.trim_start().starts_with(p));
        let forward = ["fw:", "fwd:", "fw：", "转发", "转:", "转："]
            .iter()
            .any(|p| subject_l.trim_start().starts_with(p))
            || (mail.body.chars().filter(|c| is_cjk(*c)).count() < 20
                && !mail.quoted.trim().is_empty());
        let zones = zones(mail);
        let mut reasons = Vec::new();

        let (unit_score, unit_where) = self.unit_scores(&zones, &from, forward);
        let theme = self.theme_scores(&zones);

        // ---- dates ------------------------------------------------------------------------
        let mentions = self.date_candidates(&zones);

        // ---- unit decision ------------------------------------------------------------------
        let max_theme_of = |ui: usize| -> f64 {
            self.activities
                .iter()
                .zip(&theme)
                .filter(|(a, _)| a.unit == ui)
                .map(|(_, t)| *t)
                .fold(0.0, f64::max)
        };
        let mut combined: Vec<(usize, f64)> = (0..self.units.len())
            .map(|ui| {
                let t = max_theme_of(ui);
                let theme_part = if t >= 0.25 { t * 6.0 } else { t * 2.0 };
                (ui, unit_score[ui] + theme_part)
            })
            .collect();
        combined.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (best_u, best_c) = combined[0];
        let second_c = combined.get(1).map(|x| x.1).unwrap_or(0.0);
        let best_theme = max_theme_of(best_u);
        let unit_ok = (unit_score[best_u] >= 1.0 || best_theme >= 0.45) && best_c > 0.0;
        let unit_conf = if unit_ok {
            (best_c - second_c) / best_c.max(1e-9) * 0.5 + (best_c / 8.0).min(1.0) * 0.5
        } else {
            0.0
        };
        let unit = if unit_ok && best_c >= second_c * 1.15 {
            Some(best_u)
        } else {
            None
        };
        if let Some(ui) = unit {
            if unit_score[ui] > 0.0 {
                reasons.push(format!(
                    "unit {} named in {}",
                    self.units[ui].name,
                    unit_where[ui].join(", ")
                ));
            } else {
                reasons.push(format!(
                    "unit {} inferred from its theme",
                    self.units[ui].name
                ));
            }
        } else if unit_ok {
            reasons.push(format!(
                "unit unclear: {} ({best_c:.1}) vs {} ({second_c:.1})",
                self.units[best_u].name, self.units[combined[1].0].name
            ));
        }

        // ---- kind ----------------------------------------------------------------------------
        let (mut plan, mut report) = (0.0f64, 0.0f64);
        let mut plan_hits = Vec::new();
        let mut report_hits = Vec::new();
        for (zone, text) in &zones {
            let w = zone.kind_weight(reply, forward);
            if w == 0.0 {
                continue;
            }
            plan += cue_score(text, plan_cues(), &mut plan_hits) * w;
            report += cue_score(text, report_cues(), &mut report_hits) * w;
        }
        // Past-tense report phrasing: "于4月21日…举办/开展了"; a plan reads in the future.
        let own = format!("{}\n{}", mail.body, mail.quoted);
        let question = QUESTION_WORDS
            .iter()
            .any(|q| mail.body.contains(q) || mail.subject.contains(q))
            || (mail.body.contains('？') || mail.body.contains('?'))
                && mail.body.chars().count() < 200;
        let has_doc = mail.attachments.iter().any(|a| {
            a.name.as_deref().is_some_and(|n| {
                let n = n.to_lowercase();
                [
                    ".doc", ".docx", ".wps", ".pdf", ".jpg", ".jpeg", ".png", ".zip", ".rar",
                    ".mp4",
                ]
                .iter()
                .any(|e| n.ends_with(e))
            })
        });
        let mentions_theme_day = own.contains("主题日")
            || mail.subject.contains("主题日")
            || mail.attachments.iter().any(|a| {
                a.name.as_deref().is_some_and(|n| n.contains("主题日"))
                    || a.text.as_deref().is_some_and(|t| t.contains("主题日"))
            });
        let total = plan + report;
        let theme_top = theme.iter().copied().fold(0.0, f64::max);
        if let Some((i, t)) = theme.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) {
            if *t > 0.0 {
                reasons.push(format!(
                    "closest theme: activity {} ({:.0}%)",
                    self.activities[i].number,
                    t * 100.0
                ));
            }
        }
        let strong_cue = plan_hits
            .iter()
            .chain(report_hits.iter())
            .any(|h| STRONG_CUES.contains(&h.as_str()));
        let relevant = theme_top >= 0.3 || mentions_theme_day || (unit.is_some() && strong_cue);

        let mut kind = if total < 2.5 || !relevant {
            Kind::Other
        } else if plan >= report {
            Kind::Plan
        } else {
            Kind::Report
        };
        // A circular to many units (a meeting notice from the county government) is not a
        // submission, whatever it says about the season.
        let opening = mail
            .body
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let circular = ["各单位", "各乡镇", "各部门", "县直各"]
            .iter()
            .any(|w| opening.contains(w))
            || mail.subject.trim_end().ends_with("通知");
        if circular && unit.is_none() && kind != Kind::Other {
            kind = Kind::Other;
            reasons.push("a circular to many units, not a submission".into());
        }
        // A change of date or a cancellation without a new plan is news for the office, not
        // a plan: a person updates the schedule (decided below, once the activity is known).
        let postponed = ["推迟", "延期", "改期", "顺延", "暂缓", "取消"]
            .iter()
            .any(|w| mail.body.contains(w) || mail.subject.contains(w))
            && !has_doc
            && !mail.body.contains("如下");
        if question && !has_doc {
            kind = Kind::Other;
            reasons.push("a question, not a submission".into());
        }
        let kind_margin = if total > 0.0 {
            (plan - report).abs() / total
        } else {
            1.0
        };
        if !plan_hits.is_empty() {
            plan_hits.sort();
            plan_hits.dedup();
            reasons.push(format!("plan words {plan:.1}: {}", plan_hits.join(" ")));
        }
        if !report_hits.is_empty() {
            report_hits.sort();
            report_hits.dedup();
            reasons.push(format!(
                "report words {report:.1}: {}",
                report_hits.join(" ")
            ));
        }

        let submission_like = kind == Kind::Other
            && relevant
            && (has_doc || total >= 2.5 || mentions_theme_day)
            && !question
            && !(circular && unit.is_none())
            && (unit.is_some() || (mentions_theme_day && (has_doc || strong_cue)));
        let mut kind_unclear = false;
        if submission_like {
            // A submission that names neither a plan nor a report: when it dates the activity,
            // a mail sent after that date leans report and one sent before leans plan; either
            // way a person confirms it.
            let lean = mail.date.filter(|_| unit.is_some()).and_then(|sent| {
                let act = unit.and_then(|ui| {
                    let c: Vec<&ActivityMatcher> =
                        self.activities.iter().filter(|a| a.unit == ui).collect();
                    (c.len() == 1).then(|| c[0])
                });
                let date = self.pick_date(&mentions, act, Kind::Other)?;
                Some(if date.mention.start < sent.date_naive() {
                    Kind::Report
                } else {
                    Kind::Plan
                })
            });
            if let Some(k) = lean {
                kind = k;
                kind_unclear = true;
                reasons.push(format!(
                    "no plan or report words; {} by the date it was sent",
                    k.as_str()
                ));
            }
        }
        if kind == Kind::Other {
            let mut d = Decision::other(false, "no plan or report evidence".into());
            d.reasons = reasons;
            let readable = [
                mail.subject.as_str(),
                mail.body.as_str(),
                mail.quoted.as_str(),
            ]
            .iter()
            .map(|t| t.chars().filter(|c| is_cjk(*c)).count())
            .sum::<usize>()
                + mail
                    .attachments
                    .iter()
                    .filter_map(|a| a.text.as_deref())
                    .map(|t| t.chars().filter(|c| is_cjk(*c)).count())
                    .sum::<usize>();
            if submission_like {
                d.needs_review = true;
                d.confidence = 0.3;
                d.reasons
                    .push("looks like a submission but its kind is unclear".into());
            } else if readable < 8
                && (!mail.problems.is_empty()
                    || looks_encoded(&mail.body)
                    || !mail.attachments.is_empty())
            {
                d.needs_review = true;
                d.confidence = 0.2;
                d.reasons
                    .push("no readable text: a person should open it".into());
            } else {
                d.reasons.push("not a plan or report".into());
            }
            return d;
        }

        // ---- activity within the unit ------------------------------------------------------
        let candidates: Vec<usize> = match unit {
            Some(ui) => (0..self.activities.len())
                .filter(|&i| self.activities[i].unit == ui)
                .collect(),
            None => Vec::new(),
        };
        let mut activity: Option<usize> = None;
        let mut act_conf = 0.0;
        if candidates.len() == 1 {
            activity = Some(candidates[0]);
            act_conf = 1.0;
        } else if candidates.len() > 1 {
            let mut scored: Vec<(usize, f64)> = candidates
                .iter()
                .map(|&i| {
                    let a = &self.activities[i];
                    let month_hit = mentions.iter().filter(|m| m.weight >= 2.0).any(|m| {
                        m.mention.start.month() == a.month && m.mention.start.year() == a.year
                    });
                    (i, theme[i] + if month_hit { 0.25 } else { 0.0 })
                })
                .collect();
            scored.sort_by(|a, b| b.1.total_cmp(&a.1));
            let (top, s1) = scored[0];
            let s2 = scored[1].1;
            if s1 >= 0.15 && s1 - s2 >= 0.08 {
                activity = Some(top);
                act_conf = ((s1 - s2) / s1.max(1e-9)).clamp(0.3, 1.0);
                reasons.push(format!(
                    "activity {} by theme/date ({s1:.2} vs {s2:.2})",
                    self.activities[top].number
                ));
            } else {
                reasons.push(format!(
                    "activity unclear among {}",
                    candidates
                        .iter()
                        .map(|&i| self.activities[i].number.to_string())
                        .collect::<Vec<_>>()
                        .join("/")
                ));
            }
        }
        if let Some(i) = activity {
            reasons.push(format!(
                "theme of activity {} matched {:.0}%",
                self.activities[i].number,
                theme[i] * 100.0
            ));
        }

        // ---- date -------------------------------------------------------------------------------
        let chosen = self.pick_date(&mentions, activity.map(|i| &self.activities[i]), kind);
        if let Some(c) = &chosen {
            reasons.push(format!("date {} ({})", c.mention.start, c.why));
        }

        if postponed && kind == Kind::Plan {
            reasons.push(
                "the activity is postponed or cancelled: the office should update its date".into(),
            );
            return Decision {
                kind: Kind::Other,
                unit: unit.map(|ui| self.units[ui].name.clone()),
                activity: activity.map(|i| self.activities[i].number),
                activity_date: None,
                activity_end: None,
                confidence: 0.4,
                needs_review: true,
                automated: false,
                reasons,
            };
        }
        let kind_conf = (0.5 + kind_margin * 0.5) * (total / 6.0).min(1.0);
        let mut confidence = unit_conf
            .min(if activity.is_some() { act_conf } else { 0.2 })
            .min(kind_conf);
        if chosen.is_none() {
            confidence *= 0.8;
        }
        let confidence = (confidence.clamp(0.0, 1.0) * 100.0).round() / 100.0;
        let needs_review = unit.is_none()
            || activity.is_none()
            || chosen.is_none()
            || kind_margin < 0.15
            || kind_unclear
            || confidence < 0.35;
        if kind_margin < 0.15 {
            reasons.push("plan and report evidence are close".into());
        }
        Decision {
            kind,
            unit: unit.map(|ui| self.units[ui].name.clone()),
            activity: activity.map(|i| self.activities[i].number),
            activity_date: chosen.as_ref().map(|c| c.mention.start),
            activity_end: chosen.as_ref().map(|c| c.mention.end),
            confidence,
            needs_review,
            automated: false,
            reasons,
        }
    }

    /// Evidence for each unit (directory order) and where it was found.
    fn unit_scores(
        &self,
        zones: &[(Zone, String)],
        from: &str,
        forward: bool,
    ) -> (Vec<f64>, Vec<Vec<&'static str>>) {
        let mut unit_score = vec![0.0f64; self.units.len()];
        let mut unit_where: Vec<Vec<&'static str>> = vec![Vec::new(); self.units.len()];
        for (ui, u) in self.units.iter().enumerate() {
            if u.addresses.contains(from) {
                unit_score[ui] += 10.0;
                unit_where[ui].push("known sender address");
            }
        }
        let patterns = self.unit_name_of.len();
        let mut best = vec![0.0f64; self.units.len()];
        // Where each name may next match: its occurrences are taken left to right without
        // overlapping themselves, as a search for that name alone would find them.
        let mut next_start = vec![0usize; patterns];
        for (zone, text) in zones {
            best.iter_mut().for_each(|b| *b = 0.0);
            next_start.iter_mut().for_each(|n| *n = 0);
            for m in self.unit_names.find_overlapping_iter(text.as_str()) {
                let p = m.pattern().as_usize();
                if m.start() < next_start[p] {
                    continue;
                }
                next_start[p] = m.end();
                let (ui, spec) = self.unit_name_of[p];
                let before = &text[..m.start()];
                let tail: String = before
                    .chars()
                    .rev()
                    .take(6)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let invited = [
                    "邀请", "联合", "会同", "配合", "协同", "以及", "和", "、", "及",
                ]
                .iter()
                .any(|w| tail.ends_with(w))
                    || ["邀请", "联合", "会同"].iter().any(|w| tail.contains(w));
                let w = if invited { spec * 0.3 } else { spec };
                best[ui] = best[ui].max(w);
            }
            for (ui, b) in best.iter().enumerate() {
                if *b > 0.0 {
                    unit_score[ui] += b * zone.unit_weight(forward);
                    unit_where[ui].push(zone.name());
                }
            }
        }
        (unit_score, unit_where)
    }

    /// How much of each activity's theme (schedule order) the mail carries, 0–1.
    fn theme_scores(&self, zones: &[(Zone, String)]) -> Vec<f64> {
        let all_text: String = zones
            .iter()
            .filter(|(z, _)| *z != Zone::FromName)
            .map(|(_, t)| t.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let mail_grams: HashSet<Bigram> = bigrams(&all_text).into_iter().collect();
        self.activities
            .iter()
            .map(|a| {
                // A bigram counts only inside a run of two or more matched bigrams (a shared
                // substring of three characters or more): lone bigrams are chance.
                let hit: Vec<bool> = a
                    .grams
                    .iter()
                    .map(|(g, _)| mail_grams.contains(g))
                    .collect();
                let matched: f64 = (0..hit.len())
                    .filter(|&i| {
                        hit[i] && ((i > 0 && hit[i - 1]) || (i + 1 < hit.len() && hit[i + 1]))
                    })
                    .map(|i| a.grams[i].1)
                    .sum();
                matched / a.total
            })
            .collect()
    }

    /// The activities this mail most likely concerns, best first, with a score: for the office
    /// reviewing a mail the classifier could not settle.
    pub fn candidates(&self, mail: &ParsedMail, n: usize) -> Vec<(u32, f64)> {
        let zones = zones(mail);
        let from = mail.from_addr.clone().unwrap_or_default();
        let (unit_score, _) = self.unit_scores(&zones, &from, false);
        let theme = self.theme_scores(&zones);
        let top = unit_score.iter().copied().fold(0.0, f64::max).max(1e-9);
        let mut v: Vec<(u32, f64)> = self
            .activities
            .iter()
            .zip(&theme)
            .map(|(a, t)| {
                let u = unit_score.get(a.unit).copied().unwrap_or(0.0) / top;
                (a.number, ((u * 0.5 + t * 0.5) * 100.0).round() / 100.0)
            })
            .filter(|(_, s)| *s > 0.0)
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(n);
        v
    }

    /// Adds a sender address learned for a unit (confirmed by the office, or recognised with
    /// high confidence), so later mail from it counts as that unit's.
    pub fn learn_address(&mut self, unit: &str, address: &str) {
        if let Some(u) = self.units.iter_mut().find(|u| u.name == unit) {
            u.addresses.insert(address.to_lowercase());
        }
    }

    /// Whether the office itself (its address, or one of its staff) sent this mail.
    pub fn from_office(&self, mail: &ParsedMail) -> bool {
        let from = mail.from_addr.as_deref().unwrap_or_default();
        from == self.office_address
            || self.office_staff_addresses.contains(from)
            || mail
                .from_name
                .as_ref()
                .is_some_and(|n| self.office_staff.iter().any(|s| n.trim() == s))
    }

    fn date_candidates(&self, zones: &[(Zone, String)]) -> Vec<Candidate> {
        let mut out = Vec::new();
        for (zone, text) in zones {
            if zone.date_weight() == 0.0 {
                continue;
            }
            let lines: Vec<&str> = text.lines().collect();
            let nonempty: Vec<usize> = lines
                .iter()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(i, _)| i)
                .collect();
            let tail_start = nonempty.len().saturating_sub(4);
            let tail_lines: HashSet<usize> = nonempty[tail_start..].iter().copied().collect();
            // Line starts, and per-line facts computed once per line: a line can hold
            // thousands of dates, and rescanning it for each would be quadratic.
            let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
            let mut line_facts: HashMap<usize, (bool, bool)> = HashMap::new();
            for m in find_dates(text, self.year) {
                let line_no = newlines.partition_point(|&nl| nl < m.pos);
                let line = lines.get(line_no).copied().unwrap_or("");
                let before: String = text[..m.pos]
                    .chars()
                    .rev()
                    .take(14)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                let after: String = text[m.pos + m.len..].chars().take(8).collect();
                let lt = line.trim();
                let (header_line, line_has_activity) =
                    *line_facts.entry(line_no).or_insert_with(|| {
                        let header_line = [
                            "发送时间",
                            "Sent:",
                            "Date:",
                            "日期:",
                            "日期：",
                            "时间:",
                            "时间：",
                        ]
                        .iter()
                        .any(|k| lt.starts_with(k))
                            && *zone == Zone::Quoted
                            || lt.contains("写道")
                            || lt.starts_with("发送时间");
                        let has_activity =
                            ["活动", "举办", "举行", "开展", "召开", "宣传", "主题日"]
                                .iter()
                                .any(|k| line.contains(k));
                        (header_line, has_activity)
                    });
                // A date alone on one of the last lines is when the letter was signed.
                let alone = lt.len() <= m.len + 16
                    && lt
                        .replace(&text[m.pos..m.pos + m.len], "")
                        .chars()
                        .filter(|c| !c.is_whitespace() && !"。.,，()（）".contains(*c))
                        .count()
                        == 0;
                let signing = alone && (tail_lines.contains(&line_no) || *zone == Zone::Signature);
                let deadline = [
                    "前报送",
                    "前将",
                    "之前",
                    "前报",
                    "截止",
                    "前上报",
                    "前发送",
                    "前提交",
                    "前报县",
                ]
                .iter()
                .any(|k| {
                    after.trim_start().starts_with(k)
                        || after.contains(k) && after.starts_with('前')
                }) || ["截止", "截至", "请于", "务必于"]
                    .iter()
                    .any(|k| before.ends_with(k) || before.contains(k));
                // "已于4月12日报送…方案": when something was sent, not when the activity was.
                let submitted = ["报送", "报来", "上报", "发送", "提交", "报县", "已报"]
                    .iter()
                    .any(|k| after.trim_start().starts_with(k));
                if header_line || signing || deadline || submitted {
                    continue;
                }
                let mut weight = 1.0;
                let mut why = Vec::new();
                for (k, w) in [
                    ("活动时间", 3.0),
                    ("时间：", 2.5),
                    ("时间:", 2.5),
                    ("拟于", 3.0),
                    ("定于", 3.0),
                    ("计划于", 3.0),
                    ("将于", 2.5),
                    ("已于", 3.0),
                    ("于", 1.5),
                    ("在", 0.5),
                ] {
                    if before.contains(k) {
                        weight += w;
                        why.push(k);
                        break;
                    }
                }
                if line_has_activity {
                    weight += 1.0;
                }
                if m.start != m.end {
                    weight += 0.5;
                }
                weight *= zone.date_weight();
                out.push(Candidate {
                    mention: m,
                    weight,
                    order: out.len(),
                    why: if why.is_empty() {
                        format!("in {}", zone.name())
                    } else {
                        format!("after {} in {}", why.join("/"), zone.name())
                    },
                });
            }
        }
        out
    }

    fn pick_date(
        &self,
        cands: &[Candidate],
        activity: Option<&ActivityMatcher>,
        _kind: Kind,
    ) -> Option<Candidate> {
        let mut best: Option<(f64, &Candidate)> = None;
        for c in cands {
            if c.mention.start.year() < self.year - 1 || c.mention.start.year() > self.year + 1 {
                continue;
            }
            let mut w = c.weight;
            if let Some(a) = activity {
                let months = (c.mention.start.year() - a.year) * 12
                    + c.mention.start.month() as i32
                    - a.month as i32;
                w += match months.abs() {
                    0 => 2.0,
                    1 => 0.5,
                    _ => -1.0,
                };
            }
            if best.is_none_or(|(bw, bc)| {
                w > bw + 1e-9 || ((w - bw).abs() < 1e-9 && c.order < bc.order)
            }) {
                best = Some((w, c));
            }
        }
        let (w, c) = best?;
        (w >= 1.5).then(|| c.clone())
    }
}

#[derive(Debug, Clone)]
struct Candidate {
    mention: DateMention,
    weight: f64,
    order: usize,
    why: String,
}

/// A list of cue words with one automaton over all of them.
struct Cues {
    words: &'static [(&'static str, f64)],
    automaton: AhoCorasick,
    /// Indexes into `words`, longest first (ties in list order).
    longest_first: Vec<usize>,
    longest: usize,
}

impl Cues {
    fn new(words: &'static [(&'static str, f64)]) -> Cues {
        let mut longest_first: Vec<usize> = (0..words.len()).collect();
        longest_first.sort_by_key(|&i| std::cmp::Reverse(words[i].0.len()));
        Cues {
            words,
            automaton: AhoCorasick::new(words.iter().map(|(w, _)| w))
                .expect("cue words make a valid automaton"),
            longest_first,
            longest: words.iter().map(|(w, _)| w.len()).max().unwrap_or(0),
        }
    }
}

fn plan_cues() -> &'static Cues {
    static CUES: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
    CUES.get_or_init(|| Cues::new(PLAN_WORDS))
}

fn report_cues() -> &'static Cues {
    static CUES: std::sync::OnceLock<Cues> = std::sync::OnceLock::new();
    CUES.get_or_init(|| Cues::new(REPORT_WORDS))
}

fn cue_score(text: &str, cues: &Cues, hits: &mut Vec<String>) -> f64 {
    // Each cue's occurrences, left to right and not overlapping themselves (as a search for
    // that cue alone finds them), from one pass over the text.
    let mut found_at: Vec<Vec<usize>> = vec![Vec::new(); cues.words.len()];
    let mut next_start = vec![0usize; cues.words.len()];
    for m in cues.automaton.find_overlapping_iter(text) {
        let p = m.pattern().as_usize();
        if m.start() >= next_start[p] {
            next_start[p] = m.end();
            found_at[p].push(m.start());
        }
    }
    // Longest cue first; a shorter cue inside a longer one found at the same place does not
    // count twice (方案 inside 活动方案).
    // Spans of longer cues, by start; a cue is at most `longest` bytes, so a span containing
    // another starts at most that far before it.
    let mut covered: std::collections::BTreeSet<(usize, usize)> = std::collections::BTreeSet::new();
    let mut score = 0.0;
    for &wi in &cues.longest_first {
        let (w, s) = cues.words[wi];
        let mut found = false;
        for &i in &found_at[wi] {
            let span = (i, i + w.len());
            let inside = covered
                .range((i.saturating_sub(cues.longest), 0)..=(i, usize::MAX))
                .any(|c| c.0 <= span.0 && span.1 <= c.1);
            if inside {
                continue;
            }
            covered.insert(span);
            found = true;
        }
        if found {
            score += s;
            hits.push(w.to_string());
        }
    }
    score
}

/// Cues that on their own make a mail a submission.
const STRONG_CUES: &[&str] = &[
    "活动方案",
    "实施方案",
    "情况报告",
    "活动总结",
    "工作总结",
    "新闻稿",
    "通讯稿",
    "简报",
    "开展情况",
    "活动情况",
    "新闻报道",
    "新闻报导",
];

/// Body text that is still base64 or quoted-printable: a MIME structure that did not decode.
fn looks_encoded(body: &str) -> bool {
    let lines: Vec<&str> = body.lines().filter(|l| l.trim().len() >= 40).collect();
    !lines.is_empty()
        && lines
            .iter()
            .filter(|l| {
                l.trim()
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
            })
            .count()
            * 2
            >= lines.len()
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF)
}

/// Splits a parsed mail into weighted zones.
fn zones(mail: &ParsedMail) -> Vec<(Zone, String)> {
    let mut z = Vec::new();
    if let Some(n) = &mail.from_name {
        z.push((Zone::FromName, n.clone()));
    }
    if !mail.subject.is_empty() {
        z.push((Zone::Subject, mail.subject.clone()));
    }
    let lines: Vec<&str> = mail.body.lines().filter(|l| !l.trim().is_empty()).collect();
    let n = lines.len();
    let open_end = n.min(3);
    let sig_start = n.saturating_sub(6).max(open_end);
    z.push((Zone::Opening, lines[..open_end].join("\n")));
    z.push((Zone::Body, lines[open_end..sig_start].join("\n")));
    z.push((Zone::Signature, lines[sig_start..].join("\n")));
    if !mail.quoted.trim().is_empty() {
        z.push((Zone::Quoted, mail.quoted.clone()));
    }
    for a in &mail.attachments {
        if let Some(name) = &a.name {
            z.push((Zone::AttachmentName, name.clone()));
        }
        if let Some(t) = &a.text {
            let tl: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
            let head = tl.len().min(4);
            z.push((Zone::AttachmentHead, tl[..head].join("\n")));
            let tail = tl.len().saturating_sub(4).max(head);
            z.push((Zone::AttachmentBody, tl[head..tail].join("\n")));
            // The attachment's last lines carry its signature and 落款: unit evidence like a
            // mail signature.
            z.push((Zone::Signature, tl[tail..].join("\n")));
        }
    }
    z
}
