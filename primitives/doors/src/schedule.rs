//! The epoch schedule: the one definition of "epoch" every room uses.
//!
//! The Yuma pallet runs each subnet's epochs and keeps, per subnet, the block of its last
//! epoch and the index of the current one ([`EpochState`]); the Weights pallet opens and closes
//! commit-reveal windows by that index; the runtime API reports both; clients read them from
//! `subnets_list`. The rules:
//!
//! - **Phase.** When Yuma first sees a subnet at block `b`, its last epoch is set to
//!   `b − (netuid mod tempo)` ([`first_epoch_block`]), so subnets with the same tempo spread
//!   their epochs over different blocks.
//! - **Due.** An epoch is due at block `now` when `now − last ≥ tempo` ([`is_due`]).
//! - **Deferred.** Due epochs run in `on_initialize`, most overdue first, while they fit the
//!   block's epoch budget; an epoch that does not fit stays due and runs in a later block. The
//!   schedule continues from the block the epoch actually ran.
//! - **Index.** A subnet's epoch index is 0 from the block it is first scheduled and grows by
//!   one at each block whose `on_initialize` ran its epoch: that block is the first block of
//!   the new epoch, so extrinsics in it already belong to the new epoch.
//! - **Next.** The next epoch is due at `last + tempo`, or at the next block when it is
//!   already due and was deferred ([`next_epoch_block`]).

use codec::{Decode, Encode, MaxEncodedLen};
use scale_info::TypeInfo;

/// Where a subnet stands in its schedule.
#[derive(Encode, Decode, Clone, Copy, PartialEq, Eq, Debug, Default, TypeInfo, MaxEncodedLen)]
pub struct EpochState {
	/// The block of the last epoch (the phase before the first one).
	pub last_block: u64,
	/// The index of the current epoch.
	pub index: u64,
}

/// The last-epoch block given to `netuid` when it is first scheduled at block `seen_at`.
pub fn first_epoch_block(netuid: u16, tempo: u16, seen_at: u64) -> u64 {
	seen_at.saturating_sub(u64::from(netuid) % u64::from(tempo.max(1)))
}

/// Whether an epoch is due at `now` for a subnet whose last epoch ran at `last`.
pub fn is_due(last: u64, tempo: u16, now: u64) -> bool {
	now.saturating_sub(last) >= u64::from(tempo.max(1))
}

/// The block at which the next epoch is due, as seen at block `now` (after its
/// `on_initialize`): `last + tempo`, or `now + 1` when that has passed (the epoch was deferred).
pub fn next_epoch_block(last: u64, tempo: u16, now: u64) -> u64 {
	last.saturating_add(u64::from(tempo.max(1))).max(now.saturating_add(1))
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn phases_are_staggered_by_netuid() {
		assert_eq!(first_epoch_block(1, 10, 100), 99);
		assert_eq!(first_epoch_block(2, 10, 100), 98);
		assert_eq!(first_epoch_block(12, 10, 100), 98);
		assert_eq!(first_epoch_block(3, 10, 1), 0);
		// A zero tempo counts as 1: every netuid is in phase 0.
		assert_eq!(first_epoch_block(7, 0, 50), 50);
	}

	#[test]
	fn due_after_tempo_blocks_and_next_block_when_deferred() {
		assert!(!is_due(98, 10, 107));
		assert!(is_due(98, 10, 108));
		assert!(is_due(98, 10, 120));
		assert_eq!(next_epoch_block(98, 10, 100), 108);
		assert_eq!(next_epoch_block(98, 10, 107), 108);
		// Due at 108 but deferred: it runs at the earliest in the next block.
		assert_eq!(next_epoch_block(98, 10, 108), 109);
		assert_eq!(next_epoch_block(98, 10, 111), 112);
	}
}
