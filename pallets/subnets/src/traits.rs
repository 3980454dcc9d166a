//! The doors of the subnets room: what other pallets read from it, what they learn when
//! neurons or subnets go away, and what this pallet reads from the Yuma pallet.

use crate::types::{AxonInfo, SubnetHyperparams};
use alloc::vec::Vec;

/// Told when a neuron leaves a subnet or a whole subnet is dissolved, so that the pallets
/// keeping per-uid data (weights, bonds, epoch outputs) can clean up.
///
/// Implemented for `()` (nobody listens) and for tuples of up to eight listeners, which are
/// called in order.
pub trait OnNeuronRemoved<AccountId> {
	/// `uid` of `netuid`, held by `hotkey`, was pruned. The uid is given to a new hotkey in
	/// the same call, right after this hook returns.
	fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &AccountId);

	/// `netuid` was dissolved: every neuron and every value keyed by it are gone.
	fn on_network_dissolved(netuid: u16);
}

impl<AccountId> OnNeuronRemoved<AccountId> for () {
	fn on_neuron_removed(_netuid: u16, _uid: u16, _hotkey: &AccountId) {}
	fn on_network_dissolved(_netuid: u16) {}
}

macro_rules! impl_on_neuron_removed_for_tuples {
	($($name:ident),+) => {
		impl<AccountId, $($name: OnNeuronRemoved<AccountId>),+> OnNeuronRemoved<AccountId>
			for ($($name,)+)
		{
			fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &AccountId) {
				$($name::on_neuron_removed(netuid, uid, hotkey);)+
			}
			fn on_network_dissolved(netuid: u16) {
				$($name::on_network_dissolved(netuid);)+
			}
		}
	};
}

impl_on_neuron_removed_for_tuples!(A);
impl_on_neuron_removed_for_tuples!(A, B);
impl_on_neuron_removed_for_tuples!(A, B, C);
impl_on_neuron_removed_for_tuples!(A, B, C, D);
impl_on_neuron_removed_for_tuples!(A, B, C, D, E);
impl_on_neuron_removed_for_tuples!(A, B, C, D, E, F);
impl_on_neuron_removed_for_tuples!(A, B, C, D, E, F, G);
impl_on_neuron_removed_for_tuples!(A, B, C, D, E, F, G, H);

/// The emission a uid received at its subnet's last epoch; pruning replaces the lowest.
///
/// The Yuma pallet implements it; `()` answers 0 for every uid.
pub trait NeuronEmission {
	/// Emission of `uid` on `netuid` at the last epoch, in base units.
	fn emission(netuid: u16, uid: u16) -> u64;
}

impl NeuronEmission for () {
	fn emission(_netuid: u16, _uid: u16) -> u64 {
		0
	}
}

/// Read access to subnets, neurons and hyperparameters, for the other pallets, the runtime
/// APIs and the RPC. Implemented by `Pallet<T>`; no other pallet reads this pallet's storage.
pub trait SubnetsInterface<AccountId, BlockNumber> {
	/// The balance type of locks and registration prices.
	type Balance;

	/// Every existing netuid, ascending.
	fn netuids() -> Vec<u16>;
	/// Whether `netuid` exists.
	fn subnet_exists(netuid: u16) -> bool;
	/// The coldkey owning `netuid`.
	fn subnet_owner(netuid: u16) -> Option<AccountId>;
	/// The hotkey given at `register_network` for `netuid`.
	fn subnet_owner_hotkey(netuid: u16) -> Option<AccountId>;
	/// Number of neurons of `netuid`; its uids are exactly `0..n` (0 for an unknown subnet).
	fn n(netuid: u16) -> u16;
	/// The uid of `hotkey` on `netuid`.
	fn uid_of(netuid: u16, hotkey: &AccountId) -> Option<u16>;
	/// The hotkey holding `uid` on `netuid`.
	fn hotkey_of(netuid: u16, uid: u16) -> Option<AccountId>;
	/// The block at which the current holder of `uid` on `netuid` registered.
	fn registered_at(netuid: u16, uid: u16) -> Option<BlockNumber>;
	/// The coldkey owning `hotkey` (ownership is permanent once taken).
	fn hotkey_owner(hotkey: &AccountId) -> Option<AccountId>;
	/// Every hyperparameter of `netuid`, or `None` for an unknown subnet.
	fn hyperparams(netuid: u16) -> Option<SubnetHyperparams<Self::Balance>>;
	/// The neurons of `netuid` as `(uid, hotkey)`, ascending by uid.
	fn neurons(netuid: u16) -> Vec<(u16, AccountId)>;
	/// The endpoint served by `uid` on `netuid`.
	fn axon(netuid: u16, uid: u16) -> Option<AxonInfo<BlockNumber>>;
	/// The price `burned_register` would burn on `netuid` now.
	fn registration_price(netuid: u16) -> Option<Self::Balance>;
	/// The amount held from the owner for `netuid`.
	fn locked(netuid: u16) -> Option<Self::Balance>;
	/// The lock `register_network` would hold now.
	fn network_lock_cost() -> Self::Balance;
}
