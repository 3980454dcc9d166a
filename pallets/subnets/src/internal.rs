//! The rules behind the calls: prices, neuron bookkeeping, pruning, dissolution, hyperparameter
//! bounds and the storage invariants.

use crate::{
	math, migrations, AxonUrl, BalanceOf, BurnPrice, Config, Dissolving, Error, Event, HoldReason,
	HotkeyOwner, Hotkeys, Hyperparameter, Hyperparams, LockReductionInterval, MaxUids,
	NetworkImmunityPeriod, NetworkLock, NetworkMinLock, NetworkRegisteredAt, NeuronEmission,
	NeuronPages, OnNeuronRemoved, Pallet, RegistrationBlocks, SubnetHyperparams, SubnetLocked,
	SubnetOwner, SubnetOwnerHotkey, SubnetworkN, Uids, WeightInfo, MAX_BONDS_MOVING_AVERAGE,
	MAX_COMMIT_REVEAL_PERIOD, MAX_OWNER_IMMUNITY_PERIOD, MAX_TEMPO, MAX_UIDS, MIN_ALLOWED_UIDS,
	MIN_ALPHA_LOW,
};
use alloc::{collections::btree_map::BTreeMap, collections::btree_set::BTreeSet, vec::Vec};
use frame_support::{
	ensure,
	traits::{
		fungible::{InspectHold, MutateHold},
		tokens::Precision,
	},
	weights::{Weight, WeightMeter},
	BoundedVec,
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, SaturatedConversion, TryRuntimeError,
};

impl<T: Config> Pallet<T> {
	/// The lock `register_network` would hold now.
	pub fn network_lock_cost() -> BalanceOf<T> {
		let state = NetworkLock::<T>::get();
		let elapsed = Self::blocks_since(state.block);
		math::lock_cost(
			NetworkMinLock::<T>::get().saturated_into(),
			state.last_lock.saturated_into(),
			elapsed,
			LockReductionInterval::<T>::get(),
		)
		.saturated_into()
	}

	/// The price `burned_register` would burn on `netuid` now, or `None` for an unknown
	/// subnet.
	pub fn registration_price(netuid: u16) -> Option<BalanceOf<T>> {
		let params = Hyperparams::<T>::get(netuid)?;
		Some(Self::price_at(netuid, &params, frame_system::Pallet::<T>::block_number()))
	}

	/// The registration price of `netuid` at block `now`: the stored base halved continuously
	/// every `burn_half_life` blocks since it was set, clamped to `[min_burn, max_burn]`.
	pub(crate) fn price_at(
		netuid: u16,
		params: &SubnetHyperparams<BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) -> BalanceOf<T> {
		let decayed = match BurnPrice::<T>::get(netuid) {
			Some(state) => math::decay_half_life(
				state.base.saturated_into(),
				now.saturating_sub(state.since).saturated_into(),
				params.burn_half_life,
			),
			None => crate::INITIAL_BURN,
		};
		let decayed: BalanceOf<T> = decayed.saturated_into();
		decayed.clamp(params.min_burn, params.max_burn.max(params.min_burn))
	}

	/// Blocks from `then` to the current block (zero if `then` is in the future).
	fn blocks_since(then: BlockNumberFor<T>) -> u64 {
		frame_system::Pallet::<T>::block_number().saturating_sub(then).saturated_into()
	}

	/// `coldkey` may register `hotkey` when it owns it or nobody does.
	pub(crate) fn ensure_may_use_hotkey(
		coldkey: &T::AccountId,
		hotkey: &T::AccountId,
	) -> Result<(), Error<T>> {
		match HotkeyOwner::<T>::get(hotkey) {
			Some(owner) if owner != *coldkey => Err(Error::<T>::HotkeyOwnedByAnotherColdkey),
			_ => Ok(()),
		}
	}

	/// Give `hotkey` the next uid of `netuid` (which must have room); returns the uid.
	pub(crate) fn append_neuron(netuid: u16, hotkey: &T::AccountId, now: BlockNumberFor<T>) -> u16 {
		let uid = SubnetworkN::<T>::get(netuid);
		Self::put_neuron(netuid, uid, hotkey, now);
		SubnetworkN::<T>::insert(netuid, uid.saturating_add(1));
		uid
	}

	/// Give each of `hotkeys` the next uid of `netuid` in turn (which must have room for them
	/// all), registered at `now`: each column written once, for genesis and benchmark setups.
	pub(crate) fn append_neurons(netuid: u16, hotkeys: &[T::AccountId], now: BlockNumberFor<T>) {
		let mut column = Self::hotkeys(netuid);
		let mut blocks = Self::registration_blocks(netuid);
		for hotkey in hotkeys {
			Uids::<T>::insert(netuid, hotkey, column.len() as u16);
			column.push(hotkey.clone());
			blocks.push(now);
		}
		let start = SubnetworkN::<T>::get(netuid);
		Self::append_entries(netuid, start, hotkeys);
		SubnetworkN::<T>::insert(netuid, column.len().min(usize::from(MAX_UIDS)) as u16);
		Hotkeys::<T>::insert(netuid, BoundedVec::truncate_from(column));
		RegistrationBlocks::<T>::insert(netuid, BoundedVec::truncate_from(blocks));
	}

	/// Record `hotkey` as the holder of `uid` on `netuid` (at most `n`: a uid being refilled or
	/// the next one), registered at `now`.
	pub(crate) fn put_neuron(netuid: u16, uid: u16, hotkey: &T::AccountId, now: BlockNumberFor<T>) {
		Hotkeys::<T>::mutate(netuid, |column| set_uid(column, uid, hotkey.clone()));
		RegistrationBlocks::<T>::mutate(netuid, |column| set_uid(column, uid, now));
		Uids::<T>::insert(netuid, hotkey, uid);
		// Registration records the owner first (`take_hotkey`).
		let coldkey = HotkeyOwner::<T>::get(hotkey).unwrap_or_else(|| hotkey.clone());
		Self::put_entry(netuid, uid, coldkey);
	}

	/// Remove the neuron `uid` of `netuid`, emit `NeuronPruned` and tell the other pallets. Its
	/// uid stays counted in `n`: the caller gives it to the new holder ([`Self::put_neuron`])
	/// in the same call, which also replaces its coldkey and endpoint.
	pub(crate) fn prune_neuron(netuid: u16, uid: u16) {
		let Some(hotkey) = Self::hotkey_at(netuid, uid) else {
			log::error!(target: crate::LOG_TARGET, "pruning empty uid {uid} of subnet {netuid}");
			return;
		};
		Uids::<T>::remove(netuid, &hotkey);
		Self::deposit_event(Event::NeuronPruned { netuid, uid, hotkey: hotkey.clone() });
		T::OnNeuronRemoved::on_neuron_removed(netuid, uid, &hotkey);
	}

	/// The hotkeys of the uids `0..n` of `netuid`, indexed by uid. While the migration to
	/// storage version 1 runs, the uids it has not reached are read from the old layout.
	pub(crate) fn hotkeys(netuid: u16) -> Vec<T::AccountId> {
		let mut column = Hotkeys::<T>::get(netuid).into_inner();
		migrations::v1::complete::<T, _>(netuid, &mut column, migrations::v1::old_hotkey::<T>);
		column
	}

	/// The registration blocks of the uids `0..n` of `netuid`, indexed by uid (see
	/// [`Self::hotkeys`]).
	pub(crate) fn registration_blocks(netuid: u16) -> Vec<BlockNumberFor<T>> {
		let mut column = RegistrationBlocks::<T>::get(netuid).into_inner();
		migrations::v1::complete::<T, _>(netuid, &mut column, migrations::v1::old_block::<T>);
		column
	}

	/// The hotkey of `uid` on `netuid` (one read of the subnet's column).
	pub(crate) fn hotkey_at(netuid: u16, uid: u16) -> Option<T::AccountId> {
		Hotkeys::<T>::get(netuid)
			.get(usize::from(uid))
			.cloned()
			.or_else(|| migrations::v1::old_hotkey::<T>(netuid, uid))
	}

	/// The registration block of `uid` on `netuid` (one read of the subnet's column).
	pub(crate) fn registered_block(netuid: u16, uid: u16) -> Option<BlockNumberFor<T>> {
		RegistrationBlocks::<T>::get(netuid)
			.get(usize::from(uid))
			.copied()
			.or_else(|| migrations::v1::old_block::<T>(netuid, uid))
	}

	/// The uid to prune on the full subnet `netuid` (of `n` neurons) at block `now`: the lowest
	/// emission among the neurons whose immunity period has passed, then the oldest
	/// registration, then the lowest uid. `None` when every neuron is immune. Two reads: the
	/// registration blocks and the last epoch's emissions, each one column.
	pub(crate) fn prune_candidate(
		netuid: u16,
		n: u16,
		params: &SubnetHyperparams<BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) -> Option<u16> {
		let immunity = BlockNumberFor::<T>::from(params.immunity_period);
		let emissions = T::NeuronEmission::emissions(netuid);
		let blocks = Self::registration_blocks(netuid);
		let mut best: Option<(u64, BlockNumberFor<T>, u16)> = None;
		for (uid, registered) in blocks.into_iter().enumerate().take(usize::from(n)) {
			if now.saturating_sub(registered) < immunity {
				continue;
			}
			let emission = emissions.get(uid).copied().unwrap_or(0);
			let key = (emission, registered, uid as u16);
			if best.as_ref().is_none_or(|best| key < *best) {
				best = Some(key);
			}
		}
		best.map(|(_, _, uid)| uid)
	}

	/// Remove every value keyed by `netuid` and release its lock to `owner`; returns the amount
	/// released.
	/// The subnet `register_network` prunes when `SubnetLimit` is reached: the lowest emission
	/// share among the subnets whose `NetworkImmunityPeriod` has passed (ties: the oldest
	/// registration, then the lowest netuid); `None` when every subnet is immune.
	pub(crate) fn network_to_prune() -> Option<u16> {
		use myelin_doors::EmissionShares;
		let now = frame_system::Pallet::<T>::block_number();
		let immunity = BlockNumberFor::<T>::from(NetworkImmunityPeriod::<T>::get());
		let netuids = <Self as myelin_doors::SubnetsInterface<_, _>>::netuids();
		let shares = T::Shares::emission_shares(&netuids);
		netuids
			.into_iter()
			.zip(shares)
			.filter_map(|(netuid, share)| {
				let registered = NetworkRegisteredAt::<T>::get(netuid).unwrap_or_default();
				(now.saturating_sub(registered) >= immunity).then_some((share, registered, netuid))
			})
			.min()
			.map(|(_, _, netuid)| netuid)
	}

	pub(crate) fn remove_subnet(
		netuid: u16,
		owner: &T::AccountId,
	) -> Result<BalanceOf<T>, DispatchError> {
		let locked = SubnetLocked::<T>::take(netuid).unwrap_or_default();
		// `do_try_state` checks that exactly `locked` is held; best effort keeps a subnet
		// dissolvable even if something outside this pallet ever slashed the hold.
		let released = if locked.is_zero() {
			locked
		} else {
			T::Currency::release(
				&HoldReason::SubnetLock.into(),
				owner,
				locked,
				Precision::BestEffort,
			)?
		};
		if released != locked {
			log::warn!(
				target: crate::LOG_TARGET,
				"subnet {netuid}: released {released:?} of a lock of {locked:?}",
			);
		}
		SubnetOwner::<T>::remove(netuid);
		NetworkRegisteredAt::<T>::remove(netuid);
		SubnetOwnerHotkey::<T>::remove(netuid);
		Hyperparams::<T>::remove(netuid);
		BurnPrice::<T>::remove(netuid);
		SubnetworkN::<T>::remove(netuid);
		Hotkeys::<T>::remove(netuid);
		RegistrationBlocks::<T>::remove(netuid);
		// Uids, axons and the other pallets' per-uid values: `clear_dissolved_with`.
		Dissolving::<T>::insert(netuid, ());
		Ok(released)
	}

	/// Clear what dissolved subnets left, oldest netuid first, as long as `limit` allows;
	/// returns the weight used (never above `limit`). Each call clears each storage prefix at
	/// most once (repeated `clear_prefix` calls in one block would find the same keys).
	pub fn clear_dissolved_with(limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		// Finding a dissolving netuid (and removing nothing) costs `clear_dissolved(0)`.
		if !meter.can_consume(T::WeightInfo::clear_dissolved(0)) {
			return Weight::zero();
		}
		let Some(netuid) = Dissolving::<T>::iter_keys().next() else {
			meter.consume(T::WeightInfo::clear_dissolved(0));
			return meter.consumed();
		};
		// The most keys the meter allows: removing `k` costs `clear_dissolved(k)`.
		let fits = |k: u32| meter.can_consume(T::WeightInfo::clear_dissolved(k));
		let keys = math::largest_that_fits(0, MAX_KEYS_CLEARED_PER_BLOCK, fits);
		if keys == 0 {
			meter.consume(T::WeightInfo::clear_dissolved(0));
			return meter.consumed();
		}
		let removed = myelin_doors::clear_in_turn(
			keys,
			&[
				&|left| clear_uids::<T>(netuid, left),
				&|left| clear_pages::<T>(netuid, left),
				&|left| migrations::v3::clear_old_axons::<T>(netuid, left),
				&|left| T::OnNeuronRemoved::clear_dissolved(netuid, left),
			],
		);
		// Fewer than allowed: nothing is left (otherwise the next block goes on).
		let done = removed < keys;
		meter.consume(T::WeightInfo::clear_dissolved(removed));
		if done {
			Dissolving::<T>::remove(netuid);
			Self::deposit_event(Event::NetworkCleared { netuid });
		}
		meter.consumed()
	}

	/// The bounds an owner (not root) must keep so that its subnet stays usable by the
	/// current `n` neurons: rows must remain possible, registration must reopen.
	pub(crate) fn ensure_owner_keeps_subnet_usable(
		param: &Hyperparameter<BalanceOf<T>>,
		n: u16,
	) -> Result<(), Error<T>> {
		let n = n.max(1);
		match *param {
			Hyperparameter::MinAllowedWeights(min) => {
				ensure!(min <= n, Error::<T>::MinAllowedWeightsAboveNeuronCount)
			},
			Hyperparameter::MaxWeightLimit(limit) => {
				// A row weighting every uid equally has its largest share at 65535 / n.
				ensure!(limit >= u16::MAX / n, Error::<T>::MaxWeightLimitTooLow)
			},
			Hyperparameter::ImmunityPeriod(blocks) => {
				ensure!(blocks <= MAX_OWNER_IMMUNITY_PERIOD, Error::<T>::ImmunityPeriodTooLong)
			},
			_ => {},
		}
		Ok(())
	}

	/// Check `param` against its bounds and the other hyperparameters of the subnet (which has
	/// `n` neurons) and write it into `params`.
	pub(crate) fn apply_hyperparameter(
		params: &mut SubnetHyperparams<BalanceOf<T>>,
		param: Hyperparameter<BalanceOf<T>>,
		n: u16,
	) -> Result<(), Error<T>> {
		use Hyperparameter::*;
		match param {
			Tempo(tempo) => {
				ensure!((1..=MAX_TEMPO).contains(&tempo), Error::<T>::TempoOutOfBounds);
				ensure!(
					u32::from(tempo) <= params.activity_cutoff,
					Error::<T>::ActivityCutoffBelowTempo
				);
				params.tempo = tempo;
			},
			Kappa(kappa) => params.kappa = kappa,
			YumaVersion(version) => {
				ensure!(version == 2 || version == 3, Error::<T>::YumaVersionInvalid);
				params.yuma_version = version;
			},
			BondsMovingAverage(average) => {
				ensure!(average <= MAX_BONDS_MOVING_AVERAGE, Error::<T>::BondsMovingAverageTooHigh);
				params.bonds_moving_average = average;
			},
			BondsPenalty(penalty) => params.bonds_penalty = penalty,
			LiquidAlphaEnabled(enabled) => params.liquid_alpha_enabled = enabled,
			AlphaValues { low, high } => {
				ensure!(low >= MIN_ALPHA_LOW, Error::<T>::AlphaLowTooLow);
				ensure!(low <= high, Error::<T>::AlphaLowAboveHigh);
				params.alpha_low = low;
				params.alpha_high = high;
			},
			AlphaSigmoidSteepness(steepness) => params.alpha_sigmoid_steepness = steepness,
			MaxAllowedUids(max) => {
				ensure!(
					(MIN_ALLOWED_UIDS..=MAX_UIDS).contains(&max),
					Error::<T>::MaxAllowedUidsOutOfBounds
				);
				ensure!(max >= n, Error::<T>::MaxAllowedUidsBelowNeuronCount);
				ensure!(params.max_allowed_validators <= max, Error::<T>::ValidatorsExceedMaxUids);
				ensure!(params.min_allowed_weights <= max, Error::<T>::MinWeightsExceedMaxUids);
				params.max_allowed_uids = max;
			},
			MaxAllowedValidators(max) => {
				ensure!(max >= 1, Error::<T>::MaxAllowedValidatorsZero);
				ensure!(max <= params.max_allowed_uids, Error::<T>::ValidatorsExceedMaxUids);
				params.max_allowed_validators = max;
			},
			ImmunityPeriod(blocks) => params.immunity_period = blocks,
			ActivityCutoff(blocks) => {
				ensure!(blocks >= u32::from(params.tempo), Error::<T>::ActivityCutoffBelowTempo);
				params.activity_cutoff = blocks;
			},
			WeightsRateLimit(blocks) => {
				ensure!(blocks >= 1, Error::<T>::WeightsRateLimitZero);
				params.weights_rate_limit = blocks;
			},
			MinAllowedWeights(min) => {
				ensure!(min <= params.max_allowed_uids, Error::<T>::MinWeightsExceedMaxUids);
				params.min_allowed_weights = min;
			},
			MaxWeightLimit(limit) => params.max_weight_limit = limit,
			WeightsVersionKey(key) => params.weights_version_key = key,
			CommitRevealEnabled(enabled) => params.commit_reveal_enabled = enabled,
			CommitRevealPeriod(period) => {
				ensure!(
					(1..=MAX_COMMIT_REVEAL_PERIOD).contains(&period),
					Error::<T>::CommitRevealPeriodOutOfBounds
				);
				params.commit_reveal_period = period;
			},
			MinBurn(amount) => {
				ensure!(amount <= params.max_burn, Error::<T>::MinBurnAboveMaxBurn);
				params.min_burn = amount;
			},
			MaxBurn(amount) => {
				ensure!(amount >= params.min_burn, Error::<T>::MinBurnAboveMaxBurn);
				params.max_burn = amount;
			},
			BurnHalfLife(blocks) => {
				ensure!(blocks >= 1, Error::<T>::BurnHalfLifeZero);
				params.burn_half_life = blocks;
			},
			RegistrationAllowed(allowed) => params.registration_allowed = allowed,
			ServingRateLimit(blocks) => {
				ensure!(blocks >= 1, Error::<T>::ServingRateLimitZero);
				params.serving_rate_limit = blocks;
			},
		}
		Ok(())
	}

	/// Whether `hotkey` may call `serve_axon` on `netuid` now (URL aside): the subnet exists,
	/// the hotkey is registered on it and outside its serving rate limit. Returns its uid.
	///
	/// Public so that a transaction extension can refuse doomed `serve_axon` in the pool.
	pub fn ensure_can_serve_axon(netuid: u16, hotkey: &T::AccountId) -> Result<u16, Error<T>> {
		let params = Hyperparams::<T>::get(netuid).ok_or(Error::<T>::SubnetNotFound)?;
		let uid = Uids::<T>::get(netuid, hotkey).ok_or(Error::<T>::HotkeyNotRegistered)?;
		if let Some(previous) = Self::neuron_entry(netuid, uid).and_then(|entry| entry.axon) {
			// At least one block, even for a limit stored as 0 before the bound existed.
			let limit = params.serving_rate_limit.max(1);
			let next = previous.block.saturating_add(BlockNumberFor::<T>::from(limit));
			ensure!(
				frame_system::Pallet::<T>::block_number() >= next,
				Error::<T>::ServingRateLimitExceeded
			);
		}
		Ok(uid)
	}

	/// Whether `serve_axon(netuid, url)` signed by `hotkey` would succeed now; if not, the
	/// [`crate::pool_codes`] code the transaction pool refuses it with. Used by the runtime's
	/// transaction extension, since `serve_axon` pays no fee.
	pub fn pool_check_serve_axon(netuid: u16, hotkey: &T::AccountId, url: &[u8]) -> Result<(), u8> {
		Self::ensure_can_serve_axon(netuid, hotkey).map_err(|error| match error {
			Error::<T>::ServingRateLimitExceeded => crate::pool_codes::RATE_LIMITED,
			_ => crate::pool_codes::NOT_REGISTERED,
		})?;
		Self::validate_url(url.to_vec()).map_err(|_| crate::pool_codes::INVALID_URL)?;
		Ok(())
	}

	/// Make `coldkey` the owner of `hotkey` (the caller checked it may). A newly owned hotkey
	/// gets a provider reference, so it is a live account that can sign the feeless hotkey
	/// calls without holding funds; ownership, and the reference, are permanent.
	pub(crate) fn take_hotkey(hotkey: &T::AccountId, coldkey: &T::AccountId) {
		if !HotkeyOwner::<T>::contains_key(hotkey) {
			frame_system::Pallet::<T>::inc_providers(hotkey);
			HotkeyOwner::<T>::insert(hotkey, coldkey);
		}
	}

	/// [`Self::take_hotkey`] for other pallets' benchmark setups.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn take_hotkey_for_benchmarks(hotkey: &T::AccountId, coldkey: &T::AccountId) {
		Self::take_hotkey(hotkey, coldkey)
	}

	/// Benchmark setup, for this pallet and the others: `owner` (funded by the caller)
	/// registers a subnet with room for `max` neurons and no immunity, whose uids `0..` are
	/// `hotkeys`, all owned by `owner` and registered now. Returns the netuid.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn benchmark_subnet(owner: &T::AccountId, max: u16, hotkeys: &[T::AccountId]) -> u16 {
		let netuid = (1..=u16::MAX).find(|n| !SubnetOwner::<T>::contains_key(n)).unwrap_or(1);
		// Every benchmark subnet locks the minimum, however many came before it.
		crate::NetworkLock::<T>::kill();
		let origin = frame_system::RawOrigin::Signed(owner.clone()).into();
		let first = hotkeys.first().expect("at least the owner hotkey").clone();
		if let Err(error) = Self::register_network(origin, first) {
			panic!("benchmark subnet: {error:?}");
		}
		let mut params = Hyperparams::<T>::get(netuid).expect("just created");
		params.max_allowed_uids = max.max(crate::MIN_ALLOWED_UIDS);
		params.max_allowed_validators = params.max_allowed_validators.min(params.max_allowed_uids);
		params.immunity_period = 0;
		Hyperparams::<T>::insert(netuid, params);
		let now = frame_system::Pallet::<T>::block_number();
		for hotkey in &hotkeys[1..] {
			Self::take_hotkey(hotkey, owner);
		}
		Self::append_neurons(netuid, &hotkeys[1..], now);
		netuid
	}

	/// Create genesis subnet `netuid` (see [`crate::GenesisSubnet`]); panics on a bad one.
	pub(crate) fn genesis_subnet(
		netuid: u16,
		subnet: &crate::GenesisSubnet<T::AccountId>,
		default_tempo: u16,
	) {
		let (_, owner_hotkey) = subnet.neurons.first().unwrap_or_else(|| {
			panic!("subnets genesis: subnet {netuid} needs at least its owner hotkey")
		});
		let mut params =
			SubnetHyperparams::<BalanceOf<T>>::with_tempo(subnet.tempo.unwrap_or(default_tempo));
		assert!((1..=MAX_TEMPO).contains(&params.tempo), "subnets genesis: bad tempo");
		let n = subnet.neurons.len();
		params.max_allowed_uids = subnet.max_allowed_uids.unwrap_or(params.max_allowed_uids);
		params.max_allowed_uids = params.max_allowed_uids.max(n.min(usize::from(MAX_UIDS)) as u16);
		assert!(
			n <= usize::from(params.max_allowed_uids) && params.max_allowed_uids <= MAX_UIDS,
			"subnets genesis: subnet {netuid} has more neurons than max_allowed_uids (≤ 4096)",
		);
		params.max_allowed_validators = subnet
			.max_allowed_validators
			.unwrap_or(params.max_allowed_validators)
			.min(params.max_allowed_uids);
		SubnetOwner::<T>::insert(netuid, &subnet.owner);
		NetworkRegisteredAt::<T>::insert(netuid, frame_system::Pallet::<T>::block_number());
		SubnetOwnerHotkey::<T>::insert(netuid, owner_hotkey);
		SubnetLocked::<T>::insert(netuid, BalanceOf::<T>::zero());
		Hyperparams::<T>::insert(netuid, params);
		let now = frame_system::Pallet::<T>::block_number();
		let initial_burn: BalanceOf<T> = crate::INITIAL_BURN.saturated_into();
		BurnPrice::<T>::insert(netuid, crate::BurnState { base: initial_burn, since: now });
		let mut seen = BTreeSet::new();
		for (coldkey, hotkey) in &subnet.neurons {
			assert!(
				Self::ensure_may_use_hotkey(coldkey, hotkey).is_ok(),
				"subnets genesis: hotkey {hotkey:?} is owned by another coldkey",
			);
			assert!(
				seen.insert(hotkey),
				"subnets genesis: hotkey {hotkey:?} twice in subnet {netuid}"
			);
			Self::take_hotkey(hotkey, coldkey);
		}
		let hotkeys: Vec<T::AccountId> = subnet.neurons.iter().map(|(_, h)| h.clone()).collect();
		Self::append_neurons(netuid, &hotkeys, now);
	}

	/// `url` as an [`AxonUrl`] when it is at most 256 bytes of printable ASCII starting with
	/// `http://` or `https://` followed by at least one byte.
	pub(crate) fn validate_url(url: Vec<u8>) -> Result<AxonUrl, Error<T>> {
		let url = AxonUrl::try_from(url).map_err(|_| Error::<T>::UrlTooLong)?;
		let rest = url
			.strip_prefix(b"https://")
			.or_else(|| url.strip_prefix(b"http://"))
			.ok_or(Error::<T>::InvalidUrl)?;
		ensure!(!rest.is_empty(), Error::<T>::InvalidUrl);
		ensure!(url.iter().all(|byte| (0x21..=0x7e).contains(byte)), Error::<T>::InvalidUrl);
		Ok(url)
	}
}

/// The most per-uid values `on_idle` clears in one block, whatever weight is left.
pub const MAX_KEYS_CLEARED_PER_BLOCK: u32 = 65_536;

/// Remove at most `limit` `Uids` of the dissolved `netuid`; how many (fewer: none left).
fn clear_uids<T: Config>(netuid: u16, limit: u32) -> u32 {
	let result = Uids::<T>::clear_prefix(netuid, limit, None);
	myelin_doors::cleared(limit, result.maybe_cursor.is_some(), result.unique)
}

/// Remove at most `limit` `NeuronPages` of the dissolved `netuid`; how many (fewer: none
/// left).
fn clear_pages<T: Config>(netuid: u16, limit: u32) -> u32 {
	let result = NeuronPages::<T>::clear_prefix(netuid, limit, None);
	myelin_doors::cleared(limit, result.maybe_cursor.is_some(), result.unique)
}

/// Set the value of `uid` in a per-uid column: replace it, or append it when `uid` is the
/// next uid.
fn set_uid<V>(column: &mut BoundedVec<V, MaxUids>, uid: u16, value: V) {
	let index = usize::from(uid);
	if let Some(slot) = column.get_mut(index) {
		*slot = value;
	} else if index != column.len() || column.try_push(value).is_err() {
		log::error!(target: crate::LOG_TARGET, "uid {uid} beyond its column of {}", column.len());
	}
}

/// The storage invariants; see [`Pallet::do_try_state`].
pub(crate) fn try_state<T: Config>() -> Result<(), TryRuntimeError> {
	let netuids: BTreeSet<u16> = SubnetOwner::<T>::iter_keys().collect();
	ensure!(netuids.len() as u32 == SubnetOwner::<T>::count(), "SubnetOwner counter is wrong");
	ensure!(!netuids.contains(&0), "netuid 0 exists");

	// Nothing is stored for a netuid that does not exist.
	let exists = |netuid: u16| netuids.contains(&netuid);
	ensure!(SubnetOwnerHotkey::<T>::iter_keys().all(exists), "orphan SubnetOwnerHotkey");
	ensure!(NetworkRegisteredAt::<T>::iter_keys().all(exists), "orphan NetworkRegisteredAt");
	ensure!(SubnetLocked::<T>::iter_keys().all(exists), "orphan SubnetLocked");
	ensure!(Hyperparams::<T>::iter_keys().all(exists), "orphan Hyperparams");
	ensure!(BurnPrice::<T>::iter_keys().all(exists), "orphan BurnPrice");
	ensure!(SubnetworkN::<T>::iter_keys().all(exists), "orphan SubnetworkN");
	ensure!(Hotkeys::<T>::iter_keys().all(exists), "orphan Hotkeys");
	// A dissolved netuid's uids and axons wait in `Dissolving` to be cleared.
	let left = |netuid: u16| exists(netuid) || Dissolving::<T>::contains_key(netuid);
	ensure!(Uids::<T>::iter_keys().all(|(netuid, _)| left(netuid)), "orphan Uids");
	ensure!(
		Dissolving::<T>::iter_keys().all(|netuid| !exists(netuid)),
		"a dissolving subnet exists"
	);
	ensure!(RegistrationBlocks::<T>::iter_keys().all(exists), "orphan RegistrationBlocks");
	// While the migration to version 1 runs, the old layout holds the uids it has not moved
	// yet (read through `Pallet::hotkeys`), and nothing else.
	ensure!(migrations::v1::old_layout_is_consistent::<T>(), "a misplaced value in the old layout");
	ensure!(NeuronPages::<T>::iter_keys().all(|(netuid, _)| left(netuid)), "orphan NeuronPages");
	// While the migration to version 3 runs, the old layout holds the endpoints of the pages
	// it has not written yet, and nothing else.
	ensure!(migrations::v3::old_layout_is_consistent::<T>(), "a misplaced axon in the old layout");

	let mut locked_per_owner: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
	for &netuid in &netuids {
		let owner = SubnetOwner::<T>::get(netuid).ok_or("subnet without owner")?;
		ensure!(SubnetOwnerHotkey::<T>::contains_key(netuid), "subnet without owner hotkey");
		ensure!(
			NetworkRegisteredAt::<T>::contains_key(netuid),
			"subnet without registration block"
		);
		ensure!(BurnPrice::<T>::contains_key(netuid), "subnet without registration price");
		let locked = SubnetLocked::<T>::get(netuid).ok_or("subnet without lock record")?;
		let total = locked_per_owner.entry(owner).or_default();
		*total = total.saturating_add(locked);

		let params = Hyperparams::<T>::get(netuid).ok_or("subnet without hyperparameters")?;
		ensure!(params.max_allowed_uids <= MAX_UIDS, "max_allowed_uids above 4096");
		ensure!(u32::from(params.tempo) <= params.activity_cutoff, "activity_cutoff below tempo");
		ensure!(params.max_allowed_validators <= params.max_allowed_uids, "validators above uids");
		ensure!(params.min_allowed_weights <= params.max_allowed_uids, "min weights above uids");
		ensure!(params.min_burn <= params.max_burn, "min_burn above max_burn");
		ensure!(params.burn_half_life >= 1, "burn_half_life is zero");

		let n = SubnetworkN::<T>::get(netuid);
		ensure!(n <= params.max_allowed_uids, "n above max_allowed_uids");

		let hotkeys = Pallet::<T>::hotkeys(netuid);
		ensure!(hotkeys.len() == usize::from(n), "the Hotkeys column is not n long");
		let blocks = Pallet::<T>::registration_blocks(netuid);
		ensure!(blocks.len() == usize::from(n), "the RegistrationBlocks column is not n long");
		for (uid, hotkey) in hotkeys.iter().enumerate() {
			ensure!(
				Uids::<T>::get(netuid, hotkey) == Some(uid as u16),
				"Hotkeys without matching Uids"
			);
			ensure!(HotkeyOwner::<T>::contains_key(hotkey), "neuron hotkey without owner");
			ensure!(
				frame_system::Pallet::<T>::providers(hotkey) > 0,
				"a registered hotkey is not a live account",
			);
		}
		let mut uid_count = 0usize;
		for (hotkey, uid) in Uids::<T>::iter_prefix(netuid) {
			ensure!(
				hotkeys.get(usize::from(uid)) == Some(&hotkey),
				"Uids without matching Hotkeys"
			);
			uid_count += 1;
		}
		ensure!(uid_count == usize::from(n), "number of Uids differs from n");
		let entries = Pallet::<T>::coldkeys_and_axons(netuid);
		ensure!(entries.len() == usize::from(n), "NeuronPages do not hold n entries");
		for (hotkey, (coldkey, _)) in hotkeys.iter().zip(&entries) {
			ensure!(
				HotkeyOwner::<T>::get(hotkey).as_ref() == Some(coldkey),
				"a page's coldkey is not the hotkey's owner"
			);
		}
		let pages = crate::pages::pages_for(n);
		ensure!(
			NeuronPages::<T>::iter_key_prefix(netuid).all(|page| page < pages),
			"a page beyond n"
		);
	}

	for (owner, total) in locked_per_owner {
		let held = T::Currency::balance_on_hold(&HoldReason::SubnetLock.into(), &owner);
		ensure!(held == total, "subnet locks differ from the balance held for them");
	}
	Ok(())
}
