//! The rules behind the calls: who may set, which rows are valid, commit-reveal windows,
//! cleanup, the pool checks and the invariants.

use crate::{pallet::*, pool_codes, Commit, WeightRow};
use alloc::{collections::BTreeSet, vec::Vec};
use codec::Encode;
use frame_support::ensure;
use frame_system::pallet_prelude::BlockNumberFor;
use myelin_doors::{EpochSchedule, SubnetHyperparams, SubnetsInterface, ValidatorPermits};
use sp_core::H256;
use sp_runtime::traits::Saturating;

type Params<T> = SubnetHyperparams<
	<<T as Config>::Subnets as SubnetsInterface<
		<T as frame_system::Config>::AccountId,
		BlockNumberFor<T>,
	>>::Balance,
>;

impl<T: Config> Pallet<T> {
	fn params(netuid: u16) -> Result<Params<T>, Error<T>> {
		T::Subnets::hyperparams(netuid).ok_or(Error::<T>::SubnetNotFound)
	}

	fn uid_of(netuid: u16, hotkey: &T::AccountId) -> Result<u16, Error<T>> {
		T::Subnets::uid_of(netuid, hotkey).ok_or(Error::<T>::HotkeyNotRegistered)
	}

	/// Whether `hotkey` may store a row on `netuid` now (mode, rate limit, permit); its uid.
	/// `revealing` selects the commit-reveal mode.
	pub(crate) fn ensure_can_set(
		netuid: u16,
		hotkey: &T::AccountId,
		revealing: bool,
	) -> Result<u16, Error<T>> {
		let params = Self::params(netuid)?;
		let uid = Self::uid_of(netuid, hotkey)?;
		if revealing {
			ensure!(params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		} else {
			ensure!(!params.commit_reveal_enabled, Error::<T>::CommitRevealEnabled);
		}
		if let Some(last) = LastUpdate::<T>::get(netuid, uid) {
			let now = frame_system::Pallet::<T>::block_number();
			// At least one block, even for a limit stored as 0 before the bound existed.
			let limit = BlockNumberFor::<T>::from(params.weights_rate_limit.max(1));
			ensure!(now.saturating_sub(last) >= limit, Error::<T>::SettingWeightsTooFast);
		}
		ensure!(T::Permits::has_permit(netuid, uid), Error::<T>::NoValidatorPermit);
		Ok(uid)
	}

	/// The row `uids`/`weights` would be stored as, or why it is refused.
	pub(crate) fn checked_row(
		netuid: u16,
		uids: &[u16],
		weights: &[u16],
		version_key: u64,
	) -> Result<WeightRow, Error<T>> {
		let params = Self::params(netuid)?;
		ensure!(version_key >= params.weights_version_key, Error::<T>::OutdatedVersionKey);
		ensure!(uids.len() == weights.len(), Error::<T>::LengthMismatch);
		let n = T::Subnets::n(netuid);
		let mut seen = BTreeSet::new();
		for uid in uids {
			ensure!(seen.insert(*uid), Error::<T>::DuplicateUid);
			ensure!(*uid < n, Error::<T>::UidNotFound);
		}
		ensure!(uids.len() >= usize::from(params.min_allowed_weights), Error::<T>::TooFewWeights);
		let max = weights.iter().copied().max().unwrap_or(0);
		ensure!(max > 0, Error::<T>::AllWeightsZero);
		let sum: u64 = weights.iter().map(|w| u64::from(*w)).sum();
		// The largest normalised weight, `floor(max · 65535 / sum)`, against the limit.
		let largest = u64::from(max) * 65_535 / sum;
		ensure!(largest <= u64::from(params.max_weight_limit), Error::<T>::WeightAboveLimit);

		let mut row: Vec<(u16, u16)> = uids
			.iter()
			.zip(weights)
			.filter(|(_, w)| **w > 0)
			.map(|(uid, w)| (*uid, (u32::from(*w) * 65_535 / u32::from(max)) as u16))
			.collect();
		row.sort_unstable_by_key(|(uid, _)| *uid);
		// At most `n ≤ 4096` distinct uids, so it fits.
		Ok(WeightRow::truncate_from(row))
	}

	/// Store `row` as the row of `uid`, now.
	pub(crate) fn store_row(netuid: u16, uid: u16, row: WeightRow) {
		let old = Weights::<T>::get(netuid, uid).map(|r| r.len() as u32).unwrap_or(0);
		let new = row.len() as u32;
		Entries::<T>::mutate(netuid, |e| *e = e.saturating_sub(old).saturating_add(new));
		Weights::<T>::insert(netuid, uid, row);
		LastUpdate::<T>::insert(netuid, uid, frame_system::Pallet::<T>::block_number());
	}

	/// [`Self::store_row`] for other pallets' benchmark setups.
	#[cfg(feature = "runtime-benchmarks")]
	pub fn store_row_for_benchmarks(netuid: u16, uid: u16, row: WeightRow) {
		Self::store_row(netuid, uid, row)
	}

	/// Commits of `hotkey` on `netuid` whose reveal window has not passed.
	fn live_commits(netuid: u16, hotkey: &T::AccountId, params: &Params<T>) -> Vec<Commit> {
		let now = T::Epochs::current_epoch(netuid);
		let period = u64::from(params.commit_reveal_period);
		Commits::<T>::get(netuid, hotkey)
			.map(|c| c.into_inner())
			.unwrap_or_default()
			.into_iter()
			.filter(|(_, epoch)| epoch.saturating_add(period) >= now)
			.collect()
	}

	fn put_commits(netuid: u16, hotkey: &T::AccountId, commits: Vec<Commit>) {
		if commits.is_empty() {
			Commits::<T>::remove(netuid, hotkey);
		} else {
			Commits::<T>::insert(netuid, hotkey, frame_support::BoundedVec::truncate_from(commits));
		}
	}

	pub(crate) fn do_commit(
		netuid: u16,
		hotkey: &T::AccountId,
		commit: H256,
	) -> Result<u16, Error<T>> {
		let params = Self::params(netuid)?;
		let uid = Self::uid_of(netuid, hotkey)?;
		ensure!(params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		let now = frame_system::Pallet::<T>::block_number();
		if let Some(last) = LastCommit::<T>::get(netuid, uid) {
			// At least one block, even for a limit stored as 0 before the bound existed.
			let limit = BlockNumberFor::<T>::from(params.weights_rate_limit.max(1));
			ensure!(now.saturating_sub(last) >= limit, Error::<T>::SettingWeightsTooFast);
		}
		ensure!(T::Permits::has_permit(netuid, uid), Error::<T>::NoValidatorPermit);
		let mut commits = Self::live_commits(netuid, hotkey, &params);
		ensure!(commits.iter().all(|(c, _)| *c != commit), Error::<T>::DuplicateCommit);
		ensure!((commits.len() as u32) < crate::MAX_COMMITS, Error::<T>::TooManyCommits);
		commits.push((commit, T::Epochs::current_epoch(netuid)));
		Self::put_commits(netuid, hotkey, commits);
		LastCommit::<T>::insert(netuid, uid, now);
		Ok(uid)
	}

	/// The commitment of a reveal: `blake2_256(SCALE(hotkey, netuid, uids, weights, salt,
	/// version_key))`.
	pub fn commit_hash(
		hotkey: &T::AccountId,
		netuid: u16,
		uids: &[u16],
		weights: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> H256 {
		let encoded = (hotkey, netuid, uids, weights, salt, version_key).encode();
		H256(sp_io::hashing::blake2_256(&encoded))
	}

	pub(crate) fn do_reveal(
		netuid: u16,
		hotkey: &T::AccountId,
		uids: &[u16],
		weights: &[u16],
		salt: &[u16],
		version_key: u64,
	) -> Result<u16, Error<T>> {
		// Before anything is hashed: the salt is the one argument no row bound limits.
		ensure!(salt.len() <= crate::MAX_SALT_LEN as usize, Error::<T>::SaltTooLong);
		let params = Self::params(netuid)?;
		Self::uid_of(netuid, hotkey)?;
		ensure!(params.commit_reveal_enabled, Error::<T>::CommitRevealDisabled);
		let hash = Self::commit_hash(hotkey, netuid, uids, weights, salt, version_key);
		let all = Commits::<T>::get(netuid, hotkey).map(|c| c.into_inner()).unwrap_or_default();
		let (_, committed_at) =
			*all.iter().find(|(c, _)| *c == hash).ok_or(Error::<T>::NoMatchingCommit)?;
		let now = T::Epochs::current_epoch(netuid);
		let window = committed_at.saturating_add(u64::from(params.commit_reveal_period));
		ensure!(now >= window, Error::<T>::RevealTooEarly);
		ensure!(now == window, Error::<T>::RevealExpired);
		let uid = Self::ensure_can_set(netuid, hotkey, true)?;
		let row = Self::checked_row(netuid, uids, weights, version_key)?;
		Self::store_row(netuid, uid, row);
		let rest = Self::live_commits(netuid, hotkey, &params)
			.into_iter()
			.filter(|(c, _)| *c != hash)
			.collect();
		Self::put_commits(netuid, hotkey, rest);
		Ok(uid)
	}

	/// Remove the weight row of `uid`, keeping `Entries` in step.
	pub(crate) fn remove_row(netuid: u16, uid: u16) {
		if let Some(row) = Weights::<T>::take(netuid, uid) {
			Entries::<T>::mutate(netuid, |e| *e = e.saturating_sub(row.len() as u32));
		}
	}

	/// Forget the row, last update and commits of a removed neuron.
	pub(crate) fn forget_neuron(netuid: u16, uid: u16, hotkey: &T::AccountId) {
		Self::remove_row(netuid, uid);
		LastUpdate::<T>::remove(netuid, uid);
		LastCommit::<T>::remove(netuid, uid);
		Commits::<T>::remove(netuid, hotkey);
	}

	/// Forget what a dissolved subnet keeps as a whole (its entry count); its rows, last
	/// updates and commits go by [`Self::clear_subnet`].
	pub(crate) fn forget_subnet(netuid: u16) {
		Entries::<T>::remove(netuid);
	}

	/// Remove at most `limit` of the rows, last updates and commits of the dissolved `netuid`;
	/// how many were removed (fewer than `limit`: none left). Each map's prefix is cleared at
	/// most once per call, and Subnets calls this once per block.
	pub(crate) fn clear_subnet(netuid: u16, limit: u32) -> u32 {
		use myelin_doors::{clear_in_turn, cleared};
		macro_rules! clear {
			($map:ident) => {
				&|left| {
					let result = $map::<T>::clear_prefix(netuid, left, None);
					cleared(left, result.maybe_cursor.is_some(), result.unique)
				}
			};
		}
		clear_in_turn(
			limit,
			&[clear!(Weights), clear!(LastUpdate), clear!(LastCommit), clear!(Commits)],
		)
	}

	/// Whether `call` signed by `hotkey` would succeed now; if not, the [`pool_codes`] code
	/// the transaction pool refuses it with. Used by the runtime's transaction extension.
	pub fn pool_check(hotkey: &T::AccountId, call: &Call<T>) -> Result<(), u8> {
		let result = match call {
			Call::set_weights { netuid, uids, weights, version_key } => {
				Self::ensure_can_set(*netuid, hotkey, false)
					.and_then(|_| Self::checked_row(*netuid, uids, weights, *version_key))
					.map(|_| ())
			},
			Call::commit_weights { netuid, commit } => {
				// Dry run: nothing is stored by a pool check.
				frame_support::storage::with_transaction_unchecked(|| {
					sp_runtime::TransactionOutcome::Rollback(
						Self::do_commit(*netuid, hotkey, *commit).map(|_| ()),
					)
				})
			},
			Call::reveal_weights { netuid, uids, weights, salt, version_key } => {
				frame_support::storage::with_transaction_unchecked(|| {
					sp_runtime::TransactionOutcome::Rollback(
						Self::do_reveal(*netuid, hotkey, uids, weights, salt, *version_key)
							.map(|_| ()),
					)
				})
			},
			_ => Ok(()),
		};
		result.map_err(|error| match error {
			Error::<T>::SubnetNotFound | Error::<T>::HotkeyNotRegistered => {
				pool_codes::NOT_REGISTERED
			},
			Error::<T>::SettingWeightsTooFast => pool_codes::RATE_LIMITED,
			Error::<T>::NoValidatorPermit => pool_codes::NO_PERMIT,
			Error::<T>::CommitRevealEnabled | Error::<T>::CommitRevealDisabled => {
				pool_codes::WRONG_MODE
			},
			Error::<T>::TooManyCommits
			| Error::<T>::DuplicateCommit
			| Error::<T>::NoMatchingCommit
			| Error::<T>::RevealTooEarly
			| Error::<T>::RevealExpired => pool_codes::BAD_COMMIT,
			Error::<T>::SaltTooLong => pool_codes::SALT_TOO_LONG,
			_ => pool_codes::INVALID_WEIGHTS,
		})
	}
}

/// The invariants; see [`Pallet::do_try_state`].
pub(crate) fn try_state<T: Config>() -> Result<(), sp_runtime::TryRuntimeError> {
	let mut entries: alloc::collections::BTreeMap<u16, u32> = Default::default();
	// A dissolved subnet's values wait to be cleared (`clear_subnet`); nothing else is checked
	// of them.
	let dissolving = |netuid: &u16| T::Subnets::is_dissolving(*netuid);
	for (netuid, uid, row) in Weights::<T>::iter() {
		if dissolving(&netuid) {
			ensure!(!Entries::<T>::contains_key(netuid), "entries of a dissolved subnet");
			continue;
		}
		let params = T::Subnets::hyperparams(netuid).ok_or("a row of a gone subnet")?;
		ensure!(uid < T::Subnets::n(netuid), "a row of an unregistered uid");
		ensure!(row.len() <= usize::from(params.max_allowed_uids), "a row above max_allowed_uids");
		ensure!(row.windows(2).all(|w| w[0].0 < w[1].0), "a row not sorted by uid");
		*entries.entry(netuid).or_default() += row.len() as u32;
	}
	for (netuid, count) in Entries::<T>::iter() {
		ensure!(entries.get(&netuid).copied().unwrap_or(0) == count, "Entries is wrong");
	}
	for (netuid, count) in entries {
		ensure!(Entries::<T>::get(netuid) == count, "Entries is missing");
	}
	for (netuid, uid, _) in LastUpdate::<T>::iter() {
		ensure!(
			dissolving(&netuid) || uid < T::Subnets::n(netuid),
			"a last update of an unregistered uid"
		);
	}
	for (netuid, uid, _) in LastCommit::<T>::iter() {
		ensure!(
			dissolving(&netuid) || uid < T::Subnets::n(netuid),
			"a last commit of an unregistered uid"
		);
	}
	for (netuid, hotkey, commits) in Commits::<T>::iter() {
		ensure!(
			dissolving(&netuid) || T::Subnets::uid_of(netuid, &hotkey).is_some(),
			"commits of a gone neuron"
		);
		ensure!(commits.len() as u32 <= crate::MAX_COMMITS, "too many commits");
	}
	Ok(())
}
