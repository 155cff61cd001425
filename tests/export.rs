//! `export timeliness` for the 绩效考核: items not yet due are 未到期 (never 未报), scores follow
//! `[assessment]`, the title row names county, season and instant, XLSX cells hold real dates.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::NaiveDate;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn themeday(args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_themeday"));
    for (k, _) in std::env::vars() {
        if k.starts_with("THEMEDAY_") {
            c.env_remove(k);
        }
    }
    c.args(args).output().expect("run themeday")
}

fn ok(o: Output) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "{text}");
    text
}

/// The real configuration with its store in `dir` and `extra` appended (e.g. `[assessment]`),
/// the fixtures' senders in the unit directory, and every mail of the fixtures' storyline (fixtures/classify 001–063) recorded (they run from April to October 2023).
fn season(dir: &Path, extra: &str) -> PathBuf {
    let cfg = std::fs::read_to_string(root().join("config/dongkou-2023.toml"))
        .unwrap()
        .replace(
            "calendar = \"calendar\"",
            &format!("calendar = {:?}", root().join("config/calendar")),
        )
        .replace(
            "\"dongkou-2023-schedule.tsv\"",
            &format!("{:?}", root().join("config/dongkou-2023-schedule.tsv")),
        )
        .replace(
            "\"dongkou-2023-units.toml\"",
            &format!("{:?}", dir.join("units.toml")),
        )
        .replace(
            "/var/lib/themeday",
            &dir.join("store").display().to_string(),
        );
    // `extra` stands in for the config's own [assessment] section.
    let cfg = match (extra.is_empty(), cfg.find("\n[assessment]")) {
        (false, Some(i)) => cfg[..i].to_string(),
        _ => cfg,
    };
    let path = dir.join("themeday.toml");
    std::fs::write(&path, format!("{cfg}\n{extra}")).unwrap();
    // The fixtures' senders as the office confirmed them (unconfirmed mail does not count).
    std::fs::write(
        dir.join("units.toml"),
        common::units_knowing_fixture_senders(&[]),
    )
    .unwrap();
    let mut files: Vec<String> = std::fs::read_dir(root().join("fixtures/classify"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(common::in_storyline)
        })
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    let mut args = vec![
        "--config",
        path.to_str().unwrap(),
        "--now",
        "2023-11-01T10:00:00+08:00",
        "import",
    ];
    args.extend(files.iter().map(String::as_str));
    ok(themeday(&args));
    path
}

/// `export timeliness --format csv` at `now`: the activity lines and the unit lines.
fn csv_at(cfg: &Path, now: &str) -> (Vec<String>, Vec<String>) {
    let out = cfg.with_file_name("t.csv");
    ok(themeday(&[
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        now,
        "export",
        "timeliness",
        "--format",
        "csv",
        "--out",
        out.to_str().unwrap(),
    ]));
    let read = |p: &Path| -> Vec<String> {
        std::fs::read_to_string(p)
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect()
    };
    (read(&out), read(&cfg.with_file_name("t-units.csv")))
}

/// The CSV row of activity `n`, split (no cell of these rows holds a comma).
fn row(lines: &[String], n: u32) -> Vec<String> {
    let r = lines
        .iter()
        .find(|l| l.starts_with(&format!("{n},")))
        .unwrap_or_else(|| panic!("no row {n}"));
    r.split(',').map(str::to_string).collect()
}

fn col(lines: &[String], name: &str) -> usize {
    lines[1]
        .split(',')
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name}: {}", lines[1]))
}

#[test]
fn items_not_yet_due_are_not_counted_missing() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = season(tmp.path(), "");
    // 30 June: 县税务局's plan for its July activity (sent 3 July) is due 24 July at the latest.
    let (lines, units) = csv_at(&cfg, "2023-06-30T10:00:00+08:00");
    assert!(lines[0].starts_with('\u{feff}'), "Excel needs the BOM");
    assert_eq!(
        lines[0].trim_start_matches('\u{feff}'),
        "洞口县2023年“政务公开主题日”活动报送及时性统计（截至2023年06月30日 10:00）"
    );
    assert_eq!(lines.len(), 2 + 25);
    let (plan, plan_score) = (col(&lines, "方案是否按时"), col(&lines, "方案得分"));
    let (report, report_score) = (col(&lines, "报告是否按时"), col(&lines, "报告得分"));
    let r20 = row(&lines, 20);
    assert_eq!(r20[1], "县税务局");
    assert_eq!(r20[plan], "未到期", "{r20:?}");
    assert_eq!(r20[plan_score], "", "not yet due: no score");
    assert_eq!(r20[report], "未到期");
    // Activity 13 (6.26 禁毒日): plan due 16 June, none came: 未报, missing score.
    let r13 = row(&lines, 13);
    assert_eq!(
        (r13[plan].as_str(), r13[plan_score].as_str()),
        ("未报", "0")
    );
    // Activity 19 (安全生产月, 1–30 June): its report, due 7 July, came on 4 July.
    let r19 = row(&lines, 19);
    assert_eq!(
        (r19[report].as_str(), r19[report_score].as_str()),
        ("未到期", "")
    );
    let tax = units.iter().find(|l| l.starts_with("县税务局,")).unwrap();
    // 活动数 1; plans on time/late/missing/not due 0,0,0,1; reports likewise; no score yet.
    assert_eq!(tax, "县税务局,1,0,0,0,1,0,0,0,1,0,");
    // A month later the same plan counts: received 3 July, due 5 July, on time.
    let (lines, _) = csv_at(&cfg, "2023-07-31T10:00:00+08:00");
    let r20 = row(&lines, 20);
    assert_eq!(
        (r20[plan].as_str(), r20[plan_score].as_str()),
        ("按时", "100")
    );
    let r19 = row(&lines, 19);
    assert_eq!(
        (r19[report].as_str(), r19[report_score].as_str()),
        ("按时", "100")
    );
}

#[test]
fn scores_follow_the_assessment_rule() {
    let tmp = tempfile::tempdir().unwrap();
    let default = season(&tmp.path().join("a").tap_mkdir(), "");
    let (lines, units) = csv_at(&default, "2023-11-01T10:00:00+08:00");
    let (plan, plan_score) = (col(&lines, "方案是否按时"), col(&lines, "方案得分"));
    let score = col(&lines, "得分");
    // Activity 16: plan received 16 June, due 15 June: one working day late.
    let r16 = row(&lines, 16);
    assert_eq!(
        (r16[plan].as_str(), r16[plan_score].as_str()),
        ("逾期", "90")
    );
    assert_eq!(r16[score], "95", "mean of plan 90 and report 100");
    let r1 = row(&lines, 1);
    assert_eq!(
        (r1[plan].as_str(), r1[plan_score].as_str()),
        ("按时", "100")
    );
    let gaosha = units
        .iter()
        .find(|l| l.starts_with("高沙镇人民政府,"))
        .unwrap();
    assert!(
        gaosha.ends_with(",50"),
        "plan missing 0, report on time 100: {gaosha}"
    );

    let strict = season(
        &tmp.path().join("b").tap_mkdir(),
        "[assessment]\non_time = 100\nlate_per_workday = 15\nmissing = 20\n",
    );
    let (lines, _) = csv_at(&strict, "2023-11-01T10:00:00+08:00");
    let r16 = row(&lines, 16);
    assert_eq!(r16[plan_score], "85");
    let r13 = row(&lines, 13);
    assert_eq!(
        (r13[plan].as_str(), r13[plan_score].as_str()),
        ("未报", "20")
    );
}

#[test]
fn a_bad_assessment_rule_is_refused_with_its_line() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = tmp.path().join("themeday.toml");
    season(tmp.path(), "");
    let text = std::fs::read_to_string(&cfg).unwrap();
    let text = text.replace("late_per_workday = 10", "late_per_workday = -3");
    let line = text
        .lines()
        .position(|l| l.starts_with("late_per_workday"))
        .unwrap()
        + 1;
    std::fs::write(&cfg, &text).unwrap();
    let o = themeday(&["--config", cfg.to_str().unwrap(), "check"]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!(
            "themeday.toml:{line}: late_per_workday = -3 不能为负数（改法："
        )),
        "{err}"
    );
    let o = themeday(&["--config", cfg.to_str().unwrap(), "check"]);
    assert!(!o.status.success());
    std::fs::write(
        &cfg,
        text.replace("late_per_workday = -3", "late_per_day = 3"),
    )
    .unwrap();
    let o = themeday(&["--config", cfg.to_str().unwrap(), "check"]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(&format!("themeday.toml:{line}: TOML 有误")),
        "{err}"
    );
}

fn zip_text(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The XML of cell `r` (e.g. "G19") in a sheet.
fn cell<'a>(sheet: &'a str, r: &str) -> &'a str {
    let start = sheet
        .find(&format!("<c r=\"{r}\""))
        .unwrap_or_else(|| panic!("no cell {r}"));
    let rest = &sheet[start..];
    let end = rest
        .find("</c>")
        .map(|i| i + 4)
        .or_else(|| rest.find("/>").map(|i| i + 2))
        .unwrap();
    &rest[..end]
}

fn attr<'a>(xml: &'a str, name: &str) -> Option<&'a str> {
    let i = xml.find(&format!(" {name}=\""))? + name.len() + 3;
    Some(&xml[i..i + xml[i..].find('"')?])
}

#[test]
fn xlsx_dates_are_date_cells_under_a_title_row() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = season(tmp.path(), "");
    let out = tmp.path().join("报送情况.xlsx");
    ok(themeday(&[
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        "2023-11-01T10:00:00+08:00",
        "export",
        "timeliness",
        "--out",
        out.to_str().unwrap(),
    ]));
    let sheet = zip_text(&out, "xl/worksheets/sheet1.xml");
    let shared = zip_text(&out, "xl/sharedStrings.xml");
    let styles = zip_text(&out, "xl/styles.xml");
    // Row 1: the title, merged across the table; row 3: the headers; activity 16 on row 19.
    assert!(shared
        .contains("洞口县2023年“政务公开主题日”活动报送及时性统计（截至2023年11月01日 10:00）"));
    assert!(shared
        .contains("得分规则：方案、报告各自计分，按时报送 100 分；逾期每晚一个工作日扣 10 分"));
    assert!(sheet.contains("<mergeCell ref=\"A1:Q1\"/>"), "{sheet}");
    assert_eq!(attr(cell(&sheet, "A19"), "t"), None, "序号 is a number");
    assert!(cell(&sheet, "A19").contains("<v>16</v>"));
    // G19, 方案收到日期 2023-06-16: a number (the Excel serial day) styled as a date.
    let g = cell(&sheet, "G19");
    let serial = (NaiveDate::from_ymd_opt(2023, 6, 16).unwrap()
        - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap())
    .num_days();
    assert_eq!(attr(g, "t"), None, "not a string: {g}");
    assert!(g.contains(&format!("<v>{serial}</v>")), "{g}");
    let style: usize = attr(g, "s").expect("a date format").parse().unwrap();
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let xf = xfs.split("<xf ").nth(style + 1).unwrap();
    let fmt_id = attr(&format!(" {xf}"), "numFmtId").unwrap().to_string();
    let fmt = styles
        .split("<numFmt ")
        .find(|f| attr(&format!(" {f}"), "numFmtId") == Some(fmt_id.as_str()))
        .unwrap_or_else(|| panic!("no numFmt {fmt_id}"));
    assert!(
        attr(&format!(" {fmt}"), "formatCode")
            .unwrap()
            .replace('\\', "")
            .contains("yyyy-mm-dd"),
        "{fmt}"
    );
    // 方案得分 (J19) is a number too.
    assert!(cell(&sheet, "J19").contains("<v>90</v>"));
    // The second sheet carries the unit scores under its own title.
    let units = zip_text(&out, "xl/worksheets/sheet2.xml");
    assert!(units.contains("<mergeCell ref=\"A1:L1\"/>"), "{units}");
}

trait TapMkdir {
    fn tap_mkdir(self) -> Self;
}

impl TapMkdir for PathBuf {
    fn tap_mkdir(self) -> Self {
        std::fs::create_dir_all(&self).unwrap();
        self
    }
}
