//! `CheckHotkeyCalls`: keeps the feeless hotkey calls from being free spam.
//!
//! Hotkeys usually hold no funds, so `Subnets::serve_axon`, `Weights::set_weights`,
//! `commit_weights`, `reveal_weights` and `Root::set_weights` cost no fee (`Pays::No`). In exchange, this transaction
//! extension refuses such a call in the transaction pool unless it would succeed: it never
//! takes block space for free. The refusal is an `InvalidTransaction::Custom(code)` with the
//! codes of [`pallet_subnets::pool_codes`] (1 not registered, 2 rate-limited, 3 bad URL) and
//! [`pallet_weights::pool_codes`] (11 not registered, 12 rate-limited, 13 no validator permit,
//! 14 invalid row, 15 wrong commit-reveal mode, 16 no matching commit in its window), and
//! `Root::set_weights` with [`pallet_root::pool_codes`] (21 not a root validator, 22
//! rate-limited, 23 invalid row).
//!
//! Wrapped calls (in `Utility::batch`, `Sudo::sudo`) are not feeless: their wrapper pays.
//!
//! Two more limits keep a hotkey from filling blocks for free:
//!
//! - **One of a kind in the pool.** Each feeless call `provides` the tag (kind, netuid,
//!   hotkey), so the pool holds at most one `serve_axon`, one `set_weights`, one
//!   `commit_weights` and one `reveal_weights` of a hotkey per subnet (one root `set_weights`)
//!   at a time: a second one is refused (`1014 Priority is too low`) until the first is
//!   included. In a block, the rate limits (at least one block, whatever the owner sets) refuse
//!   a second call of a kind.
//! - **A quarter of the block.** All feeless calls of a block together take at most
//!   [`FEELESS_SHARE`] of the block's weight and of its length; a feeless call that would pass
//!   it waits in the pool for a later block (`ExhaustsResources`).

use crate::{
	configs::{RuntimeBlockLength, RuntimeBlockWeights},
	BlockNumber, Root, Runtime, RuntimeCall, Subnets, System, Weights,
};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo},
	pallet_prelude::TransactionSource,
	traits::Get,
	weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, TransactionExtension},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
	Perbill,
};

/// The share of a block's weight and of its length that all feeless hotkey calls of the block
/// may take together: a quarter (on the development chain 31.25 ms of its 125 ms and 1.25 MiB
/// of its 5 MiB).
pub const FEELESS_SHARE: Perbill = Perbill::from_percent(25);

/// What the feeless calls of a block used: `(block, ref_time, length)`; a value of an older
/// block means nothing was used in this one. Kept by [`CheckHotkeyCalls`] only.
#[frame_support::storage_alias]
pub type FeelessUsed = StorageValue<CheckHotkeyCalls, (BlockNumber, u64, u32)>;

/// The feeless hotkey call `call` is, as `(kind, netuid)` for its pool tag; `None` for every
/// other call.
fn feeless_kind(call: &RuntimeCall) -> Option<(u8, u16)> {
	match call {
		RuntimeCall::Subnets(pallet_subnets::Call::serve_axon { netuid, .. }) => Some((0, *netuid)),
		RuntimeCall::Weights(pallet_weights::Call::set_weights { netuid, .. }) => {
			Some((1, *netuid))
		},
		RuntimeCall::Weights(pallet_weights::Call::commit_weights { netuid, .. }) => {
			Some((2, *netuid))
		},
		RuntimeCall::Weights(pallet_weights::Call::reveal_weights { netuid, .. }) => {
			Some((3, *netuid))
		},
		RuntimeCall::Root(pallet_root::Call::set_weights { .. }) => Some((4, 0)),
		_ => None,
	}
}

/// The most weight (ref time) and length all feeless calls of a block may take.
pub fn feeless_limits() -> (u64, u32) {
	let weight = FEELESS_SHARE * RuntimeBlockWeights::get().max_block.ref_time();
	// The whole block's length: the operational class may use all of it.
	let length = FEELESS_SHARE * *RuntimeBlockLength::get().max.get(DispatchClass::Operational);
	(weight, length)
}

/// The transaction extension; see the module docs. It carries no data.
#[derive(Clone, Default, Eq, PartialEq, Encode, Decode, DecodeWithMemTracking, TypeInfo)]
pub struct CheckHotkeyCalls;

impl core::fmt::Debug for CheckHotkeyCalls {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckHotkeyCalls")
	}
}

impl TransactionExtension<RuntimeCall> for CheckHotkeyCalls {
	const IDENTIFIER: &'static str = "CheckHotkeyCalls";
	type Implicit = ();
	type Val = ();
	type Pre = ();

	fn weight(&self, call: &RuntimeCall) -> Weight {
		// The block's feeless budget: `FeelessUsed`, read and written in `prepare`.
		let budget = if feeless_kind(call).is_some() {
			<Runtime as frame_system::Config>::DbWeight::get().reads_writes(1, 1)
		} else {
			Weight::zero()
		};
		budget.saturating_add(match call {
			// Hyperparams, Uids and Axons of the subnet.
			RuntimeCall::Subnets(pallet_subnets::Call::serve_axon { .. }) => {
				<Runtime as frame_system::Config>::DbWeight::get().reads(3)
			},
			// The call's own checks, run once more in the pool.
			RuntimeCall::Weights(call) => call.get_dispatch_info().call_weight,
			RuntimeCall::Root(call @ pallet_root::Call::set_weights { .. }) => {
				call.get_dispatch_info().call_weight
			},
			_ => Weight::zero(),
		})
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
		_self_implicit: (),
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> sp_runtime::traits::ValidateResult<(), RuntimeCall> {
		if let RuntimeCall::Subnets(pallet_subnets::Call::serve_axon { netuid, url }) = call {
			let hotkey = origin.as_system_origin_signer().ok_or(InvalidTransaction::BadSigner)?;
			Subnets::pool_check_serve_axon(*netuid, hotkey, url)
				.map_err(InvalidTransaction::Custom)?;
		}
		if let RuntimeCall::Weights(call) = call {
			let hotkey = origin.as_system_origin_signer().ok_or(InvalidTransaction::BadSigner)?;
			Weights::pool_check(hotkey, call).map_err(InvalidTransaction::Custom)?;
		}
		if let RuntimeCall::Root(call @ pallet_root::Call::set_weights { .. }) = call {
			let hotkey = origin.as_system_origin_signer().ok_or(InvalidTransaction::BadSigner)?;
			Root::pool_check(hotkey, call).map_err(InvalidTransaction::Custom)?;
		}
		let mut valid = ValidTransaction::default();
		if let Some((kind, netuid)) = feeless_kind(call) {
			let hotkey = origin.as_system_origin_signer().ok_or(InvalidTransaction::BadSigner)?;
			valid.provides.push((b"myelin/feeless", kind, netuid, hotkey).encode());
		}
		Ok((valid, (), origin))
	}

	fn prepare(
		self,
		_val: (),
		_origin: &DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<(), TransactionValidityError> {
		if feeless_kind(call).is_none() {
			return Ok(());
		}
		let now = System::block_number();
		let (weight, length) = match FeelessUsed::get() {
			Some((block, weight, length)) if block == now => (weight, length),
			_ => (0, 0),
		};
		let weight = weight.saturating_add(info.total_weight().ref_time());
		let length = length.saturating_add(u32::try_from(len).unwrap_or(u32::MAX));
		let (max_weight, max_length) = feeless_limits();
		if weight > max_weight || length > max_length {
			return Err(InvalidTransaction::ExhaustsResources.into());
		}
		FeelessUsed::put((now, weight, length));
		Ok(())
	}
}
