//! HTML: one self-contained, accessible file (no scripts, no external resources) that can be
//! published as it is. All user text is escaped; a Content-Security-Policy forbids scripts
//! as a second line of defence.

use super::DocModel;

/// Escape text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Paragraphs at blank lines, line breaks inside them kept.
fn paragraphs(text: &str) -> String {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .map(|p| format!("<p>{}</p>", p.split('\n').map(escape).collect::<Vec<_>>().join("<br>\n")))
        .collect::<Vec<_>>()
        .join("\n")
}

const STYLE: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;\
max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a;background:#fff}\
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2.5rem;border-top:1px solid #ccc;padding-top:1rem}\
h3{font-size:1.05rem;margin-bottom:.25rem}dl.header{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}\
dl.header dt{font-weight:600}dl.header dd{margin:0}a{color:#1f4e79}.fingerprint{font-family:monospace;word-break:break-all}\
@media print{h2{break-before:auto}a{color:inherit;text-decoration:none}}";

pub fn render(d: &DocModel) -> String {
    let mut s = String::new();
    s.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
        d.lang,
        escape(&format!("{} – {}", d.title, d.meeting_title))
    ));
    s.push_str(&format!("<h1>{}</h1>\n<p><strong>{}</strong></p>\n", escape(&d.title), escape(&d.meeting_title)));
    s.push_str("<dl class=\"header\">\n");
    for (label, value) in &d.header {
        s.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", escape(label), escape(value)));
    }
    s.push_str("</dl>\n");
    s.push_str(&format!("<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">{}</h2>\n<ol>\n", escape(&d.labels.toc)));
    for item in &d.items {
        s.push_str(&format!("<li><a href=\"#punkt-{}\">{}</a></li>\n", item.number, escape(&item.heading)));
    }
    s.push_str("</ol>\n</nav>\n");
    for item in &d.items {
        s.push_str(&format!(
            "<section aria-labelledby=\"punkt-{0}\">\n<h2 id=\"punkt-{0}\">{1}</h2>\n",
            item.number,
            escape(&item.heading)
        ));
        if !item.case_id.is_empty() {
            s.push_str(&format!("<p>{}: {}</p>\n", escape(&d.labels.case_id), escape(&item.case_id)));
        }
        for sec in &item.sections {
            s.push_str(&format!("<h3>{}</h3>\n{}\n", escape(&sec.label), paragraphs(&sec.text)));
        }
        if !item.amendments.is_empty() {
            s.push_str(&format!("<h3>{}</h3>\n<ul>\n", escape(&d.labels.amendments)));
            for a in &item.amendments {
                s.push_str(&format!("<li>{}</li>\n", escape(&a.text)));
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</section>\n");
    }
    if !d.approvals.is_empty() {
        s.push_str(&format!(
            "<section aria-labelledby=\"approvals\">\n<h2 id=\"approvals\">{}</h2>\n<ul>\n",
            escape(&d.labels.approvals)
        ));
        for a in &d.approvals {
            s.push_str(&format!("<li>{}</li>\n", escape(a)));
        }
        s.push_str("</ul>\n");
        if let Some(f) = &d.fingerprint {
            s.push_str(&format!(
                "<p>{}: <span class=\"fingerprint\">{}</span></p>\n",
                escape(&d.labels.fingerprint),
                escape(f)
            ));
        }
        s.push_str("</section>\n");
    }
    s.push_str("</main>\n</body>\n</html>\n");
    s
}
