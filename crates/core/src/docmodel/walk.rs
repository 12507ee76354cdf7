//! What a temamøde's walk puts into the minutes: the case, the notes per question, the
//! questions to the administration, and for continuum questions the positions — only those
//! the chair revealed, anonymous unless the meeting chose named positions — with the chart
//! "Placering i forhold til de seks spørgsmål".
//!
//! The chart is described once here, as data every format draws from: the scale is 0 (the
//! left extreme position) to 100 (the right one); each position is a dot, dots closer than
//! [`DOT_GAP`] points are stacked on levels so none hides another; the median is a line and
//! the middle half (the quartiles) a band. PDF draws it in typst, HTML as inline SVG, DOCX as
//! a table of 10-point bands with text symbols; every format also gets it as a table and in
//! words.

use serde::Serialize;

use crate::domain::*;
use crate::i18n::{Catalog, Lang};

/// Positions closer than this (on the 0–100 scale) go on separate levels of the chart.
pub const DOT_GAP: u8 = 3;

/// The walk results of one agenda item.
#[derive(Debug, Clone, Serialize)]
pub struct DocWalk {
    /// "Temadrøftelse"
    pub heading: String,
    /// (Teknologi, …), (Problem, …): the case, when stated.
    pub case: Vec<(String, String)>,
    /// The steps that produced something, in walk order.
    pub steps: Vec<DocStep>,
    /// One chart per continuum question set with revealed positions.
    pub charts: Vec<DocChart>,
}

/// One question of the walk with what came of it.
#[derive(Debug, Clone, Serialize)]
pub struct DocStep {
    /// The group's title when it differs from the previous step's ("Teknologi").
    pub group: Option<String>,
    /// The set's heading over the group, with the group ("Hvad vil du belyse?" in TESK).
    pub prompt: Option<String>,
    /// The question as the committee was asked it (frozen text).
    pub question: String,
    /// The secretary's note, as typed; empty when none.
    pub note: String,
    /// "Spørgsmål til forvaltningen", when there are any.
    pub questions_label: String,
    /// Each question to the administration, with who asked it.
    pub questions: Vec<String>,
    /// The positions in words: summary, named values, skips. Empty when none.
    pub positions: Vec<String>,
}

/// The chart of one continuum set: a row per question with revealed positions.
#[derive(Debug, Clone, Serialize)]
pub struct DocChart {
    /// "Placering i forhold til de seks spørgsmål"
    pub title: String,
    /// How to read the chart, in one paragraph.
    pub reading: String,
    /// The chart in words (how to read it, then every question's positions), for screen
    /// readers and as its text alternative.
    pub description: String,
    /// "Yderposition 1 (0)", "Yderposition 2 (100)"
    pub left_label: String,
    pub right_label: String,
    /// Legend: one position, the median, the middle half.
    pub legend_value: String,
    pub legend_median: String,
    pub legend_quartiles: String,
    /// The DOCX legend of the shaded bands.
    pub legend_bands: String,
    /// Column headings of the table alternative.
    pub columns: Vec<String>,
    /// The 10-point bands ("0–9" … "90–100") of the DOCX table.
    pub bands: Vec<String>,
    pub rows: Vec<DocChartRow>,
}

/// One continuum question of a chart.
#[derive(Debug, Clone, Serialize)]
pub struct DocChartRow {
    /// 1-based number among the chart's questions.
    pub number: u32,
    pub question: String,
    pub left: String,
    pub right: String,
    pub count: u32,
    pub median: f64,
    pub q1: f64,
    pub q3: f64,
    pub min: u8,
    pub max: u8,
    /// The positions as drawn: value and stacking level (0 on the scale, 1 above, …).
    pub dots: Vec<DocDot>,
    /// Highest level + 1: how many rows of dots the row needs.
    pub levels: u32,
    /// The table alternative's cells, formatted in the document's language:
    /// values ("10, 20, 40" or "Navn: 20; …"), median, quartiles, range.
    pub values_text: String,
    pub median_text: String,
    pub quartiles_text: String,
    pub range_text: String,
    /// The row in one sentence.
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DocDot {
    pub value: u8,
    pub level: u32,
}

/// A number as the language writes it: "27,25" in Danish, "27.25" in English (quartiles fall
/// on quarters); no decimals when there are none.
pub fn number(x: f64, lang: Lang) -> String {
    let text = format!("{}", (x * 100.0).round() / 100.0);
    match lang {
        Lang::Da => text.replace('.', ","),
        Lang::En => text,
    }
}

/// Stack sorted `values` on levels so that two dots on one level are at least [`DOT_GAP`]
/// apart: each dot takes the lowest level where it fits.
pub fn stack(values: &[u8]) -> Vec<DocDot> {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    let mut last_on_level: Vec<u8> = Vec::new();
    sorted
        .into_iter()
        .map(|value| {
            let level = match last_on_level.iter().position(|last| value >= last.saturating_add(DOT_GAP)) {
                Some(level) => level,
                None => {
                    last_on_level.push(0);
                    last_on_level.len() - 1
                }
            };
            last_on_level[level] = value;
            DocDot { value, level: level as u32 }
        })
        .collect()
}

/// The 10-point band (0–9) a value falls in; 100 is in the last band.
pub fn band(value: f64) -> usize {
    ((value / 10.0).floor().max(0.0) as usize).min(9)
}

/// Build the walk part of an item's minutes, or `None` when the walk produced nothing to
/// state (no case, no notes, no questions, no positions).
pub fn build(cat: &Catalog, lang: Lang, s: &WalkSummary) -> Option<DocWalk> {
    let l = |key: &str| cat.format(key, &[]);
    let case: Vec<(String, String)> =
        [("doc-walk-case-technology", &s.case_technology), ("doc-walk-case-problem", &s.case_problem)]
            .into_iter()
            .filter(|(_, text)| !text.trim().is_empty())
            .map(|(key, text)| (l(key), text.trim().to_owned()))
            .collect();

    let mut steps = Vec::new();
    let mut last_group: Option<(String, String)> = None;
    // Continuum rows per set, in walk order.
    let mut charts: Vec<(String, Text, Vec<DocChartRow>)> = Vec::new();
    for st in &s.steps {
        let step = &st.step;
        let questions: Vec<String> = st
            .questions_to_administration
            .iter()
            .map(|f| match &f.asked_by_name {
                Some(name) => {
                    format!("{} {}", f.text.trim(), cat.format("doc-walk-asked-by", &[("name", name.clone())]))
                }
                None => f.text.trim().to_owned(),
            })
            .collect();
        let mut positions = Vec::new();
        if let Some(r) = &st.result {
            positions = positions_text(cat, lang, r);
            positions.extend(rounds_text(cat, lang, r));
            if let (Some(stat), Some(left), Some(right)) =
                (&r.statistics, &step.question.extreme_left, &step.question.extreme_right)
            {
                let row = chart_row(cat, lang, step, r, stat, left.get(lang), right.get(lang));
                match charts.iter_mut().find(|(id, _, _)| *id == step.set_id) {
                    Some((_, _, rows)) => rows.push(row),
                    None => charts.push((step.set_id.clone(), step.set_title.clone(), vec![row])),
                }
            }
        }
        if !st.points.is_empty() {
            let list = st
                .points
                .iter()
                .map(|p| match p.duplicates {
                    0 => p.text.trim().to_owned(),
                    n => format!("{} (×{})", p.text.trim(), n + 1),
                })
                .collect::<Vec<_>>()
                .join("; ");
            positions.push(cat.format("doc-walk-points", &[("list", list)]));
        }
        if let Some(minutes) = step.timebox_minutes {
            positions.push(cat.format(
                "doc-walk-time",
                &[("planned", minutes.to_string()), ("used", step.seconds_used.div_ceil(60).to_string())],
            ));
        }
        if st.note.trim().is_empty() && questions.is_empty() && positions.is_empty() {
            continue;
        }
        let group_key = (step.set_id.clone(), step.group_id.clone());
        let group = (last_group.as_ref() != Some(&group_key)).then(|| step.group_title.get(lang).to_owned());
        last_group = Some(group_key);
        let prompt = group
            .is_some()
            .then(|| step.prompt.as_ref().map(|p| p.get(lang).trim().to_owned()))
            .flatten()
            .filter(|p| !p.is_empty());
        steps.push(DocStep {
            prompt,
            group,
            question: step.question.text.get(lang).trim().to_owned(),
            note: st.note.trim_end().to_owned(),
            questions_label: if questions.is_empty() {
                String::new()
            } else {
                l("doc-walk-questions-to-administration")
            },
            questions,
            positions,
        });
    }
    let charts: Vec<DocChart> =
        charts.into_iter().map(|(set_id, title, rows)| chart(cat, lang, &set_id, &title, rows)).collect();
    if case.is_empty() && steps.is_empty() && charts.is_empty() {
        return None;
    }
    Some(DocWalk { heading: l("doc-walk"), case, steps, charts })
}

/// The positions on one continuum step in words. Hidden positions are not stated, only that
/// they were not shown (when anyone had answered).
fn positions_text(cat: &Catalog, lang: Lang, r: &ContinuumResult) -> Vec<String> {
    if !r.revealed {
        return if r.answered_count > 0 { vec![cat.format("doc-positions-hidden", &[])] } else { vec![] };
    }
    let mut out = Vec::new();
    match &r.statistics {
        Some(stat) => out.push(cat.format(
            "doc-positions",
            &[
                ("count", stat.count.to_string()),
                ("median", number(stat.median, lang)),
                ("q1", number(stat.q1, lang)),
                ("q3", number(stat.q3, lang)),
                ("min", stat.min.to_string()),
                ("max", stat.max.to_string()),
            ],
        )),
        None => out.push(cat.format("doc-positions-none", &[])),
    }
    if r.named && !r.values.is_empty() {
        out.push(cat.format("doc-positions-named", &[("list", named_values(r))]));
    }
    for skip in &r.skipped {
        let reason = match &skip.name {
            Some(name) => format!("{name}: {}", skip.reason),
            None => skip.reason.clone(),
        };
        out.push(cat.format("doc-positions-skipped", &[("reason", reason)]));
    }
    out
}

/// Round 1 beside round 2, the move of the median and of the spread, each named move, and
/// the reasons by side: only what was revealed.
fn rounds_text(cat: &Catalog, lang: Lang, r: &ContinuumResult) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(first) = r.first_round.as_ref().filter(|f| f.revealed) {
        if let Some(stat) = &first.statistics {
            out.push(cat.format(
                "doc-positions-first-round",
                &[
                    ("count", stat.count.to_string()),
                    ("median", number(stat.median, lang)),
                    ("q1", number(stat.q1, lang)),
                    ("q3", number(stat.q3, lang)),
                ],
            ));
        }
        if let (Some(shift), Some(a), Some(b)) = (r.median_shift, &first.statistics, &r.statistics) {
            out.push(cat.format(
                "doc-positions-shift",
                &[
                    ("shift", number(shift, lang)),
                    ("before", number(a.median, lang)),
                    ("after", number(b.median, lang)),
                    ("iqr_before", number(a.iqr, lang)),
                    ("iqr_after", number(b.iqr, lang)),
                ],
            ));
        }
        let named: Vec<String> =
            r.moves.iter().filter_map(|m| m.name.as_ref().map(|n| format!("{n}: {} → {}", m.from, m.to))).collect();
        if !named.is_empty() {
            out.push(cat.format("doc-positions-moves", &[("list", named.join("; "))]));
        }
    }
    let first_reasons = r.first_round.as_ref().filter(|f| f.revealed).map(|f| f.reasons.as_slice()).unwrap_or(&[]);
    out.extend(reasons_text(cat, &r.reasons, "doc-positions-reasons"));
    out.extend(reasons_text(cat, first_reasons, "doc-positions-reasons-first"));
    out
}

/// The reasons by side, one line per side that has any.
fn reasons_text(cat: &Catalog, reasons: &[PositionReason], key: &str) -> Vec<String> {
    let mut out = Vec::new();
    for side in ContinuumSide::ALL {
        let list: Vec<String> = reasons
            .iter()
            .filter(|x| x.side == *side)
            .map(|x| match &x.name {
                Some(name) => format!("{name} ({}): {}", x.value, x.reason.trim()),
                None => format!("({}) {}", x.value, x.reason.trim()),
            })
            .collect();
        if !list.is_empty() {
            out.push(cat.format(key, &[("side", cat.format(&side.label_key(), &[])), ("list", list.join("; "))]));
        }
    }
    out
}

fn named_values(r: &ContinuumResult) -> String {
    r.values
        .iter()
        .map(|v| match &v.name {
            Some(name) => format!("{name}: {}", v.value),
            None => v.value.to_string(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn chart_row(
    cat: &Catalog,
    lang: Lang,
    step: &WalkStep,
    r: &ContinuumResult,
    stat: &ContinuumStatistics,
    left: &str,
    right: &str,
) -> DocChartRow {
    let values: Vec<u8> = r.values.iter().map(|v| v.value).collect();
    let dots = stack(&values);
    let levels = dots.iter().map(|d| d.level + 1).max().unwrap_or(1);
    let question = step.question.text.get(lang).trim().to_owned();
    let median_text = number(stat.median, lang);
    let quartiles_text = format!("{}–{}", number(stat.q1, lang), number(stat.q3, lang));
    let range_text = format!("{}–{}", stat.min, stat.max);
    let values_text =
        if r.named { named_values(r) } else { values.iter().map(u8::to_string).collect::<Vec<_>>().join(", ") };
    DocChartRow {
        number: 0,
        description: cat.format(
            "doc-continua-row",
            &[
                ("question", question.clone()),
                ("count", stat.count.to_string()),
                ("median", median_text.clone()),
                ("q1", number(stat.q1, lang)),
                ("q3", number(stat.q3, lang)),
                ("min", stat.min.to_string()),
                ("max", stat.max.to_string()),
                ("values", values_text.clone()),
            ],
        ),
        question,
        left: left.trim().to_owned(),
        right: right.trim().to_owned(),
        count: stat.count,
        median: stat.median,
        q1: stat.q1,
        q3: stat.q3,
        min: stat.min,
        max: stat.max,
        dots,
        levels,
        values_text,
        median_text,
        quartiles_text,
        range_text,
    }
}

fn chart(cat: &Catalog, lang: Lang, set_id: &str, set_title: &Text, mut rows: Vec<DocChartRow>) -> DocChart {
    let l = |key: &str| cat.format(key, &[]);
    for (i, row) in rows.iter_mut().enumerate() {
        row.number = i as u32 + 1;
    }
    let title = if set_id == "organisation-questions" {
        l("doc-continua-six")
    } else {
        cat.format("doc-continua-set", &[("set", set_title.get(lang).to_owned())])
    };
    let reading = l("doc-continua-description");
    let description = std::iter::once(reading.clone())
        .chain(rows.iter().map(|r| format!("{}. {}", r.number, r.description)))
        .collect::<Vec<_>>()
        .join(" ");
    DocChart {
        title,
        reading,
        description,
        left_label: l("doc-continua-left"),
        right_label: l("doc-continua-right"),
        legend_value: l("doc-continua-legend-value"),
        legend_median: l("doc-continua-legend-median"),
        legend_quartiles: l("doc-continua-legend-quartiles"),
        legend_bands: l("doc-continua-legend-bands"),
        columns: [
            "doc-continua-question",
            "doc-continua-left",
            "doc-continua-right",
            "doc-continua-values",
            "doc-continua-median",
            "doc-continua-quartiles",
            "doc-continua-range",
        ]
        .into_iter()
        .map(l)
        .collect(),
        bands: (0..10)
            .map(|b| if b == 9 { "90–100".to_owned() } else { format!("{}–{}", b * 10, b * 10 + 9) })
            .collect(),
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_dots_are_stacked_and_distant_ones_share_a_level() {
        let dots = stack(&[50, 10, 50, 51, 90, 12, 13]);
        let got: Vec<(u8, u32)> = dots.iter().map(|d| (d.value, d.level)).collect();
        assert_eq!(got, vec![(10, 0), (12, 1), (13, 0), (50, 0), (50, 1), (51, 2), (90, 0)]);
    }

    #[test]
    fn bands_are_ten_points_wide_and_100_is_in_the_last() {
        assert_eq!((band(0.0), band(9.9), band(10.0), band(95.0), band(100.0)), (0, 0, 1, 9, 9));
    }

    #[test]
    fn numbers_are_written_the_languages_way() {
        assert_eq!(number(37.5, Lang::Da), "37,5");
        assert_eq!(number(31.25, Lang::Da), "31,25");
        assert_eq!(number(37.5, Lang::En), "37.5");
        assert_eq!(number(40.0, Lang::Da), "40");
    }
}
