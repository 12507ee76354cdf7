//! The participants' pages, rendered on the server as small HTML documents.
//!
//! Why server-rendered: the page must work on any phone browser, without a framework and
//! even without JavaScript (a form and a button). A small script (`assets/live/live.js`)
//! makes positions save themselves and follows the chair through server-sent events. Every
//! text from the database is HTML-escaped here; the texts of the page come from the Fluent
//! catalogues (`assets/i18n/*/live.ftl`).

use std::fmt::Write as _;

use super::LiveChange;
use pejling_core::domain::*;
use pejling_core::i18n::{Catalog, Lang};

pub(crate) const CSS: &str = include_str!("../../../assets/live/live.css");
pub(crate) const JS: &str = include_str!("../../../assets/live/live.js");
/// The tab's icon: a compass needle (pejling: taking a bearing).
pub(crate) const ICON: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 16 16\">\
<circle cx=\"8\" cy=\"8\" r=\"7\" fill=\"#0b4f8a\"/><path d=\"M8 2l2 6-2 6-2-6z\" fill=\"#fff\"/></svg>";

/// The current question as a participant sees it.
pub(crate) struct StepView {
    pub item_id: Id,
    pub index: u32,
    pub where_label: Text,
    pub question: Question,
    pub is_continuum: bool,
    /// Positions are accepted (a continuum question not yet closed by the chair).
    pub open: bool,
    /// The participant's own position.
    pub own: Option<PositionInput>,
    /// The reason the participant gave with it.
    pub own_reason: String,
    /// The round of positions (2: the question is answered a second time).
    pub round: u32,
    /// The set's heading ("Hvad vil du belyse?") when participants may send points here.
    pub points_prompt: Option<Text>,
}

pub(crate) struct ParticipantView {
    pub meeting_title: String,
    pub committee: String,
    pub name: String,
    /// Number, title and technology of the open item the meeting is at.
    pub item: Option<(u32, String, String)>,
    pub step: Option<StepView>,
    pub change: LiveChange,
    /// The current item's open PDF bilag (id, number, title), for the participant to read.
    pub bilag: Vec<(Id, u32, String)>,
}

/// HTML-escape text for the participant page: the one escaper the documents use too.
pub(crate) use pejling_core::html::escape as esc;

fn head(cat: &Catalog, lang: Lang, base: Option<&str>) -> String {
    let css = base
        .map(|b| {
            format!("<link rel=\"stylesheet\" href=\"{0}/live.css\"><link rel=\"icon\" href=\"{0}/icon.svg\">", esc(b))
        })
        .unwrap_or_default();
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"referrer\" content=\"same-origin\"><title>{}</title>{css}</head>",
        lang.code(),
        esc(&cat.format("live-page-title", &[]))
    )
}

/// A page with one message (errors, refusals).
pub(crate) fn message(cat: &Catalog, lang: Lang, base: &Option<String>, text: &str) -> String {
    let link = base
        .as_ref()
        .map(|b| format!("<p><a href=\"{}\">{}</a></p>", esc(b), esc(&cat.format("live-join-heading", &[]))))
        .unwrap_or_default();
    format!(
        "{}<body><main><h1>{}</h1><p>{}</p>{link}</main></body></html>",
        head(cat, lang, base.as_deref()),
        esc(&cat.format("live-page-title", &[])),
        esc(text)
    )
}

/// Waiting for the chair to approve: the page asks again every few seconds by itself (no
/// script needed).
pub(crate) fn waiting(cat: &Catalog, lang: Lang, base: &str, name: &str) -> String {
    let head = head(cat, lang, Some(base))
        .replace("</head>", &format!("<meta http-equiv=\"refresh\" content=\"3;url={}/me\"></head>", esc(base)));
    format!(
        "{head}<body><main><h1>{}</h1><p role=\"status\">{}</p><p>{}</p></main></body></html>",
        esc(&cat.format("live-join-heading", &[])),
        esc(&cat.format("live-waiting-approval", &[("name", name.to_owned())])),
        esc(&cat.format("live-waiting-approval-hint", &[]))
    )
}

/// Choosing one's name among the attendees not yet taken.
pub(crate) fn join(
    cat: &Catalog,
    lang: Lang,
    base: &str,
    meeting_title: &str,
    committee: &str,
    free: &[(Id, String)],
    notice: Option<&str>,
) -> String {
    let mut body = String::new();
    let _ = write!(
        body,
        "<main><h1>{}</h1><p class=\"meeting\">{}<br>{}</p>",
        esc(&cat.format("live-join-heading", &[])),
        esc(meeting_title),
        esc(committee)
    );
    if let Some(notice) = notice {
        let _ = write!(body, "<p class=\"notice\" role=\"alert\">{}</p>", esc(notice));
    }
    if free.is_empty() {
        let _ = write!(body, "<p>{}</p>", esc(&cat.format("live-join-none-left", &[])));
    } else {
        let _ = write!(
            body,
            "<form method=\"post\" action=\"{}/join\"><fieldset><legend>{}</legend>",
            esc(base),
            esc(&cat.format("live-join-pick", &[]))
        );
        for (i, (id, name)) in free.iter().enumerate() {
            let required = if i == 0 { " required" } else { "" };
            let _ = write!(
                body,
                "<div class=\"choice\"><input type=\"radio\" name=\"person_id\" id=\"p{id}\" value=\"{id}\"{required}>\
<label for=\"p{id}\">{}</label></div>",
                esc(name)
            );
        }
        let _ = write!(
            body,
            "</fieldset><label for=\"code\">{}</label><p class=\"hint\" id=\"code-hint\">{}</p>\
<input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" \
spellcheck=\"false\" maxlength=\"16\" aria-describedby=\"code-hint\">\
<button type=\"submit\">{}</button></form>",
            esc(&cat.format("live-join-code", &[])),
            esc(&cat.format("live-join-code-hint", &[])),
            esc(&cat.format("live-join-submit", &[]))
        );
    }
    body.push_str("</main>");
    format!("{}<body>{body}</body></html>", head(cat, lang, Some(base)))
}

/// The participant's page: the current question and, on a continuum question, their own
/// position.
pub(crate) fn participant(cat: &Catalog, lang: Lang, base: &str, view: &ParticipantView) -> String {
    let f = |key: &str| esc(&cat.format(key, &[]));
    let mut body = String::new();
    let saved_template = esc(&cat.format("live-saved", &[("value", "{value}".into())]));
    let _ = write!(
        body,
        "<main id=\"live\" data-base=\"{}\" data-key=\"{}\" data-saved=\"{saved_template}\" data-failed=\"{}\" data-point-sent=\"{}\">\
<p class=\"notice\" id=\"ended\" role=\"alert\" hidden></p><p class=\"who\">{}</p><h1>{}</h1><p class=\"meeting\">{}</p>",
        esc(base),
        esc(&view.change.key),
        f("live-save-failed"),
        f("live-point-sent"),
        esc(&cat.format("live-you-are", &[("name", view.name.clone())])),
        esc(&view.meeting_title),
        esc(&view.committee),
    );
    match &view.item {
        None => {
            let _ = write!(body, "<p class=\"waiting\">{}</p>", f("live-waiting"));
        }
        Some((number, title, technology)) => {
            let _ = write!(
                body,
                "<h2>{}</h2>",
                esc(&cat.format("live-item", &[("number", number.to_string()), ("title", title.clone())]))
            );
            if !technology.trim().is_empty() {
                let _ = write!(
                    body,
                    "<p class=\"case\">{}</p>",
                    esc(&cat.format("live-case", &[("technology", technology.clone())]))
                );
            }
            match &view.step {
                None => {
                    let _ = write!(body, "<p class=\"waiting\">{}</p>", f("live-waiting"));
                }
                Some(step) => step_html(cat, lang, base, step, &mut body),
            }
            if !view.bilag.is_empty() {
                let _ = write!(
                    body,
                    "<section class=\"bilag\" aria-labelledby=\"bilag\"><h3 id=\"bilag\">{}</h3><ul>",
                    f("doc-attachments")
                );
                for (id, number, title) in &view.bilag {
                    let _ = write!(
                        body,
                        "<li><a href=\"{}/bilag/{id}\">{}</a></li>",
                        esc(base),
                        esc(&format!("{number}. {title}"))
                    );
                }
                body.push_str("</ul></section>");
            }
        }
    }
    let count = cat.format(
        "live-answered",
        &[("answered", view.change.answered.to_string()), ("total", view.change.total.to_string())],
    );
    let _ = write!(
        body,
        "<p class=\"count\" id=\"count\" aria-live=\"polite\">{}</p><p><a href=\"{}/me\">{}</a></p></main>\
<script src=\"{}/live.js\" defer></script>",
        esc(&count),
        esc(base),
        f("live-refresh"),
        esc(base)
    );
    format!("{}<body>{body}</body></html>", head(cat, lang, Some(base)))
}

fn step_html(cat: &Catalog, lang: Lang, base: &str, step: &StepView, body: &mut String) {
    let f = |key: &str| esc(&cat.format(key, &[]));
    let q = &step.question;
    let _ = write!(
        body,
        "<section class=\"question\" aria-labelledby=\"question\"><p class=\"where\">{}</p><h3 id=\"question\">{}</h3>",
        esc(step.where_label.get(lang)),
        esc(q.text.get(lang))
    );
    if let Some(subtitle) = q.subtitle.as_ref().filter(|s| !s.get(lang).trim().is_empty()) {
        let _ = write!(body, "<p class=\"subtitle\">{}</p>", esc(subtitle.get(lang)));
    }
    if !step.is_continuum {
        match &step.points_prompt {
            Some(prompt) => {
                let _ = write!(
                    body,
                    "<form method=\"post\" action=\"{}/point\" id=\"point-form\">\
<input type=\"hidden\" name=\"item\" value=\"{}\"><input type=\"hidden\" name=\"step\" value=\"{}\">\
<label for=\"point\" class=\"prompt\">{}</label><p class=\"hint\" id=\"point-hint\">{}</p>\
<textarea id=\"point\" name=\"text\" rows=\"3\" maxlength=\"280\" required aria-describedby=\"point-hint\"></textarea>\
<p class=\"status\" id=\"point-status\" role=\"status\"></p>\
<button type=\"submit\" id=\"send-point\">{}</button></form></section>",
                    esc(base),
                    step.item_id,
                    step.index,
                    esc(prompt.get(lang)),
                    f("live-point-hint"),
                    f("live-point-send")
                );
            }
            None => {
                let _ = write!(body, "<p>{}</p></section>", f("live-no-position"));
            }
        }
        return;
    }
    if step.round == 2 {
        let _ = write!(body, "<p class=\"round\">{}</p>", f("live-round-two"));
    }
    let left = q.extreme_left.as_ref().map(|t| t.get(lang).to_owned()).unwrap_or_default();
    let right = q.extreme_right.as_ref().map(|t| t.get(lang).to_owned()).unwrap_or_default();
    let _ = write!(
        body,
        "<ul class=\"ends\"><li id=\"left\">{}</li><li id=\"right\">{}</li></ul>",
        esc(&cat.format("live-extreme-left", &[("text", left)])),
        esc(&cat.format("live-extreme-right", &[("text", right)]))
    );
    let own = match &step.own {
        Some(PositionInput::Value(v)) => Some(*v),
        _ => None,
    };
    let status = match own {
        Some(v) => cat.format("live-saved", &[("value", v.to_string())]),
        None => cat.format("live-not-saved", &[]),
    };
    if step.open {
        let _ = write!(
            body,
            "<form method=\"post\" action=\"{}/position\" id=\"position-form\">\
<input type=\"hidden\" name=\"item\" value=\"{}\"><input type=\"hidden\" name=\"step\" value=\"{}\">\
<label for=\"value\">{}</label><p class=\"hint\" id=\"hint\">{}</p>\
<input type=\"range\" id=\"value\" name=\"value\" min=\"0\" max=\"100\" step=\"1\" value=\"{}\" \
aria-describedby=\"hint left right\">\
<label for=\"reason\">{}</label>\
<input type=\"text\" id=\"reason\" name=\"reason\" maxlength=\"280\" autocomplete=\"off\" value=\"{}\">\
<p class=\"status\" id=\"status\" role=\"status\">{}</p>\
<button type=\"submit\" id=\"save\">{}</button></form>",
            esc(base),
            step.item_id,
            step.index,
            f("live-your-position"),
            f("live-position-hint"),
            own.unwrap_or(50),
            f("live-reason"),
            esc(&step.own_reason),
            esc(&status),
            f("live-save")
        );
    } else {
        let _ = write!(body, "<p class=\"closed\">{}</p><p class=\"status\">{}</p>", f("live-closed"), esc(&status));
    }
    body.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(esc("<b a=\"1\">&'x'"), "&lt;b a=&quot;1&quot;&gt;&amp;&#39;x&#39;");
    }

    #[test]
    fn hostile_names_stay_text_on_the_join_page() {
        let cat = Catalog::new(Lang::Da);
        let html = join(&cat, Lang::Da, "/ABCDEFGH", "Møde", "Udvalg", &[(1, "<script>x()</script>".into())], None);
        assert!(!html.contains("<script>x()"));
        assert!(html.contains("&lt;script&gt;x()&lt;/script&gt;"));
        assert!(html.contains("Vælg dit navn"));
    }
}
