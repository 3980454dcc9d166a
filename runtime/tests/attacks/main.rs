//! The threat model, one attack a file, each at the level where it happens (the real runtime
//! here; the transaction pool in the e2e tests). Listed in `docs/protocol.md`, "Guarantees".

#[path = "../common/mod.rs"]
mod common;

mod commits_from_anyone;
mod emission_farming;
mod owner_disables_subnet;
mod unbounded_salt;
