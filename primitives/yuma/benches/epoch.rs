//! Benchmarks of one epoch in steady state (previous bonds present) over
//! `n ∈ {256, 1024, 4096}` uids × `{64, 128, 256}` validators × `{full, 10%}` weight density ×
//! `{Yuma 2, Yuma 3 with liquid alpha}`.
//!
//! Run a subset with a filter, e.g. `cargo bench -p myelin-yuma --bench epoch -- n4096`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use myelin_yuma::{epoch, synthetic::steady_subnet, YumaVersion};

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
					let inputs = steady_subnet(n, validators, percent, version);
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
