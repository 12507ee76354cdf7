//! The question sets in `assets/question-sets/*.toml` are transcriptions of public source
//! documents (`shared/seeds/*.txt`). This test checks, for every file:
//!
//! * every Danish text that is a transcription occurs in the file's seed document
//!   (`source_file`), after normalising both sides (see [`contains`]);
//! * the structure: known keys only, ids unique, every bilingual text has non-empty `da`
//!   and `en`, continuum questions have both extremes, phases are numbered 0..4, TESK has
//!   three perspectives, the organisation set six questions, the DIS set four.
//!
//! Transcribed fields (checked against the source): set `prompt`, `intro`, `example`;
//! group `title`, `intro`; question `text`, `subtitle`, `extreme_left`, `extreme_right`,
//! `description`, `example`, `examples[]`. Not checked against the source: the set's
//! `title` and `help` (written for the app).
//!
//! All comparisons are case-sensitive. Where the app shows a text differently from the
//! source — a typo corrected (TESK's "egistreres"), a heading in capitals shown in sentence
//! case (TESK's "HVAD VIL DU BELYSE?") — `da` holds the text shown and `original` the exact
//! source text, with a `note` of the correction; then `original` is what is checked, so the
//! fidelity stays checkable.
//!
//! The seed directory is `$PEJLING_SEEDS`, else `../shared/seeds` next to the crate, else the
//! copy committed in `tests/fixtures/seeds` (so a clone on its own is checked too; when both
//! exist, a test checks the copy is identical). If none is there the test fails: a
//! transcription check that silently passes checks nothing.
//!
//! Uses only std and the `toml` dev-dependency; does not depend on the pejling crate.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use toml::{Table, Value};

use crate::support::seed_text;
use seed_text::{committed_seeds, contains, normalise, seeds_dir, shared_seeds};

/// The sets the app ships; each must be present.
const EXPECTED_SETS: [&str; 5] =
    ["tesk", "organisation-questions", "phases", "dis-key-questions", "kl-dialogue-questions"];

const KINDS: [&str; 3] = ["questions", "continuum", "phases"];

const SET_KEYS: [&str; 12] = [
    "schema",
    "id",
    "version",
    "kind",
    "title",
    "help",
    "source",
    "source_file",
    "prompt",
    "intro",
    "example",
    "groups",
];
const GROUP_KEYS: [&str; 4] = ["id", "title", "intro", "questions"];
const QUESTION_KEYS: [&str; 9] =
    ["id", "text", "subtitle", "extreme_left", "extreme_right", "examples", "number", "description", "example"];

/// The committed copy of the source documents is the shared one, byte for byte.
#[test]
fn committed_seed_copy_matches_the_shared_seeds() {
    let shared = shared_seeds();
    if !shared.is_dir() {
        return; // a clone on its own: the committed copy is all there is
    }
    let mut n = 0;
    for entry in std::fs::read_dir(&shared).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let copy = committed_seeds().join(path.file_name().unwrap());
            assert_eq!(std::fs::read(&path).unwrap(), std::fs::read(&copy).unwrap(), "{} differs", copy.display());
            n += 1;
        }
    }
    assert!(n >= 5, "expected the five seed documents, found {n}");
}

fn sets_dir() -> PathBuf {
    crate::support::root().join("assets/question-sets")
}

/// One file's findings.
struct Checker<'a> {
    file: String,
    errors: &'a mut Vec<String>,
    /// (where, Danish text) of every transcription, to look up in the source.
    transcriptions: Vec<(String, String)>,
    /// How many texts are shown corrected (with the source text kept in `original`).
    corrected: usize,
}

impl Checker<'_> {
    fn error(&mut self, msg: String) {
        self.errors.push(format!("{}: {}", self.file, msg));
    }

    fn unknown_keys(&mut self, table: &Table, allowed: &[&str], at: &str) {
        for key in table.keys() {
            if !allowed.contains(&key.as_str()) {
                self.error(format!("{at}: unknown key `{key}` (allowed: {allowed:?})"));
            }
        }
    }

    /// A `{ da = "...", en = "..." }` table with non-empty, whitespace-normalised texts.
    /// Returns the Danish text.
    fn bilingual(&mut self, value: Option<&Value>, at: &str) -> Option<String> {
        let Some(value) = value else {
            self.error(format!("{at}: missing"));
            return None;
        };
        let Some(table) = value.as_table() else {
            self.error(format!("{at}: expected a table {{ da = \"...\", en = \"...\" }}"));
            return None;
        };
        self.unknown_keys(table, &["da", "en", "original", "note"], at);
        let mut da = None;
        for lang in ["da", "en"] {
            match table.get(lang).and_then(Value::as_str) {
                None => self.error(format!("{at}.{lang}: missing or not a string")),
                Some(s) if s.trim().is_empty() => self.error(format!("{at}.{lang}: empty")),
                Some(s) if s != normalise(s) => {
                    self.error(format!("{at}.{lang}: stray whitespace (leading, trailing, doubled or line breaks)"))
                }
                Some(s) => {
                    if lang == "da" {
                        da = Some(s.to_string());
                    }
                }
            }
        }
        da
    }

    /// A bilingual text whose Danish side is a transcription from the source. When the
    /// app shows it corrected, the exact source text is `original` (with a `note` of the
    /// correction), and that is what is looked up in the source.
    fn transcription(&mut self, value: Option<&Value>, at: &str) {
        let Some(da) = self.bilingual(value, at) else { return };
        let table = value.and_then(Value::as_table).expect("bilingual checked the table");
        let original = table.get("original").map(|v| v.as_str().unwrap_or("").to_string());
        let note = table.get("note").map(|v| v.as_str().unwrap_or("").to_string());
        match (original, note) {
            (None, None) => self.transcriptions.push((format!("{at}.da"), da)),
            (Some(original), Some(note)) if !original.trim().is_empty() && !note.trim().is_empty() => {
                if original == da {
                    self.error(format!("{at}: `original` equals `da`; drop `original` and `note`"));
                }
                if original != normalise(&original) {
                    self.error(format!("{at}.original: stray whitespace"));
                }
                self.corrected += 1;
                self.transcriptions.push((format!("{at}.original"), original));
            }
            _ => {
                self.error(format!("{at}: `original` (the exact source text) and `note` (the correction) go together"))
            }
        }
    }

    fn optional_transcription(&mut self, table: &Table, key: &str, at: &str) {
        if table.contains_key(key) {
            self.transcription(table.get(key), &format!("{at}.{key}"));
        }
    }

    fn id(&mut self, table: &Table, at: &str, ids: &mut HashSet<String>) -> String {
        match table.get("id").and_then(Value::as_str) {
            None => {
                self.error(format!("{at}: missing string `id`"));
                String::new()
            }
            Some(id) => {
                if !seed_text::is_kebab_case(id) {
                    self.error(format!("{at}: id {id:?} is not kebab-case"));
                }
                if !ids.insert(id.to_string()) {
                    self.error(format!("{at}: duplicate id {id:?}"));
                }
                id.to_string()
            }
        }
    }
}

struct Summary {
    id: String,
    groups: usize,
    questions: usize,
    corrected: usize,
}

fn check_file(
    path: &Path,
    seeds: &Path,
    sources: &mut HashMap<String, Vec<char>>,
    errors: &mut Vec<String>,
    checked: &mut usize,
) -> Option<Summary> {
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            errors.push(format!("{file}: cannot read: {e}"));
            return None;
        }
    };
    let doc: Table = match toml::from_str(&text) {
        Ok(doc) => doc,
        Err(e) => {
            errors.push(format!("{file}: invalid TOML: {e}"));
            return None;
        }
    };
    let mut c = Checker { file: file.clone(), errors, transcriptions: Vec::new(), corrected: 0 };
    c.unknown_keys(&doc, &SET_KEYS, "set");

    if doc.get("schema").and_then(Value::as_integer) != Some(1) {
        c.error("`schema` must be the integer 1".into());
    }
    let set_id = doc.get("id").and_then(Value::as_str).unwrap_or("").to_string();
    let stem = path.file_stem().unwrap().to_string_lossy();
    if set_id != stem {
        c.error(format!("`id` {set_id:?} must equal the file name {stem:?}"));
    }
    if !seed_text::is_kebab_case(&set_id) {
        c.error(format!("`id` {set_id:?} is not kebab-case"));
    }
    match doc.get("version").and_then(Value::as_integer) {
        Some(v) if v >= 1 => {}
        _ => c.error("`version` must be an integer >= 1".into()),
    }
    let kind = doc.get("kind").and_then(Value::as_str).unwrap_or("").to_string();
    if !KINDS.contains(&kind.as_str()) {
        c.error(format!("`kind` {kind:?} must be one of {KINDS:?}"));
    }
    // Written for the app, not transcribed: only checked for presence.
    c.bilingual(doc.get("title"), "title");
    c.bilingual(doc.get("help"), "help");
    match doc.get("source").and_then(Value::as_str) {
        Some(s) if !s.trim().is_empty() => {
            // A citation is shown to the committee: no developer note about the extraction.
            for phrase in ["tekstudtræk", "fremgår ikke"] {
                if s.contains(phrase) {
                    c.error(format!("`source`: a developer note ({phrase:?}) in the citation"));
                }
            }
        }
        _ => c.error("`source` (document and page/figure reference) is missing".into()),
    }
    let source_file = doc.get("source_file").and_then(Value::as_str).unwrap_or("").to_string();
    if source_file.is_empty() || source_file.contains('/') || source_file.contains('\\') || source_file.starts_with('.')
    {
        c.error(format!("`source_file` {source_file:?} must name a file in the seed directory"));
    }

    c.optional_transcription(&doc, "prompt", "set");
    c.optional_transcription(&doc, "intro", "set");
    c.optional_transcription(&doc, "example", "set");

    let mut ids = HashSet::new();
    let mut question_count = 0;
    let mut phase_numbers = Vec::new();
    let groups = doc.get("groups").and_then(Value::as_array).cloned().unwrap_or_default();
    if groups.is_empty() {
        c.error("`groups` must be a non-empty array of tables ([[groups]])".into());
    }
    for (gi, group) in groups.iter().enumerate() {
        let Some(group) = group.as_table() else {
            c.error(format!("groups[{gi}]: not a table"));
            continue;
        };
        let gid = c.id(group, &format!("groups[{gi}]"), &mut ids);
        let gat = format!("group {gid:?}");
        c.unknown_keys(group, &GROUP_KEYS, &gat);
        c.transcription(group.get("title"), &format!("{gat}.title"));
        c.optional_transcription(group, "intro", &gat);

        let questions = group.get("questions").and_then(Value::as_array).cloned().unwrap_or_default();
        if questions.is_empty() {
            c.error(format!("{gat}: no questions ([[groups.questions]])"));
        }
        for (qi, question) in questions.iter().enumerate() {
            let Some(q) = question.as_table() else {
                c.error(format!("{gat}.questions[{qi}]: not a table"));
                continue;
            };
            question_count += 1;
            let qid = c.id(q, &format!("{gat}.questions[{qi}]"), &mut ids);
            let qat = format!("question {qid:?}");
            c.unknown_keys(q, &QUESTION_KEYS, &qat);
            c.transcription(q.get("text"), &format!("{qat}.text"));
            for key in ["subtitle", "description", "example"] {
                c.optional_transcription(q, key, &qat);
            }

            let has_extremes = [q.contains_key("extreme_left"), q.contains_key("extreme_right")];
            if kind == "continuum" {
                c.transcription(q.get("extreme_left"), &format!("{qat}.extreme_left"));
                c.transcription(q.get("extreme_right"), &format!("{qat}.extreme_right"));
            } else if has_extremes.contains(&true) {
                c.error(format!("{qat}: extremes are only for kind = \"continuum\""));
            }

            if let Some(examples) = q.get("examples") {
                match examples.as_array() {
                    Some(list) if !list.is_empty() => {
                        for (ei, example) in list.iter().enumerate() {
                            c.transcription(Some(example), &format!("{qat}.examples[{ei}]"));
                        }
                    }
                    _ => c.error(format!("{qat}.examples: must be a non-empty array")),
                }
            }

            if kind == "phases" {
                match q.get("number").and_then(Value::as_integer) {
                    Some(n) => phase_numbers.push(n),
                    None => c.error(format!("{qat}: phases need an integer `number`")),
                }
                if !q.contains_key("description") {
                    c.error(format!("{qat}: phases need a `description`"));
                }
            } else if q.contains_key("number") {
                c.error(format!("{qat}: `number` is only for kind = \"phases\""));
            }
        }
    }

    if kind == "phases" && phase_numbers != [0, 1, 2, 3, 4] {
        c.error(format!("phases must be numbered 0, 1, 2, 3, 4 in order, found {phase_numbers:?}"));
    }
    match set_id.as_str() {
        "tesk" if groups.len() != 3 => c.error(format!(
            "TESK must have exactly three groups (Teknologi, Strategi, Konsekvens), found {}",
            groups.len()
        )),
        "organisation-questions" if question_count != 6 => {
            c.error(format!("the organisation set must have exactly six questions, found {question_count}"))
        }
        "organisation-questions" if kind != "continuum" => {
            c.error("the organisation set must be kind = \"continuum\"".into())
        }
        "phases" if kind != "phases" => c.error("the phases set must be kind = \"phases\"".into()),
        "dis-key-questions" if question_count != 4 => {
            c.error(format!("the DIS set must have exactly four key questions, found {question_count}"))
        }
        _ => {}
    }

    // The transcriptions, against the seed document.
    if !source_file.is_empty() && !source_file.contains(['/', '\\']) {
        if !sources.contains_key(&source_file) {
            let seed_path = seeds.join(&source_file);
            match std::fs::read_to_string(&seed_path) {
                Ok(text) => {
                    sources.insert(source_file.clone(), normalise(&text).chars().collect());
                }
                Err(e) => c.error(format!("cannot read seed document {}: {e}", seed_path.display())),
            }
        }
        if let Some(source) = sources.get(&source_file) {
            for (at, da) in std::mem::take(&mut c.transcriptions) {
                *checked += 1;
                let needle: Vec<char> = da.chars().collect();
                if !contains(source, &needle) {
                    c.error(format!("{at} does not occur in {source_file}: {da:?}"));
                }
            }
        }
    }

    Some(Summary { id: set_id, groups: groups.len(), questions: question_count, corrected: c.corrected })
}

#[test]
fn question_sets_match_their_source_documents() {
    let seeds = seeds_dir();
    assert!(
        seeds.is_dir(),
        "seed directory {} not found: the question sets are checked against the source \
         documents there. Set PEJLING_SEEDS to the directory holding 002_c8449a9049d49f15.txt etc.",
        seeds.display()
    );
    let dir = sets_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *.toml files in {}", dir.display());

    let mut errors = Vec::new();
    let mut sources = HashMap::new();
    let mut checked = 0;
    let mut found = Vec::new();
    for path in &files {
        if let Some(summary) = check_file(path, &seeds, &mut sources, &mut errors, &mut checked) {
            println!(
                "{}: {} group(s), {} question(s), {} text(s) shown corrected",
                summary.id, summary.groups, summary.questions, summary.corrected
            );
            found.push(summary.id);
        }
    }
    for expected in EXPECTED_SETS {
        if !found.iter().any(|id| id == expected) {
            errors.push(format!("missing question set {expected}.toml"));
        }
    }
    println!("checked {checked} transcribed texts in {} question-set files against {}", files.len(), seeds.display());
    assert!(errors.is_empty(), "{} problem(s) in {}:\n  {}", errors.len(), dir.display(), errors.join("\n  "));
    assert!(checked > 0, "no transcribed texts were checked");
}

#[test]
fn normalisation_handles_extraction_artefacts() {
    let source: Vec<char> = normalise(
        "de bor- \n gere og it-\nsystemer, sundheds- og plejeydelser,\n\
         I fald-\ncasen, leverandør/ \n udvikler, 2021-\n2025",
    )
    .chars()
    .collect();
    let found = |s: &str| contains(&source, &s.chars().collect::<Vec<_>>());
    for ok in [
        "de borgere",         // hyphenation artefact joined
        "it-systemer",        // real hyphen at a line break
        "itsystemer",         // (indistinguishable from an artefact)
        "sundheds- og pleje", // real "hyphen space"
        "I fald-casen",
        "leverandør/udvikler",
        "leverandør/ udvikler",
        "2021-2025",
        "2021- 2025",
    ] {
        assert!(found(ok), "{ok:?} should match");
    }
    for bad in [
        "de bor gere",  // a space is not a line-break artefact
        "Sundheds- og", // case-sensitive
        "20212025",     // no join before a digit
        "borgerne",     // words are exact
        "",
    ] {
        assert!(!found(bad), "{bad:?} should not match");
    }
}
