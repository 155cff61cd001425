//! The Debian package's parts that can be checked without building it: the systemd unit's
//! hardening (`systemd-analyze security --offline=true`, exposure at most 2.0), what the unit
//! runs and where it may write, and the package metadata's files. `scripts/deb-check` builds and
//! installs the real package.

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn unit_text() -> String {
    std::fs::read_to_string(root().join("config/themeday.service")).unwrap()
}

/// The values of `key=` in the unit, in order.
fn unit_values(key: &str) -> Vec<String> {
    unit_text()
        .lines()
        .filter_map(|l| l.strip_prefix(&format!("{key}=")))
        .map(|v| v.trim().to_string())
        .collect()
}

/// The exposure level `systemd-analyze security` prints for a unit file, 0.0 (best) to 10.0.
fn exposure(unit: &std::path::Path) -> (f64, String) {
    let o = Command::new("systemd-analyze")
        .args(["security", "--offline=true", "--threshold=100"])
        .arg(unit)
        .output()
        .expect("systemd-analyze (Debian package systemd; scripts/test installs it)");
    let out = String::from_utf8_lossy(&o.stdout).to_string();
    assert!(
        o.status.success(),
        "systemd-analyze failed: {}{out}",
        String::from_utf8_lossy(&o.stderr)
    );
    let line = out
        .lines()
        .find(|l| l.contains("Overall exposure level"))
        .unwrap_or_else(|| panic!("no exposure level in:\n{out}"));
    let value = line
        .rsplit(':')
        .next()
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or_else(|| panic!("cannot read the exposure in {line:?}"));
    (value, out)
}

#[test]
fn the_unit_is_hardened_to_an_exposure_of_at_most_2() {
    let (value, out) = exposure(&root().join("config/themeday.service"));
    assert!(value <= 2.0, "exposure {value} > 2.0:\n{out}");
}

#[test]
fn the_security_check_tells_a_weak_unit_from_the_real_one() {
    // The same unit without its sandbox must rate far worse: the check measures something.
    let tmp = tempfile::tempdir().unwrap();
    let weak: String = unit_text()
        .lines()
        .take_while(|l| !l.starts_with("# Sandbox."))
        .chain(["", "[Install]", "WantedBy=multi-user.target"])
        .map(|l| format!("{l}\n"))
        .collect();
    let path = tmp.path().join("themeday.service");
    std::fs::write(&path, weak).unwrap();
    let (value, out) = exposure(&path);
    assert!(value > 5.0, "a unit without sandbox rated {value}:\n{out}");
}

#[test]
fn the_unit_runs_the_packaged_binary_as_themeday_and_writes_only_its_store() {
    assert_eq!(unit_values("User"), ["themeday"]);
    assert_eq!(unit_values("UMask"), ["0077"]);
    assert_eq!(unit_values("StateDirectory"), ["themeday"]);
    assert_eq!(unit_values("ReadWritePaths"), ["/var/lib/themeday"]);
    assert_eq!(unit_values("ProtectSystem"), ["strict"]);
    assert_eq!(unit_values("CapabilityBoundingSet"), [""]);
    assert_eq!(
        unit_values("RestrictAddressFamilies"),
        ["AF_INET AF_INET6 AF_UNIX"]
    );
    assert!(unit_values("SystemCallFilter").contains(&"@system-service".to_string()));
    let exec = unit_values("ExecStart");
    assert_eq!(
        exec,
        ["/usr/bin/themeday --config /etc/themeday/themeday.toml run"]
    );
    // The daemon reloads its configuration on SIGHUP (tests/office.rs checks the reload).
    assert_eq!(unit_values("ExecReload"), ["/bin/kill -HUP $MAINPID"]);
    // Logs go to journald with their levels (auto-detected), not as JSON lines.
    assert!(!exec[0].contains("--log-format"), "{exec:?}");
    // The secrets file is optional (a Maildir + file setup needs none) and read by systemd.
    assert_eq!(
        unit_values("EnvironmentFile"),
        ["-/etc/themeday/secret.env"]
    );
}

#[test]
fn the_package_metadata_names_files_that_exist() {
    let manifest: toml::Value =
        toml::from_str(&std::fs::read_to_string(root().join("Cargo.toml")).unwrap()).unwrap();
    let deb = &manifest["package"]["metadata"]["deb"];
    let assets = deb["assets"].as_array().unwrap();
    let mut dests = Vec::new();
    for a in assets {
        let src = a[0].as_str().unwrap();
        dests.push(a[1].as_str().unwrap().to_string());
        if src.starts_with("target/") {
            continue;
        }
        if let Some(dir) = src.strip_suffix("/*.toml") {
            let n = std::fs::read_dir(root().join(dir))
                .unwrap()
                .filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .path()
                        .extension()
                        .is_some_and(|x| x == "toml")
                })
                .count();
            assert!(n > 0, "{src} matches nothing");
        } else {
            assert!(root().join(src).is_file(), "asset {src} is missing");
        }
    }
    assert!(dests.contains(&"etc/themeday/themeday.toml".to_string()));
    let units_dir = deb["systemd-units"]["unit-scripts"].as_str().unwrap();
    for f in ["themeday.service", "themeday.sysusers"] {
        assert!(root().join(units_dir).join(f).is_file(), "{f}");
    }
    let sysusers =
        std::fs::read_to_string(root().join(units_dir).join("themeday.sysusers")).unwrap();
    assert!(
        sysusers
            .lines()
            .any(|l| l.starts_with("u themeday ") && l.contains("/var/lib/themeday")),
        "{sysusers}"
    );
    assert!(root().join("LICENSE").is_file());
    assert!(std::fs::read_to_string(root().join("LICENSE"))
        .unwrap()
        .starts_with("MIT License"));
}

#[test]
fn the_shipped_config_checks_with_its_files_beside_it() {
    // /etc/themeday as the package lays it out: themeday.toml, the schedule, the units and the
    // calendar in one folder.
    let tmp = tempfile::tempdir().unwrap();
    let etc = tmp.path();
    std::fs::copy(
        root().join("config/dongkou-2023.toml"),
        etc.join("themeday.toml"),
    )
    .unwrap();
    for f in ["dongkou-2023-schedule.tsv", "dongkou-2023-units.toml"] {
        std::fs::copy(root().join("config").join(f), etc.join(f)).unwrap();
    }
    std::fs::create_dir(etc.join("calendar")).unwrap();
    for e in std::fs::read_dir(root().join("config/calendar")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), etc.join("calendar").join(e.file_name())).unwrap();
    }
    let o = Command::new(env!("CARGO_BIN_EXE_themeday"))
        .env_remove("THEMEDAY_CONFIG")
        // The unit reads the authorization codes from its EnvironmentFile; `check` verifies
        // that they are set (issue 11).
        .env("THEMEDAY_IMAP_PASSWORD", "x")
        .env("THEMEDAY_SMTP_PASSWORD", "x")
        .args(["--config"])
        .arg(etc.join("themeday.toml"))
        .arg("check")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The demo configuration in `tmp` with an empty Maildir: `poll` at 09:00 on a working day
/// logs the digest it queues.
fn quiet_demo_config(tmp: &std::path::Path) -> PathBuf {
    let maildir = tmp.join("Maildir");
    for d in ["new", "cur", "tmp"] {
        std::fs::create_dir_all(maildir.join(d)).unwrap();
    }
    let cfg = std::fs::read_to_string(root().join("config/demo.toml"))
        .unwrap()
        .replace(
            "\"dongkou-2023-schedule.tsv\"",
            &format!("{:?}", root().join("config/dongkou-2023-schedule.tsv")),
        )
        .replace(
            "\"dongkou-2023-units.toml\"",
            &format!("{:?}", root().join("config/dongkou-2023-units.toml")),
        )
        .replace(
            "calendar = \"calendar\"",
            &format!("calendar = {:?}", root().join("config/calendar")),
        )
        .replace("\"../demo/maildir\"", &format!("{maildir:?}"))
        .replace("../var/demo/", "");
    let path = tmp.join("demo.toml");
    std::fs::write(&path, cfg).unwrap();
    path
}

#[test]
fn logs_stay_human_lines_on_stderr_unless_stderr_is_the_journal() {
    // systemd sets JOURNAL_STREAM to the device:inode of the journal stream; a command whose
    // stderr is a pipe (a terminal, a test) inherits the variable but must keep writing lines.
    let tmp = tempfile::tempdir().unwrap();
    let path = quiet_demo_config(tmp.path());
    let o = Command::new(env!("CARGO_BIN_EXE_themeday"))
        .env("JOURNAL_STREAM", "1:1")
        .env("THEMEDAY_LOG", "info")
        .arg("--config")
        .arg(&path)
        .args(["--now", "2023-04-20T09:00:00+08:00", "poll"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.lines()
            .any(|l| l.contains(" INFO ") && l.contains("digest queued")),
        "{err}"
    );
}

#[test]
fn under_systemd_logs_go_to_journald_with_their_priority() {
    // As systemd starts the unit: stderr is the journal stream and JOURNAL_STREAM names it.
    // journald's socket is replaced, in a private mount namespace, by a listener that keeps
    // what arrives.
    let tmp = tempfile::tempdir().unwrap();
    let cfg = quiet_demo_config(tmp.path());
    let got = tmp.path().join("journal.txt");
    let script = format!(
        r#"set -e
mount -t tmpfs tmpfs /run/systemd 2>/dev/null || {{ mkdir -p /run/systemd; mount -t tmpfs tmpfs /run/systemd; }}
mkdir -p /run/systemd/journal
python3 -c '
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("/run/systemd/journal/socket")
open(sys.argv[1] + ".ready", "w").close()
s.settimeout(30)
out = open(sys.argv[1], "wb")
try:
    while True:
        out.write(s.recv(65536) + b"\n--\n"); out.flush()
except Exception:
    pass
' {got} &
listener=$!
while [ ! -e {got}.ready ]; do sleep 0.05; done
exec 2>{err}
export JOURNAL_STREAM=$(stat -L -c %d:%i /proc/$$/fd/2)
{bin} --config {cfg} --now 2023-04-20T09:00:00+08:00 poll >/dev/null
sleep 0.3
kill $listener
"#,
        got = got.display(),
        err = tmp.path().join("stderr.txt").display(),
        bin = env!("CARGO_BIN_EXE_themeday"),
        cfg = cfg.display(),
    );
    let o = Command::new("unshare")
        .args(["--mount", "sh", "-c", &script])
        .env("THEMEDAY_LOG", "info")
        .output()
        .expect("unshare (util-linux)");
    assert!(
        o.status.success(),
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    let journal = String::from_utf8_lossy(&std::fs::read(&got).unwrap()).to_string();
    let entry = journal
        .split("\n--\n")
        .find(|e| e.contains("digest queued"))
        .unwrap_or_else(|| panic!("no digest entry in the journal:\n{journal}"));
    // tracing-journald: INFO is priority 5; the identifier names the program.
    assert!(entry.contains("PRIORITY"), "{entry}");
    assert!(entry.contains("SYSLOG_IDENTIFIER"), "{entry}");
    assert!(entry.contains("themeday"), "{entry}");
    let stderr = std::fs::read_to_string(tmp.path().join("stderr.txt")).unwrap();
    assert!(
        !stderr.contains("digest queued"),
        "logged to stderr as well: {stderr}"
    );
}
