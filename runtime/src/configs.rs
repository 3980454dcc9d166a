//! Configuration of every pallet in the runtime.

use frame_support::{
	derive_impl,
	dispatch::DispatchClass,
	parameter_types,
	traits::{ConstBool, ConstU128, ConstU32, ConstU64, ConstU8, Get, VariantCountOf},
	weights::{
		constants::{ParityDbWeight, WEIGHT_REF_TIME_PER_SECOND},
		ConstantMultiplier, Weight, WeightToFee,
	},
	PalletId,
};
use frame_system::limits::{BlockLength, BlockWeights};
use pallet_transaction_payment::{ConstFeeMultiplier, FungibleAdapter, Multiplier};
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_runtime::{traits::One, Perbill};
use sp_version::RuntimeVersion;

use super::{
	block_time, AccountId, Aura, Balance, Balances, Block, BlockNumber, Hash, MultiBlockMigrations,
	Nonce, OriginCaller, PalletInfo, Root, Runtime, RuntimeCall, RuntimeEvent, RuntimeFreezeReason,
	RuntimeHoldReason, RuntimeOrigin, RuntimeTask, Staking, Subnets, System, Weights, Yuma,
	EXISTENTIAL_DEPOSIT, SS58_PREFIX, VERSION,
};

/// Share of a block's weight and length available to normal (non-operational) extrinsics.
const NORMAL_DISPATCH_RATIO: Perbill = Perbill::from_percent(75);

/// The most compute a block may carry, whatever its slot: two seconds.
pub const MAX_BLOCK_COMPUTE_MS: u64 = 2_000;

/// The weight limits of a block on a chain whose slot lasts `slot_ms`: half the slot of
/// compute (a block must be built and imported within its slot), at most
/// [`MAX_BLOCK_COMPUTE_MS`]; 75% of it for normal extrinsics. The dev chain's 250 ms slot gives
/// 125 ms, the local testnet's 6 s slot 2 s.
pub fn block_weights_for_slot(slot_ms: u64) -> BlockWeights {
	let compute_ms = (slot_ms / 2).clamp(1, MAX_BLOCK_COMPUTE_MS);
	BlockWeights::with_sensible_defaults(
		Weight::from_parts(compute_ms * (WEIGHT_REF_TIME_PER_SECOND / 1_000), u64::MAX),
		NORMAL_DISPATCH_RATIO,
	)
}

/// The block weight limits derived from the slot this chain runs (`BlockTime`, set in
/// genesis): [`block_weights_for_slot`].
pub struct RuntimeBlockWeights;
impl Get<BlockWeights> for RuntimeBlockWeights {
	fn get() -> BlockWeights {
		block_weights_for_slot(block_time::Pallet::<Runtime>::slot_duration())
	}
}

parameter_types! {
	pub const BlockHashCount: BlockNumber = 2400;
	pub const Version: RuntimeVersion = VERSION;
	/// 5 MiB per block, 75% of it for normal extrinsics.
	pub RuntimeBlockLength: BlockLength = BlockLength::builder()
		.max_length(5 * 1024 * 1024)
		.modify_max_length_for_class(DispatchClass::Normal, |max| {
			*max = NORMAL_DISPATCH_RATIO * *max
		})
		.build();
	pub const SS58Prefix: u16 = SS58_PREFIX;
}

#[derive_impl(frame_system::config_preludes::SolochainDefaultConfig)]
impl frame_system::Config for Runtime {
	type Block = Block;
	type BlockWeights = RuntimeBlockWeights;
	type BlockLength = RuntimeBlockLength;
	type AccountId = AccountId;
	type Nonce = Nonce;
	type Hash = Hash;
	type BlockHashCount = BlockHashCount;
	/// The node stores state in ParityDB.
	type DbWeight = ParityDbWeight;
	type Version = Version;
	type AccountData = pallet_balances::AccountData<Balance>;
	type SS58Prefix = SS58Prefix;
	type MaxConsumers = ConstU32<16>;
	/// Storage migrations too large for one block run a step per block (`pallet-migrations`).
	type MultiBlockMigrator = MultiBlockMigrations;
}

parameter_types! {
	/// Multi-block migrations may use a tenth of each block (with the epochs' 85% and the
	/// per-block work, a block's mandatory weight stays within its limit).
	pub MaxMigrationWeight: Weight = Perbill::from_percent(10) * RuntimeBlockWeights::get().max_block;
}

impl pallet_migrations::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	#[cfg(not(feature = "runtime-benchmarks"))]
	type Migrations = crate::MultiBlockMigrationsOf;
	#[cfg(feature = "runtime-benchmarks")]
	type Migrations = pallet_migrations::mock_helpers::MockedMigrations;
	type CursorMaxLen = ConstU32<65_536>;
	type IdentifierMaxLen = ConstU32<256>;
	type MigrationStatusHandler = ();
	/// A failed migration (impossible from a state that passed its pallet's `try_state`)
	/// resumes extrinsics rather than freezing the chain: a solo chain has no relay chain to
	/// unfreeze it, and a frozen chain cannot even include the root call that would fix it.
	/// Root can then upgrade and restart the migrations (`force_onboard_mbms`).
	type FailedMigrationHandler = frame_support::migrations::ForceUnstuckOnFailedMigration;
	type MaxServiceWeight = MaxMigrationWeight;
	type WeightInfo = pallet_migrations::weights::SubstrateWeight<Runtime>;
}

impl block_time::Config for Runtime {}

impl pallet_timestamp::Config for Runtime {
	/// Milliseconds since the Unix epoch.
	type Moment = u64;
	type OnTimestampSet = Aura;
	/// Half the slot duration stored by `BlockTime`.
	type MinimumPeriod = block_time::MinimumPeriodOf<Runtime>;
	type WeightInfo = ();
}

impl pallet_aura::Config for Runtime {
	type AuthorityId = AuraId;
	type DisabledValidators = ();
	type MaxAuthorities = ConstU32<32>;
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	/// The slot duration stored by `BlockTime` (set per chain spec in genesis).
	type SlotDuration = block_time::SlotDurationOf<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type MaxAuthorities = ConstU32<32>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_balances::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeHoldReason = RuntimeHoldReason;
	type RuntimeFreezeReason = RuntimeFreezeReason;
	type WeightInfo = pallet_balances::weights::SubstrateWeight<Runtime>;
	type Balance = Balance;
	type DustRemoval = ();
	type ExistentialDeposit = ConstU128<EXISTENTIAL_DEPOSIT>;
	type AccountStore = System;
	type ReserveIdentifier = [u8; 8];
	type FreezeIdentifier = RuntimeFreezeReason;
	type MaxLocks = ConstU32<50>;
	type MaxReserves = ConstU32<50>;
	type MaxFreezes = VariantCountOf<RuntimeFreezeReason>;
	type DoneSlashHandler = ();
}

/// Fee for execution time: one base unit per nanosecond of reference time, so a balance
/// transfer (about 0.2 ms) costs about 0.0002 MYL.
pub struct MylWeightToFee;
impl WeightToFee for MylWeightToFee {
	type Balance = Balance;
	fn weight_to_fee(weight: &Weight) -> Balance {
		Balance::from(weight.ref_time() / 1_000)
	}
}

parameter_types! {
	pub FeeMultiplier: Multiplier = Multiplier::one();
}

impl pallet_transaction_payment::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Fees are burned (withdrawn from issuance) for now.
	type OnChargeTransaction = FungibleAdapter<Balances, ()>;
	type WeightToFee = MylWeightToFee;
	/// 1000 base units (0.000001 MYL) per byte.
	type LengthToFee = ConstantMultiplier<Balance, ConstU128<1_000>>;
	type FeeMultiplierUpdate = ConstFeeMultiplier<FeeMultiplier>;
	type OperationalFeeMultiplier = ConstU8<5>;
	type WeightInfo = pallet_transaction_payment::weights::SubstrateWeight<Runtime>;
}

impl pallet_sudo::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type WeightInfo = pallet_sudo::weights::SubstrateWeight<Runtime>;
}

impl pallet_utility::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type WeightInfo = pallet_utility::weights::SubstrateWeight<Runtime>;
}

impl pallet_subnets::Config for Runtime {
	/// Locks are held and registration prices burned in MYL.
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Epoch emissions (from Yuma) decide pruning.
	type NeuronEmission = Yuma;
	/// Pallets keyed by uid forget a pruned neuron or a dissolved subnet.
	type OnNeuronRemoved = (Weights, Yuma, Root);
	type Shares = Root;
	/// Generated from the pallet's FRAME benchmarks (`make weights`).
	type WeightInfo = pallet_subnets::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The reward pot of the staking pallet is derived from this id.
	pub const StakingPalletId: PalletId = PalletId(*b"myl/stak");
}

/// Hotkey ownership, as the Subnets pallet records it, for the Staking pallet.
pub struct SubnetsHotkeyOwners;
impl myelin_doors::HotkeyOwners<AccountId> for SubnetsHotkeyOwners {
	fn owner(hotkey: &AccountId) -> Option<AccountId> {
		<Subnets as myelin_doors::SubnetsInterface<AccountId, BlockNumber>>::hotkey_owner(hotkey)
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn set_owner(hotkey: &AccountId, coldkey: &AccountId) {
		pallet_subnets::Pallet::<Runtime>::take_hotkey_for_benchmarks(hotkey, coldkey);
	}
}

impl pallet_myelin_staking::Config for Runtime {
	/// Stake is held (reason `Staked`) and rewards are minted in MYL.
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type HotkeyOwners = SubnetsHotkeyOwners;
	type PendingRewards = Yuma;
	type PalletId = StakingPalletId;
	/// Generated from the pallet's FRAME benchmarks (`make weights`).
	type WeightInfo = pallet_myelin_staking::weights::SubstrateWeight<Runtime>;
}

parameter_types! {
	/// The epochs of one block may use at most 85% of it (dev: 106 ms, local: 1.7 s); due
	/// epochs beyond wait a block. With the multi-block migrations' 10% and the per-block
	/// work, no block's mandatory weight exceeds its limit.
	pub MaxEpochWeight: Weight = Perbill::from_percent(85) * RuntimeBlockWeights::get().max_block;
}

impl pallet_yuma::Config for Runtime {
	type Subnets = Subnets;
	type Stake = Staking;
	type Rewards = Staking;
	type Weights = Weights;
	type Shares = Root;
	type RootEpoch = Root;
	type MaxEpochWeight = MaxEpochWeight;
	/// Generated from the pallet's FRAME benchmarks (`make weights`).
	type WeightInfo = pallet_yuma::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::Helper;
}

impl pallet_root::Config for Runtime {
	type Subnets = Subnets;
	type Stake = Staking;
	/// Generated from the pallet's FRAME benchmarks (`make weights`).
	type WeightInfo = pallet_root::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::Helper;
}

parameter_types! {
	/// Unbonding takes 600 blocks (an hour at 6 s, 2.5 min on the dev chain's 250 ms).
	pub const MarketUnbondingPeriod: BlockNumber = 600;
	/// Validators attest a result within 20 blocks.
	pub const MarketAttestWindow: BlockNumber = 20;
	/// A job's deadline is 10..=100_800 blocks ahead (a week at 6 s).
	pub const MarketMinJobBlocks: BlockNumber = 10;
	pub const MarketMaxJobBlocks: BlockNumber = 100_800;
	/// A provider bonds half of a job's maximum price.
	pub const MarketJobBondRatio: sp_runtime::Perbill = sp_runtime::Perbill::from_percent(50);
	/// A lease requires 600 blocks of its rate in bond.
	pub const MarketLeaseBondBlocks: u32 = 600;
	/// A paused lease resumes on a top-up within 600 blocks.
	pub const MarketLeaseGrace: BlockNumber = 600;
}

impl pallet_market::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Subnets = Subnets;
	type Permits = Yuma;
	type Stake = Staking;
	type UnbondingPeriod = MarketUnbondingPeriod;
	type AttestWindow = MarketAttestWindow;
	type MinJobBlocks = MarketMinJobBlocks;
	type MaxJobBlocks = MarketMaxJobBlocks;
	type JobBondRatio = MarketJobBondRatio;
	type LeaseBondBlocks = MarketLeaseBondBlocks;
	type LeaseGrace = MarketLeaseGrace;
	/// Generated from the pallet's FRAME benchmarks (`make weights`).
	type WeightInfo = pallet_market::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::Helper;
}

impl pallet_weights::Config for Runtime {
	type Subnets = Subnets;
	/// Validator permits are handed out by Yuma at each epoch.
	type Permits = Yuma;
	/// Commit-reveal windows follow the epochs Yuma runs.
	type Epochs = Yuma;
	/// Generated from the pallet's FRAME benchmarks (`make weights`).
	type WeightInfo = pallet_weights::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = benchmark_helpers::Helper;
}

/// Benchmark setups that span pallets (subnets with neurons, permits, weight rows).
#[cfg(feature = "runtime-benchmarks")]
mod benchmark_helpers {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::traits::fungible::Mutate;

	pub struct Helper;

	/// A funded owner registers a subnet of `n` neurons; its netuid and hotkeys.
	fn subnet(n: u16) -> (u16, Vec<AccountId>) {
		let index = pallet_subnets::SubnetOwner::<Runtime>::count();
		let owner: AccountId = frame_benchmarking::account("bench-owner", index, 0);
		let _ = Balances::set_balance(&owner, 1_000_000_000 * crate::MYL);
		let hotkeys: Vec<AccountId> = (0..u32::from(n.max(1)))
			.map(|i| frame_benchmarking::account("bench-neuron", index * 10_000 + i, 0))
			.collect();
		(Subnets::benchmark_subnet(&owner, n, &hotkeys), hotkeys)
	}

	impl pallet_weights::BenchmarkHelper<AccountId> for Helper {
		fn validator_subnet(n: u16) -> (u16, AccountId) {
			let (netuid, hotkeys) = subnet(n);
			Yuma::grant_permit_for_benchmarks(netuid, 0);
			(netuid, hotkeys[0].clone())
		}
		fn enable_commit_reveal(netuid: u16) {
			pallet_subnets::Hyperparams::<Runtime>::mutate(netuid, |p| {
				if let Some(p) = p {
					p.commit_reveal_enabled = true;
				}
			});
		}
		fn set_epoch(netuid: u16, index: u64) {
			Yuma::set_epoch_for_benchmarks(netuid, index);
		}
	}

	impl pallet_market::BenchmarkHelper<AccountId> for Helper {
		/// The owner hotkey and `validators` permitted, staked validators, each owned by its
		/// own coldkey; the provider registered by a coldkey of its own.
		fn market_subnet(validators: u32) -> (u16, AccountId, Vec<AccountId>) {
			let (netuid, hotkeys) = subnet(validators as u16 + 1);
			pallet_subnets::Hyperparams::<Runtime>::mutate(netuid, |p| {
				if let Some(p) = p {
					p.max_allowed_uids = p.max_allowed_uids.max(validators as u16 + 2);
				}
			});
			let validators: Vec<AccountId> = hotkeys[1..].to_vec();
			for (i, hotkey) in validators.iter().enumerate() {
				// Staked, or their rejections would weigh nothing and the job would be paid.
				let coldkey: AccountId =
					frame_benchmarking::account("market-validator-owner", i as u32, netuid.into());
				let _ = Balances::set_balance(&coldkey, 1_000 * crate::MYL);
				pallet_subnets::HotkeyOwner::<Runtime>::insert(hotkey, &coldkey);
				Staking::add_stake(RuntimeOrigin::signed(coldkey), hotkey.clone(), crate::MYL)
					.expect("funded, owned");
				Yuma::grant_permit_for_benchmarks(netuid, i as u16 + 1);
			}
			let coldkey: AccountId =
				frame_benchmarking::account("market-provider-owner", 0, netuid.into());
			let _ = Balances::set_balance(&coldkey, 1_000_000_000 * crate::MYL);
			let provider: AccountId =
				frame_benchmarking::account("market-provider", 0, netuid.into());
			Subnets::burned_register(RuntimeOrigin::signed(coldkey), netuid, provider.clone())
				.expect("room and funds");
			(netuid, provider, validators)
		}
	}

	impl pallet_root::BenchmarkHelper<AccountId> for Helper {
		fn hotkeys(coldkey: &AccountId, count: u32, rising: bool) -> Vec<AccountId> {
			let _ = Balances::set_balance(coldkey, 1_000_000_000 * crate::MYL);
			let raw: &[u8] = coldkey.as_ref();
			let seed = u32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]);
			(0..count)
				.map(|i| {
					let hotkey: AccountId = frame_benchmarking::account("root-hotkey", i, seed);
					pallet_subnets::HotkeyOwner::<Runtime>::insert(&hotkey, coldkey);
					let stake = if rising { u128::from(i + 1) * crate::MYL } else { crate::MYL };
					let origin = RuntimeOrigin::signed(coldkey.clone());
					Staking::add_stake(origin, hotkey.clone(), stake).expect("funded, owned");
					hotkey
				})
				.collect()
		}
		fn subnets(count: u32) -> Vec<u16> {
			pallet_subnets::SubnetLimit::<Runtime>::put(myelin_doors::MAX_SUBNETS);
			while pallet_subnets::SubnetOwner::<Runtime>::count() < count {
				subnet(1);
			}
			<Subnets as myelin_doors::SubnetsInterface<AccountId, BlockNumber>>::netuids()
		}
	}

	impl pallet_yuma::BenchmarkHelper<AccountId> for Helper {
		fn subnet(n: u16, validators: u16) -> (u16, Vec<AccountId>) {
			let (netuid, hotkeys) = subnet(n);
			pallet_subnets::Hyperparams::<Runtime>::mutate(netuid, |p| {
				if let Some(p) = p {
					p.max_allowed_validators = validators.max(1);
				}
			});
			(netuid, hotkeys)
		}
		fn set_weights(netuid: u16, uid: u16, row: Vec<(u16, u16)>) {
			let row = pallet_weights::WeightRow::truncate_from(row);
			pallet_weights::Pallet::<Runtime>::store_row_for_benchmarks(netuid, uid, row);
		}
		fn set_yuma_version(netuid: u16, version: u8) {
			pallet_subnets::Hyperparams::<Runtime>::mutate(netuid, |p| {
				if let Some(p) = p {
					p.yuma_version = version;
				}
			});
		}
	}
}
