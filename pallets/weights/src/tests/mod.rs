//! Tests of the weights pallet against the real Subnets pallet. Every test ends with the
//! `try_state` of both (through `mock::test`).

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use pallet_subnets::Hyperparameter as H;

mod commit_reveal;
mod property;
mod set_weights;
