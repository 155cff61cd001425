//! What the operator reads from the binary is Chinese: `--help` of every command and argument,
//! usage errors, every error (each cause once), the review evidence; commands that only read the
//! store never create one; the configuration is found without `--config` on a server.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn themeday_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_themeday"));
    for (k, _) in std::env::vars() {
        if k.starts_with("THEMEDAY_") {
            c.env_remove(k);
        }
    }
    c.envs(env.iter().copied());
    c.current_dir(dir)
        .args(args)
        .output()
        .expect("run themeday")
}

fn themeday(args: &[&str]) -> Output {
    themeday_in(&root(), args, &[])
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The subcommand names listed under 命令 in a help text.
fn subcommands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("命令"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn every_command_and_argument_has_chinese_help() {
    let mut todo: Vec<Vec<String>> = vec![vec![]];
    let mut seen = 0;
    while let Some(path) = todo.pop() {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let o = themeday(&args);
        assert!(o.status.success(), "{args:?}: {}", text(&o));
        let help = String::from_utf8_lossy(&o.stdout).to_string();
        seen += 1;
        assert!(help.contains("用法："), "{args:?}:\n{help}");
        assert!(
            !help.contains("Usage") && !help.contains("Options") && !help.contains("Print help"),
            "{args:?}:\n{help}"
        );
        assert!(
            !help.contains("[OPTIONS]") && !help.contains("possible values"),
            "{args:?}:\n{help}"
        );
        // The first line says what the command does.
        assert!(
            has_cjk(help.lines().next().unwrap_or("")),
            "{args:?}:\n{help}"
        );
        // Every argument and option line carries its Chinese help.
        for line in help.lines() {
            let t = line.trim_start();
            if line.starts_with("  ") && (t.starts_with('-') || t.starts_with('<')) {
                assert!(has_cjk(line), "{args:?}: no Chinese help on {line:?}");
            }
        }
        for sub in subcommands(&help) {
            let mut p = path.clone();
            p.push(sub);
            todo.push(p);
        }
    }
    // themeday, its 17 commands, and the 2 each of workdays, export, season and schedule.
    assert_eq!(seen, 26);
}

#[test]
fn usage_errors_are_explained_in_chinese() {
    let o = themeday(&["stauts"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        text(&o).contains("不认识的命令 “stauts”（是否想写 status？）"),
        "{}",
        text(&o)
    );
    let o = themeday(&["assign", "x", "--other"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("<编号> 的取值 “x” 无效"), "{}", text(&o));
    let o = themeday(&["workdays", "add", "2023-13-01", "3"]);
    assert!(text(&o).contains("日期应写作 2023-04-21"), "{}", text(&o));
    let o = themeday(&["export", "timeliness", "--format", "pdf", "--out", "x"]);
    assert!(text(&o).contains("可用的取值：csv、xlsx"), "{}", text(&o));
    let o = themeday(&["assign", "3"]);
    assert!(text(&o).contains("缺少必需的参数"), "{}", text(&o));
    for o in [
        themeday(&["stauts"]),
        themeday(&["assign", "3"]),
        themeday(&["--now", "yesterday", "status"]),
    ] {
        assert!(!text(&o).contains("error:"), "{}", text(&o));
    }
}

#[test]
fn an_error_names_its_cause_once() {
    let o = themeday(&["--config", "/nonexistent/themeday.toml", "check"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&o.stderr),
        "themeday: 无法读取 /nonexistent/themeday.toml：文件或目录不存在\n"
    );
}

/// The real configuration in `dir`, its store in `dir/store`.
fn config_with_store(dir: &Path) -> PathBuf {
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
            &format!("{:?}", root().join("config/dongkou-2023-units.toml")),
        )
        .replace(
            "/var/lib/themeday",
            &dir.join("store").display().to_string(),
        );
    let path = dir.join("themeday.toml");
    std::fs::write(&path, cfg).unwrap();
    path
}

#[test]
fn status_review_units_and_export_never_create_a_store() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config_with_store(tmp.path());
    let cfg = cfg.to_str().unwrap();
    let out = tmp.path().join("out.xlsx");
    for args in [
        vec!["status"],
        vec!["review"],
        vec!["units"],
        vec!["units", "--forget", "a@qq.com"],
        vec!["export", "timeliness", "--out", out.to_str().unwrap()],
        vec![
            "export",
            "portal",
            "--out",
            tmp.path().join("portal").to_str().unwrap(),
        ],
        vec!["assign", "1", "--other"],
    ] {
        let mut a = vec!["--config", cfg];
        a.extend(&args);
        let o = themeday(&a);
        assert!(!o.status.success(), "{args:?}");
        let t = text(&o);
        assert!(
            t.contains(&format!(
                "尚无数据库 {}：服务还没有运行过",
                tmp.path().join("store/themeday.db").display()
            )),
            "{args:?}: {t}"
        );
        assert!(
            !tmp.path().join("store").exists(),
            "{args:?} created the store"
        );
        assert!(!out.exists());
    }
}

#[test]
fn the_config_comes_from_themeday_config_then_the_checkout_then_etc() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config_with_store(tmp.path());
    // THEMEDAY_CONFIG, outside a checkout.
    // `check` also wants the password variables the config names (issue 11).
    let o = themeday_in(
        tmp.path(),
        &["check"],
        &[
            ("THEMEDAY_CONFIG", cfg.to_str().unwrap()),
            ("THEMEDAY_IMAP_PASSWORD", "x"),
            ("THEMEDAY_SMTP_PASSWORD", "x"),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains(&format!("配置无误（{}）", cfg.display())),
        "{}",
        text(&o)
    );
    // In a checkout: the demo.
    let o = themeday_in(&root(), &["check"], &[]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("配置无误（config/demo.toml）"),
        "{}",
        text(&o)
    );
    // Anywhere else: the Debian package's.
    let o = themeday_in(tmp.path(), &["check"], &[]);
    assert!(
        text(&o).contains("/etc/themeday/themeday.toml"),
        "{}",
        text(&o)
    );
}

#[test]
fn every_piece_of_review_evidence_reads_in_chinese() {
    let config = themeday::config::Config::load(&root().join("config/dongkou-2023.toml")).unwrap();
    let classifier = themeday::classify::Classifier::new(&config);
    let mut n = 0;
    for dir in ["classify", "holdout", "holdout2", "attacks"] {
        let Ok(entries) = std::fs::read_dir(root().join("fixtures").join(dir)) else {
            continue;
        };
        for e in entries {
            let path = e.unwrap().path();
            if path.extension().is_none_or(|x| x != "eml") {
                continue;
            }
            let raw = std::fs::read(&path).unwrap();
            let (_, _, d) = themeday::ingest::decide(&classifier, &raw);
            for r in &d.reasons {
                n += 1;
                assert!(
                    themeday::evidence::known(r),
                    "{}: no Chinese wording for the evidence {r:?}",
                    path.display()
                );
                assert!(has_cjk(&themeday::evidence::zh(r)), "{r:?}");
            }
        }
    }
    assert!(n > 300, "only {n} pieces of evidence");
}

#[test]
fn review_shows_the_evidence_in_chinese() {
    let tmp = tempfile::tempdir().unwrap();
    let cfg = config_with_store(tmp.path());
    let fixtures = root().join("fixtures/holdout2");
    let files: Vec<String> = [
        "k20-ambig-unknown-unit.eml",
        "k21-ambig-shijian-which.eml",
        "k22-ambig-minzheng-nodate.eml",
    ]
    .iter()
    .map(|f| fixtures.join(f).display().to_string())
    .collect();
    let mut args = vec![
        "--config",
        cfg.to_str().unwrap(),
        "--now",
        "2023-06-01T10:00:00+08:00",
        "import",
    ];
    args.extend(files.iter().map(String::as_str));
    let o = themeday(&args);
    assert!(o.status.success(), "{}", text(&o));
    let o = themeday(&["--config", cfg.to_str().unwrap(), "review"]);
    assert!(o.status.success(), "{}", text(&o));
    let out = text(&o);
    let evidence: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with("依据："))
        .collect();
    assert!(!evidence.is_empty(), "{out}");
    for l in evidence {
        for english in [
            " named in ",
            "words ",
            "unclear",
            "date 20",
            " in body",
            "theme",
        ] {
            assert!(!l.contains(english), "{l}");
        }
    }
}
