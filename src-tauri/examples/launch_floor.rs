//! The launch bench's second floor (issue 20): the least a Tauri window on this machine's
//! WebKit does before a list is on screen. The same shell settings as Pejling (WebKit without
//! compositing, the web view shown once its page has loaded), one window of Pejling's size
//! whose page is served the way Pejling's is (a custom protocol answered on the main thread);
//! the page is a header and a list of twenty links, drawn without any script of its own, and
//! it marks the frame that drew it as Pejling's home page does ("pejling:data"). No database,
//! no core, no Svelte. `make bench` launches it beside the app, through the same driver.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

const PAGE: &str = r#"<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>Pejling</title>
<style>
body { margin: 0; font-family: system-ui, sans-serif; color: #1b1b1b; background: #fff; }
header { background: #1d3b5c; color: #fff; padding: 0.75rem 1.5rem; }
header h1 { margin: 0; font-size: 1.25rem; }
main { padding: 1.5rem; max-width: 60rem; }
ul { list-style: none; padding: 0; }
li { padding: 0.5rem 0; border-bottom: 1px solid #ddd; }
a { color: #1d3b5c; font-weight: 600; }
</style>
</head>
<body>
<header><h1>Pejling</h1></header>
<main>
<h2>Udvalg</h2>
<ul>LIST</ul>
</main>
<script>
requestAnimationFrame(() => setTimeout(() => performance.mark("pejling:data"), 0));
</script>
</body>
</html>
"#;

fn page() -> String {
    let items: String = (1..=20)
        .map(|i| {
            format!(r##"<li><a class="committee-link" href="#/committees/{i}">Udvalg nr. {i}</a> · 12 møder</li>"##)
        })
        .collect();
    PAGE.replace("LIST", &items)
}

fn main() {
    pejling_app::set_webkit_defaults();
    let html = page();
    tauri::Builder::default()
        .register_uri_scheme_protocol("floor", move |_ctx, _request| {
            tauri::http::Response::builder()
                .header("content-type", "text/html; charset=utf-8")
                .body(html.clone().into_bytes())
                .expect("a static response")
        })
        .setup(|app| {
            let url = tauri::WebviewUrl::CustomProtocol("floor://localhost/".parse().expect("a URL"));
            let window = tauri::WebviewWindowBuilder::new(app, "main", url)
                .title("Pejling")
                .inner_size(1200.0, 800.0)
                .build()?;
            #[cfg(target_os = "linux")]
            pejling_app::show_page_when_loaded(&window);
            #[cfg(not(target_os = "linux"))]
            let _ = window;
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the launch floor runs");
}
