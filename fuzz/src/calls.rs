//! Random calls: every user call of Subnets, Staking, Weights, Balances and Utility, and the
//! root calls through `sudo`, with arguments drawn around their bounds.

use crate::chain::{Chain, Signer};
use myelin_runtime::{AccountId, Runtime, RuntimeCall, MYL};
use pallet_subnets::{Hyperparameter as H, NetworkParameter as N};
use sp_core::Pair;
use sp_runtime::Perbill;

/// A xorshift generator: the whole run follows from its seed.
pub struct Rng(u64);

impl Rng {
	/// A generator from `seed` (0 is replaced: xorshift needs a nonzero state).
	pub fn new(seed: u64) -> Self {
		Self(seed.max(1) ^ 0x9E37_79B9_7F4A_7C15)
	}
	/// The next 64 random bits.
	pub fn next_u64(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}
	/// A number in `0..n`.
	pub fn below(&mut self, n: u64) -> u64 {
		self.next_u64() % n.max(1)
	}
	/// True with probability `1 / n`.
	pub fn one_in(&mut self, n: u64) -> bool {
		self.below(n) == 0
	}
	fn pick<T: Clone>(&mut self, items: &[T]) -> T {
		items[self.below(items.len() as u64) as usize].clone()
	}
}

fn account(signer: &Signer) -> AccountId {
	signer.public().into()
}

/// An amount around the interesting points: zero, dust, the existential deposit, whole MYL,
/// a lot, everything.
fn amount(rng: &mut Rng) -> u128 {
	match rng.below(8) {
		0 => 0,
		1 => rng.below(1_000_000) as u128,
		2 => 999_999 + rng.below(3) as u128,
		3 => MYL * (1 + rng.below(10) as u128),
		4 => MYL * (10 + rng.below(1_000) as u128),
		5 => MYL * 100_000,
		6 => u128::MAX,
		_ => rng.next_u64() as u128,
	}
}

fn small_u32(rng: &mut Rng) -> u32 {
	match rng.below(5) {
		0 => 0,
		1 => 1,
		2 => rng.below(20) as u32,
		3 => rng.below(10_000) as u32,
		_ => rng.next_u64() as u32,
	}
}

fn u16_around(rng: &mut Rng) -> u16 {
	match rng.below(5) {
		0 => 0,
		1 => u16::MAX,
		2 => rng.below(10) as u16,
		_ => rng.next_u64() as u16,
	}
}

/// A netuid: mostly an existing one, sometimes an unknown one.
fn netuid(rng: &mut Rng, chain: &Chain) -> u16 {
	let existing = chain.netuids();
	if existing.is_empty() || rng.one_in(6) {
		rng.below(6) as u16
	} else {
		rng.pick(&existing)
	}
}

fn hyperparameter(rng: &mut Rng) -> H<u128> {
	match rng.below(24) {
		0 => H::Tempo(if rng.one_in(2) { 1 + rng.below(20) as u16 } else { u16_around(rng) }),
		1 => H::Kappa(u16_around(rng)),
		2 => H::YumaVersion(rng.below(5) as u8),
		3 => H::BondsMovingAverage(rng.below(1_200_000)),
		4 => H::BondsPenalty(u16_around(rng)),
		5 => H::LiquidAlphaEnabled(rng.one_in(2)),
		6 => H::AlphaValues { low: u16_around(rng), high: u16_around(rng) },
		7 => H::AlphaSigmoidSteepness(u16_around(rng)),
		8 => H::MaxAllowedUids(rng.below(20) as u16),
		9 => H::MaxAllowedValidators(rng.below(20) as u16),
		10 => H::ImmunityPeriod(small_u32(rng)),
		11 => H::ActivityCutoff(small_u32(rng)),
		12 => H::WeightsRateLimit(small_u32(rng)),
		13 => H::MinAllowedWeights(rng.below(8) as u16),
		14 => H::MaxWeightLimit(u16_around(rng)),
		15 => H::WeightsVersionKey(rng.below(3)),
		16 => H::CommitRevealEnabled(rng.one_in(2)),
		17 => H::CommitRevealPeriod(rng.below(4) as u32),
		18 => H::MinBurn(amount(rng)),
		19 => H::MaxBurn(amount(rng)),
		20 => H::BurnHalfLife(small_u32(rng)),
		21 => H::RegistrationAllowed(!rng.one_in(4)),
		_ => H::ServingRateLimit(small_u32(rng)),
	}
}

/// A weight row over `n` uids, sometimes malformed (lengths, duplicates, unknown uids).
fn row(rng: &mut Rng, n: u16) -> (Vec<u16>, Vec<u16>) {
	let len = rng.below(u64::from(n) + 3) as usize;
	let uids: Vec<u16> = (0..len).map(|_| rng.below(u64::from(n) + 1) as u16).collect();
	let wlen = if rng.one_in(10) { len + 1 } else { len };
	let weights = (0..wlen).map(|_| u16_around(rng)).collect();
	(uids, weights)
}

/// A root call, to be sent through `sudo`.
fn root_call(rng: &mut Rng, chain: &Chain) -> RuntimeCall {
	match rng.below(5) {
		4 => RuntimeCall::Root(pallet_root::Call::set_root_parameter {
			param: match rng.below(5) {
				0 => pallet_root::RootParameter::MaxValidators(rng.below(6) as u16),
				1 => pallet_root::RootParameter::Tempo(rng.below(20) as u16),
				2 => pallet_root::RootParameter::WeightsRateLimit(rng.below(5) as u32),
				3 => pallet_root::RootParameter::Kappa(rng.next_u64() as u16),
				_ => pallet_root::RootParameter::ActivityCutoff(small_u32(rng)),
			},
		}),
		0 => RuntimeCall::Subnets(pallet_subnets::Call::set_network_parameter {
			param: match rng.below(4) {
				// Mostly room for a few subnets and an affordable lock, sometimes the extremes.
				0 => N::SubnetLimit(if rng.one_in(4) {
					rng.below(3) as u16
				} else {
					3 + rng.below(6) as u16
				}),
				1 => N::NetworkMinLock(if rng.one_in(4) {
					amount(rng)
				} else {
					MYL * (1 + rng.below(5) as u128)
				}),
				2 => N::LockReductionInterval(small_u32(rng)),
				_ => N::NetworkImmunityPeriod(rng.below(50) as u32),
			},
		}),
		1 if rng.below(2) == 0 => {
			RuntimeCall::Staking(pallet_myelin_staking::Call::set_take_rate_limit {
				blocks: small_u32(rng),
			})
		},
		// 0 included: the refusal is part of what is fuzzed.
		1 => RuntimeCall::Staking(pallet_myelin_staking::Call::set_take_increase_delay {
			blocks: small_u32(rng),
		}),
		2 => RuntimeCall::Subnets(pallet_subnets::Call::dissolve_network {
			netuid: netuid(rng, chain),
		}),
		_ => RuntimeCall::Subnets(pallet_subnets::Call::set_hyperparameter {
			netuid: netuid(rng, chain),
			param: hyperparameter(rng),
		}),
	}
}

/// A random market call (small job and lease ids, so that calls meet each other's jobs) and
/// its signer: the coldkey for bonds and buying, the hotkey for providing and attesting.
fn market_call(
	rng: &mut Rng,
	chain: &mut Chain,
	cold: Signer,
	hot: Signer,
	netuid: u16,
) -> (Signer, RuntimeCall) {
	use pallet_market::Call as M;
	let id = rng.below(8);
	let now = frame_system::Pallet::<Runtime>::block_number();
	let (signer, call) = match rng.below(16) {
		0 => (cold, M::bond { netuid, hotkey: account(&hot), amount: amount(rng) }),
		1 => (cold, M::unbond { netuid, hotkey: account(&hot), amount: amount(rng) }),
		2 => (cold, M::withdraw_unbonded { netuid, hotkey: account(&hot) }),
		3 => (
			hot,
			M::set_offer {
				netuid,
				price_per_unit: amount(rng),
				capacity: rng.below(70) as u32,
				attributes: vec![b'a'; rng.below(300) as usize],
			},
		),
		4 => (
			cold,
			M::post_job {
				netuid,
				spec: vec![b's'; rng.below(1100) as usize],
				max_price: amount(rng),
				deadline: now + rng.below(200) as u32,
				provider: if rng.one_in(2) { Some(account(&hot)) } else { None },
			},
		),
		5 => (cold, M::cancel_job { job_id: id }),
		6 => (hot, M::accept_job { job_id: id }),
		7 => (
			hot,
			M::submit_result {
				job_id: id,
				result_hash: sp_core::H256::repeat_byte(rng.below(255) as u8),
				units: rng.below(1_000),
			},
		),
		8 => (hot, M::attest { job_id: id, approve: rng.one_in(2) }),
		9 => (cold, M::dispute { job_id: id }),
		10 => (cold, M::finalize_job { job_id: id }),
		11 => (
			cold,
			M::open_lease {
				netuid,
				provider: account(&hot),
				rate_per_block: amount(rng) / 100,
				deposit: amount(rng),
			},
		),
		12 => (hot, M::accept_lease { lease_id: id }),
		13 => (cold, M::top_up { lease_id: id, amount: amount(rng) }),
		14 => (hot, M::withdraw_lease { lease_id: id }),
		_ => (if rng.one_in(2) { cold } else { hot }, M::close_lease { lease_id: id }),
	};
	let _ = chain;
	(signer, RuntimeCall::Market(call))
}

/// One random call and its signer.
pub fn random_call(rng: &mut Rng, chain: &mut Chain) -> (Signer, RuntimeCall) {
	let cold = rng.pick(&chain.coldkeys);
	let h = rng.below(chain.hotkeys.len() as u64) as usize;
	let hot = chain.hotkeys[h].clone();
	let other_hot = account(&rng.pick(&chain.hotkeys));
	let subnet = netuid(rng, chain);
	let n = chain.n(subnet);
	let call = match rng.below(26) {
		0 => RuntimeCall::Subnets(pallet_subnets::Call::register_network { hotkey: account(&hot) }),
		1 => RuntimeCall::Subnets(pallet_subnets::Call::dissolve_network { netuid: subnet }),
		2 => RuntimeCall::Subnets(pallet_subnets::Call::set_hyperparameter {
			netuid: subnet,
			param: hyperparameter(rng),
		}),
		3..=5 => RuntimeCall::Subnets(pallet_subnets::Call::burned_register {
			netuid: subnet,
			hotkey: account(&hot),
		}),
		6 => {
			let url = match rng.below(3) {
				0 => b"http://127.0.0.1:8091".to_vec(),
				1 => b"ftp://x".to_vec(),
				_ => vec![b'h'; rng.below(300) as usize],
			};
			return (
				hot,
				RuntimeCall::Subnets(pallet_subnets::Call::serve_axon { netuid: subnet, url }),
			);
		},
		7 | 8 => RuntimeCall::Staking(pallet_myelin_staking::Call::add_stake {
			hotkey: account(&hot),
			amount: amount(rng),
		}),
		9 => RuntimeCall::Staking(pallet_myelin_staking::Call::remove_stake {
			hotkey: account(&hot),
			amount: amount(rng),
		}),
		10 => RuntimeCall::Staking(pallet_myelin_staking::Call::move_stake {
			from_hotkey: account(&hot),
			to_hotkey: other_hot,
			amount: amount(rng),
		}),
		11 => RuntimeCall::Staking(pallet_myelin_staking::Call::set_take {
			hotkey: account(&hot),
			take: Perbill::from_parts(rng.below(300_000_000) as u32),
		}),
		12 | 13 => {
			let (uids, weights) = row(rng, n);
			let call = pallet_weights::Call::set_weights {
				netuid: subnet,
				uids,
				weights,
				version_key: rng.below(2),
			};
			return (hot, RuntimeCall::Weights(call));
		},
		14 => {
			let (uids, weights) = row(rng, n);
			let salt: Vec<u16> = (0..rng.below(4)).map(|_| rng.next_u64() as u16).collect();
			let commit = pallet_weights::Pallet::<Runtime>::commit_hash(
				&account(&hot),
				subnet,
				&uids,
				&weights,
				&salt,
				0,
			);
			chain.commits.push((subnet, h, uids, weights, salt));
			return (
				hot,
				RuntimeCall::Weights(pallet_weights::Call::commit_weights {
					netuid: subnet,
					commit,
				}),
			);
		},
		15 => {
			if chain.commits.is_empty() {
				return (cold, RuntimeCall::System(frame_system::Call::remark { remark: vec![1] }));
			}
			let (netuid, h, uids, weights, salt) = rng.pick(&chain.commits);
			let call = pallet_weights::Call::reveal_weights {
				netuid,
				uids,
				weights,
				salt,
				version_key: 0,
			};
			return (chain.hotkeys[h].clone(), RuntimeCall::Weights(call));
		},
		16 => {
			let to = if rng.one_in(2) { account(&rng.pick(&chain.coldkeys)) } else { other_hot };
			RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
				dest: to.into(),
				value: amount(rng),
			})
		},
		17 => RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
			dest: account(&hot).into(),
			value: amount(rng),
		}),
		19 => RuntimeCall::Root(pallet_root::Call::register { hotkey: account(&hot) }),
		20 | 21 => {
			// Root weights over random netuids (some unknown, some repeated).
			let len = rng.below(5) as usize;
			let netuids: Vec<u16> = (0..len).map(|_| netuid(rng, chain)).collect();
			let weights: Vec<u16> = (0..len).map(|_| rng.next_u64() as u16).collect();
			return (hot, RuntimeCall::Root(pallet_root::Call::set_weights { netuids, weights }));
		},
		23..=25 => return market_call(rng, chain, cold, hot, subnet),
		18 => {
			let inner = root_call(rng, chain);
			RuntimeCall::Sudo(pallet_sudo::Call::sudo { call: Box::new(inner) })
		},
		_ => {
			let calls = (0..1 + rng.below(3))
				.map(|_| {
					RuntimeCall::Staking(pallet_myelin_staking::Call::add_stake {
						hotkey: account(&rng.pick(&chain.hotkeys)),
						amount: amount(rng),
					})
				})
				.collect();
			RuntimeCall::Utility(pallet_utility::Call::batch { calls })
		},
	};
	(cold, call)
}
