//! # Myelin test runtime
//!
//! The runtime pallet tests use when they need their neighbours: System, Balances and the four
//! Myelin pallets wired through the doors exactly as `runtime/` wires them, with numbers for
//! accounts (coldkeys below 100, hotkeys from 100), the dev chain's subnet settings (1 MYL
//! lock, tempo 10) and helpers. Pallets that need a different neighbour (a fake emission for
//! pruning order, fake hotkey owners) keep a mock of their own.
//!
//! Tests by pallet live in `tests/`: `weights/` (rows and commit-reveal), `yuma/` (emission,
//! schedule, payouts), `market/` (bonds, jobs, leases) and `epochs.rs` (commit-reveal windows on staggered and deferred epochs).
//! Every test ends with [`check_invariants`]: each pallet's `try_state` and total issuance =
//! Σ (free + reserved).

use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::Inspect, ConstU128, Hooks},
	weights::Weight,
	PalletId,
};
use sp_runtime::BuildStorage;

pub use frame_support;
pub use myelin_doors;
pub use pallet_subnets::Hyperparameter as H;

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts are plain numbers: coldkeys below 100, hotkeys from 100.
pub type AccountId = u64;
/// Balances in base units.
pub type Balance = u128;

/// One MYL.
pub const MYL: Balance = 1_000_000_000;
/// The existential deposit of the real chain: 0.001 MYL.
pub const ED: Balance = 1_000_000;
/// What each of the coldkeys 1..=10 holds at genesis.
pub const ENDOWMENT: Balance = 1_000_000 * MYL;
/// A subnet owner.
pub const OWNER: AccountId = 1;
/// A coldkey owning validator hotkeys.
pub const VALIDATOR_COLDKEY: AccountId = 2;
/// A coldkey owning miner hotkeys.
pub const MINER_COLDKEY: AccountId = 3;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Subnets: pallet_subnets,
		Staking: pallet_myelin_staking,
		WeightsPallet: pallet_weights,
		Yuma: pallet_yuma,
		Root: pallet_root,
		Market: pallet_market,
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
	type OnNeuronRemoved = (WeightsPallet, Yuma, Root);
	type Shares = Root;
	type WeightInfo = ();
}

/// Hotkey owners as recorded by Subnets (the runtime's wiring).
pub struct Owners;
impl myelin_doors::HotkeyOwners<AccountId> for Owners {
	fn owner(hotkey: &AccountId) -> Option<AccountId> {
		<Subnets as myelin_doors::SubnetsInterface<AccountId, u64>>::hotkey_owner(hotkey)
	}
}

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"myl/stak");
	/// Room for every epoch of a block unless a test lowers it.
	pub static MaxEpochWeight: Weight = Weight::MAX;
	/// The weight `run_to_block` leaves each block's `on_idle` (owed payouts): all of it
	/// unless a test lowers it.
	pub static IdleWeight: Weight = Weight::MAX;
}

impl pallet_myelin_staking::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type HotkeyOwners = Owners;
	type PendingRewards = Yuma;
	type PalletId = StakingPalletId;
	type WeightInfo = ();
}

impl pallet_weights::Config for Test {
	type Subnets = Subnets;
	type Permits = Yuma;
	type Epochs = Yuma;
	type WeightInfo = ();
}

impl pallet_yuma::Config for Test {
	type Subnets = Subnets;
	type Stake = Staking;
	type Rewards = Staking;
	type Weights = WeightsPallet;
	type Shares = Root;
	type RootEpoch = Root;
	type MaxEpochWeight = MaxEpochWeight;
	type WeightInfo = ();
}

impl pallet_root::Config for Test {
	type Subnets = Subnets;
	type Stake = Staking;
	type WeightInfo = ();
}

parameter_types! {
	pub const MarketUnbonding: u64 = 20;
	pub const MarketAttestWindow: u64 = 5;
	pub const MarketMinJobBlocks: u64 = 3;
	pub const MarketMaxJobBlocks: u64 = 1_000;
	pub const MarketJobBondRatio: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);
	pub const MarketLeaseBondBlocks: u32 = 10;
	pub const MarketLeaseGrace: u64 = 20;
}

impl pallet_market::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Subnets = Subnets;
	type Permits = Yuma;
	type Stake = Staking;
	type UnbondingPeriod = MarketUnbonding;
	type AttestWindow = MarketAttestWindow;
	type MinJobBlocks = MarketMinJobBlocks;
	type MaxJobBlocks = MarketMaxJobBlocks;
	type JobBondRatio = MarketJobBondRatio;
	type LeaseBondBlocks = MarketLeaseBondBlocks;
	type LeaseGrace = MarketLeaseGrace;
	type WeightInfo = ();
}

/// Externalities at block 1: coldkeys 1..=10 endowed, dev-chain subnet settings (1 MYL lock,
/// tempo 10), no subnet.
pub fn new_test_ext() -> sp_io::TestExternalities {
	MaxEpochWeight::set(Weight::MAX);
	IdleWeight::set(Weight::MAX);
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
	// Root epochs every 1000 blocks, out of the way of the subnet epochs' budget tests; the
	// root tests set their own tempo.
	pallet_root::GenesisConfig::<Test> { tempo: Some(1000), ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Every pallet's `try_state`, and total issuance = Σ (free + reserved) over all accounts.
pub fn check_invariants() {
	assert_ok!(Subnets::do_try_state());
	assert_ok!(Staking::do_try_state());
	assert_ok!(WeightsPallet::do_try_state());
	assert_ok!(Yuma::do_try_state());
	assert_ok!(Root::do_try_state());
	assert_ok!(Market::do_try_state());
	let held: Balance = frame_system::Account::<Test>::iter_values()
		.map(|account| account.data.free + account.data.reserved)
		.sum();
	assert_eq!(issuance(), held, "total issuance differs from the sum of all balances");
}

/// Run `test` on a chain with no subnet, then [`check_invariants`].
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		check_invariants();
	})
}

/// Advance to block `n`, running Yuma's `on_initialize` (emission, epochs) and `on_idle`
/// (dissolved subnets cleared, then owed payouts, with [`IdleWeight`]) in every block.
pub fn run_to_block(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Yuma::on_initialize(next);
		// `on_idle` in pallet order, each with what the ones before left.
		let used = Subnets::on_idle(next, IdleWeight::get());
		Yuma::on_idle(next, IdleWeight::get().saturating_sub(used));
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

/// The last event of the Weights pallet.
pub fn last_weights_event() -> pallet_weights::Event<Test> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::WeightsPallet(e) => Some(e),
			_ => None,
		})
		.next_back()
		.expect("no weights event")
}

/// Total issuance.
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

/// Set a hyperparameter of `netuid` as root.
pub fn set_hyper(netuid: u16, param: pallet_subnets::Hyperparameter<Balance>) {
	assert_ok!(Subnets::set_hyperparameter(RuntimeOrigin::root(), netuid, param));
}

/// Store `row` as the weight row of `uid` on `netuid`, set now, without the call's checks
/// (permits, rate limit): test setup for epochs. Keeps the Weights pallet's books.
pub fn set_weights(netuid: u16, uid: u16, row: Vec<(u16, u16)>) {
	use pallet_weights::{Entries, LastUpdate, WeightRow, Weights};
	let old = Weights::<Test>::get(netuid, uid).map(|r| r.len() as u32).unwrap_or(0);
	let new = row.len() as u32;
	Entries::<Test>::mutate(netuid, |e| *e = *e - old + new);
	Weights::<Test>::insert(netuid, uid, WeightRow::truncate_from(row));
	LastUpdate::<Test>::insert(netuid, uid, System::block_number());
}

/// Give or take the validator permit of `uid` on `netuid`, as if the last epoch had (the next
/// epoch hands permits out again by stake).
pub fn set_permit(netuid: u16, uid: u16, permit: bool) {
	pallet_yuma::ValidatorPermit::<Test>::mutate(netuid, |permits| {
		while permits.len() <= usize::from(uid) && permits.try_push(false).is_ok() {}
		if let Some(p) = permits.get_mut(usize::from(uid)) {
			*p = permit;
		}
	});
}

/// The index of the current epoch of `netuid` (see `myelin_doors::schedule`).
pub fn current_epoch(netuid: u16) -> u64 {
	<Yuma as myelin_doors::EpochSchedule>::current_epoch(netuid)
}
