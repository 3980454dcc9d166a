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

use crate::{Root, Runtime, RuntimeCall, Subnets, Weights};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::GetDispatchInfo, pallet_prelude::TransactionSource, weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	impl_tx_ext_default,
	traits::{AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, TransactionExtension},
	transaction_validity::{InvalidTransaction, ValidTransaction},
};

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
		match call {
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
		}
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
		Ok((ValidTransaction::default(), (), origin))
	}

	impl_tx_ext_default!(RuntimeCall; prepare);
}
