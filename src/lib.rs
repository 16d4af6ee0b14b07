//! certwise: decide whether an AI certification is worth it for you, and what to build instead or
//! alongside. The library holds the engine (knowledge, interview, advisor) and the front ends.

pub mod advisor;
pub mod cli;
pub mod compare;
pub mod evaluate;
pub mod interview;
pub mod knowledge;
pub mod numbers;
pub mod postings;
pub mod progress;
pub mod render;
pub mod sanitize;
pub mod store;
pub mod tui;
pub mod user_catalog;
