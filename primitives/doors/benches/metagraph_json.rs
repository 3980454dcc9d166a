//! What the node spends on a `subnets_metagraph` answer after the runtime API returned: decoding
//! the SCALE bytes and writing the JSON, for a 4096-neuron subnet; and its 8192 SS58 addresses
//! written by `sp_core` (`ss58_8192`, what the JSON used before) and by `json::ss58`.
//!   cargo bench -p myelin-doors --bench metagraph_json

use codec::{Decode, Encode};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use myelin_doors::{Metagraph, NeuronInfo};
use sp_core::crypto::{AccountId32, Ss58Codec};

fn account(tag: u8, i: u16) -> AccountId32 {
	let mut raw = [tag; 32];
	raw[..2].copy_from_slice(&i.to_be_bytes());
	AccountId32::new(raw)
}

fn metagraph(n: u16) -> Metagraph<AccountId32, u128> {
	let neurons = (0..n)
		.map(|uid| NeuronInfo {
			uid,
			hotkey: account(0x5a, uid),
			coldkey: account(0xc0, uid),
			stake: 10_000_000_000 + u128::from(uid),
			consensus: uid,
			incentive: uid / 2,
			dividends: uid / 3,
			validator_trust: uid / 4,
			emission: 123_456_789,
			validator_permit: uid < 256,
			active: true,
			last_update: 1_000 + u64::from(uid),
			registered_at: 10 + u64::from(uid),
			axon: Some(format!("http://10.0.{}.{}:8091", uid >> 8, uid & 255).into_bytes()),
			take: (uid < 256).then_some(180_000_000),
			pending_take: None,
		})
		.collect::<Vec<_>>();
	Metagraph { netuid: 1, block: 5_000, n, neurons }
}

fn bench(c: &mut Criterion) {
	let graph = metagraph(4096);
	let scale = graph.encode();
	let mut group = c.benchmark_group("metagraph_4096");
	group.sample_size(20);
	group.bench_function("scale_decode", |b| {
		b.iter(|| Metagraph::<AccountId32, u128>::decode(&mut &scale[..]).unwrap())
	});
	group.bench_function("json", |b| b.iter(|| serde_json::to_vec(black_box(&graph)).unwrap()));
	let keys: Vec<_> = graph.neurons.iter().map(|n| n.hotkey.clone()).collect();
	group.bench_function("ss58_8192", |b| {
		b.iter(|| {
			for k in &keys {
				black_box(k.to_ss58check());
				black_box(k.to_ss58check());
			}
		})
	});
	group.bench_function("ss58_8192_doors", |b| {
		let mut out = [0u8; 50];
		b.iter(|| {
			for k in &keys {
				black_box(myelin_doors::json::ss58(42, k.as_ref(), &mut out));
				black_box(myelin_doors::json::ss58(42, k.as_ref(), &mut out));
			}
		})
	});
	group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
