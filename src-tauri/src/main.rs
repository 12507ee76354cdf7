#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]
fn main() {
    pejling_app::set_webkit_defaults();
    pejling_app::run();
}
