//! The doors of the Yuma room: what it reads from the Weights pallet, and what it offers the
//! other pallets (validator permits).

use alloc::vec::Vec;

/// The weights an epoch reads, implemented by the Weights pallet. `()` stands for a chain
/// where nobody sets weights (every row empty, every `last_update` 0).
pub trait WeightsSource {
	/// One weight row per uid in `0..n`: `(uid, weight)` pairs, as stored.
	fn weight_rows(netuid: u16, n: u16) -> Vec<Vec<(u16, u16)>>;
	/// The block of each uid's last weight update, one entry per uid in `0..n` (0 if never).
	fn last_updates(netuid: u16, n: u16) -> Vec<u64>;
	/// How many weight entries `netuid` stores, to weigh its epoch before running it.
	fn entries(netuid: u16) -> u32;
}

impl WeightsSource for () {
	fn weight_rows(_netuid: u16, n: u16) -> Vec<Vec<(u16, u16)>> {
		alloc::vec![Vec::new(); usize::from(n)]
	}
	fn last_updates(_netuid: u16, n: u16) -> Vec<u64> {
		alloc::vec![0; usize::from(n)]
	}
	fn entries(_netuid: u16) -> u32 {
		0
	}
}

/// Which uids hold a validator permit (handed out at each epoch, by stake). Read by the
/// Weights pallet: only permitted validators may set weights.
pub trait ValidatorPermits {
	/// Whether `uid` of `netuid` got a validator permit at the subnet's last epoch.
	fn has_permit(netuid: u16, uid: u16) -> bool;
}
