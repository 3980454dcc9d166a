//! Refused inputs name their field; parameters and their defaults.

use alloc::{vec, vec::Vec};

use crate::{epoch, mock::inputs_with_stake, EpochError, EpochInputs, EpochParams, YumaVersion};
#[test]
fn wrong_lengths_name_the_field() {
	let base = inputs_with_stake(&[1, 2, 3]);
	let cases: Vec<(&str, EpochInputs)> = vec![
		("weights", EpochInputs { weights: vec![vec![]; 2], ..base.clone() }),
		("bonds", EpochInputs { bonds: vec![vec![]; 4], ..base.clone() }),
		("last_update", EpochInputs { last_update: vec![0; 2], ..base.clone() }),
		("registered_at", EpochInputs { registered_at: vec![], ..base.clone() }),
		("validator_permit", EpochInputs { validator_permit: Some(vec![true]), ..base.clone() }),
	];
	for (field, inputs) in cases {
		let err = epoch(&inputs).unwrap_err();
		assert!(matches!(err, EpochError::WrongLength { .. }));
		assert_eq!(err.field(), field);
	}
}

#[test]
fn bad_uids_are_refused() {
	let mut inputs = inputs_with_stake(&[1, 2, 3]);
	inputs.weights[1] = vec![(0, 1), (3, 1)];
	assert_eq!(epoch(&inputs), Err(EpochError::UidOutOfRange { field: "weights", row: 1, uid: 3 }));
	inputs.weights[1] = vec![(2, 1), (0, 1), (2, 5)];
	assert_eq!(epoch(&inputs), Err(EpochError::DuplicateUid { field: "weights", row: 1, uid: 2 }));
	inputs.weights[1] = vec![];
	inputs.bonds = vec![vec![], vec![], vec![(9, 1)]];
	assert_eq!(epoch(&inputs), Err(EpochError::UidOutOfRange { field: "bonds", row: 2, uid: 9 }));
	inputs.bonds = vec![vec![(1, 1), (1, 1)], vec![], vec![]];
	assert_eq!(epoch(&inputs), Err(EpochError::DuplicateUid { field: "bonds", row: 0, uid: 1 }));
}

#[test]
fn bad_params_are_refused() {
	let mut inputs = inputs_with_stake(&[1, 2, 3]);
	inputs.params.bonds_moving_average = 1_000_001;
	assert_eq!(epoch(&inputs).unwrap_err().field(), "params.bonds_moving_average");
	inputs.params.bonds_moving_average = 1_000_000;
	inputs.params.liquid_alpha_enabled = true;
	inputs.params.alpha_low = 2;
	inputs.params.alpha_high = 1;
	assert_eq!(epoch(&inputs).unwrap_err().field(), "params.alpha_low");
	inputs.params.alpha_high = 2;
	assert!(epoch(&inputs).is_ok());
}

#[test]
fn errors_display_the_field() {
	let err = EpochError::UidOutOfRange { field: "weights", row: 4, uid: 70 };
	assert_eq!(alloc::format!("{err}"), "weights[4]: uid 70 out of range");
}

#[test]
fn default_params_match_the_spec() {
	let p = EpochParams::default();
	assert_eq!(
		(p.kappa, p.bonds_moving_average, p.bonds_penalty, p.alpha_low, p.alpha_high),
		(32_767, 900_000, 65_535, 45_875, 58_982)
	);
	assert_eq!(p.yuma_version, YumaVersion::Yuma3);
	assert!(!p.liquid_alpha_enabled);
	assert_eq!(
		(p.alpha_sigmoid_steepness, p.max_allowed_validators, p.activity_cutoff),
		(1000, 64, 5000)
	);
	assert_eq!(YumaVersion::from_number(2), Some(YumaVersion::Yuma2));
	assert_eq!(YumaVersion::from_number(4), None);
	assert_eq!(YumaVersion::Yuma3.number(), 3);
}
