//! Commit-reveal: the hash (recomputed here from the SCALE encoding), the reveal window on the
//! subnet's epochs (see [`test`](super::test) for their blocks), expiry, bounds.

use super::*;
use codec::Encode;
use sp_core::H256;

/// The commitment, computed independently of the pallet's helper.
fn hash(hotkey: AccountId, uids: &[u16], weights: &[u16], salt: &[u16], key: u64) -> H256 {
	let mut bytes = hotkey.encode();
	bytes.extend(1u16.encode());
	bytes.extend(uids.to_vec().encode());
	bytes.extend(weights.to_vec().encode());
	bytes.extend(salt.to_vec().encode());
	bytes.extend(key.encode());
	H256(sp_io::hashing::blake2_256(&bytes))
}

fn commit(hotkey: AccountId, h: H256) -> sp_runtime::DispatchResult {
	WeightsPallet::commit_weights(RuntimeOrigin::signed(hotkey), 1, h)
}

fn reveal(
	hotkey: AccountId,
	uids: &[u16],
	weights: &[u16],
	salt: &[u16],
) -> sp_runtime::DispatchResult {
	WeightsPallet::reveal_weights(
		RuntimeOrigin::signed(hotkey),
		1,
		uids.to_vec(),
		weights.to_vec(),
		salt.to_vec(),
		0,
	)
}

/// Commit-reveal on, period 1 epoch: a commit in epoch e reveals in epoch e + 1.
fn enable() {
	set_hyper(H::CommitRevealEnabled(true));
	set_hyper(H::CommitRevealPeriod(1));
}

#[test]
fn the_pallet_hashes_the_scale_encoding_of_the_reveal() {
	test(|| {
		let expected = hash(VALI, &[3, 4], &[10, 20], &[7, 8], 0);
		assert_eq!(WeightsPallet::commit_hash(&VALI, 1, &[3, 4], &[10, 20], &[7, 8], 0), expected);
	});
}

#[test]
fn commit_then_reveal_in_the_window() {
	test(|| {
		enable();
		run_to_block(12);
		assert_eq!(current_epoch(1), 1);
		let h = hash(VALI, &[3, 4], &[10, 20], &[7, 8], 0);
		assert_ok!(commit(VALI, h));
		assert_eq!(last_event(), Event::WeightsCommitted { netuid: 1, uid: 1, commit: h });
		// Too early: still epoch 1.
		run_to_block(20);
		assert_eq!(current_epoch(1), 1);
		assert_noop!(reveal(VALI, &[3, 4], &[10, 20], &[7, 8]), Error::<Test>::RevealTooEarly);
		// Epoch 2: the window. A wrong salt matches nothing.
		run_to_block(21);
		assert_eq!(current_epoch(1), 2);
		assert_noop!(reveal(VALI, &[3, 4], &[10, 20], &[7, 9]), Error::<Test>::NoMatchingCommit);
		assert_ok!(reveal(VALI, &[3, 4], &[10, 20], &[7, 8]));
		assert_eq!(last_event(), Event::WeightsRevealed { netuid: 1, uid: 1 });
		assert_eq!(Weights::<Test>::get(1, 1).unwrap().to_vec(), vec![(3, 32_767), (4, 65_535)]);
		assert_eq!(LastUpdate::<Test>::get(1, 1), Some(21));
		assert!(Commits::<Test>::get(1, VALI).is_none(), "a revealed commit is gone");
	});
}

#[test]
fn a_late_reveal_is_refused_and_the_commit_expires() {
	test(|| {
		enable();
		let h = hash(VALI, &[3], &[1], &[1], 0);
		assert_ok!(commit(VALI, h)); // block 1, epoch 0: window is epoch 1
		run_to_block(21); // epoch 2
		assert_noop!(reveal(VALI, &[3], &[1], &[1]), Error::<Test>::RevealExpired);
		// The next commit drops the expired one.
		let h2 = hash(VALI, &[4], &[1], &[1], 0);
		assert_ok!(commit(VALI, h2));
		assert_eq!(Commits::<Test>::get(1, VALI).unwrap().len(), 1);
	});
}

#[test]
fn commit_reveal_refusals() {
	test(|| {
		let h = hash(VALI, &[3], &[1], &[1], 0);
		assert_noop!(commit(VALI, h), Error::<Test>::CommitRevealDisabled);
		assert_noop!(reveal(VALI, &[3], &[1], &[1]), Error::<Test>::CommitRevealDisabled);
		enable();
		assert_noop!(commit(STRANGER, h), Error::<Test>::HotkeyNotRegistered);
		// A miner without a permit may not commit (it could never reveal).
		assert_noop!(
			commit(MINER, hash(MINER, &[3], &[1], &[1], 0)),
			Error::<Test>::NoValidatorPermit
		);
		set_hyper(H::WeightsRateLimit(2));
		assert_ok!(commit(VALI, h));
		// Commits wait `weights_rate_limit` blocks, as rows do.
		let other = hash(VALI, &[3], &[1], &[2], 0);
		assert_noop!(commit(VALI, other), Error::<Test>::SettingWeightsTooFast);
		// The least limit, one block: one commit a block.
		set_hyper(H::WeightsRateLimit(1));
		run_to_block(2);
		assert_noop!(commit(VALI, h), Error::<Test>::DuplicateCommit);
		for salt in 0..(MAX_COMMITS as u16 - 1) {
			assert_ok!(commit(VALI, hash(VALI, &[3], &[1], &[100 + salt], 0)));
			run_to_block(frame_system::Pallet::<Test>::block_number() + 1);
		}
		// Block 11, epoch 1: every commit is still live.
		assert_noop!(
			commit(VALI, hash(VALI, &[3], &[1], &[999], 0)),
			Error::<Test>::TooManyCommits
		);
		// A reveal that matches but whose row is invalid is refused by the row check.
		let bad = hash(VALI2, &[9], &[1], &[1], 0);
		assert_ok!(commit(VALI2, bad));
		run_to_block(21);
		assert_noop!(reveal(VALI2, &[9], &[1], &[1]), Error::<Test>::UidNotFound);
		// A salt longer than 32 is refused before anything is hashed.
		assert_noop!(
			reveal(VALI, &[3], &[1], &[7; pallet_weights::MAX_SALT_LEN as usize + 1]),
			Error::<Test>::SaltTooLong
		);
	});
}

#[test]
fn pool_checks_of_commits_store_nothing() {
	use pallet_weights::pool_codes::*;
	test(|| {
		enable();
		let h = hash(VALI, &[3], &[1], &[1], 0);
		let call = Call::<Test>::commit_weights { netuid: 1, commit: h };
		assert_eq!(WeightsPallet::pool_check(&VALI, &call), Ok(()));
		assert!(Commits::<Test>::get(1, VALI).is_none());
		assert_ok!(commit(VALI, h));
		assert_eq!(WeightsPallet::pool_check(&VALI, &call), Err(RATE_LIMITED));
		run_to_block(2);
		assert_eq!(WeightsPallet::pool_check(&VALI, &call), Err(BAD_COMMIT));
		let reveal_call = Call::<Test>::reveal_weights {
			netuid: 1,
			uids: vec![3],
			weights: vec![1],
			salt: vec![1],
			version_key: 0,
		};
		assert_eq!(WeightsPallet::pool_check(&VALI, &reveal_call), Err(BAD_COMMIT), "too early");
		run_to_block(11);
		assert_eq!(WeightsPallet::pool_check(&VALI, &reveal_call), Ok(()));
		assert!(Weights::<Test>::get(1, 1).is_none(), "a pool check stores no row");
	});
}
