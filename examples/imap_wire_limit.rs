//! The physical intake limit: what the IMAP server can send over the loopback, read from a
//! plain socket and parsed not at all. `bench/intake` reports themeday against this and
//! against `imap_fetch_limit` (the imap crate's own cost).
//!
//! Plain TCP, LOGIN, EXAMINE, one `UID FETCH 1:* (UID BODY.PEEK[])`, then the response is read
//! into a reused 1 MiB buffer until the tagged completion; only the `* N FETCH` lines are
//! counted (to report the number of messages), by scanning for them across reads. Prints one
//! line: `messages=N bytes=B seconds=S mails_per_s=R`.
//!
//! ```sh
//! cargo run --release --example imap_wire_limit -- 127.0.0.1 PORT USER PASSWORD
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Instant;

const TAG: &[u8] = b"\r\nW3 ";

fn command(
    reader: &mut BufReader<TcpStream>,
    tag: &str,
    line: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    reader
        .get_mut()
        .write_all(format!("{tag} {line}\r\n").as_bytes())?;
    let mut buf = String::new();
    loop {
        buf.clear();
        if reader.read_line(&mut buf)? == 0 {
            return Err("connection closed".into());
        }
        if let Some(rest) = buf.strip_prefix(&format!("{tag} ")) {
            if rest.starts_with("OK") {
                return Ok(());
            }
            return Err(format!("{line}: {rest}").into());
        }
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [host, port, user, pass] = args.as_slice() else {
        eprintln!("usage: imap_wire_limit HOST PORT USER PASSWORD");
        std::process::exit(2);
    };
    let started = Instant::now();
    let tcp = TcpStream::connect((host.as_str(), port.parse::<u16>()?))?;
    tcp.set_nodelay(true)?;
    let mut reader = BufReader::new(tcp);
    let mut greeting = String::new();
    reader.read_line(&mut greeting)?;
    command(&mut reader, "W1", &format!("LOGIN \"{user}\" \"{pass}\""))?;
    command(&mut reader, "W2", "EXAMINE INBOX")?;
    reader
        .get_mut()
        .write_all(b"W3 UID FETCH 1:* (UID BODY.PEEK[])\r\n")?;

    // Read until "\r\nW3 " is seen; count "* N FETCH" starts. A pattern may straddle two
    // reads, so the last CARRY bytes of each read stay in front of the next one, and a match
    // counts only if it ends in the new bytes (one wholly in the carry was counted before).
    const CARRY: usize = 15;
    let mut stream = reader.into_inner();
    let finder = aho_corasick::AhoCorasick::new([&b" FETCH ("[..], TAG])?;
    let mut buf = vec![0u8; CARRY + (1 << 20)];
    let mut kept = 0usize;
    let (mut bytes, mut messages) = (0u64, 0u64);
    'read: loop {
        let n = stream.read(&mut buf[CARRY..])?;
        if n == 0 {
            return Err("connection closed during FETCH".into());
        }
        bytes += n as u64;
        for m in finder.find_iter(&buf[CARRY - kept..CARRY + n]) {
            if m.end() <= kept {
                continue;
            }
            if m.pattern().as_usize() == 1 {
                break 'read;
            }
            messages += 1;
        }
        kept = n.min(CARRY);
        buf.copy_within(CARRY + n - kept..CARRY + n, CARRY - kept);
    }
    let secs = started.elapsed().as_secs_f64();
    let _ = stream.write_all(b"W4 LOGOUT\r\n");
    println!(
        "messages={messages} bytes={bytes} seconds={secs:.3} mails_per_s={:.1}",
        messages as f64 / secs
    );
    Ok(())
}
