//! The live session's HTTP routes: joining, the participant's page, writing one's own
//! position, and the stream of changes. See the module docs of `crate::live` for the rules.
//!
//! Every route sits under `/{join code}`; a guard in front of them all rate-limits, checks the
//! code and finds the participant (cookie or bearer token), so no handler can forget to.

use std::future::IntoFuture;
use std::net::SocketAddr;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, DefaultBodyLimit, Extension, Form, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

use super::page::{self, ParticipantView, StepView};
use super::{change_of, new_token, open_key, participants, same_secret, LiveChange, Shared};
use crate::domain::*;
use crate::error::Error;

const COOKIE: &str = "pejling_live";
/// Sent by the page's script: answer with a status, not a redirect.
const FETCH_HEADER: &str = "x-pejling-fetch";

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

type S = State<Arc<Shared>>;

/// Who is asking: the participant their token names, if any.
#[derive(Clone, Copy)]
struct Caller(Option<Id>);

pub(crate) async fn run(shared: Arc<Shared>, listener: std::net::TcpListener) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else { return };
    let poller = tokio::spawn(poll(Arc::clone(&shared)));
    let mut until_stop = shared.shutdown.clone();
    let mut grace = shared.shutdown.clone();
    let serve = axum::serve(listener, router(Arc::clone(&shared)).into_make_service_with_connect_info::<SocketAddr>())
        .with_graceful_shutdown(async move {
            let _ = until_stop.wait_for(|stop| *stop).await;
        })
        .into_future();
    tokio::select! {
        _ = serve => {}
        // Connections that do not close in time are dropped with the runtime.
        _ = async move {
            let _ = grace.wait_for(|stop| *stop).await;
            tokio::time::sleep(Duration::from_secs(2)).await;
        } => {}
    }
    poller.abort();
}

fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/{code}", get(join_page))
        .route("/{code}/join", post(join))
        .route("/{code}/me", get(me_page))
        .route("/{code}/position", post(position))
        .route("/{code}/state", get(state))
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
        let changed = tokio::task::spawn_blocking(move || -> crate::Result<Option<(i64, LiveChange)>> {
            let db = s.db.lock().unwrap_or_else(|p| p.into_inner());
            let version = db.data_version()?;
            if seen == Some(version) {
                return Ok(None);
            }
            Ok(Some((version, change_of(&db, s.meeting_id)?)))
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

/// In front of every route: rate limit, join code, participant token, same-origin writes.
async fn guard(State(s): S, ConnectInfo(addr): ConnectInfo<SocketAddr>, mut req: Request, next: Next) -> Response {
    let person = token_of(req.headers()).and_then(|t| person_of(&s, &t));
    let allowed = match person {
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
    if req.method() == Method::POST && !same_origin(req.headers()) {
        return refuse(&s, StatusCode::FORBIDDEN, "live-forbidden");
    }
    req.extensions_mut().insert(Caller(person));
    next.run(req).await
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

fn person_of(s: &Shared, token: &str) -> Option<Id> {
    let tokens = s.tokens.lock().unwrap_or_else(|p| p.into_inner());
    // Compare with every token, whole, so timing tells nothing about which came close.
    tokens.iter().fold(None, |found, (person, t)| if same_secret(t, token) { Some(*person) } else { found })
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
    f: impl FnOnce(&mut crate::Db) -> crate::Result<T> + Send + 'static,
) -> crate::Result<T> {
    let s = Arc::clone(s);
    tokio::task::spawn_blocking(move || {
        let mut db = s.db.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut db)
    })
    .await
    .unwrap_or_else(|e| Err(Error::Io(std::io::Error::other(e.to_string()))))
}

fn failed(s: &Shared, e: &Error) -> Response {
    let status = match e.kind() {
        crate::ErrorKind::Validation => StatusCode::UNPROCESSABLE_ENTITY,
        crate::ErrorKind::Locked | crate::ErrorKind::Conflict => StatusCode::CONFLICT,
        crate::ErrorKind::NotFound => StatusCode::NOT_FOUND,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    let cat = &s.catalog;
    (status, Html(page::message(cat, s.lang, &Some(base(s)), &e.localized(s.lang)))).into_response()
}

// ---- joining ------------------------------------------------------------------------------

async fn join_page(State(s): S, Extension(caller): Extension<Caller>) -> Response {
    if caller.0.is_some() {
        return see_other(format!("{}/me", base(&s)));
    }
    join_form(&s, None).await
}

async fn join_form(s: &Arc<Shared>, notice: Option<&str>) -> Response {
    let meeting_id = s.meeting_id;
    let found = with_db(s, move |db| Ok((db.get_meeting(meeting_id)?, participants(db, meeting_id)?))).await;
    let (detail, people) = match found {
        Ok(found) => found,
        Err(e) => return failed(s, &e),
    };
    let taken = s.tokens.lock().unwrap_or_else(|p| p.into_inner()).keys().copied().collect::<Vec<_>>();
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
}

async fn join(State(s): S, Extension(caller): Extension<Caller>, Form(form): Form<JoinForm>) -> Response {
    if caller.0.is_some() {
        return see_other(format!("{}/me", base(&s)));
    }
    let meeting_id = s.meeting_id;
    let people = match with_db(&s, move |db| participants(db, meeting_id)).await {
        Ok(people) => people,
        Err(e) => return failed(&s, &e),
    };
    if !people.iter().any(|p| p.person_id == form.person_id) {
        return refuse(&s, StatusCode::FORBIDDEN, "live-join-not-participant");
    }
    let token = {
        let mut tokens = s.tokens.lock().unwrap_or_else(|p| p.into_inner());
        match tokens.entry(form.person_id) {
            std::collections::hash_map::Entry::Occupied(_) => None,
            std::collections::hash_map::Entry::Vacant(slot) => match new_token() {
                Ok(token) => Some(slot.insert(token).clone()),
                Err(e) => return failed(&s, &e),
            },
        }
    };
    let Some(token) = token else {
        let cat = &s.catalog;
        return join_form(&s, Some(&cat.format("live-join-taken", &[]))).await;
    };
    let cookie = format!("{COOKIE}={token}; Path={}; HttpOnly; SameSite=Strict", base(&s));
    let mut res = see_other(format!("{}/me", base(&s)));
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    res
}

// ---- the participant's page -----------------------------------------------------------------

/// What the meeting is at, as this participant may see it.
fn view_of(db: &crate::Db, meeting_id: Id, person_id: Id) -> crate::Result<ParticipantView> {
    let room = db.room_view(meeting_id)?;
    let people = participants(db, meeting_id)?;
    let name = people.iter().find(|p| p.person_id == person_id).map(|p| p.name.clone()).unwrap_or_default();
    let change = change_of(db, meeting_id)?;
    let (item, step) = match room.item {
        Some(item) => {
            let step = match item.step {
                Some(step) => {
                    let open = step.is_continuum && !step.result.as_ref().is_some_and(|r| r.revealed);
                    let own = if step.is_continuum {
                        db.own_position(item.agenda_item_id, step.index, person_id)?
                    } else {
                        None
                    };
                    Some(StepView {
                        item_id: item.agenda_item_id,
                        index: step.index,
                        where_label: step.where_label,
                        question: step.question,
                        is_continuum: step.is_continuum,
                        open,
                        own,
                    })
                }
                None => None,
            };
            (Some((item.number, item.title, item.case_technology)), step)
        }
        None => (None, None),
    };
    Ok(ParticipantView { meeting_title: room.meeting_title, committee: room.committee, name, item, step, change })
}

async fn me_page(State(s): S, Extension(caller): Extension<Caller>) -> Response {
    let Some(person) = caller.0 else { return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized") };
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
    let Some(person) = caller.0 else { return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized") };
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
    /// Never needed (the token says who is writing); when given it must be the caller.
    person_id: Option<Id>,
}

async fn position(
    State(s): S,
    Extension(caller): Extension<Caller>,
    headers: HeaderMap,
    Form(form): Form<PositionForm>,
) -> Response {
    let Some(person) = caller.0 else { return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized") };
    if form.person_id.is_some_and(|p| p != person) {
        return refuse(&s, StatusCode::FORBIDDEN, "live-forbidden");
    }
    let meeting_id = s.meeting_id;
    let written = with_db(&s, move |db| {
        // Only the question the meeting is at, of an open item, while it is open: checked
        // and written in one transaction.
        let Some(result) =
            db.set_live_position(meeting_id, form.item, form.step, person, &PositionInput::Value(form.value))?
        else {
            return Ok(None);
        };
        Ok(Some(LiveChange {
            key: open_key(form.item, form.step),
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

// ---- the stream of changes ----------------------------------------------------------------

/// Counts an open stream while it lives.
struct StreamSlot(Arc<Shared>);

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

async fn events(State(s): S, Extension(caller): Extension<Caller>) -> Response {
    if caller.0.is_none() {
        return refuse(&s, StatusCode::UNAUTHORIZED, "live-unauthorized");
    }
    if s.streams.fetch_add(1, Ordering::SeqCst) >= s.limits.max_streams {
        s.streams.fetch_sub(1, Ordering::SeqCst);
        return refuse(&s, StatusCode::TOO_MANY_REQUESTS, "live-too-many");
    }
    let slot = StreamSlot(Arc::clone(&s));
    let mut changes = s.changes.subscribe();
    changes.mark_changed();
    let shutdown = s.shutdown.clone();
    let stream =
        futures_util::stream::unfold((changes, shutdown, slot), move |(mut changes, mut shutdown, slot)| async move {
            let next = tokio::select! {
                changed = changes.changed() => changed.ok().map(|()| changes.borrow_and_update().clone()),
                _ = shutdown.wait_for(|stop| *stop) => None,
            };
            let change = next?;
            let count = slot.0.catalog.format(
                "live-answered",
                &[("answered", change.answered.to_string()), ("total", change.total.to_string())],
            );
            let data = serde_json::json!({ "key": change.key, "count": count });
            let event = Event::default().event("change").data(data.to_string());
            Some((Ok::<_, std::convert::Infallible>(event), (changes, shutdown, slot)))
        });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15))).into_response()
}
