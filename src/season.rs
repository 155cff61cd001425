//! The season in use, and the step to the next one.
//!
//! [`open_store`] opens the store with the configuration's season current (`Store::use_season`):
//! every command that records or counts plans and reports goes through it. [`start`] is
//! `themeday season new 2024 --schedule 2024.tsv`: it checks the new schedule against the unit
//! directory and the calendar, keeps the current configuration as `<name>-<old year>.toml`
//! beside it (so the old season can still be looked at with `--config`), copies the schedule
//! next to the configuration and points `[season]` at the new year and schedule. The store keeps
//! both seasons; nothing recorded is changed or deleted.
//!
//! This room reads and writes the configuration's files and opens the store; it sends nothing.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use crate::config::Config;
use crate::error::{Error, Result};
use crate::store::Store;

/// Opens the configured store with the configuration's season current.
pub fn open_store(config: &Config, now: DateTime<FixedOffset>) -> Result<Store> {
    let mut store = Store::open(&config.database, &config.archive_dir)?;
    store.use_season(config.year, now)?;
    Ok(store)
}

/// What `season new` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Started {
    pub year: i32,
    pub activities: usize,
    /// The new schedule, beside the configuration.
    pub schedule: PathBuf,
    /// The previous season's configuration, kept.
    pub previous: PathBuf,
}

/// `[season] year` and `schedule` set to new values, the rest of the file as it was.
fn rewrite(text: &str, year: i32, schedule: &str) -> Option<String> {
    let mut in_season = false;
    let (mut year_done, mut schedule_done) = (false, false);
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            in_season = t.starts_with("[season]");
        }
        let key = t.split('=').next().map(str::trim).unwrap_or("");
        let eol = if line.ends_with("\r\n") {
            "\r\n"
        } else if line.ends_with('\n') {
            "\n"
        } else {
            ""
        };
        if in_season && t.contains('=') && key == "year" {
            out.push_str(&format!("year = {year}{eol}"));
            year_done = true;
        } else if in_season && t.contains('=') && key == "schedule" {
            out.push_str(&format!("schedule = {}{eol}", toml_string(schedule)));
            schedule_done = true;
        } else {
            out.push_str(line);
        }
    }
    (year_done && schedule_done).then_some(out)
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// Starts season `year` with the schedule in `schedule` (a TSV or CSV as pasted from the
/// notice's 附件); see the module documentation.
pub fn start(
    config: &Config,
    year: i32,
    schedule: &Path,
    now: DateTime<FixedOffset>,
) -> Result<Started> {
    if year <= config.year {
        return Err(Error::Usage(format!(
            "新活动季的年份须晚于当前的 {} 年",
            config.year
        )));
    }
    let text = std::fs::read_to_string(&config.path).map_err(|source| Error::Read {
        path: config.path.clone(),
        source,
    })?;
    let dir = config
        .path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let source = std::fs::canonicalize(schedule).map_err(|source| Error::Read {
        path: schedule.to_path_buf(),
        source,
    })?;
    let name = source
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or_else(|| Error::Usage(format!("计划表文件名 {} 无效", schedule.display())))?
        .to_string();
    let dest = dir.join(&name);
    let copy = std::fs::canonicalize(&dest).ok() != Some(source.clone());
    if copy && dest.exists() {
        return Err(Error::Usage(format!(
            "配置目录中已有同名文件 {}：请给新计划表换个文件名",
            dest.display()
        )));
    }
    let stem = config
        .path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("themeday");
    let previous = dir.join(format!("{stem}-{}.toml", config.year));
    if previous.exists() {
        return Err(Error::Usage(format!(
            "{} 已存在：{} 年的配置似乎已保存过，请检查后再试",
            previous.display(),
            config.year
        )));
    }
    let no_season = || {
        Error::Usage(format!(
            "{} 的 [season] 中没有 year 和 schedule 两项",
            config.path.display()
        ))
    };
    // Checked in full (units, calendar for the new year) before anything is written; problems
    // in the new schedule name its own file and lines.
    let probe = rewrite(&text, year, &source.to_string_lossy()).ok_or_else(no_season)?;
    let new = Config::from_str(&config.path, &probe)?;

    // The old season's records are claimed for it before the new season exists.
    if config.database.exists() {
        let mut store = open_store(config, now)?;
        store.use_season(year, now)?;
        drop(store);
        keep_owner(&config.database);
    }
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
    };
    write(&previous, text.as_bytes())?;
    if copy {
        std::fs::copy(&source, &dest).map_err(|source| Error::Write {
            path: dest.clone(),
            source,
        })?;
    }
    let final_text = rewrite(&text, year, &name).ok_or_else(no_season)?;
    let tmp = config.path.with_extension("toml.new");
    write(&tmp, final_text.as_bytes())?;
    std::fs::rename(&tmp, &config.path).map_err(|source| Error::Write {
        path: config.path.clone(),
        source,
    })?;
    Ok(Started {
        year,
        activities: new.activities.len(),
        schedule: dest,
        previous,
    })
}

/// Run as root on a store the daemon's user owns: SQLite's side files created now get the
/// store's owner back, so the daemon can still write.
fn keep_owner(db: &Path) {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return;
    }
    let Ok(meta) = std::fs::metadata(db) else {
        return;
    };
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let p = PathBuf::from(p);
        if p.exists() {
            let _ = std::os::unix::fs::chown(&p, Some(meta.uid()), Some(meta.gid()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn only_the_season_section_changes() {
        let text = "# 配置\r\n[office]\r\nyear = 1\r\n[season]\r\nyear = 2023 # 年度\r\nschedule = \"a.tsv\"\r\nunits = \"u.toml\"\r\n[store]\r\nschedule = \"x\"\r\n";
        let out = rewrite(text, 2024, "2024 计划表.tsv").unwrap();
        assert_eq!(
            out,
            "# 配置\r\n[office]\r\nyear = 1\r\n[season]\r\nyear = 2024\r\nschedule = \"2024 计划表.tsv\"\r\nunits = \"u.toml\"\r\n[store]\r\nschedule = \"x\"\r\n"
        );
        assert!(rewrite("[season]\nschedule = \"a\"\n", 2024, "b").is_none());
    }
}
