// The app manifest lists every command, so each needs an explicit `allow-…` permission in a
// capability: a window can call only what its capability grants.
const COMMANDS: &[&str] = &[
    "workspace_status",
    "create_demo",
    "list_committees",
    "get_committee",
    "create_committee",
    "update_committee",
    "delete_committee",
    "list_people",
    "add_member",
    "add_existing_member",
    "update_member",
    "remove_member",
    "create_meeting",
    "update_meeting",
    "set_meeting_status",
    "delete_meeting",
    "get_meeting",
    "add_agenda_item",
    "update_agenda_item",
    "move_agenda_item",
    "delete_agenda_item",
    "recovery_info",
    "list_backups",
    "restore_backup",
    "start_fresh",
    "approve_minutes",
    "list_approvals",
    "verify_minutes",
    "amend_minutes",
    "list_amendments",
    "audit_log",
    "set_actor",
    "get_actor",
    "export_document",
    "export_calendar",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script");
}
