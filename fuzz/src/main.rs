//! `myelin-fuzz [--seed S] [--calls N] [--per-block K]`: runs the runtime fuzzer and prints
//! what it did and how fast (`make fuzz`).

fn main() {
	let mut seed = 1u64;
	let mut calls = 100_000u64;
	let mut per_block = 20u32;
	let mut args = std::env::args().skip(1);
	while let Some(flag) = args.next() {
		let value = args.next().unwrap_or_else(|| usage(&format!("{flag} needs a value")));
		let number = value
			.parse::<u64>()
			.unwrap_or_else(|_| usage(&format!("{flag}: not a number: {value}")));
		match flag.as_str() {
			"--seed" => seed = number,
			"--calls" => calls = number,
			"--per-block" => {
				per_block =
					u32::try_from(number).unwrap_or_else(|_| usage("--per-block: too large"))
			},
			_ => usage(&format!("unknown argument {flag}")),
		}
	}
	let started = std::time::Instant::now();
	let report = myelin_fuzz::run(seed, calls, per_block);
	let secs = started.elapsed().as_secs_f64();
	println!(
		"seed {seed}: {} calls in {} blocks ({} applied, {} succeeded), {} subnets at the end, {} \
		 epochs, largest block weight {:.1} ms; {:.1} s, {:.0} calls/s; every invariant held after \
		 every block",
		report.calls,
		report.blocks,
		report.applied,
		report.succeeded,
		report.subnets,
		report.epochs,
		report.max_block_weight as f64 / 1e9,
		secs,
		report.calls as f64 / secs,
	);
}

fn usage(message: &str) -> ! {
	eprintln!("myelin-fuzz: {message}\nusage: myelin-fuzz [--seed S] [--calls N] [--per-block K]");
	std::process::exit(2)
}
