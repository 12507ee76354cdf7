//! The case library: a temamøde agenda item started from one of KL's cases. The texts come
//! from the transcribed catalogue (`crate::frameworks`); the writes are the ordinary agenda and
//! walk writes, in one transaction, so they are validated and audited exactly as if the chair
//! had typed them.

use rusqlite::params;

use super::{found, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::frameworks::{self, AdoptedEntry, ProjectRecommendation};
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
