//! The threat model, one attack a file, each at the level where it happens (the real runtime
//! here; the transaction pool in the e2e tests). Listed in `docs/protocol.md`, "Guarantees".

#[path = "../common/mod.rs"]
mod common;

use myelin_runtime::{AccountId, Runtime, RuntimeOrigin};

/// Dave registers a subnet with the hotkey `0xd0…`, as the first subnet of the dev chain: its
/// netuid.
fn daves_subnet() -> u16 {
	frame_support::assert_ok!(pallet_subnets::Pallet::<Runtime>::register_network(
		RuntimeOrigin::signed(sp_keyring::Sr25519Keyring::Dave.to_account_id()),
		AccountId::new([0xd0; 32])
	));
	pallet_subnets::SubnetOwner::<Runtime>::iter_keys().next().expect("the subnet exists")
}

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
