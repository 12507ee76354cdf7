//! The types of the guided temamøde ("the walk"): question sets, the walk plan of an agenda
//! item, attendance, continuum positions and their results, notes and questions to the
//! administration.
//!
//! They live with the other domain types because they cross the same boundaries: SQLite rows,
//! the frozen JSON copies of question sets, and the UI's generated TypeScript. The
//! statistics of a continuum are computed here, as a pure function, so the numbers a committee
//! sees can be checked by hand against a documented method.

use serde::{Deserialize, Serialize};

use super::{Id, Role};
use crate::i18n::{Catalog, Lang};

string_enum!(
    /// What a question set holds: open questions (TESK, DIS, KL's dialogue questions),
    /// continuum questions answered by a position between two extremes (the six organisation
    /// questions), or the numbered phases of the five-phase model.
    QuestionSetKind {
        Questions = "questions",
        Continuum = "continuum",
        Phases = "phases",
    }
);

string_enum!(
    /// Tilstede, fraværende or afbud.
    Attendance {
        Present = "present",
        Absent = "absent",
        Apologies = "apologies",
    }
);

string_enum!(
    /// Where a follow-up item (a question to the administration) stands.
    FollowUpStatus {
        Open = "open",
        InProgress = "in_progress",
        Answered = "answered",
        Closed = "closed",
    }
);

/// A text in Danish and English. Danish is required; an empty English text falls back to the
/// Danish one (an imported set may be Danish only).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Text {
    pub da: String,
    pub en: String,
}

impl Text {
    /// The text in `lang`, or the Danish text when there is no English one.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.trim().is_empty() => &self.en,
            _ => &self.da,
        }
    }
}

/// A versioned question set, as transcribed in `assets/question-sets/*.toml` or imported by a
/// user. `(id, version)` names one immutable content: a changed text is a new version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct QuestionSet {
    /// The file format's schema version (1).
    pub schema: u32,
    /// Kebab-case, e.g. `tesk`.
    pub id: String,
    pub version: u32,
    pub kind: QuestionSetKind,
    pub title: Text,
    /// What the set is for, written for the app.
    pub help: Option<Text>,
    /// The source document, as a citation.
    pub source: Option<String>,
    /// The seed file the texts are transcribed from (built-in sets).
    pub source_file: Option<String>,
    /// A heading to show over the questions, e.g. TESK's "Hvad vil du belyse?".
    pub prompt: Option<Text>,
    pub intro: Option<Text>,
    pub example: Option<Text>,
    pub groups: Vec<QuestionGroup>,
}

/// A group of questions: a TESK perspective, a section of KL's dialogue questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct QuestionGroup {
    pub id: String,
    pub title: Text,
    pub intro: Option<Text>,
    pub questions: Vec<Question>,
}

/// One question, continuum question or phase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Question {
    /// Unique within its set (groups and questions share one id space).
    pub id: String,
    pub text: Text,
    pub subtitle: Option<Text>,
    /// Yderposition 1 (continuum sets only).
    pub extreme_left: Option<Text>,
    /// Yderposition 2 (continuum sets only).
    pub extreme_right: Option<Text>,
    pub examples: Vec<Text>,
    /// The phase number (phase sets only).
    pub number: Option<u32>,
    pub description: Option<Text>,
    pub example: Option<Text>,
}

impl QuestionSet {
    pub fn question_count(&self) -> u32 {
        self.groups.iter().map(|g| g.questions.len() as u32).sum()
    }
}

/// One line of the list of question sets to choose from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct QuestionSetSummary {
    pub id: String,
    pub version: u32,
    pub title: Text,
    pub kind: QuestionSetKind,
    pub question_count: u32,
    /// Shipped with the app (and checked against its source), not imported.
    pub built_in: bool,
    /// UTC, for imported sets.
    pub imported_at: Option<String>,
}

// ---- the walk plan ------------------------------------------------------------------------

/// What an agenda item's walk goes through: the case under discussion and, in order, the
/// parts taken from question sets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WalkPlan {
    /// The technology the case is about, e.g. "Algoritme, der forudsiger faldrisiko".
    #[serde(default)]
    pub case_technology: String,
    /// The problem it is meant to solve, for whom.
    #[serde(default)]
    pub case_problem: String,
    #[serde(default)]
    pub parts: Vec<WalkPlanPart>,
}

/// A part of a walk plan: questions from one version of one set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WalkPlanPart {
    pub set_id: String,
    pub set_version: u32,
    /// Ids of groups (meaning all their questions, in the set's order) and of single
    /// questions, in the order they are to be walked. Empty: the whole set in its order.
    #[serde(default)]
    pub selection: Vec<String>,
}

/// One step of a walk: one question, with its text as frozen for this meeting and the data
/// the UI needs to say where the committee is ("Strategi · spørgsmål 3 af 5").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WalkStep {
    /// 0-based position in the walk; the `step` argument of the walk's writes.
    pub index: u32,
    pub set_id: String,
    pub set_version: u32,
    pub set_title: Text,
    pub set_kind: QuestionSetKind,
    pub group_id: String,
    pub group_title: Text,
    /// The set's heading over each perspective, e.g. TESK's "Hvad vil du belyse?", in sentence
    /// case even where an older frozen copy has the source's capitals.
    #[serde(default)]
    pub prompt: Option<Text>,
    /// The question as frozen in the meeting's copy of the set.
    pub question: Question,
    /// 1-based number of this question among the walk's questions from the same group.
    pub question_number: u32,
    /// How many of the walk's questions come from the same group.
    pub question_count: u32,
    /// A continuum question: participants take positions on it.
    pub is_continuum: bool,
    /// The positions on this question are shown to the room.
    pub revealed: bool,
    /// The round of positions being taken now: 1, or 2 once the chair has started the
    /// second round (after the discussion).
    pub round: u32,
    /// Minutes planned for this question; `None` when it has no timebox.
    pub timebox_minutes: Option<u32>,
    /// Seconds the walk has spent at this step so far (not counting a visit still running).
    pub seconds_used: u32,
}

/// A heading set in capitals in the source ("HVAD VIL DU BELYSE?") in sentence case ("Hvad
/// vil du belyse?"); any other text unchanged. Letters in capitals are shouting on a screen and
/// harder to read; the question sets keep the source's capitals only in `original`.
pub fn sentence_case_heading(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    // Several words, all in capitals: a single word in capitals may be an acronym ("IT").
    if !s.trim().contains(char::is_whitespace) || letters.len() < 4 || letters.iter().any(|c| c.is_lowercase()) {
        return s.to_owned();
    }
    let lower = s.to_lowercase();
    let mut chars = lower.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

impl WalkStep {
    /// "Strategi · spørgsmål 3 af 5" in `lang`.
    pub fn where_label(&self, cat: &Catalog, lang: Lang) -> String {
        cat.format(
            "walk-where",
            &[
                ("group", self.group_title.get(lang).to_owned()),
                ("number", self.question_number.to_string()),
                ("count", self.question_count.to_string()),
            ],
        )
    }
}

/// An agenda item's walk: its plan, expanded into steps with frozen texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Walk {
    pub agenda_item_id: Id,
    pub meeting_id: Id,
    pub case_technology: String,
    pub case_problem: String,
    pub steps: Vec<WalkStep>,
    /// The plan as it would be given to `set_walk_plan` (for editing it).
    pub plan: WalkPlan,
    /// The step the meeting is at, when the meeting is at this item.
    pub current_step: Option<u32>,
    /// The meeting's minutes are approved: nothing can change.
    pub locked: bool,
}

/// Where a meeting's walk is, and how its positions are shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WalkState {
    pub meeting_id: Id,
    pub current_item_id: Option<Id>,
    /// Clamped to the current item's steps; `None` when it has none.
    pub current_step: Option<u32>,
    /// Show names with positions (true) or anonymous values (false, the default).
    pub positions_named: bool,
    /// UTC: when the walk entered the current step (for its timebox).
    pub step_started_at: Option<String>,
}

// ---- attendance ---------------------------------------------------------------------------

/// A person's attendance at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AttendanceEntry {
    pub person_id: Id,
    pub name: String,
    pub party: Option<String>,
    /// The role in the meeting's committee; `None` for someone who has since left it.
    pub role: Option<Role>,
    pub attendance: Attendance,
    /// True when recorded; false when it is the default (a member is present unless
    /// recorded otherwise).
    pub recorded: bool,
}

/// Someone at the meeting who is not a member of the committee: an expert, a citizen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MeetingGuest {
    pub id: Id,
    pub meeting_id: Id,
    pub name: String,
    /// Organisation or capacity, e.g. "Center for Sundhed og Omsorg".
    pub affiliation: String,
}

/// Who is at a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct MeetingAttendance {
    pub meeting_id: Id,
    /// Members by role and name, then former members with recorded attendance.
    pub people: Vec<AttendanceEntry>,
    pub guests: Vec<MeetingGuest>,
}

// ---- positions ----------------------------------------------------------------------------

/// A participant's answer to a continuum question: a position from 0 (extreme left) to 100
/// (extreme right), or no position, with a reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PositionInput {
    Value(u8),
    Skipped { reason: String },
}

/// A position as shown after it is revealed. Person and name are given only when the meeting
/// shows positions named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct RevealedPosition {
    pub value: u8,
    pub person_id: Option<Id>,
    pub name: Option<String>,
}

/// A participant who took no position, with the reason they gave (a skip needs one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SkippedPosition {
    pub reason: String,
    pub person_id: Option<Id>,
    pub name: Option<String>,
}

string_enum!(
    /// Which side of a continuum a position is on: nearer the left extreme (below 50), the
    /// middle (50) or nearer the right extreme (above 50).
    ContinuumSide {
        Left = "left",
        Middle = "middle",
        Right = "right",
    }
);

impl ContinuumSide {
    pub fn of(value: u8) -> ContinuumSide {
        match value {
            0..=49 => ContinuumSide::Left,
            50 => ContinuumSide::Middle,
            _ => ContinuumSide::Right,
        }
    }
}

/// The reason a participant gave for a position, shown after the reveal grouped by side
/// (left, middle, right; within a side by value). Person and name only when named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PositionReason {
    pub side: ContinuumSide,
    pub value: u8,
    pub reason: String,
    pub person_id: Option<Id>,
    pub name: Option<String>,
}

/// One participant's move from round 1 to round 2: an arrow on the chart. Person and name
/// only when named; anonymous moves are ordered by their values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PositionMove {
    pub from: u8,
    pub to: u8,
    pub person_id: Option<Id>,
    pub name: Option<String>,
}

/// Round 1 of a question answered twice, beside round 2 in [`ContinuumResult`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct FirstRoundResult {
    /// Round 1 may be seen: it was revealed before round 2 began, or round 2 is revealed.
    pub revealed: bool,
    pub answered_count: u32,
    /// Revealed only, as in [`ContinuumResult`].
    pub values: Vec<RevealedPosition>,
    pub skipped: Vec<SkippedPosition>,
    pub statistics: Option<ContinuumStatistics>,
    pub reasons: Vec<PositionReason>,
}

/// Median and spread of a continuum's values.
///
/// Quartiles use linear interpolation between order statistics (Hyndman & Fan type 7, the
/// method of R's default `quantile`, NumPy's default and Excel's `KVARTIL.MEDTAG` /
/// `QUARTILE.INC`): for sorted values x₀ … xₙ₋₁ the p-quantile is at h = (n − 1)·p, between
/// x⌊h⌋ and x⌈h⌉.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct ContinuumStatistics {
    pub count: u32,
    pub median: f64,
    pub min: u8,
    pub max: u8,
    /// Lower quartile.
    pub q1: f64,
    /// Upper quartile.
    pub q3: f64,
    /// Interquartile range, `q3 - q1`.
    pub iqr: f64,
}

impl ContinuumStatistics {
    /// The statistics of `values`, or `None` when there are none.
    pub fn of(values: &[u8]) -> Option<ContinuumStatistics> {
        if values.is_empty() {
            return None;
        }
        let mut v: Vec<u8> = values.to_vec();
        v.sort_unstable();
        let q = |p: f64| {
            let h = (v.len() - 1) as f64 * p;
            let (lo, hi) = (h.floor() as usize, h.ceil() as usize);
            f64::from(v[lo]) + (h - lo as f64) * (f64::from(v[hi]) - f64::from(v[lo]))
        };
        let (q1, q3) = (q(0.25), q(0.75));
        Some(ContinuumStatistics {
            count: v.len() as u32,
            median: q(0.5),
            min: v[0],
            max: v[v.len() - 1],
            q1,
            q3,
            iqr: q3 - q1,
        })
    }
}

/// The positions on one continuum question.
///
/// Until the positions are revealed the result says only how many have answered: no value,
/// reason or name leaves the core, so a screen shared with the room cannot show them early.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct ContinuumResult {
    pub agenda_item_id: Id,
    pub step: u32,
    pub question_id: String,
    pub revealed: bool,
    /// Whether names are shown with the values (the meeting's setting).
    pub named: bool,
    /// Present participants who can take a position.
    pub participant_count: u32,
    /// How many have answered, with a value or by skipping.
    pub answered_count: u32,
    /// Revealed only: the values, lowest first (named: by value, then name).
    pub values: Vec<RevealedPosition>,
    /// Revealed only.
    pub skipped: Vec<SkippedPosition>,
    /// Revealed only, and only when there is at least one value.
    pub statistics: Option<ContinuumStatistics>,
    /// The round these positions are: 1, or 2 when the question is answered twice.
    pub round: u32,
    /// Revealed only: the reasons given with the values, by side of the continuum.
    pub reasons: Vec<PositionReason>,
    /// Round 2 only: round 1 as it stood when round 2 began.
    pub first_round: Option<FirstRoundResult>,
    /// Round 2, revealed only: each move of someone who took a value in both rounds.
    pub moves: Vec<PositionMove>,
    /// Round 2, revealed only: the median of round 2 minus the median of round 1.
    pub median_shift: Option<f64>,
}

/// The reasons of `values` (the non-empty ones), by side, then value, then name.
pub fn reasons_by_side(values: &[(u8, String, Option<Id>, Option<String>)]) -> Vec<PositionReason> {
    let mut out: Vec<PositionReason> = values
        .iter()
        .filter(|(_, reason, _, _)| !reason.trim().is_empty())
        .map(|(value, reason, person_id, name)| PositionReason {
            side: ContinuumSide::of(*value),
            value: *value,
            reason: reason.clone(),
            person_id: *person_id,
            name: name.clone(),
        })
        .collect();
    let rank = |s: ContinuumSide| ContinuumSide::ALL.iter().position(|x| *x == s).unwrap_or(0);
    out.sort_by(|a, b| (rank(a.side), a.value, &a.name, &a.reason).cmp(&(rank(b.side), b.value, &b.name, &b.reason)));
    out
}

// ---- notes and questions to the administration -------------------------------------------

/// A question to the administration (spørgsmål til forvaltningen), raised at a walk step. It
/// is a follow-up item (opfølgning): the fields after `asked_by_name` are for following it
/// up — who owns it, by when, its status and the administration's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FollowUp {
    pub id: Id,
    pub meeting_id: Id,
    pub agenda_item_id: Option<Id>,
    /// The step it was raised at, as the walk is now.
    pub step: Option<u32>,
    pub set_id: Option<String>,
    pub question_id: Option<String>,
    pub text: String,
    pub asked_by: Option<Id>,
    pub asked_by_name: Option<String>,
    pub owner: String,
    /// `YYYY-MM-DD`.
    pub due_date: Option<String>,
    pub status: FollowUpStatus,
    pub answer: String,
    /// UTC.
    pub created_at: String,
}

/// A point a participant sent at a step ("Hvad vil du belyse?"), as the chair sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct WalkPoint {
    pub id: Id,
    pub agenda_item_id: Id,
    /// The step it was sent at, as the walk is now.
    pub step: Option<u32>,
    pub question_id: String,
    pub text: String,
    /// Who sent it (the chair's view only; the room never gets names).
    pub person_id: Option<Id>,
    pub name: Option<String>,
    /// Shown on the room screen.
    pub shown: bool,
    /// Merged into this point as a duplicate.
    pub merged_into: Option<Id>,
    /// The question to the administration it became.
    pub follow_up_id: Option<Id>,
    /// How many points were merged into this one.
    pub duplicates: u32,
    /// UTC.
    pub created_at: String,
}

/// One step of a walk with what came of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct StepSummary {
    pub step: WalkStep,
    /// The secretary's note; empty when none.
    pub note: String,
    pub questions_to_administration: Vec<FollowUp>,
    /// For continuum questions; hidden positions give counts only.
    pub result: Option<ContinuumResult>,
    /// The points sent at this step, duplicates merged (not merged into another).
    pub points: Vec<WalkPoint>,
}

/// Everything an agenda item's walk produced, for the minutes and the follow-up.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct WalkSummary {
    pub agenda_item_id: Id,
    pub meeting_id: Id,
    pub case_technology: String,
    pub case_problem: String,
    pub steps: Vec<StepSummary>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_interpolate_linearly() {
        let s = ContinuumStatistics::of(&[40, 10, 30, 20]).unwrap();
        assert_eq!((s.median, s.q1, s.q3, s.iqr, s.min, s.max), (25.0, 17.5, 32.5, 15.0, 10, 40));
        let s = ContinuumStatistics::of(&[100, 0, 50, 20, 80]).unwrap();
        assert_eq!((s.median, s.q1, s.q3, s.iqr), (50.0, 20.0, 80.0, 60.0));
        let s = ContinuumStatistics::of(&[42]).unwrap();
        assert_eq!((s.median, s.q1, s.q3, s.iqr, s.count), (42.0, 42.0, 42.0, 0.0, 1));
        assert!(ContinuumStatistics::of(&[]).is_none());
    }

    #[test]
    fn english_falls_back_to_danish() {
        let t = Text { da: "Strategi".into(), en: String::new() };
        assert_eq!(t.get(Lang::En), "Strategi");
        let t = Text { da: "Strategi".into(), en: "Strategy".into() };
        assert_eq!(t.get(Lang::En), "Strategy");
        assert_eq!(t.get(Lang::Da), "Strategi");
    }

    #[test]
    fn label_keys() {
        assert_eq!(Attendance::Apologies.label_key(), "attendance-apologies");
        assert_eq!(FollowUpStatus::InProgress.label_key(), "follow-up-status-in-progress");
        assert_eq!(QuestionSetKind::Continuum.label_key(), "question-set-kind-continuum");
    }

    #[test]
    fn headings_in_capitals_are_shown_in_sentence_case() {
        assert_eq!(sentence_case_heading("HVAD VIL DU BELYSE?"), "Hvad vil du belyse?");
        assert_eq!(sentence_case_heading("WHAT DO YOU WANT TO SHED LIGHT ON?"), "What do you want to shed light on?");
        assert_eq!(sentence_case_heading("ØVRIGE PERSPEKTIVER"), "Øvrige perspektiver");
        for unchanged in ["Hvad vil du belyse?", "KL's spørgsmål", "IT", "GDPR", "1.", ""] {
            assert_eq!(sentence_case_heading(unchanged), unchanged);
        }
    }
}
