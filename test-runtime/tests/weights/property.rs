//! Property test: rows of random lengths (up to 4096) and values never panic; each either is
//! stored as a valid row or is refused with an error, changing nothing.

use super::*;

struct Rng(u64);
impl Rng {
	fn next(&mut self) -> u64 {
		self.0 ^= self.0 << 13;
		self.0 ^= self.0 >> 7;
		self.0 ^= self.0 << 17;
		self.0
	}
	fn below(&mut self, n: u64) -> u64 {
		self.next() % n.max(1)
	}
}

#[test]
fn random_rows_are_stored_valid_or_refused() {
	test(|| {
		set_hyper(H::MaxAllowedUids(4096));
		// 40 more neurons so that many uids are valid; the rest of 0..4096 are unknown.
		for hotkey in 1_000..1_040u64 {
			assert_ok!(Subnets::burned_register(RuntimeOrigin::signed(COLDKEY), 1, hotkey));
		}
		let n = pallet_subnets::SubnetworkN::<Test>::get(1);
		let mut rng = Rng(0x5eed_1234_abcd_ef01);
		let (mut stored, mut refused) = (0, 0);
		for _ in 0..400 {
			let len = match rng.below(4) {
				0 => rng.below(4097) as usize,
				_ => rng.below(u64::from(n) + 2) as usize,
			};
			let uid_range = if rng.below(3) == 0 { 4096 } else { u64::from(n) };
			let uids: Vec<u16> = (0..len).map(|_| rng.below(uid_range) as u16).collect();
			let wlen = if rng.below(10) == 0 { len + 1 } else { len };
			let weights: Vec<u16> = (0..wlen).map(|_| rng.below(65_536) as u16).collect();
			let before = Weights::<Test>::get(1, 1);
			// A block apart (the rate limit is at least one), without running epochs.
			let next = frame_system::Pallet::<Test>::block_number() + 1;
			frame_system::Pallet::<Test>::set_block_number(next);
			match WeightsPallet::set_weights(
				RuntimeOrigin::signed(VALI),
				1,
				uids.clone(),
				weights,
				0,
			) {
				Ok(()) => {
					stored += 1;
					let row = Weights::<Test>::get(1, 1).unwrap();
					assert!(row.iter().all(|(uid, _)| *uid < n));
					assert!(row.windows(2).all(|w| w[0].0 < w[1].0));
					assert!(row.iter().any(|(_, w)| *w == 65_535), "max-upscaled");
				},
				Err(_) => {
					refused += 1;
					assert_eq!(Weights::<Test>::get(1, 1), before, "a refusal changes nothing");
				},
			}
			assert_ok!(WeightsPallet::do_try_state());
		}
		assert!(stored > 20 && refused > 20, "stored {stored}, refused {refused}");
	});
}
