//! `serve_axon`.

use super::*;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn serve(hotkey: AccountId, netuid: u16, url: &[u8]) -> frame_support::dispatch::DispatchResult {
	Subnets::serve_axon(RuntimeOrigin::signed(hotkey), netuid, url.to_vec())
}

fn url_of(netuid: u16, uid: u16) -> Option<Vec<u8>> {
	axon_of(netuid, uid).map(|axon| axon.url.into_inner())
}

#[test]
fn a_neuron_serves_its_axon() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		run_to_block(3);
		assert_ok!(serve(201, netuid, b"http://192.168.1.7:8091"));
		let axon = axon_of(netuid, 1).unwrap();
		assert_eq!(axon.url.to_vec(), b"http://192.168.1.7:8091".to_vec());
		assert_eq!(axon.block, 3);
		assert_eq!(
			last_subnet_event(),
			Event::AxonServed {
				netuid,
				uid: 1,
				url: AxonUrl::try_from(b"http://192.168.1.7:8091".to_vec()).unwrap()
			}
		);
		// The owner hotkey serves too.
		assert_ok!(serve(101, netuid, b"https://owner.example/api"));
		assert_eq!(url_of(netuid, 0), Some(b"https://owner.example/api".to_vec()));
	});
}

#[test]
fn url_length_limit() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		let mut longest = b"https://".to_vec();
		longest.resize(256, b'a');
		assert_ok!(serve(101, netuid, &longest));
		assert_eq!(url_of(netuid, 0), Some(longest.clone()));
		run_to_block(100);
		let mut too_long = longest.clone();
		too_long.push(b'a');
		assert_noop!(serve(101, netuid, &too_long), Error::<Test>::UrlTooLong);
		assert_noop!(serve(101, netuid, &[b'x'; 10_000]), Error::<Test>::UrlTooLong);
	});
}

#[test]
fn only_http_and_https_urls() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		let bad_urls: &[&[u8]] = &[
			b"",
			b"http://",
			b"https://",
			b"ftp://host",
			b"http:/host",
			b"HTTP://host",
			b"//host",
			b"host:8091",
			b"http://host name",
			b"http://host\n",
			b"http://h\x00st",
			b"http://h\xc3\xa9te",
			b" http://host",
		];
		for bad in bad_urls {
			assert_noop!(serve(101, netuid, bad), Error::<Test>::InvalidUrl);
		}
		assert_ok!(serve(101, netuid, b"http://h"));
	});
}

#[test]
fn only_registered_hotkeys_serve() {
	test(|| {
		assert_noop!(serve(101, 1, b"http://host"), Error::<Test>::SubnetNotFound);
		let netuid = register_subnet(ALICE, 101);
		let other = register_subnet(BOB, 201);
		// A coldkey, an unknown hotkey and a hotkey of another subnet.
		for who in [ALICE, 999, 201] {
			assert_noop!(serve(who, netuid, b"http://host"), Error::<Test>::HotkeyNotRegistered);
		}
		assert_ok!(serve(201, other, b"http://host"));
		assert_noop!(
			Subnets::serve_axon(RuntimeOrigin::root(), netuid, b"http://host".to_vec()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn serving_is_rate_limited() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		assert_ok!(serve(101, netuid, b"http://first"));
		// serving_rate_limit is 50: the next is allowed at block 1 + 50.
		run_to_block(50);
		assert_noop!(serve(101, netuid, b"http://second"), Error::<Test>::ServingRateLimitExceeded);
		run_to_block(51);
		assert_ok!(serve(101, netuid, b"http://second"));
		assert_eq!(url_of(netuid, 0), Some(b"http://second".to_vec()));
		assert_eq!(axon_of(netuid, 0).unwrap().block, 51);

		// The owner lowers the limit to its least: once a block.
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::signed(ALICE),
			netuid,
			Hyperparameter::ServingRateLimit(1)
		));
		run_to_block(52);
		assert_ok!(serve(101, netuid, b"http://third"));
		assert_noop!(serve(101, netuid, b"http://fourth"), Error::<Test>::ServingRateLimitExceeded);
		run_to_block(53);
		assert_ok!(serve(101, netuid, b"http://fourth"));
		assert_eq!(url_of(netuid, 0), Some(b"http://fourth".to_vec()));
	});
}

#[test]
fn a_rate_limit_stored_as_zero_counts_as_one_block() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		// As a chain may hold it from before the bound: 0 in storage.
		Hyperparams::<Test>::mutate(netuid, |p| p.as_mut().unwrap().serving_rate_limit = 0);
		assert_ok!(serve(101, netuid, b"http://first"));
		assert_noop!(serve(101, netuid, b"http://second"), Error::<Test>::ServingRateLimitExceeded);
		next_block();
		assert_ok!(serve(101, netuid, b"http://second"));
	});
}

#[test]
fn rate_limit_is_per_subnet() {
	test(|| {
		let first = register_subnet(ALICE, 101);
		let second = register_subnet(ALICE, 101);
		assert_ok!(serve(101, first, b"http://one"));
		assert_ok!(serve(101, second, b"http://two"));
		assert_eq!(url_of(first, 0), Some(b"http://one".to_vec()));
		assert_eq!(url_of(second, 0), Some(b"http://two".to_vec()));
		assert_noop!(serve(101, first, b"http://x"), Error::<Test>::ServingRateLimitExceeded);
	});
}

#[test]
fn a_new_holder_of_a_uid_serves_at_once() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		root_set(netuid, Hyperparameter::MaxAllowedValidators(1));
		root_set(netuid, Hyperparameter::MaxAllowedUids(2));
		assert_ok!(Subnets::set_hyperparameter(
			RuntimeOrigin::signed(ALICE),
			netuid,
			Hyperparameter::ImmunityPeriod(0)
		));
		register_neuron(netuid, BOB, 201);
		set_emission(netuid, 0, 9);
		assert_ok!(serve(201, netuid, b"http://old"));
		run_to_block(2);
		assert_eq!(register_neuron(netuid, CHARLIE, 301), 1);
		assert_eq!(axon_of(netuid, 1), None);
		// Not limited by the previous holder's axon.
		assert_ok!(serve(301, netuid, b"http://new"));
		assert_noop!(serve(201, netuid, b"http://old"), Error::<Test>::HotkeyNotRegistered);
	});
}

#[test]
fn can_serve_check_matches_the_call() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		let check = |hotkey: AccountId| {
			Subnets::ensure_can_serve_axon(netuid, &hotkey).map_err(DispatchError::from)
		};
		assert_eq!(check(101), Ok(0));
		assert_eq!(check(201), Err(Error::<Test>::HotkeyNotRegistered.into()));
		assert_ok!(serve(101, netuid, b"http://first"));
		assert_eq!(check(101), Err(Error::<Test>::ServingRateLimitExceeded.into()));
	});
}

#[test]
fn serve_axon_is_feeless() {
	use frame_support::dispatch::{GetDispatchInfo, Pays};
	let call = crate::Call::<Test>::serve_axon { netuid: 1, url: b"http://a".to_vec() };
	assert_eq!(call.get_dispatch_info().pays_fee, Pays::No);
}

#[test]
fn registered_hotkeys_are_live_accounts_without_funds() {
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		for hotkey in [101, 201] {
			assert_eq!(Balances::free_balance(hotkey), 0);
			assert_eq!(System::providers(&hotkey), 1, "one provider reference per owned hotkey");
		}
		// Registering an owned hotkey again elsewhere adds no second reference.
		let other = register_subnet(CHARLIE, 301);
		register_neuron(other, BOB, 201);
		assert_eq!(System::providers(&201), 1);
	});
}

#[test]
fn the_pool_check_gives_the_code_of_each_refusal() {
	use crate::pool_codes::*;
	test(|| {
		let netuid = register_subnet(ALICE, 101);
		register_neuron(netuid, BOB, 201);
		let check =
			|hotkey, netuid, url: &[u8]| Subnets::pool_check_serve_axon(netuid, &hotkey, url);
		assert_eq!(check(201, netuid, b"http://10.0.0.1:80"), Ok(()));
		assert_eq!(check(999, netuid, b"http://10.0.0.1:80"), Err(NOT_REGISTERED));
		assert_eq!(check(201, 77, b"http://10.0.0.1:80"), Err(NOT_REGISTERED));
		assert_eq!(check(201, netuid, b"ftp://10.0.0.1"), Err(INVALID_URL));
		assert_eq!(check(201, netuid, &[b'h'; 300]), Err(INVALID_URL));
		assert_ok!(serve(201, netuid, b"http://10.0.0.1:80"));
		assert_eq!(check(201, netuid, b"http://10.0.0.1:81"), Err(RATE_LIMITED));
		// The pool check agrees with the call itself.
		assert_noop!(
			serve(201, netuid, b"http://10.0.0.1:81"),
			Error::<Test>::ServingRateLimitExceeded
		);
	});
}
