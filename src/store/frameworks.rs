//! The case library: a temamøde agenda item started from one of KL's cases. The texts come
//! from the transcribed catalogue (`crate::frameworks`); the writes are the ordinary agenda and
//! walk writes, in one transaction, so they are validated and audited exactly as if the chair
//! had typed them.

use super::Db;
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::frameworks;
use crate::i18n::{Catalog, Lang};

/// The set a case is discussed with: KL's catalogue proposes discussing the six organisation
/// questions "med afsæt i lokale dilemma-cases om digitalisering og erfaringerne fra andre
/// kommuner" — the other municipalities' experience being exactly what a case is.
const CASE_SET: &str = "organisation-questions";

impl Db {
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
