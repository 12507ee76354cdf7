//! Markdown: for pasting into intranets and wikis. User text is escaped so that it reads as
//! typed, never as Markdown markup or HTML.

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

pub fn render(d: &DocModel) -> String {
    let mut s = String::new();
    s.push_str(&format!("# {}\n\n", escape(&d.title)));
    s.push_str(&format!("**{}**\n\n", escape(&d.meeting_title)));
    for (label, value) in &d.header {
        s.push_str(&format!("{}: {}  \n", escape(label), escape(value)));
    }
    s.push('\n');
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
