//! Benchmarks of one epoch in steady state (previous bonds present) over
//! `n ∈ {256, 1024, 4096}` uids × `{64, 128, 256}` validators × `{full, 10%}` weight density ×
//! `{Yuma 2, Yuma 3 with liquid alpha}`.
//!
//! Run a subset with a filter, e.g. `cargo bench -p myelin-yuma --bench epoch -- n4096`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use myelin_yuma::{epoch, EpochInputs, EpochParams, YumaVersion};

/// xorshift64*: a deterministic input generator.
struct XorShift(u64);

impl XorShift {
	fn next_u64(&mut self) -> u64 {
		let mut x = self.0;
		x ^= x >> 12;
		x ^= x << 25;
		x ^= x >> 27;
		self.0 = x;
		x.wrapping_mul(0x2545_f491_4f6c_dd1d)
	}

	fn below(&mut self, bound: u64) -> u64 {
		self.next_u64() % bound
	}
}

/// A subnet of `n` uids whose `validators` largest stakers weight `percent`% of all uids at
/// random, after one epoch has run (so bonds are present).
fn inputs(n: usize, validators: usize, percent: u64, version: YumaVersion) -> EpochInputs {
	let mut rng = XorShift(0x5eed_0000 + n as u64 * 1000 + validators as u64 + percent);
	let block = 100_000;
	let stake =
		(0..n)
			.map(|i| {
				if i < validators {
					1_000_000_000_000 + rng.below(1 << 40)
				} else {
					rng.below(1000)
				}
			})
			.collect();
	let weights = (0..n)
		.map(|i| {
			if i >= validators {
				return Vec::new();
			}
			let mut row = Vec::new();
			for j in 0..n {
				if percent >= 100 || rng.below(100) < percent {
					row.push((j as u16, 1 + rng.below(65_535) as u16));
				}
			}
			row
		})
		.collect();
	let mut inputs = EpochInputs {
		stake,
		weights,
		bonds: Vec::new(),
		last_update: vec![block; n],
		registered_at: vec![0; n],
		block,
		last_epoch_block: block - 360,
		validator_permit: None,
		emission: 360_000_000_000,
		params: EpochParams {
			yuma_version: version,
			liquid_alpha_enabled: version == YumaVersion::Yuma3,
			max_allowed_validators: validators as u16,
			..EpochParams::default()
		},
	};
	let first = epoch(&inputs).expect("valid inputs");
	inputs.bonds = first.bonds;
	inputs.last_epoch_block = inputs.block;
	inputs.block += 360;
	inputs.last_update = vec![inputs.block; n];
	inputs
}

fn bench_epoch(c: &mut Criterion) {
	for version in [YumaVersion::Yuma2, YumaVersion::Yuma3] {
		for percent in [100, 10] {
			let name = match version {
				YumaVersion::Yuma2 => format!("yuma2/density{percent}"),
				YumaVersion::Yuma3 => format!("yuma3-liquid/density{percent}"),
			};
			let mut group = c.benchmark_group(name);
			group.sample_size(10);
			for n in [256, 1024, 4096] {
				for validators in [64, 128, 256] {
					if validators > n {
						continue;
					}
					let inputs = inputs(n, validators, percent, version);
					let id = BenchmarkId::from_parameter(format!("n{n}/v{validators}"));
					group.bench_with_input(id, &inputs, |b, inputs| {
						b.iter(|| epoch(inputs).expect("valid inputs"))
					});
				}
			}
			group.finish();
		}
	}
}

criterion_group!(benches, bench_epoch);
criterion_main!(benches);
