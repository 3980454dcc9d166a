//! Test runtime: `frame_system`, `pallet_balances` (with holds) and this pallet, with a settable
//! emission per uid and a hook that records its calls.

use crate::{self as pallet_subnets, NeuronEmission, OnNeuronRemoved, MYL};
use frame_support::{
	assert_ok, derive_impl,
	traits::{fungible::Inspect, ConstU128},
	weights::Weight,
};
use sp_runtime::BuildStorage;
use std::{cell::RefCell, collections::BTreeMap};

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts are plain numbers: coldkeys below 100, hotkeys from 100.
pub type AccountId = u64;
/// Same balance type as the Myelin runtime.
pub type Balance = u128;

/// What every coldkey of the default builder starts with.
pub const ENDOWMENT: Balance = 1_000_000 * MYL;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// A coldkey with no funds at all.
pub const PAUPER: AccountId = 99;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
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

/// A call of [`RecordingHook`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HookCall {
	NeuronRemoved { netuid: u16, uid: u16, hotkey: AccountId },
	NetworkDissolved { netuid: u16 },
}

thread_local! {
	static EMISSIONS: RefCell<BTreeMap<(u16, u16), u64>> = const { RefCell::new(BTreeMap::new()) };
	static HOOK_CALLS: RefCell<Vec<HookCall>> = const { RefCell::new(Vec::new()) };
	static SHARES: RefCell<Option<BTreeMap<u16, u32>>> = const { RefCell::new(None) };
}

/// Emission shares set by tests (0 for a netuid not set); equal shares until a test sets any.
pub struct MockShares;
impl myelin_doors::EmissionShares for MockShares {
	fn emission_shares(netuids: &[u16]) -> Vec<u32> {
		SHARES.with(|s| match &*s.borrow() {
			Some(set) => netuids.iter().map(|n| set.get(n).copied().unwrap_or(0)).collect(),
			None => myelin_doors::equal_shares(netuids.len()),
		})
	}
	fn shares_weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// Set the emission share of `netuid` (parts per billion).
pub fn set_share(netuid: u16, share: u32) {
	SHARES.with(|s| {
		s.borrow_mut().get_or_insert_with(BTreeMap::new).insert(netuid, share);
	});
}

/// Emission per `(netuid, uid)`, set by tests; 0 when unset.
pub struct MockEmission;
impl NeuronEmission for MockEmission {
	fn emission(netuid: u16, uid: u16) -> u64 {
		EMISSIONS.with(|e| e.borrow().get(&(netuid, uid)).copied().unwrap_or(0))
	}
	fn emissions(netuid: u16) -> Vec<u64> {
		let last = EMISSIONS
			.with(|e| e.borrow().keys().filter(|(n, _)| *n == netuid).map(|(_, uid)| *uid).max());
		last.map_or_else(Vec::new, |last| {
			(0..=last).map(|uid| Self::emission(netuid, uid)).collect()
		})
	}
}

/// Set the emission of a uid.
pub fn set_emission(netuid: u16, uid: u16, emission: u64) {
	EMISSIONS.with(|e| e.borrow_mut().insert((netuid, uid), emission));
}

/// Records every call, and forgets the emission of removed uids as the Yuma pallet would.
pub struct RecordingHook;
impl OnNeuronRemoved<AccountId> for RecordingHook {
	fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &AccountId) {
		HOOK_CALLS.with(|c| {
			c.borrow_mut().push(HookCall::NeuronRemoved { netuid, uid, hotkey: *hotkey })
		});
		EMISSIONS.with(|e| e.borrow_mut().remove(&(netuid, uid)));
	}
	fn on_network_dissolved(netuid: u16) {
		HOOK_CALLS.with(|c| c.borrow_mut().push(HookCall::NetworkDissolved { netuid }));
		EMISSIONS.with(|e| e.borrow_mut().retain(|(n, _), _| *n != netuid));
	}
	fn clear_dissolved(_netuid: u16, _limit: u32) -> u32 {
		0
	}
}

/// Every hook call so far.
pub fn hook_calls() -> Vec<HookCall> {
	HOOK_CALLS.with(|c| c.borrow().clone())
}

impl pallet_subnets::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type NeuronEmission = MockEmission;
	type OnNeuronRemoved = RecordingHook;
	type Shares = MockShares;
	type WeightInfo = ();
}

/// Builds test externalities with the spec defaults, every coldkey in `1..=10` endowed with
/// [`ENDOWMENT`].
pub struct ExtBuilder {
	balances: Vec<(AccountId, Balance)>,
	genesis: pallet_subnets::GenesisConfig<Test>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self {
			balances: (1..=10).map(|who| (who, ENDOWMENT)).collect(),
			genesis: Default::default(),
		}
	}
}

impl ExtBuilder {
	pub fn network_min_lock(mut self, lock: Balance) -> Self {
		self.genesis.network_min_lock = lock;
		self
	}
	pub fn default_tempo(mut self, tempo: u16) -> Self {
		self.genesis.default_tempo = tempo;
		self
	}
	pub fn subnet_limit(mut self, limit: u16) -> Self {
		self.genesis.subnet_limit = limit;
		self
	}
	pub fn lock_reduction_interval(mut self, interval: u32) -> Self {
		self.genesis.lock_reduction_interval = interval;
		self
	}
	pub fn balance(mut self, who: AccountId, amount: Balance) -> Self {
		self.balances.retain(|(w, _)| *w != who);
		self.balances.push((who, amount));
		self
	}

	pub fn build(self) -> sp_io::TestExternalities {
		EMISSIONS.with(|e| e.borrow_mut().clear());
		HOOK_CALLS.with(|c| c.borrow_mut().clear());
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> { balances: self.balances, ..Default::default() }
			.assimilate_storage(&mut storage)
			.unwrap();
		self.genesis.assimilate_storage(&mut storage).unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| System::set_block_number(1));
		ext
	}

	/// Run `test`, then check the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		self.build().execute_with(|| {
			test();
			assert_ok!(Subnets::do_try_state());
		})
	}
}

/// Externalities with the defaults (used by the benchmark tests).
pub fn new_test_ext() -> sp_io::TestExternalities {
	ExtBuilder::default().build()
}

/// Run `test` with the defaults, then check the pallet's invariants.
pub fn test(test: impl FnOnce()) {
	ExtBuilder::default().build_and_execute(test)
}

/// Move to block `n`, whose `on_idle` has all the weight it wants (the pallet's only per-block
/// work: clearing what dissolved subnets left; one call clears everything, so the blocks
/// skipped would have nothing to do).
pub fn run_to_block(n: u64) {
	System::set_block_number(n);
	<Subnets as frame_support::traits::Hooks<u64>>::on_idle(n, Weight::MAX);
}

/// The pallet's events so far, oldest first.
pub fn subnet_events() -> Vec<pallet_subnets::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Subnets(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event of the pallet.
pub fn last_subnet_event() -> pallet_subnets::Event<Test> {
	subnet_events().pop().expect("no subnets event")
}

/// Free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// Total issuance of the currency.
pub fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

/// `coldkey` registers a subnet with `hotkey`; returns the new netuid.
pub fn register_subnet(coldkey: AccountId, hotkey: AccountId) -> u16 {
	assert_ok!(Subnets::register_network(RuntimeOrigin::signed(coldkey), hotkey));
	match last_subnet_event() {
		pallet_subnets::Event::NetworkRegistered { netuid, .. } => netuid,
		other => panic!("unexpected event {other:?}"),
	}
}

/// `coldkey` registers `hotkey` on `netuid`; returns its uid.
pub fn register_neuron(netuid: u16, coldkey: AccountId, hotkey: AccountId) -> u16 {
	assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(coldkey), netuid, hotkey));
	pallet_subnets::Uids::<Test>::get(netuid, hotkey).expect("just registered")
}

/// Set a hyperparameter as root.
pub fn root_set(netuid: u16, param: crate::Hyperparameter<Balance>) {
	assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param));
}
