//! The configuration file's TOML shapes, exactly as serde reads them.
//!
//! One struct per section, key for key. Every struct has `deny_unknown_fields`, so a misspelt
//! key (or a `password = ...` that does not belong here) is an error with its line instead of a
//! setting silently ignored. Unit names, aliases and addresses keep their spans so that the
//! unit directory's problems can name the line they are on.
//!
//! This module only describes shapes: it holds no validation, no defaults beyond the one serde
//! needs (`default_county`) and does no I/O. The typed [`Config`](super::Config) is built
//! from these values in `validate`; nothing outside `config` sees them.

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) office: RawOffice,
    pub(super) season: RawSeason,
    pub(super) mailbox: RawMailbox,
    pub(super) outgoing: RawOutgoing,
    #[serde(default)]
    pub(super) store: RawStore,
    pub(super) policy: Option<RawPolicy>,
    pub(super) assessment: Option<super::assessment::RawAssessment>,
    #[serde(default)]
    pub(super) unit: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOffice {
    pub(super) name: String,
    pub(super) short_name: Option<String>,
    pub(super) address: String,
    #[serde(default = "default_county")]
    pub(super) county: String,
    #[serde(default)]
    pub(super) staff: Vec<String>,
    #[serde(default)]
    pub(super) staff_addresses: Vec<String>,
    pub(super) timezone: Option<String>,
}

fn default_county() -> String {
    "洞口县".into()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSeason {
    pub(super) year: i32,
    pub(super) schedule: String,
    pub(super) units: Option<String>,
    pub(super) calendar: Option<String>,
    pub(super) required_months: Option<Vec<u32>>,
    pub(super) grace_days: Option<toml::Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMailbox {
    pub(super) kind: String,
    pub(super) path: Option<String>,
    pub(super) host: Option<String>,
    pub(super) port: Option<u16>,
    pub(super) security: Option<String>,
    pub(super) user: Option<String>,
    pub(super) password_env: Option<String>,
    pub(super) password_file: Option<String>,
    pub(super) folder: Option<String>,
    pub(super) send_id: Option<bool>,
    pub(super) ca_file: Option<String>,
    pub(super) poll_seconds: Option<u64>,
    pub(super) idle: Option<bool>,
    pub(super) dkim: Option<bool>,
    pub(super) dkim_timeout_seconds: Option<u64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOutgoing {
    pub(super) kind: String,
    pub(super) dir: Option<String>,
    pub(super) host: Option<String>,
    pub(super) port: Option<u16>,
    pub(super) security: Option<String>,
    pub(super) user: Option<String>,
    pub(super) password_env: Option<String>,
    pub(super) password_file: Option<String>,
    pub(super) ca_file: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStore {
    pub(super) database: Option<String>,
    pub(super) archive: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPolicy {
    pub(super) per_recipient_daily: Option<u32>,
    pub(super) new_address_acks_daily: Option<u32>,
    pub(super) reminder_hour: Option<u32>,
    pub(super) month_notice_workdays: Option<i32>,
    pub(super) plan_reminder_workdays: Option<i32>,
    pub(super) report_reminder_workdays: Option<i32>,
    pub(super) cc_office_on_overdue: Option<bool>,
    pub(super) digest_hour: Option<u32>,
    pub(super) digest_to: Option<Vec<String>>,
    pub(super) digest_horizon_workdays: Option<i32>,
    pub(super) command_token_days: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitsFile {
    #[serde(default)]
    pub(super) unit: Vec<RawUnit>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUnit {
    pub(super) name: toml::Spanned<String>,
    pub(super) full_name: Option<toml::Spanned<String>>,
    #[serde(default)]
    pub(super) aliases: Vec<toml::Spanned<String>>,
    #[serde(default)]
    pub(super) addresses: Vec<toml::Spanned<String>>,
    pub(super) contact: Option<String>,
}
