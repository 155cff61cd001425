//! The intake limit: fetch every message of a mailbox with the same IMAP crate themeday
//! uses, and do nothing else with it. `bench/intake` compares themeday's `poll` against this.
//!
//! Plain TCP, LOGIN, EXAMINE, `UID SEARCH 1:*`, then `UID FETCH <100 uids> BODY.PEEK[]`
//! batch after batch. Prints one line: `messages=N bytes=B seconds=S mails_per_s=R`.
//!
//! ```sh
//! cargo run --release --example imap_fetch_limit -- 127.0.0.1 PORT USER PASSWORD
//! ```

use std::net::TcpStream;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [host, port, user, pass] = args.as_slice() else {
        eprintln!("usage: imap_fetch_limit HOST PORT USER PASSWORD");
        std::process::exit(2);
    };
    let started = Instant::now();
    let tcp = TcpStream::connect((host.as_str(), port.parse::<u16>()?))?;
    tcp.set_nodelay(true)?;
    let mut client = imap::Client::new(tcp);
    client.read_greeting()?;
    let mut session = client.login(user, pass).map_err(|(e, _)| e)?;
    session.examine("INBOX")?;
    let mut uids: Vec<u32> = session.uid_search("UID 1:*")?.into_iter().collect();
    uids.sort_unstable();
    let (mut messages, mut bytes) = (0u64, 0u64);
    for chunk in uids.chunks(100) {
        let fetched =
            session.uid_fetch(themeday::intake::imap::uid_set(chunk), "(UID BODY.PEEK[])")?;
        for f in fetched.iter() {
            if let Some(body) = f.body() {
                messages += 1;
                bytes += body.len() as u64;
            }
        }
    }
    session.logout()?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "messages={messages} bytes={bytes} seconds={secs:.3} mails_per_s={:.1}",
        messages as f64 / secs
    );
    Ok(())
}
