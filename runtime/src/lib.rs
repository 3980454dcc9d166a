//! # Myelin runtime
//!
//! The state machine of the Myelin chain. FRAME pallets `System`, `Timestamp`, `Aura`,
//! `Grandpa`, `Balances`, `TransactionPayment`, `Sudo` and `Utility`; Myelin's `Subnets`
//! (subnets, neurons, hyperparameters, endpoints), `Staking` (stake, take, rewards), `Weights`
//! (weight rows, commit-reveal) and `Yuma` (emission, epochs); and `BlockTime`, a
//! one-value pallet that lets each chain spec choose its slot duration from the same Wasm
//! blob (250 ms for `--dev`, 6 s for `--chain local`).
//!
//! - [`configs`]: how every pallet is configured.
//! - [`apis`]: the runtime APIs the node and polkadot.js call.
//! - [`genesis_config_presets`]: the `development` and `local_testnet` presets.
//!
//! Token: MYL, 9 decimals ([`MYL`] base units), SS58 prefix 42.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime!` needs a high recursion limit.
#![recursion_limit = "256"]

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod block_time;
pub mod configs;
pub mod feeless;
pub mod genesis_config_presets;
pub mod subnets_api;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use apis::RuntimeApi;
pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types the node uses without knowing the runtime's concrete extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block hash type.
	pub type Hash = <BlakeTwo256 as sp_runtime::traits::Hash>::Output;
}

impl_opaque_keys! {
	/// The session keys of a Myelin authority: an Aura (sr25519) and a GRANDPA (ed25519) key.
	pub struct SessionKeys {
		pub aura: Aura,
		pub grandpa: Grandpa,
	}
}

/// The runtime version. Bump `spec_version` on every change of runtime logic.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("myelin"),
	impl_name: alloc::borrow::Cow::Borrowed("myelin-node"),
	authoring_version: 1,
	spec_version: 107,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Base units in one MYL (9 decimals).
pub const MYL: Balance = 1_000_000_000;
/// One thousandth of a MYL.
pub const MILLI_MYL: Balance = MYL / 1_000;
/// One millionth of a MYL.
pub const MICRO_MYL: Balance = MYL / 1_000_000;
/// The token symbol shown by wallets.
pub const TOKEN_SYMBOL: &str = "MYL";
/// The number of decimals of [`TOKEN_SYMBOL`].
pub const TOKEN_DECIMALS: u8 = 9;
/// The SS58 address prefix (the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;
/// The smallest balance an account may hold: 0.001 MYL.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_MYL;

/// Slot duration of a chain whose genesis does not set one (`--chain local`): 6 s.
pub const DEFAULT_SLOT_DURATION_MS: u64 = 6_000;
/// Slot duration of the development chain (`--dev`): 250 ms.
pub const DEV_SLOT_DURATION_MS: u64 = 250;

/// Signature of a transaction.
pub type Signature = MultiSignature;
/// An account: the public key of the signature scheme.
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// Balance of an account, in base units (10^-9 MYL).
pub type Balance = u128;
/// Transaction counter of an account.
pub type Nonce = u32;
/// Block and state hash.
pub type Hash = sp_core::H256;
/// Block number.
pub type BlockNumber = u32;
/// The address format of extrinsics.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The transaction extensions every signed extrinsic carries, in order.
pub type TxExtension = (
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	feeless::CheckHotkeyCalls,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// An extrinsic as this runtime decodes it.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// The payload a signer signs.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// The transaction extensions of an immortal extrinsic with `nonce`, no tip and no metadata
/// hash: what the runtime tests and the fuzzer sign with.
pub fn tx_extension(nonce: Nonce) -> TxExtension {
	(
		frame_system::CheckNonZeroSender::new(),
		frame_system::CheckSpecVersion::new(),
		frame_system::CheckTxVersion::new(),
		frame_system::CheckGenesis::new(),
		frame_system::CheckEra::from(generic::Era::Immortal),
		frame_system::CheckNonce::from(nonce),
		frame_system::CheckWeight::new(),
		feeless::CheckHotkeyCalls,
		pallet_transaction_payment::ChargeTransactionPayment::from(0),
		frame_metadata_hash_extension::CheckMetadataHash::new(false),
		frame_system::WeightReclaim::new(),
	)
}

/// `call` signed by `signer` with `nonce` ([`tx_extension`]), as a wallet would sign it on
/// this chain (the genesis hash and versions are read from the state). Needs externalities.
#[cfg(feature = "std")]
pub fn signed_extrinsic(
	signer: &sp_core::sr25519::Pair,
	call: RuntimeCall,
	nonce: Nonce,
) -> UncheckedExtrinsic {
	use codec::Encode;
	use sp_core::Pair;
	let extension = tx_extension(nonce);
	let payload = SignedPayload::new(call.clone(), extension.clone())
		.expect("the implicit data of every extension is readable");
	let signature = payload.using_encoded(|bytes| signer.sign(bytes));
	UncheckedExtrinsic::new_signed(
		call,
		sp_runtime::MultiAddress::Id(signer.public().into()),
		sp_runtime::MultiSignature::Sr25519(signature),
		extension,
	)
}

/// Storage migrations run on runtime upgrade, besides those of the pallets, in order. Each is
/// versioned: it runs once, when the pallet's on-chain storage version is its `FROM`. Those
/// too large for one block are multi-block migrations: [`MultiBlockMigrationsOf`].
type Migrations = (
	// Yuma first: it starts each subnet's epoch count, which the Weights migration reads.
	pallet_yuma::migrations::v1::MigrateToV1<Runtime>,
	pallet_weights::migrations::v1::MigrateToV1<Runtime>,
	// The version only; `MultiBlockMigrationsOf` moves the values.
	pallet_subnets::migrations::v1::MigrateToV1<Runtime>,
	// Each existing subnet's registration block (root consensus, subnet pruning).
	pallet_subnets::migrations::v2::MigrateToV2<Runtime>,
	// The version only; `MultiBlockMigrationsOf` writes the neuron pages.
	pallet_subnets::migrations::v3::MigrateToV3<Runtime>,
);

/// Multi-block migrations, run by `MultiBlockMigrations` (`pallet-migrations`) after a runtime
/// upgrade, a step per block within `MaxServiceWeight`, in order; no extrinsic is applied until
/// they are done. Each does nothing when nothing is left to move (a chain started on the new
/// layout).
pub type MultiBlockMigrationsOf = (
	pallet_subnets::migrations::v1::MigrateV0ToV1<Runtime>,
	// After the columns: it reads each subnet's hotkeys.
	pallet_subnets::migrations::v3::MigrateV2ToV3<Runtime>,
);

/// Dispatches blocks and extrinsics to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;

	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;

	#[runtime::pallet_index(2)]
	pub type BlockTime = crate::block_time;

	#[runtime::pallet_index(3)]
	pub type Aura = pallet_aura;

	#[runtime::pallet_index(4)]
	pub type Grandpa = pallet_grandpa;

	#[runtime::pallet_index(5)]
	pub type Balances = pallet_balances;

	#[runtime::pallet_index(6)]
	pub type TransactionPayment = pallet_transaction_payment;

	#[runtime::pallet_index(7)]
	pub type Sudo = pallet_sudo;

	#[runtime::pallet_index(8)]
	pub type Utility = pallet_utility;

	#[runtime::pallet_index(9)]
	pub type MultiBlockMigrations = pallet_migrations;

	#[runtime::pallet_index(10)]
	pub type Subnets = pallet_subnets;

	#[runtime::pallet_index(11)]
	pub type Staking = pallet_myelin_staking;

	#[runtime::pallet_index(12)]
	pub type Weights = pallet_weights;

	#[runtime::pallet_index(13)]
	pub type Yuma = pallet_yuma;

	#[runtime::pallet_index(14)]
	pub type Root = pallet_root;

	#[runtime::pallet_index(15)]
	pub type Market = pallet_market;
}
