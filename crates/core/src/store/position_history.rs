//! How a committee's positions on a continuum set (the six organisation questions) moved from
//! one temamøde to the next.
//!
//! It reads only what the committee has already seen: positions on steps the chair revealed,
//! on open agenda items (closed items never reach a shared screen), and names only where the
//! meeting showed positions named — the same rules as the walk itself, so this view can be
//! shown to the room without revealing anything new. Question texts come from the meetings'
//! frozen copies of the set, the latest occasion's wording first.

use std::collections::BTreeMap;

use rusqlite::params;

use super::Db;
use crate::domain::*;
use crate::error::Result;

/// The built-in set of the six organisation questions.
pub const ORGANISATION_QUESTIONS: &str = "organisation-questions";

impl Db {
    /// How the committee's revealed positions on the continuum set `set_id` moved over its
    /// meetings: per question and occasion the room's median and spread, and each named
    /// participant's position where the meeting showed names.
    pub fn position_history(&self, committee_id: Id, set_id: &str) -> Result<PositionHistory> {
        super::committees::get(&self.conn, committee_id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.agenda_item_id, s.question_id, s.set_version, m.id, m.title, m.starts_at, a.position + 1, a.title,
                    coalesce(w.positions_named, 0)
             FROM walk_step s
             JOIN agenda_item a ON a.id = s.agenda_item_id
             JOIN meeting m ON m.id = a.meeting_id
             LEFT JOIN meeting_walk w ON w.meeting_id = m.id
             WHERE m.committee_id = ?1 AND s.set_id = ?2 AND s.revealed = 1 AND a.openness = 'open'
             ORDER BY m.starts_at, m.id, a.position, s.step",
        )?;
        struct StepRow {
            item_id: Id,
            question_id: String,
            version: u32,
            occasion: PositionOccasion,
        }
        let rows = stmt
            .query_map(params![committee_id, set_id], |r| {
                Ok(StepRow {
                    item_id: r.get(0)?,
                    question_id: r.get(1)?,
                    version: r.get(2)?,
                    occasion: PositionOccasion {
                        meeting_id: r.get(3)?,
                        meeting_title: r.get(4)?,
                        starts_at: r.get(5)?,
                        agenda_item_id: r.get(0)?,
                        item_number: r.get(6)?,
                        item_title: r.get(7)?,
                        named: r.get(8)?,
                    },
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        // The set's wording: the latest occasion's frozen copy, else the newest in the library.
        let set = match rows.last() {
            Some(last) => {
                let json: String = self.conn.query_row(
                    "SELECT content FROM meeting_question_set WHERE meeting_id = ?1 AND set_id = ?2 AND version = ?3",
                    params![last.occasion.meeting_id, set_id, last.version],
                    |r| r.get(0),
                )?;
                crate::question_sets::from_json(&json)?
            }
            None => {
                let newest = self
                    .list_question_sets()?
                    .into_iter()
                    .filter(|s| s.id == set_id)
                    .map(|s| s.version)
                    .max()
                    .ok_or_else(|| super::question_sets::not_found(set_id, 1))?;
                self.get_question_set(set_id, newest)?
            }
        };

        let mut occasions: Vec<PositionOccasion> = Vec::new();
        let mut points: BTreeMap<String, Vec<PositionPoint>> = BTreeMap::new();
        let mut participants: BTreeMap<Id, HistoryParticipant> = BTreeMap::new();
        let mut positions = self.conn.prepare_cached(
            "SELECT c.person_id, p.name, p.party, c.value FROM continuum_position c JOIN person p ON p.id = c.person_id
             WHERE c.agenda_item_id = ?1 AND c.set_id = ?2 AND c.question_id = ?3 ORDER BY c.value, p.name",
        )?;
        let mut first_round = self.conn.prepare_cached(
            "SELECT value FROM continuum_first_round
             WHERE agenda_item_id = ?1 AND set_id = ?2 AND question_id = ?3 AND value IS NOT NULL",
        )?;
        for row in &rows {
            if occasions.last().map(|o| o.agenda_item_id) != Some(row.item_id) {
                occasions.push(row.occasion.clone());
            }
            let occasion = occasions.len() as u32 - 1;
            let taken = positions
                .query_map(params![row.item_id, set_id, row.question_id], |r| {
                    Ok((
                        r.get::<_, Id>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<u8>>(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let values: Vec<u8> = taken.iter().filter_map(|t| t.3).collect();
            let named = row.occasion.named;
            let mut point = PositionPoint {
                occasion,
                statistics: ContinuumStatistics::of(&values),
                skipped_count: (taken.len() - values.len()) as u32,
                positions: Vec::new(),
                first_round: ContinuumStatistics::of(
                    &first_round
                        .query_map(params![row.item_id, set_id, row.question_id], |r| r.get::<_, u8>(0))?
                        .collect::<rusqlite::Result<Vec<_>>>()?,
                ),
            };
            if named {
                for (person_id, name, party, value) in taken {
                    if let Some(value) = value {
                        participants.entry(person_id).or_insert(HistoryParticipant { person_id, name, party });
                        point.positions.push(ParticipantPosition { person_id, value });
                    }
                }
            }
            points.entry(row.question_id.clone()).or_default().push(point);
        }

        let questions = set
            .groups
            .iter()
            .flat_map(|g| g.questions.iter())
            .map(|q| QuestionHistory {
                question_id: q.id.clone(),
                text: q.text.clone(),
                extreme_left: q.extreme_left.clone().unwrap_or_default(),
                extreme_right: q.extreme_right.clone().unwrap_or_default(),
                points: points.remove(&q.id).unwrap_or_default(),
            })
            .collect();
        let mut participants: Vec<HistoryParticipant> = participants.into_values().collect();
        participants.sort_by_key(|a| (a.name.to_lowercase(), a.person_id));
        Ok(PositionHistory {
            committee_id,
            set_id: set_id.to_owned(),
            set_title: set.title.clone(),
            occasions,
            questions,
            participants,
        })
    }
}
