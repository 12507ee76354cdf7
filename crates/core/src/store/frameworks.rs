//! The case library: a temamøde agenda item started from one of KL's cases. The texts come
//! from the transcribed catalogue (`crate::frameworks`); the writes are the ordinary agenda and
//! walk writes, in one transaction, so they are validated and audited exactly as if the chair
//! had typed them.

use rusqlite::params;

use super::meetings::get_unlocked;
use super::{found, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::frameworks::{
    self, AdoptedEntry, ItemBearing, ItemBearings, OwnEntryKind, OwnFrameworkEntry, ProjectRecommendation,
};
use crate::i18n::{Catalog, Lang};
use crate::validate;

/// The set a case is discussed with: KL's catalogue proposes discussing the six organisation
/// questions "med afsæt i lokale dilemma-cases om digitalisering og erfaringerne fra andre
/// kommuner" — the other municipalities' experience being exactly what a case is.
const CASE_SET: &str = "organisation-questions";

fn adopted(conn: &rusqlite::Connection, committee_id: Id) -> Result<Vec<AdoptedEntry>> {
    let mut stmt = conn.prepare(
        "SELECT framework_id, section_id, entry_id, adopted_at FROM committee_framework_entry
         WHERE committee_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([committee_id], |r| {
        Ok(AdoptedEntry { framework_id: r.get(0)?, section_id: r.get(1)?, entry_id: r.get(2)?, adopted_at: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn committee_exists(conn: &rusqlite::Connection, committee_id: Id) -> Result<()> {
    let row = conn.query_row("SELECT id FROM committee WHERE id = ?1", [committee_id], |r| r.get::<_, Id>(0)).opt()?;
    found(row, "committee", committee_id).map(drop)
}

fn recommendations(conn: &rusqlite::Connection, project_id: Id) -> Result<Vec<ProjectRecommendation>> {
    let row = conn.query_row("SELECT id FROM project WHERE id = ?1", [project_id], |r| r.get::<_, Id>(0)).opt()?;
    found(row, "project", project_id)?;
    let mut stmt =
        conn.prepare("SELECT done, note FROM project_recommendation WHERE project_id = ?1 AND recommendation_id = ?2")?;
    frameworks::recommendations()
        .iter()
        .map(|e| {
            let (done, note) = stmt
                .query_row(params![project_id, e.id], |r| Ok((r.get::<_, bool>(0)?, r.get::<_, String>(1)?)))
                .opt()?
                .unwrap_or_default();
            Ok(ProjectRecommendation { id: e.id.clone(), title: e.title.clone(), text: e.text.clone(), done, note })
        })
        .collect()
}

impl Db {
    /// KL's five recommendations as the project's checklist, in the catalogue's order.
    pub fn project_recommendations(&self, project_id: Id) -> Result<Vec<ProjectRecommendation>> {
        recommendations(&self.conn, project_id)
    }

    /// Record whether the project has acted on recommendation `recommendation_id`, with a
    /// note (stored exactly as typed). Returns the whole checklist.
    pub fn set_project_recommendation(
        &mut self,
        project_id: Id,
        recommendation_id: &str,
        done: bool,
        note: &str,
    ) -> Result<Vec<ProjectRecommendation>> {
        if !frameworks::recommendations().iter().any(|e| e.id == recommendation_id) {
            return Err(Error::Validation(
                Message::new("error-project-recommendation-unknown")
                    .field("recommendation_id")
                    .arg("id", recommendation_id),
            ));
        }
        let note = validate::text(note, "note")?;
        self.write(|tx| {
            recommendations(tx, project_id)?;
            tx.execute(
                "INSERT INTO project_recommendation (project_id, recommendation_id, done, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (project_id, recommendation_id) DO UPDATE SET done = excluded.done, note = excluded.note,
                     updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                 WHERE done IS NOT excluded.done OR note IS NOT excluded.note",
                params![project_id, recommendation_id, done, note],
            )?;
            recommendations(tx, project_id)
        })
    }

    /// The principles and pejlemærker committee `committee_id` has adopted, oldest first.
    pub fn adopted_framework_entries(&self, committee_id: Id) -> Result<Vec<AdoptedEntry>> {
        committee_exists(&self.conn, committee_id)?;
        adopted(&self.conn, committee_id)
    }

    /// Adopt (or, with `adopted` false, withdraw) a principle or pejlemærke from the library
    /// for a committee. Only the political principles and the pejlemærker can be adopted; the
    /// rest of the library is reference. Adopting twice or withdrawing what was not adopted
    /// changes nothing. Returns the committee's adopted entries.
    pub fn set_framework_entry_adopted(
        &mut self,
        committee_id: Id,
        framework_id: &str,
        section_id: &str,
        entry_id: &str,
        adopted_now: bool,
    ) -> Result<Vec<AdoptedEntry>> {
        if !frameworks::adoptable(framework_id, section_id, entry_id) {
            return Err(Error::Validation(
                Message::new("error-framework-not-adoptable")
                    .field("entry_id")
                    .arg("id", entry_id)
                    .arg("framework", framework_id),
            ));
        }
        self.write(|tx| {
            committee_exists(tx, committee_id)?;
            if adopted_now {
                tx.execute(
                    "INSERT INTO committee_framework_entry (committee_id, framework_id, section_id, entry_id)
                     VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING",
                    params![committee_id, framework_id, section_id, entry_id],
                )?;
            } else {
                tx.execute(
                    "DELETE FROM committee_framework_entry
                     WHERE committee_id = ?1 AND framework_id = ?2 AND section_id = ?3 AND entry_id = ?4",
                    params![committee_id, framework_id, section_id, entry_id],
                )?;
            }
            adopted(tx, committee_id)
        })
    }

    /// Add an agenda item to `meeting_id` started from case `case_id` of framework
    /// `framework_id`: its title is the case's headline, its Resumé the catalogue's
    /// description of the approach, its Baggrund the preparation notes (Greb til inddragelse,
    /// Hvad er svært?, the good and the bad advice, the source), and its walk the six
    /// organisation questions with the case as technology and problem. Everything is written
    /// in one transaction: on any refusal nothing is added.
    pub fn add_agenda_item_from_case(
        &mut self,
        meeting_id: Id,
        framework_id: &str,
        case_id: &str,
    ) -> Result<AgendaItem> {
        let draft = frameworks::case_draft(framework_id, case_id, &Catalog::new(Lang::Da)).ok_or_else(|| {
            Error::Validation(
                Message::new("error-framework-case-not-found")
                    .field("case_id")
                    .arg("id", case_id)
                    .arg("framework", framework_id),
            )
        })?;
        let set_version = crate::question_sets::built_in()
            .iter()
            .find(|s| s.id == CASE_SET)
            .map(|s| s.version)
            .expect("the organisation questions are built in");
        self.batch(|db| {
            let item = db.add_agenda_item(meeting_id, &draft.title)?;
            let item = db.update_agenda_item(
                item.id,
                &AgendaItemPatch {
                    summary: Some(draft.summary.clone()),
                    background: Some(draft.background.clone()),
                    ..Default::default()
                },
            )?;
            db.set_walk_plan(
                item.id,
                &WalkPlan {
                    case_technology: draft.technology.clone(),
                    case_problem: draft.problem.clone(),
                    parts: vec![WalkPlanPart { set_id: CASE_SET.into(), set_version, selection: Vec::new() }],
                },
            )?;
            Ok(item)
        })
    }
}

/// How many principles and pejlemærker of its own a committee may write: far above any real
/// committee's (Gentofte has four, five and three).
pub const MAX_OWN_ENTRIES_PER_COMMITTEE: i64 = 200;

const OWN_SELECT: &str = "SELECT id, committee_id, kind, title, text, created_at, updated_at FROM committee_own_entry";

fn own_row(r: &rusqlite::Row) -> rusqlite::Result<OwnFrameworkEntry> {
    let kind: String = r.get(2)?;
    Ok(OwnFrameworkEntry {
        id: r.get(0)?,
        committee_id: r.get(1)?,
        kind: OwnEntryKind::parse(&kind).unwrap_or(OwnEntryKind::Principle),
        title: r.get(3)?,
        text: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

fn own_entries(conn: &rusqlite::Connection, committee_id: Id) -> Result<Vec<OwnFrameworkEntry>> {
    let mut stmt = conn.prepare(&format!("{OWN_SELECT} WHERE committee_id = ?1 ORDER BY id"))?;
    let rows = stmt.query_map([committee_id], own_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn own_entry(conn: &rusqlite::Connection, id: Id) -> Result<OwnFrameworkEntry> {
    let row = conn.query_row(&format!("{OWN_SELECT} WHERE id = ?1"), [id], own_row).opt()?;
    found(row, "committee_own_entry", id)
}

fn own_title(title: &str) -> Result<String> {
    validate::required(title, "title", validate::MAX_TITLE)
}

/// The meeting and committee of an agenda item.
fn item_place(conn: &rusqlite::Connection, agenda_item_id: Id) -> Result<(Id, Id)> {
    let row = conn
        .query_row(
            "SELECT i.meeting_id, m.committee_id FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
             WHERE i.id = ?1",
            [agenda_item_id],
            |r| Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?)),
        )
        .opt()?;
    found(row, "agenda_item", agenda_item_id)
}

/// The pejlemærker committee `committee_id` can weigh an item against: the library's it has
/// adopted (in the library's order), then its own (oldest first), as they read now.
fn available_bearings(conn: &rusqlite::Connection, committee_id: Id) -> Result<Vec<ItemBearing>> {
    let adopted = adopted(conn, committee_id)?;
    let mut out: Vec<ItemBearing> = Vec::new();
    for f in frameworks::built_in() {
        for s in f.sections_of(frameworks::FrameworkSectionKind::Bearings) {
            for e in &s.entries {
                if adopted.iter().any(|a| a.framework_id == f.id && a.section_id == s.id && a.entry_id == e.id) {
                    out.extend(frameworks::library_bearing(&f.id, &s.id, &e.id));
                }
            }
        }
    }
    out.extend(own_entries(conn, committee_id)?.into_iter().filter(|o| o.kind == OwnEntryKind::Bearing).map(|o| {
        let text = (!o.text.trim().is_empty()).then(|| Text { da: o.text.clone(), en: o.text.clone() });
        ItemBearing {
            key: frameworks::own_key(o.id),
            label: None,
            title: Text { da: o.title.clone(), en: o.title },
            text,
            own: true,
        }
    }));
    Ok(out)
}

/// The pejlemærker chosen for an agenda item, as they read when chosen, in the order chosen.
pub(crate) fn chosen_bearings(conn: &rusqlite::Connection, agenda_item_id: Id) -> Result<Vec<ItemBearing>> {
    let mut stmt = conn.prepare_cached(
        "SELECT source_key, title_da, title_en, text_da, text_en FROM agenda_item_bearing
         WHERE agenda_item_id = ?1 ORDER BY id",
    )?;
    let rows = stmt.query_map([agenda_item_id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    rows.map(|row| {
        let (key, title_da, title_en, text_da, text_en) = row?;
        let own = key.starts_with("own/");
        // The number ("Pejlemærke 1") is the library's and never changes with a version.
        let label = if own {
            None
        } else {
            let mut parts = key.splitn(3, '/');
            match (parts.next(), parts.next(), parts.next()) {
                (Some(f), Some(s), Some(e)) => frameworks::library_bearing(f, s, e).and_then(|b| b.label),
                _ => None,
            }
        };
        Ok(ItemBearing {
            key,
            label,
            title: Text { da: title_da, en: title_en },
            text: (!text_da.trim().is_empty()).then_some(Text { da: text_da, en: text_en }),
            own,
        })
    })
    .collect()
}

fn item_bearings(conn: &rusqlite::Connection, agenda_item_id: Id) -> Result<ItemBearings> {
    let (_, committee_id) = item_place(conn, agenda_item_id)?;
    Ok(ItemBearings {
        agenda_item_id,
        chosen: chosen_bearings(conn, agenda_item_id)?,
        available: available_bearings(conn, committee_id)?,
    })
}

impl Db {
    /// The principles and pejlemærker committee `committee_id` has written itself, oldest
    /// first.
    pub fn own_framework_entries(&self, committee_id: Id) -> Result<Vec<OwnFrameworkEntry>> {
        committee_exists(&self.conn, committee_id)?;
        own_entries(&self.conn, committee_id)
    }

    /// Write a principle or pejlemærke of the committee's own: a title (required) and a text
    /// (as typed). Written, it is adopted: it stands beside those adopted from the library.
    pub fn add_own_framework_entry(
        &mut self,
        committee_id: Id,
        kind: OwnEntryKind,
        title: &str,
        text: &str,
    ) -> Result<OwnFrameworkEntry> {
        let title = own_title(title)?;
        let text = validate::text(text, "text")?;
        self.write(|tx| {
            committee_exists(tx, committee_id)?;
            let n: i64 = tx.query_row(
                "SELECT count(*) FROM committee_own_entry WHERE committee_id = ?1",
                [committee_id],
                |r| r.get(0),
            )?;
            validate::room_for_one(n, MAX_OWN_ENTRIES_PER_COMMITTEE, "error-too-many-own-entries")?;
            tx.execute(
                "INSERT INTO committee_own_entry (committee_id, kind, title, text) VALUES (?1, ?2, ?3, ?4)",
                params![committee_id, kind.as_str(), title, text],
            )?;
            own_entry(tx, tx.last_insert_rowid())
        })
    }

    /// Change the title and text of a committee's own principle or pejlemærke. Agenda items
    /// already weighed against it keep the wording they were weighed against.
    pub fn update_own_framework_entry(&mut self, id: Id, title: &str, text: &str) -> Result<OwnFrameworkEntry> {
        let title = own_title(title)?;
        let text = validate::text(text, "text")?;
        self.write(|tx| {
            own_entry(tx, id)?;
            tx.execute(
                "UPDATE committee_own_entry SET title = ?2, text = ?3, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                 WHERE id = ?1 AND (title IS NOT ?2 OR text IS NOT ?3)",
                params![id, title, text],
            )?;
            own_entry(tx, id)
        })
    }

    /// Withdraw (delete) a committee's own principle or pejlemærke. Agenda items weighed
    /// against it keep naming it; the audit log keeps its text. Returns the committee's own
    /// entries.
    pub fn delete_own_framework_entry(&mut self, id: Id) -> Result<Vec<OwnFrameworkEntry>> {
        self.write(|tx| {
            let entry = own_entry(tx, id)?;
            tx.execute("DELETE FROM committee_own_entry WHERE id = ?1", [id])?;
            own_entries(tx, entry.committee_id)
        })
    }

    /// The pejlemærker agenda item `agenda_item_id` is weighed against, and those its
    /// committee has adopted and could choose.
    pub fn item_bearings(&self, agenda_item_id: Id) -> Result<ItemBearings> {
        item_bearings(&self.conn, agenda_item_id)
    }

    /// The pejlemærker agenda item `agenda_item_id` is weighed against, as they read when
    /// chosen (what the dagsorden and the referat name).
    pub fn chosen_item_bearings(&self, agenda_item_id: Id) -> Result<Vec<ItemBearing>> {
        chosen_bearings(&self.conn, agenda_item_id)
    }

    /// Weigh agenda item `agenda_item_id` against pejlemærke `key` (or, with `chosen` false,
    /// no longer). Only a pejlemærke the committee has adopted or written can be chosen; the
    /// item keeps a copy of its title and text as they read now. Removing one that was not
    /// chosen, or choosing one twice, changes nothing. Refused once the minutes are approved.
    pub fn set_item_bearing(&mut self, agenda_item_id: Id, key: &str, chosen: bool) -> Result<ItemBearings> {
        self.write(|tx| {
            let (meeting_id, committee_id) = item_place(tx, agenda_item_id)?;
            get_unlocked(tx, meeting_id)?;
            if chosen {
                let Some(b) = available_bearings(tx, committee_id)?.into_iter().find(|b| b.key == key) else {
                    return Err(Error::Validation(
                        Message::new("error-item-bearing-not-adopted").field("bearing").arg("id", key),
                    ));
                };
                let (text_da, text_en) = b.text.map(|t| (t.da, t.en)).unwrap_or_default();
                tx.execute(
                    "INSERT INTO agenda_item_bearing (agenda_item_id, source_key, title_da, title_en, text_da, text_en)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO NOTHING",
                    params![agenda_item_id, key, b.title.da, b.title.en, text_da, text_en],
                )?;
            } else {
                tx.execute(
                    "DELETE FROM agenda_item_bearing WHERE agenda_item_id = ?1 AND source_key = ?2",
                    params![agenda_item_id, key],
                )?;
            }
            item_bearings(tx, agenda_item_id)
        })
    }
}
