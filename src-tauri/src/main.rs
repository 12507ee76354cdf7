#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
fn main() {
    // WebKitGTK composites the page on the GPU by default (on Xvfb, in Mesa's software GL):
    // its web process then took 235 MiB PSS of the app's 355 MiB; without it, 132 MiB of
    // 255 MiB (issue 20). Pejling's pages are forms and lists with no animation to speed up.
    // Set here, before any thread exists; a value the user set wins.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    pejling_app::run();
}
