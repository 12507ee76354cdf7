//! Documents: the referat (minutes) and the dagsorden (agenda) of a meeting, in the standard
//! Danish layout (after Gentofte's referat, `shared/seeds/003_*`): committee and meeting title,
//! Mødetidspunkt, Mødeafholdelse, the closing line, Tilstede / Fraværende,
//! Indholdsfortegnelse (repeating the committee and the meeting time), then per item its
//! number, (Åben)/(Lukket), title, Sags ID, Resumé, Baggrund, Indstilling, Tidligere
//! beslutninger — every heading printed, with or without text, as 003 does — then, for an item
//! walked at a temamøde, what the walk produced, with the chart of the continuum positions
//! ([`walk`]), the amendments after approval, and last the decision ("Beslutninger:"), opened
//! by the line naming the meeting ("Møde i … den 22. februar 2018").
//!
//! One [`DocModel`] is built here, from the database, and rendered to every format by the
//! `pejling-documents` crate (which never opens the database), so the formats
//! cannot disagree. Every label comes from the Fluent catalogue, so a document can be exported
//! in Danish or English. The public version lists a closed (Lukket) item with its number and
//! title only, as Danish municipalities publish them, and none of its content.

pub mod walk;

use serde::Serialize;

use crate::domain::*;
use crate::error::Result;
use crate::i18n::{Catalog, Lang};
use crate::minutes::{Amendment, Approval};
use crate::store::Db;

pub use walk::{DocChart, DocChartRow, DocDot, DocStep, DocWalk};

/// Referat or dagsorden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    Minutes,
    Agenda,
}

impl DocKind {
    pub fn parse(s: &str) -> Option<DocKind> {
        match s {
            "referat" | "minutes" => Some(DocKind::Minutes),
            "dagsorden" | "agenda" => Some(DocKind::Agenda),
            _ => None,
        }
    }
}

/// Who the document is for. Public documents withhold the content of closed items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Public,
    Internal,
}

/// One labelled text section of an item (Resumé, Baggrund, …), in layout order.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub label: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocItem {
    /// "1 (Åben) Title" as the heading reads.
    pub heading: String,
    pub number: u32,
    pub openness_label: String,
    pub title: String,
    pub case_id: String,
    /// A closed item in the public version: number and title only, its content withheld.
    pub withheld: bool,
    /// Resumé, Baggrund, Indstilling, Tidligere beslutninger: always all four (empty text
    /// when nothing was written), then Pejlemærker when the item is weighed against any;
    /// none for a withheld item.
    pub sections: Vec<Section>,
    /// Minutes of an item with a walk (temamøde): what the walk produced.
    pub walk: Option<DocWalk>,
    pub amendments: Vec<DocAmendment>,
    /// Minutes: the decision, which comes last in the item.
    pub decision: Option<DocDecision>,
    /// "Bilag": the item's bilag as 003 lists them last in the item ("1. Title (2188929 -
    /// EMN-2018-00874)"); closed ones are left out of the public version and keep their
    /// numbers, so a reference to "bilag 3" stays right.
    pub attachments: Vec<DocAttachment>,
}

/// One bilag line of an item.
#[derive(Debug, Clone, Serialize)]
pub struct DocAttachment {
    pub number: u32,
    pub title: String,
    pub document_number: String,
    pub closed: bool,
    /// "1. Title (2188929 - EMN-2018-00874)", with "(Lukket bilag)" after a closed one.
    pub line: String,
    #[serde(skip)]
    pub sha256: String,
    #[serde(skip)]
    pub media_type: crate::bilag::MediaType,
}

/// A bilag's PDF pages embedded in the samlet dagsorden.
#[derive(Debug, Clone, Serialize)]
pub struct DocEmbedded {
    /// "Bilag 1.2: Title" — a bookmark.
    pub heading: String,
    /// The file's path in the typesetter's world ("/bilag/<sha256>.pdf").
    pub path: String,
    pub pages: u32,
}

/// The bilag section of a samlet dagsorden: per item, its heading and its embedded bilag.
#[derive(Debug, Clone, Serialize)]
pub struct DocEmbeddedItem {
    pub heading: String,
    pub attachments: Vec<DocEmbedded>,
    /// Bilag that are not PDF: listed, not embedded.
    pub listed: Vec<String>,
}

/// "Beslutninger:", the line naming the meeting, and what was decided.
#[derive(Debug, Clone, Serialize)]
pub struct DocDecision {
    pub label: String,
    /// "Møde i Opgaveudvalget for … den 22. februar 2018"
    pub meeting_line: String,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocAmendment {
    pub text: String,
}

/// Everything a document shows, already in the chosen language.
#[derive(Debug, Clone, Serialize)]
pub struct DocModel {
    pub lang: &'static str,
    pub kind: DocKind,
    /// "Referat af møde i Opgaveudvalget for …"
    pub title: String,
    pub committee: String,
    pub meeting_title: String,
    /// The meeting's time as the header writes it ("22-02-2018 18:00"), repeated in the
    /// contents.
    pub meeting_time: String,
    /// Label/value rows of the header: Mødetidspunkt, Mødeafholdelse, (dagsorden) Planlagt
    /// slut, (referat) Mødet påbegyndt kl.: when marked, and always "Protokollen blev læst og
    /// mødet hævet kl.:" with the time, or nothing yet.
    pub header: Vec<(String, String)>,
    /// Minutes: label and names of Tilstede, Fraværende, Afbud and Desuden deltog (staff and
    /// guests), in that order; empty groups are left out.
    pub attendance: Vec<(String, String)>,
    /// The committee's kommissorium (label and text), when one is written down.
    pub mandate: Option<Section>,
    pub items: Vec<DocItem>,
    /// Approval lines ("Godkendt af … den …", Danish local time) and the checksum, for
    /// approved minutes.
    pub approvals: Vec<String>,
    pub fingerprint: Option<String>,
    /// Labels the renderers need.
    pub labels: Labels,
    /// The samlet dagsorden: the bilag embedded after the agenda (empty otherwise).
    pub embedded: Vec<DocEmbeddedItem>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Labels {
    pub toc: String,
    pub case_id: String,
    pub page: String,
    pub of: String,
    pub approvals: String,
    pub amendments: String,
    pub fingerprint: String,
    pub closed_items_left_out: String,
    pub attachments: String,
}

fn approval_line(cat: &Catalog, a: &Approval) -> String {
    cat.format(
        "doc-approved-by",
        &[
            ("name", a.name.clone()),
            ("role", cat.format(&a.role.label_key(), &[])),
            ("at", cat.utc_date_time(&a.approved_at)),
        ],
    )
}

fn amendment_line(cat: &Catalog, a: &Amendment) -> String {
    cat.format(
        "doc-amendment",
        &[
            ("field", cat.format(&format!("field-{}", a.field.replace('_', "-")), &[])),
            ("text", a.new_text.clone()),
            ("reason", a.reason.clone()),
            ("by", a.made_by.clone()),
            ("at", cat.utc_date_time(&a.made_at)),
        ],
    )
}

/// A recorded time for the minutes: "17.02", or the full date and time when it is not on the
/// day the meeting was planned for (a meeting that ran past midnight).
fn recorded_time(cat: &Catalog, meeting_day: &str, local: &str) -> String {
    if local.get(..10) == meeting_day.get(..10) {
        cat.time(local)
    } else {
        cat.date_time(local)
    }
}

/// Tilstede, Fraværende, Afbud, Desuden deltog: names as the minutes list them. The
/// politicians (and anyone who has since left the committee) are Tilstede; the secretary and
/// officials who were there, and the guests, "also attended".
fn attendance_lines(cat: &Catalog, a: &MeetingAttendance) -> Vec<(String, String)> {
    let staff = |e: &AttendanceEntry| matches!(e.role, Some(Role::Secretary | Role::Official));
    let names = |pick: &dyn Fn(&AttendanceEntry) -> bool| -> Vec<String> {
        a.people.iter().filter(|e| pick(e)).map(|e| e.name.clone()).collect()
    };
    let present = names(&|e| e.attendance == Attendance::Present && !staff(e));
    let absent = names(&|e| e.attendance == Attendance::Absent);
    let apologies = names(&|e| e.attendance == Attendance::Apologies);
    let mut also = names(&|e| e.attendance == Attendance::Present && staff(e));
    also.extend(a.guests.iter().map(|g| {
        if g.affiliation.trim().is_empty() {
            g.name.clone()
        } else {
            format!("{} ({})", g.name, g.affiliation)
        }
    }));
    [
        ("attendance-present", present),
        ("attendance-absent", absent),
        ("attendance-apologies", apologies),
        ("doc-also-present", also),
    ]
    .into_iter()
    .filter(|(_, names)| !names.is_empty())
    .map(|(key, names)| (cat.format(key, &[]), names.join(", ")))
    .collect()
}

/// "Pejlemærker": the pejlemærker the item is weighed against, one a line ("Pejlemærke 1:
/// Teknologi skal frigive ressourcer …"), as they read when chosen; none when none were chosen.
fn bearings_section(cat: &Catalog, lang: Lang, bearings: &[crate::frameworks::ItemBearing]) -> Option<Section> {
    if bearings.is_empty() {
        return None;
    }
    let lines = bearings.iter().map(|b| match &b.label {
        Some(label) => format!("• {}: {}", label.get(lang), b.title.get(lang)),
        None => format!("• {}", b.title.get(lang)),
    });
    let text = std::iter::once(cat.format("doc-bearings-intro", &[])).chain(lines).collect::<Vec<_>>().join("\n");
    Some(Section { label: cat.format("doc-bearings", &[]), text })
}

impl Db {
    /// Build the document model of a meeting.
    pub fn document_model(&self, meeting_id: Id, kind: DocKind, audience: Audience, lang: Lang) -> Result<DocModel> {
        let cat = Catalog::new(lang);
        let d = self.get_meeting(meeting_id)?;
        let m = &d.meeting;
        let approvals = self.list_approvals(meeting_id)?;
        let amendments = self.list_amendments(meeting_id)?;
        let l = |key: &str| cat.format(key, &[]);
        // Approved minutes show the names as approved, whatever was renamed since.
        let names = if kind == DocKind::Minutes { self.approved_names(meeting_id)? } else { None };
        let committee_name = names.as_ref().map_or_else(|| d.committee.name.clone(), |n| n.committee.clone());

        let title_key = match kind {
            DocKind::Minutes => "doc-minutes-title",
            DocKind::Agenda => "doc-agenda-title",
        };
        let minutes = kind == DocKind::Minutes;
        let meeting_time = cat.doc_date_time(&m.starts_at);
        let mut header =
            vec![(l("field-meeting-time"), meeting_time.clone()), (l("field-meeting-place"), m.place.clone())];
        if kind == DocKind::Agenda {
            header.push((l("field-planned-end"), cat.doc_date_time(&m.ends_at)));
        }
        if minutes {
            if let Some(t) = m.began_at.as_deref() {
                header.push((l("doc-began"), recorded_time(&cat, &m.starts_at, t)));
            }
            // Always there, as on the printed form: blank until the secretary marks it.
            let adjourned = m.adjourned_at.as_deref().map(|t| recorded_time(&cat, &m.starts_at, t));
            header.push((l("doc-adjourned"), adjourned.unwrap_or_default()));
        }
        let decision_line = cat
            .format("doc-decision-meeting", &[("committee", committee_name.clone()), ("date", cat.date(&m.starts_at))]);

        let items = d
            .items
            .iter()
            .map(|i| {
                let openness_label = l(&i.openness.label_key());
                let heading = format!("{} ({}) {}", i.number, openness_label, i.title);
                if audience == Audience::Public && i.openness == Openness::Closed {
                    return Ok(DocItem {
                        heading,
                        number: i.number,
                        openness_label,
                        title: i.title.clone(),
                        case_id: String::new(),
                        withheld: true,
                        sections: Vec::new(),
                        walk: None,
                        amendments: Vec::new(),
                        decision: None,
                        attachments: Vec::new(),
                    });
                }
                let mut sections: Vec<Section> = [
                    ("field-summary", &i.summary),
                    ("field-background", &i.background),
                    ("field-recommendation", &i.recommendation),
                    ("doc-previous-decisions", &i.previous_decisions),
                ]
                .into_iter()
                .map(|(key, text)| Section { label: l(key), text: text.trim_end().to_owned() })
                .collect();
                sections.extend(bearings_section(&cat, lang, &self.chosen_item_bearings(i.id)?));
                let walk = match kind {
                    DocKind::Minutes => {
                        let mut summary = self.walk_summary(i.id)?;
                        if let Some(n) = &names {
                            n.walk(&mut summary);
                        }
                        walk::build(&cat, lang, &summary)
                    }
                    DocKind::Agenda => None,
                };
                let attachments = self
                    .list_attachments(i.id)?
                    .into_iter()
                    .filter(|a| audience == Audience::Internal || !a.closed)
                    .map(|a| {
                        let mut line = format!("{}. {}", a.number, a.title);
                        if !a.document_number.trim().is_empty() {
                            line.push_str(&format!(" ({})", a.document_number.trim()));
                        }
                        if a.closed {
                            line.push(' ');
                            line.push_str(&l("doc-attachment-closed"));
                        }
                        DocAttachment {
                            number: a.number,
                            title: a.title,
                            document_number: a.document_number,
                            closed: a.closed,
                            line,
                            sha256: a.sha256,
                            media_type: a.media_type,
                        }
                    })
                    .collect();
                Ok(DocItem {
                    attachments,
                    walk,
                    heading,
                    number: i.number,
                    openness_label,
                    title: i.title.clone(),
                    case_id: i.case_id.clone(),
                    withheld: false,
                    sections,
                    amendments: amendments
                        .iter()
                        .filter(|a| a.agenda_item_id == Some(i.id) && minutes)
                        .map(|a| DocAmendment { text: amendment_line(&cat, a) })
                        .collect(),
                    decision: minutes.then(|| DocDecision {
                        label: l("doc-decisions"),
                        meeting_line: decision_line.clone(),
                        text: i.decision.trim_end().to_owned(),
                    }),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let attendance = if minutes {
            let mut a = self.list_attendance(meeting_id)?;
            if let Some(n) = &names {
                n.attendance(&mut a);
            }
            attendance_lines(&cat, &a)
        } else {
            Vec::new()
        };

        let approved = kind == DocKind::Minutes && !approvals.is_empty();
        Ok(DocModel {
            lang: lang.code(),
            kind,
            title: cat.format(title_key, &[("committee", committee_name.clone())]),
            committee: committee_name,
            meeting_title: m.title.clone(),
            meeting_time,
            header,
            attendance,
            mandate: (!d.committee.mandate.trim().is_empty())
                .then(|| Section { label: l("doc-mandate"), text: d.committee.mandate.trim_end().to_owned() }),
            items,
            approvals: if approved { approvals.iter().map(|a| approval_line(&cat, a)).collect() } else { vec![] },
            fingerprint: if approved { approvals.first().map(|a| a.fingerprint.clone()) } else { None },
            labels: Labels {
                toc: l("doc-toc"),
                case_id: l("field-case-id"),
                page: l("doc-page"),
                of: l("doc-page-of"),
                approvals: l("doc-approvals"),
                amendments: l("doc-amendments"),
                fingerprint: l("doc-fingerprint"),
                closed_items_left_out: l("doc-closed-left-out"),
                attachments: l("doc-attachments"),
            },
            embedded: Vec::new(),
        })
    }
}

impl Db {
    fn calendar_entry(&self, meeting: &Meeting, committee: &Committee, lang: Lang) -> Result<CalendarEntry> {
        let cat = Catalog::new(lang);
        let sequence = self.meeting_change_count(meeting.id)?;
        let items = self.list_agenda_items(meeting.id)?;
        let description = std::iter::once(cat.format("cli-agenda", &[]))
            .chain(items.iter().filter(|i| i.openness == Openness::Open).map(|i| format!("{}. {}", i.number, i.title)))
            .collect::<Vec<_>>()
            .join("\n");
        Ok(CalendarEntry { meeting: meeting.clone(), committee: committee.clone(), sequence, description })
    }

    /// A committee's meetings (of one year, or all) as one calendar.
    pub fn committee_calendar_model(&self, committee_id: Id, year: Option<i32>, lang: Lang) -> Result<Calendar> {
        let committee = self.get_committee(committee_id)?.committee;
        let entries = self
            .list_meetings(Some(committee_id))?
            .into_iter()
            .filter(|m| year.is_none_or(|y| m.starts_at.starts_with(&format!("{y:04}-"))))
            .map(|m| self.calendar_entry(&m, &committee, lang))
            .collect::<Result<Vec<_>>>()?;
        Ok(Calendar { workspace_id: self.workspace_id()?, name: committee.name, entries })
    }

    /// One meeting as a calendar.
    pub fn meeting_calendar_model(&self, meeting_id: Id, lang: Lang) -> Result<Calendar> {
        let m = self.get_meeting(meeting_id)?;
        let entry = self.calendar_entry(&m.meeting, &m.committee, lang)?;
        Ok(Calendar { workspace_id: self.workspace_id()?, name: m.committee.name, entries: vec![entry] })
    }
}

/// Meetings as a calendar shows them (rendered to an `.ics` file by the documents crate).
#[derive(Debug, Clone)]
pub struct Calendar {
    pub workspace_id: String,
    pub name: String,
    pub entries: Vec<CalendarEntry>,
}

#[derive(Debug, Clone)]
pub struct CalendarEntry {
    pub meeting: Meeting,
    pub committee: Committee,
    /// How many times the meeting has been changed: the calendar SEQUENCE.
    pub sequence: u32,
    pub description: String,
}

impl Db {
    /// A file name to suggest for a document: `referat-2026-12-08-temamoede.pdf`.
    pub fn document_file_name(&self, meeting_id: Id, kind: DocKind, format: Format) -> Result<String> {
        let m = self.get_meeting(meeting_id)?.meeting;
        let what = match (kind, format) {
            (_, Format::Ics) => "moede",
            (DocKind::Minutes, _) => "referat",
            (DocKind::Agenda, _) => "dagsorden",
        };
        let slug: String = m
            .title
            .to_lowercase()
            .replace('æ', "ae")
            .replace('ø', "oe")
            .replace('å', "aa")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .take(6)
            .collect::<Vec<_>>()
            .join("-");
        Ok(format!("{what}-{}-{slug}.{}", &m.starts_at[..10], format.extension()))
    }
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Pdfa,
    Docx,
    Html,
    Md,
    Ics,
}

impl Format {
    pub const ALL: &'static [Format] =
        &[Format::Pdf, Format::Pdfa, Format::Docx, Format::Html, Format::Md, Format::Ics];

    pub fn parse(s: &str) -> Option<Format> {
        match s {
            "pdf" => Some(Format::Pdf),
            "pdfa" => Some(Format::Pdfa),
            "docx" => Some(Format::Docx),
            "html" => Some(Format::Html),
            "md" | "markdown" => Some(Format::Md),
            "ics" => Some(Format::Ics),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf | Format::Pdfa => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
            Format::Md => "md",
            Format::Ics => "ics",
        }
    }
}

impl Db {
    /// The samlet dagsorden: the agenda, then every bilag's PDF pages, item by item, each
    /// bilag bookmarked and the pages numbered on from the agenda's. Bilag that are not PDF
    /// (or a PDF that cannot be embedded: encrypted, damaged) are listed, not embedded. The
    /// public version leaves out closed items and closed bilag.
    pub fn combined_agenda_model(&self, meeting_id: Id, audience: Audience, lang: Lang) -> Result<CombinedAgenda> {
        let cat = Catalog::new(lang);
        let mut model = self.document_model(meeting_id, DocKind::Agenda, audience, lang)?;
        model.title = format!("{} – {}", cat.format("doc-combined-agenda", &[]), model.title);
        let mut files = std::collections::HashMap::new();
        for item in &model.items {
            if item.withheld || item.attachments.is_empty() {
                continue;
            }
            let mut embedded = DocEmbeddedItem {
                heading: cat.format(
                    "doc-attachments-for-item",
                    &[("number", item.number.to_string()), ("title", item.title.clone())],
                ),
                attachments: Vec::new(),
                listed: Vec::new(),
            };
            for a in &item.attachments {
                let heading = cat.format(
                    "doc-attachment-page",
                    &[("number", format!("{}.{}", item.number, a.number)), ("title", a.title.clone())],
                );
                let pages = if a.media_type == crate::bilag::MediaType::Pdf {
                    let bytes = self.blob(&a.sha256)?;
                    let pages = lopdf::Document::load_mem(&bytes)
                        .ok()
                        .filter(|d| !d.is_encrypted())
                        .map(|d| d.get_pages().len() as u32)
                        .filter(|n| *n > 0);
                    if pages.is_some() {
                        files.insert(format!("bilag/{}.pdf", a.sha256), bytes);
                    }
                    pages
                } else {
                    None
                };
                match pages {
                    Some(pages) => embedded.attachments.push(DocEmbedded {
                        heading,
                        path: format!("/bilag/{}.pdf", a.sha256),
                        pages,
                    }),
                    None => embedded.listed.push(format!(
                        "{heading} – {}",
                        cat.format("doc-attachment-not-embedded", &[("type", a.media_type.short_name().to_owned())])
                    )),
                }
            }
            model.embedded.push(embedded);
        }
        Ok(CombinedAgenda { model, files })
    }
}

/// The samlet dagsorden's model and the bilag PDFs it embeds, by their path in the
/// typesetter's world (`bilag/<sha256>.pdf`).
pub struct CombinedAgenda {
    pub model: DocModel,
    pub files: std::collections::HashMap<String, Vec<u8>>,
}
