//! Parses and validates `assets/*.ron` at build time and stores the knowledge base in a compact
//! binary form for the binary to load at start-up. A broken asset fails the build with the
//! parser's or the validator's message.

#[allow(
    dead_code,
    reason = "the build script uses only the parsing half of the types"
)]
#[path = "src/knowledge/briefs.rs"]
mod briefs;
#[allow(
    dead_code,
    reason = "the build script uses only the parsing half of the types"
)]
#[path = "src/knowledge/condition.rs"]
mod condition;
#[allow(
    dead_code,
    reason = "the build script uses only the parsing half of the types"
)]
#[path = "src/knowledge/meta.rs"]
mod meta;
#[allow(dead_code, reason = "the knowledge types' messages use part of it")]
#[path = "src/numbers.rs"]
mod numbers;
#[allow(dead_code, reason = "the knowledge types' messages use part of it")]
#[path = "src/sanitize.rs"]
mod sanitize;
#[allow(
    dead_code,
    clippy::struct_field_names,
    reason = "the build script uses only the parsing half of the types; lints that see them as private do not apply"
)]
#[path = "src/knowledge/types.rs"]
mod types;

fn main() {
    for path in [
        "assets",
        "src/knowledge/types.rs",
        "src/knowledge/condition.rs",
        "src/knowledge/meta.rs",
        "src/knowledge/briefs.rs",
        "src/numbers.rs",
        "src/sanitize.rs",
    ] {
        println!("cargo::rerun-if-changed={path}");
    }
    let kb = match types::Knowledge::from_texts(
        types::QUESTIONS_RON,
        types::STRATEGIES_RON,
        types::CATALOG_RON,
        types::EVALUATION_RON,
    ) {
        Ok(kb) => kb,
        Err(e) => panic!("the knowledge base in assets/ is broken: {e}"),
    };
    let bytes = match postcard::to_allocvec(&kb) {
        Ok(bytes) => bytes,
        Err(e) => panic!("cannot encode the knowledge base: {e}"),
    };
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default());
    if let Err(e) = std::fs::write(out.join("knowledge.postcard"), bytes) {
        panic!("cannot write the compiled knowledge base: {e}");
    }
}
