//! Digitalisation projects in the store: the project, what each phase recorded, the meetings
//! and decisions linked to a phase, and the history of phase changes. The rule for moving
//! between phases is [`crate::domain::phase_move`]; the phases' texts come from the built-in
//! question set `phases`.

use rusqlite::{params, Connection, Row};

use super::{found, now_utc, Db, OptionalRow};
use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::validate::{self, MAX_TITLE};

const SELECT: &str = "SELECT p.id, p.title, p.description, p.committee_id, c.name, p.phase, p.created_at,
        coalesce((SELECT max(h.at) FROM project_phase_change h WHERE h.project_id = p.id), p.created_at)
    FROM project p JOIN committee c ON c.id = p.committee_id";

fn row(r: &Row<'_>) -> rusqlite::Result<Project> {
    Ok(Project {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        committee_id: r.get(3)?,
        committee_name: r.get(4)?,
        phase: r.get(5)?,
        created_at: r.get(6)?,
        phase_changed_at: r.get(7)?,
    })
}

fn get(conn: &Connection, id: Id) -> Result<Project> {
    let p = conn.query_row(&format!("{SELECT} WHERE p.id = ?1"), [id], row).opt()?;
    found(p, "project", id)
}

/// The five phases as transcribed in `assets/question-sets/phases.toml`, by number.
fn phase_texts() -> Vec<&'static Question> {
    let set = crate::question_sets::built_in_set(PHASES_SET.0, PHASES_SET.1).expect("the phases set is built in");
    let mut phases: Vec<&Question> = set.groups.iter().flat_map(|g| g.questions.iter()).collect();
    phases.sort_by_key(|q| q.number);
    phases
}

fn check_phase(phase: u32) -> Result<u32> {
    if phase > LAST_PHASE {
        return Err(Error::Validation(
            Message::new("error-project-phase-unknown").field("phase").arg("phase", phase).arg("last", LAST_PHASE),
        ));
    }
    Ok(phase)
}

fn links(conn: &Connection, project_id: Id) -> Result<Vec<ProjectLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.id, l.phase, m.id, m.title, m.starts_at, c.name, a.id,
                (SELECT count(*) FROM agenda_item b WHERE b.meeting_id = a.meeting_id AND b.position <= a.position),
                a.title, a.decision, a.openness
         FROM project_link l
         JOIN meeting m ON m.id = l.meeting_id
         JOIN committee c ON c.id = m.committee_id
         LEFT JOIN agenda_item a ON a.id = l.agenda_item_id
         WHERE l.project_id = ?1
         ORDER BY l.phase, m.starts_at, a.position, l.id",
    )?;
    let rows = stmt
        .query_map([project_id], |r| {
            let item: Option<Id> = r.get(6)?;
            Ok(ProjectLink {
                id: r.get(0)?,
                phase: r.get(1)?,
                meeting_id: r.get(2)?,
                meeting_title: r.get(3)?,
                meeting_starts_at: r.get(4)?,
                committee_name: r.get(5)?,
                agenda_item_id: item,
                item_number: if item.is_some() { Some(r.get(7)?) } else { None },
                item_title: r.get(8)?,
                decision: r.get(9)?,
                openness: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

fn detail(conn: &Connection, id: Id) -> Result<ProjectDetail> {
    let project = get(conn, id)?;
    let mut notes =
        conn.prepare_cached("SELECT stakeholders, learnings FROM project_phase WHERE project_id = ?1 AND phase = ?2")?;
    let all_links = links(conn, id)?;
    let mut phases = Vec::new();
    for q in phase_texts() {
        let number = q.number.expect("a phase has a number");
        let (stakeholders, learnings): (String, String) =
            notes.query_row(params![id, number], |r| Ok((r.get(0)?, r.get(1)?))).opt()?.unwrap_or_default();
        phases.push(ProjectPhase {
            number,
            name: q.text.clone(),
            subtitle: q.subtitle.clone(),
            description: q.description.clone(),
            example: q.example.clone(),
            stakeholders,
            learnings,
            links: all_links.iter().filter(|l| l.phase == number).cloned().collect(),
        });
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, from_phase, to_phase, note, actor, at FROM project_phase_change WHERE project_id = ?1 ORDER BY id",
    )?;
    let history = stmt
        .query_map([id], |r| {
            Ok(PhaseChange {
                id: r.get(0)?,
                from_phase: r.get(1)?,
                to_phase: r.get(2)?,
                note: r.get(3)?,
                actor: r.get(4)?,
                at: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(ProjectDetail { project, phases, history })
}

impl Db {
    /// All projects, by committee and title; or those of one committee.
    pub fn list_projects(&self, committee_id: Option<Id>) -> Result<Vec<Project>> {
        if let Some(c) = committee_id {
            super::committees::get(&self.conn, c)?;
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "{SELECT} WHERE ?1 IS NULL OR p.committee_id = ?1 ORDER BY c.name_key, lower(p.title), p.id"
        ))?;
        let rows = stmt.query_map([committee_id], row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// A new project, in phase 0 (Identifikation); its history starts with the creation.
    pub fn create_project(&mut self, input: &NewProject) -> Result<Project> {
        let title = validate::required(&input.title, "title", MAX_TITLE)?;
        let description = validate::text(&input.description, "description")?;
        let actor = self.actor();
        self.write(|tx| {
            super::committees::get(tx, input.committee_id)?;
            tx.execute(
                "INSERT INTO project (title, description, committee_id) VALUES (?1, ?2, ?3)",
                params![title, description, input.committee_id],
            )?;
            let id = tx.last_insert_rowid();
            for phase in 0..=LAST_PHASE {
                tx.execute("INSERT INTO project_phase (project_id, phase) VALUES (?1, ?2)", params![id, phase])?;
            }
            tx.execute(
                "INSERT INTO project_phase_change (project_id, from_phase, to_phase, actor, at)
                 VALUES (?1, NULL, 0, ?2, ?3)",
                params![id, actor, now_utc()],
            )?;
            get(tx, id)
        })
    }

    pub fn update_project(&mut self, id: Id, patch: &ProjectPatch) -> Result<Project> {
        let title = patch.title.as_deref().map(|t| validate::required(t, "title", MAX_TITLE)).transpose()?;
        let description = patch.description.as_deref().map(|d| validate::text(d, "description")).transpose()?;
        self.write(|tx| {
            let p = get(tx, id)?;
            if let Some(c) = patch.committee_id {
                super::committees::get(tx, c)?;
            }
            tx.execute(
                "UPDATE project SET title = ?2, description = ?3, committee_id = ?4, updated_at = ?5 WHERE id = ?1",
                params![
                    id,
                    title.unwrap_or(p.title),
                    description.unwrap_or(p.description),
                    patch.committee_id.unwrap_or(p.committee_id),
                    now_utc()
                ],
            )?;
            get(tx, id)
        })
    }

    /// Delete a project with what it recorded. Linked meetings and their decisions stay.
    pub fn delete_project(&mut self, id: Id) -> Result<()> {
        self.write(|tx| {
            get(tx, id)?;
            tx.execute("DELETE FROM project WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The project with its five phases (the model's texts and what was recorded) and history.
    pub fn get_project(&self, id: Id) -> Result<ProjectDetail> {
        detail(&self.conn, id)
    }

    /// Move the project to `phase`: the next phase, back to any earlier one (revisiting), or
    /// forward past one or more phases when `note` gives the reason (without one it is
    /// refused). The change is kept in the history with who made it, when, and `note`. Moving
    /// to the phase it is in changes nothing and records nothing.
    pub fn set_project_phase(&mut self, id: Id, phase: u32, note: &str) -> Result<ProjectDetail> {
        let note = validate::text(note.trim(), "note")?;
        let actor = self.actor();
        self.write(|tx| {
            let p = get(tx, id)?;
            match phase_move(p.phase, phase) {
                PhaseMove::Stay => return detail(tx, id),
                PhaseMove::Forward | PhaseMove::Back => {}
                PhaseMove::Unknown => {
                    check_phase(phase)?;
                }
                PhaseMove::Skip if note.is_empty() => {
                    return Err(Error::Validation(
                        Message::new("error-project-phase-skip")
                            .field("note")
                            .arg("from", p.phase)
                            .arg("to", phase)
                            .arg("next", p.phase + 1),
                    ))
                }
                PhaseMove::Skip => {}
            }
            let now = now_utc();
            tx.execute("UPDATE project SET phase = ?2, updated_at = ?3 WHERE id = ?1", params![id, phase, now])?;
            tx.execute(
                "INSERT INTO project_phase_change (project_id, from_phase, to_phase, note, actor, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, p.phase, phase, note, actor, now],
            )?;
            detail(tx, id)
        })
    }

    /// Write what a phase recorded: its stakeholders and what was learned.
    pub fn update_project_phase(&mut self, id: Id, phase: u32, patch: &ProjectPhasePatch) -> Result<ProjectPhaseNotes> {
        check_phase(phase)?;
        let stakeholders = patch.stakeholders.as_deref().map(|t| validate::text(t, "stakeholders")).transpose()?;
        let learnings = patch.learnings.as_deref().map(|t| validate::text(t, "learnings")).transpose()?;
        self.write(|tx| {
            get(tx, id)?;
            if let Some(s) = &stakeholders {
                tx.execute(
                    "UPDATE project_phase SET stakeholders = ?3, updated_at = ?4 WHERE project_id = ?1 AND phase = ?2",
                    params![id, phase, s, now_utc()],
                )?;
            }
            if let Some(l) = &learnings {
                tx.execute(
                    "UPDATE project_phase SET learnings = ?3, updated_at = ?4 WHERE project_id = ?1 AND phase = ?2",
                    params![id, phase, l, now_utc()],
                )?;
            }
            let (stakeholders, learnings) = tx.query_row(
                "SELECT stakeholders, learnings FROM project_phase WHERE project_id = ?1 AND phase = ?2",
                params![id, phase],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            Ok(ProjectPhaseNotes { project_id: id, phase, stakeholders, learnings })
        })
    }

    /// Link a meeting — or one of its agenda items, whose decision then shows with the
    /// project — to a phase of the project. The same link twice is refused.
    pub fn link_project_meeting(
        &mut self,
        id: Id,
        phase: u32,
        meeting_id: Id,
        agenda_item_id: Option<Id>,
    ) -> Result<ProjectDetail> {
        check_phase(phase)?;
        self.write(|tx| {
            get(tx, id)?;
            let meeting = super::meetings::get(tx, meeting_id)?;
            if let Some(item) = agenda_item_id {
                let of: Option<Id> =
                    tx.query_row("SELECT meeting_id FROM agenda_item WHERE id = ?1", [item], |r| r.get(0)).opt()?;
                match of {
                    None => return Err(Error::NotFound { entity: "agenda_item", id: item }),
                    Some(m) if m != meeting_id => {
                        return Err(Error::Validation(
                            Message::new("error-project-item-not-in-meeting")
                                .field("agenda_item_id")
                                .arg("meeting", &meeting.title),
                        ))
                    }
                    Some(_) => {}
                }
            }
            let exists: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM project_link WHERE project_id = ?1 AND phase = ?2 AND meeting_id = ?3
                     AND agenda_item_id IS ?4)",
                params![id, phase, meeting_id, agenda_item_id],
                |r| r.get(0),
            )?;
            if exists {
                return Err(Error::Conflict(
                    Message::new("error-project-link-exists").field("meeting_id").arg("phase", phase),
                ));
            }
            tx.execute(
                "INSERT INTO project_link (project_id, phase, meeting_id, agenda_item_id) VALUES (?1, ?2, ?3, ?4)",
                params![id, phase, meeting_id, agenda_item_id],
            )?;
            detail(tx, id)
        })
    }

    /// Remove a link; the meeting and its decisions stay.
    pub fn unlink_project_meeting(&mut self, link_id: Id) -> Result<ProjectDetail> {
        self.write(|tx| {
            let project: Option<Id> =
                tx.query_row("SELECT project_id FROM project_link WHERE id = ?1", [link_id], |r| r.get(0)).opt()?;
            let project = found(project, "project_link", link_id)?;
            tx.execute("DELETE FROM project_link WHERE id = ?1", [link_id])?;
            detail(tx, project)
        })
    }
}
