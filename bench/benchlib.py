"""Shared helpers of the benchmark drivers (bench/intake, latency, bigmail, crash).

- A workspace under /tmp that is removed at exit, with the mail servers it started stopped
  (scripts/mail-servers stop) and the processes it started ended by their pid, also on
  Ctrl-C, SIGTERM and errors.
- The release build, configs for themeday, seeding a user's Maildir, /usr/bin/time -v.

Everything runs on 127.0.0.1; every wait is bounded.
"""

import atexit
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target" / "release" / "themeday"
LIMIT_BIN = ROOT / "target" / "release" / "examples" / "imap_fetch_limit"
WIRE_BIN = ROOT / "target" / "release" / "examples" / "imap_wire_limit"
SERVERS = ROOT / "scripts" / "mail-servers"
OFFICE = "43347867@qq.com"
VMAIL = "themeday-vmail"
# Mail in the fixtures runs to October 2023; the bench clock stands after all of it.
NOW = "2023-11-01T10:00:00+08:00"


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def die(msg):
    log(f"error: {msg}")
    sys.exit(1)


def need_root():
    if os.geteuid() != 0:
        die("must run as root (the mail servers and the Maildir owner need it)")


def ensure_time():
    if not Path("/usr/bin/time").exists():
        log("installing GNU time (/usr/bin/time)")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        r = subprocess.run(["apt-get", "install", "-y", "-q", "time"], env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if r.returncode != 0:
            subprocess.run(["apt-get", "update", "-q"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            subprocess.run(["apt-get", "install", "-y", "-q", "time"], env=env,
                           stdout=subprocess.DEVNULL, check=True)


EXTRA_ENV = {}


def add_themeday_arg(ap):
    ap.add_argument("--themeday", type=Path, metavar="BIN",
                    help="benchmark this themeday binary instead of building target/release/themeday "
                         "(e.g. a branch's build, to compare)")
    ap.add_argument("--themeday-env", action="append", default=[], metavar="VAR=VALUE",
                    help="extra environment for themeday (e.g. MALLOC_ARENA_MAX=2); repeatable")


def apply_themeday_args(a):
    for kv_ in a.themeday_env:
        k, _, v = kv_.partition("=")
        EXTRA_ENV[k] = v


def build(examples=(), themeday=None):
    """cargo build --release (themeday and the examples); `themeday` overrides the binary."""
    global BIN
    cmd = ["cargo", "build", "--release", "--quiet"]
    if themeday:
        BIN = Path(themeday).resolve()
        if not BIN.exists():
            die(f"{BIN} does not exist")
        if not examples:
            return
    else:
        cmd += ["--bin", "themeday"]
    for e in examples:
        cmd += ["--example", e]
    log("cargo build --release")
    subprocess.run(cmd, cwd=ROOT, check=True)


class Workspace:
    """A temp dir, the servers and processes started in it, all cleaned up at exit."""

    def __init__(self, name, keep=False):
        self.dir = Path(tempfile.mkdtemp(prefix=f"themeday-bench-{name}-", dir="/tmp"))
        self.keep = keep
        self.servers = None
        self.env = {}
        self.procs = []
        atexit.register(self.cleanup)
        for s in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(s, self._on_signal)

    def _on_signal(self, signum, _frame):
        log(f"signal {signum}: cleaning up")
        sys.exit(128 + signum)

    def cleanup(self):
        for p in self.procs:
            if p.poll() is None:
                try:
                    p.kill()
                    p.wait(timeout=10)
                except Exception:
                    pass
        self.procs = []
        if self.servers:
            subprocess.run([SERVERS, "stop", self.servers], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=120)
            self.servers = None
        if not self.keep and self.dir.exists():
            shutil.rmtree(self.dir, ignore_errors=True)
        elif self.keep:
            log(f"kept {self.dir}")

    def start_servers(self):
        wait_smtpd_free()
        d = self.dir / "srv"
        log("starting Dovecot + OpenSMTPD on 127.0.0.1 (scripts/mail-servers)")
        self.servers = d
        subprocess.run([SERVERS, "start", d], check=True, stdout=subprocess.DEVNULL, timeout=300)
        for line in (d / "env").read_text().splitlines():
            k, _, v = line.partition("=")
            self.env[k] = v
        return self.env

    def user_dir(self, user):
        local, domain = user.split("@")
        return Path(self.env["MAIL_ROOT"]) / domain / local

    def maildir(self, user):
        return self.user_dir(user) / "Maildir"

    def reset_mailbox(self, user):
        shutil.rmtree(self.user_dir(user), ignore_errors=True)

    def seed(self, user, n=None, seed=1, tag="b", manifest=None, big_mb=None):
        """Writes mail into USER's Maildir/new and hands it to the Dovecot user. Returns bytes."""
        cmd = [sys.executable, str(ROOT / "bench" / "seed.py"), "--maildir", str(self.maildir(user)),
               "--seed", str(seed), "--tag", tag]
        cmd += ["--big-mb", str(big_mb)] if big_mb else ["--n", str(n)]
        if manifest:
            cmd += ["--manifest", str(manifest)]
        out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True, timeout=1800)
        domain_dir = self.user_dir(user).parent
        subprocess.run(["chown", "-R", f"{VMAIL}:{VMAIL}", domain_dir], check=True)
        return int(out.stdout.strip())

    def spawn(self, cmd, **kw):
        p = subprocess.Popen(cmd, **kw)
        self.procs.append(p)
        return p


def wait_smtpd_free(limit=1200):
    """Only one OpenSMTPD runs per machine and a start takes it over: wait (bounded) while
    another instance (a running test suite) owns it."""
    owner_file = Path("/run/themeday-mail-servers/smtpd.owner")
    deadline = time.monotonic() + limit
    said = False
    while True:
        try:
            owner = owner_file.read_text().strip()
            pid = int((Path(owner) / "smtpd.pid").read_text().strip())
            os.kill(pid, 0)
            busy = Path(f"/proc/{pid}").exists()
        except (OSError, ValueError):
            busy = False
        if not busy:
            return
        if not said:
            log(f"another mail-servers instance ({owner}) owns OpenSMTPD: waiting for it")
            said = True
        if time.monotonic() > deadline:
            die(f"OpenSMTPD still owned by {owner} after {limit}s")
        time.sleep(2)


def write_config(path, ws, work, *, idle=True, poll_seconds=5, outgoing="file",
                 smtp_port=None, user=OFFICE):
    work = Path(work)
    work.mkdir(parents=True, exist_ok=True)
    if outgoing == "file":
        out = f'kind = "file"\ndir = "{work}/outbox"\n'
    else:
        out = (f'kind = "smtp"\nhost = "127.0.0.1"\nport = {smtp_port}\nsecurity = "plain"\n'
               f'user = "{OFFICE}"\n')
    cfg = f"""# written by bench/benchlib.py
[office]
name = "洞口县政务公开政务服务领导小组办公室"
short_name = "县政务公开办"
address = "{OFFICE}"
county = "洞口县"
timezone = "Asia/Shanghai"

[season]
year = 2023
schedule = "{ROOT}/config/dongkou-2023-schedule.tsv"
units = "{ROOT}/config/dongkou-2023-units.toml"
calendar = "{ROOT}/config/calendar"
required_months = [4, 5, 6, 7, 8, 9, 10, 11, 12]

[mailbox]
kind = "imap"
host = "127.0.0.1"
port = {ws.env["IMAP_PORT"]}
security = "plain"
user = "{user}"
password_env = "THEMEDAY_IMAP_PASSWORD"
folder = "INBOX"
idle = {"true" if idle else "false"}
poll_seconds = {poll_seconds}
# No DNS here: the seeded mail is not signed, and a bench must not wait on lookups.
dkim = false

[outgoing]
{out}
[store]
database = "{work}/themeday.db"
archive = "{work}/archive"

[policy]
per_recipient_daily = 10
# Every seeded sender is new to the bot: lift the day's cap on acks to never-seen addresses
# to its maximum so that the benches count (nearly) every acknowledgement.
new_address_acks_daily = 1000
reminder_hour = 9
month_notice_workdays = 5
plan_reminder_workdays = 3
report_reminder_workdays = 2
cc_office_on_overdue = true
digest_hour = 8
digest_to = ["{OFFICE}"]
digest_horizon_workdays = 5
"""
    Path(path).write_text(cfg)
    return Path(path)


def themeday_env():
    return dict(os.environ, THEMEDAY_IMAP_PASSWORD="secret", THEMEDAY_LOG="info", **EXTRA_ENV)


def timed(cmd, *, env=None, log_path=None, timeout=3600):
    """Runs cmd under /usr/bin/time -v. Returns (seconds, peak_rss_kb, stdout)."""
    tv = Path(tempfile.mktemp(prefix="timev-", dir="/tmp"))
    errf = open(log_path, "ab") if log_path else subprocess.DEVNULL
    try:
        t0 = time.monotonic()
        r = subprocess.run(["/usr/bin/time", "-v", "-o", str(tv), *map(str, cmd)], env=env,
                           stdout=subprocess.PIPE, stderr=errf, timeout=timeout)
        secs = time.monotonic() - t0
        text = tv.read_text() if tv.exists() else ""
    finally:
        if log_path:
            errf.close()
        tv.unlink(missing_ok=True)
    if r.returncode != 0:
        die(f"{cmd[0]} exited {r.returncode}: {r.stdout.decode(errors='replace')[-2000:]}"
            + (f" (log: {log_path})" if log_path else ""))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return secs, int(m.group(1)) if m else 0, r.stdout.decode(errors="replace")


def kv(line):
    return {k: v for k, v in re.findall(r"(\w+)=(\S+)", line)}


def db(path):
    c = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    return c


def count(path, sql="SELECT COUNT(*) FROM mail"):
    if not Path(path).exists():
        return 0
    try:
        with db(path) as c:
            return c.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def percentile(xs, p):
    """Nearest-rank percentile."""
    s = sorted(xs)
    if not s:
        return float("nan")
    k = max(0, min(len(s) - 1, int(-(-p * len(s) // 100)) - 1))
    return s[k]


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}), {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB"
