//! `subnet set --param NAME=VALUE`: a subnet hyperparameter by its name in
//! `subnets_hyperparameters` (docs/protocol.md section 5).

use myelin_worker::{chain::api, parse_myl};

/// The runtime's `Hyperparameter` (amounts in base units).
pub type Hyperparameter = api::runtime_types::pallet_subnets::types::Hyperparameter<u128>;

/// The names `--param` takes, in the order of docs/protocol.md section 5.
pub const NAMES: &str = "tempo, kappa, yuma_version, bonds_moving_average, bonds_penalty, \
	liquid_alpha_enabled, alpha_values (LOW,HIGH), alpha_sigmoid_steepness, max_allowed_uids, \
	max_allowed_validators, immunity_period, activity_cutoff, weights_rate_limit, \
	min_allowed_weights, max_weight_limit, weights_version_key, commit_reveal_enabled, \
	commit_reveal_period, min_burn (MYL), max_burn (MYL), burn_half_life, registration_allowed, \
	serving_rate_limit";

/// `--param NAME=VALUE`, checked when parsed and built when used (the runtime's generated
/// type is not `Clone`, which clap needs).
#[derive(Clone, Debug)]
pub struct Param(String);

/// `--param`: a valid `NAME=VALUE`, or why not.
pub fn parse_param(s: &str) -> Result<Param, String> {
	parse_hyperparameter(s).map(|_| Param(s.to_string()))
}

impl Param {
	/// The hyperparameter it names.
	pub fn build(&self) -> Hyperparameter {
		parse_hyperparameter(&self.0).expect("checked when parsed")
	}
}

/// `NAME=VALUE` as a hyperparameter, or why not.
pub fn parse_hyperparameter(s: &str) -> Result<Hyperparameter, String> {
	use Hyperparameter as H;
	let (name, value) = s
		.split_once('=')
		.ok_or_else(|| format!("`{s}`: expected NAME=VALUE, NAME one of {NAMES}"))?;
	let (name, value) = (name.trim(), value.trim());
	let bad = |what: &str| format!("{name}: `{value}` is not {what}");
	let int = |what| value.parse::<u64>().map_err(|_| bad(what));
	let u16_ = || {
		int("a number of 0..=65535")
			.and_then(|v| u16::try_from(v).map_err(|_| bad("at most 65535")))
	};
	let u32_ = || {
		int("a number of blocks")
			.and_then(|v| u32::try_from(v).map_err(|_| bad("at most 4294967295")))
	};
	let flag = || match value {
		"true" | "yes" | "on" => Ok(true),
		"false" | "no" | "off" => Ok(false),
		_ => Err(bad("true or false")),
	};
	Ok(match name {
		"tempo" => H::Tempo(u16_()?),
		"kappa" => H::Kappa(u16_()?),
		"yuma_version" => H::YumaVersion(int("2 or 3")?.try_into().map_err(|_| bad("2 or 3"))?),
		"bonds_moving_average" => H::BondsMovingAverage(int("a number of 0..=999999")?),
		"bonds_penalty" => H::BondsPenalty(u16_()?),
		"liquid_alpha_enabled" => H::LiquidAlphaEnabled(flag()?),
		"alpha_values" => {
			let (low, high) = value.split_once(',').ok_or_else(|| bad("LOW,HIGH"))?;
			let part = |v: &str| v.trim().parse::<u16>().map_err(|_| bad("LOW,HIGH of 0..=65535"));
			H::AlphaValues { low: part(low)?, high: part(high)? }
		},
		"alpha_sigmoid_steepness" => H::AlphaSigmoidSteepness(u16_()?),
		"max_allowed_uids" => H::MaxAllowedUids(u16_()?),
		"max_allowed_validators" => H::MaxAllowedValidators(u16_()?),
		"immunity_period" => H::ImmunityPeriod(u32_()?),
		"activity_cutoff" => H::ActivityCutoff(u32_()?),
		"weights_rate_limit" => H::WeightsRateLimit(u32_()?),
		"min_allowed_weights" => H::MinAllowedWeights(u16_()?),
		"max_weight_limit" => H::MaxWeightLimit(u16_()?),
		"weights_version_key" => H::WeightsVersionKey(int("a number")?),
		"commit_reveal_enabled" => H::CommitRevealEnabled(flag()?),
		"commit_reveal_period" => H::CommitRevealPeriod(u32_()?),
		"min_burn" => H::MinBurn(parse_myl(value).map_err(|e| format!("{name}: {e}"))?),
		"max_burn" => H::MaxBurn(parse_myl(value).map_err(|e| format!("{name}: {e}"))?),
		"burn_half_life" => H::BurnHalfLife(u32_()?),
		"registration_allowed" => H::RegistrationAllowed(flag()?),
		"serving_rate_limit" => H::ServingRateLimit(u32_()?),
		_ => return Err(format!("`{name}` is not a hyperparameter: {NAMES}")),
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	#[test]
	fn names_and_values_become_hyperparameters_or_named_errors() {
		assert!(matches!(parse_hyperparameter("tempo=20"), Ok(Hyperparameter::Tempo(20))));
		assert!(matches!(
			parse_hyperparameter("alpha_values = 2000, 60000"),
			Ok(Hyperparameter::AlphaValues { low: 2000, high: 60000 })
		));
		assert!(matches!(
			parse_hyperparameter("max_burn=0.5"),
			Ok(Hyperparameter::MaxBurn(500_000_000))
		));
		assert!(matches!(
			parse_hyperparameter("commit_reveal_enabled=true"),
			Ok(Hyperparameter::CommitRevealEnabled(true))
		));
		assert!(parse_hyperparameter("tempo").unwrap_err().contains("NAME=VALUE"));
		assert!(parse_hyperparameter("tempo=70000").unwrap_err().contains("at most 65535"));
		assert!(parse_hyperparameter("speed=1").unwrap_err().contains("`speed` is not"));
		assert!(parse_hyperparameter("yuma_version=300").unwrap_err().contains("2 or 3"));
	}
}
