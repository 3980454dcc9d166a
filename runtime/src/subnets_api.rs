//! The views behind the `SubnetsApi` runtime API: each field is asked of the pallet that owns
//! it (Subnets, Staking, Weights, Yuma) through its functions, and put together here. No rule
//! and no other pallet's storage lives here.

use alloc::vec::Vec;
use myelin_doors::{
	EpochSchedule, Metagraph, NeuronInfo, PendingTakeInfo, RootInfo, RootValidatorInfo, StakeInfo,
	SubnetHyperparams, SubnetInfo, SubnetsInterface, WeightsSource,
};
use pallet_yuma::EpochOutputs;
use sp_runtime::SaturatedConversion;

use super::{AccountId, Balance, BlockNumber, Runtime};

type Subnets = pallet_subnets::Pallet<Runtime>;
type Staking = pallet_myelin_staking::Pallet<Runtime>;
type Weights = pallet_weights::Pallet<Runtime>;
type Yuma = pallet_yuma::Pallet<Runtime>;
type Root = pallet_root::Pallet<Runtime>;

/// Every existing subnet, ascending by netuid.
pub fn subnets() -> Vec<SubnetInfo<AccountId, Balance>> {
	let netuids = Subnets::netuids();
	let per_block = Yuma::emission_per_block(&netuids);
	let shares = Root::emission_shares_of(&netuids);
	netuids
		.into_iter()
		.zip(per_block.into_iter().zip(shares))
		.filter_map(|(netuid, (emission_per_block, emission_share))| {
			let hp = Subnets::hyperparams(netuid)?;
			let schedule = Yuma::epoch_state(netuid);
			Some(SubnetInfo {
				netuid,
				owner: Subnets::subnet_owner(netuid)?,
				owner_hotkey: Subnets::subnet_owner_hotkey(netuid)?,
				n: Subnets::n(netuid),
				max_n: hp.max_allowed_uids,
				tempo: hp.tempo,
				emission_share,
				emission_per_block: Balance::from(emission_per_block),
				pending_emission: Balance::from(Yuma::pending_emission(netuid)),
				burn: Subnets::registration_price(netuid).unwrap_or_default(),
				lock: Subnets::locked(netuid).unwrap_or_default(),
				last_epoch_block: schedule.map(|s| s.last_block).unwrap_or_default(),
				epoch: schedule.map(|s| s.index).unwrap_or_default(),
				next_epoch_block: Yuma::next_epoch_block(netuid).unwrap_or_default(),
			})
		})
		.collect()
}

/// Every hyperparameter of `netuid`.
pub fn hyperparameters(netuid: u16) -> Option<SubnetHyperparams<Balance>> {
	Subnets::hyperparams(netuid)
}

/// A validator's take in force and its announced increase (`pallet_myelin_staking::takes_of`).
type Takes = (sp_runtime::Perbill, Option<pallet_myelin_staking::PendingTake<BlockNumber>>);

/// What a neuron's holder has, besides the epoch's outputs: read per subnet (columns and
/// pages) by `metagraph`, one by one by `neuron`.
struct Holder {
	hotkey: AccountId,
	coldkey: AccountId,
	stake: Balance,
	axon: Option<Vec<u8>>,
	registered_at: u64,
	last_update: u64,
	/// Given for the uids that hold a validator permit (`neuron` gives them always).
	takes: Option<Takes>,
}

/// The neuron `uid` held by `holder`, with the outputs of the subnet's last epoch. A uid
/// registered after the last epoch has no outputs yet: zeros and `false`.
fn neuron_info(outputs: &EpochOutputs, uid: u16, holder: Holder) -> NeuronInfo<AccountId, Balance> {
	let Holder { hotkey, coldkey, stake, axon, registered_at, last_update, takes } = holder;
	let i = usize::from(uid);
	let at = |v: &Vec<u16>| v.get(i).copied().unwrap_or(0);
	let flag = |v: &Vec<bool>| v.get(i).copied().unwrap_or(false);
	let (take, pending_take) = match takes {
		Some((take, pending)) => (
			Some(take.deconstruct()),
			pending.map(|pending| PendingTakeInfo {
				take: pending.take.deconstruct(),
				effective_at: pending.effective_at.into(),
			}),
		),
		None => (None, None),
	};
	NeuronInfo {
		take,
		pending_take,
		uid,
		coldkey,
		stake,
		consensus: at(&outputs.consensus),
		incentive: at(&outputs.incentive),
		dividends: at(&outputs.dividends),
		validator_trust: at(&outputs.validator_trust),
		emission: Balance::from(outputs.emission.get(i).copied().unwrap_or(0)),
		validator_permit: flag(&outputs.validator_permit),
		active: flag(&outputs.active),
		last_update,
		registered_at,
		axon,
		hotkey,
	}
}

/// Every neuron of `netuid` as of the current block.
pub fn metagraph(netuid: u16) -> Option<Metagraph<AccountId, Balance>> {
	if !Subnets::subnet_exists(netuid) {
		return None;
	}
	let outputs = Yuma::epoch_outputs(netuid);
	// The subnet's columns once each (hotkeys, registration blocks, last updates), not per uid.
	let snapshot = Subnets::epoch_snapshot(netuid)?;
	let last_updates = Weights::last_updates(netuid, snapshot.hotkeys.len() as u16);
	// Coldkeys and endpoints in pages of 64 uids; the stake pools one read each, and the takes
	// of the validators (only they earn dividends) two.
	let entries = Subnets::coldkeys_and_axons(netuid);
	let stakes = Staking::total_stakes_of(&snapshot.hotkeys);
	let permitted = |uid: usize| outputs.validator_permit.get(uid).copied().unwrap_or(false);
	let validators: Vec<&AccountId> = snapshot
		.hotkeys
		.iter()
		.enumerate()
		.filter(|(uid, _)| permitted(*uid))
		.map(|(_, hotkey)| hotkey)
		.collect();
	let mut takes = Staking::takes_of_each(&validators).into_iter();
	let neurons: Vec<_> = snapshot
		.hotkeys
		.iter()
		.cloned()
		.zip(entries.into_iter().zip(stakes))
		.zip(snapshot.registered_at)
		.zip(last_updates)
		.enumerate()
		.map(|(uid, (((hotkey, ((coldkey, axon), stake)), registered_at), last_update))| {
			let takes = if permitted(uid) { takes.next() } else { None };
			let holder = Holder { hotkey, coldkey, stake, axon, registered_at, last_update, takes };
			neuron_info(&outputs, uid as u16, holder)
		})
		.collect();
	Some(Metagraph {
		netuid,
		block: frame_system::Pallet::<Runtime>::block_number().saturated_into(),
		n: neurons.len() as u16,
		neurons,
	})
}

/// One neuron of `netuid`.
pub fn neuron(netuid: u16, uid: u16) -> Option<NeuronInfo<AccountId, Balance>> {
	let hotkey = Subnets::hotkey_of(netuid, uid)?;
	let registered_at = Subnets::registered_at(netuid, uid).unwrap_or_default().into();
	let last_update = Weights::last_update(netuid, uid).unwrap_or_default().into();
	let outputs = Yuma::epoch_outputs(netuid);
	// Registration always records the owner (a `try_state` invariant of Subnets).
	let coldkey = Subnets::hotkey_owner(&hotkey).unwrap_or_else(|| hotkey.clone());
	let axon = Subnets::axon_url(netuid, uid);
	let stake = Staking::total_stake(&hotkey);
	let takes = Some(Staking::takes_of(&hotkey));
	let holder = Holder { hotkey, coldkey, stake, axon, registered_at, last_update, takes };
	Some(neuron_info(&outputs, uid, holder))
}

/// The root validators with their total stake and rows, and the root epoch's schedule.
pub fn root() -> RootInfo<AccountId, Balance> {
	let validators = Root::members()
		.into_iter()
		.map(|(member, row)| RootValidatorInfo {
			stake: Staking::total_stake(&member.hotkey),
			weights: row.as_ref().map(|r| r.weights.to_vec()).unwrap_or_default(),
			last_update: row.map(|r| u64::from(r.last_update)).unwrap_or(0),
			joined: member.joined.into(),
			hotkey: member.hotkey,
		})
		.collect();
	RootInfo {
		validators,
		last_root_epoch_block: pallet_root::LastRootEpoch::<Runtime>::get().into(),
		next_root_epoch_block: Root::next_epoch_block().into(),
		tempo: pallet_root::Tempo::<Runtime>::get(),
		max_validators: pallet_root::MaxValidators::<Runtime>::get(),
	}
}
