//! The test host: the app's commands served over HTTP on 127.0.0.1, on the real core, for the
//! browser tests (GitButler's `but-server` idea). The routes are derived from the same command
//! list as the Tauri handlers (`pejling::with_commands!`), so a browser test exercises exactly
//! the functions the app calls; only the native dialogs and the room's window differ, and those
//! a test scripts in advance.
//!
//! `cargo run --example testhost -- --ui ui/dist-testhost [--port N]` prints one JSON line,
//! `{"url": "http://127.0.0.1:PORT/"}`, once it listens.
//!
//! Every browser context gets a workspace of its own: the first page load without the
//! `pejling_session` cookie (or with `?scenario=…`) opens a fresh database in a temporary
//! directory and sets the cookie. Scenarios start the workspace as the app starts on a file
//! that does not open: `damaged` (random bytes, with backups), `no-backups`, `too-new` (a
//! database from a newer Pejling) and `in-use` (another Pejling holds it).
//!
//! - `POST /api/<command>` with the arguments as a JSON object (camelCase, as Tauri's IPC):
//!   200 with `{"ok": result}` or `{"err": ApiError}` (a refused input is an answer, not an
//!   HTTP failure, as over Tauri's IPC).
//! - `POST /__test/dialog` with `[{"pick": PATH} | {"save": PATH} | null, …]`: the answers the
//!   next native dialogs give (`null` cancels; with none queued a dialog is cancelled).
//! - `GET /__test/rooms`: the meetings whose room screen the app was asked to open.
//! - `GET /__test/opened`: the files the app was asked to open in the system's program.
//! - `GET /__test/workspace`: the session's database path and its directory.
//! - anything else: the built UI.

use std::collections::{HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use pejling::api::prelude::*;
use pejling::api::{Platform, Workspace};
use pejling::Error;

/// The dialogs and windows of one session: answered from a script, recorded.
#[derive(Default)]
struct Script {
    answers: Mutex<VecDeque<Option<PathBuf>>>,
    rooms: Mutex<Vec<Id>>,
    /// Files the app was asked to open in the system's program.
    opened: Mutex<Vec<String>>,
}

struct ScriptedPlatform(Arc<Script>);

impl ScriptedPlatform {
    fn next(&self) -> Option<PathBuf> {
        self.0.answers.lock().unwrap().pop_front().flatten()
    }
}

impl Platform for ScriptedPlatform {
    fn pick_file(&self, _filter_name: &str, _extensions: &[&str]) -> Option<PathBuf> {
        self.next()
    }
    fn save_file(&self, _suggested_name: &str) -> Option<PathBuf> {
        self.next()
    }
    fn open_room_window(&self, meeting_id: Id, _title: &str) -> Result<(), String> {
        self.0.rooms.lock().unwrap().push(meeting_id);
        Ok(())
    }
    fn open_file(&self, path: &Path) -> Result<(), String> {
        self.0.opened.lock().unwrap().push(path.display().to_string());
        Ok(())
    }
}

struct Session {
    ctx: Ctx,
    script: Arc<Script>,
    dir: tempfile::TempDir,
    /// For the `in-use` scenario: the other Pejling's claim on the file.
    _other: Option<pejling::instance::InstanceLock>,
}

impl Drop for Session {
    fn drop(&mut self) {
        self.ctx.live.stop();
    }
}

struct Host {
    ui: PathBuf,
    sessions: Mutex<HashMap<String, Arc<Session>>>,
}

fn internal(e: impl std::fmt::Display) -> ApiError {
    ApiError::from(Error::Io(std::io::Error::other(e.to_string())))
}

/// Prepare the database file for a scenario, before the workspace opens it.
fn prepare(path: &Path, scenario: &str) -> Result<Option<pejling::instance::InstanceLock>, ApiError> {
    let with_backup = || -> Result<(), ApiError> {
        let mut db = pejling::Db::open(path)?;
        pejling::demo::create(&mut db)?;
        db.auto_backup(pejling::backup::Reason::Manual)?;
        db.close()?;
        Ok(())
    };
    let garbage = |path: &Path| -> Result<(), ApiError> {
        let bytes: Vec<u8> = (0..64 * 1024).map(|i: u32| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
        for leftover in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{leftover}", path.display()));
        }
        std::fs::write(path, bytes).map_err(internal)
    };
    match scenario {
        "" => Ok(None),
        "damaged" => {
            with_backup()?;
            garbage(path)?;
            Ok(None)
        }
        "no-backups" => {
            garbage(path)?;
            Ok(None)
        }
        "too-new" => {
            with_backup()?;
            let conn = rusqlite::Connection::open(path).map_err(internal)?;
            conn.pragma_update(None, "user_version", 99).map_err(internal)?;
            Ok(None)
        }
        "in-use" => Ok(Some(pejling::instance::InstanceLock::acquire(path)?)),
        other => Err(internal(format!("unknown scenario {other:?}"))),
    }
}

impl Host {
    fn new_session(&self, scenario: &str) -> Result<(String, Arc<Session>), ApiError> {
        let dir = tempfile::Builder::new().prefix("pejling-testhost-").tempdir().map_err(internal)?;
        let path = dir.path().join("pejling.sqlite3");
        let other = prepare(&path, scenario)?;
        let script = Arc::new(Script::default());
        // Each browser context is its own machine: its own identity (who is writing).
        let workspace = Workspace::open_as(path, dir.path().join("identity.json"));
        workspace.wait_for_start_backup();
        let ctx = Ctx::new(workspace, Box::new(ScriptedPlatform(Arc::clone(&script))));
        let id = format!("{:032x}", fastrand::u128(..));
        let session = Arc::new(Session { ctx, script, dir, _other: other });
        self.sessions.lock().unwrap().insert(id.clone(), Arc::clone(&session));
        Ok((id, session))
    }

    fn session(&self, headers: &HeaderMap) -> Option<Arc<Session>> {
        let id = session_cookie(headers)?;
        self.sessions.lock().unwrap().get(&id).cloned()
    }
}

fn session_cookie(headers: &HeaderMap) -> Option<String> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    cookies.split(';').find_map(|c| c.trim().strip_prefix("pejling_session=").map(str::to_owned))
}

/// One route per command of the list, each calling the same core function as the app.
macro_rules! http_dispatch {
    ($( $(#[$meta:meta])* fn $name:ident ( $ctx:ident $(, $arg:ident : $ty:ty)* $(,)? ) -> $ret:ty
        => [$($win:ident)*] $body:block )*) => {
        fn dispatch(ctx: &Ctx, name: &str, args: serde_json::Value) -> Option<Result<serde_json::Value, ApiError>> {
            match name {
                $( stringify!($name) => Some((|| {
                    #[derive(serde::Deserialize)]
                    #[serde(rename_all = "camelCase")]
                    struct Args { $( $arg: $ty, )* }
                    let Args { $($arg),* } = serde_json::from_value(args)
                        .map_err(|e| internal(format!("bad arguments to {}: {e}", stringify!($name))))?;
                    let value = pejling::api::$name(ctx $(, $arg)*)?;
                    serde_json::to_value(value).map_err(internal)
                })()), )*
                _ => None,
            }
        }
    };
}

pejling::with_commands!(http_dispatch);

async fn call(
    State(host): State<Arc<Host>>,
    UrlPath(name): UrlPath<String>,
    headers: HeaderMap,
    body: Option<Json<serde_json::Value>>,
) -> Response {
    let Some(session) = host.session(&headers) else {
        return (StatusCode::UNAUTHORIZED, "no session: load the page first").into_response();
    };
    let args = match body {
        Some(Json(serde_json::Value::Null)) | None => serde_json::json!({}),
        Some(Json(v)) => v,
    };
    let result = tokio::task::spawn_blocking(move || dispatch(&session.ctx, &name, args)).await;
    match result {
        Ok(Some(Ok(value))) => Json(serde_json::json!({ "ok": value })).into_response(),
        Ok(Some(Err(e))) => Json(serde_json::json!({ "err": e })).into_response(),
        Ok(None) => (StatusCode::NOT_FOUND, "no such command").into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("the command panicked: {e}")).into_response(),
    }
}

async fn script_dialogs(
    State(host): State<Arc<Host>>,
    headers: HeaderMap,
    Json(answers): Json<Vec<Option<serde_json::Value>>>,
) -> Response {
    let Some(session) = host.session(&headers) else { return StatusCode::UNAUTHORIZED.into_response() };
    let mut queue = session.script.answers.lock().unwrap();
    for answer in answers {
        let path =
            answer.and_then(|a| a.get("pick").or_else(|| a.get("save")).and_then(|p| p.as_str()).map(PathBuf::from));
        queue.push_back(path);
    }
    StatusCode::NO_CONTENT.into_response()
}

async fn rooms(State(host): State<Arc<Host>>, headers: HeaderMap) -> Response {
    let Some(session) = host.session(&headers) else { return StatusCode::UNAUTHORIZED.into_response() };
    let rooms = session.script.rooms.lock().unwrap().clone();
    Json(rooms).into_response()
}

async fn opened(State(host): State<Arc<Host>>, headers: HeaderMap) -> Response {
    let Some(session) = host.session(&headers) else { return StatusCode::UNAUTHORIZED.into_response() };
    let opened = session.script.opened.lock().unwrap().clone();
    Json(opened).into_response()
}

async fn workspace(State(host): State<Arc<Host>>, headers: HeaderMap) -> Response {
    let Some(session) = host.session(&headers) else { return StatusCode::UNAUTHORIZED.into_response() };
    Json(serde_json::json!({
        "db": session.ctx.workspace.path().display().to_string(),
        "dir": session.dir.path().display().to_string(),
    }))
    .into_response()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The built UI. A page load without a session (or with `?scenario=`) starts a new one.
async fn static_file(
    State(host): State<Arc<Host>>,
    headers: HeaderMap,
    uri: axum::http::Uri,
    Query(query): Query<HashMap<String, String>>,
) -> Response {
    let rel = uri.path().trim_start_matches('/');
    let rel = if rel.is_empty() { "index.html" } else { rel };
    if rel.split('/').any(|part| part == ".." || part.is_empty()) {
        return StatusCode::NOT_FOUND.into_response();
    }
    let file = host.ui.join(rel);
    let Ok(bytes) = std::fs::read(&file) else { return StatusCode::NOT_FOUND.into_response() };
    let mut response = ([(header::CONTENT_TYPE, content_type(&file))], bytes).into_response();
    if rel == "index.html" {
        let scenario = query.get("scenario").cloned();
        if scenario.is_some() || host.session(&headers).is_none() {
            let host = Arc::clone(&host);
            let made = tokio::task::spawn_blocking(move || host.new_session(scenario.as_deref().unwrap_or(""))).await;
            match made {
                Ok(Ok((id, _))) => {
                    let cookie = format!("pejling_session={id}; Path=/; SameSite=Strict; HttpOnly");
                    response.headers_mut().insert(header::SET_COOKIE, cookie.parse().expect("a valid cookie"));
                }
                Ok(Err(e)) => return (StatusCode::INTERNAL_SERVER_ERROR, e.message).into_response(),
                Err(e) => return (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
            }
        }
    }
    response
}

#[tokio::main]
async fn main() {
    let mut args = std::env::args().skip(1);
    let (mut ui, mut port) = (PathBuf::from("ui/dist-testhost"), 0u16);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--ui" => ui = PathBuf::from(args.next().expect("--ui DIR")),
            "--port" => port = args.next().and_then(|p| p.parse().ok()).expect("--port N"),
            other => panic!("unknown argument {other}"),
        }
    }
    assert!(
        ui.join("index.html").exists(),
        "{}/index.html is missing: build the UI with --mode testhost",
        ui.display()
    );
    let host = Arc::new(Host { ui, sessions: Mutex::new(HashMap::new()) });
    let app = Router::new()
        .route("/api/{name}", post(call))
        .route("/__test/dialog", post(script_dialogs))
        .route("/__test/rooms", get(rooms))
        .route("/__test/opened", get(opened))
        .route("/__test/workspace", get(workspace))
        .fallback(static_file)
        .with_state(host);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await.expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("a local address");
    println!("{}", serde_json::json!({ "url": format!("http://{addr}/") }));
    use std::io::Write;
    let _ = std::io::stdout().flush();
    axum::serve(listener, app).await.expect("serve");
}
