//! Tests of the Yuma pallet against the real Subnets and Staking pallets. Every test ends
//! with the `try_state` of all three (through `mock::test`).

use crate::{mock::*, *};
use frame_support::{assert_ok, weights::Weight};

mod payout;
mod schedule;
