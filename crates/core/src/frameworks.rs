//! The frameworks the seed documents give a committee, as versioned data
//! (`assets/frameworks/*.toml`, compiled in): Gentofte's DIS model (political principles,
//! pejlemærker, political direction and follow-up, Sparringsrummet, governance tools), KL's
//! inspiration catalogue (barriers, cases, recommendations, the framing of the organisation
//! questions and the phase model, the TESK model's source) and KL's analysis of the IT
//! organisation (what to consider, four themes and their balances, three target states).
//!
//! Read-only reference material: the app shows it in the library "Rammer og inspiration".
//! Like the question sets it is data and not code, so that it can be read and corrected by
//! someone who is not a programmer and checked against its sources
//! (`tests/it/frameworks_source.rs`).
//!
//! A text in the files is `{ da, en, original?, note? }`: `da` is what the app shows, `en`
//! its translation. Where the app shows a text differently from the source (a typo
//! corrected, a heading in capitals shown in sentence case), the exact source text is kept
//! in `original` with a `note` of the change; both stay in the file for the fidelity check
//! and are not part of the model the app gets, so no developer note reaches the UI.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::domain::Text;

/// The schema version of the TOML format this build reads.
pub const SCHEMA: u32 = 1;

/// The built-in frameworks' TOML sources, in the order the library shows them.
const SOURCES: [&str; 3] = [
    include_str!("../../../assets/frameworks/dis-model.toml"),
    include_str!("../../../assets/frameworks/kl-catalogue.toml"),
    include_str!("../../../assets/frameworks/it-organisation.toml"),
];

/// What a section of a framework holds; the library groups and labels sections by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum FrameworkSectionKind {
    /// The DIS model's three steps.
    Steps,
    /// Political principles (digitalisation, innovation).
    Principles,
    /// Pejlemærker with descriptions and example actions.
    Bearings,
    /// "Pejlemærkernes funktion og brug".
    BearingsUse,
    /// Measures for setting political direction.
    Direction,
    /// How direction is followed up (the annual cycle).
    FollowUp,
    /// Governance and knowledge tools.
    Tools,
    /// Sparringsrummet and its formats.
    SparringRoom,
    /// KL's barriers to political participation.
    Barriers,
    /// The framing of the six organisation questions.
    OrganisationQuestions,
    /// KL's main cases.
    Cases,
    /// KL's mini-cases.
    MiniCases,
    /// KL's cross-cutting recommendations.
    Recommendations,
    /// KL's three ways to get started (chapter 4).
    Models,
    /// The framing of the five-phase model.
    PhaseModel,
    /// The TESK model's source and prompt.
    Tesk,
    /// How to use an analysis.
    Use,
    /// Questions to consider.
    Considerations,
    /// Themes with two poles to balance.
    Themes,
    /// Target states (målbilleder).
    TargetStates,
}

/// One framework document: Gentofte's DIS model, KL's catalogue, KL's IT-organisation
/// analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Framework {
    /// Kebab-case, the file name, e.g. `dis-model`.
    pub id: String,
    pub version: u32,
    /// Written for the app.
    pub title: Text,
    /// What the framework is, written for the app.
    pub help: Text,
    /// The source document, as a citation.
    pub source: String,
    /// The authors or origin as the source credits them.
    pub credit: Option<Text>,
    pub sections: Vec<FrameworkSection>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FrameworkSection {
    pub id: String,
    pub kind: FrameworkSectionKind,
    pub title: Text,
    /// Where in the source document: chapter, page, figure, table or slide.
    pub source: String,
    pub intro: Option<Text>,
    /// A source line for a figure or model (e.g. Kjær & Opstrup 2016).
    pub credit: Option<Text>,
    /// The built-in question set this section is the source of (its credit is the set's).
    pub question_set: Option<String>,
    pub entries: Vec<FrameworkEntry>,
}

/// A principle, a pejlemærke, a barrier, a recommendation, a case, a format, a theme …
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FrameworkEntry {
    pub id: String,
    pub title: Text,
    /// A number, a case's headline, a theme's guiding question.
    pub subtitle: Option<Text>,
    pub text: Option<Text>,
    /// Further paragraphs after `text`.
    pub paragraphs: Vec<Text>,
    /// Where in the source, when it differs from the section's.
    pub source: Option<String>,
    /// Example actions, "Greb til inddragelse", "Hvad er svært?" …
    pub lists: Vec<FrameworkList>,
    /// The poles of a balance, the funding forms …
    pub parts: Vec<FrameworkPart>,
    /// A case's "Et godt råd".
    pub good_advice: Option<Text>,
    /// A case's "Et dårligt råd".
    pub bad_advice: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FrameworkList {
    /// E.g. `examples`, `grips` ("Greb til inddragelse"), `difficulties` ("Hvad er svært?").
    pub id: String,
    pub title: Option<Text>,
    pub items: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FrameworkPart {
    pub id: String,
    pub title: Text,
    pub text: Option<Text>,
}

// ---- the files as written -------------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawText {
    da: String,
    en: String,
    original: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFramework {
    schema: u32,
    id: String,
    version: u32,
    title: RawText,
    help: RawText,
    source: String,
    source_file: String,
    credit: Option<RawText>,
    sections: Vec<RawSection>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSection {
    id: String,
    kind: FrameworkSectionKind,
    title: RawText,
    source: String,
    source_file: Option<String>,
    intro: Option<RawText>,
    credit: Option<RawText>,
    question_set: Option<String>,
    #[serde(default)]
    entries: Vec<RawEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    title: RawText,
    subtitle: Option<RawText>,
    text: Option<RawText>,
    #[serde(default)]
    paragraphs: Vec<RawText>,
    source: Option<String>,
    source_file: Option<String>,
    #[serde(default)]
    lists: Vec<RawList>,
    #[serde(default)]
    parts: Vec<RawPart>,
    good_advice: Option<RawText>,
    bad_advice: Option<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    id: String,
    title: Option<RawText>,
    items: Vec<RawText>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    id: String,
    title: RawText,
    text: Option<RawText>,
}

/// Why a framework file is refused. The built-in files are checked by the tests, so this
/// is for whoever edits them: it names the place and the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameworkError(pub String);

impl std::fmt::Display for FrameworkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

type Checked<T> = std::result::Result<T, FrameworkError>;

fn bad<T>(msg: String) -> Checked<T> {
    Err(FrameworkError(msg))
}

fn id(at: &str, id: &str, seen: &mut HashSet<String>) -> Checked<String> {
    let ok = !id.is_empty()
        && id.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
    if !ok {
        return bad(format!("{at}: id {id:?} is not kebab-case"));
    }
    if !seen.insert(id.to_owned()) {
        return bad(format!("{at}: duplicate id {id:?}"));
    }
    Ok(id.to_owned())
}

fn text(at: &str, t: &RawText) -> Checked<Text> {
    let (da, en) = (t.da.trim(), t.en.trim());
    if da.is_empty() || en.is_empty() {
        return bad(format!("{at}: a text needs both `da` and `en`"));
    }
    match (&t.original, &t.note) {
        (Some(o), Some(n)) if !o.trim().is_empty() && !n.trim().is_empty() && o.trim() != da => {}
        (None, None) => {}
        _ => return bad(format!("{at}: `original` and `note` go together, and `original` must differ from `da`")),
    }
    Ok(Text { da: da.to_owned(), en: en.to_owned() })
}

fn opt(at: &str, t: &Option<RawText>) -> Checked<Option<Text>> {
    t.as_ref().map(|t| text(at, t)).transpose()
}

fn citation(at: &str, s: &str) -> Checked<String> {
    let s = s.trim();
    if s.is_empty() {
        return bad(format!("{at}: `source` is empty"));
    }
    Ok(s.to_owned())
}

/// Parse and check one framework file.
pub fn parse(source: &str) -> Checked<Framework> {
    let raw: RawFramework = toml::from_str(source).map_err(|e| FrameworkError(e.to_string()))?;
    if raw.schema != SCHEMA {
        return bad(format!("schema {} (this build reads {SCHEMA})", raw.schema));
    }
    if raw.version < 1 {
        return bad("version must be 1 or more".into());
    }
    if raw.source_file.trim().is_empty() {
        return bad("`source_file` is empty".into());
    }
    let fid = id("framework", &raw.id, &mut HashSet::new())?;
    if raw.sections.is_empty() {
        return bad(format!("{fid}: no sections"));
    }
    let mut section_ids = HashSet::new();
    let mut sections = Vec::with_capacity(raw.sections.len());
    for s in &raw.sections {
        let sid = id(&format!("{fid} section"), &s.id, &mut section_ids)?;
        let at = format!("{fid}/{sid}");
        if s.source_file.as_deref().is_some_and(|f| f.trim().is_empty()) {
            return bad(format!("{at}: `source_file` is empty"));
        }
        if let Some(set) = &s.question_set {
            if !crate::question_sets::built_in().iter().any(|q| &q.id == set) {
                return bad(format!("{at}: `question_set` {set:?} is not a built-in question set"));
            }
        }
        if s.entries.is_empty() && s.intro.is_none() {
            return bad(format!("{at}: neither an intro nor entries"));
        }
        let mut entry_ids = HashSet::new();
        let mut entries = Vec::with_capacity(s.entries.len());
        for e in &s.entries {
            let eid = id(&format!("{at} entry"), &e.id, &mut entry_ids)?;
            let at = format!("{at}/{eid}");
            if e.source_file.is_some() && e.source.is_none() {
                return bad(format!("{at}: an entry from another document needs its own `source`"));
            }
            let mut list_ids = HashSet::new();
            let mut lists = Vec::with_capacity(e.lists.len());
            for l in &e.lists {
                let lid = id(&format!("{at} list"), &l.id, &mut list_ids)?;
                if l.items.is_empty() {
                    return bad(format!("{at}/{lid}: an empty list"));
                }
                lists.push(FrameworkList {
                    title: opt(&format!("{at}/{lid}"), &l.title)?,
                    items: l
                        .items
                        .iter()
                        .enumerate()
                        .map(|(i, t)| text(&format!("{at}/{lid}[{i}]"), t))
                        .collect::<Checked<_>>()?,
                    id: lid,
                });
            }
            let mut part_ids = HashSet::new();
            let mut parts = Vec::with_capacity(e.parts.len());
            for p in &e.parts {
                let pid = id(&format!("{at} part"), &p.id, &mut part_ids)?;
                parts.push(FrameworkPart {
                    title: text(&format!("{at}/{pid}"), &p.title)?,
                    text: opt(&format!("{at}/{pid}"), &p.text)?,
                    id: pid,
                });
            }
            entries.push(FrameworkEntry {
                title: text(&at, &e.title)?,
                subtitle: opt(&at, &e.subtitle)?,
                text: opt(&at, &e.text)?,
                paragraphs: e.paragraphs.iter().map(|t| text(&at, t)).collect::<Checked<_>>()?,
                source: e.source.as_deref().map(|s| citation(&at, s)).transpose()?,
                lists,
                parts,
                good_advice: opt(&at, &e.good_advice)?,
                bad_advice: opt(&at, &e.bad_advice)?,
                id: eid,
            });
        }
        sections.push(FrameworkSection {
            kind: s.kind,
            title: text(&at, &s.title)?,
            source: citation(&at, &s.source)?,
            intro: opt(&at, &s.intro)?,
            credit: opt(&at, &s.credit)?,
            question_set: s.question_set.clone(),
            entries,
            id: sid,
        });
    }
    Ok(Framework {
        title: text(&fid, &raw.title)?,
        help: text(&fid, &raw.help)?,
        source: citation(&fid, &raw.source)?,
        credit: opt(&fid, &raw.credit)?,
        version: raw.version,
        sections,
        id: fid,
    })
}

/// The built-in frameworks, parsed on first use. A built-in file that does not parse is a
/// bug in this build (the tests parse all of them), so it panics with the problem.
pub fn built_in() -> &'static [Framework] {
    static ALL: OnceLock<Vec<Framework>> = OnceLock::new();
    ALL.get_or_init(|| {
        SOURCES
            .iter()
            .map(|src| parse(src).unwrap_or_else(|e| panic!("a built-in framework does not parse: {e}")))
            .collect()
    })
}

/// The built-in framework `id`, if this build ships it.
pub fn get(id: &str) -> Option<&'static Framework> {
    built_in().iter().find(|f| f.id == id)
}

/// The source line of a built-in question set's model, as the seed credits it (TESK: Iversen
/// & Dindler 2021; the organisation questions: Kjær & Opstrup 2016).
pub fn question_set_credit(set_id: &str) -> Option<&'static Text> {
    built_in().iter().flat_map(|f| &f.sections).find(|s| s.question_set.as_deref() == Some(set_id))?.credit.as_ref()
}

impl Framework {
    /// The section `id`, if there is one.
    pub fn section(&self, id: &str) -> Option<&FrameworkSection> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Every section of `kind`, in order.
    pub fn sections_of(&self, kind: FrameworkSectionKind) -> impl Iterator<Item = &FrameworkSection> {
        self.sections.iter().filter(move |s| s.kind == kind)
    }
}

impl FrameworkEntry {
    /// The list `id` (e.g. `grips`, `difficulties`), if there is one.
    pub fn list(&self, id: &str) -> Option<&FrameworkList> {
        self.lists.iter().find(|l| l.id == id)
    }
}

// ---- what a committee adopts ---------------------------------------------------------------------

/// A principle or pejlemærke a committee has adopted, by reference to the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct AdoptedEntry {
    pub framework_id: String,
    pub section_id: String,
    pub entry_id: String,
    /// UTC.
    pub adopted_at: String,
}

/// Whether an entry can be adopted by a committee: the political principles and the
/// pejlemærker, the texts a committee sets its direction by.
pub fn adoptable(framework_id: &str, section_id: &str, entry_id: &str) -> bool {
    get(framework_id)
        .and_then(|f| f.section(section_id))
        .filter(|s| matches!(s.kind, FrameworkSectionKind::Principles | FrameworkSectionKind::Bearings))
        .is_some_and(|s| s.entries.iter().any(|e| e.id == entry_id))
}

/// One of KL's five recommendations on a project's checklist.
/// What a committee writes of its own, the same way as Gentofte's: a principle or a
/// pejlemærke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "kebab-case")]
pub enum OwnEntryKind {
    Principle,
    Bearing,
}

impl OwnEntryKind {
    pub const ALL: [OwnEntryKind; 2] = [OwnEntryKind::Principle, OwnEntryKind::Bearing];

    pub fn as_str(self) -> &'static str {
        match self {
            OwnEntryKind::Principle => "principle",
            OwnEntryKind::Bearing => "bearing",
        }
    }

    pub fn parse(s: &str) -> Option<OwnEntryKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A committee's own principle or pejlemærke: a title and a text, as the committee wrote
/// them (Danish; not translated). Written, it is the committee's: adopted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct OwnFrameworkEntry {
    pub id: crate::domain::Id,
    pub committee_id: crate::domain::Id,
    pub kind: OwnEntryKind,
    pub title: String,
    pub text: String,
    pub created_at: String,
    pub updated_at: String,
}

/// A pejlemærke an agenda item can be, or is, weighed against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ItemBearing {
    /// `<framework>/<section>/<entry>` for one from the library, `own/<id>` for the
    /// committee's own.
    pub key: String,
    /// "Pejlemærke 1" for the library's numbered ones; `None` for the committee's own.
    pub label: Option<Text>,
    pub title: Text,
    /// The description; `None` when there is none.
    pub text: Option<Text>,
    /// The committee's own (its text is the committee's, not translated).
    pub own: bool,
}

/// The pejlemærker of an agenda item: those chosen (as they read when chosen, in the order
/// chosen) and those the committee has adopted and that can be chosen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ItemBearings {
    pub agenda_item_id: crate::domain::Id,
    pub chosen: Vec<ItemBearing>,
    pub available: Vec<ItemBearing>,
}

/// The key of a library entry in [`ItemBearing::key`].
pub fn library_key(framework_id: &str, section_id: &str, entry_id: &str) -> String {
    format!("{framework_id}/{section_id}/{entry_id}")
}

/// The key of a committee's own entry in [`ItemBearing::key`].
pub fn own_key(id: crate::domain::Id) -> String {
    format!("own/{id}")
}

/// A pejlemærke of the library as an agenda item shows it: its number ("Pejlemærke 1", from
/// the source's "PEJLEMÆRKE 1" in sentence case), title and description.
pub fn library_bearing(framework_id: &str, section_id: &str, entry_id: &str) -> Option<ItemBearing> {
    let section = get(framework_id)?.section(section_id).filter(|s| s.kind == FrameworkSectionKind::Bearings)?;
    let e = section.entries.iter().find(|e| e.id == entry_id)?;
    let label = e.subtitle.as_ref().map(|t| Text {
        da: crate::domain::sentence_case_heading(&t.da),
        en: crate::domain::sentence_case_heading(&t.en),
    });
    Some(ItemBearing {
        key: library_key(framework_id, section_id, entry_id),
        label,
        title: e.title.clone(),
        text: e.text.clone(),
        own: false,
    })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct ProjectRecommendation {
    /// The entry id in `kl-catalogue`'s section `recommendations`.
    pub id: String,
    pub title: Text,
    pub text: Option<Text>,
    /// The project has acted on it.
    pub done: bool,
    pub note: String,
}

/// KL's five cross-cutting recommendations, in the catalogue's order.
pub fn recommendations() -> &'static [FrameworkEntry] {
    get("kl-catalogue")
        .and_then(|f| f.sections_of(FrameworkSectionKind::Recommendations).next())
        .map(|s| s.entries.as_slice())
        .unwrap_or_default()
}

// ---- the case library ------------------------------------------------------------------------

/// A case from KL's catalogue (main case or mini-case) that a temamøde can start from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct CaseRef {
    pub framework_id: String,
    pub case_id: String,
}

/// Every case a temamøde can start from: the entries of the `cases` and `mini-cases`
/// sections, in the library's order.
pub fn cases() -> impl Iterator<Item = (&'static Framework, &'static FrameworkSection, &'static FrameworkEntry)> {
    built_in().iter().flat_map(|f| {
        f.sections
            .iter()
            .filter(|s| matches!(s.kind, FrameworkSectionKind::Cases | FrameworkSectionKind::MiniCases))
            .flat_map(move |s| s.entries.iter().map(move |e| (f, s, e)))
    })
}

/// What an agenda item started from a case is filled with (Danish, as the minutes are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseDraft {
    /// "Aabenraa Kommune: Velfærdsteknologi med strategi og systematik".
    pub title: String,
    /// Resumé: the catalogue's description of the approach.
    pub summary: String,
    /// Baggrund: preparation notes — "Greb til inddragelse", "Hvad er svært?", the good and
    /// the bad advice — and the source.
    pub background: String,
    /// The walk's technology (the case's headline) and problem (its approach).
    pub technology: String,
    pub problem: String,
}

/// The draft of an agenda item for the case `case_id` of framework `framework_id`; `None` if
/// there is no such case.
pub fn case_draft(framework_id: &str, case_id: &str, cat: &crate::i18n::Catalog) -> Option<CaseDraft> {
    let (f, s, e) = cases().find(|(f, _, e)| f.id == framework_id && e.id == case_id)?;
    let title = match &e.subtitle {
        Some(sub) => format!("{}: {}", e.title.da, sub.da),
        None => e.title.da.clone(),
    };
    let summary = e.text.iter().chain(&e.paragraphs).map(|t| t.da.as_str()).collect::<Vec<_>>().join("\n\n");
    let mut notes = vec![cat.format("case-item-preparation", &[])];
    for list in &e.lists {
        let mut block = list.title.as_ref().map(|t| t.da.clone()).unwrap_or_default();
        for item in &list.items {
            if !block.is_empty() {
                block.push('\n');
            }
            block.push_str("• ");
            block.push_str(&item.da);
        }
        notes.push(block);
    }
    for (key, advice) in [("case-item-good-advice", &e.good_advice), ("case-item-bad-advice", &e.bad_advice)] {
        if let Some(a) = advice {
            notes.push(format!("{}\n{}", cat.format(key, &[("who", e.title.da.clone())]), a.da));
        }
    }
    let place = e.source.as_deref().unwrap_or(&s.source);
    notes.push(cat.format("case-item-source", &[("source", format!("{}, {place}", f.source))]));
    Some(CaseDraft {
        title,
        background: notes.join("\n\n"),
        technology: e.subtitle.as_ref().map(|t| t.da.clone()).unwrap_or_default(),
        problem: e.text.as_ref().map(|t| t.da.clone()).unwrap_or_default(),
        summary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles(s: &FrameworkSection) -> Vec<&str> {
        s.entries.iter().map(|e| e.title.da.as_str()).collect()
    }

    #[test]
    fn the_question_sets_models_are_credited_as_the_seed_credits_them() {
        assert!(question_set_credit("tesk").unwrap().da.contains("Iversen, Ole Sejer og Christian Dindler (2021)"));
        assert!(question_set_credit("organisation-questions")
            .unwrap()
            .da
            .contains("Kjær, Ulrik & Opstrup, Niels (2016)"));
        assert_eq!(question_set_credit("nope"), None);
        let bad = include_str!("../../../assets/frameworks/kl-catalogue.toml").replacen(
            "question_set = \"tesk\"",
            "question_set = \"no-such-set\"",
            1,
        );
        assert!(parse(&bad).unwrap_err().0.contains("not a built-in question set"));
    }

    #[test]
    fn every_file_in_the_directory_is_built_in() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/frameworks");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let mut built: Vec<String> = built_in().iter().map(|f| f.id.clone()).collect();
        built.sort();
        assert_eq!(on_disk, built);
    }

    #[test]
    fn the_dis_model_has_its_principles_and_bearings() {
        let dis = get("dis-model").unwrap();
        assert_eq!(
            titles(dis.section("digital-principles").unwrap()),
            [
                "Mennesket først",
                "Udnytte mulighederne i data",
                "Kontrol over egne data",
                "Digitale løsninger skal være let tilgængelige og tilpasset borgeren"
            ]
        );
        assert_eq!(
            titles(dis.section("innovation-principles").unwrap()),
            ["Sæt retning", "Få input på tværs", "Test", "Opfølgning", "Samskabelse"]
        );
        let bearings = dis.section("bearings").unwrap();
        assert_eq!(bearings.entries.len(), 3);
        for b in &bearings.entries {
            assert!(b.text.is_some(), "{} has a description", b.id);
            assert!(b.list("examples").is_some_and(|l| l.items.len() >= 4), "{} has example actions", b.id);
        }
        assert_eq!(dis.section("bearings-use").unwrap().entries.len(), 3);
        assert_eq!(dis.section("direction").unwrap().entries.len(), 3);
        let sparring = dis.section("sparring-room").unwrap();
        for format in ["labs", "working-groups", "tailored-sparring", "citizen-network", "facilitators"] {
            assert!(sparring.entries.iter().any(|e| e.id == format), "Sparringsrummet lacks {format}");
        }
        let tools = dis.section("tools").unwrap();
        let all: Vec<&str> = tools
            .entries
            .iter()
            .flat_map(|e| e.lists.iter().flat_map(|l| l.items.iter().map(|t| t.da.as_str())))
            .collect();
        assert!(all.contains(&"Digitaliseringsplan"));
        assert!(all.contains(&"IT-sikkerhedspolitik"));
        assert!(all.iter().any(|t| t.contains("hackathons")));
        assert!(all.iter().any(|t| t.starts_with("Hvert andet år afholdes konference")));
    }

    #[test]
    fn the_kl_catalogue_has_barriers_recommendations_and_cases() {
        let kl = get("kl-catalogue").unwrap();
        assert_eq!(titles(kl.section("barriers").unwrap())[..3], ["Interesse", "Indsigt", "Risiko"]);
        assert_eq!(
            titles(kl.section("recommendations").unwrap()),
            [
                "Sæt retning og følg op",
                "Opbyg indsigt",
                "Konkretisér og afprøv",
                "Tænk sammen med velfærd",
                "Skab bredt og tidligt ejerskab"
            ]
        );
        let cases = kl.section("cases").unwrap();
        assert_eq!(titles(cases), ["Aabenraa Kommune", "Furesø Kommune", "Gentofte Kommune", "Odense Kommune"]);
        for c in &cases.entries {
            assert!(c.text.is_some(), "{}: approach", c.id);
            assert!(c.list("grips").is_some_and(|l| !l.items.is_empty()), "{}: Greb til inddragelse", c.id);
            assert!(c.list("difficulties").is_some_and(|l| !l.items.is_empty()), "{}: Hvad er svært?", c.id);
            assert!(c.good_advice.is_some() && c.bad_advice.is_some(), "{}: advice", c.id);
        }
        assert_eq!(kl.section("mini-cases").unwrap().entries.len(), 7);
        // The figure source lines credit the original authors.
        assert!(kl
            .section("organisation-questions")
            .unwrap()
            .credit
            .as_ref()
            .unwrap()
            .da
            .contains("Kjær, Ulrik & Opstrup"));
        assert!(kl.section("tesk").unwrap().credit.as_ref().unwrap().da.contains("Christian Dindler (2021)"));
        let phase = kl.section("phase-model").unwrap();
        assert!(phase.entries.iter().any(|e| e.title.da.contains("i praksis kan være overlappende")));
    }

    #[test]
    fn the_it_organisation_analysis_has_considerations_themes_and_target_states() {
        let it = get("it-organisation").unwrap();
        assert_eq!(it.section("considerations").unwrap().entries.len(), 3);
        let themes = it.section("themes").unwrap();
        assert_eq!(themes.entries.len(), 4);
        for t in &themes.entries {
            assert!(t.parts.len() >= 2, "{}: a balance has two poles", t.id);
            assert!(t.subtitle.is_some(), "{}: guiding question", t.id);
        }
        assert_eq!(
            titles(it.section("target-states").unwrap()),
            ["Et strategisk målbillede", "Et service målbillede", "Et teknisk målbillede"]
        );
    }

    #[test]
    fn corrected_texts_show_the_correction_and_no_developer_note() {
        let all = serde_json::to_string(built_in()).unwrap();
        // Corrected display texts reach the model ...
        assert!(all.contains("Aktivér borgernes viden ved at vælge borgere med indsigt i digitalisering"));
        assert!(all.contains("\"Mennesket først\""));
        // ... the source's typos, capitals and the correction notes do not.
        for absent in
            ["digetalisering", "MENNESKET FØRST", "Overskriften står med versaler", "rettet til", "tekstudtræk"]
        {
            assert!(!all.contains(absent), "{absent:?} reached the model");
        }
    }

    #[test]
    fn malformed_files_are_refused_with_the_place() {
        let ok = r#"schema = 1
id = "x"
version = 1
source = "S"
source_file = "f.txt"
title = { da = "T", en = "T" }
help = { da = "H", en = "H" }
[[sections]]
id = "s"
kind = "principles"
title = { da = "A", en = "A" }
source = "p. 1"
[[sections.entries]]
id = "e"
title = { da = "B", en = "B" }
"#;
        assert!(parse(ok).is_ok());
        let cases = [
            (ok.replace("id = \"e\"", "id = \"s E\""), "not kebab-case"),
            (
                ok.replace("title = { da = \"B\", en = \"B\" }", "title = { da = \"B\", en = \"\" }"),
                "both `da` and `en`",
            ),
            (
                ok.replace(
                    "title = { da = \"B\", en = \"B\" }",
                    "title = { da = \"B\", en = \"B\", original = \"b\" }",
                ),
                "`original` and `note` go together",
            ),
            (ok.replace("kind = \"principles\"", "kind = \"opinions\""), "unknown variant"),
            (ok.replace("schema = 1", "schema = 2"), "schema 2"),
            (format!("{ok}[[sections.entries]]\nid = \"e\"\ntitle = {{ da = \"C\", en = \"C\" }}\n"), "duplicate id"),
        ];
        for (src, expected) in cases {
            let e = parse(&src).unwrap_err();
            assert!(e.0.contains(expected), "{expected:?} not in {e}");
        }
    }
}
