//! DOCX with real heading styles ("heading 1/2/3" with outline levels), so Word's navigation
//! pane works, the contents as one plain list (Word would show a TOC field's entries a second
//! time beside it), and "Side X af Y" in the footer.

use docx_rs::*;

use pejling_core::docmodel::walk::{band, DocChart, DocWalk};
use pejling_core::docmodel::DocModel;
use pejling_core::error::{Error, Result};

fn heading_style(id: &str, name: &str, size_half_points: usize, level: usize) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next("Normal")
        .size(size_half_points)
        .bold()
        .outline_lvl(level)
}

/// Runs of text with the line breaks kept.
fn text_paragraph(text: &str) -> Paragraph {
    let mut p = Paragraph::new();
    for (n, line) in text.split('\n').enumerate() {
        let mut run = Run::new();
        if n > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(run.add_text(line.trim_end_matches('\r')));
    }
    p
}

fn heading(text: &str, style: &str) -> Paragraph {
    Paragraph::new().style(style).add_run(Run::new().add_text(text))
}

fn small(text: &str, align: AlignmentType) -> Paragraph {
    Paragraph::new().align(align).add_run(Run::new().add_text(text).size(17).color("444444"))
}

fn walk(mut doc: Docx, w: &DocWalk) -> Docx {
    doc = doc.add_paragraph(heading(&w.heading, "Heading3"));
    for (label, text) in &w.case {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{label}: ")).bold())
                .add_run(Run::new().add_text(text)),
        );
    }
    for st in &w.steps {
        if let Some(group) = &st.group {
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(group).bold().italic()));
        }
        if let Some(prompt) = &st.prompt {
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(prompt).italic()));
        }
        doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&st.question).bold()));
        for para in st.note.split("\n\n").filter(|p| !p.trim().is_empty()) {
            doc = doc.add_paragraph(text_paragraph(para));
        }
        if !st.questions.is_empty() {
            doc = doc.add_paragraph(text_paragraph(&format!("{}:", st.questions_label)));
            for q in &st.questions {
                doc = doc.add_paragraph(text_paragraph(&format!("• {q}")).indent(Some(360), None, None, None));
            }
        }
        for line in &st.positions {
            doc = doc.add_paragraph(text_paragraph(line));
        }
    }
    for c in &w.charts {
        doc = chart(doc, c);
    }
    doc
}

/// The continua chart as tables: per question one 10-point band per cell, a ● per position,
/// ▲ under the median's band, and the middle half shaded; then the question in words.
fn chart(mut doc: Docx, c: &DocChart) -> Docx {
    const CELL: usize = 900;
    doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&c.title).bold().size(24)));
    doc = doc.add_paragraph(text_paragraph(&c.reading));
    doc = doc
        .add_paragraph(text_paragraph(&format!("● {}   ▲ {}   {}", c.legend_value, c.legend_median, c.legend_bands)));
    for r in &c.rows {
        doc = doc.add_paragraph(
            Paragraph::new().add_run(Run::new().add_text(format!("{}. {}", r.number, r.question)).bold()),
        );
        let (lo, hi) = (band(r.q1), band(r.q3));
        let median = band(r.median);
        let mut counts = [0usize; 10];
        for dot in &r.dots {
            counts[band(f64::from(dot.value))] += 1;
        }
        let extremes = TableRow::new(vec![
            TableCell::new().grid_span(5).add_paragraph(small(&format!("◀ {}", r.left), AlignmentType::Left)),
            TableCell::new().grid_span(5).add_paragraph(small(&format!("{} ▶", r.right), AlignmentType::Right)),
        ]);
        let bands = TableRow::new(
            c.bands.iter().map(|b| TableCell::new().add_paragraph(small(b, AlignmentType::Center))).collect(),
        );
        let dots = TableRow::new(
            counts
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    let mut cell = TableCell::new().add_paragraph(
                        Paragraph::new()
                            .align(AlignmentType::Center)
                            .add_run(Run::new().add_text("●".repeat(*n)).color("1F4E79")),
                    );
                    if (lo..=hi).contains(&i) {
                        cell = cell.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill("D9D9D9"));
                    }
                    cell
                })
                .collect(),
        );
        let medians = TableRow::new(
            (0..10)
                .map(|i| {
                    // A no-break space keeps the marker with its number in a narrow cell.
                    let text = if i == median { format!("▲\u{a0}{}", r.median_text) } else { String::new() };
                    TableCell::new().add_paragraph(
                        Paragraph::new().align(AlignmentType::Center).add_run(Run::new().add_text(text).bold()),
                    )
                })
                .collect(),
        );
        doc = doc.add_table(Table::new(vec![extremes.cant_split(), bands, dots, medians]).set_grid(vec![CELL; 10]));
        doc = doc.add_paragraph(text_paragraph(&r.description));
    }
    doc
}

pub fn render(d: &DocModel) -> Result<Vec<u8>> {
    let footer = Footer::new().add_paragraph(
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_text(format!("{} ", d.labels.page)))
            .add_page_num(PageNum::new())
            .add_run(Run::new().add_text(format!(" {} ", d.labels.of)))
            .add_num_pages(NumPages::new()),
    );
    let mut doc = Docx::new()
        .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Calibri"))
        .default_size(22)
        .add_style(heading_style("Heading1", "heading 1", 34, 0))
        .add_style(heading_style("Heading2", "heading 2", 27, 1))
        .add_style(heading_style("Heading3", "heading 3", 22, 2))
        .footer(footer)
        .add_paragraph(heading(&d.title, "Heading1"))
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&d.meeting_title).bold()));
    for (label, value) in &d.header {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{label} ")).bold())
                .add_run(Run::new().add_text(value)),
        );
    }
    for (label, names) in &d.attendance {
        doc = doc.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text(format!("{label}: ")).bold())
                .add_run(Run::new().add_text(names)),
        );
    }
    if let Some(m) = &d.mandate {
        doc = doc.add_paragraph(heading(&m.label, "Heading3"));
        for para in m.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
            doc = doc.add_paragraph(text_paragraph(para));
        }
    }
    // The contents as 003 has them: the committee, the meeting time, one line per item (its
    // number is part of the heading, so the list is not numbered again).
    doc = doc.add_paragraph(heading(&d.labels.toc, "Heading3"));
    doc = doc.add_paragraph(text_paragraph(&d.committee));
    doc = doc.add_paragraph(text_paragraph(&d.meeting_time));
    for item in &d.items {
        doc = doc.add_paragraph(text_paragraph(&item.heading));
    }
    for item in &d.items {
        doc = doc.add_paragraph(heading(&item.heading, "Heading2"));
        if !item.case_id.is_empty() {
            doc = doc.add_paragraph(text_paragraph(&format!("{}: {}", d.labels.case_id, item.case_id)));
        }
        if item.withheld {
            doc = doc.add_paragraph(text_paragraph(&d.labels.closed_items_left_out));
        }
        for sec in &item.sections {
            doc = doc.add_paragraph(heading(&sec.label, "Heading3"));
            for para in sec.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
                doc = doc.add_paragraph(text_paragraph(para));
            }
        }
        if let Some(w) = &item.walk {
            doc = walk(doc, w);
        }
        if !item.amendments.is_empty() {
            doc = doc.add_paragraph(heading(&d.labels.amendments, "Heading3"));
            for a in &item.amendments {
                doc = doc.add_paragraph(text_paragraph(&a.text));
            }
        }
        if let Some(dec) = &item.decision {
            doc = doc.add_paragraph(heading(&dec.label, "Heading3"));
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(&dec.meeting_line).italic()));
            for para in dec.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
                doc = doc.add_paragraph(text_paragraph(para));
            }
        }
        if !item.attachments.is_empty() {
            doc = doc.add_paragraph(heading(&d.labels.attachments, "Heading3"));
            for a in &item.attachments {
                doc = doc.add_paragraph(text_paragraph(&a.line));
            }
        }
    }
    if !d.approvals.is_empty() {
        doc = doc.add_paragraph(heading(&d.labels.approvals, "Heading2"));
        for a in &d.approvals {
            doc = doc.add_paragraph(text_paragraph(a));
        }
        if let Some(f) = &d.fingerprint {
            doc = doc.add_paragraph(text_paragraph(&format!("{}: {f}", d.labels.fingerprint)));
        }
    }
    let mut out = std::io::Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| Error::Io(std::io::Error::other(e)))?;
    Ok(out.into_inner())
}
