// The UI's transport to the core. In the app, tauri-specta's generated `commands` call Tauri's
// IPC (`window.__TAURI_INTERNALS__.invoke`). Built with `--mode testhost`, the same calls go
// over HTTP to the test host (`cargo run --example testhost`), which serves the same commands
// on the real core: the browser tests never run an imitation of the core.

type Invoke = (cmd: string, args?: Record<string, unknown>) => Promise<unknown>;

/** Routes every command to `POST /api/<command>` on the page's own origin. */
export function installHttpTransport(): void {
  const invoke: Invoke = async (cmd, args = {}) => {
    const response = await fetch(`/api/${cmd}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(args ?? {}),
      credentials: "same-origin",
    });
    if (!response.ok) throw new Error(`${cmd}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { ok?: unknown; err?: unknown };
    // `err` is the core's ApiError, which tauri-specta hands on as the call's error.
    if ("err" in body) throw body.err;
    return body.ok;
  };
  const label = location.hash.startsWith("#/room/") ? "room" : "main";
  (window as unknown as { __TAURI_INTERNALS__: unknown }).__TAURI_INTERNALS__ = {
    invoke,
    transformCallback: () => 0,
    metadata: { currentWindow: { label }, currentWebview: { windowLabel: label, label } },
  };
}
