//! Question sets as versioned data: the five sets transcribed from KL's and Gentofte's
//! documents (`assets/question-sets/*.toml`, compiled in), and sets a municipality writes
//! itself and imports.
//!
//! Why data and not code: the texts are the authority a committee works from, so they must
//! be readable and correctable by someone who is not a programmer, checkable against their
//! sources (`tests/it/question_sets_source.rs`), and versioned — minutes quote the version of a
//! question the committee actually answered, so `(id, version)` names one immutable content.
//! A changed text is a new version; a meeting freezes a copy of each version it uses (see
//! `store::walk`), so no later change of a set ever changes old minutes.
//!
//! Why line numbers: an imported file is written by hand in a text editor. "The file is
//! invalid" helps nobody; "line 14: the continuum question `org-3` has no `extreme_right`"
//! does. Syntax errors get their line from the TOML parser's span; the semantic checks run
//! on a parse that keeps the span of every id and text ([`toml::Spanned`]), so they name the
//! line too.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::Deserialize;
use toml::Spanned;

use crate::domain::*;
use crate::error::{Error, Message, Result};
use crate::validate::{MAX_SHORT, MAX_TEXT, MAX_TITLE};

/// The schema version of the TOML format this build reads.
pub const SCHEMA: u32 = 1;

/// The largest file accepted for import. The largest built-in set is about 20 kB.
pub const MAX_SOURCE_BYTES: usize = 1_000_000;

/// Ids are kebab-case and at most this long.
pub const MAX_ID: usize = 100;

/// At most this many questions in one set (the largest built-in set has about 40). Each is a
/// step of a walk, so a set far beyond this could not be walked in a meeting anyway.
pub const MAX_QUESTIONS: usize = 1_000;

/// The built-in sets' TOML sources, in the order the app offers them.
const BUILT_IN_SOURCES: [&str; 5] = [
    include_str!("../../../assets/question-sets/tesk.toml"),
    include_str!("../../../assets/question-sets/organisation-questions.toml"),
    include_str!("../../../assets/question-sets/phases.toml"),
    include_str!("../../../assets/question-sets/dis-key-questions.toml"),
    include_str!("../../../assets/question-sets/kl-dialogue-questions.toml"),
];

/// The built-in sets' TOML sources as compiled into the binary.
pub fn built_in_sources() -> &'static [&'static str] {
    &BUILT_IN_SOURCES
}

/// The built-in sets, parsed on first use. A built-in set that does not parse is a bug in
/// this build (the tests parse all of them), so it panics with the parse error.
pub fn built_in() -> &'static [QuestionSet] {
    static SETS: OnceLock<Vec<QuestionSet>> = OnceLock::new();
    SETS.get_or_init(|| {
        BUILT_IN_SOURCES
            .iter()
            .map(|src| parse(src).unwrap_or_else(|e| panic!("a built-in question set does not parse: {e}")))
            .collect()
    })
}

/// The built-in set `id` in `version`, if this build ships it.
pub fn built_in_set(id: &str, version: u32) -> Option<&'static QuestionSet> {
    built_in().iter().find(|s| s.id == id && s.version == version)
}

/// The canonical JSON of a parsed set: what is stored, compared and frozen. Field order is
/// the struct's, so equal sets give equal text; comments and layout of the TOML do not count.
pub fn canonical_json(set: &QuestionSet) -> String {
    serde_json::to_string(set).expect("a question set serialises")
}

/// Read a set back from its canonical JSON.
pub(crate) fn from_json(json: &str) -> Result<QuestionSet> {
    serde_json::from_str(json).map_err(|e| {
        Error::Storage(rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
    })
}

// ---- the file as written, with spans ------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    schema: Spanned<i64>,
    id: Spanned<String>,
    version: Spanned<i64>,
    kind: QuestionSetKind,
    title: Spanned<RawText>,
    help: Option<Spanned<RawText>>,
    source: Option<Spanned<String>>,
    source_file: Option<Spanned<String>>,
    prompt: Option<Spanned<RawText>>,
    intro: Option<Spanned<RawText>>,
    example: Option<Spanned<RawText>>,
    #[serde(default)]
    groups: Vec<RawGroup>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: Spanned<String>,
    title: Spanned<RawText>,
    intro: Option<Spanned<RawText>>,
    #[serde(default)]
    questions: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    text: Spanned<RawText>,
    subtitle: Option<Spanned<RawText>>,
    extreme_left: Option<Spanned<RawText>>,
    extreme_right: Option<Spanned<RawText>>,
    #[serde(default)]
    examples: Vec<Spanned<RawText>>,
    number: Option<Spanned<i64>>,
    description: Option<Spanned<RawText>>,
    example: Option<Spanned<RawText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    da: String,
    #[serde(default)]
    en: String,
    /// The exact source text, when `da` shows it corrected (a typo, capitals); kept in the
    /// file so the transcription stays checkable, not part of the set the app uses.
    original: Option<String>,
    /// What was corrected; goes with `original`.
    note: Option<String>,
}

// ---- parsing ------------------------------------------------------------------------------

/// 1-based line of byte offset `at` in `source`.
fn line_at(source: &str, at: usize) -> usize {
    let at = at.min(source.len());
    source.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1
}

struct Checker<'a> {
    source: &'a str,
    /// Every group and question id seen so far.
    ids: HashSet<String>,
}

impl Checker<'_> {
    /// An error about the line where `span` starts.
    fn err(&self, span: std::ops::Range<usize>, key: &'static str) -> Message {
        Message::new(key).field("source").arg("line", line_at(self.source, span.start))
    }

    fn id(&self, id: &Spanned<String>) -> Result<String> {
        let v = id.get_ref().trim();
        let ok = !v.is_empty()
            && v.chars().count() <= MAX_ID
            && v.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        if !ok {
            return Err(Error::Validation(self.err(id.span(), "error-question-set-id").arg("id", v)));
        }
        Ok(v.to_owned())
    }

    /// A group or question id: valid and not used before in this set.
    fn unique_id(&mut self, id: &Spanned<String>) -> Result<String> {
        let v = self.id(id)?;
        if !self.ids.insert(v.clone()) {
            return Err(Error::Validation(self.err(id.span(), "error-question-set-duplicate-id").arg("id", &v)));
        }
        Ok(v)
    }

    fn text(&self, t: &Spanned<RawText>, max: usize) -> Result<Text> {
        let raw = t.get_ref();
        let (da, en) = (raw.da.trim(), raw.en.trim());
        if da.is_empty() {
            return Err(Error::Validation(self.err(t.span(), "error-question-set-empty-text")));
        }
        let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
        if blank(&raw.original) != blank(&raw.note) {
            return Err(Error::Validation(
                self.err(t.span(), "error-question-set-invalid")
                    .arg("problem", "`original` (the exact source text) and `note` (what was corrected) go together"),
            ));
        }
        for s in [da, en] {
            let n = s.chars().count();
            if n > max {
                return Err(Error::Validation(
                    self.err(t.span(), "error-question-set-text-too-long").arg("length", n).arg("max", max),
                ));
            }
            if s.contains('\0') {
                return Err(Error::Validation(
                    self.err(t.span(), "error-question-set-invalid").arg("problem", "NUL (\\u0000) in a text"),
                ));
            }
        }
        Ok(Text { da: da.to_owned(), en: en.to_owned() })
    }

    fn opt_text(&self, t: &Option<Spanned<RawText>>) -> Result<Option<Text>> {
        t.as_ref().map(|t| self.text(t, MAX_TEXT)).transpose()
    }

    fn opt_string(&self, s: &Option<Spanned<String>>, max: usize) -> Result<Option<String>> {
        let Some(s) = s else { return Ok(None) };
        let v = s.get_ref().trim();
        let n = v.chars().count();
        if n > max {
            return Err(Error::Validation(
                self.err(s.span(), "error-question-set-text-too-long").arg("length", n).arg("max", max),
            ));
        }
        Ok(Some(v.to_owned()).filter(|v| !v.is_empty()))
    }
}

/// Parse and check a question set written in the TOML format of `assets/question-sets/`.
///
/// Refused with an [`Error::Validation`] whose message names the line and the problem:
/// TOML syntax, unknown keys, missing or mistyped fields, unknown `kind`, a schema other than
/// [`SCHEMA`], ids that are not kebab-case or are used twice, empty Danish texts, a continuum
/// question without both extremes, extremes outside a continuum set, phases without a unique
/// `number`, and groups without questions.
pub fn parse(source: &str) -> Result<QuestionSet> {
    if source.len() > MAX_SOURCE_BYTES {
        return Err(Error::Validation(
            Message::new("error-question-set-too-large")
                .field("source")
                .arg("size", source.len())
                .arg("max", MAX_SOURCE_BYTES),
        ));
    }
    // Editors on Windows may save with a byte-order mark; it is not part of the TOML.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let raw: RawSet = toml::from_str(source).map_err(|e| {
        let line = e.span().map(|s| line_at(source, s.start)).unwrap_or(1);
        Error::Validation(
            Message::new("error-question-set-invalid")
                .field("source")
                .arg("line", line)
                .arg("problem", e.message().trim()),
        )
    })?;
    let mut c = Checker { source, ids: HashSet::new() };

    if *raw.schema.get_ref() != i64::from(SCHEMA) {
        return Err(Error::Validation(
            c.err(raw.schema.span(), "error-question-set-schema")
                .arg("found", raw.schema.get_ref())
                .arg("supported", SCHEMA),
        ));
    }
    let id = c.id(&raw.id)?;
    let version = match u32::try_from(*raw.version.get_ref()) {
        Ok(v) if v >= 1 => v,
        _ => {
            return Err(Error::Validation(
                c.err(raw.version.span(), "error-question-set-version").arg("version", raw.version.get_ref()),
            ))
        }
    };
    let kind = raw.kind;
    let title = c.text(&raw.title, MAX_TITLE)?;
    let help = c.opt_text(&raw.help)?;
    let src = c.opt_string(&raw.source, MAX_TEXT)?;
    let source_file = c.opt_string(&raw.source_file, MAX_SHORT)?;
    let prompt = c.opt_text(&raw.prompt)?;
    let intro = c.opt_text(&raw.intro)?;
    let example = c.opt_text(&raw.example)?;
    if raw.groups.is_empty() {
        return Err(Error::Validation(c.err(raw.id.span(), "error-question-set-no-groups")));
    }

    let mut numbers = HashSet::new();
    let mut groups = Vec::with_capacity(raw.groups.len());
    let mut question_count = 0usize;
    for g in &raw.groups {
        let gid = c.unique_id(&g.id)?;
        let gtitle = c.text(&g.title, MAX_TITLE)?;
        let gintro = c.opt_text(&g.intro)?;
        if g.questions.is_empty() {
            return Err(Error::Validation(c.err(g.id.span(), "error-question-set-empty-group").arg("id", &gid)));
        }
        let mut questions = Vec::with_capacity(g.questions.len());
        for q in &g.questions {
            question_count += 1;
            if question_count > MAX_QUESTIONS {
                return Err(Error::Validation(
                    c.err(q.id.span(), "error-question-set-too-many-questions").arg("max", MAX_QUESTIONS),
                ));
            }
            let qid = c.unique_id(&q.id)?;
            let text = c.text(&q.text, MAX_TEXT)?;
            let (left, right) = (c.opt_text(&q.extreme_left)?, c.opt_text(&q.extreme_right)?);
            if kind == QuestionSetKind::Continuum {
                for (name, value) in [("extreme_left", &left), ("extreme_right", &right)] {
                    if value.is_none() {
                        return Err(Error::Validation(
                            c.err(q.id.span(), "error-question-set-missing-extreme")
                                .arg("id", &qid)
                                .arg("extreme", name),
                        ));
                    }
                }
            } else if let Some(e) = q.extreme_left.as_ref().or(q.extreme_right.as_ref()) {
                return Err(Error::Validation(
                    c.err(e.span(), "error-question-set-extreme-not-continuum").arg("id", &qid),
                ));
            }
            let number = match (&q.number, kind) {
                (Some(n), QuestionSetKind::Phases) => match u32::try_from(*n.get_ref()) {
                    Ok(v) if numbers.insert(v) => Some(v),
                    _ => {
                        return Err(Error::Validation(
                            c.err(n.span(), "error-question-set-phase-number").arg("id", &qid),
                        ))
                    }
                },
                (None, QuestionSetKind::Phases) => {
                    return Err(Error::Validation(
                        c.err(q.id.span(), "error-question-set-phase-number").arg("id", &qid),
                    ))
                }
                (Some(n), _) => {
                    return Err(Error::Validation(
                        c.err(n.span(), "error-question-set-number-not-phase").arg("id", &qid),
                    ))
                }
                (None, _) => None,
            };
            questions.push(Question {
                id: qid,
                text,
                subtitle: c.opt_text(&q.subtitle)?,
                extreme_left: left,
                extreme_right: right,
                examples: q.examples.iter().map(|e| c.text(e, MAX_TEXT)).collect::<Result<_>>()?,
                number,
                description: c.opt_text(&q.description)?,
                example: c.opt_text(&q.example)?,
            });
        }
        groups.push(QuestionGroup { id: gid, title: gtitle, intro: gintro, questions });
    }

    Ok(QuestionSet {
        schema: SCHEMA,
        id,
        version,
        kind,
        title,
        help,
        source: src,
        source_file,
        prompt,
        intro,
        example,
        groups,
    })
}

/// The summary line of a set.
pub(crate) fn summary(set: &QuestionSet, built_in: bool, imported_at: Option<String>) -> QuestionSetSummary {
    QuestionSetSummary {
        id: set.id.clone(),
        version: set.version,
        title: set.title.clone(),
        kind: set.kind,
        question_count: set.question_count(),
        built_in,
        imported_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_from_one() {
        assert_eq!(line_at("a\nb\nc", 0), 1);
        assert_eq!(line_at("a\nb\nc", 2), 2);
        assert_eq!(line_at("a\nb\nc", 4), 3);
        assert_eq!(line_at("a\nb\nc", 99), 3);
    }

    #[test]
    fn built_ins_parse_and_round_trip_through_json() {
        assert_eq!(built_in().len(), 5);
        for set in built_in() {
            let back = from_json(&canonical_json(set)).unwrap();
            assert_eq!(&back, set);
        }
    }

    #[test]
    fn source_typos_are_shown_corrected_and_the_original_stays_out_of_the_set() {
        let tesk = built_in_set("tesk", 2).unwrap();
        let texts: Vec<&str> = tesk.groups.iter().flat_map(|g| &g.questions).map(|q| q.text.da.as_str()).collect();
        assert!(
            texts.contains(&"Hvad betyder teknologien for kommunens ansatte, deres arbejdsopgaver og arbejdsglæde?")
        );
        assert!(texts.iter().any(|t| t.contains("hvordan registreres, bearbejdes")));
        assert!(texts.iter().any(|t| t.ends_with("-deling og -bearbejdning?")));
        assert!(texts.iter().any(|t| t.contains("medarbejdere og borgere kompetencer")));
        assert_eq!(tesk.prompt.as_ref().unwrap().da, "Hvad vil du belyse?");
        let json = canonical_json(tesk);
        for absent in [" egistreres", "ansate,", " og og ", "HVAD VIL", "rettet til", "tekstudtræk"] {
            assert!(!json.contains(absent), "{absent:?} reached the set");
        }
    }

    #[test]
    fn an_original_needs_a_note_of_the_correction() {
        let set = |text: &str| {
            format!(
                "schema = 1\nid = \"x\"\nversion = 1\nkind = \"questions\"\ntitle = {{ da = \"X\" }}\n\
                 [[groups]]\nid = \"g\"\ntitle = {{ da = \"G\" }}\n[[groups.questions]]\nid = \"q\"\ntext = {text}\n"
            )
        };
        let ok = parse(&set("{ da = \"Hvem ser data?\", original = \"Hvem se data?\", note = \"rettet\" }")).unwrap();
        assert_eq!(ok.groups[0].questions[0].text.da, "Hvem ser data?");
        let e = parse(&set("{ da = \"Hvem ser data?\", original = \"Hvem se data?\" }")).unwrap_err();
        assert_eq!(e.message().key, "error-question-set-invalid");
        assert!(e.to_string().contains("linje 11"), "{e}");
    }
}
