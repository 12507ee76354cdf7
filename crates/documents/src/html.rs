//! HTML: one self-contained, accessible file (no scripts, no external resources) that can be
//! published as it is. All user text is escaped; a Content-Security-Policy forbids scripts
//! as a second line of defence.

use std::fmt::Write as _;

use pejling_core::docmodel::walk::{DocChart, DocWalk};
use pejling_core::docmodel::DocModel;

pub use pejling_core::html::escape;

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
h4{font-size:1rem;margin-bottom:.25rem}h5{font-size:1rem;font-weight:600;margin:1rem 0 .25rem}\
figure.continua{margin:1.5rem 0}figure.continua figcaption{font-weight:600;margin-bottom:.5rem}\
figure.continua svg{width:100%;height:auto;display:block}\
table{border-collapse:collapse;margin:.75rem 0;font-size:.9rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}\
caption{text-align:left;font-weight:600;padding-bottom:.25rem}\
nav ul.toc{list-style:none;padding-left:0}ul.bilag{list-style:none;padding-left:0}nav p{margin:.25rem 0}p.meeting-line{font-style:italic}\
@media print{h2{break-before:auto}a{color:inherit;text-decoration:none}figure.continua{break-inside:avoid}}";

fn render_walk(s: &mut String, item: u32, w: &DocWalk) {
    let _ = writeln!(s, "<h3>{}</h3>", escape(&w.heading));
    if !w.case.is_empty() {
        s.push_str("<dl class=\"header\">\n");
        for (label, text) in &w.case {
            let _ = writeln!(s, "<dt>{}</dt><dd>{}</dd>", escape(label), escape(text));
        }
        s.push_str("</dl>\n");
    }
    for st in &w.steps {
        if let Some(group) = &st.group {
            let _ = writeln!(s, "<h4>{}</h4>", escape(group));
        }
        if let Some(prompt) = &st.prompt {
            let _ = writeln!(s, "<p class=\"prompt\"><em>{}</em></p>", escape(prompt));
        }
        let _ = writeln!(s, "<h5>{}</h5>", escape(&st.question));
        if !st.note.trim().is_empty() {
            let _ = writeln!(s, "{}", paragraphs(&st.note));
        }
        if !st.questions.is_empty() {
            let _ = writeln!(s, "<p>{}:</p>\n<ul>", escape(&st.questions_label));
            for q in &st.questions {
                let _ = writeln!(s, "<li>{}</li>", escape(q));
            }
            s.push_str("</ul>\n");
        }
        for line in &st.positions {
            let _ = writeln!(s, "<p>{}</p>", escape(line));
        }
    }
    for (n, chart) in w.charts.iter().enumerate() {
        render_chart(s, &format!("punkt-{item}-placeringer-{}", n + 1), chart);
    }
}

/// Break `text` into lines of at most about `width` characters, at spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Lines of SVG text at `x`, starting at baseline `y`.
fn svg_text(s: &mut String, lines: &[String], x: f64, y: f64, line_height: f64, attrs: &str) {
    let _ = write!(s, "<text x=\"{x}\" y=\"{y}\" {attrs}>");
    for (i, line) in lines.iter().enumerate() {
        let dy = if i == 0 { 0.0 } else { line_height };
        let _ = write!(s, "<tspan x=\"{x}\" dy=\"{dy}\">{}</tspan>", escape(line));
    }
    s.push_str("</text>\n");
}

/// The continua chart as inline SVG (an image with a title and a description for screen
/// readers), followed by the same data as a text and a table.
fn render_chart(s: &mut String, id: &str, c: &DocChart) {
    const W: f64 = 720.0;
    const X0: f64 = 24.0;
    const X1: f64 = 696.0;
    const LEVEL: f64 = 13.0;
    let x = |v: f64| X0 + v / 100.0 * (X1 - X0);
    let mut body = String::new();
    // Legend.
    let mut y = 18.0;
    let _ = writeln!(
        body,
        "<g font-size=\"12\" fill=\"#1a1a1a\"><circle cx=\"{}\" cy=\"{}\" r=\"5\" fill=\"#1f4e79\" stroke=\"#fff\" stroke-width=\"1.5\"/>\
<text x=\"{}\" y=\"{}\">{}</text><line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#000\" stroke-width=\"2.5\"/>\
<text x=\"{}\" y=\"{}\">{}</text><rect x=\"{}\" y=\"{}\" width=\"18\" height=\"12\" fill=\"#d4d4d4\"/>\
<text x=\"{}\" y=\"{}\">{}</text></g>",
        X0 + 5.0,
        y - 4.0,
        X0 + 15.0,
        y,
        escape(&c.legend_value),
        X0 + 160.0,
        y - 12.0,
        X0 + 160.0,
        y + 3.0,
        X0 + 170.0,
        y,
        escape(&c.legend_median),
        X0 + 290.0,
        y - 10.0,
        X0 + 314.0,
        y,
        escape(&c.legend_quartiles),
    );
    y += 24.0;
    for r in &c.rows {
        let question = wrap(&format!("{}. {}", r.number, r.question), 96);
        y += 14.0;
        svg_text(&mut body, &question, X0, y, 17.0, "font-size=\"14\" font-weight=\"600\" fill=\"#1a1a1a\"");
        y += 17.0 * (question.len() as f64 - 1.0) + 20.0;
        let band_h = f64::from(r.levels) * LEVEL + 8.0;
        let axis = y + band_h;
        // The middle half, the scale with ticks, the median, the dots.
        let _ = writeln!(
            body,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{band_h:.1}\" fill=\"#d4d4d4\"/>",
            x(r.q1),
            y,
            (x(r.q3) - x(r.q1)).max(1.5)
        );
        let _ = writeln!(
            body,
            "<line x1=\"{X0}\" y1=\"{axis:.1}\" x2=\"{X1}\" y2=\"{axis:.1}\" stroke=\"#555\" stroke-width=\"1.2\"/>"
        );
        for t in (0..=100).step_by(10) {
            let len = if t % 50 == 0 { 6.0 } else { 3.5 };
            let _ = writeln!(
                body,
                "<line x1=\"{0:.1}\" y1=\"{1:.1}\" x2=\"{0:.1}\" y2=\"{2:.1}\" stroke=\"#555\" stroke-width=\"1\"/>",
                x(f64::from(t)),
                axis,
                axis + len
            );
        }
        for (t, anchor) in [(0, "start"), (50, "middle"), (100, "end")] {
            let _ = writeln!(
                body,
                "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" fill=\"#444\" text-anchor=\"{anchor}\">{t}</text>",
                x(f64::from(t)),
                axis + 16.0
            );
        }
        let _ = writeln!(
            body,
            "<line x1=\"{0:.1}\" y1=\"{1:.1}\" x2=\"{0:.1}\" y2=\"{2:.1}\" stroke=\"#000\" stroke-width=\"2.5\"/>",
            x(r.median),
            y - 4.0,
            axis + 4.0
        );
        let _ = writeln!(
            body,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" font-weight=\"700\" fill=\"#000\" text-anchor=\"middle\">{}</text>",
            x(r.median),
            y - 7.0,
            escape(&r.median_text)
        );
        for dot in &r.dots {
            let _ = writeln!(
                body,
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"5.5\" fill=\"#1f4e79\" stroke=\"#fff\" stroke-width=\"1.5\"/>",
                x(f64::from(dot.value)),
                axis - 9.0 - f64::from(dot.level) * LEVEL
            );
        }
        // The extreme positions under the ends of the scale.
        let left = wrap(&r.left, 50);
        let right = wrap(&r.right, 50);
        let ey = axis + 32.0;
        svg_text(&mut body, &left, X0, ey, 14.0, "font-size=\"11.5\" fill=\"#333\"");
        svg_text(&mut body, &right, X1, ey, 14.0, "font-size=\"11.5\" fill=\"#333\" text-anchor=\"end\"");
        y = ey + 14.0 * (left.len().max(right.len()) as f64 - 1.0) + 16.0;
    }
    let h = y + 4.0;
    let _ = writeln!(s, "<figure class=\"continua\" aria-labelledby=\"{id}-caption\">");
    let _ = writeln!(s, "<figcaption id=\"{id}-caption\">{}</figcaption>", escape(&c.title));
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {h:.0}\" role=\"img\" \
aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif\">"
    );
    let _ = writeln!(s, "<title id=\"{id}-title\">{}</title>", escape(&c.title));
    let _ = writeln!(s, "<desc id=\"{id}-desc\">{}</desc>", escape(&c.description));
    s.push_str(&body);
    s.push_str("</svg>\n");
    let _ = writeln!(s, "<p>{}</p>", escape(&c.reading));
    let _ = writeln!(s, "<table>\n<caption>{}</caption>\n<thead><tr>", escape(&c.title));
    for col in &c.columns {
        let _ = write!(s, "<th scope=\"col\">{}</th>", escape(col));
    }
    s.push_str("</tr></thead>\n<tbody>\n");
    for r in &c.rows {
        let _ = writeln!(
            s,
            "<tr><th scope=\"row\">{}. {}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            r.number,
            escape(&r.question),
            escape(&r.left),
            escape(&r.right),
            escape(&r.values_text),
            escape(&r.median_text),
            escape(&r.quartiles_text),
            escape(&r.range_text)
        );
    }
    s.push_str("</tbody>\n</table>\n</figure>\n");
}

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
    for (label, names) in &d.attendance {
        s.push_str(&format!("<p><strong>{}:</strong> {}</p>\n", escape(label), escape(names)));
    }
    if let Some(m) = &d.mandate {
        s.push_str(&format!(
            "<section aria-labelledby=\"kommissorium\">\n<h2 id=\"kommissorium\">{}</h2>\n{}\n</section>\n",
            escape(&m.label),
            paragraphs(&m.text)
        ));
    }
    // The item's number is part of its heading ("1 (Åben) …"), so the list is not numbered.
    s.push_str(&format!(
        "<nav aria-labelledby=\"toc\">\n<h2 id=\"toc\">{}</h2>\n<p>{}</p>\n<p>{}</p>\n<ul class=\"toc\">\n",
        escape(&d.labels.toc),
        escape(&d.committee),
        escape(&d.meeting_time)
    ));
    for item in &d.items {
        s.push_str(&format!("<li><a href=\"#punkt-{}\">{}</a></li>\n", item.number, escape(&item.heading)));
    }
    s.push_str("</ul>\n</nav>\n");
    for item in &d.items {
        s.push_str(&format!(
            "<section aria-labelledby=\"punkt-{0}\">\n<h2 id=\"punkt-{0}\">{1}</h2>\n",
            item.number,
            escape(&item.heading)
        ));
        if !item.case_id.is_empty() {
            s.push_str(&format!("<p>{}: {}</p>\n", escape(&d.labels.case_id), escape(&item.case_id)));
        }
        if item.withheld {
            s.push_str(&format!("<p>{}</p>\n", escape(&d.labels.closed_items_left_out)));
        }
        for sec in &item.sections {
            s.push_str(&format!("<h3>{}</h3>\n{}\n", escape(&sec.label), paragraphs(&sec.text)));
        }
        if let Some(walk) = &item.walk {
            render_walk(&mut s, item.number, walk);
        }
        if !item.amendments.is_empty() {
            s.push_str(&format!("<h3>{}</h3>\n<ul>\n", escape(&d.labels.amendments)));
            for a in &item.amendments {
                s.push_str(&format!("<li>{}</li>\n", escape(&a.text)));
            }
            s.push_str("</ul>\n");
        }
        if let Some(dec) = &item.decision {
            s.push_str(&format!(
                "<h3>{}</h3>\n<p class=\"meeting-line\">{}</p>\n{}\n",
                escape(&dec.label),
                escape(&dec.meeting_line),
                paragraphs(&dec.text)
            ));
        }
        if !item.attachments.is_empty() {
            s.push_str(&format!("<h3>{}</h3>\n<ul class=\"bilag\">\n", escape(&d.labels.attachments)));
            for a in &item.attachments {
                s.push_str(&format!("<li>{}</li>\n", escape(&a.line)));
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
