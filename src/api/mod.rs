//! The application programming interface the UI sees: every command the desktop shell and the
//! test host serve, declared once in [`commands`] (see `with_commands!`), implemented here as
//! plain functions over a [`Ctx`].
//!
//! The shell (`src-tauri/`) derives its Tauri handlers, capability grants and the TypeScript
//! bindings from that one list; the test host (`pejling-testhost`) derives its HTTP routes from
//! it, so the browser tests run the same functions on the real core. Neither knows any rule:
//! what a window may do lives in the list, what a command does lives here and in the core.
//!
//! What differs between the app and the test host is behind [`Platform`]: the native file
//! dialogs and the room's window. Nothing here knows a window.

#[macro_use]
pub mod commands;
mod attachments;
mod rules;
mod workspace;

use crate::documents::Export as _;
use std::path::PathBuf;

pub use rules::{RoleRule, StatusRule, UiRules};
pub use workspace::Workspace;

use crate::error::Message;
use crate::{ApiError, Error, Id};

/// What the host around the core provides: native dialogs and windows. The app implements it
/// with Tauri; the test host with answers a test scripts in advance.
pub trait Platform: Send + Sync {
    /// Ask the user for a file to open; `None` when they cancelled.
    fn pick_file(&self, filter_name: &str, extensions: &[&str]) -> Option<PathBuf>;
    /// Ask the user where to save a file; `None` when they cancelled.
    fn save_file(&self, suggested_name: &str) -> Option<PathBuf>;
    /// Open the room's screen for a meeting (a second window), or point the open one at it.
    fn open_room_window(&self, meeting_id: Id, title: &str) -> Result<(), String>;
    /// Open a file in the system's program for its type (a bilag's temporary copy).
    fn open_file(&self, path: &std::path::Path) -> Result<(), String>;
}

/// Everything a command may use: the open workspace, the live session, the platform.
pub struct Ctx {
    pub workspace: Workspace,
    pub live: crate::live::LiveHost,
    pub platform: Box<dyn Platform>,
    /// The package picked for a merge, between its review and the merge: the webview never
    /// handles the file or its path.
    pending_package: std::sync::Mutex<Option<Vec<u8>>>,
    /// A package whose import was refused because it would change the members of a committee
    /// already here: kept until the user confirms those changes (or picks another package).
    pending_import: std::sync::Mutex<Option<Vec<u8>>>,
}

pub type Res<T> = std::result::Result<T, ApiError>;

fn io(e: impl std::fmt::Display) -> ApiError {
    ApiError::from(Error::Io(std::io::Error::other(e.to_string())))
}

impl Ctx {
    pub fn new(workspace: Workspace, platform: Box<dyn Platform>) -> Ctx {
        Ctx {
            workspace,
            live: crate::live::LiveHost::default(),
            platform,
            pending_package: Default::default(),
            pending_import: Default::default(),
        }
    }

    /// Run one core call on the database.
    pub fn with<T>(&self, f: impl FnOnce(&mut crate::Db) -> crate::Result<T>) -> Res<T> {
        self.workspace.with(f)
    }

    /// Replace the workspace's file (restore, fresh start): any live session on it stops first,
    /// telling its participants, so nothing is written into the file being replaced.
    fn replace_workspace(
        &self,
        f: impl FnOnce(&std::path::Path, &crate::instance::InstanceLock) -> crate::Result<()>,
    ) -> Res<crate::WorkspaceStatus> {
        self.workspace.ensure_owner()?;
        self.live.stop();
        self.workspace.reopen_after(f)
    }

    pub fn restore_listed_backup(&self, path: &str) -> Res<crate::WorkspaceStatus> {
        let from = self.workspace.listed_backup(path)?;
        self.replace_workspace(|db, lock| crate::backup::restore(&from, db, lock).map(drop))
    }

    pub fn restore_backup_from_file(&self) -> Res<Option<crate::WorkspaceStatus>> {
        self.workspace.ensure_owner()?;
        let Some(from) = self.platform.pick_file("SQLite", &["sqlite3", "sqlite", "db"]) else {
            return Ok(None);
        };
        self.replace_workspace(|db, lock| crate::backup::restore(&from, db, lock).map(drop)).map(Some)
    }

    pub fn start_fresh(&self) -> Res<crate::WorkspaceStatus> {
        if self.workspace.is_open() {
            return Err(Error::Conflict(Message::new("error-workspace-is-open")).into());
        }
        self.replace_workspace(|db, _| crate::backup::set_aside(db).map(drop))
    }

    /// A backup now, from a read connection of its own (WAL: it never blocks the app's writes,
    /// and the app's lock is not held while it copies).
    pub fn backup_now(&self) -> Res<Vec<crate::backup::BackupFile>> {
        if let Some(e) = self.workspace.open_error() {
            return Err(e);
        }
        crate::backup::auto_backup_file(self.workspace.path(), crate::backup::Reason::Manual)?;
        Ok(crate::backup::list(&crate::backup::dir_for(self.workspace.path()))?)
    }

    /// Save bytes where the user says; `None` when they cancelled.
    pub fn save_with_dialog(&self, suggested: &str, bytes: &[u8]) -> Res<Option<String>> {
        let Some(path) = self.platform.save_file(suggested) else { return Ok(None) };
        std::fs::write(&path, bytes).map_err(|e| ApiError::from(Error::Io(e)))?;
        Ok(Some(path.display().to_string()))
    }

    pub fn export_document(
        &self,
        meeting_id: Id,
        kind: crate::documents::DocKind,
        format: crate::documents::Format,
        audience: crate::documents::Audience,
        lang: crate::Lang,
    ) -> Res<Option<String>> {
        let (bytes, name) = self.with(|db| {
            let bytes = db.export(meeting_id, kind, format, audience, lang)?;
            Ok((bytes, db.document_file_name(meeting_id, kind, format)?))
        })?;
        self.save_with_dialog(&name, &bytes)
    }

    pub fn export_calendar(&self, committee_id: Id, year: Option<i32>, lang: crate::Lang) -> Res<Option<String>> {
        let text = self.with(|db| db.committee_calendar(committee_id, year, lang))?;
        let name = match year {
            Some(y) => format!("moedekalender-{y}.ics"),
            None => "moedekalender.ics".to_owned(),
        };
        self.save_with_dialog(&name, text.as_bytes())
    }

    pub fn import_question_set_file(&self) -> Res<Option<crate::QuestionSetSummary>> {
        let Some(path) = self.platform.pick_file("TOML", &["toml"]) else { return Ok(None) };
        Ok(Some(self.with(|db| db.import_question_set_file(&path))?))
    }

    fn pick_package(&self) -> Res<Option<Vec<u8>>> {
        let Some(path) = self.platform.pick_file("Pejling", &["pejling"]) else { return Ok(None) };
        let len = std::fs::metadata(&path).map_err(|e| ApiError::from(Error::Io(e)))?.len();
        if len > crate::packages::MAX_PACKAGE_BYTES as u64 {
            return Err(ApiError::from(crate::packages::too_large()));
        }
        Ok(Some(std::fs::read(&path).map_err(|e| ApiError::from(Error::Io(e)))?))
    }

    pub fn export_meeting_package(&self, meeting_id: Id, include_closed: bool) -> Res<Option<String>> {
        let package = self.with(|db| db.export_package(meeting_id, include_closed))?;
        let json = serde_json::to_vec_pretty(&package).map_err(io)?;
        self.save_with_dialog(&format!("moedepakke-{meeting_id}.pejling"), &json)
    }

    /// Import a package the user picks as a new meeting. A package that would change the
    /// members of a committee already here is refused with the list of changes (the preview);
    /// it is kept so that [`Ctx::confirm_package_import`] can import it once the user agrees.
    pub fn import_meeting_package(&self) -> Res<Option<crate::packages::PackageImported>> {
        let Some(bytes) = self.pick_package()? else { return Ok(None) };
        let mut pending = self.pending_import.lock().unwrap_or_else(|p| p.into_inner());
        *pending = None;
        match self.with(|db| db.import_package(&bytes)) {
            Err(e) if e.key == "error-package-changes-members" => {
                *pending = Some(bytes);
                Err(e)
            }
            other => other.map(Some),
        }
    }

    /// Import the package refused for changing a committee's members, with those changes
    /// (each audited under who confirmed them).
    pub fn confirm_package_import(&self) -> Res<crate::packages::PackageImported> {
        let mut pending = self.pending_import.lock().unwrap_or_else(|p| p.into_inner());
        let bytes = pending
            .as_ref()
            .ok_or_else(|| ApiError::from(Error::Validation(Message::new("error-package-none-pending"))))?;
        let imported = self.with(|db| db.import_package_confirmed(bytes, true))?;
        *pending = None;
        Ok(imported)
    }

    pub fn review_package_merge(&self) -> Res<Option<crate::packages::MergePreview>> {
        let Some(bytes) = self.pick_package()? else { return Ok(None) };
        let preview = self.with(|db| db.preview_package_merge(&bytes))?;
        *self.pending_package.lock().unwrap_or_else(|p| p.into_inner()) = Some(bytes);
        Ok(Some(preview))
    }

    pub fn merge_reviewed_package(
        &self,
        choices: &[crate::packages::ConflictChoice],
    ) -> Res<crate::packages::MergeOutcome> {
        let mut pending = self.pending_package.lock().unwrap_or_else(|p| p.into_inner());
        let bytes = pending
            .as_ref()
            .ok_or_else(|| ApiError::from(Error::Validation(Message::new("error-package-none-pending"))))?;
        let outcome = self.with(|db| db.merge_package(bytes, choices))?;
        *pending = None;
        Ok(outcome)
    }

    pub fn open_room_window(&self, meeting_id: Id) -> Res<()> {
        // An unknown meeting is the core's error, before any window opens.
        let meeting = self.with(|db| db.get_meeting(meeting_id))?;
        self.platform.open_room_window(meeting_id, &meeting.meeting.title).map_err(io)
    }

    /// Start the live session on the address the chair chose (one of `live_interfaces`;
    /// `None` is the interface that carries the default route). The chair's decisions on who
    /// may take which name are audited under the app's actor.
    pub fn start_live_session(
        &self,
        meeting_id: Id,
        lang: crate::Lang,
        address: Option<&str>,
    ) -> Res<crate::live::LiveStatus> {
        let address = match address.map(str::trim).filter(|a| !a.is_empty()) {
            Some(a) => Some(
                a.parse::<std::net::IpAddr>()
                    .map_err(|_| Error::Validation(Message::new("error-live-address").arg("address", a)))?,
            ),
            None => None,
        };
        let actor = self.with(|db| Ok(db.actor()))?;
        let how = crate::live::LiveStart { address, actor: Some(actor) };
        Ok(self.live.start_with(Some(self.workspace.path()), meeting_id, lang, how)?)
    }

    /// Close the workspace cleanly (the app's exit): the live session stops, the start-up
    /// backup finishes, the WAL is checkpointed and the clean-close marker written.
    pub fn close(&self) {
        self.live.stop();
        self.workspace.close();
    }

    /// What the main window shows first, in one answer (issue 20: launch to first data): the
    /// UI's rules, who works here, and — when the workspace opened — its status and committee
    /// list. The app hands it to the page before the page's script runs (see `boot_script`);
    /// a page loaded again asks for it with the `boot` command instead.
    pub fn boot(&self) -> Res<Boot> {
        let home = if self.workspace.is_open() {
            Some(self.with(|db| Ok(BootHome { status: db.workspace_status()?, committees: db.list_committees()? }))?)
        } else {
            None
        };
        // An unreadable identity file is as none: the first run's question is asked again.
        Ok(Boot { rules: rules::ui_rules(), identity: self.workspace.identity().unwrap_or(None), home })
    }
}

/// The main window's first data (see [`Ctx::boot`]).
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct Boot {
    pub rules: UiRules,
    /// Who works at this machine; `None` before the first run's question was answered.
    pub identity: Option<crate::identity::Identity>,
    /// The home page's data; `None` when the workspace did not open (the UI then asks for the
    /// recovery screen's data with `recovery_info`).
    pub home: Option<BootHome>,
}

#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct BootHome {
    pub status: crate::WorkspaceStatus,
    pub committees: Vec<crate::Committee>,
}

/// A script that gives the page its first data before the page's own script runs:
/// `window.__PEJLING_BOOT__ = {…}` (JSON, which is a JavaScript expression; user text stays
/// inside JSON strings). The UI takes it once, on the page's first load.
pub fn boot_script(boot: &Boot) -> String {
    let json = serde_json::to_string(boot).unwrap_or_else(|_| "null".into());
    format!("window.__PEJLING_BOOT__ = {json};")
}

/// The types the command list names, for every place that expands it.
pub mod prelude {
    pub use super::{Boot, Ctx, UiRules};
    pub use crate::backup::{BackupFile, RecoveryInfo};
    pub use crate::bilag::{Attachment, AttachmentContent, AttachmentPatch};
    pub use crate::documents::{Audience, DocKind, Format};
    pub use crate::frameworks::{
        AdoptedEntry, Framework, ItemBearing, ItemBearings, OwnEntryKind, OwnFrameworkEntry, ProjectRecommendation,
    };
    pub use crate::identity::Identity;
    pub use crate::live::{LiveStatus, NetInterface};
    pub use crate::minutes::{Amendment, Approval, AuditEntry, VerifyReport};
    pub use crate::packages::{ConflictChoice, MergeOutcome, MergePreview, PackageImported};
    pub use crate::store::RoomView;
    pub use crate::{
        AgendaItem, AgendaItemPatch, ApiError, Attendance, AttendanceEntry, Committee, CommitteeDetail, CommitteePatch,
        ContinuumResult, CycleEntry, CycleEntryPatch, CycleYear, CycleYearCreated, FollowUp, FollowUpItem,
        FollowUpList, FollowUpOffer, FollowUpPatch, Id, Lang, Meeting, MeetingAttendance, MeetingDetail, MeetingGuest,
        MeetingPatch, MeetingStatus, Member, MemberPatch, NewCommittee, NewCycleEntry, NewFollowUp, NewMeeting,
        NewMember, NewProject, Person, PositionHistory, PositionInput, Project, ProjectDetail, ProjectPatch,
        ProjectPhaseNotes, ProjectPhasePatch, QuestionSet, QuestionSetSummary, Role, SearchHit, Walk, WalkPlan,
        WalkPoint, WalkState, WalkSummary, WorkspaceStatus,
    };
}

/// Where a command may be called from: the webview windows whose capability grants it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommandInfo {
    pub name: &'static str,
    /// `["main"]`, `["main", "room"]`, or `["internal"]` for a command no window is granted.
    pub windows: &'static [&'static str],
}

fn into_res<T, E: Into<ApiError>>(r: std::result::Result<T, E>) -> Res<T> {
    r.map_err(Into::into)
}

/// Expands the command list into one core function per command, and [`COMMANDS`].
macro_rules! define_api {
    ($( $(#[$meta:meta])* fn $name:ident ( $ctx:ident $(, $arg:ident : $ty:ty)* $(,)? ) -> $ret:ty
        => [$($win:ident)*] $body:block )*) => {
        $(
            $(#[$meta])*
            #[allow(clippy::needless_question_mark)]
            pub fn $name($ctx: &Ctx $(, $arg: $ty)*) -> Res<$ret> {
                into_res($body)
            }
        )*

        /// Every command, in the order declared, with the windows that may call it.
        pub const COMMANDS: &[CommandInfo] = &[
            $( CommandInfo { name: stringify!($name), windows: &[$(stringify!($win)),*] } ),*
        ];
    };
}

mod generated {
    #![allow(clippy::too_many_arguments)]
    use super::prelude::*;
    use super::{into_res, CommandInfo, Res};
    crate::with_commands!(define_api);
}
pub use generated::*;

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Mutex;

    use super::{Ctx, Platform, Workspace};
    use crate::{Db, Id, MeetingStatus, NewMember, Role};

    /// Dialogs that answer with the paths queued, in order.
    struct Scripted(Mutex<Vec<PathBuf>>);

    impl Platform for Scripted {
        fn pick_file(&self, _: &str, _: &[&str]) -> Option<PathBuf> {
            self.0.lock().unwrap().pop()
        }
        fn save_file(&self, _: &str) -> Option<PathBuf> {
            self.0.lock().unwrap().pop()
        }
        fn open_room_window(&self, _: Id, _: &str) -> Result<(), String> {
            Ok(())
        }
        fn open_file(&self, _: &std::path::Path) -> Result<(), String> {
            Ok(())
        }
    }

    /// The app's package import: a package that would change a committee's members is refused
    /// with the list of changes and nothing imported; the user's confirmation imports the same
    /// package (not picked again) with the changes, under who confirmed them.
    #[test]
    fn a_package_changing_members_is_imported_only_after_the_users_confirmation() {
        let dir = tempfile::tempdir().unwrap();
        let mut origin = Db::open_in_memory().unwrap();
        let c = crate::demo::create_without_history_on(&mut origin, chrono::Local::now().date_naive()).unwrap();
        let open: Vec<Id> = origin
            .list_meetings(Some(c.id))
            .unwrap()
            .into_iter()
            .filter(|m| m.status != MeetingStatus::MinutesApproved)
            .map(|m| m.id)
            .collect();
        let first = dir.path().join("first.pejling");
        std::fs::write(&first, serde_json::to_vec(&origin.export_package(open[0], false).unwrap()).unwrap()).unwrap();
        origin.add_member(c.id, &NewMember { name: "Anden Formand".into(), role: Role::Chair, party: None }).unwrap();
        let second = dir.path().join("second.pejling");
        std::fs::write(&second, serde_json::to_vec(&origin.export_package(open[1], false).unwrap()).unwrap()).unwrap();

        let ctx = Ctx::new(
            Workspace::open_as(dir.path().join("laptop.sqlite3"), dir.path().join("identity.json")),
            Box::new(Scripted(Mutex::new(vec![second, first]))),
        );
        ctx.workspace.set_identity("Birthe Sekretær", Role::Secretary).unwrap();
        assert!(ctx.confirm_package_import().is_err(), "nothing to confirm before a refusal");
        ctx.import_meeting_package().unwrap().expect("the first package is imported");
        let here = ctx.with(|db| db.list_committees()).unwrap()[0].id;
        let e = ctx.import_meeting_package().unwrap_err();
        assert_eq!(e.key, "error-package-changes-members");
        assert!(e.message.contains("Anden Formand"), "{}", e.message);
        assert_eq!(ctx.with(|db| db.list_meetings(Some(here))).unwrap().len(), 1, "nothing imported yet");
        let imported = ctx.confirm_package_import().unwrap();
        assert_eq!(ctx.with(|db| db.list_meetings(Some(here))).unwrap().len(), 2);
        assert!(imported.meeting_id > 0);
        let added = ctx
            .with(|db| db.list_members(here))
            .unwrap()
            .into_iter()
            .find(|m| m.name == "Anden Formand")
            .expect("the confirmed member");
        let audit = ctx.with(|db| db.audit_log_of("membership", added.person_id)).unwrap();
        assert!(audit.iter().any(|e| e.action == "insert" && e.actor == "Birthe Sekretær"), "{audit:?}");
        assert!(ctx.confirm_package_import().is_err(), "confirmed once, not twice");
        ctx.close();
    }

    /// The main window's first data: the home page's committees when the workspace opened,
    /// none (and the recovery screen's question left to the UI) when it did not; the script
    /// that hands it to the page keeps user text inside JSON strings.
    #[test]
    fn boot_gives_the_first_page_its_data_and_keeps_user_text_inside_strings() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = Ctx::new(
            Workspace::open_as(dir.path().join("w.sqlite3"), dir.path().join("identity.json")),
            Box::new(Scripted(Mutex::new(Vec::new()))),
        );
        let odd = "Udvalget \"; window.x = 1; // </script>\u{2028}og \\ mere";
        ctx.with(|db| {
            db.create_committee(&crate::NewCommittee {
                name: odd.into(),
                kind: crate::CommitteeKind::Standing,
                description: String::new(),
            })
        })
        .unwrap();
        ctx.workspace.set_identity("Birthe Sekretær", Role::Secretary).unwrap();
        let boot = ctx.boot().unwrap();
        let home = boot.home.as_ref().expect("the workspace opened");
        assert_eq!(home.committees.len(), 1);
        assert!(!home.status.is_empty);
        assert_eq!(boot.identity.as_ref().map(|i| i.name.as_str()), Some("Birthe Sekretær"));
        assert!(!boot.rules.roles.is_empty());

        let script = super::boot_script(&boot);
        let json = script.strip_prefix("window.__PEJLING_BOOT__ = ").and_then(|s| s.strip_suffix(';')).unwrap();
        let back: serde_json::Value = serde_json::from_str(json).expect("one JSON value, nothing after it");
        assert_eq!(back["home"]["committees"][0]["name"], home.committees[0].name.as_str());
        assert!(home.committees[0].name.contains("</script>"), "{}", home.committees[0].name);
        ctx.close();

        // A file that is not a database: no home data; the UI asks for the recovery screen's.
        std::fs::write(dir.path().join("bad.sqlite3"), b"not a database at all, not even close").unwrap();
        let bad = Ctx::new(
            Workspace::open_as(dir.path().join("bad.sqlite3"), dir.path().join("identity.json")),
            Box::new(Scripted(Mutex::new(Vec::new()))),
        );
        let boot = bad.boot().unwrap();
        assert!(boot.home.is_none());
        assert!(bad.workspace.recovery().unwrap().is_some());
        bad.close();
    }
}
