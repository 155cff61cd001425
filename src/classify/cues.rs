//! Cues: what a mail's words say about its kind (plan, report, or neither).
//!
//! Plan words (方案, 拟于, …) and report words (情况报告, 已于, 顺利开展, …) are scored per zone,
//! each cue once per zone, a shorter cue inside a longer one at the same place not counted
//! twice, and weighted by the zone (a reply's subject says less). The kind stage then weighs
//! plan against report, asks whether the mail concerns the season at all, and overrides the
//! words for what the mail plainly is: a question, a circular to many units. A submission
//! without plan or report words may lean by its sent date against the activity's date.
//!
//! Invariants: word lists, weights and thresholds are constants of this file; the cue
//! automatons are built once per process. No I/O and no clock: "sent date" is the mail's
//! own `Date` header, never now.

use aho_corasick::AhoCorasick;

use super::dates::Candidate;
use super::theme::ActivityMatcher;
use super::zones::{Framing, Zone};
use super::{Classifier, Kind};
use crate::parse::ParsedMail;

const PLAN_WORDS: &[(&str, f64)] = &[
    ("活动方案", 3.0),
    ("实施方案", 2.5),
    ("工作方案", 2.0),
    ("活动的方案", 3.0),
    ("的方案", 2.0),
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
    ("情况的报告", 3.5),
    ("情况汇报", 3.0),
    ("情况的汇报", 3.0),
    ("总结报告", 3.0),
    ("报告如下", 1.5),
    ("汇报如下", 1.5),
    ("特此报告", 2.0),
    ("特此汇报", 2.0),
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
    // A local news story forwarded as the report (the notice allows 新闻报导).
    ("报导", 1.5),
    ("小结", 2.5),
    ("综述", 2.0),
    ("简讯", 2.5),
    ("网讯", 2.5),
    ("报讯", 2.5),
    ("媒讯", 2.5),
    ("新闻网讯", 3.0),
    ("来源：", 1.0),
    ("编辑：", 1.0),
    ("通讯员", 2.0),
    ("责任编辑", 2.0),
    ("记者", 1.0),
    ("信息稿", 2.5),
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

/// Cues that on their own make a mail a submission.
const STRONG_CUES: &[&str] = &[
    "活动方案",
    "实施方案",
    "情况报告",
    "情况的报告",
    "情况汇报",
    "情况的汇报",
    "总结报告",
    "新闻网讯",
    "通讯员",
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

/// Plan and report cue scores of a mail, weighted by zone, and the cues found.
pub(super) struct Tally {
    pub(super) plan: f64,
    pub(super) report: f64,
    plan_hits: Vec<String>,
    report_hits: Vec<String>,
    /// In a reply: the plan and report scores of the unit's own new text (body and
    /// attachments), without the subject and the quoted mail it answers.
    own: Option<(f64, f64)>,
}

impl Tally {
    /// Scores the plan and report cues of every zone that weighs them.
    pub(super) fn of(zones: &[(Zone, String)], framing: Framing) -> Tally {
        let (mut plan, mut report) = (0.0f64, 0.0f64);
        let mut plan_hits = Vec::new();
        let mut report_hits = Vec::new();
        let (mut own_plan, mut own_report) = (0.0f64, 0.0f64);
        for (zone, text) in zones {
            let w = zone.kind_weight(framing.reply, framing.forward);
            if w == 0.0 {
                continue;
            }
            let p = cue_score(text, plan_cues(), &mut plan_hits) * w;
            let r = cue_score(text, report_cues(), &mut report_hits) * w;
            plan += p;
            report += r;
            if !matches!(zone, Zone::Subject | Zone::Quoted) {
                own_plan += p;
                own_report += r;
            }
        }
        Tally {
            plan,
            report,
            plan_hits,
            report_hits,
            own: (framing.reply && !framing.forward).then_some((own_plan, own_report)),
        }
    }

    /// In a reply, the kind the unit's own new text plainly reads as, when the subject and
    /// the quoted mail it answers say otherwise ("Re: …活动方案" carrying the report).
    pub(super) fn own_text_kind(&self) -> Option<Kind> {
        let (p, r) = self.own?;
        if p + r < 2.5 {
            return None;
        }
        if r >= 2.0 * p.max(0.5) {
            Some(Kind::Report)
        } else if p >= 2.0 * r.max(0.5) {
            Some(Kind::Plan)
        } else {
            None
        }
    }

    /// Adds report evidence that is not a word (a dated narrative).
    pub(super) fn add_report(&mut self, weight: f64, what: &str) {
        self.report += weight;
        self.report_hits.push(what.to_string());
    }

    /// How far apart plan and report are, 0–1 (1 when neither was found).
    pub(super) fn margin(&self) -> f64 {
        let (plan, report) = (self.plan, self.report);
        let total = plan + report;
        if total > 0.0 {
            (plan - report).abs() / total
        } else {
            1.0
        }
    }
}

/// What a mail plainly is, whatever its cue words say.
pub(super) struct Facts {
    /// It asks something (question words, or a short body with a question mark).
    pub(super) question: bool,
    /// It carries a document, picture, archive or video.
    has_doc: bool,
    /// It says 主题日 somewhere (subject, body, quoted text, attachments).
    mentions_theme_day: bool,
    /// A circular to many units (各单位, …) or a notice (…通知).
    circular: bool,
    /// It postpones or cancels, with no document attached and no plan (如下) in the body.
    pub(super) postponed: bool,
}

impl Facts {
    /// Reads the facts off the mail: question, document, 主题日, circular, postponement.
    pub(super) fn of(mail: &ParsedMail) -> Facts {
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
        let opening = mail
            .body
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        let circular = ["各单位", "各乡镇", "各部门", "县直各"]
            .iter()
            .any(|w| opening.contains(w))
            || mail.subject.trim_end().ends_with("通知");
        // A change of date or a cancellation without a new plan is news for the office, not
        // a plan: a person updates the schedule (decided once the activity is known).
        let postponed = ["推迟", "延期", "改期", "顺延", "暂缓", "取消"]
            .iter()
            .any(|w| mail.body.contains(w) || mail.subject.contains(w))
            && !has_doc
            && !mail.body.contains("如下");
        Facts {
            question,
            has_doc,
            mentions_theme_day,
            circular,
            postponed,
        }
    }
}

/// The kind decision so far.
#[derive(Clone, Copy, Debug)]
pub(super) struct KindCall {
    pub(super) kind: Kind,
    /// Other by its words, but relevant, and sent like a submission.
    pub(super) submission_like: bool,
    /// The kind leans on the sent date alone: a person confirms it.
    pub(super) unclear: bool,
    /// A look-alike: plainly no submission (an acknowledgement, a summary, a forward of
    /// the office's own mail), whatever else it carries.
    pub(super) screened: bool,
}

/// Plan, report or other: cue scores among mails of the season, overridden by plain facts.
pub(super) fn decide_kind(
    tally: &mut Tally,
    facts: &Facts,
    theme: &[f64],
    unit: Option<usize>,
    reasons: &mut Vec<String>,
) -> KindCall {
    let (plan, report) = (tally.plan, tally.report);
    let Facts {
        question,
        has_doc,
        mentions_theme_day,
        circular,
        postponed: _,
    } = *facts;
    let total = plan + report;
    let theme_top = theme.iter().copied().fold(0.0, f64::max);
    let strong_cue = tally
        .plan_hits
        .iter()
        .chain(tally.report_hits.iter())
        .any(|h| STRONG_CUES.contains(&h.as_str()));
    let relevant = theme_top >= 0.3 || mentions_theme_day || (unit.is_some() && strong_cue);

    let mut kind = if total < 2.5 || !relevant {
        Kind::Other
    } else if plan >= report {
        Kind::Plan
    } else {
        Kind::Report
    };
    // A reply is read by what the unit wrote in it, not by what it answers.
    if kind != Kind::Other {
        if let Some(own) = tally.own_text_kind() {
            if own != kind {
                kind = own;
                reasons.push(format!(
                    "a reply: its own new text reads as a {}",
                    own.as_str()
                ));
            }
            // The words of the subject and the quoted mail no longer count against it.
            if let Some((p, r)) = tally.own {
                tally.plan = p;
                tally.report = r;
            }
        }
    }
    // A circular to many units (a meeting notice from the county government) is not a
    // submission, whatever it says about the season.
    if circular && unit.is_none() && kind != Kind::Other {
        kind = Kind::Other;
        reasons.push("a circular to many units, not a submission".into());
    }
    if question && !has_doc {
        kind = Kind::Other;
        reasons.push("a question, not a submission".into());
    }
    if !tally.plan_hits.is_empty() {
        tally.plan_hits.sort();
        tally.plan_hits.dedup();
        reasons.push(format!(
            "plan words {plan:.1}: {}",
            tally.plan_hits.join(" ")
        ));
    }
    if !tally.report_hits.is_empty() {
        tally.report_hits.sort();
        tally.report_hits.dedup();
        reasons.push(format!(
            "report words {report:.1}: {}",
            tally.report_hits.join(" ")
        ));
    }

    let submission_like = kind == Kind::Other
        && relevant
        && (has_doc || total >= 2.5 || mentions_theme_day)
        && !question
        && !(circular && unit.is_none())
        && (unit.is_some() || (mentions_theme_day && (has_doc || strong_cue)));
    KindCall {
        kind,
        submission_like,
        unclear: false,
        screened: false,
    }
}

impl Classifier {
    /// A submission without plan or report words: report if sent after its date, else plan.
    pub(super) fn lean_by_sent_date(
        &self,
        mail: &ParsedMail,
        call: &mut KindCall,
        mentions: &[Candidate],
        unit: Option<usize>,
        reasons: &mut Vec<String>,
    ) {
        if !call.submission_like {
            return;
        }
        // A submission that names neither a plan nor a report: when it dates the activity,
        // a mail sent after that date leans report and one sent before leans plan; either
        // way a person confirms it.
        let lean = mail.date.filter(|_| unit.is_some()).and_then(|sent| {
            let act = unit.and_then(|ui| {
                let c: Vec<&ActivityMatcher> =
                    self.activities.iter().filter(|a| a.unit == ui).collect();
                (c.len() == 1).then(|| c[0])
            });
            let date = self.pick_date(mentions, act, Kind::Other)?;
            Some(if date.mention.start < sent.date_naive() {
                Kind::Report
            } else {
                Kind::Plan
            })
        });
        if let Some(k) = lean {
            call.kind = k;
            call.unclear = true;
            reasons.push(format!(
                "no plan or report words; {} by the date it was sent",
                k.as_str()
            ));
        }
    }
}
