//! Test runtime: `frame_system`, `pallet_balances` (with holds) and this pallet, with hotkey
//! ownership set by the tests.

use crate::{self as pallet_staking, HotkeyOwners};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::Inspect, ConstU128},
	PalletId,
};
use sp_runtime::BuildStorage;
use std::{cell::RefCell, collections::BTreeMap};

type Block = frame_system::mocking::MockBlock<Test>;

/// Accounts are plain numbers: coldkeys below 100, hotkeys from 100.
pub type AccountId = u64;
/// Same balance type as the Myelin runtime.
pub type Balance = u128;

/// One MYL.
pub const MYL: Balance = 1_000_000_000;
/// The existential deposit (as in the runtime: 0.001 MYL).
pub const ED: Balance = 1_000_000;
/// What every coldkey in `1..=20` starts with.
pub const ENDOWMENT: Balance = 1_000_000 * MYL;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CHARLIE: AccountId = 3;
/// Alice's hotkey.
pub const HK_A: AccountId = 101;
/// Bob's hotkey.
pub const HK_B: AccountId = 102;
/// A hotkey nobody owns.
pub const HK_NOBODY: AccountId = 199;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Staking: pallet_staking,
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

thread_local! {
	static OWNERS: RefCell<BTreeMap<AccountId, AccountId>> = const { RefCell::new(BTreeMap::new()) };
}

/// Hotkey ownership as the Subnets pallet would record it.
pub struct MockOwners;
impl HotkeyOwners<AccountId> for MockOwners {
	fn owner(hotkey: &AccountId) -> Option<AccountId> {
		OWNERS.with(|o| o.borrow().get(hotkey).copied())
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_owner(hotkey: &AccountId, coldkey: &AccountId) {
		set_owner(*hotkey, *coldkey)
	}
}

/// Make `coldkey` the owner of `hotkey`.
pub fn set_owner(hotkey: AccountId, coldkey: AccountId) {
	OWNERS.with(|o| o.borrow_mut().insert(hotkey, coldkey));
}

parameter_types! {
	pub const StakingPalletId: PalletId = PalletId(*b"myl/stak");
}

impl pallet_staking::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type HotkeyOwners = MockOwners;
	type PendingRewards = ();
	type PalletId = StakingPalletId;
	type WeightInfo = ();
}

/// Externalities with coldkeys `1..=20` endowed, Alice owning `HK_A` and Bob `HK_B`.
pub fn new_test_ext() -> sp_io::TestExternalities {
	ext_with((1..=20).map(|who| (who, ENDOWMENT)).collect())
}

/// Externalities with the given balances (and the same hotkey owners).
pub fn ext_with(balances: Vec<(AccountId, Balance)>) -> sp_io::TestExternalities {
	OWNERS.with(|o| o.borrow_mut().clear());
	set_owner(HK_A, ALICE);
	set_owner(HK_B, BOB);
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	// No warm-up, except in the tests of it (`tests/warmup.rs`).
	pallet_staking::GenesisConfig::<Test> { stake_warmup: 0, ..Default::default() }
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Run `test` with the defaults, then check the pallet's invariants.
pub fn test(test: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		test();
		assert_ok!(Staking::do_try_state());
	})
}

/// The pallet's events so far, oldest first.
pub fn staking_events() -> Vec<pallet_staking::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|record| match record.event {
			RuntimeEvent::Staking(event) => Some(event),
			_ => None,
		})
		.collect()
}

/// The last event of the pallet.
pub fn last_event() -> pallet_staking::Event<Test> {
	staking_events().pop().expect("no staking event")
}

/// Free balance of `who`.
pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

/// Held for staking from `who`.
pub fn held(who: AccountId) -> Balance {
	Staking::held_for_stake(&who)
}

/// Total issuance.
pub fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

/// Stake of `coldkey` on `hotkey`.
pub fn stake(coldkey: AccountId, hotkey: AccountId) -> Balance {
	Staking::stake_of(&coldkey, &hotkey)
}

/// `coldkey` stakes `amount` to `hotkey`.
pub fn add(coldkey: AccountId, hotkey: AccountId, amount: Balance) {
	assert_ok!(Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey, amount));
}
