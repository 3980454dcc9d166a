//! Tests of the staking pallet, split by concern. Every test ends with
//! `Staking::do_try_state()` (through `mock::test`).

use crate::{mock::*, *};

mod property;
mod rewards;
mod stake;
mod take;
mod warmup;
