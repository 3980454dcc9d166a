//! The rules behind the calls, the root epoch and the shares.

use crate::{pallet::*, pool_codes, RootParameter, RootValidator, WeightInfo, MAX_ROOT_VALIDATORS};
use alloc::{collections::BTreeSet, vec::Vec};
use frame_support::{ensure, pallet_prelude::*, BoundedVec};
use frame_system::pallet_prelude::BlockNumberFor;
use myelin_doors::{
	root::{root_epoch_inputs, shares_from_incentives, RootMember},
	StakeInfo, SubnetsInterface, MAX_TEMPO, SHARE_UNIT,
};
use myelin_yuma::EpochInputs;
use sp_runtime::{traits::Saturating, SaturatedConversion};

const LOG_TARGET: &str = "runtime::root";

/// A root validator of this runtime.
pub type MemberOf<T> = RootValidator<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;
/// A root row of this runtime.
pub type RowOf<T> = crate::RootRow<BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// Adds `hotkey` to the root validators (replacing the least staked member when full).
	/// Returns the number of members read.
	pub(crate) fn do_register(hotkey: T::AccountId) -> Result<u32, DispatchError> {
		let mut members = Validators::<T>::get();
		let count = members.len() as u32;
		ensure!(!members.iter().any(|m| m.hotkey == hotkey), Error::<T>::AlreadyRootValidator);
		let joined = frame_system::Pallet::<T>::block_number();
		let entry = RootValidator { hotkey: hotkey.clone(), joined };
		if members.len() < usize::from(MaxValidators::<T>::get()) {
			members.try_push(entry).map_err(|_| Error::<T>::MaxValidatorsOutOfBounds)?;
			Validators::<T>::put(members);
			Self::deposit_event(Event::RootValidatorAdded { hotkey });
			return Ok(count);
		}
		// Full: the least staked member (ties: the later joiner) leaves if the newcomer has more.
		let stake: u64 = T::Stake::total_stake(&hotkey).saturated_into();
		let (lowest, lowest_stake) = members
			.iter()
			.enumerate()
			.map(|(i, m)| (i, T::Stake::total_stake(&m.hotkey).saturated_into::<u64>()))
			.min_by(|(i, a), (j, b)| a.cmp(b).then(j.cmp(i)))
			.ok_or(Error::<T>::StakeTooLowForRoot)?;
		ensure!(stake > lowest_stake, Error::<T>::StakeTooLowForRoot);
		let removed = core::mem::replace(&mut members[lowest], entry).hotkey;
		Rows::<T>::remove(&removed);
		Validators::<T>::put(members);
		Self::deposit_event(Event::RootValidatorReplaced { removed, added: hotkey });
		Ok(count)
	}

	/// The row `set_weights` would store for `hotkey`, or why it is refused. Reads only.
	pub(crate) fn checked_row(
		hotkey: &T::AccountId,
		netuids: &[u16],
		weights: &[u16],
	) -> Result<BoundedVec<(u16, u16), ConstU32<{ myelin_doors::MAX_SUBNETS as u32 }>>, Error<T>> {
		ensure!(Self::is_root_validator(hotkey), Error::<T>::NotRootValidator);
		ensure!(netuids.len() == weights.len(), Error::<T>::LengthMismatch);
		if let Some(row) = Rows::<T>::get(hotkey) {
			let now = frame_system::Pallet::<T>::block_number();
			let since: u64 = now.saturating_sub(row.last_update).saturated_into();
			ensure!(
				since >= u64::from(WeightsRateLimit::<T>::get()),
				Error::<T>::SettingWeightsTooFast
			);
		}
		// Every netuid must exist and appear once: a row longer than the number of subnets
		// is refused within its first `subnets + 1` entries.
		let existing = T::Subnets::netuids();
		let mut seen = BTreeSet::new();
		let mut row: Vec<(u16, u16)> = Vec::with_capacity(netuids.len().min(existing.len()));
		for (netuid, weight) in netuids.iter().zip(weights) {
			ensure!(existing.binary_search(netuid).is_ok(), Error::<T>::UnknownNetuid);
			ensure!(seen.insert(*netuid), Error::<T>::DuplicateNetuid);
			row.push((*netuid, *weight));
		}
		row.retain(|(_, weight)| *weight > 0);
		row.sort_unstable();
		// At most one entry per existing subnet, and at most `MAX_SUBNETS` subnets exist.
		Ok(BoundedVec::truncate_from(row))
	}

	/// Every root validator in joining order, with its row (for the runtime API).
	pub fn members() -> Vec<(MemberOf<T>, Option<RowOf<T>>)> {
		Validators::<T>::get()
			.into_iter()
			.map(|member| {
				let row = Rows::<T>::get(&member.hotkey);
				(member, row)
			})
			.collect()
	}

	/// The block at which the next root epoch is due (`LastRootEpoch + Tempo`).
	pub fn next_epoch_block() -> BlockNumberFor<T> {
		LastRootEpoch::<T>::get().saturating_add(BlockNumberFor::<T>::from(Tempo::<T>::get()))
	}

	/// Whether `hotkey` is a root validator.
	pub fn is_root_validator(hotkey: &T::AccountId) -> bool {
		Validators::<T>::get().iter().any(|m| &m.hotkey == hotkey)
	}

	/// The transaction pool's check of a feeless `set_weights`: `Ok` when it would succeed,
	/// else the [`pool_codes`] value.
	pub fn pool_check(hotkey: &T::AccountId, call: &Call<T>) -> Result<(), u8> {
		let Call::set_weights { netuids, weights } = call else { return Ok(()) };
		Self::checked_row(hotkey, netuids, weights).map(|_| ()).map_err(|e| match e {
			Error::<T>::NotRootValidator => pool_codes::NOT_ROOT_VALIDATOR,
			Error::<T>::SettingWeightsTooFast => pool_codes::RATE_LIMITED,
			_ => pool_codes::INVALID_WEIGHTS,
		})
	}

	/// Checks and stores one root parameter.
	pub(crate) fn apply_parameter(param: RootParameter) -> Result<(), Error<T>> {
		match param {
			RootParameter::MaxValidators(max) => {
				ensure!(
					(1..=MAX_ROOT_VALIDATORS).contains(&max),
					Error::<T>::MaxValidatorsOutOfBounds
				);
				ensure!(
					usize::from(max) >= Validators::<T>::decode_len().unwrap_or(0),
					Error::<T>::MaxValidatorsBelowCount
				);
				MaxValidators::<T>::put(max);
			},
			RootParameter::Tempo(tempo) => {
				ensure!((1..=MAX_TEMPO).contains(&tempo), Error::<T>::TempoOutOfBounds);
				ensure!(
					u32::from(tempo) <= ActivityCutoff::<T>::get(),
					Error::<T>::ActivityCutoffBelowTempo
				);
				Tempo::<T>::put(tempo);
			},
			RootParameter::WeightsRateLimit(limit) => {
				ensure!(limit >= 1, Error::<T>::WeightsRateLimitZero);
				WeightsRateLimit::<T>::put(limit);
			},
			RootParameter::Kappa(kappa) => Kappa::<T>::put(kappa),
			RootParameter::ActivityCutoff(cutoff) => {
				ensure!(
					cutoff >= u32::from(Tempo::<T>::get()),
					Error::<T>::ActivityCutoffBelowTempo
				);
				ActivityCutoff::<T>::put(cutoff);
			},
		}
		Ok(())
	}

	/// Whether the root epoch is due at `now`: `tempo` blocks after the last one.
	pub(crate) fn epoch_is_due(now: BlockNumberFor<T>) -> bool {
		let since: u64 = now.saturating_sub(LastRootEpoch::<T>::get()).saturated_into();
		since >= u64::from(Tempo::<T>::get())
	}

	/// The declared weight of a root epoch now: every member's full row over every subnet.
	pub(crate) fn epoch_weight() -> Weight {
		let validators = Validators::<T>::decode_len().unwrap_or(0) as u32;
		T::WeightInfo::root_epoch(validators, T::Subnets::netuids().len() as u32)
	}

	/// The inputs of the root epoch at `now` ([`myelin_doors::root::root_epoch_inputs`]): the
	/// root validators with their total stake, rows and joining blocks, then the existing
	/// subnets with their registration blocks. Also returns the netuids.
	pub(crate) fn epoch_inputs(now: BlockNumberFor<T>) -> (EpochInputs, Vec<u16>) {
		let members: Vec<RootMember> = Validators::<T>::get()
			.into_iter()
			.map(|member| {
				let row = Rows::<T>::get(&member.hotkey);
				RootMember {
					stake: T::Stake::total_stake(&member.hotkey).saturated_into(),
					last_update: row.as_ref().map(|r| r.last_update.saturated_into()).unwrap_or(0),
					row: row.map(|r| r.weights.into_inner()).unwrap_or_default(),
					joined: member.joined.saturated_into(),
				}
			})
			.collect();
		let netuids = T::Subnets::netuids();
		let subnets: Vec<(u16, u64)> = netuids
			.iter()
			.map(|netuid| {
				let registered = T::Subnets::network_registered_at(*netuid).unwrap_or_default();
				(*netuid, registered.saturated_into())
			})
			.collect();
		let inputs = root_epoch_inputs(
			&members,
			&subnets,
			now.saturated_into(),
			LastRootEpoch::<T>::get().saturated_into(),
			Kappa::<T>::get(),
			u64::from(ActivityCutoff::<T>::get()),
		);
		(inputs, netuids)
	}

	/// Runs the root epoch at `now`: the Yuma crate over the root matrix; the subnets'
	/// incentive becomes [`Incentives`].
	pub(crate) fn run_epoch(now: BlockNumberFor<T>) {
		LastRootEpoch::<T>::put(now);
		let (inputs, netuids) = Self::epoch_inputs(now);
		let v = inputs.stake.len() - netuids.len();
		match myelin_yuma::epoch(&inputs) {
			Ok(outputs) => {
				let incentives: Vec<(u16, u16)> = netuids
					.iter()
					.zip(outputs.incentive.iter().skip(v))
					.map(|(netuid, incentive)| (*netuid, *incentive))
					.collect();
				let shares = shares_from_incentives(&incentives, &netuids);
				Incentives::<T>::put(BoundedVec::truncate_from(incentives));
				Self::deposit_event(Event::RootEpochCompleted {
					block: now,
					shares: netuids.into_iter().zip(shares).collect(),
				});
			},
			Err(error) => {
				log::warn!(target: LOG_TARGET, "root epoch failed: {error:?}");
				let error = alloc::format!("{error:?}").into_bytes();
				Self::deposit_event(Event::RootEpochFailed { block: now, error });
			},
		}
	}

	/// The emission share of each of `netuids` (ascending), parts per billion summing to
	/// exactly one billion: incentives by largest remainder, or equal when none has any
	/// ([`myelin_doors::root::shares_from_incentives`]).
	pub fn emission_shares_of(netuids: &[u16]) -> Vec<u32> {
		shares_from_incentives(&Incentives::<T>::get(), netuids)
	}

	/// Forgets the incentive of a dissolved subnet.
	pub(crate) fn forget_subnet(netuid: u16) {
		Incentives::<T>::mutate(|incentives| incentives.retain(|(n, _)| *n != netuid));
	}

	/// The invariants (see the crate docs).
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let members = Validators::<T>::get();
		ensure!(
			members.len() <= usize::from(MaxValidators::<T>::get()),
			"more root validators than max_validators"
		);
		for (i, member) in members.iter().enumerate() {
			ensure!(
				!members[..i].iter().any(|m| m.hotkey == member.hotkey),
				"a root validator appears twice"
			);
		}
		for hotkey in Rows::<T>::iter_keys() {
			ensure!(members.iter().any(|m| m.hotkey == hotkey), "a root row of a non-member");
		}
		let netuids = T::Subnets::netuids();
		let incentives = Incentives::<T>::get();
		ensure!(
			incentives.windows(2).all(|w| w[0].0 < w[1].0),
			"root incentives not sorted by netuid"
		);
		for (netuid, _) in incentives.iter() {
			ensure!(netuids.binary_search(netuid).is_ok(), "root incentive of a missing subnet");
		}
		let shares = Self::emission_shares_of(&netuids);
		let sum: u64 = shares.iter().map(|s| u64::from(*s)).sum();
		ensure!(
			netuids.is_empty() || sum == u64::from(SHARE_UNIT),
			"emission shares do not sum to one"
		);
		Ok(())
	}
}
