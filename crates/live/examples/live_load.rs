//! Load test of the live session on loopback (`make bench-live`, or
//! `cargo run --release --example live_load -- [PARTICIPANTS] [SECONDS] [SLOW_SOCKETS]`;
//! default 50, 60 and 1100).
//!
//! Why a separate runnable and not a test: it measures, and a timed test would only be
//! flaky. Each simulated participant joins through the join page's form, keeps the page's
//! event stream open as a phone does, and moves their position every 0.5–1.5 s for the
//! duration. The chair's side is a second connection to the same database file, as the app
//! has, polling the core's `answered_at` (what the chair's live panel shows). Reported: the
//! latency from sending a position to the chair's connection seeing it (p50/p95/p99/max),
//! the HTTP round trip, the errors, and the lost positions — each participant's last value
//! compared with what is stored once the session has stopped.
//!
//! Each participant sends its positions on one kept-alive connection, as a phone's browser
//! does (opened again when the server has closed it).
//!
//! Meanwhile an adversary on the same network does what was reproduced against the session
//! (issue 15): it holds SLOW_SOCKETS half-sent requests open (from 46 addresses; a socket the
//! server closes is opened again at once), floods join requests from addresses of its own,
//! and — as one approved participant — opens twenty event streams. Each participant sends
//! from an address of its own (127.0.1.N), as phones in a room do; the adversary from
//! 127.0.2.N and 127.0.3.N. The process's soft limit of open files is raised to its hard
//! limit when it is below what the run needs (it says so).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use pejling_core::{Db, Id, NewMember, PositionInput, Role};
use pejling_live::{LiveConfig, LiveLimits, LiveSession};

/// A connection to `addr` from the loopback address `src`.
fn connect_from(src: Ipv4Addr, addr: SocketAddr) -> std::io::Result<TcpStream> {
    thread_local! {
        static RT: tokio::runtime::Runtime =
            tokio::runtime::Builder::new_current_thread().enable_io().build().expect("runtime");
    }
    RT.with(|rt| {
        rt.block_on(async {
            let sock = tokio::net::TcpSocket::new_v4()?;
            sock.bind(SocketAddr::new(IpAddr::V4(src), 0))?;
            let s = sock.connect(addr).await?.into_std()?;
            s.set_nonblocking(false)?;
            Ok(s)
        })
    })
}

/// One HTTP/1.1 request on its own connection from `src`: status and the whole answer.
fn http(
    src: Ipv4Addr,
    addr: SocketAddr,
    method: &str,
    path: &str,
    auth: Option<&str>,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let mut stream = connect_from(src, addr)?;
    stream.set_nodelay(true)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(token) = auth {
        req.push_str(&format!("Authorization: Bearer {token}\r\nX-Pejling-Fetch: 1\r\n"));
    }
    if method == "POST" {
        req.push_str(&format!("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    stream.write_all(req.as_bytes())?;
    let mut raw = String::new();
    stream.read_to_string(&mut raw)?;
    let status = raw.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok((status, raw))
}

/// A small xorshift generator: the load's timing and values need no more.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let h = (sorted.len() - 1) as f64 * p;
    let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
    sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo])
}

fn main() {
    let mut args = std::env::args().skip(1);
    let participants: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(50);
    let seconds: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(60);
    let slow_sockets: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(1100);
    raise_open_file_limit(slow_sockets * 2 + participants * 4 + 512);

    // The demo temamøde, with invented extra members up to `participants` politicians.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("load.sqlite3");
    let mut db = Db::open(&path).expect("database");
    let committee = pejling_core::demo::create(&mut db).expect("demo");
    let meeting = db
        .list_meetings(Some(committee.id))
        .expect("meetings")
        .into_iter()
        .find(|m| m.title == pejling_core::demo::THEME_MEETING_TITLE)
        .expect("the demo temamøde")
        .id;
    let politicians = |db: &Db| {
        db.list_attendance(meeting)
            .unwrap()
            .people
            .into_iter()
            .filter(|p| matches!(p.role, Some(Role::Chair | Role::ViceChair | Role::Member | Role::CitizenMember)))
            .map(|p| p.person_id)
            .collect::<Vec<Id>>()
    };
    // One more politician: the adversary's own approved device, which opens too many streams;
    // and five more who are not taking part today, whose free names the join flood asks for.
    let mut n = politicians(&db).len();
    while n < participants + 6 {
        n += 1;
        let member = NewMember { name: format!("Testdeltager {n:02}"), role: Role::Member, party: None };
        db.add_member(committee.id, &member).expect("member");
    }
    let everyone = politicians(&db);
    let people: Vec<Id> = everyone.iter().copied().take(participants).collect();
    let adversary_person = everyone[participants];
    let source = |i: usize| Ipv4Addr::new(127, 0, 1 + (i / 250) as u8 * 10, 1 + (i % 250) as u8);
    let item = db.get_meeting(meeting).unwrap().items.iter().find(|i| i.title.starts_with("Algoritmer")).unwrap().id;
    let step = db.get_walk(item).unwrap().steps.iter().find(|s| s.is_continuum).unwrap().index;
    db.set_current_step(meeting, item, step).expect("walk");

    let config =
        LiveConfig { limits: LiveLimits::default(), ..LiveConfig::new(&path, meeting, "127.0.0.1:0".parse().unwrap()) };
    let session = LiveSession::start(config).expect("live session");
    let addr: SocketAddr = format!("127.0.0.1:{}", session.port()).parse().unwrap();
    let base = format!("/{}", session.join_code().replace('-', ""));
    println!(
        "live_load: {} participants for {seconds} s on {addr} (build: {})",
        people.len(),
        if cfg!(debug_assertions) { "debug" } else { "release" }
    );

    // Every participant asks through the form, as a phone does, and the chair approves.
    let mut tokens = Vec::new();
    for (i, person) in people.iter().copied().chain([adversary_person]).enumerate() {
        let src = if person == adversary_person { Ipv4Addr::new(127, 0, 4, 1) } else { source(i) };
        let (status, raw) =
            http(src, addr, "POST", &format!("{base}/join"), None, &format!("person_id={person}")).unwrap();
        assert_eq!(status, 303, "join: {raw}");
        let token = raw
            .lines()
            .find_map(|l| {
                l.strip_prefix("set-cookie: pejling_live=").or_else(|| l.strip_prefix("Set-Cookie: pejling_live="))
            })
            .and_then(|v| v.split(';').next())
            .expect("a token")
            .to_owned();
        let request = session.pending().unwrap().into_iter().find(|r| r.person_id == person).expect("a request");
        session.approve(request.device_id).expect("approve");
        tokens.push(token);
    }
    let adversary_token = tokens.pop().expect("the adversary's token");

    let stop = Arc::new(AtomicBool::new(false));
    let errors = Arc::new(AtomicU64::new(0));
    let events = Arc::new(AtomicU64::new(0));
    // person → (value, sent at) of their latest submission, and the chair's observed latencies.
    let pending: Arc<Mutex<HashMap<Id, (u8, Instant)>>> = Arc::default();
    let latencies: Arc<Mutex<Vec<f64>>> = Arc::default();
    let round_trips: Arc<Mutex<Vec<f64>>> = Arc::default();
    let last_sent: Arc<Mutex<HashMap<Id, u8>>> = Arc::default();
    let submitted = Arc::new(AtomicU64::new(0));

    // The chair's connection: what the live panel reads.
    let chair = {
        let (stop, pending, latencies, path) = (stop.clone(), pending.clone(), latencies.clone(), path.clone());
        std::thread::spawn(move || {
            let chair = Db::open(&path).expect("chair's connection");
            let mut seen: HashMap<Id, String> = HashMap::new();
            let mut observed = 0u64;
            while !stop.load(Ordering::SeqCst) {
                for a in chair.answered_at(item, step).expect("chair's read") {
                    if seen.get(&a.person_id) != Some(&a.updated_at) {
                        seen.insert(a.person_id, a.updated_at);
                        if let Some((_, sent)) = pending.lock().unwrap().remove(&a.person_id) {
                            latencies.lock().unwrap().push(sent.elapsed().as_secs_f64() * 1000.0);
                            observed += 1;
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            observed
        })
    };

    // Each participant's page keeps its event stream open.
    let mut streams = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let (stop, events, errors) = (stop.clone(), events.clone(), errors.clone());
        let path = format!("{base}/events");
        let token = token.clone();
        streams.push(std::thread::spawn(move || {
            let Ok(mut s) = connect_from(source(i), addr) else {
                errors.fetch_add(1, Ordering::SeqCst);
                return;
            };
            let _ = write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\r\n");
            let _ = s.set_read_timeout(Some(Duration::from_millis(500)));
            let mut reader = BufReader::new(s);
            let mut line = String::new();
            while !stop.load(Ordering::SeqCst) {
                line.clear();
                match reader.read_line(&mut line) {
                    Ok(0) => break,
                    Ok(_) if line.starts_with("event: change") => {
                        events.fetch_add(1, Ordering::SeqCst);
                    }
                    _ => {}
                }
            }
        }));
    }

    let free_names = everyone[participants + 1..].to_vec();
    let adversary = Adversary::start(addr, &base, &adversary_token, slow_sockets, &free_names, stop.clone());

    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let mut workers = Vec::new();
    for (i, (person, token)) in people.iter().copied().zip(tokens.clone()).enumerate() {
        let (errors, pending, round_trips, last_sent, submitted) =
            (errors.clone(), pending.clone(), round_trips.clone(), last_sent.clone(), submitted.clone());
        let path = format!("{base}/position");
        workers.push(std::thread::spawn(move || {
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D));
            let mut value = rng.below(101) as u8;
            // As a phone's browser does: one kept-alive connection, opened again when closed.
            let mut conn: Option<BufReader<TcpStream>> = None;
            std::thread::sleep(Duration::from_millis(rng.below(1000)));
            while Instant::now() < deadline {
                let next = loop {
                    let v = rng.below(101) as u8;
                    if v != value {
                        break v;
                    }
                };
                value = next;
                let sent = Instant::now();
                pending.lock().unwrap().insert(person, (value, sent));
                let body = format!("item={item}&step={step}&value={value}");
                match keep_alive_post(&mut conn, source(i), addr, &path, &token, &body) {
                    Ok((204, _)) => {
                        round_trips.lock().unwrap().push(sent.elapsed().as_secs_f64() * 1000.0);
                        last_sent.lock().unwrap().insert(person, value);
                        submitted.fetch_add(1, Ordering::SeqCst);
                    }
                    Ok((status, raw)) => {
                        pending.lock().unwrap().remove(&person);
                        let n = errors.fetch_add(1, Ordering::SeqCst);
                        if n < 5 {
                            eprintln!("live_load: {status}: {}", raw.lines().next().unwrap_or(""));
                        }
                    }
                    Err(e) => {
                        pending.lock().unwrap().remove(&person);
                        let n = errors.fetch_add(1, Ordering::SeqCst);
                        if n < 5 {
                            eprintln!("live_load: {e}");
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(500 + rng.below(1000)));
            }
        }));
    }
    for w in workers {
        w.join().unwrap();
    }
    // Let the chair see the last ones, then stop.
    let settle = Instant::now();
    while !pending.lock().unwrap().is_empty() && settle.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let unseen = pending.lock().unwrap().len();
    let held_at_end = session.open_connections();
    let adversary_holds = adversary.held.load(Ordering::SeqCst);
    stop.store(true, Ordering::SeqCst);
    let adversary = adversary.finish();
    let observed = chair.join().unwrap();
    let elapsed = started.elapsed();
    let mut adversary = adversary;
    adversary.pending_at_end = session.pending().map(|p| p.len()).unwrap_or(0);
    session.stop();
    for s in streams {
        let _ = s.join();
    }

    // Lost positions: each participant's last accepted value must be what is stored.
    let check = Db::open(&path).unwrap();
    let last_sent = last_sent.lock().unwrap();
    let lost = last_sent
        .iter()
        .filter(|(person, value)| {
            check.own_position(item, step, **person).unwrap() != Some(PositionInput::Value(**value))
        })
        .count();

    let mut lat = latencies.lock().unwrap().clone();
    lat.sort_by(|a, b| a.total_cmp(b));
    let mut rtt = round_trips.lock().unwrap().clone();
    rtt.sort_by(|a, b| a.total_cmp(b));
    let submitted = submitted.load(Ordering::SeqCst);
    println!(
        "submitted positions:      {submitted} in {:.1} s ({:.1}/s)",
        elapsed.as_secs_f64(),
        submitted as f64 / elapsed.as_secs_f64()
    );
    println!(
        "submit -> chair's view:   p50 {:.1} ms, p95 {:.1} ms, p99 {:.1} ms, max {:.1} ms ({observed} observed)",
        percentile(&lat, 0.5),
        percentile(&lat, 0.95),
        percentile(&lat, 0.99),
        lat.last().copied().unwrap_or(f64::NAN)
    );
    println!("HTTP round trip (204):    p50 {:.1} ms, p99 {:.1} ms", percentile(&rtt, 0.5), percentile(&rtt, 0.99));
    println!("events on open streams:   {}", events.load(Ordering::SeqCst));
    println!("errors:                   {}", errors.load(Ordering::SeqCst));
    println!("never seen by the chair:  {unseen}");
    println!(
        "adversary, slow sockets:  {adversary_holds} of {slow_sockets} open on the adversary's side at the end; the server holds {held_at_end} connections in all; {} opened, {} found closed by the server",
        adversary.opened, adversary.closed
    );
    println!(
        "adversary, join flood:    {} requests for free names: {} waiting for the chair, {} refused (429), {} other",
        adversary.joins, adversary.joins_waiting, adversary.joins_refused, adversary.joins_other
    );
    println!(
        "adversary, 20 streams:    {} opened, {} refused (429)",
        adversary.streams_opened, adversary.streams_refused
    );
    println!("requests waiting for the chair at the end: {}", adversary.pending_at_end);
    println!("lost positions:           {lost} of {} participants' last values", last_sent.len());
    let p99 = percentile(&lat, 0.99);
    let ok = errors.load(Ordering::SeqCst) == 0 && lost == 0 && unseen == 0 && p99 < 100.0;
    println!("target (p99 < 100 ms, no errors, no lost position): {}", if ok { "met" } else { "NOT met" });
    if !ok {
        std::process::exit(1);
    }
}

/// Raise the soft limit of open files to the hard limit when it is below `needed`.
fn raise_open_file_limit(needed: usize) {
    #[cfg(unix)]
    {
        let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: getrlimit/setrlimit with a valid pointer to a local struct.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) != 0 {
                return;
            }
            if (lim.rlim_cur as usize) < needed {
                let old = lim.rlim_cur;
                lim.rlim_cur = lim.rlim_max.min(needed as libc::rlim_t * 2);
                let ok = libc::setrlimit(libc::RLIMIT_NOFILE, &lim) == 0;
                println!(
                    "live_load: open-file soft limit {old} < {needed} needed; raised to {} ({})",
                    lim.rlim_cur,
                    if ok { "ok" } else { "FAILED" }
                );
            } else {
                println!("live_load: open-file soft limit {} (enough for {needed})", lim.rlim_cur);
            }
        }
    }
}

/// What the adversary did, and what it got.
#[derive(Default)]
struct AdversaryReport {
    opened: u64,
    closed: u64,
    joins: u64,
    joins_waiting: u64,
    joins_refused: u64,
    joins_other: u64,
    streams_opened: u64,
    streams_refused: u64,
    pending_at_end: usize,
}

struct Adversary {
    held: Arc<AtomicUsize>,
    threads: Vec<std::thread::JoinHandle<AdversaryReport>>,
}

impl Adversary {
    fn start(
        addr: SocketAddr,
        base: &str,
        token: &str,
        slow_sockets: usize,
        names: &[Id],
        stop: Arc<AtomicBool>,
    ) -> Adversary {
        let held = Arc::new(AtomicUsize::new(0));
        let mut threads = Vec::new();
        // Slow sockets: 46 addresses, a half-sent request on each socket; a socket the server
        // closes is opened again.
        let addresses = 46usize;
        for a in 0..2usize {
            let (stop, held, base) = (stop.clone(), held.clone(), base.to_owned());
            threads.push(std::thread::spawn(move || {
                let mut report = AdversaryReport::default();
                let mine = slow_sockets / 2 + if a == 0 { slow_sockets % 2 } else { 0 };
                let mut sockets: Vec<Option<TcpStream>> = (0..mine).map(|_| None).collect();
                let mut buf = [0u8; 512];
                while !stop.load(Ordering::SeqCst) {
                    for (i, slot) in sockets.iter_mut().enumerate() {
                        if stop.load(Ordering::SeqCst) {
                            break;
                        }
                        if let Some(s) = slot {
                            // Closed by the server?
                            match s.read(&mut buf) {
                                Ok(0) => {}
                                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => continue,
                                _ => {}
                            }
                            *slot = None;
                            report.closed += 1;
                            held.fetch_sub(1, Ordering::SeqCst);
                        }
                        let n = a * mine + i;
                        let src = Ipv4Addr::new(127, 0, 2, 1 + (n % addresses) as u8);
                        if let Ok(mut s) = connect_from(src, addr) {
                            let _ = write!(s, "GET {base}/state HTTP/1.1\r\nHost: {addr}\r\nX-Slow: ");
                            let _ = s.set_nonblocking(true);
                            *slot = Some(s);
                            report.opened += 1;
                            held.fetch_add(1, Ordering::SeqCst);
                        }
                    }
                    std::thread::sleep(Duration::from_millis(50));
                }
                report
            }));
        }
        // The join flood: new devices asking for names, from 20 addresses of its own.
        {
            let (stop, base, names) = (stop.clone(), base.to_owned(), names.to_vec());
            threads.push(std::thread::spawn(move || {
                let mut report = AdversaryReport::default();
                let mut n = 0usize;
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let src = Ipv4Addr::new(127, 0, 3, 1 + (n % 20) as u8);
                    let body = format!("person_id={}", names[n % names.len()]);
                    match http(src, addr, "POST", &format!("{base}/join"), None, &body) {
                        Ok((303, _)) => report.joins_waiting += 1,
                        Ok((429, _)) => report.joins_refused += 1,
                        other => {
                            if report.joins_other < 3 {
                                eprintln!(
                                    "live_load: adversary's join: {:?}",
                                    other.map(|(s, raw)| (s, raw.lines().next().map(str::to_owned)))
                                );
                            }
                            report.joins_other += 1
                        }
                    }
                    report.joins += 1;
                    std::thread::sleep(Duration::from_millis(5));
                }
                report
            }));
        }
        // Twenty event streams of one approved participant, held open.
        {
            let (stop, base, token) = (stop.clone(), base.to_owned(), token.to_owned());
            threads.push(std::thread::spawn(move || {
                let mut report = AdversaryReport::default();
                let mut open = Vec::new();
                for _ in 0..20 {
                    let Ok(mut s) = connect_from(Ipv4Addr::new(127, 0, 4, 1), addr) else { continue };
                    let _ = write!(
                        s,
                        "GET {base}/events HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\r\n"
                    );
                    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
                    let mut head = [0u8; 64];
                    match s.read(&mut head) {
                        Ok(n) if String::from_utf8_lossy(&head[..n]).contains(" 200 ") => {
                            report.streams_opened += 1;
                            open.push(s);
                        }
                        _ => report.streams_refused += 1,
                    }
                }
                while !stop.load(Ordering::SeqCst) {
                    std::thread::sleep(Duration::from_millis(100));
                }
                report
            }));
        }
        Adversary { held, threads }
    }

    fn finish(self) -> AdversaryReport {
        let mut total = AdversaryReport::default();
        for t in self.threads {
            let r = t.join().expect("adversary thread");
            total.opened += r.opened;
            total.closed += r.closed;
            total.joins += r.joins;
            total.joins_waiting += r.joins_waiting;
            total.joins_refused += r.joins_refused;
            total.joins_other += r.joins_other;
            total.streams_opened += r.streams_opened;
            total.streams_refused += r.streams_refused;
        }
        total
    }
}

/// A POST on a kept-alive connection (opened from `src` when there is none, or again once
/// when the server had closed it): status and the answer's head.
fn keep_alive_post(
    conn: &mut Option<BufReader<TcpStream>>,
    src: Ipv4Addr,
    addr: SocketAddr,
    path: &str,
    token: &str,
    body: &str,
) -> std::io::Result<(u16, String)> {
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\nX-Pejling-Fetch: 1\r\n\
Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    for attempt in 0..2 {
        let fresh = conn.is_none();
        if fresh {
            let s = connect_from(src, addr)?;
            s.set_nodelay(true)?;
            s.set_read_timeout(Some(Duration::from_secs(10)))?;
            *conn = Some(BufReader::new(s));
        }
        let reader = conn.as_mut().expect("connected above");
        let answer = (|| -> std::io::Result<(u16, String)> {
            reader.get_mut().write_all(req.as_bytes())?;
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line)? == 0 {
                    return Err(std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "closed"));
                }
                if line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            let length = head
                .lines()
                .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().to_owned()))
                .and_then(|v| v.parse::<usize>().ok())
                .unwrap_or(0);
            let mut rest = vec![0u8; length];
            reader.read_exact(&mut rest)?;
            let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
            Ok((status, head))
        })();
        match answer {
            Ok(ok) => {
                if ok.1.to_ascii_lowercase().contains("connection: close") {
                    *conn = None;
                }
                return Ok(ok);
            }
            // A kept-alive connection the server closed meanwhile (idle): once more, fresh.
            Err(_) if !fresh && attempt == 0 => *conn = None,
            Err(e) => {
                *conn = None;
                return Err(e);
            }
        }
    }
    unreachable!("the second attempt returns")
}
