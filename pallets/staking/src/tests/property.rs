//! Property test: random sequences of stake, unstake, move, take and reward operations, with
//! every invariant checked after each step.

use super::*;
use frame_support::{assert_ok, traits::fungible::Inspect as _};
use sp_runtime::Perbill;

/// A small deterministic generator (xorshift64*), so failures replay from their seed.
struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 >> 12;
		self.0 ^= self.0 << 25;
		self.0 ^= self.0 >> 27;
		self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n
	}
	/// An amount spread over many magnitudes, from 1 unit to ~1000 MYL.
	fn amount(&mut self) -> Balance {
		let magnitude = self.below(13) as u32;
		Balance::from(self.below(10u64.pow(magnitude)) + 1)
	}
}

const COLDKEYS: [AccountId; 5] = [ALICE, BOB, CHARLIE, 4, 5];
const HOTKEYS: [AccountId; 3] = [HK_A, HK_B, 103];

/// Every account the test touches, the reward pot included.
fn accounts() -> Vec<AccountId> {
	let mut all = COLDKEYS.to_vec();
	all.push(Staking::pot());
	all
}

/// Σ (free + held) over every account equals the total issuance.
fn assert_balances_add_up() {
	let sum: Balance = accounts().iter().map(Balances::total_balance).sum();
	let others: Balance = (6..=20).map(|who| Balances::total_balance(&who)).sum();
	assert_eq!(sum + others, issuance(), "balances do not add up to the issuance");
}

fn run(seed: u64, steps: usize) {
	new_test_ext().execute_with(|| {
		set_owner(103, CHARLIE);
		let mut rng = Rng(seed | 1);
		let start = issuance();
		let mut minted: Balance = 0;
		for step in 0..steps {
			let coldkey = COLDKEYS[rng.below(5) as usize];
			let hotkey = HOTKEYS[rng.below(3) as usize];
			let stake_now = stake(coldkey, hotkey);
			match rng.below(8) {
				0 | 1 => {
					let _ =
						Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey, rng.amount());
				},
				2 => {
					// Sometimes exactly everything, sometimes a part, sometimes too much.
					let amount = match rng.below(3) {
						0 => stake_now,
						1 => stake_now / 2,
						_ => rng.amount(),
					};
					let result =
						Staking::remove_stake(RuntimeOrigin::signed(coldkey), hotkey, amount);
					if amount > 0 && amount <= stake_now {
						assert_ok!(result);
					}
				},
				3 => {
					let to = HOTKEYS[rng.below(3) as usize];
					let amount = if rng.below(2) == 0 { stake_now } else { rng.amount() };
					let _ = Staking::move_stake(RuntimeOrigin::signed(coldkey), hotkey, to, amount);
				},
				4 | 5 => minted += Staking::do_pay_dividend(&hotkey, rng.amount()),
				6 => minted += Staking::do_credit_incentive(&hotkey, rng.amount()),
				_ => {
					System::set_block_number(System::block_number() + rng.below(300_000));
					let take = Perbill::from_parts(rng.below(200_000_000) as u32);
					let _ = Staking::set_take(RuntimeOrigin::signed(coldkey), hotkey, take);
				},
			}
			if let Err(e) = Staking::do_try_state() {
				panic!("seed {seed}, step {step}: {e:?}");
			}
			assert_eq!(issuance(), start + minted, "seed {seed}, step {step}: issuance");
			assert_balances_add_up();
		}
		// Everyone leaves: every minted unit ends in a free balance, the pot keeps its deposit.
		// A position worth less than a unit gets the pool's dust once the others have left, so
		// leave in rounds until nothing is staked.
		for _round in 0..4 {
			for hotkey in HOTKEYS {
				for coldkey in COLDKEYS {
					let all = stake(coldkey, hotkey);
					if all > 0 {
						assert_ok!(Staking::remove_stake(
							RuntimeOrigin::signed(coldkey),
							hotkey,
							all
						));
					}
				}
			}
		}
		assert_ok!(Staking::do_try_state());
		assert_eq!(TotalStake::<Test>::get(), 0, "seed {seed}: stake left behind");
		assert_eq!(Balances::total_balance(&Staking::pot()), ED, "seed {seed}: pot");
		let free_sum: Balance = COLDKEYS.iter().map(|who| free(*who)).sum();
		assert_eq!(free_sum, 5 * ENDOWMENT + minted, "seed {seed}: minted funds lost");
	});
}

#[test]
fn random_operation_sequences_keep_every_invariant() {
	for seed in 1..=24u64 {
		run(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15), 250);
	}
}
