//! The WASM entry: hydrates the HTML the server rendered. Nothing else lives here.
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Some routes load their code on demand (`cargo leptos build --split`): hydration may
    // have to wait for such a chunk before it can walk the page the server rendered.
    leptos::mount::hydrate_lazy(app::App);
}
