//! The views behind the `SubnetsApi` runtime API: each field is read from the pallet that owns
//! it (Subnets, Staking, Weights, Yuma) and put together here. No rule lives here.

use alloc::vec::Vec;
use myelin_subnets_api::{Metagraph, NeuronInfo, SubnetHyperparams, SubnetInfo};
use pallet_myelin_staking::StakeInfo;
use pallet_subnets::SubnetsInterface;
use sp_runtime::SaturatedConversion;

use super::{AccountId, Balance, Runtime};

type Subnets = pallet_subnets::Pallet<Runtime>;
type Staking = pallet_myelin_staking::Pallet<Runtime>;
type Yuma = pallet_yuma::Pallet<Runtime>;

/// Every existing subnet, ascending by netuid.
pub fn subnets() -> Vec<SubnetInfo<AccountId, Balance>> {
	let netuids = Subnets::netuids();
	let emission_per_block = Balance::from(Yuma::emission_per_subnet(netuids.len()));
	netuids
		.into_iter()
		.filter_map(|netuid| {
			let hp = Subnets::hyperparams(netuid)?;
			Some(SubnetInfo {
				netuid,
				owner: Subnets::subnet_owner(netuid)?,
				owner_hotkey: Subnets::subnet_owner_hotkey(netuid)?,
				n: Subnets::n(netuid),
				max_n: hp.max_allowed_uids,
				tempo: hp.tempo,
				emission_per_block,
				burn: Subnets::registration_price(netuid).unwrap_or_default(),
				lock: Subnets::locked(netuid).unwrap_or_default(),
				last_epoch_block: pallet_yuma::LastEpoch::<Runtime>::get(netuid)
					.unwrap_or_default()
					.into(),
			})
		})
		.collect()
}

/// Every hyperparameter of `netuid`.
pub fn hyperparameters(netuid: u16) -> Option<SubnetHyperparams<Balance>> {
	Subnets::hyperparams(netuid)
}

/// The last epoch outputs of one subnet, read once for all its neurons.
struct EpochOutputs {
	consensus: Vec<u16>,
	incentive: Vec<u16>,
	dividends: Vec<u16>,
	validator_trust: Vec<u16>,
	emission: Vec<u64>,
	validator_permit: Vec<bool>,
	active: Vec<bool>,
}

impl EpochOutputs {
	fn of(netuid: u16) -> Self {
		Self {
			consensus: pallet_yuma::Consensus::<Runtime>::get(netuid).into_inner(),
			incentive: pallet_yuma::Incentive::<Runtime>::get(netuid).into_inner(),
			dividends: pallet_yuma::Dividends::<Runtime>::get(netuid).into_inner(),
			validator_trust: pallet_yuma::ValidatorTrust::<Runtime>::get(netuid).into_inner(),
			emission: pallet_yuma::Emission::<Runtime>::get(netuid).into_inner(),
			validator_permit: pallet_yuma::ValidatorPermit::<Runtime>::get(netuid).into_inner(),
			active: pallet_yuma::Active::<Runtime>::get(netuid).into_inner(),
		}
	}

	/// The neuron `uid` held by `hotkey`. A uid registered after the last epoch has no
	/// outputs yet: zeros and `false`.
	fn neuron(&self, netuid: u16, uid: u16, hotkey: AccountId) -> NeuronInfo<AccountId, Balance> {
		let i = usize::from(uid);
		let at = |v: &Vec<u16>| v.get(i).copied().unwrap_or(0);
		let flag = |v: &Vec<bool>| v.get(i).copied().unwrap_or(false);
		NeuronInfo {
			uid,
			// Registration always records the owner (a `try_state` invariant of Subnets).
			coldkey: Subnets::hotkey_owner(&hotkey).unwrap_or_else(|| hotkey.clone()),
			stake: Staking::total_stake(&hotkey),
			consensus: at(&self.consensus),
			incentive: at(&self.incentive),
			dividends: at(&self.dividends),
			validator_trust: at(&self.validator_trust),
			emission: Balance::from(self.emission.get(i).copied().unwrap_or(0)),
			validator_permit: flag(&self.validator_permit),
			active: flag(&self.active),
			last_update: pallet_weights::LastUpdate::<Runtime>::get(netuid, uid)
				.unwrap_or_default()
				.into(),
			registered_at: Subnets::registered_at(netuid, uid).unwrap_or_default().into(),
			axon: Subnets::axon(netuid, uid).map(|axon| axon.url.into_inner()),
			hotkey,
		}
	}
}

/// Every neuron of `netuid` as of the current block.
pub fn metagraph(netuid: u16) -> Option<Metagraph<AccountId, Balance>> {
	if !Subnets::subnet_exists(netuid) {
		return None;
	}
	let outputs = EpochOutputs::of(netuid);
	let neurons: Vec<_> = Subnets::neurons(netuid)
		.into_iter()
		.map(|(uid, hotkey)| outputs.neuron(netuid, uid, hotkey))
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
	Some(EpochOutputs::of(netuid).neuron(netuid, uid, hotkey))
}
