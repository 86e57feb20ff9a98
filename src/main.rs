//! Trunk's entry point, the reader's wasm: the host glue (`host/`) mounts
//! the widget of the library (`kuril_widget`) into the page and exports
//! `mount` for the `<kuril-widget>` element.

#[cfg(target_arch = "wasm32")]
mod host;

fn main() {
    #[cfg(target_arch = "wasm32")]
    host::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "kuril-widget runs in the browser: `cargo xtask serve` builds it and serves the demo page."
    );
}
