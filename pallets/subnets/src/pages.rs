//! [`NeuronPages`]: a subnet's coldkeys and endpoints, 64 uids a page.
//!
//! While the migration to storage version 3 runs ([`migrations::v3`]), a page it has not
//! written yet is read from the old layout (the owner of each hotkey and the per-uid `Axons`),
//! so every reader sees the same neurons at every block.

use crate::{
	migrations, AxonInfo, Config, HotkeyOwner, NeuronEntry, NeuronPage, NeuronPages, Pallet,
	SubnetworkN, NEURON_PAGE,
};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;

/// The page of `uid` and its place in the page.
pub fn page_of(uid: u16) -> (u16, usize) {
	(uid / NEURON_PAGE, usize::from(uid % NEURON_PAGE))
}

/// How many pages a subnet of `n` uids has.
pub fn pages_for(n: u16) -> u16 {
	n.div_ceil(NEURON_PAGE)
}

/// An entry of `page` of `netuid`, read by the caller.
type EntryOf<T> = NeuronEntry<<T as frame_system::Config>::AccountId, BlockNumberFor<T>>;

impl<T: Config> Pallet<T> {
	/// Page `page` of `netuid`: the entries of its uids below `n`. A page the migration to
	/// version 3 has not written yet is put together from the old layout.
	pub(crate) fn neuron_page(
		netuid: u16,
		page: u16,
	) -> NeuronPage<T::AccountId, BlockNumberFor<T>> {
		let stored = NeuronPages::<T>::get(netuid, page);
		if !stored.is_empty() {
			return stored;
		}
		let n = SubnetworkN::<T>::get(netuid);
		let first = page.saturating_mul(NEURON_PAGE);
		if first >= n {
			return stored;
		}
		let hotkeys = Self::hotkeys(netuid);
		migrations::v3::old_page::<T>(netuid, page, &hotkeys)
	}

	/// The entry of `uid` on `netuid`, if the uid exists.
	pub(crate) fn neuron_entry(netuid: u16, uid: u16) -> Option<EntryOf<T>> {
		let (page, slot) = page_of(uid);
		Self::neuron_page(netuid, page).get(slot).cloned()
	}

	/// Give `uid` of `netuid` to a hotkey owned by `coldkey`, serving nothing yet: replace its
	/// entry, or append it when `uid` is the next uid.
	pub(crate) fn put_entry(netuid: u16, uid: u16, coldkey: T::AccountId) {
		let (page, slot) = page_of(uid);
		let mut entries = Self::neuron_page(netuid, page);
		let entry = NeuronEntry { coldkey, axon: None };
		if let Some(place) = entries.get_mut(slot) {
			*place = entry;
		} else if slot != entries.len() || entries.try_push(entry).is_err() {
			log::error!(target: crate::LOG_TARGET, "uid {uid} beyond its page of {}", entries.len());
			return;
		}
		NeuronPages::<T>::insert(netuid, page, entries);
	}

	/// Set the endpoint of the existing `uid` of `netuid`.
	pub(crate) fn put_axon(netuid: u16, uid: u16, axon: AxonInfo<BlockNumberFor<T>>) {
		let (page, slot) = page_of(uid);
		let mut entries = Self::neuron_page(netuid, page);
		let Some(entry) = entries.get_mut(slot) else {
			log::error!(target: crate::LOG_TARGET, "serving missing uid {uid} of subnet {netuid}");
			return;
		};
		entry.axon = Some(axon);
		NeuronPages::<T>::insert(netuid, page, entries);
	}

	/// Append the entries of `hotkeys` (owned, each, by its [`HotkeyOwner`]) after the first
	/// `start` uids of `netuid`, writing each page once: for genesis and benchmark setups.
	pub(crate) fn append_entries(netuid: u16, start: u16, hotkeys: &[T::AccountId]) {
		let mut uid = start;
		let mut rest = hotkeys;
		while !rest.is_empty() {
			let (page, slot) = page_of(uid);
			let mut entries = Self::neuron_page(netuid, page);
			let room = usize::from(NEURON_PAGE) - slot;
			let (these, later) = rest.split_at(room.min(rest.len()));
			for hotkey in these {
				let coldkey = HotkeyOwner::<T>::get(hotkey).unwrap_or_else(|| hotkey.clone());
				if entries.try_push(NeuronEntry { coldkey, axon: None }).is_err() {
					log::error!(target: crate::LOG_TARGET, "page {page} of {netuid} is full");
				}
			}
			NeuronPages::<T>::insert(netuid, page, entries);
			uid = uid.saturating_add(these.len() as u16);
			rest = later;
		}
	}

	/// The coldkey and the endpoint URL of every uid `0..n` of `netuid`, indexed by uid, in
	/// `⌈n / 64⌉` reads: what the metagraph shows besides the hotkeys.
	pub fn coldkeys_and_axons(netuid: u16) -> Vec<(T::AccountId, Option<Vec<u8>>)> {
		let n = SubnetworkN::<T>::get(netuid);
		(0..pages_for(n))
			.flat_map(|page| Self::neuron_page(netuid, page).into_inner())
			.map(|entry| (entry.coldkey, entry.axon.map(|axon| axon.url.into_inner())))
			.collect()
	}
}
