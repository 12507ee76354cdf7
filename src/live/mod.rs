//! The live session: participants take part in a temamøde from their own phones and tablets.
//!
//! Why it is in the core: the desktop shell (the chair's app) and the CLI (`pejling serve`,
//! for tests and a room PC) start the very same session, so every security rule lives and is
//! tested here once. The session is an embedded HTTP server (axum on its own tokio runtime in
//! its own thread, so it works the same under Tauri and in a plain binary) that opens the
//! database through [`Db`] with a connection of its own: SQLite's WAL and busy timeout let it
//! write positions beside the app's connection, through the same `set_position` the app uses.
//!
//! The rules, each tested in `tests/live.rs`:
//! - nothing is served before [`LiveSession::start`] and the port closes in
//!   [`LiveSession::stop`] (the listener lives only inside the session's runtime);
//! - every request names the session's random join code in its path (a wrong or missing code
//!   is answered 404 like any unknown page); joining exchanges it for a random per-participant
//!   token (an `HttpOnly`, `SameSite=Strict` cookie, or a bearer token) bound to one attendee,
//!   and each name can be taken once;
//! - a participant writes only their own position, only on the question the meeting is at,
//!   and only until the chair closes it (reveals its result, or moves on);
//! - what is served is assembled from [`Db::room_view`]: never a closed (Lukket) item, a note,
//!   a question to the administration or the minutes;
//! - request bodies are capped and requests are rate-limited (per participant, and per
//!   address for anyone without a token).

mod page;
mod server;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener, UdpSocket};
use std::num::NonZeroU32;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::{Deserialize, Serialize};
use tokio::sync::watch;

use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::i18n::Lang;
use crate::store::Db;

/// Bounds on what a session accepts. The defaults suit a committee room; tests tighten them.
#[derive(Debug, Clone)]
pub struct LiveLimits {
    /// Largest request body, in bytes.
    pub body_bytes: usize,
    /// Requests per second a joined participant may make, and the burst above it.
    pub participant_per_second: u32,
    pub participant_burst: u32,
    /// Requests per minute from one address without a participant token (joining, or
    /// guessing codes), and the burst above it.
    pub anonymous_per_minute: u32,
    pub anonymous_burst: u32,
    /// Open event streams at most (a few per participant).
    pub max_streams: usize,
    /// How often the session looks for changes made by the app's own connection.
    pub poll_interval: Duration,
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
            poll_interval: Duration::from_millis(150),
        }
    }
}

/// What to start.
#[derive(Debug, Clone)]
pub struct LiveConfig {
    pub db_path: PathBuf,
    pub meeting_id: Id,
    /// `0.0.0.0:0` listens on every interface at a free port.
    pub bind: SocketAddr,
    /// The language of the participants' page.
    pub lang: Lang,
    pub limits: LiveLimits,
}

impl LiveConfig {
    pub fn new(db_path: &Path, meeting_id: Id, bind: SocketAddr) -> LiveConfig {
        LiveConfig { db_path: db_path.to_path_buf(), meeting_id, bind, lang: Lang::Da, limits: LiveLimits::default() }
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
    /// Has taken their name on a device.
    pub joined: bool,
    /// When they last answered the current question (UTC); `None` when they have not, or
    /// the question is not a continuum question. Values stay hidden until revealed.
    pub answered_at: Option<String>,
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
    pub qr: QrCode,
    /// Present politicians: the attendees who take positions.
    pub participants: Vec<LiveParticipant>,
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

/// State shared by the session's handlers.
pub(crate) struct Shared {
    pub meeting_id: Id,
    pub lang: Lang,
    /// The participants' page's catalogue, compiled once.
    pub catalog: crate::i18n::Catalog,
    pub limits: LiveLimits,
    /// Upper-case, without the dash.
    pub code: String,
    pub db: Mutex<Db>,
    /// Participant tokens by person.
    pub tokens: Mutex<HashMap<Id, String>>,
    pub changes: watch::Sender<LiveChange>,
    pub shutdown: watch::Receiver<bool>,
    pub streams: AtomicUsize,
    pub participant_limiter: DefaultKeyedRateLimiter<Id>,
    pub anonymous_limiter: DefaultKeyedRateLimiter<IpAddr>,
}

/// A running live session. Dropping it stops it.
pub struct LiveSession {
    shared: Arc<Shared>,
    url: String,
    port: u16,
    stop: watch::Sender<bool>,
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

/// A participant's token: 256 random bits, hex.
pub(crate) fn new_token() -> Result<String> {
    Ok(random_bytes::<32>()?.iter().map(|b| format!("{b:02x}")).collect())
}

/// Compare secrets in time independent of where they differ.
pub(crate) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The address other devices on the network reach this machine at: the source address of
/// the default route (a UDP "connect" sends nothing), or loopback without a network.
fn lan_ip() -> IpAddr {
    UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0))
        .and_then(|s| {
            s.connect((Ipv4Addr::new(192, 0, 2, 1), 9))?;
            s.local_addr()
        })
        .map(|a| a.ip())
        .ok()
        .filter(|ip| !ip.is_unspecified())
        .unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST))
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
        .filter(|p| {
            p.attendance == Attendance::Present
                && matches!(p.role, Some(Role::Chair | Role::ViceChair | Role::Member | Role::CitizenMember))
        })
        .collect())
}

/// The key of a question that takes positions (see [`LiveChange::key`]).
pub(crate) fn open_key(item_id: Id, step: u32) -> String {
    format!("{item_id}:{step}:open")
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
                open_key(item.agenda_item_id, step.index)
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

impl LiveSession {
    /// Open the database, bind the port and start serving. Returns once the port accepts
    /// connections.
    pub fn start(config: LiveConfig) -> Result<LiveSession> {
        let db = Db::open(&config.db_path)?;
        db.get_meeting(config.meeting_id)?;
        let first = change_of(&db, config.meeting_id)?;
        let listener = TcpListener::bind(config.bind)?;
        listener.set_nonblocking(true)?;
        let local = listener.local_addr()?;
        let host = if local.ip().is_unspecified() { lan_ip() } else { local.ip() };
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
        let shared = Arc::new(Shared {
            participant_limiter: RateLimiter::keyed(participant_quota),
            anonymous_limiter: RateLimiter::keyed(anonymous_quota),
            meeting_id: config.meeting_id,
            lang: config.lang,
            catalog: crate::i18n::Catalog::new(config.lang),
            limits: config.limits,
            code,
            db: Mutex::new(db),
            tokens: Mutex::new(HashMap::new()),
            changes,
            shutdown: stop_rx,
            streams: AtomicUsize::new(0),
        });
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("pejling-live")
            .enable_all()
            .build()?;
        let for_thread = Arc::clone(&shared);
        let thread = std::thread::Builder::new().name("pejling-live".into()).spawn(move || {
            runtime.block_on(server::run(for_thread, listener));
            // Whatever is left (a stream that would not end) goes with the runtime.
            runtime.shutdown_timeout(Duration::from_millis(500));
        })?;
        Ok(LiveSession { shared, url, port: local.port(), stop, thread: Some(thread) })
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

    /// The join code as shown to people: `K7QM-3XPA`.
    pub fn join_code(&self) -> String {
        let (a, b) = self.shared.code.split_at(CODE_LEN / 2);
        format!("{a}-{b}")
    }

    /// The chair's view: who has joined, and who has answered the current question.
    pub fn status(&self) -> Result<LiveStatus> {
        let db = self.shared.db.lock().unwrap_or_else(|p| p.into_inner());
        let people = participants(&db, self.shared.meeting_id)?;
        let room = db.room_view(self.shared.meeting_id)?;
        let current =
            room.item.as_ref().and_then(|i| i.step.as_ref().map(|s| (i.agenda_item_id, s.index, s.is_continuum)));
        let answered = match current {
            Some((item, step, true)) => db.answered_at(item, step)?,
            _ => Vec::new(),
        };
        let tokens = self.shared.tokens.lock().unwrap_or_else(|p| p.into_inner());
        Ok(LiveStatus {
            meeting_id: self.shared.meeting_id,
            url: self.url.clone(),
            join_code: self.join_code(),
            port: self.port,
            qr: qr_of(&self.url),
            participants: people
                .into_iter()
                .map(|p| LiveParticipant {
                    joined: tokens.contains_key(&p.person_id),
                    answered_at: answered.iter().find(|a| a.person_id == p.person_id).map(|a| a.updated_at.clone()),
                    person_id: p.person_id,
                    name: p.name,
                })
                .collect(),
            current_item_id: current.map(|c| c.0),
            current_step: current.map(|c| c.1),
        })
    }

    /// Free a participant's name (a lost phone, a wrong name picked): their token stops
    /// working at once and the name can be taken again. `false` when it was not taken.
    pub fn release(&self, person_id: Id) -> bool {
        self.shared.tokens.lock().unwrap_or_else(|p| p.into_inner()).remove(&person_id).is_some()
    }

    /// Stop serving: open streams end, the port is closed when this returns.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        let _ = self.stop.send(true);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for LiveSession {
    fn drop(&mut self) {
        self.shutdown();
    }
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
    let target = crate::instance::canonical_db_path(db_path);
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
    stopped
}

impl LiveHost {
    /// Start a live session for `meeting_id` on every interface at a free port.
    pub fn start(&self, db_path: Option<&Path>, meeting_id: Id, lang: Lang) -> Result<LiveStatus> {
        let mut slot = self.session.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(running) = slot.as_ref() {
            if running.meeting_id() == meeting_id {
                return running.status();
            }
            return Err(Error::Conflict(Message::new("error-live-running")));
        }
        let path = db_path.ok_or_else(|| Error::Validation(Message::new("error-live-no-database")))?;
        let mut config = LiveConfig::new(path, meeting_id, SocketAddr::from((Ipv4Addr::UNSPECIFIED, 0)));
        config.lang = lang;
        let session = LiveSession::start(config)?;
        let status = session.status()?;
        *slot = Some(session);
        HOSTS
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push((crate::instance::canonical_db_path(path), Arc::downgrade(&self.session)));
        Ok(status)
    }

    /// Stop the running session, if any; its port is closed when this returns.
    pub fn stop(&self) {
        let session = self.session.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(session) = session {
            session.stop();
        }
    }

    /// Free a participant's name in the running session; answers with its status.
    pub fn release(&self, person_id: Id) -> Result<Option<LiveStatus>> {
        let slot = self.session.lock().unwrap_or_else(|p| p.into_inner());
        match slot.as_ref() {
            Some(session) => {
                session.release(person_id);
                session.status().map(Some)
            }
            None => Ok(None),
        }
    }

    /// The running session, if any.
    pub fn status(&self) -> Result<Option<LiveStatus>> {
        self.session.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(LiveSession::status).transpose()
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
