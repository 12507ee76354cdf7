//! Markdown: for pasting into intranets and wikis. User text is escaped so that it reads as
//! typed, never as Markdown markup or HTML.

use super::walk::DocWalk;
use super::DocModel;

/// Escape text so Markdown renderers show it literally: inline markup characters anywhere,
/// block markers (headings, lists, quotes) at the start of a line. Line breaks are kept as
/// hard breaks.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, raw) in text.split('\n').enumerate() {
        let line = raw.trim_end_matches('\r');
        if n > 0 {
            out.push_str(if line.trim().is_empty() { "\n" } else { "  \n" });
        }
        let indent = line.len() - line.trim_start().len();
        let body = &line[indent..];
        out.push_str(&line[..indent]);
        // A line that would start a block (heading, list, quote, numbered list) is escaped.
        let digits = body.chars().take_while(char::is_ascii_digit).count();
        let mut chars = body.char_indices().peekable();
        if let Some(&(_, c)) = chars.peek() {
            if matches!(c, '#' | '+' | '-' | '>' | '=') {
                out.push('\\');
            }
        }
        for (i, c) in chars {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                    out.push('\\');
                    out.push(c);
                }
                '.' | ')' if digits > 0 && i == digits => {
                    out.push('\\');
                    out.push(c);
                }
                '<' => out.push_str("&lt;"),
                '&' => out.push_str("&amp;"),
                _ => out.push(c),
            }
        }
    }
    out
}

fn render_walk(s: &mut String, w: &DocWalk) {
    s.push_str(&format!("### {}\n\n", escape(&w.heading)));
    for (label, text) in &w.case {
        s.push_str(&format!("**{}:** {}\n\n", escape(label), escape(text)));
    }
    for st in &w.steps {
        if let Some(group) = &st.group {
            s.push_str(&format!("#### {}\n\n", escape(group)));
        }
        s.push_str(&format!("**{}**\n\n", escape(&st.question)));
        if !st.note.trim().is_empty() {
            s.push_str(&format!("{}\n\n", escape(&st.note)));
        }
        if !st.questions.is_empty() {
            s.push_str(&format!("{}:\n\n", escape(&st.questions_label)));
            for q in &st.questions {
                s.push_str(&format!("- {}\n", escape(q)));
            }
            s.push('\n');
        }
        for line in &st.positions {
            s.push_str(&format!("{}\n\n", escape(line)));
        }
    }
    // The chart as its table alternative, with the description.
    for c in &w.charts {
        s.push_str(&format!("#### {}\n\n{}\n\n", escape(&c.title), escape(&c.reading)));
        let cell = |t: &str| escape(&t.replace('\n', " "));
        s.push_str(&format!("| {} |\n", c.columns.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")));
        s.push_str(&format!("|{}\n", "---|".repeat(c.columns.len())));
        for r in &c.rows {
            s.push_str(&format!(
                "| {}. {} | {} | {} | {} | {} | {} | {} |\n",
                r.number,
                cell(&r.question),
                cell(&r.left),
                cell(&r.right),
                cell(&r.values_text),
                cell(&r.median_text),
                cell(&r.quartiles_text),
                cell(&r.range_text)
            ));
        }
        s.push('\n');
    }
}

pub fn render(d: &DocModel) -> String {
    let mut s = String::new();
    s.push_str(&format!("# {}\n\n", escape(&d.title)));
    s.push_str(&format!("**{}**\n\n", escape(&d.meeting_title)));
    for (label, value) in &d.header {
        s.push_str(&format!("{}: {}  \n", escape(label), escape(value)));
    }
    s.push('\n');
    for line in [&d.began, &d.adjourned].into_iter().flatten() {
        s.push_str(&format!("{}  \n", escape(line)));
    }
    if d.began.is_some() || d.adjourned.is_some() {
        s.push('\n');
    }
    for (label, names) in &d.attendance {
        s.push_str(&format!("**{}:** {}\n\n", escape(label), escape(names)));
    }
    s.push_str(&format!("## {}\n\n", escape(&d.labels.toc)));
    for (i, item) in d.items.iter().enumerate() {
        s.push_str(&format!("{}\\. {}\n", i + 1, escape(&item.heading)));
    }
    s.push('\n');
    for item in &d.items {
        s.push_str(&format!("## {}\n\n", escape(&item.heading)));
        if !item.case_id.is_empty() {
            s.push_str(&format!("{}: {}\n\n", escape(&d.labels.case_id), escape(&item.case_id)));
        }
        for sec in &item.sections {
            s.push_str(&format!("### {}\n\n{}\n\n", escape(&sec.label), escape(&sec.text)));
        }
        if let Some(walk) = &item.walk {
            render_walk(&mut s, walk);
        }
        if !item.amendments.is_empty() {
            s.push_str(&format!("### {}\n\n", escape(&d.labels.amendments)));
            for a in &item.amendments {
                s.push_str(&format!("- {}\n", escape(&a.text)));
            }
            s.push('\n');
        }
    }
    if !d.approvals.is_empty() {
        s.push_str(&format!("## {}\n\n", escape(&d.labels.approvals)));
        for a in &d.approvals {
            s.push_str(&format!("- {}\n", escape(a)));
        }
        if let Some(f) = &d.fingerprint {
            s.push_str(&format!("\n{}: `{}`\n", escape(&d.labels.fingerprint), f));
        }
    }
    s
}
