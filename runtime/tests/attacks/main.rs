//! The threat model, one attack a file, each at the level where it happens (the real runtime
//! here; the transaction pool in the e2e tests). Listed in `docs/protocol.md`, "Guarantees".

#[path = "../common/mod.rs"]
mod common;

mod commits_from_anyone;
mod emission_farming;
mod free_block_filling;
mod jit_stake;
mod owner_disables_subnet;
mod pot_donation;
mod price_front_running;
mod rows_that_never_leave;
mod take_front_running;
mod unbounded_salt;
