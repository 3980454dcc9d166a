//! Plain log lines on stderr: `2026-11-22T12:00:00.123Z INFO  message`. `RUST_LOG=debug` (or
//! `warn`, …) sets the level; the default is `info`. Other crates log at `warn` and above.

use std::time::{SystemTime, UNIX_EPOCH};

use log::{Level, LevelFilter, Log, Metadata, Record};

struct Logger {
	level: LevelFilter,
}

impl Log for Logger {
	fn enabled(&self, metadata: &Metadata) -> bool {
		let ours = metadata.target().starts_with("myelin_worker");
		metadata.level() <= if ours { self.level } else { LevelFilter::Warn.min(self.level) }
	}

	fn log(&self, record: &Record) {
		if self.enabled(record.metadata()) {
			let level = match record.level() {
				Level::Error => "ERROR",
				Level::Warn => "WARN ",
				Level::Info => "INFO ",
				Level::Debug => "DEBUG",
				Level::Trace => "TRACE",
			};
			eprintln!("{} {level} {}", utc_now(), record.args());
		}
	}

	fn flush(&self) {}
}

/// Installs the logger (once).
pub fn init() {
	let level =
		std::env::var("RUST_LOG").ok().and_then(|l| l.parse().ok()).unwrap_or(LevelFilter::Info);
	if log::set_boxed_logger(Box::new(Logger { level })).is_ok() {
		log::set_max_level(level);
	}
}

/// The time now as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
fn utc_now() -> String {
	let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap_or_default();
	let (days, secs) = ((now.as_secs() / 86_400) as i64, now.as_secs() % 86_400);
	// Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
	let z = days + 719_468;
	let era = z.div_euclid(146_097);
	let doe = z.rem_euclid(146_097);
	let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
	let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	let mp = (5 * doy + 2) / 153;
	let day = doy - (153 * mp + 2) / 5 + 1;
	let month = if mp < 10 { mp + 3 } else { mp - 9 };
	let year = yoe + era * 400 + i64::from(month <= 2);
	format!(
		"{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
		secs / 3600,
		secs / 60 % 60,
		secs % 60,
		now.subsec_millis()
	)
}
