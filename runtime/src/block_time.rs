//! # BlockTime pallet
//!
//! Holds the chain's slot duration, set once in genesis. Aura reads it as its slot duration
//! and Timestamp uses half of it as the minimum period between blocks, so one Wasm runtime
//! serves both the 250 ms development chain and the 6 s local testnet: the chain spec, not a
//! build feature, decides the block time.
//!
//! The value has no setter on purpose: changing the slot duration of a running Aura chain
//! would stop block production.

pub use pallet::*;

#[frame_support::pallet]
pub mod pallet {
	use frame_support::pallet_prelude::*;

	#[pallet::pallet]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet: nothing beyond `frame_system`.
	#[pallet::config]
	pub trait Config: frame_system::Config {}

	/// The slot duration used when genesis does not set one.
	#[pallet::type_value]
	pub fn DefaultSlotDuration() -> u64 {
		crate::DEFAULT_SLOT_DURATION_MS
	}

	/// The slot (target block) duration in milliseconds, fixed at genesis.
	#[pallet::storage]
	pub type SlotDuration<T> = StorageValue<_, u64, ValueQuery, DefaultSlotDuration>;

	/// Genesis: the slot duration of this chain.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Slot duration in milliseconds; 0 means the default (6000). Must be even.
		pub slot_duration: u64,
		#[serde(skip)]
		pub _config: core::marker::PhantomData<T>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if self.slot_duration != 0 {
				assert!(
					self.slot_duration >= 2 && self.slot_duration.is_multiple_of(2),
					"blockTime.slotDuration must be an even number of milliseconds >= 2",
				);
				SlotDuration::<T>::put(self.slot_duration);
			}
		}
	}

	impl<T: Config> Pallet<T> {
		/// The slot duration in milliseconds.
		pub fn slot_duration() -> u64 {
			SlotDuration::<T>::get()
		}
	}
}

/// `Get` for Aura's `SlotDuration`: the stored slot duration.
pub struct SlotDurationOf<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Get<u64> for SlotDurationOf<T> {
	fn get() -> u64 {
		Pallet::<T>::slot_duration()
	}
}

/// `Get` for Timestamp's `MinimumPeriod`: half the slot duration.
pub struct MinimumPeriodOf<T>(core::marker::PhantomData<T>);
impl<T: Config> frame_support::traits::Get<u64> for MinimumPeriodOf<T> {
	fn get() -> u64 {
		Pallet::<T>::slot_duration() / 2
	}
}
