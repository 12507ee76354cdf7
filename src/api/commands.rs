// Every command the UI may call, declared once.
//
// `with_commands!(callback)` hands the whole list to `callback!`. From it are derived:
// the core functions in [`$crate::api`] (here, by `define_api!`), the Tauri handlers and the
// TypeScript bindings (`src-tauri/src/lib.rs`), the capability grants (`src-tauri/build.rs`
// writes `capabilities/*.json` from the windows listed), and the test host's HTTP routes
// (`src/bin/testhost.rs`). Adding a command is one entry here (and, where it is more than one
// call, one function in the core).
//
// Each entry: `fn name(ctx, arg: Type, …) -> Return => [windows] { one core call }`.
// `windows` are the webview windows whose capability grants the command (`main`, `room`);
// `internal` marks a command no window is granted. Types are named as [`super::prelude`]
// exports them. This file is also read by `src-tauri/build.rs`, so it holds nothing but the
// list.

#[macro_export]
macro_rules! with_commands {
    ($callback:ident) => {
        $callback! {

            /// The rules the UI offers choices by (every window loads them at start): enum values, who
            /// takes positions, status moves,
            /// amendable fields (see `api::rules`).
            fn ui_rules(_ctx) -> UiRules => [main room] {
                Ok::<UiRules, ApiError>($crate::api::rules::ui_rules())
            }

            /// The main window's first data in one answer: the rules, who works here, and the
            /// home page's status and committees when the workspace opened (see `Ctx::boot`).
            fn boot(ctx) -> Boot => [main] {
                ctx.boot()
            }

            /// Who works at this machine, or `None` before the first run's question was answered.
            fn get_identity(ctx) -> Option<Identity> => [main] {
                ctx.workspace.identity()
            }

            /// Save who works at this machine and work as them: every audit entry records the
            /// name and role.
            fn set_identity(ctx, name: String, role: Role) -> Identity => [main] {
                ctx.workspace.set_identity(&name, role)
            }

            fn workspace_status(ctx) -> WorkspaceStatus => [main] {
                ctx.with(|db| db.workspace_status())
            }

            fn create_demo(ctx) -> Committee => [main] {
                ctx.with($crate::demo::create)
            }

            fn list_committees(ctx) -> Vec<Committee> => [main] {
                ctx.with(|db| db.list_committees())
            }

            fn get_committee(ctx, id: Id) -> CommitteeDetail => [main] {
                ctx.with(|db| db.get_committee(id))
            }

            fn create_committee(ctx, input: NewCommittee) -> Committee => [main] {
                ctx.with(|db| db.create_committee(&input))
            }

            fn update_committee(ctx, id: Id, patch: CommitteePatch) -> Committee => [main] {
                ctx.with(|db| db.update_committee(id, &patch))
            }

            fn delete_committee(ctx, id: Id) -> () => [main] {
                ctx.with(|db| db.delete_committee(id))
            }

            fn list_people(ctx) -> Vec<Person> => [main] {
                ctx.with(|db| db.list_people())
            }

            fn add_member(ctx, committee_id: Id, input: NewMember) -> Member => [main] {
                ctx.with(|db| db.add_member(committee_id, &input))
            }

            fn add_existing_member(ctx, committee_id: Id, person_id: Id, role: Role) -> Member => [main] {
                ctx.with(|db| db.add_existing_member(committee_id, person_id, role))
            }

            fn update_member(ctx, committee_id: Id, person_id: Id, patch: MemberPatch) -> Member => [main] {
                ctx.with(|db| db.update_member(committee_id, person_id, &patch))
            }

            fn remove_member(ctx, committee_id: Id, person_id: Id) -> () => [main] {
                ctx.with(|db| db.remove_member(committee_id, person_id))
            }

            fn create_meeting(ctx, input: NewMeeting) -> Meeting => [main] {
                ctx.with(|db| db.create_meeting(&input))
            }

            fn update_meeting(ctx, id: Id, patch: MeetingPatch) -> Meeting => [main] {
                ctx.with(|db| db.update_meeting(id, &patch))
            }

            /// "Mødet påbegyndt kl.": the meeting began now (the secretary's one key press).
            fn mark_meeting_began(ctx, meeting_id: Id) -> Meeting => [main] {
                ctx.with(|db| db.mark_meeting_began(meeting_id))
            }

            /// "Protokollen blev læst og mødet hævet kl.": the meeting was adjourned now.
            fn mark_meeting_adjourned(ctx, meeting_id: Id) -> Meeting => [main] {
                ctx.with(|db| db.mark_meeting_adjourned(meeting_id))
            }

            fn set_meeting_status(ctx, id: Id, status: MeetingStatus) -> Meeting => [main] {
                ctx.with(|db| db.set_meeting_status(id, status))
            }

            fn delete_meeting(ctx, id: Id) -> () => [main] {
                ctx.with(|db| db.delete_meeting(id))
            }

            fn get_meeting(ctx, id: Id) -> MeetingDetail => [main] {
                ctx.with(|db| db.get_meeting(id))
            }

            fn add_agenda_item(ctx, meeting_id: Id, title: String) -> AgendaItem => [main] {
                ctx.with(|db| db.add_agenda_item(meeting_id, &title))
            }

            fn update_agenda_item(ctx, id: Id, patch: AgendaItemPatch) -> AgendaItem => [main] {
                ctx.with(|db| db.update_agenda_item(id, &patch))
            }

            fn move_agenda_item(ctx, id: Id, to_number: u32) -> Vec<AgendaItem> => [main] {
                ctx.with(|db| db.move_agenda_item(id, to_number))
            }

            fn delete_agenda_item(ctx, id: Id) -> Vec<AgendaItem> => [main] {
                ctx.with(|db| db.delete_agenda_item(id))
            }

            /// An agenda item's bilag, in their order.
            fn list_attachments(ctx, agenda_item_id: Id) -> Vec<Attachment> => [main] {
                ctx.with(|db| db.list_attachments(agenda_item_id))
            }

            /// Attach a file chosen in the native dialog; `None` when the user cancelled.
            fn attach_with_dialog(ctx, agenda_item_id: Id) -> Option<Vec<Attachment>> => [main] {
                ctx.attach_with_dialog(agenda_item_id)
            }

            /// Attach a file dropped on the item: its name and bytes (base64) as the drop gave them.
            fn attach_dropped(ctx, agenda_item_id: Id, file_name: String, content_base64: String) -> Vec<Attachment> => [main] {
                ctx.attach_dropped(agenda_item_id, &file_name, &content_base64)
            }

            fn update_attachment(ctx, id: Id, patch: AttachmentPatch) -> Attachment => [main] {
                ctx.with(|db| db.update_attachment(id, &patch))
            }

            fn move_attachment(ctx, id: Id, to_number: u32) -> Vec<Attachment> => [main] {
                ctx.with(|db| db.move_attachment(id, to_number))
            }

            fn detach_attachment(ctx, id: Id) -> Vec<Attachment> => [main] {
                ctx.with(|db| db.detach(id))
            }

            /// A bilag's file for the PDF viewer and image view (base64).
            fn attachment_content(ctx, id: Id) -> AttachmentContent => [main] {
                ctx.attachment_content(id)
            }

            /// Open a bilag in the system's program for its type.
            fn open_attachment(ctx, id: Id) -> () => [main] {
                ctx.open_attachment(id)
            }

            /// Read the text of the bilag not yet read (for search); how many were read.
            fn extract_attachment_texts(ctx) -> u32 => [main] {
                ctx.extract_pending_attachments()
            }

            fn recovery_info(ctx) -> Option<RecoveryInfo> => [main] {
                ctx.workspace.recovery()
            }

            fn list_backups(ctx) -> Vec<BackupFile> => [main] {
                $crate::backup::list(&$crate::backup::dir_for(ctx.workspace.path()))
            }

            /// Replace the workspace with a backup (the current file is backed up or, if damaged, kept
            /// aside first).
            fn restore_backup(ctx, path: String) -> WorkspaceStatus => [main] {
                ctx.restore_listed_backup(&path)
            }

            /// Let the user choose a backup file anywhere (the native open dialog runs here, so the
            /// webview never gets file-system access) and restore it as the restore from the list does.
            /// `None` when the user cancelled.
            fn restore_backup_from_file(ctx) -> Option<WorkspaceStatus> => [main] {
                ctx.restore_backup_from_file()
            }

            /// Take a backup now (into the backups directory); returns the backups, newest first.
            fn backup_now(ctx) -> Vec<BackupFile> => [main] {
                ctx.backup_now()
            }

            /// Keep a database that does not open aside and start an empty workspace.
            fn start_fresh(ctx) -> WorkspaceStatus => [main] {
                ctx.start_fresh()
            }

            fn approve_minutes(ctx, meeting_id: Id, person_id: Id) -> Approval => [main] {
                ctx.with(|db| db.approve_minutes(meeting_id, person_id))
            }

            fn list_approvals(ctx, meeting_id: Id) -> Vec<Approval> => [main] {
                ctx.with(|db| db.list_approvals(meeting_id))
            }

            fn verify_minutes(ctx, meeting_id: Id) -> VerifyReport => [main] {
                ctx.with(|db| db.verify_minutes(meeting_id))
            }

            fn amend_minutes(ctx, meeting_id: Id, agenda_item_id: Option<Id>, field: String, new_text: String, reason: String) -> Amendment => [main] {
                ctx.with(|db| db.amend_minutes(meeting_id, agenda_item_id, &field, &new_text, &reason))
            }

            fn list_amendments(ctx, meeting_id: Id) -> Vec<Amendment> => [main] {
                ctx.with(|db| db.list_amendments(meeting_id))
            }

            fn audit_log(ctx, meeting_id: Id) -> Vec<AuditEntry> => [main] {
                ctx.with(|db| db.audit_log(meeting_id))
            }

            /// Render a document and let the user choose where to save it (the native save dialog runs
            /// here, so the webview never gets file-system access). `None` when the user cancelled.
            fn export_document(ctx, meeting_id: Id, kind: DocKind, format: Format, audience: Audience, lang: Lang) -> Option<String> => [main] {
                ctx.export_document(meeting_id, kind, format, audience, lang)
            }

            /// The samlet dagsorden: the agenda followed by its PDF bilag, as one PDF saved where the
            /// user says; `None` when they cancelled.
            fn export_combined_agenda(ctx, meeting_id: Id, audience: Audience, lang: Lang) -> Option<String> => [main] {
                ctx.export_combined_agenda(meeting_id, audience, lang)
            }

            /// A committee's meetings of one year (or all) as an ICS calendar, saved where the user says.
            fn export_calendar(ctx, committee_id: Id, year: Option<i32>, lang: Lang) -> Option<String> => [main] {
                ctx.export_calendar(committee_id, year, lang)
            }

            /// Import a question set from the text of a TOML file (the UI reads the file the user picked).
            fn import_question_set(ctx, source: String) -> QuestionSetSummary => [main] {
                ctx.with(|db| db.import_question_set(&source))
            }

            /// Import a question set from a TOML file the user picks in the native open dialog (run
            /// here, so the webview gets no file-system access). `None` when the user cancelled; a
            /// malformed file is refused with the line and the problem, and nothing is stored.
            fn import_question_set_file(ctx) -> Option<QuestionSetSummary> => [main] {
                ctx.import_question_set_file()
            }

            /// The built-in sets, then the imported ones.
            fn list_question_sets(ctx) -> Vec<QuestionSetSummary> => [main] {
                ctx.with(|db| db.list_question_sets())
            }

            fn get_question_set(ctx, id: String, version: u32) -> QuestionSet => [main] {
                ctx.with(|db| db.get_question_set(&id, version))
            }


            fn set_walk_plan(ctx, item_id: Id, plan: WalkPlan) -> Walk => [main] {
                ctx.with(|db| db.set_walk_plan(item_id, &plan))
            }

            fn get_walk(ctx, item_id: Id) -> Walk => [main] {
                ctx.with(|db| db.get_walk(item_id))
            }

            fn walk_state(ctx, meeting_id: Id) -> WalkState => [main] {
                ctx.with(|db| db.walk_state(meeting_id))
            }

            fn set_current_step(ctx, meeting_id: Id, item_id: Id, step: u32) -> WalkState => [main] {
                ctx.with(|db| db.set_current_step(meeting_id, item_id, step))
            }

            fn set_positions_named(ctx, meeting_id: Id, named: bool) -> WalkState => [main] {
                ctx.with(|db| db.set_positions_named(meeting_id, named))
            }

            fn save_step_note(ctx, item_id: Id, step: u32, text: String) -> () => [main] {
                ctx.with(|db| db.save_step_note(item_id, step, &text))
            }

            fn step_note(ctx, item_id: Id, step: u32) -> String => [main] {
                ctx.with(|db| db.step_note(item_id, step))
            }

            fn add_question_to_administration(ctx, item_id: Id, step: u32, text: String, asked_by: Option<Id>) -> FollowUp => [main] {
                ctx.with(|db| db.add_question_to_administration(item_id, step, &text, asked_by))
            }

            fn list_questions_to_administration(ctx, item_id: Id) -> Vec<FollowUp> => [main] {
                ctx.with(|db| db.list_questions_to_administration(item_id))
            }

            fn delete_question_to_administration(ctx, id: Id) -> () => [main] {
                ctx.with(|db| db.delete_question_to_administration(id))
            }

            fn set_attendance(ctx, meeting_id: Id, person_id: Id, attendance: Attendance) -> AttendanceEntry => [main] {
                ctx.with(|db| db.set_attendance(meeting_id, person_id, attendance))
            }

            fn list_attendance(ctx, meeting_id: Id) -> MeetingAttendance => [main] {
                ctx.with(|db| db.list_attendance(meeting_id))
            }

            fn add_meeting_guest(ctx, meeting_id: Id, name: String, affiliation: String) -> MeetingGuest => [main] {
                ctx.with(|db| db.add_meeting_guest(meeting_id, &name, &affiliation))
            }

            fn delete_meeting_guest(ctx, guest_id: Id) -> () => [main] {
                ctx.with(|db| db.delete_meeting_guest(guest_id))
            }

            fn set_position(ctx, item_id: Id, step: u32, person_id: Id, input: PositionInput) -> ContinuumResult => [main] {
                ctx.with(|db| db.set_position(item_id, step, person_id, &input))
            }

            fn clear_position(ctx, item_id: Id, step: u32, person_id: Id) -> ContinuumResult => [main] {
                ctx.with(|db| db.clear_position(item_id, step, person_id))
            }

            fn reveal_positions(ctx, item_id: Id, step: u32) -> ContinuumResult => [main] {
                ctx.with(|db| db.reveal_positions(item_id, step))
            }

            fn hide_positions(ctx, item_id: Id, step: u32) -> ContinuumResult => [main] {
                ctx.with(|db| db.hide_positions(item_id, step))
            }

            fn continuum_result(ctx, item_id: Id, step: u32) -> ContinuumResult => [main] {
                ctx.with(|db| db.continuum_result(item_id, step))
            }

            /// Start the second round of positions on a continuum question (after the discussion).
            fn start_second_round(ctx, item_id: Id, step: u32) -> ContinuumResult => [main] {
                ctx.with(|db| db.start_second_round(item_id, step))
            }

            /// A participant's short reason for their position (typed by the secretary).
            fn set_position_reason(ctx, item_id: Id, step: u32, person_id: Id, reason: String) -> ContinuumResult => [main] {
                ctx.with(|db| db.set_position_reason(item_id, step, person_id, &reason))
            }

            /// Minutes planned for a step of the walk, or none.
            fn set_step_timebox(ctx, item_id: Id, step: u32, minutes: Option<u32>) -> Walk => [main] {
                ctx.with(|db| db.set_step_timebox(item_id, step, minutes))
            }

            /// Add a point ("Hvad vil du belyse?") at a step, from a participant or typed by the secretary.
            fn add_walk_point(ctx, item_id: Id, step: u32, person_id: Option<Id>, text: String) -> WalkPoint => [main] {
                ctx.with(|db| db.add_walk_point(item_id, step, person_id, &text))
            }

            /// The points sent in an item's walk.
            fn list_walk_points(ctx, item_id: Id) -> Vec<WalkPoint> => [main] {
                ctx.with(|db| db.list_walk_points(item_id))
            }

            /// Show a point on the room screen (without a name), or take it off.
            fn show_walk_point(ctx, id: Id, shown: bool) -> WalkPoint => [main] {
                ctx.with(|db| db.show_walk_point(id, shown))
            }

            /// Merge a point into another as its duplicate, or undo the merge (`into` = null).
            fn merge_walk_point(ctx, id: Id, into: Option<Id>) -> Vec<WalkPoint> => [main] {
                ctx.with(|db| db.merge_walk_point(id, into))
            }

            /// Turn a point into a question to the administration (a follow-up item).
            fn walk_point_to_question(ctx, id: Id) -> FollowUp => [main] {
                ctx.with(|db| db.walk_point_to_question(id))
            }

            /// Delete a point sent by mistake.
            fn delete_walk_point(ctx, id: Id) -> () => [main] {
                ctx.with(|db| db.delete_walk_point(id))
            }

            fn walk_summary(ctx, item_id: Id) -> WalkSummary => [main] {
                ctx.with(|db| db.walk_summary(item_id))
            }

            fn follow_up_list(ctx, committee_id: Id) -> FollowUpList => [main] {
                ctx.with(|db| db.follow_up_list(committee_id))
            }

            fn create_follow_up(ctx, input: NewFollowUp) -> FollowUpItem => [main] {
                ctx.with(|db| db.create_follow_up(&input))
            }

            fn update_follow_up(ctx, id: Id, patch: FollowUpPatch) -> FollowUpItem => [main] {
                ctx.with(|db| db.update_follow_up(id, &patch))
            }

            fn delete_follow_up(ctx, id: Id) -> () => [main] {
                ctx.with(|db| db.delete_follow_up(id))
            }

            fn follow_up_offer(ctx, meeting_id: Id) -> FollowUpOffer => [main] {
                ctx.with(|db| db.follow_up_offer(meeting_id))
            }

            fn add_follow_up_agenda_item(ctx, meeting_id: Id, follow_up_ids: Vec<Id>) -> AgendaItem => [main] {
                ctx.with(|db| db.add_follow_up_agenda_item(meeting_id, &follow_up_ids))
            }

            fn follow_ups_on_agenda_item(ctx, item_id: Id) -> Vec<FollowUpItem> => [main] {
                ctx.with(|db| db.follow_ups_on_agenda_item(item_id))
            }

            fn position_history(ctx, committee_id: Id, set_id: String) -> PositionHistory => [main] {
                ctx.with(|db| db.position_history(committee_id, &set_id))
            }

            /// What the room's screen may show (the core's read model: never notes, never closed items).
            /// The only command the room window's capability grants.
            fn room_view(ctx, meeting_id: Id) -> RoomView => [room] {
                ctx.with(|db| db.room_view(meeting_id))
            }

            /// Start the live session for a meeting: the core serves the participants' page on the local
            /// network (see `live`); the answer has the URL, join code and QR code to show.
            fn start_live_session(ctx, meeting_id: Id, lang: Lang, address: Option<String>) -> LiveStatus => [main] {
                ctx.start_live_session(meeting_id, lang, address.as_deref())
            }

            /// The machine's IPv4 interfaces a live session can listen on, the default first.
            fn live_interfaces(_ctx) -> Vec<NetInterface> => [main] {
                Ok::<_, ApiError>($crate::live::interfaces())
            }

            /// Let a device take the name it asked for ("Aisha Khalil vil deltage — Godkend").
            fn approve_live_request(ctx, device_id: u32) -> Option<LiveStatus> => [main] {
                ctx.live.approve(device_id)
            }

            /// Refuse a device's request to take a name ("Afvis").
            fn refuse_live_request(ctx, device_id: u32) -> Option<LiveStatus> => [main] {
                ctx.live.refuse(device_id)
            }

            /// Refuse every request that waits ("Afvis alle"): a flood of requests from a script
            /// is cleared in one step.
            fn refuse_all_live_requests(ctx) -> Option<LiveStatus> => [main] {
                ctx.live.refuse_all()
            }

            /// Block a device for the rest of the session: its name is released and it asks no
            /// more.
            fn block_live_device(ctx, device_id: u32) -> Option<LiveStatus> => [main] {
                ctx.live.block(device_id)
            }

            /// A personal one-time code for a participant, for the chair to hand out: choosing
            /// the name with it takes the name without waiting for approval, once.
            fn live_personal_code(ctx, person_id: Id) -> Option<String> => [main] {
                ctx.live.personal_code(person_id)
            }

            /// Stop the live session; its port is closed when this returns.
            fn stop_live_session(ctx) -> () => [main] {
                {
                    ctx.live.stop();
                    Ok::<(), ApiError>(())
                }
            }

            /// Free a participant's name in the live session (a lost phone, a wrong name picked).
            fn release_live_participant(ctx, person_id: Id) -> Option<LiveStatus> => [main] {
                ctx.live.release(person_id)
            }

            /// The running live session (who has joined, who has answered), or `None`.
            fn live_session_status(ctx) -> Option<LiveStatus> => [main] {
                ctx.live.status()
            }

            /// Open the room's screen for a meeting as a second window (for the projector), or point the
            /// one already open at this meeting and bring it forward. The window is made here, so the
            /// main window needs no permission to create windows.
            fn open_room_window(ctx, meeting_id: Id) -> () => [main] {
                ctx.open_room_window(meeting_id)
            }

            fn list_cycle_entries(ctx, committee_id: Id) -> Vec<CycleEntry> => [main] {
                ctx.with(|db| db.list_cycle_entries(committee_id))
            }

            fn create_cycle_entry(ctx, committee_id: Id, input: NewCycleEntry) -> CycleEntry => [main] {
                ctx.with(|db| db.create_cycle_entry(committee_id, &input))
            }

            fn update_cycle_entry(ctx, id: Id, patch: CycleEntryPatch) -> CycleEntry => [main] {
                ctx.with(|db| db.update_cycle_entry(id, &patch))
            }

            fn delete_cycle_entry(ctx, id: Id) -> () => [main] {
                ctx.with(|db| db.delete_cycle_entry(id))
            }

            fn cycle_year(ctx, committee_id: Id, year: i32) -> CycleYear => [main] {
                ctx.with(|db| db.cycle_year(committee_id, year))
            }

            fn create_cycle_year(ctx, committee_id: Id, year: i32) -> CycleYearCreated => [main] {
                ctx.with(|db| db.create_cycle_year(committee_id, year))
            }

            fn list_projects(ctx, committee_id: Option<Id>) -> Vec<Project> => [main] {
                ctx.with(|db| db.list_projects(committee_id))
            }

            fn create_project(ctx, input: NewProject) -> Project => [main] {
                ctx.with(|db| db.create_project(&input))
            }

            fn update_project(ctx, id: Id, patch: ProjectPatch) -> Project => [main] {
                ctx.with(|db| db.update_project(id, &patch))
            }

            fn delete_project(ctx, id: Id) -> () => [main] {
                ctx.with(|db| db.delete_project(id))
            }

            fn get_project(ctx, id: Id) -> ProjectDetail => [main] {
                ctx.with(|db| db.get_project(id))
            }

            fn set_project_phase(ctx, id: Id, phase: u32, note: String) -> ProjectDetail => [main] {
                ctx.with(|db| db.set_project_phase(id, phase, &note))
            }

            fn update_project_phase(ctx, id: Id, phase: u32, patch: ProjectPhasePatch) -> ProjectPhaseNotes => [main] {
                ctx.with(|db| db.update_project_phase(id, phase, &patch))
            }

            fn link_project_meeting(ctx, id: Id, phase: u32, meeting_id: Id, agenda_item_id: Option<Id>) -> ProjectDetail => [main] {
                ctx.with(|db| db.link_project_meeting(id, phase, meeting_id, agenda_item_id))
            }

            fn unlink_project_meeting(ctx, link_id: Id) -> ProjectDetail => [main] {
                ctx.with(|db| db.unlink_project_meeting(link_id))
            }

            fn search(ctx, query: String, limit: u32) -> Vec<SearchHit> => [main] {
                ctx.with(|db| db.search(&query, limit))
            }

            /// "Mente du: …?": the query with a word that is nowhere in the workspace replaced by
            /// the nearest word of the index's own vocabulary, when that finds something.
            fn search_suggestion(ctx, query: String) -> Option<String> => [main] {
                ctx.with(|db| db.search_suggestion(&query))
            }

            /// Save a meeting as a meeting package (.pejling) where the user says. `None` when cancelled.
            fn export_meeting_package(ctx, meeting_id: Id, include_closed: bool) -> Option<String> => [main] {
                ctx.export_meeting_package(meeting_id, include_closed)
            }

            /// Import a meeting package the user picks, as a new meeting. `None` when cancelled.
            fn import_meeting_package(ctx) -> Option<PackageImported> => [main] {
                ctx.import_meeting_package()
            }

            /// Import the package just refused for changing a committee's members, with those
            /// changes, after the user confirmed them.
            fn confirm_package_import(ctx) -> PackageImported => [main] {
                ctx.confirm_package_import()
            }

            /// Pick a package to merge back into its meeting, and show what the merge would do.
            fn review_package_merge(ctx) -> Option<MergePreview> => [main] {
                ctx.review_package_merge()
            }

            /// Merge the reviewed package with the user's choice for every conflict.
            fn merge_reviewed_package(ctx, choices: Vec<ConflictChoice>) -> MergeOutcome => [main] {
                ctx.merge_reviewed_package(&choices)
            }

            /// The frameworks library ("Rammer og inspiration"): Gentofte's DIS model, KL's
            /// catalogue and KL's IT-organisation analysis as transcribed. Read-only, compiled in.
            fn list_frameworks(_ctx) -> Vec<Framework> => [main] {
                Ok::<_, ApiError>($crate::frameworks::built_in().to_vec())
            }

            /// A temamøde agenda item started from one of KL's cases: title, Resumé, preparation
            /// notes in Baggrund and the walk with the six organisation questions, in one
            /// transaction.
            fn add_agenda_item_from_case(ctx, meeting_id: Id, framework_id: String, case_id: String) -> AgendaItem => [main] {
                ctx.with(|db| db.add_agenda_item_from_case(meeting_id, &framework_id, &case_id))
            }

            /// The principles and pejlemærker a committee has adopted from the library.
            fn adopted_framework_entries(ctx, committee_id: Id) -> Vec<AdoptedEntry> => [main] {
                ctx.with(|db| db.adopted_framework_entries(committee_id))
            }

            /// Adopt (or withdraw) a principle or pejlemærke for a committee.
            fn set_framework_entry_adopted(ctx, committee_id: Id, framework_id: String, section_id: String, entry_id: String, adopted: bool) -> Vec<AdoptedEntry> => [main] {
                ctx.with(|db| db.set_framework_entry_adopted(committee_id, &framework_id, &section_id, &entry_id, adopted))
            }

            /// The principles and pejlemærker a committee has written itself.
            fn own_framework_entries(ctx, committee_id: Id) -> Vec<OwnFrameworkEntry> => [main] {
                ctx.with(|db| db.own_framework_entries(committee_id))
            }

            /// Write a principle or pejlemærke of the committee's own (title and text).
            fn add_own_framework_entry(ctx, committee_id: Id, kind: OwnEntryKind, title: String, text: String) -> OwnFrameworkEntry => [main] {
                ctx.with(|db| db.add_own_framework_entry(committee_id, kind, &title, &text))
            }

            /// Change the title and text of a committee's own principle or pejlemærke.
            fn update_own_framework_entry(ctx, id: Id, title: String, text: String) -> OwnFrameworkEntry => [main] {
                ctx.with(|db| db.update_own_framework_entry(id, &title, &text))
            }

            /// Withdraw a committee's own principle or pejlemærke; items keep naming it.
            fn delete_own_framework_entry(ctx, id: Id) -> Vec<OwnFrameworkEntry> => [main] {
                ctx.with(|db| db.delete_own_framework_entry(id))
            }

            /// The pejlemærker an agenda item is weighed against, and those that can be chosen.
            fn item_bearings(ctx, agenda_item_id: Id) -> ItemBearings => [main] {
                ctx.with(|db| db.item_bearings(agenda_item_id))
            }

            /// Weigh an agenda item against one of the committee's pejlemærker (or no longer).
            fn set_item_bearing(ctx, agenda_item_id: Id, key: String, chosen: bool) -> ItemBearings => [main] {
                ctx.with(|db| db.set_item_bearing(agenda_item_id, &key, chosen))
            }

            /// KL's five recommendations as a project's checklist.
            fn project_recommendations(ctx, project_id: Id) -> Vec<ProjectRecommendation> => [main] {
                ctx.with(|db| db.project_recommendations(project_id))
            }

            /// Record whether a project has acted on one of KL's recommendations, with a note.
            fn set_project_recommendation(ctx, project_id: Id, recommendation_id: String, done: bool, note: String) -> Vec<ProjectRecommendation> => [main] {
                ctx.with(|db| db.set_project_recommendation(project_id, &recommendation_id, done, &note))
            }
        }
    };
}
