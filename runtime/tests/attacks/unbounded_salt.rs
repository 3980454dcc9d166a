//! Unbounded salt: `reveal_weights` is feeless and hashed its salt whatever its length, so a
//! multi-megabyte reveal cost the chain a hash it never charged for. Closed: at most 32 `u16`s
//! (`SaltTooLong`, pool code 17, checked before anything is hashed), and the reveal's weight
//! is benchmarked with the longest salt.

use crate::common::{externalities, run_to};
use frame_support::{assert_noop, dispatch::GetDispatchInfo};
use myelin_runtime::{genesis_config_presets, AccountId, Runtime, RuntimeOrigin};
use pallet_weights::{pool_codes, Call, Error, MAX_SALT_LEN};

type Weights = pallet_weights::Pallet<Runtime>;

#[test]
fn a_long_salt_is_refused_before_it_is_hashed() {
	externalities(genesis_config_presets::development()).execute_with(|| {
		run_to(1);
		let hotkey = AccountId::new([0x71; 32]);
		let huge: Vec<u16> = vec![7; 512 * 1024];
		let reveal = |salt: Vec<u16>| Call::<Runtime>::reveal_weights {
			netuid: 1,
			uids: vec![0],
			weights: vec![1],
			salt,
			version_key: 0,
		};
		// Refused in the pool and at dispatch, by name, whatever else is wrong with it.
		assert_eq!(
			Weights::pool_check(&hotkey, &reveal(huge.clone())),
			Err(pool_codes::SALT_TOO_LONG)
		);
		let long = vec![7; MAX_SALT_LEN as usize + 1];
		assert_eq!(
			Weights::pool_check(&hotkey, &reveal(long.clone())),
			Err(pool_codes::SALT_TOO_LONG)
		);
		assert_noop!(
			Weights::reveal_weights(
				RuntimeOrigin::signed(hotkey.clone()),
				1,
				vec![0],
				vec![1],
				long,
				0
			),
			Error::<Runtime>::SaltTooLong
		);
		// The longest accepted salt gets past the bound (here to the next check: no subnet).
		let longest = vec![7; MAX_SALT_LEN as usize];
		assert_eq!(
			Weights::pool_check(&hotkey, &reveal(longest.clone())),
			Err(pool_codes::NOT_REGISTERED)
		);
		// The declared weight does not depend on the salt: it is the benchmarked longest.
		assert_eq!(
			reveal(longest).get_dispatch_info().call_weight,
			reveal(vec![]).get_dispatch_info().call_weight
		);
	});
}
