//! The live session: participants take part in a temamøde from their own phones and tablets.
//!
//! Why it is in the core: the desktop shell (the chair's app) and the CLI (`pejling serve`,
//! for tests and a room PC) start the very same session, so every security rule lives and is
//! tested here once. The session is an embedded HTTP server (axum on hyper, on its own tokio
//! runtime in its own thread, so it works the same under Tauri and in a plain binary) that
//! opens the database through [`Db`] with a connection of its own: SQLite's WAL and busy
//! timeout let it write positions beside the app's connection.
//!
//! **Admission, one person per device, approved by the chair.** The join code only opens the
//! join page. Choosing a name makes a *request* bound to the device that made it: the device
//! gets a random 256-bit token (an `HttpOnly`, `SameSite=Strict` cookie, or a bearer token)
//! and waits. The chair sees "Aisha Khalil vil deltage" on the live panel with the device
//! (its kind and browser from the User-Agent, its address, a number) and approves or refuses
//! it; only an approved device writes positions. A device holds at most one name, a name is
//! held by one device; the panel lists every taken name with its device and the Danish local
//! time it was approved, and can release a name (the device keeps nothing: taking a name again
//! is a new request the chair approves again) or block the device (its name is released and
//! every further request from it or its address is refused). A script holding the join code
//! can therefore *ask* for every name, but takes none without the chair: at most
//! [`LiveLimits::max_pending_per_address`] requests per address wait at a time, and at most
//! [`LiveLimits::max_pending`] in all. Instead of approving, the chair may hand a person a
//! personal one-time code ([`LiveSession::personal_code`]): choosing the name with it takes
//! the name at once, and uses the code up. `pejling serve --admit-all` approves every request by
//! itself, for tests and a room PC on a closed network only: anyone with the code then takes
//! any free name, as before this rule.
//!
//! The other rules, each tested in `tests/it/live.rs`:
//! - nothing is served before [`LiveSession::start`] and the port closes in
//!   [`LiveSession::stop`] (the listener lives only inside the session's runtime);
//! - every request names the session's random join code in its path (a wrong or missing code
//!   is answered 404 like any unknown page);
//! - a participant writes only their own position, only on the question the meeting is at,
//!   and only until the chair closes it (reveals its result, or moves on); each position and
//!   each approval, refusal, release and block goes into the audit log with the participant
//!   and the device (`audit_live`, beside `audit_log`);
//! - what is served is assembled from [`Db::room_view`]: never a closed (Lukket) item, a note,
//!   a question to the administration or the minutes;
//! - request bodies are capped and requests are rate-limited (per participant, and per
//!   address for anyone not yet approved);
//! - the server cannot be starved by sockets: a request's head must arrive within
//!   [`LiveLimits::header_read_timeout`] (also between requests on a kept-alive connection),
//!   a request is answered within [`LiveLimits::request_timeout`], a connection on which no
//!   byte moves for [`LiveLimits::idle_timeout`] is closed, there are at most
//!   [`LiveLimits::max_connections_per_address`] connections per address and
//!   [`LiveLimits::max_connections`] in all — when full, a connection that has not yet sent a
//!   request with the join code, from the address holding the most, makes room for an
//!   address holding fewer — and a participant has at most
//!   [`LiveLimits::max_streams_per_participant`] event streams;
//! - the session listens on one address: by default the one of the interface that carries
//!   the default route (see [`default_address`]), or one the chair picks from [`interfaces`];
//!   never on every interface unless asked to;
//! - when the meeting's database is restored or replaced, [`stop_sessions_for`] stops every
//!   session on that file, and the participants' pages say so.

mod admission;
mod net;
mod page;
mod server;

use std::collections::{BTreeMap, HashMap};
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize};
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::thread::JoinHandle;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::{Deserialize, Serialize};
use tokio::sync::{watch, Notify};

use pejling_core::domain::*;
use pejling_core::error::{Error, Message, Result};
use pejling_core::i18n::Lang;
use pejling_core::store::Db;

pub(crate) use admission::Admission;
pub use net::{default_address, interfaces, NetInterface};

/// Bounds on what a session accepts. The defaults suit a committee room; tests tighten them.
#[derive(Debug, Clone)]
pub struct LiveLimits {
    /// Largest request body, in bytes.
    pub body_bytes: usize,
    /// Requests per second a joined participant may make, and the burst above it.
    pub participant_per_second: u32,
    pub participant_burst: u32,
    /// Requests per minute from one address without an approved device (joining, waiting
    /// for approval, or guessing codes), and the burst above it.
    pub anonymous_per_minute: u32,
    pub anonymous_burst: u32,
    /// Open event streams at most, in all.
    pub max_streams: usize,
    /// Open event streams of one participant (a phone and a tablet, a reloaded page).
    pub max_streams_per_participant: usize,
    /// How often the session looks for changes made by the app's own connection.
    pub poll_interval: Duration,
    /// A request's head (and the next one on a kept-alive connection) must arrive in this time.
    pub header_read_timeout: Duration,
    /// A request, its body included, is answered within this time (event streams excepted:
    /// their answer starts at once).
    pub request_timeout: Duration,
    /// A connection on which no byte moves either way for this long is closed (event streams
    /// send a keep-alive every 15 s).
    pub idle_timeout: Duration,
    /// Open connections at most, in all, and from one address. When all are taken, a new
    /// connection takes the place of one that has not sent a request with the join code yet,
    /// from the address that holds the most connections (see [`Shared::admit_connection`]).
    pub max_connections: usize,
    pub max_connections_per_address: usize,
    /// Join requests waiting for the chair at most, in all, and from one address.
    pub max_pending: usize,
    pub max_pending_per_address: usize,
    /// Devices the session remembers at most (approved, waiting, refused, blocked).
    pub max_devices: usize,
}

impl Default for LiveLimits {
    fn default() -> Self {
        LiveLimits {
            body_bytes: 4 * 1024,
            participant_per_second: 10,
            participant_burst: 30,
            anonymous_per_minute: 120,
            anonymous_burst: 120,
            max_streams: 256,
            max_streams_per_participant: 3,
            poll_interval: Duration::from_millis(150),
            header_read_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(15),
            idle_timeout: Duration::from_secs(60),
            // The process's open files are shared with SQLite and backups: a few hundred
            // sockets serve fifty people (each phone: an event stream and a request or two).
            max_connections: 400,
            max_connections_per_address: 24,
            max_pending: 64,
            max_pending_per_address: 3,
            max_devices: 1000,
        }
    }
}

/// What to start.
#[derive(Debug, Clone)]
pub struct LiveConfig {
    pub db_path: PathBuf,
    pub meeting_id: Id,
    /// Where to listen. `0.0.0.0` is every interface (never the default); port 0 a free port.
    pub bind: SocketAddr,
    /// The language of the participants' page and of the times on the chair's panel.
    pub lang: Lang,
    pub limits: LiveLimits,
    /// Approve every join request without the chair. Unsafe in a real room: anyone with the
    /// join code takes any free name. For tests and a room PC on a closed network.
    pub admit_all: bool,
    /// Who the audit log names for the chair's approvals, refusals, releases and blocks
    /// (default: the database's actor, the OS user).
    pub actor: Option<String>,
}

impl LiveConfig {
    pub fn new(db_path: &Path, meeting_id: Id, bind: SocketAddr) -> LiveConfig {
        LiveConfig {
            db_path: db_path.to_path_buf(),
            meeting_id,
            bind,
            lang: Lang::Da,
            limits: LiveLimits::default(),
            admit_all: false,
            actor: None,
        }
    }
}

/// A QR code as a square of modules, drawn by the UI as one SVG path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct QrCode {
    /// Modules per side, without the quiet zone.
    pub size: u32,
    /// SVG path data: one unit square per dark module, origin at the top-left module.
    pub path: String,
}

/// One attendee who can take part from their own device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct LiveParticipant {
    pub person_id: Id,
    pub name: String,
    /// Has taken their name on a device (the chair approved it).
    pub joined: bool,
    /// The device holding the name: its number in this session, and how it looks to the
    /// chair ("iPhone · Safari · 192.168.1.34").
    pub device_id: Option<u32>,
    pub device: Option<String>,
    /// When the name was taken, Danish local clock time ("14.05").
    pub joined_at: Option<String>,
    /// When they last answered the current question (UTC); `None` when they have not, or
    /// the question is not a continuum question. Values stay hidden until revealed.
    pub answered_at: Option<String>,
}

/// A device asking to take a name, waiting for the chair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct LiveRequest {
    /// The device's number in this session: what the chair approves, refuses or blocks.
    pub device_id: u32,
    pub person_id: Id,
    pub name: String,
    pub device: String,
    /// When it asked, Danish local clock time.
    pub requested_at: String,
}

/// A device the chair blocked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct LiveBlocked {
    pub device_id: u32,
    pub device: String,
    pub blocked_at: String,
}

/// A running live session as the chair's app shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct LiveStatus {
    pub meeting_id: Id,
    /// What participants open, e.g. `http://192.168.1.20:41234/K7QM3XPA`.
    pub url: String,
    /// The join code as shown to people, e.g. `K7QM-3XPA`.
    pub join_code: String,
    pub port: u16,
    /// The address the session listens on.
    pub address: String,
    pub qr: QrCode,
    /// Present politicians: the attendees who take positions.
    pub participants: Vec<LiveParticipant>,
    /// Join requests waiting for the chair, oldest first.
    pub pending: Vec<LiveRequest>,
    pub blocked: Vec<LiveBlocked>,
    /// Every request is approved without the chair (`serve --admit-all`).
    pub admit_all: bool,
    /// The open agenda item and step the meeting is at, if any.
    pub current_item_id: Option<Id>,
    pub current_step: Option<u32>,
}

/// What a participant's page needs to know to follow the meeting; pushed on every change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveChange {
    /// `item:step:open` of what the meeting is at; a new key means a new page.
    pub key: String,
    pub answered: u32,
    pub total: u32,
}

/// Why a session ended, as the participants' pages are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ended {
    /// The chair stopped it.
    Stopped,
    /// The meeting's database was restored or replaced.
    Replaced,
}

/// The open connections, for the caps in [`LiveLimits`].
#[derive(Default)]
pub(crate) struct Connections {
    next: u64,
    /// By age: the first is the oldest.
    open: BTreeMap<u64, Connection>,
    per_address: HashMap<IpAddr, usize>,
}

pub(crate) struct Connection {
    address: IpAddr,
    /// Has sent a request with the right join code.
    pub proven: Arc<AtomicBool>,
    /// Told to close (to make room for a newer connection).
    pub kill: Arc<Notify>,
}

/// State shared by the session's handlers.
pub(crate) struct Shared {
    pub meeting_id: Id,
    pub lang: Lang,
    /// The participants' page's catalogue, compiled once.
    pub catalog: pejling_core::i18n::Catalog,
    pub limits: LiveLimits,
    /// Upper-case, without the dash.
    pub code: String,
    /// A random id of this session, for the audit log (never the join code).
    pub session_id: String,
    /// The database file, canonical, for [`stop_sessions_for`].
    pub db_path: PathBuf,
    /// `None` once the session has ended (the connection is closed then).
    pub db: Mutex<Option<Db>>,
    pub admission: Mutex<Admission>,
    pub admit_all: bool,
    pub changes: watch::Sender<LiveChange>,
    pub stop: watch::Sender<bool>,
    pub shutdown: watch::Receiver<bool>,
    pub ended: Mutex<Option<Ended>>,
    /// Set by the server thread when its runtime is gone (the port is closed).
    pub finished: (Mutex<bool>, Condvar),
    pub streams: AtomicUsize,
    pub streams_per_person: Mutex<HashMap<Id, usize>>,
    pub connections: Mutex<Connections>,
    pub participant_limiter: DefaultKeyedRateLimiter<Id>,
    pub anonymous_limiter: DefaultKeyedRateLimiter<IpAddr>,
}

impl Shared {
    /// End the session: streams get `why`, the server stops, the port closes.
    fn end(&self, why: Ended) {
        self.ended.lock().unwrap_or_else(|p| p.into_inner()).get_or_insert(why);
        let _ = self.stop.send(true);
    }

    /// Wait until the server thread is gone, then close the database connection.
    fn wait_finished(&self, at_most: Duration) {
        let (lock, cv) = &self.finished;
        let done = lock.lock().unwrap_or_else(|p| p.into_inner());
        let _ = cv.wait_timeout_while(done, at_most, |d| !*d);
        self.db.lock().unwrap_or_else(|p| p.into_inner()).take();
    }

    fn is_ended(&self) -> bool {
        self.ended.lock().unwrap_or_else(|p| p.into_inner()).is_some()
    }

    /// Admit a new connection from `address`, or `None` when the caps say no. When every
    /// place is taken, the connection of another address is closed to make room if that
    /// address holds more than twice as many connections as this one (and at least two), and
    /// the one closed is its oldest that has not sent a request with the join code: sockets that never send a
    /// request cannot keep participants out (each phone has an address of its own and one or
    /// two connections), while a flood from a few addresses is refused rather than let in.
    pub(crate) fn admit_connection(self: &Arc<Self>, address: IpAddr) -> Option<ConnectionTicket> {
        let mut c = self.connections.lock().unwrap_or_else(|p| p.into_inner());
        let mine = c.per_address.get(&address).copied().unwrap_or(0);
        if mine >= self.limits.max_connections_per_address {
            return None;
        }
        if c.open.len() >= self.limits.max_connections {
            // Cheap first: the address holding the most (a few dozen addresses at most), then
            // its oldest connection without the join code.
            let (heaviest, n) = c.per_address.iter().max_by_key(|(_, n)| **n).map(|(a, n)| (*a, *n))?;
            if n < 2 * mine + 2 {
                return None;
            }
            let unproven = |conn: &Connection| !conn.proven.load(std::sync::atomic::Ordering::Relaxed);
            let id = *c.open.iter().find(|(_, conn)| conn.address == heaviest && unproven(conn))?.0;
            let evicted = c.open.remove(&id).expect("found above");
            if let Some(n) = c.per_address.get_mut(&evicted.address) {
                *n -= 1;
            }
            evicted.kill.notify_one();
        }
        c.next += 1;
        let id = c.next;
        let proven = Arc::new(AtomicBool::new(false));
        let kill = Arc::new(Notify::new());
        c.open.insert(id, Connection { address, proven: Arc::clone(&proven), kill: Arc::clone(&kill) });
        *c.per_address.entry(address).or_insert(0) += 1;
        Some(ConnectionTicket { shared: Arc::clone(self), id, proven, kill })
    }
}

/// An admitted connection; dropping it frees its place.
pub(crate) struct ConnectionTicket {
    shared: Arc<Shared>,
    id: u64,
    pub proven: Arc<AtomicBool>,
    pub kill: Arc<Notify>,
}

impl Drop for ConnectionTicket {
    fn drop(&mut self) {
        let mut c = self.shared.connections.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(conn) = c.open.remove(&self.id) {
            if let Some(n) = c.per_address.get_mut(&conn.address) {
                *n -= 1;
                if *n == 0 {
                    c.per_address.remove(&conn.address);
                }
            }
        }
    }
}

/// Every running session in this process, for [`stop_sessions_for`].
static SESSIONS: Mutex<Vec<Weak<Shared>>> = Mutex::new(Vec::new());

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| {
        // A file that is gone: its directory may still resolve.
        match (path.parent().and_then(|d| std::fs::canonicalize(d).ok()), path.file_name()) {
            (Some(dir), Some(name)) => dir.join(name),
            _ => path.to_path_buf(),
        }
    })
}

/// Stop every live session on the database at `path`, telling their participants that the
/// meeting's database was restored or replaced. Call it before a restore replaces the file:
/// when it returns the sessions' ports and database connections are closed. Returns how
/// many sessions it stopped.
pub fn stop_sessions_for(path: &Path) -> usize {
    let target = canonical(path);
    let found: Vec<Arc<Shared>> = {
        let mut sessions = SESSIONS.lock().unwrap_or_else(|p| p.into_inner());
        sessions.retain(|w| w.strong_count() > 0);
        sessions.iter().filter_map(Weak::upgrade).filter(|s| s.db_path == target && !s.is_ended()).collect()
    };
    for s in &found {
        s.end(Ended::Replaced);
    }
    for s in &found {
        s.wait_finished(Duration::from_secs(5));
    }
    found.len()
}

/// A running live session. Dropping it stops it.
pub struct LiveSession {
    shared: Arc<Shared>,
    url: String,
    address: IpAddr,
    port: u16,
    thread: Option<JoinHandle<()>>,
}

/// Join codes use letters and digits that cannot be mistaken for each other (no 0/O, 1/I).
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
/// 8 characters of 32: 40 bits. With the per-address rate limit, guessing is hopeless.
const CODE_LEN: usize = 8;

fn random_bytes<const N: usize>() -> Result<[u8; N]> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| Error::Io(std::io::Error::other(e.to_string())))?;
    Ok(buf)
}

fn new_join_code() -> Result<String> {
    let bytes = random_bytes::<CODE_LEN>()?;
    Ok(bytes.iter().map(|b| CODE_ALPHABET[usize::from(b % 32)] as char).collect())
}

/// A device's token: 256 random bits, hex.
pub(crate) fn new_token() -> Result<String> {
    Ok(random_bytes::<32>()?.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compare secrets in time independent of where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn qr_of(text: &str) -> QrCode {
    use std::fmt::Write as _;
    let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
        .expect("a short URL fits in a QR code");
    let size = code.width();
    let mut path = String::new();
    for (i, color) in code.to_colors().iter().enumerate() {
        if *color == qrcode::Color::Dark {
            let _ = write!(path, "M{} {}h1v1h-1z", i % size, i / size);
        }
    }
    QrCode { size: size as u32, path }
}

/// Attendees who take positions: present politicians, as the walk's position panel lists them.
pub(crate) fn participants(db: &Db, meeting_id: Id) -> Result<Vec<AttendanceEntry>> {
    Ok(db
        .list_attendance(meeting_id)?
        .people
        .into_iter()
        .filter(|p| p.attendance == Attendance::Present && p.role.is_some_and(Role::takes_positions))
        .collect())
}

/// The key of a question that takes positions (see [`LiveChange::key`]).
/// The key of an open question; the second round has a key of its own, so the participants'
/// pages reload when the chair starts it.
pub(crate) fn open_key(item_id: Id, step: u32, round: u32) -> String {
    match round {
        2 => format!("{item_id}:{step}:open2"),
        _ => format!("{item_id}:{step}:open"),
    }
}

fn closed_key(item_id: Id, step: u32) -> String {
    format!("{item_id}:{step}:closed")
}

/// What the meeting is at, for the participants' pages.
pub(crate) fn change_of(db: &Db, meeting_id: Id) -> Result<LiveChange> {
    let room = db.room_view(meeting_id)?;
    let total = participants(db, meeting_id)?.len() as u32;
    let (key, answered) = match room.item.as_ref().and_then(|i| i.step.as_ref().map(|s| (i, s))) {
        Some((item, step)) => {
            let result = step.result.as_ref();
            let open = step.is_continuum && !result.is_some_and(|r| r.revealed);
            let key = if open {
                open_key(item.agenda_item_id, step.index, result.map_or(1, |r| r.round))
            } else {
                closed_key(item.agenda_item_id, step.index)
            };
            (key, result.map_or(0, |r| r.answered_count))
        }
        None => (
            match &room.item {
                Some(item) => format!("{}:-:closed", item.agenda_item_id),
                None => "none".to_owned(),
            },
            0,
        ),
    };
    Ok(LiveChange { key, answered, total })
}

/// Danish local time (CET/CEST, the EU rule) of a UTC time.
pub(crate) fn copenhagen(utc: chrono::DateTime<chrono::Utc>) -> chrono::NaiveDateTime {
    let naive = utc.naive_utc();
    let summer = pejling_core::time::copenhagen_to_utc(naive + chrono::Duration::hours(2)).naive_utc() == naive;
    naive + chrono::Duration::hours(if summer { 2 } else { 1 })
}

/// The clock time a person reads: "14.05" (Danish local time).
pub(crate) fn clock(cat: &pejling_core::i18n::Catalog, utc: chrono::DateTime<chrono::Utc>) -> String {
    cat.time(&copenhagen(utc).format("%Y-%m-%dT%H:%M").to_string())
}

/// Connections waiting to be accepted at most. Deliberately not large: under a flood of
/// connects, a full queue makes the flooder's own connects wait (the kernel drops its SYNs),
/// while participants' browsers keep their connections alive and rarely need a new one; in
/// the load test a queue of 1024 let the flood connect twice as often and slowed everyone.
const LISTEN_BACKLOG: u32 = 128;

/// Bind and listen on `addr` with [`LISTEN_BACKLOG`].
async fn listen(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
    #[cfg(unix)]
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(LISTEN_BACKLOG)?.into_std()
}

impl LiveSession {
    /// Open the database, bind the port and start serving. Returns once the port accepts
    /// connections.
    pub fn start(config: LiveConfig) -> Result<LiveSession> {
        let db = Db::open(&config.db_path)?;
        if let Some(actor) = config.actor.as_deref() {
            db.set_actor(actor)?;
        }
        db.get_meeting(config.meeting_id)?;
        let first = change_of(&db, config.meeting_id)?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("pejling-live")
            .enable_all()
            .build()?;
        let listener = runtime.block_on(listen(config.bind))?;
        let local = listener.local_addr()?;
        let host = if local.ip().is_unspecified() { default_address() } else { local.ip() };
        let code = new_join_code()?;
        let url = match host {
            IpAddr::V6(ip) => format!("http://[{ip}]:{}/{code}", local.port()),
            IpAddr::V4(ip) => format!("http://{ip}:{}/{code}", local.port()),
        };
        let (stop, stop_rx) = watch::channel(false);
        let (changes, _) = watch::channel(first);
        let at_least_one = |n: u32| NonZeroU32::new(n.max(1)).expect("not zero");
        let limits = &config.limits;
        let participant_quota = Quota::per_second(at_least_one(limits.participant_per_second))
            .allow_burst(at_least_one(limits.participant_burst));
        let anonymous_quota = Quota::per_minute(at_least_one(limits.anonymous_per_minute))
            .allow_burst(at_least_one(limits.anonymous_burst));
        let session_id = new_token()?[..16].to_owned();
        let shared = Arc::new(Shared {
            participant_limiter: RateLimiter::keyed(participant_quota),
            anonymous_limiter: RateLimiter::keyed(anonymous_quota),
            meeting_id: config.meeting_id,
            lang: config.lang,
            catalog: pejling_core::i18n::Catalog::new(config.lang),
            limits: config.limits,
            code,
            session_id,
            db_path: canonical(&config.db_path),
            db: Mutex::new(Some(db)),
            admission: Mutex::new(Admission::default()),
            admit_all: config.admit_all,
            changes,
            stop,
            shutdown: stop_rx,
            ended: Mutex::new(None),
            finished: (Mutex::new(false), Condvar::new()),
            streams: AtomicUsize::new(0),
            streams_per_person: Mutex::new(HashMap::new()),
            connections: Mutex::new(Connections::default()),
        });
        let for_thread = Arc::clone(&shared);
        let thread = std::thread::Builder::new().name("pejling-live".into()).spawn(move || {
            runtime.block_on(server::run(Arc::clone(&for_thread), listener));
            // Whatever is left (a stream that would not end) goes with the runtime.
            runtime.shutdown_timeout(Duration::from_millis(500));
            let (lock, cv) = &for_thread.finished;
            *lock.lock().unwrap_or_else(|p| p.into_inner()) = true;
            cv.notify_all();
        })?;
        {
            let mut sessions = SESSIONS.lock().unwrap_or_else(|p| p.into_inner());
            sessions.retain(|w| w.strong_count() > 0);
            sessions.push(Arc::downgrade(&shared));
        }
        // A restore of this database (by the core, which knows no live session) stops it.
        pejling_core::backup::before_replace(stop_sessions_on);
        Ok(LiveSession { shared, url, address: host, port: local.port(), thread: Some(thread) })
    }

    pub fn meeting_id(&self) -> Id {
        self.shared.meeting_id
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The address participants reach the session at.
    pub fn address(&self) -> IpAddr {
        self.address
    }

    /// The join code as shown to people: `K7QM-3XPA`.
    pub fn join_code(&self) -> String {
        let (a, b) = self.shared.code.split_at(CODE_LEN / 2);
        format!("{a}-{b}")
    }

    /// Open connections the session holds now (for the load test's figures).
    pub fn open_connections(&self) -> usize {
        self.shared.connections.lock().unwrap_or_else(|p| p.into_inner()).open.len()
    }

    /// Whether the session has ended (stopped, or its database restored or replaced).
    pub fn is_ended(&self) -> bool {
        self.shared.is_ended()
    }

    /// The chair's view: who has asked to join, who has joined on which device, and who has
    /// answered the current question.
    pub fn status(&self) -> Result<LiveStatus> {
        let cat = &self.shared.catalog;
        let (holders, pending_raw, blocked) = {
            let a = self.shared.admission.lock().unwrap_or_else(|p| p.into_inner());
            (a.holders(), a.pending(), a.blocked())
        };
        let guard = self.shared.db.lock().unwrap_or_else(|p| p.into_inner());
        let db = guard.as_ref().ok_or_else(|| Error::Conflict(Message::new("error-live-ended")))?;
        let people = participants(db, self.shared.meeting_id)?;
        let room = db.room_view(self.shared.meeting_id)?;
        let current =
            room.item.as_ref().and_then(|i| i.step.as_ref().map(|s| (i.agenda_item_id, s.index, s.is_continuum)));
        let answered = match current {
            Some((item, step, true)) => db.answered_at(item, step)?,
            _ => Vec::new(),
        };
        drop(guard);
        let name_of = |id: Id| people.iter().find(|p| p.person_id == id).map(|p| p.name.clone()).unwrap_or_default();
        Ok(LiveStatus {
            meeting_id: self.shared.meeting_id,
            url: self.url.clone(),
            join_code: self.join_code(),
            port: self.port,
            address: self.address.to_string(),
            qr: qr_of(&self.url),
            pending: pending_raw
                .into_iter()
                .map(|(device_id, person_id, device, at)| LiveRequest {
                    device_id,
                    person_id,
                    name: name_of(person_id),
                    device,
                    requested_at: clock(cat, at),
                })
                .collect(),
            blocked: blocked
                .into_iter()
                .map(|(device_id, device, at)| LiveBlocked { device_id, device, blocked_at: clock(cat, at) })
                .collect(),
            admit_all: self.shared.admit_all,
            participants: people
                .iter()
                .map(|p| {
                    let holder = holders.iter().find(|h| h.1 == p.person_id);
                    LiveParticipant {
                        joined: holder.is_some(),
                        device_id: holder.map(|h| h.0),
                        device: holder.map(|h| h.2.clone()),
                        joined_at: holder.map(|h| clock(cat, h.3)),
                        answered_at: answered.iter().find(|a| a.person_id == p.person_id).map(|a| a.updated_at.clone()),
                        person_id: p.person_id,
                        name: p.name.clone(),
                    }
                })
                .collect(),
            current_item_id: current.map(|c| c.0),
            current_step: current.map(|c| c.1),
        })
    }

    /// Join requests waiting for the chair, oldest first.
    pub fn pending(&self) -> Result<Vec<LiveRequest>> {
        Ok(self.status()?.pending)
    }

    /// Let the device `device_id` take the name it asked for. Refused when it no longer asks
    /// (withdrawn, refused, blocked) or the name was taken meanwhile; other devices asking
    /// for the same name are refused.
    pub fn approve(&self, device_id: u32) -> Result<()> {
        admission::decide(&self.shared, device_id, admission::Decision::Approve)
    }

    /// A personal one-time code for a participant, for the chair to hand out: choosing one's
    /// name with it on the join page takes the name without waiting for approval, once. A new
    /// code replaces the earlier one. Shown as `K7QM-3XPA`.
    pub fn personal_code(&self, person_id: Id) -> Result<String> {
        {
            let guard = self.shared.db.lock().unwrap_or_else(|p| p.into_inner());
            let db = guard.as_ref().ok_or_else(|| Error::Conflict(Message::new("error-live-ended")))?;
            if !participants(db, self.shared.meeting_id)?.iter().any(|p| p.person_id == person_id) {
                return Err(Error::Validation(Message::new("error-live-not-participant")));
            }
        }
        let code = self.shared.admission.lock().unwrap_or_else(|p| p.into_inner()).issue_code(person_id)?;
        let (a, b) = code.split_at(CODE_LEN / 2);
        Ok(format!("{a}-{b}"))
    }

    /// Refuse the device's request; it may ask again (and be blocked if it keeps asking).
    pub fn refuse(&self, device_id: u32) -> Result<()> {
        admission::decide(&self.shared, device_id, admission::Decision::Refuse)
    }

    /// Refuse every request that waits (a flood of requests from a script, or a room that
    /// has all joined): each is refused and audited as [`LiveSession::refuse`] does. Returns
    /// how many were refused.
    pub fn refuse_all(&self) -> Result<usize> {
        let waiting: Vec<u32> = self.pending()?.into_iter().map(|r| r.device_id).collect();
        let mut refused = 0;
        for device_id in waiting {
            match self.refuse(device_id) {
                Ok(()) => refused += 1,
                // Withdrawn or decided meanwhile: nothing waits from it any more.
                Err(e) if e.kind() == pejling_core::ErrorKind::Conflict => {}
                Err(e) => return Err(e),
            }
        }
        Ok(refused)
    }

    /// Block a device: its name (if any) is released, its request refused, and every
    /// further request from it or its address is refused for the rest of the session.
    pub fn block(&self, device_id: u32) -> Result<()> {
        admission::decide(&self.shared, device_id, admission::Decision::Block)
    }

    /// Free a participant's name (a lost phone, a wrong name picked): their device stops
    /// working at once; taking the name again is a new request for the chair. `false` when
    /// it was not taken.
    pub fn release(&self, person_id: Id) -> bool {
        admission::release(&self.shared, person_id).unwrap_or(false)
    }

    /// Stop serving: open streams are told and end, the port is closed when this returns.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        self.shared.end(Ended::Stopped);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
        self.shared.db.lock().unwrap_or_else(|p| p.into_inner()).take();
    }
}

impl Drop for LiveSession {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// How the app starts a session.
#[derive(Debug, Clone, Default)]
pub struct LiveStart {
    /// The address to listen on (one of [`interfaces`]); default: [`default_address`].
    pub address: Option<IpAddr>,
    /// Who the audit log names for the chair's decisions.
    pub actor: Option<String>,
}

/// The app's one live session (the shell keeps one of these as state): starting a second
/// for another meeting is refused, starting the same again answers with the running one.
#[derive(Default)]
pub struct LiveHost {
    session: Arc<Mutex<Option<LiveSession>>>,
}

/// The sessions hosts of this process run, by database, so that a restore can stop them
/// (see [`stop_sessions_on`]).
type HostSlot = std::sync::Weak<Mutex<Option<LiveSession>>>;
static HOSTS: Mutex<Vec<(PathBuf, HostSlot)>> = Mutex::new(Vec::new());

/// Stop every live session this process runs on the database at `db_path` (a restore is
/// about to replace the file: a participant's position written after this would be lost).
/// Returns how many were stopped; their ports are closed and their connections to the
/// database are closed when this returns.
pub fn stop_sessions_on(db_path: &Path) -> usize {
    // First end them telling their participants the database was replaced, then let the
    // hosts forget them (joining their threads).
    let told = stop_sessions_for(db_path);
    let target = pejling_core::instance::canonical_db_path(db_path);
    let slots: Vec<_> = {
        let mut hosts = HOSTS.lock().unwrap_or_else(|p| p.into_inner());
        hosts.retain(|(_, slot)| slot.strong_count() > 0);
        hosts.iter().filter(|(path, _)| *path == target).filter_map(|(_, slot)| slot.upgrade()).collect()
    };
    let mut stopped = 0;
    for slot in slots {
        let session = slot.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(session) = session {
            session.stop();
            stopped += 1;
        }
    }
    stopped.max(told)
}

impl LiveHost {
    /// Start a live session for `meeting_id` at a free port on the address of the interface
    /// that carries the default route.
    pub fn start(&self, db_path: Option<&Path>, meeting_id: Id, lang: Lang) -> Result<LiveStatus> {
        self.start_with(db_path, meeting_id, lang, LiveStart::default())
    }

    /// Start a live session on the address the chair chose.
    pub fn start_with(&self, db_path: Option<&Path>, meeting_id: Id, lang: Lang, how: LiveStart) -> Result<LiveStatus> {
        let mut slot = self.session.lock().unwrap_or_else(|p| p.into_inner());
        if slot.as_ref().is_some_and(LiveSession::is_ended) {
            slot.take();
        }
        if let Some(running) = slot.as_ref() {
            if running.meeting_id() == meeting_id {
                return running.status();
            }
            return Err(Error::Conflict(Message::new("error-live-running")));
        }
        let path = db_path.ok_or_else(|| Error::Validation(Message::new("error-live-no-database")))?;
        let address = match how.address {
            Some(ip) if ip.is_unspecified() || !interfaces().iter().any(|i| i.address == ip.to_string()) => {
                return Err(Error::Validation(Message::new("error-live-address").arg("address", ip)));
            }
            Some(ip) => ip,
            None => default_address(),
        };
        let mut config = LiveConfig::new(path, meeting_id, SocketAddr::new(address, 0));
        config.lang = lang;
        config.actor = how.actor;
        let session = LiveSession::start(config)?;
        let status = session.status()?;
        *slot = Some(session);
        HOSTS
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((pejling_core::instance::canonical_db_path(path), Arc::downgrade(&self.session)));
        Ok(status)
    }

    /// Stop the running session, if any; its port is closed when this returns.
    pub fn stop(&self) {
        let session = self.session.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(session) = session {
            session.stop();
        }
    }

    /// Run `f` on the running session and answer with its status; `None` without one.
    fn on_session(&self, f: impl FnOnce(&LiveSession) -> Result<()>) -> Result<Option<LiveStatus>> {
        let mut slot = self.session.lock().unwrap_or_else(|p| p.into_inner());
        if slot.as_ref().is_some_and(LiveSession::is_ended) {
            slot.take();
        }
        match slot.as_ref() {
            Some(session) => {
                f(session)?;
                session.status().map(Some)
            }
            None => Ok(None),
        }
    }

    /// Free a participant's name in the running session; answers with its status.
    pub fn release(&self, person_id: Id) -> Result<Option<LiveStatus>> {
        self.on_session(|s| {
            s.release(person_id);
            Ok(())
        })
    }

    /// Approve a join request in the running session.
    pub fn approve(&self, device_id: u32) -> Result<Option<LiveStatus>> {
        self.on_session(|s| s.approve(device_id))
    }

    /// Refuse a join request in the running session.
    pub fn refuse(&self, device_id: u32) -> Result<Option<LiveStatus>> {
        self.on_session(|s| s.refuse(device_id))
    }

    /// Refuse every waiting join request in the running session.
    pub fn refuse_all(&self) -> Result<Option<LiveStatus>> {
        self.on_session(|s| s.refuse_all().map(drop))
    }

    /// Block a device in the running session.
    pub fn block(&self, device_id: u32) -> Result<Option<LiveStatus>> {
        self.on_session(|s| s.block(device_id))
    }

    /// A personal one-time code for a participant in the running session; `None` without one.
    pub fn personal_code(&self, person_id: Id) -> Result<Option<String>> {
        let slot = self.session.lock().unwrap_or_else(|p| p.into_inner());
        slot.as_ref().filter(|s| !s.is_ended()).map(|s| s.personal_code(person_id)).transpose()
    }

    /// The running session, if any (a session whose database was replaced has ended).
    pub fn status(&self) -> Result<Option<LiveStatus>> {
        self.on_session(|_| Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_codes_use_the_unambiguous_alphabet() {
        let a = new_join_code().unwrap();
        let b = new_join_code().unwrap();
        assert_eq!(a.len(), CODE_LEN);
        assert!(a.bytes().all(|c| CODE_ALPHABET.contains(&c)));
        assert_ne!(a, b, "40 random bits twice alike");
        assert_eq!(new_token().unwrap().len(), 64);
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "ab"));
        assert!(!same_secret("", "a"));
    }

    #[test]
    fn qr_path_has_one_square_per_dark_module() {
        let qr = qr_of("http://192.168.1.20:41234/K7QMX3PA");
        let code =
            qrcode::QrCode::with_error_correction_level(b"http://192.168.1.20:41234/K7QMX3PA", qrcode::EcLevel::M)
                .unwrap();
        let dark = code.to_colors().iter().filter(|c| **c == qrcode::Color::Dark).count();
        assert_eq!(qr.size as usize, code.width());
        assert_eq!(qr.path.matches('M').count(), dark);
        assert!(qr.path.starts_with("M0 0h1v1h-1z"), "the finder pattern's corner is dark");
    }
}
