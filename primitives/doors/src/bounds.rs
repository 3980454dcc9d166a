//! Bounds and constants more than one room relies on. Each is defined here once.

use sp_runtime::traits::ConstU32;

/// One MYL in base units (the token has 9 decimals).
pub const MYL: u128 = 1_000_000_000;

/// The most neurons a subnet can ever hold (the upper bound of `max_allowed_uids`).
pub const MAX_UIDS: u16 = 4096;

/// Most subnets that can exist at once (the highest `SubnetLimit` root may set). It bounds the
/// search for a free netuid in `register_network`, and every per-hotkey loop over subnets.
pub const MAX_SUBNETS: u16 = 1024;

/// [`MAX_UIDS`] as a type, for `BoundedVec`s with one entry per uid.
pub type MaxUids = ConstU32<{ MAX_UIDS as u32 }>;

/// The longest accepted axon URL, in bytes.
pub const MAX_URL_LEN: u32 = 256;

/// The highest tempo (blocks between two epochs of a subnet).
pub const MAX_TEMPO: u16 = 50_400;

/// The highest `commit_reveal_period`, in epochs.
pub const MAX_COMMIT_REVEAL_PERIOD: u32 = 100;
