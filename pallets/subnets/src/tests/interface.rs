//! The read door (`SubnetsInterface`) and the storage invariants of `do_try_state`.

use super::*;
use frame_support::{assert_ok, BoundedVec};

type Door = Pallet<Test>;

#[test]
fn the_interface_reads_what_the_calls_wrote() {
	test(|| {
		assert!(<Door as SubnetsInterface<_, _>>::netuids().is_empty());
		assert_eq!(<Door as SubnetsInterface<_, _>>::network_lock_cost(), 100 * MYL);
		for (coldkey, hotkey) in [(ALICE, 101), (BOB, 201), (CHARLIE, 301)] {
			register_subnet(coldkey, hotkey);
		}
		assert_ok!(Subnets::dissolve_network(RuntimeOrigin::signed(BOB), 2));
		// What netuid 2 kept per uid cleared (as `on_idle` does), so it is free again.
		Subnets::clear_dissolved_with(frame_support::weights::Weight::MAX);
		register_subnet(BOB, 202);
		register_subnet(BOB, 203);
		assert_eq!(Door::netuids(), vec![1, 2, 3, 4]);
		register_neuron(1, CHARLIE, 302);
		run_to_block(9);
		register_neuron(1, BOB, 201);
		assert_ok!(Subnets::serve_axon(RuntimeOrigin::signed(201), 1, b"http://x".to_vec()));

		assert!(Door::subnet_exists(1) && !Door::subnet_exists(5) && !Door::subnet_exists(0));
		assert_eq!(Door::subnet_owner(1), Some(ALICE));
		assert_eq!(Door::subnet_owner(2), Some(BOB));
		assert_eq!(Door::subnet_owner(5), None);
		assert_eq!(Door::subnet_owner_hotkey(2), Some(202));
		assert_eq!(Door::n(1), 3);
		assert_eq!(Door::n(5), 0);
		assert_eq!(Door::uid_of(1, &201), Some(2));
		assert_eq!(Door::uid_of(2, &201), None);
		assert_eq!(Door::hotkey_of(1, 1), Some(302));
		assert_eq!(Door::hotkey_of(1, 3), None);
		assert_eq!(Door::registered_at(1, 2), Some(9));
		assert_eq!(Door::registered_at(1, 0), Some(1));
		assert_eq!(Door::hotkey_owner(&302), Some(CHARLIE));
		assert_eq!(Door::hotkey_owner(&999), None);
		assert_eq!(Door::hyperparams(1), Some(params(1)));
		assert_eq!(Door::hyperparams(5), None);
		assert_eq!(Door::neurons(1), vec![(0, 101), (1, 302), (2, 201)]);
		assert!(Door::neurons(5).is_empty());
		assert_eq!(Door::axon_url(1, 2), Some(b"http://x".to_vec()));
		assert_eq!(axon_of(1, 2).map(|a| a.block), Some(9));
		assert_eq!(Door::axon_url(1, 1), None);
		// The epoch's one read: owner, hyperparameters, hotkeys and registration blocks by uid.
		let snapshot = Door::epoch_snapshot(1).unwrap();
		assert_eq!(snapshot.owner, ALICE);
		assert_eq!(snapshot.hyperparams, params(1));
		assert_eq!(snapshot.hotkeys, vec![101, 302, 201]);
		assert_eq!(snapshot.registered_at, vec![1, 1, 9]);
		assert!(Door::epoch_snapshot(5).is_none());
		// 1.26 MYL decayed over 8 blocks (half-life 360), times 1.26.
		assert_eq!(<Door as SubnetsInterface<_, _>>::registration_price(1), Some(1_563_333_140));
		assert_eq!(Door::locked(1), Some(100 * MYL));
		assert_eq!(Door::locked(3), Some(400 * MYL));
		assert_eq!(Door::locked(2), Some(800 * MYL));
	});
}

/// Assert that `do_try_state` fails after `corrupt`.
fn detects(corrupt: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		register_neuron(netuid, BOB, 202);
		assert_ok!(Subnets::do_try_state());
		corrupt();
		assert!(Subnets::do_try_state().is_err());
	});
}

#[test]
fn try_state_detects_broken_invariants() {
	detects(|| Uids::<Test>::remove(1, 201));
	detects(|| Hotkeys::<Test>::mutate(1, |column| column.truncate(2)));
	detects(|| Uids::<Test>::insert(1, 202, 1));
	detects(|| Hotkeys::<Test>::mutate(1, |column| column[1] = 202));
	detects(|| HotkeyOwner::<Test>::remove(202));
	detects(|| SubnetworkN::<Test>::insert(1, 2));
	detects(|| SubnetworkN::<Test>::insert(1, 4));
	detects(|| RegistrationBlocks::<Test>::mutate(1, |column| column.truncate(2)));
	// A value left in the old layout after the migration.
	detects(|| migrations::v1::Keys::<Test>::insert(1, 1, 201));
	detects(|| SubnetLocked::<Test>::insert(1, 99 * MYL));
	detects(|| {
		Hyperparams::<Test>::mutate(1, |p| p.as_mut().unwrap().max_allowed_uids = 2);
	});
	detects(|| Hyperparams::<Test>::remove(1));
	detects(|| BurnPrice::<Test>::remove(1));
	detects(|| SubnetOwnerHotkey::<Test>::remove(1));
	detects(|| {
		migrations::v3::Axons::<Test>::insert(
			1,
			7,
			AxonInfo { url: AxonUrl::try_from(b"http://x".to_vec()).unwrap(), block: 1 },
		)
	});
	// A page beyond n, a page's coldkey that is not the owner, a page of the wrong length.
	detects(|| NeuronPages::<Test>::insert(1, 5, NeuronPages::<Test>::get(1, 0)));
	detects(|| NeuronPages::<Test>::mutate(1, 0, |page| page[0].coldkey = 999));
	detects(|| NeuronPages::<Test>::mutate(1, 0, |page| page.truncate(1)));
	// Leftovers of a subnet that does not exist.
	detects(|| Hotkeys::<Test>::insert(9, BoundedVec::truncate_from(vec![555])));
	detects(|| SubnetworkN::<Test>::insert(9, 1));
	detects(|| BurnPrice::<Test>::insert(9, BurnState { base: 1, since: 1 }));
}

/// Two listeners, recording into one log in call order.
mod tuple_hooks {
	use super::*;
	use std::cell::RefCell;

	thread_local! {
		pub static LOG: RefCell<Vec<(&'static str, u16, u16, AccountId)>> =
			const { RefCell::new(Vec::new()) };
		/// Values each listener still keeps for a dissolved subnet: 3 and 2.
		pub static KEPT: RefCell<(u32, u32)> = const { RefCell::new((3, 2)) };
	}

	/// Remove at most `limit` of `kept`; how many.
	fn take(kept: &mut u32, limit: u32) -> u32 {
		let removed = (*kept).min(limit);
		*kept -= removed;
		removed
	}

	pub struct First;
	pub struct Second;
	impl OnNeuronRemoved<AccountId> for First {
		fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &AccountId) {
			LOG.with(|l| l.borrow_mut().push(("first", netuid, uid, *hotkey)));
		}
		fn on_network_dissolved(netuid: u16) {
			LOG.with(|l| l.borrow_mut().push(("first", netuid, u16::MAX, 0)));
		}
		fn clear_dissolved(_netuid: u16, limit: u32) -> u32 {
			KEPT.with(|k| take(&mut k.borrow_mut().0, limit))
		}
	}
	impl OnNeuronRemoved<AccountId> for Second {
		fn on_neuron_removed(netuid: u16, uid: u16, hotkey: &AccountId) {
			LOG.with(|l| l.borrow_mut().push(("second", netuid, uid, *hotkey)));
		}
		fn on_network_dissolved(netuid: u16) {
			LOG.with(|l| l.borrow_mut().push(("second", netuid, u16::MAX, 0)));
		}
		fn clear_dissolved(_netuid: u16, limit: u32) -> u32 {
			KEPT.with(|k| take(&mut k.borrow_mut().1, limit))
		}
	}
}

#[test]
fn tuples_clear_each_listener_in_turn_within_the_limit() {
	use tuple_hooks::{First, Second, KEPT};
	type Both = (First, (), Second);
	// 3 of the first, then 1 of the second: the limit is reached, maybe more is left.
	assert_eq!(<Both as OnNeuronRemoved<AccountId>>::clear_dissolved(1, 4), 4);
	assert_eq!(KEPT.with(|k| *k.borrow()), (0, 1));
	// The last one: fewer than the limit, so nothing is left.
	assert_eq!(<Both as OnNeuronRemoved<AccountId>>::clear_dissolved(1, 4), 1);
	assert_eq!(<Both as OnNeuronRemoved<AccountId>>::clear_dissolved(1, 4), 0);
	assert_eq!(<() as OnNeuronRemoved<AccountId>>::clear_dissolved(1, 4), 0);
}

#[test]
fn tuples_of_hooks_call_each_in_order() {
	use tuple_hooks::{First, Second, LOG};
	<(First, Second) as OnNeuronRemoved<AccountId>>::on_neuron_removed(3, 4, &5);
	<(First, (), Second) as OnNeuronRemoved<AccountId>>::on_network_dissolved(6);
	<() as OnNeuronRemoved<AccountId>>::on_network_dissolved(7);
	assert_eq!(
		LOG.with(|l| l.borrow().clone()),
		vec![
			("first", 3, 4, 5),
			("second", 3, 4, 5),
			("first", 6, u16::MAX, 0),
			("second", 6, u16::MAX, 0),
		]
	);
	assert_eq!(<() as NeuronEmission>::emission(1, 1), 0);
}

#[test]
fn weights_are_declared_for_the_worst_case_and_refunded() {
	use frame_support::dispatch::GetDispatchInfo;
	test(|| {
		let declared = Call::<Test>::burned_register { netuid: 1, hotkey: 201 }.get_dispatch_info();
		assert_eq!(declared.call_weight, <() as WeightInfo>::burned_register(4096));
		let declared = Call::<Test>::dissolve_network { netuid: 1 }.get_dispatch_info();
		assert_eq!(declared.call_weight, <() as WeightInfo>::dissolve_network(4096));
		let declared = Call::<Test>::register_network { hotkey: 101 }.get_dispatch_info();
		// The larger of a plain registration and one that prunes a full subnet first.
		let plain = <() as WeightInfo>::register_network(1024);
		let pruning = <() as WeightInfo>::register_network_pruning(1024);
		assert_eq!(declared.call_weight, plain.max(pruning));

		let post = Subnets::register_network(RuntimeOrigin::signed(ALICE), 101).unwrap();
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::register_network(1)));
		let netuid = 1;
		root_set(netuid, Hyperparameter::MaxAllowedValidators(1));
		root_set(netuid, Hyperparameter::MaxAllowedUids(3));
		root_set(netuid, Hyperparameter::ImmunityPeriod(0));
		for hotkey in [201, 202] {
			let post =
				Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, hotkey).unwrap();
			// Not full: nothing scanned.
			assert_eq!(post.actual_weight, Some(<() as WeightInfo>::burned_register(0)));
		}
		let post = Subnets::burned_register(RuntimeOrigin::signed(BOB), netuid, 203).unwrap();
		// Full: the three neurons were scanned.
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::burned_register(3)));
		let post = Subnets::dissolve_network(RuntimeOrigin::signed(ALICE), netuid).unwrap();
		assert_eq!(post.actual_weight, Some(<() as WeightInfo>::dissolve_network(3)));
	});
}
