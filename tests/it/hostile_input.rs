//! Issue 6, the core half: everything a user types is exported as text. Hostile payloads —
//! markup with event handlers, scripts, attribute break-outs, `javascript:` links, Markdown
//! links and raw HTML — go into every text field a meeting's documents show (committee,
//! members, the meeting, every agenda item field, the walk's case, notes and questions to the
//! administration, guests, an amendment after approval). The HTML export is then read with a
//! real HTML tokenizer (html5ever) and the Markdown export with a CommonMark parser
//! (pulldown-cmark, also rendered to HTML and tokenized): no element or attribute appears
//! that the clean document does not have, no event-handler attribute, no `javascript:` URL,
//! no raw HTML in the Markdown — and each payload reads back literally as text. Line breaks
//! typed into a title or place never become properties or events of the calendar (ICS) file.
//! The live session's pages, served by the core to participants' own phones, are held to the
//! same rules as the HTML export.

use pejling::documents::Export as _;
use std::cell::RefCell;
use std::collections::BTreeSet;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};
use pejling::documents::{Audience, DocKind, Format};
use pejling::*;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// What hostile users type. Each is tried in every field.
const PAYLOADS: &[&str] = &[
    r#"<img src=x onerror="window.__xss=1">"#,
    "<script>window.__xss=1</script>",
    r#""><svg onload=window.__xss=1>"#,
    "'><iframe srcdoc=\"<script>window.__xss=1</script>\"></iframe>",
    "' onmouseover='window.__xss=1' x='",
    r#"<a href="javascript:window.__xss=1">klik</a>"#,
    "javascript:window.__xss=1",
    "[klik](javascript:window.__xss=1) ![billede](javascript:window.__xss=1)",
    "<javascript:window.__xss=1> <https://eksempel.invalid/?q=<script>>",
    "<style>body{display:none}</style><!-- kommentar --> <![CDATA[ x ]]>",
    "&lt;script&gt;window.__xss=1&lt;/script&gt; &amp; &#60;b&#62;",
    "<details open ontoggle=window.__xss=1><summary>x</summary></details>",
    "`kode` **fed** _kursiv_ | tabel | # overskrift <b onclick=window.__xss=1>b</b>",
];

/// The fields the minutes show, as the tags that mark each payload. (A member's party gets a
/// payload too but is not in the documents.)
const FIELDS: &[&str] = &[
    "committee",
    "member",
    "meeting-title",
    "meeting-place",
    "item-title",
    "case-id",
    "summary",
    "background",
    "recommendation",
    "previous-decisions",
    "decision",
    "case-technology",
    "case-problem",
    "note",
    "question",
    "guest",
    "affiliation",
    "amendment",
    "amendment-reason",
];

fn marked(field: &str, payload: &str) -> String {
    format!("{field}: {payload}")
}

/// The demo's temamøde with `payload` in every field (`None`: the clean demo), closed,
/// approved and amended. Returns the database and the meeting.
fn meeting_with(payload: Option<&str>) -> (Db, Id) {
    let mut db = Db::open_in_memory().unwrap();
    let c = pejling::demo::create(&mut db).unwrap();
    let detail = db.get_committee(c.id).unwrap();
    let meeting = detail.meetings.iter().find(|m| m.title == pejling::demo::THEME_MEETING_TITLE).unwrap().id;
    let v = |field: &str| payload.map(|p| marked(field, p)).unwrap_or_else(|| format!("{field}: tekst"));
    db.update_committee(c.id, &CommitteePatch { name: Some(v("committee")), ..Default::default() }).unwrap();
    for (n, m) in detail.members.iter().enumerate() {
        let patch = MemberPatch {
            // Names must stay distinct for the approval; the payload follows the number.
            name: Some(format!("{n} {}", v("member"))),
            party: Some(v("party")),
            ..Default::default()
        };
        db.update_member(c.id, m.person_id, &patch).unwrap();
    }
    db.update_meeting(
        meeting,
        &MeetingPatch { title: Some(v("meeting-title")), place: Some(v("meeting-place")), ..Default::default() },
    )
    .unwrap();
    let items = db.list_agenda_items(meeting).unwrap();
    for item in &items {
        let patch = AgendaItemPatch {
            title: Some(v("item-title")),
            case_id: Some(v("case-id")),
            summary: Some(v("summary")),
            background: Some(v("background")),
            recommendation: Some(v("recommendation")),
            previous_decisions: Some(v("previous-decisions")),
            decision: Some(v("decision")),
            ..Default::default()
        };
        db.update_agenda_item(item.id, &patch).unwrap();
    }
    // The item with the walk: its case, a note and a question to the administration.
    let case = items.iter().find(|i| !db.get_walk(i.id).unwrap().steps.is_empty()).unwrap().id;
    let mut plan = db.get_walk(case).unwrap().plan;
    plan.case_technology = v("case-technology");
    plan.case_problem = v("case-problem");
    db.set_walk_plan(case, &plan).unwrap();
    db.save_step_note(case, 0, &v("note")).unwrap();
    db.add_question_to_administration(case, 1, &v("question"), None).unwrap();
    db.add_meeting_guest(meeting, &v("guest"), &v("affiliation")).unwrap();
    // Closed, approved by the chair, then amended.
    for status in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(meeting, status).unwrap();
    }
    let chair = db.get_committee(c.id).unwrap().members.into_iter().find(|m| m.role == Role::Chair).unwrap();
    db.approve_minutes(meeting, chair.person_id).unwrap();
    db.amend_minutes(meeting, Some(case), "decision", &v("amendment"), &v("amendment-reason")).unwrap();
    (db, meeting)
}

fn export(db: &Db, meeting: Id, kind: DocKind, format: Format) -> String {
    String::from_utf8(db.export(meeting, kind, format, Audience::Internal, Lang::Da).unwrap()).unwrap()
}

/// An HTML document as a tokenizer sees it: start tags with their attributes, and the text.
/// A start tag's name and attributes.
type StartTag = (String, Vec<(String, String)>);
/// A document, the texts it must contain, and the sets to compare.
type DocCase<'a> = (DocKind, &'a [&'a str], BTreeSet<String>, BTreeSet<String>);

#[derive(Default)]
struct Read {
    tags: RefCell<Vec<StartTag>>,
    /// Text content, entities decoded; `\u{1}` wherever a tag or comment stood.
    text: RefCell<String>,
}

impl TokenSink for Read {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        match token {
            Token::TagToken(tag) => {
                self.text.borrow_mut().push('\u{1}');
                if tag.kind == TagKind::StartTag {
                    let name = tag.name.to_string();
                    let attrs = tag.attrs.iter().map(|a| (a.name.local.to_string(), a.value.to_string())).collect();
                    self.tags.borrow_mut().push((name.clone(), attrs));
                    // What the tree builder would switch the tokenizer to for these elements.
                    match name.as_str() {
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" => {
                            return TokenSinkResult::RawData(RawKind::Rawtext)
                        }
                        "script" => return TokenSinkResult::RawData(RawKind::ScriptData),
                        "title" | "textarea" => return TokenSinkResult::RawData(RawKind::Rcdata),
                        _ => {}
                    }
                }
            }
            Token::CharacterTokens(text) => self.text.borrow_mut().push_str(&text),
            Token::CommentToken(_) => self.text.borrow_mut().push('\u{1}'),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

fn read_html(html: &str) -> Read {
    let tokenizer = Tokenizer::new(Read::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink
}

/// Tag names, `tag[attribute]` pairs, and how many scripts a document has (`script×N`: a page
/// may load its own script; one more is one too many).
fn vocabulary(read: &Read) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut scripts = 0;
    for (tag, attrs) in read.tags.borrow().iter() {
        out.insert(tag.clone());
        scripts += usize::from(tag == "script");
        for (name, _) in attrs {
            out.insert(format!("{tag}[{name}]"));
        }
    }
    out.insert(format!("script×{scripts}"));
    out
}

/// Nothing in `html` can run: only the clean document's elements and attributes, no event
/// handler, no script URL, no script element; and every field's payload reads as text.
fn assert_inert_html(html: &str, clean: &BTreeSet<String>, payload: &str, fields: &[&str], what: &str) {
    let read = read_html(html);
    let found = vocabulary(&read);
    let extra: Vec<_> = found.difference(clean).collect();
    assert!(extra.is_empty(), "{what}: markup from user text {extra:?} for payload {payload:?}");
    for (tag, attrs) in read.tags.borrow().iter() {
        let active = matches!(tag.as_str(), "script" | "iframe" | "object" | "embed" | "svg" | "img");
        assert!(!active || clean.contains(tag), "{what}: <{tag}>");
        for (name, value) in attrs {
            assert!(!name.starts_with("on"), "{what}: <{tag} {name}={value:?}>");
            let v: String = value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
            assert!(!v.to_ascii_lowercase().starts_with("javascript:"), "{what}: <{tag} {name}={value:?}>");
        }
    }
    let text = read.text.borrow();
    for field in fields {
        let expected = marked(field, payload);
        assert!(text.contains(&expected), "{what}: {field} does not read as typed: {expected:?}\n--- text:\n{text}");
    }
}

/// The Markdown, parsed as CommonMark (with GitHub's tables and strikethrough): no raw HTML,
/// no link or image from user text, each payload read back as text; and its rendering to
/// HTML is as inert as the HTML export.
fn assert_inert_markdown(md: &str, clean_md: &BTreeSet<String>, payload: &str, fields: &[&str], what: &str) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    for event in Parser::new_ext(md, options) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => panic!("{what}: raw HTML {h:?} for payload {payload:?}"),
            Event::Start(Tag::Link { dest_url, .. }) => {
                panic!("{what}: a link to {dest_url:?} for payload {payload:?}")
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                panic!("{what}: an image {dest_url:?} for payload {payload:?}")
            }
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => text.push('\u{1}'),
        }
    }
    for field in fields {
        let expected = marked(field, payload);
        assert!(
            text.contains(&expected),
            "{what}: {field} does not read as typed: {expected:?}\n--- text:\n{text}\n--- md:\n{md}"
        );
    }
    let mut rendered = String::new();
    pulldown_cmark::html::push_html(&mut rendered, Parser::new_ext(md, options));
    assert_inert_html(&rendered, clean_md, payload, fields, &format!("{what} rendered"));
}

/// Fields each document shows (the agenda has no decisions, amendments, walk or attendance).
const AGENDA_FIELDS: &[&str] = &[
    "committee",
    "meeting-title",
    "meeting-place",
    "item-title",
    "case-id",
    "summary",
    "background",
    "recommendation",
    "previous-decisions",
];

#[test]
fn hostile_text_in_every_field_is_exported_as_text_in_html_and_markdown() {
    let (clean_db, clean_meeting) = meeting_with(None);
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // Per document: the fields it shows and the clean document's markup (HTML export, and
    // the Markdown export rendered to HTML).
    let documents: Vec<DocCase<'_>> = [(DocKind::Minutes, FIELDS), (DocKind::Agenda, AGENDA_FIELDS)]
        .into_iter()
        .map(|(kind, fields)| {
            let html = vocabulary(&read_html(&export(&clean_db, clean_meeting, kind, Format::Html)));
            let md = export(&clean_db, clean_meeting, kind, Format::Md);
            let mut rendered = String::new();
            pulldown_cmark::html::push_html(&mut rendered, Parser::new_ext(&md, options));
            (kind, fields, html, vocabulary(&read_html(&rendered)))
        })
        .collect();
    // The check looks: the clean minutes are real documents with markup, and the tokenizer
    // does see an event handler where there is one.
    assert!(documents[0].2.contains("h1") && documents[0].2.contains("meta[content]"), "{:?}", documents[0].2);
    let probe = read_html(r#"<p>x</p><img src=x onerror="y">"#);
    assert!(vocabulary(&probe).contains("img[onerror]"));

    for payload in PAYLOADS {
        let (db, meeting) = meeting_with(Some(payload));
        for (kind, fields, clean_html, clean_md) in &documents {
            let what = format!("{kind:?}");
            let html = export(&db, meeting, *kind, Format::Html);
            assert_inert_html(&html, clean_html, payload, fields, &format!("{what} HTML"));
            let md = export(&db, meeting, *kind, Format::Md);
            assert_inert_markdown(&md, clean_md, payload, fields, &format!("{what} Markdown"));
        }
    }
}

/// The checks are not vacuous: a document that let the payload through as markup, or
/// Markdown that kept a link or raw HTML, fails them.
#[test]
fn the_checks_catch_markup_that_got_through() {
    let clean = vocabulary(&read_html("<!DOCTYPE html><html><body><p>x</p><a href=\"#a\">a</a></body></html>"));
    let payload = PAYLOADS[0];
    let escaped = format!("<p>note: {}</p>", payload.replace('&', "&amp;").replace('<', "&lt;"));
    assert_inert_html(&escaped, &clean, payload, &["note"], "escaped");
    let fails = |html: String| {
        let clean = clean.clone();
        std::panic::catch_unwind(move || assert_inert_html(&html, &clean, payload, &["note"], "probe")).is_err()
    };
    assert!(fails(format!("<p>note: {payload}</p>")), "an <img onerror> passed");
    assert!(fails(format!("<p>note: {}</p><a href=\" JavaScript:x\">a</a>", escaped)), "a javascript: link passed");
    assert!(fails(format!("<p onclick=\"x\">note: {}</p>", &escaped[3..])), "an event handler passed");
    assert!(fails("<p>note: something else</p>".into()), "a missing payload passed");
    // A page with a script of its own: one more, from the data, is caught all the same.
    let own = vocabulary(&read_html("<p>x</p><script src=\"/a.js\"></script>"));
    let page =
        |body: &str| format!("<p>note: {}</p>{body}<script src=\"/a.js\"></script>", &escaped[3..escaped.len() - 4]);
    assert_inert_html(&page(""), &own, payload, &["note"], "own script");
    let own2 = own.clone();
    let extra = page("<script>window.__xss=1</script>");
    assert!(std::panic::catch_unwind(move || assert_inert_html(&extra, &own2, payload, &["note"], "probe")).is_err());

    let md_fails = |md: &'static str| {
        let clean = clean.clone();
        std::panic::catch_unwind(move || assert_inert_markdown(md, &clean, "x", &["note"], "probe")).is_err()
    };
    assert!(!md_fails("note: x\n"));
    assert!(md_fails("note: x <b>y</b>\n"), "inline HTML passed");
    assert!(md_fails("note: x [k](javascript:y)\n"), "a link passed");
    assert!(md_fails("<div>\nnote: x\n</div>\n"), "an HTML block passed");
}

/// The calendar file is text for calendar programs: a line break typed into a title, place
/// or item text never starts a property or an event of its own (RFC 5545 escaping).
#[test]
fn line_breaks_in_user_text_never_make_calendar_properties() {
    const INJECT: &str =
        "Møde\r\nATTENDEE:mailto:udefra@eksempel.invalid\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Falsk møde";
    let mut db = Db::open_in_memory().unwrap();
    let c = pejling::demo::create(&mut db).unwrap();
    let meeting = db
        .get_committee(c.id)
        .unwrap()
        .meetings
        .iter()
        .find(|m| m.title == pejling::demo::THEME_MEETING_TITLE)
        .unwrap()
        .id;
    db.update_meeting(
        meeting,
        &MeetingPatch { title: Some(INJECT.into()), place: Some(INJECT.into()), ..Default::default() },
    )
    .unwrap();
    for item in db.list_agenda_items(meeting).unwrap() {
        db.update_agenda_item(
            item.id,
            &AgendaItemPatch { title: Some(INJECT.into()), summary: Some(INJECT.into()), ..Default::default() },
        )
        .unwrap();
    }
    let ics = export(&db, meeting, DocKind::Agenda, Format::Ics);
    // Unfolded content lines: none of them is a property the user typed.
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    for line in unfolded.split("\r\n") {
        assert!(
            !line.starts_with("ATTENDEE") && !line.starts_with("SUMMARY:Falsk"),
            "an injected line: {line:?}\n{ics}"
        );
    }
    assert_eq!(unfolded.split("\r\n").filter(|l| *l == "BEGIN:VEVENT").count(), 1, "{ics}");
    let cal: icalendar::Calendar = ics.parse().expect("a standard parser reads it");
    let events: Vec<_> = cal.components.iter().filter_map(|c| c.as_event()).collect();
    assert_eq!(events.len(), 1);
    use icalendar::Component;
    // Read back as typed (a line break stays one), not as properties.
    let typed = INJECT.replace("\r\n", "\n");
    let summary = events[0].property_value("SUMMARY").unwrap();
    assert!(summary.ends_with(&format!(": {typed}")), "{summary:?}");
    assert_eq!(events[0].property_value("LOCATION"), Some(typed.as_str()));
    assert!(events[0].properties().keys().all(|k| k != "ATTENDEE"));
}

// ---- the live session's pages (participants' own devices) -----------------------------------

/// One HTTP/1.1 GET or form POST on its own connection: (status, headers, body).
fn http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: &str,
) -> (u16, String, String) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(c) = cookie {
        req.push_str(&format!("Cookie: pejling_live={c}\r\n"));
    }
    if method == "POST" {
        req.push_str(&format!("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    stream.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

/// The join page and a participant's page of a live session over the demo temamøde, with
/// `payload` in the names, titles and the case (None: the clean demo).
fn live_pages(payload: Option<&str>) -> (String, String) {
    use pejling::live::{LiveConfig, LiveSession};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.sqlite3");
    let mut db = Db::open(&path).unwrap();
    let c = pejling::demo::create(&mut db).unwrap();
    let v = |field: &str| payload.map(|p| marked(field, p)).unwrap_or_else(|| format!("{field}: tekst"));
    let meeting =
        db.list_meetings(None).unwrap().into_iter().find(|m| m.title == pejling::demo::THEME_MEETING_TITLE).unwrap().id;
    db.update_committee(c.id, &CommitteePatch { name: Some(v("committee")), ..Default::default() }).unwrap();
    db.update_meeting(meeting, &MeetingPatch { title: Some(v("meeting-title")), ..Default::default() }).unwrap();
    let chair = db.get_committee(c.id).unwrap().members.into_iter().find(|m| m.role == Role::Chair).unwrap();
    db.update_member(c.id, chair.person_id, &MemberPatch { name: Some(v("member")), ..Default::default() }).unwrap();
    let items = db.list_agenda_items(meeting).unwrap();
    let case = items.iter().find(|i| !db.get_walk(i.id).unwrap().steps.is_empty()).unwrap().id;
    db.update_agenda_item(case, &AgendaItemPatch { title: Some(v("item-title")), ..Default::default() }).unwrap();
    let mut plan = db.get_walk(case).unwrap().plan;
    plan.case_technology = v("case-technology");
    db.set_walk_plan(case, &plan).unwrap();
    let continuum = db.get_walk(case).unwrap().steps.iter().find(|s| s.is_continuum).unwrap().index;
    db.set_current_step(meeting, case, continuum).unwrap();

    // Admitted at once: this test is about the pages' text, not about admission.
    let mut config = LiveConfig::new(&path, meeting, "127.0.0.1:0".parse().unwrap());
    config.admit_all = true;
    let session = LiveSession::start(config).unwrap();
    let addr: std::net::SocketAddr = format!("127.0.0.1:{}", session.port()).parse().unwrap();
    let base = format!("/{}", session.join_code().replace('-', ""));
    let (status, _, join_page) = http(addr, "GET", &base, None, "");
    assert_eq!(status, 200, "{join_page}");
    let (status, head, body) =
        http(addr, "POST", &format!("{base}/join"), None, &format!("person_id={}", chair.person_id));
    assert_eq!(status, 303, "{body}");
    let token = head
        .lines()
        .find_map(|l| l.to_ascii_lowercase().starts_with("set-cookie:").then(|| l.to_owned()))
        .and_then(|l| l.split_once('=').map(|(_, v)| v.split(';').next().unwrap().to_owned()))
        .expect("a participant cookie");
    let (status, _, me) = http(addr, "GET", &format!("{base}/me"), Some(&token), "");
    assert_eq!(status, 200, "{me}");
    session.stop();
    (join_page, me)
}

/// The participants' pages, rendered by the core's own server, are as inert as the export:
/// names, titles and the case read as typed, nothing from them becomes markup.
#[test]
fn hostile_text_on_the_live_session_pages_stays_text() {
    // Fluent may wrap placeables in direction isolates; they are not part of the text typed.
    let plain = |html: &str| html.replace(['\u{2068}', '\u{2069}'], "");
    let (clean_join, clean_me) = live_pages(None);
    let (clean_join, clean_me) =
        (vocabulary(&read_html(&plain(&clean_join))), vocabulary(&read_html(&plain(&clean_me))));
    assert!(clean_me.contains("h1") && clean_me.contains("script[src]"), "{clean_me:?}");
    for payload in PAYLOADS {
        let (join_page, me) = live_pages(Some(payload));
        assert_inert_html(&plain(&join_page), &clean_join, payload, &["member", "meeting-title"], "live join page");
        assert_inert_html(
            &plain(&me),
            &clean_me,
            payload,
            &["member", "meeting-title", "committee", "item-title", "case-technology"],
            "live participant page",
        );
    }
}
