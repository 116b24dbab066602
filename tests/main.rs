//! The integration tests, as one test binary: each file of `tests/` is a
//! module here, so that `cargo test` compiles and links one executable
//! rather than one a file (`autotests = false` in Cargo.toml).

mod common;

mod actions;
mod bad_input;
mod bad_rules;
mod counters;
mod court;
mod deals;
mod html;
mod map_reduce;
mod markdown;
mod measures;
mod new_user;
mod properties;
mod regression;
mod review;
mod rules;
mod snapshots;
mod spanish;
mod stories;
mod two_stories;
