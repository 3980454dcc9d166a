//! From answers to weights: each miner's score, then the u16 weight row the validator sets.

use std::time::Duration;

/// How one miner did on one task.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
	/// No answer: unreachable, timed out, HTTP error, unreadable body.
	Missing(String),
	/// An answer that failed the check.
	Wrong,
	/// A correct answer after `latency` (built-in task).
	Correct {
		/// Time from sending the task to receiving the whole answer.
		latency: Duration,
	},
	/// A score given by a scoring plug-in, in `[0, 1]`.
	Scored(f64),
}

/// The score of an outcome, in `[0, 1]`: 0 for a missing or wrong answer; for a correct one
/// `1 / (1 + latency / reference)`, so an instant answer scores 1, one taking `reference`
/// scores 1/2, and slower answers less.
pub fn score(outcome: &Outcome, reference: Duration) -> f64 {
	match outcome {
		Outcome::Missing(_) | Outcome::Wrong => 0.0,
		Outcome::Correct { latency } => {
			let reference = reference.as_secs_f64().max(1e-6);
			1.0 / (1.0 + latency.as_secs_f64() / reference)
		},
		Outcome::Scored(x) if x.is_finite() => x.clamp(0.0, 1.0),
		Outcome::Scored(_) => 0.0,
	}
}

/// The weight row for `scores` (`(uid, score)`): uids with a positive score, ascending, with
/// weights scaled so the best score gets 65535 (the chain normalises rows anyway). Empty when
/// nobody scored.
pub fn to_weights(scores: &[(u16, f64)]) -> (Vec<u16>, Vec<u16>) {
	let best = scores.iter().map(|(_, s)| *s).fold(0.0f64, f64::max);
	if best <= 0.0 {
		return (Vec::new(), Vec::new());
	}
	let mut row: Vec<(u16, u16)> = scores
		.iter()
		.filter(|(_, s)| *s > 0.0)
		.map(|(uid, s)| (*uid, ((s / best) * 65535.0).round().clamp(1.0, 65535.0) as u16))
		.collect();
	row.sort_unstable_by_key(|(uid, _)| *uid);
	row.dedup_by_key(|(uid, _)| *uid);
	row.into_iter().unzip()
}

/// The scores a round scorer printed for `n` answers: `[x, …]` or `{"scores": [x, …]}`, one
/// number in `[0, 1]` per answer, in the order given.
pub fn round_scores(output: &serde_json::Value, n: usize) -> Result<Vec<f64>, String> {
	let list = match output {
		serde_json::Value::Array(list) => list,
		serde_json::Value::Object(o) => match o.get("scores") {
			Some(serde_json::Value::Array(list)) => list,
			_ => return Err("expected `{\"scores\": [...]}` or a list of scores".into()),
		},
		_ => return Err("expected `{\"scores\": [...]}` or a list of scores".into()),
	};
	if list.len() != n {
		return Err(format!("{} scores for {n} answers", list.len()));
	}
	list.iter()
		.enumerate()
		.map(|(i, x)| match x.as_f64() {
			Some(x) if (0.0..=1.0).contains(&x) => Ok(x),
			_ => Err(format!("score {i} is `{x}`, not a number in [0, 1]")),
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;

	const REF: Duration = Duration::from_millis(100);

	#[test]
	fn faster_correct_answers_score_higher_and_wrong_ones_zero() {
		let fast = score(&Outcome::Correct { latency: Duration::from_millis(5) }, REF);
		let slow = score(&Outcome::Correct { latency: Duration::from_millis(500) }, REF);
		assert!(fast > slow && slow > 0.0, "{fast} {slow}");
		assert!((score(&Outcome::Correct { latency: REF }, REF) - 0.5).abs() < 1e-9);
		assert_eq!(score(&Outcome::Wrong, REF), 0.0);
		assert_eq!(score(&Outcome::Missing("connection refused".into()), REF), 0.0);
		assert_eq!(score(&Outcome::Scored(0.7), REF), 0.7);
		assert_eq!(score(&Outcome::Scored(f64::NAN), REF), 0.0);
		assert_eq!(score(&Outcome::Scored(3.0), REF), 1.0);
	}

	#[test]
	fn round_scores_are_one_number_in_zero_one_per_answer() {
		use serde_json::json;
		assert_eq!(round_scores(&json!({"scores": [1, 0.5]}), 2), Ok(vec![1.0, 0.5]));
		assert_eq!(round_scores(&json!([0]), 1), Ok(vec![0.0]));
		assert!(round_scores(&json!([0.5]), 2).unwrap_err().contains("1 scores for 2 answers"));
		assert!(round_scores(&json!([1.5]), 1).unwrap_err().contains("score 0"));
		assert!(round_scores(&json!({"points": []}), 0).is_err());
		assert!(round_scores(&json!("x"), 0).is_err());
	}

	#[test]
	fn weights_scale_the_best_to_65535_and_drop_zeros() {
		let (uids, weights) = to_weights(&[(4, 0.25), (1, 0.5), (2, 0.0), (3, 0.001)]);
		assert_eq!(uids, vec![1, 3, 4]);
		assert_eq!(weights, vec![65535, 131, 32768]);
		assert_eq!(to_weights(&[(1, 0.0), (2, 0.0)]), (vec![], vec![]));
		assert_eq!(to_weights(&[]), (vec![], vec![]));
	}
}
