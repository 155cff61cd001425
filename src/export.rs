//! Exports for the office: the timeliness table for the annual performance assessment
//! (绩效考核), as CSV or XLSX (`timeliness`). The portal column is `crate::portal`.

pub mod timeliness;
pub use timeliness::timeliness;
