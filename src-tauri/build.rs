// The command list (`src/api/commands.rs`, one declaration per command) is the only place a
// command is named. From it this script derives the app manifest — every command needs an
// explicit `allow-…` permission, so a window can call only what its capability grants — and
// the capability files themselves: each command is granted to the windows its entry lists.

include!("../src/api/commands.rs");

macro_rules! command_windows {
    ($( $(#[$meta:meta])* fn $name:ident ( $ctx:ident $(, $arg:ident : $ty:ty)* $(,)? ) -> $ret:ty
        => [$($win:ident)*] $body:block )*) => {
        &[ $( (stringify!($name), &[$(stringify!($win)),*]) ),* ]
    };
}

macro_rules! command_names {
    ($( $(#[$meta:meta])* fn $name:ident ( $ctx:ident $(, $arg:ident : $ty:ty)* $(,)? ) -> $ret:ty
        => [$($win:ident)*] $body:block )*) => {
        &[ $( stringify!($name) ),* ]
    };
}

const COMMANDS: &[(&str, &[&str])] = with_commands!(command_windows);
const NAMES: &[&str] = with_commands!(command_names);

/// The windows, what each is for, and so which commands its capability grants.
const WINDOWS: &[(&str, &str)] = &[
    ("main", "The chair's and secretary's window: exactly the app's own commands and nothing else."),
    ("room", "The room's screen (projector window): reads what may be projected and nothing else."),
];

fn capability(window: &str, description: &str) -> String {
    let permissions: Vec<String> = COMMANDS
        .iter()
        .filter(|(_, windows)| windows.contains(&window))
        .map(|(name, _)| format!("    \"allow-{}\"", name.replace('_', "-")))
        .collect();
    format!(
        "{{\n  \"$schema\": \"../gen/schemas/desktop-schema.json\",\n  \"identifier\": \"{window}\",\n  \"description\": \"{description}\",\n  \"windows\": [\n    \"{window}\"\n  ],\n  \"permissions\": [\n{}\n  ]\n}}\n",
        permissions.join(",\n")
    )
}

fn main() {
    println!("cargo:rerun-if-changed=../src/api/commands.rs");
    for (name, windows) in COMMANDS {
        assert!(!windows.is_empty(), "command {name} names no window; mark it [internal] if none may call it");
    }
    for (window, description) in WINDOWS {
        let path = format!("capabilities/{window}.json");
        let text = capability(window, description);
        // Written only when it changed, so the build does not re-run for nothing.
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            std::fs::write(&path, text).expect("write a capability file");
        }
    }
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(NAMES)),
    )
    .expect("tauri build script");
}
