//! The live session's HTTP routes: joining, the participant's page, writing one's own
//! position, and the stream of changes. See the module docs of `crate::live` for the rules.
//!
//! Every route sits under `/{join code}`; a guard in front of them all rate-limits, checks the
//! code and finds the device (cookie or bearer token), so no handler can forget to. The
//! connections are accepted here, not by `axum::serve`, so that each has a place under the
//! caps, a deadline for its request heads and an idle timeout.

use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, DefaultBodyLimit, Extension, Form, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

use super::admission::{self, Caller, JoinOutcome, Standing};
use super::page::{self, ParticipantView, StepView};
use super::{change_of, open_key, participants, same_secret, Ended, LiveChange, Shared};
use pejling_core::domain::*;
use pejling_core::error::Error;
use pejling_core::store::LiveDeviceRecord;

const COOKIE: &str = "pejling_live";
/// Sent by the page's script: answer with a status, not a redirect.
const FETCH_HEADER: &str = "x-pejling-fetch";

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type S = State<Arc<Shared>>;

/// Set on a connection once it has sent a request with the right join code.
#[derive(Clone)]
struct Proven(Arc<std::sync::atomic::AtomicBool>);

pub(crate) async fn run(shared: Arc<Shared>, listener: std::net::TcpListener) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else { return };
    let poller = tokio::spawn(poll(Arc::clone(&shared)));
    let app = router(Arc::clone(&shared));
    let mut until_stop = shared.shutdown.clone();
    let open = Arc::new(tokio::sync::Semaphore::new(0));
    let mut spawned = 0u32;
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = until_stop.wait_for(|stop| *stop) => break,
        };
        let (stream, addr) = match accepted {
            Ok(pair) => pair,
            Err(_) => {
                // Out of file descriptors, or the like: wait a moment rather than spin.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let Some(ticket) = shared.admit_connection(addr.ip()) else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        spawned += 1;
        let (app, shared, open) = (app.clone(), Arc::clone(&shared), Arc::clone(&open));
        tokio::spawn(async move {
            serve_connection(shared, app, stream, addr, ticket).await;
            open.add_permits(1);
        });
    }
    // The port closes here; open connections finish (streams were told) or are dropped.
    drop(listener);
    let _ = tokio::time::timeout(Duration::from_secs(2), open.acquire_many(spawned)).await;
    poller.abort();
}

/// One connection: HTTP/1.1 with a deadline for each request head, closed when idle, when
/// the session stops, or when a newer connection needs its place.
async fn serve_connection(
    shared: Arc<Shared>,
    app: Router,
    stream: tokio::net::TcpStream,
    addr: SocketAddr,
    ticket: super::ConnectionTicket,
) {
    let started = Instant::now();
    let last = Arc::new(AtomicU64::new(0));
    let io = TokioIo::new(Watched { inner: stream, last: Arc::clone(&last), started });
    let proven = Proven(Arc::clone(&ticket.proven));
    let service = hyper::service::service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
        let mut req = req.map(axum::body::Body::new);
        req.extensions_mut().insert(ConnectInfo(addr));
        req.extensions_mut().insert(proven.clone());
        let mut app = app.clone();
        async move { tower_service::Service::call(&mut app, req).await }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(shared.limits.header_read_timeout).keep_alive(true);
    let conn = builder.serve_connection(io, service);
    tokio::pin!(conn);
    let idle = shared.limits.idle_timeout;
    let mut stop = shared.shutdown.clone();
    let kill = Arc::clone(&ticket.kill);
    let idle_watch = async {
        loop {
            tokio::time::sleep((idle / 4).max(Duration::from_millis(50))).await;
            let quiet = started.elapsed().saturating_sub(Duration::from_millis(last.load(Ordering::Relaxed)));
            if quiet >= idle {
                return;
            }
        }
    };
    tokio::select! {
        _ = conn.as_mut() => {}
        _ = idle_watch => {}
        _ = kill.notified() => {}
        () = stopped(&mut stop) => {
            // Let what is being answered (and the streams' last event) go out.
            conn.as_mut().graceful_shutdown();
            let _ = tokio::time::timeout(Duration::from_secs(2), conn.as_mut()).await;
        }
    }
    drop(ticket);
}

async fn stopped(stop: &mut tokio::sync::watch::Receiver<bool>) {
    let _ = stop.wait_for(|s| *s).await;
}

/// A socket that notes when a byte last moved either way.
struct Watched {
    inner: tokio::net::TcpStream,
    /// Milliseconds since `started`.
    last: Arc<AtomicU64>,
    started: Instant,
}

impl Watched {
    fn touch(&self) {
        self.last.store(self.started.elapsed().as_millis() as u64, Ordering::Relaxed);
    }
}

impl AsyncRead for Watched {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let res = Pin::new(&mut self.inner).poll_read(cx, buf);
        if matches!(res, Poll::Ready(Ok(()))) && buf.filled().len() > before {
            self.touch();
        }
        res
    }
}

impl AsyncWrite for Watched {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, data: &[u8]) -> Poll<std::io::Result<usize>> {
        let res = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(res, Poll::Ready(Ok(n)) if n > 0) {
            self.touch();
        }
        res
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/{code}", get(join_page))
        .route("/{code}/join", post(join))
        .route("/{code}/me", get(me_page))
        .route("/{code}/position", post(position))
        .route("/{code}/point", post(send_point))
        .route("/{code}/state", get(state))
        .route("/{code}/bilag/{id}", get(bilag_file))
        .route("/{code}/events", get(events))
        .route("/{code}/live.css", get(|| async { asset("text/css; charset=utf-8", page::CSS) }))
        .route("/{code}/live.js", get(|| async { asset("text/javascript; charset=utf-8", page::JS) }))
        .route("/{code}/icon.svg", get(|| async { asset("image/svg+xml", page::ICON) }))
        .fallback(|State(s): S| async move { refuse(&s, StatusCode::NOT_FOUND, "live-not-found") })
        .layer(DefaultBodyLimit::max(shared.limits.body_bytes))
        .layer(middleware::from_fn_with_state(Arc::clone(&shared), guard))
        .layer(middleware::from_fn(security_headers))
        .with_state(shared)
}

/// Notice changes made through other connections (the chair moving the walk in the app):
/// SQLite's `data_version` moves whenever another connection commits.
async fn poll(shared: Arc<Shared>) {
    let mut seen = None;
    let mut ticks = 0u32;
    loop {
        tokio::time::sleep(shared.limits.poll_interval).await;
        let s = Arc::clone(&shared);
        let changed = tokio::task::spawn_blocking(move || -> pejling_core::Result<Option<(i64, LiveChange)>> {
            let guard = s.db.lock().unwrap_or_else(|p| p.into_inner());
            let Some(db) = guard.as_ref() else { return Ok(None) };
            let version = db.data_version()?;
            if seen == Some(version) {
                return Ok(None);
            }
            Ok(Some((version, change_of(db, s.meeting_id)?)))
        })
        .await;
        if let Ok(Ok(Some((version, change)))) = changed {
            seen = Some(version);
            publish(&shared, change);
        }
        ticks = ticks.wrapping_add(1);
        if ticks.is_multiple_of(400) {
            shared.participant_limiter.retain_recent();
            shared.anonymous_limiter.retain_recent();
        }
    }
}

fn publish(shared: &Shared, change: LiveChange) {
    shared.changes.send_if_modified(|current| {
        let modified = *current != change;
        *current = change;
        modified
    });
}

async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

/// In front of every route: rate limit, join code, device token, same-origin writes, and a
/// deadline for the answer (a body sent byte by byte does not hold a handler for long).
async fn guard(State(s): S, ConnectInfo(addr): ConnectInfo<SocketAddr>, mut req: Request, next: Next) -> Response {
    let caller = {
        let token = token_of(req.headers());
        s.admission.lock().unwrap_or_else(|p| p.into_inner()).caller(token.as_deref())
    };
    let allowed = match caller.person {
        Some(p) => s.participant_limiter.check_key(&p).is_ok(),
        None => s.anonymous_limiter.check_key(&addr.ip()).is_ok(),
    };
    if !allowed {
        let mut res = refuse(&s, StatusCode::TOO_MANY_REQUESTS, "live-too-many");
        res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
        return res;
    }
    let code = req.uri().path().trim_start_matches('/').split('/').next().unwrap_or("").to_ascii_uppercase();
    if !same_secret(&code, &s.code) {
        return refuse(&s, StatusCode::NOT_FOUND, "live-not-found");
    }
    if let Some(Proven(flag)) = req.extensions().get::<Proven>() {
        flag.store(true, Ordering::Relaxed);
    }
    if req.method() == Method::POST && !same_origin(req.headers()) {
        return refuse(&s, StatusCode::FORBIDDEN, "live-forbidden");
    }
    req.extensions_mut().insert(caller);
    match tokio::time::timeout(s.limits.request_timeout, next.run(req)).await {
        Ok(res) => res,
        Err(_) => refuse(&s, StatusCode::REQUEST_TIMEOUT, "live-too-slow"),
    }
}

/// A browser names the page a POST comes from; it must be this server.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) else { return true };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    origin.split_once("://").is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host))
}

fn token_of(headers: &HeaderMap) -> Option<String> {
    if let Some(bearer) =
        headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim().to_owned());
    }
    headers.get_all(header::COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|c| {
        let (name, value) = c.trim().split_once('=')?;
        (name == COOKIE).then(|| value.to_owned())
    })
}

fn base(s: &Shared) -> String {
    format!("/{}", s.code)
}

fn refuse(s: &Shared, status: StatusCode, key: &str) -> Response {
    let cat = &s.catalog;
    (status, Html(page::message(cat, s.lang, &base_if_known(s, status), &cat.format(key, &[])))).into_response()
}

/// The page links back to joining only for callers who know the code.
fn base_if_known(s: &Shared, status: StatusCode) -> Option<String> {
    (status != StatusCode::NOT_FOUND && status != StatusCode::TOO_MANY_REQUESTS).then(|| base(s))
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

fn see_other(location: String) -> Response {
    (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response()
}

/// Run `f` with the session's database connection, off the async workers.
async fn with_db<T: Send + 'static>(
    s: &Arc<Shared>,
    f: impl FnOnce(&mut pejling_core::Db) -> pejling_core::Result<T> + Send + 'static,
) -> pejling_core::Result<T> {
    let s = Arc::clone(s);
    tokio::task::spawn_blocking(move || {
        let mut guard = s.db.lock().unwrap_or_else(|p| p.into_inner());
        match guard.as_mut() {
            Some(db) => f(db),
            None => Err(Error::Conflict(pejling_core::error::Message::new("error-live-ended"))),
        }
    })
    .await
    .unwrap_or_else(|e| Err(Error::Io(std::io::Error::other(e.to_string()))))
}

fn failed(s: &Shared, e: &Error) -> Response {
    let status = match e.kind() {
        pejling_core::ErrorKind::Validation => StatusCode::UNPROCESSABLE_ENTITY,
        pejling_core::ErrorKind::Locked | pejling_core::ErrorKind::Conflict => StatusCode::CONFLICT,
        pejling_core::ErrorKind::NotFound => StatusCode::NOT_FOUND,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let cat = &s.catalog;
    (status, Html(page::message(cat, s.lang, &Some(base(s)), &e.localized(s.lang)))).into_response()
}

fn standing(s: &Shared, caller: Caller) -> Standing {
    s.admission.lock().unwrap_or_else(|p| p.into_inner()).standing(caller.device)
}

// ---- joining ------------------------------------------------------------------------------

async fn join_page(State(s): S, Extension(caller): Extension<Caller>) -> Response {
    match standing(&s, caller) {
        Standing::Joined | Standing::Waiting | Standing::Blocked => see_other(format!("{}/me", base(&s))),
        _ => join_form(&s, None).await,
    }
}

async fn join_form(s: &Arc<Shared>, notice: Option<&str>) -> Response {
    let meeting_id = s.meeting_id;
    let found = with_db(s, move |db| Ok((db.get_meeting(meeting_id)?, participants(db, meeting_id)?))).await;
    let (detail, people) = match found {
        Ok(found) => found,
        Err(e) => return failed(s, &e),
    };
    let taken = s.admission.lock().unwrap_or_else(|p| p.into_inner()).taken();
    let free: Vec<(Id, String)> =
        people.into_iter().filter(|p| !taken.contains(&p.person_id)).map(|p| (p.person_id, p.name)).collect();
    let cat = &s.catalog;
    let html = page::join(cat, s.lang, &base(s), &detail.meeting.title, &detail.committee.name, &free, notice);
    let status = if notice.is_some() { StatusCode::CONFLICT } else { StatusCode::OK };
    (status, Html(html)).into_response()
}

#[derive(Deserialize)]
struct JoinForm {
    person_id: Id,
    /// A personal one-time code the chair handed out: the name is taken without waiting.
    #[serde(default)]
    code: String,
}

async fn join(
    State(s): S,
    Extension(caller): Extension<Caller>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<JoinForm>,
) -> Response {
    let meeting_id = s.meeting_id;
    let people = match with_db(&s, move |db| participants(db, meeting_id)).await {
        Ok(people) => people,
        Err(e) => return failed(&s, &e),
    };
    if caller.person.is_none() && !people.iter().any(|p| p.person_id == form.person_id) {
        return refuse(&s, StatusCode::FORBIDDEN, "live-join-not-participant");
    }
    let with_code = !form.code.trim().is_empty();
    if with_code
        && caller.person.is_none()
        && !s.admission.lock().unwrap_or_else(|p| p.into_inner()).code_matches(form.person_id, &form.code)
    {
        return refuse(&s, StatusCode::FORBIDDEN, "live-code-wrong");
    }
    let user_agent = headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or("");
    let outcome = s.admission.lock().unwrap_or_else(|p| p.into_inner()).ask(
        caller,
        form.person_id,
        addr.ip(),
        user_agent,
        &s.limits,
    );
    let new_token = match outcome {
        Ok(JoinOutcome::Asked { new_token }) => new_token,
        Ok(JoinOutcome::AlreadyJoined) => return see_other(format!("{}/me", base(&s))),
        Ok(JoinOutcome::Taken) => {
            let cat = &s.catalog;
            return join_form(&s, Some(&cat.format("live-join-taken", &[]))).await;
        }
        Ok(JoinOutcome::Blocked) => return refuse(&s, StatusCode::FORBIDDEN, "live-blocked"),
        Ok(JoinOutcome::TooMany) => return refuse(&s, StatusCode::TOO_MANY_REQUESTS, "live-too-many-requests"),
        Err(e) => return failed(&s, &e),
    };
    if s.admit_all || with_code {
        let decision = if with_code { admission::Decision::Code } else { admission::Decision::Admit };
        let device = {
            let a = s.admission.lock().unwrap_or_else(|p| p.into_inner());
            match &new_token {
                Some(t) => a.caller(Some(t)).device,
                None => caller.device,
            }
        };
        if let Some(device) = device {
            let shared = Arc::clone(&s);
            let decided = tokio::task::spawn_blocking(move || admission::decide(&shared, device, decision)).await;
            if let Ok(Err(e)) = decided {
                return failed(&s, &e);
            }
        }
    }
    let mut res = see_other(format!("{}/me", base(&s)));
    if let Some(token) = new_token {
        let cookie = format!("{COOKIE}={token}; Path={}; HttpOnly; SameSite=Strict", base(&s));
        if let Ok(v) = HeaderValue::from_str(&cookie) {
            res.headers_mut().insert(header::SET_COOKIE, v);
        }
    }
    res
}

// ---- the participant's page -----------------------------------------------------------------

/// What the meeting is at, as this participant may see it.
fn view_of(db: &pejling_core::Db, meeting_id: Id, person_id: Id) -> pejling_core::Result<ParticipantView> {
    let room = db.room_view(meeting_id)?;
    let people = participants(db, meeting_id)?;
    let name = people.iter().find(|p| p.person_id == person_id).map(|p| p.name.clone()).unwrap_or_default();
    let change = change_of(db, meeting_id)?;
    let room_item_id = room.item.as_ref().map(|i| i.agenda_item_id);
    let (item, step) = match room.item {
        Some(item) => {
            let step = match item.step {
                Some(step) => {
                    let open = step.is_continuum && !step.result.as_ref().is_some_and(|r| r.revealed);
                    let (own, own_reason) = if step.is_continuum {
                        (
                            db.own_position(item.agenda_item_id, step.index, person_id)?,
                            db.own_reason(item.agenda_item_id, step.index, person_id)?,
                        )
                    } else {
                        (None, String::new())
                    };
                    let points_prompt =
                        if db.open_live_point_step(meeting_id)? == Some((item.agenda_item_id, step.index)) {
                            step.prompt.clone()
                        } else {
                            None
                        };
                    let round = step.result.as_ref().map_or(1, |r| r.round);
                    Some(StepView {
                        item_id: item.agenda_item_id,
                        index: step.index,
                        where_label: step.where_label,
                        question: step.question,
                        is_continuum: step.is_continuum,
                        open,
                        own,
                        own_reason,
                        round,
                        points_prompt,
                    })
                }
                None => None,
            };
            (Some((item.number, item.title, item.case_technology)), step)
        }
        None => (None, None),
    };
    let bilag = match room_item_id {
        Some(item_id) => open_pdf_bilag(db, item_id)?.into_iter().map(|a| (a.id, a.number, a.title)).collect(),
        None => Vec::new(),
    };
    Ok(ParticipantView {
        meeting_title: room.meeting_title,
        committee: room.committee,
        name,
        item,
        step,
        change,
        bilag,
    })
}

/// The bilag participants may read on their phones: the open PDF bilag of an open item.
fn open_pdf_bilag(db: &pejling_core::Db, item_id: Id) -> pejling_core::Result<Vec<pejling_core::bilag::Attachment>> {
    if db.get_agenda_item(item_id)?.openness != pejling_core::Openness::Open {
        return Ok(Vec::new());
    }
    Ok(db
        .list_attachments(item_id)?
        .into_iter()
        .filter(|a| !a.closed && a.media_type == pejling_core::bilag::MediaType::Pdf)
        .collect())
}

/// A bilag of the item the meeting is at, for an admitted participant: the PDF itself (the
/// phone's own viewer shows it). Any other bilag is not found here.
async fn bilag_file(
    State(s): S,
    Extension(caller): Extension<Caller>,
    axum::extract::Path((_, id)): axum::extract::Path<(String, Id)>,
) -> Response {
    if caller.person.is_none() {
        return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized");
    }
    let meeting_id = s.meeting_id;
    let found = with_db(&s, move |db| {
        let Some(item) = db.room_view(meeting_id)?.item else { return Ok(None) };
        if !open_pdf_bilag(db, item.agenda_item_id)?.iter().any(|a| a.id == id) {
            return Ok(None);
        }
        Ok(Some(db.attachment_bytes(id)?))
    })
    .await;
    match found {
        Ok(Some((a, bytes))) => (
            [
                (header::CONTENT_TYPE, "application/pdf".to_owned()),
                (header::CONTENT_DISPOSITION, format!("inline; filename=\"bilag-{}.pdf\"", a.number)),
                (header::CACHE_CONTROL, "no-store".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => failed(&s, &e),
    }
}

async fn me_page(State(s): S, Extension(caller): Extension<Caller>) -> Response {
    let Some(person) = caller.person else {
        let cat = &s.catalog;
        return match standing(&s, caller) {
            Standing::Waiting => {
                let name = {
                    let a = s.admission.lock().unwrap_or_else(|p| p.into_inner());
                    caller.device.and_then(|d| a.device(d)).and_then(|d| d.request).map(|r| r.0)
                };
                let meeting_id = s.meeting_id;
                let name = with_db(&s, move |db| participants(db, meeting_id))
                    .await
                    .ok()
                    .and_then(|people| people.into_iter().find(|p| Some(p.person_id) == name))
                    .map(|p| p.name)
                    .unwrap_or_default();
                Html(page::waiting(cat, s.lang, &base(&s), &name)).into_response()
            }
            Standing::Refused => refuse(&s, StatusCode::FORBIDDEN, "live-refused"),
            Standing::Blocked => refuse(&s, StatusCode::FORBIDDEN, "live-blocked"),
            _ => refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized"),
        };
    };
    let meeting_id = s.meeting_id;
    match with_db(&s, move |db| view_of(db, meeting_id, person)).await {
        Ok(view) => Html(page::participant(&s.catalog, s.lang, &base(&s), &view)).into_response(),
        Err(e) => failed(&s, &e),
    }
}

#[derive(Serialize)]
struct StateJson {
    key: String,
    answered: u32,
    total: u32,
    item_id: Option<Id>,
    step: Option<u32>,
    open: bool,
    /// The caller's own value on the current question.
    own: Option<u8>,
}

async fn state(State(s): S, Extension(caller): Extension<Caller>) -> Response {
    let Some(person) = caller.person else { return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized") };
    let meeting_id = s.meeting_id;
    match with_db(&s, move |db| view_of(db, meeting_id, person)).await {
        Ok(v) => Json(StateJson {
            key: v.change.key,
            answered: v.change.answered,
            total: v.change.total,
            item_id: v.step.as_ref().map(|st| st.item_id),
            step: v.step.as_ref().map(|st| st.index),
            open: v.step.as_ref().is_some_and(|st| st.open),
            own: match v.step.and_then(|st| st.own) {
                Some(PositionInput::Value(v)) => Some(v),
                _ => None,
            },
        })
        .into_response(),
        Err(e) => failed(&s, &e),
    }
}

// ---- writing one's own position -----------------------------------------------------------

#[derive(Deserialize)]
struct PositionForm {
    item: Id,
    step: u32,
    value: u8,
    /// The short reason for the position; absent leaves it as it is.
    reason: Option<String>,
    /// Never needed (the token says who is writing); when given it must be the caller.
    person_id: Option<Id>,
}

async fn position(
    State(s): S,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    Form(form): Form<PositionForm>,
) -> Response {
    let Some(person) = caller.person else { return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized") };
    if form.person_id.is_some_and(|p| p != person) {
        return refuse(&s, StatusCode::FORBIDDEN, "live-forbidden");
    }
    let Some((device_id, label, address)) = caller_device(&s, &caller) else {
        return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized");
    };
    let meeting_id = s.meeting_id;
    let session = s.session_id.clone();
    let written = with_db(&s, move |db| {
        // Only the question the meeting is at, of an open item, while it is open: checked
        // and written in one transaction with its audit row.
        let name = participant_name(db, meeting_id, person)?;
        let who = LiveDeviceRecord {
            session: &session,
            device_id,
            device_label: &label,
            address: &address,
            person_id: person,
            person_name: &name,
        };
        let Some(result) =
            db.set_live_position(meeting_id, form.item, form.step, form.value, form.reason.as_deref(), &who)?
        else {
            return Ok(None);
        };
        Ok(Some(LiveChange {
            key: open_key(form.item, form.step, result.round),
            answered: result.answered_count,
            total: result.participant_count,
        }))
    })
    .await;
    match written {
        Ok(Some(change)) => {
            publish(&s, change);
            if headers.contains_key(FETCH_HEADER) {
                StatusCode::NO_CONTENT.into_response()
            } else {
                see_other(format!("{}/me", base(&s)))
            }
        }
        Ok(None) => refuse(&s, StatusCode::CONFLICT, "live-closed"),
        Err(e) => failed(&s, &e),
    }
}

/// The caller's device: its id, label and address, as admission knows it.
fn caller_device(s: &Arc<Shared>, caller: &Caller) -> Option<(u32, String, String)> {
    let a = s.admission.lock().unwrap_or_else(|p| p.into_inner());
    caller.device.and_then(|d| a.device(d)).map(|d| (d.id, d.label.clone(), d.address.to_string()))
}

/// A participant's name as the meeting lists it (empty when not found).
fn participant_name(db: &pejling_core::Db, meeting_id: Id, person: Id) -> pejling_core::Result<String> {
    Ok(participants(db, meeting_id)?.into_iter().find(|p| p.person_id == person).map(|p| p.name).unwrap_or_default())
}

// ---- sending a point ("Hvad vil du belyse?") ----------------------------------------------

#[derive(Deserialize)]
struct PointForm {
    item: Id,
    step: u32,
    text: String,
}

async fn send_point(
    State(s): S,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    Form(form): Form<PointForm>,
) -> Response {
    let Some(person) = caller.person else { return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized") };
    let Some((device_id, label, address)) = caller_device(&s, &caller) else {
        return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized");
    };
    let meeting_id = s.meeting_id;
    let session = s.session_id.clone();
    let written = with_db(&s, move |db| {
        let name = participant_name(db, meeting_id, person)?;
        let who = LiveDeviceRecord {
            session: &session,
            device_id,
            device_label: &label,
            address: &address,
            person_id: person,
            person_name: &name,
        };
        Ok(db.add_live_point(meeting_id, form.item, form.step, &form.text, &who)?.is_some())
    })
    .await;
    match written {
        Ok(true) if headers.contains_key(FETCH_HEADER) => StatusCode::NO_CONTENT.into_response(),
        Ok(true) => see_other(format!("{}/me", base(&s))),
        Ok(false) => refuse(&s, StatusCode::CONFLICT, "live-closed"),
        Err(e) => failed(&s, &e),
    }
}

// ---- the stream of changes ----------------------------------------------------------------

/// Counts an open stream while it lives.
struct StreamSlot(Arc<Shared>, Id);

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
        let mut per = self.0.streams_per_person.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(n) = per.get_mut(&self.1) {
            *n -= 1;
            if *n == 0 {
                per.remove(&self.1);
            }
        }
    }
}

/// A place for one more stream of `person`, or `None` when they (or all) have their share.
fn stream_slot(s: &Arc<Shared>, person: Id) -> Option<StreamSlot> {
    let mut per = s.streams_per_person.lock().unwrap_or_else(|p| p.into_inner());
    let mine = per.entry(person).or_insert(0);
    if *mine >= s.limits.max_streams_per_participant {
        return None;
    }
    if s.streams.fetch_add(1, Ordering::SeqCst) >= s.limits.max_streams {
        s.streams.fetch_sub(1, Ordering::SeqCst);
        return None;
    }
    *mine += 1;
    Some(StreamSlot(Arc::clone(s), person))
}

async fn events(State(s): S, Extension(caller): Extension<Caller>) -> Response {
    let Some(person) = caller.person else { return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized") };
    let Some(slot) = stream_slot(&s, person) else {
        return refuse(&s, StatusCode::TOO_MANY_REQUESTS, "live-too-many-streams");
    };
    let mut changes = s.changes.subscribe();
    changes.mark_changed();
    let shutdown = s.shutdown.clone();
    // The last event before the stream ends says why (the chair stopped the session, or the
    // meeting's database was restored); `None` once it has been sent.
    let stream = futures_util::stream::unfold(Some((changes, shutdown, slot)), move |state| async move {
        let (mut changes, mut shutdown, slot) = state?;
        let next = tokio::select! {
            changed = changes.changed() => changed.ok().map(|()| changes.borrow_and_update().clone()),
            _ = shutdown.wait_for(|stop| *stop) => None,
        };
        let cat = &slot.0.catalog;
        let Some(change) = next else {
            let why = *slot.0.ended.lock().unwrap_or_else(|p| p.into_inner());
            let key = match why {
                Some(Ended::Replaced) => "live-ended-replaced",
                _ => "live-ended",
            };
            let data = serde_json::json!({ "message": cat.format(key, &[]) });
            let event = Event::default().event("ended").data(data.to_string());
            return Some((Ok::<_, std::convert::Infallible>(event), None));
        };
        let count = cat
            .format("live-answered", &[("answered", change.answered.to_string()), ("total", change.total.to_string())]);
        let data = serde_json::json!({ "key": change.key, "count": count });
        let event = Event::default().event("change").data(data.to_string());
        Some((Ok(event), Some((changes, shutdown, slot))))
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response()
}
