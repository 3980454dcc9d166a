//! The runtime under test: dev genesis, blocks through the executive, signed extrinsics, the
//! invariants.

use codec::Encode;
use frame_support::traits::{fungible::Inspect, Get};
use myelin_runtime::{
	configs::RuntimeBlockWeights, genesis_config_presets, AccountId, Balances, Executive, Header,
	Runtime, RuntimeCall, UncheckedExtrinsic, DEV_SLOT_DURATION_MS,
};
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_core::{sr25519, Pair};
use sp_runtime::{
	generic::{Digest, DigestItem},
	traits::Header as _,
};

/// A signer: a keypair the fuzzer holds.
pub type Signer = sr25519::Pair;

/// A commit the fuzzer made: `(netuid, hotkey index, uids, weights, salt)`, kept for reveals.
pub type MadeCommit = (u16, usize, Vec<u16>, Vec<u16>, Vec<u16>);

/// The chain: externalities on the dev genesis, and the block being built.
pub struct Chain {
	ext: Option<sp_io::TestExternalities>,
	block: u32,
	parent: sp_core::H256,
	/// Funded coldkeys (the dev accounts; Alice is the sudo key) and two strangers.
	pub coldkeys: Vec<Signer>,
	/// Hotkeys, unfunded: they sign the feeless calls.
	pub hotkeys: Vec<Signer>,
	/// Commits made so far, for reveals.
	pub commits: Vec<MadeCommit>,
}

impl Chain {
	/// The dev chain's genesis (Alice…Ferdie endowed, Alice the sudo key, tempo 10).
	pub fn new() -> Self {
		let storage =
			genesis_config_presets::genesis_storage(genesis_config_presets::development());
		let ext = sp_io::TestExternalities::new(storage);
		let mut coldkeys = dev_signers();
		coldkeys.extend((0..2u8).map(|i| Signer::from_seed(&[0xC0 + i; 32])));
		let hotkeys = (0..12u8).map(|i| Signer::from_seed(&[0x40 + i; 32])).collect();
		Self {
			ext: Some(ext),
			block: 0,
			parent: Default::default(),
			coldkeys,
			hotkeys,
			commits: Vec::new(),
		}
	}

	/// Run `f` inside the chain's externalities.
	pub fn execute<R>(&mut self, f: impl FnOnce(&mut Self) -> R) -> R {
		let mut ext = self.ext.take().expect("not re-entered");
		let result = ext.execute_with(|| f(self));
		self.ext = Some(ext);
		result
	}

	/// Start the next block: Aura's slot digest, `on_initialize` hooks, the timestamp inherent.
	pub fn start_block(&mut self) {
		self.block += 1;
		let slot = Slot::from(u64::from(self.block));
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header =
			Header::new(self.block, Default::default(), Default::default(), self.parent, digest);
		Executive::initialize_block(&header);
		let now = u64::from(self.block) * DEV_SLOT_DURATION_MS;
		let inherent =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now,
			}));
		Executive::apply_extrinsic(inherent).expect("the timestamp inherent applies").expect("ok");
	}

	/// Finish the block (`on_finalize` hooks); its declared weight (ref time) and the number
	/// of epochs it ran (subnet and root epochs).
	pub fn finish_block(&mut self) -> (u64, u64) {
		let header = Executive::finalize_block();
		self.parent = header.hash();
		let epochs = frame_system::Pallet::<Runtime>::events()
			.iter()
			.filter(|r| {
				matches!(
					r.event,
					myelin_runtime::RuntimeEvent::Yuma(pallet_yuma::Event::EpochCompleted { .. })
						| myelin_runtime::RuntimeEvent::Root(
							pallet_root::Event::RootEpochCompleted { .. }
						)
				)
			})
			.count() as u64;
		(frame_system::Pallet::<Runtime>::block_weight().total().ref_time(), epochs)
	}

	/// Sign `call` by `signer` with its next nonce and apply it. `None` when the transaction
	/// is invalid (refused before dispatch), else whether its dispatch succeeded.
	pub fn submit(&mut self, signer: &Signer, call: RuntimeCall) -> Option<bool> {
		let who: AccountId = signer.public().into();
		let nonce = frame_system::Pallet::<Runtime>::account_nonce(&who);
		let xt = myelin_runtime::signed_extrinsic(signer, call, nonce);
		match Executive::apply_extrinsic(xt) {
			Ok(outcome) => Some(outcome.is_ok()),
			Err(_) => None,
		}
	}

	/// Every existing netuid.
	pub fn netuids(&self) -> Vec<u16> {
		pallet_subnets::SubnetOwner::<Runtime>::iter_keys().collect()
	}

	/// The number of uids of `netuid`.
	pub fn n(&self, netuid: u16) -> u16 {
		pallet_subnets::SubnetworkN::<Runtime>::get(netuid)
	}

	/// Every invariant, after a block; panics (with the seed) on the first broken one.
	pub fn check_invariants(&self, seed: u64) {
		let fail = |what: &str, e: &dyn core::fmt::Debug| {
			panic!("seed {seed}, block {}: {what}: {e:?}", self.block)
		};
		if let Err(e) = pallet_subnets::Pallet::<Runtime>::do_try_state() {
			fail("Subnets try_state", &e);
		}
		if let Err(e) = pallet_myelin_staking::Pallet::<Runtime>::do_try_state() {
			fail("Staking try_state", &e);
		}
		if let Err(e) = pallet_weights::Pallet::<Runtime>::do_try_state() {
			fail("Weights try_state", &e);
		}
		if let Err(e) = pallet_yuma::Pallet::<Runtime>::do_try_state() {
			fail("Yuma try_state", &e);
		}
		if let Err(e) = pallet_root::Pallet::<Runtime>::do_try_state() {
			fail("Root try_state", &e);
		}
		let held: u128 = frame_system::Account::<Runtime>::iter_values()
			.map(|a| a.data.free + a.data.reserved)
			.sum();
		let issuance = <Balances as Inspect<AccountId>>::total_issuance();
		if held != issuance {
			fail("total issuance differs from Σ (free + reserved)", &(issuance, held));
		}
		let weight = frame_system::Pallet::<Runtime>::block_weight().total().ref_time();
		let limit = RuntimeBlockWeights::get().max_block.ref_time();
		if weight > limit {
			fail("block weight above the limit", &(weight, limit));
		}
	}
}

impl Default for Chain {
	fn default() -> Self {
		Self::new()
	}
}

/// The dev accounts' keypairs (funded coldkeys; Alice is the sudo key).
pub fn dev_signers() -> Vec<Signer> {
	use sp_keyring::Sr25519Keyring::*;
	[Alice, Bob, Charlie, Dave, Eve, Ferdie].into_iter().map(|k| k.pair()).collect()
}
