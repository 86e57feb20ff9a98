//! The floor of the reader's stack, for `cargo xtask bench`: the least
//! Yew app that hydrates a build-time render (one component, one text).
//! Built as the reader is (release, wasm-bindgen, wasm-opt -Oz, the glue
//! minified) and weighed with the widget's render and stylesheet, it is
//! what any Yew widget with the same first paint downloads at least; the
//! bench reports it beside ours (`xtask/src/compare/floor.rs`), so the
//! distance to it is always in view. Never served or run.

#[cfg(target_arch = "wasm32")]
fn main() {
    use yew::prelude::*;

    #[component]
    fn Floor() -> Html {
        html! { <p>{ "The Kuril Islands dispute" }</p> }
    }

    yew::Renderer::<Floor>::new().hydrate();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
