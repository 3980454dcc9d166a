//! Test runtime: System, Balances, the real Subnets pallet and this pallet, with validator
//! permits set by the tests.

use crate::{self as pallet_weights};
use frame_support::{assert_ok, derive_impl, traits::ConstU128};
use pallet_yuma::ValidatorPermits;
use sp_runtime::BuildStorage;
use std::{cell::RefCell, collections::BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;

pub type AccountId = u64;
pub type Balance = u128;

pub const MYL: Balance = 1_000_000_000;
pub const OWNER: AccountId = 1;
pub const COLDKEY: AccountId = 2;
/// The subnet owner's hotkey (uid 0).
pub const OWNER_HK: AccountId = 100;
/// Validator hotkeys (uids 1 and 2).
pub const VALI: AccountId = 101;
pub const VALI2: AccountId = 102;
/// Miner hotkeys (uids 3 and 4).
pub const MINER: AccountId = 103;
pub const MINER2: AccountId = 104;
/// Registered nowhere.
pub const STRANGER: AccountId = 199;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
		WeightsPallet: pallet_weights,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<1>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type NeuronEmission = ();
	type OnNeuronRemoved = WeightsPallet;
	type WeightInfo = ();
}

thread_local! {
	static PERMITS: RefCell<BTreeSet<(u16, u16)>> = const { RefCell::new(BTreeSet::new()) };
}

/// Permits as the Yuma pallet would hand them out.
pub struct MockPermits;
impl ValidatorPermits for MockPermits {
	fn has_permit(netuid: u16, uid: u16) -> bool {
		PERMITS.with(|p| p.borrow().contains(&(netuid, uid)))
	}
}

pub fn set_permit(netuid: u16, uid: u16, permit: bool) {
	PERMITS.with(|p| {
		if permit {
			p.borrow_mut().insert((netuid, uid));
		} else {
			p.borrow_mut().remove(&(netuid, uid));
		}
	});
}

impl pallet_weights::Config for Test {
	type Subnets = Subnets;
	type Permits = MockPermits;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Benchmark setup on the mock: a subnet through the real Subnets pallet, a mock permit.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_weights::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn validator_subnet(n: u16) -> (u16, AccountId) {
		let hotkeys: Vec<AccountId> = (0..u64::from(n)).map(|i| 10_000 + i).collect();
		let netuid = Subnets::benchmark_subnet(&OWNER, n, &hotkeys);
		set_permit(netuid, 0, true);
		(netuid, hotkeys[0])
	}
	fn enable_commit_reveal(netuid: u16) {
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::root(),
			netuid,
			pallet_subnets::Hyperparameter::CommitRevealEnabled(true)
		));
	}
}

/// A subnet (netuid 1, tempo 10, no weights rate limit) with the owner hotkey (uid 0), two
/// permitted validators (uids 1, 2) and two miners (uids 3, 4).
pub fn new_test_ext() -> sp_io::TestExternalities {
	PERMITS.with(|p| p.borrow_mut().clear());
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: vec![(OWNER, 1_000_000 * MYL), (COLDKEY, 1_000_000 * MYL)],
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_subnets::GenesisConfig::<Test> {
		network_min_lock: MYL,
		default_tempo: 10,
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		assert_ok!(Subnets::register_network(RuntimeOrigin::signed(OWNER), OWNER_HK));
		for hotkey in [VALI, VALI2, MINER, MINER2] {
			assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(COLDKEY), 1, hotkey));
		}
		set_hyper(pallet_subnets::Hyperparameter::WeightsRateLimit(0));
		set_permit(1, 1, true);
		set_permit(1, 2, true);
	});
	ext
}

/// Run `test` on the standard subnet, then check the invariants.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		assert_ok!(WeightsPallet::do_try_state());
		assert_ok!(Subnets::do_try_state());
	})
}

/// Set a hyperparameter of netuid 1 as root.
pub fn set_hyper(param: pallet_subnets::Hyperparameter<Balance>) {
	assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), 1, param));
}

pub fn run_to_block(n: u64) {
	System::set_block_number(n);
}

/// The pallet's last event.
pub fn last_event() -> pallet_weights::Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::WeightsPallet(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("no weights event")
}
