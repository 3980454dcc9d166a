//! Benchmarks of the market (frame_benchmarking v2), each in its worst case: bonds and offers
//! already there, the largest spec and attributes, a job with the most attestations, a slash
//! shared by every rejecting validator, a lease settled and paused in the call.

#![cfg(feature = "runtime-benchmarks")]

use super::*;
use crate::{pallet::*, BenchmarkHelper, Pallet as Market};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::traits::fungible::Mutate;
use frame_support::traits::Get;
use frame_system::RawOrigin;
use myelin_doors::SubnetsInterface;
use sp_runtime::traits::{Saturating, Zero};

fn funds<T: Config>(who: &T::AccountId) {
	let amount: BalanceOf<T> = 1_000_000_000_000_000u128.try_into().ok().expect("a u128 balance");
	let _ = T::Currency::set_balance(who, amount);
}

fn unit<T: Config>(x: u128) -> BalanceOf<T> {
	x.try_into().ok().expect("a u128 balance")
}

/// A provider with a bond, an offer of the largest capacity and attributes; its owner.
fn provider<T: Config>(validators: u32) -> (u16, T::AccountId, T::AccountId, Vec<T::AccountId>) {
	let (netuid, provider, validators) = T::BenchmarkHelper::market_subnet(validators);
	let owner = T::Subnets::hotkey_owner(&provider).expect("the helper owns it");
	funds::<T>(&owner);
	funds::<T>(&provider);
	Market::<T>::do_bond(owner.clone(), netuid, provider.clone(), unit::<T>(1_000_000_000_000))
		.expect("funded");
	Market::<T>::do_set_offer(
		provider.clone(),
		netuid,
		unit::<T>(1_000),
		MAX_CAPACITY,
		vec![7; MAX_ATTRIBUTES_LEN as usize],
	)
	.expect("registered");
	(netuid, provider, owner, validators)
}

/// A posted job on `netuid`, naming `provider`; its id and poster.
fn job<T: Config>(netuid: u16, provider: &T::AccountId) -> (u64, T::AccountId) {
	let poster: T::AccountId = account("poster", 0, 0);
	funds::<T>(&poster);
	let deadline = frame_system::Pallet::<T>::block_number()
		.saturating_add(T::MinJobBlocks::get())
		.saturating_add(100u32.into());
	// 1000 MYL: the slash shares of even 32 validators are above the existential deposit.
	Market::<T>::do_post_job(
		poster.clone(),
		netuid,
		vec![1; MAX_SPEC_LEN as usize],
		unit::<T>(1_000_000_000_000),
		deadline,
		Some(provider.clone()),
	)
	.expect("funded");
	(NextJobId::<T>::get() - 1, poster)
}

/// An active lease of `provider` with `deposit`; its id and user.
fn lease<T: Config>(netuid: u16, provider: &T::AccountId, deposit: u128) -> (u64, T::AccountId) {
	let user: T::AccountId = account("user", 0, 0);
	funds::<T>(&user);
	Market::<T>::do_open_lease(
		user.clone(),
		netuid,
		provider.clone(),
		unit::<T>(1_000),
		unit::<T>(deposit),
	)
	.expect("funded");
	let id = NextLeaseId::<T>::get() - 1;
	Market::<T>::do_accept_lease(provider.clone(), id).expect("bonded");
	(id, user)
}

fn advance<T: Config>(blocks: u32) {
	let now = frame_system::Pallet::<T>::block_number();
	frame_system::Pallet::<T>::set_block_number(now.saturating_add(blocks.into()));
}

#[benchmarks]
mod benchmarks {
	use super::*;

	/// More bond on an existing one.
	#[benchmark]
	fn bond() {
		let (netuid, provider, owner, _) = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid, provider.clone(), unit::<T>(1_000));
		assert!(Bonds::<T>::contains_key(netuid, &provider));
	}

	#[benchmark]
	fn unbond() {
		let (netuid, provider, owner, _) = provider::<T>(0);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid, provider.clone(), unit::<T>(1_000));
		assert!(!Bonds::<T>::get(netuid, &provider).expect("bonded").unbonding.is_zero());
	}

	#[benchmark]
	fn withdraw_unbonded() {
		let (netuid, provider, owner, _) = provider::<T>(0);
		Market::<T>::do_unbond(owner.clone(), netuid, provider.clone(), unit::<T>(1_000))
			.expect("free");
		advance::<T>(1_000_000);
		#[extrinsic_call]
		_(RawOrigin::Signed(owner), netuid, provider.clone());
		assert!(Bonds::<T>::get(netuid, &provider).expect("bonded").unbonding.is_zero());
	}

	/// Replacing an offer, with the largest attributes.
	#[benchmark]
	fn set_offer() {
		let (netuid, provider, _, _) = provider::<T>(0);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(provider.clone()),
			netuid,
			unit::<T>(5),
			MAX_CAPACITY,
			vec![8; MAX_ATTRIBUTES_LEN as usize],
		);
		assert_eq!(Offers::<T>::get(netuid, &provider).expect("set").price_per_unit, unit::<T>(5));
	}

	/// The largest spec, naming a provider.
	#[benchmark]
	fn post_job() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let poster: T::AccountId = account("poster", 0, 0);
		funds::<T>(&poster);
		let deadline =
			frame_system::Pallet::<T>::block_number().saturating_add(T::MaxJobBlocks::get());
		#[extrinsic_call]
		_(
			RawOrigin::Signed(poster),
			netuid,
			vec![1; MAX_SPEC_LEN as usize],
			unit::<T>(1_000_000),
			deadline,
			Some(provider),
		);
		assert_eq!(NextJobId::<T>::get(), 1);
	}

	#[benchmark]
	fn cancel_job() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let (id, poster) = job::<T>(netuid, &provider);
		#[extrinsic_call]
		_(RawOrigin::Signed(poster), id);
		assert!(!Jobs::<T>::contains_key(id));
	}

	#[benchmark]
	fn accept_job() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let (id, _) = job::<T>(netuid, &provider);
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), id);
		assert!(matches!(Jobs::<T>::get(id).expect("open").state, JobState::Accepted { .. }));
	}

	#[benchmark]
	fn submit_result() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let (id, _) = job::<T>(netuid, &provider);
		Market::<T>::do_accept_job(provider.clone(), id).expect("bonded");
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), id, sp_core::H256::repeat_byte(1), 10);
		assert!(matches!(Jobs::<T>::get(id).expect("open").state, JobState::Submitted { .. }));
	}

	/// The last attestation a job takes (the duplicate check reads every earlier one).
	#[benchmark]
	fn attest() {
		let (netuid, provider, _, validators) = provider::<T>(MAX_ATTESTATIONS);
		let (id, _) = job::<T>(netuid, &provider);
		Market::<T>::do_accept_job(provider.clone(), id).expect("bonded");
		Market::<T>::do_submit_result(provider, id, sp_core::H256::repeat_byte(1), 10)
			.expect("accepted");
		let (last, earlier) = validators.split_last().expect("validators");
		for v in earlier {
			Market::<T>::do_attest(v.clone(), id, true).expect("permitted");
		}
		#[extrinsic_call]
		_(RawOrigin::Signed(last.clone()), id, false);
		assert_eq!(Jobs::<T>::get(id).expect("open").attestations.len() as u32, MAX_ATTESTATIONS);
	}

	#[benchmark]
	fn dispute() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let (id, poster) = job::<T>(netuid, &provider);
		Market::<T>::do_accept_job(provider.clone(), id).expect("bonded");
		Market::<T>::do_submit_result(provider, id, sp_core::H256::repeat_byte(1), 10)
			.expect("accepted");
		#[extrinsic_call]
		_(RawOrigin::Signed(poster), id);
		assert!(matches!(
			Jobs::<T>::get(id).expect("open").state,
			JobState::Submitted { disputed: true, .. }
		));
	}

	/// Rejected by `a` validators: the poster refunded, the bond slashed to the poster, to
	/// every rejecting validator's owner and a burn.
	#[benchmark]
	fn finalize_job(a: Linear<1, MAX_ATTESTATIONS>) {
		let (netuid, provider, _, validators) = provider::<T>(a);
		let (id, _) = job::<T>(netuid, &provider);
		Market::<T>::do_accept_job(provider.clone(), id).expect("bonded");
		Market::<T>::do_submit_result(provider, id, sp_core::H256::repeat_byte(1), 10)
			.expect("accepted");
		for v in &validators {
			Market::<T>::do_attest(v.clone(), id, false).expect("permitted");
		}
		advance::<T>(1_000);
		let anyone: T::AccountId = account("anyone", 0, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(anyone), id);
		assert!(!Jobs::<T>::contains_key(id));
	}

	#[benchmark]
	fn open_lease() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let user: T::AccountId = account("user", 0, 0);
		funds::<T>(&user);
		#[extrinsic_call]
		_(RawOrigin::Signed(user), netuid, provider, unit::<T>(1_000), unit::<T>(1_000_000));
		assert_eq!(NextLeaseId::<T>::get(), 1);
	}

	#[benchmark]
	fn accept_lease() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let user: T::AccountId = account("user", 0, 0);
		funds::<T>(&user);
		Market::<T>::do_open_lease(
			user,
			netuid,
			provider.clone(),
			unit::<T>(1_000),
			unit::<T>(1_000_000),
		)
		.expect("funded");
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), 0);
		assert_eq!(Leases::<T>::get(0).expect("open").state, LeaseState::Active);
	}

	/// A lease that ran out: settled, paused, resumed.
	#[benchmark]
	fn top_up() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let (id, user) = lease::<T>(netuid, &provider, 10_000);
		advance::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(user), id, unit::<T>(1_000_000));
		assert_eq!(Leases::<T>::get(id).expect("open").state, LeaseState::Active);
	}

	/// Settled and paused.
	#[benchmark]
	fn withdraw_lease() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let (id, _) = lease::<T>(netuid, &provider, 10_000);
		advance::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(provider), id);
		assert!(matches!(Leases::<T>::get(id).expect("open").state, LeaseState::Paused { .. }));
	}

	/// Settled, the rest refunded, the bond released.
	#[benchmark]
	fn close_lease() {
		let (netuid, provider, _, _) = provider::<T>(0);
		let (id, user) = lease::<T>(netuid, &provider, 1_000_000);
		advance::<T>(100);
		#[extrinsic_call]
		_(RawOrigin::Signed(user), id);
		assert!(!Leases::<T>::contains_key(id));
	}

	#[benchmark]
	fn set_protocol_take() {
		#[extrinsic_call]
		_(RawOrigin::Root, sp_runtime::Perbill::from_percent(3));
		assert_eq!(ProtocolTake::<T>::get(), sp_runtime::Perbill::from_percent(3));
	}
}
