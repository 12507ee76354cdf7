//! Markdown: for pasting into intranets and wikis. User text is escaped so that it reads as
//! typed, never as Markdown markup or HTML.

use pejling_core::docmodel::walk::DocWalk;
use pejling_core::docmodel::DocModel;

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
        if let Some(prompt) = &st.prompt {
            s.push_str(&format!("*{}*\n\n", escape(prompt)));
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
    // As the printed header: "Mødetidspunkt 22-02-2018 18:00", each row a hard line break.
    for (label, value) in &d.header {
        s.push_str(&escape(format!("{label} {value}").trim_end()));
        s.push_str("  \n");
    }
    s.push('\n');
    for (label, names) in &d.attendance {
        s.push_str(&format!("**{}:** {}\n\n", escape(label), escape(names)));
    }
    if let Some(m) = &d.mandate {
        s.push_str(&format!("## {}\n\n{}\n\n", escape(&m.label), escape(&m.text)));
    }
    // One line per item, ended by a hard line break so the lines stay apart; the number is
    // the item's own, part of its heading.
    s.push_str(&format!("## {}\n\n{}  \n{}\n\n", escape(&d.labels.toc), escape(&d.committee), escape(&d.meeting_time)));
    for item in &d.items {
        s.push_str(&format!("{}  \n", escape(&item.heading)));
    }
    s.push('\n');
    for item in &d.items {
        s.push_str(&format!("## {}\n\n", escape(&item.heading)));
        if !item.case_id.is_empty() {
            s.push_str(&format!("{}: {}\n\n", escape(&d.labels.case_id), escape(&item.case_id)));
        }
        if item.withheld {
            s.push_str(&format!("{}\n\n", escape(&d.labels.closed_items_left_out)));
        }
        for sec in &item.sections {
            s.push_str(&format!("### {}\n\n", escape(&sec.label)));
            if !sec.text.trim().is_empty() {
                s.push_str(&format!("{}\n\n", escape(&sec.text)));
            }
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
        if let Some(dec) = &item.decision {
            s.push_str(&format!("### {}\n\n*{}*\n\n", escape(&dec.label), escape(&dec.meeting_line)));
            if !dec.text.trim().is_empty() {
                s.push_str(&format!("{}\n\n", escape(&dec.text)));
            }
        }
        if !item.attachments.is_empty() {
            s.push_str(&format!("### {}\n\n", escape(&d.labels.attachments)));
            let lines: Vec<String> = item.attachments.iter().map(|a| escape(&a.line)).collect();
            s.push_str(&lines.join("  \n"));
            s.push_str("\n\n");
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
