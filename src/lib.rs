//! themeday: tracks the plans and reports of a county office's "政务公开主题日" season by
//! email.
//!
//! Data flows one way (DESIGN §5):
//! intake (IMAP | Maildir) → parse → classify → store (SQLite) → notify → outbox → send.
//! `parse`, `classify` and `deadlines` are pure; the clock is a value passed in.

pub mod calendar;
pub mod classify;
pub mod cli;
pub mod cli_schedule;
mod cli_zh;
pub mod commands;
pub mod config;
pub mod daemon;
pub mod deadlines;
pub mod dkim;
pub mod error;
pub mod evidence;
pub mod export;
pub mod ingest;
pub mod intake;
pub mod logging;
pub mod notify;
pub mod parse;
pub mod portal;
pub mod records;
pub mod replay;
pub mod review;
pub mod safetext;
pub mod schedule;
pub mod season;
pub mod status;
pub mod store;
mod textpos;
pub mod trust;

pub use error::{Error, Result};
