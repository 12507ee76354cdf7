//! DOCX with real heading styles ("heading 1/2/3" with outline levels), so Word's navigation
//! pane and table of contents work, a TOC field, and "Side X af Y" in the footer.

use docx_rs::*;

use super::DocModel;
use crate::error::{Error, Result};

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
                .add_run(Run::new().add_text(format!("{label}: ")).bold())
                .add_run(Run::new().add_text(value)),
        );
    }
    doc = doc.add_table_of_contents(TableOfContents::new().heading_styles_range(2, 2).alias(&d.labels.toc).auto());
    // The TOC field is filled in by Word on opening; until then, list the items plainly.
    doc = doc.add_paragraph(heading(&d.labels.toc, "Heading3"));
    for item in &d.items {
        doc = doc.add_paragraph(text_paragraph(&item.heading));
    }
    for item in &d.items {
        doc = doc.add_paragraph(heading(&item.heading, "Heading2"));
        if !item.case_id.is_empty() {
            doc = doc.add_paragraph(text_paragraph(&format!("{}: {}", d.labels.case_id, item.case_id)));
        }
        for sec in &item.sections {
            doc = doc.add_paragraph(heading(&sec.label, "Heading3"));
            for para in sec.text.split("\n\n").filter(|p| !p.trim().is_empty()) {
                doc = doc.add_paragraph(text_paragraph(para));
            }
        }
        if !item.amendments.is_empty() {
            doc = doc.add_paragraph(heading(&d.labels.amendments, "Heading3"));
            for a in &item.amendments {
                doc = doc.add_paragraph(text_paragraph(&a.text));
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
