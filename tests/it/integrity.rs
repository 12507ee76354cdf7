//! A record nobody can quietly break (issue 14), each finding as a test on the real
//! migrations: a restore under the instance lock that stops a live session first and leaves
//! nothing beside the database; a schema changed outside Pejling refused at open and at
//! restore; hardened connections that still audit; an approval's snapshot that a later
//! rename cannot break, and `verify` saying what differs; audited committees, people and
//! memberships; package provenance in columns of its own; a package that may not change a
//! committee's members silently; a failed backup that never fails a committed change; and the
//! CLI's `--as`, `--role`, `approve` and `audit`.

use pejling::documents::Export as _;
use std::io::{BufRead, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use pejling::backup::{self, Reason};
use pejling::instance::InstanceLock;
use pejling::*;

fn pejling(db: &Path, args: &[&str], env: &[(&str, &str)]) -> (bool, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_pejling"));
    cmd.arg("--db").arg(db).args(args).env_remove("PEJLING_LANG").env_remove("PEJLING_AS").env_remove("PEJLING_ROLE");
    // Never the machine's own identity file.
    cmd.env("PEJLING_IDENTITY", db.with_extension("identity.json"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run pejling");
    (out.status.success(), String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

/// A file database with the demo workspace; returns the theme meeting.
fn demo_file(dir: &Path) -> (PathBuf, Id) {
    let path = dir.join("pejling.sqlite3");
    let mut db = Db::open(&path).unwrap();
    demo::create(&mut db).unwrap();
    let meeting = theme_meeting(&db);
    db.close().unwrap();
    (path, meeting)
}

fn theme_meeting(db: &Db) -> Id {
    db.list_meetings(None).unwrap().into_iter().find(|m| m.title == demo::THEME_MEETING_TITLE).unwrap().id
}

fn committee_count(path: &Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM committee", [], |r| r.get(0)).unwrap()
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restoring") || n.ends_with(".partial"))
        .collect()
}

// ---- 1. restore ------------------------------------------------------------------------------

#[test]
fn cli_restore_is_refused_while_serve_holds_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let (path, meeting) = demo_file(dir.path());
    let copy = dir.path().join("kopi.sqlite3");
    Db::open(&path).unwrap().backup_to(&copy).unwrap();
    // Something to lose: a committee created after the copy.
    let mut db = Db::open(&path).unwrap();
    db.create_committee(&NewCommittee {
        name: "Økonomiudvalget".into(),
        kind: CommitteeKind::Finance,
        description: String::new(),
    })
    .unwrap();
    db.close().unwrap();
    let before = committee_count(&path);
    let mut serve = Command::new(env!("CARGO_BIN_EXE_pejling"))
        .arg("--db")
        .arg(&path)
        .args(["serve", &meeting.to_string(), "--bind", "127.0.0.1:0", "--json"])
        .env("PEJLING_IDENTITY", dir.path().join("identity.json"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(serve.stdout.take().unwrap()).read_line(&mut line).unwrap();
    assert!(line.contains("join_code"), "serving: {line}");
    let (ok, _, err) = pejling(&path, &["restore", copy.to_str().unwrap()], &[]);
    let _ = serve.kill();
    let _ = serve.wait();
    assert!(!ok, "a restore under a running session is refused");
    assert!(err.contains("er åben i en anden Pejling") && err.contains("Intet er ændret"), "{err}");
    assert_eq!(committee_count(&path), before, "nothing was replaced");
    // Once the session is gone the restore goes through, and leaves nothing beside the file.
    let (ok, out, err) = pejling(&path, &["restore", copy.to_str().unwrap()], &[]);
    assert!(ok, "{err}");
    assert!(out.contains("genskabt"), "{out}");
    assert_eq!(committee_count(&path), before - 1);
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
    for side in ["pejling.restoring-wal", "pejling.restoring-shm", "pejling.restoring"] {
        assert!(!dir.path().join(side).exists(), "{side}");
    }
}

#[test]
fn a_restore_needs_the_lock_of_that_very_database() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = demo_file(dir.path());
    let copy = dir.path().join("kopi.sqlite3");
    Db::open(&path).unwrap().backup_to(&copy).unwrap();
    let other = InstanceLock::acquire(&dir.path().join("andet.sqlite3")).unwrap();
    let e = backup::restore(&copy, &path, &other).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(e.to_string().contains("er åben i en anden Pejling"), "{e}");
    let _held = InstanceLock::acquire(&path).unwrap();
    assert!(InstanceLock::acquire(&path).is_err(), "the app or serve holding it locks out the CLI");
}

/// One HTTP/1.1 request; `None` when nothing answers (the session has stopped).
fn http(addr: SocketAddr, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Option<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
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
    stream.write_all(req.as_bytes()).ok()?;
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|s| s.parse().ok())?;
    Some((status, text))
}

#[test]
fn a_restore_stops_the_live_session_first_and_loses_no_acknowledged_position() {
    let dir = tempfile::tempdir().unwrap();
    let (path, meeting) = demo_file(dir.path());
    let copy = dir.path().join("kopi.sqlite3");
    let (item, step, person) = {
        let mut db = Db::open(&path).unwrap();
        db.backup_to(&copy).unwrap();
        let item =
            db.get_meeting(meeting).unwrap().items.iter().find(|i| i.title.starts_with("Algoritmer")).unwrap().id;
        let step = db.get_walk(item).unwrap().steps.iter().find(|s| s.is_continuum).unwrap().index;
        db.set_current_step(meeting, item, step).unwrap();
        let person = db
            .list_attendance(meeting)
            .unwrap()
            .people
            .iter()
            .find(|p| p.role == Some(Role::Member))
            .unwrap()
            .person_id;
        db.close().unwrap();
        (item, step, person)
    };
    // The app holds the instance lock and runs the live session.
    let lock = InstanceLock::acquire(&path).unwrap();
    let host = pejling::live::LiveHost::default();
    let loopback = pejling::live::LiveStart { address: Some([127, 0, 0, 1].into()), actor: None };
    let status = host.start_with(Some(&path), meeting, Lang::Da, loopback).unwrap();
    let addr: SocketAddr = format!("127.0.0.1:{}", status.port).parse().unwrap();
    let base = format!("/{}", status.join_code.replace('-', ""));
    let (code, joined) = http(addr, "POST", &format!("{base}/join"), &[], &format!("person_id={person}")).unwrap();
    assert_eq!(code, 303);
    let token = joined
        .lines()
        .find_map(|l| l.to_ascii_lowercase().starts_with("set-cookie: ").then(|| l["set-cookie: ".len()..].to_owned()))
        .expect("a device cookie")
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    // The chair admits the device to the name it asked for.
    let request = host.status().unwrap().unwrap().pending.into_iter().find(|r| r.person_id == person).unwrap();
    host.approve(request.device_id).unwrap();
    // A participant keeps writing while the restore runs; remember what was acknowledged.
    let position = format!("{base}/position");
    let writer = std::thread::spawn(move || {
        let mut acknowledged = None;
        for i in 0..2000u32 {
            let value = i % 101;
            let body = format!("item={item}&step={step}&value={value}");
            match http(addr, "POST", &position, &[("Cookie", &token), ("X-Pejling-Fetch", "1")], &body) {
                Some((204, _)) => acknowledged = Some(value),
                Some((429, _)) => std::thread::sleep(Duration::from_millis(100)),
                Some(_) => {}
                None => break,
            }
        }
        acknowledged
    });
    std::thread::sleep(Duration::from_millis(600));
    let saved = backup::restore(&copy, &path, &lock).unwrap().expect("the current database is kept");
    let acknowledged = writer.join().unwrap().expect("positions were acknowledged before the restore");
    assert!(host.status().unwrap().is_none(), "the restore stopped the session");
    assert!(http(addr, "GET", &base, &[], "").is_none(), "its port is closed");
    // Every acknowledged position is in the database as it was before the restore.
    let before = Db::open(&saved).unwrap();
    assert_eq!(before.own_position(item, step, person).unwrap(), Some(PositionInput::Value(acknowledged as u8)));
    // And the restored database is the copy.
    let restored = Db::open(&path).unwrap();
    assert_eq!(restored.own_position(item, step, person).unwrap(), None);
    assert!(leftovers(dir.path()).is_empty(), "{:?}", leftovers(dir.path()));
}

// ---- 2. schema -------------------------------------------------------------------------------

/// A copy of the database at `path` whose audit log lost its protection and gained a trigger
/// that empties it on the next ordinary edit.
fn tampered_copy(path: &Path, dest: &Path) {
    Db::open(path).unwrap().backup_to(dest).unwrap();
    let conn = rusqlite::Connection::open(dest).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_log_permanent_d;
         CREATE TRIGGER wipe AFTER UPDATE ON meeting_walk BEGIN DELETE FROM audit_log; END;",
    )
    .unwrap();
}

#[test]
fn a_schema_changed_outside_pejling_is_refused_at_restore_and_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = demo_file(dir.path());
    let evil = dir.path().join("ond.sqlite3");
    tampered_copy(&path, &evil);
    let e = backup::verify(&evil).unwrap_err();
    assert!(e.to_string().contains("ændret uden for Pejling"), "{e}");
    // The restore refuses it and nothing changes.
    let before = std::fs::read(&path).unwrap();
    let (ok, _, err) = pejling(&path, &["restore", evil.to_str().unwrap()], &[]);
    assert!(!ok && err.contains("ændret uden for Pejling"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // Opened directly it is refused too, as a file the recovery screen handles.
    let e = Db::open(&evil).err().expect("refused");
    assert_eq!(e.kind(), ErrorKind::NotAPejlingDatabase);
    assert!(e.to_string().contains("ændret uden for Pejling"), "{e}");
    // Among the backups it is never offered as good: the newest good one is.
    let good = Db::open(&path).unwrap().auto_backup(Reason::Manual).unwrap().unwrap();
    std::thread::sleep(Duration::from_millis(5));
    let newest = backup::dir_for(&path)
        .join(format!("pejling-{}-manual.sqlite3", chrono::Utc::now().format("%Y%m%dT%H%M%S%3fZ")));
    std::fs::copy(&evil, &newest).unwrap();
    assert_eq!(backup::list(&backup::dir_for(&path)).unwrap()[0].path, newest.display().to_string());
    let offered = backup::newest_good(&path).unwrap().unwrap();
    assert_eq!(offered.path, good.display().to_string());
    // A table added, or one trigger's text changed, is a changed schema as well.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE scratch (x)").unwrap();
    drop(conn);
    let e = Db::open(&path).err().expect("refused");
    assert!(e.to_string().contains("ændret uden for Pejling"), "{e}");
    // The recovery screen's way out: the newest good backup replaces it, and the changed file
    // is kept aside, never overwritten.
    let info = backup::recovery_info(&path, e.to_api(Lang::Da)).unwrap();
    assert_eq!(info.backups[0].path, good.display().to_string(), "only good backups are offered");
    let lock = InstanceLock::acquire(&path).unwrap();
    let aside = backup::restore(&good, &path, &lock).unwrap().expect("kept aside");
    assert!(aside.display().to_string().contains(".damaged-"), "{}", aside.display());
    let kept = rusqlite::Connection::open(&aside).unwrap();
    let _: i64 = kept.query_row("SELECT count(*) FROM scratch", [], |r| r.get(0)).unwrap();
    drop(kept);
    Db::open(&path).unwrap();
}

#[test]
fn every_connection_is_hardened_and_an_ordinary_edit_still_audits() {
    let dir = tempfile::tempdir().unwrap();
    let (path, meeting) = demo_file(dir.path());
    let mut db = Db::open(&path).unwrap();
    let c = db.connection();
    let trusted: i64 = c.query_row("PRAGMA trusted_schema", [], |r| r.get(0)).unwrap();
    assert_eq!(trusted, 0);
    assert!(c.db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE).unwrap());
    // Defensive mode: the schema cannot be written behind SQLite's back.
    assert!(c.execute_batch("PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = sql;").is_err());
    db.set_actor_with_role("  Birthe Sekretær ", Some(Role::Secretary)).unwrap();
    let item = db.list_agenda_items(meeting).unwrap()[0].id;
    db.update_agenda_item(item, &AgendaItemPatch { title: Some("Dagsordenen godkendes".into()), ..Default::default() })
        .unwrap();
    let e = db.audit_log(meeting).unwrap().into_iter().rev().find(|e| e.entity == "agenda_item").unwrap();
    assert_eq!((e.actor.as_str(), e.actor_role), ("Birthe Sekretær", Some(Role::Secretary)));
    assert!(e.changes.contains("Dagsordenen godkendes"));
    assert_eq!((e.author, e.via_package, e.merged_by), (None, None, None));
}

// ---- 3. approval snapshot, audited people and committees ------------------------------------

/// The demo temamøde with a note, closed and approved by the chair.
fn approved(db: &mut Db) -> (Id, Id, Id) {
    let c = demo::create(db).unwrap();
    let meeting = theme_meeting(db);
    let chair = db.get_committee(c.id).unwrap().members.iter().find(|m| m.role == Role::Chair).unwrap().person_id;
    let case = db.list_agenda_items(meeting).unwrap()[1].id;
    db.save_step_note(case, 0, "Algoritmen bruger data, kommunen allerede har.").unwrap();
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(meeting, s).unwrap();
    }
    db.approve_minutes(meeting, chair).unwrap();
    (c.id, meeting, chair)
}

#[test]
fn the_approval_stores_a_snapshot_and_its_fingerprint_covers_it() {
    let mut db = Db::open_in_memory().unwrap();
    let (committee, meeting, chair) = approved(&mut db);
    let (plain, deflated, fingerprint): (Option<String>, Vec<u8>, String) = db
        .connection()
        .query_row(
            "SELECT snapshot, snapshot_deflated, fingerprint FROM minutes_approval WHERE meeting_id = ?1",
            [meeting],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    // Stored deflated (RFC 1951, any inflater reads it), never as plain text as well.
    assert_eq!(plain, None);
    let snapshot = inflate(&deflated);
    assert!(deflated.len() * 2 < snapshot.len(), "{} bytes for {}", deflated.len(), snapshot.len());
    assert_eq!(pejling::minutes::sha256_hex(snapshot.as_bytes()), fingerprint);
    let s: serde_json::Value = serde_json::from_str(&snapshot).unwrap();
    assert_eq!(s["format"], 3);
    assert_eq!(s["committee"]["name"], db.get_committee(committee).unwrap().committee.name);
    let chair_name = db.list_members(committee).unwrap().into_iter().find(|m| m.person_id == chair).unwrap().name;
    assert_eq!(s["people"][chair.to_string()]["name"], chair_name);
    assert_eq!(s["people"][chair.to_string()]["role"], "chair");
    assert!(snapshot.contains("Algoritmen bruger data"), "every field of the record");
    let audit = db.audit_log(meeting).unwrap();
    assert!(audit.iter().any(|e| e.entity == "minutes_approval" && e.changes.contains(&fingerprint)));
}

fn inflate(bytes: &[u8]) -> String {
    let mut out = String::new();
    std::io::Read::read_to_string(&mut flate2::read::DeflateDecoder::new(bytes), &mut out).unwrap();
    out
}

fn deflate(text: &str) -> Vec<u8> {
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    std::io::Write::write_all(&mut e, text.as_bytes()).unwrap();
    e.finish().unwrap()
}

/// A snapshot changed behind the app's back — one that no longer inflates, or one that
/// inflates to other text — is reported as not intact, never as approved and unchanged.
#[test]
fn a_damaged_or_altered_snapshot_is_reported() {
    let mut db = Db::open_in_memory().unwrap();
    let (_, meeting, _) = approved(&mut db);
    let deflated: Vec<u8> = db
        .connection()
        .query_row("SELECT snapshot_deflated FROM minutes_approval WHERE meeting_id = ?1", [meeting], |r| r.get(0))
        .unwrap();
    let altered = deflate(&inflate(&deflated).replace("Algoritmen bruger data", "Algoritmen bruger andre data"));
    for bad in [deflated[..deflated.len() / 2].to_vec(), altered] {
        // Another program's write: around the trigger that keeps approvals permanent.
        db.connection().execute_batch("DROP TRIGGER minutes_approval_permanent_u;").unwrap();
        db.connection()
            .execute(
                "UPDATE minutes_approval SET snapshot_deflated = ?1 WHERE meeting_id = ?2",
                rusqlite::params![bad, meeting],
            )
            .unwrap();
        db.connection()
            .execute_batch(
                "CREATE TRIGGER minutes_approval_permanent_u BEFORE UPDATE ON minutes_approval
                 BEGIN SELECT RAISE(ABORT, 'minutes approvals are permanent'); END;",
            )
            .unwrap();
        let r = db.verify_minutes(meeting).unwrap();
        assert!(r.approved && !r.snapshot_intact, "{r:?}");
    }
}

#[test]
fn renaming_a_member_or_the_committee_never_breaks_approved_minutes_and_is_audited() {
    let mut db = Db::open_in_memory().unwrap();
    let (committee, meeting, chair) = approved(&mut db);
    db.set_actor_with_role("Birthe Sekretær", Some(Role::Secretary)).unwrap();
    let old = db.list_members(committee).unwrap().into_iter().find(|m| m.person_id == chair).unwrap().name;
    db.update_member(committee, chair, &MemberPatch { name: Some("Gift Navnesen".into()), ..Default::default() })
        .unwrap();
    db.update_committee(
        committee,
        &CommitteePatch { name: Some("Digitaliseringsudvalget".into()), ..Default::default() },
    )
    .unwrap();
    let r = db.verify_minutes(meeting).unwrap();
    assert!(r.approved && r.unchanged && r.snapshot_intact, "{r:?}");
    assert!(r.differences.is_empty(), "{:?}", r.differences);
    assert!(
        r.renamed
            .iter()
            .any(|d| d.path == format!("people.{chair}.name") && d.approved == old && d.current == "Gift Navnesen"),
        "{:?}",
        r.renamed
    );
    assert!(r.renamed.iter().any(|d| d.path == "committee.name"), "{:?}", r.renamed);
    assert_eq!(r.current_fingerprint, r.approved_fingerprint.clone().unwrap());
    // The renames are in the audit log, with who made them.
    let person = db.audit_log_of("person", chair).unwrap();
    let rename = person.iter().find(|e| e.action == "update").expect("the rename is audited");
    assert!(rename.changes.contains("Gift Navnesen"));
    assert_eq!((rename.actor.as_str(), rename.actor_role), ("Birthe Sekretær", Some(Role::Secretary)));
    let c = db.audit_log_of("committee", committee).unwrap();
    assert!(c.iter().any(|e| e.action == "update" && e.changes.contains("Digitaliseringsudvalget")));
    // Memberships too.
    let newcomer =
        db.add_member(committee, &NewMember { name: "Ny Politiker".into(), role: Role::Member, party: None }).unwrap();
    db.update_member(committee, newcomer.person_id, &MemberPatch { role: Some(Role::ViceChair), ..Default::default() })
        .unwrap();
    db.remove_member(committee, newcomer.person_id).unwrap();
    let m: Vec<String> =
        db.audit_log_of("membership", newcomer.person_id).unwrap().into_iter().map(|e| e.action).collect();
    assert_eq!(m, ["insert", "update", "delete"]);
    assert!(db.verify_minutes(meeting).unwrap().unchanged);
}

#[test]
fn the_approved_referat_keeps_the_names_it_was_approved_with() {
    let mut db = Db::open_in_memory().unwrap();
    let (committee, meeting, chair) = approved(&mut db);
    let old = db.list_members(committee).unwrap().into_iter().find(|m| m.person_id == chair).unwrap().name;
    let old_committee = db.get_committee(committee).unwrap().committee.name;
    db.update_member(committee, chair, &MemberPatch { name: Some("Gift Navnesen".into()), ..Default::default() })
        .unwrap();
    db.update_committee(
        committee,
        &CommitteePatch { name: Some("Digitaliseringsudvalget".into()), ..Default::default() },
    )
    .unwrap();
    let md = String::from_utf8(
        db.export(meeting, documents::DocKind::Minutes, documents::Format::Md, documents::Audience::Internal, Lang::Da)
            .unwrap(),
    )
    .unwrap();
    assert!(md.contains(&old) && !md.contains("Gift Navnesen"), "{md}");
    assert!(md.contains(&old_committee) && !md.contains("Digitaliseringsudvalget"), "{md}");
    // The agenda of a meeting not yet approved uses the names as they are.
    let agenda = String::from_utf8(
        db.export(meeting, documents::DocKind::Agenda, documents::Format::Md, documents::Audience::Internal, Lang::Da)
            .unwrap(),
    )
    .unwrap();
    assert!(agenda.contains("Digitaliseringsudvalget"), "{agenda}");
}

#[test]
fn verify_says_what_differs_from_the_approved_minutes() {
    let mut db = Db::open_in_memory().unwrap();
    let (_, meeting, _) = approved(&mut db);
    let item = db.list_agenda_items(meeting).unwrap()[0].id;
    db.connection().execute("UPDATE agenda_item SET decision = 'Noget helt andet' WHERE id = ?1", [item]).unwrap();
    let r = db.verify_minutes(meeting).unwrap();
    assert!(r.approved && !r.unchanged && r.snapshot_intact);
    assert_eq!(r.differences.len(), 1, "{:?}", r.differences);
    assert_eq!(r.differences[0].path, "items[0].decision");
    assert_eq!(r.differences[0].current, "Noget helt andet");
    assert_ne!(r.current_fingerprint, r.approved_fingerprint.unwrap());
}

#[test]
fn a_person_named_in_approved_minutes_is_kept() {
    let mut db = Db::open_in_memory().unwrap();
    let (_, _, chair) = approved(&mut db);
    let e = db.connection().execute("DELETE FROM person WHERE id = ?1", [chair]).unwrap_err();
    assert!(e.to_string().contains("approved minutes"), "{e}");
}

// ---- 4. package provenance and memberships ---------------------------------------------------

#[test]
fn a_padded_author_cannot_cut_off_a_merged_changes_provenance() {
    let mut origin = Db::open_in_memory().unwrap();
    origin.set_actor("Sekretær Hansen").unwrap();
    demo::create(&mut origin).unwrap();
    let meeting = theme_meeting(&origin);
    let case = origin.list_agenda_items(meeting).unwrap()[1].id;
    let package = serde_json::to_vec(&origin.export_package(meeting, false).unwrap()).unwrap();
    let mut laptop = Db::open_in_memory().unwrap();
    laptop.set_actor("sofie").unwrap();
    let imported = laptop.import_package(&package).unwrap();
    let l_case = laptop.list_agenda_items(imported.meeting_id).unwrap()[1].id;
    laptop.save_step_note(l_case, 0, "Skrevet på den bærbare").unwrap();
    let mut back = serde_json::to_value(laptop.export_package(imported.meeting_id, false).unwrap()).unwrap();
    // 600 trailing spaces: checked trimmed, used trimmed.
    let padded = format!("sofie{}", " ".repeat(600));
    for n in back["records"]["notes"].as_array_mut().unwrap() {
        n["by"] = serde_json::Value::from(padded.clone());
    }
    let back = serde_json::to_vec(&back).unwrap();
    let preview = origin.preview_package_merge(&back).unwrap();
    assert!(preview.changes.iter().all(|c| c.changed_by == "sofie"), "{:?}", preview.changes);
    origin.merge_package(&back, &[]).unwrap();
    assert_eq!(origin.step_note(case, 0).unwrap(), "Skrevet på den bærbare");
    let e = origin.audit_log(meeting).unwrap().into_iter().rev().find(|e| e.entity == "step_note").unwrap();
    assert_eq!(e.actor, "Sekretær Hansen", "made here by who merged it");
    assert_eq!(e.author.as_deref(), Some("sofie"));
    assert_eq!(e.via_package.as_deref(), Some(preview.source.as_str()));
    assert_eq!(e.merged_by.as_deref(), Some("Sekretær Hansen"));
}

#[test]
fn a_package_never_changes_an_existing_committees_members_without_confirmation() {
    let mut origin = Db::open_in_memory().unwrap();
    let c = demo::create_without_history_on(&mut origin, chrono::Local::now().date_naive()).unwrap();
    // Meetings still open to changes (the demo's history has approved, locked ones too).
    let meetings: Vec<Id> = origin
        .list_meetings(Some(c.id))
        .unwrap()
        .into_iter()
        .filter(|m| m.status != pejling::MeetingStatus::MinutesApproved)
        .map(|m| m.id)
        .collect();
    assert!(meetings.len() >= 2, "the demo has more than one open meeting");
    let mut laptop = Db::open_in_memory().unwrap();
    laptop.import_package(&serde_json::to_vec(&origin.export_package(meetings[0], false).unwrap()).unwrap()).unwrap();
    let here = laptop.list_committees().unwrap()[0].id;
    let members_before = laptop.list_members(here).unwrap();
    // Back on the original machine the committee gets a second chair; a package of another
    // meeting carries the committee's id.
    origin.add_member(c.id, &NewMember { name: "Anden Formand".into(), role: Role::Chair, party: None }).unwrap();
    let package = serde_json::to_vec(&origin.export_package(meetings[1], false).unwrap()).unwrap();
    let changes = laptop.package_member_changes(&package).unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!((changes[0].name.as_str(), changes[0].from, changes[0].to), ("Anden Formand", None, Role::Chair));
    let e = laptop.import_package(&package).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Conflict);
    assert!(
        e.to_string().contains("Anden Formand tilføjes som formand") && e.to_string().contains("Intet er indlæst"),
        "{e}"
    );
    assert_eq!(laptop.list_members(here).unwrap(), members_before, "nothing changed");
    assert_eq!(laptop.list_meetings(Some(here)).unwrap().len(), 1, "nothing imported");
    // Confirmed: imported, the new member added, and audited.
    laptop.set_actor("Birthe Sekretær").unwrap();
    laptop.import_package_confirmed(&package, true).unwrap();
    let added = laptop.list_members(here).unwrap().into_iter().find(|m| m.name == "Anden Formand").unwrap();
    let audit = laptop.audit_log_of("membership", added.person_id).unwrap();
    assert!(audit.iter().any(|e| e.action == "insert" && e.actor == "Birthe Sekretær"), "{audit:?}");
}

// ---- 6. backups ------------------------------------------------------------------------------

#[test]
fn a_failed_backup_never_fails_closing_a_meeting() {
    let dir = tempfile::tempdir().unwrap();
    let (path, meeting) = demo_file(dir.path());
    // The backups directory cannot be made: a file is in its place.
    let _ = std::fs::remove_dir_all(backup::dir_for(&path));
    std::fs::write(backup::dir_for(&path), b"not a directory").unwrap();
    let mut db = Db::open(&path).unwrap();
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(meeting, s).unwrap();
    }
    drop(db);
    let db = Db::open(&path).unwrap();
    assert_eq!(db.get_meeting(meeting).unwrap().meeting.status, MeetingStatus::Closed, "the close is committed");
}

#[test]
fn a_backup_is_one_consistent_copy_while_another_connection_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (path, meeting) = demo_file(dir.path());
    let db = Db::open(&path).unwrap();
    let writer_path = path.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let stop2 = stop.clone();
    let writer = std::thread::spawn(move || {
        let mut w = Db::open(&writer_path).unwrap();
        let item = w.list_agenda_items(meeting).unwrap()[0].id;
        let mut n = 0;
        while !stop2.load(std::sync::atomic::Ordering::Relaxed) {
            n += 1;
            w.update_agenda_item(
                item,
                &AgendaItemPatch { summary: Some(format!("Skrivning {n}")), ..Default::default() },
            )
            .unwrap();
        }
        n
    });
    std::thread::sleep(Duration::from_millis(100));
    let started = std::time::Instant::now();
    let written = db.auto_backup(Reason::Manual).unwrap().unwrap();
    let took = started.elapsed();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let writes = writer.join().unwrap();
    assert!(writes > 0);
    assert!(took < Duration::from_secs(10), "the backup took {took:?}");
    backup::verify(&written).unwrap();
}

// ---- 7. the command line: who is writing, approve, audit ------------------------------------

#[test]
fn cli_as_and_role_are_recorded_and_audit_shows_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.sqlite3");
    let (ok, _, err) = pejling(&db, &["--as", "Birthe Sekretær", "--role", "sekretær", "demo"], &[]);
    assert!(ok, "{err}");
    let (ok, out, _) = pejling(&db, &["meetings", "--json"], &[]);
    assert!(ok);
    let meetings: serde_json::Value = serde_json::from_str(&out).unwrap();
    let id = meetings[0]["id"].as_i64().unwrap().to_string();
    let (ok, out, err) = pejling(&db, &["audit", &id], &[]);
    assert!(ok, "{err}");
    assert!(out.contains("Birthe Sekretær (sekretær)"), "{out}");
    let (ok, out, _) = pejling(&db, &["audit", &id, "--json"], &[]);
    assert!(ok);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log[0]["actor"], "Birthe Sekretær");
    assert_eq!(log[0]["actor_role"], "secretary");
    // PEJLING_AS does the same; a role nobody knows is refused in Danish.
    let (ok, _, err) = pejling(&db, &["demo"], &[("PEJLING_AS", "Formand Jensen"), ("PEJLING_ROLE", "borgmester")]);
    assert!(!ok && err.contains("\"borgmester\" er ikke en rolle"), "{err}");
    // Without --as: this machine's identity.
    let identity = dir.path().join("identity.json");
    pejling::identity::save_to(
        &identity,
        &pejling::identity::Identity { name: "Karen Formand".into(), role: Role::Chair },
    )
    .unwrap();
    let other = dir.path().join("q.sqlite3");
    let (ok, _, err) = pejling(&other, &["demo"], &[("PEJLING_IDENTITY", identity.to_str().unwrap())]);
    assert!(ok, "{err}");
    let conn = rusqlite::Connection::open(&other).unwrap();
    let (actor, role): (String, String) = conn
        .query_row("SELECT actor, actor_role FROM audit_log ORDER BY id DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((actor.as_str(), role.as_str()), ("Karen Formand", "chair"));
}

#[test]
fn cli_approve_approves_as_the_app_does() {
    let dir = tempfile::tempdir().unwrap();
    let (path, meeting) = demo_file(dir.path());
    let (chair, member) = {
        let mut db = Db::open(&path).unwrap();
        for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
            db.set_meeting_status(meeting, s).unwrap();
        }
        let committee = db.get_meeting(meeting).unwrap().committee.id;
        let members = db.list_members(committee).unwrap();
        let name = |r: Role| members.iter().find(|m| m.role == r).unwrap().name.clone();
        let names = (name(Role::Chair), name(Role::Member));
        db.close().unwrap();
        names
    };
    let id = meeting.to_string();
    let (ok, _, err) = pejling(&path, &["approve", &id, "--by", "Ingen Kendt"], &[]);
    assert!(!ok && err.contains("Ingen i udvalget hedder \"Ingen Kendt\""), "{err}");
    let (ok, _, err) = pejling(&path, &["approve", &id, "--by", &chair, "--role", "medlem"], &[]);
    assert!(!ok && err.contains("er formand i udvalget, ikke medlem"), "{err}");
    let (ok, out, err) =
        pejling(&path, &["approve", &id, "--by", &format!("  {}  ", chair.to_uppercase()), "--role", "formand"], &[]);
    assert!(ok, "{err}");
    assert!(out.contains(&format!("Referatet er godkendt af {chair} (formand)")), "{out}");
    let (ok, out, _) = pejling(&path, &["verify", &id], &[]);
    assert!(ok && out.contains("uændret"), "{out}");
    // A second approver, working as the secretary who runs the script.
    let (ok, _, err) =
        pejling(&path, &["--as", "Birthe Sekretær", "--role", "sekretær", "approve", &id, "--by", &member], &[]);
    assert!(ok, "{err}");
    let (ok, out, _) = pejling(&path, &["audit", &id], &[]);
    assert!(ok);
    let approvals: Vec<&str> = out.lines().filter(|l| l.contains("minutes_approval")).collect();
    assert_eq!(approvals.len(), 2, "{out}");
    assert!(approvals[0].contains(&format!("{chair} (formand)")), "{out}");
    assert!(approvals[1].contains("Birthe Sekretær (sekretær)"), "{out}");
    // A rename since is listed apart and changes nothing; a changed decision is named.
    {
        let mut db = Db::open(&path).unwrap();
        let committee = db.get_meeting(meeting).unwrap().committee.id;
        let chair_id = db.list_members(committee).unwrap().into_iter().find(|m| m.name == chair).unwrap().person_id;
        db.update_member(
            committee,
            chair_id,
            &MemberPatch { name: Some("Gift Navnesen".into()), ..Default::default() },
        )
        .unwrap();
        db.close().unwrap();
    }
    let (ok, out, _) = pejling(&path, &["verify", &id], &[]);
    assert!(ok && out.contains("Navne ændret siden godkendelsen") && out.contains("Gift Navnesen"), "{out}");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute(
        "UPDATE agenda_item SET decision = 'Ændret bagefter' WHERE meeting_id = ?1 AND position = 0",
        [meeting],
    )
    .unwrap_err(); // the audit trigger needs the app's functions: another tool cannot even do this
    drop(conn);
    let (ok, out, err) = pejling(&path, &["verify", &id], &[]);
    assert!(ok, "{out}{err}");
}

/// The figure behind finding 7: a backup in 4096-page steps on one connection restarts
/// whenever another connection writes between its steps; one step from a read connection of
/// its own does not. `cargo test -p pejling --test it -- --ignored --nocapture integrity::backup_timing`.
#[test]
#[ignore = "a measurement, not a check"]
fn backup_timing_under_writes_from_another_connection() {
    use rusqlite::backup::{Backup, StepResult};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stor.sqlite3");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE t (id INTEGER PRIMARY KEY, x BLOB);").unwrap();
    conn.execute_batch("BEGIN; WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25000) INSERT INTO t (x) SELECT randomblob(4000) FROM n; COMMIT;").unwrap();
    let bytes = std::fs::metadata(&path).unwrap().len()
        + std::fs::metadata(format!("{}-wal", path.display())).map(|m| m.len()).unwrap_or(0);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let (p, s) = (path.clone(), stop.clone());
    // About nine writes a second, as a live session with a full committee.
    let writer = std::thread::spawn(move || {
        let w = rusqlite::Connection::open(&p).unwrap();
        w.busy_timeout(Duration::from_secs(5)).unwrap();
        let mut n = 0;
        while !s.load(std::sync::atomic::Ordering::Relaxed) {
            w.execute("UPDATE t SET x = randomblob(4000) WHERE id = ?1", [1 + n % 1000]).unwrap();
            n += 1;
            std::thread::sleep(Duration::from_millis(110));
        }
        n
    });
    let limit = Duration::from_secs(30);
    let started = std::time::Instant::now();
    let mut out = rusqlite::Connection::open(dir.path().join("old.sqlite3")).unwrap();
    let mut finished = false;
    {
        let b = Backup::new(&conn, &mut out).unwrap();
        while started.elapsed() < limit {
            match b.step(4096).unwrap() {
                StepResult::Done => {
                    finished = true;
                    break;
                }
                _ => std::thread::sleep(Duration::from_millis(5)),
            }
        }
    }
    let old = started.elapsed();
    let started = std::time::Instant::now();
    let read = rusqlite::Connection::open(&path).unwrap();
    backup::copy_to(&read, &dir.path().join("new.sqlite3")).unwrap();
    let new = started.elapsed();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let writes = writer.join().unwrap();
    println!(
        "{} MB, {writes} writes from another connection: 4096-page steps {} after {old:.1?}; one step from its own connection {new:.1?}",
        bytes / 1_000_000,
        if finished { "finished" } else { "had not finished" }
    );
}

/// What the schema check costs: the first open in a process builds the expected schema (the
/// migrations on an in-memory database), later opens only read `sqlite_schema`.
/// `cargo test -p pejling --test it -- --ignored --nocapture integrity::schema_check_timing`.
#[test]
#[ignore = "a measurement, not a check"]
fn schema_check_timing() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = demo_file(dir.path());
    let time = || {
        let t = std::time::Instant::now();
        Db::open(&path).unwrap().close().unwrap();
        t.elapsed()
    };
    let first = time();
    let later: Vec<_> = (0..20).map(|_| time()).collect();
    let conn = rusqlite::Connection::open(&path).unwrap();
    let t = std::time::Instant::now();
    for _ in 0..20 {
        let _: Vec<String> = conn
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema")
            .unwrap()
            .query_map([], |r| {
                r.get::<_, Option<String>>(3).map(|s| pejling::store::schema::normalise_sql(&s.unwrap_or_default()))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
    }
    println!(
        "first open in the process {first:.1?}; later opens median {:.1?}; reading and normalising the schema {:.2?}",
        {
            let mut l = later.clone();
            l.sort();
            l[10]
        },
        t.elapsed() / 20
    );
}
