//! Pejling's desktop shell.
//!
//! Every command here is a thin adapter: one call into the `pejling` core and a `?`. All
//! rules live in the core, where they are tested without a webview. Errors cross to the UI
//! as `ApiError` (`{kind, message, field, key, args}`), never as bare strings. The TypeScript
//! for these commands is generated into `ui/src/lib/bindings.ts` by tauri-specta; a test
//! fails when the committed file is stale.

use std::path::PathBuf;
use std::sync::Mutex;

use pejling::backup::{self, BackupFile, RecoveryInfo};
use pejling::documents::{Audience, DocKind, Format};
use pejling::minutes::{Amendment, Approval, AuditEntry, VerifyReport};
use pejling::store::RoomView;
use pejling::Lang;
use pejling::{
    AgendaItem, AgendaItemPatch, ApiError, Attendance, AttendanceEntry, Committee, CommitteeDetail, CommitteePatch,
    ContinuumResult, Db, Error, FollowUp, FollowUpItem, FollowUpList, FollowUpOffer, FollowUpPatch, Id, Meeting,
    MeetingAttendance, MeetingDetail, MeetingGuest, MeetingPatch, MeetingStatus, Member, MemberPatch, NewCommittee,
    NewFollowUp, NewMeeting, NewMember, Person, PositionHistory, PositionInput, QuestionSet, QuestionSetSummary, Role,
    SearchHit, Walk, WalkPlan, WalkState, WalkSummary, WorkspaceStatus,
};
use tauri::State;

/// The open workspace, or why it could not be opened (then the UI shows the recovery screen).
pub struct AppState {
    path: PathBuf,
    db: Mutex<Result<Db, ApiError>>,
    /// This app's claim on the database file; `None` when another Pejling has it open (then
    /// nothing here touches the file: no open, no backup, no restore).
    instance: Option<pejling::instance::InstanceLock>,
    /// The start-up backup, taken on its own thread and connection after the workspace opens.
    start_backup: Mutex<Option<std::thread::JoinHandle<()>>>,
}

/// Lower the calling thread to background priority (CPU nice 19, idle I/O class), so the
/// start-up backup of a large archive does not compete with the window's first paint. Linux
/// only; elsewhere the thread keeps normal priority. Failure is harmless and ignored.
fn background_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: both calls only change the scheduling of the calling thread (its own tid);
    // no memory is passed or touched.
    unsafe {
        let tid = libc::gettid();
        libc::setpriority(libc::PRIO_PROCESS, tid as libc::id_t, 19);
        const IOPRIO_WHO_PROCESS: libc::c_long = 1;
        const IOPRIO_CLASS_IDLE: libc::c_long = 3;
        libc::syscall(libc::SYS_ioprio_set, IOPRIO_WHO_PROCESS, tid as libc::c_long, IOPRIO_CLASS_IDLE << 13);
    }
}

impl AppState {
    /// Claim the database, open it and start the start-up backup. The backup of a large
    /// archive takes seconds, so it runs on a thread of its own with its own read connection
    /// (a WAL reader never blocks the app's writes) while the window shows the workspace. A
    /// failed start backup is reported on stderr; the backups list shows which exist. The
    /// backup before a migration stays inside `Db::open`: it must precede the migration.
    pub fn open(path: PathBuf) -> AppState {
        let instance = pejling::instance::InstanceLock::acquire(&path);
        let db = match &instance {
            Ok(_) => Db::open(&path),
            Err(e) => Err(Error::Conflict(e.message())),
        };
        let start_backup = db.is_ok().then(|| {
            let path = path.clone();
            std::thread::spawn(move || {
                background_priority();
                if let Err(e) = backup::auto_backup_file(&path, backup::Reason::Start) {
                    eprintln!("Pejling: the start-up backup failed: {}", ApiError::from(e).message);
                }
            })
        });
        AppState {
            db: Mutex::new(db.map_err(ApiError::from)),
            path,
            instance: instance.ok(),
            start_backup: Mutex::new(start_backup),
        }
    }

    /// Wait until the start-up backup (if one was started) has finished.
    fn wait_for_start_backup(&self) {
        let handle = self.start_backup.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some(handle) = handle {
            let _ = handle.join();
        }
    }

    /// Refuse to replace a database that another Pejling has open.
    fn ensure_owner(&self) -> Res<()> {
        if self.instance.is_some() {
            return Ok(());
        }
        Err(Error::Conflict(pejling::error::Message::new("error-database-in-use").arg("path", self.path.display()))
            .into())
    }

    /// One of this database's automatic backups, by the path the UI got from `list_backups`
    /// (the webview never names an arbitrary file to read).
    fn listed_backup(&self, path: &str) -> Res<PathBuf> {
        let listed = backup::list(&backup::dir_for(&self.path))?;
        match listed.into_iter().find(|b| b.path == path) {
            Some(b) => Ok(PathBuf::from(b.path)),
            None => {
                Err(Error::NotAPejlingDatabase { path: path.to_owned(), detail: "not a listed backup".into() }.into())
            }
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Result<Db, ApiError>> {
        // A panic while holding the lock cannot leave a half-written transaction behind
        // (SQLite rolls it back), so a poisoned lock is safe to take over.
        self.db.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// `None` when the workspace is open; otherwise why not and which backups would open.
    fn recovery(&self) -> Res<Option<RecoveryInfo>> {
        match self.lock().as_ref() {
            Ok(_) => Ok(None),
            Err(e) => Ok(Some(backup::recovery_info(&self.path, e.clone())?)),
        }
    }

    /// Only for a workspace that failed to open: keep its file aside, open an empty one.
    fn start_fresh(&self) -> Res<WorkspaceStatus> {
        if self.lock().is_ok() {
            return Err(Error::Conflict(pejling::error::Message::new("error-workspace-is-open")).into());
        }
        self.reopen_after(|db| backup::set_aside(db).map(drop))
    }

    /// Close the workspace, let `f` replace the file, and open it again.
    fn reopen_after(&self, f: impl FnOnce(&std::path::Path) -> pejling::Result<()>) -> Res<WorkspaceStatus> {
        self.ensure_owner()?;
        // The file is about to be replaced: not while the start backup still reads it.
        self.wait_for_start_backup();
        let mut guard = self.lock();
        *guard = Err(Error::Io(std::io::Error::other("closed for restore")).into());
        let result = f(&self.path);
        *guard = Db::open(&self.path).map_err(ApiError::from);
        result?;
        match guard.as_ref() {
            Ok(db) => Ok(db.workspace_status()?),
            Err(e) => Err(e.clone()),
        }
    }

    /// Close the workspace cleanly when the app exits (see `pejling::store::clean`): the
    /// next start may then skip the page check. Only on `RunEvent::Exit` — an app that
    /// panics or is killed leaves no marker, and the next start checks every page.
    fn close(&self) {
        // A start backup still running would keep the WAL from being checkpointed; let it
        // finish (it is a safety copy of legal records) and then close.
        self.wait_for_start_backup();
        let mut guard = self.lock();
        let db = std::mem::replace(&mut *guard, Err(Error::Io(std::io::Error::other("closed")).into()));
        if let Ok(db) = db {
            if let Err(e) = db.close() {
                eprintln!("Pejling: {}", ApiError::from(e).message);
            }
        }
    }

    /// Run one core call on the database.
    fn with<T>(&self, f: impl FnOnce(&mut Db) -> pejling::Result<T>) -> Result<T, ApiError> {
        let mut guard = self.lock();
        match guard.as_mut() {
            Ok(db) => Ok(f(db)?),
            Err(e) => Err(e.clone()),
        }
    }
}

type Res<T> = Result<T, ApiError>;

#[tauri::command(async)]
#[specta::specta]
fn workspace_status(state: State<'_, AppState>) -> Res<WorkspaceStatus> {
    state.with(|db| db.workspace_status())
}

#[tauri::command(async)]
#[specta::specta]
fn create_demo(state: State<'_, AppState>) -> Res<Committee> {
    state.with(pejling::demo::create)
}

#[tauri::command(async)]
#[specta::specta]
fn list_committees(state: State<'_, AppState>) -> Res<Vec<Committee>> {
    state.with(|db| db.list_committees())
}

#[tauri::command(async)]
#[specta::specta]
fn get_committee(state: State<'_, AppState>, id: Id) -> Res<CommitteeDetail> {
    state.with(|db| db.get_committee(id))
}

#[tauri::command(async)]
#[specta::specta]
fn create_committee(state: State<'_, AppState>, input: NewCommittee) -> Res<Committee> {
    state.with(|db| db.create_committee(&input))
}

#[tauri::command(async)]
#[specta::specta]
fn update_committee(state: State<'_, AppState>, id: Id, patch: CommitteePatch) -> Res<Committee> {
    state.with(|db| db.update_committee(id, &patch))
}

#[tauri::command(async)]
#[specta::specta]
fn delete_committee(state: State<'_, AppState>, id: Id) -> Res<()> {
    state.with(|db| db.delete_committee(id))
}

#[tauri::command(async)]
#[specta::specta]
fn list_people(state: State<'_, AppState>) -> Res<Vec<Person>> {
    state.with(|db| db.list_people())
}

#[tauri::command(async)]
#[specta::specta]
fn add_member(state: State<'_, AppState>, committee_id: Id, input: NewMember) -> Res<Member> {
    state.with(|db| db.add_member(committee_id, &input))
}

#[tauri::command(async)]
#[specta::specta]
fn add_existing_member(state: State<'_, AppState>, committee_id: Id, person_id: Id, role: Role) -> Res<Member> {
    state.with(|db| db.add_existing_member(committee_id, person_id, role))
}

#[tauri::command(async)]
#[specta::specta]
fn update_member(state: State<'_, AppState>, committee_id: Id, person_id: Id, patch: MemberPatch) -> Res<Member> {
    state.with(|db| db.update_member(committee_id, person_id, &patch))
}

#[tauri::command(async)]
#[specta::specta]
fn remove_member(state: State<'_, AppState>, committee_id: Id, person_id: Id) -> Res<()> {
    state.with(|db| db.remove_member(committee_id, person_id))
}

#[tauri::command(async)]
#[specta::specta]
fn create_meeting(state: State<'_, AppState>, input: NewMeeting) -> Res<Meeting> {
    state.with(|db| db.create_meeting(&input))
}

#[tauri::command(async)]
#[specta::specta]
fn update_meeting(state: State<'_, AppState>, id: Id, patch: MeetingPatch) -> Res<Meeting> {
    state.with(|db| db.update_meeting(id, &patch))
}

/// "Mødet påbegyndt kl.": the meeting began now (the secretary's one key press).
#[tauri::command(async)]
#[specta::specta]
fn mark_meeting_began(state: State<'_, AppState>, meeting_id: Id) -> Res<Meeting> {
    state.with(|db| db.mark_meeting_began(meeting_id))
}

/// "Protokollen blev læst og mødet hævet kl.": the meeting was adjourned now.
#[tauri::command(async)]
#[specta::specta]
fn mark_meeting_adjourned(state: State<'_, AppState>, meeting_id: Id) -> Res<Meeting> {
    state.with(|db| db.mark_meeting_adjourned(meeting_id))
}

#[tauri::command(async)]
#[specta::specta]
fn set_meeting_status(state: State<'_, AppState>, id: Id, status: MeetingStatus) -> Res<Meeting> {
    state.with(|db| db.set_meeting_status(id, status))
}

#[tauri::command(async)]
#[specta::specta]
fn delete_meeting(state: State<'_, AppState>, id: Id) -> Res<()> {
    state.with(|db| db.delete_meeting(id))
}

#[tauri::command(async)]
#[specta::specta]
fn get_meeting(state: State<'_, AppState>, id: Id) -> Res<MeetingDetail> {
    state.with(|db| db.get_meeting(id))
}

#[tauri::command(async)]
#[specta::specta]
fn add_agenda_item(state: State<'_, AppState>, meeting_id: Id, title: String) -> Res<AgendaItem> {
    state.with(|db| db.add_agenda_item(meeting_id, &title))
}

#[tauri::command(async)]
#[specta::specta]
fn update_agenda_item(state: State<'_, AppState>, id: Id, patch: AgendaItemPatch) -> Res<AgendaItem> {
    state.with(|db| db.update_agenda_item(id, &patch))
}

#[tauri::command(async)]
#[specta::specta]
fn move_agenda_item(state: State<'_, AppState>, id: Id, to_number: u32) -> Res<Vec<AgendaItem>> {
    state.with(|db| db.move_agenda_item(id, to_number))
}

#[tauri::command(async)]
#[specta::specta]
fn delete_agenda_item(state: State<'_, AppState>, id: Id) -> Res<Vec<AgendaItem>> {
    state.with(|db| db.delete_agenda_item(id))
}

#[tauri::command(async)]
#[specta::specta]
fn recovery_info(state: State<'_, AppState>) -> Res<Option<RecoveryInfo>> {
    state.recovery()
}

#[tauri::command(async)]
#[specta::specta]
fn list_backups(state: State<'_, AppState>) -> Res<Vec<BackupFile>> {
    Ok(backup::list(&backup::dir_for(&state.path))?)
}

/// Replace the workspace with a backup (the current file is backed up or, if damaged, kept
/// aside first).
#[tauri::command(async)]
#[specta::specta]
fn restore_backup(state: State<'_, AppState>, path: String) -> Res<WorkspaceStatus> {
    let from = state.listed_backup(&path)?;
    state.reopen_after(|db| backup::restore(&from, db).map(drop))
}

/// Let the user choose a backup file anywhere (the native open dialog runs here, so the
/// webview never gets file-system access) and restore it as the restore from the list does.
/// `None` when the user cancelled.
#[tauri::command(async)]
#[specta::specta]
fn restore_backup_from_file(app: tauri::AppHandle, state: State<'_, AppState>) -> Res<Option<WorkspaceStatus>> {
    use tauri_plugin_dialog::DialogExt;
    state.ensure_owner()?;
    let Some(chosen) = app.dialog().file().add_filter("SQLite", &["sqlite3", "sqlite", "db"]).blocking_pick_file()
    else {
        return Ok(None);
    };
    let from = chosen.into_path().map_err(|e| ApiError::from(Error::Io(std::io::Error::other(e.to_string()))))?;
    state.reopen_after(|db| backup::restore(&from, db).map(drop)).map(Some)
}

/// Take a backup now (into the backups directory); returns the backups, newest first.
#[tauri::command(async)]
#[specta::specta]
fn backup_now(state: State<'_, AppState>) -> Res<Vec<BackupFile>> {
    state.with(|db| {
        db.auto_backup(backup::Reason::Manual)?;
        backup::list(&backup::dir_for(&state.path))
    })
}

/// Keep a database that does not open aside and start an empty workspace.
#[tauri::command(async)]
#[specta::specta]
fn start_fresh(state: State<'_, AppState>) -> Res<WorkspaceStatus> {
    state.start_fresh()
}

#[tauri::command(async)]
#[specta::specta]
fn approve_minutes(state: State<'_, AppState>, meeting_id: Id, person_id: Id) -> Res<Approval> {
    state.with(|db| db.approve_minutes(meeting_id, person_id))
}

#[tauri::command(async)]
#[specta::specta]
fn list_approvals(state: State<'_, AppState>, meeting_id: Id) -> Res<Vec<Approval>> {
    state.with(|db| db.list_approvals(meeting_id))
}

#[tauri::command(async)]
#[specta::specta]
fn verify_minutes(state: State<'_, AppState>, meeting_id: Id) -> Res<VerifyReport> {
    state.with(|db| db.verify_minutes(meeting_id))
}

#[tauri::command(async)]
#[specta::specta]
fn amend_minutes(
    state: State<'_, AppState>,
    meeting_id: Id,
    agenda_item_id: Option<Id>,
    field: String,
    new_text: String,
    reason: String,
) -> Res<Amendment> {
    state.with(|db| db.amend_minutes(meeting_id, agenda_item_id, &field, &new_text, &reason))
}

#[tauri::command(async)]
#[specta::specta]
fn list_amendments(state: State<'_, AppState>, meeting_id: Id) -> Res<Vec<Amendment>> {
    state.with(|db| db.list_amendments(meeting_id))
}

#[tauri::command(async)]
#[specta::specta]
fn audit_log(state: State<'_, AppState>, meeting_id: Id) -> Res<Vec<AuditEntry>> {
    state.with(|db| db.audit_log(meeting_id))
}

/// Who is working: recorded in the audit log with every change.
#[tauri::command(async)]
#[specta::specta]
fn set_actor(state: State<'_, AppState>, name: String) -> Res<String> {
    state.with(|db| {
        db.set_actor(&name)?;
        Ok(db.actor())
    })
}

#[tauri::command(async)]
#[specta::specta]
fn get_actor(state: State<'_, AppState>) -> Res<String> {
    state.with(|db| Ok(db.actor()))
}

/// Render a document and let the user choose where to save it (the native save dialog runs
/// here, so the webview never gets file-system access). `None` when the user cancelled.
#[tauri::command(async)]
#[specta::specta]
fn export_document(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting_id: Id,
    kind: DocKind,
    format: Format,
    audience: Audience,
    lang: Lang,
) -> Res<Option<String>> {
    let (bytes, name) = state.with(|db| {
        let bytes = db.export(meeting_id, kind, format, audience, lang)?;
        Ok((bytes, db.document_file_name(meeting_id, kind, format)?))
    })?;
    save_with_dialog(&app, &name, &bytes)
}

/// A committee's meetings of one year (or all) as an ICS calendar, saved where the user says.
#[tauri::command(async)]
#[specta::specta]
fn export_calendar(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    committee_id: Id,
    year: Option<i32>,
    lang: Lang,
) -> Res<Option<String>> {
    let text = state.with(|db| db.committee_calendar(committee_id, year, lang))?;
    let name = match year {
        Some(y) => format!("moedekalender-{y}.ics"),
        None => "moedekalender.ics".to_owned(),
    };
    save_with_dialog(&app, &name, text.as_bytes())
}

// ---- question sets ----------------------------------------------------------------------

/// Import a question set from the text of a TOML file (the UI reads the file the user picked).
#[tauri::command(async)]
#[specta::specta]
fn import_question_set(state: State<'_, AppState>, source: String) -> Res<QuestionSetSummary> {
    state.with(|db| db.import_question_set(&source))
}

/// Import a question set from a TOML file the user picks in the native open dialog (run
/// here, so the webview gets no file-system access). `None` when the user cancelled; a
/// malformed file is refused with the line and the problem, and nothing is stored.
#[tauri::command(async)]
#[specta::specta]
fn import_question_set_file(app: tauri::AppHandle, state: State<'_, AppState>) -> Res<Option<QuestionSetSummary>> {
    use tauri_plugin_dialog::DialogExt;
    let Some(picked) = app.dialog().file().add_filter("TOML", &["toml"]).blocking_pick_file() else {
        return Ok(None);
    };
    let path = picked.into_path().map_err(|e| ApiError::from(Error::Io(std::io::Error::other(e.to_string()))))?;
    Ok(Some(state.with(|db| db.import_question_set_file(&path))?))
}

/// The built-in sets, then the imported ones.
#[tauri::command(async)]
#[specta::specta]
fn list_question_sets(state: State<'_, AppState>) -> Res<Vec<QuestionSetSummary>> {
    state.with(|db| db.list_question_sets())
}

#[tauri::command(async)]
#[specta::specta]
fn get_question_set(state: State<'_, AppState>, id: String, version: u32) -> Res<QuestionSet> {
    state.with(|db| db.get_question_set(&id, version))
}

#[tauri::command(async)]
#[specta::specta]
fn question_set_source(state: State<'_, AppState>, id: String, version: u32) -> Res<String> {
    state.with(|db| db.question_set_source(&id, version))
}

// ---- the walk ---------------------------------------------------------------------------

#[tauri::command(async)]
#[specta::specta]
fn set_walk_plan(state: State<'_, AppState>, item_id: Id, plan: WalkPlan) -> Res<Walk> {
    state.with(|db| db.set_walk_plan(item_id, &plan))
}

#[tauri::command(async)]
#[specta::specta]
fn get_walk(state: State<'_, AppState>, item_id: Id) -> Res<Walk> {
    state.with(|db| db.get_walk(item_id))
}

#[tauri::command(async)]
#[specta::specta]
fn walk_state(state: State<'_, AppState>, meeting_id: Id) -> Res<WalkState> {
    state.with(|db| db.walk_state(meeting_id))
}

#[tauri::command(async)]
#[specta::specta]
fn set_current_step(state: State<'_, AppState>, meeting_id: Id, item_id: Id, step: u32) -> Res<WalkState> {
    state.with(|db| db.set_current_step(meeting_id, item_id, step))
}

#[tauri::command(async)]
#[specta::specta]
fn set_positions_named(state: State<'_, AppState>, meeting_id: Id, named: bool) -> Res<WalkState> {
    state.with(|db| db.set_positions_named(meeting_id, named))
}

#[tauri::command(async)]
#[specta::specta]
fn save_step_note(state: State<'_, AppState>, item_id: Id, step: u32, text: String) -> Res<()> {
    state.with(|db| db.save_step_note(item_id, step, &text))
}

#[tauri::command(async)]
#[specta::specta]
fn step_note(state: State<'_, AppState>, item_id: Id, step: u32) -> Res<String> {
    state.with(|db| db.step_note(item_id, step))
}

#[tauri::command(async)]
#[specta::specta]
fn add_question_to_administration(
    state: State<'_, AppState>,
    item_id: Id,
    step: u32,
    text: String,
    asked_by: Option<Id>,
) -> Res<FollowUp> {
    state.with(|db| db.add_question_to_administration(item_id, step, &text, asked_by))
}

#[tauri::command(async)]
#[specta::specta]
fn list_questions_to_administration(state: State<'_, AppState>, item_id: Id) -> Res<Vec<FollowUp>> {
    state.with(|db| db.list_questions_to_administration(item_id))
}

#[tauri::command(async)]
#[specta::specta]
fn delete_question_to_administration(state: State<'_, AppState>, id: Id) -> Res<()> {
    state.with(|db| db.delete_question_to_administration(id))
}

#[tauri::command(async)]
#[specta::specta]
fn set_attendance(
    state: State<'_, AppState>,
    meeting_id: Id,
    person_id: Id,
    attendance: Attendance,
) -> Res<AttendanceEntry> {
    state.with(|db| db.set_attendance(meeting_id, person_id, attendance))
}

#[tauri::command(async)]
#[specta::specta]
fn list_attendance(state: State<'_, AppState>, meeting_id: Id) -> Res<MeetingAttendance> {
    state.with(|db| db.list_attendance(meeting_id))
}

#[tauri::command(async)]
#[specta::specta]
fn add_meeting_guest(
    state: State<'_, AppState>,
    meeting_id: Id,
    name: String,
    affiliation: String,
) -> Res<MeetingGuest> {
    state.with(|db| db.add_meeting_guest(meeting_id, &name, &affiliation))
}

#[tauri::command(async)]
#[specta::specta]
fn delete_meeting_guest(state: State<'_, AppState>, guest_id: Id) -> Res<()> {
    state.with(|db| db.delete_meeting_guest(guest_id))
}

#[tauri::command(async)]
#[specta::specta]
fn set_position(
    state: State<'_, AppState>,
    item_id: Id,
    step: u32,
    person_id: Id,
    input: PositionInput,
) -> Res<ContinuumResult> {
    state.with(|db| db.set_position(item_id, step, person_id, &input))
}

#[tauri::command(async)]
#[specta::specta]
fn clear_position(state: State<'_, AppState>, item_id: Id, step: u32, person_id: Id) -> Res<ContinuumResult> {
    state.with(|db| db.clear_position(item_id, step, person_id))
}

#[tauri::command(async)]
#[specta::specta]
fn reveal_positions(state: State<'_, AppState>, item_id: Id, step: u32) -> Res<ContinuumResult> {
    state.with(|db| db.reveal_positions(item_id, step))
}

#[tauri::command(async)]
#[specta::specta]
fn hide_positions(state: State<'_, AppState>, item_id: Id, step: u32) -> Res<ContinuumResult> {
    state.with(|db| db.hide_positions(item_id, step))
}

#[tauri::command(async)]
#[specta::specta]
fn continuum_result(state: State<'_, AppState>, item_id: Id, step: u32) -> Res<ContinuumResult> {
    state.with(|db| db.continuum_result(item_id, step))
}

#[tauri::command(async)]
#[specta::specta]
fn walk_summary(state: State<'_, AppState>, item_id: Id) -> Res<WalkSummary> {
    state.with(|db| db.walk_summary(item_id))
}

// ---- follow-up items across meetings; positions over time -------------------------------

#[tauri::command(async)]
#[specta::specta]
fn follow_up_list(state: State<'_, AppState>, committee_id: Id) -> Res<FollowUpList> {
    state.with(|db| db.follow_up_list(committee_id))
}

#[tauri::command(async)]
#[specta::specta]
fn create_follow_up(state: State<'_, AppState>, input: NewFollowUp) -> Res<FollowUpItem> {
    state.with(|db| db.create_follow_up(&input))
}

#[tauri::command(async)]
#[specta::specta]
fn update_follow_up(state: State<'_, AppState>, id: Id, patch: FollowUpPatch) -> Res<FollowUpItem> {
    state.with(|db| db.update_follow_up(id, &patch))
}

#[tauri::command(async)]
#[specta::specta]
fn delete_follow_up(state: State<'_, AppState>, id: Id) -> Res<()> {
    state.with(|db| db.delete_follow_up(id))
}

#[tauri::command(async)]
#[specta::specta]
fn follow_up_offer(state: State<'_, AppState>, meeting_id: Id) -> Res<FollowUpOffer> {
    state.with(|db| db.follow_up_offer(meeting_id))
}

#[tauri::command(async)]
#[specta::specta]
fn add_follow_up_agenda_item(state: State<'_, AppState>, meeting_id: Id, follow_up_ids: Vec<Id>) -> Res<AgendaItem> {
    state.with(|db| db.add_follow_up_agenda_item(meeting_id, &follow_up_ids))
}

#[tauri::command(async)]
#[specta::specta]
fn follow_ups_on_agenda_item(state: State<'_, AppState>, item_id: Id) -> Res<Vec<FollowUpItem>> {
    state.with(|db| db.follow_ups_on_agenda_item(item_id))
}

#[tauri::command(async)]
#[specta::specta]
fn position_history(state: State<'_, AppState>, committee_id: Id, set_id: String) -> Res<PositionHistory> {
    state.with(|db| db.position_history(committee_id, &set_id))
}

// ---- the room's screen ------------------------------------------------------------------

/// What the room's screen may show (the core's read model: never notes, never closed items).
/// The only command the room window's capability grants.
#[tauri::command(async)]
#[specta::specta]
fn room_view(state: State<'_, AppState>, meeting_id: Id) -> Res<RoomView> {
    state.with(|db| db.room_view(meeting_id))
}

// ---- the live session (participants' own devices) ----------------------------------------

/// Start the live session for a meeting: the core serves the participants' page on the local
/// network (see `pejling::live`); the answer has the URL, join code and QR code to show.
#[tauri::command(async)]
#[specta::specta]
fn start_live_session(
    state: State<'_, AppState>,
    live: State<'_, pejling::live::LiveHost>,
    meeting_id: Id,
    lang: Lang,
) -> Res<pejling::live::LiveStatus> {
    Ok(live.start(Some(&state.path), meeting_id, lang)?)
}

/// Stop the live session; its port is closed when this returns.
#[tauri::command(async)]
#[specta::specta]
fn stop_live_session(live: State<'_, pejling::live::LiveHost>) -> Res<()> {
    live.stop();
    Ok(())
}

/// Free a participant's name in the live session (a lost phone, a wrong name picked).
#[tauri::command(async)]
#[specta::specta]
fn release_live_participant(
    live: State<'_, pejling::live::LiveHost>,
    person_id: Id,
) -> Res<Option<pejling::live::LiveStatus>> {
    Ok(live.release(person_id)?)
}

/// The running live session (who has joined, who has answered), or `None`.
#[tauri::command(async)]
#[specta::specta]
fn live_session_status(live: State<'_, pejling::live::LiveHost>) -> Res<Option<pejling::live::LiveStatus>> {
    Ok(live.status()?)
}

/// The label of the room's screen window (capabilities/room.json grants it `room_view` only).
const ROOM_WINDOW: &str = "room";

/// Open the room's screen for a meeting as a second window (for the projector), or point the
/// one already open at this meeting and bring it forward. The window is made here, so the
/// main window needs no permission to create windows.
#[tauri::command(async)]
#[specta::specta]
fn open_room_window(app: tauri::AppHandle, state: State<'_, AppState>, meeting_id: Id) -> Res<()> {
    use tauri::Manager;
    // An unknown meeting is the core's error, before any window opens.
    let meeting = state.with(|db| db.get_meeting(meeting_id))?;
    let route = format!("/room/{meeting_id}");
    let shell = |e: tauri::Error| ApiError::from(Error::Io(std::io::Error::other(e.to_string())));
    if let Some(window) = app.get_webview_window(ROOM_WINDOW) {
        let mut url = window.url().map_err(shell)?;
        url.set_fragment(Some(&route));
        window.navigate(url).map_err(shell)?;
        let _ = window.unminimize();
        window.set_focus().map_err(shell)?;
        return Ok(());
    }
    let url = tauri::WebviewUrl::App(format!("index.html#{route}").into());
    tauri::WebviewWindowBuilder::new(&app, ROOM_WINDOW, url)
        .title(format!("Pejling – {}", meeting.meeting.title))
        .inner_size(1280.0, 720.0)
        .min_inner_size(640.0, 480.0)
        .build()
        .map_err(shell)?;
    Ok(())
}

// ---- the annual cycle (årshjul) ------------------------------------------------------------

#[tauri::command(async)]
#[specta::specta]
fn list_cycle_entries(state: State<'_, AppState>, committee_id: Id) -> Res<Vec<pejling::CycleEntry>> {
    state.with(|db| db.list_cycle_entries(committee_id))
}

#[tauri::command(async)]
#[specta::specta]
fn create_cycle_entry(
    state: State<'_, AppState>,
    committee_id: Id,
    input: pejling::NewCycleEntry,
) -> Res<pejling::CycleEntry> {
    state.with(|db| db.create_cycle_entry(committee_id, &input))
}

#[tauri::command(async)]
#[specta::specta]
fn update_cycle_entry(state: State<'_, AppState>, id: Id, patch: pejling::CycleEntryPatch) -> Res<pejling::CycleEntry> {
    state.with(|db| db.update_cycle_entry(id, &patch))
}

#[tauri::command(async)]
#[specta::specta]
fn delete_cycle_entry(state: State<'_, AppState>, id: Id) -> Res<()> {
    state.with(|db| db.delete_cycle_entry(id))
}

#[tauri::command(async)]
#[specta::specta]
fn cycle_year(state: State<'_, AppState>, committee_id: Id, year: i32) -> Res<pejling::CycleYear> {
    state.with(|db| db.cycle_year(committee_id, year))
}

#[tauri::command(async)]
#[specta::specta]
fn create_cycle_year(state: State<'_, AppState>, committee_id: Id, year: i32) -> Res<pejling::CycleYearCreated> {
    state.with(|db| db.create_cycle_year(committee_id, year))
}

// ---- digitalisation projects through the five phases ----------------------------------------

#[tauri::command(async)]
#[specta::specta]
fn list_projects(state: State<'_, AppState>, committee_id: Option<Id>) -> Res<Vec<pejling::Project>> {
    state.with(|db| db.list_projects(committee_id))
}

#[tauri::command(async)]
#[specta::specta]
fn create_project(state: State<'_, AppState>, input: pejling::NewProject) -> Res<pejling::Project> {
    state.with(|db| db.create_project(&input))
}

#[tauri::command(async)]
#[specta::specta]
fn update_project(state: State<'_, AppState>, id: Id, patch: pejling::ProjectPatch) -> Res<pejling::Project> {
    state.with(|db| db.update_project(id, &patch))
}

#[tauri::command(async)]
#[specta::specta]
fn delete_project(state: State<'_, AppState>, id: Id) -> Res<()> {
    state.with(|db| db.delete_project(id))
}

#[tauri::command(async)]
#[specta::specta]
fn get_project(state: State<'_, AppState>, id: Id) -> Res<pejling::ProjectDetail> {
    state.with(|db| db.get_project(id))
}

#[tauri::command(async)]
#[specta::specta]
fn set_project_phase(state: State<'_, AppState>, id: Id, phase: u32, note: String) -> Res<pejling::ProjectDetail> {
    state.with(|db| db.set_project_phase(id, phase, &note))
}

#[tauri::command(async)]
#[specta::specta]
fn update_project_phase(
    state: State<'_, AppState>,
    id: Id,
    phase: u32,
    patch: pejling::ProjectPhasePatch,
) -> Res<pejling::ProjectPhaseNotes> {
    state.with(|db| db.update_project_phase(id, phase, &patch))
}

#[tauri::command(async)]
#[specta::specta]
fn link_project_meeting(
    state: State<'_, AppState>,
    id: Id,
    phase: u32,
    meeting_id: Id,
    agenda_item_id: Option<Id>,
) -> Res<pejling::ProjectDetail> {
    state.with(|db| db.link_project_meeting(id, phase, meeting_id, agenda_item_id))
}

#[tauri::command(async)]
#[specta::specta]
fn unlink_project_meeting(state: State<'_, AppState>, link_id: Id) -> Res<pejling::ProjectDetail> {
    state.with(|db| db.unlink_project_meeting(link_id))
}

#[tauri::command(async)]
#[specta::specta]
fn search(state: State<'_, AppState>, query: String, limit: u32) -> Res<Vec<SearchHit>> {
    state.with(|db| db.search(&query, limit))
}

// ---- meeting packages ----------------------------------------------------------------------

/// The package picked for a merge, between its review and the merge: the webview never
/// handles the file or its path.
static PENDING_PACKAGE: Mutex<Option<Vec<u8>>> = Mutex::new(None);

fn pick_package(app: &tauri::AppHandle) -> Res<Option<Vec<u8>>> {
    use tauri_plugin_dialog::DialogExt;
    let Some(picked) = app.dialog().file().add_filter("Pejling", &["pejling"]).blocking_pick_file() else {
        return Ok(None);
    };
    let path = picked.into_path().map_err(|e| ApiError::from(Error::Io(std::io::Error::other(e.to_string()))))?;
    let len = std::fs::metadata(&path).map_err(|e| ApiError::from(Error::Io(e)))?.len();
    if len > pejling::packages::MAX_PACKAGE_BYTES as u64 {
        return Err(ApiError::from(pejling::packages::too_large()));
    }
    Ok(Some(std::fs::read(&path).map_err(|e| ApiError::from(Error::Io(e)))?))
}

/// Save a meeting as a meeting package (.pejling) where the user says. `None` when cancelled.
#[tauri::command(async)]
#[specta::specta]
fn export_meeting_package(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    meeting_id: Id,
    include_closed: bool,
) -> Res<Option<String>> {
    let package = state.with(|db| db.export_package(meeting_id, include_closed))?;
    let json = serde_json::to_vec_pretty(&package).expect("a package serialises");
    save_with_dialog(&app, &format!("moedepakke-{meeting_id}.pejling"), &json)
}

/// Import a meeting package the user picks, as a new meeting. `None` when cancelled.
#[tauri::command(async)]
#[specta::specta]
fn import_meeting_package(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Res<Option<pejling::packages::PackageImported>> {
    let Some(bytes) = pick_package(&app)? else { return Ok(None) };
    Ok(Some(state.with(|db| db.import_package(&bytes))?))
}

/// Pick a package to merge back into its meeting, and show what the merge would do.
#[tauri::command(async)]
#[specta::specta]
fn review_package_merge(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> Res<Option<pejling::packages::MergePreview>> {
    let Some(bytes) = pick_package(&app)? else { return Ok(None) };
    let preview = state.with(|db| db.preview_package_merge(&bytes))?;
    *PENDING_PACKAGE.lock().unwrap_or_else(|p| p.into_inner()) = Some(bytes);
    Ok(Some(preview))
}

/// Merge the reviewed package with the user's choice for every conflict.
#[tauri::command(async)]
#[specta::specta]
fn merge_reviewed_package(
    state: State<'_, AppState>,
    choices: Vec<pejling::packages::ConflictChoice>,
) -> Res<pejling::packages::MergeOutcome> {
    let mut pending = PENDING_PACKAGE.lock().unwrap_or_else(|p| p.into_inner());
    let bytes = pending
        .as_ref()
        .ok_or_else(|| ApiError::from(Error::Validation(pejling::error::Message::new("error-package-none-pending"))))?;
    let outcome = state.with(|db| db.merge_package(bytes, &choices))?;
    *pending = None;
    Ok(outcome)
}

fn save_with_dialog(app: &tauri::AppHandle, suggested: &str, bytes: &[u8]) -> Res<Option<String>> {
    use tauri_plugin_dialog::DialogExt;
    let Some(target) = app.dialog().file().set_file_name(suggested).blocking_save_file() else {
        return Ok(None);
    };
    let path = target.into_path().map_err(|e| ApiError::from(Error::Io(std::io::Error::other(e.to_string()))))?;
    std::fs::write(&path, bytes).map_err(|e| ApiError::from(Error::Io(e)))?;
    Ok(Some(path.display().to_string()))
}

// ---- new commands (frameworks) ----

/// The frameworks library ("Rammer og inspiration"): Gentofte's DIS model, KL's catalogue and
/// KL's IT-organisation analysis as transcribed. Read-only and compiled in; no database.
#[tauri::command(async)]
#[specta::specta]
fn list_frameworks() -> Res<Vec<pejling::frameworks::Framework>> {
    Ok(pejling::frameworks::built_in().to_vec())
}

/// A temamøde agenda item started from one of KL's cases: title, Resumé, preparation notes
/// in Baggrund and the walk with the six organisation questions, in one transaction.
#[tauri::command(async)]
#[specta::specta]
fn add_agenda_item_from_case(
    state: State<'_, AppState>,
    meeting_id: Id,
    framework_id: String,
    case_id: String,
) -> Res<AgendaItem> {
    state.with(|db| db.add_agenda_item_from_case(meeting_id, &framework_id, &case_id))
}

/// The principles and pejlemærker a committee has adopted from the library.
#[tauri::command(async)]
#[specta::specta]
fn adopted_framework_entries(
    state: State<'_, AppState>,
    committee_id: Id,
) -> Res<Vec<pejling::frameworks::AdoptedEntry>> {
    state.with(|db| db.adopted_framework_entries(committee_id))
}

/// Adopt (or withdraw) a principle or pejlemærke for a committee.
#[tauri::command(async)]
#[specta::specta]
fn set_framework_entry_adopted(
    state: State<'_, AppState>,
    committee_id: Id,
    framework_id: String,
    section_id: String,
    entry_id: String,
    adopted: bool,
) -> Res<Vec<pejling::frameworks::AdoptedEntry>> {
    state.with(|db| db.set_framework_entry_adopted(committee_id, &framework_id, &section_id, &entry_id, adopted))
}

/// KL's five recommendations as a project's checklist.
#[tauri::command(async)]
#[specta::specta]
fn project_recommendations(
    state: State<'_, AppState>,
    project_id: Id,
) -> Res<Vec<pejling::frameworks::ProjectRecommendation>> {
    state.with(|db| db.project_recommendations(project_id))
}

/// Record whether a project has acted on one of KL's recommendations, with a note.
#[tauri::command(async)]
#[specta::specta]
fn set_project_recommendation(
    state: State<'_, AppState>,
    project_id: Id,
    recommendation_id: String,
    done: bool,
    note: String,
) -> Res<Vec<pejling::frameworks::ProjectRecommendation>> {
    state.with(|db| db.set_project_recommendation(project_id, &recommendation_id, done, &note))
}

// ---- end of new commands (frameworks) ----

/// The commands and types the UI sees. The same list feeds the invoke handler and the
/// generated TypeScript, so they cannot drift apart.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    tauri_specta::Builder::<tauri::Wry>::new().commands(tauri_specta::collect_commands![
        workspace_status,
        create_demo,
        list_committees,
        get_committee,
        create_committee,
        update_committee,
        delete_committee,
        list_people,
        add_member,
        add_existing_member,
        update_member,
        remove_member,
        create_meeting,
        update_meeting,
        mark_meeting_began,
        mark_meeting_adjourned,
        set_meeting_status,
        delete_meeting,
        get_meeting,
        add_agenda_item,
        update_agenda_item,
        move_agenda_item,
        delete_agenda_item,
        recovery_info,
        list_backups,
        restore_backup,
        restore_backup_from_file,
        backup_now,
        start_fresh,
        approve_minutes,
        list_approvals,
        verify_minutes,
        amend_minutes,
        list_amendments,
        audit_log,
        set_actor,
        get_actor,
        export_document,
        export_calendar,
        import_question_set,
        import_question_set_file,
        list_question_sets,
        get_question_set,
        question_set_source,
        set_walk_plan,
        get_walk,
        walk_state,
        set_current_step,
        set_positions_named,
        save_step_note,
        step_note,
        add_question_to_administration,
        list_questions_to_administration,
        delete_question_to_administration,
        set_attendance,
        list_attendance,
        add_meeting_guest,
        delete_meeting_guest,
        set_position,
        clear_position,
        reveal_positions,
        hide_positions,
        continuum_result,
        walk_summary,
        follow_up_list,
        create_follow_up,
        update_follow_up,
        delete_follow_up,
        follow_up_offer,
        add_follow_up_agenda_item,
        follow_ups_on_agenda_item,
        position_history,
        room_view,
        start_live_session,
        stop_live_session,
        live_session_status,
        release_live_participant,
        open_room_window,
        list_cycle_entries,
        create_cycle_entry,
        update_cycle_entry,
        delete_cycle_entry,
        cycle_year,
        create_cycle_year,
        list_projects,
        create_project,
        update_project,
        delete_project,
        get_project,
        set_project_phase,
        update_project_phase,
        link_project_meeting,
        unlink_project_meeting,
        search,
        export_meeting_package,
        import_meeting_package,
        review_package_merge,
        merge_reviewed_package,
        // ---- new commands (frameworks) ----
        list_frameworks,
        add_agenda_item_from_case,
        adopted_framework_entries,
        set_framework_entry_adopted,
        project_recommendations,
        set_project_recommendation,
    ])
}

/// Write the TypeScript bindings to `path`.
pub fn export_bindings(path: &std::path::Path) -> Result<(), String> {
    let ts = specta_typescript::Typescript::default()
        .bigint(specta_typescript::BigIntExportBehavior::Number)
        .header("// Generated by tauri-specta from src-tauri/src/lib.rs. Do not edit: run `make bindings`.\n");
    specta_builder().export(ts, path).map_err(|e| e.to_string())?;
    // Normalise line endings and the trailing newline so the freshness check is byte-exact.
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    std::fs::write(path, text.replace("\r\n", "\n").trim_end().to_owned() + "\n").map_err(|e| e.to_string())
}

/// The database to open: `--db PATH` on the command line, else `PEJLING_DB`, else the OS
/// app-data directory — the same rule as the CLI.
fn db_path_from_args() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--db" {
            if let Some(p) = args.next() {
                return PathBuf::from(p);
            }
        } else if let Some(p) = a.strip_prefix("--db=") {
            return PathBuf::from(p);
        }
    }
    pejling::paths::default_db_path()
}

/// A second launch on this database came to us: show and focus the main window.
fn focus_main_window(app: &tauri::AppHandle, _argv: Vec<String>, _cwd: String) {
    use tauri::Manager;
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The room's screen belongs to the chair's window: when that closes, so does the room's, and
/// the app ends instead of leaving a projector window that cannot get back to anything.
fn close_room_with_main(window: &tauri::Window, event: &tauri::WindowEvent) {
    use tauri::Manager;
    if window.label() == "main" && matches!(event, tauri::WindowEvent::Destroyed) {
        if let Some(room) = window.app_handle().get_webview_window(ROOM_WINDOW) {
            let _ = room.destroy();
        }
    }
}

pub fn run() {
    let builder = specta_builder();
    let context = tauri::generate_context!();
    let db_path = db_path_from_args();
    // The key needs the database's directory resolved, also on the very first launch.
    if let Some(dir) = db_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    // One app per database (see `pejling::instance`): the key is the database's canonical
    // path, so a launch with another --db/PEJLING_DB is another workspace and runs beside.
    let instance_id = pejling::instance::instance_id(&context.config().identifier, &db_path);
    let state = AppState::open(db_path);
    if let Err(e) = state.lock().as_ref() {
        eprintln!("Pejling: {}", e.message);
    }
    tauri::Builder::default()
        // First of all plugins: a second launch on the same database hands over to the running
        // app here and exits before it opens a window.
        .plugin(tauri_plugin_single_instance::Builder::new().dbus_id(instance_id).callback(focus_main_window).build())
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(pejling::live::LiveHost::default())
        .invoke_handler(builder.invoke_handler())
        .on_window_event(close_room_with_main)
        .build(context)
        .expect("error while building Pejling")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                use tauri::Manager;
                app.state::<AppState>().close();
            }
        });
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// One app per database, where no session bus hands a second launch over: the second app
    /// on the same database opens nothing, takes no backup, says why, and may not restore or
    /// start afresh over the first one's file; another database opens beside it.
    #[test]
    fn a_second_app_on_the_same_database_touches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pejling.sqlite3");
        let backups = || pejling::backup::list(&pejling::backup::dir_for(&path)).unwrap().len();
        let first = super::AppState::open(path.clone());
        assert!(first.lock().is_ok());
        first.wait_for_start_backup();
        let taken = backups();
        assert_eq!(taken, 1, "the first app took its start-up backup");
        let second = super::AppState::open(path.clone());
        second.wait_for_start_backup();
        let info = second.recovery().unwrap().expect("the second app shows why it did not open");
        assert_eq!(info.error.key, "error-database-in-use");
        assert!(info.error.message.contains("allerede åben"), "{}", info.error.message);
        assert_eq!(backups(), taken, "the second app took no backup");
        assert_eq!(second.start_fresh().unwrap_err().key, "error-database-in-use");
        assert_eq!(second.reopen_after(|_| Ok(())).unwrap_err().key, "error-database-in-use");
        assert!(
            path.exists() && first.with(|db| db.workspace_status()).is_ok(),
            "the first app's database is untouched"
        );
        let other = super::AppState::open(dir.path().join("andet.sqlite3"));
        assert!(other.lock().is_ok(), "another database opens beside it");
        drop(first);
        assert!(super::AppState::open(path.clone()).lock().is_ok(), "free again once the first app is gone");
    }

    /// The app's exit closes the workspace cleanly: the next start skips the page check; a
    /// start after an app that did not exit cleanly checks every page.
    #[test]
    fn the_apps_exit_closes_the_workspace_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pejling.sqlite3");
        let first = super::AppState::open(path.clone());
        first.with(pejling::demo::create).unwrap();
        first.close();
        assert!(first.lock().is_err(), "closed");
        drop(first);
        assert!(pejling::store::clean::marker_path(&path).exists());
        let second = super::AppState::open(path.clone());
        assert!(!second.with(|db| Ok(db.opened_with_full_check())).unwrap());
        drop(second); // as if killed: no clean close
        let third = super::AppState::open(path.clone());
        assert!(third.with(|db| Ok(db.opened_with_full_check())).unwrap());
    }

    /// The committed `ui/src/lib/bindings.ts` must equal what the Rust types generate.
    /// `UPDATE_BINDINGS=1 cargo test -p pejling-app bindings` rewrites it (`make bindings`).
    #[test]
    fn bindings_are_fresh() {
        let committed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            super::export_bindings(&committed).unwrap();
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("bindings.ts");
        super::export_bindings(&fresh).unwrap();
        let want = std::fs::read_to_string(&fresh).unwrap();
        let have = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(want == have, "ui/src/lib/bindings.ts is stale: run `make bindings` and commit the result");
    }
}
