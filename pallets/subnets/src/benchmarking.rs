//! Benchmarks of the subnets pallet (frame_benchmarking v2), each in its worst case.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::Pallet as Subnets;
use alloc::vec::Vec;
use frame_benchmarking::v2::*;
use frame_support::{traits::fungible::Mutate, weights::Weight, BoundedVec};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_runtime::{traits::Zero, SaturatedConversion};

const SEED: u32 = 0;

/// An account holding a billion MYL.
fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::Currency::set_balance(&who, (1_000_000_000 * MYL).saturated_into());
	who
}

/// A URL of the largest accepted size.
fn longest_url() -> Vec<u8> {
	let mut url = b"https://".to_vec();
	url.resize(MAX_URL_LEN as usize, b'a');
	url
}

/// Move to a block where every decaying value has moved a little.
fn set_block<T: Config>(block: u32) {
	frame_system::Pallet::<T>::set_block_number(BlockNumberFor::<T>::from(block));
}

/// A subnet owned by a funded account, with room for `max` neurons, no immunity, and `n`
/// neurons (uid 0 included), each serving an axon of the largest size.
fn subnet_with<T: Config>(max: u16, n: u16) -> (u16, T::AccountId) {
	let owner = funded::<T>("owner", 0);
	let hotkeys: Vec<T::AccountId> = (0..n.max(1))
		.map(|i| {
			if i == 0 {
				account("hotkey", 0, SEED)
			} else {
				account("neuron", u32::from(i), SEED)
			}
		})
		.collect();
	let netuid = Subnets::<T>::benchmark_subnet(&owner, max, &hotkeys);
	let now = frame_system::Pallet::<T>::block_number();
	let url = AxonUrl::try_from(longest_url()).expect("fits");
	for uid in 0..n {
		Subnets::<T>::put_axon(netuid, uid, AxonInfo { url: url.clone(), block: now });
	}
	(netuid, owner)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// Worst case: the netuids `1..=s` are taken, so the search for a free one probes `s + 1`.
	#[benchmark]
	fn register_network(s: Linear<0, { MAX_SUBNETS as u32 - 1 }>) -> Result<(), BenchmarkError> {
		SubnetLimit::<T>::put(MAX_SUBNETS);
		let other = funded::<T>("other", 0);
		for netuid in 1..=s as u16 {
			// Minimal, consistent subnets without neurons and with a zero lock.
			SubnetOwner::<T>::insert(netuid, &other);
			SubnetOwnerHotkey::<T>::insert(netuid, &other);
			SubnetLocked::<T>::insert(netuid, BalanceOf::<T>::zero());
			Hyperparams::<T>::insert(netuid, SubnetHyperparams::<BalanceOf<T>>::with_tempo(360));
			let base: BalanceOf<T> = INITIAL_BURN.saturated_into();
			let since: BlockNumberFor<T> = 0u32.into();
			BurnPrice::<T>::insert(netuid, BurnState { base, since });
			NetworkRegisteredAt::<T>::insert(netuid, since);
		}
		set_block::<T>(10);
		let caller: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&caller, (1_000_000_000 * MYL).saturated_into());
		let hotkey: T::AccountId = account("hotkey", 1, SEED);
		let netuid = s as u16 + 1;

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), hotkey);

		assert_eq!(SubnetOwner::<T>::get(netuid), Some(caller));
		Ok(())
	}

	/// `SubnetLimit = s` subnets exist, none immune: every subnet's share and registration
	/// block is read, and the one pruned has 4096 neurons, each with an axon (dissolved as by
	/// `dissolve_network`), before the new subnet is registered.
	#[benchmark]
	fn register_network_pruning(
		s: Linear<1, { MAX_SUBNETS as u32 }>,
	) -> Result<(), BenchmarkError> {
		SubnetLimit::<T>::put(s as u16);
		NetworkImmunityPeriod::<T>::put(1);
		let other = funded::<T>("other", 0);
		let since: BlockNumberFor<T> = 0u32.into();
		for netuid in 1..=s as u16 {
			SubnetOwner::<T>::insert(netuid, &other);
			SubnetOwnerHotkey::<T>::insert(netuid, &other);
			SubnetLocked::<T>::insert(netuid, BalanceOf::<T>::zero());
			let mut params = SubnetHyperparams::<BalanceOf<T>>::with_tempo(360);
			params.max_allowed_uids = MAX_UIDS;
			Hyperparams::<T>::insert(netuid, params);
			let base: BalanceOf<T> = INITIAL_BURN.saturated_into();
			BurnPrice::<T>::insert(netuid, BurnState { base, since });
			NetworkRegisteredAt::<T>::insert(netuid, since);
		}
		set_block::<T>(10);
		let victim = Subnets::<T>::network_to_prune().ok_or(BenchmarkError::Stop("no victim"))?;
		let hotkeys: Vec<T::AccountId> =
			(0..u32::from(MAX_UIDS)).map(|i| account("pruned", i, SEED)).collect();
		for hotkey in &hotkeys {
			Subnets::<T>::take_hotkey(hotkey, &other);
		}
		Subnets::<T>::append_neurons(victim, &hotkeys, 1u32.into());
		let url = AxonUrl::try_from(longest_url()).expect("fits");
		for uid in 0..MAX_UIDS {
			Subnets::<T>::put_axon(victim, uid, AxonInfo { url: url.clone(), block: since });
		}
		let caller: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&caller, (1_000_000_000 * MYL).saturated_into());
		let hotkey: T::AccountId = account("hotkey", 1, SEED);

		#[extrinsic_call]
		register_network(RawOrigin::Signed(caller.clone()), hotkey);

		assert!(!SubnetOwner::<T>::contains_key(victim));
		assert!(Dissolving::<T>::contains_key(victim));
		assert_eq!(SubnetOwner::<T>::count(), s);
		Ok(())
	}

	/// Worst case: `n` neurons, each with an axon (cleared later: `clear_dissolved`).
	#[benchmark]
	fn dissolve_network(n: Linear<1, { MAX_UIDS as u32 }>) -> Result<(), BenchmarkError> {
		set_block::<T>(10);
		let (netuid, owner) = subnet_with::<T>(MAX_UIDS, n as u16);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid);

		assert!(!SubnetOwner::<T>::contains_key(netuid));
		assert!(!Hotkeys::<T>::contains_key(netuid));
		assert!(Dissolving::<T>::contains_key(netuid));
		Ok(())
	}

	/// Every variant costs the same: read the owner, the hyperparameters and `n`, write one
	/// value. The owner path does one more check than root.
	#[benchmark]
	fn set_hyperparameter() -> Result<(), BenchmarkError> {
		set_block::<T>(10);
		let (netuid, owner) = subnet_with::<T>(256, 1);

		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid, Hyperparameter::Tempo(100));

		assert_eq!(Hyperparams::<T>::get(netuid).map(|p| p.tempo), Some(100));
		Ok(())
	}

	/// Worst case: a full subnet of `n` neurons, none immune: every neuron is scanned and one
	/// is pruned (with its axon) to make room.
	#[benchmark]
	fn burned_register(n: Linear<2, { MAX_UIDS as u32 }>) -> Result<(), BenchmarkError> {
		set_block::<T>(10);
		let (netuid, _) = subnet_with::<T>(n as u16, n as u16);
		set_block::<T>(20);
		let caller: T::AccountId = whitelisted_caller();
		T::Currency::set_balance(&caller, (1_000_000_000 * MYL).saturated_into());
		let hotkey: T::AccountId = account("new", 0, SEED);

		#[extrinsic_call]
		_(RawOrigin::Signed(caller.clone()), netuid, hotkey.clone());

		assert_eq!(SubnetworkN::<T>::get(netuid), n as u16);
		assert!(Uids::<T>::contains_key(netuid, &hotkey));
		assert_eq!(HotkeyOwner::<T>::get(&hotkey), Some(caller));
		Ok(())
	}

	/// Worst case: the longest URL, replacing an existing axon, in a full page of uids serving
	/// the longest URLs.
	#[benchmark]
	fn serve_axon() -> Result<(), BenchmarkError> {
		set_block::<T>(10);
		let (netuid, _) = subnet_with::<T>(256, NEURON_PAGE);
		let hotkey: T::AccountId = account("hotkey", 0, SEED);
		set_block::<T>(10_000);
		let url = longest_url();

		#[extrinsic_call]
		_(RawOrigin::Signed(hotkey), netuid, url.clone());

		let served = Subnets::<T>::neuron_entry(netuid, 0).and_then(|entry| entry.axon);
		assert_eq!(served.map(|axon| axon.url.into_inner()), Some(url));
		Ok(())
	}

	/// One step of the migration to storage version 1 (`migrations::v1`): `k` uids of a subnet
	/// moved from the old layout onto its columns, which already hold `s` uids, then nothing
	/// left found. (Each up to half of 4096, so that the two vary independently.)
	#[benchmark]
	fn migrate_v1_step(
		s: Linear<0, { MAX_UIDS as u32 / 2 }>,
		k: Linear<1, { MAX_UIDS as u32 / 2 }>,
	) {
		use crate::migrations::v1::{self, MigrateV0ToV1};
		use frame_support::migrations::SteppedMigration;
		set_block::<T>(10);
		let (netuid, _) = subnet_with::<T>(MAX_UIDS, (s + k) as u16);
		v1::to_old_layout::<T>(netuid);
		// The first `s` uids already moved.
		let mut hotkeys = Vec::new();
		let mut blocks = Vec::new();
		for uid in 0..s as u16 {
			hotkeys.push(v1::Keys::<T>::take(netuid, uid).expect("in the old layout"));
			blocks.push(v1::RegisteredAt::<T>::take(netuid, uid).expect("in the old layout"));
		}
		Hotkeys::<T>::insert(netuid, BoundedVec::truncate_from(hotkeys));
		RegistrationBlocks::<T>::insert(netuid, BoundedVec::truncate_from(blocks));
		let mut meter = frame_support::weights::WeightMeter::new();

		#[block]
		{
			let _ = MigrateV0ToV1::<T>::step(None, &mut meter);
		}

		assert_eq!(Hotkeys::<T>::get(netuid).len(), (s + k) as usize);
		assert!(v1::old_layout_is_empty::<T>());
	}

	/// One page of the migration to storage version 3 (`migrations::v3`): 64 uids of a full
	/// subnet (its hotkey column read whole), each serving the longest URL, moved from the old
	/// layout into their page.
	#[benchmark]
	fn migrate_v3_page() {
		use crate::migrations::v3;
		set_block::<T>(10);
		let (netuid, _) = subnet_with::<T>(MAX_UIDS, MAX_UIDS);
		v3::to_old_layout::<T>(netuid);

		#[block]
		{
			v3::migrate_page::<T>(netuid, 0);
		}

		assert_eq!(NeuronPages::<T>::get(netuid, 0).len(), usize::from(NEURON_PAGE));
		assert!(v3::Axons::<T>::get(netuid, 0).is_none());
	}

	/// `on_idle` clearing about `k` per-uid values a dissolved subnet left (the uids and axons
	/// of `k / 2` neurons), with the weight to clear them all.
	#[benchmark]
	fn clear_dissolved(k: Linear<0, { 2 * MAX_UIDS as u32 }>) -> Result<(), BenchmarkError> {
		set_block::<T>(10);
		let (netuid, owner) = subnet_with::<T>(MAX_UIDS, (k / 2).max(1) as u16);
		Subnets::<T>::dissolve_network(RawOrigin::Signed(owner).into(), netuid)
			.map_err(|_| BenchmarkError::Stop("dissolve"))?;

		#[block]
		{
			Subnets::<T>::clear_dissolved_with(Weight::MAX);
		}

		assert!(!Dissolving::<T>::contains_key(netuid));
		assert_eq!(Uids::<T>::iter_prefix(netuid).count(), 0);
		Ok(())
	}

	#[benchmark]
	fn set_network_parameter() -> Result<(), BenchmarkError> {
		#[extrinsic_call]
		_(RawOrigin::Root, NetworkParameter::SubnetLimit(MAX_SUBNETS));

		assert_eq!(SubnetLimit::<T>::get(), MAX_SUBNETS);
		Ok(())
	}

	impl_benchmark_test_suite!(Subnets, crate::mock::new_test_ext(), crate::mock::Test);
}
