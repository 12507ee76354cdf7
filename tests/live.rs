//! The live session's rules, each against a real session on loopback over a real database
//! file (with the real migrations and the demo temamøde): nothing served before the start,
//! the join code and the participant's token on every request, each name once, a
//! participant writing only their own position on the open current question, closed items
//! and notes never served, bounded request size and rate, the port closed after the stop,
//! and changes made through the chair's own connection reaching the participants' stream.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::{Duration, Instant};

use pejling::live::{LiveConfig, LiveLimits, LiveSession};
use pejling::{Db, Id, PositionInput};

struct Reply {
    status: u16,
    head: String,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.trim().eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }

    /// The participant token from `Set-Cookie`.
    fn token(&self) -> String {
        let cookie = self.header("set-cookie").expect("a cookie");
        cookie.split(';').next().unwrap().split_once('=').unwrap().1.to_owned()
    }
}

/// One HTTP/1.1 request on its own connection.
fn http(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    for (n, v) in headers {
        req.push_str(&format!("{n}: {v}\r\n"));
    }
    if method == "POST" {
        req.push_str(&format!("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    let _ = stream.write_all(req.as_bytes());
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Reply { status, head: head.to_owned(), body: body.to_owned() }
}

fn cookie(token: &str) -> String {
    format!("pejling_live={token}")
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    db: Db,
    meeting: Id,
    item: Id,
    closed_item: Id,
    /// The first and second continuum steps of the case item.
    continuum: u32,
    continuum2: u32,
    /// A step with open questions.
    open_question: u32,
    /// Present politicians, and someone who is not one (the secretary).
    people: Vec<(Id, String)>,
    secretary: Id,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.sqlite3");
    let mut db = Db::open(&path).unwrap();
    pejling::demo::create(&mut db).unwrap();
    let meeting = db
        .list_meetings(None)
        .unwrap()
        .into_iter()
        .find(|m| m.title == pejling::demo::THEME_MEETING_TITLE)
        .expect("demo temamøde")
        .id;
    let detail = db.get_meeting(meeting).unwrap();
    let item = detail.items.iter().find(|i| i.title.starts_with("Algoritmer")).unwrap().id;
    let closed_item = detail.items.iter().find(|i| i.openness == pejling::Openness::Closed).unwrap().id;
    let walk = db.get_walk(item).unwrap();
    let mut cont = walk.steps.iter().filter(|s| s.is_continuum).map(|s| s.index);
    let (continuum, continuum2) = (cont.next().unwrap(), cont.next().unwrap());
    let open_question = walk.steps.iter().find(|s| !s.is_continuum).unwrap().index;
    let attendance = db.list_attendance(meeting).unwrap();
    let people = attendance
        .people
        .iter()
        .filter(|p| {
            matches!(
                p.role,
                Some(
                    pejling::Role::Chair
                        | pejling::Role::ViceChair
                        | pejling::Role::Member
                        | pejling::Role::CitizenMember
                )
            )
        })
        .map(|p| (p.person_id, p.name.clone()))
        .collect::<Vec<_>>();
    let secretary = attendance.people.iter().find(|p| p.role == Some(pejling::Role::Secretary)).unwrap().person_id;
    db.set_current_step(meeting, item, continuum).unwrap();
    Fixture { _dir: dir, path, db, meeting, item, closed_item, continuum, continuum2, open_question, people, secretary }
}

fn start(f: &Fixture, limits: LiveLimits) -> (LiveSession, SocketAddr, String) {
    let mut config = LiveConfig::new(&f.path, f.meeting, "127.0.0.1:0".parse().unwrap());
    config.limits = limits;
    let session = LiveSession::start(config).unwrap();
    let addr: SocketAddr = format!("127.0.0.1:{}", session.port()).parse().unwrap();
    let base = format!("/{}", session.join_code().replace('-', ""));
    assert!(session.url().ends_with(&base), "{} names the code", session.url());
    (session, addr, base)
}

fn join(addr: SocketAddr, base: &str, person: Id) -> String {
    let r = http(addr, "POST", &format!("{base}/join"), &[], &format!("person_id={person}"));
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("location").as_deref(), Some(format!("{base}/me").as_str()));
    let set = r.header("set-cookie").unwrap();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Strict"), "{set}");
    r.token()
}

#[test]
fn nothing_is_served_before_the_start_and_the_port_closes_at_the_stop() {
    let f = fixture();
    let port = {
        let probe = TcpListener::bind("127.0.0.1:0").unwrap();
        probe.local_addr().unwrap().port()
    };
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
    assert!(TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_err(), "nothing listens before the start");
    let mut config = LiveConfig::new(&f.path, f.meeting, addr);
    config.limits = LiveLimits::default();
    let session = LiveSession::start(config).unwrap();
    let base = format!("/{}", session.join_code().replace('-', ""));
    let r = http(addr, "GET", &base, &[], "");
    assert_eq!(r.status, 200);
    assert!(r.body.contains(&f.people[0].1), "the join page lists the attendees");
    let token = join(addr, &base, f.people[0].0);
    // An open event stream must not keep the port open.
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "GET {base}/events HTTP/1.1\r\nHost: {addr}\r\nCookie: {}\r\n\r\n", cookie(&token)).unwrap();
    let mut first = [0u8; 64];
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    assert!(stream.read(&mut first).unwrap() > 0);
    let stopping = Instant::now();
    session.stop();
    // Open streams end at once; a connection that would not close is dropped after 2 s.
    assert!(stopping.elapsed() < Duration::from_secs(10), "stopping hung for {:?}", stopping.elapsed());
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_millis(500)).is_err(),
        "the port is closed after the stop"
    );
    // The stream was ended, not left hanging.
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
}

#[test]
fn every_request_needs_the_code_and_a_participant_token() {
    let f = fixture();
    let (session, addr, base) = start(&f, LiveLimits::default());
    // No code, a wrong code: nothing, not even the page's assets.
    for path in ["/", "/me", "/live.css", "/ABCDEFGH", "/ABCDEFGH/me", "/ABCDEFGH/live.js"] {
        let r = http(addr, "GET", path, &[], "");
        assert_eq!(r.status, 404, "{path}");
        assert!(!r.body.contains(&f.people[0].1), "{path} names nobody");
    }
    // The code alone lets one join, nothing more.
    for path in ["me", "state", "events"] {
        assert_eq!(http(addr, "GET", &format!("{base}/{path}"), &[], "").status, 401, "{path} without a token");
        let wrong = cookie(&"0".repeat(64));
        assert_eq!(http(addr, "GET", &format!("{base}/{path}"), &[("Cookie", &wrong)], "").status, 401, "{path}");
        let bearer = format!("Bearer {}", "f".repeat(64));
        assert_eq!(http(addr, "GET", &format!("{base}/{path}"), &[("Authorization", &bearer)], "").status, 401);
    }
    let write = format!("item={}&step={}&value=40", f.item, f.continuum);
    assert_eq!(http(addr, "POST", &format!("{base}/position"), &[], &write).status, 401, "no token");
    let wrong = cookie(&"a".repeat(64));
    assert_eq!(
        http(addr, "POST", &format!("{base}/position"), &[("Cookie", &wrong)], &write).status,
        401,
        "wrong token"
    );
    // A right token with a wrong code is still nothing.
    let token = join(addr, &base, f.people[0].0);
    let r = http(addr, "GET", "/ABCDEFGH/me", &[("Cookie", &cookie(&token))], "");
    assert_eq!(r.status, 404);
    assert_eq!(http(addr, "POST", "/ABCDEFGH/position", &[("Cookie", &cookie(&token))], &write).status, 404);
    assert_eq!(f.db.continuum_result(f.item, f.continuum).unwrap().answered_count, 0, "nothing was written");
    // The right code and token: the page, with the security headers.
    let r = http(addr, "GET", &format!("{base}/me"), &[("Cookie", &cookie(&token))], "");
    assert_eq!(r.status, 200);
    let csp = r.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"), "{csp}");
    assert_eq!(r.header("x-content-type-options").as_deref(), Some("nosniff"));
    assert!(r.body.contains(&f.people[0].1));
    session.stop();
}

#[test]
fn each_name_is_taken_once_and_only_by_participants() {
    let f = fixture();
    let (session, addr, base) = start(&f, LiveLimits::default());
    let (first, name) = f.people[0].clone();
    join(addr, &base, first);
    let r = http(addr, "GET", &base, &[], "");
    assert!(!r.body.contains(&format!("value=\"{first}\"")), "a taken name is no longer offered");
    assert!(!r.body.contains(&name));
    let again = http(addr, "POST", &format!("{base}/join"), &[], &format!("person_id={first}"));
    assert_eq!(again.status, 409, "a second device cannot take the same name");
    assert!(again.header("set-cookie").is_none());
    let secretary = http(addr, "POST", &format!("{base}/join"), &[], &format!("person_id={}", f.secretary));
    assert_eq!(secretary.status, 403, "the secretary takes no positions");
    assert_eq!(http(addr, "POST", &format!("{base}/join"), &[], "person_id=999999").status, 403);
    let status = session.status().unwrap();
    assert_eq!(status.participants.len(), f.people.len());
    assert_eq!(status.participants.iter().filter(|p| p.joined).count(), 1);
    assert!(status.participants.iter().find(|p| p.person_id == first).unwrap().joined);
    session.stop();
}

#[test]
fn a_participant_writes_only_their_own_position_on_the_open_current_question() {
    let mut f = fixture();
    let (session, addr, base) = start(&f, LiveLimits::default());
    let (a, b) = (f.people[0].0, f.people[1].0);
    let ta = cookie(&join(addr, &base, a));
    let tb = cookie(&join(addr, &base, b));
    let pos = format!("{base}/position");

    // Writing another's position is refused, and theirs stays as it was.
    let other = format!("item={}&step={}&value=10&person_id={b}", f.item, f.continuum);
    assert_eq!(http(addr, "POST", &pos, &[("Cookie", &ta)], &other).status, 403);
    assert_eq!(f.db.own_position(f.item, f.continuum, b).unwrap(), None);
    assert_eq!(f.db.own_position(f.item, f.continuum, a).unwrap(), None);

    // One's own: through the same core write the app uses.
    let own = format!("item={}&step={}&value=72", f.item, f.continuum);
    let r = http(addr, "POST", &pos, &[("Cookie", &ta)], &own);
    assert_eq!(r.status, 303, "without the script: back to the page");
    assert_eq!(f.db.own_position(f.item, f.continuum, a).unwrap(), Some(PositionInput::Value(72)));
    let own = format!("item={}&step={}&value=64&person_id={a}", f.item, f.continuum);
    assert_eq!(http(addr, "POST", &pos, &[("Cookie", &ta), ("X-Pejling-Fetch", "1")], &own).status, 204);
    assert_eq!(f.db.own_position(f.item, f.continuum, a).unwrap(), Some(PositionInput::Value(64)));
    let theirs = format!("item={}&step={}&value=20", f.item, f.continuum);
    let bearer = format!("Bearer {}", tb.trim_start_matches("pejling_live="));
    assert_eq!(http(addr, "POST", &pos, &[("Authorization", &bearer), ("X-Pejling-Fetch", "1")], &theirs).status, 204);
    assert_eq!(f.db.own_position(f.item, f.continuum, b).unwrap(), Some(PositionInput::Value(20)));
    assert_eq!(f.db.own_position(f.item, f.continuum, a).unwrap(), Some(PositionInput::Value(64)), "A's is A's");

    // The page shows one's own value, nobody else's.
    let page = http(addr, "GET", &format!("{base}/me"), &[("Cookie", &ta)], "");
    assert!(page.body.contains("value=\"64\""), "{}", page.body);
    assert!(!page.body.contains("20 af 100"));

    // The chair sees who has answered, not what, until the result is revealed.
    let status = session.status().unwrap();
    assert_eq!(status.current_step, Some(f.continuum));
    let answered: Vec<Id> =
        status.participants.iter().filter(|p| p.answered_at.is_some()).map(|p| p.person_id).collect();
    assert_eq!(answered, {
        let mut v = vec![a, b];
        v.sort();
        v
    });

    // Out of range and malformed values are refused.
    let bad = format!("item={}&step={}&value=101", f.item, f.continuum);
    assert!(http(addr, "POST", &pos, &[("Cookie", &ta)], &bad).status >= 400);
    assert!(http(addr, "POST", &pos, &[("Cookie", &ta)], "item=x&step=y&value=z").status >= 400);
    assert_eq!(f.db.own_position(f.item, f.continuum, a).unwrap(), Some(PositionInput::Value(64)));

    // Another step than the meeting's: refused.
    let elsewhere = format!("item={}&step={}&value=5", f.item, f.continuum2);
    assert_eq!(http(addr, "POST", &pos, &[("Cookie", &ta)], &elsewhere).status, 409);
    assert_eq!(f.db.own_position(f.item, f.continuum2, a).unwrap(), None);

    // Once the chair closes the question (reveals its result), it takes no more positions.
    f.db.reveal_positions(f.item, f.continuum).unwrap();
    let late = format!("item={}&step={}&value=1", f.item, f.continuum);
    assert_eq!(http(addr, "POST", &pos, &[("Cookie", &ta)], &late).status, 409);
    assert_eq!(f.db.own_position(f.item, f.continuum, a).unwrap(), Some(PositionInput::Value(64)));
    let page = http(addr, "GET", &format!("{base}/me"), &[("Cookie", &ta)], "");
    assert!(!page.body.contains("position-form"), "no form on a closed question");

    // A question with no positions takes none.
    f.db.set_current_step(f.meeting, f.item, f.open_question).unwrap();
    let open_q = format!("item={}&step={}&value=1", f.item, f.open_question);
    assert_eq!(http(addr, "POST", &pos, &[("Cookie", &ta)], &open_q).status, 409);

    // A browser's cross-site form post is refused.
    f.db.set_current_step(f.meeting, f.item, f.continuum2).unwrap();
    let next = format!("item={}&step={}&value=33", f.item, f.continuum2);
    let foreign = [("Cookie", ta.as_str()), ("Origin", "http://evil.example")];
    assert_eq!(http(addr, "POST", &pos, &foreign, &next).status, 403);
    assert_eq!(f.db.own_position(f.item, f.continuum2, a).unwrap(), None);
    session.stop();
}

#[test]
fn closed_items_notes_and_questions_to_the_administration_are_never_served() {
    let mut f = fixture();
    let (session, addr, base) = start(&f, LiveLimits::default());
    let ta = cookie(&join(addr, &base, f.people[0].0));
    let secret_note = "NOTAT-MÅ-IKKE-VISES";
    f.db.save_step_note(f.item, f.continuum, secret_note).unwrap();
    f.db.add_question_to_administration(f.item, f.continuum, "SPØRGSMÅL-MÅ-IKKE-VISES", None).unwrap();
    let served = |path: &str| http(addr, "GET", &format!("{base}{path}"), &[("Cookie", &ta)], "").body;
    for path in ["", "/me", "/state"] {
        let body = served(path);
        assert!(!body.contains(secret_note) && !body.contains("SPØRGSMÅL-MÅ-IKKE-VISES"), "{path}");
    }
    // The meeting goes to a closed item with a walk of its own.
    let mut plan = pejling::demo::case_walk_plan();
    plan.case_technology = "LUKKET-TEKNOLOGI".into();
    f.db.set_walk_plan(f.closed_item, &plan).unwrap();
    f.db.save_step_note(f.closed_item, 0, "LUKKET-NOTAT").unwrap();
    f.db.set_current_step(f.meeting, f.closed_item, 0).unwrap();
    let closed_title =
        f.db.get_meeting(f.meeting).unwrap().items.iter().find(|i| i.id == f.closed_item).unwrap().title.clone();
    for path in ["", "/me", "/state"] {
        let body = served(path);
        for secret in [closed_title.as_str(), "LUKKET-TEKNOLOGI", "LUKKET-NOTAT", secret_note] {
            assert!(!body.contains(secret), "{path} shows {secret}");
        }
    }
    let page = served("/me");
    assert!(page.contains("Venter på"), "the participant waits while the meeting is at a closed item");
    let cont = pejling::Db::open(&f.path).unwrap().get_walk(f.closed_item).unwrap();
    let step = cont.steps.iter().find(|s| s.is_continuum).unwrap().index;
    f.db.set_current_step(f.meeting, f.closed_item, step).unwrap();
    let write = format!("item={}&step={step}&value=50", f.closed_item);
    assert_eq!(http(addr, "POST", &format!("{base}/position"), &[("Cookie", &ta)], &write).status, 409);
    assert_eq!(f.db.continuum_result(f.closed_item, step).unwrap().answered_count, 0);
    session.stop();
}

#[test]
fn request_bodies_are_bounded() {
    let f = fixture();
    let (session, addr, base) = start(&f, LiveLimits::default());
    let ta = cookie(&join(addr, &base, f.people[0].0));
    let huge = format!("item={}&step={}&value=50&pad={}", f.item, f.continuum, "x".repeat(64 * 1024));
    let r = http(addr, "POST", &format!("{base}/position"), &[("Cookie", &ta)], &huge);
    assert_eq!(r.status, 413);
    assert_eq!(f.db.own_position(f.item, f.continuum, f.people[0].0).unwrap(), None);
    let r = http(
        addr,
        "POST",
        &format!("{base}/join"),
        &[],
        &format!("person_id={}&pad={}", f.people[1].0, "y".repeat(8192)),
    );
    assert_eq!(r.status, 413);
    session.stop();
}

#[test]
fn requests_are_rate_limited_per_participant_and_per_address() {
    let f = fixture();
    let limits = LiveLimits {
        participant_per_second: 2,
        participant_burst: 5,
        anonymous_per_minute: 6,
        anonymous_burst: 8,
        ..LiveLimits::default()
    };
    let (session, addr, base) = start(&f, limits);
    let ta = cookie(&join(addr, &base, f.people[0].0));
    let started = Instant::now();
    let statuses: Vec<u16> =
        (0..20).map(|_| http(addr, "GET", &format!("{base}/state"), &[("Cookie", &ta)], "").status).collect();
    // The burst, and what refilled at 2 per second while the requests were made.
    let allowed = 5 + (started.elapsed().as_secs_f64() * 2.0).ceil() as usize;
    let ok = statuses.iter().filter(|s| **s == 200).count();
    assert!(ok >= 5 && ok <= allowed, "{ok} allowed of at most {allowed}: {statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 429), "{statuses:?}");
    assert!(statuses.iter().filter(|s| **s == 429).count() >= 20 - allowed, "{statuses:?}");
    // Guessing codes from one address runs into the limit too.
    let guesses: Vec<u16> = (0..20).map(|i| http(addr, "GET", &format!("/GUESS{i:03}"), &[], "").status).collect();
    assert!(guesses.iter().filter(|s| **s == 429).count() >= 10, "{guesses:?}");
    assert!(guesses.iter().all(|s| *s == 404 || *s == 429), "{guesses:?}");
    session.stop();
}

#[test]
fn the_chair_moving_the_walk_in_the_app_reaches_the_participants_stream() {
    let mut f = fixture();
    let (session, addr, base) = start(&f, LiveLimits::default());
    let ta = cookie(&join(addr, &base, f.people[0].0));
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(stream, "GET {base}/events HTTP/1.1\r\nHost: {addr}\r\nCookie: {ta}\r\n\r\n").unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut seen = String::new();
    let mut buf = [0u8; 4096];
    let first_key = format!("{}:{}:open", f.item, f.continuum);
    while !seen.contains(&first_key) {
        let n = stream.read(&mut buf).expect("the first event");
        assert!(n > 0);
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    assert!(seen.contains("text/event-stream"));
    // The chair moves on in the app: another connection to the same file.
    let moved = Instant::now();
    f.db.set_current_step(f.meeting, f.item, f.continuum2).unwrap();
    let next_key = format!("{}:{}:open", f.item, f.continuum2);
    while !seen.contains(&next_key) {
        let n = stream.read(&mut buf).expect("the change arrives");
        assert!(n > 0);
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
    // The figure, for the record; the session looks for the app's changes every 150 ms.
    eprintln!("the chair's move reached the participant's stream after {:?}", moved.elapsed());
    session.stop();
}

#[test]
fn the_open_question_is_the_current_unrevealed_continuum_step_of_an_open_item() {
    let mut f = fixture();
    assert_eq!(f.db.open_live_question(f.meeting).unwrap(), Some((f.item, f.continuum)));
    f.db.reveal_positions(f.item, f.continuum).unwrap();
    assert_eq!(f.db.open_live_question(f.meeting).unwrap(), None, "revealed: closed");
    f.db.hide_positions(f.item, f.continuum).unwrap();
    assert_eq!(f.db.open_live_question(f.meeting).unwrap(), Some((f.item, f.continuum)), "hidden again: open");
    f.db.set_current_step(f.meeting, f.item, f.open_question).unwrap();
    assert_eq!(f.db.open_live_question(f.meeting).unwrap(), None, "not a continuum question");
    f.db.set_walk_plan(f.closed_item, &pejling::demo::case_walk_plan()).unwrap();
    let step = f.db.get_walk(f.closed_item).unwrap().steps.iter().find(|s| s.is_continuum).unwrap().index;
    f.db.set_current_step(f.meeting, f.closed_item, step).unwrap();
    assert_eq!(f.db.open_live_question(f.meeting).unwrap(), None, "a closed item");
    assert_eq!(f.db.open_live_question(f.meeting + 1000).unwrap(), None, "no such meeting");
}

#[test]
fn the_chair_can_free_a_taken_name() {
    let f = fixture();
    let (session, addr, base) = start(&f, LiveLimits::default());
    let (a, _) = f.people[0].clone();
    let old = cookie(&join(addr, &base, a));
    assert!(session.release(a));
    assert!(!session.release(a), "not taken any more");
    assert_eq!(http(addr, "GET", &format!("{base}/me"), &[("Cookie", &old)], "").status, 401, "the old device is out");
    let write = format!("item={}&step={}&value=10", f.item, f.continuum);
    assert_eq!(http(addr, "POST", &format!("{base}/position"), &[("Cookie", &old)], &write).status, 401);
    assert_eq!(f.db.own_position(f.item, f.continuum, a).unwrap(), None);
    let new = cookie(&join(addr, &base, a));
    assert_ne!(new, old, "a new token");
    assert_eq!(http(addr, "GET", &format!("{base}/me"), &[("Cookie", &new)], "").status, 200);
    session.stop();
}
