//! Helpers several test binaries share.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The unit directory, with each unit's addresses as its fixture mails (and `extra` mails)
/// come from, as the office would have confirmed them: since issue 11 mail from an address
/// nobody confirmed waits for review instead of counting. Addresses of mail the classifier
/// itself cannot settle stay out, so their corrections still teach the address.
#[allow(dead_code)] // not every test binary that shares this module uses it
pub fn units_knowing_fixture_senders(extra: &[(&str, String)]) -> String {
    use std::collections::BTreeMap;
    let mut owner: BTreeMap<String, Option<String>> = BTreeMap::new();
    let mut mails: Vec<(Vec<u8>, Option<serde_json::Value>)> = Vec::new();
    for e in std::fs::read_dir(root().join("fixtures/classify"))
        .unwrap()
        .flatten()
    {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "eml") {
            let json = std::fs::read_to_string(p.with_extension("json"))
                .ok()
                .map(|t| serde_json::from_str(&t).unwrap());
            mails.push((std::fs::read(&p).unwrap(), json));
        }
    }
    for (_, raw) in extra {
        mails.push((raw.clone().into_bytes(), None));
    }
    for (raw, json) in mails {
        let Some(addr) = mail_parser::MessageParser::default()
            .parse_headers(&raw)
            .and_then(|m| {
                m.from()
                    .and_then(|f| f.first())
                    .and_then(|a| a.address())
                    .map(|a| a.to_lowercase())
            })
        else {
            continue;
        };
        // Only mail the classifier settles for a unit vouches for its address.
        let unit = match &json {
            Some(j) if j["needs_review"] == false => j["unit"].as_str().map(str::to_string),
            Some(_) => None,
            None => Some("县农业农村局".to_string()),
        };
        if unit.is_none() {
            continue;
        }
        let o = owner.entry(addr).or_insert_with(|| unit.clone());
        if *o != unit {
            *o = None;
        }
    }
    let pairs: Vec<(String, String)> = owner
        .into_iter()
        .filter_map(|(addr, unit)| Some((unit?, addr)))
        .collect();
    units_with(&pairs)
}

/// The real unit directory with these (unit, address) pairs as the units' known addresses.
#[allow(dead_code)]
pub fn units_with<U: AsRef<str>, A: AsRef<str>>(pairs: &[(U, A)]) -> String {
    use std::collections::BTreeMap;
    let mut units = std::fs::read_to_string(root().join("config/dongkou-2023-units.toml")).unwrap();
    let mut per_unit: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (unit, addr) in pairs {
        per_unit
            .entry(unit.as_ref().to_string())
            .or_default()
            .push(format!("{:?}", addr.as_ref()));
    }
    for (unit, addrs) in per_unit {
        let Some(at) = units.find(&format!("name = \"{unit}\"")) else {
            continue;
        };
        let rel = units[at..].find("addresses = []").unwrap();
        units.replace_range(
            at + rel..at + rel + "addresses = []".len(),
            &format!("addresses = [{}]", addrs.join(", ")),
        );
    }
    units
}

/// Whether a fixture of fixtures/classify belongs to the season's storyline (001–063); the
/// later ones exercise the classifier on their own (issue 12) and would change the counts.
#[allow(dead_code)] // not every test binary that shares this module uses it
pub fn in_storyline(file_name: &str) -> bool {
    file_name
        .get(..3)
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n <= 63)
}
