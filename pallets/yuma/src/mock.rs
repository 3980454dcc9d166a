//! Test runtime: System, Balances, the real Subnets and Staking pallets, and Yuma, with weight
//! rows set by the tests.

use crate::{self as pallet_yuma, WeightsSource};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::Inspect, ConstU128, Hooks},
	weights::Weight,
	PalletId,
};
use sp_runtime::BuildStorage;
use std::{cell::RefCell, collections::BTreeMap};

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts are plain numbers: coldkeys below 100, hotkeys from 100.
pub type AccountId = u64;
pub type Balance = u128;

pub const MYL: Balance = 1_000_000_000;
pub const ED: Balance = 1_000_000;
pub const ENDOWMENT: Balance = 1_000_000 * MYL;
pub const OWNER: AccountId = 1;
pub const VALIDATOR_COLDKEY: AccountId = 2;
pub const MINER_COLDKEY: AccountId = 3;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
		Staking: pallet_myelin_staking,
		Yuma: pallet_yuma,
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
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type NeuronEmission = Yuma;
	type OnNeuronRemoved = Yuma;
	type WeightInfo = ();
}

/// Hotkey owners as recorded by Subnets.
pub struct Owners;
impl pallet_myelin_staking::HotkeyOwners<AccountId> for Owners {
	fn owner(hotkey: &AccountId) -> Option<AccountId> {
		pallet_subnets::HotkeyOwner::<Test>::get(hotkey)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_owner(hotkey: &AccountId, coldkey: &AccountId) {
		Subnets::take_hotkey_for_benchmarks(hotkey, coldkey)
	}
}

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"myl/stak");
	/// Room for every epoch of a block unless a test lowers it.
	pub static MaxEpochWeight: Weight = Weight::MAX;
}

impl pallet_myelin_staking::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type HotkeyOwners = Owners;
	type PalletId = StakingPalletId;
	type WeightInfo = ();
}

/// A weight row and the block it was set at.
type RowEntry = (Vec<(u16, u16)>, u64);

thread_local! {
	static ROWS: RefCell<BTreeMap<(u16, u16), RowEntry>> = const { RefCell::new(BTreeMap::new()) };
}

/// Weight rows set by the tests: `(netuid, uid) → (row, last_update)`.
pub struct MockWeights;
impl WeightsSource for MockWeights {
	fn weight_rows(netuid: u16, n: u16) -> Vec<Vec<(u16, u16)>> {
		ROWS.with(|r| {
			let rows = r.borrow();
			(0..n)
				.map(|uid| rows.get(&(netuid, uid)).map(|e| e.0.clone()).unwrap_or_default())
				.collect()
		})
	}
	fn last_updates(netuid: u16, n: u16) -> Vec<u64> {
		ROWS.with(|r| {
			let rows = r.borrow();
			(0..n).map(|uid| rows.get(&(netuid, uid)).map(|e| e.1).unwrap_or(0)).collect()
		})
	}
	fn entries(netuid: u16) -> u32 {
		ROWS.with(|r| {
			r.borrow()
				.iter()
				.filter(|((n, _), _)| *n == netuid)
				.map(|(_, e)| e.0.len() as u32)
				.sum()
		})
	}
}

/// `uid` of `netuid` sets `row`, now.
pub fn set_weights(netuid: u16, uid: u16, row: Vec<(u16, u16)>) {
	let now = System::block_number();
	ROWS.with(|r| r.borrow_mut().insert((netuid, uid), (row, now)));
}

impl pallet_yuma::Config for Test {
	type Subnets = Subnets;
	type Stake = Staking;
	type Rewards = Staking;
	type Weights = MockWeights;
	type MaxEpochWeight = MaxEpochWeight;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Benchmark setup on the mock: subnets through the real Subnets pallet, rows in the mock.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_yuma::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn subnet(n: u16, validators: u16) -> (u16, Vec<AccountId>) {
		let first = 1_000_000 + 10_000 * pallet_subnets::SubnetOwner::<Test>::count() as u64;
		let hotkeys: Vec<AccountId> = (0..u64::from(n)).map(|i| first + i).collect();
		let netuid = Subnets::benchmark_subnet(&OWNER, n, &hotkeys);
		pallet_subnets::Hyperparams::<Test>::mutate(netuid, |p| {
			if let Some(p) = p {
				p.max_allowed_validators = validators.max(1);
			}
		});
		(netuid, hotkeys)
	}
	fn set_weights(netuid: u16, uid: u16, row: Vec<(u16, u16)>) {
		set_weights(netuid, uid, row);
	}
}

/// Externalities: coldkeys 1..=10 endowed, dev-chain subnet settings (1 MYL lock, tempo 10).
pub fn new_test_ext() -> sp_io::TestExternalities {
	ROWS.with(|r| r.borrow_mut().clear());
	MaxEpochWeight::set(Weight::MAX);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: (1..=10).map(|who| (who, ENDOWMENT)).collect(),
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
	pallet_myelin_staking::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test`, then check the invariants of every pallet.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		assert_ok!(Yuma::do_try_state());
		assert_ok!(Staking::do_try_state());
		assert_ok!(Subnets::do_try_state());
	})
}

/// Advance to block `n`, running Yuma's `on_initialize` in every block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Yuma::on_initialize(next);
	}
}

/// The Yuma events so far.
pub fn yuma_events() -> Vec<pallet_yuma::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Yuma(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Netuids of the `EpochCompleted` events of block `block`.
pub fn epochs_at(block: u64) -> Vec<u16> {
	yuma_events()
		.into_iter()
		.filter_map(|e| match e {
			pallet_yuma::Event::EpochCompleted { netuid, block: b, .. } if b == block => {
				Some(netuid)
			},
			_ => None,
		})
		.collect()
}

pub fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

/// `OWNER` registers a subnet with `owner_hotkey` as uid 0; returns its netuid.
pub fn register_subnet(owner_hotkey: AccountId) -> u16 {
	let before: Vec<u16> = pallet_subnets::SubnetOwner::<Test>::iter_keys().collect();
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(OWNER), owner_hotkey));
	pallet_subnets::SubnetOwner::<Test>::iter_keys().find(|n| !before.contains(n)).unwrap()
}

/// `coldkey` registers `hotkey` on `netuid`; returns its uid.
pub fn register(netuid: u16, coldkey: AccountId, hotkey: AccountId) -> u16 {
	assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(coldkey), netuid, hotkey));
	pallet_subnets::Uids::<Test>::get(netuid, hotkey).unwrap()
}

/// `coldkey` stakes `amount` to `hotkey`.
pub fn stake(coldkey: AccountId, hotkey: AccountId, amount: Balance) {
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey, amount));
}
